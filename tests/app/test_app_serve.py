"""./atlas app starts the server with the app's modules loaded (python streamlit_app.py serve, which calls
timeline.views.serve.warm), so the first page does not pay for importing them."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

from timeline.views import serve

ROOT = Path(__file__).resolve().parents[2]


def test_the_warm_up_loads_what_the_app_imports_and_renders_an_empty_map():
    run = subprocess.run(
        [sys.executable, "-c", "import sys; from timeline.views.serve import warm, PRELOADED; warm(); "
         "print(all(m in sys.modules for m in PRELOADED), 'geo.map.render' in sys.modules)"],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout.split() == ["True", "True"]


def test_every_preloaded_module_of_ours_is_one_the_app_imports():
    tree = ast.parse((ROOT / "streamlit_app.py").read_text(encoding="utf-8"))
    imported = {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.module}
    ours = [m for m in serve.PRELOADED if m.startswith(("timeline", "geo"))]
    assert ours and all(any(i == m or i.startswith(m + ".") for i in imported) for m in ours)


def test_atlas_app_starts_the_server_through_it():
    assert "streamlit_app.py serve" in (ROOT / "atlas").read_text(encoding="utf-8")
