"""The review inbox: which messages are in it and how they are grouped
(bot/leren/inbox.py)."""
from __future__ import annotations

from bot.leren.gegevens import Bericht, Gesprek
from bot.leren.inbox import groepeer, items, redenen

NU = 1_000_000.0


def lemmas(tekst):
    return tekst.lower().replace(",", "").split()


def bericht(tekst, zekerheid=0.9, fallback=False, gecorrigeerd=False, intent="cijfers", tweede="typologie", t=NU):
    return Bericht(t, tekst, intent, zekerheid, tweede, tekst.startswith("/"), fallback, gecorrigeerd)


def test_niet_begrepen_onzeker_en_gecorrigeerd_komen_erin_knoppen_en_zekere_niet():
    assert redenen(bericht("achter de geraniums", 0.2, fallback=True), 0.5) == ["niet begrepen", "onzeker (0.20)"]
    assert redenen(bericht("tips huisbezoek", 0.9, gecorrigeerd=True), 0.5) == ["gecorrigeerd"]
    assert redenen(bericht("hoeveel mensen zijn eenzaam"), 0.5) == []
    assert redenen(bericht("/acute_zorg", 0.1, fallback=True), 0.5) == []


def test_alleen_de_laatste_dagen():
    gesprek = Gesprek("a", berichten=[bericht("oud", 0.1, t=NU - 40 * 86400), bericht("nieuw", 0.1)])
    assert [i.bericht.tekst for i in items([gesprek], dagen=30, nu=NU)] == ["nieuw"]


def test_gelijke_vragen_vormen_een_groep_met_aantal_en_voorspelde_intents():
    teksten = ["mijn buurman zit achter de geraniums", "hoe laat is het", "buurman zit hele dag achter de geraniums",
               "zit de hele dag achter de geraniums"]
    gesprek = Gesprek("a", berichten=[bericht(t, 0.2, fallback=True, t=NU + n) for n, t in enumerate(teksten)])
    groepen = groepeer(items([gesprek], nu=NU + 10), lemmas)
    assert [g.aantal for g in groepen] == [3, 1]
    assert [g.nummer for g in groepen] == [1, 2]
    assert (groepen[0].intent, groepen[0].tweede) == ("cijfers", "typologie")
    assert groepen[1].items[0].bericht.tekst == "hoe laat is het"
