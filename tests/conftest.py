"""Shared fixtures: the shipped data, loaded once."""
from __future__ import annotations

import os

import pytest

os.environ.setdefault("RASA_TELEMETRY_ENABLED", "false")


@pytest.fixture(scope="session")
def gazetteer():
    from bot.places import default_gazetteer

    return default_gazetteer()


@pytest.fixture(scope="session")
def guide():
    from bot import nlp
    from bot.guide import Guide

    return Guide(lemmatize=nlp.lemmas)
