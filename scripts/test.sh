#!/usr/bin/env bash
# Install everything the test suite needs (Python venv, editors, the extension's npm
# packages) and run the whole suite: pytest, then the VS Code extension's unit tests and eslint.
# Extra arguments go to pytest.
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh test || exit 1
bash scripts/install-editors.sh || exit 1

.venv/bin/python -m pytest "$@"
rc=$?
# pytest exits 5 when nothing was collected (e.g. a -k filter): not a failure of the suite.
if [ $rc -eq 5 ]; then rc=0; fi

if [ -f vscode-extension/package.json ]; then
  (cd vscode-extension && npm ci --no-audit --no-fund --silent && npm test) || rc=1
  # eslint (typescript-eslint, type-checked) over the extension; runs even when a test failed.
  (cd vscode-extension && npm run --silent lint) || rc=1
fi
exit $rc
