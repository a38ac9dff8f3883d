"""The practice partner (issue 8): personas as data, the classification of a
trainee's moves, and the practice session with its feedback. Plain Python
without Rasa; the Rasa actions call `sessie.start`, `sessie.beurt` and
`sessie.feedback`. Data and format: data/oefenen/SCHEMA.md."""
from gedeeld import settings

OEFENEN_DIR = settings.DATA_DIR / "oefenen"
