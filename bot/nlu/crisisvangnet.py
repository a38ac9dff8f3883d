"""A safety net after DIET: a message that matches the crisis patterns of
data/kennis/signalering.yml is read as `acute_zorg`, whatever DIET guessed,
so the crisis rules answer it in every form and walk.

Left as DIET read them: messages whose own answer already puts the crisis
routes first and then keeps what the worker wrote: a case description long
enough to read on (`action_casus_lezen` reads it on; a short emergency read as
a description gets the crisis answer alone, as `action_crisis` decides), a
knowledge question (the routes, then the answer) and a practice move (a trainee may ask the client about death wishes;
outside practice `action_buiten_modus` checks the patterns itself). A message
read as a referral question keeps that reading only when it asks something
("welk nummer bel ik bij zelfmoordgedachten": the referral names the routes);
a situation read as one ("ze laat haar niet bellen, please help"), or a
question beside a clause that states the danger ("Moet ik 112 bellen? Hij
praat ineens met een scheve mond"), gets the crisis answer.

Without a pattern, a message the model reads without conviction (best guess
under `modus.ONZEKER`) with acute danger as one of its two best guesses is
read as `acute_zorg` too, as a message that fell to the NLU fallback already
was (actions/gesprek/modus.py); whatever DIET guessed, except a practice
move or a description, because without a pattern no other answer gives the
routes first.
Not when the danger model all but rules danger out (`modus.GEEN_GEVAAR`):
an unsure DIET's second guess alone then turned ordinary descriptions ("Ik
maak me zorgen om mijn buurvrouw van 80. Ze heeft bijna geen contacten.")
into the crisis answer.

Beside the patterns a model reads the message (bot/nlu/gevaarmodel.py,
trained here with the Rasa model). When it finds acute danger, the message
is treated as a pattern match is, and `gevaar_gelezen` in the parse data
tells the actions that read a description or answer a question
(`casus.acuut_gelezen`), so they give the routes first too."""
from __future__ import annotations

import pickle
from functools import lru_cache
from typing import Any, Dict, FrozenSet, List, Optional, Text, Tuple

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.classifiers.classifier import IntentClassifier
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from actions.algemeen.yamlbestand import lees_mapping
from actions.gesprek.modus import (
    ACUUT,
    GEVAAR_KANS,
    crisis_bij_onzekerheid,
    crisis_bij_twijfel,
    kans_sluit_gevaar_uit,
    ook_beschrijving,
)
from actions.signalering.casus import (
    GEVAAR_GELEZEN,
    bewering_acuut,
    is_acuut,
    is_vraag,
    vertelt,
    zonder_uitgesloten_gevaar,
)
from bot.nlu import gevaarmodel
from gedeeld.settings import DATA_DIR

BESCHRIJVING = "casus_beschrijven"
VERWIJZING = "doorverwijzen"
OEFENZET = "zet_"
REGELMAP = DATA_DIR / "rules"
KENNISACTIE = "action_kennis_antwoord"
MODELBESTAND = "gevaarmodel.pkl"


@lru_cache(maxsize=1)
def kennisvragen() -> FrozenSet[str]:
    """The intents that a rule in any file of data/rules answers with `action_kennis_antwoord`
    (kennis.yml, and topics kept in their own file such as kennis_seedonderwerpen.yml)."""
    intents = set()
    for pad in sorted(REGELMAP.glob("*.yml")):
        for regel in lees_mapping(pad).get("rules") or []:
            stappen = regel.get("steps") or []
            intents |= {s["intent"] for s, volgende in zip(stappen, stappen[1:], strict=False)
                        if "intent" in s and volgende.get("action") == KENNISACTIE}
    return frozenset(intents)


def houdt_eigen_pad(intent: str, tekst: str, ranking: List[Dict[str, Any]], gevaar: bool = False) -> bool:
    """Whether the answer to this intent gives the crisis routes itself without losing the message.
    A description keeps its reading only when it is one worth reading on, as `action_crisis`
    decides for a message read as acute: a short emergency ("de buurman met dementie is weg,
    niemand weet waar hij is") gets the crisis answer alone, not the routes and then the questions.
    A knowledge topic keeps its answer only for a question: "ik ruik gas in het trappenhuis en
    meneer doet niet open", read as care avoidance, asks for no topic. A question about where to
    refer keeps its answer unless it states the danger: in a clause the patterns read, or, when the
    danger model (`gevaar`) read danger, in any sentence that is not a question ("Naar wie verwijs
    ik een vrouw die vanochtend is geslagen? Hij komt vanavond weer thuis.")."""
    if intent == VERWIJZING:
        return is_vraag(tekst) and not bewering_acuut(tekst) and not (gevaar and vertelt(tekst))
    if intent == BESCHRIJVING:
        return ook_beschrijving({"text": tekst, "intent_ranking": ranking})
    if intent in kennisvragen():
        return is_vraag(tekst)
    return intent == ACUUT or intent.startswith(OEFENZET)


def wordt_crisis(intent: str, tekst: str, ranking: List[Dict[str, Any]], gevaar: bool = False,
                 kans: Optional[float] = None) -> bool:
    """Whether the message is read as `acute_zorg`: by the patterns or the
    danger model (`gevaar`), unless its own answer gives the routes; else by
    an unsure DIET, unless it is a practice move (a trainee may ask about
    death wishes) or a description (it is read on, and its reading checks the
    patterns and the danger model's reading), since only the patterns and
    the danger model make the other answers give the routes first; and not
    when the danger model's probability `kans` all but rules danger out."""
    if (gevaar or is_acuut(tekst)) and not houdt_eigen_pad(intent, tekst, ranking, gevaar):
        return True
    if kans_sluit_gevaar_uit(kans):
        return False
    return intent != BESCHRIJVING and not intent.startswith(OEFENZET) and crisis_bij_onzekerheid(ranking)


def leest_gevaar(model: gevaarmodel.Gevaarmodel, kans: float, intent: str, tekst: str,
                 diet_twijfelt: bool = False) -> bool:
    """The danger model's reading (`gevaarmodel.gevaar`), after what the
    patterns' contexts explain: when every danger the patterns find is
    denied, long over or in a story, the model reads the text without those
    sentences ("rond zijn veertigste heeft hij aan zelfmoord gedacht, maar
    dat ligt ver achter hem" scored 0.61 as a whole, with DIET in doubt)."""
    if not gevaarmodel.gevaar(kans, intent, tekst, diet_twijfelt, model.kans):
        return False
    rest = zonder_uitgesloten_gevaar(tekst)
    return rest is None or (bool(rest) and gevaarmodel.gevaar(model.kans(rest), intent, rest, diet_twijfelt,
                                                               model.kans))


def als_crisis(ranking: List[Dict[str, Any]]) -> Tuple[Dict[str, Any], List[Dict[str, Any]]]:
    """The intent and ranking with `acute_zorg` first, at full confidence."""
    crisis = {"name": ACUUT, "confidence": 1.0}
    return crisis, [crisis, *(k for k in ranking if k.get("name") != ACUUT)]


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=True)
class CrisisVangnet(GraphComponent, IntentClassifier):
    """Reads a message that names acute danger as `acute_zorg` (see the module docstring)."""

    def __init__(self, model: Optional[gevaarmodel.Gevaarmodel] = None, model_storage: Optional[ModelStorage] = None,
                 resource: Optional[Resource] = None) -> None:
        """Without a danger model (before training) only the patterns and DIET's ranking count."""
        self._model, self._storage, self._resource = model, model_storage, resource

    @classmethod
    def create(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> "CrisisVangnet":
        return cls(None, model_storage, resource)

    @classmethod
    def load(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
             execution_context: ExecutionContext, **kwargs: Any) -> "CrisisVangnet":
        with model_storage.read_from(resource) as map_:
            model = pickle.loads((map_ / MODELBESTAND).read_bytes())
        return cls(model, model_storage, resource)

    @classmethod
    def fingerprint_addon(cls, config: Dict[str, Any]) -> Optional[str]:
        """The corpus files are read from disk, not given by the graph: a change retrains."""
        return gevaarmodel.vingerafdruk()

    def train(self, training_data: TrainingData) -> Resource:
        nlu = [(m.get(TEXT), m.get(INTENT) == ACUUT) for m in training_data.intent_examples]
        self._model = gevaarmodel.train([*nlu, *gevaarmodel.corpus()])
        assert self._storage is not None and self._resource is not None, "made by create()"
        with self._storage.write_to(self._resource) as map_:
            (map_ / MODELBESTAND).write_bytes(pickle.dumps(self._model))
        return self._resource

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            intent = message.get(INTENT) or {}
            naam, tekst = intent.get("name") or "", message.get(TEXT) or ""
            ranking = message.get(INTENT_RANKING_KEY) or []
            kans = self._kans(tekst)
            if kans is not None:
                message.set(GEVAAR_KANS, kans, add_to_output=True)
            gevaar = kans is not None and self._model is not None and leest_gevaar(
                self._model, kans, naam, tekst, crisis_bij_twijfel(ranking))
            if gevaar:
                message.set(GEVAAR_GELEZEN, True, add_to_output=True)
            if not wordt_crisis(naam, tekst, ranking, gevaar, kans):
                continue
            nieuw, ranking = als_crisis(ranking)
            message.set(INTENT, nieuw, add_to_output=True)
            message.set(INTENT_RANKING_KEY, ranking, add_to_output=True)
        return messages

    def _kans(self, tekst: str) -> Optional[float]:
        """The danger model's probability; None before training or for an empty message."""
        if self._model is None or not tekst.strip():
            return None
        return self._model.kans(tekst)
