#!/usr/bin/env bash
# Stops only the server start.sh started (by its pid file).
HERE="$(cd "$(dirname "$0")" && pwd)"; STATE="${OAUTH_STATE:-$HERE/state}"; PID="$STATE/oidc.pid"
[ -f "$PID" ] && kill "$(cat "$PID")" 2>/dev/null; rm -f "$PID" "$STATE/env"
exit 0
