"""`python -m geo map events.csv --out map.html [--geojson arcs.geojson]`, run as a user runs it."""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from geo.map.assets import external_references
from test_map_data import as_csv_rows, row
from timeline.events.export import EVENT_COLUMNS, csv_text, write_csv

REPO = Path(__file__).resolve().parents[2]


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "geo", "map", *args], capture_output=True, text=True,
                          cwd=REPO, env={**os.environ, **(env or {})}, timeout=120)


@pytest.fixture(scope="module")
def seeds_csv(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("timeline") / "events.csv"
    done = subprocess.run([sys.executable, "-m", "timeline", "extract", "seeds", "--out", str(out)],
                          capture_output=True, text=True, cwd=REPO, timeout=300)
    assert done.returncode == 0, done.stderr
    return out


def test_map_of_the_seed_timeline_is_standalone_html_and_geojson(seeds_csv, tmp_path):
    html, geojson = tmp_path / "map.html", tmp_path / "arcs.geojson"
    done = run(str(seeds_csv), "--out", str(html), "--geojson", str(geojson))
    assert done.returncode == 0, done.stderr
    assert f"written to {html}" in done.stderr and "not on the map" in done.stderr
    page = html.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and external_references(page) == []
    arcs = json.loads(geojson.read_text(encoding="utf-8"))
    dated = sum(f["properties"]["dated"] for f in arcs["features"])
    assert dated > 0 and len(arcs["features"]) - dated > 0  # relations with a year, and without
    with open(seeds_csv, encoding="utf-8-sig", newline="") as f:
        events = {r["event_id"]: r["year"] for r in csv.DictReader(f)}
    assert f"map of {len(events)} events ({sum(1 for y in events.values() if y)} dated," in done.stderr


def test_cells_defused_for_excel_come_back_as_written(tmp_path):
    events, geojson = tmp_path / "events.csv", tmp_path / "arcs.geojson"
    write_csv(events, [row(evidence="-5℃的清晨,遂宁市援藏干部抵达理县。")], EVENT_COLUMNS)
    assert "'-5℃" in events.read_text(encoding="utf-8")
    assert run(str(events), "--out", str(tmp_path / "m.html"), "--geojson", str(geojson)).returncode == 0
    [arc] = json.loads(geojson.read_text(encoding="utf-8"))["features"]
    assert arc["properties"]["events"][0]["evidence"] == "-5℃的清晨,遂宁市援藏干部抵达理县。"


def _bad_inputs(tmp_path: Path) -> dict[str, tuple[Path, str]]:
    good = csv_text([row()], EVENT_COLUMNS)
    header, line = good.lstrip("\ufeff").splitlines()[:2]
    cases = {
        "missing": ("", "no such file"),
        "empty": ("", "empty"),
        "not-a-timeline": ("name,lon,lat\n理县,103.1,31.4\n", "no column event_id"),
        "ragged": (f"{header}\n{line},extra\n",
                   f"line 2: {len(EVENT_COLUMNS) + 1} cells where the header has {len(EVENT_COLUMNS)}"),
        "bad-year": (good.replace(",2017,", ",year 2017,", 1), "row 1: year 'year 2017'"),
        "unclosed-quote": (f'{header}\n"{line}\n', "malformed"),
    }
    paths = {}
    for name, (text, message) in cases.items():
        path = tmp_path / f"{name}.csv"
        if name != "missing":
            path.write_text(text, encoding="utf-8")
        paths[name] = (path, message)
    binary = tmp_path / "binary.csv"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    paths["binary"] = (binary, "binary")
    latin = tmp_path / "latin.csv"
    latin.write_bytes(b"\xff\xfe\xff")
    paths["undecodable"] = (latin, "not UTF-8 or GB18030")
    return paths


CASES = ["missing", "empty", "not-a-timeline", "ragged", "bad-year", "unclosed-quote", "binary", "undecodable"]


@pytest.mark.parametrize("case", CASES)
def test_unusable_input_is_one_clear_line_and_exit_2(tmp_path, case):
    path, message = _bad_inputs(tmp_path)[case]
    done = run(str(path), "--out", str(tmp_path / "m.html"))
    assert done.returncode == 2
    assert message in done.stderr
    assert "Traceback" not in done.stderr
    assert not (tmp_path / "m.html").exists()


def test_a_timeline_saved_again_as_gb18030_still_maps(tmp_path):
    events = tmp_path / "events.csv"
    events.write_bytes(csv_text([row()], EVENT_COLUMNS).lstrip("\ufeff").encode("gb18030"))
    assert run(str(events), "--out", str(tmp_path / "m.html")).returncode == 0


def test_missing_npm_packages_say_how_to_install_them(tmp_path):
    events = tmp_path / "events.csv"
    write_csv(events, as_csv_rows([row()]), EVENT_COLUMNS)
    done = run(str(events), "--out", str(tmp_path / "m.html"),
               env={"PAIRING_ATLAS_NODE_MODULES": str(tmp_path / "nowhere")})
    assert done.returncode == 2
    assert "npm ci" in done.stderr and "Traceback" not in done.stderr


def test_an_unwritable_output_is_exit_2(tmp_path, seeds_csv):
    done = run(str(seeds_csv), "--out", str(tmp_path / "no" / "such" / "dir" / "m.html"))
    assert done.returncode == 2 and "check the path" in done.stderr and "Traceback" not in done.stderr
