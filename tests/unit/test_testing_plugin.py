"""Siaran's pytest plugin as a third party meets it: a fresh pytest process, in a folder that is
not Siaran's (no conftest of ours), finds the fixtures through the pytest11 entry point alone
and publishes through a practice server with them."""

import pytest

pytest_plugins = ["pytester"]

THIRD_PARTY_TESTS = '''
import os

from composer.core.journal import State
from composer.core.post import Post
from composer.testing.context import practice_context
from platforms.mastodon import MastodonAdapter
from platforms.practice import echo
from platforms.practice.mastodon import FakeMastodon


def test_the_engine_publishes_through_a_practice_server(siaran_home, practice_server,
                                                        practice_engine, in_memory_keyring):
    assert os.environ["SIARAN_HOME"] == str(siaran_home)
    server = practice_server(echo.EchoServer)
    practice = practice_engine(echo.PLATFORM, server)
    post = Post(text="Halo dari pengembang plugin")
    assert practice.publish(post).state == State.POSTED
    assert practice.resume(post) is None  # nothing left to do
    assert len(server.posts_by_key()) == 1
    assert any(service == "siaran:practice" for service, _ in in_memory_keyring.items)


def test_an_adapter_alone_against_its_practice_server(practice_server, practice_client):
    fake = practice_server("mastodon")
    assert isinstance(fake, FakeMastodon)
    result = MastodonAdapter().publish(practice_context(fake, practice_client), _outgoing())
    assert fake.posted_texts() == ["Halo"] and result.remote_id


def _outgoing():
    from composer.core.adapters import OutgoingPost
    return OutgoingPost(post_id="p1", text="Halo", idempotency_key="k1")
'''


def test_a_third_party_gets_the_fixtures_from_the_entry_point(pytester: pytest.Pytester):
    pytester.makepyfile(test_my_adapter=THIRD_PARTY_TESTS)
    result = pytester.runpytest_subprocess("-q", "-p", "no:cacheprovider")
    result.assert_outcomes(passed=2)


def test_the_plugin_can_be_turned_off(pytester: pytest.Pytester):
    pytester.makepyfile(test_my_adapter=THIRD_PARTY_TESTS)
    result = pytester.runpytest_subprocess("-q", "-p", "no:cacheprovider", "-p", "no:siaran")
    result.assert_outcomes(errors=2)
    result.stdout.fnmatch_lines(["*fixture 'siaran_home' not found*"])
