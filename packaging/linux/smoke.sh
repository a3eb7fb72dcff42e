#!/usr/bin/env bash
# Smoke test of a built .deb: install it into a throwaway place (dpkg -i when root, otherwise
# unpacked with dpkg-deb -x), run packaging/smoke.py against the installed programs on a private
# D-Bus with a real Secret Service keyring and a virtual screen, then remove it and check that
# nothing but the user's data is left.   packaging/linux/smoke.sh dist/siaran_<v>_<arch>.deb
set -euo pipefail
cd "$(dirname "$0")/../.."
deb=$(realpath "$1")
work=$(mktemp -d); chmod 755 "$work"
mkdir -p "$work/run" "$work/data" "$work/cache" "$work/config"; chmod 700 "$work/run"
cleanup() { rm -rf "$work"; }
trap cleanup EXIT

if [ "$(id -u)" = 0 ] && command -v dpkg >/dev/null; then
  mode=dpkg
  dpkg -i "$deb" >/dev/null || { apt-get -o DPkg::Lock::Timeout=900 install -f -y -qq >/dev/null; }
  bin=/usr/bin
else
  mode=unpacked
  dpkg-deb -x "$deb" "$work/root"
  bin="$work/root/usr/bin"
fi
echo "smoke: installed $(basename "$deb") ($mode)" >&2

export XDG_RUNTIME_DIR="$work/run" XDG_DATA_HOME="$work/data" XDG_CACHE_HOME="$work/cache" \
  XDG_CONFIG_HOME="$work/config" SIARAN_HOME="$work/home"
status=0
xvfb-run -a -s "-screen 0 1366x768x24" dbus-run-session -- bash -c '
  printf %s smoke-keyring | gnome-keyring-daemon --unlock --components=secrets >/dev/null
  exec .venv/bin/python packaging/smoke.py "$@"' _ --bin "$bin" --deb "$deb" \
  --shot dist/smoke-gui-id.png || status=$?

if [ "$mode" = dpkg ]; then
  dpkg --purge siaran >/dev/null
  for path in /usr/lib/siaran /usr/bin/siaran /usr/bin/siaran-gui \
              /usr/share/applications/siaran.desktop /usr/share/mime/packages/siaran.xml; do
    [ ! -e "$path" ] && [ ! -L "$path" ] || { echo "smoke: $path is still there after removal" >&2; status=1; }
  done
  ! dpkg-query -W siaran >/dev/null 2>&1 || { echo "smoke: dpkg still knows siaran" >&2; status=1; }
  [ ! -e "$HOME/.config/systemd/user/siaran-run-due.service" ] \
    || { echo "smoke: the scheduling agent was left behind" >&2; status=1; }
  [ -d "$SIARAN_HOME/data" ] || { echo "smoke: removal took the user's data" >&2; status=1; }
  echo "smoke: removed; the user's data stayed" >&2
fi
[ "$status" = 0 ] && echo "smoke: passed" >&2 || echo "smoke: FAILED" >&2
exit "$status"
