"""The trained model records its inputs and the Swedish pipeline; a change of either calls for retraining."""
from __future__ import annotations

import json
import shutil
import uuid

from bot import nlp, training
from bot.paths import PROJECT_ROOT


def test_a_different_swedish_pipeline_changes_the_fingerprint():
    config = PROJECT_ROOT / "config.yml"
    offline = nlp.PipelineInfo("sv_vagvisaren_offline", "3.7.5+abc", "/x", "offline")
    full = nlp.PipelineInfo("sv_core_news_sm", "3.7.0", "sv_core_news_sm", "full")
    assert training.fingerprint(config, offline) != training.fingerprint(config, full)
    assert training.fingerprint(config, offline) == training.fingerprint(config, offline)


def test_model_state_is_out_of_date_after_a_pipeline_change(tmp_path, monkeypatch):
    model, stamp = tmp_path / "vagvisaren.tar.gz", tmp_path / "vagvisaren.json"
    model.write_bytes(b"model")
    config = PROJECT_ROOT / "config.yml"
    trained_with = nlp.PipelineInfo("sv_vagvisaren_offline", "1", "/x", "offline")
    stamp.write_text(json.dumps({"fingerprint": training.fingerprint(config, trained_with),
                                 "pipeline": trained_with.identity}))
    monkeypatch.setattr(training, "MODEL_FILE", model)
    monkeypatch.setattr(training, "STAMP_FILE", stamp)
    assert training.model_state(config, trained_with).up_to_date
    now_active = nlp.PipelineInfo("sv_core_news_sm", "3.7.0", "sv_core_news_sm", "full")
    state = training.model_state(config, now_active)
    assert state.exists and not state.up_to_date and state.pipeline == trained_with.identity


def test_a_new_danger_example_set_changes_the_fingerprint(monkeypatch):
    # The danger classifier learns from bot/data/danger_examples/ too: a set added there calls for a new model.
    config = PROJECT_ROOT / "config.yml"
    pipeline = nlp.PipelineInfo("sv_vagvisaren_offline", "1", "/x", "offline")
    # Inside the project, as the fingerprint names its inputs relative to it.
    examples = PROJECT_ROOT / ".cache" / f"danger_examples_{uuid.uuid4().hex}"
    examples.mkdir(parents=True)
    monkeypatch.setattr(training, "DANGER_EXAMPLES_DIR", examples)
    try:
        (examples / "a.yml").write_text("messages: []\n", encoding="utf-8")
        before = training.fingerprint(config, pipeline)
        (examples / "b.yml").write_text("messages: [{text: 'nu skjuter de', danger: true}]\n", encoding="utf-8")
        assert training.fingerprint(config, pipeline) != before
    finally:
        shutil.rmtree(examples)
