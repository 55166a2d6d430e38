"""Thin adapters that plug the bot package into the Rasa server (NLU components, channel, stores, logging)."""
