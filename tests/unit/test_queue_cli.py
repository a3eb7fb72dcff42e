"""`siaran schedule / queue / reschedule / unschedule / run-due / agent` as an officer types them."""

from __future__ import annotations

import json
import plistlib
import shutil
import subprocess
import xml.etree.ElementTree as ET
from datetime import UTC, datetime, timedelta

import pytest

from composer import cli
from composer.core import agent as agent_module
from composer.core.office import ZONES
from composer.core.post import Post, save
from composer.core.services import Services


@pytest.fixture
def desk(siaran_home, in_memory_keyring, tmp_path):
    svc = Services()
    svc.accounts.add("arsip", "folder", {"path": str(tmp_path / "out")}, {})
    svc.close()
    return tmp_path


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = cli.main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_schedule_queue_reschedule_unschedule(desk, capsys):
    post = Post(text="Upacara Hari Ibu di halaman kantor")
    save(post, desk / "post.toml")
    local = (datetime.now(UTC) + timedelta(days=2)).astimezone(ZONES["WIB"])
    at = local.strftime("%Y-%m-%d %H:%M") + " WIB"
    code, out, err = run(capsys, "schedule", str(desk / "post.toml"), "--at", at, "--to", "arsip")
    assert code == 0, err
    assert "WIB" in out and "arsip" in out

    code, out, _ = run(capsys, "queue", "--json")
    (item,) = json.loads(out)
    assert item["state"] == "scheduled" and item["mode"] == "local"
    assert item["at"] == local.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:00Z")

    code, out, err = run(capsys, "reschedule", post.id, "--at", "2030-01-02 08.30 WITA")
    assert code == 0, err
    (item,) = json.loads(run(capsys, "queue", "--json")[1])
    assert item["at"] == "2030-01-02T00:30:00Z"

    code, out, _ = run(capsys, "run-due", "--json")
    assert code == 0 and json.loads(out) == []  # not due yet

    code, out, _ = run(capsys, "unschedule", post.id)
    assert code == 0 and "arsip" in out
    assert json.loads(run(capsys, "queue", "--json")[1]) == []


def test_bad_input_is_one_line(desk, capsys):
    save(Post(text="x"), desk / "post.toml")
    code, _, err = run(capsys, "schedule", str(desk / "post.toml"), "--at", "besok pagi",
                       "--to", "arsip")
    assert code != 0 and err.count("\n") == 1 and "2026-12-24 09:00 WIB" in err
    code, _, err = run(capsys, "unschedule", "tidakada")
    assert code != 0 and err.count("\n") == 1 and "Traceback" not in err


def test_agent_install_writes_verified_systemd_units_and_uninstall_removes_them(
        siaran_home, monkeypatch, capsys):
    xdg = siaran_home / "xdg"
    monkeypatch.setenv("XDG_CONFIG_HOME", str(xdg))
    monkeypatch.delenv("DBUS_SESSION_BUS_ADDRESS", raising=False)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(siaran_home / "run"))
    (siaran_home / "run").mkdir(mode=0o700)
    code, out, err = run(capsys, "agent", "install", "--system", "linux")
    assert code == 0, err
    units = xdg / "systemd" / "user"
    timer, service = units / "siaran-run-due.timer", units / "siaran-run-due.service"
    assert "Persistent=true" in timer.read_text()
    text = service.read_text()
    assert "After=network-online.target" in text and "Wants=network-online.target" in text
    assert "run-due" in text and f"SIARAN_HOME={siaran_home.resolve()}" in text
    assert "systemctl --user enable --now siaran-run-due.timer" in out  # told what to run

    analyze = shutil.which("systemd-analyze")
    assert analyze, "systemd-analyze is missing: scripts/setup installs the systemd package"
    checked = subprocess.run([analyze, "verify", "--user", str(timer), str(service)],
                             capture_output=True, text=True, timeout=60,
                             env={"XDG_RUNTIME_DIR": str(siaran_home / "run"), "PATH": "/usr/bin:/bin"})
    assert checked.returncode == 0 and not (checked.stdout + checked.stderr).strip(), checked

    code, out, _ = run(capsys, "agent", "status", "--system", "linux", "--json")
    assert json.loads(out)["installed"] is True
    run(capsys, "agent", "uninstall", "--system", "linux")
    assert not timer.exists() and not service.exists()
    assert json.loads(run(capsys, "agent", "status", "--system", "linux", "--json")[1])[
        "installed"] is False


def test_windows_task_and_launchd_agent_are_well_formed():
    task = ET.fromstring(agent_module.windows_task().split("\n", 1)[1])
    ns = {"t": "http://schemas.microsoft.com/windows/2004/02/mit/task"}
    assert task.find("t:Triggers/t:TimeTrigger/t:Repetition/t:Interval", ns).text == "PT1M"
    assert task.find("t:Settings/t:StartWhenAvailable", ns).text == "true"
    assert task.find("t:Settings/t:RunOnlyIfNetworkAvailable", ns).text == "true"
    assert "run-due" in task.find("t:Actions/t:Exec/t:Arguments", ns).text
    plist = plistlib.loads(agent_module.launchd_plist().encode())
    assert plist["StartInterval"] == 60 and plist["RunAtLoad"] is True
    assert plist["ProgramArguments"][-1] == "run-due"


def test_publishing_a_post_whose_time_is_ahead_puts_it_in_the_queue(desk, capsys):
    post = Post(text="Lomba desa tingkat kabupaten",
                schedule=datetime.now(UTC) + timedelta(hours=3))
    save(post, desk / "later.toml")
    code, out, err = run(capsys, "publish", str(desk / "later.toml"), "--to", "arsip")
    assert code == 0, err
    (item,) = json.loads(run(capsys, "queue", "--json")[1])
    assert item["post_id"] == post.id and item["state"] == "scheduled"
    assert not (desk / "out").exists()  # nothing written before its time


def test_the_installed_apps_agent_runs_the_installed_siaran(monkeypatch):
    """Frozen by the package build, `python -m composer` does not exist: the agent must start
    the `siaran` program installed beside the app, whose path survives an upgrade."""
    monkeypatch.setattr("sys.frozen", True, raising=False)
    monkeypatch.setattr("sys.executable", "/usr/lib/siaran/siaran-gui")
    assert agent_module.command() == ["/usr/lib/siaran/siaran", "run-due"]
    assert "ExecStart=/usr/lib/siaran/siaran run-due" in agent_module.systemd_units()[
        "siaran-run-due.service"]
