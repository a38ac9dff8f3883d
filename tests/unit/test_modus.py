"""Practice moves and form answers outside their mode (actions/gesprek/modus.py
and action_buiten_modus), and a message the NLU could not place
(action_niet_begrepen)."""
import pytest
from rasa_sdk.events import SlotSet
from rasa_tracker import maak_tracker, voer_uit

from actions.gesprek import modus
from actions.gesprek.acties import ActionBuitenModus, ActionNietBegrepen
from actions.kennis.kennisbank import kennisbank
from actions.oefenen.beurt import teksten as oefen_teksten


def _tracker(tekst, ranking):
    tracker = maak_tracker(tekst, {}, ranking[0][0], ranking[0][1])
    tracker.latest_message["intent_ranking"] = [{"name": n, "confidence": c} for n, c in ranking]
    return tracker


def test_alleen_zetten_en_formulierantwoorden_horen_bij_een_modus():
    assert modus.alleen_in_modus("zet_open_vraag") and modus.alleen_in_modus("antwoord_geven")
    assert not modus.alleen_in_modus("acute_zorg") and not modus.alleen_in_modus(None)


def test_beste_andere_slaat_modus_intents_en_fallback_over():
    ranking = [{"name": "zet_advies", "confidence": 0.13}, {"name": "nlu_fallback", "confidence": 0.3},
               {"name": "antwoord_geven", "confidence": 0.12}, {"name": "acute_zorg", "confidence": 0.11}]
    assert modus.beste_andere(ranking) == "acute_zorg"


def test_een_andere_intent_moet_zeker_genoeg_zijn():
    assert modus.beste_andere([{"name": "zet_advies", "confidence": 0.8},
                               {"name": "cijfers", "confidence": 0.1}]) is None
    assert modus.beste_andere([{"name": "zorgmijding", "confidence": 0.4}]) == "zorgmijding"


def test_geweld_als_zet_gelezen_krijgt_buiten_het_oefenen_de_crisisroutes():
    tracker = _tracker("er wordt geweld gebruikt", [("zet_advies", 0.13), ("acute_zorg", 0.12)])
    berichten, _ = voer_uit(ActionBuitenModus(), tracker)
    assert kennisbank().crisis["inleiding"] in berichten[0]["text"]


def test_crisispatronen_tellen_ook_als_het_model_niets_ziet():
    tracker = _tracker("ze wil niet meer leven", [("zet_gevoelens_verkennen", 0.9)])
    berichten, _ = voer_uit(ActionBuitenModus(), tracker)
    assert kennisbank().crisis["inleiding"] in berichten[0]["text"]


def test_geen_hulp_willen_als_antwoord_gelezen_krijgt_het_kennisantwoord():
    tracker = _tracker("hij wil helemaal geen hulp", [("antwoord_geven", 0.5), ("zorgmijding", 0.4)])
    berichten, events = voer_uit(ActionBuitenModus(), tracker)
    assert events == [SlotSet("kennis_onderwerp", "zorgmijding")]
    zorgmijding = kennisbank().onderwerp("zorgmijding")
    assert zorgmijding is not None
    assert berichten[0]["text"] == kennisbank().kort_antwoord(zorgmijding).tekst


def test_een_echte_oefenzin_krijgt_het_aanbod_om_te_oefenen():
    tracker = _tracker("hoe voelt u zich vandaag?", [("zet_open_vraag", 0.95), ("begroeten", 0.02)])
    berichten, _ = voer_uit(ActionBuitenModus(), tracker)
    assert berichten[0]["text"].startswith("Het lijkt alsof je tegen een cliënt praat")
    assert [b["payload"] for b in berichten[0]["buttons"]] == ["/oefenen_starten", "/wat_kun_je"]


def test_een_vraag_als_oefenzet_gelezen_krijgt_het_kennisonderwerp_dat_het_model_ook_zag():
    tracker = _tracker("Wat doet de gemeente als iemand geen netwerk heeft?",
                       [("zet_netwerk_verkennen", 0.37), ("participatiesamenleving", 0.24)])
    berichten, events = voer_uit(ActionBuitenModus(), tracker)
    assert events == [SlotSet("kennis_onderwerp", "participatiesamenleving")]
    assert berichten[0]["text"].startswith("Meedoen in de samenleving")


def test_een_zin_zonder_vraag_met_een_zwak_kennisonderwerp_krijgt_het_oefenaanbod():
    tracker = _tracker("goed dat u dat zegt, de gemeente helpt",
                       [("zet_advies", 0.6), ("participatiesamenleving", 0.24)])
    berichten, _ = voer_uit(ActionBuitenModus(), tracker)
    assert berichten[0]["text"].startswith("Het lijkt alsof je tegen een cliënt praat")


def test_een_los_formulierantwoord_krijgt_het_antwoord_zonder_vraag():
    tracker = _tracker("de bewoner", [("antwoord_geven", 0.9)])
    berichten, _ = voer_uit(ActionBuitenModus(), tracker)
    assert [b.get("response") for b in berichten] == ["utter_antwoord_zonder_vraag"]


def test_weet_ik_niet_onder_een_keuze_krijgt_de_keuze_opnieuw_en_niet_geen_vraag_gesteld():
    keuze = [{"title": "Start de aanpak", "payload": "/aanpak_starten"},
             {"title": "Hulp in de buurt", "payload": "/interventie_zoeken"}]
    tracker = maak_tracker("weet ik niet", {}, "antwoord_geven", 0.9,
                           events=[{"event": "bot", "text": "Hoe wil je verder?", "data": {"buttons": keuze}}])
    tracker.latest_message["intent_ranking"] = [{"name": "antwoord_geven", "confidence": 0.9}]
    berichten, _ = voer_uit(ActionBuitenModus(), tracker)
    assert berichten[0]["text"].startswith("Geen probleem. Kies hieronder wat je wilt doen.")
    assert berichten[0]["buttons"] == keuze


def _niet_begrepen(tekst, ranking):
    berichten, _ = voer_uit(ActionNietBegrepen(), _tracker(tekst, [("nlu_fallback", 0.3), *ranking]))
    return berichten


def test_twijfel_met_crisis_als_een_van_de_twee_beste_gissingen_krijgt_de_crisisroutes():
    berichten = _niet_begrepen("hij zegt dat hij er na de feestdagen niet meer bij is",
                               [("casus_beschrijven", 0.29), ("acute_zorg", 0.21), ("afscheid", 0.1)])
    assert kennisbank().crisis["inleiding"] in berichten[0]["text"]


def test_twijfel_met_crisis_als_derde_gissing_vraagt_om_het_anders_te_zeggen():
    berichten = _niet_begrepen("qwpoeiru zxmnv",
                               [("begroeten", 0.2), ("afscheid", 0.18), ("acute_zorg", 0.15)])
    assert [b.get("response") for b in berichten] == ["utter_please_rephrase"]


def test_twijfel_met_een_te_zwakke_crisisgissing_vraagt_om_het_anders_te_zeggen():
    berichten = _niet_begrepen("tja", [("bevestigen", 0.25), ("acute_zorg", 0.05)])
    assert [b.get("response") for b in berichten] == ["utter_please_rephrase"]


def test_twijfel_met_een_crisispatroon_krijgt_de_crisisroutes():
    berichten = _niet_begrepen("ze wil niet meer leven", [("begroeten", 0.2), ("afscheid", 0.18)])
    assert kennisbank().crisis["inleiding"] in berichten[0]["text"]


def test_een_beschrijving_die_het_model_niet_plaatst_start_toch_de_vragen():
    tracker = _tracker("Mijn buurman van 75 ziet bijna niemand meer.", [("nlu_fallback", 0.3), ("acute_zorg", 0.04)])
    berichten, events = voer_uit(ActionNietBegrepen(), tracker)
    assert berichten[0]["text"].startswith("Dit heb ik begrepen:")
    assert "- Contact: " in berichten[0]["text"] and "('ziet bijna niemand')" in berichten[0]["text"]
    assert (events[-1]["event"], events[-1]["name"]) == ("followup", "signalering_form")
    assert {"sig_leeftijdsgroep": "oudere"}.items() <= {e["name"]: e["value"] for e in events[:-1]}.items()


def test_een_beschrijving_gelezen_als_los_antwoord_start_ook_de_vragen():
    tracker = _tracker("Ze is sinds de zomer weduwe, zegt mijn collega.", [("antwoord_geven", 0.47)])
    berichten, events = voer_uit(ActionBuitenModus(), tracker)
    assert berichten[0]["text"].startswith("Dit heb ik begrepen:") and "partner overleden" in berichten[0]["text"]
    assert (events[-1]["event"], events[-1]["name"]) == ("followup", "signalering_form")


@pytest.mark.parametrize("tekst", [
    "hoe help ik een weduwe van 80 die niemand meer ziet?",
    "Wat doe je als iemand van 80 al jaren geen contact heeft",
    "dank je",
])
def test_een_vraag_of_een_los_woord_is_geen_beschrijving(tekst):
    berichten, events = voer_uit(ActionNietBegrepen(), _tracker(tekst, [("nlu_fallback", 0.3), ("bedanken", 0.2)]))
    assert [b.get("response") for b in berichten] == ["utter_please_rephrase"] and events == []


def test_binnen_een_formulier_begint_een_beschrijving_niet_opnieuw():
    tracker = _tracker("Mijn buurman van 75 ziet bijna niemand meer.", [("nlu_fallback", 0.3)])
    tracker.active_loop = {"name": "signalering_form"}
    berichten, events = voer_uit(ActionNietBegrepen(), tracker)
    assert [b.get("response") for b in berichten] == ["utter_please_rephrase"] and events == []


def test_crisis_bij_onzekerheid_alleen_als_de_beste_gok_onzeker_is_en_acuut_gevaar_tweede():
    from actions.gesprek.modus import crisis_bij_onzekerheid

    def ranking(*paren):
        return [{"name": naam, "confidence": zekerheid} for naam, zekerheid in paren]

    assert crisis_bij_onzekerheid(ranking(("nlu_fallback", 0.6), ("zorgmijding", 0.45), ("acute_zorg", 0.3)))
    assert not crisis_bij_onzekerheid(ranking(("zorgmijding", 0.65), ("acute_zorg", 0.3)))
    assert not crisis_bij_onzekerheid(ranking(("zorgmijding", 0.45), ("cijfers", 0.3), ("acute_zorg", 0.2)))
    assert not crisis_bij_onzekerheid(ranking(("zorgmijding", 0.45), ("acute_zorg", 0.05)))
    assert not crisis_bij_onzekerheid([])


def test_gevaar_uitgesloten_alleen_als_het_gevaarmodel_onder_de_grens_blijft():
    from actions.gesprek.modus import GEEN_GEVAAR, GEVAAR_KANS, gevaar_uitgesloten
    assert gevaar_uitgesloten({GEVAAR_KANS: GEEN_GEVAAR - 0.01})
    assert not gevaar_uitgesloten({GEVAAR_KANS: GEEN_GEVAAR})
    assert not gevaar_uitgesloten({})  # no model: nothing ruled out


def test_twijfel_telt_niet_als_het_gevaarmodel_gevaar_zo_goed_als_uitsluit():
    # DIET unsure with acute danger first among its guesses, the danger model at 0.14: a description,
    # read on, not the crisis answer
    tekst = "Ik maak me zorgen om mijn buurvrouw van 80. Ze heeft bijna geen contacten."
    tracker = _tracker(tekst, [("nlu_fallback", 0.3), ("acute_zorg", 0.19), ("zet_advies", 0.18)])
    tracker.latest_message[modus.GEVAAR_KANS] = 0.14
    berichten, events = voer_uit(ActionNietBegrepen(), tracker)
    assert berichten[0]["text"].startswith("Dit heb ik begrepen:")
    assert (events[-1]["event"], events[-1]["name"]) == ("followup", "signalering_form")
    # the same doubt with a model that does not rule danger out: the crisis routes
    tracker.latest_message[modus.GEVAAR_KANS] = 0.3
    berichten, _ = voer_uit(ActionNietBegrepen(), tracker)
    assert kennisbank().crisis["inleiding"] in berichten[0]["text"]


def test_een_oefenzet_met_crisis_als_beste_andere_gok_telt_niet_als_het_gevaarmodel_het_uitsluit():
    tracker = _tracker("hoe voelt u zich vandaag?", [("zet_open_vraag", 0.5), ("acute_zorg", 0.12)])
    tracker.latest_message[modus.GEVAAR_KANS] = 0.02
    berichten, _ = voer_uit(ActionBuitenModus(), tracker)
    assert kennisbank().crisis["inleiding"] not in (berichten[0].get("text") or "")
    tracker.latest_message[modus.GEVAAR_KANS] = 0.5
    berichten, _ = voer_uit(ActionBuitenModus(), tracker)
    assert kennisbank().crisis["inleiding"] in berichten[0]["text"]


def test_een_oefenzin_die_in_de_fallback_valt_krijgt_het_oefenaanbod():
    # a practice move and a description nearly equal (0.46 and 0.48): the fallback, yet a line to a client
    tekst = "Het klinkt alsof u zich best alleen voelt sinds uw man er niet meer is."
    tracker = _tracker(tekst, [("nlu_fallback", 0.3), ("casus_beschrijven", 0.48), ("zet_complexe_reflectie", 0.46)])
    berichten, _ = voer_uit(ActionNietBegrepen(), tracker)
    assert berichten[0]["text"] == oefen_teksten()["buiten_oefenen"]["tekst"]
    assert not modus.oefenzet_voorop([{"name": "nlu_fallback", "confidence": 0.3},
                                      {"name": "zet_advies", "confidence": 0.2}])
    assert not modus.oefenzet_voorop([{"name": "cijfers", "confidence": 0.4}, {"name": "stigma", "confidence": 0.35},
                                      {"name": "zet_advies", "confidence": 0.3}])
