#!/usr/bin/env bash
# Build the VS Code extension's .vsix in one command:
#   bash scripts/build-vsix.sh
# 1. bundles the TypeScript with esbuild (dist/extension.js; no node_modules in the .vsix);
# 2. installs the baes server and its Python dependencies into vscode-extension/bundled/libs/pyXY,
#    once per Python version (compiled dependencies differ per version), for one platform;
# 3. packages with @vscode/vsce as a platform-specific .vsix (as Microsoft's Python tool extensions do).
# Environment:
#   BAES_VSIX_TARGET      VS Code target: linux-x64 (default), linux-arm64, darwin-x64, darwin-arm64, win32-x64
#   BAES_BUNDLE_PYTHONS   Python versions to bundle for (default "3.11 3.12 3.13")
#   PYTHON                the Python that runs pip (default: .venv/bin/python, else python3)
#   BAES_VSIX_OUT         output file (default: vscode-extension/baes-<target>-<version>.vsix)
# Prints the .vsix path on its last line.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
EXT="$ROOT/vscode-extension"
TARGET="${BAES_VSIX_TARGET:-linux-x64}"
PYVERSIONS="${BAES_BUNDLE_PYTHONS:-3.11 3.12 3.13}"
if [ -z "${PYTHON:-}" ]; then
  if [ -x "$ROOT/.venv/bin/python" ]; then PYTHON="$ROOT/.venv/bin/python"; else PYTHON=python3; fi
fi
log() { echo "build-vsix: $*" >&2; }

case "$TARGET" in
  linux-x64) PLATFORMS=(manylinux2014_x86_64 manylinux_2_17_x86_64 manylinux_2_28_x86_64 linux_x86_64) ;;
  linux-arm64) PLATFORMS=(manylinux2014_aarch64 manylinux_2_17_aarch64 manylinux_2_28_aarch64) ;;
  darwin-x64) PLATFORMS=(macosx_10_12_x86_64 macosx_10_13_x86_64 macosx_11_0_x86_64) ;;
  darwin-arm64) PLATFORMS=(macosx_11_0_arm64 macosx_12_0_arm64) ;;
  win32-x64) PLATFORMS=(win_amd64) ;;
  *) log "unsupported BAES_VSIX_TARGET '$TARGET'"; exit 2 ;;
esac

cd "$EXT"
VERSION="$(node -p 'require("./package.json").version')"
OUT="${BAES_VSIX_OUT:-$EXT/baes-$TARGET-$VERSION.vsix}"

# 1. TypeScript: type-check, then one minified bundle.
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  log "npm ci"
  npm ci --no-audit --no-fund --silent
fi
log "type-check and bundle"
npm run --silent typecheck
node esbuild.mjs --production

# 2. The Python server, per Python version, for the target platform.
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
log "building the baes wheel"
"$PYTHON" -m pip wheel --quiet --no-deps --wheel-dir "$WORK/wheel" "$ROOT"
WHEEL="$(ls "$WORK"/wheel/baes-*.whl)"
rm -rf bundled
mkdir -p bundled/tool bundled/libs
cp python/lsp_server.py bundled/tool/lsp_server.py
platform_args=()
for p in "${PLATFORMS[@]}"; do platform_args+=(--platform "$p"); done
built=()
for v in $PYVERSIONS; do
  dest="bundled/libs/py${v/./}"
  log "bundling the server for Python $v ($TARGET)"
  # (grep drops the warnings some pip configurations print for every unreachable find-links folder)
  if "$PYTHON" -m pip install --quiet --disable-pip-version-check --no-compile --target "$dest" \
      --python-version "$v" --implementation cp --only-binary=:all: "${platform_args[@]}" "$WHEEL" \
      2> >(grep -v "^WARNING: Location .* is ignored" >&2); then
    # Console scripts point at the build machine's Python; tests of the dependencies are not needed.
    rm -rf "$dest/bin"
    find "$dest" \( -name __pycache__ -o -name tests \) -type d -prune -exec rm -rf {} +
    built+=("$v")
  else
    log "no wheels for Python $v on $TARGET: skipped"
    rm -rf "$dest"
  fi
done
if [ ${#built[@]} -eq 0 ]; then
  log "the server could not be bundled for any Python version"
  exit 1
fi
log "bundled for Python ${built[*]} ($(du -sh bundled | cut -f1))"

# 3. Package: vsce packages everything but bundled/libs (see .vscodeignore), which is then added
#    to the archive directly (vsce takes over ten minutes to read ~11,000 small files).
log "packaging $OUT"
rm -f "$OUT"
npx vsce package --no-dependencies --allow-missing-repository --target "$TARGET" --out "$OUT" >&2
"$PYTHON" "$ROOT/scripts/vscode-vsix-add-libs.py" "$OUT" bundled/libs
log "done: $(du -h "$OUT" | cut -f1)"
echo "$OUT"
