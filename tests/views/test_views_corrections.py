"""The app's corrections, as pure functions: the edit mode's frame and edits, an uploaded CSV with Chinese
headers, the preview, the log with undo."""

from __future__ import annotations

import shutil
from collections import Counter

import pytest

from gold import SEEDS
from timeline.library import Library, ensure_seeded, event_rows
from timeline.library.errors import CorrectionError
from timeline.library.overlay import FIELDS
from timeline.views.corrections import (
    EDITABLE, apply_table, audit_documents, audit_rows, editor_edits, editor_frame, plan_table, preview_rows,
    undo_correction, upload_table,
)
from timeline.views.exports import csv_for
from timeline.library.documents import LIBRARY_COLUMNS
from timeline.views.filters import corrected_label


@pytest.fixture(scope="module")
def seeded(tmp_path_factory):
    path = tmp_path_factory.mktemp("seeded") / "seeded.duckdb"
    ensure_seeded(Library(path), SEEDS)
    return path


@pytest.fixture
def lib(seeded, tmp_path):
    shutil.copy(seeded, tmp_path / "lib.duckdb")
    return Library(tmp_path / "lib.duckdb")


def rows_of(lib):
    with lib.session() as con:
        return event_rows(con)


def test_every_correctable_field_can_be_edited_in_the_app():
    assert set(FIELDS) <= set(EDITABLE)


def test_an_unchanged_editor_asks_for_nothing_and_an_edited_cell_for_its_row_only(lib):
    rows = rows_of(lib)
    before = editor_frame(rows)
    assert editor_edits(before, before.copy()) == (editor_edits(before, before)[0], [])
    counts = Counter(r["event_id"] for r in rows)
    i = next(i for i, r in enumerate(rows) if counts[r["event_id"]] == 1 and r["year"] is None)
    j = next(j for j, r in enumerate(rows) if counts[r["event_id"]] == 1 and j != i)
    after = before.copy()
    after.loc[i, "year"] = 2017
    after.loc[j, "not_an_event"] = True
    header, cells = editor_edits(before, after)
    assert [c["event_id"] for c in cells] == [rows[i]["event_id"], rows[j]["event_id"]]
    assert cells[0]["year"] == "2017" and cells[1]["status"] == "not_an_event"
    plan = plan_table(lib, header, cells, name="table")
    preview = preview_rows(plan, "en")
    assert {(p["event_id"], p["field"], p["old"], p["new"]) for p in preview} == {
        (rows[i]["event_id"], "year", "", "2017"), (rows[j]["event_id"], "not an event", "no", "yes")}
    assert rows_of(lib) == rows  # a preview writes nothing
    message = apply_table(lib, header, cells, name="table", note="annex p. 3", lang="en")
    assert message == "Applied 2 corrections; 0 rows matched no event."
    after_rows = {r["event_id"]: r for r in rows_of(lib)}
    assert after_rows[rows[i]["event_id"]]["year"] == 2017 and rows[j]["event_id"] not in after_rows
    assert corrected_label(after_rows[rows[i]["event_id"]]["corrected"], "zh") == "年"


def test_an_uploaded_csv_with_chinese_headers_in_gbk_is_previewed_then_applied(lib):
    rows = rows_of(lib)
    counts = Counter(r["event_id"] for r in rows)
    target = next(r for r in rows if counts[r["event_id"]] == 1 and r["donor_adcode"] and r["donor"] != "上海市")
    edited = [{**r, "donor": "上海市"} if r is target else r for r in rows]
    raw = csv_for(edited, LIBRARY_COLUMNS, "zh").encode("utf-8").decode("utf-8-sig").encode("gbk", "replace")
    header, cells = upload_table("编辑后.csv", raw)
    plan = plan_table(lib, header, cells, name="编辑后.csv")
    assert [(c.event_id, c.field, c.new["adcode"]) for c in plan.changes] == [(target["event_id"], "donor", "310000")]
    apply_table(lib, header, cells, name="编辑后.csv")
    assert plan_table(lib, header, cells, name="编辑后.csv").empty  # the same file again: nothing to do


def test_a_row_edited_to_an_unknown_place_refuses_the_table_with_the_place_named(lib):
    rows = rows_of(lib)
    before = editor_frame(rows)
    after = before.copy()
    after.loc[0, "recipient"] = "不存在县"
    after.loc[1, "people"] = 3
    header, cells = editor_edits(before, after)
    with pytest.raises(CorrectionError, match="不存在县"):
        apply_table(lib, header, cells, name="table")
    assert rows_of(lib) == rows


def test_the_log_filters_by_document_and_undo_restores_the_value(lib):
    rows = rows_of(lib)
    counts = Counter(r["event_id"] for r in rows)
    a, b = [r for r in rows if counts[r["event_id"]] == 1 and r["people"] != 9][:2]
    assert a["doc"] != b["doc"] or True
    before = editor_frame(rows)
    after = before.copy()
    for r in (a, b):
        after.loc[rows.index(r), "people"] = 9
    apply_table(lib, *editor_edits(before, after), name="table", note="checked")
    assert audit_documents(lib) == sorted({a["doc"], b["doc"]})
    log = audit_rows(lib, doc=a["doc"], lang="en")
    assert {r["doc"] for r in log} == {a["doc"]} and all(r["note"] == "checked" and r["active"] for r in log)
    mine = next(r for r in log if r["event_id"] == a["event_id"])
    message = undo_correction(lib, mine["id"], "en")
    assert a["event_id"] in message
    restored = next(r for r in rows_of(lib) if r["event_id"] == a["event_id"])
    assert restored["people"] == a["people"] and restored["corrected"] == ""
    assert next(r for r in audit_rows(lib, lang="en") if r["id"] == mine["id"])["state"] == "undone"
    assert audit_documents(lib) == sorted({a["doc"], b["doc"]})  # an undone correction stays in the log
