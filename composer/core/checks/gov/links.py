"""Links: https only, no staging or local address, and each one answering.

Whether a link answers needs the network, which the rule book must never wait for (it runs on
every keystroke): :func:`resolve` asks (HEAD, then GET when HEAD is refused, short timeout) and
remembers the answers; it runs off the GUI thread (a background task) or in ``siaran check
--links``. Until a link was asked about, and whenever the network did not answer, the finding is
"not checked": never a pass.
"""

from __future__ import annotations

import ipaddress
import re
import threading
import time
from collections.abc import Iterable
from urllib.parse import urlsplit

from composer.core.checks.gov.scan import Context, Hit

_URL = re.compile(r"\bhttps?://[^\s<>\"')\]]+", re.I)
_STAGING = re.compile(r"(^|[.\-])(staging|stage|stg|dev|test|uat|sandbox|preprod|local|"
                      r"localhost|internal|intranet)([.\-]|$)", re.I)

ANSWER_KEEP = 600.0  # seconds an answer is believed

_lock = threading.Lock()
# url -> (True: answers, False: the server said no (4xx/5xx), None: no answer, when asked)
_answers: dict[str, tuple[bool | None, float, int]] = {}
_generation = 0  # counts answers, so a finding remembered before an answer is made again


def generation() -> int:
    return _generation


def urls_in(text: str, links: Iterable[str] = ()) -> list[str]:
    found = [u.rstrip(".,;:!?") for u in _URL.findall(text)]
    return list(dict.fromkeys([*found, *links]))


def _internal(host: str) -> bool:
    if not host:
        return True
    try:
        address = ipaddress.ip_address(host.strip("[]"))
        return address.is_private or address.is_loopback or address.is_link_local
    except ValueError:
        pass
    return bool(_STAGING.search(host)) or host.endswith((".local", ".lan", ".test"))


def scan(text: str, links: Iterable[str], ctx: Context) -> list[Hit]:
    hits: list[Hit] = []
    for url in urls_in(text, links):
        parts = urlsplit(url)
        host = (parts.hostname or "").lower()
        if _internal(host):
            hits.append(Hit("gov.link.internal", url, params={"url": url}))
            continue
        if parts.scheme.lower() != "https":
            hits.append(Hit("gov.link.insecure", url, fix="https://" + url.split("://", 1)[1],
                            params={"url": url}))
        answer = answer_for(url)
        if answer is None:
            hits.append(Hit("gov.link.not_checked", url, params={"url": url}))
        elif answer[0] is False:
            hits.append(Hit("gov.link.unreachable", url, params={"url": url,
                                                                 "status": answer[1]}))
    return hits


def answer_for(url: str) -> tuple[bool | None, int] | None:
    """(answers, HTTP status) when asked recently and the network answered; None otherwise."""
    with _lock:
        known = _answers.get(url)
    if known is None or known[0] is None or time.monotonic() - known[1] > ANSWER_KEEP:
        return None
    return known[0], known[2]


def resolve(urls: Iterable[str], *, timeout: float = 4.0) -> dict[str, bool | None]:
    """Ask each link (HEAD, GET when HEAD is not allowed). Blocking: never on the GUI thread."""
    import httpx

    result: dict[str, bool | None] = {}
    with httpx.Client(timeout=timeout, follow_redirects=True) as client:
        for url in urls:
            if _internal((urlsplit(url).hostname or "").lower()):
                continue
            status = 0
            try:
                response = client.head(url)
                if response.status_code in (403, 405, 501):
                    response = client.get(url)
                status = response.status_code
                ok: bool | None = status < 400
            except httpx.HTTPError:
                ok = None  # offline, DNS, timeout: not checked, never a pass
            result[url] = ok
            global _generation
            with _lock:
                _answers[url] = (ok, time.monotonic(), status)
                _generation += 1
    return result


def forget() -> None:
    global _generation
    with _lock:
        _answers.clear()
        _generation += 1
