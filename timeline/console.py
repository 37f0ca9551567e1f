"""What the command lines (``python -m timeline``, ``python -m geo``) share: reading the inputs through
:func:`timeline.text.loading.load_paths`, naming every input not read, checking ``--out`` before any work,
writing the CSV with :func:`timeline.events.export.write_csv`, and leaving quietly on Ctrl-C (exit 130, with
a line saying what was written) or when the reader of a pipe goes away (``| head``).

Exit codes: 0 all inputs read; 1 some were skipped (named on stderr; the others are in the output); 2 bad
usage or nothing could be read; 130 interrupted; 141 the pipe was closed.
"""

from __future__ import annotations

import os
import re
import sys
import tempfile
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TextIO

from timeline.errors import OutputError
from timeline.events.export import csv_text, write_csv
from timeline.text.loading import LoadResult

__all__ = [
    "EXIT_OK", "EXIT_PARTIAL", "EXIT_USAGE", "EXIT_INTERRUPTED", "EXIT_PIPE", "Outputs", "check_writable",
    "one_line", "report", "run", "write_rows",
]

EXIT_OK, EXIT_PARTIAL, EXIT_USAGE, EXIT_INTERRUPTED, EXIT_PIPE = 0, 1, 2, 130, 141
STDOUT = "-"
_CONTROL = re.compile(r"[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029]")


class Outputs:
    """The files a command has written so far, for the line printed when it is interrupted."""

    def __init__(self) -> None:
        self.written: list[str] = []

    def summary(self) -> str:
        if not self.written:
            return "nothing was written"
        return "written: " + ", ".join(self.written)


def check_writable(path: str) -> None:
    """Raise :class:`OutputError` unless ``path`` can be written (``-`` is standard output).

    Tried for real, by creating and removing a file beside it, so that a command fails in a moment rather
    than after its work.
    """
    if path == STDOUT:
        return
    target = Path(path)
    if target.is_dir():
        raise OutputError(f"{path}: is a folder; give the name of the file to write, e.g. {target / 'out.csv'}.")
    folder = target.parent
    if not folder.is_dir():
        raise OutputError(f"{path}: the folder {folder} does not exist; create it or write elsewhere.")
    try:
        with tempfile.NamedTemporaryFile(dir=folder, prefix=f".{target.name}.", suffix=".check"):
            pass
    except OSError as err:
        raise OutputError(f"{path}: cannot write in {folder} ({err.strerror}); write elsewhere.") from err


def one_line(text: str) -> str:
    """``text`` with control characters escaped, so that a file named with a line break stays on its line."""
    return _CONTROL.sub(lambda m: m[0].encode("unicode_escape").decode("ascii"), text)


def report(loaded: LoadResult, *, stream: TextIO | None = None) -> None:
    """Print one ``skipped:`` line per input not read and one ``warning:`` line per caveat."""
    stream = stream or sys.stderr
    for err in loaded.errors:
        print(f"skipped: {one_line(str(err))}", file=stream)
    for warning in loaded.warnings:
        print(f"warning: {one_line(warning)}", file=stream)


def write_rows(path: str, rows: Iterable[dict[str, object]], columns: Sequence[str], outputs: Outputs) -> None:
    """Write the CSV to ``path`` (``-``: standard output, without the BOM Excel needs in a file).

    Raises:
        OutputError: the file cannot be written.
    """
    if path == STDOUT:
        sys.stdout.write(csv_text(rows, columns).lstrip("\ufeff"))
        sys.stdout.flush()
        return
    try:
        write_csv(path, rows, columns)
    except OSError as err:
        raise OutputError(f"{path}: cannot write the file ({err.strerror}); write elsewhere.") from err
    outputs.written.append(path)


def run(command: Callable[[Outputs], int]) -> int:
    """Run ``command``; turn Ctrl-C and a closed pipe into quiet exits with their codes."""
    outputs = Outputs()
    try:
        return command(outputs)
    except KeyboardInterrupt:
        print(f"\ninterrupted; {outputs.summary()}.", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # The reader (e.g. `head`) has gone: say nothing, and keep Python from complaining at exit.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_PIPE
