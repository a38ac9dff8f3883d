"""Bounded work per message, for every channel (issue 19).

A message longer than `MAX_MESSAGE_CHARS` is read up to that length, cut at
the last space before it, and the worker is told so in plain Dutch before the
answer; the conversation goes on where it was (a form keeps its place). The
cut keeps the NLU, the redaction and the tracker store's work per message
bounded: before, a 30,000-character REST message took 57 s and the server
answered nobody else meanwhile. Every channel wraps the `on_new_message` it
is given with `capped` (REST, widget, Telegram, WhatsApp).

A conversation that sends more than `RATE_LIMIT_PER_MINUTE` messages within
a minute gets a kind Dutch notice instead of an answer for the messages over
the limit (they are not processed and not stored); what was said before stays.
0 switches it off (the benchmarks do: their load is one machine, not a person).

An address that sends more than `RATE_LIMIT_PER_ADDRESS_PER_MINUTE` messages
(and, on the widget, socket connections) within a minute gets a kind Dutch
notice too, whatever conversation ids it uses (`AdresTempo`; 0 switches it
off). It applies to the REST channel and the widget socket, the channels a
person calls directly. Behind a reverse proxy every request comes from the
proxy: the client's address is then taken from X-Forwarded-For, but only
when the direct peer is listed in `TRUSTED_PROXIES` (anyone can write that
header). Telegram's and WhatsApp's webhooks are not limited per address:
their calls come from a few servers of Telegram and Meta carrying every
volunteer's messages, so such a limit would silence all volunteers at once;
they are checked by their webhook secret and signature, and each
conversation keeps its own limit.

The request size of the Rasa server is bounded too: `request_size_setting`
gives Sanic's `REQUEST_MAX_SIZE` (413 above it), set by bot/channels/launch.py.
"""
from __future__ import annotations

import ipaddress
import os
import re
import time
from collections import deque
from typing import Any, Awaitable, Callable, Coroutine, Deque, Dict, List, Optional, Union

from rasa.core.channels.channel import UserMessage

from bot import opslag

DEFAULT_MAX_CHARS = 3000
DEFAULT_REQUEST_BYTES = 1_000_000
DEFAULT_PER_MINUTE = 30
DEFAULT_PER_ADDRESS = 120
TE_SNEL = ("Je stuurt veel berichten kort na elkaar. Wacht even een minuutje en stuur je bericht dan "
           "opnieuw; wat we al besproken hebben, blijft bewaard.")
TE_DRUK = ("Er komen nu heel veel berichten binnen vanaf jouw netwerk. Wacht even een minuutje en stuur je "
           "bericht dan opnieuw; wat we al besproken hebben, blijft bewaard.")
TE_LANG = ("Je bericht is erg lang ({lengte} tekens). Ik lees alleen de eerste {max} tekens. "
           "Stuur de rest gerust in een volgend bericht; we gaan verder waar we waren.")


def max_chars() -> int:
    return int(os.environ.get("MAX_MESSAGE_CHARS") or DEFAULT_MAX_CHARS)


def inkorten(tekst: str, limiet: int) -> str:
    """`tekst` cut to at most `limiet` characters, at the last white space
    before the limit (so no phone number or name is cut in two), or hard."""
    if len(tekst) <= limiet:
        return tekst
    snede = max(tekst.rfind(" ", 0, limiet + 1), tekst.rfind("\n", 0, limiet + 1))
    return tekst[:snede if snede > limiet // 2 else limiet].rstrip()


def melding(lengte: int, limiet: int) -> str:
    return TE_LANG.format(lengte=f"{lengte:,}".replace(",", "."), max=f"{limiet:,}".replace(",", "."))


def per_minute() -> int:
    """Messages one conversation may send a minute; 0: no limit per conversation."""
    return int(os.environ.get("RATE_LIMIT_PER_MINUTE") or DEFAULT_PER_MINUTE)


class Tempo:
    """Counts each conversation's messages of the last minute."""

    def __init__(self, klok: Callable[[], float] = time.monotonic) -> None:
        self.klok = klok
        self.tijden: Dict[str, Deque[float]] = {}

    def te_snel(self, sender_id: str, limiet: int) -> bool:
        """Count a message of `sender_id`; True when it is over `limiet` a minute."""
        nu = self.klok()
        for sender in [s for s, t in self.tijden.items() if t and t[-1] <= nu - 60]:
            del self.tijden[sender]  # forget quiet conversations, so memory stays bounded
        tijden = self.tijden.setdefault(sender_id, deque())
        while tijden and tijden[0] <= nu - 60:
            tijden.popleft()
        if len(tijden) >= limiet:
            return True
        tijden.append(nu)
        return False


def per_address_per_minute() -> int:
    """Messages an address may send a minute; 0: no limit per address."""
    return int(os.environ.get("RATE_LIMIT_PER_ADDRESS_PER_MINUTE") or DEFAULT_PER_ADDRESS)


Network = Union[ipaddress.IPv4Network, ipaddress.IPv6Network]


def trusted_proxies() -> List[Network]:
    """`TRUSTED_PROXIES`: addresses or networks (comma- or space-separated)
    of the reverse proxies whose X-Forwarded-For is believed."""
    delen = re.split(r"[\s,]+", os.environ.get("TRUSTED_PROXIES", ""))
    return [ipaddress.ip_network(deel, strict=False) for deel in delen if deel]


def configuration_problem() -> Optional[str]:
    """The Dutch reason not to start when `TRUSTED_PROXIES` cannot be read."""
    try:
        trusted_proxies()
    except ValueError as error:
        return f"Niet gestart: TRUSTED_PROXIES bevat iets dat geen IP-adres of netwerk is ({error})."
    return None


def _trusted(address: str, proxies: List[Network]) -> bool:
    try:
        ip = ipaddress.ip_address(address.strip())
    except ValueError:
        return False
    return any(ip in network for network in proxies)


def client_address(peer: str, forwarded_for: Optional[str]) -> str:
    """The address a message comes from: the direct `peer`, or, when that is
    a trusted proxy, the right-most address in X-Forwarded-For that is not a
    trusted proxy (each proxy appends the address it was called from, so
    anything left of that may be forged by the client)."""
    proxies = trusted_proxies()
    if not forwarded_for or not _trusted(peer, proxies):
        return peer
    hops = [hop.strip() for hop in forwarded_for.split(",") if hop.strip()]
    return next((hop for hop in reversed(hops) if not _trusted(hop, proxies)), hops[0] if hops else peer)


def forwarded_for(request: Any) -> Optional[str]:
    """Every X-Forwarded-For header of a Sanic `request`, in order, as one
    list: HAProxy's `option forwardfor` appends its own header line after
    the one a proxy in front of it sent."""
    return ",".join(request.headers.getall("X-Forwarded-For", [])) or None


class AdresTempo:
    """Counts the messages of each client address of the last minute."""

    def __init__(self, klok: Callable[[], float] = time.monotonic) -> None:
        self.tempo = Tempo(klok)

    def te_snel(self, peer: str, forwarded_for: Optional[str]) -> bool:
        """Count a message; True when its address is over `per_address_per_minute()`."""
        limiet = per_address_per_minute()
        return limiet > 0 and self.tempo.te_snel(client_address(peer, forwarded_for), limiet)


def capped(on_new_message: Callable[[UserMessage], Awaitable[Any]]
           ) -> Callable[[UserMessage], Coroutine[Any, Any, Any]]:
    """`on_new_message` that reads at most `max_chars()` of a message and
    first tells the worker when it cut one, answers a conversation over
    `per_minute()` messages a minute with a notice only, and tells the
    worker when the database could not keep the turn (bot/opslag.py)."""
    on_new_message = opslag.bewaakt(on_new_message)
    tempo = Tempo()

    async def handle(message: UserMessage) -> Any:
        limiet = per_minute()
        if limiet > 0 and tempo.te_snel(str(message.sender_id), limiet):
            await message.output_channel.send_text_message(message.sender_id, TE_SNEL)
            return None
        limiet, tekst = max_chars(), message.text or ""
        if len(tekst) > limiet:
            message.text = inkorten(tekst, limiet)
            await message.output_channel.send_text_message(message.sender_id, melding(len(tekst), limiet))
        return await on_new_message(message)

    return handle


def request_size_setting() -> Dict[str, str]:
    """Sanic's request size limit for the servers' environment."""
    return {"SANIC_REQUEST_MAX_SIZE": os.environ.get("REQUEST_MAX_BYTES") or str(DEFAULT_REQUEST_BYTES)}
