"""What the benchmarks share: the machine line, worker subprocesses, RSS, input files, and
writing one ``## Section`` of docs/BENCHMARKS.md.

Each benchmark keeps what is its own (its inputs, workers, tables and notes); this module
only holds the pieces they had each written again.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import platform
import re
import resource
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
BENCHMARKS_MD = REPO / "docs" / "BENCHMARKS.md"
INTRO = ("# Benchmarks\n\nSpeed and memory measured on demand with `bench/` (not part of the "
         "tests); speed is judged by ratios against baselines measured in the same run.\n\n")


# -- the run's environment ----------------------------------------------------------------


def _version(dist: str) -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(dist)
    except PackageNotFoundError:
        return "not installed"


def _git(*args: str) -> str:
    proc = subprocess.run(["git", *args], check=False, cwd=REPO, capture_output=True, text=True)
    return proc.stdout.strip() if proc.returncode == 0 else "?"


def _read(path: str) -> str:
    try:
        return Path(path).read_text(encoding="utf-8", errors="replace")
    except OSError:  # not Linux: the machine line says "?"
        return ""


def environment(libs: Sequence[str], code_dirs: Sequence[str]) -> dict[str, str]:
    """The machine, interpreter, versions of ``libs`` and code version of this run.

    ``code_dirs`` are the folders whose uncommitted changes the code line mentions.
    """
    cpu = re.search(r"model name\s*:\s*(.+)", _read("/proc/cpuinfo"))
    kib = re.search(r"MemTotal:\s*(\d+)", _read("/proc/meminfo"))
    mem = f"{int(kib[1]) / 1024 / 1024:.1f} GiB RAM" if kib else "? RAM"
    dirs = [f"{d}/" for d in code_dirs]
    where = dirs[0] if len(dirs) == 1 else ", ".join(dirs[:-1]) + " or " + dirs[-1]
    dirty = _git("status", "--porcelain", "--", *code_dirs)
    code = _git("rev-parse", "--short", "HEAD") + (f" + uncommitted changes in {where}" if dirty else "")
    return {
        "date": dt.date.today().isoformat(),
        "machine": f"{cpu[1].strip() if cpu else '?'}, {os.cpu_count()} cores, {mem}, "
                   f"{platform.system()} {platform.release()}",
        "python": platform.python_version(),
        "versions": ", ".join(f"{d} {_version(d)}" for d in libs),
        "code": f"pairing-atlas {_version('pairing-atlas')} at git {code}",
    }


# -- workers: one measurement in its own process -----------------------------------------


def run_worker_process(module: str, worker_args: list[str], result: Path) -> dict:
    """Run ``python -m module *worker_args --result result``; return the JSON the child wrote.

    On failure, ``{"error": "worker exited N: <last lines of its output>"}`` (``|`` replaced
    so that the message fits in a table cell).
    """
    result.unlink(missing_ok=True)
    cmd = [sys.executable, "-m", module, *worker_args, "--result", str(result)]
    proc = subprocess.run(cmd, check=False, cwd=REPO, capture_output=True, text=True)
    if proc.returncode != 0 or not result.exists():
        tail = (proc.stderr or proc.stdout).strip().splitlines()[-3:]
        return {"error": f"worker exited {proc.returncode}: {' / '.join(tail).replace('|', '/')}"}
    return json.loads(result.read_text(encoding="utf-8"))


def rss_kib(field: str = "VmHWM") -> int:
    """This process's peak (``VmHWM``) or current (``VmRSS``) RSS in KiB.

    VmHWM, not ``ru_maxrss``: on Linux a child's ``ru_maxrss`` keeps the peak of the parent
    it was forked from across ``exec`` (a 10 MB-corpus parent would set every child's floor).
    """
    try:
        status = Path("/proc/self/status").read_text(encoding="ascii", errors="replace")
    except OSError:  # not Linux: ru_maxrss, which is KiB on Linux but bytes on macOS
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    m = re.search(rf"^{field}:\s*(\d+) kB", status, re.MULTILINE)
    return int(m[1]) if m else resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def mib(kib: float) -> str:
    return f"{kib / 1024:.0f}"


def write_jsonl(path: Path, articles) -> dict:
    """Write ``(doc, text, publication date)`` articles as JSON lines; return the input's figures."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as fh:
        for doc, text, pub in articles:
            rec = {"doc": doc, "text": text, "pub": pub.isoformat() if pub else ""}
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    return {"path": path, "docs": len(articles), "chars": sum(len(t) for _, t, _ in articles),
            "bytes": sum(len(t.encode("utf-8")) for _, t, _ in articles)}


# -- docs/BENCHMARKS.md -------------------------------------------------------------------


def write_section(section: str, path: Path = BENCHMARKS_MD) -> None:
    """Replace the section of ``path`` headed by ``section``'s first line (``## ...``).

    Other sections are untouched; the section is appended if absent, and the file created
    (with a short introduction) if it does not exist.
    """
    heading = section.split("\n", 1)[0].rstrip()
    text = path.read_text(encoding="utf-8") if path.exists() else INTRO
    pattern = re.compile(rf"^{re.escape(heading)}[ \t]*\n.*?(?=^## |\Z)", re.DOTALL | re.MULTILINE)
    if pattern.search(text):
        text = pattern.sub(lambda _m: section.rstrip("\n") + "\n\n", text, count=1)
    else:
        text = text.rstrip("\n") + "\n\n" + section
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text.rstrip("\n") + "\n", encoding="utf-8")
    print(f"updated {path.relative_to(REPO)}", file=sys.stderr)
