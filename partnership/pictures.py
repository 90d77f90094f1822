"""Pictures of the content folders, published at a size the site can carry, without what they tell of their author.

A photo from a phone or a camera weighs several megabytes, is larger than any screen, and carries its
metadata (EXIF: the place it was taken, GPS included, the camera, the date). Every raster picture of
content/<lang>/ (jpg, jpeg, png, gif, webp; svg are left as they are) is published instead as a copy:
- turned upright as its EXIF orientation says, then its metadata left out (its colour profile is kept);
- no longer than tools/budget.yml publish.picture_side_px on its longest side (1600 px: the page's widest
  column on a sharp screen), resized with Lanczos when larger, in its own format (a JPEG stays a JPEG);
- a picture that needs none of this (small enough, no metadata) is published as it is.
The copy is kept in the build cache (hooks/cache.py, .cache/pictures) under a hash of the picture, the
limit and this file: the next build finds it there and resizes nothing. A picture that cannot be read
(not a picture, cut short, a phone's HEIC photo renamed .jpg) or that still weighs more than
publish.picture_mb once resized (a long animated GIF) is refused, naming the file.
"""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass
from pathlib import Path

import PIL
import yaml
from PIL import Image, ImageOps, UnidentifiedImageError

from partnership.cache import cached_bytes
from partnership.data import ROOT, DataError, rel

BUDGET = ROOT / "tools" / "budget.yml"
EXTENSIONS = (".jpg", ".jpeg", ".png", ".gif", ".webp")
_FORMATS = {"JPEG": "JPEG", "PNG": "PNG", "GIF": "GIF", "WEBP": "WebP", "MPO": "JPEG"}  # MPO: a camera's JPEG
_METADATA = ("exif", "xmp", "XML:com.adobe.xmp", "comment", "photoshop", "iptc")
_MADE_BY = Path(__file__).read_bytes() + PIL.__version__.encode()
_AS_IT_IS = b""  # what the cache keeps for a picture published unchanged
_JPEG_QUALITY = 85  # no visible loss on a photo, about a third of a camera's file at the same size


@dataclass(frozen=True)
class Limits:
    side_px: int
    picture_mb: float


def limits(budget: Path = BUDGET) -> Limits:
    """tools/budget.yml publish: picture_side_px and picture_mb."""
    publish = yaml.safe_load(budget.read_text(encoding="utf-8"))["publish"]
    return Limits(int(publish["picture_side_px"]), float(publish["picture_mb"]))


def is_picture(name: str) -> bool:
    return name.lower().endswith(EXTENSIONS)


def published(path: Path, limit: Limits) -> bytes | None:
    """The bytes to publish for the picture at `path`, or None to publish the file as it is; DataError if refused."""
    data = path.read_bytes()
    where = rel(path)
    made = cached_bytes("pictures", (_MADE_BY, repr(limit), data), lambda: prepare(data, limit, where))
    size = len(made or data)
    if size > limit.picture_mb * 1e6:
        resized = " once resized" if made else ""
        raise DataError(f"{where}: {size / 1e6:.1f} MB{resized}, the limit is {limit.picture_mb:g} MB "
                        f"({rel(BUDGET)}, publish: picture_mb); save it smaller (a photo as JPEG, an animation "
                        f"shorter or with fewer colours), or leave it out")
    return made or None


def prepare(data: bytes, limit: Limits, where: str) -> bytes:
    """The published copy of a picture: upright, within the limits, no metadata; b"" if none is needed."""
    side = limit.side_px
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data))
            kind = image.format or ""
            if kind not in _FORMATS:
                raise DataError(f"{where}: a {kind} picture, which browsers do not all show; save it as JPEG (a "
                                f"photo) or PNG (a drawing)")
            if kind != "MPO" and getattr(image, "n_frames", 1) > 1:  # an animation is published as it is (if light)
                image.seek(image.n_frames - 1)
                image.load()
                return _AS_IT_IS
            if max(image.size) > side and kind in ("JPEG", "MPO"):  # decoded at the smallest scale still larger
                image.draft(image.mode if image.mode in ("RGB", "L") else "RGB", (side, side))
            image.load()
            needed = (max(image.size) > side or len(data) > limit.picture_mb * 1e6 or len(image.getexif()) > 0
                      or any(key in image.info for key in _METADATA))
    except DataError:
        raise
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError, Image.DecompressionBombError,
            Image.DecompressionBombWarning) as error:
        raise DataError(f"{where}: not a picture the site can read ({_reason(error)}); open it and save it again "
                        f"as JPEG or PNG (a phone's HEIC photo must be exported as JPEG)") from None
    if not needed:
        return _AS_IT_IS
    image = ImageOps.exif_transpose(image) or image
    if max(image.size) > side:
        if image.mode == "P":
            image = image.convert("RGBA")
        image.thumbnail((side, side), Image.Resampling.LANCZOS)
    return _encode(image, _FORMATS[kind])


def _encode(image: Image.Image, kind: str) -> bytes:
    """The picture in its format, with its colour profile and nothing else of what the original carried."""
    buffer = io.BytesIO()
    profile = image.info.get("icc_profile")
    extra = {"icc_profile": profile} if profile else {}
    if kind == "JPEG":
        if image.mode not in ("RGB", "L"):
            image = image.convert("RGB")  # CMYK, or a transparency JPEG cannot keep
            extra = {}  # a CMYK profile does not describe RGB colours
        image.save(buffer, "JPEG", quality=_JPEG_QUALITY, optimize=True, progressive=True, **extra)
    elif kind == "WebP":
        image.save(buffer, "WEBP", quality=_JPEG_QUALITY, method=4, **extra)
    elif kind == "GIF":
        image.save(buffer, "GIF", optimize=True)
    else:
        image.save(buffer, "PNG", optimize=True, **extra)
    return buffer.getvalue()


def _reason(error: BaseException) -> str:
    if isinstance(error, UnidentifiedImageError):
        return "its content is not a picture in any format the site publishes"
    if isinstance(error, (Image.DecompressionBombError, Image.DecompressionBombWarning)):
        return "it has too many pixels to be opened safely"
    return "it is damaged or cut short"
