"""What a local cluster costs beside the extraction: forked workers that load nothing again, and Dask's
monitoring slowed down for the run only."""

from __future__ import annotations

import os
import sys

import pytest

linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="workers are forked on Linux only")


@pytest.fixture(scope="module")
def local_client():
    from timeline.corpus.cluster import dask_client

    with dask_client(2) as client:
        yield client


@linux_only
def test_local_workers_are_forked_from_a_process_that_had_loaded_the_gazetteer(local_client):
    from timeline.corpus.work import loaded_by

    assert loaded_by() == os.getpid()  # the driver loaded it, before starting the workers
    pids = local_client.run(os.getpid)
    assert len(pids) == 2 and os.getpid() not in pids.values()  # they are other processes…
    assert set(local_client.run(loaded_by).values()) == {os.getpid()}  # …that inherited it, not loaded it again


def test_local_workers_run_without_the_statistical_profiler_and_dask_settings_come_back(local_client):
    import dask

    from timeline.corpus.cluster import LOCAL_CLUSTER_CONFIG

    def setting(key: str):
        return dask.config.get(key)

    assert set(local_client.run(setting, "distributed.worker.profile.enabled").values()) == {False}
    assert set(local_client.run(setting, "distributed.worker.memory.monitor-interval").values()) == {"1s"}
    assert LOCAL_CLUSTER_CONFIG["distributed.worker.profile.enabled"] is False


def test_dask_settings_are_restored_after_the_cluster_closes():
    import dask

    from timeline.corpus.cluster import dask_client

    before = dask.config.get("distributed.worker.profile.enabled")
    with dask_client(2):
        assert dask.config.get("distributed.worker.profile.enabled") is False
    assert dask.config.get("distributed.worker.profile.enabled") == before
