"""Pictures are published at a size the site can carry, upright and without metadata; the site's size is bounded."""

from __future__ import annotations

import hashlib
import io
import re
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from conftest import Project
from PIL import Image, ImageDraw
from test_build_errors import problems

from partnership import cache
from partnership import pictures as _pictures
from partnership.data import DataError

LIMITS = _pictures.limits()
_ORIENTATION, _GPS = 0x0112, 0x8825


def _photo(width: int = 6000, height: int = 4000) -> bytes:
    """A camera's JPEG: landscape pixels, blue at the top left, EXIF saying 'turn it a quarter right' and where."""
    image = Image.new("RGB", (width, height), (200, 30, 30))
    ImageDraw.Draw(image).rectangle((0, 0, width // 2, height // 4), fill=(0, 0, 255))
    exif = Image.Exif()
    exif[_ORIENTATION] = 6
    gps = exif.get_ifd(_GPS)
    gps[1], gps[2] = "N", (45.0, 10.0, 0.0)
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=95, exif=exif)
    return buffer.getvalue()


def _snapshot(folder: Path) -> dict[str, str]:
    return {path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(folder.rglob("*")) if path.is_file()}


def _built(copy: Project) -> dict[str, str]:
    result = copy.build()
    assert result.returncode == 0, result.stdout + result.stderr
    return _snapshot(copy.root / "site")


def _limit(copy: Project, key: str, value: float) -> None:
    path = copy.file("tools/budget.yml")
    text, count = re.subn(rf"^(  {key}: )\S+", rf"\g<1>{value}", path.read_text(encoding="utf-8"), flags=re.M)
    assert count == 1, key
    path.write_text(text, encoding="utf-8")


def test_a_large_photo_is_published_resized_upright_and_without_its_place(project: Callable[[], Project]) -> None:
    copy = project()
    original = _photo()
    for lang in ("fr", "en"):
        copy.file(f"content/{lang}/images").mkdir()
        copy.file(f"content/{lang}/images/photo.jpg").write_bytes(original)
    _built(copy)
    for lang in ("fr", "en"):
        data = (copy.root / "site" / lang / "images" / "photo.jpg").read_bytes()
        image = Image.open(io.BytesIO(data))
        assert image.format == "JPEG" and len(data) < len(original)
        assert image.size == (round(LIMITS.side_px * 2 / 3), LIMITS.side_px)  # upright, as long as the limit
        assert image.getpixel((image.width - 5, 5))[2] > 200  # the blue corner, turned to the top right
        assert image.getexif().get_ifd(_GPS) == {} and _ORIENTATION not in image.getexif()


def test_a_picture_is_resized_once_then_taken_from_the_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cache, "CACHE", tmp_path / "cache")
    calls = []
    prepare = _pictures.prepare
    monkeypatch.setattr(_pictures, "prepare", lambda *args: calls.append(args) or prepare(*args))
    path = tmp_path / "photo.jpg"
    path.write_bytes(_photo(2400, 1600))
    first = _pictures.published(path, LIMITS)
    second = _pictures.published(path, LIMITS)
    assert first is not None and first == second and len(calls) == 1


def test_a_small_picture_without_metadata_is_published_as_it_is(tmp_path: Path) -> None:
    path = tmp_path / "drawing.png"
    Image.new("RGB", (400, 300), (0, 105, 92)).save(path, "PNG")
    assert _pictures.published(path, LIMITS) is None


HEIC = b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic" + bytes(64)  # how a phone's photo begins


@pytest.mark.parametrize("data", [HEIC, _photo(800, 600)[:4000]], ids=["phone HEIC named .jpg", "cut short"])
def test_a_picture_that_cannot_be_read_is_refused_naming_it(data: bytes) -> None:
    with pytest.raises(DataError) as error:
        _pictures.prepare(data, LIMITS, "content/fr/images/photo.jpg")
    assert str(error.value).startswith("content/fr/images/photo.jpg: not a picture the site can read (")


def test_a_corrupt_picture_stops_the_build_in_one_line_and_site_stays(project: Callable[[], Project]) -> None:
    copy = project()
    before = _built(copy)
    copy.file("content/fr/images").mkdir()
    copy.file("content/fr/images/broken.jpg").write_bytes(_photo(800, 600)[:4000])
    [line] = problems(copy.build())
    assert line.startswith("content/fr/images/broken.jpg: not a picture the site can read")
    assert _snapshot(copy.root / "site") == before


def test_an_animation_heavier_than_the_limit_is_refused_with_its_size(project: Callable[[], Project]) -> None:
    copy = project()
    _limit(copy, "picture_mb", 0.01)
    frames = [Image.effect_noise((200, 200), 80 + 10 * index).convert("P") for index in range(4)]
    copy.file("content/fr/images").mkdir()
    frames[0].save(copy.file("content/fr/images/moving.gif"), save_all=True, append_images=frames[1:])
    size = copy.file("content/fr/images/moving.gif").stat().st_size / 1e6
    [line] = problems(copy.build())
    assert line.startswith(f"content/fr/images/moving.gif: {size:.1f} MB, the limit is 0.01 MB")


def test_a_site_heavier_than_its_limit_stops_the_build_naming_the_largest_files(
    project: Callable[[], Project],
) -> None:
    copy = project()
    before = _built(copy)
    limit = yaml.safe_load(copy.file("tools/budget.yml").read_text(encoding="utf-8"))["publish"]["site_mb"]
    weight = sum(path.stat().st_size for path in (copy.root / "site").rglob("*") if path.is_file()) / 1e6
    assert weight < limit
    _limit(copy, "site_mb", 1)
    [line] = problems(copy.build())
    assert line.startswith(f"the site would weigh {weight:.1f} MB; the limit is 1 MB")
    sizes = {path.relative_to(copy.root / "site").as_posix(): path.stat().st_size
             for path in (copy.root / "site").rglob("*") if path.is_file()}
    heaviest = min(sizes, key=lambda name: (-sizes[name], name))
    assert f"the largest files are {heaviest} (" in line
    assert _snapshot(copy.root / "site") == before
