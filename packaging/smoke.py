"""Smoke test of an installed Siaran package, run by packaging/linux/smoke.sh (which installs the
package, provides a private D-Bus with an unlocked Secret Service keyring and a virtual screen,
and removes the package afterwards).

Each step runs the INSTALLED programs, never the source tree, and checks what an officer would
see: the version, all twelve channels, an account whose password lands in the real keyring, a
post rendered with a template, the window in Bahasa Indonesia, and the user's data surviving an
upgrade. One line per step; exit 1 on the first failure.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import keyring
from PIL import Image, ImageStat

ROOT = Path(__file__).resolve().parent.parent
CHANNELS = 12
APP_PASSWORD = "smok-e123-test-pass"


def step(name: str) -> None:
    print(f"smoke: {name}", file=sys.stderr, flush=True)


def fail(message: str) -> None:
    print(f"smoke: FAILED: {message}", file=sys.stderr, flush=True)
    raise SystemExit(1)


def run(bin_dir: Path, *args: str, stdin: str | None = None, env: dict | None = None,
        check: bool = True) -> subprocess.CompletedProcess[str]:
    done = subprocess.run([str(bin_dir / args[0]), *args[1:]], input=stdin, text=True,
                          capture_output=True, timeout=120, env={**os.environ, **(env or {})})
    if check and done.returncode != 0:
        fail(f"{' '.join(args)} exited {done.returncode}: {done.stderr.strip()[-400:]}")
    return done


def expected_version() -> str:
    sys.path.insert(0, str(ROOT))
    import composer

    return composer.__version__


def check_version(bin_dir: Path) -> None:
    out = run(bin_dir, "siaran", "--version").stdout.strip()
    if out != f"siaran {expected_version()}":
        fail(f"siaran --version printed {out!r}")
    step(f"{out}")


def check_channels(bin_dir: Path) -> None:
    listing = json.loads(run(bin_dir, "siaran", "platforms", "--json").stdout)
    ids = sorted(p["id"] for p in listing["platforms"])
    broken = listing["broken"]
    if len(ids) != CHANNELS or broken:
        fail(f"{len(ids)} channels {ids}, failed: {broken}")
    step(f"{len(ids)} channels: {', '.join(ids)}")


def check_keyring(bin_dir: Path) -> None:
    run(bin_dir, "siaran", "accounts", "add", "bluesky", "--name", "smoke-bsky",
        "--handle", "humas.example", "--no-verify", stdin=APP_PASSWORD + "\n")
    accounts = json.loads(run(bin_dir, "siaran", "accounts", "list", "--json").stdout)
    if "smoke-bsky" not in json.dumps(accounts):
        fail(f"the new account is not listed: {accounts}")
    stored = keyring.get_password("siaran:smoke-bsky", "app_password")
    if stored != APP_PASSWORD:
        fail("the app password is not in the Secret Service keyring")
    database = Path(os.environ["SIARAN_HOME"]) / "data" / "siaran.sqlite3"
    if APP_PASSWORD.encode() in database.read_bytes():
        fail("the app password was written into the database")
    step("account saved; its password is in the Secret Service keyring, not in the database")


def agent_unit() -> Path:
    return Path.home() / ".config" / "systemd" / "user" / "siaran-run-due.service"


def check_agent(bin_dir: Path) -> None:
    """The scheduling agent of the installed app starts the installed `siaran`."""
    if os.geteuid() != 0:
        step("agent: skipped (the unpacked program is not where an installed one would be)")
        return
    env = {k: v for k, v in os.environ.items() if k != "XDG_CONFIG_HOME"}
    done = subprocess.run([str(bin_dir / "siaran"), "agent", "install", "--system", "linux"],
                          env=env, capture_output=True, text=True, timeout=120)
    if done.returncode != 0 or not agent_unit().is_file():
        fail(f"agent install: {done.stderr.strip()[-300:]}")
    if "ExecStart=/usr/lib/siaran/siaran run-due" not in agent_unit().read_text():
        fail("the agent does not start the installed siaran")
    step("agent registered: it runs /usr/lib/siaran/siaran run-due")


def check_render(bin_dir: Path, work: Path) -> None:
    photo = work / "photo.jpg"
    Image.new("RGB", (1600, 1200), (40, 110, 160)).save(photo, quality=90)
    post = run(bin_dir, "siaran", "new", "--title", "Upacara HUT RI ke-81",
               "--text", "Upacara HUT RI ke-81 di Alun-Alun, Senin 17 Agustus 2026 pukul 07.00 WIB.",
               "--image", f"{photo}:Peserta upacara berbaris", "--to", "x,instagram").stdout
    post_file = work / "post.siaran.toml"
    post_file.write_text(post, encoding="utf-8")
    out = work / "rendered"
    run(bin_dir, "siaran", "render", str(post_file), "--out", str(out),
        "--template", "announcement")
    images = sorted(p for p in out.rglob("*") if p.suffix.lower() in (".jpg", ".jpeg", ".png"))
    if len(images) < 2:
        fail(f"render wrote {len(images)} images")
    for image in images:
        with Image.open(image) as opened:
            opened.load()
            if ImageStat.Stat(opened.convert("L")).stddev[0] < 5:  # a flat image: no template
                fail(f"{image.name} is blank")
    step(f"rendered {len(images)} images with the announcement template")


def check_governance(bin_dir: Path, work: Path) -> None:
    """The office's checks work frozen: phonenumbers, the NIK rule and the holiday calendar."""
    post = work / "data-pribadi.siaran.toml"
    post.write_text(run(bin_dir, "siaran", "new", "--text",
                        "Hubungi Bu Sari di 0812-3456-7890, NIK 3404014501900002.",
                        "--to", "x").stdout, encoding="utf-8")
    done = run(bin_dir, "siaran", "check", str(post), "--json", check=False)
    if done.returncode != 1 or "gov.pii.nik" not in done.stdout or "gov.pii.phone" not in done.stdout:
        fail(f"siaran check did not block the phone number and NIK: {done.stdout[-300:]}")
    days = run(bin_dir, "siaran", "calendar", "list", "--year", "2026").stdout
    if "2026-08-17" not in days:
        fail("the holiday calendar has no 17 August 2026")
    step("governance: a NIK and a phone number are blocked; the holiday calendar is there")


def check_window(bin_dir: Path, shot: Path) -> None:
    env = {"SIARAN_LANG": "id", "QT_QPA_PLATFORM": "xcb"}
    app = subprocess.Popen([str(bin_dir / "siaran-gui")], env={**os.environ, **env},
                           stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        title = ""
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and not title:
            if app.poll() is not None:
                fail(f"siaran-gui exited {app.returncode}: {app.stderr.read()[-400:] if app.stderr else ''}")
            # by class: the title is the draft's, and xdotool does not match past its em dash
            found = subprocess.run(["xdotool", "search", "--onlyvisible", "--class", "Siaran",
                                    "getwindowname"], capture_output=True, text=True)
            title = found.stdout.strip().splitlines()[0] if found.stdout.strip() else ""
            time.sleep(0.3)
        if not title:
            fail("no Siaran window appeared within 60 s")
        time.sleep(3)  # let the channels and the welcome page fill in
        shot.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run(["import", "-window", "root", str(shot)], check=True, timeout=30)
        with Image.open(shot) as image:
            spread = ImageStat.Stat(image.convert("L")).stddev[0]
        if spread < 10:
            fail(f"the window looks blank (grey spread {spread:.1f})")
        step(f"window '{title}' shown in Indonesian; screenshot {shot}")
    finally:
        app.terminate()
        try:
            app.wait(10)
        except subprocess.TimeoutExpired:
            app.kill()


def check_upgrade(bin_dir: Path, deb: Path, work: Path) -> None:
    """Installs the same program as a newer version over the installed one: the accounts, the
    keyring entry and the settings must all still be there afterwards."""
    if os.geteuid() != 0 or not shutil.which("dpkg"):
        step("upgrade: skipped (needs dpkg as root)")
        return
    tree = work / "upgrade"
    subprocess.run(["dpkg-deb", "-R", str(deb), str(tree)], check=True)
    control = tree / "DEBIAN" / "control"
    lines = control.read_text().splitlines()
    control.write_text("\n".join(f"{line}+smoke1" if line.startswith("Version:") else line
                                 for line in lines) + "\n")
    newer = work / "siaran-newer.deb"
    subprocess.run(["dpkg-deb", "--root-owner-group", "-Zxz", "--build", str(tree), str(newer)],
                   check=True, capture_output=True)
    subprocess.run(["dpkg", "-i", str(newer)], check=True, capture_output=True)
    accounts = run(bin_dir, "siaran", "accounts", "list", "--json").stdout
    if "smoke-bsky" not in accounts:
        fail("the account was lost in the upgrade")
    if keyring.get_password("siaran:smoke-bsky", "app_password") != APP_PASSWORD:
        fail("the keyring entry was lost in the upgrade")
    if not agent_unit().is_file() or not Path("/usr/lib/siaran/siaran").is_file():
        fail("the scheduling agent did not survive the upgrade")
    step("upgraded in place: the account, its keyring entry and the agent are still there")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--bin", required=True, type=Path)
    parser.add_argument("--deb", required=True, type=Path)
    parser.add_argument("--shot", required=True, type=Path)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        check_version(args.bin)
        check_channels(args.bin)
        check_keyring(args.bin)
        check_agent(args.bin)
        check_render(args.bin, work)
        check_governance(args.bin, work)
        check_window(args.bin, args.shot)
        check_upgrade(args.bin, args.deb, work)


if __name__ == "__main__":
    main()
