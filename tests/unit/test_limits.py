"""The length cap of every channel (bot/channels/limits.py): what is read of
a long message and what the worker is told."""
import asyncio

from rasa.core.channels.channel import CollectingOutputChannel, UserMessage

from bot.channels import limits


def test_a_long_text_is_cut_at_a_space_so_no_word_is_cut_in_two():
    tekst = "ze belt met 0612345678 " * 200
    kort = limits.inkorten(tekst, 3000)
    assert len(kort) <= 3000 and tekst.startswith(kort + " ")


def test_a_text_without_spaces_is_cut_hard_and_a_short_one_stays():
    assert limits.inkorten("x" * 5000, 3000) == "x" * 3000
    assert limits.inkorten("hallo", 3000) == "hallo"


def test_a_long_message_is_read_up_to_the_cap_after_a_kind_notice(monkeypatch):
    monkeypatch.setenv("MAX_MESSAGE_CHARS", "3000")
    gelezen = []

    async def on_new_message(message):
        gelezen.append(message.text)
        await message.output_channel.send_text_message(message.sender_id, "antwoord")

    uit = CollectingOutputChannel()
    asyncio.run(limits.capped(on_new_message)(UserMessage("woord " * 4999 + "woord!", uit, "iemand")))
    assert [m["text"] for m in uit.messages] == [
        "Je bericht is erg lang (30.000 tekens). Ik lees alleen de eerste 3.000 tekens. "
        "Stuur de rest gerust in een volgend bericht; we gaan verder waar we waren.", "antwoord"]
    assert len(gelezen[0]) <= 3000


def test_a_message_within_the_cap_passes_unchanged():
    gelezen = []

    async def on_new_message(message):
        gelezen.append(message.text)

    asyncio.run(limits.capped(on_new_message)(UserMessage("hallo", CollectingOutputChannel(), "iemand")))
    assert gelezen == ["hallo"]


def test_a_conversation_over_the_rate_limit_gets_a_kind_notice_and_others_go_on(monkeypatch):
    monkeypatch.setenv("RATE_LIMIT_PER_MINUTE", "3")
    gelezen = []

    async def on_new_message(message):
        gelezen.append((message.sender_id, message.text))

    handle = limits.capped(on_new_message)
    uit = CollectingOutputChannel()

    async def scenario():
        for n in range(5):
            await handle(UserMessage(f"bericht {n}", uit, "snel"))
        await handle(UserMessage("hallo", uit, "rustig"))

    asyncio.run(scenario())
    assert gelezen == [("snel", "bericht 0"), ("snel", "bericht 1"), ("snel", "bericht 2"), ("rustig", "hallo")]
    assert [(m["recipient_id"], m["text"]) for m in uit.messages] == [("snel", limits.TE_SNEL)] * 2
    assert limits.TE_SNEL.startswith("Je stuurt veel berichten kort na elkaar.")


def test_the_rate_limit_counts_only_the_last_minute():
    nu = [1000.0]
    tempo = limits.Tempo(klok=lambda: nu[0])
    assert [tempo.te_snel("a", 2) for _ in range(3)] == [False, False, True]
    nu[0] += 61
    assert tempo.te_snel("a", 2) is False
    assert list(tempo.tijden) == ["a"]
