#!/usr/bin/env bash
# Prepare the project on this machine: Python 3.10 virtual environment with the pinned tree,
# the project itself, and (with --dev) the test tools and the Debian packages the tests use.
# Safe to run again: it skips what is already in place. pip's and apt's output goes to
# .cache/logs/setup.log; the terminal gets one line per step (and the end of the log if a step fails).
set -euo pipefail
cd "$(dirname "$0")/.."

DEV=0
[ "${1:-}" = "--dev" ] && DEV=1
LOG=.cache/logs/setup.log
mkdir -p "$(dirname "$LOG")"

quietly() {
  if ! "$@" >>"$LOG" 2>&1; then
    echo "Misslyckades: $* (slutet av $LOG nedan)" >&2
    tail -n 30 "$LOG" >&2
    exit 1
  fi
}

find_python310() {
  local candidate
  for candidate in python3.10 "$HOME"/.pyenv/versions/3.10*/bin/python3.10 /usr/local/bin/python3.10 /usr/bin/python3.10; do
    if command -v "$candidate" >/dev/null 2>&1 && "$candidate" -c 'import sys; assert sys.version_info[:2] == (3, 10)' 2>/dev/null; then
      command -v "$candidate"
      return 0
    fi
  done
  return 1
}

stamp_of() { cat "$@" | sha256sum | cut -d' ' -f1; }

if [ ! -x .venv/bin/python ]; then
  PYTHON=$(find_python310) || {
    echo "Python 3.10 saknas. Rasa 3.6 kräver Python 3.8–3.10: installera python3.10 och kör igen." >&2
    exit 1
  }
  echo "Skapar .venv med $PYTHON"
  "$PYTHON" -m venv .venv
fi

wanted=$(stamp_of requirements.lock pyproject.toml)
if [ "$(cat .venv/.installed 2>/dev/null)" != "$wanted" ]; then
  echo "Installerar det låsta beroendeträdet (requirements.lock; logg: $LOG) …"
  quietly .venv/bin/python -m pip install --disable-pip-version-check "pip==24.2"
  quietly .venv/bin/python -m pip install --disable-pip-version-check -r requirements.lock
  quietly .venv/bin/python -m pip install --disable-pip-version-check --no-deps -e .
  echo "$wanted" > .venv/.installed
fi

if [ "$DEV" = 1 ]; then
  wanted_dev=$(stamp_of requirements.lock requirements-dev.lock pyproject.toml)
  if [ "$(cat .venv/.installed-dev 2>/dev/null)" != "$wanted_dev" ]; then
    echo "Installerar testverktygen (requirements-dev.lock; logg: $LOG) …"
    quietly .venv/bin/python -m pip install --disable-pip-version-check -r requirements-dev.lock
    echo "$wanted_dev" > .venv/.installed-dev
  fi
  missing=()
  command -v chromium >/dev/null 2>&1 || missing+=(chromium)
  command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
  # Debian puts haproxy in /usr/sbin, which is not on every user's PATH.
  command -v haproxy >/dev/null 2>&1 || [ -x /usr/sbin/haproxy ] || missing+=(haproxy)
  if [ ${#missing[@]} -gt 0 ]; then
    echo "Installerar Debian-paket: ${missing[*]} (logg: $LOG)"
    SUDO=""
    [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    quietly $SUDO apt-get update -qq
    quietly $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
  fi
fi
