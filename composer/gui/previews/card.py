"""One channel's preview: a strip naming the channel (with its counter and warnings) over an
imitation of that platform's post card. The card's shape comes from rules.py; text updates touch
only labels, and only when what they show changed."""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics, QPixmap
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from composer.core.adapters import Severity
from composer.core.i18n import _
from composer.core.post import Post
from composer.gui.previews import richtext, textbridge
from composer.gui.previews.avatar import make_avatar
from composer.gui.previews.linkcard import LinkCard
from composer.gui.previews.mediaview import MediaView
from composer.gui.previews.richlabel import RichLabel
from composer.gui.previews.rules import CardRules

CARD_WIDTH = 400  # a phone's column; desktop feeds are wider (DESKTOP_WIDTH)
DESKTOP_WIDTH = 560
PAD = 12
GAP = 10
_DIGITS_AS_ZERO = str.maketrans("123456789", "000000000")


def _t(text: str) -> str:
    """A card label: the app's catalog first, then the plugin's own translations (core ``_``)."""
    if not text:
        return ""
    translated = QCoreApplication.translate("PlatformCard", text)
    return translated if translated != text else _(text)


def _font(px: int, bold=False) -> QFont:
    font = QFont()
    font.setPixelSize(px)
    font.setBold(bold)
    return font


def _label(parent: QWidget, px: int, colour: str | None, *, bold=False, rich=True) -> QLabel:
    """``colour`` None: the desktop palette's (text outside the imitated card, which must stay
    readable in a dark theme); else the platform's own."""
    label = QLabel(parent)
    label.setFont(_font(px, bold))
    if colour is not None:
        label.setStyleSheet(f"color:{colour}; background:transparent;")
    label.setTextFormat(Qt.TextFormat.RichText if rich else Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
    return label


class PreviewCard(QFrame):
    """The preview of one channel. ``update_post`` is the per-keystroke path."""

    tile_clicked = Signal(str, int)  # channel key, image index

    def __init__(self, key: str, spec, account: dict, rules: CardRules, parent=None, *,
                 width: int = CARD_WIDTH):
        super().__init__(parent)
        self.key, self.spec, self.rules = key, spec, rules
        self.card_width = width
        self.account = dict(account or {})
        self.media_ids: list[str] = []
        # The rule book (and the text engine under it) loads with the first card, not with the
        # previews panel: a window with no channel chosen yet never needs it to be usable.
        from composer.core import checks
        from composer.core.checks.media import takes_video

        self._checks, self._takes_video = checks, takes_video
        self._adapter = checks.adapter_for(spec)  # its platform rules, asked per change
        self._last: tuple | None = None
        self._rule_warnings: list[str] = []  # what the rule book says at once
        self._gov_warnings: list[str] = []  # the office's governance findings, a moment later
        # id(label) -> what it shows, to skip identical updates; and the counter's own state
        self._shown: dict[int | str, object] = {}
        self.setObjectName("previewCard")
        self.setFixedWidth(width)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(4)
        outer.addWidget(self._build_strip())
        outer.addWidget(self._build_post())
        self.note = _label(self, 11, "#8A8F98")  # mid grey: readable on light and dark
        self.note.setText(html.escape(self.tr("Approximate: {name} may draw this slightly differently.")
                                      .format(name=spec.name)))
        outer.addWidget(self.note)

    # -- construction -------------------------------------------------------------------------
    def _build_strip(self) -> QWidget:
        strip = QWidget(self)
        row = QHBoxLayout(strip)
        row.setContentsMargins(2, 0, 2, 0)
        self.channel_label = _label(strip, 13, None, bold=True, rich=False)
        handle = self.account.get("handle") or self.account.get("display_name") or self.key
        self.channel_label.setText(f"{self.spec.name}  ·  {handle}")
        self.channel_label.setWordWrap(False)
        self.counter = _label(strip, 12, None, rich=False)
        self.counter.setWordWrap(False)
        row.addWidget(self.channel_label, 1)
        row.addWidget(self.counter)
        self.warning = _label(self, 12, "#B3261E", bold=True, rich=False)
        self.warning.setStyleSheet("color:#B3261E; background:#FDECEA; border-radius:6px; padding:4px 8px;")
        self.warning.hide()
        box = QWidget(self)
        col = QVBoxLayout(box)
        col.setContentsMargins(0, 0, 0, 0)
        col.setSpacing(4)
        col.addWidget(strip)
        col.addWidget(self.warning)
        return box

    def _post_frame(self) -> tuple[QFrame, QFrame, int]:
        """The card (or the chat wallpaper) and the body the post is laid out in, and its width."""
        r, pal = self.rules, self.rules.palette
        post = QFrame(self)
        post.setObjectName("post")
        if r.bubble:
            post.setStyleSheet(f"#post {{ background:{pal.page}; border-radius:10px; }}")
        else:
            post.setStyleSheet(f"#post {{ background:{pal.bg}; border:1px solid {pal.border}; border-radius:10px; }}")
        outer = QVBoxLayout(post)
        outer.setContentsMargins(0, PAD, 0, PAD)
        outer.setSpacing(8)
        inner_w = self.card_width - 2  # inside the border
        body = QFrame(post)
        if r.bubble:  # a white bubble on the chat wallpaper, a little narrower than the card
            inner_w = self.card_width - 80
            body.setObjectName("bubble")
            body.setStyleSheet(f"#bubble {{ background:{pal.bg}; border-radius:12px; }}")
            body.setFixedWidth(inner_w)
            wrap = QHBoxLayout()
            wrap.setContentsMargins(PAD, 0, PAD, 0)
            wrap.addWidget(body)
            wrap.addStretch(1)
            outer.addLayout(wrap)
        else:
            outer.addWidget(body)
        return post, body, inner_w

    def _build_post(self) -> QFrame:
        r, pal = self.rules, self.rules.palette
        post, body, inner_w = self._post_frame()
        self.avatar = QLabel(body)
        if r.avatar != "none":
            self.avatar.setPixmap(make_avatar(self.account.get("avatar"), self._name(), r.avatar_size, r.avatar))
            self.avatar.setFixedSize(r.avatar_size, r.avatar_size)
        else:
            self.avatar.hide()
        column_w = inner_w - 2 * PAD - ((r.avatar_size + GAP) if r.indent and r.avatar != "none" else 0)
        media_w = inner_w if r.edge_to_edge else column_w
        if r.bubble:
            media_w = inner_w - 8
        if r.media_above:
            media_w = inner_w - 2 * PAD
        self.text_width = column_w
        self.header = self._build_header(body)
        # the labels lie on the post's (or bubble's) background, which they paint themselves
        self.text = RichLabel(column_w, _font(r.text_px), pal.text, body, background=pal.bg)
        self.title = RichLabel(column_w, _font(22 if r.platform == "wordpress" else 16, True), pal.text, body,
                               background=pal.bg)
        self.media = MediaView(r, int(media_w), body, cells=self.spec.grid_cells)
        self.media.tile_clicked.connect(lambda i: self.tile_clicked.emit(self.key, i))
        self.media.setAccessibleName(self.tr("Images on {channel}: press Enter to adjust the crop")
                                     .format(channel=self.spec.name))
        self.link_card = LinkCard(r, int(media_w), body)
        # not `actions` nor `thread`: those would hide QWidget.actions() and QObject.thread()
        self.action_bar = self._build_actions(body)
        self.tags = RichLabel(column_w, _font(13), pal.secondary, body, background=pal.bg)
        self.thread_box = QVBoxLayout()  # the replies of a post cut into a thread
        self.thread_box.setSpacing(6)
        self._replies: list[RichLabel] = []
        self.reply_link_card: LinkCard | None = None  # made when a link sits in a later part
        sections: dict[str, QWidget] = {"text": self.text, "media": self.media,
                                        "actions": self.action_bar, "title": self.title,
                                        "tags": self.tags}
        for name, widget in sections.items():
            if name not in r.order:
                widget.hide()
        self._arrange(body, sections)
        return post

    def _arrange(self, body: QFrame, sections: dict[str, QWidget]) -> None:
        """Place the sections in the platform's order, beside or under the avatar."""
        r = self.rules
        content = QVBoxLayout()
        content.setSpacing(8)
        content.setContentsMargins(0, 0, 0, 0)
        for name in r.order:
            # a link card shows where the platform puts it (a post has images or a card)
            after = (self.link_card,) if name == r.link_card_after else ()
            for widget in (sections[name], *after):
                if widget in (self.media, self.link_card) and r.edge_to_edge:
                    content.addWidget(widget)
                    continue
                row = QHBoxLayout()
                row.setContentsMargins(0 if r.indent else PAD, 0, PAD, 0)
                if r.bubble and widget in (self.media, self.link_card):
                    row.setContentsMargins(4, 0, 4, 0)
                row.addWidget(widget)
                row.addStretch(1)
                content.addLayout(row)
        content.addLayout(self.thread_box)
        layout = QVBoxLayout(body)
        layout.setSpacing(8)
        layout.setContentsMargins(0, 8 if r.bubble else 0, 0, 8 if r.bubble else 0)
        if r.indent and r.avatar != "none":
            row = QHBoxLayout()
            row.setContentsMargins(PAD, 0, 0, 0)
            row.setSpacing(GAP)
            avatar_col = QVBoxLayout()
            avatar_col.addWidget(self.avatar)
            avatar_col.addStretch(1)
            row.addLayout(avatar_col)
            col = QVBoxLayout()
            col.setSpacing(4)
            below = r.header == "youtube"  # channel and views come under the title
            if not below:
                col.addWidget(self.header)
            col.addLayout(content)
            if below:
                col.addWidget(self.header)
            col.addStretch(1)
            row.addLayout(col)
            if r.media_above:  # a thumbnail across the card, above the avatar row
                top = QHBoxLayout()
                top.setContentsMargins(PAD, 0, PAD, 0)
                top.addWidget(self.media)
                layout.addLayout(top)
            layout.addLayout(row)
        else:
            if r.header != "none":
                layout.addWidget(self.header)
            layout.addLayout(content)

    def _build_actions(self, parent: QWidget) -> QWidget:
        box = QWidget(parent)
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(18)
        items = self.rules.actions
        spread = ("", "") not in items  # an explicit stretch means: keep items together
        small = self.rules.bubble
        for i, (icon, label) in enumerate(items):
            if not icon and not label:
                row.addStretch(1)
                continue
            item = _label(box, 12 if small else 14, self.rules.palette.secondary, rich=False)
            item.setWordWrap(False)
            item.setText(f"{icon}  {_t(label)}".strip() if label else icon)
            row.addWidget(item)
            if spread and i < len(items) - 1:
                row.addStretch(1)
        box.setFixedWidth(self.text_width if not self.rules.edge_to_edge else self.text_width)
        box.setVisible(bool(items))
        return box

    def _name(self) -> str:
        return self.account.get("display_name") or self.account.get("handle") or self.spec.name

    def _handle(self) -> str:
        handle = (self.account.get("handle") or "").lstrip("@")
        return ("@" + handle if self.rules.handle_at else handle) if handle else ""

    def _build_header(self, parent: QWidget) -> QWidget:
        r, pal = self.rules, self.rules.palette
        esc = html.escape
        name, handle, time = esc(self._name()), esc(self._handle()), esc(_t(r.time))
        box = QWidget(parent)
        row = QHBoxLayout(box)
        row.setContentsMargins(0 if r.indent else PAD, 0, PAD, 0)
        row.setSpacing(GAP)
        sec = f'<span style="color:{pal.secondary}; font-weight:normal;">'
        if not r.indent and r.avatar != "none":
            row.addWidget(self.avatar)
        line = _label(box, r.text_px, pal.text)
        line.setWordWrap(False)
        if r.header == "inline":  # name at most 70 % of the line, then handle · time, cut with …
            bold = QFontMetrics(_font(r.text_px, True))
            plain = QFontMetrics(_font(r.text_px))
            name_text = bold.elidedText(self._name(), Qt.TextElideMode.ElideRight, int(self.text_width * 0.7))
            meta = " · ".join(x for x in (self._handle() if r.show_handle else "", _t(r.time)) if x)
            room = self.text_width - bold.horizontalAdvance(name_text) - plain.horizontalAdvance(" ") - 2
            meta = plain.elidedText(meta, Qt.TextElideMode.ElideMiddle, max(0, room))
            line.setText(f"<b>{esc(name_text)}</b> {sec}{esc(meta)}</span>")
        elif r.header == "stacked":
            line.setText(f"<b>{name}</b><br>{sec}{handle}</span>")
        elif r.header == "page":
            second = f"<br>{sec}{time}</span>" if time else ""
            line.setText(f"<b>{esc(self._handle() or self._name()) if r.caption_user else name}</b>{second}")
        elif r.header == "bubble":
            line.setText(f'<b style="color:{pal.link};">{name}</b>')
        elif r.header == "youtube":
            line.setText(f"{sec}{name}<br>{time}</span>")
        row.addWidget(line, 1)
        if r.header == "stacked":
            stamp = _label(box, 13, pal.secondary, rich=False)
            stamp.setText("🌐 " + _t(r.time))
            stamp.setWordWrap(False)
            row.addWidget(stamp, 0, Qt.AlignmentFlag.AlignTop)
        if r.header in ("page", "stacked") and r.platform != "mastodon":
            dots = _label(box, 16, pal.secondary, rich=False)
            dots.setText("···")
            row.addWidget(dots, 0, Qt.AlignmentFlag.AlignTop)
        return box

    # -- per keystroke ------------------------------------------------------------------------
    def update_post(self, post: Post) -> None:
        resolved = post.resolve(self.key)
        # a video is one tile (its cover, rendered by video_jobs) where the core says it goes
        shown = [m for m in resolved.media
                 if m.ref.kind == "image" or (m.ref.kind == "video" and self._takes_video(self.spec))]
        alts = [bool(m.alt.strip()) for m in shown]
        focal = [m.ref.focal for m in shown]
        media = tuple((m.ref.kind, len(m.alt)) for m in resolved.media)  # the rule book reads these
        state = (resolved.text, resolved.title, resolved.links, resolved.tags, resolved.schedule,
                 media, tuple(alts), tuple(focal))
        if state == self._last:
            return
        self._last = state
        self.media_ids = [m.ref.id for m in shown]
        self.media.set_media(alts, focal)
        text = resolved.text
        link = None if alts else self._first_link(resolved)
        # The rule book says how the text goes (one post, a thread, apart from the photos) and
        # what keeps this channel from publishing; the card only shows it.
        # (the office's governance findings come a moment later: set_governance)
        verdict = self._checks.check_resolved(resolved, self.key, self.spec,
                                              adapter=self._adapter, governance=False)
        count, shaped = verdict.count, verdict.shape
        parts = list(shaped.parts) or [text]
        overflow = None if shaped.fits else count.overflow_at
        counter = f"{count.length}/{count.limit}" if count.limit else f"{count.length}"
        if len(parts) > 1:
            counter += "  ·  " + self.tr("thread of {n}").format(n=len(parts))
        self._set_counter(counter, over=not shaped.fits)
        self._rule_warnings = [f.message for f in verdict.findings
                               if f.severity != Severity.INFO and f.code != "media.alt_missing"]
        self._show_warnings()
        if self.rules.title:
            title = resolved.title or text.strip().split("\n", 1)[0]
            self._set_text(self.title, title, fold=self.rules.platform == "youtube")
        main = parts[0]
        if self.rules.hashtag_bar and overflow is None and len(parts) == 1:
            main, tags = richtext.hashtag_bar(main, bool(alts))
            self._set_tag_bar(tags)
        if "text" in self.rules.order:
            self._set_text(self.text, main.rstrip() if len(parts) > 1 else main, overflow=overflow)
        self._set_thread(parts[1:])
        if self.rules.link_card:
            # the card goes under the part that holds the link, as the network shows a thread
            holder = next((i for i, part in enumerate(parts) if link and link in part), 0)
            self.link_card.set_url(link if holder == 0 else None)
            self._place_reply_card(link if holder > 0 else None, holder - 1)

    def set_governance(self, messages: list[str]) -> None:
        """The office's governance findings for this channel (GovernanceScanner's answer)."""
        if messages != self._gov_warnings:
            self._gov_warnings = list(messages)
            self._show_warnings()

    def _show_warnings(self) -> None:
        warning = "\n".join([*self._rule_warnings, *self._gov_warnings])
        self._set(self.warning, warning)
        self.warning.setVisible(bool(warning))

    def _place_reply_card(self, url: str | None, reply: int) -> None:
        """The link card under reply ``reply`` (0: the thread's second post); None hides it."""
        card = self.reply_link_card
        if url is None:
            if card is not None:
                card.set_url(None)
            return
        if card is None:
            card = self.reply_link_card = LinkCard(self.rules, int(self.text_width), self)
        self.thread_box.removeWidget(card)
        self.thread_box.insertWidget(self.thread_box.indexOf(self._replies[reply]) + 1, card)
        card.set_url(url)

    def _set_counter(self, text: str, *, over: bool) -> None:
        """The counter keeps a fixed size, re-fixed only when its text needs another width: a
        label of fixed size changes text without asking the card to lay itself out again (a
        new count every keystroke would otherwise re-run the whole card's layout)."""
        if self._shown.get("over") != over:
            self._shown["over"] = over
            self.counter.setStyleSheet("color:#B3261E; font-weight:bold;" if over else "")
        self._set(self.counter, text)
        # digits share one width in UI fonts: only a new shape of text ("99" -> "100") is measured
        shape = (text.translate(_DIGITS_AS_ZERO), over)
        if self._shown.get("counter shape") != shape:
            self._shown["counter shape"] = shape
            self.counter.setFixedSize(self.counter.sizeHint())

    def _first_link(self, resolved) -> str | None:
        if resolved.links:
            return resolved.links[0]
        return next((e.text for e in textbridge.entities(resolved.text) if e.kind == "url"), None)

    def _set(self, label, value: str) -> None:
        if self._shown.get(id(label)) != value:
            self._shown[id(label)] = value
            label.setText(value)

    def _set_text(self, label: RichLabel, text: str, *, overflow: int | None = None, fold: bool = True) -> None:
        r = self.rules
        ps = richtext.pieces(text, textbridge.entities(text, r.entities), r)
        prefix, offset = "", 0
        if r.caption_user:
            user = self._handle() or self._name()
            prefix = f"<b>{html.escape(user)}</b> "
            offset = len(user) + 1
        cut = None
        more = _t(r.fold.label) if r.fold else ""
        if overflow is None and fold and r.fold is not None:
            shown = (" " * offset) + richtext.plain(ps)
            cut = richtext.fold_point(shown, r, label.font(), self.text_width, more, offset)
        self._set(label, richtext.to_html(ps, r, cut=cut, more=more, overflow_at=overflow, prefix=prefix))

    def _set_tag_bar(self, tags: list[str]) -> None:
        shown = tags[:self.rules.hashtag_bar]
        link = self.rules.palette.link
        pills = "&nbsp;&nbsp; ".join(f'<span style="color:{link};">{html.escape(t)}</span>' for t in shown)
        if len(tags) > len(shown):
            pills += "&nbsp;&nbsp; " + html.escape(self.tr("…and {n} more").format(n=len(tags) - len(shown)))
        self._set(self.tags, pills)
        self.tags.setVisible(bool(tags))

    def _set_thread(self, parts: list[str]) -> None:
        while len(self._replies) < len(parts):
            reply = RichLabel(self.text_width, _font(self.rules.text_px), self.rules.palette.text, self,
                              rule=self.rules.palette.border, background=self.rules.palette.bg)
            self.thread_box.addWidget(reply)
            self._replies.append(reply)
        total = len(parts) + 1
        reply_label = self.tr("Reply {n}/{total}")
        for i, reply in enumerate(self._replies):
            if i < len(parts):
                number = html.escape(reply_label.format(n=i + 2, total=total))
                head = (f'<b>{html.escape(self._name())}</b> '
                        f'<span style="color:{self.rules.palette.secondary};">{number}</span><br>')
                text = parts[i].strip()
                ps = richtext.pieces(text, textbridge.entities(text, self.rules.entities), self.rules)
                self._set(reply, richtext.to_html(ps, self.rules, prefix=head))
            reply.setVisible(i < len(parts))

    def set_pixmaps(self, pixmaps: list[QPixmap | None]) -> None:
        self.media.set_pixmaps(pixmaps)

    def set_shapes(self, ratios: list[float | None]) -> None:
        self.media.set_shapes(ratios)
