"""What the checks found, per channel, gathered for the publish dialog.

The findings come from the core: the text engine's counts and problems (composer.core.text),
the post's alt texts, the channel spec's image rules, and composer.core.checks when present.
This module only collects them into lines a person can read."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QCoreApplication, QObject

from composer.core.post import Post
from composer.gui.editor.channels import ChannelInfo
from composer.gui.editor.counting import count_channel

translate = QCoreApplication.translate


class Plurals(QObject):
    """Counted phrases (lupdate finds plural forms only in a class's self.tr)."""

    def images(self, n: int) -> str:
        return self.tr("%n image(s)", "", n)

    def parts(self, n: int) -> str:
        return self.tr("a thread of %n part(s)", "", n)

    def without_alt(self, n: int) -> str:
        return self.tr("%n image(s) without alt text", "", n)


@dataclass
class ChannelPlan:
    channel: ChannelInfo
    summary: str  # what goes there: the text's start, images, thread parts
    problems: list[str] = field(default_factory=list)  # blocking: will be refused or cut
    warnings: list[str] = field(default_factory=list)  # worth a look, does not block
    publishable: bool = True


def _first_line(text: str, width: int = 70) -> str:
    line = text.strip().splitlines()[0] if text.strip() else ""
    return line if len(line) <= width else line[: width - 1] + "…"


def plan(post: Post, channels: list[ChannelInfo]) -> list[ChannelPlan]:
    plans = []
    plurals = Plurals()
    for channel in channels:
        spec = channel.spec
        cc = count_channel(post, channel)
        resolved = post.resolve(channel.key)
        media = list(resolved.media)
        bits = [f"“{_first_line(cc.text)}”" if cc.text.strip() else translate("Findings", "(no text)")]
        if media:
            bits.append(plurals.images(len(media)))
        if cc.parts:
            bits.append(plurals.parts(len(cc.parts)))
        p = ChannelPlan(channel, " · ".join(bits))
        if not channel.can_publish:
            p.publishable = False
            p.problems.append(translate("Findings", "No account: add one under Accounts to publish here."))
        if cc.count is not None:
            if not cc.fits and not cc.parts:
                limit = cc.count.limit
                p.problems.append(translate("Findings", "Text too long: {used} of {limit} {unit}.").format(
                    used=cc.count.length, limit=limit, unit=cc.count.unit))
            p.warnings.extend(cc.count.problems)
        if not cc.text.strip() and not media:
            p.problems.append(translate("Findings", "Nothing to publish: no text and no image."))
        missing_alt = sum(1 for m in media if not m.alt.strip())
        if missing_alt:
            p.warnings.append(plurals.without_alt(missing_alt))
        if spec.max_images and len(media) > spec.max_images:
            p.warnings.append(translate("Findings", "{channel} shows at most {n} images; the rest are left out.").format(
                channel=spec.name, n=spec.max_images))
        if spec.max_images == 0 and media and spec.id != "folder":
            p.warnings.append(translate("Findings", "{channel} posts here carry no images.").format(channel=spec.name))
        if spec.min_images and len(media) < spec.min_images:
            p.problems.append(translate("Findings", "{channel} needs at least {n} image(s).").format(
                channel=spec.name, n=spec.min_images))
        if spec.alt_text_limit:
            for m in media:
                if len(m.alt) > spec.alt_text_limit:
                    p.warnings.append(translate("Findings", "An alt text is longer than {channel} allows ({n}).").format(
                        channel=spec.name, n=spec.alt_text_limit))
                    break
        plans.append(p)
    _add_core_checks(post, plans)
    return plans


def _add_core_checks(post: Post, plans: list[ChannelPlan]) -> None:
    """composer.core.checks, when it exists, adds its own findings (personal data, links ...)."""
    try:
        from composer.core import checks
    except ImportError:
        return
    run = getattr(checks, "check", None) or getattr(checks, "run", None)
    if run is None:
        return
    for p in plans:
        try:
            found = run(post, p.channel.spec, channel=p.channel.key)
        except TypeError:
            return  # a different signature than expected: skip rather than guess
        except Exception:
            continue
        for item in found or ():
            message = getattr(item, "message", None) or str(item)
            severity = getattr(item, "severity", "warning")
            (p.problems if severity in ("error", "blocker") else p.warnings).append(message)
