"""The practice partner: personas as data (personas.py), the classification of a
trainee's moves (zetten.py), the session turn by turn (beurt.py), its feedback
(feedback.py), the session as a document (export.py) and a group summary for
trainers (groep.py); all plain Python. acties.py is the Rasa layer: choosing a
persona, the role play and the feedback. Data and format: data/oefenen/SCHEMA.md."""
from gedeeld import settings

OEFENEN_DIR = settings.DATA_DIR / "oefenen"
