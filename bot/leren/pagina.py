"""The review inbox and the insight report as pages of the demo site that
`make run` serves (bot/servers.py): /leerlus and /inzicht?van=...&tot=....

Both show what is stored about conversations, so both are behind the API
token (`?token=API_TOKEN`, or an admin JWT as Authorization header, checked
as bot/channels/auth.py checks them); with no API_TOKEN configured the pages
are closed. They have their own Content-Security-Policy: no scripts at all,
styles and the charts (data URIs) inline."""
from __future__ import annotations

import html
from datetime import date, timedelta
from typing import Dict, Optional, Tuple
from urllib.parse import parse_qs

from bot.channels import auth
from bot.leren import inbox, weergave
from bot.privacy import PrivacyFout
from gedeeld import settings

PADEN = ("/leerlus", "/inzicht")
CSP = ("default-src 'none'; img-src data:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; "
       "frame-ancestors 'none'")


def _toegang(query: Dict[str, list], authorization: Optional[str]) -> Tuple[int, str]:
    if not auth.api_token():
        return 403, "Deze pagina is gesloten: zet API_TOKEN in .env en open hem met ?token=..."
    token = (query.get("token") or [None])[0]
    if auth.check(token, authorization, None) != 200:
        return 401, "Geen toegang: open deze pagina met het juiste token (?token=...)."
    return 200, ""


def _inzicht(query: Dict[str, list]) -> str:
    from bot.inzicht import rapport_html

    tot = date.fromisoformat((query.get("tot") or [date.today().isoformat()])[0])
    van = date.fromisoformat((query.get("van") or [(tot - timedelta(days=29)).isoformat()])[0])
    return rapport_html(settings.get("TRACKER_STORE_URL"), van, tot)


def _leerlus(query: Dict[str, list]) -> str:
    from bot.leerlus import groepen

    dagen = int((query.get("dagen") or [inbox.STANDAARD_DAGEN])[0])
    drempel = float((query.get("drempel") or [inbox.STANDAARD_DREMPEL])[0])
    return weergave.inbox_html(groepen(settings.get("TRACKER_STORE_URL"), dagen, drempel), dagen, drempel)


def antwoord(pad: str, querystring: str, authorization: Optional[str]) -> Tuple[int, str]:
    """(status, HTML) for one of PADEN."""
    query = parse_qs(querystring)
    status, fout = _toegang(query, authorization)
    if status != 200:
        return status, weergave.pagina("Geen toegang", f"<p>{html.escape(fout)}</p>")
    try:
        return 200, (_inzicht if pad == "/inzicht" else _leerlus)(query)
    except ValueError:
        return 400, weergave.pagina("Fout", "<p>Ongeldige waarde: gebruik datums als 2026-11-30 en getallen.</p>")
    except PrivacyFout as error:
        return 400, weergave.pagina("Fout", f"<p>{html.escape(str(error))}</p>")
