"""A PublishContext for calling an adapter directly against its practice server, without the
engine: the shape every adapter unit test needs (checkpoints kept in a dict, English log)."""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

import httpx

from composer.core.adapters import PublishContext

if TYPE_CHECKING:
    from platforms.practice.server import FakeServer


def practice_context(server: FakeServer, client: httpx.Client, *,
                     checkpoint: dict | None = None, account: Mapping[str, str] | None = None,
                     secrets: Mapping[str, str] | None = None,
                     update_secrets: Callable[[Mapping[str, str]], None] | None = None,
                     ) -> PublishContext:
    """The context of the server's practice account; ``account`` and ``secrets`` override some of
    its settings and secrets. Checkpoints saved by the adapter land in ``checkpoint``."""
    settings, base_secrets = server.practice_account()
    checkpoint = {} if checkpoint is None else checkpoint
    return PublishContext(client=client, account={**settings, **(account or {})},
                          secrets={**base_secrets, **(secrets or {})},
                          log=logging.getLogger("siaran.test"), checkpoint=checkpoint,
                          save_checkpoint=checkpoint.update,
                          update_secrets=update_secrets or (lambda values: None))


class Crashed(Exception):
    """A test's stand-in for the app dying: raised by ``crash_once_saved``."""


def after_checkpoint(ctx: PublishContext, when: Callable[[dict[str, Any]], bool],
                     then: Callable[[], None]) -> None:
    """Run ``then`` right after the adapter journals a checkpoint for which ``when`` holds (a
    fault to inject at that very point of an upload)."""
    save = ctx.save_checkpoint

    def save_then(data: dict[str, Any]) -> None:
        save(data)
        if when(data):
            then()

    ctx.save_checkpoint = save_then


def crash_once_saved(ctx: PublishContext, key: str) -> None:
    """The app "dies" (Crashed) right after the adapter journals a checkpoint that names
    ``key``: the checkpoint is kept, as a real crash would leave it, and nothing after it runs."""
    def crash() -> None:
        raise Crashed

    after_checkpoint(ctx, lambda data: bool(data.get(key)), crash)
