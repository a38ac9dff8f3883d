"""The personal action plan as a form: one question per field, each answer
checked by velden.py, then the plan in the chat and as a document.

One slot per field (`plan_doel`, …); the steps are gathered one message at
a time in `plan_stappen_concept` and only land in `plan_stappen` when the
worker says 'klaar' with two or more, or at the fifth. For a person who
keeps help off the safety net is asked first (plan.volgorde).
"""
from __future__ import annotations

from datetime import date
from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions import plan
from actions.aanpak import fasen as aanpak
from actions.aanpak.acties import FORM as AANPAK_FORM
from actions.aanpak.acties import SLOT_AANPAK, fase_stap, nieuwe_persoon, walk, zorgmijdend_volgens
from actions.algemeen import herstel
from actions.algemeen.acties import (
    afhandelingen,
    corrigeer_met,
    ga_vraag_terug,
    herstel_gesprek,
    is_kennisvraag,
    verlaat_formulier,
    vraag_actie,
)
from actions.plan import export as plan_export
from actions.signalering import casus
from actions.verslag.logboek import schrijf_moment

FORM = "plan_form"
SLOT_CONCEPT = "plan_stappen_concept"
# A question to the assistant in the middle of the plan ("wat is zorgmijding?")
# is answered, not written into the plan: only a sure knowledge intent with a question mark.
KENNISVRAAG_ZEKERHEID = 0.8


def slot(veld: str) -> str:
    return f"plan_{veld}"


def vandaag() -> date:
    return date.today()


def plan_uit(tracker: Tracker) -> Dict[str, Any]:
    """The plan as plan.py and plan_export.py know it, from the form's slots."""
    velden: Dict[str, Any] = {veld: tracker.get_slot(slot(veld)) for veld in plan.VELDEN}
    if not isinstance(velden["stappen"], list):
        velden["stappen"] = tracker.get_slot(SLOT_CONCEPT) or []
    return velden


def beeld_uit(tracker: Tracker) -> Dict[str, Any]:
    return {naam: tracker.get_slot(naam) for naam in casus.BEELD_SLOTS}


def heeft_plan(tracker: Tracker) -> bool:
    """Something of a plan was filled in (the form need not be finished)."""
    return any(tracker.get_slot(slot(veld)) for veld in plan.VELDEN if veld != "aanduiding") \
        or bool(tracker.get_slot(SLOT_CONCEPT))


def toon_plan(dispatcher: CollectingDispatcher, tracker: Tracker) -> None:
    """The plan and the picture: a summary in the chat, then the Markdown document."""
    inhoud, beeld, state = plan_uit(tracker), beeld_uit(tracker), tracker.get_slot(SLOT_AANPAK)
    dispatcher.utter_message(text=plan_export.samenvatting(inhoud, beeld, vandaag()))
    dispatcher.utter_message(json_message=plan_export.export_payload(inhoud, beeld, vandaag(), state))


def _net_begonnen(tracker: Tracker) -> bool:
    """The form started in this turn (not a question asked again after an answer)."""
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            return False
        if event.get("event") == "active_loop" and event.get("name") == FORM:
            return True
    return False


def _stel_planvraag(dispatcher: CollectingDispatcher, tracker: Tracker, veld: str) -> None:
    if _net_begonnen(tracker):
        dispatcher.utter_message(text=aanpak.teksten()["gesprek"]["plan_start"])
    aantal = len(tracker.get_slot(SLOT_CONCEPT) or []) if veld == "stappen" else 0
    tekst = plan.vraag(veld, tracker.get_slot("beeld_type"), zorgmijdend_volgens(tracker), vandaag(), aantal)
    dispatcher.utter_message(text=tekst, buttons=[{"title": k, "payload": k} for k in plan.knoppen(veld, aantal)])


def _plan_vraag_actie(veld: str) -> type:
    """`ActionAskPlan<Veld>`: the `action_ask_plan_<veld>` action that asks the plan's question for `veld`."""

    def stel(dispatcher: CollectingDispatcher, tracker: Tracker) -> None:
        _stel_planvraag(dispatcher, tracker, veld)

    return vraag_actie(slot(veld), f"ActionAskPlan{veld.capitalize()}", stel, f"Asks the plan's question for {veld}.")


# One ask action per field, named explicitly so they can be imported (and type-checked).
PLAN_VRAAG_ACTIES: Dict[str, type] = {veld: _plan_vraag_actie(veld) for veld in plan.VELDEN}
ActionAskPlanAanduiding = PLAN_VRAAG_ACTIES["aanduiding"]
ActionAskPlanDoel = PLAN_VRAAG_ACTIES["doel"]
ActionAskPlanDrijfveren = PLAN_VRAAG_ACTIES["drijfveren"]
ActionAskPlanZelf = PLAN_VRAAG_ACTIES["zelf"]
ActionAskPlanNetwerk = PLAN_VRAAG_ACTIES["netwerk"]
ActionAskPlanStappen = PLAN_VRAAG_ACTIES["stappen"]
ActionAskPlanVervolgdatum = PLAN_VRAAG_ACTIES["vervolgdatum"]
ActionAskPlanVangnet = PLAN_VRAAG_ACTIES["vangnet"]


class ValidatePlanForm(FormValidationAction):
    """Each answer checked: a clear Dutch message for an empty goal, a date in
    the past, a step without anyone to do it, a name; the question comes again."""

    def name(self) -> Text:
        return f"validate_{FORM}"

    async def required_slots(self, domain_slots: List[Text], dispatcher: CollectingDispatcher,
                             tracker: Tracker, domain: DomainDict) -> List[Text]:
        """The safety net first when the person keeps help off."""
        return [slot(veld) for veld in plan.volgorde(self._zorgmijdend(tracker))]

    @staticmethod
    def _zorgmijdend(tracker: Tracker) -> bool:
        state = walk(tracker)
        return zorgmijdend_volgens(tracker) or bool(state and state["zorgmijdend"])

    async def get_validation_events(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                                    domain: DomainDict) -> List[EventType]:
        vraag = tracker.get_slot("requested_slot")
        waarde = tracker.slots_to_validate().get(vraag) if vraag else None
        if waarde is None or not isinstance(waarde, str):
            return []
        hersteld = herstel_gesprek(dispatcher, tracker, FORM, vraag, waarde, AFHANDELINGEN,
                                   kennisvraag=is_kennisvraag(tracker, waarde, KENNISVRAAG_ZEKERHEID))
        if hersteld is not None:
            return hersteld
        veld = vraag[len("plan_"):]
        if veld == "aanduiding" and self._eerdere_fase(dispatcher, waarde):
            return [SlotSet(vraag, None)]
        if veld == "stappen":
            return self._stap(dispatcher, tracker, waarde)
        uitkomst = plan.valideer(veld, waarde, vandaag())
        self._meld(dispatcher, uitkomst)
        return [SlotSet(vraag, uitkomst.waarde if uitkomst.ok else None)]

    @staticmethod
    def _eerdere_fase(dispatcher: CollectingDispatcher, tekst: str) -> bool:
        """"Ik ken hem nog maar net" to the name question: the worker says where
        they stand, and that is before the plan; say so and how to go back."""
        fase = aanpak.lees_fase(tekst)
        if fase is None or fase == aanpak.FASE_VOLGORDE[-1] or plan.valideer_aanduiding(tekst).ok:
            return False
        dispatcher.utter_message(text=herstel.melding("andere_fase", naam=aanpak.fase_naam(fase)))
        return True

    @staticmethod
    def _meld(dispatcher: CollectingDispatcher, uitkomst: plan.Uitkomst) -> None:
        if uitkomst.opmerking:
            dispatcher.utter_message(text=uitkomst.opmerking)
        if not uitkomst.ok:
            dispatcher.utter_message(text=uitkomst.fout)

    def _stap(self, dispatcher: CollectingDispatcher, tracker: Tracker, tekst: str) -> List[EventType]:
        """One step, several on separate lines, or 'klaar'."""
        concept: List[Dict[str, Any]] = list(tracker.get_slot(SLOT_CONCEPT) or [])
        if plan.is_klaar(tekst):
            aantal = plan.valideer_stappen(concept)
            self._meld(dispatcher, aantal)
            return [SlotSet(slot("stappen"), concept if aantal.ok else None)]
        regels = [r for r in tekst.splitlines() if r.strip()]
        uitkomst = plan.lees_stappen(tekst, vandaag()) if len(regels) > 1 else plan.voeg_stap_toe([], tekst, vandaag())
        self._meld(dispatcher, uitkomst)
        if not uitkomst.ok:
            return [SlotSet(slot("stappen"), None)]
        nieuw = [*concept, *uitkomst.waarde]
        if len(nieuw) > plan.MAX_STAPPEN:
            self._meld(dispatcher, plan.valideer_stappen(nieuw))
            return [SlotSet(slot("stappen"), None)]
        for nummer, stap in enumerate(uitkomst.waarde, start=len(concept) + 1):
            dispatcher.utter_message(text=plan.stap_tekst(nummer, stap))
        klaar = len(nieuw) == plan.MAX_STAPPEN or (len(regels) > 1 and plan.valideer_stappen(nieuw).ok)
        return [SlotSet(SLOT_CONCEPT, nieuw), SlotSet(slot("stappen"), nieuw if klaar else None)]


def _vorige_fase(dispatcher: CollectingDispatcher, tracker: Tracker, vraag: str) -> List[EventType]:
    """Back to motivation: the plan's answers so far are kept for later."""
    return [SlotSet(vraag, None), *verlaat_formulier(), *fase_stap(dispatcher, tracker, terug=True)]


def _volgende_fase(dispatcher: CollectingDispatcher, _tracker: Tracker, vraag: str) -> List[EventType]:
    dispatcher.utter_message(text=herstel.melding("geen_volgende_fase"))
    return [SlotSet(vraag, None)]


def _pauze(dispatcher: CollectingDispatcher, _tracker: Tracker, vraag: str) -> List[EventType]:
    dispatcher.utter_message(text=aanpak.teksten()["gesprek"]["plan_gepauzeerd"])
    return [SlotSet(vraag, None), *verlaat_formulier()]


def _nieuwe_persoon(dispatcher: CollectingDispatcher, tracker: Tracker, vraag: str) -> List[EventType]:
    """A fresh walk, and at once the question where the worker stands with the new person."""
    return [SlotSet(vraag, None), *nieuwe_persoon(dispatcher, tracker), *verlaat_formulier(AANPAK_FORM)]


def _lees_verbetering(dispatcher: CollectingDispatcher, vorige: str, tekst: str) -> Optional[Any]:
    """A corrected earlier answer, checked as that question checks it; the
    steps are built one by one, so they are gone back to, not corrected."""
    veld = vorige[len("plan_"):]
    if veld == "stappen":
        dispatcher.utter_message(text=herstel.melding("niet_aan_te_passen"))
        return None
    uitkomst = plan.valideer(veld, tekst, vandaag())
    ValidatePlanForm._meld(dispatcher, uitkomst)
    return uitkomst.waarde if uitkomst.ok else None


AFHANDELINGEN = afhandelingen(FORM, vorige_vraag=ga_vraag_terug, correctie=corrigeer_met(_lees_verbetering),
                              vorige_fase=_vorige_fase, volgende_fase=_volgende_fase, pauze=_pauze,
                              nieuwe_persoon=_nieuwe_persoon)


class ActionPlanKlaar(Action):
    """The form is done: the plan in the chat and as a document, and a line in the case log."""

    def name(self) -> Text:
        return "action_plan_klaar"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            domain: Dict[Text, Any]) -> List[EventType]:
        dispatcher.utter_message(text=aanpak.teksten()["gesprek"]["plan_klaar"])
        toon_plan(dispatcher, tracker)
        inhoud = plan_uit(tracker)
        state = walk(tracker)
        schrijf_moment(dispatcher, tracker, "plan", plan=plan_export.logregel(inhoud),
                       fase=aanpak.fase_naam(state["fase"]) if state else None)
        return []


class ActionPlanGestopt(Action):
    """Stopping in the middle of the plan keeps what was filled in."""

    def name(self) -> Text:
        return "action_plan_gestopt"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            domain: Dict[Text, Any]) -> List[EventType]:
        dispatcher.utter_message(text=aanpak.teksten()["gesprek"]["plan_gepauzeerd"])
        return []

