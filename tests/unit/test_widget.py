"""The widget channel's pieces that need no server: which conversation ids
a widget may use, and the history it gets back after a reload."""
from rasa.shared.core.events import (
    ActionExecuted,
    BotUttered,
    SessionStarted,
    SlotSet,
    UserUttered,
)

from bot.channels.widget import geldige_sessie, geschiedenis, verlopen


def test_only_the_widgets_own_ids_are_accepted():
    assert geldige_sessie("0123456789abcdef0123456789abcdef")
    for other in ("4242", "tg-0123456789abcdef0123456789abcdef", "rest-test", "0123456789ABCDEF0123456789ABCDEF",
                  "0123456789abcdef0123456789abcdef\n", None, 42, ""):
        assert not geldige_sessie(other), other


def test_history_shows_what_the_user_saw():
    knoppen = [{"title": "Signalen herkennen", "payload": "/signalen_herkennen"},
               {"title": "Vertel meer", "payload": '/meer_vertellen{"onderwerp":"signalen"}'}]
    history = geschiedenis([
        SessionStarted(), ActionExecuted("action_listen"),
        UserUttered("/begroeten"),  # the widget's own opening: not shown
        BotUttered("Hallo!\n\nWaar wil je mee beginnen?", data={"buttons": knoppen}),
        UserUttered("/signalen_herkennen"),  # a click: shown as the button's title
        SlotSet("x", 1),
        BotUttered("Signalen zijn:\n- weinig contact\n- somberheid", data={}),
        UserUttered("mevrouw [NAAM] is <b>eenzaam</b>"),
        BotUttered(None, data={"buttons": knoppen[:1]}),
        UserUttered('/meer_vertellen{"onderwerp":"signalen"}'),  # not a button of the answer before: left out
    ])
    assert history == [
        {"van": "assistent", "text": "Hallo!"},
        {"van": "assistent", "text": "Waar wil je mee beginnen?", "quick_replies": [
            {"content_type": "text", **k} for k in knoppen]},
        {"van": "gebruiker", "text": "Signalen herkennen"},
        {"van": "assistent", "text": "Signalen zijn:\n- weinig contact\n- somberheid"},
        {"van": "gebruiker", "text": "mevrouw [NAAM] is <b>eenzaam</b>"},
        {"van": "assistent", "text": "", "quick_replies": [{"content_type": "text", **knoppen[0]}]},
    ]


def test_history_is_bounded():
    events = [UserUttered(f"vraag {i}") for i in range(500)]
    history = geschiedenis(events)
    assert len(history) == 200 and history[-1]["text"] == "vraag 499"


def test_history_brings_back_custom_payloads_such_as_documents():
    """The widget shows a document again as a card after a reload
    (tests/widget_browser.mjs); here the channel's part: the payload comes
    back as it was sent, `{"custom": ...}`, after the text before it."""
    document = {"soort": "actieplan", "bestandsnaam": "actieplan-2026-11-23.md", "mime": "text/markdown",
                "markdown": "# Persoonlijk actieplan\n\n## Doel\n"}
    history = geschiedenis([
        BotUttered("Hier is het actieplan.", data={"custom": document}),
        BotUttered(None, data={"custom": "geen object"}),
    ])
    assert history == [{"van": "assistent", "text": "Hier is het actieplan."},
                       {"van": "assistent", "custom": document}]


def test_a_session_older_than_the_session_expiry_is_not_replayed():
    events = [UserUttered("hallo", timestamp=1000.0), BotUttered("Dag!", timestamp=1001.0)]

    assert verlopen(events, 120, nu=1001.0 + 119 * 60) is False
    assert verlopen(events, 120, nu=1001.0 + 121 * 60) is True
    assert verlopen(events, 0, nu=1001.0 + 10**9) is False  # sessions that never expire
    assert verlopen([], 120, nu=10**9) is False
