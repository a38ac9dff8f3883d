"""WhatsApp for volunteers, end to end: the Rasa server as `make run` starts
it, its Graph API pointed at a fake WhatsApp Cloud API
(tests/fake_whatsapp.py, which refuses what WhatsApp refuses), webhook
calls posted to /webhooks/whatsapp/webhook as Meta posts them, signed with
the app secret. The fake records what the assistant sent; the tracker
database shows what was stored, and under which conversation id. The
shapes of buttons, documents, numbered choices and the 24-hour window are
also checked on the channel itself, against the fake, without Rasa."""
from __future__ import annotations

import asyncio
import json
import sqlite3
import time
from typing import Any, Dict, List, Optional
from urllib.parse import urlencode

import pytest

from bot import servers
from bot.channels import whatsapp
from bot.channels.messaging import ALLEEN_TEKST
from fake_whatsapp import PROFIEL_NAAM, FakeWhatsApp, bericht, klik, ondertekening, status, wamid, webhook
from kanalen import ACTIEPLAN, database_path, events, http, model_voor_kanalen, omgeving, rasa_url, senders

TOKEN = "EAAtest-permanent-token-voor-de-nep-api"
PHONE_NUMBER_ID = "109876543210987"
APP_SECRET = "app-geheim-van-de-test"
VERIFY_TOKEN = "verifieer-mij-alsjeblieft"
ID_KEY = "sleutel-voor-de-gesprek-ids"
WEBHOOK = "/webhooks/whatsapp/webhook"
# Fictional numbers, as WhatsApp writes them (country code, no +).
NUMMER = "31612345678"
PLANNER = "31611111111"
ANDER = "31622222222"
TRAAG = "31633333333"
KAPOT = "31644444444"
OUD = "31655555555"
VREEMD = "31666666666"
ALLE_NUMMERS = (NUMMER, PLANNER, ANDER, TRAAG, KAPOT, OUD, VREEMD)


@pytest.fixture(scope="module")
def fake():
    server = FakeWhatsApp(TOKEN, PHONE_NUMBER_ID).start()
    yield server
    server.stop()


@pytest.fixture(scope="module")
def rasa(fake, tmp_path_factory):
    tmp = tmp_path_factory.mktemp("whatsapp")
    with servers.own_ports(), omgeving(
            TRACKER_STORE_URL=f"sqlite:///{tmp / 'tracker.db'}", WHATSAPP_TOKEN=TOKEN,
            WHATSAPP_PHONE_NUMBER_ID=PHONE_NUMBER_ID, WHATSAPP_APP_SECRET=APP_SECRET,
            WHATSAPP_VERIFY_TOKEN=VERIFY_TOKEN, WHATSAPP_ID_KEY=ID_KEY, WHATSAPP_API_URL=fake.api_url):
        with servers.running(model_voor_kanalen(), log_dir=tmp):
            yield tmp


def gesprek(nummer: str) -> str:
    return whatsapp.gesprek_id(nummer, ID_KEY)


def post(payload: Any):
    """Post a webhook call as Meta does, signed with the app secret."""
    body = payload if isinstance(payload, bytes) else json.dumps(payload).encode()
    status_code, _, answer = http("POST", rasa_url(WEBHOOK), body,
                                  {whatsapp.SIGNATURE_HEADER: ondertekening(body, APP_SECRET)})
    return status_code, answer


def beurten(nummer: str) -> int:
    """User turns of the number's conversation that are done and stored."""
    stored = events(gesprek(nummer))
    klaar = bool(stored) and stored[-1].get("event") == "action" and stored[-1].get("name") == "action_listen"
    return sum(e["type"] == "user" for e in stored) if klaar else -1


def zeg(fake: FakeWhatsApp, nummer: str, payload: Dict[str, Any]) -> List[Dict[str, Any]]:
    """Post one message and return what the assistant sent in answer, once
    Rasa has stored the turn (it sends every message before that)."""
    voor, eerder = len(fake.messages_to(nummer)), beurten(nummer)
    assert post(payload) == (200, {"status": "success"})
    fake.wait_for(lambda: beurten(nummer) > eerder, settle_s=0.1)
    return fake.messages_to(nummer)[voor:]


def tekst(nummer: str, woorden: str, **kwargs: Any) -> Dict[str, Any]:
    return bericht(PHONE_NUMBER_ID, nummer, woorden, **kwargs)


def knoppen(message: Dict[str, Any]) -> List[Dict[str, Any]]:
    """The reply buttons (their `reply`) or list rows of an interactive message."""
    interactive = message.get("interactive") or {}
    action = interactive.get("action") or {}
    if interactive.get("type") == "button":
        return [b["reply"] for b in action["buttons"]]
    return [row for section in action.get("sections") or [] for row in section["rows"]]


def kies(nummer: str, message: Dict[str, Any], titel: str) -> Dict[str, Any]:
    keuze = next(k for k in knoppen(message) if k["title"] == titel)
    soort = "list_reply" if message["interactive"]["type"] == "list" else "button_reply"
    return klik(PHONE_NUMBER_ID, nummer, keuze, soort)


def inhoud(message: Dict[str, Any]) -> str:
    """What a text or an interactive message says."""
    if message["type"] == "text":
        return message["text"]["body"]
    return message["interactive"]["body"]["text"] if message["type"] == "interactive" else ""


def alle_tekst(messages: List[Dict[str, Any]]) -> str:
    return "\n".join(inhoud(m) for m in messages)


# ---- end to end ----

def test_start_checks_the_token_and_the_phone_number_id(rasa, fake):
    assert fake.wait_for(lambda: fake.calls_of("GET"), timeout_s=30)
    status_code, _, answer = http("GET", rasa_url("/webhooks/whatsapp/"))
    assert (status_code, answer) == (200, {"status": "ok"})


def test_the_verification_handshake_echoes_the_challenge_only_with_the_verify_token(rasa):
    def verifieer(**query: str):
        status_code, _, answer = http("GET", rasa_url(WEBHOOK) + "?" + urlencode(query))
        return status_code, answer

    challenge = "uitdaging-1158201444"
    assert verifieer(**{"hub.mode": "subscribe", "hub.verify_token": VERIFY_TOKEN,
                        "hub.challenge": challenge}) == (200, challenge)
    assert verifieer(**{"hub.mode": "subscribe", "hub.verify_token": "fout",
                        "hub.challenge": challenge})[0] == 403
    assert verifieer(**{"hub.mode": "unsubscribe", "hub.verify_token": VERIFY_TOKEN,
                        "hub.challenge": challenge})[0] == 403
    assert verifieer(**{"hub.mode": "subscribe", "hub.challenge": challenge})[0] == 403


def test_the_webhook_answers_at_once_and_the_greeting_comes_with_reply_buttons(rasa, fake):
    """The fake API is slow here: the webhook's 200 must not wait for the answers."""
    fake.vertraging = 2.0
    try:
        started = time.monotonic()
        assert post(tekst(NUMMER, "hallo")) == (200, {"status": "success"})
        assert time.monotonic() - started < 1.5
        messages = fake.wait_for(lambda: [m for m in fake.messages_to(NUMMER) if m["type"] == "interactive"])
        fake.wait_for(lambda: beurten(NUMMER) == 1)
    finally:
        fake.vertraging = 0.0
    greeting = alle_tekst(fake.messages_to(NUMMER))
    assert "digitale assistent, geen mens" in greeting
    assert "Je bent vrijwilliger" in greeting  # the role reached the dialogue
    assert messages[-1]["interactive"]["type"] == "button"
    assert [b["title"] for b in knoppen(messages[-1])] == ["Signalen herkennen", "Het gesprek beginnen",
                                                           "Alles wat ik kan"]
    assert fake.refused == []


def test_a_reply_button_sends_its_payload_and_seven_buttons_become_a_list(rasa, fake):
    greeting = [m for m in fake.messages_to(NUMMER) if m["type"] == "interactive"][-1]
    answer = zeg(fake, NUMMER, kies(NUMMER, greeting, "Alles wat ik kan"))
    lijst = answer[-1]["interactive"]
    assert lijst["type"] == "list" and lijst["action"]["button"] == whatsapp.LIJST_KNOP
    assert len(knoppen(answer[-1])) == 7
    assert [e["text"] for e in events(gesprek(NUMMER)) if e["type"] == "user"][-1] == "/wat_kun_je"
    assert fake.refused == []


def test_a_list_row_sends_its_payload(rasa, fake):
    lijst = [m for m in fake.messages_to(NUMMER) if m["type"] == "interactive"][-1]
    answer = zeg(fake, NUMMER, kies(NUMMER, lijst, "Signalen herkennen"))
    assert "signa" in alle_tekst(answer).lower()
    assert fake.refused == []


def test_a_knowledge_question_is_answered(rasa, fake):
    answer = zeg(fake, NUMMER, tekst(NUMMER, "waar let ik op bij eenzaamheid?"))
    assert "signa" in alle_tekst(answer).lower()
    assert all(len(m["text"]["body"]) <= whatsapp.TEXT_MAX_CHARS for m in answer if m["type"] == "text")


def test_the_conversation_is_stored_under_a_pseudonym_with_the_volunteer_role(rasa, fake):
    user_events = [e for e in events(gesprek(NUMMER)) if e["type"] == "user"]
    assert user_events and user_events[0]["text"] == "hallo"
    assert all(e["input_channel"] == "whatsapp" for e in user_events)
    assert all({k: e["metadata"].get(k) for k in ("kanaal", "rol")} == {"kanaal": "whatsapp", "rol": "vrijwilliger"}
               for e in user_events)
    assert not any(nummer in sender for sender in senders() for nummer in ALLE_NUMMERS)


def test_an_action_plan_arrives_as_a_document(rasa, fake):
    """The plan form of tests/test_aanpak_gesprek.py, with a button clicked
    where the assistant offers the answer as one."""
    stappen = ["ik wil een plan maken voor mijn buurman", "ja", "de bewoner", "Ik wil weer ergens bij horen",
               "hij hield vroeger de lijstjes bij van de sjoelclub", "zelf de sjoelclub bellen",
               "de dochter en een buurman", "bellen met de sjoelclub, door de bewoner, volgende week maandag",
               "samen naar de koffieochtend, door de buurman, over twee weken", "klaar", "over een maand",
               "de buurvrouw"]
    answer: List[Dict[str, Any]] = []
    for stap in stappen:
        vorige = answer[-1] if answer and answer[-1]["type"] == "interactive" else None
        if vorige is not None and any(k["title"] == stap for k in knoppen(vorige)):
            answer = zeg(fake, PLANNER, kies(PLANNER, vorige, stap))
        else:
            answer = zeg(fake, PLANNER, tekst(PLANNER, stap))
    [document] = [m["document"] for m in answer if m["type"] == "document"]
    assert document["filename"].startswith("actieplan-") and document["filename"].endswith(".md")
    assert document["caption"] == "Het actieplan als document."
    upload = fake.uploads()[-1]
    assert upload.naam == document["filename"] and upload.mime == "text/plain"
    assert upload.inhoud.decode("utf-8").startswith("# Persoonlijk actieplan voor de bewoner")
    assert fake.refused == []


def test_a_resent_message_is_handled_once(rasa, fake):
    body = tekst(NUMMER, "dank je")
    zeg(fake, NUMMER, body)
    handled = len(fake.messages_to(NUMMER))
    assert post(body) == (200, {"status": "duplicate"})
    time.sleep(1)
    assert len(fake.messages_to(NUMMER)) == handled
    assert sum(e.get("text") == "dank je" for e in events(gesprek(NUMMER))) == 1


@pytest.mark.parametrize("waarde", ["sent", "delivered", "read", "failed"])
def test_status_callbacks_are_accepted_and_ignored(rasa, fake, waarde):
    assert post(status(PHONE_NUMBER_ID, ANDER, waarde)) == (200, {"status": "ignored"})
    assert fake.messages_to(ANDER) == []
    assert events(gesprek(ANDER)) == []


@pytest.mark.parametrize("body", [b"dit is geen json", b"[1, 2]", b"{}", json.dumps(webhook(PHONE_NUMBER_ID)).encode(),
                                  json.dumps(bericht("999999999999999", ANDER, "hallo")).encode()])
def test_signed_posts_without_messages_for_this_number_get_200_and_are_ignored(rasa, fake, body):
    assert post(body) == (200, {"status": "ignored"})
    assert fake.messages_to(ANDER) == []


def test_posts_without_a_valid_signature_are_refused_and_touch_nothing(rasa, fake):
    body = tekst(ANDER, "hallo", message_id=wamid(ANDER))
    raw = json.dumps(body).encode()
    for header in (None, "sha256=" + "0" * 64, ondertekening(raw, "ander-geheim"),
                   ondertekening(raw + b" ", APP_SECRET), ondertekening(raw, APP_SECRET)[len("sha256="):]):
        headers = {whatsapp.SIGNATURE_HEADER: header} if header is not None else {}
        assert http("POST", rasa_url(WEBHOOK), raw, headers)[0] == 403
    time.sleep(1)
    assert fake.messages_to(ANDER) == []
    assert events(gesprek(ANDER)) == []
    # Not even its id was remembered: signed, the same message is answered.
    assert zeg(fake, ANDER, body)


def test_an_error_of_the_api_is_survived_and_later_messages_work(rasa, fake):
    fake.failing_numbers.add(KAPOT)
    try:
        assert post(tekst(KAPOT, "hallo")) == (200, {"status": "success"})
        assert fake.wait_for(lambda: fake.messages_to(KAPOT))  # it tried, and got a 500
    finally:
        fake.failing_numbers.discard(KAPOT)
    answer = zeg(fake, KAPOT, tekst(KAPOT, "waar let ik op bij eenzaamheid?"))
    assert "signa" in alle_tekst(answer).lower()
    status_code, _, health = http("GET", rasa_url("/webhooks/whatsapp/"))
    assert (status_code, health) == (200, {"status": "ok"})


def test_a_message_that_arrives_after_its_24_hour_window_is_not_answered(rasa, fake):
    log = rasa / "rasa.log"
    assert post(tekst(OUD, "hallo", timestamp=time.time() - 25 * 3600)) == (200, {"status": "success"})
    fake.wait_for(lambda: "24-hour window had closed" in log.read_text(errors="replace"), timeout_s=30)
    assert fake.messages_to(OUD) == []
    assert events(gesprek(OUD)) == []
    assert not any(nummer in log.read_text(errors="replace") for nummer in ALLE_NUMMERS)


def test_other_kinds_of_message_get_a_short_notice_and_reactions_nothing(rasa, fake):
    post(bericht(PHONE_NUMBER_ID, VREEMD, type="reaction", reaction={"message_id": wamid(VREEMD), "emoji": "👍"}))
    post(bericht(PHONE_NUMBER_ID, VREEMD, type="image", image={"id": "1234", "mime_type": "image/jpeg"}))
    assert fake.wait_for(lambda: fake.texts_to(VREEMD)) == [ALLEEN_TEKST]
    assert events(gesprek(VREEMD)) == []


def test_the_database_holds_no_phone_number_and_no_profile_name(rasa, fake):
    """Run last: after every conversation above."""
    with sqlite3.connect(database_path()) as db:
        dump = "\n".join(db.iterdump())
    assert "whatsapp" in dump and gesprek(NUMMER) in dump
    for nummer in ALLE_NUMMERS:
        for vorm in (nummer, "+" + nummer, "0" + nummer[2:], nummer[2:]):
            assert vorm not in dump, vorm
    naam = PROFIEL_NAAM.split()
    assert not any(deel in dump for deel in naam)
    assert "wamid" not in dump and wamid(NUMMER)[6:20] not in dump


def test_the_channel_is_off_until_every_secret_is_set():
    assert not whatsapp.WhatsAppInput.from_credentials({}).enabled
    alleen_token = whatsapp.WhatsAppInput.from_credentials({"access_token": TOKEN})
    assert not alleen_token.enabled
    assert alleen_token.ontbrekend() == ["WHATSAPP_PHONE_NUMBER_ID", "WHATSAPP_APP_SECRET",
                                         "WHATSAPP_VERIFY_TOKEN", "WHATSAPP_ID_KEY"]
    assert kanaal_zonder_server().enabled


# ---- the channel against the fake API, without Rasa ----

def kanaal_zonder_server(fake: Optional[FakeWhatsApp] = None, klok=time.time) -> whatsapp.WhatsAppInput:
    return whatsapp.WhatsAppInput(TOKEN, PHONE_NUMBER_ID, APP_SECRET, VERIFY_TOKEN, ID_KEY,
                                  api_url=fake.api_url if fake else whatsapp.API_URL, klok=klok)


def draai(kanaal: whatsapp.WhatsAppInput, *stappen) -> None:
    """Run the coroutines `stappen()` on one event loop, then close the session."""
    async def scenario() -> None:
        try:
            for stap in stappen:
                await stap()
        finally:
            await kanaal.api().sluit()

    asyncio.run(scenario())


def antwoord(kanaal: whatsapp.WhatsAppInput, nummer: str) -> whatsapp.WhatsAppAntwoord:
    """The output channel for `nummer`, whose user just wrote."""
    kanaal.geheugen.hoor(kanaal.gesprek_id(nummer), None)
    return kanaal.antwoord(nummer)


def test_buttons_become_reply_buttons_a_list_or_a_numbered_text(fake):
    kanaal = kanaal_zonder_server(fake)
    out = antwoord(kanaal, "31600000001")
    lang = "Vertel meer over signalen bij mensen met een licht verstandelijke beperking"
    drie = [{"title": lang, "payload": "/meer" + "x" * 300}, {"title": "Ja", "payload": "/ja"},
            {"title": "Nee", "payload": "/nee"}]
    zeven = [{"title": f"Keuze {i} met een titel die te lang is", "payload": f"/k{i}"} for i in range(7)]
    twaalf = [{"title": f"Keuze {i}", "payload": f"/k{i}"} for i in range(12)]
    draai(kanaal, lambda: out.send_text_with_buttons("wa-x", "Kies maar.", drie),
          lambda: out.send_text_with_buttons("wa-x", "Kies maar.", zeven),
          lambda: out.send_text_with_buttons("wa-x", "Kies maar.", twaalf))
    reply, lijst, genummerd = fake.messages_to("31600000001")
    assert [k["title"] for k in knoppen(reply)] == ["Vertel meer over…", "Ja", "Nee"]
    lang_id = knoppen(reply)[0]["id"]
    assert lang_id.startswith("k:") and kanaal.geheugen.knoppen.payload(lang_id, {}) == "/meer" + "x" * 300
    rijen = knoppen(lijst)
    assert rijen[0]["title"] == "Keuze 0 met een titel…" and rijen[0]["description"] == zeven[0]["title"]
    assert [r["id"] for r in rijen] == [f"/k{i}" for i in range(7)]
    assert genummerd["text"]["body"] == "Kies maar.\n\n" + "\n".join(
        f"{i + 1}. Keuze {i}" for i in range(12)) + "\n\nTyp het nummer van je keuze."
    assert fake.refused == []


def test_clashing_short_titles_fall_back_to_a_list_then_to_numbers():
    lijst = whatsapp.interactief("Kies.", [("Signalen bij ouderen thuis", "/a"),
                                           ("Signalen bij ouderen in zorg", "/b")])
    assert lijst is not None and lijst["type"] == "list"
    assert [r["title"] for r in lijst["action"]["sections"][0]["rows"]] == ["Signalen bij ouderen…",
                                                                            "Signalen bij ouderen in…"]
    assert whatsapp.interactief("Kies.", [("Een hele lange titel over iets A", "/a"),
                                          ("Een hele lange titel over iets B", "/b")]) is None


def test_long_texts_are_split_at_paragraphs_and_the_question_stays_with_the_buttons(fake):
    alinea = "Een zin over eenzaamheid en wat je kunt doen. " * 40  # about 1840 characters
    lang = "\n\n".join(f"{i}. {alinea.strip()}" for i in range(5))
    verder = [{"title": "Verder", "payload": "/verder"}]
    kanaal = kanaal_zonder_server(fake)
    out = antwoord(kanaal, "31600000002")
    draai(kanaal, lambda: out.send_text_message("wa-x", lang),
          lambda: out.send_text_with_buttons("wa-x", lang + "\n\nWil je verder?", verder),
          lambda: out.send_text_with_buttons("wa-x", lang, verder))
    sent = fake.messages_to("31600000002")
    assert [m["type"] for m in sent] == ["text"] * 3 + ["text"] * 3 + ["interactive"] + ["text"] * 3 + ["interactive"]
    teksten = [m["text"]["body"] for m in sent if m["type"] == "text"]
    assert [t[:2] for t in teksten[:3]] == ["0.", "2.", "4."]  # two paragraphs a message, cut between them
    assert "\n\n".join(teksten[:3]) == lang
    assert teksten[3:6] == teksten[6:9] == teksten[:3]
    # the question goes above the button; a paragraph too long for that is not cut
    assert [m["interactive"]["body"]["text"] for m in sent if m["type"] == "interactive"] == [
        "Wil je verder?", whatsapp.KIES]
    assert fake.refused == []


def test_a_number_typed_after_a_numbered_list_sends_that_buttons_payload(fake):
    kanaal = kanaal_zonder_server(fake)
    gehoord: List[str] = []

    async def rasa_stand_in(message) -> None:
        gehoord.append(message.text)
        if message.text == "toon de keuzes":
            await message.output_channel.send_text_with_buttons(
                message.sender_id, "Waarover?", [{"title": f"Onderwerp {i}", "payload": f"/onderwerp_{i}"}
                                                 for i in range(1, 13)])

    def stuur(woorden: str):
        [message] = kanaal.berichten(tekst("31600000003", woorden))
        return lambda: kanaal._verwerk(message, rasa_stand_in)

    draai(kanaal, stuur("toon de keuzes"), stuur("2"), stuur("2"), stuur("toon de keuzes"), stuur("13"))
    assert gehoord == ["toon de keuzes", "/onderwerp_2", "2", "toon de keuzes", "13"]


def test_the_24_hour_window_closes_a_day_after_the_users_last_message(fake, caplog):
    nu = [1_800_000_000.0]
    kanaal = kanaal_zonder_server(fake, klok=lambda: nu[0])
    out = antwoord(kanaal, "31600000004")
    nu[0] += 24 * 3600 - 60
    draai(kanaal, lambda: out.send_text_message("wa-x", "Nog net op tijd."))
    nu[0] += 120
    uploads = len(fake.uploads())
    with caplog.at_level("WARNING"):
        draai(kanaal, lambda: out.send_text_message("wa-x", "Te laat."),
              lambda: out.send_custom_json("wa-x", ACTIEPLAN))
    assert fake.texts_to("31600000004") == ["Nog net op tijd."] and len(fake.uploads()) == uploads
    assert "window is closed" in caplog.text and "31600000004" not in caplog.text
    kanaal.geheugen.hoor(kanaal.gesprek_id("31600000004"), nu[0] - 10)  # the user writes again
    draai(kanaal, lambda: out.send_text_message("wa-x", "Weer open."))
    assert fake.texts_to("31600000004")[-1] == "Weer open."


def test_a_document_is_uploaded_and_sent_as_a_document(fake):
    kanaal = kanaal_zonder_server(fake)
    out = antwoord(kanaal, "31600000005")
    draai(kanaal, lambda: out.send_custom_json("wa-x", ACTIEPLAN))
    [message] = fake.messages_to("31600000005")
    upload = fake.uploads()[-1]
    assert (upload.naam, upload.mime, upload.inhoud.decode("utf-8")) == (
        "actieplan-2026-11-23.md", "text/plain", ACTIEPLAN["markdown"])
    assert message["document"]["filename"] == "actieplan-2026-11-23.md"
    assert message["document"]["caption"] == "Het actieplan als document."
    assert fake.refused == []


def test_a_document_comes_as_text_when_the_upload_fails(fake):
    stappen = "\n\n".join(f"{i}. Een stap van het plan, met wie en wanneer: de bewoner en de buurman, in week {i}."
                          for i in range(1, 100))
    lang = {**ACTIEPLAN, "markdown": ACTIEPLAN["markdown"] + "\n## Stappen\n\n" + stappen + "\n"}
    kanaal = kanaal_zonder_server(fake)
    out = antwoord(kanaal, "31600000006")
    fake.failing_uploads = True
    try:
        draai(kanaal, lambda: out.send_custom_json("wa-x", lang))
    finally:
        fake.failing_uploads = False
    intro, *delen = fake.texts_to("31600000006")
    assert intro == "Het actieplan kon ik niet als bestand sturen. Hier staat het als tekst."
    assert len(delen) == 3 and all(len(deel) <= whatsapp.TEXT_MAX_CHARS for deel in delen)
    assert "\n\n".join(delen) == lang["markdown"].strip()  # cut between paragraphs, nothing lost
    assert [m for m in fake.messages_to("31600000006") if m["type"] == "document"] == []


def test_other_custom_payloads_send_their_text_or_nothing(fake):
    kanaal = kanaal_zonder_server(fake)
    out = antwoord(kanaal, "31600000007")
    draai(kanaal, *[lambda p=p: out.send_custom_json("wa-x", p) for p in (
        {"text": "Een gewone tekst."}, {"soort": "actieplan", "markdown": "  "}, {"iets": 1}, "los")])
    assert fake.texts_to("31600000007") == ["Een gewone tekst."]


def test_conversation_ids_are_keyed_hashes_of_the_number():
    assert gesprek(NUMMER) == whatsapp.gesprek_id("+31 6 12345678", ID_KEY) == whatsapp.gesprek_id("0612345678", ID_KEY)
    assert gesprek(NUMMER) != whatsapp.gesprek_id(NUMMER, ID_KEY + "x")
    assert gesprek(NUMMER).startswith("wa-") and NUMMER not in gesprek(NUMMER)


def test_the_command_line_prints_the_conversation_id(capsys):
    with omgeving(WHATSAPP_ID_KEY=ID_KEY):
        assert whatsapp.main(["gesprek", "+31612345678"]) == 0
    assert capsys.readouterr().out.strip() == gesprek(NUMMER)
    with omgeving(WHATSAPP_ID_KEY=""):
        assert whatsapp.main(["gesprek", "+31612345678"]) == 1
    assert whatsapp.main(["gesprek"]) == 2
