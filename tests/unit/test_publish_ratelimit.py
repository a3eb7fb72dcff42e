"""Each platform's rate-limit signal becomes the same number of seconds to wait."""

import httpx
import pytest

from composer.core.ratelimit import remaining, retry_after, seconds_until

NOW = 1_800_000_000.0  # 2027-01-15T08:00:00Z


def test_x_epoch_header():
    assert retry_after({"x-rate-limit-reset": str(int(NOW) + 90)}, now=NOW) == 90


def test_mastodon_iso_timestamp():
    headers = {"X-RateLimit-Reset": "2027-01-15T08:00:30.000000Z"}
    assert retry_after(headers, now=NOW) == pytest.approx(30)


def test_bluesky_ratelimit_reset_epoch():
    headers = httpx.Headers({"RateLimit-Limit": "3000", "RateLimit-Remaining": "0",
                             "RateLimit-Reset": str(int(NOW) + 12)})
    assert retry_after(headers, now=NOW) == 12
    assert remaining(headers) == 0


def test_telegram_body_wins():
    body = {"ok": False, "error_code": 429, "description": "Too Many Requests: retry after 35",
            "parameters": {"retry_after": 35}}
    assert retry_after({}, body) == 35


def test_retry_after_delta_and_http_date():
    assert retry_after({"Retry-After": "7"}, now=NOW) == 7
    assert retry_after({"Retry-After": "Fri, 15 Jan 2027 08:01:00 GMT"}, now=NOW) == pytest.approx(60)


def test_retry_after_beats_reset_headers():
    headers = {"Retry-After": "3", "x-rate-limit-reset": str(int(NOW) + 900)}
    assert retry_after(headers, now=NOW) == 3


def test_past_reset_means_no_wait_and_garbage_means_unknown():
    assert retry_after({"x-rate-limit-reset": str(int(NOW) - 5)}, now=NOW) == 0
    assert retry_after({"Retry-After": "soon"}, now=NOW) is None
    assert retry_after({}, {"error": "x"}) is None
    assert seconds_until("nan") is None
    assert remaining({"x": "1"}) is None
