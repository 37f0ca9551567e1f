"""Documents saved one at a time (the app's uploads and pastes) and edited afterwards."""

from __future__ import annotations

import datetime as dt

import pytest

from timeline.corpus.work import content_hash
from timeline.library import (
    Library, Saved, Source, UnknownDocumentError, document_of, edit_document, event_rows, list_documents,
    save_document,
)
from timeline.text.document import Document

TEXT = "3月，自贡市对口帮扶巴中市平昌县，双方签订协议。"
NOW = dt.datetime(2026, 11, 30, 12, 0)


@pytest.fixture
def library(tmp_path):
    return Library(tmp_path / "lib.duckdb")


def save(library, text=TEXT, name="up.txt", date=None):
    doc = Document(doc=name, text=text, publication_date=date)
    return save_document(library, doc, content_hash(text.encode()), source=Source.UPLOAD, now=lambda: NOW)


def rows_of(library, name):
    with library.session() as con:
        return [r for r in event_rows(con) if r["doc"] == name]


def test_a_saved_upload_is_there_for_the_next_program_with_its_text(library):
    saved, result = save(library)
    assert saved is Saved.ADDED and result.n_events >= 1
    reopened = Library(library.path)
    with reopened.session() as con:
        assert document_of(con, "up.txt").text == TEXT
        [info] = list_documents(con)
    assert (info.source, info.n_rows, info.added_at) == ("upload", len(result.rows), NOW)


def test_a_month_without_a_year_stays_undated_until_a_publication_date_is_given(library):
    save(library)
    assert {(r["year"], r["basis"]) for r in rows_of(library, "up.txt")} == {(None, "not_stated")}
    edit_document(library, "up.txt", publication_date=dt.date(2024, 10, 9), now=lambda: NOW)
    assert {(r["year"], r["month"], r["basis"]) for r in rows_of(library, "up.txt")} == {(2024, 3, "inferred")}
    with library.session() as con:
        doc = document_of(con, "up.txt")
        edited = con.execute("SELECT edited_at FROM documents").fetchone()[0]
    assert (doc.publication_date, doc.publication_date_source, edited) == (dt.date(2024, 10, 9), "edited", NOW)


def test_clearing_the_date_takes_the_inferred_years_away_again(library):
    save(library, date=dt.date(2024, 10, 9))
    assert {r["year"] for r in rows_of(library, "up.txt")} == {2024}
    edit_document(library, "up.txt", publication_date=None)
    assert {r["year"] for r in rows_of(library, "up.txt")} == {None}


def test_editing_the_title_keeps_the_events(library):
    save(library, date=dt.date(2024, 10, 9))
    before = rows_of(library, "up.txt")
    edit_document(library, "up.txt", title=" 自贡·平昌 ", url="https://example.org/a")
    with library.session() as con:
        doc = document_of(con, "up.txt")
    assert (doc.title, doc.url, doc.publication_date) == ("自贡·平昌", "https://example.org/a", dt.date(2024, 10, 9))
    after = rows_of(library, "up.txt")
    assert {(r["title"], r["url"]) for r in after} == {("自贡·平昌", "https://example.org/a")}  # the rows show the edit
    cells = lambda rows: [{k: v for k, v in r.items() if k not in ("title", "url")} for r in rows]  # noqa: E731
    assert cells(after) == cells(before)


def test_the_same_text_under_another_name_is_not_saved_twice(library):
    save(library)
    saved, _ = save(library, name="again.txt")
    assert saved is Saved.DUPLICATE
    with library.session() as con:
        assert [d.name for d in list_documents(con)] == ["up.txt"]


def test_editing_an_unknown_document_says_so(library):
    with pytest.raises(UnknownDocumentError, match="missing.txt"):
        edit_document(library, "missing.txt", title="x")


def test_a_users_date_is_kept_when_a_new_extractor_reads_the_file_again(library, tmp_path):
    from timeline.library import add_paths

    path = tmp_path / "march.txt"
    path.write_text(TEXT, encoding="utf-8")
    add_paths(library, [path], workers=1)
    edit_document(library, "march.txt", publication_date=dt.date(2024, 10, 9), now=lambda: NOW)
    with library.session() as con:  # as if an older extractor had read it
        con.execute("UPDATE documents SET extractor_version = 'old'")
    report = add_paths(library, [path], workers=1)
    assert report.replaced == ["march.txt"]
    assert {(r["year"], r["basis"]) for r in rows_of(library, "march.txt")} == {(2024, "inferred")}
    with library.session() as con:
        doc = document_of(con, "march.txt")
        assert con.execute("SELECT edited_at, extractor_version <> 'old' FROM documents").fetchone() == (NOW, True)
    assert doc.publication_date == dt.date(2024, 10, 9)
