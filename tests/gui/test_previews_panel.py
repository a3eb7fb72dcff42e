"""The previews panel as the officer sees it: text with styled entities, folds, grids, overflow."""

import sys

import pytest
from PIL import Image
from PySide6.QtCore import QPoint, Qt

from composer.core.post import MediaRef, Post
from composer.core.registry import default_registry
from composer.gui.previews import PreviewsPanel
from composer.gui.previews.rules import rules_for

CHANNELS = ["x", "mastodon", "bluesky", "facebook", "instagram", "linkedin", "telegram", "whatsapp",
            "threads", "wordpress", "youtube"]
LINK = "https://www.slemankab.go.id/berita/2026/vaksinasi-gratis"


@pytest.fixture
def panel(qtbot):
    reg = default_registry()
    p = PreviewsPanel(reg)
    qtbot.addWidget(p)
    p.set_channels([(c, reg.get(c).spec, {"display_name": "Diskominfo Sleman", "handle": "kominfo"})
                    for c in CHANNELS])
    p.resize(1300, 900)
    p.show()
    qtbot.waitExposed(p)
    return p


def images(tmp_path, n):
    paths = []
    for i in range(n):
        path = tmp_path / f"img{i}.png"
        Image.new("RGB", (300, 200), (40 * i, 90, 160)).save(path)
        paths.append(str(path))
    return paths


def show(panel, post):
    panel.update_text(post)
    panel.flush()
    return {k: c for k, c in panel.cards.items()}


def test_entities_are_styled_and_links_shown_the_platform_way(panel):
    post = Post(text=f"Vaksinasi gratis 😀 {LINK} #SlemanSehat @bupati")
    cards = show(panel, post)
    link = rules_for("x", default_registry()).palette.link
    x_html = cards["x"].text.text()
    assert f'color:{link};">slemankab.go.id/berita/2026/va…' in x_html
    assert f'color:{link};">#SlemanSehat' in x_html and f'color:{link};">@bupati' in x_html
    assert "www.slemankab.go.id/berita/2026/..." in cards["bluesky"].text.text()
    assert "slemankab.go.id/berita/2026/va…" in cards["mastodon"].text.text()
    ig = cards["instagram"].text.text()  # URLs in captions are plain text on Instagram
    assert LINK in ig and f'color:{rules_for("instagram", default_registry()).palette.link};">{LINK}' not in ig
    assert "😀" in cards["telegram"].text.plain_text()


def test_truncation_where_the_platform_truncates(panel):
    words = "Pemerintah Kabupaten Sleman mengundang seluruh warga untuk hadir. "
    post = Post(text=words * 2)  # ~130 characters, three short lines
    cards = show(panel, post)
    assert cards["instagram"].text.plain_text().endswith("… more")  # past ~125 characters
    assert len(cards["instagram"].text.plain_text()) < 140
    assert cards["facebook"].text.plain_text().endswith("See more")  # phones: ~125 chars
    assert cards["x"].text.plain_text() == post.text  # X never folds a post that fits
    panel.set_desktop(True)  # wider cards; Facebook's desktop fold is 5 lines or ~477 chars
    cards = show(panel, post)
    assert cards["facebook"].width() > 500
    assert "See more" not in cards["facebook"].text.plain_text()
    post.text = words * 9
    cards = show(panel, post)
    assert cards["facebook"].text.plain_text().endswith("See more")
    panel.set_desktop(False)
    cards = show(panel, post)
    assert cards["linkedin"].text.plain_text().endswith("…more")
    assert cards["x"].text.plain_text() == post.text or cards["x"]._replies
    # Bluesky clips only texts with at least 25 line breaks, then at 25 lines.
    post.text = "\n".join(f"baris {i}" for i in range(30))
    cards = show(panel, post)
    bsky = cards["bluesky"].text.plain_text()
    assert bsky.endswith("\nShow More") and "baris 24" in bsky and "baris 26" not in bsky


def test_over_limit_marker_and_thread_view(panel):
    long = "Informasi layanan publik Kabupaten Sleman hari ini. " * 50  # ~2600 characters
    cards = show(panel, Post(text=long))
    wa = cards["instagram"]  # 2200 and cannot split: the overflow is marked
    assert not wa.warning.isHidden() and "too long for Instagram" in wa.warning.text()
    assert "background-color:#FFD7D5" in wa.text.text()
    x = cards["x"]  # splits into a thread: the parts are shown, no red marker
    assert x.warning.isHidden()
    replies = [r for r in x._replies if not r.isHidden()]
    assert len(replies) >= 5 and "Reply 2/" in replies[0].plain_text()
    show(panel, Post(text="pendek"))
    assert all(r.isHidden() for r in x._replies) and "too long" not in wa.warning.text()


@pytest.mark.parametrize("n", [1, 2, 3, 4, 5])
def test_image_grids_follow_each_platform(panel, tmp_path, n):
    paths = images(tmp_path, n)
    post = Post(text="Foto kegiatan", media=[MediaRef(path=p, alt="foto" if i == 0 else "") for i, p in enumerate(paths)])
    cards = show(panel, post)
    for key in CHANNELS:
        panel.set_rendered(key, paths)
    panel.wait_for_images()
    tiles = {k: len(c.media.grid.tiles) for k, c in cards.items()}
    assert tiles["x"] == min(n, 4) and tiles["bluesky"] == min(n, 4) and tiles["mastodon"] == min(n, 4)
    assert tiles["instagram"] == 1 and cards["instagram"].media.grid.dots == (n if n > 1 else 0)
    assert tiles["facebook"] == n and tiles["telegram"] == n
    assert tiles["wordpress"] == 1  # the featured image
    if n == 5:
        assert tiles["facebook"] == 5 and cards["facebook"].media.grid.tiles[-1].more == 0
        # the rule book's word, not "the rest are left out": X refuses a fifth image
        assert cards["x"].warning.text() == "X takes at most 4 images; this post has 5"
        assert cards["facebook"].warning.isHidden()
    assert not cards["x"].media.isHidden()


def test_clicking_an_image_asks_for_its_crop(panel, qtbot, tmp_path):
    paths = images(tmp_path, 2)
    post = Post(text="Foto", media=[MediaRef(path=p) for p in paths])
    cards = show(panel, post)
    panel.set_rendered("bluesky", paths)
    panel.wait_for_images()
    view = cards["bluesky"].media
    second = view.grid.tiles[1]
    with qtbot.waitSignal(panel.crop_requested) as sig:
        qtbot.mouseClick(view, Qt.LeftButton, pos=QPoint(int(second.x + 10), int(second.y + 10)))
    assert sig.args == ["bluesky", post.media[1].id]


def test_typing_updates_visible_cards_at_once_and_the_rest_soon(panel, qtbot):
    post = Post(text="a")
    panel.update_text(post)
    post.text = "ab"
    panel.update_text(post)
    visible = [c for c in panel.cards.values() if panel._on_screen(c)]
    assert visible and all(c.text.plain_text().endswith("ab") for c in visible if "text" in c.rules.order)
    # the cards below the first screenful are built one per event-loop turn, then updated
    qtbot.waitUntil(lambda: not panel._pending and not panel._to_build, timeout=2000)
    assert panel.cards["wordpress"].text.plain_text() == "ab"


def test_ticking_a_channel_builds_only_its_card(panel, qtbot):
    panel.flush()
    before = dict(panel.cards)
    reg = default_registry()
    channels = [(k, c.spec, c.account) for k, c in before.items() if k != "telegram"]
    panel.set_channels(channels)
    assert all(panel.cards[k] is before[k] for k, _s, _a in channels)  # kept, not rebuilt
    panel.set_channels([*channels, ("telegram", reg.get("telegram").spec, {})])
    panel.flush()
    assert panel.cards["telegram"] is not before["telegram"]
    assert all(panel.cards[k] is before[k] for k, _s, _a in channels)


def test_pyside_void_calls_keep_none_alive():
    """PySide6 6.12.0 dropped a reference to None on every void call under Python 3.11; the
    previews make thousands per minute of typing, so the pinned binding must not."""
    from PySide6.QtWidgets import QLabel

    label = QLabel()
    before = sys.getrefcount(None)
    for _ in range(2000):
        label.setText("x")
        label.update()
    assert sys.getrefcount(None) >= before - 50


def test_mastodon_moves_trailing_hashtags_to_a_bar(panel):
    post = Post(text="Vaksinasi gratis hari ini.\n\n#SlemanSehat #Vaksin #Sleman #Jogja #Indonesia")
    cards = show(panel, post)
    masto = cards["mastodon"]
    assert masto.text.plain_text() == "Vaksinasi gratis hari ini."
    assert not masto.tags.isHidden()
    assert masto.tags.plain_text().startswith("#SlemanSehat") and "…and 2 more" in masto.tags.plain_text()
    assert "#Jogja" in cards["x"].text.plain_text()  # other platforms keep the tags in the text


def test_youtube_and_wordpress_show_the_title_with_the_thumbnail_on_top(panel, tmp_path):
    paths = images(tmp_path, 2)
    post = Post(title="Vaksinasi gratis untuk seluruh warga Sleman mulai hari ini di semua puskesmas kabupaten",
                text=f"Isi berita {LINK} #SlemanSehat", media=[MediaRef(path=p) for p in paths])
    cards = show(panel, post)
    for key in ("youtube", "wordpress"):
        panel.set_rendered(key, paths)
        panel.wait_for_images()
        card = cards[key]
        assert card.media.mapTo(card, card.media.rect().topLeft()).y() < card.title.mapTo(card, card.title.rect().topLeft()).y()
        assert len(card.media.grid.tiles) == 1
    assert cards["youtube"].title.plain_text().endswith("…")  # two lines, then cut
    assert cards["wordpress"].title.plain_text() == post.title
    wp = cards["wordpress"].text.text()
    assert "text-decoration:underline" in wp and "#SlemanSehat" in wp
    assert 'underline;">#SlemanSehat' not in wp


def test_changing_channels_leaves_no_stale_card_behind(panel, qtbot):
    reg = default_registry()
    old = list(panel.cards.values())
    panel.set_channels([("x", reg.get("x").spec, {"display_name": "Humas"})])
    assert list(panel.cards) == ["x"]
    assert all(card.isHidden() and card.parent() is None for card in old)
    qtbot.waitUntil(lambda: panel.cards["x"].isVisible())
    visible = [c for c in panel.container.findChildren(type(old[0])) if c.isVisible()]
    assert visible == [panel.cards["x"]]


def test_switching_to_desktop_keeps_the_images(panel, tmp_path, qtbot):
    paths = images(tmp_path, 2)
    post = Post(text="Foto", media=[MediaRef(path=p) for p in paths])
    show(panel, post)
    panel.set_rendered("bluesky", paths)
    panel.wait_for_images()
    panel.mode_buttons.button(1).click()
    assert panel.desktop and panel.cards["bluesky"].width() == 560
    card = panel.cards["bluesky"]
    panel.flush()
    panel.wait_for_images()
    assert all(p is not None and not p.isNull() for p in card.media._pixmaps)
    assert card.media.grid.tiles[0].w > 200


def test_bluesky_styles_only_what_becomes_a_facet(panel):
    # "#2026" is all digits: Bluesky makes no tag facet of it, so its preview leaves it plain.
    cards = show(panel, Post(text="Laporan #2026 dan #SlemanSehat oleh @kominfo.bsky.social"))
    link = rules_for("bluesky", default_registry()).palette.link
    html = cards["bluesky"].text.text()
    assert f'color:{link};">#SlemanSehat' in html and f'color:{link};">@kominfo.bsky.social' in html
    assert f'color:{link};">#2026' not in html


def test_bluesky_styles_cashtags_and_long_emoji_tags_as_it_will_post_them(panel):
    # @atproto/api 0.21: "$bbca" is a tag facet, "US$5" is not; 33 emoji (66 UTF-16 units) are
    # a tag because they are 33 graphemes.
    cards = show(panel, Post(text="Saham $bbca naik, US$5 #" + "😀" * 33))
    link = rules_for("bluesky", default_registry()).palette.link
    html = cards["bluesky"].text.text()
    assert f'color:{link};">$bbca' in html and f'color:{link};">#😀' in html
    assert f'color:{link};">US$5' not in html and f'color:{link};">$5' not in html


def test_more_images_than_the_channel_takes_is_said_plainly(panel, tmp_path):
    paths = images(tmp_path, 5)
    cards = show(panel, Post(text="Foto", media=[MediaRef(path=p) for p in paths]))
    assert "at most 4 images" in cards["x"].warning.text() and not cards["x"].warning.isHidden()
    assert cards["telegram"].warning.isHidden()  # albums of up to 10
    cards = show(panel, Post(text="Foto", media=[MediaRef(path=p) for p in paths[:4]]))
    assert cards["x"].warning.isHidden()


def test_images_are_decoded_off_the_gui_thread(panel, tmp_path, monkeypatch):
    import threading

    from composer.gui.previews import loader

    seen = []
    real = loader.read_scaled
    monkeypatch.setattr(loader, "read_scaled", lambda path, *a: (seen.append(threading.current_thread()), real(path, *a))[1])
    paths = images(tmp_path, 3)
    show(panel, Post(text="Foto", media=[MediaRef(path=p) for p in paths]))
    panel.set_rendered("x", paths)
    assert all(p is None for p in panel.cards["x"].media._pixmaps)  # grey tiles meanwhile
    panel.wait_for_images()
    assert len(seen) == 3 and threading.main_thread() not in seen
    assert all(p is not None and not p.isNull() for p in panel.cards["x"].media._pixmaps)
    panel.set_rendered("bluesky", paths)  # the same files again: from the cache, no decoding
    assert len(seen) == 3 and all(p is not None for p in panel.cards["bluesky"].media._pixmaps)


def test_keyboard_opens_the_crop_from_a_preview(panel, qtbot, tmp_path):
    paths = images(tmp_path, 2)
    post = Post(text="Foto", media=[MediaRef(path=p) for p in paths])
    cards = show(panel, post)
    view = cards["x"].media
    view.setFocus()
    with qtbot.waitSignal(panel.crop_requested) as sig:
        qtbot.keyClick(view, Qt.Key_Return)
    assert sig.args == ["x", post.media[0].id]


def test_cards_keep_the_platform_colours_on_a_dark_desktop(panel, qapp):
    from PySide6.QtGui import QColor, QImage, QPalette

    before = qapp.palette()
    dark = QPalette(before)
    dark.setColor(QPalette.Text, QColor("#FFFFFF"))
    dark.setColor(QPalette.WindowText, QColor("#FFFFFF"))
    qapp.setPalette(dark)
    try:
        cards = show(panel, Post(text="Selamat pagi warga Sleman"))
        label = cards["facebook"].text
        image = QImage(label.size(), QImage.Format_RGB32)
        image.fill(QColor("#FFFFFF"))
        label.render(image)
        darkest = min(QColor(image.pixel(x, y)).lightness()
                      for x in range(0, image.width(), 2) for y in range(image.height()))
        assert darkest < 80  # dark text on the card's white, as on facebook.com
    finally:
        qapp.setPalette(before)


def test_a_link_without_images_gets_the_platforms_link_card(panel, tmp_path):
    cards = show(panel, Post(text=f"Baca selengkapnya {LINK}"))
    for key in ("x", "facebook", "linkedin", "mastodon", "telegram"):
        assert not cards[key].link_card.isHidden(), key
        assert cards[key].link_card.url == LINK
    for key in ("bluesky", "instagram", "wordpress"):  # Siaran's Bluesky posts carry no link embed
        assert cards[key].link_card.isHidden(), key
    x, fb = cards["x"].link_card, cards["facebook"].link_card
    assert x.width() / x.height() == pytest.approx(2.0, abs=0.02)  # X: the picture alone, 2:1
    assert fb.height() > fb.width() / 1.91  # Facebook: picture, then domain and title
    cards = show(panel, Post(text=f"Baca {LINK}", media=[MediaRef(path=images(tmp_path, 1)[0])]))
    assert all(c.link_card.isHidden() for c in cards.values())  # images replace the card


def test_telegram_puts_the_link_preview_under_the_text(panel):
    card = show(panel, Post(text=f"Info {LINK}"))["telegram"]
    y = lambda w: w.mapTo(card, w.rect().topLeft()).y()  # noqa: E731
    assert y(card.link_card) > y(card.text)
    x = panel.cards["x"]
    assert x.link_card.mapTo(x, x.link_card.rect().topLeft()).y() > x.text.mapTo(x, x.text.rect().topLeft()).y()


def test_the_text_engines_findings_show_on_the_card(panel):
    tags = " ".join(f"#tag{i}" for i in range(7))
    cards = show(panel, Post(text=f"Kegiatan hari ini {tags}"))
    ig = cards["instagram"]  # Instagram takes at most 5 hashtags
    assert not ig.warning.isHidden() and "Too many hashtags" in ig.warning.text()
    assert cards["x"].warning.isHidden()


def test_instagram_without_an_image_says_it_needs_one(panel, tmp_path):
    cards = show(panel, Post(text="Teks saja"))
    assert "at least one image" in cards["instagram"].warning.text()
    assert cards["x"].warning.isHidden()
    cards = show(panel, Post(text="Teks saja", media=[MediaRef(path=images(tmp_path, 1)[0])]))
    assert cards["instagram"].warning.isHidden()


def test_governance_findings_reach_the_cards_from_a_worker_never_from_the_keystroke(
        panel, qtbot, monkeypatch):
    """A NIK typed into the post is flagged on every card, but the scan (dictionary, holiday
    calendar, personal data) runs off the GUI thread after typing pauses: the keystroke's
    repaint never waits for it."""
    import threading

    import composer.core.checks.gov as gov

    scanned_on = []
    real = gov.gov_findings

    def spy(*args, **kwargs):
        scanned_on.append(threading.current_thread() is threading.main_thread())
        return real(*args, **kwargs)

    monkeypatch.setattr(gov, "gov_findings", spy)
    post = Post(text="Bantuan untuk warga dengan NIK 3404071203900001 sudah cair")
    panel.update_text(post)
    assert scanned_on == []  # the keystroke did not scan
    assert "NIK" not in panel.cards["x"].warning.text()
    qtbot.waitUntil(lambda: "NIK" in panel.cards["x"].warning.text(), timeout=10_000)
    assert scanned_on and not any(scanned_on)  # scanned, and only on the worker
    panel.flush()
    panel.flush_governance()
    for key, card in panel.cards.items():
        assert "NIK" in card.warning.text() and not card.warning.isHidden(), key
    # the number removed: the warning goes with the next scan
    panel.update_text(Post(text="Bantuan untuk warga sudah cair"))
    qtbot.waitUntil(lambda: panel.cards["x"].warning.isHidden(), timeout=10_000)
