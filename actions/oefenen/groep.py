"""A trainer's summary of a group's practice sessions, as Markdown.

Plain Python without Rasa. It takes finished session states (sessie.py) and
reports only what the group did: how many sessions per persona, how trust
moved, the MITI-style ratios (indicative), premature advice, how much the
personas revealed, and which poor moves came back most. No conversation ids,
no trainee lines: a summary for a group must not point at one person.
"""
from __future__ import annotations

from statistics import mean
from typing import Dict, List, Optional, Sequence

from actions.oefenen.feedback import tellingen, verhoudingen
from actions.oefenen.personas import personas

# Moves that the feedback counts as poor, in the words a trainer uses.
ZWAKKE_ZETTEN = {"gesloten_vraag": "gesloten vragen", "advies": "adviezen en oplossingen",
                 "bagatelliseren": "bagatelliseren"}


def _procent(waarde: Optional[float]) -> str:
    return "-" if waarde is None else f"{round(waarde * 100)}%"


def _getal(waarde: float) -> str:
    """One decimal, Dutch style: 3,5."""
    return f"{waarde:.1f}".replace(".", ",")


def _gemiddeld(waarden: Sequence[Optional[float]]) -> Optional[float]:
    bekend = [w for w in waarden if w is not None]
    return mean(bekend) if bekend else None


def _per_persona(sessies: Sequence[dict]) -> List[str]:
    alle = personas()
    regels = []
    for persona_id in sorted({s["persona"] for s in sessies}):
        eigen = [s for s in sessies if s["persona"] == persona_id]
        persona = alle.get(persona_id)
        naam = persona.naam if persona else persona_id
        verborgen = len(persona.verborgen_feiten) if persona else 0
        onthuld = mean(len(s["onthuld"]) for s in eigen)
        regels.append(f"- {naam}: {len(eigen)} keer; vertrouwen gemiddeld van "
                      f"{_getal(mean(s['start_vertrouwen'] for s in eigen))} naar "
                      f"{_getal(mean(s['vertrouwen'] for s in eigen))} op 10; gemiddeld {_getal(onthuld)} van de "
                      f"{verborgen} verborgen dingen verteld")
    return regels


def samenvatting(sessies: Sequence[dict]) -> str:
    """The group's summary; sessions without a single turn are left out."""
    sessies = [s for s in sessies if s.get("geschiedenis")]
    if not sessies:
        return "# Oefengesprekken van de groep\n\nEr zijn nog geen oefengesprekken met minstens één beurt.\n"
    ratio = [verhoudingen(s) for s in sessies]
    zwak: Dict[str, int] = {}
    for s in sessies:
        for soort, aantal in tellingen(s).items():
            if soort in ZWAKKE_ZETTEN:
                zwak[ZWAKKE_ZETTEN[soort]] = zwak.get(ZWAKKE_ZETTEN[soort], 0) + aantal
    regels = [
        "# Oefengesprekken van de groep",
        "",
        f"{len(sessies)} oefengesprekken, samen {sum(len(s['geschiedenis']) for s in sessies)} beurten. "
        "Zonder namen of andere gegevens van deelnemers.",
        "",
        "## Per persona",
        *_per_persona(sessies),
        "",
        "## Gespreksvaardigheden (indicatie, naar de drempels van MITI 3.1.1)",
        f"- Open vragen: gemiddeld {_procent(_gemiddeld([r['aandeel_open'] for r in ratio]))} van de vragen "
        "(redelijk vanaf 50%, goed vanaf 70%)",
        f"- Reflecties per vraag: gemiddeld "
        f"{_getal(_gemiddeld([r['reflecties_per_vraag'] for r in ratio]) or 0)} (redelijk vanaf 1, goed vanaf 2)",
        f"- Complexe reflecties: gemiddeld {_procent(_gemiddeld([r['aandeel_complex'] for r in ratio]))} "
        "van de reflecties (redelijk vanaf 40%, goed vanaf 50%)",
        f"- Advies of een voorstel voordat er vertrouwen was: {sum(r['te_vroeg'] for r in ratio)} keer "
        f"in {sum(1 for r in ratio if r['te_vroeg'])} van de {len(sessies)} gesprekken",
        "",
        "## Wat het vaakst terugkwam",
    ]
    if zwak:
        regels += [f"- {naam}: {aantal} keer" for naam, aantal in sorted(zwak.items(), key=lambda kv: -kv[1])]
    else:
        regels.append("- Geen gesloten vragen, adviezen of bagatelliseren geteld.")
    regels += ["", "De telling is automatisch. Bespreek de gesprekken zelf in de groep; cijfers zijn een begin, "
               "geen oordeel."]
    return "\n".join(regels) + "\n"
