"""`python -m bot.oefengroep [--uit FILE]`: a trainer's Markdown summary of all
practice sessions in the conversation database (actions/oefenen/groep.py).

A session is the last value of the slot `oefen_sessie` before it was cleared
by the feedback (or the last value, for a session still running)."""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Iterable, List, Optional, Sequence, Tuple

import sqlalchemy as sa
from sqlalchemy.exc import DBAPIError

from actions.oefenen.groep import samenvatting
from bot.privacy import EVENTS, PrivacyFout, check_database
from gedeeld import gespreksverslag, settings

SLOT = "oefen_sessie"


def sessies_uit(rijen: Iterable[Tuple[str, str]]) -> List[dict]:
    """Finished sessions from (sender_id, event data) rows in time order."""
    laatste: dict = {}
    klaar: List[dict] = []
    for sender_id, data in rijen:
        event = json.loads(data)
        if event.get("event") != "slot" or event.get("name") != SLOT:
            continue
        if event.get("value") is None:
            if laatste.get(sender_id) is not None:
                klaar.append(laatste.pop(sender_id))
        else:
            laatste[sender_id] = event["value"]
    return klaar + [s for s in laatste.values() if s is not None]


def lees_sessies(url: str) -> List[dict]:
    query = sa.select(EVENTS.c.sender_id, EVENTS.c.data).order_by(EVENTS.c.sender_id, EVENTS.c.timestamp, EVENTS.c.id)
    with gespreksverslag.database(url).connect() as connection:
        if not sa.inspect(connection).has_table("events"):
            return []
        return sessies_uit(connection.execute(query))


def main(argv: Optional[Sequence[str]] = None) -> int:
    settings.load()
    parser = argparse.ArgumentParser(prog="python -m bot.oefengroep",
                                     description="Samenvatting van alle oefengesprekken, zonder namen.")
    parser.add_argument("--uit", type=Path, help="schrijf de Markdown naar dit bestand in plaats van het scherm")
    args = parser.parse_args(argv)
    url = settings.get("TRACKER_STORE_URL")
    try:
        check_database(url)
        tekst = samenvatting(lees_sessies(url))
    except PrivacyFout as error:
        print(f"Fout: {error}", file=sys.stderr)
        return error.exit_code
    except DBAPIError as error:
        print(f"Fout: de database gaf een fout: {error.orig}", file=sys.stderr)
        return 3
    if args.uit:
        args.uit.write_text(tekst, encoding="utf-8")
        print(f"Samenvatting geschreven naar {args.uit}.")
    else:
        print(tekst, end="")
    return 0


if __name__ == "__main__":
    sys.exit(main())
