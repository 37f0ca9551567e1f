"""The Dask side: a client on a new LocalCluster or on a running scheduler, and the worker warm-up."""

from __future__ import annotations

import logging
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
def dask_client(workers: int, address: str | None = None) -> Iterator[Client]:
    """A client on a new LocalCluster of ``workers`` single-threaded processes, or on ``address``.

    Raises:
        ClusterError: the cluster cannot be started or the scheduler cannot be reached.
    """
    cluster = client = None
    try:
        if address is None:
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
