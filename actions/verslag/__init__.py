"""The case log of a conversation: which moments are written and how the log
reads (logboek.py, plain Python; storage in gedeeld/gespreksverslag.py), and
in acties.py showing it on request and closing it after a goodbye."""
