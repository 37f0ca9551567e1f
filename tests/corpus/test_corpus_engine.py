"""The corpus engine on the real Dask engine: a LocalCluster of two processes gives what one process gives."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from gold import ROOT, SEEDS
from timeline.corpus import iter_files, run_corpus
from timeline.corpus.files import partition_files
from timeline.events.batch import extract_paths
from timeline.events.export import events_to_rows, with_document_cells
from timeline.views.filters import plain_rows

DEVSET = ROOT / "tests" / "data" / "devset"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """The seeds and the dev set (18 real articles, .txt and .html), and one file that is not text."""
    folder = tmp_path_factory.mktemp("corpus")
    for f in [*SEEDS.glob("*.txt"), *DEVSET.iterdir()]:
        shutil.copy(f, folder / f.name)
    (folder / "06_broken.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    return folder


def single_process_rows(folder: Path) -> list[dict]:
    """The old path: load everything, extract everything, one process (url and title from the documents)."""
    extraction = extract_paths([folder])
    return plain_rows(with_document_cells(events_to_rows(extraction.events), extraction.documents))


@pytest.fixture(scope="module")
def on_two_workers(corpus):
    """One run on a real LocalCluster of two worker processes, partitions of ~15 kB."""
    results = []
    stats = run_corpus(iter_files([corpus]), results.append, workers=2, partition_bytes=15_000)
    return stats, results


def test_a_two_process_local_cluster_gives_the_same_rows_in_the_same_order(corpus, on_two_workers):
    stats, results = on_two_workers
    assert stats.workers == 2
    assert len(list(partition_files(iter_files([corpus]), max_bytes=15_000))) > 4  # really spread out
    assert [r.index for r in results] == list(range(len(results)))
    rows = [row for r in results for row in r.rows]
    assert rows == single_process_rows(corpus) and len(rows) > 100
    assert stats.rows == len(rows) and stats.documents == len(results) - 1


def test_a_bad_file_is_reported_by_name_on_the_worker_and_nothing_else_is_lost(corpus, on_two_workers):
    stats, results = on_two_workers
    bad = [r for r in results if r.error]
    assert [r.name for r in bad] == ["06_broken.txt"] and "06_broken.txt" in bad[0].error
    assert "binary" in bad[0].error and stats.errors == [bad[0].error]
    good = {r.name for r in results if not r.error}
    assert good == {f.doc for f in iter_files([corpus])} - {"06_broken.txt"}


def test_one_worker_runs_in_this_process_with_the_same_rows(corpus):
    results = []
    stats = run_corpus(iter_files([corpus]), results.append, workers=1)
    assert stats.workers == 1
    assert [row for r in results for row in r.rows] == single_process_rows(corpus)


def test_the_text_is_returned_only_when_asked_for(corpus):
    kept, dropped = [], []
    files = [corpus / "01_fuzhou_dingxi.txt"]
    run_corpus(files, kept.append, workers=1, keep_text=True)
    run_corpus(files, dropped.append, workers=1)
    assert kept[0].document.text.startswith(files[0].read_text(encoding="utf-8")[:20])
    assert dropped[0].document.text == "" and dropped[0].rows == kept[0].rows
    assert len(kept[0].content_hash) == 64


def test_a_missing_file_is_named_and_the_rest_is_read(corpus):
    results = []
    run_corpus([corpus / "nope.txt", corpus / "01_fuzhou_dingxi.txt"], results.append, workers=1)
    assert "nope.txt" in results[0].error and not results[1].error and results[1].rows


def _gazetteer_loads() -> tuple[int, int]:
    from geo.gazetteer.store import load_gazetteer

    info = load_gazetteer.cache_info()
    return info.misses, info.hits


def test_each_worker_of_a_running_cluster_loads_the_gazetteer_once_and_both_work(corpus, dask_cluster):
    from distributed import Client

    with Client(dask_cluster) as client:
        cluster = dask_cluster
        before = client.run(_gazetteer_loads)
        results = []
        run_corpus(iter_files([corpus]), results.append, scheduler=cluster.scheduler_address,
                   partition_bytes=15_000)
        loads = client.run(_gazetteer_loads)
    assert [r.name for r in results if r.error] == ["06_broken.txt"] and len(results) > 10
    assert len(loads) == 2
    assert all(misses == 1 for misses, _hits in loads.values()), loads  # loaded once, by the warm-up
    # and both read articles with it (a warm-up again, for a new client, does not count: it loads nothing)
    assert all(loads[w][1] > before[w][1] for w in loads), (before, loads)
