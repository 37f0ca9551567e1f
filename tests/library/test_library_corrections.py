"""Corrections that stick: an edited CSV goes back into the library, survives re-extraction, moves between
libraries, and every bad file is refused whole with a message naming what is wrong."""

from __future__ import annotations

import csv
import io
import os
import shutil
import subprocess
import sys
from collections import Counter

import pytest

from gold import ROOT, SEEDS
from timeline.dates.mention import Basis
from timeline.library import Library, event_rows
from timeline.library.cells import check_date, read_table, resolve_place
from timeline.library.corrections import commit, list_corrections, plan_corrections, undo
from timeline.library.errors import CorrectionError, UnknownCorrectionError
from timeline.library.ingest import add_paths, ensure_seeded
from timeline.library.documents import remove_document
from timeline.library.overlay import CORRECTED
from timeline.views.labels import COLUMN_LABELS, header_aliases

ENV = {**os.environ, "PYTHONPATH": str(ROOT)}


def run(*args, timeout=180):
    return subprocess.run([sys.executable, "-m", "timeline", *map(str, args)], cwd=ROOT, capture_output=True,
                          text=True, timeout=timeout, env=ENV)


@pytest.fixture(scope="module")
def seeded(tmp_path_factory):
    path = tmp_path_factory.mktemp("seeded") / "seeded.duckdb"
    ensure_seeded(Library(path), SEEDS)
    return path


@pytest.fixture
def lib(seeded, tmp_path):
    path = tmp_path / "lib.duckdb"
    shutil.copy(seeded, path)
    return Library(path)


def rows_of(lib):
    with lib.session() as con:
        return event_rows(con)


def single(rows, **where):
    """A row whose event has one row only (so its event_id names it alone), meeting ``where``."""
    counts = Counter(r["event_id"] for r in rows)
    return next(r for r in rows if counts[r["event_id"]] == 1 and all(w(r.get(k)) for k, w in where.items()))


def csv_bytes(rows, columns, *, encoding="utf-8-sig", headers=None):
    buf = io.StringIO(newline="")
    writer = csv.writer(buf)
    writer.writerow(headers or columns)
    for r in rows:
        writer.writerow(["" if r.get(c) is None else r.get(c) for c in columns])
    return buf.getvalue().encode(encoding)


def apply(lib, raw, name="edited.csv", **kw):
    header, table = read_table(raw, name, aliases=header_aliases())
    with lib.session() as con:
        plan = plan_corrections(con, header, table, name=name)
        commit(con, plan, **kw)
    return plan


COLUMNS = ["event_id", "doc", "year", "month", "day", "kind", "donor", "donor_adcode", "recipient",
           "recipient_adcode", "amount_yuan", "people", "status"]


def test_round_trip_on_the_seeds_keeps_the_fixes_after_the_document_is_read_again(lib, tmp_path):
    rows = rows_of(lib)
    undated = single(rows, year=lambda y: y is None, donor_adcode=lambda a: a != "310000")
    other = single(rows, event_id=lambda e: e != undated["event_id"], donor_adcode=lambda a: a and a != "310000")
    gone = single(rows, event_id=lambda e: e not in (undated["event_id"], other["event_id"]))
    edited = [dict(r) for r in rows]
    for r in edited:
        if r["event_id"] == undated["event_id"]:
            r["year"] = 2019
        if r["event_id"] == other["event_id"]:
            r["donor"] = "上海市"
        if r["event_id"] == gone["event_id"]:
            r["status"] = "not_an_event"
    plan = apply(lib, csv_bytes(edited, COLUMNS), note="checked against the article")
    assert sorted(c.field for c in plan.changes) == ["donor", "not_an_event", "year"]
    assert not plan.unmatched

    def check(after):
        by_id = {r["event_id"]: r for r in after}
        assert gone["event_id"] not in by_id
        assert by_id[undated["event_id"]]["year"] == 2019
        assert by_id[undated["event_id"]]["basis"] == Basis.CORRECTED == "corrected"
        assert by_id[undated["event_id"]][CORRECTED] == "year"
        assert (by_id[other["event_id"]]["donor"], by_id[other["event_id"]]["donor_adcode"]) == ("上海市", "310000")
        assert by_id[other["event_id"]]["donor_lon"] == pytest.approx(121.47, abs=0.5)
        assert by_id[other["event_id"]][CORRECTED] == "donor"
        assert len(after) == len(rows) - 1

    check(rows_of(lib))
    # Remove the document and add it again: it is extracted anew, the fixes hold.
    doc = undated["doc"]
    with lib.session() as con:
        remove_document(con, doc)
    assert undated["event_id"] not in {r["event_id"] for r in rows_of(lib)}
    with lib.session() as con:
        assert {r.field for r in list_corrections(con, orphaned_only=True)} >= {"year"}
    report = add_paths(lib, [SEEDS / doc], workers=1)
    assert report.added == [doc]
    check(rows_of(lib))
    with lib.session() as con:
        assert not list_corrections(con, orphaned_only=True)
    # The export marks them.
    out = tmp_path / "out.csv"
    r = run("library", "export", "--library", lib.path, "--out", out)
    assert r.returncode == 0, r.stderr
    exported = {row["event_id"]: row for row in csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig")))}
    assert exported[undated["event_id"]]["corrected"] == "year"
    assert exported[undated["event_id"]]["basis"] == "corrected"
    assert exported[other["event_id"]]["corrected"] == "donor"
    assert gone["event_id"] not in exported


def test_importing_the_same_edited_file_twice_changes_nothing_the_second_time(lib):
    rows = rows_of(lib)
    target = single(rows, donor_adcode=lambda a: a and a != "511923")
    # The donor's name is edited; its adcode cell still holds the extracted place's.
    edited = [{**r, "people": 12, "donor": "平昌县"} if r["event_id"] == target["event_id"] else r for r in rows]
    raw = csv_bytes(edited, COLUMNS)
    assert sorted(c.field for c in apply(lib, raw).changes) == ["donor", "people"]
    assert apply(lib, raw).changes == []
    with lib.session() as con:
        assert len(list_corrections(con)) == 2
    fixed = next(r for r in rows_of(lib) if r["event_id"] == target["event_id"])
    assert (fixed["donor"], fixed["donor_adcode"], fixed["people"]) == ("平昌县", "511923", 12)


def test_only_cells_that_differ_become_corrections_and_unmatched_rows_are_listed(lib):
    rows = rows_of(lib)
    stranger = {**rows[0], "event_id": "ffffffffffff", "year": 1999}
    plan = apply(lib, csv_bytes([*rows, stranger], COLUMNS))
    assert plan.changes == []
    assert len(plan.unmatched) == 1 and "ffffffffffff" in str(plan.unmatched[0]) and "not in this library" in str(plan.unmatched[0])
    assert f"line {len(rows) + 2}" in str(plan.unmatched[0])


def test_chinese_headers_and_a_gbk_file_are_read(lib):
    rows = rows_of(lib)
    target = single(rows, month=lambda m: m is None, year=lambda y: y is None)
    edited = [{**r, "year": 2020, "month": 2, "day": 29} if r["event_id"] == target["event_id"] else r for r in rows]
    zh = [COLUMN_LABELS["zh"][c] for c in COLUMNS]
    raw = csv_bytes(edited, COLUMNS, headers=zh, encoding="gbk")
    plan = apply(lib, raw, name="编辑.csv")
    assert sorted(c.field for c in plan.changes) == ["day", "month", "year"]
    fixed = next(r for r in rows_of(lib) if r["event_id"] == target["event_id"])
    assert (fixed["year"], fixed["month"], fixed["day"], fixed["precision"]) == (2020, 2, 29, "day")
    assert fixed[CORRECTED] == "year;month;day"


@pytest.mark.parametrize(("cells", "message"), [
    ({"month": 13}, "month 13 does not exist"),
    ({"year": 2021, "month": 2, "day": 30}, "2021-02 has no day 30"),
    ({"donor": "火星市"}, "is no place our gazetteer knows"),
    ({"donor": "朝阳区"}, "110105 北京市 朝阳区"),
    ({"kind": "party"}, "kind 'party' is not one of"),
    ({"people": "many"}, "people 'many' is not a whole number"),
    ({"status": "maybe"}, "write not_an_event"),
])
def test_a_bad_cell_refuses_the_whole_file_and_names_the_line(lib, cells, message):
    rows = rows_of(lib)
    good = single(rows)
    bad = single(rows, event_id=lambda e: e != good["event_id"])
    edited = [{**r, "people": 7} if r is good else {**r, **cells} if r is bad else r for r in rows]
    with pytest.raises(CorrectionError, match="nothing was applied") as err:
        apply(lib, csv_bytes(edited, COLUMNS))
    assert message in str(err.value)
    assert f"({bad['event_id']})" in str(err.value)
    assert rows_of(lib) == rows  # the good row was not applied either
    with lib.session() as con:
        assert list_corrections(con) == []


@pytest.mark.parametrize(("raw", "message"), [
    (b"", "empty"),
    (b"\xef\xbb\xbf   \r\n", "no text"),
    ("名称,经度,纬度\n成都,104.06,30.67\n".encode("gbk"), "not a Pairing Atlas events CSV"),
    (b"doc,year,donor\na.txt,2019,x\n", "no event_id column"),
    (b"\x00\x01\x02\xff\xfe\x00binary", "edited.csv"),
])
def test_a_file_that_is_not_an_edited_events_csv_gets_a_clear_message(lib, raw, message):
    with pytest.raises(CorrectionError) as err:
        apply(lib, raw)
    assert message in str(err.value)
    with lib.session() as con:
        assert list_corrections(con) == []


def test_an_ambiguous_place_is_taken_once_its_adcode_is_given(lib):
    rows = rows_of(lib)
    target = single(rows, donor_adcode=lambda a: a and a != "220104")
    edited = [{**r, "donor": "朝阳区", "donor_adcode": "220104"} if r is target else r for r in rows]
    apply(lib, csv_bytes(edited, COLUMNS))
    fixed = next(r for r in rows_of(lib) if r["event_id"] == target["event_id"])
    assert (fixed["donor"], fixed["donor_adcode"]) == ("朝阳区", "220104")


def test_a_body_named_after_its_place_is_located_there_by_its_own_name():
    place = resolve_place("成都市大弯中学", "", "donor")
    assert (place["name"], place["adcode"], place["kind"]) == ("成都市大弯中学", "510100", "organisation")
    assert resolve_place("平昌县", "", "recipient")["adcode"] == "511923"


@pytest.mark.parametrize(("date", "ok"), [
    ((2020, 2, 29), True), ((2021, 2, 29), False), ((None, 2, 29), True), ((None, 2, 30), False),
    ((2019, 4, 31), False), ((2019, 0, None), False), ((None, None, 5), False), ((1850, None, None), False),
    ((2019, 12, 31), True),
])
def test_impossible_dates_are_refused(date, ok):
    if ok:
        check_date(*date)
    else:
        with pytest.raises(ValueError):
            check_date(*date)


def test_undo_brings_back_the_value_before_and_keeps_the_record(lib):
    rows = rows_of(lib)
    target = single(rows)
    apply(lib, csv_bytes([{**target, "kind": "funding" if target["kind"] != "funding" else "visit"}], COLUMNS))
    with lib.session() as con:
        (record,) = list_corrections(con)
        undone = undo(con, record.correction_id[:8])
        assert undone.status == "undone" and undone.undone_at is not None
        with pytest.raises(UnknownCorrectionError):
            undo(con, record.correction_id)
    assert rows_of(lib) == rows


def test_corrections_move_to_another_library_and_importing_twice_adds_nothing(lib, seeded, tmp_path):
    rows = rows_of(lib)
    target = single(rows)
    apply(lib, csv_bytes([{**target, "people": 40}], COLUMNS), note="from the annex", author="li")
    out = tmp_path / "corrections.csv"
    r = run("library", "export-corrections", "--library", lib.path, "--out", out)
    assert r.returncode == 0, r.stderr
    assert "1 corrections written" in r.stdout
    other = tmp_path / "other.duckdb"
    shutil.copy(seeded, other)
    first = run("library", "correct", out, "--library", other)
    assert first.returncode == 0, first.stderr
    assert "1 corrections applied" in first.stdout
    again = run("library", "correct", out, "--library", other)
    assert again.returncode == 0 and "0 corrections applied" in again.stdout
    assert "1 corrections of corrections.csv are already in the library" in again.stdout
    moved = next(r for r in rows_of(Library(other)) if r["event_id"] == target["event_id"])
    assert moved["people"] == 40 and moved[CORRECTED] == "people"
    with Library(other).session() as con:
        (record,) = list_corrections(con)
    assert (record.note, record.author, record.old_value, record.new_value) == (
        "from the annex", "li", target["people"], 40)


def test_the_cli_previews_with_dry_run_and_refuses_a_bad_file_with_exit_2(lib, tmp_path):
    rows = rows_of(lib)
    target = single(rows, year=lambda y: y is None)
    good = tmp_path / "good.csv"
    good.write_bytes(csv_bytes([{**target, "year": 2018}], COLUMNS))
    r = run("library", "correct", good, "--library", lib.path, "--dry-run")
    assert r.returncode == 0, r.stderr
    assert f"{target['event_id']} year: (empty) → 2018" in r.stdout and "nothing written" in r.stdout
    assert rows_of(lib) == rows
    bad = tmp_path / "bad.csv"
    bad.write_bytes(csv_bytes([{**target, "month": 13}], COLUMNS))
    r = run("library", "correct", bad, "--library", lib.path)
    assert r.returncode == 2 and "month 13 does not exist" in r.stderr and "Traceback" not in r.stderr
    missing = run("library", "correct", tmp_path / "nope.csv", "--library", lib.path)
    assert missing.returncode == 2 and "cannot read" in missing.stderr
    r = run("library", "correct", good, "--library", lib.path, "--note", "seen in the annex")
    assert r.returncode == 0 and "1 corrections applied" in r.stdout
    audit = run("library", "corrections", "--library", lib.path, "--doc", target["doc"])
    assert "year: (empty) → 2018" in audit.stdout and "seen in the annex" in audit.stdout


def test_two_bodies_at_one_place_in_one_sentence_are_corrected_apart(lib):
    """成都市大弯中学 and 成都市川化中学 both sit at 成都市 (510100): the key keeps their names."""
    rows = rows_of(lib)
    where = Counter((r["doc"], r["char_start"], r["char_end"], r["donor_adcode"], r["recipient_adcode"]) for r in rows)
    shared = [r for r in rows if r["donor_adcode"] and r["donor_kind"] != "place"
              and where[(r["doc"], r["char_start"], r["char_end"], r["donor_adcode"], r["recipient_adcode"])] > 1]
    first = shared[0]
    second = next(r for r in rows if r is not first and r["donor"] != first["donor"] and all(
        r[k] == first[k] for k in ("doc", "char_start", "char_end", "donor_adcode", "recipient_adcode")))
    apply(lib, csv_bytes([{**second, "people": 77}], COLUMNS))
    after = {(r["event_id"], r["donor"]): r for r in rows_of(lib)}
    assert after[(second["event_id"], second["donor"])]["people"] == 77
    assert after[(first["event_id"], first["donor"])]["people"] == first["people"]
    with lib.session() as con:
        remove_document(con, first["doc"])
    add_paths(lib, [SEEDS / first["doc"]], workers=1)
    after = {(r["event_id"], r["donor"]): r for r in rows_of(lib)}
    assert after[(second["event_id"], second["donor"])]["people"] == 77
    assert after[(first["event_id"], first["donor"])][CORRECTED] == ""


def test_rows_that_share_span_and_pair_are_told_apart_by_their_order_in_the_document():
    from timeline.library.overlay import Keyer

    row = {"char_start": 5, "char_end": 9, "donor": "青白江区", "donor_adcode": "510113", "recipient": "九龙县",
           "recipient_adcode": "513324"}
    keyer = Keyer()
    keys = [keyer.key("doc-a", row), keyer.key("doc-a", row), keyer.key("doc-b", row)]
    assert [k.ordinal for k in keys] == [0, 1, 0]
    assert keys[0].donor == "510113|青白江区" and keys[0] != keys[1]
    assert Keyer().key("doc-a", {**row, "donor_adcode": "", "donor": "某公司"}).donor == "某公司"


def test_a_row_marked_not_an_event_is_listed_when_a_file_still_has_it_and_undo_brings_it_back(lib):
    rows = rows_of(lib)
    target = single(rows, year=lambda y: y is not None)
    apply(lib, csv_bytes([{**target, "status": "not_an_event"}], COLUMNS))
    assert target["event_id"] not in {r["event_id"] for r in rows_of(lib)}
    plan = apply(lib, csv_bytes([{**target, "year": target["year"] + 1}], COLUMNS))
    assert plan.changes == [] and "marked not an event" in str(plan.unmatched[0])
    with lib.session() as con:
        (record,) = list_corrections(con)
        undo(con, record.correction_id)
    assert rows_of(lib) == rows
