"""Every command of the README's command-line block runs as written, from a fresh copy of the repository."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from gold import ROOT


def readme_commands(text: str) -> list[list[str]]:
    """The commands of the ```bash block under "## Command line", comments dropped."""
    section = text.split("## Command line", 1)[1]
    block = section.split("```bash", 1)[1].split("```", 1)[0]
    return [words for line in block.splitlines() if (words := shlex.split(line, comments=True))]


def test_the_readme_parser_finds_the_commands():
    text = "## Command line\n\n```bash\npython -m a x   # what\n\n# note\npython -m b\n```\n"
    assert readme_commands(text) == [["python", "-m", "a", "x"], ["python", "-m", "b"]]


def fresh_copy(dest: Path) -> Path:
    listed = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True)
    if listed.returncode != 0:
        pytest.skip("not a git checkout: cannot tell the repository's files")
    for name in filter(None, listed.stdout.decode().split("\0")):
        src = ROOT / name
        if src.is_file():
            (dest / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, dest / name)
    if (ROOT / "node_modules").exists():  # what `npm ci` installs; the standalone map inlines it
        (dest / "node_modules").symlink_to((ROOT / "node_modules").resolve())
    return dest


def test_every_readme_command_runs_from_a_fresh_copy(tmp_path):
    commands = readme_commands((ROOT / "README.md").read_text(encoding="utf-8"))
    assert len(commands) >= 5
    copy = fresh_copy(tmp_path / "atlas")
    env = {**os.environ, "PYTHONPATH": str(copy)}
    for words in commands:
        assert words[0] == "python", words
        done = subprocess.run([sys.executable, *words[1:]], cwd=copy, capture_output=True, text=True,
                              timeout=300, env=env)
        assert done.returncode == 0, f"{shlex.join(words)}\n{done.stderr[-2000:]}"
        assert "Traceback" not in done.stderr


def test_what_the_readme_commands_write_in_the_repository_root_is_ignored_by_git():
    outputs = [words[words.index("--out") + 1] for words in readme_commands((ROOT / "README.md").read_text(
        encoding="utf-8")) if "--out" in words]
    assert outputs
    for name in outputs:
        r = subprocess.run(["git", "check-ignore", "-q", name], cwd=ROOT)
        if r.returncode == 128:
            pytest.skip("not a git checkout")
        assert r.returncode == 0, f"{name} is not in .gitignore"
