"""Schema and migrations: what a new database looks like, on disk and in memory."""

from __future__ import annotations

import os
import sqlite3
import stat
from pathlib import Path

import pytest
from sqlite_utils import Database

from desktop.store import SCHEMA_VERSION, Store
from desktop.store.schema import KNOWN_MIGRATIONS, MIGRATION_SET, migrations

TABLES = {"profiles", "answers", "checklist_state", "notes", "settings", "_sqlite_migrations"}


def test_migrations_create_every_table_in_memory() -> None:
    """Applying the migration set to an empty in-memory database creates our tables."""
    db = Database(memory=True)
    assert migrations.pending(db)
    migrations.apply(db)
    assert set(db.table_names()) == TABLES
    assert migrations.pending(db) == []
    assert [m.name for m in migrations.applied(db)] == list(KNOWN_MIGRATIONS)


def test_schema_version_counts_the_migrations() -> None:
    """SCHEMA_VERSION is the number of migrations, so adding one bumps it."""
    assert SCHEMA_VERSION == len(KNOWN_MIGRATIONS) == 1
    assert KNOWN_MIGRATIONS == ("0001_initial",)
    assert MIGRATION_SET == "passage"


def test_open_creates_schema_and_user_version(store: Store) -> None:
    """A new data file has the tables, user_version and the migration record."""
    db = Database(sqlite3.connect(store.path))
    try:
        assert set(db.table_names()) == TABLES
        assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        rows = list(db.query("SELECT migration_set, name FROM _sqlite_migrations"))
        assert rows == [{"migration_set": "passage", "name": "0001_initial"}]
        assert db["profiles"].pks == ["id"]
        assert db["answers"].pks == ["profile_id", "question_id"]
        assert db["checklist_state"].pks == ["profile_id", "item_id"]
        assert db["notes"].pks == ["id"]
        assert db["settings"].pks == ["key"]
        assert set(db["notes"].columns_dict) == {
            "id", "profile_id", "kind", "title", "body", "tags", "link_kind", "link_id",
            "data", "created", "updated", "deleted_at",
        }  # fmt: skip
        assert "COLLATE NOCASE" in db["profiles"].schema
        for table in ("answers", "checklist_state", "notes"):
            (fk,) = db[table].foreign_keys
            assert (fk.column, fk.other_table, fk.other_column) == ("profile_id", "profiles", "id")
            assert "ON DELETE CASCADE" in db[table].schema
        assert {index.name for index in db["notes"].indexes} >= {
            "notes_by_profile_updated",
            "notes_by_link",
            "notes_in_trash",
        }
    finally:
        db.close()


def test_search_and_list_use_the_profile_index(store: Store) -> None:
    """The notes queries do not scan the whole table."""
    plan = store._db.execute(
        "EXPLAIN QUERY PLAN SELECT * FROM notes WHERE profile_id = ? AND deleted_at IS NULL "
        "ORDER BY updated DESC, id DESC",
        [1],
    ).fetchall()
    assert "notes_by_profile_updated" in " ".join(str(row[-1]) for row in plan)


def test_connection_settings(store: Store) -> None:
    """WAL, synchronous=FULL, foreign keys and a busy timeout are on."""
    conn = store._db.conn
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert conn.execute("PRAGMA busy_timeout").fetchone()[0] == 5000


def test_check_constraints_catch_bugs(store: Store, profile_id: int) -> None:
    """Writes that bypass the API with bad data are refused by the schema itself."""
    with pytest.raises(sqlite3.IntegrityError):
        store._db.execute("INSERT INTO answers VALUES (?, 'q', 'not json', 'x')", [profile_id])
    with pytest.raises(sqlite3.IntegrityError):
        store._db.execute(
            "INSERT INTO notes (profile_id, kind, created, updated) VALUES (?, 'x', '', '')",
            [profile_id],
        )


@pytest.mark.skipif(os.name != "posix", reason="POSIX permission bits")
def test_files_and_folders_are_private(tmp_path: Path, clock) -> None:
    """The data folder is 0700 and the database with its -wal/-shm is 0600."""
    from desktop.store import open_store

    data_dir = tmp_path / "new" / "data"
    store, _ = open_store(data_dir, now=clock)
    try:
        store.create_profile("Ana")
        assert stat.S_IMODE(data_dir.stat().st_mode) == 0o700
        for name in ("passage.sqlite3", "passage.sqlite3-wal", "passage.sqlite3-shm"):
            assert stat.S_IMODE((data_dir / name).stat().st_mode) == 0o600, name
    finally:
        store.close()
    clock.advance(seconds=1)
    store, report = open_store(data_dir, now=clock)
    store.close()
    assert report.backup_path is not None
    assert stat.S_IMODE(report.backup_path.stat().st_mode) == 0o600
    assert stat.S_IMODE(report.backup_path.parent.stat().st_mode) == 0o700
