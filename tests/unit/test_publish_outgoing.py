"""From a Post to what one account receives: variants, threads, limits refused before any
request, images, a stable idempotency key."""

import pytest
from PIL import Image

from composer.core.outgoing import NotPublishable, build, idempotency_key
from composer.core.post import MediaRef, Post
from platforms import mastodon, telegram, wordpress, x


@pytest.fixture
def photo(tmp_path):
    path = tmp_path / "photo.jpg"
    Image.new("RGB", (1600, 900), (40, 80, 160)).save(path)
    return path


def test_a_long_text_becomes_a_thread_where_the_channel_threads(tmp_path):
    text = " ".join(f"Kalimat nomor {i} tentang layanan publik." for i in range(30))
    out = build(Post(text=text), "akun-x", x.SPEC, out_dir=tmp_path)
    assert len(out.parts) >= 3 and out.text == text
    assert "".join(out.parts).replace(" ", "") == text.replace(" ", "")


def test_a_long_text_is_refused_where_it_cannot_be_split(tmp_path):
    with pytest.raises(NotPublishable, match="too long for Telegram"):
        build(Post(text="a" * 5000), "tg", telegram.SPEC, out_dir=tmp_path)


def test_an_instance_limit_overrides_the_spec(tmp_path):
    post = Post(text="x" * 600)
    assert build(post, "m", mastodon.SPEC, out_dir=tmp_path, limit=1000).parts == ()


def test_a_caption_too_long_goes_out_when_the_message_fits(tmp_path, photo):
    post = Post(text="b" * 2000, media=[MediaRef(str(photo), alt="foto")])
    out = build(post, "tg", telegram.SPEC, out_dir=tmp_path)
    assert out.text == post.text and len(out.media) == 1 and out.media[0].alt == "foto"


def test_the_account_variant_wins_over_the_channel_and_images_are_rendered(tmp_path, photo):
    post = Post(text="master", title="Judul", links=["https://example.go.id"],
                media=[MediaRef(str(photo), alt="Gedung")])
    post.variant("wordpress").override("text", "untuk portal")
    post.variant("portal-2").override("text", "untuk portal kedua")
    one = build(post, "portal", wordpress.SPEC, out_dir=tmp_path / "a")
    two = build(post, "portal-2", wordpress.SPEC, out_dir=tmp_path / "b")
    assert (one.text, two.text) == ("untuk portal", "untuk portal kedua")
    assert one.title == "Judul" and one.link == "https://example.go.id"
    assert one.media[0].alt == "Gedung" and one.media[0].mime.startswith("image/")


def test_too_many_images_is_refused(tmp_path, photo):
    post = Post(text="foto", media=[MediaRef(str(photo)) for _ in range(5)])
    with pytest.raises(NotPublishable, match="at most 4"):
        build(post, "x", x.SPEC, out_dir=tmp_path)


def test_idempotency_key_is_stable_per_post_and_account():
    assert idempotency_key("p1", "a") == idempotency_key("p1", "a")
    assert len({idempotency_key("p1", "a"), idempotency_key("p1", "b"),
                idempotency_key("p2", "a")}) == 3


def test_one_publish_decodes_each_photo_once_for_all_its_channels(tmp_path, photo, monkeypatch):
    from composer.core.media import render as render_module
    from composer.core.outgoing import RenderOnce

    decodes = []
    original = render_module.decode

    def counting_decode(path, *args, **kwargs):
        decodes.append(str(path))
        return original(path, *args, **kwargs)

    monkeypatch.setattr(render_module, "decode", counting_decode)
    post = Post(text="foto", media=[MediaRef(str(photo), alt="Gedung")])
    specs = [x.SPEC, mastodon.SPEC, telegram.SPEC, wordpress.SPEC]
    render = RenderOnce(tmp_path / "out", specs=specs)
    outs = [build(post, s.id, s, out_dir=tmp_path, render=render) for s in specs]
    assert all(o.media and o.media[0].alt == "Gedung" for o in outs)
    assert decodes == [str(photo)]
