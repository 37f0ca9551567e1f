"""The extractor's version: what produced a document's events.

It changes whenever the code or the data that extraction reads changes, so a library knows which
documents a newer extractor should read again. It is the package version and a digest of the source
files of the extraction stages and of the gazetteer's data files.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

__all__ = ["extractor_version"]

_ROOT = Path(__file__).resolve().parents[2]
_SOURCES = ("timeline/text", "timeline/dates", "timeline/events", "geo/places", "geo/gazetteer", "data")


@lru_cache(maxsize=1)
def extractor_version() -> str:
    """``<package version>+<12 hex digits>``, e.g. ``0.1.0+3f2a9c01d4e7``; the same code gives the same value."""
    try:
        base = version("pairing-atlas")
    except PackageNotFoundError:
        base = "0"
    digest = hashlib.sha256()
    for folder in _SOURCES:
        root = _ROOT / folder
        if not root.is_dir():
            continue
        for f in sorted(root.rglob("*")):
            if f.is_file() and f.suffix in (".py", ".json", ".tsv", ".csv", ".txt", ".gz") \
                    and "__pycache__" not in f.parts:
                digest.update(f.relative_to(_ROOT).as_posix().encode())
                digest.update(f.read_bytes())
    return f"{base}+{digest.hexdigest()[:12]}"
