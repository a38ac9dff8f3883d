"""`python -m bot shell` (`make shell`): chat with the assistant in the terminal.

`rasa shell` printed a custom payload as a JSON string, so a document (an
action plan, a practice report: bot/channels/document.py) came out as one
line full of "\\n". This shell prints what a user would see instead: the
texts, the buttons numbered (typing a number sends that button's payload)
and a document as its Markdown under one line that names the file.

It starts the action server and the Rasa server as `make run` does, on free
ports on 127.0.0.1 and with Telegram and WhatsApp off, so a `make run` on
the same machine and the organisation's messaging accounts are left alone,
and talks to the REST channel. When `.env` sets API_TOKEN or JWT_SECRET
the REST channel requires it (bot/channels/rest.py), so the shell sends
the token, or else a JWT for its own conversation only; without them (as
in .env.example) nothing is needed. The conversation is stored, redacted,
like any other.
"""
from __future__ import annotations

import json
import sys
import tempfile
import time
import urllib.error
import urllib.request
import uuid
from pathlib import Path
from typing import Any, Callable, Dict, Iterable, List, Tuple
from urllib.parse import urlencode

import jwt

from bot import servers
from bot.channels import auth
from bot.channels import document as documenten
from gedeeld import settings

STARTEN = "De assistent wordt gestart. Dat duurt ongeveer een minuut."
WELKOM = "Typ je vraag en druk op Enter. Stoppen: typ /stop of druk op Ctrl-D."
KNOP_UITLEG = "Typ het nummer van een knop om die te kiezen."
EINDE_DOCUMENT = "----- Einde van het document -----"
GEEN_ANTWOORD = "Er kwam geen antwoord van de assistent. Probeer het nog eens."
GEWEIGERD = "De assistent weigert het bericht. Kijk API_TOKEN en JWT_SECRET in .env na."
NIET_GESTART = "De assistent kon niet starten: {fout}"
STOP = "/stop"
PROMPT = "Jij: "
ANSWER_TIMEOUT_S = 120

Knop = Dict[str, Any]


# ---- what the terminal shows ----

def document_regels(document: documenten.Document) -> List[str]:
    """A document as Markdown text, between a line naming the file and an end line."""
    return ["", f"----- {document.kop} -----", "", document.markdown.strip("\n"), "", EINDE_DOCUMENT, ""]


def weergave(berichten: Iterable[Dict[str, Any]]) -> Tuple[List[str], List[Knop]]:
    """The lines to print for one answer of the REST channel, and its
    buttons, numbered from 1 in the order shown."""
    regels: List[str] = []
    knoppen: List[Knop] = []
    for bericht in berichten:
        if bericht.get("text"):
            regels.append(str(bericht["text"]))
        for knop in bericht.get("buttons") or []:
            if isinstance(knop, dict) and knop.get("title"):
                knoppen.append(knop)
                regels.append(f"  {len(knoppen)}. {knop['title']}")
        if bericht.get("image"):
            regels.append(f"Afbeelding: {bericht['image']}")
        custom = bericht.get("custom")
        document = documenten.lees(custom)
        if document:
            regels += document_regels(document)
        elif isinstance(custom, dict) and custom.get("text"):
            regels.append(str(custom["text"]))
    if knoppen:
        regels.append(KNOP_UITLEG)
    return regels, knoppen


def te_sturen(regel: str, knoppen: List[Knop]) -> str:
    """What a typed line sends: the payload of the button with that number,
    or else the line itself."""
    tekst = regel.strip()
    if tekst.isdigit() and 1 <= int(tekst) <= len(knoppen):
        knop = knoppen[int(tekst) - 1]
        return str(knop.get("payload") or knop["title"])
    return tekst


def gesprek(antwoord: Callable[[str], List[Dict[str, Any]]], lees: Callable[[str], str] = input,
            schrijf: Callable[[str], None] = print) -> None:
    """Read lines until /stop or Ctrl-D, send each with `antwoord` and print the answer."""
    knoppen: List[Knop] = []
    while True:
        try:
            regel = lees(PROMPT)
        except (EOFError, KeyboardInterrupt):
            schrijf("")
            return
        if regel.strip() == STOP:
            return
        tekst = te_sturen(regel, knoppen)
        if not tekst:
            continue
        try:
            berichten = antwoord(tekst)
        except urllib.error.HTTPError as fout:
            schrijf(GEWEIGERD if fout.code in (401, 403) else GEEN_ANTWOORD)
            continue
        except (OSError, ValueError):
            schrijf(GEEN_ANTWOORD)
            continue
        regels, knoppen = weergave(berichten)
        for uitvoer in regels + [""]:
            schrijf(uitvoer)


# ---- the REST channel ----

def webhook_url() -> str:
    return f"http://127.0.0.1:{settings.get('RASA_PORT')}/webhooks/rest/webhook"


def aanvraag(sender: str, tekst: str) -> urllib.request.Request:
    """A message for the REST channel, with what bot/channels/rest.py requires."""
    url, headers = webhook_url(), {"Content-Type": "application/json"}
    if auth.api_token():
        url += "?" + urlencode({"token": auth.api_token()})
    elif auth.jwt_secret():
        token = jwt.encode({"user": {"username": sender, "role": "user"}, "exp": int(time.time()) + 3600},
                           auth.jwt_secret(),
                           algorithm=auth.jwt_method())
        headers["Authorization"] = auth.BEARER + token
    body = json.dumps({"sender": sender, "message": tekst}).encode()
    return urllib.request.Request(url, data=body, headers=headers, method="POST")


def stuur(sender: str, tekst: str) -> List[Dict[str, Any]]:
    """The assistant's answer to one message, as the REST channel returns it."""
    with urllib.request.urlopen(aanvraag(sender, tekst), timeout=ANSWER_TIMEOUT_S) as antwoord:
        berichten = json.loads(antwoord.read() or b"[]")
    return berichten if isinstance(berichten, list) else []


def main(model: Path) -> int:
    servers.use_free_ports(blank=servers.MESSAGING_SETTINGS)
    sender = f"terminal-{uuid.uuid4().hex}"
    print(STARTEN, flush=True)
    # The servers' logs go to a folder that is removed afterwards, so they do
    # not run through the conversation; shown only when starting fails.
    with tempfile.TemporaryDirectory(prefix="eenzaamheid-shell-") as logs:
        try:
            with servers.running(model, log_dir=Path(logs)):
                print(WELKOM, flush=True)
                gesprek(lambda tekst: stuur(sender, tekst))
        except RuntimeError as fout:
            print(NIET_GESTART.format(fout=fout), file=sys.stderr)
            for log in sorted(Path(logs).glob("*.log")):
                print(f"--- {log.name}\n{log.read_text(errors='replace')[-3000:]}", file=sys.stderr)
            return 1
        except KeyboardInterrupt:
            pass
    print("Gestopt.")
    return 0
