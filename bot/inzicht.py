"""`python -m bot.inzicht --van 2026-11-01 --tot 2026-11-30 --uit rapport.html`:
the insight report (bot/leren/rapport.py) as one self-contained HTML file,
with charts and tables and small-cell suppression. Exit codes: 0 done,
2 wrong value, 3 database not reachable."""
from __future__ import annotations

import argparse
import sys
from datetime import date, timedelta
from pathlib import Path
from typing import Optional, Sequence

from bot.leren import gegevens, rapport, weergave
from bot.privacy import WRONG_USAGE, DutchArgumentParser, PrivacyFout, check_database, run_command
from gedeeld import settings


def datum(tekst: str) -> date:
    try:
        return date.fromisoformat(tekst)
    except ValueError as error:
        raise argparse.ArgumentTypeError(f"geen datum als 2026-11-30: {tekst!r}") from error


def rapport_html(url: str, van: date, tot: date) -> str:
    """The report of the conversations in `url` from `van` to `tot` (inclusive)."""
    if tot < van:
        raise PrivacyFout(f"De periode klopt niet: {tot} ligt vóór {van}.", WRONG_USAGE)
    check_database(url)
    return weergave.rapport_html(rapport.maak(gegevens.lees_gesprekken(url), gegevens.lees_verslag(url), van, tot))


def main(argv: Optional[Sequence[str]] = None) -> int:
    settings.load()
    vandaag = date.today()
    p = DutchArgumentParser(prog="python -m bot.inzicht", description="Inzichtrapport met grafieken, zonder namen.")
    p.add_argument("--van", type=datum, default=vandaag - timedelta(days=29), help="eerste dag (JJJJ-MM-DD)")
    p.add_argument("--tot", type=datum, default=vandaag, help="laatste dag, telt mee (JJJJ-MM-DD)")
    p.add_argument("--uit", type=Path, default=Path("rapport.html"), help="het HTML-bestand (standaard rapport.html)")
    args = p.parse_args(argv)

    def command() -> None:
        args.uit.write_text(rapport_html(settings.get("TRACKER_STORE_URL"), args.van, args.tot), encoding="utf-8")
        print(f"Rapport over {args.van} tot en met {args.tot} geschreven naar {args.uit}.")

    return run_command(command)


if __name__ == "__main__":
    sys.exit(main())
