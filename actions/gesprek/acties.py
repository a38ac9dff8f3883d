"""The conversation as a whole: the greeting with the privacy notice, the
crisis routes in every state, and what a new Rasa session keeps.

Safety first: `action_crisis` gives the help lines at once, wherever the
worker is. A new session (after `session_expiration_time` in domain.yml,
which makes Rasa forget every slot) keeps the work on one person: the walk,
the plan, the picture and the role, so a worker who pauses and comes back
days later finds it where they left it; the answers of an unfinished form do
not go along (a half-filled signalering starts afresh). The tracker store
keeps the events, so this also holds after a restart.
"""
from __future__ import annotations

import os
from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActionExecuted, EventType, FollowupAction, SessionStarted, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import plan
from actions.aanpak.acties import SLOT_AANPAK
from actions.aanpak.fasen import zonder_eerder
from actions.gesprek import modus
from actions.gesprek.rol import SLOT_ROL, VRIJWILLIGER, rol
from actions.kennis.acties import SLOT_ONDERWERP, toon_kort, zeg
from actions.kennis.kennisbank import kennisbank
from actions.oefenen.beurt import teksten as oefen_teksten
from actions.plan.acties import SLOT_CONCEPT, slot
from actions.signalering import casus
from actions.signalering.acties import FORM as SIGNALERING_FORM
from actions.signalering.acties import lees_beschrijving, zeg_crisis

MEE_NAAR_NIEUWE_SESSIE = (SLOT_ROL, SLOT_AANPAK, SLOT_CONCEPT, *casus.BEELD_SLOTS,
                          *(slot(veld) for veld in plan.VELDEN))


def _mee(naam: str, waarde: Any) -> Any:
    """The walk goes along without the one kept for the person before ('nieuwe persoon')."""
    return zonder_eerder(waarde) if naam == SLOT_AANPAK else waarde


class ActionSessionStart(Action):
    def name(self) -> Text:
        return "action_session_start"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            domain: Dict[Text, Any]) -> List[EventType]:
        mee = [SlotSet(naam, _mee(naam, tracker.get_slot(naam))) for naam in MEE_NAAR_NIEUWE_SESSIE
               if tracker.get_slot(naam) is not None]
        return [SessionStarted(), *mee, ActionExecuted("action_listen")]


class ActionCrisis(Action):
    """Help lines first; then an offer to continue where the user was. A long
    case description read as acute danger is read on after the help lines, and
    the signalering questions follow, as for a description that names danger.

    Rules run this for `acute_zorg` wherever the conversation is. Forms do not
    fill a slot from an `acute_zorg` message (`not_intent`), so the form
    rejects it and this rule takes over; inside a form the offer is to go on
    with the questions or to stop (rules in data/rules/formulieren.yml)."""

    def name(self) -> Text:
        return "action_crisis"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            domain: Dict[Text, Any]) -> List[EventType]:
        if tracker.active_loop_name:
            return self._in_formulier(dispatcher, tracker)
        if modus.ook_beschrijving(tracker.latest_message):
            zeg_crisis(dispatcher)
            return [*lees_beschrijving(dispatcher, tracker, crisis_gegeven=True), FollowupAction(SIGNALERING_FORM)]
        topic_id = tracker.get_slot(SLOT_ONDERWERP)
        verder_met = kennisbank().onderwerp(topic_id) if topic_id else None
        zeg(dispatcher, kennisbank().crisis_antwoord(verder_met))
        return []

    @staticmethod
    def _in_formulier(dispatcher: CollectingDispatcher, tracker: Tracker) -> List[EventType]:
        teksten = casus.gegevens()
        crisis = kennisbank().crisis_antwoord(None)
        dispatcher.utter_message(text=f"{crisis.tekst}\n{teksten['crisis_verder']}",
                                 buttons=[{"title": teksten["knop_verder"], "payload": "/bevestigen"},
                                          {"title": teksten["knop_stoppen"], "payload": "/stoppen"}])
        return [SlotSet(casus.ACUUT_SLOT, True)] if tracker.active_loop_name == SIGNALERING_FORM else []


class ActionBuitenModus(Action):
    """A practice move or a form answer predicted outside its mode (rules in
    data/rules/oefenen.yml and formulieren.yml): act on the best intent of the
    ranking that means something here (actions/gesprek/modus.py). Acute
    danger, by that intent or by the crisis patterns, gets the crisis routes."""

    def name(self) -> Text:
        return "action_buiten_modus"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            domain: Dict[Text, Any]) -> List[EventType]:
        bericht = tracker.latest_message
        ranking = bericht.get("intent_ranking") or []
        beste = modus.beste_andere(ranking)
        if (beste == modus.ACUUT and not modus.gevaar_uitgesloten(bericht)) or casus.acuut_gelezen(bericht):
            return ActionCrisis().run(dispatcher, tracker, domain)
        if _nieuwe_beschrijving(tracker):
            return _beschrijving_lezen(dispatcher, tracker)
        return _antwoord_buiten_modus(dispatcher, tracker, beste)


def _laatste_knoppen(tracker: Tracker) -> List[Dict[Text, Any]]:
    """The buttons of the assistant's last message, if it offered a choice."""
    laatste = next((e for e in reversed(tracker.events) if e.get("event") == "bot"), None)
    return list(((laatste or {}).get("data") or {}).get("buttons") or [])


def _antwoord_buiten_modus(dispatcher: CollectingDispatcher, tracker: Tracker,
                           beste: Optional[str]) -> List[EventType]:
    """After the crisis and description checks: the knowledge topic the model also
    considered, the reply to a stray form answer (the last choice again when there
    was one: "weet ik niet" under "Hoe wil je verder?"), or the offer to practise. A
    crisis has been ruled out by the caller, so acute danger as `beste` counts for nothing."""
    bericht = tracker.latest_message
    tekst, ranking = bericht.get("text") or "", bericht.get("intent_ranking") or []
    if beste == modus.ACUUT:
        beste = None
    if not beste and casus.is_vraag(tekst):
        beste = modus.beste_andere(ranking, modus.VRAAG_ZEKERHEID)
    onderwerp = kennisbank().onderwerp_voor_intent(beste) if beste else None
    if onderwerp:
        return toon_kort(dispatcher, onderwerp)
    if (bericht.get("intent") or {}).get("name") == modus.FORMULIER_ANTWOORD:
        knoppen = _laatste_knoppen(tracker)
        if knoppen:
            dispatcher.utter_message(text=casus.gegevens()["keuze_herhalen"], buttons=knoppen)
        else:
            dispatcher.utter_message(response="utter_antwoord_zonder_vraag")
        return []
    aanbod = oefen_teksten()["buiten_oefenen"]
    dispatcher.utter_message(text=aanbod["tekst"], buttons=[{"title": k["titel"], "payload": k["payload"]}
                                                            for k in aanbod["knoppen"]])
    return []


class ActionNietBegrepen(Action):
    """A message the NLU could not place (rule for `nlu_fallback`). Before
    asking to rephrase, look again for acute danger: in the crisis patterns and
    among the model's best guesses (actions/gesprek/modus.py). A missed crisis
    is worse than the help lines once too often. A message whose best guess is
    a practice move, unsure between it and another reading, is answered as a
    practice move outside practice is (`_antwoord_buiten_modus`)."""

    def name(self) -> Text:
        return "action_niet_begrepen"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            domain: Dict[Text, Any]) -> List[EventType]:
        bericht = tracker.latest_message
        ranking = bericht.get("intent_ranking") or []
        twijfel = modus.crisis_bij_twijfel(ranking) and not modus.gevaar_uitgesloten(bericht)
        if twijfel or casus.acuut_gelezen(bericht):
            return ActionCrisis().run(dispatcher, tracker, domain)
        if _nieuwe_beschrijving(tracker):
            return _beschrijving_lezen(dispatcher, tracker)
        if not tracker.active_loop_name and modus.oefenzet_voorop(ranking):
            return _antwoord_buiten_modus(dispatcher, tracker, modus.beste_andere(ranking))
        dispatcher.utter_message(response="utter_please_rephrase")
        return []


def _nieuwe_beschrijving(tracker: Tracker) -> bool:
    """A description outside any form; inside one, the form keeps its answers."""
    return not tracker.active_loop_name and casus.leest_als_beschrijving(tracker.latest_message.get("text") or "")


def _beschrijving_lezen(dispatcher: CollectingDispatcher, tracker: Tracker) -> List[EventType]:
    """A description the model did not recognise still starts the signalering
    questions, as the rule for `casus_beschrijven` does."""
    return [*lees_beschrijving(dispatcher, tracker), FollowupAction(SIGNALERING_FORM)]


def privacy_zin() -> str:
    """The one-sentence privacy notice; the retention period comes from the settings."""
    dagen = os.environ.get("RETENTION_DAYS", "90")
    return (f"Typ geen namen of andere gegevens waaraan iemand te herkennen is. Ik bewaar dit gesprek zonder "
            f"zulke gegevens, en niet langer dan {dagen} dagen.")


VRIJWILLIGER_WELKOM = ("Je bent vrijwilliger. Maak je je zorgen over iemand? Bespreek het altijd ook met je "
                       "coördinator. Die weet wie je erbij kunt halen.")


class ActionBegroeten(Action):
    """The greeting of every channel, with the privacy notice."""

    def name(self) -> Text:
        return "action_begroeten"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            domain: Dict[Text, Any]) -> List[EventType]:
        wie = rol(tracker)
        extra = f"\n{VRIJWILLIGER_WELKOM}" if wie == VRIJWILLIGER else ""
        dispatcher.utter_message(response="utter_begroeten", privacy=privacy_zin() + extra)
        return [SlotSet(SLOT_ROL, wie)]
