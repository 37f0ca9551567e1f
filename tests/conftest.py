import sys
from pathlib import Path

# tests/gold.py and other shared helpers are imported as plain modules.
sys.path.insert(0, str(Path(__file__).resolve().parent))
