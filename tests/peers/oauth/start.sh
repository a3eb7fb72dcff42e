#!/usr/bin/env bash
# Starts the real OAuth server peer (oidc-provider) on 127.0.0.1:$OIDC_PORT (default 9090) and writes
# state/env (OAUTH_ISSUER=...) for tests/e2e/test_oauth_loopback.py. Refuses a port that is taken.
# A second instance: OIDC_PORT=9091 OAUTH_STATE=/tmp/x ./start.sh (stop it with the same OAUTH_STATE).
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"; export OIDC_PORT="${OIDC_PORT:-9090}"
STATE="${OAUTH_STATE:-$HERE/state}"
[ -d "$HERE/node_modules/oidc-provider" ] || (cd "$HERE" && npm ci --no-audit --no-fund >/dev/null)
(exec 3<>"/dev/tcp/127.0.0.1/$OIDC_PORT") 2>/dev/null && { echo "port $OIDC_PORT already in use" >&2; exit 1; }
mkdir -p "$STATE"; rm -f "$STATE/env"
node "$HERE/oidc.mjs" >"$STATE/oidc.log" 2>&1 &
echo $! >"$STATE/oidc.pid"
for _ in $(seq 1 50); do
  curl -fs "http://127.0.0.1:$OIDC_PORT/.well-known/openid-configuration" >/dev/null && break; sleep 0.2
done
if ! curl -fs "http://127.0.0.1:$OIDC_PORT/.well-known/openid-configuration" >/dev/null; then
  cat "$STATE/oidc.log" >&2; "$HERE/stop.sh"; exit 1
fi
echo "OAUTH_ISSUER=http://127.0.0.1:$OIDC_PORT" | tee "$STATE/env"
