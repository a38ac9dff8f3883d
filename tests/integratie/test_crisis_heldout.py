"""The gate on crisis recognition: every crisis line of the held-out crisis
set (tests/crisis_heldout.yml, written apart from the training data) reaches
the crisis answer, by the path the dialogue really takes (bot/crisis_bench.py):
a fresh conversation, one message, the crisis answer among the replies. The
false positives on its close non-crisis lines are printed, not gated.

The target is all 70. Measured at this commit: 69 of 70. Until the target is
reached (issue 16 stays open), this test is a ratchet: it fails as soon as
fewer lines reach the crisis answer than measured now.

Held out: tune on the crisis sets in data/crisis/, never on this file."""
import pytest

from bot import crisis_bench

pytestmark = pytest.mark.usefixtures("zonder_tekst_in_logs")

NOG_GEMIST = 1  # of 70, measured on the model of this commit; lower it when recall improves, never raise it


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
    assert gemist <= NOG_GEMIST, f"{gemist} crisisregels missen het crisisantwoord (was {NOG_GEMIST})"
