"""Writes siaran(1) in roff to stdout, from the command line's own parser, so the man page
lists exactly the commands the installed program has.

    .venv/bin/python packaging/linux/manpage.py VERSION | gzip -9n > siaran.1.gz
"""

from __future__ import annotations

import sys
from datetime import date

from composer.cli import COMMANDS, build_parser


def roff(text: str) -> str:
    return text.replace("\\", "\\\\").replace("-", "\\-").replace("'", "\\(aq")


def main(version: str) -> None:
    parser = build_parser()
    out = [f'.TH SIARAN 1 "{date.today():%Y-%m-%d}" "siaran {version}" "User Commands"',
           ".SH NAME", "siaran, siaran\\-gui \\- write one post, preview it on every channel, "
           "publish everywhere",
           ".SH SYNOPSIS", ".B siaran\\-gui", "[\\fIPOST_FILE\\fR]", ".br",
           ".B siaran", "[\\fB\\-\\-lang\\fR id|en] \\fICOMMAND\\fR [\\fIOPTIONS\\fR]",
           ".SH DESCRIPTION", roff(parser.description or ""),
           "siaran\\-gui opens the window (with a post file, that post); siaran drives the same "
           "services from a terminal. \\fBsiaran COMMAND \\-\\-help\\fR describes each command.",
           ".SH COMMANDS"]
    for name, help_text in COMMANDS.items():
        out += [".TP", f"\\fB{roff(name)}\\fR", roff(help_text)]
    out += [".SH FILES", "Drafts, media and the publish journal live in the user's data folder; "
            "passwords and tokens only in the system keyring. \\fBSIARAN_HOME\\fR puts every "
            "file under one folder instead.",
            ".SH ENVIRONMENT", ".TP", "\\fBSIARAN_LANG\\fR", "id or en: the language of messages.",
            ".TP", "\\fBSIARAN_HOME\\fR", "one folder for all of Siaran's files (portable use)."]
    print("\n".join(out))


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "")
