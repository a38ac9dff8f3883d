"""Signalering in the dialogue: read the description, ask what is missing,
show the picture; and the De Jong Gierveld short scale. The reading, the
picture and the scoring are plain Python (casus.py, beoordeling.py,
schaal.py); this module only talks to Rasa."""
from __future__ import annotations

from typing import Any, Dict, List, Optional, Set, Text

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.algemeen.acties import (
    afhandelingen,
    beantwoord_tussenvraag,
    corrigeer_met,
    ga_vraag_terug,
    herstel_gesprek,
    is_kennisvraag,
    vraag_actie,
)
from actions.gesprek.rol import VRIJWILLIGER, rol
from actions.kennis.kennisbank import kennisbank
from actions.signalering import casus, facetlezing, schaal, typelezing
from actions.signalering.beoordeling import WEET_NIET, Beeld, beoordeel
from actions.verslag.logboek import schrijf_moment

FORM = "signalering_form"


def _knoppen(vraag: dict) -> List[Dict[str, str]]:
    return [{"title": k["titel"], "payload": k["antwoord"]} for k in vraag["knoppen"]]


def stel_vraag(dispatcher: CollectingDispatcher, slot: str, geschat: Optional[Dict[str, Any]] = None) -> None:
    """The question for `slot`; an estimate of it (facetlezing.py) is put to the worker first."""
    vraag = casus.gegevens()["vragen"][slot]
    if geschat and slot in geschat:
        bevestigen = casus.gegevens()["bevestigen"]
        dispatcher.utter_message(text=casus.bevestigvraag(slot, geschat[slot]),
                                 buttons=_knoppen({"knoppen": [bevestigen["knop"], *vraag["knoppen"]]}))
        return
    dispatcher.utter_message(text=vraag["tekst"], buttons=_knoppen(vraag))


def zeg_crisis(dispatcher: CollectingDispatcher) -> None:
    """The crisis routes, without the offer to continue (the caller goes on)."""
    crisis = kennisbank().crisis_antwoord(None)
    dispatcher.utter_message(text=crisis.tekst)


class ActionCasusLezen(Action):
    """A new description: start a fresh picture from what the text holds,
    say it back as a short list, and explain how the questions work."""

    def name(self) -> Text:
        return "action_casus_lezen"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            domain: Dict[Text, Any]) -> List[EventType]:
        return lees_beschrijving(dispatcher, tracker)


def lees_beschrijving(dispatcher: CollectingDispatcher, tracker: Tracker,
                      crisis_gegeven: bool = False) -> List[EventType]:
    """The reading of `ActionCasusLezen`; the crisis routes first when the text
    names acute danger, unless the caller gave them already."""
    tekst = tracker.latest_message.get("text") or ""
    acuut = crisis_gegeven or casus.acuut_gelezen(tracker.latest_message)
    if acuut and not crisis_gegeven:
        zeg_crisis(dispatcher)
    gelezen = casus.samenvoegen(casus.lees(tekst),
                                casus.uit_entiteiten(tracker.latest_message.get("entities", []), tekst))
    geschat = facetlezing.lees(tekst, gelezen)
    gevonden = {**gelezen, **geschat}
    samenvatting = casus.samenvatting(gevonden, casus.vermeldingen(tekst), geschat)
    uitleg = casus.gegevens()["uitleg_vragen"]
    dispatcher.utter_message(text=f"{samenvatting}\n{uitleg}" if samenvatting
                             else f"{casus.gegevens()['niets_gelezen']}\n{uitleg}")
    nieuw: Dict[str, Any] = {slot: None for slot in [*casus.CASUS_SLOTS, *casus.BEELD_SLOTS]}
    nieuw.update(gevonden)
    nieuw[casus.ACUUT_SLOT] = acuut or None
    nieuw[casus.TYPELEZING_SLOT] = typelezing.lees(tekst)
    nieuw[casus.GESCHAT_SLOT] = geschat or None
    nieuw[casus.UIT_BESCHRIJVING_SLOT] = casus.uit_beschrijving(gelezen)
    return [SlotSet(slot, waarde) for slot, waarde in nieuw.items()]


def _signalering_vraag_actie(slot: str) -> type:
    def stel(dispatcher: CollectingDispatcher, tracker: Tracker) -> None:
        stel_vraag(dispatcher, slot, tracker.get_slot(casus.GESCHAT_SLOT))

    return vraag_actie(slot, f"ActionVraag_{slot}", stel, f"Asks the question for {slot} from signalering.yml.")


VRAAG_ACTIES = [_signalering_vraag_actie(slot) for slot in casus.vragen()]


class ValidateSignaleringForm(FormValidationAction):
    """Every answer goes through `casus.lees`, so a message can answer the
    question, correct an earlier answer ("nee, ze heeft wel contact met haar
    dochter"), steer ('weet ik niet', 'overslaan', 'vorige vraag'), or be a
    knowledge question that is answered before the question comes again."""

    def name(self) -> Text:
        return f"validate_{FORM}"

    async def required_slots(self, domain_slots: List[Text], dispatcher: CollectingDispatcher,
                             tracker: Tracker, domain: DomainDict) -> List[Text]:
        """Participation only tells the rung when there are contacts to speak of."""
        if tracker.get_slot("sig_contacten") in ("geen", "alleen_functioneel"):
            return [slot for slot in domain_slots if slot != "sig_deelname"]
        return domain_slots

    async def next_requested_slot(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                                  domain: DomainDict) -> Optional[EventType]:
        """Always the first open question (also after 'vorige vraag'), an estimate not yet
        confirmed included; None ends the form."""
        volgorde = await self.required_slots(self.domain_slots(domain), dispatcher, tracker, domain)
        geschat = tracker.get_slot(casus.GESCHAT_SLOT) or {}
        return SlotSet("requested_slot", next((s for s in volgorde if tracker.get_slot(s) is None or s in geschat),
                                              None))

    async def get_validation_events(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                                    domain: DomainDict) -> List[EventType]:
        vraag = tracker.get_slot("requested_slot")
        antwoord = _als_tekst(tracker.slots_to_validate().get(vraag)) if vraag else None
        if antwoord is None:
            return []
        return _verteld(tracker, self._verwerk(dispatcher, tracker, vraag, antwoord))

    def _verwerk(self, dispatcher: CollectingDispatcher, tracker: Tracker, vraag: str,
                 tekst: str) -> List[EventType]:
        """Repair first (knowledge questions only once the reading found no answer), then the answer."""
        hersteld = herstel_gesprek(dispatcher, tracker, FORM, vraag, tekst, AFHANDELINGEN, kennisvraag=False)
        if hersteld is not None:
            return hersteld
        geschat = tracker.get_slot(casus.GESCHAT_SLOT) or {}
        oordeel = casus.bevestiging(tekst) if vraag in geschat else None
        if oordeel == "ja":
            return [SlotSet(vraag, geschat[vraag])]
        if oordeel == "nee":  # the question itself comes next
            return [SlotSet(vraag, None), SlotSet(casus.GESCHAT_SLOT, _zonder(geschat, {vraag}))]
        if casus.sturing(tekst) == "weet_niet":
            return [SlotSet(vraag, [WEET_NIET] if vraag in casus.SET_SLOTS else WEET_NIET)]
        return self._lees_antwoord(dispatcher, tracker, vraag, tekst)

    def _lees_antwoord(self, dispatcher: CollectingDispatcher, tracker: Tracker, vraag: str,
                       tekst: str) -> List[EventType]:
        events: List[EventType] = []
        acuut = casus.acuut_gelezen(tracker.latest_message)
        if acuut:
            zeg_crisis(dispatcher)
            events.append(SlotSet(casus.ACUUT_SLOT, True))
        strikt = casus.lees(tekst)
        extra = _andere_antwoorden(tracker, strikt, vraag)
        gelezen = strikt if vraag in strikt or set(extra) - {"sig_signalen"} else casus.lees(tekst, vraag)
        # a short answer to another question than the one asked ("geen andere problemen")
        extra.update(_andere_antwoorden(tracker, {s: w for s, w in gelezen.items()
                                                  if s not in strikt and s != "sig_signalen"}, vraag))
        events += [SlotSet(slot, _samen(tracker.get_slot(slot), waarde, slot)) for slot, waarde in extra.items()]
        gemeld = self._meld(dispatcher, tracker, extra)
        if vraag in gelezen:
            return events + [SlotSet(vraag, gelezen[vraag])]
        if not gemeld and not acuut:
            events += self._geen_antwoord(dispatcher, tracker)
        return events + [SlotSet(vraag, None)]

    @staticmethod
    def _meld(dispatcher: CollectingDispatcher, tracker: Tracker, extra: Dict[str, Any]) -> bool:
        """Say which other answers this message changed or added; signals are kept quietly."""
        teksten = casus.gegevens()
        aangepast = [casus.regel(s, w) for s, w in extra.items()
                     if s != "sig_signalen" and tracker.get_slot(s) is not None]
        nieuw = [casus.regel(s, w) for s, w in extra.items() if s != "sig_signalen" and tracker.get_slot(s) is None]
        for kop, regels in ((teksten["aangepast_kop"], aangepast), (teksten["genoteerd_kop"], nieuw)):
            if regels:
                dispatcher.utter_message(text="\n".join([kop, *regels]))
        return bool(aangepast or nieuw)

    @staticmethod
    def _geen_antwoord(dispatcher: CollectingDispatcher, tracker: Tracker) -> List[EventType]:
        """A knowledge question gets its answer; anything else a gentle retry."""
        if is_kennisvraag(tracker, "", met_vraagteken=False):
            return beantwoord_tussenvraag(dispatcher, tracker)
        dispatcher.utter_message(text=casus.gegevens()["niet_begrepen"])
        return []


def _verteld(tracker: Tracker, events: List[EventType]) -> List[EventType]:
    """A value the worker confirms, answers or corrects is told: no longer an
    estimate, nor only read from the description."""
    geschat = tracker.get_slot(casus.GESCHAT_SLOT) or {}
    uit_beschrijving = tracker.get_slot(casus.UIT_BESCHRIJVING_SLOT) or []
    gezet = {event["name"] for event in events if event.get("event") == "slot" and event.get("value") is not None}
    if set(geschat) & gezet:
        events = events + [SlotSet(casus.GESCHAT_SLOT, _zonder(geschat, gezet))]
    if set(uit_beschrijving) & gezet:
        events = events + [SlotSet(casus.UIT_BESCHRIJVING_SLOT,
                                   [slot for slot in uit_beschrijving if slot not in gezet] or None)]
    return events


def _zonder(geschat: Dict[str, Any], slots: Set[str]) -> Optional[Dict[str, Any]]:
    return {slot: waarde for slot, waarde in geschat.items() if slot not in slots} or None


def _andere_antwoorden(tracker: Tracker, gelezen: Dict[str, Any], vraag: str) -> Dict[str, Any]:
    """What a message answers besides the question asked, where it is new."""
    return {slot: waarde for slot, waarde in gelezen.items()
            if slot != vraag and _nieuw(tracker.get_slot(slot), waarde, slot)}


def _sla_over(dispatcher: CollectingDispatcher, _tracker: Tracker, vraag: str) -> List[EventType]:
    dispatcher.utter_message(text=casus.gegevens()["overgeslagen"])
    return [SlotSet(vraag, [casus.OVERGESLAGEN] if vraag in casus.SET_SLOTS else casus.OVERGESLAGEN)]


# The repairs signalering_form declares in herstel.yml that need its own handling.
AFHANDELINGEN = afhandelingen(FORM, overslaan=_sla_over, vorige_vraag=ga_vraag_terug)


def _als_tekst(waarde: Any) -> Optional[str]:
    """The typed answer: Rasa puts free text into a list slot as a one-item list."""
    if isinstance(waarde, list) and len(waarde) == 1:
        waarde = waarde[0]
    return waarde if isinstance(waarde, str) else None


def _nieuw(huidig: Any, waarde: Any, slot: str) -> bool:
    """Whether a value read in passing changes what is known."""
    if slot in casus.SET_SLOTS:
        return bool(set(waarde) - set(huidig or []))
    return waarde != huidig


def _samen(huidig: Any, waarde: Any, slot: str) -> Any:
    """Signals add up; any other value replaces the earlier one."""
    if slot == "sig_signalen":
        return [*(huidig or []), *(w for w in waarde if w not in (huidig or []))]
    return waarde


def _beeld_slots(beeld: Beeld) -> List[EventType]:
    return [SlotSet("beeld_type", beeld.type_id), SlotSet("beeld_trede", beeld.trede),
            SlotSet("beeld_urgentie", beeld.urgentie), SlotSet("beeld_beleving", beeld.beleving),
            SlotSet("beeld_redenen", list(beeld.redenen))]


class ActionBeeld(Action):
    """The picture, from everything the form holds, with what to do next."""

    def name(self) -> Text:
        return "action_beeld"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            domain: Dict[Text, Any]) -> List[EventType]:
        slots = {slot: tracker.get_slot(slot) for slot in casus.CASUS_SLOTS}
        beeld = beoordeel(casus.naar_antwoorden(slots))
        t = casus.gegevens()["beeld"]
        knoppen = [{"title": t["knoppen"]["aanpak"], "payload": "/aanpak_starten"},
                   {"title": t["knoppen"]["interventies"], "payload": "/interventie_zoeken"}]
        if slots["sig_zegt_eenzaam"] == "ja":
            knoppen.append({"title": t["knoppen"]["schaal"], "payload": "/schaal_invullen"})
        tekst = casus.beeld_tekst(beeld)
        if rol(tracker) == VRIJWILLIGER:
            tekst += "\n" + t["vrijwilliger"]
        dispatcher.utter_message(text=tekst)
        dispatcher.utter_message(text=t["vervolg"], buttons=knoppen)
        schrijf_moment(dispatcher, tracker, "beeld", voorgesteld_type=beeld.type_id, trede=beeld.trede,
                       urgentie=beeld.urgentie)
        return _beeld_slots(beeld)


# --- the De Jong Gierveld short scale: one statement at a time, scoring in schaal.py ---
SCHAAL_FORM = "schaal_form"


def _stel_schaalvraag(dispatcher: CollectingDispatcher, index: int) -> None:
    knoppen = [{"title": k["titel"], "payload": k["antwoord"]} for k in schaal.gegevens()["knoppen"]]
    dispatcher.utter_message(text=schaal.vraag_tekst(index), buttons=knoppen)


def _schaal_vraag_actie(index: int, slot: str) -> type:
    def stel(dispatcher: CollectingDispatcher, _tracker: Tracker) -> None:
        _stel_schaalvraag(dispatcher, index)

    return vraag_actie(slot, f"ActionSchaalVraag_{slot}", stel, f"Reads out statement {index + 1} of the scale.")


def _lees_schaal(dispatcher: CollectingDispatcher, _slot: str, tekst: str) -> Optional[str]:
    antwoord = schaal.lees_antwoord(tekst)
    if antwoord is None:
        dispatcher.utter_message(text=schaal.gegevens()["niet_begrepen"])
    return antwoord


SCHAAL_AFHANDELINGEN = afhandelingen(SCHAAL_FORM, vorige_vraag=ga_vraag_terug, correctie=corrigeer_met(_lees_schaal))
SCHAAL_VRAAG_ACTIES = [_schaal_vraag_actie(index, slot) for index, slot in enumerate(schaal.slots())]


class ValidateSchaalForm(FormValidationAction):
    """Only ja, min of meer and nee count; a repair (herstel.yml) is carried
    out; anything else asks again."""

    def name(self) -> Text:
        return f"validate_{SCHAAL_FORM}"

    async def get_validation_events(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                                    domain: DomainDict) -> List[EventType]:
        vraag = tracker.get_slot("requested_slot")
        tekst = tracker.slots_to_validate().get(vraag) if vraag else None
        if not isinstance(tekst, str):
            return []
        hersteld = herstel_gesprek(dispatcher, tracker, SCHAAL_FORM, vraag, tekst,
                                   SCHAAL_AFHANDELINGEN, kennisvraag=is_kennisvraag(tracker, tekst))
        if hersteld is not None:
            return hersteld
        antwoord = schaal.lees_antwoord(tekst)
        if antwoord is None:
            dispatcher.utter_message(text=schaal.gegevens()["niet_begrepen"])
        return [SlotSet(vraag, antwoord)]


class ActionSchaalUitslag(Action):
    """The score with its source and the research-instrument remark."""

    def name(self) -> Text:
        return "action_schaal_uitslag"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            domain: Dict[Text, Any]) -> List[EventType]:
        uitslag = schaal.bereken([tracker.get_slot(slot) for slot in schaal.slots()])
        dispatcher.utter_message(text=schaal.uitslag_tekst(uitslag),
                                 buttons=[{"title": "Start de aanpak", "payload": "/aanpak_starten"},
                                          {"title": "Alles wat ik kan", "payload": "/wat_kun_je"}])
        return [SlotSet("schaal_uitslag", uitslag.uitslag_id),
                *(SlotSet(slot, None) for slot in schaal.slots())]
