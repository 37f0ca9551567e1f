"""Which files a corpus run reads, and how they are cut into partitions of work."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from timeline.errors import DocumentError
from timeline.text.loading import SourceFile, find_sources

__all__ = ["find_files", "iter_files", "partition_files", "source_of", "PARTITION_BYTES", "PARTITION_FILES"]

# A partition is a fraction of a second of work on one core: small enough that two workers finish
# together (the last partition leaves one idle) and what is in flight stays small, large enough that
# scheduling (a few ms a task) costs little.
PARTITION_BYTES = 250_000
PARTITION_FILES = 200


def find_files(paths: Iterable[str | Path]) -> tuple[list[SourceFile], list[DocumentError], list[str]]:
    """The article files of ``paths``, named as the text stage names them, one error per path not read, and
    notes on files left out for their type (:func:`timeline.text.loading.find_sources`: the same for every
    command)."""
    return find_sources(paths)


def iter_files(paths: Iterable[str | Path]) -> Iterator[SourceFile]:
    """The readable article files of ``paths`` (use :func:`find_files` to also report the others)."""
    yield from find_sources(paths)[0]


def source_of(item: SourceFile | str | Path) -> SourceFile:
    """``item`` as a :class:`SourceFile` (a bare path is named by its file name)."""
    if isinstance(item, SourceFile):
        return item
    return SourceFile(path=Path(item), doc=Path(item).name)


def _size(source: SourceFile) -> int:
    try:
        return source.path.stat().st_size
    except OSError:
        return 0  # reading it will report why


def partition_files(
    files: Iterable[SourceFile | str | Path], *, max_bytes: int = PARTITION_BYTES, max_files: int = PARTITION_FILES
) -> Iterator[list[tuple[int, SourceFile]]]:
    """Consecutive ``(index, path)`` groups of at most ``max_files`` files and about ``max_bytes`` bytes.

    >>> [[i for i, _ in part] for part in partition_files([Path("a"), Path("b"), Path("c")], max_files=2)]
    [[0, 1], [2]]
    """
    part: list[tuple[int, Path]] = []
    size = 0
    for i, f in enumerate(files):
        f = source_of(f)
        part.append((i, f))
        size += _size(f)
        if size >= max_bytes or len(part) >= max_files:
            yield part
            part, size = [], 0
    if part:
        yield part
