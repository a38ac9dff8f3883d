"""Knowledge answers: the knowledge base of data/kennis (kennisbank.py: topics,
figures, help lines, sources, checked when loaded) and, in acties.py, the
answers to the knowledge intents with "Vertel meer" behind them."""
