#!/usr/bin/env bash
# Stops the PDS that start.sh started (by its PID only) and waits until it has exited.
HERE="$(cd "$(dirname "$0")" && pwd)"; STATE="${BSKY_STATE:-$HERE/state}"
f="$STATE/pds.pid"
if [ -f "$f" ]; then
  pid="$(cat "$f")"; kill "$pid" 2>/dev/null
  for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
  kill -9 "$pid" 2>/dev/null
  rm -f "$f"
fi
exit 0
