"""Loading files and folders: encodings detected, bad files reported, the rest kept."""

from __future__ import annotations

import codecs

import pytest

from timeline import DecodeError, EmptyDocumentError, load_document, load_paths
from timeline.errors import DocumentTooLargeError
from timeline.text.loading import decode_bytes

TEXT = "2016年9月11日，青白江区援藏工作队抵达九龙县。"


@pytest.mark.parametrize(
    "raw",
    [TEXT.encode("utf-8"), codecs.BOM_UTF8 + TEXT.encode("utf-8"), TEXT.encode("gb18030"), TEXT.encode("gbk"),
     TEXT.encode("utf-16")],
    ids=["utf8", "utf8-bom", "gb18030", "gbk", "utf16-bom"],
)
def test_supported_encodings_decode_to_the_same_text(raw):
    assert decode_bytes(raw) == TEXT


def test_traditional_big5_is_refused_with_advice():
    with pytest.raises(DecodeError, match="save it as UTF-8"):
        decode_bytes("結親戚心連心兄弟牽手齊奔康，對口幫扶藏區貧困縣工作會議。".encode("big5"), name="a.txt")


@pytest.mark.parametrize(
    "raw",
    [b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, bytes(range(256)) * 8, b"%PDF-1.4\n%\xe2\xe3"],
    ids=["png", "random-bytes", "pdf"],
)
def test_binary_files_get_a_clear_error_naming_the_file(raw):
    with pytest.raises(DecodeError, match="img.bin"):
        decode_bytes(raw, name="img.bin")


@pytest.mark.parametrize("raw", [b"", b"  \n\t "])
def test_empty_file_is_reported_as_empty(raw):
    with pytest.raises(EmptyDocumentError, match="empty"):
        decode_bytes(raw, name="e.txt")


def test_a_bad_file_does_not_stop_the_others(tmp_path):
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    (tmp_path / "c.txt").write_bytes(TEXT.encode("gb18030"))
    (tmp_path / "d.txt").write_bytes(b"")
    (tmp_path / "ignored.png").write_bytes(b"\x89PNG")
    seen = []
    result = load_paths([tmp_path], progress=lambda i, n, name: seen.append((i, n, name)))
    assert [d.doc for d in result.documents] == ["a.txt", "c.txt"]
    assert sorted(e.path.rsplit("/", 1)[-1] for e in result.errors) == ["b.txt", "d.txt"]
    assert [s[0] for s in seen] == [1, 2, 3, 4] and seen[-1][1] == 4


def test_offsets_refer_to_the_decoded_original_with_a_bom(tmp_path):
    p = tmp_path / "bom.txt"
    p.write_bytes(codecs.BOM_UTF8 + TEXT.encode("utf-8"))
    doc = load_document(p)
    assert doc.text == TEXT and doc.doc == "bom.txt"


def test_a_file_over_the_limit_is_refused(tmp_path):
    p = tmp_path / "big.txt"
    p.write_text(TEXT * 100, encoding="utf-8")
    with pytest.raises(DocumentTooLargeError, match="big.txt"):
        load_document(p, max_bytes=1000)


def test_a_missing_file_is_reported_not_raised(tmp_path):
    result = load_paths([tmp_path / "nope.txt"])
    assert result.documents == [] and "nope.txt" in str(result.errors[0])
