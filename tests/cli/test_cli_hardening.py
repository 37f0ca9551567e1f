"""The three reading commands as a user (or an attacker) runs them: one way of reading, every input not
read named, ``--out`` checked first, Ctrl-C and ``| head`` quiet, url and title in the CSV."""

from __future__ import annotations

import csv
import os
import signal
import subprocess
import sys

import pytest

from gold import ROOT, SEEDS

ARTICLE = "2021年6月以来，自贡市正式启动对口帮扶巴中市平昌县工作。"
COMMANDS = [("timeline", "extract"), ("timeline", "dates"), ("geo", "places")]


def run(package, *args, env=None, cwd=ROOT):
    return subprocess.run([sys.executable, "-m", package, *map(str, args)], cwd=cwd, capture_output=True,
                          text=True, timeout=180, env=env)


def read_csv(path):
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    return list(csv.DictReader(raw.decode("utf-8-sig").splitlines()))


def test_geo_places_reads_the_seeds_folder():
    r = run("geo", "places", "seeds/", "--out", "-")
    assert r.returncode == 0, r.stderr
    docs = {row["doc"] for row in csv.DictReader(r.stdout.splitlines())}
    assert docs == {p.name for p in SEEDS.glob("*.txt")}


def test_geo_places_reads_every_encoding_and_web_pages_timeline_reads(tmp_path):
    (tmp_path / "utf16.txt").write_bytes(ARTICLE.encode("utf-16"))
    (tmp_path / "big5.txt").write_bytes("2021年6月以來，自貢市正式啟動對口幫扶巴中市平昌縣工作。".encode("big5"))
    (tmp_path / "page.html").write_text(f"<html><body><nav>首页</nav><article><p>{ARTICLE}</p></article></body></html>",
                                        encoding="utf-8")
    out = tmp_path / "places.csv"
    r = run("geo", "places", tmp_path, "--out", out)
    assert r.returncode == 0, r.stderr
    found = {(row["doc"], row["name"]) for row in read_csv(out)}
    for doc in ("utf16.txt", "big5.txt", "page.html"):
        assert {(doc, "自贡市"), (doc, "平昌县")} <= found, doc


def test_geo_places_names_a_bad_file_and_writes_the_rest(tmp_path):
    (tmp_path / "good.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    out = tmp_path / "places.csv"
    r = run("geo", "places", tmp_path, "--out", out)
    assert r.returncode == 1 and "bad.txt" in r.stderr and "Traceback" not in r.stderr
    assert {row["doc"] for row in read_csv(out)} == {"good.txt"}


def test_geo_places_defuses_formulas_like_timeline(tmp_path):
    (tmp_path / "=1+1.txt").write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "places.csv"
    assert run("geo", "places", tmp_path, "--out", out).returncode == 0
    assert {row["doc"] for row in read_csv(out)} == {"'=1+1.txt"}


@pytest.mark.parametrize("package, command", COMMANDS)
def test_out_is_checked_before_any_article_is_read(tmp_path, package, command):
    r = run(package, command, SEEDS, "--out", tmp_path / "missing" / "out.csv")
    assert r.returncode == 2 and "Traceback" not in r.stderr
    assert "the folder" in r.stderr and "does not exist" in r.stderr
    assert "[1/" not in r.stderr


@pytest.mark.parametrize("package, command", COMMANDS)
def test_paths_not_read_are_named_and_the_exit_code_says_so(tmp_path, package, command):
    (tmp_path / "good.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "link.txt").symlink_to(tmp_path / "nowhere.txt")
    (tmp_path / "folder.txt").mkdir()
    r = run(package, command, tmp_path, tmp_path / "folder.txt", "--out", tmp_path / "out.csv")
    assert r.returncode == 1, r.stderr
    assert "link.txt: a broken link" in r.stderr and "folder.txt: is a folder" in r.stderr
    assert "Traceback" not in r.stderr
    assert {row["doc"] for row in read_csv(tmp_path / "out.csv")} == {"good.txt"}


def test_two_index_files_of_two_sites_stay_two_documents(tmp_path):
    for site, recipient in (("site-a", "平昌县"), ("site-b", "万州区")):
        (tmp_path / site).mkdir()
        (tmp_path / site / "index.txt").write_text(f"2021年6月，自贡市对口帮扶{recipient}。", encoding="utf-8")
    out = tmp_path / "events.csv"
    r = run("timeline", "extract", tmp_path, "--out", out)
    assert r.returncode == 0, r.stderr
    assert {(row["doc"], row["recipient"]) for row in read_csv(out)} == {
        ("site-a/index.txt", "平昌县"), ("site-b/index.txt", "万州区")}


def test_url_and_title_reach_the_csv_and_meta_problems_are_warned(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    meta = tmp_path / "meta.csv"
    meta.write_text("doc,url,title\na.txt,https://example.org/old,旧\na.txt,https://example.org/a,自贡·平昌\n"
                    "gone.txt,https://example.org/gone,无\n", encoding="utf-8")
    out = tmp_path / "events.csv"
    r = run("timeline", "extract", tmp_path / "a.txt", "--meta", meta, "--out", out)
    assert r.returncode == 0, r.stderr
    assert {(row["url"], row["title"]) for row in read_csv(out)} == {("https://example.org/a", "自贡·平昌")}
    assert "meta.csv, line 3: a second row for 'a.txt'" in r.stderr
    assert "'gone.txt' matches no article" in r.stderr


def _ctrl_c_reaches_it() -> None:
    """In the child: Ctrl-C as a terminal's foreground job gets it. A runner that started the tests in the
    background (``cmd &`` without job control) has SIGINT ignored, and an ignored signal is inherited."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def test_ctrl_c_exits_130_and_says_nothing_was_written(tmp_path):
    for seed in SEEDS.glob("*.txt"):
        (tmp_path / seed.name).write_bytes(seed.read_bytes())
    # Progress is reported as each partition of the corpus is done: eight long files make eight partitions,
    # so seven are still to be read when the first one's "[1/…" line arrives (two were not always enough on an
    # idle machine: the run could end before the signal). One process: no cluster.
    for i in range(8):
        (tmp_path / f"zz_long{i}.txt").write_text(ARTICLE * 4000, encoding="utf-8")
    out = tmp_path / "events.csv"
    proc = subprocess.Popen([sys.executable, "-m", "timeline", "extract", str(tmp_path), "--out", str(out),
                             "--workers", "1"],
                            cwd=ROOT, stderr=subprocess.PIPE, text=True, preexec_fn=_ctrl_c_reaches_it)
    for line in proc.stderr:
        if line.startswith("[1/"):
            break
    proc.send_signal(signal.SIGINT)
    rest = proc.stderr.read()
    assert proc.wait(timeout=60) == 130
    assert "Traceback" not in rest and "KeyboardInterrupt" not in rest
    assert "interrupted; nothing was written." in rest
    assert not out.exists() and not list(tmp_path.glob(".events.csv*"))


def test_a_closed_pipe_ends_the_command_quietly(tmp_path):
    (tmp_path / "many.txt").write_text("成都市、重庆市、平昌县、" * 6000, encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-m", "geo", "places", str(tmp_path)], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdout.readline().startswith(b"doc,start")
    proc.stdout.close()  # what `| head -1` does
    err = proc.stderr.read().decode()
    proc.wait(timeout=60)
    assert "Broken pipe" not in err and "Traceback" not in err and "error" not in err


def test_jieba_keeps_its_cache_out_of_a_shared_tmp(tmp_path):
    shared_tmp = tmp_path / "tmp"
    (shared_tmp / "jieba.cache").mkdir(parents=True)  # stands for another user's cache file there
    (tmp_path / "a.txt").write_text("援助理县，帮扶平昌县。", encoding="utf-8")
    env = {**os.environ, "TMPDIR": str(shared_tmp), "XDG_CACHE_HOME": str(tmp_path / "cache")}
    r = run("geo", "places", tmp_path / "a.txt", env=env)
    assert r.returncode == 0 and "Traceback" not in r.stderr, r.stderr
    assert (tmp_path / "cache" / "pairing-atlas" / "jieba.cache").is_file()
