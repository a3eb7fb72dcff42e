#!/usr/bin/env bash
# Stops only the server start.sh started (by its pid file).
HERE="$(cd "$(dirname "$0")" && pwd)"; PID="$HERE/state/oidc.pid"
[ -f "$PID" ] && kill "$(cat "$PID")" 2>/dev/null; rm -f "$PID" "$HERE/state/env"
exit 0
