#!/usr/bin/env bash
# Create .venv (if needed) and install baes into it, with the test extras when asked:
#   bash scripts/install.sh          # baes only
#   bash scripts/install.sh test     # baes + everything the test suite needs
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
  .venv/bin/python -m pip install --quiet --upgrade pip
fi
if [ "${1:-}" = "test" ]; then
  .venv/bin/python -m pip install --quiet -e ".[test]"
else
  .venv/bin/python -m pip install --quiet -e .
fi
