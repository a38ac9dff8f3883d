"""Local help, the case log and the greeting as a worker has them: trained
model, real action server, temporary SQLite database. Fictional people only."""
from gedeeld import gespreksverslag

VRAAG_GEMEENTE = "In welke gemeente woont de persoon?"
BESCHRIJVING = "mevrouw is 81, haar man is vorig jaar overleden, ze komt niet meer buiten, de post stapelt zich op"


def alles(berichten):
    return "\n".join(b.get("text") or "" for b in berichten)


def suggesties(tekst):
    return [regel for regel in tekst.split("\n") if regel.startswith("- ")]


def test_the_issue_question_gives_at_most_three_fitting_suggestions_with_contact_and_reason(gesprek):
    antwoord = alles(gesprek.zeg("welke activiteiten zijn er in Nijmegen voor een oudere die net weduwe is?"))
    assert "Dit aanbod past bij ouderen in Nijmegen" in antwoord
    assert 1 <= len(suggesties(antwoord)) <= 3
    assert antwoord.count("Contact:") == len(suggesties(antwoord))
    assert antwoord.count("Waarom:") == len(suggesties(antwoord))
    assert "Dit is een voorbeeld, geen echte organisatie" in antwoord  # invented local entries say so


def test_without_a_place_the_municipality_is_asked_first(gesprek):
    assert VRAAG_GEMEENTE in alles(gesprek.zeg("is er een maatjesproject voor haar?"))
    antwoord = alles(gesprek.zeg("Utrecht"))
    assert "in Utrecht" in antwoord and "Contact:" in antwoord


def test_a_postcode_without_a_configured_geocoder_says_why_and_asks_the_municipality(gesprek):
    antwoord = alles(gesprek.zeg("wat is er te doen rond postcode 6512 AB?"))
    assert "Met een postcode kan ik de gemeente niet vinden, want het opzoeken van postcodes staat uit." in antwoord
    assert "in Nijmegen" in alles(gesprek.zeg("Nijmegen"))


def test_an_unknown_place_is_asked_again_and_dont_know_gives_national_offer(gesprek):
    gesprek.zeg("welke hulp is er voor eenzame ouderen?")
    assert "Ik ken geen gemeente met de naam 'Atlantis'" in alles(gesprek.zeg("Atlantis"))
    antwoord = alles(gesprek.zeg("weet ik niet"))
    assert "landelijk" in antwoord.lower() and "Contact:" in antwoord
    assert gesprek.tracker().get_slot("interventie_gemeente") is None  # the next search asks again


def test_after_a_picture_the_suggestions_fit_its_type_and_everything_is_in_the_case_log(gesprek):
    for tekst in [BESCHRIJVING, "alleen de thuiszorg komt nog", "geen andere problemen", "ze staat open voor hulp",
                  "ja, dat zegt ze zelf"]:
        gesprek.zeg(tekst)
    gesprek.zeg("/interventie_zoeken")
    antwoord = alles(gesprek.zeg("Nijmegen"))
    assert "past bij situationeel isolement" in antwoord
    verslag = alles(gesprek.zeg("/verslag_maken"))
    assert "Eerste beeld gemaakt; type: situationeel isolement; trede 1; urgentie: geen haast" in verslag
    assert "Hulp in de buurt gezocht" in verslag
    entries = gespreksverslag.lees(gesprek.sender)
    assert [e["moment"] for e in entries] == ["beeld", "interventies"]
    assert entries[0]["rol"] == "sociaal werker" and len(entries[1]["interventies"]) <= 3
    gesprek.zeg("tot ziens")
    assert [e["moment"] for e in gespreksverslag.lees(gesprek.sender)][-1] == "einde"


def test_empty_case_log_says_what_will_be_in_it(gesprek):
    assert "In het verslag van dit gesprek staat nog niets" in alles(gesprek.zeg("maak een verslag"))


def test_greeting_has_the_privacy_notice(gesprek):
    antwoord = alles(gesprek.zeg("hallo"))
    assert "Typ geen namen of andere gegevens waaraan iemand te herkennen is." in antwoord
    assert "niet langer dan 90 dagen" in antwoord
