"""Opening the library: where its file is, waiting while another program writes it, migrating it.

DuckDB lets one process open a database file for writing at a time. Nobody here keeps it open: every
reader and writer connects, works, and closes, and a writer that works long (``library add`` of a
corpus) lets go of the file every few seconds. Whoever finds it taken waits, retrying, up to ``wait``
seconds, then gets :class:`LibraryBusyError` saying so. Each document is saved in its own transaction,
so a crash loses at most the document being saved and never leaves one half-saved.
"""

from __future__ import annotations

import os
import re
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from timeline.library.errors import LibraryBusyError, LibraryError
from timeline.library.schema import migrate

if TYPE_CHECKING:
    import duckdb

__all__ = ["ENV_VAR", "Library", "default_library_path", "library_path"]

ENV_VAR = "PAIRING_ATLAS_LIBRARY"
APP_NAME = "pairing-atlas"
_LOCKED = re.compile(r"lock", re.IGNORECASE)
_HOLDER = re.compile(r"held in (.+?\(PID \d+\))")


def default_library_path() -> Path:
    """``library.duckdb`` in the user's data folder (``~/.local/share/pairing-atlas/`` on Linux)."""
    try:
        import platformdirs
    except ImportError:  # platformdirs is a dependency; keep working without it all the same
        base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share") / APP_NAME
    else:
        base = platformdirs.user_data_path(APP_NAME, appauthor=False)
    return base / "library.duckdb"


def library_path(explicit: str | Path | None = None, *, environ: dict[str, str] | None = None) -> Path:
    """The library file: ``explicit`` (``--library``), else ``$PAIRING_ATLAS_LIBRARY``, else the default."""
    environ = os.environ if environ is None else environ
    if explicit:
        return Path(explicit).expanduser()
    if environ.get(ENV_VAR):
        return Path(environ[ENV_VAR]).expanduser()
    return default_library_path()


class Library:
    """A library file. Connections are short-lived: use :meth:`session` for each piece of work.

    ``wait`` bounds how long to wait for another program to let go of the file; ``sleep``/``clock``
    are seams for the tests.
    """

    def __init__(self, path: str | Path, *, wait: float = 30.0, sleep: Callable[[float], None] = time.sleep,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.path = Path(path)
        self.wait = wait
        self._sleep, self._clock = sleep, clock
        self.created = False  # True once this object found the file new (then the seeds go in)

    def __repr__(self) -> str:
        return f"Library({str(self.path)!r})"

    def connect(self) -> duckdb.DuckDBPyConnection:
        """A connection to the migrated library; close it soon.

        Raises:
            LibraryBusyError: another program kept it for longer than ``wait`` seconds.
            LibraryError: the file is not a library, or its folder cannot be created.
            LibraryVersionError: a newer Pairing Atlas wrote it.
        """
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as err:
            raise LibraryError(f"cannot create the folder of the library {self.path} ({err.strerror}); "
                               "choose another place with --library or PAIRING_ATLAS_LIBRARY.",
                               code="library.no_folder", library=str(self.path), reason=err.strerror or "") from err
        import duckdb  # on first use: building the command line's parser does not load DuckDB

        deadline = self._clock() + self.wait
        delay = 0.02
        while True:
            try:
                con = duckdb.connect(str(self.path))
                break
            except duckdb.IOException as err:
                if not _LOCKED.search(str(err)):
                    raise LibraryError(f"{self.path} cannot be opened as a library ({err}); is it a "
                                       "Pairing Atlas library? Choose another file with --library.",
                                       code="library.not_a_library", library=str(self.path), reason=str(err)) from err
                if self._clock() >= deadline:
                    holder = _HOLDER.search(str(err))
                    by = f" by {holder[1]}" if holder else ""
                    raise LibraryBusyError(
                        f"the library {self.path} is busy: it is being written{by} (the app, or another "
                        f"'library add'); waited {self.wait:.0f} s. Try again when that finishes.",
                        code="library.busy", library=str(self.path), holder=holder[1] if holder else "",
                        seconds=self.wait) from err
                self._sleep(delay)
                delay = min(delay * 2, 0.5)
        try:
            before, _after = migrate(con, path=str(self.path))
        except BaseException:
            con.close()
            raise
        if before == 0:
            self.created = True
        return con

    @contextmanager
    def session(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """``with library.session() as con: ...`` — connect, work, close."""
        import duckdb

        con = self.connect()
        try:
            yield con
        except duckdb.Error as err:  # a damaged file, a full disk: say which library, never a traceback
            raise LibraryError(f"the library {self.path} could not be read or written ({err}).",
                               code="library.io", library=str(self.path), reason=str(err)) from err
        finally:
            con.close()


class Writer:
    """A long writer that lets go of the library about every ``hold`` seconds, so others can get in.

    Each reopening costs a checkpoint (DuckDB writes its log into the file on close): a few seconds keep
    that small beside the extraction, and well inside the app's wait.

    Use as a context manager; :meth:`connection` gives the current connection (reopened when due).
    """

    def __init__(self, library: Library, *, hold: float = 3.0, pause: float = 0.05) -> None:
        self.library, self.hold, self.pause = library, hold, pause
        self.con: duckdb.DuckDBPyConnection | None = None
        self.opened = 0.0

    def connection(self) -> duckdb.DuckDBPyConnection:
        clock = self.library._clock
        if self.con is not None and clock() - self.opened > self.hold:
            self.con.close()
            self.con = None
            self.library._sleep(self.pause)  # a reader waiting on the lock gets its turn
        if self.con is None:
            self.con = self.library.connect()
            self.opened = clock()
        return self.con

    def __enter__(self) -> Writer:
        return self

    def __exit__(self, *exc) -> None:
        if self.con is not None:
            self.con.close()
            self.con = None
