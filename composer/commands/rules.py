"""`siaran rules`: the office's governance rule set (docs/governance.md).

``show`` lists every gov.* rule with its severity and regulation; ``set CODE SEVERITY``
changes one (block, warn, info, off); ``add``/``remove LIST VALUE`` edits the office's lists
(dik, marks, phones, emails, names, words); ``export FILE`` / ``import FILE`` copy the whole
rule set between the office's machines, so every machine checks the same way.
"""

from __future__ import annotations

from pathlib import Path

from composer.commands import services
from composer.core.i18n import UserError, _

LISTS = {"dik": "dik_terms", "marks": "marks", "phones": "phones", "emails": "emails",
         "names": "election_names", "words": "words"}


def add_arguments(parser) -> None:
    sub = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    sub.add_parser("show", help=_("every rule with its severity and regulation"))
    p = sub.add_parser("set", help=_("change a rule's severity"))
    p.add_argument("code", metavar="CODE")
    p.add_argument("severity", metavar="SEVERITY", choices=["block", "warn", "info", "off"])
    for action in ("add", "remove"):
        p = sub.add_parser(action, help=_("edit one of the office's lists"))
        p.add_argument("list", metavar="LIST", choices=sorted(LISTS))
        p.add_argument("value", metavar="VALUE")
    p = sub.add_parser("finance", help=_("the Finance 17(e) plan rule: on or off"))
    p.add_argument("state", metavar="on|off", choices=["on", "off"])
    p = sub.add_parser("export", help=_("write the rule set to a file"))
    p.add_argument("file", metavar="FILE", type=Path)
    p = sub.add_parser("import", help=_("use the rule set in a file"))
    p.add_argument("file", metavar="FILE", type=Path)


def run(args) -> int:
    from composer.core.checks.gov.rules import RULES, GovRules

    svc = services()
    rules = svc.governance_rules()
    if args.action == "show":
        for code, rule in RULES.items():
            chosen = rules.severities.get(code, rule.severity.value)
            print(f"{code:26} {chosen:6} {rule.citation}")
        for name, attribute in sorted(LISTS.items()):
            values = getattr(rules, attribute)
            if values:
                print(f"{name}: {', '.join(values)}")
        return 0
    if args.action == "export":
        try:
            args.file.write_text(rules.to_json(), encoding="utf-8")
        except OSError as exc:
            raise UserError(_("Cannot write {file}: {reason}", file=args.file,
                              reason=exc.strerror)) from None
        print(_("Rule set written to {file}", file=args.file))
        return 0
    if args.action == "import":
        try:
            text = args.file.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            raise UserError(_("Cannot read {file}", file=args.file)) from None
        rules = GovRules.from_json(text)
    elif args.action == "set":
        rules.set_severity(args.code, args.severity)
    elif args.action == "finance":
        rules.finance = args.state == "on"
    else:
        entries: list[str] = getattr(rules, LISTS[args.list])
        if args.action == "add" and args.value not in entries:
            entries.append(args.value)
        elif args.action == "remove":
            if args.value not in entries:
                raise UserError(_("'{value}' is not in the list", value=args.value))
            entries.remove(args.value)
    svc.save_governance_rules(rules)
    print(_("Rule set saved"))
    return 0
