import os
import sys
import tempfile
from pathlib import Path

import pytest

# tests/gold.py and other shared helpers are imported as plain modules.
sys.path.insert(0, str(Path(__file__).resolve().parent))


# No test reads or writes the user's library: unless a test chooses its own, they share one in a temp folder.
_library_dir = tempfile.mkdtemp(prefix="pairing-atlas-tests-")
os.environ["PAIRING_ATLAS_LIBRARY"] = os.path.join(_library_dir, "library.duckdb")


@pytest.fixture(scope="session")
def dask_cluster():
    """One real two-process Dask LocalCluster for every test that sends work to a running cluster (starting
    one costs each worker the gazetteer's load: once per session, not once per test)."""
    import logging

    from distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                      silence_logs=logging.ERROR) as cluster:
        yield cluster
