"""The report and the inbox as HTML (bot/leren/weergave.py): self-contained,
a chart and a table per section, hidden cells as "< 5", no message text in
the report."""
from __future__ import annotations

import re
from datetime import date, datetime, timezone

from bot.leren.gegevens import Bericht, Gesprek
from bot.leren.inbox import Groep, Item
from bot.leren.rapport import maak
from bot.leren.weergave import inbox_html, rapport_html

T = datetime(2026, 11, 3, 9, tzinfo=timezone.utc).timestamp()
GEHEIM = "mijn buurvrouw zit de hele dag achter de geraniums"


def test_het_rapport_is_een_zelfstandig_bestand_zonder_berichttekst():
    gesprekken = [Gesprek(f"g{n}", "telegram" if n < 2 else "socketio", "sociaal werker",
                          [Bericht(T, GEHEIM, "casus_beschrijven", 0.9, "cijfers", False)]) for n in range(7)]
    pagina = rapport_html(maak(gesprekken, [], date(2026, 11, 1), date(2026, 11, 30)))
    assert GEHEIM not in pagina and "geraniums" not in pagina
    assert "<script" not in pagina and not re.search(r'(src|href)="(?!data:)', pagina)
    assert pagina.count("<table>") == pagina.count("<section>") == 11
    assert pagina.count('src="data:image/png;base64,') == 7  # sections without data have no chart
    assert pagina.index('class="privacy"') < pagina.index("<h1>")
    assert "<td>&lt; 5</td>" in pagina and "< 5" not in pagina  # telegram's two, hidden and escaped


def test_de_inbox_toont_groepen_met_geescapete_teksten():
    groep = Groep(1, [Item(Bericht(T, "<b>mevrouw [NAAM]</b> is alleen", "cijfers", 0.2, "typologie", False, True),
                           ["niet begrepen"])])
    pagina = inbox_html([groep], 30, 0.5)
    assert "Groep 1: 1 bericht" in pagina and "Voorspelde intent: cijfers; daarna: typologie" in pagina
    assert "&lt;b&gt;mevrouw [NAAM]&lt;/b&gt;" in pagina
    assert "De inbox is leeg" in inbox_html([], 30, 0.5)
