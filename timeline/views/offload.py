"""Extraction in a worker process, for the app.

CPU-bound Python holds the interpreter lock of the process it runs in, so a heavy upload extracted on a
session's script thread slows every other session of the server; and the memory a 5 MB article's
extraction takes is not given back to the system afterwards. :class:`Extractor` runs such calls in one
worker process instead (``python -m timeline.views.offload``, started on first use), replaced after
:data:`MAX_TASKS_PER_WORKER` calls so that its memory is given back, and after a crash. The server keeps
only the results; a session waiting for the worker waits without holding the interpreter lock.

Not :mod:`multiprocessing`: its ``spawn`` start re-runs the parent's ``__main__`` in the child, and under
``streamlit run`` that is the app script itself.
"""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO, TypeVar

from timeline.errors import WorkerError

__all__ = ["Extractor", "MAX_TASKS_PER_WORKER"]

MAX_TASKS_PER_WORKER = 20
T = TypeVar("T")
_ROOT = Path(__file__).resolve().parents[2]  # where the `timeline` package can be imported from


class Extractor:
    """One worker process for extraction calls, shared by the sessions of a server; calls queue."""

    def __init__(self, *, max_tasks: int = MAX_TASKS_PER_WORKER) -> None:
        self._max_tasks = max_tasks
        self._proc: subprocess.Popen | None = None
        self._calls = 0
        self._lock = threading.Lock()

    def _worker(self) -> subprocess.Popen:
        if self._proc is None or self._proc.poll() is not None:
            env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(_ROOT), os.environ.get("PYTHONPATH")]))}
            self._proc = subprocess.Popen([sys.executable, "-m", "timeline.views.offload"], stdin=subprocess.PIPE,
                                          stdout=subprocess.PIPE, env=env)
            self._calls = 0
        return self._proc

    def _stop(self) -> None:
        proc, self._proc = self._proc, None
        if proc is not None:
            for pipe in (proc.stdin, proc.stdout):
                try:
                    pipe.close()
                except OSError:
                    pass  # already broken: the process is gone
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()

    def run(self, function: Callable[..., T], *args: object) -> T:
        """``function(*args)`` in the worker; its exceptions are raised here.

        ``function`` and its arguments must be picklable (a module-level function, plain data).

        Raises:
            WorkerError: the worker died (e.g. out of memory); the next call starts a new one.
        """
        with self._lock:
            proc = self._worker()
            try:
                pickle.dump((function, args), proc.stdin, protocol=pickle.HIGHEST_PROTOCOL)
                proc.stdin.flush()
                ok, value = pickle.load(proc.stdout)
            except (EOFError, OSError, pickle.UnpicklingError) as err:
                self._stop()
                raise WorkerError("the extraction worker stopped before it finished (out of memory?); "
                                  "try again, or with a smaller file.", code="worker.died") from err
            self._calls += 1
            if self._calls >= self._max_tasks:
                self._stop()  # a fresh process next time: the memory of this one goes back to the system
        if ok:
            return value
        raise value

    def close(self) -> None:
        """Stop the worker (a later call starts a new one)."""
        with self._lock:
            self._stop()


def _serve(requests: BinaryIO, replies: BinaryIO) -> None:
    """The worker's loop: a pickled ``(function, args)`` in, a pickled ``(ok, result or exception)`` out."""
    while True:
        try:
            function, args = pickle.load(requests)
        except EOFError:
            return
        try:
            reply = (True, function(*args))
        except Exception as err:  # handed to the caller, who raises it
            reply = (False, err)
        try:
            data = pickle.dumps(reply, protocol=pickle.HIGHEST_PROTOCOL)
        except Exception as err:  # an exception or result that cannot travel
            data = pickle.dumps((False, WorkerError(f"the worker's answer cannot be sent back ({err!r})")))
        replies.write(data)
        replies.flush()


if __name__ == "__main__":
    # The protocol owns the real stdout; anything printed by the code that runs goes to stderr.
    replies = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)
    _serve(sys.stdin.buffer, replies)
