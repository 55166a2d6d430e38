#!/usr/bin/env bash
# The whole test suite: lint and types, data checks, the routing coverage matrix, Rasa's validation,
# training, Rasa's story tests, unit and end-to-end tests. The README and CI run exactly this.
set -euo pipefail
cd "$(dirname "$0")/.."
export RASA_TELEMETRY_ENABLED=false TF_CPP_MIN_LOG_LEVEL=3 SQLALCHEMY_SILENCE_UBER_WARNING=1 PYTHONWARNINGS=ignore

scripts/setup.sh --dev

echo "== ruff and mypy"
.venv/bin/ruff check bot actions tests scripts bench
.venv/bin/mypy

echo "== bot resources check"
.venv/bin/bot resources check

echo "== bot resources coverage (every situation × writer × area; writes docs/vagval.md)"
.venv/bin/bot resources coverage --output .cache/vagval.md

echo "== rasa data validate --fail-on-warnings"
.venv/bin/rasa data validate --fail-on-warnings --data data/nlu data/rules --domain domain.yml --config config.yml 2>&1 \
  | grep -vE "Warning|warn\(|^\s*$|DeprecationWarning|  [a-zA-Z_]+ = |declarative_base" || true
.venv/bin/rasa data validate --fail-on-warnings --data data/nlu data/rules --domain domain.yml --config config.yml >/dev/null 2>&1

echo "== bot train (only if data, config or the Swedish pipeline changed)"
.venv/bin/bot train

echo "== rasa test: stories in tests/stories"
rm -rf results
.venv/bin/rasa test core --stories tests/stories --model models/vagvisaren.tar.gz --endpoints endpoints.yml \
  --fail-on-prediction-errors --out results >/dev/null 2>results.log || { tail -40 results.log; cat results/failed_test_stories.yml 2>/dev/null; exit 1; }
echo "story tests: all stories predicted correctly"

echo "== pytest"
.venv/bin/python -m pytest "$@"
