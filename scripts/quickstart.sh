#!/usr/bin/env bash
# Install baes into .venv and run its main job offline (no LLM, no network):
#   1. scaffold a whole entity from a sentence into a fresh folder,
#   2. check the generated application (it passes),
#   3. evolve it with a second sentence: what was understood and the migration SQL first (dry run), then applied,
#   4. check the example files shipped in examples/ (seeded violations) and show the fixes.
# Usage: bash scripts/quickstart.sh [OUTPUT_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh
BAES=.venv/bin/baes
OUT="${1:-$(mktemp -d)/university}"
# Keep the quick start's recognition cache and metrics apart from the user's own.
export BAES_CACHE_DIR="${BAES_CACHE_DIR:-$(mktemp -d)}"

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "baes scaffold: a sentence becomes a FastAPI + SQLite + Streamlit + pytest entity in $OUT"
$BAES scaffold "Create a system to manage university students with name, email and GPA" --out "$OUT"

step "baes check on the generated application"
$BAES check "$OUT"

REQUEST="Students also need a phone number, default unknown"
step "baes scaffold --dry-run: evolving the app by sentence shows what was understood and the migration, writes nothing"
$BAES scaffold "$REQUEST" --out "$OUT" --dry-run 2>&1 | sed -n '1,/^would create/p; /^-- migration/,$p'

step "baes scaffold: the change applied (old rows get 'unknown'; the app migrates its database at start-up)"
$BAES scaffold "$REQUEST" --out "$OUT"
$BAES check "$OUT"

step "baes check examples/ (files with seeded standards violations; exit code 1 means findings)"
$BAES check examples/ --statistics || [ $? -eq 1 ]

step "baes fix --diff examples/student_api.py (safe fixes, nothing written)"
$BAES fix --diff examples/student_api.py || [ $? -eq 1 ]

step "baes explain DB001"
$BAES explain DB001

printf '\nDone. The generated app is in %s (pip install -r requirements.txt; pytest; uvicorn app.main:app).\n' "$OUT"
