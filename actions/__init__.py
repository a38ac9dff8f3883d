"""The action server: one package per feature (kennis, signalering,
interventies, aanpak, plan, oefenen, verslag, gesprek) plus shared helpers
(algemeen). In each package the domain logic is plain Python, tested without
Rasa, and one module, acties.py, is the Rasa layer: the only place that
imports rasa_sdk. See docs/architectuur.md."""
from actions.kennis.kennisbank import kennisbank

# Load and check the knowledge base when the action server starts, so a bad
# file stops it with the loader's message instead of failing a user's question.
kennisbank()
