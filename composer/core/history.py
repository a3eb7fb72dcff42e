"""What the officer can do with one row of the history (its context menu in the window).

The rules live here so the window only shows them: a link can be opened and copied when there
is one; "Update" is offered for what is out (the publish dialog then asks the engine whether it
changed, and offers update, replace or post as new); "Publish again" for what did not go out
(failed, cancelled) or was deleted (it goes out as a new version, the deleted one stays in the
history); "Unpublish" where the engine can delete it (Engine.can_unpublish). And what History's
filters mean as a journal query (the status groups, whole days in the office's zone).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from composer.core.journal import Entry, HistoryQuery, State
from composer.core.office import zone_of

# Sent again from the window: a failure or a cancel, or a deleted post put out anew.
_AGAIN = frozenset({State.FAILED, State.CANCELLED, State.DELETED})


@dataclass(frozen=True)
class RowActions:
    open_link: bool
    update: bool
    unpublish: bool
    publish_again: bool
    # the correction "Publish again" asks the engine for ("as_new" for a deleted post)
    again_choice: str | None = None


def row_actions(entry: Entry, can_unpublish: bool) -> RowActions:
    deleted = entry.state == State.DELETED
    return RowActions(
        open_link=bool(entry.url) and not deleted,
        update=entry.state == State.POSTED and not entry.correcting,
        unpublish=can_unpublish,
        publish_again=entry.state in _AGAIN and not entry.correcting,
        again_choice="as_new" if deleted else None,
    )


# The status filter of History, in the officer's words: which journal states each one means.
STATUS_GROUPS: dict[str, frozenset[str]] = {
    "published": frozenset({State.POSTED.value, State.MANUAL.value}),
    "failed": frozenset({State.FAILED.value}),
    "deleted": frozenset({State.DELETED.value}),
    "unfinished": frozenset({State.PENDING.value, State.MEDIA_UPLOADED.value,
                             State.UNKNOWN.value, State.CANCELLED.value}),
}


def query_for(*, channel: str = "", status: str = "", first_day: date | None = None,
              last_day: date | None = None, text: str = "", zone: str | None = None,
              limit: int | None = 300) -> HistoryQuery:
    """History's filters as the journal query: days are whole days in the office's zone,
    ``last_day`` included."""
    tz = zone_of(zone)
    since = datetime.combine(first_day, time(0), tz) if first_day else None
    until = datetime.combine(last_day + timedelta(days=1), time(0), tz) if last_day else None
    return HistoryQuery(channel=channel, states=STATUS_GROUPS.get(status, frozenset()),
                        since=since, until=until, text=text, limit=limit)
