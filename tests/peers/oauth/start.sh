#!/usr/bin/env bash
# Starts the real OAuth server peer (oidc-provider) on 127.0.0.1:$OIDC_PORT (default 9090) and writes
# state/env (OAUTH_ISSUER=...) for tests/e2e/test_oauth_loopback.py. Refuses a port that is taken.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"; export OIDC_PORT="${OIDC_PORT:-9090}"
[ -d "$HERE/node_modules/oidc-provider" ] || (cd "$HERE" && npm ci --no-audit --no-fund >/dev/null)
(exec 3<>"/dev/tcp/127.0.0.1/$OIDC_PORT") 2>/dev/null && { echo "port $OIDC_PORT already in use" >&2; exit 1; }
mkdir -p "$HERE/state"; rm -f "$HERE/state/env"
node "$HERE/oidc.mjs" >"$HERE/state/oidc.log" 2>&1 &
echo $! >"$HERE/state/oidc.pid"
for _ in $(seq 1 50); do
  curl -fs "http://127.0.0.1:$OIDC_PORT/.well-known/openid-configuration" >/dev/null && break; sleep 0.2
done
if ! curl -fs "http://127.0.0.1:$OIDC_PORT/.well-known/openid-configuration" >/dev/null; then
  cat "$HERE/state/oidc.log" >&2; "$HERE/stop.sh"; exit 1
fi
echo "OAUTH_ISSUER=http://127.0.0.1:$OIDC_PORT" | tee "$HERE/state/env"
