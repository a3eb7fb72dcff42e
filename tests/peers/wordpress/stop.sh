#!/usr/bin/env bash
# Stops what start.sh started (by PID, nothing else) and waits until the port and socket are free.
HERE="$(cd "$(dirname "$0")" && pwd)"; WP_STATE="${WP_STATE:-$HERE/state}"
for p in php mariadbd; do
  f="$WP_STATE/$p.pid"
  [ -f "$f" ] || continue
  pid="$(cat "$f")"; kill "$pid" 2>/dev/null
  for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
  rm -f "$f"
done
if [ -f "$WP_STATE/config-file" ]; then rm -f "$(cat "$WP_STATE/config-file")"; rm -f "$WP_STATE/config-file"; fi
exit 0
