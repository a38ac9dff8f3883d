"""Which custom payloads are documents, and the file names the channels give
them (bot/channels/document.py; the widget has the same rules in
web/widget/widget.js and is checked in tests/widget_browser.mjs)."""
import pytest

from bot.channels.document import Document, lees, veilige_bestandsnaam

MARKDOWN = "# Persoonlijk actieplan\n\n## Doel\n"


@pytest.mark.parametrize("naam,verwacht", [
    ("actieplan-2026-11-23.md", "actieplan-2026-11-23.md"),
    ("oefenverslag_2026-11-23.MD", "oefenverslag_2026-11-23.md"),
    ("../../etc/passwd", "passwd.md"),
    ("..\\..\\mijn verslag?.txt", "mijn-verslag-.txt.md"),
    (".verborgen", "verborgen.md"),
    ("plan van mevrouw <b>x</b>", "b.md"),
    ("café één.md", "caf-n.md"),
    ("x" * 200 + ".md", "x" * 80 + ".md"),
])
def test_file_names_are_safe_and_end_in_md(naam, verwacht):
    assert veilige_bestandsnaam(naam) == verwacht


@pytest.mark.parametrize("naam", [None, "", "...", "/", ".md", 42])
def test_an_empty_or_unusable_name_becomes_the_kind_of_document(naam):
    assert veilige_bestandsnaam(naam, "actieplan") == "actieplan.md"
    assert veilige_bestandsnaam(naam, "../iets") == "document.md"


def test_a_payload_with_markdown_is_a_document():
    document = lees({"soort": "oefenverslag", "bestandsnaam": "verslag.md", "mime": "text/markdown",
                     "markdown": MARKDOWN})
    assert document == Document("oefenverslag", "verslag.md", MARKDOWN)
    assert document.bijschrift == "Het verslag van je oefengesprek als document."
    assert document.kop == "Document: verslag.md"
    assert document.als_tekst == ("Het verslag van je oefengesprek kon ik niet als bestand sturen. "
                                  "Hier staat het als tekst.")
    actieplan = lees({"soort": "actieplan", "markdown": MARKDOWN})
    assert actieplan is not None
    assert actieplan.bijschrift == "Het actieplan als document."
    assert lees({"markdown": MARKDOWN}) == Document("", "document.md", MARKDOWN)
    onbekend = lees({"soort": ["lijst"], "markdown": MARKDOWN})
    assert onbekend is not None
    assert (onbekend.naam, onbekend.bijschrift) == ("Het document", "Hier is het document.")


@pytest.mark.parametrize("payload", [None, "tekst", [MARKDOWN], {}, {"text": "hallo"}, {"markdown": "  \n"},
                                     {"markdown": 42}, {"soort": "actieplan", "bestandsnaam": "a.md"}])
def test_other_payloads_are_not_documents(payload):
    assert lees(payload) is None
