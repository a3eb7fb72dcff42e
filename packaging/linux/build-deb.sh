#!/usr/bin/env bash
# Wraps the PyInstaller folder (dist/siaran) into dist/siaran_<version>_<arch>.deb and
# dist/siaran-<version>-linux-<arch>.tar.gz. Called by scripts/package; needs dpkg-deb only.
#
# The .deb installs the program to /usr/lib/siaran, `siaran` and `siaran-gui` on the PATH, the
# menu entry, the icon in the hicolor theme, the MIME types of post files and review packages,
# the man page and the scheduling agent's systemd user units (enabled per user by
# `siaran agent install`; removed with the package).
set -euo pipefail
cd "$(dirname "$0")/../.."
version=$1
arch=$(dpkg --print-architecture)
src=dist/siaran
[ -x "$src/siaran" ] && [ -x "$src/siaran-gui" ] || { echo "build-deb: $src is not built" >&2; exit 1; }

root=$(mktemp -d); trap 'rm -rf "$root"' EXIT
install -d "$root/DEBIAN" "$root/usr/lib" "$root/usr/bin" "$root/usr/share/applications" \
  "$root/usr/share/mime/packages" "$root/usr/share/icons/hicolor/scalable/apps" \
  "$root/usr/share/man/man1" "$root/usr/share/doc/siaran"
cp -a "$src" "$root/usr/lib/siaran"
ln -s ../lib/siaran/siaran "$root/usr/bin/siaran"
ln -s ../lib/siaran/siaran-gui "$root/usr/bin/siaran-gui"
install -m 644 packaging/linux/siaran.desktop "$root/usr/share/applications/siaran.desktop"
install -m 644 packaging/linux/siaran-mime.xml "$root/usr/share/mime/packages/siaran.xml"
install -m 644 composer/resources/icons/siaran.svg \
  "$root/usr/share/icons/hicolor/scalable/apps/siaran.svg"
for size in 16 32 48 64 128 256; do
  png=composer/resources/icons/siaran-$size.png
  if [ -f "$png" ]; then
    install -d "$root/usr/share/icons/hicolor/${size}x${size}/apps"
    install -m 644 "$png" "$root/usr/share/icons/hicolor/${size}x${size}/apps/siaran.png"
  fi
done
.venv/bin/python packaging/linux/manpage.py "$version" | gzip -9n > "$root/usr/share/man/man1/siaran.1.gz"
ln -s siaran.1.gz "$root/usr/share/man/man1/siaran-gui.1.gz"
install -m 644 LICENSE "$root/usr/share/doc/siaran/copyright" 2>/dev/null || true
for script in postinst prerm postrm; do install -m 755 "packaging/linux/$script" "$root/DEBIAN/$script"; done

size_kb=$(du -sk --exclude=DEBIAN "$root" | cut -f1)
cat > "$root/DEBIAN/control" <<CONTROL
Package: siaran
Version: $version
Architecture: $arch
Maintainer: Siaran developers <siaran@localhost>
Installed-Size: $size_kb
Depends: libc6, libegl1, libgl1, libxkbcommon0, libxkbcommon-x11-0, libfontconfig1, libfreetype6, libdbus-1-3, libxcb-cursor0, libxcb-icccm4, libxcb-image0, libxcb-keysyms1, libxcb-randr0, libxcb-render-util0, libxcb-shape0, libxcb-xkb1, fonts-dejavu-core
Recommends: gnome-keyring | kwalletmanager, fonts-noto-color-emoji, xdg-utils
Section: web
Priority: optional
Homepage: https://siaran.example/
Description: write one post, preview it on every channel, publish everywhere
 Siaran is a desktop post composer for the communications officer of a public office: one
 announcement, a faithful preview for every channel (WordPress, X, Instagram, Facebook Page,
 YouTube, WhatsApp, Telegram, Mastodon, Bluesky, Threads, LinkedIn), published everywhere in
 one click with the credentials in the system keyring. Bahasa Indonesia and English.
CONTROL

deb="dist/siaran_${version}_${arch}.deb"
# xz level 7: measured on two cores, 73 s for 84 MB, against 142 s for 82 MB at -z9 -Sextreme
# (the minute matters more in CI than 2 MB to a download)
dpkg-deb --root-owner-group -Zxz -z7 --build "$root" "$deb" >/dev/null
echo "$deb"

# The same folder for other distributions: unpack anywhere and run ./siaran/siaran-gui
tarball="dist/siaran-${version}-linux-${arch}.tar.gz"
tar -C dist -czf "$tarball" siaran
echo "$tarball"
