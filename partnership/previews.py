"""What hooks/previews.py does, free of MkDocs (the hook adapts MkDocs' objects and calls it)."""

from __future__ import annotations

import functools
import io
import os
from pathlib import Path

import font_lato
import markupsafe
from PIL import Image, ImageDraw, ImageFont

from partnership.data import DataError, typeset

FOLDER = "assets/previews"


WIDTH, HEIGHT = 1200, 630


LOCALES = {"fr": "fr_FR", "en": "en_GB"}


_SWITCH = "PREVIEW_IMAGES"


# The design: the site's teal, a darker band with the site name and the seven forms drawn as on the
# pages (seven equal steps on one line), the title in white, as large as it fits.
_TEAL, _DARK_TEAL, _WHITE, _ACCENT = (0x00, 0x69, 0x5C), (0x00, 0x4D, 0x40), (0xFF, 0xFF, 0xFF), (0xF4, 0xB4, 0x8A)


_MARGIN = 72


_BAND = 136                          # height of the bottom band


_TITLE_SIZES = range(92, 51, -4)     # font sizes tried, largest first


_MAX_LINES = 4


_LEADING = 1.16


# What draws an image besides its texts: this file and the fonts (a change to either draws anew).
_DRAWN_BY = Path(__file__).read_bytes() + b"".join(
    f"{name}:{os.path.getsize(os.path.join(font_lato.font_directory, name))}".encode()
    for name in ("Lato-Bold.ttf", "Lato-Regular.ttf"))


def _plain(text: str) -> str:
    """The text itself, for drawing and for the (escaping) template, whether it came escaped or not."""
    return text.unescape() if isinstance(text, markupsafe.Markup) else text


def _images_wanted() -> bool:
    value = os.environ.get(_SWITCH, "").strip()
    if value not in ("", "0", "1"):
        raise DataError(f"{_SWITCH}: expected 1 (draw the link preview images, the default) or 0 (skip them); "
                        f"found '{value}'")
    return value != "0"


def draw(title: str, site_name: str, lang: str, *, steps: int = 7, where: str = "the page") -> bytes:
    """The preview image as PNG bytes: same arguments, same bytes."""
    _check_glyphs(title, where)
    _check_glyphs(site_name, "content/strings.yml: site_name")
    image = Image.new("RGB", (WIDTH, HEIGHT), _TEAL)
    pen = ImageDraw.Draw(image)
    band_top = HEIGHT - _BAND
    pen.rectangle((0, band_top, WIDTH, HEIGHT), fill=_DARK_TEAL)

    size, lines = title_lines(title, lang)
    font = _font("Bold", size)
    ascent, descent = font.getmetrics()
    leading = round(font.size * _LEADING)
    block = 28 + (len(lines) - 1) * leading + ascent + descent  # accent bar, then the lines
    top = (band_top - block) // 2
    pen.rectangle((_MARGIN, top, _MARGIN + 96, top + 8), fill=_ACCENT)
    for index, line in enumerate(lines):
        pen.text((_MARGIN, top + 28 + ascent + index * leading), line, font=font, fill=_WHITE, anchor="ls")

    pen.text((_MARGIN, band_top + _BAND // 2), site_name, font=_font("Bold", 40), fill=_WHITE, anchor="lm")
    _draw_scale(pen, right=WIDTH - _MARGIN, bottom=HEIGHT - 34, steps=steps)

    buffer = io.BytesIO()
    # 64 colours keep the text's smooth edges at 40 % of the size, in 12 ms; no metadata, no date.
    image.quantize(colors=64, method=Image.Quantize.FASTOCTREE, dither=Image.Dither.NONE).save(buffer, format="PNG")
    return buffer.getvalue()


def _draw_scale(pen: ImageDraw.ImageDraw, right: int, bottom: int, steps: int) -> None:
    """The seven forms as on the pages (hooks/forms_figure.html): equal steps on one line, one colour, no ranking."""
    radius, gap = 12, 22
    left = right - steps * 2 * radius - (steps - 1) * gap
    middle = bottom - 34
    pen.line((left + radius, middle, right - radius, middle), fill=_WHITE, width=3)
    for index in range(steps):
        centre = left + radius + index * (2 * radius + gap)
        pen.ellipse((centre - radius, middle - radius, centre + radius, middle + radius), fill=_DARK_TEAL,
                    outline=_WHITE, width=3)


def title_lines(title: str, lang: str) -> tuple[int, list[str]]:
    """The title's font size and lines on the image: as large as it fits, French spacing kept."""
    text = typeset(title, lang).replace(" — ", "\u00a0— ")  # a dash never starts a line
    font, lines = _fit(text, WIDTH - 2 * _MARGIN, HEIGHT - _BAND - 2 * _MARGIN)
    return font.size, lines


def _fit(text: str, width: int, height: int) -> tuple[ImageFont.FreeTypeFont, list[str]]:
    """The largest size at which the text fits the box on at most _MAX_LINES lines, and its lines."""
    for size in _TITLE_SIZES:
        font = _font("Bold", size)
        lines = _wrap(text, font, width)
        ascent, descent = font.getmetrics()
        needed = 28 + (len(lines) - 1) * round(size * _LEADING) + ascent + descent
        if len(lines) <= _MAX_LINES and needed <= height and all(font.getlength(line) <= width for line in lines):
            return font, lines
    lines = _wrap(text, font, width)[:_MAX_LINES]  # too long even small: the end gives way to an ellipsis
    while font.getlength(lines[-1] + " …") > width and " " in lines[-1]:
        lines[-1] = lines[-1].rsplit(" ", 1)[0]
    lines[-1] += " …"
    return font, lines


def _wrap(text: str, font: ImageFont.FreeTypeFont, width: int) -> list[str]:
    """Greedy line breaking at ordinary spaces; no-break spaces (French « » ? ! : ;) hold words together."""
    lines: list[str] = []
    for word in filter(None, text.split(" ")):  # not str.split(): it breaks at no-break spaces too
        if lines and font.getlength(f"{lines[-1]} {word}") <= width:
            lines[-1] += f" {word}"
        else:
            lines.append(word)
    return lines or [""]


@functools.cache
def _font(weight: str, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(os.path.join(font_lato.font_directory, f"Lato-{weight}.ttf"), size)


@functools.cache
def _has_glyph(character: str) -> bool:
    """Pillow draws a character the font lacks as its 'missing' box: compare with a code point no font has."""
    font = _font("Bold", 40)

    def shape(text: str) -> tuple[float, bytes]:
        return font.getlength(text), bytes(font.getmask(text))

    return character.isspace() or shape(character) != shape("\uffff")


def _check_glyphs(text: str, where: str) -> None:
    for character in text:
        if not _has_glyph(character):
            raise DataError(
                f"{where}: the character '{character}' (U+{ord(character):04X}) of '{text}' is not in the font "
                f"of the link preview images (Lato); use another character, or set {_SWITCH}=0 to skip the images"
            )
