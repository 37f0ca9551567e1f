"""The pipeline's layers (docs/DESIGN.md) are a contract: `lint-imports` checks it, and it can fail."""

from __future__ import annotations

import ast
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")

# The app may use the core's public faces and the views; never a private name or the stages' insides.
APP_MAY_IMPORT = ("timeline", "timeline.errors", "timeline.views.", "timeline.events.export", "timeline.library",
                  "geo", "geo.errors", "geo.map.")


def lint_imports(root: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(root)}
    return subprocess.run([str(LINT_IMPORTS), "--config", str(root / "pyproject.toml"), "--no-cache"],
                          cwd=root, env=env, capture_output=True, text=True, timeout=120)


def copy_of_the_core(tmp_path: Path) -> Path:
    for package in ("timeline", "geo"):
        shutil.copytree(REPO / package, tmp_path / package, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(REPO / "pyproject.toml", tmp_path / "pyproject.toml")
    return tmp_path


def test_the_layers_contract_is_kept():
    result = lint_imports(REPO)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


@pytest.mark.parametrize(
    ("module", "forbidden_import", "contract"),
    [
        ("timeline/text/loading.py", "import timeline.events.assembly", "Stages point one way"),
        ("timeline/dates/engine.py", "import geo.places.recognition", "Stages point one way"),
        ("geo/gazetteer/store.py", "import geo.places.recognition", "Stages point one way"),
        ("timeline/events/direction.py", "import timeline.views.filters", "Stages point one way"),
        ("timeline/corpus/work.py", "import timeline.library.store", "Stages point one way"),
        ("timeline/library/store.py", "import timeline.views.catalog", "Stages point one way"),
        ("geo/map/data.py", "import timeline.events.export", "The map depends on no extraction code"),
        ("timeline/views/filters.py", "import streamlit", "The core never imports Streamlit"),
    ],
)
def test_the_check_can_actually_fail(tmp_path, module, forbidden_import, contract):
    root = copy_of_the_core(tmp_path)
    path = root / module
    path.write_text(path.read_text() + f"\n{forbidden_import}  # a forbidden import\n")
    result = lint_imports(root)
    assert result.returncode != 0
    assert f"{contract}" in result.stdout and "BROKEN" in result.stdout


def app_imports(source: str) -> list[tuple[str, str]]:
    """(module, name) for every import in the app's source; name is '' for `import X`."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom) and node.module:
            found += [(node.module, alias.name) for alias in node.names]
        elif isinstance(node, ast.Import):
            found += [(alias.name, "") for alias in node.names]
    return found


def sideways_imports(source: str) -> list[str]:
    bad = []
    for module, name in app_imports(source):
        if module.split(".")[0] not in ("timeline", "geo"):
            continue
        allowed = any(module == prefix or (prefix.endswith(".") and module.startswith(prefix))
                      for prefix in APP_MAY_IMPORT)
        if not allowed or name.startswith("_") or any(part.startswith("_") for part in module.split(".")):
            bad.append(f"{module}:{name}")
    return bad


def test_the_app_uses_only_public_faces_of_the_core():
    assert sideways_imports((REPO / "streamlit_app.py").read_text()) == []


def test_the_app_check_can_actually_fail():
    assert sideways_imports("from timeline.events.direction import pairs_in_sentence") == [
        "timeline.events.direction:pairs_in_sentence"]
    assert sideways_imports("from geo.map.render import _legend") == ["geo.map.render:_legend"]


def test_the_core_never_imports_the_app():
    for path in [*REPO.glob("timeline/**/*.py"), *REPO.glob("geo/**/*.py")]:
        modules = [module for module, _ in app_imports(path.read_text())]
        assert "streamlit_app" not in modules, path
