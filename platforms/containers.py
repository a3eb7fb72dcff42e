"""Media containers, as Instagram and Threads publish: make a container, wait until Meta has
fetched and processed it, publish it once. Shared by platforms/instagram.py and threads.py.

A container is single-use: its status turns ``PUBLISHED`` after the publish call. That makes
the look-up after a lost answer exact: a container that says ``PUBLISHED`` was posted, one that
says ``FINISHED`` was not. Containers expire after 24 hours (``EXPIRED``).
Sources: https://developers.facebook.com/docs/instagram-platform/content-publishing/ ("Check
the container status"), https://developers.facebook.com/documentation/threads/troubleshooting
"""

from __future__ import annotations

import time

from composer.plugin import MediaInvalid, PublishContext, Transient, _
from platforms.graph import Graph

FINISHED, IN_PROGRESS, ERROR, EXPIRED, PUBLISHED = (
    "FINISHED", "IN_PROGRESS", "ERROR", "EXPIRED", "PUBLISHED")


class ContainerExpired(Transient):
    """The container outlived its 24 hours: make a new one (the caller forgets the old id)."""


def status(graph: Graph, container: str, field: str) -> tuple[str, str]:
    """(status, error message) of a container; ``field`` is ``status_code`` (Instagram) or
    ``status`` (Threads)."""
    fields = f"{field},status" if field != "status" else "status,error_message"
    body = graph.call("GET", container, params={"fields": fields})
    state = str(body.get(field) or body.get("status") or "").upper()
    # Instagram's "status" is a sentence such as "Error: Media download has failed. (2207052)"
    detail = str(body.get("error_message") or (body.get("status") if field != "status" else "")
                 or "")
    return state, detail


def wait_until_ready(ctx: PublishContext, graph: Graph, container: str, *, field: str,
                     interval: float, timeout: float, video: bool = False) -> str:
    """Poll until the container is FINISHED (or already PUBLISHED); raises MediaInvalid for
    ERROR, ContainerExpired for EXPIRED and Transient when Meta takes longer than ``timeout``.
    ``video``: the container holds a video, and the officer reads so."""
    deadline = time.monotonic() + timeout
    wait = interval
    while True:
        state, detail = status(graph, container, field)
        if state in (FINISHED, PUBLISHED):
            return state
        if state == ERROR:
            if video:
                raise MediaInvalid(_("{channel} could not process the video: {detail}",
                                     channel=graph.channel, detail=detail or state))
            raise MediaInvalid(_("{channel} could not process an image: {detail}",
                                 channel=graph.channel, detail=detail or state))
        if state == EXPIRED:
            raise ContainerExpired(_("The prepared media expired; publish again"))
        if state != IN_PROGRESS:  # an answer we do not understand: never spin on it
            raise Transient(_("{channel} answered an unknown media status: {status}",
                              channel=graph.channel, status=state or "-"))
        if time.monotonic() + wait > deadline:
            if video:
                raise Transient(_("{channel} is still processing the video; try again shortly",
                                  channel=graph.channel))
            raise Transient(_("{channel} is still processing the images; try again shortly",
                              channel=graph.channel))
        if ctx.cancel_event.wait(wait):
            ctx.check_cancelled()
        wait = min(wait * 2, max(interval, 10.0))  # Meta asks for gentle polling
