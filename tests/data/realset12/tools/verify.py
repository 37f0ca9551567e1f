"""Checks realset12 with realset7's checks (tools/verify.py there says what they are)."""
import pathlib, runpy, sys

here = pathlib.Path(__file__).resolve().parent.parent
sys.argv = [sys.argv[0], str(here)]
runpy.run_path(str(here.parent / "realset7" / "tools" / "verify.py"), run_name="__main__")
