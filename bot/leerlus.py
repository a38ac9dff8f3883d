"""`python -m bot.leerlus`: the review inbox on the command line.

    python -m bot.leerlus [--dagen 30] [--drempel 0.5]
    python -m bot.leerlus --toewijzen 3=cijfers 5.2="buiten bereik" 7="nieuw onderwerp"

Without --toewijzen it lists the groups of messages the assistant did not
understand (bot/leren/inbox.py), numbered. With it, a reviewer assigns an
intent to a whole group (`3=cijfers`) or to one message (`5.2=...`); the
examples go to data/nlu/review.yml (bot/leren/review.py) and the tool shows
what was added and what was refused, and why. Exit codes: 0 done, 2 wrong
command or value, 3 database not reachable.
"""
from __future__ import annotations

import argparse
import sys
from typing import Dict, List, Optional, Sequence, Set, Tuple

import yaml

from bot.leren import gegevens, inbox, review
from bot.privacy import WRONG_USAGE, DutchArgumentParser, PrivacyFout, check_database, run_command
from gedeeld import settings


def intents() -> Set[str]:
    domein = yaml.safe_load((settings.ROOT / "domain.yml").read_text(encoding="utf-8"))
    return {i if isinstance(i, str) else next(iter(i)) for i in domein.get("intents") or []}


def groepen(url: str, dagen: int, drempel: float) -> List[inbox.Groep]:
    check_database(url)
    return inbox.groepeer(inbox.items(gegevens.lees_gesprekken(url), dagen, drempel), inbox.lemmatizer())


def keuzes(opdrachten: Sequence[str], lijst: Sequence[inbox.Groep]) -> List[Tuple[str, str]]:
    """(text, choice) for each `GROEP=keuze` or `GROEP.BERICHT=keuze`."""
    per_nummer: Dict[str, inbox.Groep] = {str(g.nummer): g for g in lijst}
    gekozen: List[Tuple[str, str]] = []
    for opdracht in opdrachten:
        doel, _, keuze = opdracht.partition("=")
        groep_nr, _, bericht_nr = doel.strip().partition(".")
        groep = per_nummer.get(groep_nr)
        if not keuze.strip() or groep is None or (bericht_nr and not (
                bericht_nr.isdigit() and 1 <= int(bericht_nr) <= groep.aantal)):
            raise PrivacyFout(f"Ongeldige toewijzing {opdracht!r}: schrijf GROEP=intent of GROEP.BERICHT=intent, "
                              f"met een groep en bericht uit de lijst.", WRONG_USAGE)
        gekozen_items = [groep.items[int(bericht_nr) - 1]] if bericht_nr else groep.items
        gekozen += [(i.bericht.tekst, keuze.strip()) for i in gekozen_items]
    return gekozen


def toon(lijst: Sequence[inbox.Groep]) -> str:
    if not lijst:
        return "De inbox is leeg: geen niet-begrepen berichten in deze periode.\n"
    regels = []
    for groep in lijst:
        regels.append(f"Groep {groep.nummer}: {groep.aantal} bericht(en); voorspeld {groep.intent}, "
                      f"daarna {groep.tweede}")
        regels += [f"  {groep.nummer}.{n}  {i.bericht.tekst}  ({', '.join(i.redenen)})"
                   for n, i in enumerate(groep.items, 1)]
    return "\n".join(regels) + "\n"


def wijzigingen(besluiten: Sequence[review.Besluit]) -> str:
    regels = [f"+ {b.keuze}: {b.tekst}" if not b.reden else f"- niet toegevoegd: {b.tekst} ({b.reden})"
              for b in besluiten]
    toegevoegd = sum(1 for b in besluiten if not b.reden)
    bestand = review.REVIEW_FILE
    getoond = bestand.relative_to(settings.ROOT) if bestand.is_relative_to(settings.ROOT) else bestand
    regels.append(f"{toegevoegd} voorbeeld(en) toegevoegd aan {getoond}; "
                  "`make train` neemt ze mee.")
    return "\n".join(regels) + "\n"


def parser() -> argparse.ArgumentParser:
    p = DutchArgumentParser(prog="python -m bot.leerlus",
                            description="Review-inbox: berichten die de assistent niet begreep, gegroepeerd.")
    p.add_argument("--dagen", type=int, default=inbox.STANDAARD_DAGEN, help="hoeveel dagen terug (standaard 30)")
    p.add_argument("--drempel", type=float, default=inbox.STANDAARD_DREMPEL,
                   help="zekerheid waaronder een bericht in de inbox komt (standaard 0.5)")
    p.add_argument("--toewijzen", nargs="+", metavar="GROEP[.BERICHT]=INTENT",
                   help='intent, "buiten bereik" of "nieuw onderwerp" per groep of bericht')
    return p


def main(argv: Optional[Sequence[str]] = None) -> int:
    settings.load()
    args = parser().parse_args(argv)

    def command() -> None:
        lijst = groepen(settings.get("TRACKER_STORE_URL"), args.dagen, args.drempel)
        if args.toewijzen:
            print(wijzigingen(review.verwerk(keuzes(args.toewijzen, lijst), intents())), end="")
        else:
            print(toon(lijst), end="")

    return run_command(command)


if __name__ == "__main__":
    sys.exit(main())
