"""The action plan's questions: their order (the safety net first for someone
who keeps help off), the text with the hint for the type, and the buttons."""
from __future__ import annotations

from datetime import date
from typing import Any, List, Mapping, Optional

from actions.plan.datums import voorbeelden
from actions.plan.gegevens import teksten
from actions.plan.velden import valideer_stappen


def knoppen(veld: str, aantal_stappen: int = 0) -> List[str]:
    """Answers offered as buttons for `veld` (plain text, so typing works the same)."""
    sleutel = "stappen_nog" if veld == "stappen" and aantal_stappen > 0 else veld
    return list(teksten()["knoppen"].get(sleutel) or [])


def volgorde(zorgmijdend: bool = False) -> List[str]:
    """The order of the questions: the safety net first for the care-avoiding."""
    return list(teksten()["volgorde_zorgmijdend" if zorgmijdend else "volgorde"])


def ontbrekend(plan: Optional[Mapping[str, Any]], zorgmijdend: bool = False) -> Optional[str]:
    """The next field to ask, or None when the plan is complete."""
    plan = plan or {}
    for veld in volgorde(zorgmijdend):
        waarde = plan.get(veld)
        if veld == "stappen":
            if not valideer_stappen(waarde or []).ok:
                return veld
        elif not waarde:
            return veld
    return None


def vraag(veld: str, type_id: Optional[str] = None, zorgmijdend: bool = False,
          vandaag: Optional[date] = None, aantal_stappen: int = 0) -> str:
    """The question for `veld`, with the hint for the type or the care-avoiding
    first. For stappen after the first step: the 'next step' question."""
    t = teksten()
    sleutel = "stappen_nog" if veld == "stappen" and aantal_stappen > 0 else veld
    vraag_tekst = t["vragen"][sleutel].format(**voorbeelden(vandaag))
    per_type = t["vragen_per_type"]
    hints = [per_type.get(type_id or "", {}).get(veld)]
    if zorgmijdend:
        hints.append(per_type["zorgmijdend"].get(veld))
    hints = [h for h in hints if h] if aantal_stappen == 0 else []
    return " ".join([*hints, vraag_tekst])
