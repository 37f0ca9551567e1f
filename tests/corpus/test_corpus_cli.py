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


def _processes_in_group(pgid: int) -> list[int]:
    """The live processes of a process group (a terminal's Ctrl-C reaches all of them), zombies left out."""
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                fields = open(f"/proc/{entry}/stat", encoding="ascii", errors="replace").read().rsplit(")", 1)[1].split()
            except OSError:
                continue  # it ended while we looked
            if int(fields[2]) == pgid and fields[0] != "Z":
                found.append(int(entry))
    return found


@pytest.mark.skipif(not os.path.isdir("/proc"), reason="lists processes through /proc")
def test_ctrl_c_during_a_two_worker_run_exits_130_in_one_line_and_leaves_no_file_and_no_worker(tmp_path):
    import signal
    import time

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for seed in SEEDS.glob("*.txt"):
        (corpus / seed.name).write_bytes(seed.read_bytes())
    for i in range(24):  # long enough that the workers are still reading when the first partition is reported
        (corpus / f"zz_long{i}.txt").write_text("2021年6月以来，自贡市正式启动对口帮扶巴中市平昌县工作。" * 3000,
                                               encoding="utf-8")
    out = tmp_path / "events.parquet"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen([sys.executable, "-m", "timeline", "extract", str(corpus), "--workers", "2",
                             "--out", str(out)], cwd=ROOT, stderr=subprocess.PIPE, text=True, env=env,
                            start_new_session=True,  # its own process group, as a shell gives a job
                            # and SIGINT as a foreground job has it (a runner started in the background has it
                            # ignored, and an ignored signal is inherited)
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    try:
        seen = []
        for line in proc.stderr:
            seen.append(line)
            if line.startswith("[1/"):  # a partition is done, the others are being read on the workers
                break
        assert seen and seen[-1].startswith("[1/"), "".join(seen)
        workers = [p for p in _processes_in_group(proc.pid) if p != proc.pid]
        assert len(workers) >= 2, "no worker processes to interrupt"  # the check below could pass vacuously
        os.killpg(proc.pid, signal.SIGINT)  # what Ctrl-C in a terminal does: the whole foreground group
        rest = proc.stderr.read()
        assert proc.wait(timeout=90) == 130
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
    said = [line for line in rest.splitlines() if line.strip() and not line.startswith("[")]  # not progress
    assert said == ["interrupted; nothing was written."], rest
    assert not out.exists() and not list(tmp_path.glob("events.parquet*")), list(tmp_path.iterdir())
    deadline = time.monotonic() + 30
    while _processes_in_group(proc.pid) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert _processes_in_group(proc.pid) == []  # no worker, nanny or scheduler left behind
