"""The Dask side: a client on a new LocalCluster or on a running scheduler, and the worker warm-up."""

from __future__ import annotations

import logging
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from distributed import Client, LocalCluster, WorkerPlugin

from timeline.corpus.errors import ClusterError
from timeline.corpus.work import warm_up

__all__ = ["WarmUp", "dask_client"]


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
    cluster = client = None
    try:
        if address is None:
            with _ctrl_c_for_the_driver_only():
                cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                       dashboard_address=None, silence_logs=logging.ERROR)
            client = Client(cluster)
        else:
            client = Client(address)  # waits distributed.comm.timeouts.connect (Dask's config, 30 s)
        client.register_plugin(WarmUp(), name="pairing-atlas-warm-up")
    except (OSError, TimeoutError, ValueError) as err:
        for thing in (client, cluster):
            if thing is not None:
                thing.close()
        where = f"the Dask scheduler at {address}" if address else f"a local Dask cluster of {workers} workers"
        raise ClusterError(f"cannot reach {where} ({err}); check the address, or start a cluster with "
                           "`dask scheduler` and `dask worker tcp://HOST:8786`.") from err
    try:
        yield client
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
