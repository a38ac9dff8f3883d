"""Recognising isolation in one person: reading a worker's description and
answers (casus.py), the first picture with type, rung, experience and urgency
(beoordeling.py), and the De Jong Gierveld short scale (schaal.py). acties.py
is the Rasa layer: the signalering and scale forms and the picture."""
