"""What the action server (actions/) and the runtime (bot/) both use, so
neither has to import the other: the settings from `.env` (settings.py),
taking identifying details out of text (redactie.py), the case-log store
(gespreksverslag.py) and the document payload every channel reads
(document.py). Imports neither `actions` nor `bot`."""
