"""TelegramAdapter against the practice Bot API: HTML escaping, caption vs text limits, albums,
retry_after in the body, and what happens when an answer is lost (never a blind second copy)."""

from __future__ import annotations

import logging

import pytest
from PIL import Image

from composer.core import adapters as A
from composer.core.journal import State
from composer.testing.context import practice_context
from composer.testing.contract import AdapterContract
from platforms import telegram
from platforms.practice.telegram import TOKEN, FakeTelegram, parse_html
from platforms.telegram import TelegramAdapter


@pytest.fixture
def fake(practice_server):
    return practice_server(FakeTelegram)


def context(fake, http, **over) -> A.PublishContext:
    return practice_context(fake, http, account=over)


def images(tmp_path, n) -> tuple[A.RenderedMedia, ...]:
    out = []
    for i in range(n):
        path = tmp_path / f"p{i}.jpg"
        Image.new("RGB", (80, 60), (i * 20, 90, 160)).save(path)
        out.append(A.RenderedMedia(str(path), "image/jpeg", 80, 60))
    return tuple(out)


def outgoing(text="Halo dari Siaran", **kw) -> A.OutgoingPost:
    return A.OutgoingPost(post_id="p1", text=text, idempotency_key="k", **kw)


def test_text_is_escaped_for_html_and_arrives_verbatim(fake, http):
    text = "Rapat <b>bukan tebal</b> & biaya < Rp 5.000 > nol; a&amp;b"
    result = TelegramAdapter().publish(context(fake, http), outgoing(text))
    sent = fake.requests_to("POST", "sendMessage")[0].json()
    assert sent["parse_mode"] == "HTML" and "<b>" not in sent["text"]
    assert fake.published_texts() == [text]  # what the channel shows is what the officer wrote
    assert result.url == f"{fake.url}/humas_latihan/{result.remote_id}"


def test_unescaped_html_would_be_refused():
    # The fake is as strict as the docs: proves the escaping test above can fail.
    with pytest.raises(ValueError, match="Unsupported start tag"):
        parse_html("biaya <Rp> 5.000")
    with pytest.raises(ValueError, match="entity"):
        parse_html("Q&A")


def test_one_photo_with_caption(fake, http, tmp_path):
    result = TelegramAdapter().publish(context(fake, http),
                                       outgoing("Foto & keterangan", media=images(tmp_path, 1)))
    message = fake.messages[int(result.remote_id)]
    assert message["caption"] == "Foto & keterangan" and message["photo"][0]["width"] == 80
    assert len(fake.messages) == 1


def test_album_caption_on_the_first_photo(fake, http, tmp_path):
    result = TelegramAdapter().publish(context(fake, http), outgoing("Album", media=images(tmp_path, 3)))
    messages = [fake.messages[i] for i in result.extra["message_ids"]]
    assert [m.get("caption") for m in messages] == ["Album", None, None]
    assert len({m["media_group_id"] for m in messages}) == 1


def test_text_longer_than_a_caption_follows_the_photos(fake, http, tmp_path):
    text = "😀" * 600  # 1200 UTF-16 units: over the 1024 caption limit, though only 600 characters
    result = TelegramAdapter().publish(context(fake, http), outgoing(text, media=images(tmp_path, 2)))
    ids = result.extra["message_ids"]
    assert len(ids) == 3
    assert [fake.messages[i].get("caption") for i in ids[:2]] == [None, None]
    assert fake.messages[ids[2]]["text"] == text
    assert fake.published_texts() == [text]
    # exactly at the limit stays a caption
    TelegramAdapter().publish(context(fake, http), outgoing("😀" * 512, media=images(tmp_path, 1)))
    assert fake.requests_to("POST", "sendMessage")[-1:] and len(fake.messages) == 4


def test_rate_limit_retry_after_from_the_body(fake, http):
    fake.faults.add("rate_limit", route="sendMessage", retry_after=35)
    ctx = context(fake, http)
    with pytest.raises(A.RateLimited) as limited:
        TelegramAdapter().publish(ctx, outgoing())
    assert limited.value.retry_after == 35
    assert TelegramAdapter().find_existing(ctx, outgoing()) is None  # nothing in flight


def test_error_mapping(fake, http, tmp_path):
    settings, _ = fake.practice_account()
    bad = A.PublishContext(client=http, account=settings, secrets={"bot_token": "1:wrong"},
                           log=logging.getLogger("t"))
    with pytest.raises(A.AuthExpired) as expired:
        TelegramAdapter().publish(bad, outgoing())
    assert "1:wrong" not in str(expired.value)
    with pytest.raises(A.Rejected, match="chat not found"):
        TelegramAdapter().publish(context(fake, http, chat_id="@elsewhere"), outgoing())
    fake.bot_can_post = False
    with pytest.raises(A.Rejected, match="may not post"):
        TelegramAdapter().publish(context(fake, http), outgoing())
    with pytest.raises(A.Rejected, match="administrator"):
        TelegramAdapter().verify(context(fake, http))
    fake.bot_can_post = True
    tall = tmp_path / "tall.png"
    Image.new("RGB", (10, 400)).save(tall)
    with pytest.raises(A.MediaInvalid, match="PHOTO_INVALID_DIMENSIONS"):
        TelegramAdapter().publish(context(fake, http), outgoing(
            media=(A.RenderedMedia(str(tall), "image/png", 10, 400),)))
    with pytest.raises(A.Rejected, match="4096"):
        TelegramAdapter().publish(context(fake, http), outgoing("a" * 4097))
    assert fake.messages == {}


def test_lost_answer_is_never_guessed(fake, http):
    fake.faults.add("timeout", route="sendMessage", after_work=True, seconds=2)
    ctx = context(fake, http)
    with pytest.raises(A.Unknown):
        TelegramAdapter().publish(ctx, outgoing())
    with pytest.raises(NotImplementedError):  # the engine marks it unknown for the officer
        TelegramAdapter().find_existing(ctx, outgoing())
    assert len(fake.messages) == 1


def test_second_step_resumes_without_repeating_the_photos(fake, http, tmp_path):
    post = outgoing("x" * 1500, media=images(tmp_path, 2))
    fake.faults.add("status", route="sendMessage", code=503)
    ctx = context(fake, http)
    with pytest.raises(A.Transient):
        TelegramAdapter().publish(ctx, post)
    assert TelegramAdapter().find_existing(ctx, post) is None
    result = TelegramAdapter().publish(ctx, post)
    assert len(fake.requests_to("POST", "sendMediaGroup")) == 1
    assert len(result.extra["message_ids"]) == 3


def test_delete_verify_and_private_channel_links(fake, http, tmp_path):
    result = TelegramAdapter().publish(context(fake, http), outgoing("hapus", media=images(tmp_path, 2)))
    TelegramAdapter().delete(context(fake, http), result)
    assert fake.messages == {}
    TelegramAdapter().delete(context(fake, http), result)  # already gone: fine
    info = TelegramAdapter().verify(context(fake, http))
    assert (info.display_name, info.handle) == ("Humas Latihan", "@humas_latihan")
    ctx = context(fake, http, chat_id="-1001234567890")
    fake.channel.pop("username")
    private = TelegramAdapter().publish(ctx, outgoing())
    assert private.url == f"{fake.url}/c/1234567890/{private.remote_id}"
    assert TOKEN not in repr(private)


class TestTelegramContract(AdapterContract):
    create_route = r"POST /bot[^/]+/send(Message|Photo|MediaGroup)"
    upload_route = r"POST /bot[^/]+/send(Photo|MediaGroup)"

    @pytest.fixture
    def platform(self):
        return telegram.PLATFORM

    @pytest.fixture
    def fake_server(self, practice_server):
        return practice_server(FakeTelegram)

    # Telegram cannot look a message up (no idempotency key; a bot cannot read its channel), so
    # where the kit expects a retry after an answer that may have been lost, Telegram's honest
    # outcome is "unknown" with a reason for the officer, and the channel holds only the copy
    # that really landed: never a second one.

    def _unknown(self, contract, post, copies):
        outcome = contract.publish(post)
        assert outcome.state == State.UNKNOWN, outcome.reason
        assert "look on Telegram before publishing again" in outcome.reason
        assert contract.copies(post) == copies
        return outcome

    @pytest.mark.parametrize("code", [500, 502, 503])
    def test_server_errors_are_retried(self, contract, code):
        contract.fake.faults.add("status", route=self.create_route, code=code)
        post = contract.post()
        if code == 503:  # "unavailable": the Bot API did not take it, so it is retried
            outcome = contract.publish(post)
            assert outcome.state == State.POSTED and outcome.attempts == 2
            assert contract.copies(post) == 1
        else:  # may have been sent before the error
            self._unknown(contract, post, copies=0)

    @pytest.mark.parametrize("after_work", [False, True], ids=["lost-request", "lost-answer"])
    def test_timeout_never_duplicates(self, contract, after_work):
        contract.fake.faults.add("timeout", route=self.create_route, after_work=after_work,
                                 seconds=3.0)
        self._unknown(contract, contract.post(), copies=1 if after_work else 0)

    def test_reset_mid_upload_is_retried(self, contract):
        # Sending the photo is the post itself; whether the reset cut the upload (retried) or
        # came after it (unknown) depends on socket buffers, so either is right, a copy never.
        contract.fake.faults.add("reset", route=self.upload_route)
        post = contract.post(images=1)
        outcome = contract.publish(post)
        assert outcome.state in (State.POSTED, State.UNKNOWN), outcome.reason
        assert contract.copies(post) == (1 if outcome.state == State.POSTED else 0)

    def test_500_after_success_posts_exactly_once(self, contract):
        contract.fake.faults.add("success_then_500", route=self.create_route)
        self._unknown(contract, contract.post(), copies=1)

    def test_officer_checked_and_it_is_not_there_then_resume_sends_once(self, contract):
        contract.fake.faults.add("status", route=self.create_route, code=500)
        post = contract.post(images=2)
        self._unknown(contract, post, copies=0)
        entry = contract.engine.journal.get(post.id, "contract")
        contract.engine.journal.save_checkpoint(entry.id, {"tg_sending": None})  # "not there"
        (outcome,) = contract.engine.resume(post.id, targets={"contract": contract.target})
        assert outcome.state == State.POSTED, outcome.reason
        assert contract.copies(post) == 1


def test_the_bot_token_never_reaches_a_log(fake, http, caplog):
    import logging as stdlib_logging

    with caplog.at_level(stdlib_logging.DEBUG):
        TelegramAdapter().verify(context(fake, http))
    assert caplog.records and "/bot***/" in caplog.text  # httpx logged the URL, redacted
    assert TOKEN not in caplog.text
