"""What a local cluster costs beside the extraction: forked workers that load nothing again, Dask's
monitoring slowed down, and a partition's rows sent back as one Arrow table instead of dicts."""

from __future__ import annotations

import os
import sys

import pandas as pd
import pyarrow.parquet as pq
import pytest

from gold import SEEDS
from timeline.corpus.sinks import ParquetSink
from timeline.corpus.table import PackedResults, RowTable, pack_results
from timeline.corpus.work import DocumentResult, extract_partition

linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="workers are forked on Linux only")


def _seed_work() -> list[tuple[int, str, str]]:
    return [(i, str(p), p.name) for i, p in enumerate(sorted(SEEDS.glob("*.txt")))]


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


def test_a_packed_partition_unpacks_to_the_same_documents_and_rows():
    plain = extract_partition(_seed_work())
    packed = extract_partition(_seed_work(), packed=True)
    assert isinstance(packed, PackedResults) and packed.table.num_rows == sum(len(r.rows) for r in plain) > 20
    unpacked = packed.unpack()
    assert all(isinstance(r.rows, RowTable) for r in unpacked)
    assert [list(r.rows) for r in unpacked] == [r.rows for r in plain]
    assert [(r.name, r.n_events, r.content_hash, r.document) for r in unpacked] == \
        [(r.name, r.n_events, r.content_hash, r.document) for r in plain]


def test_a_row_that_does_not_fit_the_schema_travels_as_it_is():
    odd = DocumentResult(index=0, name="a.txt", path="a.txt", rows=[{"year": "sometime"}])
    assert pack_results([odd]) == [odd] and odd.rows == [{"year": "sometime"}]  # nothing dropped or changed


def test_the_parquet_sink_writes_a_table_from_a_worker_as_it_writes_dicts(tmp_path):
    plain = extract_partition(_seed_work())
    unpacked = extract_partition(_seed_work(), packed=True).unpack()
    for name, results in (("dicts", plain), ("tables", unpacked)):
        sink = ParquetSink(tmp_path / f"{name}.parquet")
        sink.ROW_GROUP = 7  # several row groups, from both kinds of rows
        for result in results:
            sink(result)
        sink.finish(keep=True)
    dicts, tables = (pd.read_parquet(tmp_path / f"{n}.parquet") for n in ("dicts", "tables"))
    pd.testing.assert_frame_equal(dicts, tables)
    assert len(tables) > 20 and pq.ParquetFile(tmp_path / "tables.parquet").num_row_groups > 1
