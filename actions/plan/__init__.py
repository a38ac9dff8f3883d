"""The personal action plan (phase five of the approach).

Plain Python: gegevens.py (fields, texts, `Uitkomst`), datums.py (Dutch
dates), namen.py (names out of free text), velden.py (checking each answer),
vragen.py (questions, order, buttons) and export.py (chat summary and
Markdown document). The Rasa layer is acties.py: the plan form, its
validation action and showing the plan. The package exports the checks the
form and the tests use.
"""
from actions.plan.datums import datum_tekst, lees_datum
from actions.plan.gegevens import MAX_STAPPEN, MIN_STAPPEN, VELDEN, Uitkomst
from actions.plan.namen import anoniem
from actions.plan.velden import (
                                 is_klaar,
                                 lees_stappen,
                                 stap_tekst,
                                 valideer,
                                 valideer_aanduiding,
                                 valideer_doel,
                                 valideer_stap,
                                 valideer_stappen,
                                 valideer_tekst,
                                 valideer_vangnet,
                                 valideer_vervolgdatum,
                                 voeg_stap_toe,
)
from actions.plan.vragen import knoppen, ontbrekend, volgorde, vraag

__all__ = ["Uitkomst", "VELDEN", "MIN_STAPPEN", "MAX_STAPPEN", "anoniem", "datum_tekst", "lees_datum",
           "valideer", "valideer_aanduiding", "valideer_tekst", "valideer_doel", "valideer_vangnet",
           "valideer_vervolgdatum", "valideer_stap", "valideer_stappen", "voeg_stap_toe", "lees_stappen",
           "volgorde", "ontbrekend", "vraag", "is_klaar", "stap_tekst", "knoppen"]
