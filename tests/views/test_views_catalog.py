"""What the app saves to and shows from the library (timeline.views.catalog), on real sentences."""

from __future__ import annotations

import datetime as dt

import pytest

from gold import SEEDS
from timeline.library import Library, UnknownDocumentError
from timeline.views.catalog import (
    StoredDocuments, catalog_rows, edit_publication, library_revision, library_rows, open_library,
    remove_from_library, save_paste, save_uploads,
)
from timeline.views.labels import message

PAGE = ("<html><head><title>自贡·平昌</title><link rel='canonical' href='https://example.org/news/1.html'>"
        "<meta property='article:published_time' content='2024-10-09'></head><body><nav>首页</nav><article>"
        "<p>2021年6月以来，自贡市正式启动对口帮扶巴中市平昌县工作。</p><p>今年7月，自贡市第二批结对帮扶平昌县工作队"
        "30名队员整装出发，奔赴平昌。</p></article></body></html>")


@pytest.fixture
def library(tmp_path):
    return Library(tmp_path / "lib.duckdb")


def test_a_new_library_opens_with_the_seeds(tmp_path):
    library = open_library(SEEDS, tmp_path / "lib.duckdb")
    assert {r["doc"] for r in catalog_rows(library)} == {p.name for p in SEEDS.glob("*.txt")}
    assert {r["source"] for r in catalog_rows(library)} == {"seed"}


def test_a_web_page_keeps_the_title_url_and_date_it_states(library):
    messages = save_uploads(library, [("page.html", PAGE.encode("utf-8"))])
    ok, said = messages["page.html"]
    assert ok and "published 2024-10-09" in message(said, "en") and "发布于 2024-10-09" in message(said, "zh")
    [row] = catalog_rows(library)
    assert (row["title"], row["url"], row["publication_date"]) == (
        "自贡·平昌", "https://example.org/news/1.html", dt.date(2024, 10, 9))
    relative = [r for r in library_rows(library) if r["date_text"] == "今年7月"]
    assert relative and relative[0]["year"] == 2024


def test_a_page_that_states_no_address_gets_none(library):
    save_uploads(library, [("page.html", PAGE.replace("<link rel='canonical' href='https://example.org/news/1.html'>",
                                                       "").encode("utf-8"))])
    assert catalog_rows(library)[0]["url"] == ""


def test_a_bad_upload_is_named_and_not_saved_and_the_good_one_is(library):
    messages = save_uploads(library, [("photo.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256))),
                                      ("a.txt", "2016年9月11日，青白江区援藏工作队抵达九龙县。".encode("gb18030"))])
    ok, said = messages["photo.txt"]
    assert ok is False and message(said, "en") == str(said) and "binary file" in str(said)
    assert message(said, "zh") == "photo.txt：这是二进制文件（图片、PDF 或压缩包），不是文章；请把文章正文另存为 .txt 或 .html 文件。"
    assert messages["a.txt"][0] is True
    assert [r["doc"] for r in catalog_rows(library)] == ["a.txt"]


def test_the_revision_changes_with_every_add_edit_and_remove(library):
    seen = [library_revision(library)]
    save_paste(library, "2016年9月11日，青白江区援藏工作队抵达九龙县，开展对口支援。")
    seen.append(library_revision(library))
    [row] = catalog_rows(library)
    edit_publication(library, row["doc"], publication_date=dt.date(2016, 12, 1), title="t", url="")
    seen.append(library_revision(library))
    remove_from_library(library, row["doc"])
    seen.append(library_revision(library))
    assert all(a != b for a, b in zip(seen, seen[1:]))
    assert seen[0] == seen[-1]  # empty again: the same rows, so the cached ones serve


def test_the_evidence_panel_reads_one_document_at_a_time(library):
    save_paste(library, "2016年9月11日，青白江区援藏工作队抵达九龙县，开展对口支援。")
    [row] = catalog_rows(library)
    documents = StoredDocuments(library)
    assert documents.get(row["doc"]).text.startswith("2016年9月11日") and documents.get("gone.txt") is None


def test_removing_a_document_another_session_removed_says_so(library):
    with pytest.raises(UnknownDocumentError, match="gone.txt"):
        remove_from_library(library, "gone.txt")
