"""Helpers every feature package shares: Dutch text lists and normalising
(tekst.py), reading a data file with a Dutch error (yamlbestand.py),
collecting every problem of a schema check (controle.py), and, for the Rasa
layer, the factory of a form's ask actions (acties.py)."""
