"""The rule book, code by code: what it finds, how hard, and in which words."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from composer.core import checks
from composer.core.adapters import Finding, PlatformSpec, Severity
from composer.core.i18n import set_language
from composer.core.post import MediaRef, Post
from composer.core.registry import default_registry

REGISTRY = default_registry()


def spec(pid: str) -> PlatformSpec:
    return REGISTRY.get(pid).spec


def found(post: Post, pid: str, **kw) -> dict[str, Finding]:
    result = checks.check(post, pid, spec(pid), **kw)
    return {f.code: f for f in result.findings}


def images(n: int, alt: str = "Foto kegiatan") -> list[MediaRef]:
    return [MediaRef(f"/nowhere/foto{i}.jpg", alt=alt) for i in range(n)]


def video() -> MediaRef:
    return MediaRef("/nowhere/kegiatan.mp4", alt="video", kind="video")


def test_a_plain_post_is_ok_everywhere_but_where_media_is_required():
    post = Post(text="Halo warga, layanan KTP buka Sabtu.")
    for pid in REGISTRY.ids():
        result = checks.check(post, pid, spec(pid))
        assert result.ok == (pid not in ("instagram", "youtube")), (pid, result.findings)


def test_text_too_long_blocks_where_it_cannot_split_and_threads_elsewhere():
    post = Post(text="kata " * 700)
    f = found(post, "linkedin")["text.too_long"]
    assert f.severity == Severity.BLOCK and f.params["overflow_at"] == 3000
    assert f.message == "The text is too long for LinkedIn: 3500 of 3000 UTF-16 units"
    x = checks.check(post, "x", spec("x"))
    assert x.ok and x.parts > 1 and "text.too_long" not in {f.code for f in x.findings}
    assert {f.code: f.severity for f in x.findings}["text.thread"] == Severity.INFO


def test_a_long_caption_goes_apart_on_telegram_and_is_not_a_block():
    post = Post(text="b" * 2000, media=images(1))
    result = checks.check(post, "telegram", spec("telegram"))
    assert result.ok and result.shape.apart
    assert {f.code for f in result.findings} == {"text.caption_apart"}
    too_long = checks.check(Post(text="b" * 5000, media=images(1)), "telegram", spec("telegram"))
    assert [f.code for f in too_long.blocks] == ["text.too_long"]


def test_an_account_limit_is_the_limit():
    post = Post(text="x" * 600)
    assert not checks.check(post, "m", spec("mastodon")).shape.parts == ()
    assert checks.check(post, "m", spec("mastodon"), limit=1000).shape.parts == ()


def test_nothing_to_send_blocks():
    assert found(Post(text="  "), "x")["text.empty"].severity == Severity.BLOCK
    assert "text.empty" not in found(Post(text="", media=images(1)), "x")


def test_image_counts():
    x = found(Post(text="foto", media=images(5)), "x")["media.too_many"]
    assert (x.severity, dict(x.params)) == (Severity.BLOCK, {"count": 5, "limit": 4})
    assert x.message == "X takes at most 4 images; this post has 5"
    wa = found(Post(text="foto", media=images(3)), "whatsapp")["media.too_many"]
    assert wa.severity == Severity.WARN and "Only the first 1" in wa.message  # sent by hand
    ig = found(Post(text="foto"), "instagram")["media.too_few"]
    assert ig.severity == Severity.BLOCK and ig.message == "Instagram needs at least one image"
    yt = found(Post(text="foto", media=[*images(1), video()]), "youtube")["media.not_accepted"]
    assert yt.severity == Severity.BLOCK


def test_alt_text_missing_warns_on_every_channel_that_shows_images():
    post = Post(text="foto", media=[*images(1, alt=""), *images(1, alt="  "), *images(1)])
    showing = [pid for pid in REGISTRY.ids()
               if spec(pid).max_images > 0 and not spec(pid).video_only]
    assert len(showing) >= 10
    for pid in showing:
        f = found(post, pid)["media.alt_missing"]
        assert f.severity == Severity.WARN and f.params["count"] == (1 if pid == "whatsapp" else 2)
    assert "media.alt_missing" not in found(post, "youtube")
    assert found(post, "x")["media.alt_missing"].message.startswith("2 image(s) without alt text")


def test_alt_text_over_the_limit_blocks_per_image():
    post = Post(text="foto", media=[*images(1), *images(1, alt="a" * 1001)])
    f = found(post, "x")["media.alt_too_long"]
    assert f.severity == Severity.BLOCK and dict(f.params) == {"image": 2, "length": 1001,
                                                               "limit": 1000}
    assert "media.alt_too_long" not in found(post, "mastodon")  # 1500 there


def test_video_rules():
    assert found(Post(text="x", title="t"), "youtube")["video.required"].blocks
    two = found(Post(text="x", title="t", media=[video(), video()]), "youtube")["video.too_many"]
    assert two.blocks and two.params["count"] == 2
    assert checks.check(Post(text="x", title="t", media=[video()]), "yt", spec("youtube")).ok
    # WhatsApp's channel takes no video from Siaran: the post goes there without it
    on_li = found(Post(text="x", media=[video()]), "whatsapp")["video.unsupported"]
    assert on_li.severity == Severity.WARN
    assert "video.unsupported" not in found(Post(text="x", media=[video()]), "x")


@pytest.mark.parametrize("post,code", [
    (Post(text="", media=[video()]), "title.missing"),
    (Post(text="x", title="t" * 101, media=[video()]), "title.too_long"),
    (Post(text="x", title="Rapat <penting>", media=[video()]), "title.invalid"),
    (Post(text="naik -> turun", title="t", media=[video()]), "text.invalid"),
    (Post(text="x", title="t", tags=[f"tag nomor {i}" for i in range(50)], media=[video()]),
     "tags.too_long"),
])
def test_youtube_metadata_rules_come_from_its_adapter(post, code):
    assert found(post, "youtube")[code].blocks


def test_text_problems_become_coded_findings_with_the_platforms_severity():
    tags = Post(text="#a #b #c #d #e #f", media=images(1))
    ig = found(tags, "instagram")["hashtags.too_many"]
    assert ig.blocks and ig.message == "Too many hashtags for Instagram: 6 (at most 5)"
    assert dict(ig.params) == {"count": 6, "limit": 5}
    assert found(Post(text="#a #b"), "threads")["hashtags.too_many"].severity == Severity.WARN
    mentions = Post(text=" ".join(f"@akun{i}" for i in range(21)), media=images(1))
    assert found(mentions, "instagram")["mentions.too_many"].blocks
    links = Post(text=" ".join(f"https://a{i}.go.id" for i in range(6)))
    assert found(links, "threads")["links.too_many"].blocks
    assert found(Post(text="halo \ufeff"), "x")["text.invalid"].blocks


def test_schedules():
    later = Post(text="nanti", schedule=datetime.now(UTC) + timedelta(days=2))
    f = found(later, "x")["schedule.unsupported"]
    assert f.blocks and "X cannot hold a post until" in f.message
    for pid in ("facebook", "mastodon", "wordpress"):
        assert checks.check(later, pid, spec(pid)).ok
    assert found(later, "folder")["schedule.unsupported"].severity == Severity.INFO
    assert found(later, "whatsapp")["schedule.by_hand"].severity == Severity.INFO
    past = Post(text="tadi", schedule=datetime.now(UTC) - timedelta(days=1))
    assert checks.check(past, "x", spec("x")).ok
    assert found(past, "x")["schedule.past"].severity == Severity.INFO
    far = Post(text="jauh", schedule=datetime.now(UTC) + timedelta(days=45))
    assert found(far, "facebook")["schedule.too_far"].blocks
    thread = Post(text="kata " * 200, schedule=datetime.now(UTC) + timedelta(days=2))
    assert "cannot schedule a thread" in found(thread, "mastodon")["schedule.unsupported"].message


def test_a_switched_off_variant_blocks_and_an_account_variant_wins():
    post = Post(text="kata " * 700)
    post.variant("linkedin").enabled = False
    assert [f.code for f in checks.check(post, "linkedin", spec("linkedin")).blocks] == ["channel.off"]
    post.variant("kantor").override("text", "pendek")
    assert checks.check(post, "kantor", spec("linkedin")).ok


def test_an_adapter_finding_replaces_the_rule_books_own_of_the_same_code():
    class Stricter:
        def validate(self, post):
            return [Finding("hashtags.too_many", Severity.BLOCK, post.channel, "no", {}),
                    Finding("custom.rule", Severity.WARN, post.channel, "look", {})]

    result = checks.check(Post(text="#a #b"), "threads", spec("threads"), adapter=Stricter())
    assert [(f.code, f.severity) for f in result.findings] == [
        ("hashtags.too_many", Severity.BLOCK), ("custom.rule", Severity.WARN)]


def test_messages_come_in_indonesian():
    set_language("id")
    try:
        f = found(Post(text="foto", media=images(1, alt="")), "x")["media.alt_missing"]
        assert f.message.startswith("1 gambar tanpa teks alternatif")
        assert found(Post(text="foto", media=images(5)), "x")["media.too_many"].message == \
            "X menerima paling banyak 4 gambar; postingan ini memuat 5"
    finally:
        set_language(None)
