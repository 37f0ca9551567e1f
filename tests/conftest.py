import os
import sys
import tempfile
from pathlib import Path

# tests/gold.py and other shared helpers are imported as plain modules.
sys.path.insert(0, str(Path(__file__).resolve().parent))


# No test reads or writes the user's library: unless a test chooses its own, they share one in a temp folder.
_library_dir = tempfile.mkdtemp(prefix="pairing-atlas-tests-")
os.environ["PAIRING_ATLAS_LIBRARY"] = os.path.join(_library_dir, "library.duckdb")
