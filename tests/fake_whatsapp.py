"""A fake WhatsApp Cloud API (Meta's Graph API) for the WhatsApp channel's tests.

It listens on 127.0.0.1 on a free port in a thread (tests/fake_api.py),
under /v19.0 like the real one, and answers the calls the connector makes
(`GET /{phone-number-id}`, `POST /{phone-number-id}/messages`,
`POST /{phone-number-id}/media`) the way the Cloud API does. It checks
what WhatsApp checks: the bearer token (401 otherwise), and the limits of a
message (text up to 4096 characters; up to three reply buttons with unique
titles of at most 20 characters; a list of at most ten rows with titles of
24 and descriptions of 72; a body of at most 1024; a document only with a
media id it gave out, and only a file type WhatsApp takes). Anything else
gets 400 with Meta's error shape and is kept in `refused`, so a test cannot
pass with a message WhatsApp would refuse. Every call is recorded; numbers
in `failing_numbers` get a 500 on /messages and with `failing_uploads` the
upload gets a 500, as when Meta has trouble; `vertraging` makes it slow.

Below the class: what Meta posts to the webhook (`bericht`, `klik`,
`status`), signed with `ondertekening` as Meta signs it.
"""
from __future__ import annotations

import base64
import hashlib
import hmac
import itertools
import time
from email.message import Message
from typing import Any, Dict, List, Optional, Set, Tuple
from urllib.parse import urlsplit

from fake_api import Bestand, FakeApi, parse

VERSION = "v19.0"
DOCUMENT_TYPES = {"text/plain", "application/pdf", "application/msword", "application/vnd.ms-excel",
                  "application/vnd.ms-powerpoint",
                  "application/vnd.openxmlformats-officedocument.wordprocessingml.document"}
PROFIEL_NAAM = "Jantine Vlierhout"  # fictional; it must never reach the database
_volgnummer = itertools.count(1)


def graph_fout(code: int, message: str, soort: str = "OAuthException") -> Dict[str, Any]:
    return {"error": {"message": message, "type": soort, "code": code, "fbtrace_id": "AbCdEfGhIjK"}}


def wamid(nummer: str) -> str:
    """A message id as WhatsApp makes them: base64 that contains the number."""
    ruw = b"\x1c\x18\x0b" + nummer.encode() + b"\x15\x02\x00\x12\x18\x14" + f"{next(_volgnummer):020X}".encode()
    return "wamid." + base64.b64encode(ruw).decode()


class FakeWhatsApp(FakeApi):
    naam = "the fake WhatsApp Cloud API"

    def __init__(self, token: str, phone_number_id: str) -> None:
        super().__init__()
        self.token, self.phone_number_id = token, phone_number_id
        self.failing_numbers: Set[str] = set()
        self.failing_uploads = False
        self.vertraging = 0.0  # seconds before answering a message, as on a slow day
        self.refused: List[Tuple[Dict[str, Any], str]] = []
        self._media_ids: Set[str] = set()

    @property
    def api_url(self) -> str:
        return f"{self.url}/{VERSION}"

    # ---- what the assistant sent ----

    def messages_to(self, nummer: str) -> List[Dict[str, Any]]:
        """Messages to the number, also refused ones, oldest first."""
        return [p for p in self.calls_of("messages") if p.get("to") == nummer]

    def texts_to(self, nummer: str) -> List[str]:
        return [m["text"]["body"] for m in self.messages_to(nummer) if m.get("type") == "text"]

    def uploads(self) -> List[Bestand]:
        return [p["file"] for p in self.calls_of("media") if isinstance(p.get("file"), Bestand)]

    # ---- the Graph API ----

    def _answer(self, http_method: str, path: str, headers: Message, body: bytes) -> Tuple[int, Any]:
        if headers.get("Authorization") != f"Bearer {self.token}":
            return 401, graph_fout(190, "Invalid OAuth access token - Cannot parse access token")
        parts = urlsplit(path).path.strip("/").split("/")
        if parts[:2] != [VERSION, self.phone_number_id]:
            return 400, graph_fout(100, "Unsupported request: unknown object", "GraphMethodException")
        params = parse(headers.get("Content-Type", ""), body)
        if http_method == "GET" and len(parts) == 2:
            self.record("GET", params)
            return 200, {"verified_name": "Eenzaamheid Test", "display_phone_number": "+31 20 000 0000",
                         "quality_rating": "GREEN", "id": self.phone_number_id}
        if http_method == "POST" and parts[2:] == ["messages"]:
            self.record("messages", params)
            return self._message(params)
        if http_method == "POST" and parts[2:] == ["media"]:
            self.record("media", params)
            return self._upload(params)
        return 400, graph_fout(100, "Unsupported request", "GraphMethodException")

    def _weiger(self, params: Dict[str, Any], reden: str) -> Tuple[int, Any]:
        with self._lock:
            self.refused.append((params, reden))
        return 400, graph_fout(131009, f"Parameter value is not valid: {reden}")

    def _message(self, params: Dict[str, Any]) -> Tuple[int, Any]:
        reden = probleem(params, self._media_ids)
        if reden:
            return self._weiger(params, reden)
        time.sleep(self.vertraging)
        nummer = params["to"]
        if nummer in self.failing_numbers:
            return 500, graph_fout(131000, "Something went wrong", "OAuthException")
        return 200, {"messaging_product": "whatsapp", "contacts": [{"input": nummer, "wa_id": nummer}],
                     "messages": [{"id": wamid(nummer)}]}

    def _upload(self, params: Dict[str, Any]) -> Tuple[int, Any]:
        if self.failing_uploads:
            return 500, graph_fout(131000, "Something went wrong")
        bestand = params.get("file")
        if params.get("messaging_product") != "whatsapp" or not isinstance(bestand, Bestand) or not bestand.inhoud:
            return self._weiger(params, "file")
        if params.get("type") not in DOCUMENT_TYPES or bestand.mime != params.get("type"):
            return self._weiger(params, f"type {params.get('type')!r} is not a supported document type")
        media_id = str(next(_volgnummer) + 10**15)
        with self._lock:
            self._media_ids.add(media_id)
        return 200, {"id": media_id}


def _lengte(waarde: Any, hoogste: int, laagste: int = 1) -> bool:
    return isinstance(waarde, str) and laagste <= len(waarde) <= hoogste


def probleem(params: Dict[str, Any], media_ids: Set[str]) -> Optional[str]:
    """Why WhatsApp would refuse this message, or None."""
    if params.get("messaging_product") != "whatsapp" or not str(params.get("to") or "").isdigit():
        return "messaging_product and to"
    soort = params.get("type")
    if soort == "text":
        return None if _lengte((params.get("text") or {}).get("body"), 4096) else "text.body"
    if soort == "document":
        document = params.get("document") or {}
        if document.get("id") not in media_ids:
            return "document.id"
        return None if _lengte(document.get("caption", "x"), 1024) else "document.caption"
    if soort == "interactive":
        return _interactief_probleem(params.get("interactive") or {})
    return f"type {soort!r}"


def _interactief_probleem(interactive: Dict[str, Any]) -> Optional[str]:
    if not _lengte((interactive.get("body") or {}).get("text"), 1024):
        return "interactive.body.text"
    action = interactive.get("action") or {}
    if interactive.get("type") == "button":
        knoppen = [b.get("reply") or {} for b in action.get("buttons") or []]
        if not 1 <= len(knoppen) <= 3:
            return "interactive.action.buttons: 1 to 3"
        return _keuzes_probleem(knoppen, id_max=256, titel_max=20)
    if interactive.get("type") == "list":
        if not _lengte(action.get("button"), 20):
            return "interactive.action.button"
        rijen = [rij for sectie in action.get("sections") or [] for rij in sectie.get("rows") or []]
        if not 1 <= len(rijen) <= 10:
            return "interactive.action.sections: 1 to 10 rows"
        if not all(_lengte(rij.get("description", "x"), 72) for rij in rijen):
            return "row description"
        return _keuzes_probleem(rijen, id_max=200, titel_max=24)
    return f"interactive.type {interactive.get('type')!r}"


def _keuzes_probleem(keuzes: List[Dict[str, Any]], id_max: int, titel_max: int) -> Optional[str]:
    ids, titels = [k.get("id") for k in keuzes], [k.get("title") for k in keuzes]
    if not all(_lengte(i, id_max) for i in ids) or len(set(ids)) != len(ids):
        return f"ids: unique, 1 to {id_max} characters"
    if not all(_lengte(t, titel_max) for t in titels) or len(set(titels)) != len(titels):
        return f"titles: unique, 1 to {titel_max} characters"
    return None


# ---- what Meta posts to the webhook ----

def ondertekening(body: bytes, app_secret: str) -> str:
    """The X-Hub-Signature-256 header Meta sends with `body`."""
    return "sha256=" + hmac.new(app_secret.encode(), body, hashlib.sha256).hexdigest()


def webhook(phone_number_id: str, **value: Any) -> Dict[str, Any]:
    """A webhook POST with one change of the field "messages"."""
    return {"object": "whatsapp_business_account", "entry": [{"id": "102290129340398", "changes": [{
        "field": "messages",
        "value": {"messaging_product": "whatsapp",
                  "metadata": {"display_phone_number": "31200000000", "phone_number_id": phone_number_id},
                  **value}}]}]}


def bericht(phone_number_id: str, nummer: str, tekst: Optional[str] = None, message_id: Optional[str] = None,
            timestamp: Optional[float] = None, **inhoud: Any) -> Dict[str, Any]:
    """A message from `nummer`: text, or the given `type` and its fields."""
    message = {"from": nummer, "id": message_id or wamid(nummer),
               "timestamp": str(int(time.time() if timestamp is None else timestamp)),
               **({"type": "text", "text": {"body": tekst}} if tekst is not None else inhoud)}
    return webhook(phone_number_id, contacts=[{"profile": {"name": PROFIEL_NAAM}, "wa_id": nummer}],
                   messages=[message])


def klik(phone_number_id: str, nummer: str, keuze: Dict[str, Any], soort: str = "button_reply") -> Dict[str, Any]:
    """A click on what the assistant sent: a reply button (`keuze` is the
    button's `reply`) or, with `soort` "list_reply", a row of a list."""
    velden = {k: keuze[k] for k in ("id", "title", "description") if k in keuze}
    return bericht(phone_number_id, nummer, type="interactive", interactive={"type": soort, soort: velden})


def status(phone_number_id: str, nummer: str, waarde: str) -> Dict[str, Any]:
    """A status callback (sent, delivered, read, failed) for a message to `nummer`."""
    entry: Dict[str, Any] = {"id": wamid(nummer), "status": waarde, "timestamp": str(int(time.time())),
                             "recipient_id": nummer}
    if waarde == "failed":
        entry["errors"] = [{"code": 131047, "title": "Re-engagement message"}]
    return webhook(phone_number_id, statuses=[entry])
