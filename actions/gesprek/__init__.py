"""The conversation as a whole: who is talking (rol.py) and, in acties.py, the
greeting with the privacy notice, the crisis routes in every state, and what
a new Rasa session keeps of the work on one person."""
