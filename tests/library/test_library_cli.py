"""``python -m timeline library …`` as a user runs it: add, list, remove, export; skipping, resuming."""

from __future__ import annotations

import csv
import os
import subprocess
import sys
from collections import Counter

import pandas as pd
import pytest

from gold import ROOT, SEEDS
from timeline.events.batch import extract_paths
from timeline.events.export import events_to_rows, with_document_cells
from timeline.library import Library, event_rows, list_documents
from timeline.views.filters import plain_rows

ENV = {**os.environ, "PYTHONPATH": str(ROOT)}
SEED_NAMES = sorted(p.name for p in SEEDS.glob("*.txt"))


def run(*args, timeout=180):
    return subprocess.run([sys.executable, "-m", "timeline", *map(str, args)], cwd=ROOT, capture_output=True,
                          text=True, timeout=timeout, env=ENV)


def read_csv(path):
    return list(csv.DictReader(path.read_bytes().decode("utf-8-sig").splitlines()))


def names(path):
    with Library(path).session() as con:
        return Counter(d.name for d in list_documents(con))


def articles(folder, n):
    """``n`` distinct articles: the seeds' texts, each with its own closing line."""
    folder.mkdir()
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    for i in range(n):
        (folder / f"a{i:03d}.txt").write_text(texts[i % len(texts)] + f"\n（本文第{i}篇）\n", encoding="utf-8")
    return folder


def test_a_new_library_starts_with_the_seeds_and_lists_their_counts(tmp_path):
    lib = tmp_path / "lib.duckdb"
    r = run("library", "list", "--library", lib)
    assert r.returncode == 0, r.stderr
    assert "added the 5 seed articles" in r.stderr
    assert all(name in r.stdout for name in SEED_NAMES)
    assert f"5 documents, {len(read_csv_of_extract(tmp_path))} event rows" in r.stdout


def test_the_environment_variable_chooses_the_library(tmp_path):
    lib = tmp_path / "env.duckdb"
    r = subprocess.run([sys.executable, "-m", "timeline", "library", "list"], cwd=ROOT, capture_output=True,
                       text=True, timeout=120, env={**ENV, "PAIRING_ATLAS_LIBRARY": str(lib)})
    assert r.returncode == 0, r.stderr
    assert lib.exists() and str(lib) in r.stdout


def test_a_library_written_by_one_process_is_read_by_another_with_the_extractors_rows(tmp_path):
    lib = tmp_path / "lib.duckdb"
    folder = articles(tmp_path / "in", 3)
    r = run("library", "add", folder, "--library", lib)
    assert r.returncode == 0, r.stderr
    assert "3 articles saved" in r.stdout
    with Library(lib).session() as con:  # this process: a second program on the same file
        stored = event_rows(con)
    extraction = extract_paths([SEEDS, folder])
    expected = plain_rows(with_document_cells(events_to_rows(extraction.events), extraction.documents))
    expected = [{**row, "corrected": ""} for row in expected]  # the library says which fields people corrected
    key = lambda row: (row["doc"], row["event_id"], row["donor"], row["recipient"])  # noqa: E731
    assert sorted(stored, key=key) == sorted(expected, key=key)


def test_adding_the_same_files_again_skips_them_and_the_same_text_under_another_name(tmp_path):
    lib = tmp_path / "lib.duckdb"
    folder = articles(tmp_path / "in", 2)
    assert run("library", "add", folder, "--library", lib).returncode == 0
    (tmp_path / "copy.txt").write_bytes((folder / "a000.txt").read_bytes())
    r = run("library", "add", folder, tmp_path / "copy.txt", "--library", lib)
    assert r.returncode == 0, r.stderr
    assert "0 articles saved" in r.stdout and "2 unchanged" in r.stdout
    assert "copy.txt has the same text as a000.txt" in r.stderr
    assert set(names(lib)) == {*SEED_NAMES, "a000.txt", "a001.txt"}


def test_a_changed_file_replaces_its_old_version(tmp_path):
    lib = tmp_path / "lib.duckdb"
    doc = tmp_path / "a.txt"
    doc.write_text("2021年6月以来，自贡市正式启动对口帮扶巴中市平昌县工作。", encoding="utf-8")
    assert run("library", "add", doc, "--library", lib).returncode == 0
    doc.write_text("2022年3月，自贡市对口帮扶巴中市平昌县。", encoding="utf-8")
    r = run("library", "add", doc, "--library", lib)
    assert "1 replaced" in r.stdout
    with Library(lib).session() as con:
        rows = [row for row in event_rows(con) if row["doc"] == "a.txt"]
    assert [row["year"] for row in rows] == [2022] and names(lib)["a.txt"] == 1


def test_meta_with_a_new_publication_date_reads_the_file_again(tmp_path):
    lib = tmp_path / "lib.duckdb"
    doc = tmp_path / "a.txt"
    doc.write_text("今年3月，自贡市对口帮扶巴中市平昌县。", encoding="utf-8")
    assert run("library", "add", doc, "--library", lib).returncode == 0
    meta = tmp_path / "meta.csv"
    meta.write_text("doc,publication_date\na.txt,2020-06-01\n", encoding="utf-8")
    r = run("library", "add", doc, "--meta", meta, "--library", lib)
    assert "1 replaced" in r.stdout, r.stdout
    with Library(lib).session() as con:
        [row] = [row for row in event_rows(con) if row["doc"] == "a.txt"]
    assert (row["year"], row["basis"]) == (2020, "relative")


def test_a_killed_ingest_rerun_gives_every_document_exactly_once(tmp_path):
    lib = tmp_path / "lib.duckdb"
    folder = articles(tmp_path / "in", 30)
    assert run("library", "list", "--library", lib).returncode == 0  # the seeds go in first
    proc = subprocess.Popen([sys.executable, "-m", "timeline", "library", "add", str(folder), "--library", str(lib),
                             "--workers", "1"], cwd=ROOT, env=ENV, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    try:
        for line in proc.stderr:  # one "[i/n] name" line as each document is committed
            if line.startswith("[6/30]"):
                break
        else:
            pytest.fail(f"the ingest ended before it could be killed: {proc.wait()}")
    finally:
        proc.kill()  # SIGKILL: no clean-up of any kind
        proc.wait()
    assert proc.returncode != 0
    survived = names(lib)
    assert 6 + 5 <= sum(survived.values()) < 30 + 5 and max(survived.values()) == 1
    r = run("library", "add", folder, "--library", lib)
    assert r.returncode == 0, r.stderr
    assert f"{sum(survived.values()) - 5} unchanged" in r.stdout
    after = names(lib)
    assert after == Counter({*SEED_NAMES, *(f"a{i:03d}.txt" for i in range(30))})
    with Library(lib).session() as con:
        stored = event_rows(con)
    extraction = extract_paths([SEEDS, folder])
    expected = plain_rows(with_document_cells(events_to_rows(extraction.events), extraction.documents))
    assert len(stored) == len(expected)
    assert Counter((r["doc"], r["event_id"], r["donor"], r["recipient"]) for r in stored) == Counter(
        (r["doc"], r["event_id"], r["donor"], r["recipient"]) for r in expected)


def test_remove_takes_a_document_and_its_events_out(tmp_path):
    lib = tmp_path / "lib.duckdb"
    r = run("library", "remove", SEED_NAMES[0], "--library", lib)
    assert r.returncode == 0, r.stderr
    first = sum(row["doc"] == SEED_NAMES[0] for row in read_csv_of_extract(tmp_path))
    assert f"removed {SEED_NAMES[0]} and its {first} event rows" in r.stdout
    assert set(names(lib)) == set(SEED_NAMES[1:])
    assert run("library", "list", "--library", lib).returncode == 0
    assert set(names(lib)) == set(SEED_NAMES[1:])  # the seeds are not put back on the next open


def test_removing_an_unknown_document_names_it(tmp_path):
    r = run("library", "remove", "nothing.txt", "--library", tmp_path / "lib.duckdb")
    assert r.returncode == 2 and "nothing.txt" in r.stderr and "library list" in r.stderr
    assert "Traceback" not in r.stderr


@pytest.mark.parametrize("suffix", ["csv", "parquet"])
def test_export_writes_every_row_as_the_timeline(tmp_path, suffix):
    lib, out = tmp_path / "lib.duckdb", tmp_path / f"events.{suffix}"
    r = run("library", "export", "--out", out, "--library", lib)
    assert r.returncode == 0, r.stderr
    extracted = read_csv_of_extract(tmp_path)
    assert f"{len(extracted)} event rows" in r.stdout
    rows = read_csv(out) if suffix == "csv" else pd.read_parquet(out).to_dict("records")
    assert sorted(str(r["event_id"]) + str(r["recipient"]) for r in rows) == sorted(
        r["event_id"] + r["recipient"] for r in extracted)


def read_csv_of_extract(tmp_path):
    out = tmp_path / "extract.csv"
    assert run("extract", SEEDS, "--out", out).returncode == 0
    return read_csv(out)


def test_a_bad_file_is_named_and_the_good_ones_saved(tmp_path):
    folder = articles(tmp_path / "in", 1)
    (folder / "bad.txt").write_bytes(b"\x00\x01\x02\x03" * 100)
    lib = tmp_path / "lib.duckdb"
    r = run("library", "add", folder, "--library", lib)
    assert r.returncode == 1 and "bad.txt" in r.stderr and "Traceback" not in r.stderr
    assert "a000.txt" in names(lib) and "bad.txt" not in names(lib)


def test_add_through_a_running_dask_cluster_stores_the_same_documents_and_rows(tmp_path, dask_cluster):
    folder = articles(tmp_path / "in", 4)
    one, many = tmp_path / "one.duckdb", tmp_path / "many.duckdb"
    assert run("library", "add", folder, "--library", one, "--workers", "1").returncode == 0
    r = run("library", "add", folder, "--library", many, "--scheduler", dask_cluster.scheduler_address)
    assert r.returncode == 0, r.stderr
    assert "4 articles saved" in r.stdout
    stored = []
    for lib in (one, many):
        with Library(lib).session() as con:
            stored.append((event_rows(con), con.execute("SELECT name, text, doc_id FROM documents ORDER BY name"
                                                        ).fetchall()))
    assert stored[0] == stored[1] and len(stored[0][1]) == 4 + 5


_PROBE = """
import runpy, sys
sys.argv = ["timeline", *sys.argv[1:]]
try:
    runpy.run_module("timeline", run_name="__main__", alter_sys=True)
except SystemExit:
    pass
print("LOADED", *sorted({m.split(".")[0] for m in sys.modules} & {"duckdb", "pyarrow"}), file=sys.stderr)
"""


def loaded_heavy_modules(*args) -> list[str]:
    """Which of DuckDB and Arrow ``python -m timeline ARGS`` imported (in a fresh interpreter)."""
    done = subprocess.run([sys.executable, "-c", _PROBE, *map(str, args)], cwd=ROOT, capture_output=True, text=True,
                          timeout=180, env=ENV)
    line = next(line for line in done.stderr.splitlines() if line.startswith("LOADED"))
    return line.split()[1:]


def test_the_dates_command_starts_without_loading_duckdb_or_arrow():
    assert loaded_heavy_modules("dates", "--help") == []
    assert loaded_heavy_modules("library", "add", "--help") == []


def test_the_start_up_check_sees_duckdb_when_a_library_command_runs(tmp_path):
    # the check above can fail: a command that opens the library does load them
    assert loaded_heavy_modules("library", "list", "--library", tmp_path / "lib.duckdb") == ["duckdb", "pyarrow"]
