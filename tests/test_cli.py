"""The `bot` command: a broken file at start stops it with file and line; doctor names the pipeline."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys

from bot import paths
from bot.checks import check_config_files


def run_bot(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "bot.cli", *args], capture_output=True, text=True,
                          cwd=paths.PROJECT_ROOT, env={**os.environ, **(env or {})}, timeout=120)


def broken_data_copy(tmp_path, file_name: str, old: str, new: str):
    target = tmp_path / "data"
    shutil.copytree(paths.DATA_DIR, target)
    path = target / file_name
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return target, path, text[: text.index(old)].count("\n") + 1


def test_run_refuses_to_start_with_a_broken_resource_file(tmp_path):
    data, path, line = broken_data_copy(tmp_path, "resources/botkyrka.yml", "kind: coordinator", "kind: samordnare")
    result = run_bot("run", env={"VAGVISAREN_DATA_DIR": str(data)})
    assert result.returncode == 1
    assert f"{path}:{line}: fel: kind: okänd sort 'samordnare'" in result.stderr


def test_run_refuses_to_start_with_invalid_yaml_in_routing(tmp_path):
    data, path, line = broken_data_copy(tmp_path, "routing.yml", "  - id: info_sig\n", "  - id: info_sig\n   x: [\n")
    result = run_bot("run", env={"VAGVISAREN_DATA_DIR": str(data)})
    assert result.returncode == 1 and str(path) in result.stderr and "ogiltig YAML" in result.stderr


def test_resources_check_exits_non_zero_on_error(tmp_path):
    data, path, line = broken_data_copy(tmp_path, "resources/national.yml", 'number: "112"', 'number: "ring"')
    result = run_bot("resources", "check", env={"VAGVISAREN_DATA_DIR": str(data)})
    assert result.returncode == 1 and f"{path}:{line}" in result.stdout and "phones.number" in result.stdout


def test_broken_rasa_config_is_named_with_its_line(tmp_path):
    for name in ("config.yml", "domain.yml", "endpoints.yml", "credentials.yml"):
        shutil.copy(paths.PROJECT_ROOT / name, tmp_path / name)
    (tmp_path / "config.yml").write_text("language: sv\npipeline:\n  - name: [oops\n", encoding="utf-8")
    [problem] = check_config_files(tmp_path)
    assert problem.path == tmp_path / "config.yml" and problem.line >= 3


def test_doctor_names_the_swedish_pipeline():
    result = run_bot("doctor")
    assert "Swedish spaCy" in result.stdout
    assert "sv_vagvisaren_offline" in result.stdout or "sv_core_news_sm" in result.stdout
    assert "Telemetry       off" in result.stdout
