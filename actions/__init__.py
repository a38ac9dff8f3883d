"""The action server: one module per concern. Domain logic lives in plain
modules (kennisbank) that are tested without Rasa."""
