#!/usr/bin/env bash
# Install the real editors the end-to-end tests drive headless (Debian packages).
# Skips what is already there; needs root (CI and the dev machines run as root).
set -euo pipefail
need=()
command -v nvim >/dev/null 2>&1 || need+=(neovim)
command -v emacs >/dev/null 2>&1 || need+=(emacs-nox elpa-eglot)
if [ ${#need[@]} -eq 0 ]; then exit 0; fi
if [ "$(id -u)" != "0" ]; then
  echo "install-editors: not root; install ${need[*]} yourself (apt-get install --no-install-recommends ${need[*]}); the editor tests fail until then" >&2
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >/dev/null
apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
