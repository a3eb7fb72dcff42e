"""`siaran practice`: start every practice server there is and add a practice account for each,
so the officer can train (publish, fail, resume, unpublish) without touching real accounts.

Runs until Ctrl+C, then stops the servers and removes the practice accounts (their addresses
change on every start). The servers and accounts are composer.core.practice's, shared with the
app's practice switch.
"""

from __future__ import annotations

import sys
import threading

from composer.core.i18n import _


def add_arguments(parser) -> None:
    parser.add_argument("--latency", type=float, default=0.0, metavar="SECONDS",
                        help=_("delay every answer, to watch progress"))
    parser.add_argument("--only", default="", metavar="ID[,ID...]",
                        help=_("start only these platforms' practice servers"))


def run(args, *, stop: threading.Event | None = None) -> int:
    from composer.commands import services
    from composer.core.practice import broken_servers

    only = {p.strip() for p in args.only.split(",") if p.strip()} or None
    practice = services().practice(latency=args.latency, only=only)
    try:
        started = practice.start()
        for name, problem in broken_servers().items():
            print(_("practice server {name} failed to load: {error}", name=name, error=problem),
                  file=sys.stderr)
        if not started:
            print(_("No practice servers are available"), file=sys.stderr)
            return 1
        for name, platform_id, url in started:
            print(f"{name:<22} {platform_id:<10} {url}")
        print(_("Practice accounts are ready; publish with --to {example}. Ctrl+C stops.",
                example=started[0][0]), flush=True)
        if stop is not None:
            stop.wait()
        else:
            _wait_forever()
    except KeyboardInterrupt:
        pass
    finally:
        practice.stop()
    return 0


def _wait_forever() -> None:
    import signal

    def terminate(signum, frame):  # SIGTERM stops as cleanly as Ctrl+C
        raise KeyboardInterrupt

    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, terminate)
    event = threading.Event()
    while not event.wait(0.5):
        pass
