"""Extraction in a worker process, for the app.

CPU-bound Python holds the interpreter lock of the process it runs in, so a heavy upload extracted on a
session's script thread slows every other session of the server; and the memory a 5 MB article's
extraction takes is not given back to the system afterwards. :class:`Extractor` runs such calls in one
worker process instead (started on first use, by ``spawn``), which is replaced after
:data:`MAX_TASKS_PER_WORKER` calls so that its memory is given back, and after a crash. The server keeps
only the results.
"""

from __future__ import annotations

import multiprocessing
import threading
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import TypeVar

from timeline.errors import WorkerError

__all__ = ["Extractor", "MAX_TASKS_PER_WORKER"]

MAX_TASKS_PER_WORKER = 20
T = TypeVar("T")


class Extractor:
    """One worker process for extraction calls, shared by the sessions of a server; calls queue."""

    def __init__(self, *, max_tasks: int = MAX_TASKS_PER_WORKER) -> None:
        self._max_tasks = max_tasks
        self._pool: ProcessPoolExecutor | None = None
        self._lock = threading.Lock()

    def _executor(self) -> ProcessPoolExecutor:
        with self._lock:
            if self._pool is None:
                self._pool = ProcessPoolExecutor(
                    max_workers=1, mp_context=multiprocessing.get_context("spawn"), max_tasks_per_child=self._max_tasks)
            return self._pool

    def run(self, function: Callable[..., T], *args: object) -> T:
        """``function(*args)`` in the worker; its exceptions are raised here.

        ``function`` and its arguments must be picklable (a module-level function, plain data).

        Raises:
            WorkerError: the worker died (e.g. out of memory); the next call starts a new one.
        """
        pool = self._executor()
        try:
            return pool.submit(function, *args).result()
        except BrokenProcessPool as err:
            with self._lock:
                if self._pool is pool:
                    self._pool = None
            raise WorkerError("the extraction worker stopped before it finished (out of memory?); "
                              "try again, or with a smaller file.") from err

    def close(self) -> None:
        """Stop the worker (a later call starts a new one)."""
        with self._lock:
            pool, self._pool = self._pool, None
        if pool is not None:
            pool.shutdown(wait=False, cancel_futures=True)
