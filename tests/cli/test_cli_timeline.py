"""``python -m timeline dates`` run as a user runs it."""

from __future__ import annotations

import csv
import subprocess
import sys

from gold import ROOT, SEEDS
from timeline.events.export import DATE_COLUMNS


def run(*args, cwd=ROOT):
    return subprocess.run([sys.executable, "-m", "timeline", *map(str, args)], cwd=cwd, capture_output=True,
                          text=True, timeout=120)


def read_csv(path):
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "Excel needs the BOM to show Chinese"
    return list(csv.DictReader(raw.decode("utf-8-sig").splitlines()))


def test_dates_of_the_seeds_are_written_with_the_documented_columns(tmp_path):
    out = tmp_path / "dates.csv"
    r = run("dates", SEEDS, "--out", out)
    assert r.returncode == 0, r.stderr
    rows = read_csv(out)
    assert tuple(rows[0].keys()) == DATE_COLUMNS
    assert {row["doc"] for row in rows} == {p.name for p in SEEDS.glob("*.txt")}
    arrival = [row for row in rows if row["text"] == "2016年9月11日"]
    assert arrival and (arrival[0]["year"], arrival[0]["month"], arrival[0]["day"]) == ("2016", "9", "11")
    stripped = [row for row in rows if row["doc"].startswith("000_") and row["text"] == "年5月"]
    assert stripped and stripped[0]["year"] == "" and stripped[0]["basis"] == "not_stated"


def test_meta_csv_sets_the_publication_date(tmp_path):
    doc = tmp_path / "a.txt"
    doc.write_text("今年3月，两地签订协议。", encoding="utf-8")
    meta = tmp_path / "meta.csv"
    meta.write_text("doc,publication_date\na.txt,2020-06-01\n", encoding="utf-8")
    out = tmp_path / "d.csv"
    r = run("dates", doc, "--meta", meta, "--out", out)
    assert r.returncode == 0, r.stderr
    assert [(x["text"], x["year"], x["basis"]) for x in read_csv(out)] == [("今年3月", "2020", "relative")]


def test_a_bad_file_is_reported_and_the_others_written(tmp_path):
    (tmp_path / "good.txt").write_text("2016年9月11日抵达", encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x01\x02")
    out = tmp_path / "d.csv"
    r = run("dates", tmp_path, "--out", out)
    assert r.returncode == 1
    assert "bad.txt" in r.stderr and "Traceback" not in r.stderr
    assert [x["doc"] for x in read_csv(out)] == ["good.txt"]


def test_nothing_readable_exits_2_without_a_traceback(tmp_path):
    r = run("dates", tmp_path / "missing.txt", "--out", tmp_path / "d.csv")
    assert r.returncode == 2 and "missing.txt" in r.stderr and "Traceback" not in r.stderr


def test_malformed_meta_exits_2_with_the_line(tmp_path):
    meta = tmp_path / "m.csv"
    meta.write_text("doc,publication_date\na.txt,soon\n", encoding="utf-8")
    r = run("dates", SEEDS, "--meta", meta, "--out", tmp_path / "d.csv")
    assert r.returncode == 2 and "line 2" in r.stderr and "Traceback" not in r.stderr


def test_cells_that_look_like_formulas_are_neutralised():
    from timeline.events.export import csv_text

    text = csv_text([{"text": "=HYPERLINK(1)", "doc": "-1+1", "year": 2016}], ["doc", "text", "year"])
    assert "'=HYPERLINK(1)" in text and "'-1+1" in text and ",2016" in text


def test_extract_writes_the_timeline_columns_in_order(tmp_path):
    from timeline.events.export import EVENT_COLUMNS

    out = tmp_path / "events.csv"
    r = run("extract", SEEDS, "--out", out)
    assert r.returncode == 0, r.stderr
    rows = read_csv(out)
    assert tuple(rows[0].keys())[:23] == EVENT_COLUMNS[:23] == (
        "event_id", "doc", "year", "month", "day", "date_text", "precision", "basis", "kind",
        "donor", "donor_adcode", "donor_lon", "donor_lat", "recipient", "recipient_adcode", "recipient_lon",
        "recipient_lat", "amount_yuan", "people", "summary", "evidence", "char_start", "char_end")
    for row in rows:
        for col in ("donor_adcode", "recipient_adcode"):
            assert row[col] == "" or (len(row[col]) == 6 and row[col].isdigit())
    undated = [row for row in rows if row["doc"].startswith("000_")]
    assert undated and all(row["year"] == "" and row["basis"] in ("not_stated", "relative") for row in undated)
    park = [row for row in rows if row["kind"] == "park" and row["doc"].startswith("000_")]
    assert {row["donor"] for row in park} == {"永康市", "东阳市", "船山区"}
    assert all(row["month"] == "5" for row in park)


def test_extract_reads_a_saved_web_page(tmp_path):
    page = tmp_path / "page.html"
    page.write_text(
        "<html><head><title>自贡·平昌</title><meta property='article:published_time' content='2024-10-09'></head>"
        "<body><nav>首页 | 新闻</nav><article><p>2021年6月以来，自贡市正式启动对口帮扶巴中市平昌县工作。</p>"
        "<p>今年7月，自贡市第二批结对帮扶平昌县工作队30名队员整装出发，奔赴平昌。</p></article>"
        "<footer>版权所有</footer></body></html>", encoding="utf-8")
    out = tmp_path / "events.csv"
    r = run("extract", page, "--out", out)
    assert r.returncode == 0, r.stderr
    rows = read_csv(out)
    assert ("自贡市", "平昌县", "2021", "6") in {(x["donor"], x["recipient"], x["year"], x["month"]) for x in rows}
    relative = [x for x in rows if x["date_text"] == "今年7月"]
    assert relative and relative[0]["year"] == "2024"  # from the page's own metadata date
    assert all("版权所有" not in x["evidence"] for x in rows)


def test_extract_reports_a_bad_file_and_keeps_the_rest(tmp_path):
    (tmp_path / "a.txt").write_text("2021年6月以来，自贡市正式启动对口帮扶巴中市平昌县工作。", encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"\x00\x01\x02\x03" * 100)
    out = tmp_path / "e.csv"
    r = run("extract", tmp_path, "--out", out)
    assert r.returncode == 1 and "b.txt" in r.stderr and "Traceback" not in r.stderr
    assert {x["doc"] for x in read_csv(out)} == {"a.txt"}
