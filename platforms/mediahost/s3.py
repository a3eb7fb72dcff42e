"""Images hosted in an S3-compatible bucket (AWS S3, MinIO, Wasabi, a local moto ...).

A signed ``PUT`` of the object (AWS Signature V4, signed by botocore, the reference signer, sent
with the engine's httpx client), then either the object's plain address (``public-read`` ACL) or
a presigned ``GET`` address valid for ``media_s3_url_expiry`` seconds (default a day: Meta's
containers live 24 hours; SigV4 allows at most 7 days). Objects are named by their content
hash, so uploading the same image again only rewrites the same object.

Addressing: virtual-hosted (``bucket.s3.region.amazonaws.com``) for AWS endpoints, which no
longer serve path-style for new buckets; path-style (``endpoint/bucket/key``) for every other
S3-compatible server. ``media_s3_addressing`` overrides.

Sources: https://docs.aws.amazon.com/AmazonS3/latest/API/sig-v4-authenticating-requests.html,
https://docs.aws.amazon.com/AmazonS3/latest/userguide/ShareObjectPreSignedURL.html,
https://docs.aws.amazon.com/AmazonS3/latest/userguide/VirtualHosting.html
"""

from __future__ import annotations

import os
import time
from typing import TYPE_CHECKING, cast
from urllib.parse import quote, urlsplit

from composer.plugin import FileBody, PublishContext, Rejected, RenderedMedia, Transient, _
from platforms.mediahost import Hosted, setting

if TYPE_CHECKING:  # typing only; botocore and httpx load when an image is uploaded
    import httpx
    from botocore.credentials import Credentials

DEFAULT_EXPIRY = 86_400
MAX_EXPIRY = 7 * 86_400  # SigV4 presigned URLs
_EXTENSIONS = {"image/jpeg": ".jpg", "image/png": ".png", "image/gif": ".gif", "image/webp": ".webp"}


class S3Host:
    def ready(self, ctx: PublishContext) -> None:
        _Bucket(ctx)  # checks every setting and the secret key

    def put(self, ctx: PublishContext, media: RenderedMedia, fingerprint: str) -> Hosted:
        import httpx

        bucket = _Bucket(ctx)
        key = f"{bucket.prefix}{fingerprint[:32]}{_EXTENSIONS.get(media.mime, '')}"
        url = bucket.object_url(key)
        size = os.path.getsize(media.path)
        headers = {"Content-Type": media.mime, "Cache-Control": "public, max-age=86400",
                   "Content-Length": str(size)}
        if bucket.public:
            headers["x-amz-acl"] = "public-read"
        # signed over the file's SHA-256 (its fingerprint), then streamed from disk
        signed = bucket.sign("PUT", url, headers, fingerprint)
        try:
            response = ctx.client.put(url, content=FileBody(media.path, size, ctx),
                                      headers=signed)
        except httpx.HTTPError as exc:
            # Object writes are idempotent (same key, same bytes): trying again is safe.
            raise Transient(_("The image host {host} did not answer ({error})",
                              host=bucket.host, error=type(exc).__name__)) from None
        if response.status_code >= 400:
            raise _error(response, bucket.host)
        if bucket.public:
            return Hosted(fingerprint, bucket.public_url(key), ref=key)
        return self._presigned(bucket, fingerprint, key)

    def renew(self, ctx: PublishContext, hosted: Hosted) -> Hosted:
        bucket = _Bucket(ctx)
        return self._presigned(bucket, hosted.fingerprint, hosted.ref)

    @staticmethod
    def _presigned(bucket: _Bucket, fingerprint: str, key: str) -> Hosted:
        return Hosted(fingerprint, bucket.presign(key), ref=key,
                      expires_at=time.time() + bucket.expiry)


class _Bucket:
    """One account's bucket settings and credentials."""

    def __init__(self, ctx: PublishContext):
        account = ctx.account
        self.endpoint = setting(account, "media_s3_endpoint", _("the S3 endpoint")).rstrip("/")
        if "://" not in self.endpoint:
            self.endpoint = "https://" + self.endpoint
        self.bucket = setting(account, "media_s3_bucket", _("the S3 bucket"))
        self.region = (account.get("media_s3_region") or "us-east-1").strip()
        self.key_id = setting(account, "media_s3_access_key_id", _("the S3 access key ID"))
        self.secret = (ctx.secrets.get("media_s3_secret_key") or "").strip()
        if not self.secret:
            raise Rejected(_("The image host is not set up: {what} is missing",
                             what=_("the S3 secret key")))
        self.public = (account.get("media_s3_public") or "no").strip().lower() in (
            "yes", "true", "1", "public-read")
        try:
            expiry = int(account.get("media_s3_url_expiry") or DEFAULT_EXPIRY)
        except ValueError:
            expiry = DEFAULT_EXPIRY
        self.expiry = max(900, min(expiry, MAX_EXPIRY))
        self.prefix = (account.get("media_s3_prefix") or "siaran/").lstrip("/")
        self.public_base = (account.get("media_s3_public_url") or "").rstrip("/")
        parts = urlsplit(self.endpoint)
        self.host = parts.netloc
        addressing = (account.get("media_s3_addressing") or "").strip().lower()
        self.virtual = addressing == "virtual" or (
            not addressing and (parts.hostname or "").endswith(".amazonaws.com"))

    def object_url(self, key: str) -> str:
        path = quote(key, safe="/~")
        if self.virtual:
            parts = urlsplit(self.endpoint)
            return f"{parts.scheme}://{self.bucket}.{parts.netloc}/{path}"
        return f"{self.endpoint}/{quote(self.bucket)}/{path}"

    def public_url(self, key: str) -> str:
        if self.public_base:  # a CDN or custom domain in front of the bucket
            return f"{self.public_base}/{quote(key, safe='/~')}"
        return self.object_url(key)

    def _credentials(self) -> Credentials:
        from botocore.credentials import Credentials

        return Credentials(self.key_id, self.secret)

    def sign(self, method: str, url: str, headers: dict[str, str],
             payload_sha256: str) -> dict[str, str]:
        """SigV4 headers for a request whose body has the SHA-256 ``payload_sha256`` (hex): the
        body itself is never needed, so it can be streamed."""
        from botocore.auth import S3SigV4Auth
        from botocore.awsrequest import AWSRequest

        class _KnownPayload(S3SigV4Auth):
            def payload(self, request: AWSRequest) -> str:
                return payload_sha256

        request = AWSRequest(method=method, url=url, headers=headers)
        _KnownPayload(self._credentials(), "s3", self.region).add_auth(request)
        return dict(request.headers.items())

    def presign(self, key: str) -> str:
        from botocore.auth import S3SigV4QueryAuth
        from botocore.awsrequest import AWSRequest

        request = AWSRequest(method="GET", url=self.object_url(key))
        S3SigV4QueryAuth(self._credentials(), "s3", self.region,
                         expires=self.expiry).add_auth(request)
        # made with a URL above (add_auth only appends the signature); the stubs allow None
        # because an AWSRequest may be made without one
        return cast(str, request.url)


def _error(response: httpx.Response, host: str) -> Exception:
    import re

    status = response.status_code
    code = (re.search(r"<Code>([^<]+)</Code>", response.text or "") or [None, ""])[1]
    if status >= 500 or status in (429, 503) or code == "SlowDown":
        return Transient(_("The image host {host} answered {status}", host=host, status=status),
                         status=status)
    if code in ("InvalidAccessKeyId", "SignatureDoesNotMatch", "AccessDenied") or status == 403:
        return Rejected(_("The image host (S3) refused the access key: {code}",
                          code=code or status), status=status)
    if code == "NoSuchBucket" or status == 404:
        return Rejected(_("The image host (S3) has no such bucket"), status=status)
    return Rejected(_("The image host {host} refused the upload: {code}", host=host,
                      code=code or status), status=status)
