"""The Dask side: a client on a new LocalCluster or on a running scheduler, and the worker warm-up.

A local cluster is set up to cost little beside the extraction itself (:data:`LOCAL_CLUSTER_CONFIG`):
on Linux its worker processes are forked from this one after it has loaded the gazetteer and the
dictionary, so they start in a fraction of a second and load nothing again (a spawned worker starts a new
interpreter, imports Dask and the extractor and loads both, ~2 CPU-seconds each, and tears it all down at
the end); and Dask's monitoring that a batch job does not use is off or slowed down.
"""

from __future__ import annotations

import logging
import multiprocessing
import signal
import sys
import threading
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager

import dask
from distributed import Client, LocalCluster, WorkerPlugin

from timeline.corpus.errors import ClusterError
from timeline.corpus.work import warm_up

__all__ = ["LOCAL_CLUSTER_CONFIG", "WarmUp", "dask_client", "start_method"]

# Dask's defaults suit an interactive cluster watched on its dashboard. Ours runs one batch and has no
# dashboard: each setting below was measured on an idle two-worker cluster (docs/BENCHMARKS.md, ## Corpus).
LOCAL_CLUSTER_CONFIG = {
    # The statistical profiler samples every worker's stack each 10 ms, on the worker's own cores.
    "distributed.worker.profile.enabled": False,
    # Event-loop health checks (20 ms), host CPU/memory/disk sampling (500 ms) and each worker's and
    # nanny's memory check (100 ms) — slowed down, not off: a runaway worker is still paused or restarted.
    "distributed.admin.tick.interval": "1s",
    "distributed.admin.system-monitor.interval": "5s",
    "distributed.worker.memory.monitor-interval": "1s",
    # Moves replicas of results between workers; a partition's result lives on one worker until fetched.
    "distributed.scheduler.active-memory-manager.start": False,
}


class WarmUp(WorkerPlugin):
    """Loads the gazetteer and jieba's dictionary once, when a worker joins (not once per partition)."""

    def setup(self, worker) -> None:
        warm_up()


@contextmanager
def _ctrl_c_for_the_driver_only() -> Iterator[None]:
    """Start worker processes inside so that Ctrl-C interrupts this process only, which then closes them.

    A terminal sends Ctrl-C to the whole process group: each worker would raise KeyboardInterrupt and
    print its traceback. An ignored signal stays ignored across fork and exec (a handler does not, and
    neither does a blocked mask through multiprocessing's spawn), so SIGINT is ignored while the cluster
    starts its processes and handled again as soon as they run. A Ctrl-C in those seconds is not seen.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    before = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, before)


@contextmanager
def dask_client(workers: int, address: str | None = None) -> Iterator[Client]:
    """A client on a new LocalCluster of ``workers`` single-threaded processes, or on ``address``.

    Raises:
        ClusterError: the cluster cannot be started or the scheduler cannot be reached.
    """
    with ExitStack() as stack:  # closes the client, then the cluster, then restores Dask's settings
        try:
            if address is None:
                method = start_method()
                stack.enter_context(dask.config.set(
                    {**LOCAL_CLUSTER_CONFIG, "distributed.worker.multiprocessing-method": method}))
                if method == "fork":
                    warm_up()  # here, once: the forked workers inherit it
                with _ctrl_c_for_the_driver_only():
                    cluster = stack.enter_context(LocalCluster(
                        n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None,
                        # no dashboard; its health routes on any free port (8787 may be another's: no warning)
                        scheduler_kwargs={"dashboard_address": "127.0.0.1:0"},
                        # A worker whose scheduler closed first (Ctrl-C) logs its lost heartbeat with a
                        # traceback; what fails in a partition reaches the user through its future.
                        silence_logs=logging.CRITICAL))
                client = stack.enter_context(Client(cluster))
            else:
                client = stack.enter_context(Client(address))  # waits distributed.comm.timeouts.connect (30 s)
            client.register_plugin(WarmUp(), name="pairing-atlas-warm-up")
        except (OSError, TimeoutError, ValueError) as err:
            where = f"the Dask scheduler at {address}" if address else f"a local Dask cluster of {workers} workers"
            raise ClusterError(f"cannot reach {where} ({err}); check the address, or start a cluster with "
                               "`dask scheduler` and `dask worker tcp://HOST:8786`.") from err
        yield client


def start_method() -> str:
    """How a local cluster starts its worker processes: ``fork`` on Linux, else ``spawn``.

    A forked worker shares what this process has loaded (the gazetteer, the dictionary, the imports) and
    exits without tearing it down. Not on macOS, where forking a process that has used system frameworks
    can crash, nor where ``fork`` does not exist (Windows).
    """
    if sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods():
        return "fork"
    return "spawn"
