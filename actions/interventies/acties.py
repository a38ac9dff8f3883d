"""Local interventions in the dialogue: find the municipality (a form with a
validation action), then show at most three suggestions that fit the
picture. Catalogue, place resolution and texts: actions/interventies."""
from __future__ import annotations

import asyncio
from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.algemeen.acties import afhandelingen, herstel_gesprek, is_kennisvraag
from actions.interventies import Zoekresultaat, bepaal_plaats, render_overzicht, zoek
from actions.signalering import casus
from actions.verslag.acties import schrijf_moment

FORM = "interventie_form"
SLOT_GEMEENTE = "interventie_gemeente"
SLOT_PROVINCIE = "interventie_provincie"
LANDELIJK = "landelijk"  # the worker does not know the municipality: national offer only
MAX_SUGGESTIES = 3

LEEFTIJD_DOELGROEP = {"oudere": "ouderen", "jongere": "jongeren", "kind": "kinderen", "volwassene": "volwassenen"}
VRAAG = "In welke gemeente woont de persoon? Dan zoek ik ook aanbod dichtbij, niet alleen landelijk aanbod."
KNOP_LANDELIJK = {"title": "Weet ik niet, alleen landelijk", "payload": "weet ik niet"}


class ActionAskInterventieGemeente(Action):
    """Asks for the municipality, unless the validation just asked it in its own words."""

    def name(self) -> Text:
        return f"action_ask_{SLOT_GEMEENTE}"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            domain: Dict[Text, Any]) -> List[EventType]:
        al_gevraagd = any(e.get("event") == "bot" for e in _sinds_laatste_bericht(tracker))
        dispatcher.utter_message(text="Typ de gemeente, of kies:" if al_gevraagd else VRAAG,
                                 buttons=[KNOP_LANDELIJK])
        return []


def _sinds_laatste_bericht(tracker: Tracker) -> List[Dict[str, Any]]:
    na: List[Dict[str, Any]] = []
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            break
        na.append(event)
    return na


class ValidateInterventieForm(FormValidationAction):
    """A name with typos, a variant or a postcode becomes a known municipality;
    otherwise the worker hears why and is asked again."""

    def name(self) -> Text:
        return f"validate_{FORM}"

    async def validate_interventie_gemeente(self, waarde: Any, dispatcher: CollectingDispatcher,
                                            tracker: Tracker, domain: DomainDict) -> Dict[Text, Any]:
        tekst = str(waarde or "")
        hersteld = herstel_gesprek(dispatcher, tracker, FORM, SLOT_GEMEENTE, tekst, AFHANDELINGEN,
                                   kennisvraag=is_kennisvraag(tracker, tekst))
        if hersteld is not None:
            return _als_slots(hersteld)
        if casus.sturing(tekst) == "weet_niet":
            return {SLOT_GEMEENTE: LANDELIJK, SLOT_PROVINCIE: None}
        uitkomst = await asyncio.to_thread(bepaal_plaats, tekst)
        if uitkomst.plaats is None:
            knoppen = [{"title": optie, "payload": optie} for optie in uitkomst.opties]
            dispatcher.utter_message(text=uitkomst.vraag, buttons=knoppen or None)
            return {SLOT_GEMEENTE: None}
        if uitkomst.melding:
            dispatcher.utter_message(text=uitkomst.melding)
        return {SLOT_GEMEENTE: uitkomst.plaats.gemeente, SLOT_PROVINCIE: uitkomst.plaats.provincie}


def _landelijk(_dispatcher: CollectingDispatcher, _tracker: Tracker, vraag: str) -> List[EventType]:
    """'Overslaan': without a municipality, the national offer only."""
    return [SlotSet(vraag, LANDELIJK), SlotSet(SLOT_PROVINCIE, None)]


AFHANDELINGEN = afhandelingen(FORM, overslaan=_landelijk)


def _als_slots(events: List[EventType]) -> Dict[Text, Any]:
    """The slot events of a repair as a `validate_<slot>` result."""
    return {e["name"]: e["value"] for e in events if e.get("event") == "slot"}


def doelgroep(tracker: Tracker) -> Optional[str]:
    """The group named in the question, or the age group from the picture."""
    genoemd = next(tracker.get_latest_entity_values("doelgroep"), None)
    return genoemd or LEEFTIJD_DOELGROEP.get(tracker.get_slot("sig_leeftijdsgroep") or "")


def zoek_passend(gemeente: Optional[str], provincie: Optional[str], type_id: Optional[str],
                 trede: Optional[int], groep: Optional[str]) -> Zoekresultaat:
    """The strictest search that finds something: first with the picture's type
    and rung, then without the rung, then without the type."""
    pogingen = [(type_id, trede), (type_id, None), (None, None)]
    resultaat = None
    for poging_type, poging_trede in dict.fromkeys(pogingen):
        resultaat = zoek(gemeente, type=poging_type, trede=poging_trede, doelgroep=groep, provincie=provincie)
        if resultaat.treffers:
            break
    assert resultaat is not None  # the loop always searches at least once
    return resultaat


class ActionInterventiesTonen(Action):
    """At most three suggestions with contact and a reason each, logged by name."""

    def name(self) -> Text:
        return "action_interventies_tonen"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: Dict[Text, Any]) -> List[EventType]:
        gemeente = tracker.get_slot(SLOT_GEMEENTE)
        trede = tracker.get_slot("beeld_trede")
        resultaat = await asyncio.to_thread(
            zoek_passend, None if gemeente == LANDELIJK else gemeente, tracker.get_slot(SLOT_PROVINCIE),
            tracker.get_slot("beeld_type"), int(trede) if trede else None, doelgroep(tracker))
        dispatcher.utter_message(text=render_overzicht(resultaat, aantal=MAX_SUGGESTIES),
                                 buttons=[{"title": "Start de aanpak", "payload": "/aanpak_starten"},
                                          {"title": "Alles wat ik kan", "payload": "/wat_kun_je"}])
        getoond = [t.interventie.naam for t in resultaat.treffers[:MAX_SUGGESTIES]]
        if getoond:
            schrijf_moment(dispatcher, tracker, "interventies", voorgesteld_type=tracker.get_slot("beeld_type"),
                           trede=int(trede) if trede else None, urgentie=tracker.get_slot("beeld_urgentie"),
                           interventies=getoond)
        # 'alleen landelijk' counts for this search only: the next one asks again.
        vergeten = [SlotSet(SLOT_GEMEENTE, None)] if gemeente == LANDELIJK else []
        return [SlotSet("interventies_getoond", getoond), *vergeten]
