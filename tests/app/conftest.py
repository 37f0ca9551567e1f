"""Every app test gets a library of its own (a copy of one seeded library), never the user's."""

from __future__ import annotations

import shutil

import pytest

from gold import SEEDS
from timeline.library import ENV_VAR, Library, ensure_seeded


@pytest.fixture(scope="session")
def seeded_library_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("template") / "library.duckdb"
    ensure_seeded(Library(path), SEEDS)
    return path


@pytest.fixture(autouse=True)
def own_library(tmp_path, monkeypatch, seeded_library_file):
    path = tmp_path / "library.duckdb"
    shutil.copy(seeded_library_file, path)
    monkeypatch.setenv(ENV_VAR, str(path))
    return path
