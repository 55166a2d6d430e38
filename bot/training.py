"""Train the Rasa model when its inputs or the Swedish pipeline changed since the last model."""
from __future__ import annotations

import hashlib
import json
import subprocess
import sys
import time
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from bot import nlp
from bot.paths import DANGER_EXAMPLES_DIR, DANGER_FILE, DATA_DIR, MODELS_DIR, PROJECT_ROOT

MODEL_NAME = "vagvisaren"
MODEL_FILE = MODELS_DIR / f"{MODEL_NAME}.tar.gz"
STAMP_FILE = MODELS_DIR / f"{MODEL_NAME}.json"


def training_inputs(config: Path) -> list[Path]:
    """Every file whose change calls for a new model."""
    files = [config, PROJECT_ROOT / "domain.yml", DANGER_FILE]
    files += sorted((DATA_DIR / "nlu").glob("*.yml")) + sorted((DATA_DIR / "rules").glob("*.yml"))
    # The NLU components and what they read: the rule overrides, typed buttons, the situations.
    package = PROJECT_ROOT / "bot"
    files += [package / "rasa_adapters" / "components.py", package / "situations.py", package / "buttons.py",
              package / "conversation" / "lexicon.py", package / "conversation" / "phrases.py"]
    # The two classifiers and what the danger classifier learns from besides the NLU data.
    files += [package / "danger.py", package / "danger_model.py", package / "situation_model.py"]
    files += sorted(DANGER_EXAMPLES_DIR.glob("*.yml"))
    return files


def fingerprint(config: Path, pipeline: nlp.PipelineInfo) -> str:
    digest = hashlib.sha256(pipeline.identity.encode())
    for path in training_inputs(config):
        digest.update(str(path.relative_to(PROJECT_ROOT)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


@dataclass(frozen=True)
class ModelState:
    exists: bool
    up_to_date: bool
    trained_at: str | None
    pipeline: str | None
    seconds: float | None


def model_state(config: Path, pipeline: nlp.PipelineInfo) -> ModelState:
    if not MODEL_FILE.exists() or not STAMP_FILE.exists():
        return ModelState(MODEL_FILE.exists(), False, None, None, None)
    stamp = json.loads(STAMP_FILE.read_text(encoding="utf-8"))
    return ModelState(
        exists=True,
        up_to_date=stamp.get("fingerprint") == fingerprint(config, pipeline),
        trained_at=stamp.get("trained_at"),
        pipeline=stamp.get("pipeline"),
        seconds=stamp.get("seconds"),
    )


def rasa_train(config: Path, out_dir: Path, name: str, env: dict[str, str], quiet: bool = True) -> tuple[Path, float]:
    """`rasa train` on the project's data with `config`; the model file and the wall time in seconds."""
    out_dir.mkdir(parents=True, exist_ok=True)
    started = time.monotonic()
    command = [
        sys.executable, "-m", "bot.rasa_adapters.rasa_main", "train", "--config", str(config), "--domain", "domain.yml",
        "--data", "data/nlu", "data/rules", "--out", str(out_dir), "--fixed-model-name", name, "--force",
        # The data is validated on its own, with warnings as errors (`rasa data validate` in scripts/test.sh);
        # validating it again inside every training costs 5-9 s of the 60 s budget.
        "--skip-validation",
    ]
    subprocess.run(command, cwd=PROJECT_ROOT, env=env, check=True,
                   stdout=subprocess.DEVNULL if quiet else None, stderr=subprocess.STDOUT if quiet else None)
    return out_dir / f"{name}.tar.gz", time.monotonic() - started


def train(config: Path, env: dict[str, str], force: bool = False, quiet: bool = False) -> float | None:
    """Train if needed; return the training time in seconds, or None when the model was current."""
    pipeline = nlp.active_pipeline()
    state = model_state(config, pipeline)
    if state.up_to_date and not force:
        return None
    _, seconds = rasa_train(config, MODELS_DIR, MODEL_NAME, env, quiet=quiet)
    STAMP_FILE.write_text(json.dumps({
        "fingerprint": fingerprint(config, pipeline),
        "pipeline": pipeline.identity,
        "trained_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "seconds": round(seconds, 1),
    }, indent=2), encoding="utf-8")
    return seconds
