"""The build cache (hooks/cache.py): the same key gives the same bytes, a new key makes them anew, and a
cache that cannot be written changes nothing but the time a build takes."""

from __future__ import annotations

from pathlib import Path

import pytest

from partnership import cache


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(cache, "CACHE", tmp_path / "cache")
    return tmp_path / "cache"


def test_the_same_key_gives_the_bytes_made_the_first_time(folder: Path) -> None:
    made: list[str] = []

    def make(text: str) -> bytes:
        made.append(text)
        return text.encode()

    assert cache.cached_bytes("kind", ("a", b"b"), lambda: make("first")) == b"first"
    assert cache.cached_bytes("kind", ("a", b"b"), lambda: make("second")) == b"first"
    assert made == ["first"]
    assert [path.read_bytes() for path in (folder / "kind").iterdir()] == [b"first"]


def test_any_change_in_the_key_makes_the_bytes_anew(folder: Path) -> None:
    cache.cached_bytes("kind", ("ab", "c"), lambda: b"one")
    assert cache.cached_bytes("kind", ("a", "bc"), lambda: b"two") == b"two"  # parts are not run together
    assert cache.cached_bytes("other", ("ab", "c"), lambda: b"three") == b"three"


def test_a_cache_that_cannot_be_written_is_skipped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder", encoding="utf-8")
    monkeypatch.setattr(cache, "CACHE", blocked / "cache")
    assert cache.cached_bytes("kind", ("a",), lambda: b"made") == b"made"
    assert cache.template_cache() is None


def test_a_preview_image_from_the_cache_is_the_one_drawn(folder: Path) -> None:
    from partnership import previews

    drawn = previews.draw("À propos", "Culture de partenariat", "fr")
    key = (previews._DRAWN_BY, "À propos", "Culture de partenariat", "fr", "7")
    assert cache.cached_bytes("previews", key, lambda: drawn) == drawn
    assert cache.cached_bytes("previews", key, lambda: b"not drawn") == drawn
