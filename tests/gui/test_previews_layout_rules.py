"""The platform facts the previews imitate (docs/previews.md): link display, image grids."""

import pytest

from composer.core.registry import default_registry
from composer.gui.previews import grids
from composer.gui.previews.linkdisplay import bluesky_url, mastodon_mention, mastodon_url, x_url

URL = "https://www.example.com/news/2024/very-long-article"


def test_link_display_follows_each_platform():
    assert mastodon_url(URL) == "example.com/news/2024/very-lon…"  # §6 example
    assert bluesky_url(URL) == "www.example.com/news/2024/ve..."  # §7 example
    assert bluesky_url("https://bsky.app/") == "bsky.app"  # a lone "/" path is dropped
    assert x_url("https://bit.ly/2so49n2") == "bit.ly/2so49n2"  # short: shown whole
    assert mastodon_mention("@humas@mastodon.social") == "@humas"


def _shape(tile):
    return round(tile.w / tile.h, 2)


def _layout(channel, ratios, width, grid=None):
    """The channel's preview grid, drawn with the cells its spec declares (as the card does)."""
    cells = default_registry().platforms[channel].spec.grid_cells
    return grids.layout(grid or channel, ratios, width, cells)


def test_bluesky_layouts_one_to_four():
    w = 500
    one = _layout("bluesky", [0.25], w)  # very tall: clipped at 1:2, box no taller than wide
    assert one.height == pytest.approx(w) and _shape(one.tiles[0]) == 0.5
    two = _layout("bluesky", [1.5, 1.5], w)
    assert [_shape(t) for t in two.tiles] == [1.0, 1.0]
    three = _layout("bluesky", [1.5] * 3, w)
    assert _shape(three.tiles[0]) == 1.0 and three.tiles[1].x == three.tiles[2].x
    assert three.tiles[1].h < three.tiles[0].h
    four = _layout("bluesky", [1] * 5, w)  # at most 4, each 3:2
    assert len(four.tiles) == 4 and all(_shape(t) == 1.5 for t in four.tiles)


def test_mastodon_gallery_is_a_3_2_frame():
    for n in (2, 3, 4):
        g = _layout("mastodon", [1.0] * n, 600)
        assert g.height == pytest.approx(400, abs=2) and len(g.tiles) == n
    assert _layout("mastodon", [0.2], 600).height == 566  # tall single image capped


def test_facebook_five_plus_shows_the_rest_as_plus_n():
    g = _layout("facebook", [1.0] * 7, 400)
    assert len(g.tiles) == 5 and g.tiles[-1].more == 2
    assert [t.more for t in g.tiles[:4]] == [0, 0, 0, 0]
    portrait = _layout("facebook", [0.8, 1, 1, 1], 400)  # big tile 2/3 wide on the left
    assert portrait.tiles[0].w > 2 * portrait.tiles[1].w * 0.9
    landscape = _layout("facebook", [1.8, 1, 1], 400)  # first on top, squares below
    assert landscape.tiles[0].w == 400 and _shape(landscape.tiles[1]) == 1.0


def test_instagram_carousel_shows_one_slide_with_dots():
    g = grids.layout("instagram", [0.5, 1, 1], 400)
    assert len(g.tiles) == 1 and g.dots == 3
    assert _shape(g.tiles[0]) == 0.8  # clamped to 4:5


def test_x_grid_and_telegram_album():
    assert len(_layout("x", [1] * 4, 500).tiles) == 4
    two = _layout("x", [1, 1], 500)  # two 8:9 halves of a 16:9 frame
    assert two.height == pytest.approx(500 * 9 / 16, abs=3)
    assert [_shape(t) for t in two.tiles] == [0.89, 0.89]
    for n in range(1, 11):
        g = grids.layout("telegram", [1.5, 0.7, 1, 1.2, 1.4, 0.9, 1, 1, 1.3, 1][:n], 400)
        assert len(g.tiles) == n
        assert all(t.x + t.w <= 400.5 and t.w > 0 and t.h > 0 for t in g.tiles)
    assert grids.layout("featured", [0.5], 300).height == 200  # WordPress 3:2
    assert grids.layout("whatsapp", [1] * 6, 300).tiles[-1].more == 2


def test_mastodon_hashtag_bar():
    from composer.gui.previews.richtext import hashtag_bar

    text = "Vaksinasi gratis hari ini.\n\n#SlemanSehat #vaksin #Vaksin #Sleman"
    body, tags = hashtag_bar(text, has_media=False)
    assert body == "Vaksinasi gratis hari ini." and tags == ["#SlemanSehat", "#vaksin", "#Sleman"]
    assert hashtag_bar("Ayo #vaksin hari ini", has_media=True) == ("Ayo #vaksin hari ini", [])
    assert hashtag_bar("#SlemanSehat #Vaksin", has_media=False)[1] == []  # the whole post stays text
    assert hashtag_bar("#SlemanSehat #Vaksin", has_media=True) == ("", ["#SlemanSehat", "#Vaksin"])


def test_whatsapp_renders_its_formatting_markers():
    from composer.gui.previews.richtext import pieces, plain, to_html
    from composer.gui.previews.rules import rules_for
    from composer.gui.previews.textbridge import entities

    text = "Halo *warga* _Sleman_, jadwal ~lama~ ```08.00``` di https://slemankab.go.id 2*3*4"
    ps = pieces(text, entities(text), rules_for("whatsapp", default_registry()))
    assert plain(ps) == "Halo warga Sleman, jadwal lama 08.00 di https://slemankab.go.id 2*3*4"
    html = to_html(ps, rules_for("whatsapp", default_registry()))
    assert "<b>warga</b>" in html and "<i>Sleman</i>" in html and "<s>lama</s>" in html
    assert 'monospace;">08.00</span>' in html
    x = plain(pieces(text, entities(text), rules_for("x", default_registry())))  # other platforms show the markers
    assert "*warga*" in x


def test_cover_crop_follows_the_focal_point_only_where_honoured():
    from composer.gui.previews.mediaview import cover_source

    centred = cover_source(300, 100, 100, 100)  # a wide photo in a square tile
    assert (centred.x(), centred.width()) == (100, 100)
    right = cover_source(300, 100, 100, 100, px=1.0)
    assert right.x() == 200  # object-position 100 %: the right edge


def test_the_preview_grid_is_the_cells_the_channel_declares():
    """One rule, one place: the preview draws the cells each spec declares, the cells the render
    shapes branded images for (a channel declaring other cells is drawn with those)."""
    for channel in ("x", "bluesky", "mastodon", "facebook", "linkedin"):
        spec = default_registry().platforms[channel].spec
        grid = "facebook" if channel == "linkedin" else channel
        for cells in spec.grid_cells:
            g = _layout(channel, [1.0] * len(cells), 600, grid)
            assert [_shape(t) for t in g.tiles] == pytest.approx(list(cells), rel=0.03), channel
    tall = grids.layout("bluesky", [1.0, 1.0], 600, ((0.5, 0.5),))
    assert [_shape(t) for t in tall.tiles] == [0.5, 0.5]
