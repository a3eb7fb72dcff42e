"""Images hosted in the office's WordPress media library (REST API, application password).

``POST /wp-json/wp/v2/media`` with the raw bytes and a Content-Disposition file name answers 201
with ``source_url``: the public address Meta fetches (docs/platforms.md §11). Sites with plain
permalinks answer only at ``/?rest_route=/wp/v2/media``; a non-JSON 404 from ``/wp-json`` makes
the upload go there (nothing was created by a 404).
"""

from __future__ import annotations

import os
import re
from typing import TYPE_CHECKING, Any

from composer.plugin import (
    FileBody,
    MediaInvalid,
    PublishContext,
    Rejected,
    RenderedMedia,
    Transient,
    _,
)
from platforms.mediahost import Hosted, setting

if TYPE_CHECKING:  # typing only; httpx loads when an image is uploaded
    import httpx

_EXTENSIONS = {"image/jpeg": "jpg", "image/png": "png", "image/gif": "gif", "image/webp": "webp"}


class WordPressHost:
    def ready(self, ctx: PublishContext) -> None:
        self._login(ctx)

    @staticmethod
    def _login(ctx: PublishContext) -> tuple[str, str, str]:
        """(site, user, application password); Rejected when one is missing."""
        site = setting(ctx.account, "media_wp_url", _("the WordPress site URL")).rstrip("/")
        user = setting(ctx.account, "media_wp_user", _("the WordPress user name"))
        password = (ctx.secrets.get("media_wp_app_password") or "").strip()
        if not password:
            raise Rejected(_("The image host is not set up: {what} is missing",
                             what=_("the WordPress application password")))
        return site, user, password

    def put(self, ctx: PublishContext, media: RenderedMedia, fingerprint: str) -> Hosted:
        import httpx

        site, user, password = self._login(ctx)
        name = f"siaran-{fingerprint[:16]}.{_EXTENSIONS.get(media.mime, 'jpg')}"
        size = os.path.getsize(media.path)
        # streamed from disk, read afresh for the second address below
        data = FileBody(media.path, size, ctx)
        headers = {"Content-Type": media.mime, "Content-Length": str(size),
                   "Content-Disposition": f'attachment; filename="{name}"'}
        params = {"alt_text": media.alt} if media.alt else {}
        auth = httpx.BasicAuth(user, password)
        try:
            response = ctx.client.post(f"{site}/wp-json/wp/v2/media", content=data,
                                       headers=headers, params=params, auth=auth)
            if response.status_code == 404 and not _is_json(response):
                response = ctx.client.post(f"{site}/", content=data, headers=headers,
                                           params={"rest_route": "/wp/v2/media", **params},
                                           auth=auth)
        except httpx.HTTPError as exc:
            # An upload that got no answer may have left an attachment in the library; that
            # is harmless (it is not a post), so trying again is right.
            raise Transient(_("The image host {site} did not answer ({error})", site=site,
                              error=type(exc).__name__)) from None
        body = _json(response)
        if response.status_code >= 400 or not body.get("source_url"):
            raise _error(response, body, site)
        return Hosted(fingerprint, str(body["source_url"]), ref=str(body.get("id", "")))

    def renew(self, ctx: PublishContext, hosted: Hosted) -> Hosted:
        return hosted  # library addresses do not expire


def _is_json(response: httpx.Response) -> bool:
    content_type: str = response.headers.get("content-type", "")  # httpx types .get as Any
    return content_type.startswith("application/json")


def _json(response: httpx.Response) -> dict[str, Any]:
    try:
        body = response.json()
    except ValueError:
        return {}
    return body if isinstance(body, dict) else {}


def _error(response: httpx.Response, body: dict[str, Any], site: str) -> Exception:
    status, code = response.status_code, str(body.get("code") or "")
    message = re.sub(r"<[^>]+>", "", str(body.get("message") or "")) or code or f"HTTP {status}"
    if status >= 500 or status == 429:
        return Transient(_("The image host {site} answered {status}", site=site, status=status),
                         status=status)
    if status == 413 or code.startswith("rest_upload"):
        return MediaInvalid(_("The image host refused the image: {message}", message=message),
                            status=status)
    if status in (401, 403):
        return Rejected(_("The image host (WordPress) refused the user or application "
                          "password: {message}", message=message), status=status)
    return Rejected(_("The image host {site} refused the upload: {message}", site=site,
                      message=message), status=status)
