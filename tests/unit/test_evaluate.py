"""Reading the NLU evaluation sets (bot/evaluate.py): the held-out set in
Rasa's format and a development set as `intents: {intent: [text]}`."""
from bot import evaluate


def test_de_ontwikkelset_geeft_tekst_en_intent_zonder_annotaties(tmp_path):
    bestand = tmp_path / "ontwikkel.yml"
    bestand.write_text('intents:\n  interventie_zoeken:\n    - "wat is er in [Zwolle](gemeente) te doen"\n'
                       '  begroeten:\n    - "hoi"\n', encoding="utf-8")
    assert evaluate.load_examples(bestand) == [("wat is er in Zwolle te doen", "interventie_zoeken"),
                                               ("hoi", "begroeten")]


def test_de_meegeleverde_ontwikkelset_heeft_acht_regels_per_intent():
    voorbeelden = evaluate.load_examples(evaluate.ONTWIKKEL_FILE)
    per_intent = {intent: sum(1 for _, i in voorbeelden if i == intent) for _, intent in voorbeelden}
    assert len(voorbeelden) == 280 and set(per_intent.values()) == {8}


def test_de_heldout_set_leest_nog_in_het_rasa_formaat():
    voorbeelden = evaluate.load_examples()
    assert len(voorbeelden) >= 300 and all(tekst and intent for tekst, intent in voorbeelden)


def test_de_tweede_ontwikkelset_deelt_geen_regel_met_de_training_en_dekt_elke_intent():
    training = evaluate.training_texts()
    voorbeelden = evaluate.load_examples(evaluate.ONTWIKKEL_FILE_2)
    assert len({intent for _, intent in voorbeelden}) == 35
    assert [tekst for tekst, _ in voorbeelden if evaluate.normalised(tekst) in training] == []
