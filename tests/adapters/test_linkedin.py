"""LinkedInAdapter against the practice LinkedIn: the contract kit, little-text escaping with
hashtags kept, the Images API, multiImage with alt text, x-restli-id, the version header, the
error shapes (DUPLICATE_POST, 401, 429 without Retry-After, a sunset version), the look-up after
a lost answer, and the sign-in's shape."""

from __future__ import annotations

import logging

import pytest
from PIL import Image

from composer.core import adapters as A
from composer.core.i18n import UserError
from composer.testing.context import practice_context
from composer.testing.contract import AdapterContract
from platforms import linkedin
from platforms.linkedin import LinkedInAdapter, commentary
from platforms.practice.linkedin import ORG, FakeLinkedIn, plain, unescaped_reserved


class TestLinkedInContract(AdapterContract):
    create_route = "POST /rest/posts"
    upload_route = "PUT /dms-uploads/"
    rate_limit_wait = 1.0  # LinkedIn sends no Retry-After: the engine's own back-off waits

    @pytest.fixture
    def platform(self):
        return linkedin.PLATFORM

    @pytest.fixture
    def fake_server(self, practice_server):
        return practice_server(FakeLinkedIn)


@pytest.fixture
def fake(practice_server):
    return practice_server(FakeLinkedIn)


def context(fake, http, **settings) -> A.PublishContext:
    return practice_context(fake, http, account=settings)


def image(tmp_path, name, size=(120, 80), fmt="JPEG") -> A.RenderedMedia:
    path = tmp_path / name
    Image.new("RGB", size, "teal").save(path, fmt)
    mime = {"JPEG": "image/jpeg", "PNG": "image/png"}[fmt]
    return A.RenderedMedia(str(path), mime, *size, alt=f"alt {name}")


def outgoing(text="Halo dari Siaran", **kw) -> A.OutgoingPost:
    return A.OutgoingPost(post_id="p1", text=text, idempotency_key="k", **kw)


TRICKY = r"Rapat (SPBE) #Transformasi_Digital di [aula] *lt.2* ~ a\b {x|y} <b> @kominfo_go"


def test_little_text_escapes_reserved_characters_and_keeps_hashtags():
    little = commentary(TRICKY)
    assert unescaped_reserved(little) is None
    assert "{hashtag|\\#|Transformasi\\_Digital}" in little
    assert plain(little) == TRICKY  # a reader sees exactly what the officer wrote
    assert commentary("Harga 100# di C#") == "Harga 100\\# di C\\#"  # not hashtags: escaped


def test_text_with_reserved_characters_posts_as_written(fake, http):
    result = LinkedInAdapter().publish(context(fake, http), outgoing(TRICKY))
    assert fake.published_texts() == [TRICKY]
    assert result.remote_id.startswith("urn:li:share:")
    assert result.url.endswith("/feed/update/" + result.remote_id)
    assert http.get(result.url).text == TRICKY  # practice links open the post
    create = fake.requests_to("POST", "/rest/posts")[0]
    assert create.headers["LinkedIn-Version"] == linkedin.DEFAULT_VERSION
    assert create.headers["X-Restli-Protocol-Version"] == "2.0.0"
    body = create.json()
    assert (body["author"], body["visibility"], body["lifecycleState"]) == (
        ORG, "PUBLIC", "PUBLISHED")
    assert "content" not in body


def test_one_image_is_media_and_several_are_multi_image_with_alt(fake, http, tmp_path):
    adapter = LinkedInAdapter()
    one = adapter.publish(context(fake, http), outgoing("satu", media=(image(tmp_path, "a.jpg"),)))
    media = fake.posts[one.remote_id]["content"]["media"]
    assert media["altText"] == "alt a.jpg" and fake.images[media["id"]]["status"] == "AVAILABLE"
    three = tuple(image(tmp_path, f"{i}.png", fmt="PNG") for i in range(3))
    many = adapter.publish(context(fake, http), outgoing("tiga", media=three))
    images = fake.posts[many.remote_id]["content"]["multiImage"]["images"]
    assert [i["altText"] for i in images] == ["alt 0.png", "alt 1.png", "alt 2.png"]
    assert [fake.images[i["id"]]["mime"] for i in images] == ["image/png"] * 3
    init = fake.requests_to("POST", "/rest/images")[0]
    assert init.json() == {"initializeUploadRequest": {"owner": ORG}}
    assert init.query["action"] == "initializeUpload"


def test_uploaded_images_are_checkpointed_and_not_uploaded_again(fake, http, tmp_path):
    ctx = context(fake, http)
    fake.faults.add("status", route="POST /rest/posts", code=503)
    post = outgoing("dua foto", media=(image(tmp_path, "a.jpg"), image(tmp_path, "b.jpg")))
    with pytest.raises(A.Unknown):
        LinkedInAdapter().publish(ctx, post)
    assert len(ctx.checkpoint["media_images"]) == 2
    LinkedInAdapter().publish(ctx, post)
    assert len(fake.requests_to("PUT", "/dms-uploads/")) == 2


def test_the_version_header_is_the_accounts_and_a_sunset_one_says_what_to_do(fake, http):
    with pytest.raises(A.Rejected, match="LinkedIn-Version"):
        LinkedInAdapter().publish(context(fake, http, linkedin_version="202401"), outgoing())
    assert fake.posts == {}


def test_error_shapes(fake, http):
    adapter = LinkedInAdapter()
    fake.faults.add("duplicate", route="POST /rest/posts")
    with pytest.raises(A.Duplicate, match="Duplicate post"):
        adapter.publish(context(fake, http), outgoing())
    fake.faults.add("expired_token", route="POST /rest/posts")
    with pytest.raises(A.AuthExpired):
        adapter.publish(context(fake, http), outgoing())
    fake.faults.add("rate_limit", route="POST /rest/posts")
    with pytest.raises(A.RateLimited) as short:
        adapter.publish(context(fake, http), outgoing())
    assert short.value.retry_after is None  # no header: the engine's back-off decides
    fake.daily_limit_reached = True
    with pytest.raises(A.RateLimited) as daily:
        adapter.publish(context(fake, http), outgoing())
    assert 0 < daily.value.retry_after <= 86400  # until midnight UTC
    fake.daily_limit_reached = False
    adapter.publish(context(fake, http), outgoing())
    with pytest.raises(A.Duplicate):  # the real duplicate check, same commentary again
        adapter.publish(context(fake, http), outgoing())


def test_unknown_organization_is_refused_before_any_request(fake, http):
    with pytest.raises(A.Rejected, match="organization"):
        LinkedInAdapter().publish(context(fake, http, organization="Diskominfo"), outgoing())
    assert fake.requests == []


def test_find_existing_after_a_lost_answer(fake, http):
    adapter = LinkedInAdapter()
    ctx = context(fake, http)
    fake.faults.add("success_then_500", route="POST /rest/posts")
    with pytest.raises(A.Unknown):
        adapter.publish(ctx, outgoing(TRICKY))
    found = adapter.find_existing(ctx, outgoing(TRICKY))
    assert found is not None and found.remote_id in fake.posts
    assert ctx.checkpoint["post_urn"] == found.remote_id
    # An older post with the same words, from before this send, is not ours.
    fresh = context(fake, http)
    fresh.checkpoint["sent_since"] = 4_000_000_000.0
    assert adapter.find_existing(fresh, outgoing(TRICKY)) is None


def test_verify_names_the_page(fake, http):
    info = LinkedInAdapter().verify(context(fake, http))
    assert info.display_name == "Diskominfo Provinsi" and info.handle == "diskominfo-prov"
    with pytest.raises(A.AuthExpired):
        LinkedInAdapter().verify(A.PublishContext(
            client=http, account=fake.practice_account()[0], secrets={"access_token": "wrong"},
            log=logging.getLogger("test")))


def test_sign_in_asks_for_the_page_scopes_with_the_client_secret():
    client = linkedin.oauth_client({"client_id": "app-1"}, {"client_secret": "s3cret"})
    assert client.scopes == linkedin.SCOPES and "w_organization_social" in client.scopes
    assert client.token_auth == "client_secret_post" and client.client_secret == "s3cret"
    assert client.authorize_url == linkedin.AUTHORIZE_URL
    with pytest.raises(UserError, match="client secret"):
        LinkedInAdapter().connect({"client_id": "app-1"}, {})
