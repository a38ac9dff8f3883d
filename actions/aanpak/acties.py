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
from actions.algemeen import herstel
from actions.algemeen.acties import afhandelingen, herstel_gesprek, is_kennisvraag, verlaat_formulier
from actions.kennis.kennisbank import FASE_VOLGORDE
from actions.plan.gegevens import VELDEN as PLAN_VELDEN
from actions.signalering import casus

SLOT_AANPAK = "aanpak"
SLOT_PLAN_VRAGEN = "aanpak_plan_vragen"
SLOT_KEUZE = "aanpak_keuze"
FORM = "aanpak_form"
VERDER = "verder"  # aanpak_keuze for "go on where we were"
ACTIEPLAN = FASE_VOLGORDE[-1]
PLAN_KNOP = '/aanpak_starten{"fase": "actieplan"}'
NIEUW = "nieuwe_persoon"  # the `fase` entity of the "Nieuwe persoon" button
# Typed outside a form (data/nlu/herstel.yml): 'later verder', 'nieuwe persoon'.
INTENT_PAUZE = "pauzeren"
INTENT_OPNIEUW = "opnieuw_beginnen"
NIEUW_KNOP = '/aanpak_starten{"fase": "nieuwe_persoon"}'
# What belongs to one person: cleared for a new one (the walk itself is kept in `eerder`).
PERSOONSSLOTS = (*casus.CASUS_SLOTS, *casus.BEELD_SLOTS,
                 *(f"plan_{veld}" for veld in PLAN_VELDEN), "plan_stappen_concept")


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


def _nieuw_knop() -> Dict[str, str]:
    return {"title": aanpak.teksten()["nieuwe_persoon_knop"], "payload": NIEUW_KNOP}


def fase_stap(dispatcher: CollectingDispatcher, tracker: Tracker, terug: bool) -> List[EventType]:
    """One phase back or on, with the phase and its buttons (also from inside the plan form)."""
    huidig = walk(tracker)
    if huidig is None:
        dispatcher.utter_message(text=_teksten()["nog_niet_begonnen"],
                                 buttons=[{"title": _teksten()["knoppen"]["beginnen"], "payload": "/aanpak_starten"}])
        return []
    state = aanpak.vorige(huidig) if terug else aanpak.volgende(huidig)
    dispatcher.utter_message(text=aanpak.fase_tekst(state), buttons=knoppen(state))
    return [SlotSet(SLOT_AANPAK, state), SlotSet(SLOT_PLAN_VRAGEN, False)]


def pauzeer(dispatcher: CollectingDispatcher, tracker: Tracker) -> None:
    """'Later verder': the walk is kept where it is (the tracker store keeps the slot)."""
    state = walk(tracker)
    if state is None:
        dispatcher.utter_message(text=herstel.melding("pauze_zonder_aanpak"))
    else:
        dispatcher.utter_message(text=_teksten()["gepauzeerd"].format(naam=aanpak.fase_naam(state["fase"])))


def nieuwe_persoon(dispatcher: CollectingDispatcher, tracker: Tracker) -> List[EventType]:
    """A fresh walk for a new person: the walk so far is kept in the new one's
    `eerder` until the session ends (ActionSessionStart), and the worker is told;
    the picture and the plan of the person before are cleared."""
    state = walk(tracker)
    if state is None:
        dispatcher.utter_message(text=herstel.melding("nieuwe_persoon_zonder_aanpak"))
    else:
        dispatcher.utter_message(text=herstel.melding("nieuwe_persoon", naam=aanpak.fase_naam(state["fase"])))
    return [*(SlotSet(naam, None) for naam in PERSOONSSLOTS),
            SlotSet(SLOT_AANPAK, aanpak.voor_nieuwe_persoon(state) if state else None)]


def _intent(tracker: Tracker) -> Optional[str]:
    return (tracker.latest_message.get("intent") or {}).get("name")


def wil_nieuwe_persoon(tracker: Tracker) -> bool:
    """The "Nieuwe persoon" button, or the words ("opnieuw beginnen voor een nieuwe persoon")."""
    if _intent(tracker) == INTENT_OPNIEUW:
        return True
    if any(e.get("entity") == "fase" and e.get("value") == NIEUW for e in tracker.latest_message.get("entities") or []):
        return True
    return herstel.herken(tracker.latest_message.get("text") or "") == herstel.NIEUWE_PERSOON


def _startverzoek(tracker: Tracker) -> str:
    """The message that started the form (the request for the approach)."""
    gestart = False
    for event in reversed(tracker.events):
        if event.get("event") == "active_loop" and event.get("name") == FORM:
            gestart = True
        elif gestart and event.get("event") == "user":
            return event.get("text") or ""
    return ""


def _plan_gevraagd(tracker: Tracker) -> bool:
    """The walk starts from a request for a plan: first ask whether the person wants to change something."""
    return walk(tracker) is None and aanpak.fase_in_verzoek(_startverzoek(tracker)) == ACTIEPLAN


def _genoemde_fase(tracker: Tracker) -> Optional[str]:
    """A phase named in the request: the `fase` entity, or the words."""
    for entity in tracker.latest_message.get("entities") or []:
        if entity.get("entity") == "fase" and entity.get("value") in FASE_VOLGORDE:
            return entity["value"]
    return aanpak.fase_in_verzoek(tracker.latest_message.get("text") or "")


class ActionAanpakStarten(Action):
    """Decides whether the form has to ask where the worker stands: not when
    the request names a phase, and not when a walk is under way (then we go
    on where we were). A request for a new person starts a fresh walk and
    asks; a request for the plan without a walk asks first whether the
    person wants to change something (the form's question)."""

    def name(self) -> Text:
        return "action_aanpak_starten"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            domain: Dict[Text, Any]) -> List[EventType]:
        if wil_nieuwe_persoon(tracker):
            return [*nieuwe_persoon(dispatcher, tracker), SlotSet(SLOT_KEUZE, None)]
        fase = _genoemde_fase(tracker)
        if fase == ACTIEPLAN and walk(tracker) is None:
            fase = None
        if fase is None and tracker.get_slot(SLOT_AANPAK):
            fase = VERDER
        return [SlotSet(SLOT_KEUZE, fase)] if fase else []


class ActionAskAanpakKeuze(Action):
    def name(self) -> Text:
        return f"action_ask_{SLOT_KEUZE}"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            domain: Dict[Text, Any]) -> List[EventType]:
        if _plan_gevraagd(tracker):
            vraag = aanpak.teksten()["plan_vraag"]
            knoppen_ = [{"title": titel, "payload": titel} for titel in vraag["knoppen"].values()]
            dispatcher.utter_message(text=vraag["vraag"], buttons=knoppen_)
            return []
        dispatcher.utter_message(text=aanpak.waar_sta_je_vraag(),
                                 buttons=[{"title": titel, "payload": titel}
                                          for _, titel in aanpak.waar_sta_je_keuzes()])
        return []


class ValidateAanpakForm(FormValidationAction):
    """The answer to "waar sta je met deze persoon?" in the worker's own words,
    or a button; or a repair (herstel.yml): a question in between, 'wat bedoel
    je?', 'ga verder', 'later verder', 'nieuwe persoon'."""

    def name(self) -> Text:
        return f"validate_{FORM}"

    async def get_validation_events(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                                    domain: DomainDict) -> List[EventType]:
        if SLOT_KEUZE not in tracker.slots_to_validate():
            return []  # nothing extracted ('stop', acute danger): the form rejects and a rule takes over
        tekst = tracker.slots_to_validate().get(SLOT_KEUZE)
        if not isinstance(tekst, str) or not tekst.strip():
            return [SlotSet(SLOT_KEUZE, None)]  # an empty message: the question comes again
        if tekst in (*FASE_VOLGORDE, VERDER):
            return [SlotSet(SLOT_KEUZE, tekst)]
        hersteld = herstel_gesprek(dispatcher, tracker, FORM, SLOT_KEUZE, tekst, AFHANDELINGEN,
                                   kennisvraag=is_kennisvraag(tracker, tekst))
        if hersteld is not None:
            return hersteld
        return [SlotSet(SLOT_KEUZE, self._fase(dispatcher, tracker, tekst))]

    @staticmethod
    def _fase(dispatcher: CollectingDispatcher, tracker: Tracker, tekst: str) -> Optional[str]:
        if _plan_gevraagd(tracker):
            fase = aanpak.lees_plan_antwoord(tekst)
            if fase is None:
                dispatcher.utter_message(text=aanpak.teksten()["plan_vraag"]["niet_herkend"])
            return fase
        knop = next((f for f, titel in aanpak.waar_sta_je_keuzes() if titel.lower() == tekst.strip().lower()), None)
        fase = knop or aanpak.lees_fase(tekst)
        if fase is None:
            dispatcher.utter_message(text=aanpak.niet_herkend_tekst())
        return fase


def _ga_verder(_dispatcher: CollectingDispatcher, _tracker: Tracker, vraag: str) -> List[EventType]:
    """'Ga verder': where the walk was, or the first phase when there is none."""
    return [SlotSet(vraag, VERDER)]


def _pauze(dispatcher: CollectingDispatcher, tracker: Tracker, vraag: str) -> List[EventType]:
    pauzeer(dispatcher, tracker)
    return [SlotSet(vraag, None), *verlaat_formulier()]


def _opnieuw(dispatcher: CollectingDispatcher, tracker: Tracker, vraag: str) -> List[EventType]:
    """A new person: a fresh walk, and the question where the worker stands again."""
    return [*nieuwe_persoon(dispatcher, tracker), SlotSet(vraag, None)]


AFHANDELINGEN = afhandelingen(FORM, verder=_ga_verder, pauze=_pauze, nieuwe_persoon=_opnieuw)


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
            extra = [_nieuw_knop()] if keuze == VERDER else []
            dispatcher.utter_message(text=tekst, buttons=[*knoppen(state), *extra])
        return [SlotSet(SLOT_KEUZE, None), SlotSet(SLOT_AANPAK, state), SlotSet(SLOT_PLAN_VRAGEN, plan_vragen)]

    @staticmethod
    def _naar(tracker: Tracker, huidig: Optional[Dict[str, Any]], fase: str) -> Dict[str, Any]:
        if huidig is None:
            gezegd = not _plan_gevraagd(tracker)  # answered "waar sta je?" (not the plan's question)
            state = aanpak.start(fase, tracker.get_slot("beeld_type"), zorgmijdend_volgens(tracker),
                                 eerdere_gedaan=gezegd)
            if fase == ACTIEPLAN and gezegd:
                state["melding"] = _teksten()["direct_plan"]
            return state
        return aanpak.naar(huidig, fase)


class ActionAanpakStap(Action):
    """`fase_volgende` and `fase_vorige`: one phase on or back."""

    def name(self) -> Text:
        return "action_aanpak_stap"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            domain: Dict[Text, Any]) -> List[EventType]:
        intent = (tracker.latest_message.get("intent") or {}).get("name")
        return fase_stap(dispatcher, tracker, terug=intent == "fase_vorige")


class ActionStoppen(Action):
    """`stoppen` outside a form: during a walk that is pausing, and the walk is kept.
    'Later verder' (intent `pauzeren`) without a walk says how to start one later."""

    def name(self) -> Text:
        return "action_stoppen"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            domain: Dict[Text, Any]) -> List[EventType]:
        if walk(tracker) is None and _intent(tracker) != INTENT_PAUZE:
            dispatcher.utter_message(response="utter_geen_probleem")
        else:
            pauzeer(dispatcher, tracker)
        return []
