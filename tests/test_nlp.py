"""The Swedish pipeline: which one is active, and the lemma corrections of the offline build."""
from __future__ import annotations

import pytest

from bot import nlp


def test_active_pipeline_is_named():
    info = nlp.active_pipeline()
    assert info.name in (nlp.FULL_PIPELINE, nlp.OFFLINE_PIPELINE)
    assert info.identity.startswith(info.name + "==")


@pytest.fixture(scope="module")
def offline_pipeline(tmp_path_factory):
    """The offline build, whichever pipeline is active (its corrections are tested even with sv_core_news_sm)."""
    import spacy

    return spacy.load(nlp.build_offline_pipeline(tmp_path_factory.mktemp("sv") / "offline"))


@pytest.mark.parametrize(("word", "lemma"), [("son", "son"), ("har", "ha"), ("med", "med"), ("han", "han"),
                                             ("en", "en"), ("min", "min"), ("killar", "kille"), ("knivar", "kniv")])
def test_offline_lemmas_are_corrected(offline_pipeline, word, lemma):
    assert [t.lemma_ for t in offline_pipeline(word)] == [lemma]


def test_offline_pipeline_rebuilds_when_the_correction_table_changes(tmp_path, monkeypatch):
    target = tmp_path / "pipe"
    nlp.build_offline_pipeline(target)
    first = (target / "meta.json").read_text()
    assert nlp.ensure_offline_pipeline(target) == target and (target / "meta.json").read_text() == first
    monkeypatch.setattr(nlp, "_offline_version", lambda: "changed")
    nlp.ensure_offline_pipeline(target)
    assert '"version":"changed"' in (target / "meta.json").read_text().replace(" ", "")


def test_lemmas_are_case_insensitive():
    assert nlp.lemmas("Killar") == nlp.lemmas("killar")
