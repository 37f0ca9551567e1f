"""Which files a corpus run reads, and how they are cut into partitions of work."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from timeline.text.loading import TEXT_SUFFIXES

__all__ = ["iter_files", "partition_files", "PARTITION_BYTES", "PARTITION_FILES"]

# A partition is a fraction of a second of work on one core: small enough that two workers finish
# together (the last partition leaves one idle) and what is in flight stays small, large enough that
# scheduling (a few ms a task) costs little.
PARTITION_BYTES = 250_000
PARTITION_FILES = 200


def iter_files(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Files and the .txt/.html files under folders (recursively, sorted), in the order given.

    A path that does not exist is yielded as it is: reading it reports it by name.
    """
    for p in paths:
        p = Path(p)
        if p.is_dir():
            yield from sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in TEXT_SUFFIXES)
        else:
            yield p


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0  # reading it will report why


def partition_files(
    files: Iterable[Path], *, max_bytes: int = PARTITION_BYTES, max_files: int = PARTITION_FILES
) -> Iterator[list[tuple[int, Path]]]:
    """Consecutive ``(index, path)`` groups of at most ``max_files`` files and about ``max_bytes`` bytes.

    >>> [[i for i, _ in part] for part in partition_files([Path("a"), Path("b"), Path("c")], max_files=2)]
    [[0, 1], [2]]
    """
    part: list[tuple[int, Path]] = []
    size = 0
    for i, f in enumerate(files):
        part.append((i, f))
        size += _size(f)
        if size >= max_bytes or len(part) >= max_files:
            yield part
            part, size = [], 0
    if part:
        yield part
