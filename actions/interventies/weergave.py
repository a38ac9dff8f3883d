"""Search results as chat text, in B1 Dutch.

The overview shows each entry in a few lines: name and organisation, the
first sentence of what it offers, why it fits, and how to get in touch. The
detail adds the whole offer, the cost, the source and the date it was last
checked. An example entry always says it is an example instead of naming a
source, so nothing invented passes for a real organisation.
"""
from __future__ import annotations

import re
from datetime import date
from typing import List

from actions.algemeen.tekst import opsomming
from actions.interventies.catalogus import Treffer, Zoekresultaat
from actions.interventies.schema import Interventie
from actions.interventies.teksten import teksten
from actions.kennis.kennisbank import kennisbank


def render_overzicht(resultaat: Zoekresultaat, vanaf: int = 0, aantal: int = 3) -> str:
    """At most `aantal` results from position `vanaf`, with a heading, the
    service notice when there is one, and a closing line when more are left."""
    zinnen = teksten()["weergave"]
    regels = [resultaat.melding] if resultaat.melding else []
    deel = resultaat.treffers[vanaf:vanaf + aantal]
    if not deel:
        return "\n".join(regels + [zinnen["geen_meer"] if vanaf else zinnen["niets"]])
    regels.append(_kopregel(resultaat, vanaf))
    regels += [_kort(treffer) for treffer in deel]
    if len(resultaat.treffers) > vanaf + aantal:
        regels.append(zinnen["meer"])
    return "\n".join(regels)


def _kopregel(resultaat: Zoekresultaat, vanaf: int) -> str:
    zinnen = teksten()["weergave"]
    if vanaf:
        return zinnen["kop_meer"]
    wie = _doelgroep(resultaat.doelgroep) if resultaat.doelgroep else zinnen["wie_algemeen"]
    if resultaat.gemeente:
        return zinnen["kop_plaats"].format(wie=wie, gemeente=resultaat.gemeente)
    return zinnen["kop_landelijk"].format(wie=wie)


def render_interventie(treffer: Treffer) -> str:
    """Everything about one result: for "vertel meer over de tweede"."""
    zinnen = teksten()["weergave"]
    interventie = treffer.interventie
    regels = [
        _kop(interventie),
        interventie.aanbod,
        f"{zinnen['waarom']}: {reden(treffer)}.",
        f"{zinnen['contact']}: {_contact(interventie)}",
        f"{zinnen['kosten']}: {interventie.kosten}",
    ]
    if interventie.voorbeeld:
        regels.append(zinnen["voorbeeld"])
    else:
        regels.append(f"{zinnen['bron']}: {_bron(interventie)}{_gecontroleerd(interventie.laatst_gecontroleerd)}.")
    return "\n".join(regels)


def reden(treffer: Treffer) -> str:
    """Why this result fits: where, for whom, and the asked type and rung."""
    zinnen = teksten()["weergave"]
    interventie = treffer.interventie
    delen = [zinnen[treffer.niveau].format(plaats=treffer.plaats)]
    doelgroepen = [treffer.doelgroep] if treffer.doelgroep else list(interventie.doelgroepen)
    delen.append(zinnen["voor"].format(
        doelgroepen=opsomming([_doelgroep(d) for d in doelgroepen], teksten()['weergave']['en'])))
    if treffer.type:
        onderwerp = kennisbank().onderwerp(f"type_{treffer.type}")
        assert onderwerp is not None  # every type has its topic in onderwerpen.yml
        titel = onderwerp.titel
        delen.append(zinnen["type"].format(type=_klein(titel)))
    if treffer.trede:
        trede = kennisbank().treden[treffer.trede - 1]
        delen.append(zinnen["trede"].format(nummer=trede["nummer"], naam=_klein(trede["naam"])))
    return ", ".join(delen)


def _kort(treffer: Treffer) -> str:
    zinnen = teksten()["weergave"]
    interventie = treffer.interventie
    eerste_zin = re.split(r"(?<=[.!?])\s+", interventie.aanbod)[0]
    if interventie.voorbeeld:
        herkomst = zinnen["voorbeeld"]
    else:
        herkomst = f"({zinnen['bron'].lower()}: {_bron(interventie)})"
    return "\n".join([
        f"- {_kop(interventie)}",
        f"  {eerste_zin} {herkomst}",
        f"  {zinnen['waarom']}: {reden(treffer)}.",
        f"  {zinnen['contact']}: {_contact(interventie)}",
    ])


def _kop(interventie: Interventie) -> str:
    if interventie.organisatie == interventie.naam:
        return interventie.naam
    return f"{interventie.naam} — {interventie.organisatie}"


def _contact(interventie: Interventie) -> str:
    """The ways to get in touch, help line first (its line names its own source)."""
    zinnen = teksten()["weergave"]
    contact = interventie.contact
    delen: List[str] = []
    if contact.hulplijn:
        delen.append(kennisbank().hulplijn_regel(contact.hulplijn))
    if contact.telefoon:
        delen.append(f"{zinnen['bel']} {contact.telefoon}.")
    if contact.verwijsroute:
        delen.append(_zin(contact.verwijsroute))
    if contact.website:
        delen.append(f"{zinnen['website']}: {contact.website}")
    return " ".join(delen)


def _bron(interventie: Interventie) -> str:
    if interventie.bron in kennisbank().bronnen:
        return kennisbank().bron_kort(interventie.bron)
    return interventie.bron or teksten()["weergave"]["eigen_bron"]


def _gecontroleerd(datum: date | None) -> str:
    if datum is None:
        return ""
    maand = teksten()["maanden"][datum.month - 1]
    return f"; {teksten()['weergave']['gecontroleerd']} {datum.day} {maand} {datum.year}"


def _doelgroep(code: str) -> str:
    return teksten()["doelgroepen"].get(code, code.replace("_", " "))


def _klein(tekst: str) -> str:
    return tekst[:1].lower() + tekst[1:]


def _zin(tekst: str) -> str:
    return tekst if tekst.endswith((".", "!", "?")) else tekst + "."
