"""Fuzzing the three reading commands over file bytes and names: never a traceback, and every input is
either read (counted in the summary line) or named on stderr with its reason."""

from __future__ import annotations

import contextlib
import io
import re
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import geo.__main__ as geo_cli
import timeline.__main__ as timeline_cli
from timeline.console import one_line

SNIPPETS = [
    "2021年6月以来，自贡市正式启动对口帮扶巴中市平昌县工作。",
    "2016年9月11日，青白江区援藏工作队抵达九龙县。",
    "上海市對口支援萬州區，雙方簽訂協議。",
    "<html><body><p>2018年，上海市对口支援万州区。</p></body></html>",
    '<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><body><p>襄樊市援助理县</p></body></html>',
    "<div>" * 300 + "援藏",
    "",
    "   \n",
]
ENCODINGS = ["utf-8", "utf-8-sig", "gb18030", "big5", "utf-16", "shift_jis", "latin-1"]
SUFFIXES = [".txt", ".html", ".htm", ".TXT", ".text", ".png", ""]


@st.composite
def file_bytes(draw) -> bytes:
    kind = draw(st.sampled_from(["text", "binary", "mutated"]))
    if kind == "binary":
        return draw(st.binary(max_size=600))
    text = "".join(draw(st.lists(st.sampled_from(SNIPPETS), min_size=1, max_size=4)))
    raw = text.encode(draw(st.sampled_from(ENCODINGS)), errors="replace")
    if kind == "mutated" and raw:
        at = draw(st.integers(0, len(raw) - 1))
        raw = raw[:at] + draw(st.binary(min_size=1, max_size=8)) + raw[at + 1:]
    return raw


NAMES = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="/\\\x00"), min_size=1,
                max_size=12).filter(lambda n: n not in (".", "..") and len(n.encode()) < 100)
FILES = st.dictionaries(st.tuples(st.sampled_from(["", "sub/", "其他/"]), NAMES, st.sampled_from(SUFFIXES)),
                        file_bytes(), min_size=1, max_size=4)


def call(main, argv) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(argv)
    return code, out.getvalue(), err.getvalue()


def readable_inputs(root: Path, written: list[Path]) -> list[Path]:
    """The files a command is expected to consider: articles by their suffix (others are only noted)."""
    return [p for p in written if p.suffix.lower() in (".txt", ".html", ".htm", ".text")]


@settings(max_examples=int(__import__("os").environ.get("ATLAS_FUZZ_EXAMPLES", "25")), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(files=FILES)
def test_every_input_is_read_or_named_and_nothing_raises(files):
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "in"
        written = []
        for (folder, name, suffix), raw in files.items():
            path = root / folder / f"{name}{suffix}"
            if path.exists() or path.parent.is_file():
                continue
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(raw)
            written.append(path)
        inputs = readable_inputs(root, written)
        for main, argv, counted in (
            (timeline_cli.main, ["extract", str(root), "--out", f"{tmp}/e.csv"], r"from (\d+) articles written"),
            (timeline_cli.main, ["dates", str(root), "--out", f"{tmp}/d.csv"], r"from (\d+) articles written"),
            (geo_cli.main, ["places", str(root), "--out", f"{tmp}/p.csv"], r"in (\d+) article\(s\) written"),
        ):
            code, _out, err = call(main, argv)
            assert "Traceback" not in err, err
            skipped = [line for line in err.split("\n") if line.startswith("skipped: ")]
            for path in inputs:
                named = any(one_line(str(path)) in line for line in skipped)
                assert named or code in (0, 1), (path, err)
            if code == 2:
                assert "no article could be read" in err and len(skipped) >= len(inputs), err
                continue
            assert code == (1 if skipped else 0), err
            read = int(re.search(counted, err)[1])
            assert read + len(skipped) == len(inputs), err


def test_the_fuzz_check_can_fail_on_an_input_lost_without_a_name(monkeypatch, tmp_path):
    """The count check above catches a loader that drops a file silently."""
    from timeline.text import loading

    (tmp_path / "a.txt").write_text("2016年9月11日，青白江区援藏工作队抵达九龙县。", encoding="utf-8")
    (tmp_path / "b.txt").write_text("2016年9月11日，青白江区援藏工作队抵达九龙县。", encoding="utf-8")
    real = loading.find_sources
    monkeypatch.setattr(loading, "find_sources", lambda paths: (lambda r: (r[0][:1], r[1], r[2]))(real(paths)))
    code, _out, err = call(timeline_cli.main, ["dates", str(tmp_path), "--out", str(tmp_path / "d.csv")])
    read = int(re.search(r"from (\d+) articles written", err)[1])
    assert code == 0 and read + err.count("skipped: ") == 1 != 2
