"""Open an image the officer attached, refuse hostile input, and normalise what is left.

Everything Pillow may raise on a damaged or hostile file becomes a one-line, translated
``MediaError``: the source file is untrusted, and Pillow's plugins raise many kinds of errors
(OSError, SyntaxError, ValueError, struct.error, EOFError ...) for bad bytes.
"""

from __future__ import annotations

import logging
import math
import os
import threading
import warnings
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from PIL import Image, ImageFile, ImageSequence

if TYPE_CHECKING:  # colour management loads with the first image that carries a profile
    from PIL import ImageCms

from composer.core.i18n import UserError, _

log = logging.getLogger("siaran.media")

# The largest picture we decode. 100 MP covers 108 MP phone sensors in their default binned
# mode and large scans, and keeps one decoded copy under ~400 MB. Pillow warns above its
# MAX_IMAGE_PIXELS and refuses above twice that; we refuse at the warning already.
MAX_PIXELS = 100_000_000
Image.MAX_IMAGE_PIXELS = MAX_PIXELS
# Pillow's own remarks on damaged files ("Tag data larger than file" ...) would reach the
# officer's terminal as noise; the one-line MediaError (or the good render) says what matters.
warnings.filterwarnings("ignore", category=UserWarning, module=r"PIL\.")
# A progressive JPEG is decoded scan by scan, each scan visiting every block of the picture: a
# tiny file with thousands of scans keeps libjpeg busy for minutes. Encoders write about 10.
MAX_JPEG_SCANS = 100
# No photo or poster an office posts comes near this; a bigger "image" is refused before a byte
# of it is read (a 100 MP TIFF is about 300 MB uncompressed, so it still fits).
MAX_IMAGE_BYTES = 400_000_000
# Animated images: beyond this many frames (or pixels across all frames) we use the first frame.
MAX_FRAMES = 500
MAX_ANIMATION_PIXELS = 40_000_000  # 160 MB as RGBA frames

# What we read. Anything else Pillow might recognise (PSD, ICNS, EPS via Ghostscript ...) is
# refused: fewer decoders facing untrusted bytes, and none that shells out.
MIME_BY_FORMAT = {
    "JPEG": "image/jpeg",
    "MPO": "image/jpeg",  # multi-picture JPEG from some cameras; the first picture is a JPEG
    "PNG": "image/png",
    "GIF": "image/gif",
    "WEBP": "image/webp",
    "HEIF": "image/heic",
    "AVIF": "image/avif",
    "TIFF": "image/tiff",
    "BMP": "image/bmp",
}

# The decoders asked to identify a file (MPO files are found by the JPEG decoder).
OPENERS = [f for f in MIME_BY_FORMAT if f != "MPO"]
_heif_lock = threading.Lock()
_heif_ready = False


class MediaError(UserError):
    """An image that cannot be used; ``str()`` is one translated line naming the file."""


def _register_heif() -> None:
    """HEIC/HEIF (iPhone photos) through pillow-heif, registered once, on first use."""
    global _heif_ready
    with _heif_lock:
        if _heif_ready:
            return
        try:
            import pillow_heif

            pillow_heif.register_heif_opener()
        except Exception:  # pragma: no cover - an optional decoder must not break the others
            log.warning("HEIC support unavailable", exc_info=True)
        _heif_ready = True


@dataclass(frozen=True)
class ImageInfo:
    """What the composer needs to know about an image without keeping it decoded."""

    path: str
    width: int  # after EXIF orientation
    height: int
    mime: str
    format: str
    mode: str
    animated: bool = False
    frames: int = 1
    has_alpha: bool = False
    orientation: int = 1
    bytes: int = 0

    @property
    def aspect(self) -> float:
        return self.width / self.height


def _name(path: Path) -> str:
    return path.name or str(path)


@contextmanager
def open_image(path: str | Path) -> Iterator[Image.Image]:
    """Image.open with every refusal a user can understand; the header only, nothing decoded.

    We own the file object, so leaving the block closes the file but keeps whatever the caller
    decoded inside it (Pillow's own close() would destroy the pixels too)."""
    from composer.core.safe_files import MissingFile, UnsafeFile, open_regular

    path = Path(path)
    name = _name(path)
    with ExitStack() as stack:
        try:
            fh = stack.enter_context(open_regular(path, what=_("The image"),
                                                  max_bytes=MAX_IMAGE_BYTES))
        except MissingFile:
            raise MediaError(_("Image not found: {path}", path=path)) from None
        except UnsafeFile as exc:
            raise MediaError(str(exc)) from None
        if os.fstat(fh.fileno()).st_size == 0:
            raise MediaError(_("{name} is empty (0 bytes)", name=name))
        _register_heif()
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("error", Image.DecompressionBombWarning)
                im = Image.open(fh, formats=OPENERS)
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            raise too_large(name) from None
        except Image.UnidentifiedImageError:
            raise MediaError(_("{name} is not an image Siaran can read (JPEG, PNG, GIF, WebP, HEIC, AVIF, TIFF, BMP)", name=name)) from None
        except Exception as exc:  # hostile headers make plugins raise anything
            log.info("refused %s: %r", path, exc)
            raise damaged(name) from None
        w, h = im.size
        if w <= 0 or h <= 0:
            raise damaged(name)
        if w * h > MAX_PIXELS:  # plugins that skip Pillow's own check (HEIF) land here
            raise too_large(name)
        if im.format in ("JPEG", "MPO") and im.info.get("progressive") and _scans(path) > MAX_JPEG_SCANS:
            raise MediaError(_("{name} is built in an unusual way that would take too long to open",
                               name=name))
        yield im


def _scans(path: Path) -> int:
    """Start-of-scan markers in a JPEG. 0xFF bytes inside compressed data are always followed by
    0x00, so FF DA only ever marks a scan (an embedded EXIF thumbnail adds its own one)."""
    count, tail = 0, b""
    with path.open("rb") as fh:
        while block := fh.read(1 << 20):
            count += (tail + block[:1]).count(b"\xff\xda") + block.count(b"\xff\xda")
            tail = block[-1:]
            if count > MAX_JPEG_SCANS:
                break
    return count


def too_large(name: str) -> MediaError:
    return MediaError(_("{name} is too large to open safely (more than {mp} megapixels)",
                        name=name, mp=MAX_PIXELS // 1_000_000))


def damaged(name: str) -> MediaError:
    return MediaError(_("{name} is damaged or incomplete and cannot be read", name=name))


def _orientation(im: Image.Image) -> int:
    try:
        value = int(im.getexif().get(0x0112, 1))
    except Exception:  # a broken EXIF block must not refuse an otherwise good photo
        return 1
    return value if 1 <= value <= 8 else 1


def _frames(im: Image.Image) -> int:
    try:
        return int(getattr(im, "n_frames", 1))
    except Exception:
        return 1


def describe(im: Image.Image, path: Path) -> ImageInfo:
    """ImageInfo from an opened (not yet decoded) image."""
    orientation = _orientation(im)
    frames = _frames(im) if im.format in ("GIF", "WEBP", "PNG", "AVIF") else 1
    w, h = im.size
    if orientation in (5, 6, 7, 8):
        w, h = h, w
    fmt = im.format or ""  # opened with formats=OPENERS: always one of MIME_BY_FORMAT
    return ImageInfo(
        path=str(path), width=w, height=h, mime=MIME_BY_FORMAT[fmt], format=fmt,
        mode=im.mode, animated=frames > 1, frames=frames,
        has_alpha=im.mode in ("RGBA", "LA", "PA") or "transparency" in im.info,
        orientation=orientation, bytes=path.stat().st_size,
    )


def inspect(path: str | Path) -> ImageInfo:
    """Describe an image and prove it decodes (cheaply: JPEGs at 1/8 scale). Raises MediaError."""
    path = Path(path)
    with open_image(path) as im:
        info = describe(im, path)
        if im.format == "JPEG":
            im.draft(im.mode, (max(1, im.width // 8), max(1, im.height // 8)))
        _load(im, path)
    return info


def _load(im: Image.Image, path: Path) -> None:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            im.load()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise too_large(_name(path)) from None
    except MemoryError:
        raise too_large(_name(path)) from None
    except Exception as exc:
        log.info("cannot decode %s: %r", path, exc)
        raise damaged(_name(path)) from None


@dataclass
class Decoded:
    """A still image decoded once: oriented, sRGB, RGB or RGBA. ``scale`` = pixels / original."""

    image: Image.Image
    info: ImageInfo
    scale: float


def decode(path: str | Path, scale: float = 1.0) -> Decoded:
    """Decode the first frame at no less than ``scale`` of the full size (JPEG draft, else an
    integer reduce), normalised."""
    path = Path(path)
    with open_image(path) as im:
        info = describe(im, path)
        full_width = im.width
        if im.format == "JPEG" and scale < 1.0:
            want = (max(1, math.ceil(im.width * scale)), max(1, math.ceil(im.height * scale)))
            im.draft("RGB" if im.mode == "RGB" else im.mode, want)
        if im.format == "JPEG":
            _buffers.lend(im)
        _load(im, path)
        try:
            k = math.floor(im.width / max(1.0, full_width * scale))  # what the draft did not do
            out = normalise(_shrink(im, k), orientation=info.orientation, icc=im.info.get("icc_profile"))
        except MediaError:
            raise
        except Exception as exc:
            log.info("cannot normalise %s: %r", path, exc)
            raise damaged(_name(path)) from None
    return Decoded(out, info, out.width / info.width)


class _Buffers:
    """Decode targets kept from one render to the next. A fresh 24 MB buffer costs about 6000
    page faults, paid on the critical path right when the decoder first writes each page
    (bench photo: 10-17 k faults per render become about 4 k; median wall and CPU 8 % lower).
    One buffer is kept (the app renders one photo after another), lent to one decode at a time."""

    MAX_PIXELS = 16_000_000  # keep at most 64 MB

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._kept: Any = None  # an ImagingCore nobody uses

    def lend(self, im: Image.Image) -> None:
        """Let ``im`` (opened, not loaded) decode into the kept buffer when that has its size.
        Only when a truncated file raises: else its missing rows would show an older photo."""
        if ImageFile.LOAD_TRUNCATED_IMAGES or im.mode != "RGB":
            return
        with self._lock:
            core, self._kept = self._kept, None
        if core is not None and core.mode == im.mode and core.size == im.size:
            im.im = core  # Pillow's load() decodes into an image memory that already exists
        elif core is not None:
            self.give_back(core)

    def give_back(self, core: Any) -> None:
        if core.mode == "RGB" and core.size[0] * core.size[1] <= self.MAX_PIXELS:
            with self._lock:
                self._kept = core


_buffers = _Buffers()


def recycle(image: Image.Image) -> None:
    """Hand a decoded image's memory to the next decode of the same size. Only for an image
    nothing refers to any more (nor any view of it): its pixels will be overwritten."""
    _buffers.give_back(image.im)


def _shrink(im: Image.Image, k: int) -> Image.Image:
    """Formats without draft mode (PNG, WebP ...): an integer reduce() right after decoding,
    before any mode conversion, so a 90 MP grey scan never becomes a 360 MB RGBA copy."""
    if k < 2 or im.mode not in ("L", "LA", "RGB", "RGBA", "RGBX", "CMYK", "I", "F"):
        return im
    return im.reduce(k)


def normalise(im: Image.Image, orientation: int | None = None, icc: bytes | None = None) -> Image.Image:
    """EXIF orientation applied, ICC converted to sRGB, any mode made RGB or RGBA; no metadata.
    ``orientation``/``icc`` default to the image's own (pass them for a reduced copy)."""
    icc = icc if icc is not None else im.info.get("icc_profile")
    orientation = orientation if orientation is not None else _orientation(im)
    im = _to_rgb(im)
    if icc:
        im = _to_srgb(im, icc)
    if orientation != 1:
        im = im.transpose(_TRANSPOSE[orientation])
    im.info = {}  # nothing of the original's metadata travels on
    return im


_TRANSPOSE = {
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_270,
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_90,
}


def _to_rgb(im: Image.Image) -> Image.Image:
    mode = im.mode
    if mode in ("RGB", "RGBA"):
        return im
    if mode.startswith("I;16") or mode in ("I", "F"):
        # 16-bit and 32-bit greys: scale to 8 bits instead of clipping everything to white
        # cast: Pillow types getextrema for every mode; one band gives (min, max) numbers
        top = 65535 if mode.startswith("I;16") else (cast("tuple[float, float]", im.getextrema())[1] or 1)
        return im.convert("I").point(lambda v: v * (255 / max(top, 1))).convert("L").convert("RGB")
    if mode == "P":
        return im.convert("RGBA" if "transparency" in im.info else "RGB")
    if mode in ("LA", "PA", "La", "RGBa"):
        return im.convert("RGBA")
    if mode == "L" and "transparency" in im.info:
        return im.convert("RGBA")
    if mode == "CMYK" and im.info.get("icc_profile"):
        return im  # the profile converts it (below), better than the naive formula
    return im.convert("RGB")


_SRGB: ImageCms.core.CmsProfile | None = None


def _srgb_profile() -> ImageCms.core.CmsProfile:
    from PIL import ImageCms

    global _SRGB
    if _SRGB is None:
        _SRGB = ImageCms.createProfile("sRGB")
    return _SRGB


def _to_srgb(im: Image.Image, icc: bytes) -> Image.Image:
    """Convert through the embedded profile; skip when it already is sRGB; never refuse over it."""
    import io

    from PIL import ImageCms

    try:
        profile = ImageCms.ImageCmsProfile(io.BytesIO(icc))
        desc = (ImageCms.getProfileDescription(profile) or "").lower()
        if "srgb" in desc and im.mode in ("RGB", "RGBA"):
            return im
        out_mode = "RGBA" if im.mode == "RGBA" else "RGB"
        converted = ImageCms.profileToProfile(im, profile, _srgb_profile(), outputMode=out_mode)
        return cast(Image.Image, converted)  # None only with inPlace=True
    except Exception:  # a broken or unusual profile: keep the pixels as they are
        log.info("ICC profile ignored", exc_info=True)
        return im.convert("RGB") if im.mode not in ("RGB", "RGBA") else im


def animation_frames(path: str | Path) -> tuple[list[Image.Image], list[int], int] | None:
    """All frames as RGBA with their durations (ms) and loop count, or None when too big."""
    path = Path(path)
    with open_image(path) as im:
        n = _frames(im)
        if n < 2 or n > MAX_FRAMES or n * im.width * im.height > MAX_ANIMATION_PIXELS:
            return None
        frames, durations = [], []
        try:
            for frame in ImageSequence.Iterator(im):
                durations.append(int(frame.info.get("duration", 100) or 100))
                frames.append(frame.convert("RGBA"))
            loop = int(im.info.get("loop", 0))
        except Exception as exc:
            log.info("cannot decode frames of %s: %r", path, exc)
            raise damaged(_name(path)) from None
    return frames, durations, loop
