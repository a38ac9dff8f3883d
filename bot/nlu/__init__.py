"""Custom NLU components of this assistant's pipeline (config.yml)."""
