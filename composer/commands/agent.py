"""`siaran agent install|uninstall|status`: the operating system runs `siaran run-due` every
minute while the app is closed (a systemd user timer on Linux, a Task Scheduler task on Windows,
a launchd agent on macOS). `siaran agent show` prints the files without installing them."""

from __future__ import annotations

import json

from composer.core.i18n import _


def add_arguments(parser) -> None:
    parser.add_argument("action", choices=("install", "uninstall", "status", "show"))
    parser.add_argument("--system", choices=("linux", "windows", "macos"),
                        help=_("for another operating system (default: this one)"))
    parser.add_argument("--json", action="store_true", help="machine-readable output")


def run(args) -> int:
    from dataclasses import asdict

    from composer.commands import services
    from composer.core.agent import Agent

    agent = Agent(services().paths, args.system) if args.system else services().agent()
    if args.action == "show":
        for where, text in agent.files().items():
            print(f"# {where}\n{text}")
        return 0
    if args.action == "status":
        status = agent.status()
        if args.json:
            print(json.dumps(asdict(status), indent=2))
            return 0
        print(_("Agent installed") if status.installed else _("Agent not installed"))
        for path in status.files:
            print(f"  {path}")
        if status.active:
            print(_("System says: {state}", state=status.active))
        print(_("Last run-due: {time}", time=status.last_run or _("never")))
        return 0
    lines = agent.install() if args.action == "install" else agent.uninstall()
    for line in lines:
        print(line)
    return 0
