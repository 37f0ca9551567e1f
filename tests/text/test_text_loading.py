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


@pytest.mark.parametrize("text", ["結親戚心連心兄弟牽手齊奔康，對口幫扶藏區貧困縣工作會議。", "上海市對口支援萬州區", "對口支援"])
def test_traditional_big5_is_detected_not_scrambled(text):
    assert decode_bytes(text.encode("big5"), name="a.txt") == text


def test_traditional_text_saved_as_gbk_stays_gbk():
    text = "結親戚心連心兄弟牽手齊奔康，對口幫扶藏區貧困縣工作會議。"
    assert decode_bytes(text.encode("gbk")) == text


def test_shift_jis_is_detected_not_scrambled():
    text = "東京都は大阪府と協定を結び、地域の発展を支援することになりました。"
    assert decode_bytes(text.encode("shift_jis")) == text


@pytest.mark.parametrize("raw", [b"\x81\x30" * 50, bytes(range(128, 256)) * 4], ids=["gb18030-fragments", "high-bytes"])
def test_bytes_of_no_clear_encoding_are_refused_with_advice(raw):
    with pytest.raises(DecodeError, match="x.txt.*save it as UTF-8"):
        decode_bytes(raw, name="x.txt")


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


def test_every_path_not_read_is_named_with_its_reason(tmp_path, monkeypatch):
    from timeline.text import loading

    (tmp_path / "good.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "x.txt").mkdir()  # a folder named like an article, empty
    (tmp_path / "gone.txt").symlink_to(tmp_path / "missing.txt")
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "inside.txt").write_text(TEXT, encoding="utf-8")
    real_scandir = loading._scandir

    def scandir(path):  # chmod 000 does not stop root, so the folder refuses here
        if str(path) == str(locked):
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(loading, "_scandir", scandir)
    result = load_paths([tmp_path, tmp_path / "x.txt", tmp_path / "nope.txt"])
    assert [d.doc for d in result.documents] == ["good.txt"]
    messages = "\n".join(str(e) for e in result.errors)
    assert "gone.txt: a broken link" in messages
    assert f"{locked}: cannot read the folder" in messages and "Permission denied" in messages
    assert "x.txt: is a folder, not an article file" in messages
    assert "nope.txt: no such file" in messages
    assert len(result.errors) == 4


def test_two_files_of_the_same_name_in_two_folders_stay_two(tmp_path):
    for site, text in (("site-a", TEXT), ("site-b", "2018年，上海市对口支援万州区。")):
        (tmp_path / site).mkdir()
        (tmp_path / site / "index.txt").write_text(text, encoding="utf-8")
    result = load_paths([tmp_path])
    assert [d.doc for d in result.documents] == ["site-a/index.txt", "site-b/index.txt"]
    assert result.documents[0].text != result.documents[1].text


def test_same_named_files_given_one_by_one_are_named_by_their_paths(tmp_path):
    paths = []
    for site in ("a", "b"):
        (tmp_path / site).mkdir()
        paths.append(tmp_path / site / "index.txt")
        paths[-1].write_text(TEXT, encoding="utf-8")
    docs = [d.doc for d in load_paths(paths).documents]
    assert docs == [p.as_posix() for p in paths] and len(set(docs)) == 2


def test_metadata_rows_that_match_no_article_are_warned(tmp_path):
    from timeline.text.metadata import DocumentMeta

    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    meta = {"a.txt": DocumentMeta(doc="a.txt", url="https://example.org/a"),
            "b.txt": DocumentMeta(doc="b.txt", url="https://example.org/b")}
    result = load_paths([tmp_path], metadata=meta)
    assert result.documents[0].url == "https://example.org/a"
    assert [w for w in result.warnings if "'b.txt' matches no article" in w]
    assert not [w for w in result.warnings if "'a.txt'" in w]


def test_a_second_metadata_row_for_the_same_doc_is_warned():
    from timeline.text.metadata import parse_metadata

    warnings: list[str] = []
    meta = parse_metadata("doc,title\na.txt,first\nb.txt,b\na.txt,second\n", name="m.csv", warnings=warnings)
    assert meta["a.txt"].title == "second"
    assert warnings == ["m.csv, line 4: a second row for 'a.txt' (the first is on line 2); line 4 is used. "
                        "Keep one row per article."]


def test_a_pipe_named_like_an_article_is_named_not_waited_for(tmp_path):
    import os

    os.mkfifo(tmp_path / "fifo.txt")
    result = load_paths([tmp_path / "fifo.txt"])
    assert result.documents == [] and "fifo.txt: not a regular file" in str(result.errors[0])
