"""The guided walk through the phases, in the dialogue.

The walk itself is plain Python (actions/aanpak/fasen.py); its state lives in the
slot `aanpak`, so the tracker store keeps it across days and restarts
(actions/gesprek/acties.py carries it into a new session). After showing a
phase, `aanpak_plan_vragen` (a featurised slot) says whether the plan's
questions follow: the rules start the plan form when it is true.

    aanpak_starten → action_aanpak_starten → aanpak_form ("waar sta je?",
    skipped when the request names a phase or a walk is under way) →
    action_aanpak_tonen → (at the plan) plan_form
    fase_volgende / fase_vorige → action_aanpak_stap
"""
from __future__ import annotations

from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.aanpak import fasen as aanpak
from actions.kennis.kennisbank import FASE_VOLGORDE

SLOT_AANPAK = "aanpak"
SLOT_PLAN_VRAGEN = "aanpak_plan_vragen"
SLOT_KEUZE = "aanpak_keuze"
FORM = "aanpak_form"
VERDER = "verder"  # aanpak_keuze for "go on where we were"
ACTIEPLAN = FASE_VOLGORDE[-1]
PLAN_KNOP = '/aanpak_starten{"fase": "actieplan"}'


def _teksten() -> dict:
    return aanpak.teksten()["gesprek"]


def walk(tracker: Tracker) -> Optional[Dict[str, Any]]:
    """The walk under way in this conversation, adapted to the latest picture; None before it starts."""
    state = tracker.get_slot(SLOT_AANPAK)
    if not state:
        return None
    type_id = tracker.get_slot("beeld_type")
    if type_id:
        state = aanpak.met_type(state, type_id, zorgmijdend_volgens(tracker))
    return aanpak.geldig(state)


def zorgmijdend_volgens(tracker: Tracker) -> bool:
    """The picture's type or the attitude to help says the person keeps help off."""
    return aanpak.is_zorgmijdend(tracker.get_slot("beeld_type"), tracker.get_slot("sig_houding_hulp"))


def knoppen(state: Dict[str, Any]) -> List[Dict[str, str]]:
    """Next and back, the plan at the last phase, and pausing."""
    namen = _teksten()["knoppen"]
    if state["afgerond"]:
        return [{"title": namen["plan"], "payload": PLAN_KNOP}]
    eerst = ({"title": namen["plan"], "payload": PLAN_KNOP} if state["fase"] == ACTIEPLAN
             else {"title": namen["volgende"], "payload": "/fase_volgende"})
    rest = [{"title": namen["pauze"], "payload": "/stoppen"}]
    if state["fase"] != FASE_VOLGORDE[0]:
        rest.insert(0, {"title": namen["vorige"], "payload": "/fase_vorige"})
    return [eerst, *rest]


def _genoemde_fase(tracker: Tracker) -> Optional[str]:
    """A phase named in the request: the `fase` entity, or the words."""
    for entity in tracker.latest_message.get("entities") or []:
        if entity.get("entity") == "fase" and entity.get("value") in FASE_VOLGORDE:
            return entity["value"]
    return aanpak.fase_in_verzoek(tracker.latest_message.get("text") or "")


class ActionAanpakStarten(Action):
    """Decides whether the form has to ask where the worker stands: not when
    the request names a phase, and not when a walk is under way (then we go
    on where we were)."""

    def name(self) -> Text:
        return "action_aanpak_starten"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            domain: Dict[Text, Any]) -> List[EventType]:
        fase = _genoemde_fase(tracker)
        if fase is None and tracker.get_slot(SLOT_AANPAK):
            fase = VERDER
        return [SlotSet(SLOT_KEUZE, fase)] if fase else []


class ActionAskAanpakKeuze(Action):
    def name(self) -> Text:
        return f"action_ask_{SLOT_KEUZE}"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            domain: Dict[Text, Any]) -> List[EventType]:
        dispatcher.utter_message(text=aanpak.waar_sta_je_vraag(),
                                 buttons=[{"title": titel, "payload": titel}
                                          for _, titel in aanpak.waar_sta_je_keuzes()])
        return []


class ValidateAanpakForm(FormValidationAction):
    """The answer to "waar sta je met deze persoon?" in the worker's own words, or a button."""

    def name(self) -> Text:
        return f"validate_{FORM}"

    def validate_aanpak_keuze(self, waarde: Any, dispatcher: CollectingDispatcher, tracker: Tracker,
                              domain: DomainDict) -> Dict[Text, Any]:
        tekst = str(waarde or "")
        if not tekst.strip():
            return {SLOT_KEUZE: None}  # nothing typed yet (or an empty message): the question comes
        if tekst in (*FASE_VOLGORDE, VERDER):
            return {SLOT_KEUZE: tekst}
        knop = next((f for f, titel in aanpak.waar_sta_je_keuzes() if titel.lower() == tekst.strip().lower()), None)
        fase = knop or aanpak.lees_fase(tekst)
        if fase is None:
            dispatcher.utter_message(text=aanpak.niet_herkend_tekst())
        return {SLOT_KEUZE: fase}


class ActionAanpakTonen(Action):
    """The phase the worker chose (or the walk resumed), with its buttons.
    At the plan, the plan's questions follow at once (a rule)."""

    def name(self) -> Text:
        return "action_aanpak_tonen"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            domain: Dict[Text, Any]) -> List[EventType]:
        keuze = tracker.get_slot(SLOT_KEUZE)
        huidig = walk(tracker)
        if keuze == VERDER and huidig is not None:
            state = huidig
            tekst = aanpak.hervat_tekst(state, met_verder=state["fase"] != ACTIEPLAN)
        elif huidig is not None and keuze == huidig["fase"] == ACTIEPLAN:
            state = {**huidig, "afgerond": False}
            tekst = _teksten()["plan_verder"]
        else:
            fase = keuze if keuze in FASE_VOLGORDE else FASE_VOLGORDE[0]
            state = self._naar(tracker, huidig, fase)
            tekst = aanpak.fase_tekst(state, met_verder=fase != ACTIEPLAN)
        plan_vragen = state["fase"] == ACTIEPLAN and not state["afgerond"]
        if plan_vragen:
            dispatcher.utter_message(text=tekst)  # the plan's questions follow (a rule)
        else:
            dispatcher.utter_message(text=tekst, buttons=knoppen(state))
        return [SlotSet(SLOT_KEUZE, None), SlotSet(SLOT_AANPAK, state), SlotSet(SLOT_PLAN_VRAGEN, plan_vragen)]

    @staticmethod
    def _naar(tracker: Tracker, huidig: Optional[Dict[str, Any]], fase: str) -> Dict[str, Any]:
        if huidig is None:
            state = aanpak.start(fase, tracker.get_slot("beeld_type"), zorgmijdend_volgens(tracker))
            if fase == ACTIEPLAN:
                state["melding"] = _teksten()["direct_plan"]
            return state
        return aanpak.naar(huidig, fase)


class ActionAanpakStap(Action):
    """`fase_volgende` and `fase_vorige`: one phase on or back."""

    def name(self) -> Text:
        return "action_aanpak_stap"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            domain: Dict[Text, Any]) -> List[EventType]:
        huidig = walk(tracker)
        if huidig is None:
            dispatcher.utter_message(text=_teksten()["nog_niet_begonnen"],
                                     buttons=[{"title": _teksten()["knoppen"]["beginnen"],
                                               "payload": "/aanpak_starten"}])
            return []
        intent = (tracker.latest_message.get("intent") or {}).get("name")
        state = aanpak.vorige(huidig) if intent == "fase_vorige" else aanpak.volgende(huidig)
        dispatcher.utter_message(text=aanpak.fase_tekst(state), buttons=knoppen(state))
        return [SlotSet(SLOT_AANPAK, state)]


class ActionStoppen(Action):
    """`stoppen` outside a form: during a walk that is pausing, and the walk is kept."""

    def name(self) -> Text:
        return "action_stoppen"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            domain: Dict[Text, Any]) -> List[EventType]:
        state = walk(tracker)
        if state is None:
            dispatcher.utter_message(response="utter_geen_probleem")
            return []
        dispatcher.utter_message(text=_teksten()["gepauzeerd"].format(naam=aanpak.fase_naam(state["fase"])))
        return []
