"""Articles added in the app: uploads and pasted text, bad files reported, the rest loaded."""

from __future__ import annotations

import datetime as dt

import pytest

from eventrows import ARTICLE, ROWS, ids, row
from timeline import DecodeError, Document, DocumentError, EmptyDocumentError
from timeline.errors import DocumentTooLargeError
from timeline.events.export import EVENT_COLUMNS, csv_text
from timeline.views.uploads import (
    combine, document_from_paste, document_from_upload, extract_paste, extract_uploads, libraries_by_file, library_of,
    upload_messages,
)
from timeline.views.filters import Filters, filter_rows


def test_an_uploaded_text_file_becomes_a_document_with_its_stamp_date():
    raw = ("2024-10-09 21:10:14来源:天府融媒\n" + ARTICLE).encode("gb18030")
    document = document_from_upload("news.txt", raw)
    assert document.doc == "news.txt" and document.publication_date == dt.date(2024, 10, 9)
    assert document.text.startswith("2024-10-09 21:10:14来源:天府融媒")


@pytest.mark.parametrize("name, raw, error, message", [
    ("empty.txt", b"  \n", EmptyDocumentError, "empty.txt"),
    ("photo.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)), DecodeError, "binary"),
    ("scrambled.txt", b"\x81\x30" * 50, DecodeError, "UTF-8"),
    ("report.pdf", b"%PDF-1.4", DocumentError, "only .txt, .html and .htm"),
    ("huge.txt", b"a" * 2000, DocumentTooLargeError, "limit"),
])
def test_a_bad_upload_is_refused_with_a_message_naming_it(name, raw, error, message):
    with pytest.raises(error, match=message) as info:
        document_from_upload(name, raw, max_bytes=1000)
    assert name in str(info.value)


def test_a_big5_upload_is_read_not_scrambled():
    text = "對口幫扶藏區貧困縣工作會議，結親戚心連心。"
    assert document_from_upload("big5.txt", text.encode("big5")).text == text


def test_bad_uploads_are_reported_and_the_rest_still_load():
    seen = []
    extraction = extract_uploads(
        [("good.txt", ARTICLE.encode()), ("empty.txt", b""),
         ("page.html", f"<html><body><p>{ARTICLE}</p></body></html>".encode())],
        progress=lambda i, n, name: seen.append((i, n, name)))
    assert [d.doc for d in extraction.documents] == ["good.txt", "page.html"]
    assert [e.path for e in extraction.errors] == ["empty.txt"]
    assert seen == [(1, 3, "good.txt"), (2, 3, "empty.txt"), (3, 3, "page.html")]
    assert {e.doc for e in extraction.events} == {"good.txt", "page.html"}
    per_file = libraries_by_file(extraction)
    assert set(per_file) == {"good.txt", "page.html"}
    assert {r["doc"] for r in per_file["good.txt"][1]} == {"good.txt"} and list(per_file["good.txt"][0]) == ["good.txt"]
    messages = upload_messages(["good.txt", "empty.txt"], extraction)
    assert messages["empty.txt"][0] is False and "empty.txt" in messages["empty.txt"][1]
    assert messages["good.txt"][0] is True and messages["good.txt"][1].startswith("good.txt: ")
    assert upload_messages(["good.txt"], extraction, "zh")["good.txt"][1].endswith(" 件事件")


def test_pasted_text_is_named_by_its_content_and_extracted():
    extraction = extract_paste(ARTICLE)
    assert extraction.documents[0].doc == document_from_paste(ARTICLE).doc  # same text, same name
    assert extraction.documents[0].doc.startswith("pasted-")
    _, rows = library_of(extraction)
    assert any(r["donor"] == "自贡市" and r["recipient"] == "平昌县" and r["year"] == 2021 for r in rows)
    assert all(type(r["kind"]) is str for r in rows)  # plain strings: cache- and table-friendly
    with pytest.raises(EmptyDocumentError, match="empty"):
        document_from_paste(" \n ")


def test_an_added_document_replaces_one_of_the_same_name():
    old = Document(doc="a.txt", text="old")
    new = Document(doc="a.txt", text="new")
    base = ({"a.txt": old, "b.txt": Document(doc="b.txt", text="b")}, [row("1", doc="a.txt"), row("2", doc="b.txt")])
    documents, rows = combine(base, ({"a.txt": new}, [row("3", doc="a.txt")]))
    assert documents["a.txt"] is new and ids(rows) == ["2", "3"]


def test_the_csv_of_filtered_rows_has_the_cli_schema_and_only_those_rows():
    kept = filter_rows(ROWS, Filters(kinds={"visit"}))
    lines = csv_text(kept, EVENT_COLUMNS).lstrip("\ufeff").splitlines()
    assert lines[0].split(",") == list(EVENT_COLUMNS)
    assert [line.split(",")[0] for line in lines[1:]] == ["c", "e"]


def test_two_uploads_of_the_same_name_and_other_content_get_two_names():
    from timeline.views.uploads import upload_names

    a, b = "平昌县".encode(), "万州区".encode()
    names = upload_names([("index.txt", a), ("index.txt", b), ("index.txt", a), ("other.txt", b)])
    assert names[0] == names[2] == "index.txt" and names[3] == "other.txt"
    assert names[1].startswith("index~") and names[1].endswith(".txt")
    assert document_from_upload(names[1], b).doc == names[1]


def test_the_upload_limit_is_the_uploaders_in_the_uploaders_units():
    from timeline.views.uploads import MAX_UPLOAD_BYTES, MAX_UPLOAD_MB

    assert MAX_UPLOAD_BYTES == MAX_UPLOAD_MB * 1_000_000  # Streamlit's uploader: "File must be 5.0MB or smaller"
    assert document_from_upload("ok.txt", "对口支援".encode().ljust(MAX_UPLOAD_BYTES)).doc == "ok.txt"
    with pytest.raises(DocumentTooLargeError, match=r"5\.0 MB is over the 5 MB limit"):
        document_from_upload("big.txt", b"a" * (MAX_UPLOAD_BYTES + 1))
