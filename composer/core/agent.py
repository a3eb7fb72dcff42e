"""The agent that sends scheduled posts while the app is closed: the operating system runs
``siaran run-due`` every minute.

- Linux: a systemd user timer and service (``Persistent=true`` so a run missed while the
  machine was off happens at the next boot; the service waits for the network). Installed into
  the user's unit folder (``$XDG_CONFIG_HOME/systemd/user``); ``systemctl --user`` is called only
  when a user session manager is reachable, otherwise the officer reads the command to run.
- Windows: a Task Scheduler task (XML for ``schtasks /Create /XML``), repeated every minute,
  started when available after a missed start, only with a network.
- macOS: a launchd agent (``~/Library/LaunchAgents``), every 60 seconds and at log-in.

Sources: systemd.timer(5), systemd.service(5), systemd.special(7) (network-online.target),
https://learn.microsoft.com/en-us/windows/win32/taskschd/task-scheduler-schema ,
launchd.plist(5).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

from composer.core.i18n import UserError, _
from composer.core.paths import Paths

UNIT = "siaran-run-due"
LABEL = "id.siaran.run-due"
TASK_NAME = "Siaran\\run-due"
LAST_RUN_FILE = "run-due.last"


def command() -> list[str]:
    """How the operating system starts `siaran run-due`: this very Python and package, or, in
    the installed app (frozen by PyInstaller: ``sys.frozen``), the `siaran` program beside this
    one. Its path stays the same across upgrades, so the agent survives them."""
    if getattr(sys, "frozen", False):  # PyInstaller's marker, not one of ours
        program = Path(sys.executable).with_name("siaran" + Path(sys.executable).suffix)
        return [str(program), "run-due"]
    return [sys.executable, "-m", "composer", "run-due"]


def environment() -> dict[str, str]:
    """What the agent must carry over: a portable install's SIARAN_HOME."""
    home = os.environ.get("SIARAN_HOME")
    return {"SIARAN_HOME": str(Path(home).expanduser().resolve())} if home else {}


def _systemd_quote(word: str) -> str:
    if word and all(c.isalnum() or c in "/._-+=:" for c in word):
        return word
    return '"' + word.replace("\\", "\\\\").replace('"', '\\"') + '"'


def systemd_units() -> dict[str, str]:
    """File name -> content of the Linux user timer and service."""
    env = "".join(f"Environment={_systemd_quote(f'{k}={v}')}\n" for k, v in environment().items())
    service = (
        "[Unit]\n"
        "Description=Siaran: send the scheduled posts that are due\n"
        "Wants=network-online.target\n"
        "After=network-online.target\n\n"
        "[Service]\n"
        "Type=oneshot\n"
        f"{env}"
        f"ExecStart={' '.join(_systemd_quote(w) for w in command())}\n")
    timer = (
        "[Unit]\n"
        "Description=Siaran: every minute, send the scheduled posts that are due\n\n"
        "[Timer]\n"
        "OnCalendar=*-*-* *:*:00\n"
        "AccuracySec=5s\n"
        "Persistent=true\n"
        f"Unit={UNIT}.service\n\n"
        "[Install]\n"
        "WantedBy=timers.target\n")
    return {f"{UNIT}.service": service, f"{UNIT}.timer": timer}


def windows_task() -> str:
    """The Task Scheduler task (UTF-16 when written, as schtasks expects)."""
    program, *arguments = command()
    env = "".join(f"set {k}={v}&& " for k, v in environment().items())
    if env:  # the task carries SIARAN_HOME through cmd.exe
        arguments = ["/c", env + " ".join(f'"{w}"' for w in command())]
        program = "cmd.exe"
    return f"""<?xml version="1.0" encoding="UTF-16"?>
<Task version="1.2" xmlns="http://schemas.microsoft.com/windows/2004/02/mit/task">
  <RegistrationInfo>
    <Description>Siaran: send the scheduled posts that are due</Description>
    <URI>\\{escape(TASK_NAME)}</URI>
  </RegistrationInfo>
  <Triggers>
    <TimeTrigger>
      <StartBoundary>2026-01-01T00:00:00</StartBoundary>
      <Enabled>true</Enabled>
      <Repetition>
        <Interval>PT1M</Interval>
        <StopAtDurationEnd>false</StopAtDurationEnd>
      </Repetition>
    </TimeTrigger>
    <LogonTrigger>
      <Enabled>true</Enabled>
    </LogonTrigger>
  </Triggers>
  <Settings>
    <MultipleInstancesPolicy>IgnoreNew</MultipleInstancesPolicy>
    <StartWhenAvailable>true</StartWhenAvailable>
    <RunOnlyIfNetworkAvailable>true</RunOnlyIfNetworkAvailable>
    <DisallowStartIfOnBatteries>false</DisallowStartIfOnBatteries>
    <StopIfGoingOnBatteries>false</StopIfGoingOnBatteries>
    <ExecutionTimeLimit>PT30M</ExecutionTimeLimit>
    <Enabled>true</Enabled>
  </Settings>
  <Actions Context="Author">
    <Exec>
      <Command>{escape(program)}</Command>
      <Arguments>{escape(" ".join(arguments))}</Arguments>
    </Exec>
  </Actions>
</Task>
"""


def launchd_plist() -> str:
    args = "".join(f"    <string>{escape(w)}</string>\n" for w in command())
    env = ""
    if environment():
        pairs = "".join(f"    <key>{escape(k)}</key>\n    <string>{escape(v)}</string>\n"
                        for k, v in environment().items())
        env = f"  <key>EnvironmentVariables</key>\n  <dict>\n{pairs}  </dict>\n"
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
<plist version="1.0">
<dict>
  <key>Label</key>
  <string>{LABEL}</string>
  <key>ProgramArguments</key>
  <array>
{args}  </array>
{env}  <key>StartInterval</key>
  <integer>60</integer>
  <key>RunAtLoad</key>
  <true/>
</dict>
</plist>
"""


@dataclass(frozen=True)
class AgentStatus:
    system: str  # linux | windows | macos
    installed: bool
    files: tuple[str, ...]
    active: str  # what the system says ("active", "inactive" ...), "" when it cannot be asked
    last_run: str  # UTC ISO of the last run-due, "" when none


class Agent:
    """Install, uninstall and report the agent for this operating system."""

    def __init__(self, paths: Paths, system: str | None = None):
        self.paths = paths
        self.system = system or {"win32": "windows", "darwin": "macos"}.get(sys.platform, "linux")

    # -- where -------------------------------------------------------------------------------

    def unit_dir(self) -> Path:
        base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
        return Path(base) / "systemd" / "user"

    def files(self) -> dict[Path, str]:
        if self.system == "windows":
            return {self.paths.config / "siaran-run-due.xml": windows_task()}
        if self.system == "macos":
            return {Path.home() / "Library" / "LaunchAgents" / f"{LABEL}.plist": launchd_plist()}
        return {self.unit_dir() / name: text for name, text in systemd_units().items()}

    # -- doing -------------------------------------------------------------------------------

    def install(self) -> list[str]:
        """Write the agent's files and register them where the system tool is at hand.
        Returns the lines to tell the officer."""
        told = []
        for path, text in self.files().items():
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
                data = text.encode("utf-16") if path.suffix == ".xml" else text.encode()
                path.write_bytes(data)
            except OSError as exc:
                raise UserError(_("Cannot write {path}: {error}", path=path,
                                  error=exc.strerror or exc)) from None
            told.append(_("Written: {path}", path=path))
        for step in self._register_steps():
            told.append(self._run(step))
        return told

    def uninstall(self) -> list[str]:
        told = [self._run(step) for step in self._unregister_steps()]
        for path in self.files():
            if path.exists():
                path.unlink()
                told.append(_("Removed: {path}", path=path))
        return [line for line in told if line]

    def status(self) -> AgentStatus:
        files = tuple(str(p) for p in self.files() if p.exists())
        active = ""
        if self.system == "linux" and self._systemctl_reachable():
            done = subprocess.run(["systemctl", "--user", "is-active", f"{UNIT}.timer"],
                                  capture_output=True, text=True, timeout=20, check=False)
            active = done.stdout.strip()
        last = self.paths.data / LAST_RUN_FILE
        return AgentStatus(self.system, len(files) == len(self.files()), files, active,
                           last.read_text().strip() if last.exists() else "")

    def _register_steps(self) -> list[list[str]]:
        if self.system == "windows":
            xml = next(iter(self.files()))
            return [["schtasks", "/Create", "/F", "/TN", TASK_NAME, "/XML", str(xml)]]
        if self.system == "macos":
            return [["launchctl", "load", "-w", str(next(iter(self.files())))]]
        return [["systemctl", "--user", "daemon-reload"],
                ["systemctl", "--user", "enable", "--now", f"{UNIT}.timer"]]

    def _unregister_steps(self) -> list[list[str]]:
        if self.system == "windows":
            return [["schtasks", "/Delete", "/F", "/TN", TASK_NAME]]
        if self.system == "macos":
            return [["launchctl", "unload", "-w", str(next(iter(self.files())))]]
        return [["systemctl", "--user", "disable", "--now", f"{UNIT}.timer"]]

    def _systemctl_reachable(self) -> bool:
        """A user service manager answers: systemctl is there and the session has its bus."""
        runtime = os.environ.get("XDG_RUNTIME_DIR", "")
        return bool(shutil.which("systemctl")) and bool(
            os.environ.get("DBUS_SESSION_BUS_ADDRESS") or (runtime and Path(runtime, "bus").exists()))

    def _run(self, step: list[str]) -> str:
        shown = " ".join(step)
        if self.system == "linux" and not self._systemctl_reachable():
            return _("No user session manager here; run it yourself: {command}", command=shown)
        if not shutil.which(step[0]):
            return _("{tool} is not available; run it yourself: {command}", tool=step[0],
                     command=shown)
        done = subprocess.run(step, capture_output=True, text=True, timeout=60, check=False)
        if done.returncode != 0:
            detail = (done.stderr or done.stdout).strip().splitlines()
            return _("{command} did not succeed: {detail}", command=shown,
                     detail=detail[-1] if detail else done.returncode)
        return _("Done: {command}", command=shown)
