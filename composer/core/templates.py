"""Branded templates: a JSON model of layers anchored to edges and safe areas.

One template adapts to every shape (1:1, 4:5, 1.91:1, 16:9, 9:16) because nothing is placed in
pixels. Offsets and sizes are either numbers, in units of the canvas's SHORT edge (so a margin
or a font looks the same in a square and in a story), or strings like ``"40%"``, a share of
the frame's own width or height (so a band can grow with a tall canvas). Each layer measures
from the canvas or from the safe area (``"frame": "safe"``): the part no platform overlay
covers. Text is always kept inside the safe area.

Layer types: ``photo`` (the officer's picture, cover-fitted), ``rect`` (bands, blocks; colour
with alpha), ``logo`` (a PNG with alpha, contained), ``text`` (placeholders such as {title}
{date} {handle} {office}, font family or file, size, colour, wrap, alignment, line limit).

Drawing is in composer.core.media.compose; this module is the model, its geometry, the editing
API (which refuses to move a locked layer) and load/save (built-ins in resources/templates,
the officer's own in <data>/templates).
"""

from __future__ import annotations

import json
import math
import os
import shutil
import tempfile
from dataclasses import asdict, dataclass, field, fields
from datetime import date, datetime
from importlib import resources
from pathlib import Path
from typing import Any

from composer.core.i18n import UserError, _, current_language, translate_to
from composer.core.office import OfficeProfile
from composer.core.office import format_date as office_format_date
from composer.core.paths import Paths, app_paths
from composer.core.post import Post, Resolved

LAYER_TYPES = ("photo", "rect", "logo", "text")
MAX_TEMPLATE_BYTES = 2_000_000  # a template is a few kilobytes of JSON; a device or a huge file is refused
Length = float | str | None  # short-edge units, or "NN%" of the frame


class TemplateError(UserError):
    """A template file or edit that cannot be used (one translated line)."""


class LockedLayer(TemplateError):
    def __init__(self, layer_id: str):
        super().__init__(_("The layer '{layer}' is locked; unlock it first", layer=layer_id))
        self.layer_id = layer_id


@dataclass
class Layer:
    id: str
    type: str
    frame: str = "canvas"  # "canvas" or "safe": what the offsets measure from
    left: Length = None
    right: Length = None
    top: Length = None
    bottom: Length = None
    width: Length = None
    height: Length = None
    dx: float = 0.0  # moves made in the editor, in short-edge units
    dy: float = 0.0
    locked: bool = False
    visible: bool = True
    color: str = "#000000"  # rect fill, text colour; "#rrggbb" or "#rrggbbaa"
    src: str = ""  # logo: PNG path, relative to the template's folder
    text: str = ""
    font: str = "DejaVu Sans"  # a family name (fontconfig pattern) or a font file
    bold: bool = False
    italic: bool = False
    size: float = 0.05  # text size in short-edge units
    min_size: float | None = None  # shrink down to this before cutting lines
    wrap: bool = True
    max_lines: int | None = None
    align: str = "left"  # left | center | right (also places a logo in its box)
    valign: str = "top"  # top | middle | bottom
    line_spacing: float = 1.2

    def to_dict(self) -> dict[str, Any]:
        defaults = Layer(self.id, self.type)
        return {k: v for k, v in asdict(self).items() if k in ("id", "type") or v != getattr(defaults, k)}


@dataclass(frozen=True)
class Rect:
    left: float
    top: float
    right: float
    bottom: float

    @property
    def width(self) -> float:
        return self.right - self.left

    @property
    def height(self) -> float:
        return self.bottom - self.top

    def intersect(self, other: Rect) -> Rect | None:
        r = Rect(max(self.left, other.left), max(self.top, other.top),
                 min(self.right, other.right), min(self.bottom, other.bottom))
        return r if r.width > 0 and r.height > 0 else None

    def clamp_into(self, outer: Rect) -> Rect:
        """This rectangle moved inside ``outer`` (and cut to its size when larger)."""
        w, h = min(self.width, outer.width), min(self.height, outer.height)
        left = min(max(self.left, outer.left), outer.right - w)
        top = min(max(self.top, outer.top), outer.bottom - h)
        return Rect(left, top, left + w, top + h)

    def contains(self, other: Rect, slack: float = 0.0) -> bool:
        return (other.left >= self.left - slack and other.top >= self.top - slack
                and other.right <= self.right + slack and other.bottom <= self.bottom + slack)

    def box(self) -> tuple[int, int, int, int]:
        return round(self.left), round(self.top), round(self.right), round(self.bottom)

    def inner_box(self) -> tuple[int, int, int, int]:
        """Whole pixels, rounded inwards: never a pixel outside the rectangle."""
        return (math.ceil(self.left), math.ceil(self.top), math.floor(self.right), math.floor(self.bottom))


@dataclass
class SafeArea:
    """Margins no text may cross: ``margin`` in short-edge units on every side, plus, on tall
    canvases (stories, 9:16), the share of the height that the platform's own buttons cover."""

    margin: float = 0.06
    tall_top: float = 0.12
    tall_bottom: float = 0.16
    tall_below_ratio: float = 0.7


@dataclass
class Template:
    name: str
    title: str = ""
    background: str = "#ffffff"
    safe: SafeArea = field(default_factory=SafeArea)
    layers: list[Layer] = field(default_factory=list)
    folder: Path | None = None  # where relative logo paths live
    builtin: bool = False

    # -- geometry ---------------------------------------------------------------------------

    def safe_rect(self, width: int, height: int) -> Rect:
        u = min(width, height)
        m = self.safe.margin * u
        top = bottom = m
        if width / height < self.safe.tall_below_ratio:
            top = max(m, self.safe.tall_top * height)
            bottom = max(m, self.safe.tall_bottom * height)
        return Rect(m, top, width - m, height - bottom)

    def layer_rect(self, layer: Layer, width: int, height: int) -> Rect:
        """Where a layer sits on a canvas of this size (text: clipped to the safe area)."""
        u = min(width, height)
        frame = self.safe_rect(width, height) if layer.frame == "safe" else Rect(0, 0, width, height)
        x0, x1 = _span(frame.left, frame.right, layer.left, layer.right, layer.width, u)
        y0, y1 = _span(frame.top, frame.bottom, layer.top, layer.bottom, layer.height, u)
        rect = Rect(x0 + layer.dx * u, y0 + layer.dy * u, x1 + layer.dx * u, y1 + layer.dy * u)
        if layer.type == "text":  # text never leaves the safe area: pushed back in, or trimmed
            return rect.clamp_into(self.safe_rect(width, height))
        return rect

    # -- editing ----------------------------------------------------------------------------

    def layer(self, layer_id: str) -> Layer:
        for layer in self.layers:
            if layer.id == layer_id:
                return layer
        raise TemplateError(_("The template has no layer '{layer}'", layer=layer_id))

    def _editable(self, layer_id: str) -> Layer:
        layer = self.layer(layer_id)
        if layer.locked:
            raise LockedLayer(layer_id)
        return layer

    def move(self, layer_id: str, dx: float, dy: float) -> None:
        """Move a layer by (dx, dy) short-edge units; LockedLayer when it is locked."""
        layer = self._editable(layer_id)
        layer.dx += dx
        layer.dy += dy

    def resize(self, layer_id: str, width: Length = None, height: Length = None) -> None:
        """Give a layer a new width and/or height, keeping its left/top anchor."""
        layer = self._editable(layer_id)
        if width is not None:
            _check_length(width, "width")
            layer.width = width
            if layer.left is not None:
                layer.right = None
        if height is not None:
            _check_length(height, "height")
            layer.height = height
            if layer.top is not None:
                layer.bottom = None

    def update(self, layer_id: str, **changes: Any) -> None:
        """Change a layer's properties (text, colour, font ...); LockedLayer when it is locked."""
        layer = self._editable(layer_id)
        known = {f.name for f in fields(Layer)} - {"id", "type", "locked"}
        for name, value in changes.items():
            if name not in known:
                raise TemplateError(_("Unknown layer property '{name}'", name=name))
            setattr(layer, name, value)
        _validate_layer(layer)

    def set_locked(self, layer_id: str, locked: bool = True) -> None:
        self.layer(layer_id).locked = locked

    # -- data -------------------------------------------------------------------------------

    def to_dict(self) -> dict[str, Any]:
        return {
            "siaran_template": 1,
            "name": self.name,
            "title": self.title,
            "background": self.background,
            "safe": asdict(self.safe),
            "layers": [layer.to_dict() for layer in self.layers],
        }

    def copy(self, name: str | None = None) -> Template:
        t = from_dict(self.to_dict(), folder=self.folder)
        t.builtin = False
        if name:
            t.name = name
        return t

    def photo_layer(self) -> Layer | None:
        return next((la for la in self.layers if la.type == "photo" and la.visible), None)

    def resolve_src(self, layer: Layer) -> Path | None:
        if not layer.src:
            return None
        path = Path(layer.src).expanduser()
        if not path.is_absolute() and self.folder is not None:
            path = self.folder / path
        return path


def _length(value: Length, extent: float, u: float) -> float | None:
    if value is None:
        return None
    if isinstance(value, str):
        return float(value.rstrip("%")) / 100 * extent
    return float(value) * u


def _span(lo: float, hi: float, start: Length, end: Length, size: Length, u: float) -> tuple[float, float]:
    """One axis of CSS-like absolute positioning inside [lo, hi]."""
    extent = hi - lo
    a, b, s = _length(start, extent, u), _length(end, extent, u), _length(size, extent, u)
    if a is not None and b is not None:
        return lo + a, hi - b
    if a is not None:
        return lo + a, (lo + a + s) if s is not None else hi
    if b is not None:
        return (hi - b - s) if s is not None else lo, hi - b
    if s is not None:
        mid = (lo + hi) / 2
        return mid - s / 2, mid + s / 2
    return lo, hi


def _check_length(value: Any, where: str) -> None:
    if value is None or (isinstance(value, int | float) and not isinstance(value, bool)):
        return
    if isinstance(value, str) and value.endswith("%"):
        try:
            float(value[:-1])
            return
        except ValueError:
            pass
    raise TemplateError(_("'{field}' must be a number or a percentage such as \"40%\"", field=where))


def _validate_layer(layer: Layer) -> None:
    if layer.type not in LAYER_TYPES:
        raise TemplateError(_("Unknown layer type '{type}'", type=layer.type))
    if layer.frame not in ("canvas", "safe"):
        raise TemplateError(_("'{field}' must be \"canvas\" or \"safe\"", field=f"{layer.id}.frame"))
    for name in ("left", "right", "top", "bottom", "width", "height"):
        _check_length(getattr(layer, name), f"{layer.id}.{name}")
    if layer.align not in ("left", "center", "right") or layer.valign not in ("top", "middle", "bottom"):
        raise TemplateError(_("'{field}' has an unknown alignment", field=layer.id))
    if not isinstance(layer.size, int | float) or layer.size <= 0:
        raise TemplateError(_("'{field}' must be a positive number", field=f"{layer.id}.size"))


def from_dict(data: dict[str, Any], folder: Path | None = None) -> Template:
    if not isinstance(data, dict) or not isinstance(data.get("name"), str) or not data["name"]:
        raise TemplateError(_("A template needs a name"))
    known = {f.name for f in fields(Layer)}
    layers, seen = [], set()
    for raw in data.get("layers", []):
        if not isinstance(raw, dict) or not isinstance(raw.get("id"), str) or "type" not in raw:
            raise TemplateError(_("Every template layer needs an id and a type"))
        unknown = sorted(set(raw) - known)
        if unknown:
            raise TemplateError(_("Unknown layer property '{name}'", name=unknown[0]))
        if raw["id"] in seen:
            raise TemplateError(_("Two layers are called '{layer}'", layer=raw["id"]))
        seen.add(raw["id"])
        layer = Layer(**raw)
        _validate_layer(layer)
        layers.append(layer)
    safe_raw = data.get("safe", {})
    try:
        safe = SafeArea(**safe_raw)
    except TypeError:
        raise TemplateError(_("'{field}' has the wrong type", field="safe")) from None
    return Template(name=data["name"], title=str(data.get("title", data["name"])),
                    background=str(data.get("background", "#ffffff")), safe=safe,
                    layers=layers, folder=folder)


# -- files ------------------------------------------------------------------------------------


def builtin_dir() -> Path:
    return Path(str(resources.files("composer") / "resources" / "templates"))


def user_dir(paths: Paths | None = None) -> Path:
    return (paths or app_paths()).data / "templates"


def list_templates(paths: Paths | None = None) -> list[str]:
    """Names of the built-in templates and the officer's own (own ones shadow built-ins)."""
    names = {p.stem for p in builtin_dir().glob("*.json")}
    folder = user_dir(paths)
    if folder.is_dir():
        names.update(p.stem for p in folder.glob("*.json"))
    return sorted(names)


def load_file(path: str | Path) -> Template:
    from composer.core.safe_files import MissingFile, UnsafeFile, read_text

    path = Path(path)
    try:
        data = json.loads(read_text(path, what=_("The template"), max_bytes=MAX_TEMPLATE_BYTES))
    except MissingFile:
        raise TemplateError(_("No such template file: {path}", path=path)) from None
    except UnsafeFile as exc:
        raise TemplateError(str(exc)) from None
    except (json.JSONDecodeError, RecursionError) as exc:
        raise TemplateError(_("The template {path} cannot be read: {error}", path=path.name,
                              error=type(exc).__name__)) from None
    template = from_dict(data, folder=path.parent)
    template.builtin = path.parent == builtin_dir()
    return template


def load_template(name: str, paths: Paths | None = None) -> Template:
    """A template by name (the officer's own first, then the built-ins) or by file path."""
    if name.endswith(".json") or os.sep in name:
        return load_file(name)
    for folder in (user_dir(paths), builtin_dir()):
        candidate = folder / f"{name}.json"
        if candidate.is_file():
            return load_file(candidate)
    raise TemplateError(_("No template called '{name}' (known: {known})", name=name,
                          known=", ".join(list_templates(paths))))


def save_template(template: Template, paths: Paths | None = None) -> Path:
    """Write to <data>/templates/<name>.json (atomically); logos travel along."""
    if not template.name or any(c in template.name for c in "/\\:") or template.name.startswith("."):
        raise TemplateError(_("'{name}' cannot be a template name", name=template.name))
    folder = user_dir(paths)
    folder.mkdir(parents=True, exist_ok=True)
    data = template.to_dict()
    for raw, layer in zip(data["layers"], template.layers, strict=True):
        src = template.resolve_src(layer)
        if src is not None and src.is_file() and not Path(layer.src).is_absolute():
            target = folder / layer.src
            if src.resolve() != target.resolve():
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(src, target)
            raw["src"] = layer.src
    target = folder / f"{template.name}.json"
    fd, tmp = tempfile.mkstemp(dir=folder, suffix=".tmp")
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        json.dump(data, fh, ensure_ascii=False, indent=2)
    os.replace(tmp, target)
    template.folder, template.builtin = folder, False
    return target


# -- placeholders -----------------------------------------------------------------------------

class _Fields(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return ""  # an unfilled placeholder shows nothing rather than "{office}"


def fill(text: str, values: dict[str, str]) -> str:
    """Replace {placeholders}; unknown ones become empty, malformed braces stay as typed."""
    try:
        return text.format_map(_Fields(values))
    except (ValueError, IndexError, AttributeError, KeyError):
        return text


def template_fields(post: Post, resolved: Resolved | None = None, *, image: int | None = None,
                    office: OfficeProfile | None = None, lang: str | None = None) -> dict[str, str]:
    """The placeholder values for a post on a channel (and for its ``image``-th picture, 1-based):
    title, text, date, handle, office, quote, label, and whatever the post's own ``fields`` add.

    The officer's fields win: ``fields["title"]`` for every image, ``fields["title.2"]`` for the
    second one only. The date is never invented: a typed ``date`` field, else the event date
    (``fields["event_date"]``, ISO), else the post's schedule, written in the office's language
    and zone ("17 Agustus 2026"); with none of them the date layer stays empty. The office's
    name, handle and logo come from its profile (composer.core.office)."""
    if office is None:
        office = OfficeProfile.load(app_paths().config)
    lang = lang or office.language or current_language()
    text = resolved.text if resolved is not None else post.text
    title = (resolved.title if resolved is not None else post.title) or text.strip().split("\n")[0]
    values = {"title": title, "text": text, "date": post_date(post, office, lang),
              "handle": office.handle, "office": office.name or office.short_name,
              "short_office": office.short_name or office.name, "logo": office.logo,
              "quote": title, "label": translate_to(lang, "ANNOUNCEMENT")}  # media.id.json
    fields = {str(k): str(v) for k, v in post.fields.items()}
    values.update({k: v for k, v in fields.items() if "." not in k and v.strip()})
    if image is not None:  # one value per picture: "title.2" for the second image
        suffix = f".{image}"
        values.update({k[:-len(suffix)]: v for k, v in fields.items() if k.endswith(suffix) and v.strip()})
    if not fields.get(f"quote.{image}", fields.get("quote", "")).strip():
        values["quote"] = values["title"]  # a quote card quotes this image's title
    return values


def post_date(post: Post, office: OfficeProfile, lang: str | None = None) -> str:
    """The date a template shows for a post: its event date, else its schedule; "" without."""
    event = str(post.fields.get("event_date", "")).strip()
    if event:
        try:
            return office_format_date(date.fromisoformat(event), lang, zone=office.zone)
        except ValueError:
            return event  # typed in words ("17-18 Agustus"): shown as typed
    if isinstance(post.schedule, datetime):
        return office_format_date(post.schedule, lang, zone=office.zone)
    return ""


__all__ = [
    "Layer", "LockedLayer", "Rect", "SafeArea", "Template", "TemplateError", "fill", "from_dict",
    "list_templates", "load_file", "load_template", "post_date", "save_template", "template_fields",
    "builtin_dir", "user_dir",
]
