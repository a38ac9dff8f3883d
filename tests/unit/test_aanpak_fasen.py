"""The guided walk through the phases (actions/aanpak/fasen.py) and the phase
content in fasen.yml: plain Python, no model."""
import json
import re
import shutil

import pytest
import yaml

from actions.aanpak import fasen as aanpak
from actions.kennis.kennisbank import (
    FASE_VOLGORDE,
    KENNIS_DIR,
    KennisbankFout,
    kennisbank,
    laad,
)

TYPES = ("dreigend", "situationeel", "structureel", "structureel_ggz")


# --- the phase content -------------------------------------------------------------------
def test_each_phase_has_purpose_task_three_questions_pitfalls_and_ready_signs():
    for fase in kennisbank().fasen.values():
        assert fase["doel"] and fase["wat_doe_je"], fase["id"]
        assert len(fase["voorbeeldvragen"]) >= 3, fase["id"]
        assert all(v.endswith("?") for v in fase["voorbeeldvragen"]), fase["id"]
        assert len(fase["valkuilen"]) >= 3, fase["id"]
        assert fase["klaar_voor_volgende"], fase["id"]


def test_the_pitfalls_the_issue_names_are_there():
    alle = " ".join(v.lower() for f in kennisbank().fasen.values() for v in f["valkuilen"])
    assert "invullen" in alle
    assert "te vroeg met adviezen" in alle
    assert "standaardoplossing" in alle
    for fase in kennisbank().fasen.values():
        tekst = " ".join(fase["valkuilen"]).lower()
        assert any(w in tekst for w in ("invullen", "schrijven", "verklaring")), fase["id"]


def test_the_four_worker_steps_stand_beside_the_five_phases():
    stappen = kennisbank().werkstappen
    assert [s["naam"] for s in stappen] == ["Signaleren", "Bespreekbaar maken", "Oorzaken onderzoeken",
                                            "Plan maken"]
    assert [f for s in stappen for f in s["fasen"]] == list(FASE_VOLGORDE)


def test_every_type_and_the_care_avoiding_have_an_adaptation_with_sources():
    aanpassingen = kennisbank().fase_aanpassingen
    assert set(aanpassingen) == {*TYPES, "zorgmijdend"}
    assert "preventie" in aanpassingen["dreigend"]["kern"]
    assert "vertrouwen" in aanpassingen["zorgmijdend"]["kern"]
    assert "vangnet" in aanpassingen["zorgmijdend"]["kern"]
    assert aanpassingen["zorgmijdend"]["ook_bij_types"] == ["structureel_ggz"]


def _proza(waarde):
    if isinstance(waarde, str):
        yield waarde
    elif isinstance(waarde, list):
        for item in waarde:
            yield from _proza(item)
    elif isinstance(waarde, dict):
        for sleutel, item in waarde.items():
            if sleutel not in ("bronnen", "fasen", "id", "ook_bij_types", "herkenning", "patronen"):
                yield from _proza(item)
            elif sleutel == "fasen" and isinstance(item, dict):
                yield from _proza(item)


def test_the_new_texts_hold_no_digits():
    fasen = yaml.safe_load((KENNIS_DIR / "fasen.yml").read_text(encoding="utf-8"))
    teksten = list(_proza(fasen["stappen_werker"])) + list(_proza(fasen["aanpassingen"]))
    teksten += list(_proza(yaml.safe_load((KENNIS_DIR / "aanpak.yml").read_text(encoding="utf-8"))))
    assert teksten
    assert [t for t in teksten if re.search(r"\d", t)] == []


@pytest.mark.parametrize("type_id", [None, *TYPES])
def test_rendered_phases_hold_digits_only_in_the_years_of_sources(type_id):
    for fase in FASE_VOLGORDE:
        regels = aanpak.fase_tekst(aanpak.start(fase, type_id)).splitlines()
        bronregels = [r for r in regels if r.startswith("Bronnen: ")]
        assert len(bronregels) == 1
        assert re.search(r"Wmo Werkplaatsen, Doorbreek eenzaamheid, 2015", bronregels[0])
        assert [r for r in regels if r not in bronregels and re.search(r"\d", r)] == []


# --- the loader -------------------------------------------------------------------------------
@pytest.fixture
def kennis_copy(tmp_path):
    target = tmp_path / "kennis"
    shutil.copytree(KENNIS_DIR, target)
    return target


def _pas_aan(path, oud, nieuw):
    tekst = path.read_text(encoding="utf-8")
    assert oud in tekst
    path.write_text(tekst.replace(oud, nieuw, 1), encoding="utf-8")


def test_an_adaptation_for_an_unknown_type_is_refused(kennis_copy):
    _pas_aan(kennis_copy / "fasen.yml", "  situationeel:\n    kern:", "  verzonnen:\n    kern:")
    with pytest.raises(KennisbankFout, match="fasen.yml aanpassing 'verzonnen': onbekend type"):
        laad(kennis_copy)


def test_a_worker_step_for_an_unknown_phase_is_refused(kennis_copy):
    _pas_aan(kennis_copy / "fasen.yml", "fasen: [eigen_verhaal]", "fasen: [eigen_verhaal, bestaat_niet]")
    with pytest.raises(KennisbankFout, match="onbekende fase 'bestaat_niet'"):
        laad(kennis_copy)


def test_a_phase_without_a_worker_step_is_refused(kennis_copy):
    _pas_aan(kennis_copy / "fasen.yml", "fasen: [motivatie, actieplan]", "fasen: [motivatie]")
    with pytest.raises(KennisbankFout, match="elke fase hoort bij precies één stap"):
        laad(kennis_copy)


def test_old_fasen_files_without_the_new_parts_still_load(kennis_copy):
    pad = kennis_copy / "fasen.yml"
    tekst = pad.read_text(encoding="utf-8")
    pad.write_text(tekst[:tekst.index("\n# The worker's four steps")] + "\n", encoding="utf-8")
    kennis = laad(kennis_copy)
    assert kennis.werkstappen == [] and kennis.fase_aanpassingen == {}
    assert tuple(kennis.fasen) == FASE_VOLGORDE


# --- navigation ---------------------------------------------------------------------------------------
def test_start_without_a_phase_is_the_first_phase():
    assert aanpak.start() == {"fase": "inzicht", "gedaan": [], "type": None, "zorgmijdend": False,
                              "afgerond": False, "melding": None, "eerder": None}


def test_starting_later_counts_the_phases_before_as_done_only_when_the_worker_said_so():
    state = aanpak.start("motivatie", "situationeel", eerdere_gedaan=True)
    assert state["fase"] == "motivatie"
    assert state["gedaan"] == ["inzicht", "erkenning", "eigen_verhaal"]
    assert state["type"] == "situationeel"
    assert aanpak.start("actieplan")["gedaan"] == []


def test_a_new_person_gets_a_fresh_walk_and_the_old_one_is_kept_until_a_new_session():
    oud = aanpak.volgende(aanpak.start("erkenning"))
    nieuw = aanpak.voor_nieuwe_persoon(oud)
    assert nieuw["fase"] == "inzicht" and nieuw["gedaan"] == []
    assert nieuw["eerder"]["fase"] == "eigen_verhaal" and nieuw["eerder"]["gedaan"] == ["erkenning"]
    assert aanpak.geldig(json.loads(json.dumps(nieuw)))["eerder"]["fase"] == "eigen_verhaal"
    assert aanpak.zonder_eerder(nieuw)["eerder"] is None


def test_plan_van_aanpak_is_the_whole_approach_and_a_plan_request_is_asked_first():
    assert aanpak.fase_in_verzoek("kun je me helpen met een plan van aanpak voor mijn cliënt") is None
    assert aanpak.fase_in_verzoek("ik wil een plan maken voor mijn buurman") == "actieplan"
    assert [aanpak.lees_plan_antwoord(t) for t in ("Ja, de persoon wil iets veranderen", "Nee, nog niet",
                                                    "weet ik niet", "de koffie")] == \
        ["actieplan", "motivatie", "motivatie", None]


def test_unknown_phase_or_type_is_a_programming_error():
    with pytest.raises(ValueError):
        aanpak.start("verzonnen")
    with pytest.raises(ValueError):
        aanpak.start(type_id="verzonnen")
    with pytest.raises(ValueError):
        aanpak.naar(aanpak.start(), "verzonnen")


def test_the_full_walk_forward_then_complete():
    state = aanpak.start()
    gezien = [state["fase"]]
    for _ in range(4):
        state = aanpak.volgende(state)
        gezien.append(state["fase"])
    assert gezien == list(FASE_VOLGORDE)
    assert state["gedaan"] == ["inzicht", "erkenning", "eigen_verhaal", "motivatie"]
    klaar = aanpak.volgende(state)
    assert klaar["fase"] == "actieplan" and klaar["afgerond"]
    assert klaar["gedaan"] == list(FASE_VOLGORDE)
    tekst = aanpak.fase_tekst(klaar)
    assert tekst.startswith("Dit was de laatste fase. Vul samen met de persoon het actieplan in")
    assert "- Persoonlijk actieplan: gedaan" in tekst
    assert "Doel voor de persoon" not in tekst


def test_moves_never_change_the_state_passed_in():
    state = aanpak.start("erkenning")
    kopie = json.loads(json.dumps(state))
    aanpak.volgende(state), aanpak.vorige(state), aanpak.naar(state, "actieplan"), aanpak.met_type(state, "dreigend")
    assert state == kopie


def test_going_back_and_the_first_phase_note():
    state = aanpak.vorige(aanpak.start("erkenning"))
    assert state["fase"] == "inzicht" and state["melding"] is None
    nog_eens = aanpak.vorige(state)
    assert nog_eens["fase"] == "inzicht"
    assert nog_eens["melding"] == "Dit is al de eerste fase. Verder terug kan niet."
    assert aanpak.fase_tekst(nog_eens).startswith("Dit is al de eerste fase. Verder terug kan niet.\n"
                                                  "Fase een van vijf: Inzicht\n")


def test_going_back_from_a_completed_walk_reopens_it():
    klaar = aanpak.volgende(aanpak.start("actieplan"))
    terug = aanpak.vorige(klaar)
    assert terug["fase"] == "motivatie" and not terug["afgerond"]


def test_a_note_lasts_one_move():
    state = aanpak.vorige(aanpak.start())
    assert state["melding"]
    assert aanpak.volgende(state)["melding"] is None


def test_jumping_forward_over_open_phases_says_so():
    state = aanpak.naar(aanpak.start(), "motivatie")
    assert state["fase"] == "motivatie"
    assert state["gedaan"] == []
    assert state["melding"] == ("Je slaat erkenning en eigen verhaal over. Dat kan, als de persoon daar al "
                                "doorheen is. Kijk anders eerst daar.")


def test_jumping_to_the_next_phase_or_back_gives_no_note():
    assert aanpak.naar(aanpak.start(), "erkenning")["melding"] is None
    assert aanpak.naar(aanpak.start("actieplan"), "inzicht")["melding"] is None


def test_jumping_over_phases_already_done_gives_no_note():
    state = aanpak.naar(aanpak.start("actieplan", eerdere_gedaan=True), "inzicht")
    assert aanpak.naar(state, "actieplan")["melding"] is None


def test_jumping_to_where_you_are():
    state = aanpak.naar(aanpak.start("motivatie"), "motivatie")
    assert state["fase"] == "motivatie" and state["melding"] == "Daar ben je al."


def test_the_state_survives_json_as_a_slot_would_keep_it():
    state = aanpak.volgende(aanpak.start("erkenning", "structureel_ggz"))
    terug = json.loads(json.dumps(state))
    assert terug == state
    assert aanpak.fase_tekst(terug) == aanpak.fase_tekst(state)


@pytest.mark.parametrize("kapot", [None, {}, "inzicht", {"fase": "bestaat_niet"}, []])
def test_a_missing_or_broken_slot_value_starts_anew(kapot):
    assert aanpak.geldig(kapot) == aanpak.start()
    assert aanpak.volgende(kapot)["fase"] == "erkenning"


def test_a_slot_value_with_odd_parts_is_cleaned():
    state = aanpak.geldig({"fase": "motivatie", "gedaan": ["motivatie", "inzicht", "onzin"], "type": "onzin"})
    assert state["gedaan"] == ["inzicht", "motivatie"] and state["type"] is None


def test_a_type_found_later_adapts_the_walk():
    state = aanpak.met_type(aanpak.start("erkenning"), "dreigend")
    assert state["type"] == "dreigend" and state["fase"] == "erkenning"
    assert "lijkt op dreigend isolement" in aanpak.fase_tekst(state)
    assert aanpak.met_type(state, "situationeel", zorgmijdend=True)["zorgmijdend"] is True


# --- rendering --------------------------------------------------------------------------------------------
def test_a_phase_shows_purpose_task_questions_pitfalls_ready_signs_and_sources():
    fase = kennisbank().fasen["erkenning"]
    tekst = aanpak.fase_tekst(aanpak.start("erkenning"))
    regels = tekst.splitlines()
    assert regels[:4] == [
        "Fase twee van vijf: Erkenning",
        "Jouw stap: bespreekbaar maken.",
        f"Doel voor de persoon: {fase['doel']}",
        f"Wat jij doet: {fase['wat_doe_je']}",
    ]
    assert regels[4] == "Vragen die je kunt stellen:"
    for vraag in fase["voorbeeldvragen"]:
        assert f"- {vraag}" in regels
    for valkuil in fase["valkuilen"]:
        assert f"- {valkuil}" in regels
    assert regels.index("Let op deze valkuilen:") < regels.index("Klaar voor de volgende fase als:")
    for teken in fase["klaar_voor_volgende"]:
        assert f"- {teken}" in regels
    assert regels[-3] == ("Bronnen: Wmo Werkplaatsen, Doorbreek eenzaamheid, 2015; Hogeschool Utrecht e.a., "
                          "Doorbreek eenzaamheid, 2015; Machielse (LESI) in Welzijn+, jaartal onbekend; "
                          "Schenkels (Charlois' Welzijn) in Welzijn+, jaartal onbekend.")
    assert regels[-2].startswith("Let op: de uitwerking per fase is een praktische uitwerking")
    assert regels[-1].startswith("Zeg 'volgende fase' als de persoon er klaar voor is")
    assert "lijkt op" not in tekst


def test_the_last_phase_offers_the_plan_instead_of_ready_signs():
    tekst = aanpak.fase_tekst(aanpak.start("actieplan"))
    assert tekst.splitlines()[0] == "Fase vijf van vijf: Persoonlijk actieplan"
    assert "Klaar voor de volgende fase als:" not in tekst
    assert tekst.endswith("Is de persoon er klaar voor? Dan kun je nu samen het persoonlijk actieplan invullen. "
                          "Zeg 'plan maken'.")


def test_threatening_isolation_is_about_prevention():
    tekst = aanpak.fase_tekst(aanpak.start("actieplan", "dreigend"))
    assert ("Het eerste beeld lijkt op dreigend isolement. Dat is een suggestie, geen etiket. Het netwerk wordt "
            "kleiner, maar er is nog contact. Het gaat hier om preventie") in tekst
    assert "In deze fase: Richt het plan op behouden en versterken" in tekst
    assert "- Wachten tot het erger wordt. Juist nu kun je met weinig moeite veel voorkomen." in tekst
    assert "vangnet" not in tekst.split("Vragen die je kunt stellen:")[0]


def test_care_avoiding_type_puts_trust_and_a_safety_net_before_the_plan():
    motivatie = aanpak.fase_tekst(aanpak.start("motivatie", "structureel_ggz"))
    assert "Het eerste beeld lijkt op structureel isolement met ggz." in motivatie
    assert ("Als de persoon hulp afhoudt: Werk eerst aan vertrouwen en een klein vangnet. Daar is een lange adem "
            "voor nodig. Pas daarna maak je samen een plan.") in motivatie
    klaar = motivatie.split("Klaar voor de volgende fase als:")[1]
    assert "- Er is vertrouwen: de persoon laat je binnen en het contact voelt veilig." in klaar
    assert "- Er is een vangnet: de persoon weet wie er te bellen is als het nodig is." in klaar
    plan = aanpak.fase_tekst(aanpak.start("actieplan", "structureel_ggz"))
    assert "In deze fase: Begin het plan met het vangnet" in plan
    assert "- Een plan maken voordat er vertrouwen en een vangnet zijn." in plan
    assert "Handreiking Ernstige vereenzaming, jaartal onbekend" in plan


def test_care_avoiding_also_applies_to_another_type_when_help_is_refused():
    assert aanpak.is_zorgmijdend("structureel_ggz")
    assert aanpak.is_zorgmijdend("situationeel", "weigert")
    assert aanpak.is_zorgmijdend(None, "twijfelt")
    assert not aanpak.is_zorgmijdend("situationeel", "open")
    tekst = aanpak.fase_tekst(aanpak.start("actieplan", "situationeel", zorgmijdend=True))
    assert "Het eerste beeld lijkt op situationeel isolement." in tekst
    assert "Als de persoon hulp afhoudt:" in tekst
    assert tekst.index("lijkt op situationeel") < tekst.index("Als de persoon hulp afhoudt")


def test_without_a_type_there_is_no_adaptation():
    for fase in FASE_VOLGORDE:
        tekst = aanpak.fase_tekst(aanpak.start(fase))
        assert "lijkt op" not in tekst and "hulp afhoudt" not in tekst


def test_resuming_shows_where_you_were_and_the_overview():
    state = aanpak.naar(aanpak.start("erkenning", eerdere_gedaan=True), "motivatie")
    tekst = aanpak.hervat_tekst(json.loads(json.dumps(state)))
    assert tekst.splitlines()[:7] == [
        "Welkom terug. Je was met deze persoon bij de fase motivatie. Gaat het om iemand anders? "
        "Kies dan 'Nieuwe persoon'.",
        "Waar je staat in de aanpak:",
        "- Inzicht: gedaan",
        "- Erkenning: nog niet",
        "- Eigen verhaal: nog niet",
        "- Motivatie: hier ben je nu",
        "- Persoonlijk actieplan: nog niet",
    ]
    assert tekst.splitlines()[7] == "Fase vier van vijf: Motivatie"
    assert "Je slaat" not in tekst


# --- where do you stand? -------------------------------------------------------------------------------------
def test_the_question_and_the_choices():
    assert aanpak.waar_sta_je_vraag().startswith("Waar sta je met deze persoon?")
    assert [f for f, _ in aanpak.waar_sta_je_keuzes()] == list(FASE_VOLGORDE)
    assert all(label for _, label in aanpak.waar_sta_je_keuzes())
    assert aanpak.niet_herkend_tekst().startswith("Dat kon ik niet aan een fase koppelen.")


@pytest.mark.parametrize("tekst, fase", [
    ("ik ken hem nog maar net", "inzicht"),
    ("We hebben net kennisgemaakt.", "inzicht"),
    ("ik heb zorgen over mijn buurman", "inzicht"),
    ("hij ziet het zelf nog niet", "inzicht"),
    ("ze erkent het niet", "inzicht"),
    ("hij vertelt niks", "inzicht"),
    ("hij doet de deur niet open", "inzicht"),
    ("weet ik niet", "inzicht"),
    ("bij het begin", "inzicht"),
    ("ze zegt zelf dat ze zich eenzaam voelt", "erkenning"),
    ("ze geeft toe dat ze zich alleen voelt", "erkenning"),
    ("hij vertelt hoe het zo gekomen is", "eigen_verhaal"),
    ("hij praat veel over vroeger", "eigen_verhaal"),
    ("we onderzoeken de oorzaken", "eigen_verhaal"),
    ("ze wil weer iets gaan doen", "motivatie"),
    ("ze mist haar man en wil er wel iets aan doen", "motivatie"),
    ("hij wil niks veranderen", "motivatie"),
    ("we hebben nog geen plan", "motivatie"),
    ("we willen een plan maken", "actieplan"),
    ("we gaan stappen afspreken", "actieplan"),
    ("fase drie", "eigen_verhaal"),
    ("fase 2", "erkenning"),
    ("de vierde fase", "motivatie"),
    ("de laatste fase", "actieplan"),
    ("we zitten in de motivatiefase", "motivatie"),
    ("Erkenning", "erkenning"),
    ("eigen verhaal", "eigen_verhaal"),
    ("persoonlijk actieplan", "actieplan"),
    ("van inzicht naar erkenning", "erkenning"),
])
def test_where_you_stand_is_read_into_a_phase(tekst, fase):
    assert aanpak.lees_fase(tekst) == fase


@pytest.mark.parametrize("tekst", ["", "   ", "banaan", "hallo"])
def test_an_answer_without_a_phase_is_not_guessed(tekst):
    assert aanpak.lees_fase(tekst) is None
