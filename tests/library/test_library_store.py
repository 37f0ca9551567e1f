"""Opening the library: where it lives, migrations from the previous schema, waiting while it is busy."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import time

import duckdb
import pytest

from gold import ROOT
from timeline.library import (
    ENV_VAR, SCHEMA_VERSION, Library, LibraryBusyError, LibraryError, LibraryVersionError, library_path,
    list_documents,
)
from timeline.library.schema import migrate, schema_version
from timeline.library.store import default_library_path


def test_the_library_file_is_the_option_else_the_variable_else_the_user_data_folder(tmp_path):
    env = {ENV_VAR: str(tmp_path / "env.duckdb")}
    assert library_path(tmp_path / "opt.duckdb", environ=env) == tmp_path / "opt.duckdb"
    assert library_path(None, environ=env) == tmp_path / "env.duckdb"
    assert library_path(None, environ={}) == default_library_path()
    assert default_library_path().parts[-2:] == ("pairing-atlas", "library.duckdb")


def test_a_new_library_is_created_at_the_current_schema(tmp_path):
    library = Library(tmp_path / "deep" / "lib.duckdb")
    with library.session() as con:
        assert schema_version(con) == SCHEMA_VERSION
    assert library.created and library.path.exists()


def write_v1_library(path):
    """A library exactly as schema version 1 left it, with one document and one event row."""
    con = duckdb.connect(str(path))
    assert migrate(con, target=1) == (0, 1)
    con.execute("INSERT INTO documents (doc_id, name, text, publication_date, source, extractor_version, added_at,"
                " n_events) VALUES ('ab' || repeat('0', 62), 'old.txt', '今年3月，自贡市对口帮扶平昌县。',"
                " DATE '2024-10-09', 'file', '0.0.9+old', TIMESTAMP '2026-01-02 03:04:05', 1)")
    con.execute("INSERT INTO events (doc_id, row_number, event_id, doc, \"year\", donor, recipient, kind,"
                " extractor_version) VALUES ('ab' || repeat('0', 62), 0, 'e1', 'old.txt', 2024, '自贡市', '平昌县',"
                " 'pairing_start', '0.0.9+old')")
    con.close()


def test_a_library_written_by_the_previous_schema_opens_with_its_documents(tmp_path):
    path = tmp_path / "v1.duckdb"
    write_v1_library(path)
    library = Library(path)
    with library.session() as con:
        assert schema_version(con) == SCHEMA_VERSION == 4
        assert con.execute("SELECT count(*) FROM corrections").fetchone() == (0,)  # v4: corrections, none yet
        [doc] = list_documents(con)
        edited = con.execute("SELECT edited_at FROM documents").fetchone()
    assert not library.created
    assert (doc.name, doc.n_rows, doc.publication_date, doc.extractor_version) == (
        "old.txt", 1, dt.date(2024, 10, 9), "0.0.9+old")
    assert edited == (None,)  # the column v2 added, empty for the old document
    [row] = event_rows_of(library)
    assert row["event_rows"] is None and row["mention_spans"] is None  # the columns v3 added, empty until re-read


def event_rows_of(library):
    from timeline.library.documents import event_rows

    with library.session() as con:
        return event_rows(con)


def test_a_library_from_a_newer_version_is_refused_untouched(tmp_path):
    path = tmp_path / "new.duckdb"
    with Library(path).session() as con:
        con.execute("INSERT INTO schema_version VALUES (99)")
    with pytest.raises(LibraryVersionError, match="newer Pairing Atlas"):
        Library(path).connect()
    con = duckdb.connect(str(path))
    assert con.execute("SELECT max(version) FROM schema_version").fetchone() == (99,)
    con.close()


def test_a_file_that_is_not_a_library_is_named(tmp_path):
    path = tmp_path / "notes.duckdb"
    path.write_text("not a database", encoding="utf-8")
    with pytest.raises(LibraryError, match="notes.duckdb"):
        Library(path).connect()


HOLD = "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); print('held', flush=True); time.sleep(float(sys.argv[2]))"


def hold(path, seconds):
    proc = subprocess.Popen([sys.executable, "-c", HOLD, str(path), str(seconds)], stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "held"
    return proc


def test_a_library_held_by_another_program_is_reported_busy_after_the_wait(tmp_path):
    path = tmp_path / "lib.duckdb"
    Library(path).connect().close()
    proc = hold(path, 30)
    try:
        start = time.monotonic()
        with pytest.raises(LibraryBusyError, match="busy") as err:
            Library(path, wait=0.5).connect()
        assert 0.5 <= time.monotonic() - start < 5
        assert f"PID {proc.pid}" in str(err.value) and str(path) in str(err.value)
    finally:
        proc.kill()
        proc.wait()


def test_a_writer_waits_for_the_other_program_to_let_go(tmp_path):
    path = tmp_path / "lib.duckdb"
    Library(path).connect().close()
    proc = hold(path, 1.5)
    try:
        with Library(path, wait=30).session() as con:  # blocks until the holder exits, then works
            con.execute("INSERT INTO settings VALUES ('k', 'v')")
    finally:
        proc.wait()
    with Library(path).session() as con:
        assert con.execute("SELECT value FROM settings WHERE key = 'k'").fetchone() == ("v",)


def test_the_busy_message_reaches_the_terminal_without_a_traceback(tmp_path):
    path = tmp_path / "lib.duckdb"
    Library(path).connect().close()
    proc = hold(path, 30)
    try:
        r = subprocess.run([sys.executable, "-m", "timeline", "library", "list", "--library", str(path),
                            "--wait", "0.5"], cwd=ROOT, capture_output=True, text=True, timeout=60,
                           env={**os.environ, "PYTHONPATH": str(ROOT)})
    finally:
        proc.kill()
        proc.wait()
    assert r.returncode == 2 and "busy" in r.stderr and "Traceback" not in r.stderr


def test_the_stored_event_columns_are_the_ones_the_migrations_create(tmp_path):
    """A column added to the timeline needs a migration: a new library must have exactly the stored columns."""
    from timeline.library.schema import STORED_EVENT_COLUMNS

    library = Library(tmp_path / "cols.duckdb")
    with library.session() as con:
        columns = [r[0] for r in con.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_name = 'events' ORDER BY ordinal_position"
        ).fetchall()]
    assert [c for c in columns if c not in ("doc_id", "row_number", "extractor_version")] == list(STORED_EVENT_COLUMNS)
