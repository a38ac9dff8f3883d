"""The phased approach (inzicht, erkenning, eigen verhaal, motivatie,
persoonlijk actieplan): the walk as a JSON state changed by pure functions and
each phase rendered for the type (fasen.py); acties.py starts, shows, moves,
pauses and resumes it in the dialogue."""
