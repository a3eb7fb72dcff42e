"""The drafts list of File ▸ Open: drafts apart from what was published (and what was put
away), and what the officer can do with each.

A post that went out (the journal has it published, sent by hand or since deleted on one of its
channels) is "published" and lives on in the history: it can
be opened (to correct it) or duplicated as a new post, and archived, but not deleted, because
the history and the monthly report refer to it. A draft can be duplicated, archived or
deleted; an archived one restored to where it was.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from composer.core.i18n import UserError, _
from composer.core.journal import Journal
from composer.core.post import Post, new_id
from composer.core.store import DraftInfo, DraftNotFound, Store

DRAFT, PUBLISHED, ARCHIVED = "draft", "published", "archived"
SHELVES = (DRAFT, PUBLISHED, ARCHIVED)


@dataclass(frozen=True)
class DraftActions:
    open: bool = True
    duplicate: bool = True
    archive: bool = False
    restore: bool = False
    delete: bool = False


def actions_for(status: str, in_history: bool) -> DraftActions:
    """What the list offers for a post of this ``status`` (whether the journal knows it)."""
    if status == ARCHIVED:
        return DraftActions(restore=True, delete=not in_history)
    if status == PUBLISHED:
        return DraftActions(archive=True)
    return DraftActions(archive=True, delete=not in_history)


@dataclass
class Drafts:
    store: Store
    journal: Journal

    def list(self, shelf: str = DRAFT) -> list[DraftInfo]:
        """The posts on ``shelf``, newest first, each with the status of its shelf."""
        if shelf not in SHELVES:
            raise ValueError(shelf)
        if shelf == ARCHIVED:
            return self.store.list_drafts(ARCHIVED)
        out = self._went_out()
        return [replace(d, status=PUBLISHED) if d.id in out else d
                for d in self.store.list_drafts(None)
                if d.status != ARCHIVED and (d.id in out) == (shelf == PUBLISHED)]

    def _went_out(self) -> set[str]:
        rows = self.store.query("SELECT DISTINCT post_id FROM journal WHERE state IN"
                                " ('posted', 'manual', 'deleted')")
        return {r["post_id"] for r in rows}

    def in_history(self, draft_id: str) -> bool:
        return bool(self.journal.entries(draft_id))

    def actions(self, info: DraftInfo) -> DraftActions:
        return actions_for(info.status, self.in_history(info.id))

    def duplicate(self, draft_id: str) -> Post:
        """A new draft with the same content (its own id, no schedule), saved; returned to open."""
        post = self.store.load_draft(draft_id)
        copy = replace(post.copy(), id=new_id(), schedule=None)
        self.store.save_draft(copy)
        return copy

    def archive(self, draft_id: str) -> None:
        self.store.set_status(draft_id, ARCHIVED)

    def restore(self, draft_id: str) -> None:
        """Back where it was: the drafts, or the published posts when it went out."""
        self.store.set_status(draft_id, DRAFT)

    def delete(self, draft_id: str) -> None:
        if self.in_history(draft_id):
            raise UserError(_("This post is in the history and the monthly report: archive it "
                              "instead of deleting it"))
        if not self.store.delete_draft(draft_id):
            raise DraftNotFound(_("There is no draft {id}", id=draft_id))
