"""The practice server base: routing, bodies, the request log and every fault kind, over real
HTTP on 127.0.0.1."""

import os
import threading

import httpx
import pytest

from platforms.practice import FakeServer, Response, route
from platforms.practice.server import FaultInjector, parse_multipart


class Notes(FakeServer):
    platform_id = ""  # a test fake, not a platform

    def __init__(self, **kw):
        super().__init__(**kw)
        self.notes: list[dict] = []

    @route("POST", r"/notes")
    def create(self, req):
        data = req.json()
        with self.lock:
            self.notes.append(data)
            return Response(201, json={"id": len(self.notes)})

    @route("GET", r"/notes/(?P<id>\d+)")
    def read(self, req):
        i = int(req.params["id"])
        return Response(200, json=self.notes[i - 1]) if i <= len(self.notes) else Response(404)

    @route("POST", r"/upload")
    def upload(self, req):
        f = req.files["file"]
        return Response(200, json={"name": f.filename, "type": f.content_type,
                                   "size": len(f.data), "alt": req.form.get("alt"),
                                   "same": f.data == UPLOAD})

    def rate_limit_response(self, retry_after):
        return Response(429, json={"retry_after": retry_after})


UPLOAD = bytes(range(256)) * 40 + b"\r\n--\r\n\r\n" + os.urandom(3000)


@pytest.fixture
def fake():
    with Notes() as server:
        yield server


@pytest.fixture
def client():
    with httpx.Client(timeout=2.0) as c:
        yield c


def test_routes_json_params_and_log(fake, client):
    r = client.post(fake.url + "/notes", json={"text": "Halo"})
    assert r.status_code == 201 and r.json() == {"id": 1}
    assert client.get(fake.url + "/notes/1?x=1&x=2").json() == {"text": "Halo"}
    assert client.get(fake.url + "/nowhere").status_code == 404
    assert [(q.method, q.path) for q in fake.requests] == [
        ("POST", "/notes"), ("GET", "/notes/1"), ("GET", "/nowhere")]
    assert fake.requests[1].query == {"x": "2"} and fake.requests[1].query_all == {"x": ["1", "2"]}
    assert fake.url.startswith("http://127.0.0.1:")


def test_bad_json_is_a_400_not_a_crash(fake, client):
    r = client.post(fake.url + "/notes", content=b"{nope", headers={"Content-Type": "application/json"})
    assert r.status_code == 400 and "invalid JSON" in r.json()["error"]
    assert not fake.errors


def test_multipart_binary_file_round_trips(fake, client):
    r = client.post(fake.url + "/upload", files={"file": ("a.jpg", UPLOAD, "image/jpeg")},
                    data={"alt": "Kantor gubernur — pagi"})
    assert r.json() == {"name": "a.jpg", "type": "image/jpeg", "size": len(UPLOAD),
                        "alt": "Kantor gubernur — pagi", "same": True}


def test_status_fault_times_and_route(fake, client):
    fake.faults.add("status", route="POST /notes", times=2, code=502)
    assert client.get(fake.url + "/notes/1").status_code == 404  # other route: untouched
    codes = [client.post(fake.url + "/notes", json={}).status_code for _ in range(3)]
    assert codes == [502, 502, 201]
    assert len(fake.notes) == 1  # a failed request did not do the work


def test_rate_limit_uses_the_fakes_own_format(fake, client):
    fake.faults.add("rate_limit", retry_after=7)
    r = client.post(fake.url + "/notes", json={})
    assert r.status_code == 429 and r.json() == {"retry_after": 7.0}


def test_success_then_500_does_the_work(fake, client):
    fake.faults.add("success_then_500")
    assert client.post(fake.url + "/notes", json={"a": 1}).status_code == 500
    assert fake.notes == [{"a": 1}]


def test_duplicate_and_expired_token_defaults(fake, client):
    fake.faults.add("duplicate")
    fake.faults.add("expired_token")
    assert client.post(fake.url + "/notes", json={}).status_code == 409
    assert client.post(fake.url + "/notes", json={}).status_code == 401
    assert fake.notes == []


@pytest.mark.parametrize("after_work", [False, True])
def test_timeout_hangs_past_the_client(fake, after_work):
    fake.faults.add("timeout", after_work=after_work, seconds=5)
    with httpx.Client(timeout=0.3) as c, pytest.raises(httpx.ReadTimeout):
        c.post(fake.url + "/notes", json={"a": 1})
    assert len(fake.notes) == (1 if after_work else 0)


def test_reset_aborts_the_upload_midway(fake, client):
    fake.faults.add("reset", route="/upload")
    big = os.urandom(4 * 1024 * 1024)
    with pytest.raises((httpx.WriteError, httpx.ReadError, httpx.RemoteProtocolError)):
        client.post(fake.url + "/upload", files={"file": ("a.jpg", big, "image/jpeg")})
    cut = fake.requests[-1]
    assert cut.fault == "reset" and not cut.complete and len(cut.body) < len(big)
    # The server goes on serving new connections.
    assert client.post(fake.url + "/notes", json={}).status_code == 201


def test_random_faults_are_seeded_and_repeatable():
    def run(seed):
        inj = FaultInjector()
        inj.random(0.5, seed=seed, kinds=["status", ("rate_limit", {"retry_after": 0})])
        return [(f.kind if f else None) for f in (inj.take("POST", "/x") for _ in range(40))]

    first = run(3)
    assert first == run(3) and first != run(4)
    assert {"status", "rate_limit", None} == set(first)


def test_unknown_fault_kind_is_refused():
    with pytest.raises(ValueError):
        FaultInjector().add("meteor")


def test_stop_releases_a_hanging_request(fake):
    fake.faults.add("timeout", seconds=30)
    errors = []

    def call():
        try:
            httpx.post(fake.url + "/notes", json={}, timeout=10)
        except httpx.HTTPError as exc:
            errors.append(exc)

    t = threading.Thread(target=call)
    t.start()
    while not fake.requests:
        threading.Event().wait(0.01)
    fake.stop()
    t.join(5)
    assert not t.is_alive() and errors


def test_latency_is_added(client):
    import time

    with Notes(latency=0.2) as slow:
        t0 = time.perf_counter()
        client.post(slow.url + "/notes", json={})
        assert time.perf_counter() - t0 >= 0.2


def test_parse_multipart_rejects_garbage():
    from platforms.practice import BadRequest

    with pytest.raises(BadRequest):
        parse_multipart("multipart/form-data", b"x")
    with pytest.raises(BadRequest):
        parse_multipart("multipart/form-data; boundary=b", b"--b\r\nno headers\r\n--b--")
