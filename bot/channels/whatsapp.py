"""WhatsApp for volunteers, through Meta's WhatsApp Business Cloud API.

Rasa 3.6 has no connector for it; this one follows bot/channels/telegram.py.
Configured in credentials.yml from the settings (`.env`):
`WHATSAPP_TOKEN` (a permanent system-user access token; empty keeps the
channel off), `WHATSAPP_PHONE_NUMBER_ID`, `WHATSAPP_APP_SECRET` (Meta signs
every webhook POST with it), `WHATSAPP_VERIFY_TOKEN` (for the webhook's
set-up handshake), `WHATSAPP_ID_KEY` (the key of the conversation ids) and
`WHATSAPP_API_URL` (the Graph API with its version; the tests point it at a
fake one). With the token set and another of them empty, the channel says
which at start and stays off; otherwise it checks at start that the Graph
API accepts the token and the phone number id.

- GET /webhooks/whatsapp/webhook answers Meta's verification handshake:
  the `hub.challenge` when `hub.verify_token` matches, else 403;
- every POST must carry `X-Hub-Signature-256`, the HMAC-SHA256 of its raw
  body with the app secret; without it, or with a wrong one, 403 and
  nothing is read;
- a signed POST gets 200 at once and its messages are handled afterwards in
  a task, so Meta does not time out and resend; a resent message (same id)
  is handled once; status callbacks (sent, delivered, read, failed) and
  messages for another phone number of the same app are ignored;
- text in and out, long texts split at paragraphs under WhatsApp's 4096
  characters. Buttons: up to three become reply buttons (titles shortened
  to 20 characters; above them the last paragraphs that fit in 1024
  characters, the rest sent before), up to ten a list (titles of 24
  characters, the whole title below a shortened one), more a numbered text:
  typing a number in the next message chooses that button; when shortened
  titles clash, the next form. A click sends the button's payload (as the
  reply or row id; a payload over 200 bytes as "k:" and a hash, see
  bot/channels/messaging.py);
- a document (an action plan, a practice report: bot/channels/document.py)
  is uploaded (`POST /{phone-number-id}/media`; as text/plain, since
  WhatsApp does not take text/markdown, under its .md name) and sent as a
  document message with a short caption; when a step fails, as text.
  Other custom payloads send their `text`, if any;
- the 24-hour customer-service window: WhatsApp lets a business answer
  freely only within 24 hours of the user's last message, so the channel
  remembers when each conversation last heard from its user (WhatsApp's
  timestamp of the message) and sends nothing outside that window, also
  not a message that arrives late; it logs that without identifying data.
  There is no output channel for messages the bot would start itself;
- the conversation id is a keyed hash of the phone number with
  `WHATSAPP_ID_KEY` ("wa-..."); the number lives only in memory, for the
  answers to the message it came with. Profile names and WhatsApp's message
  ids (which contain the number) are never passed to Rasa, so the tracker
  store holds neither. `python -m bot.channels.whatsapp gesprek NUMMER`
  prints the id, e.g. for `python -m bot.privacy erase`;
- messages carry the metadata `{"kanaal": "whatsapp", "rol": "vrijwilliger"}`.
"""
from __future__ import annotations

import asyncio
import hashlib
import hmac
import json
import logging
import re
import sys
import time
from typing import Any, Awaitable, Callable, Dict, List, Optional, Sequence, Set, Text, Tuple

import aiohttp
from rasa.core.channels.channel import InputChannel, OutputChannel, UserMessage
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.channels import document as documenten
from bot.channels import limits, messaging
from bot.channels.messaging import ALLEEN_TEKST, FOUT

logger = logging.getLogger(__name__)

API_URL = "https://graph.facebook.com/v19.0"
SIGNATURE_HEADER = "X-Hub-Signature-256"
TEXT_MAX_CHARS = 4096
BODY_MAX_CHARS = 1024
REPLY_BUTTONS_MAX = 3
BUTTON_TITLE_MAX_CHARS = 20
LIST_ROWS_MAX = 10
ROW_TITLE_MAX_CHARS = 24
ROW_DESCRIPTION_MAX_CHARS = 72
ID_MAX_BYTES = 200  # list rows; reply buttons allow 256
WINDOW_S = 24 * 3600
DOCUMENT_MIME = "text/plain"
REQUEST_TIMEOUT_S = 15
# Split long texts between paragraphs, else lines, else words.
PARAGRAPHS = ("\n\n", "\n", " ")
# Message types that need no answer (a reaction to a message, a notice that
# the user changed number).
SILENT_TYPES = {"reaction", "system"}

LIJST_KNOP = "Bekijk de keuzes"
KIES = "Maak een keuze."
KIES_NUMMER = "Typ het nummer van je keuze."

Knop = Tuple[str, str]  # (title, payload or id)


def telefoonnummer(tekst: Any) -> str:
    """A phone number as WhatsApp writes it (its `wa_id`: country code and
    number, digits only): "+31 6-12345678", "0031612345678" and
    "0612345678" (taken as Dutch) all become "31612345678"."""
    cijfers = re.sub(r"\D", "", str(tekst))
    if cijfers.startswith("00"):
        return cijfers[2:]
    if cijfers.startswith("0"):
        return "31" + cijfers[1:]
    return cijfers


def gesprek_id(nummer: Any, key: str) -> str:
    """The conversation id of a phone number: a keyed hash, not the number."""
    return messaging.pseudoniem("wa", key, telefoonnummer(nummer))


def _gelijk(gegeven: Optional[str], verwacht: str) -> bool:
    return gegeven is not None and hmac.compare_digest(gegeven.encode(), verwacht.encode())


def _dict(value: Any) -> Dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _dicts(value: Any) -> List[Dict[str, Any]]:
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


# ---- what WhatsApp can show ----

def inkorten(tekst: str, limit: int) -> str:
    """`tekst` within `limit` characters, cut after a word and ending in "…"."""
    if len(tekst) <= limit:
        return tekst
    cut = tekst.rfind(" ", 0, limit)
    kort = tekst[:cut] if cut > limit // 2 else tekst[:limit - 1]
    return kort.rstrip(" ,.;:-") + "…"


def staart(tekst: str, limit: int) -> Tuple[str, str]:
    """`tekst` as a head and a tail of at most `limit` characters for above
    the buttons (usually the question), cut between paragraphs or lines;
    when the last line alone is too long, the tail is empty."""
    tekst = tekst.strip()
    if len(tekst) <= limit:
        return "", tekst
    begin = len(tekst) - limit
    for grens in ("\n\n", "\n"):
        cut = tekst.find(grens, begin)
        if cut > 0:
            return tekst[:cut].rstrip(), tekst[cut:].strip()
    return tekst, ""


def _uniek(titels: Sequence[str]) -> bool:
    return len(set(titels)) == len(titels)  # WhatsApp refuses two buttons with one title


def interactief(body: str, knoppen: Sequence[Knop]) -> Optional[Dict[str, Any]]:
    """The interactive message for buttons given as (title, id): reply
    buttons or a list; None when they do not fit in either."""
    if len(knoppen) <= REPLY_BUTTONS_MAX:
        titels = [inkorten(titel, BUTTON_TITLE_MAX_CHARS) for titel, _ in knoppen]
        if _uniek(titels):
            return {"type": "button", "body": {"text": body}, "action": {"buttons": [
                {"type": "reply", "reply": {"id": knop_id, "title": titel}}
                for titel, (_, knop_id) in zip(titels, knoppen, strict=True)]}}
    rijen = [_rij(titel, knop_id) for titel, knop_id in knoppen]
    if len(rijen) <= LIST_ROWS_MAX and _uniek([rij["title"] for rij in rijen]):
        return {"type": "list", "body": {"text": body},
                "action": {"button": LIJST_KNOP, "sections": [{"rows": rijen}]}}
    return None


def _rij(titel: str, knop_id: str) -> Dict[str, str]:
    rij = {"id": knop_id, "title": inkorten(titel, ROW_TITLE_MAX_CHARS)}
    if rij["title"] != titel:
        rij["description"] = inkorten(titel, ROW_DESCRIPTION_MAX_CHARS)
    return rij


def genummerd(tekst: str, titels: Sequence[str]) -> str:
    """The text with the buttons as a numbered list below it."""
    lijst = "\n".join(f"{nummer}. {titel}" for nummer, titel in enumerate(titels, 1))
    return "\n\n".join(deel for deel in (tekst.strip(), lijst, KIES_NUMMER) if deel)


def gekozen(tekst: str, keuzes: Optional[List[str]]) -> Optional[str]:
    """The payload of the numbered choice `tekst` names, if it names one."""
    if keuzes and tekst.isascii() and tekst.isdigit() and 1 <= int(tekst) <= len(keuzes):
        return keuzes[int(tekst) - 1]
    return None


# ---- memory and the Graph API ----

class KnopGeheugen(messaging.KnopGeheugen):
    """Turns button payloads into reply and row ids (≤ 200 bytes) and back."""

    max_bytes = ID_MAX_BYTES


class Geheugen:
    """What the channel keeps in memory only, per conversation id (never per
    phone number): long button payloads, the numbered choices of the last
    answer, and when the user last wrote. `klok` is the clock of the
    24-hour window (tests replace it)."""

    def __init__(self, klok: Callable[[], float] = time.time) -> None:
        self.klok = klok
        self.knoppen = KnopGeheugen()
        self.keuzes: messaging.Begrensd[str, List[str]] = messaging.Begrensd()
        self._gehoord: messaging.Begrensd[str, float] = messaging.Begrensd()

    def hoor(self, gesprek: str, moment: Optional[float]) -> None:
        """The user wrote at `moment` (WhatsApp's timestamp; now when it is
        missing or in the future)."""
        nu = self.klok()
        moment = nu if moment is None else min(moment, nu)
        self._gehoord[gesprek] = max(moment, self._gehoord.get(gesprek, moment))

    def venster_open(self, gesprek: str) -> bool:
        laatst = self._gehoord.get(gesprek)
        return laatst is not None and self.klok() - laatst < WINDOW_S


class GraphApiFout(Exception):
    """The Graph API refused a call or could not be reached."""


def _fout_tekst(data: Any) -> str:
    fout = _dict(_dict(data).get("error"))
    return f"(code {fout.get('code')}: {fout.get('message')})" if fout else ""


class GraphApi:
    """The calls to the Cloud API this channel makes, for one phone number."""

    def __init__(self, base_url: str, phone_number_id: str, token: str) -> None:
        self.base_url, self.phone_number_id, self.token = base_url.rstrip("/"), phone_number_id, token
        self._session: Optional[aiohttp.ClientSession] = None

    def _sessie(self) -> aiohttp.ClientSession:
        """One HTTP session, created on the server's event loop."""
        if self._session is None or self._session.closed:
            self._session = aiohttp.ClientSession(headers={"Authorization": f"Bearer {self.token}"},
                                                  timeout=aiohttp.ClientTimeout(total=REQUEST_TIMEOUT_S))
        return self._session

    async def _vraag(self, method: str, path: str, **kwargs: Any) -> Dict[str, Any]:
        try:
            async with self._sessie().request(method, f"{self.base_url}/{self.phone_number_id}{path}",
                                              **kwargs) as antwoord:
                status, data = antwoord.status, await antwoord.json(content_type=None)
        except (aiohttp.ClientError, asyncio.TimeoutError, ValueError) as error:
            raise GraphApiFout(f"{method} {path or '/'}: {type(error).__name__}") from error
        if status >= 300 or not isinstance(data, dict):
            raise GraphApiFout(f"{method} {path or '/'}: HTTP {status} {_fout_tekst(data)}".rstrip())
        return data

    async def controleer(self) -> None:
        """Raises GraphApiFout unless the token may use the phone number."""
        await self._vraag("GET", "")

    async def stuur(self, nummer: str, bericht: Dict[str, Any]) -> None:
        await self._vraag("POST", "/messages", json={
            "messaging_product": "whatsapp", "recipient_type": "individual", "to": nummer, **bericht})

    async def upload(self, naam: str, inhoud: bytes, mime: str) -> str:
        """Upload a file; returns its media id."""
        form = aiohttp.FormData()
        form.add_field("messaging_product", "whatsapp")
        form.add_field("type", mime)
        form.add_field("file", inhoud, filename=naam, content_type=mime)
        media_id = (await self._vraag("POST", "/media", data=form)).get("id")
        if not isinstance(media_id, str) or not media_id:
            raise GraphApiFout("POST /media: no media id in the answer")
        return media_id

    async def sluit(self) -> None:
        if self._session is not None:
            await self._session.close()


# ---- the channel ----

class WhatsAppAntwoord(OutputChannel):
    """The answers to one message, sent to the number it came from (the
    recipient id Rasa passes is the conversation id, a hash)."""

    @classmethod
    def name(cls) -> Text:
        return "whatsapp"

    def __init__(self, api: GraphApi, geheugen: Geheugen, nummer: str, gesprek: str) -> None:
        self.api, self.geheugen, self.nummer, self.gesprek = api, geheugen, nummer, gesprek

    def _venster_open(self) -> bool:
        if self.geheugen.venster_open(self.gesprek):
            return True
        logger.warning("WhatsApp: not sent, the conversation's 24-hour customer-service window is closed")
        return False

    async def _stuur(self, bericht: Dict[str, Any]) -> None:
        if self._venster_open():
            await self.api.stuur(self.nummer, bericht)

    async def _tekst(self, tekst: str) -> None:
        for deel in list(messaging.delen(tekst, TEXT_MAX_CHARS, PARAGRAPHS)) or ["…"]:
            await self._stuur({"type": "text", "text": {"body": deel, "preview_url": False}})

    async def send_text_message(self, recipient_id: Text, text: Text, **kwargs: Any) -> None:
        await self._tekst(text)

    async def send_text_with_buttons(self, recipient_id: Text, text: Text, buttons: List[Dict[Text, Any]],
                                     **kwargs: Any) -> None:
        knoppen = [(str(b.get("title", "")).strip(), str(b.get("payload", ""))) for b in buttons]
        knoppen = [(titel, payload) for titel, payload in knoppen if titel and payload]
        if not knoppen:
            await self._tekst(text)
            return
        kop, body = staart(text, BODY_MAX_CHARS)
        bericht = interactief(body or KIES, [(titel, self.geheugen.knoppen.callback_data(payload))
                                             for titel, payload in knoppen])
        if bericht is None:
            self.geheugen.keuzes[self.gesprek] = [payload for _, payload in knoppen]
            await self._tekst(genummerd(text, [titel for titel, _ in knoppen]))
            return
        if kop:
            await self._tekst(kop)
        await self._stuur({"type": "interactive", "interactive": bericht})

    async def send_image_url(self, recipient_id: Text, image: Text, **kwargs: Any) -> None:
        await self._tekst(image)

    async def send_attachment(self, recipient_id: Text, attachment: Text, **kwargs: Any) -> None:
        await self._tekst(str(attachment))

    async def send_custom_json(self, recipient_id: Text, json_message: Dict[Text, Any], **kwargs: Any) -> None:
        document = documenten.lees(json_message)
        if document:
            await self._document(document)
            return
        text = json_message.get("text") if isinstance(json_message, dict) else None
        if text:
            await self._tekst(str(text))

    async def _document(self, document: documenten.Document) -> None:
        if not self._venster_open():
            return
        try:
            media_id = await self.api.upload(document.bestandsnaam, document.markdown.encode("utf-8"),
                                             DOCUMENT_MIME)
            await self.api.stuur(self.nummer, {"type": "document", "document": {
                "id": media_id, "filename": document.bestandsnaam, "caption": document.bijschrift}})
        except GraphApiFout as error:  # the volunteer still gets the text
            logger.warning("Sending a WhatsApp document failed, sending it as text: %s", error)
            await self._tekst(document.als_tekst)
            await self._tekst(document.markdown)


def _bericht_id(bericht: Dict[str, Any]) -> Optional[str]:
    return bericht["id"] if isinstance(bericht.get("id"), str) and bericht["id"] else None


def _tijdstip(bericht: Dict[str, Any]) -> Optional[float]:
    try:
        return float(bericht["timestamp"])
    except (KeyError, TypeError, ValueError):
        return None


class WhatsAppInput(InputChannel):
    @classmethod
    def name(cls) -> Text:
        return "whatsapp"

    @classmethod
    def from_credentials(cls, credentials: Optional[Dict[Text, Any]]) -> InputChannel:
        credentials = credentials or {}

        def waarde(key: str) -> str:
            return str(credentials.get(key) or "").strip()

        return cls(access_token=waarde("access_token"), phone_number_id=waarde("phone_number_id"),
                   app_secret=waarde("app_secret"), verify_token=waarde("verify_token"),
                   id_key=waarde("id_key"), api_url=waarde("api_url") or API_URL)

    def __init__(self, access_token: str, phone_number_id: str = "", app_secret: str = "",
                 verify_token: str = "", id_key: str = "", api_url: str = API_URL,
                 klok: Callable[[], float] = time.time) -> None:
        self.access_token, self.phone_number_id, self.app_secret = access_token, phone_number_id, app_secret
        self.verify_token, self.id_key, self.api_url = verify_token, id_key, api_url
        self.geheugen = Geheugen(klok)
        self.gezien = messaging.Gezien()
        self._api: Optional[GraphApi] = None
        self._taken: Set["asyncio.Task[None]"] = set()

    def ontbrekend(self) -> List[str]:
        """The settings besides the token that are empty."""
        return [setting for setting, value in (
            ("WHATSAPP_PHONE_NUMBER_ID", self.phone_number_id), ("WHATSAPP_APP_SECRET", self.app_secret),
            ("WHATSAPP_VERIFY_TOKEN", self.verify_token), ("WHATSAPP_ID_KEY", self.id_key)) if not value]

    @property
    def enabled(self) -> bool:
        return bool(self.access_token) and not self.ontbrekend()

    def api(self) -> GraphApi:
        if self._api is None:
            self._api = GraphApi(self.api_url, self.phone_number_id, self.access_token)
        return self._api

    def gesprek_id(self, nummer: str) -> str:
        return gesprek_id(nummer, self.id_key)

    def antwoord(self, nummer: str) -> WhatsAppAntwoord:
        return WhatsAppAntwoord(self.api(), self.geheugen, nummer, self.gesprek_id(nummer))

    def get_output_channel(self) -> Optional[OutputChannel]:
        # Answers need the number of the message they answer, and the bot
        # may not start conversations: no output channel for other uses.
        return None

    async def controleer(self) -> None:
        """At start: which settings are missing, and does the Graph API accept
        the token and the phone number id?"""
        ontbrekend = self.ontbrekend()
        if ontbrekend:
            logger.error("WhatsApp stays off: %s not set (see .env.example)", ", ".join(ontbrekend))
            return
        try:
            await self.api().controleer()
            logger.info("WhatsApp channel ready")
        except GraphApiFout as error:  # the other channels keep working
            logger.error("The WhatsApp Cloud API refused the token or the phone number id: %s", error)

    def handtekening_klopt(self, body: bytes, handtekening: Optional[str]) -> bool:
        verwacht = hmac.new(self.app_secret.encode(), body, hashlib.sha256).hexdigest()
        return _gelijk(handtekening, f"sha256={verwacht}")

    def berichten(self, data: Any) -> List[Dict[str, Any]]:
        """The users' messages to this phone number in a webhook POST."""
        if _dict(data).get("object") != "whatsapp_business_account":
            return []
        waarden = [_dict(change.get("value")) for entry in _dicts(_dict(data).get("entry"))
                   for change in _dicts(entry.get("changes")) if change.get("field") == "messages"]
        return [bericht for waarde in waarden
                if _dict(waarde.get("metadata")).get("phone_number_id") == self.phone_number_id
                for bericht in _dicts(waarde.get("messages"))]

    def _achteraf(self, werk: Awaitable[None]) -> None:
        """Run `werk` after the webhook has answered; errors are logged."""
        async def veilig() -> None:
            try:
                await werk
            except Exception:
                logger.exception("A WhatsApp message could not be handled")

        taak = asyncio.get_running_loop().create_task(veilig())
        self._taken.add(taak)
        taak.add_done_callback(self._taken.discard)

    def _tekst_van(self, bericht: Dict[str, Any], keuzes: Optional[List[str]]) -> Optional[str]:
        """What the user said: typed text (a number choosing from `keuzes`),
        or the payload of a clicked button; None for anything else."""
        if bericht.get("type") == "text":
            tekst = str(_dict(bericht.get("text")).get("body") or "").strip()
            return gekozen(tekst, keuzes) or tekst
        if bericht.get("type") == "interactive":
            interactive = _dict(bericht.get("interactive"))
            klik = _dict(interactive.get("button_reply") or interactive.get("list_reply"))
            knop_id, titel = str(klik.get("id") or ""), str(klik.get("title") or "")
            return self.geheugen.knoppen.payload(knop_id, {knop_id: titel}) if knop_id else titel
        return None

    async def _verwerk(self, bericht: Dict[str, Any], on_new_message: Callable[[UserMessage], Awaitable[Any]]
                       ) -> None:
        nummer = str(bericht.get("from") or "")
        if not nummer or bericht.get("type") in SILENT_TYPES:
            return
        gesprek = self.gesprek_id(nummer)
        self.geheugen.hoor(gesprek, _tijdstip(bericht))
        if not self.geheugen.venster_open(gesprek):
            logger.warning("WhatsApp: a message arrived after its 24-hour window had closed; not answered")
            return
        antwoord = self.antwoord(nummer)
        tekst = self._tekst_van(bericht, self.geheugen.keuzes.pop(gesprek, None))
        if not tekst:
            await antwoord.send_text_message(gesprek, ALLEEN_TEKST)
            return
        try:
            await on_new_message(UserMessage(tekst, antwoord, gesprek, input_channel=self.name(),
                                             metadata=messaging.metadata(self.name())))
        except Exception:
            logger.exception("Handling a WhatsApp message failed")
            try:
                await antwoord.send_text_message(gesprek, FOUT)
            except GraphApiFout as error:
                logger.warning("Could not tell the user about the failure: %s", error)

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        on_new_message = limits.capped(on_new_message)
        blueprint = Blueprint("whatsapp_webhook", __name__)

        @blueprint.listener("after_server_start")
        async def start(_app: Any, _loop: Any) -> None:
            if self.access_token:
                await self.controleer()

        @blueprint.listener("before_server_stop")
        async def stop(_app: Any, _loop: Any) -> None:
            if self._taken:
                await asyncio.wait(set(self._taken), timeout=REQUEST_TIMEOUT_S)
            if self._api is not None:
                await self._api.sluit()

        @blueprint.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok" if self.enabled else "off"})

        @blueprint.route("/webhook", methods=["GET"])
        async def verificatie(request: Request) -> HTTPResponse:
            if (self.enabled and request.args.get("hub.mode") == "subscribe"
                    and _gelijk(request.args.get("hub.verify_token"), self.verify_token)):
                return response.text(request.args.get("hub.challenge", ""))
            return response.text("forbidden", status=403)

        @blueprint.route("/webhook", methods=["POST"])
        async def webhook(request: Request) -> HTTPResponse:
            if not self.enabled:
                return response.json({"status": "off"}, status=404)
            if not self.handtekening_klopt(request.body or b"", request.headers.get(SIGNATURE_HEADER)):
                logger.warning("WhatsApp webhook: a POST without a valid signature was refused")
                return response.json({"status": "forbidden"}, status=403)
            try:
                data = json.loads(request.body or b"")
            except ValueError:
                data = None
            berichten = self.berichten(data)
            nieuw = [b for b in berichten if not self.gezien.al_gezien(_bericht_id(b))]
            for bericht in nieuw:
                self._achteraf(self._verwerk(bericht, on_new_message))
            return response.json({"status": "success" if nieuw else "duplicate" if berichten else "ignored"})

        return blueprint


def main(argv: List[str]) -> int:
    """`python -m bot.channels.whatsapp gesprek NUMMER`: the conversation id."""
    from gedeeld import settings

    settings.load()
    if len(argv) != 2 or argv[0] != "gesprek" or not telefoonnummer(argv[1]):
        print("gebruik: python -m bot.channels.whatsapp gesprek TELEFOONNUMMER (bijvoorbeeld +31612345678)",
              file=sys.stderr)
        return 2
    key = settings.get("WHATSAPP_ID_KEY")
    if not key:
        print("WHATSAPP_ID_KEY is niet ingesteld", file=sys.stderr)
        return 1
    print(gesprek_id(argv[1], key))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
