"""``python -m timeline extract`` as a user runs it: CSV or Parquet, one process or a Dask cluster."""

from __future__ import annotations

import csv
import logging
import os
import subprocess
import sys

import pandas as pd
import pytest

from gold import ROOT, SEEDS
from timeline.events.export import EVENT_COLUMNS


def run(*args, timeout=180):
    env = {**os.environ, "PYTHONPATH": str(ROOT), "DASK_DISTRIBUTED__COMM__TIMEOUTS__CONNECT": "2s"}
    return subprocess.run([sys.executable, "-m", "timeline", *map(str, args)], cwd=ROOT, capture_output=True,
                          text=True, timeout=timeout, env=env)


def read_csv(path):
    return list(csv.DictReader(path.read_bytes().decode("utf-8-sig").splitlines()))


@pytest.fixture(scope="module")
def one_process_csv(tmp_path_factory):
    out = tmp_path_factory.mktemp("x") / "events.csv"
    r = run("extract", SEEDS, "--out", out, "--workers", "1")
    assert r.returncode == 0, r.stderr
    return out


def test_parquet_holds_the_same_rows_as_the_csv_with_numbers_as_numbers(tmp_path, one_process_csv):
    out = tmp_path / "events.parquet"
    r = run("extract", SEEDS, "--out", out, "--workers", "1")
    assert r.returncode == 0, r.stderr
    frame = pd.read_parquet(out)
    assert tuple(frame.columns) == EVENT_COLUMNS
    assert list(frame["event_id"]) == [row["event_id"] for row in read_csv(one_process_csv)]
    assert frame["year"].dtype == "Int64" or str(frame["year"].dtype).startswith(("int", "float"))
    assert frame["char_start"].dtype.kind == "i"
    assert not (tmp_path / "events.parquet.partial").exists()


def test_scheduler_sends_the_job_to_a_running_cluster_and_gives_the_same_csv(tmp_path, one_process_csv, dask_cluster):
    out = tmp_path / "events.csv"
    r = run("extract", SEEDS, "--out", out, "--scheduler", dask_cluster.scheduler_address)
    assert r.returncode == 0, r.stderr
    assert out.read_bytes() == one_process_csv.read_bytes()


def test_an_unreachable_scheduler_is_one_clear_message_and_no_file(tmp_path):
    out = tmp_path / "events.csv"
    r = run("extract", SEEDS, "--out", out, "--scheduler", "tcp://127.0.0.1:9")
    assert r.returncode == 2 and "tcp://127.0.0.1:9" in r.stderr and "Traceback" not in r.stderr
    assert not out.exists() and not list(tmp_path.iterdir())


@pytest.mark.parametrize("workers", ["0", "two"])
def test_a_bad_number_of_workers_is_a_usage_error(tmp_path, workers):
    r = run("extract", SEEDS, "--out", tmp_path / "e.csv", "--workers", workers)
    assert r.returncode == 2 and "workers" in r.stderr and "Traceback" not in r.stderr


def test_an_output_folder_that_does_not_exist_is_named(tmp_path):
    out = tmp_path / "no" / "such" / "events.csv"
    r = run("extract", SEEDS, "--out", out, "--workers", "1")
    assert r.returncode == 2 and str(out) in r.stderr and "Traceback" not in r.stderr


def test_an_output_name_asking_for_another_format_is_refused_before_any_work(tmp_path):
    r = run("extract", SEEDS, "--out", tmp_path / "events.xlsx", "--workers", "1")
    assert r.returncode == 2 and ".csv" in r.stderr and ".parquet" in r.stderr and "Traceback" not in r.stderr
    assert not list(tmp_path.iterdir())
