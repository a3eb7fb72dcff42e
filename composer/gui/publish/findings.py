"""The rule book's findings (composer.core.checks), arranged for the publish dialog.

Nothing is decided here: a channel goes out when the core finds no ``block`` (and there is an
account to publish with). This module only groups: a finding that several channels share (the
same image without alt text on nine channels) becomes one line naming how many, not nine."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QCoreApplication, QObject

from composer.core import checks
from composer.core.adapters import Finding, Severity
from composer.core.post import Post
from composer.gui.editor.channels import ChannelInfo

translate = QCoreApplication.translate


class Plurals(QObject):
    """Counted phrases (lupdate finds plural forms only in a class's self.tr)."""

    def images(self, n: int) -> str:
        return self.tr("%n image(s)", "", n)

    def parts(self, n: int) -> str:
        return self.tr("a thread of %n part(s)", "", n)

    def without_alt(self, n: int) -> str:
        return self.tr("%n image(s) without alt text", "", n)

    def channels(self, n: int) -> str:
        return self.tr("%n channel(s)", "", n)


@dataclass
class ChannelPlan:
    channel: ChannelInfo
    summary: str  # what goes there: the text's start, images, thread parts
    result: checks.ChannelCheck
    reasons: list[str] = field(default_factory=list)  # why it does not go (blocks, no account)

    @property
    def publishable(self) -> bool:
        return not self.reasons

    @property
    def findings(self) -> tuple[Finding, ...]:
        return self.result.findings


@dataclass
class FindingLine:
    """One line of the dialog's findings: one finding, on one or many channels."""

    code: str
    severity: Severity
    text: str
    channels: list[str]  # the channels' labels
    params: dict = field(default_factory=dict)


def _first_line(text: str, width: int = 70) -> str:
    line = text.strip().splitlines()[0] if text.strip() else ""
    return line if len(line) <= width else line[: width - 1] + "…"


def plan(post: Post, channels: list[ChannelInfo]) -> list[ChannelPlan]:
    plans = []
    plurals = Plurals()
    for channel in channels:
        result = checks.check(post, channel.key, channel.spec, limit=channel.limit)
        text = post.resolve(checks.variant_key(post, channel.key, channel.spec)).text
        images = sum(1 for m in post.media if m.kind == "image")
        bits = [f"“{_first_line(text)}”" if text.strip() else translate("Findings", "(no text)")]
        if images:
            bits.append(plurals.images(images))
        if result.parts > 1:
            bits.append(plurals.parts(result.parts))
        p = ChannelPlan(channel, " · ".join(bits), result)
        if not channel.can_publish:
            p.reasons.append(translate("Findings", "No account: add one under Accounts to publish here."))
        p.reasons.extend(f.message for f in result.blocks)
        plans.append(p)
    return plans


def grouped(plans: list[ChannelPlan], severities=(Severity.WARN, Severity.INFO)) -> list[FindingLine]:
    """The findings of the channels that go out, one line per distinct finding: the same
    finding (code, message and numbers) on several channels is one line naming how many."""
    plurals = Plurals()
    lines: dict[tuple, FindingLine] = {}
    for p in plans:
        if not p.publishable:
            continue  # its reason is on its row; it does not go out
        for f in p.findings:
            if f.severity not in severities or f.code == "text.thread":  # in the summary
                continue
            key = (f.code, f.severity, f.message, repr(sorted(f.params.items())))
            line = lines.setdefault(key, FindingLine(f.code, f.severity, f.message, [],
                                                     dict(f.params)))
            line.channels.append(p.channel.label)
    out = []
    for line in lines.values():
        if line.code == "media.alt_missing":  # Qt's plural forms for the commonest one
            line.text = plurals.without_alt(int(line.params.get("count", 0)))
        if len(line.channels) > 1:
            line.text = f"{line.text} — {plurals.channels(len(line.channels))}"
        elif line.code == "media.alt_missing":
            line.text = f"{line.text} — {line.channels[0]}"
        out.append(line)
    out.sort(key=lambda line: (line.severity != Severity.WARN, -len(line.channels)))
    return out

