"""The scripted practice conversations of tests/oefenen_transcripten.yml
(one strong and one weak trainee per persona), and playing them."""
import yaml

from actions.oefenen.beurt import beurt, start
from gedeeld import settings

TRANSCRIPTEN = yaml.safe_load((settings.ROOT / "tests" / "oefenen_transcripten.yml").read_text("utf-8"))
PERSONAS = sorted(TRANSCRIPTEN)


def speel(persona_id, regels, instelling="huisbezoek", seed=1):
    """The state after the regels, and the persona's answers."""
    state, _ = start(persona_id, instelling, seed=seed)
    antwoorden = []
    for regel in regels:
        state, antwoord = beurt(state, regel)
        antwoorden.append(antwoord)
    return state, antwoorden
