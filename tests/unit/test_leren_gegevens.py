"""Reading stored events into conversations: fallbacks, corrections, channel,
role, crisis answers (bot/leren/gegevens.py), without a database."""
from __future__ import annotations

import json

from bot.leren.gegevens import gesprekken_uit


def user(tekst, intent, zekerheid, ranking=(), kanaal="socketio", t=1.0, metadata=None):
    return {"event": "user", "text": tekst, "timestamp": t, "input_channel": kanaal, "metadata": metadata or {},
            "parse_data": {"intent": {"name": intent, "confidence": zekerheid},
                           "intent_ranking": [{"name": n, "confidence": c} for n, c in ranking]}}


def action(name, t=1.0):
    return {"event": "action", "name": name, "timestamp": t}


def rijen(sender, *events):
    return [(sender, json.dumps(e)) for e in events]


def test_een_fallback_draagt_de_beste_gok_van_het_model_en_de_tweede():
    [gesprek] = gesprekken_uit(rijen("a", user("achter de geraniums", "nlu_fallback", 0.3,
                                               [("nlu_fallback", 0.3), ("afscheid", 0.2), ("bot_vraag", 0.1)]),
                                     action("utter_please_rephrase")))
    bericht = gesprek.berichten[0]
    assert (bericht.intent, bericht.tweede, bericht.fallback) == ("afscheid", "bot_vraag", True)
    assert bericht.zekerheid == 0.2


def test_nee_ik_bedoel_en_de_crisisknop_na_een_fallback_zijn_correcties():
    [gesprek] = gesprekken_uit(rijen(
        "a", user("tips voor een huisbezoek", "oefenen_stoppen", 0.9, [("oefenen_stoppen", 0.9)]),
        user("nee, ik bedoel hoe ik begin", "gesprek_openen", 0.9, [("gesprek_openen", 0.9)]),
        user("zit achter de geraniums", "nlu_fallback", 0.3, [("afscheid", 0.2)]), action("utter_please_rephrase"),
        user("/acute_zorg", "acute_zorg", 1.0, [("acute_zorg", 1.0)]), action("action_crisis", 5.0)))
    assert [b.gecorrigeerd for b in gesprek.berichten] == [True, False, True, False]
    assert gesprek.berichten[3].knop and gesprek.crisis == [5.0]


def test_kanaal_en_rol_komen_uit_het_eerste_bericht_of_het_slot():
    gesprekken = gesprekken_uit(
        rijen("a", user("hoi", "begroeten", 1.0, kanaal="telegram", metadata={"rol": "vrijwilliger"}))
        + rijen("b", user("hoi", "begroeten", 1.0, kanaal="rest"),
                {"event": "slot", "name": "rol", "value": "vrijwilliger"}))
    assert [(g.kanaal, g.rol) for g in gesprekken] == [("telegram", "vrijwilliger"), ("rest", "vrijwilliger")]


def test_een_gesprek_zonder_berichten_telt_niet():
    assert gesprekken_uit(rijen("a", action("action_session_start"))) == []
