"""The core's errors and the app's notices in the app's language (timeline.views.labels.message)."""

from __future__ import annotations

import ast
import string

import pytest

from gold import ROOT
from timeline.errors import DocumentError, TimelineError
from timeline.library import Library
from timeline.text.encoding import decode_bytes
from timeline.views.catalog import save_uploads
from timeline.views.labels import MESSAGES, Notice, message

SOURCES = sorted([*(ROOT / "timeline").rglob("*.py"), *(ROOT / "geo").rglob("*.py")])


def coded_calls(tree: ast.AST) -> list[tuple[str, set[str], int]]:
    """Every call with a literal ``code="…"`` keyword: (code, the other keywords, line)."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            kw = {k.arg: k.value for k in node.keywords if k.arg}
            if isinstance(kw.get("code"), ast.Constant) and isinstance(kw["code"].value, str) and kw["code"].value:
                found.append((kw["code"].value, set(kw) - {"code", "path"}, node.lineno))
    return found


def missing_wording(calls, lang: str = "zh") -> list[str]:
    problems = []
    for code, params, line in calls:
        template = MESSAGES[lang].get(code)
        if template is None:
            problems.append(f"{line}: {code} has no wording")
            continue
        needed = {name for _, name, _, _ in string.Formatter().parse(template) if name}
        if needed - params:
            problems.append(f"{line}: {code} needs {sorted(needed - params)}")
    return problems


def test_every_coded_error_in_the_core_has_chinese_wording_with_the_values_it_needs():
    calls = [(code, params, f"{path.relative_to(ROOT)}:{line}")
             for path in SOURCES for code, params, line in coded_calls(ast.parse(path.read_text(encoding="utf-8")))]
    assert len(calls) >= 40  # file, page, upload, paste, worker, library, corrections, cells, map
    assert missing_wording(calls) == []


def test_the_wording_check_can_fail():
    tree = ast.parse('raise X("a", code="file.empty")\nraise Y("b", code="no.such.code", name=n)')
    assert missing_wording(coded_calls(tree)) == ["1: file.empty needs ['name']", "2: no.such.code has no wording"]


@pytest.mark.parametrize(("raw", "zh"), [
    (b"", "a.txt：文件是空的，没有可读的内容。"),
    ("\ufeff \u3000".encode("utf-8"), "a.txt：文件里没有文字（只有空白或字节顺序标记），没有可读的内容。"),
    (b"\x89PNG\r\n\x1a\n" + bytes(range(256)), "a.txt：这是二进制文件（图片、PDF 或压缩包），不是文章；请把文章正文另存为 .txt 或 .html 文件。"),
    (b"\x80\x00\x81" * 100, "a.txt：这是二进制文件（含有 NUL 字节），不是文章；请另存为 UTF-8 文本。"),
])
def test_a_file_that_cannot_be_read_is_told_in_chinese_and_the_terminal_keeps_english(raw, zh):
    with pytest.raises(DocumentError) as info:
        decode_bytes(raw, name="a.txt")
    assert message(info.value, "zh") == zh
    assert message(info.value, "en") == str(info.value) and str(info.value).startswith("a.txt: ")


def test_an_error_without_wording_is_shown_in_the_english_it_carries():
    assert message(TimelineError("something odd"), "zh") == "something odd"
    assert message(ValueError("plain"), "zh") == "plain"


def test_a_notice_needs_wording_in_both_languages():
    assert message(Notice("upload.duplicate", {"name": "b.txt"}), "en") == (
        "b.txt: its text is already in the library under another name; not saved twice.")
    assert set(k for k in MESSAGES["en"] if not k.startswith("corrections.")) <= set(MESSAGES["zh"])
    with pytest.raises(KeyError, match="no.such.notice"):
        message(Notice("no.such.notice"), "zh")


def test_an_upload_told_in_the_worker_keeps_its_code_across_processes(tmp_path):
    import pickle

    said = save_uploads(Library(tmp_path / "lib.duckdb"), [("photo.txt", b"\x89PNG\r\n\x1a\n" + bytes(64))])
    ok, err = pickle.loads(pickle.dumps(said["photo.txt"]))  # as the app's extraction worker hands it back
    assert ok is False and err.code == "file.binary" and message(err, "zh").startswith("photo.txt：这是二进制文件")


def test_a_refused_corrections_file_lists_each_row_in_chinese():
    err = TimelineError("x", code="corrections.rows_refused", name="fix.csv", n=2, more=1, problems=[
        {"code": "corrections.row_problem", "text": "line 2 (e1): month 13 does not exist (1–12)",
         "params": {"line": 2, "event_id": "e1",
                    "problem": {"code": "cell.month", "params": {"month": 13}, "text": "month 13 does not exist"}}},
        {"code": "corrections.row_problem", "text": "line 3 (e2): odd",
         "params": {"line": 3, "event_id": "e2", "problem": {"code": "", "params": {}, "text": "odd"}}}])
    assert message(err, "zh") == ("fix.csv：2 行无法应用，因此没有应用任何更正：\n  第 2 行（e1）：13 月不存在（1–12）\n"
                                  "  第 3 行（e2）：odd\n……另有 1 条")
