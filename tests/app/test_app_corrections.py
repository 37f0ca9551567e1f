"""Corrections in the app, driven by widget keys: an edited CSV uploaded, previewed and applied; the table
and the downloads mark it; the log undoes it; a bad file is refused with a message."""

from __future__ import annotations

import io
import shutil
from collections import Counter

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from gold import ROOT, SEEDS
from timeline.library import ENV_VAR, Library, ensure_seeded, event_rows
from timeline.library.documents import LIBRARY_COLUMNS
from timeline.views.exports import csv_for

APP = str(ROOT / "streamlit_app.py")


@pytest.fixture(scope="module")
def seeded_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("template") / "library.duckdb"
    ensure_seeded(Library(path), SEEDS)
    return path


@pytest.fixture
def library(tmp_path, monkeypatch, seeded_file):
    path = tmp_path / "library.duckdb"
    shutil.copy(seeded_file, path)
    monkeypatch.setenv(ENV_VAR, str(path))
    return Library(path)


def rows_of(library):
    with library.session() as con:
        return event_rows(con)


def run_app() -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60).run()
    assert not at.exception, at.exception
    assert not at.error, [e.value for e in at.error]
    return at


def table(at: AppTest) -> pd.DataFrame:
    return at.dataframe(key="events_table").value


def frame_with(at: AppTest, *columns: str) -> pd.DataFrame:
    """The one dataframe that has ``columns`` (a read-only dataframe has no key in AppTest)."""
    (frame,) = [f.value for f in at.dataframe if set(columns) <= set(f.value.columns)]
    return frame


def test_an_uploaded_edited_csv_is_previewed_applied_marked_and_undone(library):
    rows = rows_of(library)
    counts = Counter(r["event_id"] for r in rows)
    target = next(r for r in rows if counts[r["event_id"]] == 1 and r["year"] is None)
    edited = [{**r, "year": 2016} if r is target else r for r in rows]
    raw = csv_for(edited, LIBRARY_COLUMNS, "zh").encode("utf-8")  # the app's own download, Chinese headers
    at = run_app()
    at.file_uploader(key="corrections_upload").set_value(("edited.csv", raw, "text/csv")).run()
    assert not at.error, [e.value for e in at.error]
    preview = frame_with(at, "event_id", "field", "old", "new")
    assert list(zip(preview["event_id"], preview["old"], preview["new"])) == [(target["event_id"], "", "2016")]
    assert rows_of(library) == rows  # nothing saved before it is applied
    at.text_input(key="correction_note").input("seen in the article").run()
    at.text_input(key="correction_author").input("Li").run()
    at.button(key="apply_upload").click().run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    assert any("1" in s.value for s in at.success)
    shown = table(at)
    fixed = shown[shown["event_id"] == target["event_id"]].iloc[0]
    assert fixed["year"] == 2016 and fixed["corrected"] == "年"
    log = frame_with(at, "id", "author", "state")
    assert list(zip(log["event_id"], log["note"], log["author"])) == [(target["event_id"], "seen in the article", "Li")]
    at.button(key="undo_correction").click().run()
    assert not at.exception and not at.error
    shown = table(at)
    back = shown[shown["event_id"] == target["event_id"]].iloc[0]
    assert pd.isna(back["year"]) and back["corrected"] == ""


@pytest.mark.parametrize(("content", "message"), [
    (b"", "other.csv：文件是空的，没有可读的内容。未应用任何更正。"),
    ("名称,经度\n成都,104.06\n".encode("gbk"), "事件编号"),
])
def test_a_file_that_is_not_an_events_csv_is_refused_with_a_message(library, content, message):
    at = run_app()
    at.file_uploader(key="corrections_upload").set_value(("other.csv", content, "text/csv")).run()
    assert not at.exception
    assert any(message in e.value for e in at.error), [e.value for e in at.error]
    assert "apply_upload" not in {b.key for b in at.button}


def test_a_month_13_in_the_upload_is_refused_and_nothing_applied(library):
    rows = rows_of(library)
    edited = [{**rows[0], "month": 13}, *rows[1:]]
    raw = csv_for(edited, LIBRARY_COLUMNS, None).encode("utf-8")
    at = run_app()
    at.file_uploader(key="corrections_upload").set_value(("edited.csv", raw, "text/csv")).run()
    assert any("行无法应用，因此没有应用任何更正" in e.value and "：13 月不存在（1–12）" in e.value for e in at.error), [
        e.value for e in at.error]
    assert "apply_upload" not in {b.key for b in at.button}
    assert rows_of(library) == rows


def test_the_edit_mode_shows_the_rows_in_view_in_an_editor(library):
    at = run_app()
    at.toggle(key="edit_mode").set_value(True).run()
    assert not at.exception and not at.error
    (editor,) = at.data_editor
    frame = editor.value
    assert sorted(frame["event_id"]) == sorted(table(at)["event_id"])
    assert {"year", "donor", "not_an_event", "kind"} <= set(frame.columns)
