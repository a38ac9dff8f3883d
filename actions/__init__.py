"""The action server: one module per concern. Domain logic lives in plain
modules (kennisbank, beoordeling) that are tested without Rasa."""
from actions.kennis.kennisbank import kennisbank

# Load and check the knowledge base when the action server starts, so a bad
# file stops it with the loader's message instead of failing a user's question.
kennisbank()
