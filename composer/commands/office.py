"""`siaran office`: show or change the office profile (name, short name, logo, default handle,
time zone, language), the same profile as Settings ▸ Office profile in the window."""

from __future__ import annotations

import sys
from dataclasses import replace

from composer.commands import services
from composer.core.i18n import UserError, _
from composer.core.office import ZONES

FIELDS = ("name", "short_name", "logo", "handle", "zone", "language")


def add_arguments(parser) -> None:
    parser.add_argument("--name", help=_("the office's full name"))
    parser.add_argument("--short-name", dest="short_name", help=_("the short name, e.g. Diskominfo Sleman"))
    parser.add_argument("--logo", help=_("the logo image used on templates (a PNG with transparency)"))
    parser.add_argument("--handle", help=_("the default handle shown on templates, e.g. @kominfosleman"))
    parser.add_argument("--zone", choices=sorted(ZONES), help=_("the office's time zone"))
    parser.add_argument("--language", choices=["id", "en", ""],
                        help=_("language of images and reports (empty: the app's)"))


def run(args) -> int:
    svc = services()
    profile = svc.office()
    changes = {f: getattr(args, f) for f in FIELDS if getattr(args, f) is not None}
    if changes:
        try:
            profile = replace(profile, **{k: v.strip() for k, v in changes.items()})
        except UserError as exc:
            print(str(exc), file=sys.stderr)
            return 2
        problem = profile.problem()
        if problem:
            print(problem, file=sys.stderr)
            return 2
        svc.save_office(profile)
        print(_("Office profile saved."))
    labels = {"name": _("Name"), "short_name": _("Short name"), "logo": _("Logo"),
              "handle": _("Handle"), "zone": _("Time zone"), "language": _("Language")}
    for name in FIELDS:
        value = getattr(profile, name) or "-"
        print(f"{labels[name]:<12} {value}")
    return 0
