"""Channels the officer posts to by hand (Capability.MANUAL, e.g. WhatsApp): Siaran prepares
the variant and the links that open it, the officer sends it and confirms, and the journal
records a manual publish by that person, once.

    share = manual.prepare(engine, post, "whatsapp")   # text, image, share links
    ... the GUI copies share.text (and the image) to the clipboard and opens share.links.web;
    ... the CLI prints them and asks
    outcome = manual.confirm(engine, share, by="Budi")  # journal: state "manual", by Budi

Nothing here touches Qt: the clipboard stays in the GUI.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

from composer.core import adapters as A
from composer.core.i18n import UserError, _
from composer.core.journal import State
from composer.core.outcome import Outcome, Target
from composer.core.outgoing import build
from composer.core.post import Post

if TYPE_CHECKING:  # only the engine's type is needed here
    from composer.core.publish import Engine


class ShareLinks(Protocol):
    """What a hand-sent channel's ``share()`` gives: links that open it with the text."""

    @property
    def web(self) -> str: ...  # the app or the website, wherever the officer is

    @property
    def app(self) -> str: ...  # the desktop app, where it is installed


@dataclass(frozen=True)
class ManualShare:
    target: Target
    channel: str  # the channel's name, for the officer
    outgoing: A.OutgoingPost = field(repr=False)
    links: ShareLinks  # the platform's own (web, app)
    notes: tuple[str, ...] = ()  # what Siaran changed for this channel (an image left out)

    @property
    def text(self) -> str:
        return self.outgoing.text

    @property
    def image(self) -> str | None:
        return self.outgoing.media[0].path if self.outgoing.media else None


def is_manual(platform: A.Platform) -> bool:
    """Sent by hand: the registry knows from the adapter implementing ``share`` (Shareable)."""
    return platform.shareable


def prepare(engine: Engine, post: Post, account: str | Target) -> ManualShare:
    """The variant for a manual channel, checked against its limits (NotPublishable when the
    text is too long), rendered, with the links that open it."""
    target = engine.target(account)
    platform = engine.registry.get(target.platform)
    spec = platform.spec
    adapter = platform.make_adapter()
    if not is_manual(platform) or not isinstance(adapter, A.Shareable):
        raise UserError(_("{channel} is not posted by hand", channel=spec.name))
    notes: list[str] = []
    images = [m for m in post.media if m.kind == "image"]
    if len(images) > spec.max_images:  # by hand, one image goes along: the first
        post = post.copy()
        keep = {m.id for m in images[: spec.max_images]}
        post.media = [m for m in post.media if m.kind != "image" or m.id in keep]
        notes.append(_("Only the first image goes to {channel}", channel=spec.name))
    # Rendered where the engine renders, so its snapshot matches ours (a later publish of the
    # same post then sees the confirmation in the journal).
    outgoing = build(post, target.account, spec, out_dir=engine.cache_dir / post.id,
                     media_file=engine.media_file)
    return ManualShare(target, spec.name, outgoing, adapter.share(outgoing), tuple(notes))


def confirm(engine: Engine, share: ManualShare, *, by: str, url: str | None = None) -> Outcome:
    """The officer sent it: record a manual publish by ``by`` (once: a second confirmation of
    the same post and account changes nothing)."""
    by = " ".join((by or "").split())
    if not by:
        raise UserError(_("Say who sent it, so the history shows it"))
    journal = engine.journal
    entry = journal.begin(share.outgoing, share.target.account, share.target.platform)
    if entry.state in (State.MANUAL, State.POSTED):
        from composer.core import corrections
        from composer.core.journal import snapshot_of

        spec = engine.registry.get(share.target.platform).spec
        if not corrections.changed_parts(entry.snapshot, snapshot_of(share.outgoing), spec):
            return Outcome(entry.account, entry.platform, State.ALREADY,
                           _("already published"), entry.remote_id, entry.url)
        # Corrected and sent by hand again: a new version, the one before kept in the history.
        entry = journal.start_correction(entry.id, corrections.Choice.AS_NEW, share.outgoing)
    if entry.outgoing() != share.outgoing:  # what the officer sent is what the history shows
        entry = journal.replace_snapshot(entry.id, share.outgoing)
    journal.save_checkpoint(entry.id, {"manual_by": by})
    entry = journal.record(entry.id, State.MANUAL, remote_id=url or f"manual:{by}", url=url,
                           detail=_("sent by hand by {name}", name=by))
    return Outcome.of(journal.manual_version(entry.id))
