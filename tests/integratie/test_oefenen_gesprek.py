"""The practice partner as a trainee has it: trained model, real action
server. The persona's trust and feedback logic is tested without Rasa in
tests/unit/test_oefenen_sessie.py."""


def alles(berichten):
    return "\n".join(b.get("text") or "" for b in berichten)


def begin(gesprek, persona="Annie Verhoeven", plek="huisbezoek"):
    keuze = gesprek.zeg("ik wil een gesprek oefenen")
    assert "Met wie wil je oefenen?" in alles(keuze)
    assert "Verras me" in [k["title"] for b in keuze for k in b.get("buttons") or []]
    assert "Waar vindt het gesprek plaats?" in alles(gesprek.zeg(persona))
    return alles(gesprek.zeg(plek))


def test_the_persona_answers_in_character_and_stopping_gives_feedback(gesprek):
    scene = begin(gesprek)
    assert "Oefengesprek met Annie Verhoeven" in scene and "stop het rollenspel" in scene
    # The reflection once ended the role: the model read it as a request to stop.
    antwoorden = [alles(gesprek.zeg(t)) for t in ["Hoe gaat het nu met u?", "Wat mist u het meest?",
                                                    "Het klinkt alsof de dagen lang zijn geworden."]]
    assert all(antwoorden) and len(set(antwoorden)) == 3
    assert gesprek.tracker().active_loop_name == "rollenspel_form"
    assert len(gesprek.tracker().get_slot("oefen_sessie")["geschiedenis"]) == 3
    feedback = alles(gesprek.zeg("stop het rollenspel"))
    assert "Hoe gaat het nu met u?" in feedback  # the trainee's own line quoted back
    assert gesprek.tracker().active_loop_name is None
    assert gesprek.tracker().get_slot("oefen_sessie") is None


def test_help_gets_a_word_out_of_character_and_the_role_goes_on(gesprek):
    begin(gesprek, "Gerard", "telefoon")
    assert "Je oefent nu een gesprek" in alles(gesprek.zeg("wat kun je allemaal?"))
    assert gesprek.tracker().active_loop_name == "rollenspel_form"


def test_real_danger_breaks_the_role_with_the_crisis_routes(gesprek):
    begin(gesprek, "willekeurig", "buurthuis")
    crisis = alles(gesprek.zeg("mijn echte buurman zegt net dat hij er een eind aan wil maken"))
    assert "113" in crisis and "112" in crisis
    gesprek.zeg("/bevestigen")
    assert gesprek.tracker().active_loop_name == "rollenspel_form"


def test_asking_the_persona_about_dark_thoughts_keeps_the_role(gesprek):
    begin(gesprek, "Gerard", "huisbezoek")
    antwoord = alles(gesprek.zeg("denkt u weleens dat het leven niet meer hoeft?"))
    assert antwoord and "113" not in antwoord
    assert gesprek.tracker().active_loop_name == "rollenspel_form"
    # A closed question about feelings: the rules read its form (gesloten_vraag),
    # a model sure enough of its topic reads gevoelens_verkennen; both are right.
    assert gesprek.tracker().get_slot("oefen_sessie")["geschiedenis"][-1]["soort"] in (
        "gevoelens_verkennen", "gesloten_vraag")


def test_stopping_sends_the_conversation_as_a_document(gesprek):
    begin(gesprek, "Samira", "buurthuis")
    gesprek.zeg("Hoe is het om hier nog zo nieuw te zijn?")
    berichten = gesprek.zeg("stop het rollenspel")
    documenten = [b["custom"] for b in berichten if b.get("custom")]
    assert len(documenten) == 1 and documenten[0]["soort"] == "oefenverslag"
    assert documenten[0]["bestandsnaam"].startswith("oefengesprek-samira_benali-")
    assert "**Jij:** Hoe is het om hier nog zo nieuw te zijn?" in documenten[0]["markdown"]


def test_a_trainee_line_outside_practice_offers_to_practise(gesprek):
    berichten = gesprek.zeg("Het klinkt alsof u zich best alleen voelt sinds uw man er niet meer is.")
    assert "Het lijkt alsof je tegen een cliënt praat" in alles(berichten)
    assert "/oefenen_starten" in [k["payload"] for b in berichten for k in b.get("buttons") or []]


def test_volunteers_are_pointed_to_their_coordinator(gesprek):
    from rasa.core.channels.channel import CollectingOutputChannel, UserMessage
    uit = CollectingOutputChannel()
    gesprek.loop.run_until_complete(gesprek.agent.handle_message(UserMessage(
        "hallo", uit, gesprek.sender, metadata={"kanaal": "telegram", "rol": "vrijwilliger"})))
    antwoord = uit.messages
    assert "Je bent vrijwilliger" in alles(antwoord) and "coördinator" in alles(antwoord)
    assert gesprek.tracker().get_slot("rol") == "vrijwilliger"
