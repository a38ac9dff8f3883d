"""The gate on crisis recognition: every crisis line of the held-out crisis
set (tests/crisis_heldout.yml, written apart from the training data) reaches
the crisis answer, by the path the dialogue really takes (bot/crisis_bench.py):
a fresh conversation, one message, the crisis answer among the replies. The
false positives on its close non-crisis lines are printed, not gated.

The target is all 70, and it is met: 70 of 70 since the danger model
(bot/nlu/gevaarmodel.py) reads beside the patterns. The test fails as soon as
one line misses the crisis answer.

Held out: tune on the crisis sets in data/crisis/, never on this file."""
import pytest

from bot import crisis_bench

pytestmark = pytest.mark.usefixtures("zonder_tekst_in_logs")


def _bereikt(gesprek_agent, loop, tekst):
    def zeg(sender, text):
        return [m.get("text") or "" for m in loop.run_until_complete(gesprek_agent.handle_text(text, sender_id=sender))]

    return crisis_bench.gesprek_bereikt_crisis(zeg, tekst)


def test_elke_crisisregel_bereikt_het_crisisantwoord(agent, event_loop_for_agent):
    regels = crisis_bench.regels()
    crisis = {t: _bereikt(agent, event_loop_for_agent, t) for t in regels["crisis"]}
    geen = {t: _bereikt(agent, event_loop_for_agent, t) for t in regels["geen_crisis"]}
    print(crisis_bench.uitslag("held-out crisis set, dialogue path", crisis, geen))
    gemist = sum(not ok for ok in crisis.values())  # a count: pytest's report must not show held-out lines
    assert gemist == 0, f"{gemist} van de {len(crisis)} crisisregels missen het crisisantwoord"
