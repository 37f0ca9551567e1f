"""python -m geo as a user runs it: exit codes and output, never a traceback."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "geo", *args], cwd=ROOT, capture_output=True, text=True, timeout=120)


def test_places_writes_the_csv_columns(tmp_path):
    out = tmp_path / "places.csv"
    res = run("places", str(ROOT / "seeds" / "003_5e482c36e855b8f5.txt"), "--out", str(out))
    assert res.returncode == 0, res.stderr
    rows = list(csv.DictReader(out.open(encoding="utf-8-sig")))
    assert list(rows[0]) == ["doc", "start", "end", "mention", "adcode", "name", "level", "lon", "lat", "score", "url", "title"]
    assert {r["adcode"] for r in rows if r["mention"] == "和平区"} == {"120101"}


def test_geocode_prints_json():
    res = run("geocode", "郫縣")
    assert res.returncode == 0
    out = json.loads(res.stdout)
    assert out["raw"]["adcode"] == "510117" and out["raw"]["historical_name"] == "郫县"


def test_geocode_with_context():
    res = run("geocode", "和平区", "--context", "沈阳市")
    assert json.loads(res.stdout)["raw"]["adcode"] == "210102"


def test_geocode_not_found_exits_1():
    res = run("geocode", "美菜网")
    assert res.returncode == 1 and json.loads(res.stdout)["found"] is False


@pytest.mark.parametrize(
    "content, message",
    [(None, "no such file"), (b"", "empty"), (b"\x89PNG\x00\x00\x01", "binary"), (b"\xff\xfe\xfa" * 3, "UTF-8")],
)
def test_bad_input_files_give_a_message_not_a_traceback(tmp_path, content, message):
    path = tmp_path / "in.txt"
    if content is not None:
        path.write_bytes(content)
    res = run("places", str(path))
    assert res.returncode == 2
    assert message in res.stderr and "Traceback" not in res.stderr
