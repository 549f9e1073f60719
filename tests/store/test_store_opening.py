"""open_store(): refusing newer files, recovering damaged ones, rolling backups, crashes."""

from __future__ import annotations

import os
import random
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.store import SCHEMA_VERSION, NewerDatabaseError, Store, open_store, opening
from desktop.store.opening import take_deferred_backup

REPO = Path(__file__).resolve().parents[2]


def _snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` with its bytes, to prove nothing changed.

    The read-only check may leave an empty -wal and its -shm index beside a WAL-mode
    file (a read-only handle cannot delete them); they hold no data, so they are
    left out, but an empty -wal is checked to be really empty.
    """
    wal = folder / "passage.sqlite3-wal"
    assert not wal.exists() or wal.stat().st_size == 0
    return {
        str(p.relative_to(folder)): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and not p.name.endswith(("-wal", "-shm"))
    }


def _fill(store: Store, profile: str, notes: int = 0) -> int:
    pid = store.create_profile(profile).id
    store.set_answer(pid, "destination", "japan")
    store.set_checklist_done(pid, "passport", True)
    with store._db.atomic():  # one transaction for speed; create_note nests as a savepoint
        for i in range(notes):
            store.create_note(pid, title=f"note {i}", body=f"{profile} 护照 {i} " + "x" * 900)
    return pid


# -- newer versions -------------------------------------------------------------------


def test_newer_user_version_is_refused_untouched(opener, data_dir: Path, clock) -> None:
    """A file with a higher user_version raises NewerDatabaseError and stays byte-identical."""
    store, _ = opener()
    _fill(store, "Ana")
    store.close()
    conn = sqlite3.connect(data_dir / "passage.sqlite3")
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    before = _snapshot(data_dir)
    clock.advance(days=1)
    with pytest.raises(NewerDatabaseError) as caught:
        open_store(data_dir, now=clock)
    assert caught.value.found_version == SCHEMA_VERSION + 1
    assert caught.value.supported_version == SCHEMA_VERSION
    assert caught.value.path == data_dir / "passage.sqlite3"
    assert _snapshot(data_dir) == before


def test_unknown_migration_is_refused_untouched(opener, data_dir: Path, clock) -> None:
    """A migration name we do not know means a newer app wrote the file: refuse it."""
    store, _ = opener()
    _fill(store, "Ana")
    store._db["_sqlite_migrations"].insert(
        {"migration_set": "passage", "name": "0002_future", "applied_at": "2027-01-01"}
    )
    # Another app's migration set in the same file is not our business.
    store._db["_sqlite_migrations"].insert(
        {"migration_set": "plugin", "name": "p1", "applied_at": "2027-01-01"}
    )
    store.close()
    before = _snapshot(data_dir)
    clock.advance(days=1)
    with pytest.raises(NewerDatabaseError) as caught:
        open_store(data_dir, now=clock)
    assert caught.value.unknown_migrations == ("0002_future",)
    assert caught.value.found_version == SCHEMA_VERSION
    assert _snapshot(data_dir) == before


def test_older_database_is_migrated(data_dir: Path, clock) -> None:
    """A healthy SQLite file without our schema (version 0) is migrated and reported."""
    conn = sqlite3.connect(data_dir / "passage.sqlite3")
    conn.execute("CREATE TABLE legacy (x)")
    conn.execute("INSERT INTO legacy VALUES (1)")
    conn.commit()
    conn.close()
    store, report = open_store(data_dir, now=clock)
    try:
        assert report.migrated_from == 0 and not report.created
        assert {"profiles", "notes", "legacy"} <= set(store._db.table_names())
        assert store._db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    finally:
        store.close()


def test_fresh_open_reports_created(opener) -> None:
    """A first start creates the file and takes no backup of the empty database."""
    store, report = opener()
    assert report.created and not report.recovered
    assert report.migrated_from is None
    assert (report.backup_path, report.backup_skipped) == (None, "empty")
    assert report.path == store.path == store.data_dir / "passage.sqlite3"
    assert not (store.data_dir / "backups").exists()


# -- damage and recovery --------------------------------------------------------------


def _truncate_half(path: Path) -> None:
    with path.open("r+b") as f:
        f.truncate(path.stat().st_size // 2)


def _random_header(path: Path) -> None:
    with path.open("r+b") as f:
        f.write(random.Random(1).randbytes(100))


def _random_middle_pages(path: Path) -> None:
    pages = path.stat().st_size // 4096
    with path.open("r+b") as f:
        f.seek(4096 * (pages // 2))
        f.write(random.Random(2).randbytes(4096 * 3))


def _random_file(path: Path) -> None:
    path.write_bytes(random.Random(3).randbytes(50_000))


def _text_file(path: Path) -> None:
    path.write_text("这不是数据库\n" * 1000, encoding="utf-8")


def _index_mismatch(path: Path) -> None:
    """Change one letter of a name in the table only: structure fine, index wrong."""
    data = bytearray(path.read_bytes())
    at = data.index(b"Dana-unique")
    data[at] = ord("E")
    path.write_bytes(bytes(data))


DAMAGE = {
    "truncated_half": (_truncate_half, "malformed"),
    "random_header": (_random_header, "not_a_database"),
    "random_middle_pages": (_random_middle_pages, "malformed"),
    "random_bytes_file": (_random_file, "not_a_database"),
    "text_file": (_text_file, "not_a_database"),
    "index_mismatch": (_index_mismatch, "integrity"),
}


@pytest.fixture
def with_backup(opener, clock, data_dir: Path) -> Path:
    """A data file with 120 notes, backed up once, then changed after the backup."""
    store, _ = opener()
    pid = _fill(store, "Ana", notes=120)
    store.create_profile("Dana-unique")
    store.close()
    clock.advance(hours=1)
    store, report = opener()
    assert report.backup_path is not None
    store.set_answer(pid, "after_backup", True)  # newer than the backup: will be lost
    store.close()
    clock.advance(hours=1)
    return report.backup_path


@pytest.mark.parametrize("damage", list(DAMAGE))
def test_damaged_file_is_moved_and_backup_restored(
    opener, data_dir: Path, with_backup: Path, damage: str
) -> None:
    """A really damaged file goes to damaged/ unchanged; the newest good backup comes back."""
    db_path = data_dir / "passage.sqlite3"
    spoil, expected_kind = DAMAGE[damage]
    spoil(db_path)
    damaged_bytes = db_path.read_bytes()
    store, report = opener()
    assert report.recovered and report.damage == expected_kind
    assert report.restored_from == with_backup and not report.started_empty
    assert report.damaged_path == data_dir / "damaged" / "passage-20261125-110000.sqlite3"
    assert report.damaged_path.read_bytes() == damaged_bytes
    assert with_backup.exists()  # restoring copies, the backup stays
    profiles = store.list_profiles()
    assert [p.name for p in profiles] == ["Ana", "Dana-unique"]
    answers = store.get_answers(profiles[0].id)
    assert answers == {"destination": "japan"}  # "after_backup" was newer than the backup
    assert len(store.list_notes(profiles[0].id)) == 120
    assert store.search_notes(profiles[0].id, "护照 119")
    assert store._db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_damaged_wal_and_shm_move_with_the_file(opener, data_dir: Path, with_backup: Path) -> None:
    """A -wal left next to a damaged file is moved too, so it is never replayed on the backup."""
    db_path = data_dir / "passage.sqlite3"
    _random_header(db_path)
    (data_dir / "passage.sqlite3-wal").write_bytes(b"stale wal")
    (data_dir / "passage.sqlite3-shm").write_bytes(b"stale shm")
    store, report = opener()
    assert report.recovered and report.damaged_path is not None
    moved_wal = report.damaged_path.with_name(report.damaged_path.name + "-wal")
    assert moved_wal.read_bytes() == b"stale wal"
    assert report.damaged_path.with_name(report.damaged_path.name + "-shm").exists()
    assert [p.name for p in store.list_profiles()] == ["Ana", "Dana-unique"]


def test_damaged_newest_backup_is_skipped(opener, data_dir: Path, clock, with_backup: Path) -> None:
    """If the newest backup is damaged too, the newest good one is restored."""
    store, _ = opener()  # after the fixture's "after_backup" answer: a second backup
    store.close()
    newest = sorted((data_dir / "backups").iterdir())[-1]
    assert newest != with_backup
    _random_header(newest)
    _truncate_half(data_dir / "passage.sqlite3")
    clock.advance(hours=1)
    store, report = opener()
    assert report.restored_from == with_backup
    assert [p.name for p in store.list_profiles()] == ["Ana", "Dana-unique"]


def test_damaged_without_backup_starts_empty(opener, data_dir: Path, clock) -> None:
    """No backup at all: the damaged file is kept and an empty database starts."""
    store, _ = opener()
    _fill(store, "Ana")
    store.close()
    _random_header(data_dir / "passage.sqlite3")
    damaged_bytes = (data_dir / "passage.sqlite3").read_bytes()
    clock.advance(minutes=1)
    store, report = opener()
    assert report.recovered and report.started_empty and report.restored_from is None
    assert report.damaged_path is not None and report.damaged_path.read_bytes() == damaged_bytes
    assert store.list_profiles() == []
    store.create_profile("New start")  # and the new database works
    assert report.backup_skipped == "empty"


def test_second_damage_in_the_same_second_keeps_both(opener, data_dir: Path) -> None:
    """Damaged files never overwrite each other in damaged/."""
    for _ in range(2):
        (data_dir / "passage.sqlite3").write_bytes(b"garbage" * 100)
        opener()[0].close()
    names = sorted(p.name for p in (data_dir / "damaged").iterdir())
    assert names == ["passage-20261125-090000-2.sqlite3", "passage-20261125-090000.sqlite3"]


def test_zero_length_file_with_backups_is_damage(opener, data_dir: Path, with_backup) -> None:
    """A data file emptied by the filesystem is restored from the backup."""
    (data_dir / "passage.sqlite3").write_bytes(b"")
    store, report = opener()
    assert report.damage == "empty_file" and report.restored_from == with_backup
    assert len(store.list_profiles()) == 2


def test_zero_length_file_without_backups_is_just_new(opener, data_dir: Path) -> None:
    """An empty file and no backups: nothing was lost, so nothing is reported."""
    (data_dir / "passage.sqlite3").write_bytes(b"")
    store, report = opener()
    assert not report.recovered
    assert store.list_profiles() == []


# -- backups --------------------------------------------------------------------------


def test_backups_rotate_to_seven(opener, data_dir: Path, clock) -> None:
    """One backup per start, the newest seven kept; unrelated files left alone."""
    (data_dir / "backups").mkdir(mode=0o700)
    (data_dir / "backups" / "keep-me.txt").write_text("mine")
    made = []
    for start in range(10):
        store, report = opener()
        if start == 0:
            assert report.backup_skipped == "empty"
        else:
            assert report.backup_path is not None
            made.append(report.backup_path.name)
        store.set_setting("start", start)  # change something between starts
        store.close()
        clock.advance(hours=1)
    names = sorted(p.name for p in (data_dir / "backups").iterdir())
    assert names == sorted([*made[-7:], "keep-me.txt"])
    assert made[-1] == "passage-20261125-180000.sqlite3"
    conn = sqlite3.connect(data_dir / "backups" / made[-1])
    assert conn.execute("SELECT value FROM settings WHERE key = 'start'").fetchone() == ("8",)
    assert conn.execute("PRAGMA journal_mode").fetchone() == ("delete",)
    conn.close()


def test_keep_backups_is_configurable(opener, clock, data_dir: Path) -> None:
    """keep_backups=2 keeps two; zero is refused because backups are the safety net."""
    for start in range(4):
        store, _ = opener(keep_backups=2)
        store.set_setting("start", start)
        store.close()
        clock.advance(hours=1)
    assert len(list((data_dir / "backups").iterdir())) == 2
    with pytest.raises(ValueError):
        opener(keep_backups=0)


def test_unchanged_database_is_not_backed_up_twice(opener, clock) -> None:
    """Restarting without changes does not push older, different backups out."""
    store, _ = opener()
    store.create_profile("Ana")
    store.close()
    clock.advance(hours=1)
    first = opener()
    first[0].close()
    clock.advance(hours=1)
    store, report = opener()
    assert first[1].backup_path is not None
    assert (report.backup_path, report.backup_skipped) == (None, "unchanged")


def test_backup_holds_uncheckpointed_wal_data(opener, data_dir: Path, clock) -> None:
    """The backup API copies a consistent snapshot including changes still in the -wal."""
    store, _ = opener()
    pid = store.create_profile("Ana").id
    store.close()
    other = sqlite3.connect(data_dir / "passage.sqlite3")  # keeps the WAL from being removed
    store, _ = opener()
    store.set_answer(pid, "in_wal", "yes")
    store.close()
    clock.advance(hours=1)
    store, report = opener()
    other.close()
    assert report.backup_path is not None
    conn = sqlite3.connect(report.backup_path)
    assert conn.execute("SELECT value FROM answers WHERE question_id = 'in_wal'").fetchone() == (
        '"yes"',
    )
    conn.close()


def test_deferred_backup_is_taken_later_and_only_once(opener, data_dir: Path, clock) -> None:
    """defer_backup leaves the start's backup to take_deferred_backup (the GUI: after the
    first paint); it then holds the data as it was at the start, and rotates as usual."""
    store, _ = opener()
    pid = _fill(store, "Ana")
    store.close()
    clock.advance(hours=1)
    store, report = opener(defer_backup=True)
    assert (report.backup_path, report.backup_skipped) == (None, "deferred")
    assert not (data_dir / "backups").exists()  # nothing written before the window
    assert store.get_answers(pid) == {"destination": "japan"}  # the data is usable at once
    clock.advance(seconds=2)
    done = take_deferred_backup(store, report)
    assert done.backup_skipped is None
    assert done.backup_path == data_dir / "backups" / "passage-20261125-100002.sqlite3"
    assert done.recovered == report.recovered and done.path == report.path
    conn = sqlite3.connect(done.backup_path)
    assert conn.execute("SELECT name FROM profiles").fetchall() == [("Ana",)]
    conn.close()
    assert take_deferred_backup(store, done) is done  # nothing left to do: no second file
    assert len(list((data_dir / "backups").iterdir())) == 1


def test_deferred_backups_still_rotate_and_skip_unchanged(opener, data_dir: Path, clock) -> None:
    store, _ = opener()
    store.create_profile("Ana")
    store.close()
    made = []
    for start in range(4):
        clock.advance(hours=1)
        store, report = opener(defer_backup=True, keep_backups=2)
        done = take_deferred_backup(store, report, keep_backups=2)
        made.append(done.backup_path.name if done.backup_path else done.backup_skipped)
        if start != 1:  # nothing changes after the second start: the third is "unchanged"
            store.set_setting("start", start)
        store.close()
    assert made[2] == "unchanged" and made.count("unchanged") == 1
    names = sorted(p.name for p in (data_dir / "backups").iterdir())
    assert names == sorted(n for n in made if n != "unchanged")[-2:]


def test_nothing_to_defer_on_an_empty_store(opener) -> None:
    store, report = opener(defer_backup=True)
    assert report.backup_skipped == "empty"
    assert take_deferred_backup(store, report) is report


def test_a_pending_migration_is_backed_up_at_once(
    opener, data_dir: Path, clock, monkeypatch
) -> None:
    """A migration always starts from a fresh backup, even when the caller defers it."""
    store, _ = opener()
    _fill(store, "Ana")
    store.close()
    clock.advance(hours=1)
    # Stand-in for a newer Passage with a migration this file has not had yet (there is
    # only one migration so far); applying it again changes nothing.
    monkeypatch.setattr(opening, "_pending", lambda conn: True)
    store, report = opener(defer_backup=True)
    assert report.backup_path is not None and report.backup_skipped is None
    assert take_deferred_backup(store, report) is report


def test_a_failed_deferred_backup_is_reported_not_raised(opener, data_dir: Path, clock) -> None:
    store, _ = opener()
    _fill(store, "Ana")
    store.close()
    clock.advance(hours=1)
    store, report = opener(defer_backup=True)
    (data_dir / "backups").write_text("a file where the folder should be")
    done = take_deferred_backup(store, report)
    assert done.backup_path is None and done.backup_skipped == "io"
    assert store.list_profiles()[0].name == "Ana"  # the data is fine


# -- crashes --------------------------------------------------------------------------

CRASH = """
import os, sys
from pathlib import Path
from desktop.store import open_store
store, _ = open_store(Path(sys.argv[1]))
pid = store.ensure_default_profile("我").id
store.set_answer(pid, "destination", "korea")
store.create_note(pid, title="崩溃前", body="saved")
os._exit(0)  # no close(), no checkpoint: like a crash or a killed process
"""


def test_saved_writes_survive_a_crash(data_dir: Path, clock) -> None:
    """Writes that returned before the process died are there on the next start."""
    subprocess.run([sys.executable, "-c", CRASH, str(data_dir)], cwd=REPO, check=True)
    assert (data_dir / "passage.sqlite3-wal").stat().st_size > 0  # not checkpointed
    store, report = open_store(data_dir, now=clock)
    try:
        assert not report.recovered
        (profile,) = store.list_profiles()
        assert store.get_answers(profile.id) == {"destination": "korea"}
        assert [n.title for n in store.list_notes(profile.id)] == ["崩溃前"]
    finally:
        store.close()
    assert not (data_dir / "passage.sqlite3-wal").exists()  # closed cleanly this time
    assert os.path.getsize(data_dir / "passage.sqlite3") > 0
