"""What the channels of messaging apps (bot/channels/telegram.py,
bot/channels/whatsapp.py) share: volunteers use them, so every message
carries the role "vrijwilliger"; the conversation id is a keyed hash of the
app's user id, so the tracker store never holds that id; long texts are
split under the app's limit; and a few things are remembered in memory
only, bounded, so a long-running server does not grow: messages already
handled (apps resend what they think was missed) and button payloads too
long for the app.
"""
from __future__ import annotations

import hashlib
import hmac
from typing import Any, Dict, Hashable, Iterator, Mapping, Optional, OrderedDict, Sequence, TypeVar

ROL = "vrijwilliger"
ALLEEN_TEKST = "Ik kan alleen tekstberichten lezen. Typ je vraag, dan help ik je verder."
FOUT = "Er ging iets mis bij het verwerken van je bericht. Probeer het zo nog eens."
CAPACITY = 10_000

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


def metadata(kanaal: str) -> Dict[str, str]:
    """The metadata of a user's message (read by actions/verslag.py)."""
    return {"kanaal": kanaal, "rol": ROL}


def pseudoniem(prefix: str, key: str, user_id: Any) -> str:
    """A conversation id for an app's user id: "<prefix>-" and 32 hex digits
    of HMAC-SHA256 with `key`, so it cannot be traced back without the key."""
    digest = hmac.new(key.encode(), str(user_id).encode(), hashlib.sha256).hexdigest()
    return f"{prefix}-{digest[:32]}"


def delen(text: str, limit: int, boundaries: Sequence[str] = ("\n",)) -> Iterator[str]:
    """`text` in parts of at most `limit` characters, each cut at the last of
    the first of `boundaries` that occurs in it (or hard at the limit)."""
    text = text.strip()
    while len(text) > limit:
        cut = 0
        for boundary in boundaries:
            cut = text.rfind(boundary, 0, limit)
            if cut > 0:
                break
        cut = cut if cut > 0 else limit
        yield text[:cut]
        text = text[cut:].lstrip()
    if text:
        yield text


class Begrensd(OrderedDict[K, V]):
    """A dict that forgets its least recently set entries beyond `capacity`."""

    def __init__(self, capacity: int = CAPACITY) -> None:
        super().__init__()
        self.capacity = capacity

    def __setitem__(self, key: K, value: V) -> None:
        super().__setitem__(key, value)
        self.move_to_end(key)
        while len(self) > self.capacity:
            self.popitem(last=False)


class Gezien:
    """The ids of the latest messages handled, to handle a resent one once."""

    def __init__(self, capacity: int = CAPACITY) -> None:
        self._ids: Begrensd[Hashable, None] = Begrensd(capacity)

    def al_gezien(self, message_id: Optional[Hashable]) -> bool:
        """True when `message_id` was seen before; remembers it otherwise."""
        if message_id is None:
            return False
        if message_id in self._ids:
            return True
        self._ids[message_id] = None
        return False


class KnopGeheugen:
    """Turns button payloads into ids within the app's limit (`max_bytes`,
    set by a subclass) and back: a longer payload becomes "k:" and a hash,
    remembered here."""

    max_bytes: int

    def __init__(self, capacity: int = CAPACITY) -> None:
        self._payloads: Begrensd[str, str] = Begrensd(capacity)

    def callback_data(self, payload: str) -> str:
        if len(payload.encode("utf-8")) <= self.max_bytes and not payload.startswith("k:"):
            return payload
        key = "k:" + hashlib.sha256(payload.encode("utf-8")).hexdigest()[:32]
        self._payloads[key] = payload
        return key

    def payload(self, data: str, titels: Mapping[str, str]) -> Optional[str]:
        """The payload of a click; the button's title when it was forgotten."""
        if not data.startswith("k:"):
            return data
        return self._payloads.get(data) or titels.get(data)
