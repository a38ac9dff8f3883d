"""Interventions near the person: the catalogue, place resolution, search
and rendering, in plain Python without Rasa (issue 5).

What the dialogue calls:
- `bepaal_plaats(tekst)` → `PlaatsUitkomst`: a municipality from a name,
  variant, typo or postcode, or the Dutch question to ask instead;
- `zoek(gemeente, type=None, trede=None, doelgroep=None)` → `Zoekresultaat`;
- `render_overzicht(resultaat, vanaf=0, aantal=3)` and
  `render_interventie(treffer)` → chat text.
Data: data/interventies (format in SCHEMA.md). acties.py is the Rasa layer:
the place form and showing the offer.
"""
from actions.interventies.catalogus import CatalogusFout, Treffer, Zoekresultaat
from actions.interventies.dienst import (
           Dienst,
           Instellingen,
           bepaal_plaats,
           dienst,
           zoek,
)
from actions.interventies.plaats import Plaats, PlaatsUitkomst
from actions.interventies.weergave import render_interventie, render_overzicht

__all__ = ["CatalogusFout", "Dienst", "Instellingen", "Plaats", "PlaatsUitkomst", "Treffer", "Zoekresultaat",
           "bepaal_plaats", "dienst", "render_interventie", "render_overzicht", "zoek"]
