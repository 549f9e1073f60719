"""Every released data format upgrades to the current one with every row intact.

``tests/fixtures/db/passage-schema<N>.sqlite3`` is a file as Passage with schema N wrote
it (made once by ``tools/make_fixture_db.py`` and never regenerated), and
``passage-schema<N>.json`` is what the Store API read from it then. For each fixture,
``open_store`` on a copy must:

* find nothing damaged, migrate from N (or find nothing to do at the newest version),
  and back the file up *before* migrating, with every original row in the backup;
* leave a healthy file of the current schema whose tables still hold every original
  row with the same values in the original columns (a migration may add columns and
  tables, never drop or change what a person saved);
* read back, through the current Store API, everything the description lists: profiles,
  answers, checklist ticks and notes (trash included), settings, timestamps.

See tests/fixtures/README.md for adding the fixture of a new schema version.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

from desktop.store import SCHEMA_VERSION, open_store
from desktop.store.schema import KNOWN_MIGRATIONS, MIGRATION_SET
from tests.conftest import REPO
from tests.reliability.conftest import load_fixture_tool

FIXTURES = REPO / "tests" / "fixtures" / "db"
FIXTURE_FILES = sorted(FIXTURES.glob("passage-schema*.sqlite3"))
BEIJING = timezone(timedelta(hours=8))


def _version(path: Path) -> int:
    return int(path.stem.removeprefix("passage-schema"))


def _rows(path: Path) -> dict[str, tuple[list[str], list[tuple[Any, ...]]]]:
    """Every user table: its columns and all its rows in rowid order (read-only)."""
    # immutable: a read-only open of a WAL file would still leave -wal/-shm beside it.
    con = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True)
    try:
        tables = [
            row[0]
            for row in con.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' "
                "AND name NOT LIKE 'sqlite_%' ORDER BY name"
            )
        ]
        out = {}
        for table in tables:
            columns = [row[1] for row in con.execute(f"PRAGMA table_info({table})")]
            rows = con.execute(f"SELECT * FROM {table} ORDER BY rowid").fetchall()
            out[table] = (columns, rows)
        return out
    finally:
        con.close()


def _same_rows(before: dict, after_path: Path) -> None:
    """Each original table still holds each original row, in the original columns."""
    con = sqlite3.connect(f"{after_path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        for table, (columns, rows) in before.items():
            if table == "_sqlite_migrations":
                continue  # grows by one row per migration; checked separately
            names = ", ".join(f'"{c}"' for c in columns)
            now = con.execute(f"SELECT {names} FROM {table} ORDER BY rowid").fetchall()
            assert now == rows, f"rows of {table} changed"
    finally:
        con.close()


def test_there_is_a_fixture_for_every_schema_version() -> None:
    """Adding migration N+1 means committing the schema-N+1 fixture too (see the README)."""
    versions = sorted(_version(p) for p in FIXTURE_FILES)
    assert versions == list(range(1, SCHEMA_VERSION + 1))
    for path in FIXTURE_FILES:
        assert path.with_suffix(".json").is_file(), path
        assert path.stat().st_size < 200_000, "keep fixtures small"


@pytest.mark.parametrize("fixture", FIXTURE_FILES, ids=lambda p: p.stem)
def test_fixture_is_what_its_version_wrote(fixture: Path) -> None:
    """The fixture really is a schema-N file: version stamp and migration names."""
    version = _version(fixture)
    con = sqlite3.connect(f"{fixture.resolve().as_uri()}?mode=ro&immutable=1", uri=True)
    try:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert con.execute("PRAGMA user_version").fetchone()[0] == version
        applied = [
            row[0]
            for row in con.execute(
                "SELECT name FROM _sqlite_migrations WHERE migration_set = ? ORDER BY rowid",
                (MIGRATION_SET,),
            )
        ]
    finally:
        con.close()
    assert tuple(applied) == KNOWN_MIGRATIONS[:version]


@pytest.mark.parametrize("fixture", FIXTURE_FILES, ids=lambda p: p.stem)
def test_fixture_upgrades_with_its_data_intact(fixture: Path, tmp_path: Path) -> None:
    version = _version(fixture)
    expected = json.loads(fixture.with_suffix(".json").read_text(encoding="utf-8"))
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    db = data_dir / "passage.sqlite3"
    shutil.copyfile(fixture, db)
    before = _rows(db)

    store, report = open_store(data_dir, now=lambda: datetime(2027, 1, 1, tzinfo=BEIJING))
    try:
        assert not report.recovered and not report.created
        assert report.migrated_from == (version if version < SCHEMA_VERSION else None)
        assert report.backup_path is not None, "an upgrade must start from a backup"

        found = []
        for profile in expected["profiles"]:
            pid = profile["id"]
            got = store.get_profile(pid)
            assert got is not None, profile["name"]
            assert (got.name, got.created, got.updated) == (
                profile["name"],
                profile["created"],
                profile["updated"],
            )
            assert store.get_answers(pid) == profile["answers"]
            checklist = {
                item: {
                    "done": s.done,
                    "done_at": s.done_at,
                    "note": s.note,
                    "updated": s.updated,
                }
                for item, s in store.get_checklist(pid).items()
            }
            assert checklist == profile["checklist"]
            notes = sorted(store.list_notes(pid, include_deleted=True), key=lambda n: n.id)
            assert [
                {
                    "id": n.id,
                    "kind": n.kind,
                    "title": n.title,
                    "body": n.body,
                    "tags": list(n.tags),
                    "link_kind": n.link_kind,
                    "link_id": n.link_id,
                    "data": n.data,
                    "created": n.created,
                    "updated": n.updated,
                    "deleted_at": n.deleted_at,
                }
                for n in notes
            ] == profile["notes"]
            found.append(pid)
        assert sorted(p.id for p in store.list_profiles()) == sorted(found)
        for key, value in expected["settings"].items():
            assert store.get_setting(key) == value, key
        # The trash still works on old notes: a trashed note is restorable.
        trashed = [n for p in expected["profiles"] for n in p["notes"] if n["deleted_at"]]
        assert trashed, "the fixture must hold a note in the trash"
        assert not store.restore_note(trashed[0]["id"]).in_trash
    finally:
        store.close()

    # The backup made before migrating holds the file exactly as it was.
    assert _rows(report.backup_path) == before
    # restore_note above changed one row; compare against the backup-time picture
    # for every other table and row.
    notes_columns, notes_rows = before["notes"]
    deleted_at = notes_columns.index("deleted_at")
    before["notes"] = (
        notes_columns,
        [
            (*row[:deleted_at], None, *row[deleted_at + 1 :]) if row[0] == trashed[0]["id"] else row
            for row in notes_rows
        ],
    )
    _same_rows(before, db)
    con = sqlite3.connect(db)
    try:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert con.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        applied = [
            row[0]
            for row in con.execute(
                "SELECT name FROM _sqlite_migrations WHERE migration_set = ? ORDER BY rowid",
                (MIGRATION_SET,),
            )
        ]
        assert tuple(applied) == KNOWN_MIGRATIONS
    finally:
        con.close()


def test_generator_reproduces_the_newest_fixture(tmp_path: Path) -> None:
    """The committed newest fixture is exactly what tools/make_fixture_db.py makes now.

    So the tool keeps working, and answers in the fixture are ones the questionnaire
    accepts today (a fixture made from nonsense would prove little).
    """
    tool = load_fixture_tool()
    db_out, json_out = tool.make(tmp_path)
    committed = FIXTURES / json_out.name
    assert json_out.read_text(encoding="utf-8") == committed.read_text(encoding="utf-8")
    made, kept = _rows(db_out), _rows(FIXTURES / db_out.name)
    # sqlite-utils stamps each migration with the wall-clock time it ran: compare names.
    names = [row[:3] for row in made.pop("_sqlite_migrations")[1]]
    assert names == [row[:3] for row in kept.pop("_sqlite_migrations")[1]]
    assert made == kept
    with pytest.raises(FileExistsError):
        tool.make(tmp_path)

    from desktop.content.questionnaire import load_questionnaire

    questionnaire = load_questionnaire()
    for answers in (tool.WORKER_ANSWERS, tool.COUSIN_ANSWERS):
        for qid, value in answers.items():
            assert questionnaire.validate_answer(qid, value) is None, (qid, value)
