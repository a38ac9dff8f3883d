"""Sending an `Antwoord` from the knowledge base through Rasa's dispatcher."""
from __future__ import annotations

from rasa_sdk.executor import CollectingDispatcher

from actions.kennisbank import Antwoord


def zeg(dispatcher: CollectingDispatcher, antwoord: Antwoord) -> None:
    buttons = [{"title": knop.titel, "payload": knop.payload} for knop in antwoord.knoppen]
    dispatcher.utter_message(text=antwoord.tekst, buttons=buttons or None)
