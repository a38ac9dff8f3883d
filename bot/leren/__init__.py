"""Learning from use: the review inbox (`python -m bot.leerlus`) and the
insight report (`python -m bot.inzicht`), both read from the conversation
database without showing anyone's identity."""
