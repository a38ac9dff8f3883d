"""What every form's Rasa layer shares: the class that asks one question,
and carrying out conversation repair (actions/algemeen/herstel.py).

Rasa asks a form's next question by running `action_ask_<slot>`; the
signalering, schaal and plan forms each need one such action per slot, so
one factory makes them all. Each form's validation action hands every typed
answer to `herstel_gesprek` first, with its own handlers for the repairs
it declares in data/kennis/herstel.yml.
"""
from __future__ import annotations

from typing import Any, Callable, Dict, List, Mapping, Optional, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActiveLoop, EventType, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.algemeen import herstel
from actions.kennis.acties import gevraagd_onderwerp, toon_kort, toon_meer

Vragensteller = Callable[[CollectingDispatcher, Tracker], None]


def vraag_actie(slot: str, klassenaam: str, stel: Vragensteller, uitleg: str) -> type:
    """The `action_ask_<slot>` action class that asks its question with `stel`."""

    class ActionVraag(Action):
        def name(self) -> Text:
            return f"action_ask_{slot}"

        def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                domain: Dict[Text, Any]) -> List[EventType]:
            stel(dispatcher, tracker)
            return []

    ActionVraag.__name__ = klassenaam
    ActionVraag.__qualname__ = klassenaam
    ActionVraag.__doc__ = uitleg
    return ActionVraag


# --- conversation repair (actions/algemeen/herstel.py), the same for every form ---------------

Afhandeling = Callable[[CollectingDispatcher, Tracker, str], List[EventType]]
# Per form, the handlers of the repairs it declares (filled by `afhandelingen`);
# tests/unit/test_herstel.py checks every declared repair has one.
AFHANDELINGEN: Dict[str, Mapping[str, Afhandeling]] = {}
# Kinds every form gets from `herstel_gesprek` itself.
ALGEMEEN = frozenset({herstel.TUSSENVRAAG, herstel.VERDUIDELIJKING})


def afhandelingen(form: str, **per_soort: Afhandeling) -> Mapping[str, Afhandeling]:
    """Registers (and returns) the handlers of `form`'s own repairs, by kind."""
    AFHANDELINGEN[form] = dict(per_soort)
    return AFHANDELINGEN[form]


def herstel_zonder_afhandeling(form: str) -> List[str]:
    """The repairs `form` declares that nothing carries out (should be empty)."""
    eigen = AFHANDELINGEN.get(form, {})
    return sorted(soort for soort in herstel.formulieren().get(form, frozenset())
                  if soort not in ALGEMEEN | herstel.EIGEN_AFHANDELING and soort not in eigen)


def is_kennisvraag(tracker: Tracker, tekst: str, zekerheid: float = herstel.KENNISVRAAG_ZEKERHEID,
                   met_vraagteken: bool = True) -> bool:
    """The NLU is sure the message is a knowledge question or 'wat kun je?' (and,
    where answers are free text, it ends with a question mark)."""
    intent = tracker.latest_message.get("intent") or {}
    if (intent.get("confidence") or 0) < zekerheid or (met_vraagteken and not tekst.strip().endswith("?")):
        return False
    return intent.get("name") in ("wat_kun_je", "meer_vertellen") or gevraagd_onderwerp(tracker) is not None


def beantwoord_tussenvraag(dispatcher: CollectingDispatcher, tracker: Tracker) -> List[EventType]:
    """The answer to a question in between; the form then asks its question again."""
    if (tracker.latest_message.get("intent") or {}).get("name") == "meer_vertellen":
        return toon_meer(dispatcher, tracker)
    return toon_kort(dispatcher, gevraagd_onderwerp(tracker))


def verlaat_formulier(daarna: str = "action_listen") -> List[EventType]:
    """Ends the form and runs `daarna` (by default: listens). The repair said
    all there is to say, so no rule for a finished form runs; the form's
    answers stay as they are."""
    return [ActiveLoop(None), SlotSet("requested_slot", None), FollowupAction(daarna)]


def herstel_gesprek(dispatcher: CollectingDispatcher, tracker: Tracker, form: str, vraag: str, tekst: str,
                    eigen: Mapping[str, Afhandeling], kennisvraag: bool) -> Optional[List[EventType]]:
    """The events of the repair `tekst` asks for at question `vraag`, or None
    for an ordinary answer (or a repair `form` does not declare). A question in
    between and a clarification are the same everywhere; the other kinds are
    the form's `eigen` handlers."""
    soort = herstel.herken(tekst, kennisvraag)
    if soort is None or not herstel.ondersteund(form, soort):
        return None
    if soort == herstel.TUSSENVRAAG:
        return [*beantwoord_tussenvraag(dispatcher, tracker), SlotSet(vraag, None)]
    if soort == herstel.VERDUIDELIJKING:
        dispatcher.utter_message(text=herstel.uitleg(vraag))
        return [SlotSet(vraag, None)]
    afhandeling = eigen.get(soort)
    return afhandeling(dispatcher, tracker, vraag) if afhandeling else None


def vorige_vraag(tracker: Tracker, vraag: str) -> Optional[str]:
    """The question asked before `vraag` in this form (not one answered another way)."""
    gevraagd = [e.get("value") for e in tracker.events
                if e.get("event") == "slot" and e.get("name") == "requested_slot" and e.get("value")]
    return next((slot for slot in reversed(gevraagd) if slot != vraag), None)


def ga_vraag_terug(dispatcher: CollectingDispatcher, tracker: Tracker, vraag: str) -> List[EventType]:
    """'Vorige vraag': the answer before is cleared, so the form asks it again."""
    vorige = vorige_vraag(tracker, vraag)
    if vorige is None:
        dispatcher.utter_message(text=herstel.melding("geen_vorige_vraag"))
        return [SlotSet(vraag, None)]
    dispatcher.utter_message(text=herstel.melding("vorige_vraag"))
    return [SlotSet(vraag, None), SlotSet(vorige, None)]


# Reads a corrected answer for `slot`: the value to store, or None after saying why not.
Lezer = Callable[[CollectingDispatcher, str, str], Optional[Any]]


def corrigeer_met(lees: Lezer) -> Afhandeling:
    """The handler of 'nee, bij de vorige vraag bedoelde ik ja': the answer to
    the question before is read with the form's own `lees`, stored, and said;
    then the form asks its current question again."""

    def corrigeer(dispatcher: CollectingDispatcher, tracker: Tracker, vraag: str) -> List[EventType]:
        nieuw = herstel.correctie(tracker.latest_message.get("text") or "")
        vorige = vorige_vraag(tracker, vraag)
        if vorige is None or tracker.get_slot(vorige) is None or not nieuw:
            dispatcher.utter_message(text=herstel.melding("niets_aan_te_passen"))
            return [SlotSet(vraag, None)]
        waarde = lees(dispatcher, vorige, nieuw)
        if waarde is None:
            return [SlotSet(vraag, None)]
        dispatcher.utter_message(text=herstel.melding("aangepast", antwoord=nieuw))
        return [SlotSet(vorige, waarde), SlotSet(vraag, None)]

    return corrigeer
