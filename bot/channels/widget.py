"""The socket.io channel of the web widget (web/widget/widget.js).

Rasa's `SocketIOInput` with seven changes:

- only the configured browser origins may connect (`CORS_ORIGINS`, see
  bot/channels/auth.py). A WebSocket is not subject to the browser's CORS
  rules, so Rasa's `--cors` alone would let any web page talk to the
  assistant; here the socket.io `connect` of another origin, or of none, is refused.
  (Not in engine.io: it would add its own CORS headers beside Sanic-CORS's,
  and browsers reject a response with two.);
- with `WIDGET_JWT_SECRET` (`jwt_key` in credentials.yml) and/or
  `OIDC_ISSUER` (bot/channels/oidc.py) the socket needs a token: an HS256
  JWT signed with the secret, as in Rasa, or an RS256/ES256 token of the
  organisation's sign-in. A refusal comes with a Dutch message for the
  widget to show (`connect_error`);
- a conversation id must look like the widget's own (32 hex digits, random
  in the browser). Any other id gets a new one, and a socket can only speak
  in the conversation it was confirmed for, so a widget can never write into
  or read a REST, Telegram or WhatsApp conversation. A worker signed in through OIDC
  gets only conversations issued to them: another worker's id, history
  included, is replaced by a new one;
- after `session_confirm` the server sends `session_history`: the texts and
  buttons of the current session, read back from the tracker store (so
  already redacted), which the widget shows again after a page reload. The
  browser keeps only the conversation id;
- Rasa 3.6 calls python-socketio 5's coroutine `enter_room` without awaiting
  it, so the socket never joins its conversation's room and misses every
  answer; here it is awaited;
- an address over `RATE_LIMIT_PER_ADDRESS_PER_MINUTE` connections and
  messages a minute (bot/channels/limits.py) gets the kind notice
  `limits.TE_DRUK`: a connection is refused with it (the widget tries again
  later), a message is answered with it and not read. engine.io's Sanic
  driver always puts 127.0.0.1 in REMOTE_ADDR, so the peer is read from
  the Sanic request in the environ;
- a custom payload (`json_message`, such as a document from
  bot/channels/document.py) reaches the browser as `{"custom": payload}`,
  the shape the REST channel gives it too, and comes back the same way in
  the history. Rasa's `SocketIOOutput` passes the payload's keys to
  `sio.emit` as arguments, which fails for any payload but `{"data": ...}`.

Every message carries the metadata `{"kanaal": "widget", "rol":
"professional"}`: the widget is for professionals (Telegram says
"vrijwilliger"), so the dialogue can tell them apart.
"""
from __future__ import annotations

import asyncio
import logging
import re
import time
import uuid
from typing import Any, Dict, List, NoReturn, Optional, Text, Tuple, TypeGuard

from rasa.core.channels.channel import OutputChannel, UserMessage
from rasa.core.channels.socketio import SocketIOInput, SocketIOOutput
from rasa.shared.core.events import BotUttered, UserUttered
from sanic import Blueprint
from socketio.exceptions import ConnectionRefusedError as SocketRefused

from bot.channels import auth, limits, oidc

logger = logging.getLogger(__name__)

SESSION_ID = re.compile(r"[0-9a-f]{32}")
METADATA = {"kanaal": "widget", "rol": "professional"}
MAX_MESSAGE_CHARS = 2000
MAX_HISTORY = 200
HISTORY_EVT = "session_history"

NIET_AANGEMELD = ("Je bent niet aangemeld, of je aanmelding is verlopen. "
                  "Vernieuw de pagina om opnieuw aan te melden.")
AANMELDDIENST_WEG = ("Aanmelden lukt nu niet: de aanmeldservice van je organisatie is niet bereikbaar. "
                     "Probeer het over een paar minuten opnieuw.")
ANDERE_PAGINA = "Deze pagina mag de assistent niet gebruiken."


def weiger(melding: str, tijdelijk: bool = False) -> NoReturn:
    """Refuse a socket.io connection; the widget shows `melding` and tries
    again later when `tijdelijk`."""
    raise SocketRefused(melding, {"tijdelijk": tijdelijk})


def adres(environ: Dict[str, Any]) -> Tuple[str, Optional[str]]:
    """The socket's direct peer and its X-Forwarded-For, from the Sanic
    request: the environ keeps only the last X-Forwarded-For line, which
    behind HAProxy and a proxy in front of it names that proxy."""
    request = environ["sanic.request"]
    return str(request.ip or environ.get("REMOTE_ADDR") or ""), limits.forwarded_for(request)


def geldige_sessie(value: Any) -> TypeGuard[str]:
    return isinstance(value, str) and bool(SESSION_ID.fullmatch(value))


def _knoppen(data: Dict[str, Any]) -> List[Dict[str, str]]:
    return [{"content_type": "text", "title": str(b.get("title", "")), "payload": str(b.get("payload", ""))}
            for b in (data.get("buttons") or data.get("quick_replies") or []) if isinstance(b, dict)]


def geschiedenis(events: List[Any]) -> List[Dict[str, Any]]:
    """The messages a user saw, in the shape the channel sends them: bot texts
    split on blank lines with the buttons on the last part, and button clicks
    (payloads such as "/signalen_herkennen") shown as the button's title.
    Payloads that no button of the previous answer sent (the widget's opening
    "/begroeten") are left out."""
    berichten: List[Dict[str, Any]] = []
    vorige_knoppen: List[Dict[str, str]] = []
    for event in events:
        if isinstance(event, UserUttered):
            text = event.text or ""
            if text.startswith("/"):
                titel = next((k["title"] for k in vorige_knoppen if k["payload"] == text), None)
                if titel is None:
                    continue
                text = titel
            berichten.append({"van": "gebruiker", "text": text})
        elif isinstance(event, BotUttered):
            knoppen = _knoppen(event.data or {})
            delen = [d for d in (event.text or "").strip().split("\n\n") if d] or [""]
            for deel in delen[:-1]:
                berichten.append({"van": "assistent", "text": deel})
            laatste: Dict[str, Any] = {"van": "assistent", "text": delen[-1]}
            if knoppen:
                laatste["quick_replies"] = knoppen
            if laatste["text"] or knoppen:
                berichten.append(laatste)
            custom = (event.data or {}).get("custom")
            if isinstance(custom, dict):
                berichten.append({"van": "assistent", "custom": custom})
            vorige_knoppen = knoppen
    return berichten[-MAX_HISTORY:]


def verlopen(events: List[Any], minuten: float, nu: Optional[float] = None) -> bool:
    """True when the last event is older than the session expiry (domain.yml
    session_config, in minutes; 0 means sessions never expire): such a session
    is not replayed, so the next person at a shared PC does not see it."""
    if not events or minuten <= 0:
        return False
    return (time.time() if nu is None else nu) - events[-1].timestamp > minuten * 60


class WidgetOutput(SocketIOOutput):
    async def send_custom_json(self, recipient_id: Text, json_message: Dict[Text, Any], **kwargs: Any) -> None:
        await self._send_message(recipient_id, {"custom": json_message})


class WidgetInput(SocketIOInput):
    @classmethod
    def name(cls) -> Text:
        return "socketio"

    def get_output_channel(self) -> Optional[OutputChannel]:
        """For the HTTP API (`?output_channel=socketio`): sends to the conversation's room."""
        return WidgetOutput(self.sio, self.bot_message_evt) if self.sio else super().get_output_channel()

    def blueprint(self, on_new_message: Any) -> Blueprint:
        on_new_message = limits.capped(on_new_message)
        blueprint = super().blueprint(on_new_message)
        sio = self.sio
        origins = set(auth.allowed_origins())
        sessies: Dict[str, str] = {}  # socket id -> conversation id
        signin = oidc.from_settings()
        aangemeld: Dict[str, oidc.Subject] = {}  # socket id -> worker signed in through OIDC
        adressen = limits.AdresTempo()
        adres_van: Dict[str, Tuple[str, Optional[str]]] = {}  # socket id -> (peer, X-Forwarded-For)
        app_holder: Dict[str, Any] = {}

        @blueprint.listener("before_server_start")
        async def keep_app(app: Any, _loop: Any) -> None:
            app_holder["app"] = app

        async def lees_geschiedenis(session_id: str) -> List[Dict[str, Any]]:
            app = app_holder.get("app")
            agent = getattr(app.ctx, "agent", None) if app else None
            if agent is None or agent.tracker_store is None:
                return []
            try:
                tracker = await agent.tracker_store.retrieve(session_id)
            except Exception:  # the widget still works without its history
                logger.exception("Could not read the history of a widget conversation")
                return []
            if tracker is None or verlopen(list(tracker.events), agent.domain.session_config.session_expiration_time):
                return []
            return geschiedenis(list(tracker.events))

        async def aanmelden(sid: Text, token: str) -> None:
            """Check the socket's token: an HS256 JWT with the widget secret, or
            an RS256/ES256 token of the OIDC provider, which binds the socket
            to its worker. Verified in a thread: it may fetch the provider's keys."""
            if signin is not None and (not self.jwt_key or oidc.header_algorithm(token) in oidc.ALGORITHMS):
                try:
                    aangemeld[sid] = await asyncio.get_running_loop().run_in_executor(
                        None, signin.verifier.verify, token)
                except oidc.ProviderUnavailable as error:
                    logger.error("Widget sign-in refused: no keys from the identity provider %s (%s)",
                                 signin.verifier.issuer, error)
                    weiger(AANMELDDIENST_WEG, tijdelijk=True)
                except oidc.TokenRefused as error:
                    logger.warning("Widget sign-in refused: %s", error)
                    weiger(NIET_AANGEMELD)
            elif auth.decode_jwt(auth.BEARER + token, self.jwt_key, self.jwt_algorithm or "HS256") is None:
                logger.warning("Widget sign-in refused: not a valid JWT of WIDGET_JWT_SECRET")
                weiger(NIET_AANGEMELD)

        @sio.on("connect", namespace=self.namespace)
        async def connect(sid: Text, environ: Dict, auth_data: Optional[Dict] = None) -> bool:
            origin = (environ.get("HTTP_ORIGIN") or "").rstrip("/")
            if origin not in origins:  # a browser always sends one; a missing Origin is not a widget page
                logger.warning("Widget connection from %s refused: not in CORS_ORIGINS", origin or "no Origin")
                weiger(ANDERE_PAGINA)
            herkomst = adres(environ)
            if adressen.te_snel(*herkomst):
                weiger(limits.TE_DRUK, tijdelijk=True)
            if self.jwt_key or signin is not None:
                token = auth_data.get("token") if isinstance(auth_data, dict) else None
                if not isinstance(token, str) or not token:
                    weiger(NIET_AANGEMELD)
                await aanmelden(sid, token.removeprefix(auth.BEARER))
            adres_van[sid] = herkomst
            return True

        def kies_sessie(sid: Text, gevraagd: Any) -> str:
            """The requested conversation when this socket may have it, else a new one."""
            subject = aangemeld.get(sid)
            if subject is None or signin is None:
                return gevraagd if geldige_sessie(gevraagd) else uuid.uuid4().hex
            return gevraagd if signin.owns(subject, gevraagd) else signin.new_session(subject)

        @sio.on("session_request", namespace=self.namespace)
        async def session_request(sid: Text, data: Optional[Dict]) -> None:
            gevraagd = (data or {}).get("session_id") if isinstance(data, dict) else None
            session_id = kies_sessie(sid, gevraagd)
            vorige = sessies.get(sid)
            if vorige and vorige != session_id:
                await sio.leave_room(sid, vorige, namespace=self.namespace)
            await sio.enter_room(sid, session_id, namespace=self.namespace)
            sessies[sid] = session_id
            await sio.emit("session_confirm", session_id, room=sid, namespace=self.namespace)
            berichten = await lees_geschiedenis(session_id) if session_id == gevraagd else []
            await sio.emit(HISTORY_EVT, {"session_id": session_id, "messages": berichten},
                           room=sid, namespace=self.namespace)

        @sio.on("disconnect", namespace=self.namespace)
        async def disconnect(sid: Text, *_: Any) -> None:
            sessies.pop(sid, None)
            aangemeld.pop(sid, None)
            adres_van.pop(sid, None)

        @sio.on(self.user_message_evt, namespace=self.namespace)
        async def handle_message(sid: Text, data: Any) -> None:
            session_id = sessies.get(sid)
            if session_id is None or not isinstance(data, dict):
                logger.warning("Widget message without a confirmed conversation: ignored")
                return
            if data.get("session_id") not in (None, session_id):
                logger.warning("Widget message for another conversation than its socket's: ignored")
                return
            text = data.get("message")
            if not isinstance(text, str) or not text.strip():
                return
            output = WidgetOutput(sio, self.bot_message_evt)
            if adressen.te_snel(*adres_van.get(sid, ("", None))):
                await output.send_text_message(session_id, limits.TE_DRUK)
                return
            await on_new_message(UserMessage(
                text[:MAX_MESSAGE_CHARS], output, session_id, input_channel=self.name(), metadata=dict(METADATA)))

        return blueprint
