"""The package definitions: what the installers are built from, checked without building them
(scripts/package builds and smoke-tests the Linux packages; the Windows and macOS workflows run
on their own machines)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
WORKFLOWS = ROOT / ".github" / "workflows"
SPEC = "packaging/siaran.spec"


def workflow(name: str) -> dict:
    return yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", ["windows.yml", "macos.yml"])
def test_the_other_systems_workflows_are_valid_github_actions(name):
    done = subprocess.run([sys.executable, "-m", "check_jsonschema", "--builtin-schema",
                           "vendor.github-workflows", str(WORKFLOWS / name)],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.mark.parametrize("name, runner", [("windows.yml", "windows"), ("macos.yml", "macos")])
def test_the_other_systems_mirror_the_linux_build(name, runner):
    """Same pinned set-up, the same spec, a smoke test of the frozen programs, then the
    system's own installer: what scripts/package does on Linux."""
    steps = workflow(name)["jobs"]["package"]["steps"]
    assert workflow(name)["jobs"]["package"]["runs-on"].startswith(runner)
    text = "\n".join(str(step.get("run", "")) for step in steps)
    linux = (ROOT / "scripts" / "package").read_text(encoding="utf-8")
    assert '".[package]"' in text and '".[package]"' in linux
    assert SPEC.replace("/", "\\") in text or SPEC in text
    assert SPEC in linux
    assert "--version" in text and "platforms --json" in text  # the smoke test's first steps
    assert ("ISCC.exe" in text) if runner == "windows" else ("hdiutil create" in text)


def test_macos_signing_and_notarisation_are_there_for_when_the_office_has_an_account():
    names = [step.get("name", "") for step in workflow("macos.yml")["jobs"]["package"]["steps"]]
    assert any(n.startswith("Sign") for n in names) and any(n.startswith("Notarise") for n in names)


def test_the_windows_installer_has_a_start_menu_entry_and_an_uninstaller():
    iss = (ROOT / "packaging" / "windows" / "siaran.iss").read_text(encoding="utf-8")
    assert "{group}\\Siaran" in iss and "{uninstallexe}" in iss
    assert "Indonesian.isl" in iss


def test_one_version_source():
    """pyproject takes its version from composer.__version__, which --version prints."""
    import composer

    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert 'dynamic = ["version"]' in pyproject
    assert 'version = { attr = "composer.__version__" }' in pyproject
    assert not re.search(r'^version\s*=\s*"', pyproject, re.M)
    done = subprocess.run([sys.executable, "-m", "composer", "--version"], capture_output=True,
                          text=True, timeout=60)
    assert done.stdout.strip() == f"siaran {composer.__version__}"


def test_the_frozen_app_carries_the_entry_points_and_resources():
    """Without the distribution's metadata a frozen Siaran finds no channel at all."""
    spec = (ROOT / SPEC).read_text(encoding="utf-8")
    assert 'copy_metadata("siaran")' in spec
    assert '"composer" / "resources"' in spec
    for backend in ("SecretService", "Windows", "macOS"):
        assert f"keyring.backends.{backend}" in spec


# Calls and paths that exist on Linux only. The core and the channels must work on Windows and
# macOS too: places go through platformdirs (composer/core/paths.py), and a line that handles
# every system in one table says so with a "per-OS:" comment.
LINUX_ONLY = re.compile(
    r"import fcntl|import pwd|import grp|os\.getuid|os\.geteuid|os\.fork\b|\bsystemctl\b|"
    r"xdg-open|[\"']/proc/|[\"']/home/|[\"']/tmp\b|~/\.local|~/\.config|/run/user")


# Modules whose job is each system's own service, with a branch for every system.
PER_OS_MODULES = {
    # the scheduling agent: systemd (Linux), Task Scheduler (Windows), launchd (macOS)
    "composer/core/agent.py": ("systemctl", "schtasks", "launchctl"),
}


def test_per_os_modules_serve_every_system():
    for name, tools in PER_OS_MODULES.items():
        text = (ROOT / name).read_text(encoding="utf-8")
        assert all(tool in text for tool in tools), name


def test_no_linux_only_calls_in_the_core_or_the_channels():
    offenders = []
    for folder in ("composer/core", "platforms"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            if str(path.relative_to(ROOT)) in PER_OS_MODULES:
                continue
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                if LINUX_ONLY.search(line) and "per-OS:" not in line:
                    offenders.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    assert not offenders, "\n".join(offenders)


def test_the_menu_entry_opens_siarans_own_file_types():
    """One desktop entry for the checkout (scripts/install-desktop-entry) and the .deb; the
    file types it opens are the ones the MIME package defines."""
    import configparser
    import xml.etree.ElementTree as ET

    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # keys are case-sensitive in desktop files
    entry.read(ROOT / "packaging" / "linux" / "siaran.desktop", encoding="utf-8")
    desktop = entry["Desktop Entry"]
    assert desktop["Exec"] == "siaran-gui %f" and desktop["Icon"] == "siaran"
    assert desktop["Name[id]" if "Name[id]" in desktop else "Name"] == "Siaran"
    assert "Comment[id]" in desktop
    mime = ET.parse(ROOT / "packaging" / "linux" / "siaran-mime.xml").getroot()
    ns = "{http://www.freedesktop.org/standards/shared-mime-info}"
    defined = {t.get("type") for t in mime.iter(f"{ns}mime-type")}
    assert set(filter(None, desktop["MimeType"].split(";"))) == defined
