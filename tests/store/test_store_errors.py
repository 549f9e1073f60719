"""Failures that are not our fault become StoreUnavailableError; bugs propagate.

How the failures are produced, since these tests run as root (chmod cannot stop
root from writing):

* read-only at start-up: the store's connection is opened with a ``mode=ro`` URI
  (by replacing ``opening._connect``), which makes SQLite refuse writes with
  SQLITE_READONLY exactly as on a read-only disk; a second test uses real
  ``chmod`` and runs only when not root.
* read-only while running: ``PRAGMA query_only=ON`` on the store's connection.
* full disk: ``PRAGMA max_page_count`` caps the file at its current size, so the
  next write fails with SQLITE_FULL.
* locked: a second connection holds the write lock past a short busy timeout.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from desktop.store import Store, StoreUnavailableError, open_store
from desktop.store import opening as opening_module


def _ro_connect(path: Path, busy_timeout: float) -> sqlite3.Connection:
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=busy_timeout)


def test_read_only_file_at_start(opener, data_dir: Path, clock, monkeypatch) -> None:
    """A data file SQLite may only read is reported as read_only at start, unchanged."""
    store, _ = opener()
    store.create_profile("Ana")
    store.close()
    before = (data_dir / "passage.sqlite3").read_bytes()
    monkeypatch.setattr(opening_module, "_connect", _ro_connect)
    clock.advance(hours=1)
    with pytest.raises(StoreUnavailableError) as caught:
        open_store(data_dir, now=clock)
    assert caught.value.reason == "read_only"
    assert caught.value.path == data_dir / "passage.sqlite3"
    assert (data_dir / "passage.sqlite3").read_bytes() == before


def test_read_only_while_running(store: Store, profile_id: int) -> None:
    """Writes on a connection that became read-only fail as read_only; reads still work."""
    store.set_answer(profile_id, "destination", "japan")
    store._db.execute("PRAGMA query_only=ON")
    for write in (
        lambda: store.set_answer(profile_id, "destination", "korea"),
        lambda: store.create_note(profile_id, title="t", body="b"),
        lambda: store.create_profile("Bo"),
        lambda: store.set_setting("lang", "zh"),
    ):
        with pytest.raises(StoreUnavailableError) as caught:
            write()
        assert caught.value.reason == "read_only"
    assert store.get_answers(profile_id) == {"destination": "japan"}
    assert not store._db.conn.in_transaction


def _chmod_protects(folder: Path) -> bool:
    """True if a 0500 folder really refuses us (not so for root with CAP_DAC_OVERRIDE)."""
    probe = folder / "probe"
    probe.mkdir()
    probe.chmod(0o500)
    try:
        (probe / "x").touch()
    except PermissionError:
        return True
    finally:
        probe.chmod(0o700)
    return False


@pytest.mark.skipif(os.name != "posix", reason="POSIX permission bits")
def test_read_only_folder_with_chmod(tmp_path: Path, clock) -> None:
    """With real permissions: a folder and file we may not write give read_only.

    Skipped as plain root; it runs as a normal user, or as root without
    CAP_DAC_OVERRIDE (``setpriv --inh-caps=-all --bounding-set=-all ...``).
    """
    if not _chmod_protects(tmp_path):
        pytest.skip("chmod does not stop this user (root)")
    data_dir = tmp_path / "data"
    store, _ = open_store(data_dir, now=clock)
    store.create_profile("Ana")
    store.close()
    (data_dir / "passage.sqlite3").chmod(0o400)
    data_dir.chmod(0o500)
    try:
        with pytest.raises(StoreUnavailableError) as caught:
            open_store(data_dir, now=clock)
        assert caught.value.reason == "read_only"
        with pytest.raises(StoreUnavailableError) as caught:
            open_store(data_dir / "sub", now=clock)
        assert caught.value.reason == "read_only"
    finally:
        data_dir.chmod(0o700)


def test_disk_full_keeps_previous_data(opener, clock) -> None:
    """A write that does not fit fails as disk_full; earlier data and the store survive."""
    store, _ = opener()
    pid = store.create_profile("Ana").id
    store.set_answer(pid, "destination", "japan")
    kept = store.create_note(pid, title="护照", body="在抽屉里")
    pages = store._db.execute("PRAGMA page_count").fetchone()[0]
    store._db.execute(f"PRAGMA max_page_count = {pages}")
    with pytest.raises(StoreUnavailableError) as caught:
        store.create_note(pid, title="big", body="满" * 1_000_000)
    assert caught.value.reason == "disk_full"
    with pytest.raises(StoreUnavailableError):
        store.replace_answers(pid, {"destination": "korea", "blob": "x" * 1_000_000})
    assert store.get_answers(pid) == {"destination": "japan"}
    store.set_answer(pid, "destination", "russia")  # small writes still fit
    store.close()
    clock.advance(hours=1)
    store, report = opener()
    assert not report.recovered
    assert [n.id for n in store.list_notes(pid)] == [kept.id]
    assert store.get_answers(pid) == {"destination": "russia"}


def test_locked_by_another_writer(opener, data_dir: Path) -> None:
    """A write lock held past the busy timeout gives locked, at start and while running."""
    store, _ = opener(busy_timeout=0.1)
    pid = store.create_profile("Ana").id
    other = sqlite3.connect(data_dir / "passage.sqlite3", isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")
        with pytest.raises(StoreUnavailableError) as caught:
            store.set_answer(pid, "destination", "japan")
        assert caught.value.reason == "locked"
        assert store.get_answers(pid) == {}  # reading is fine in WAL mode
        with pytest.raises(StoreUnavailableError) as caught:
            open_store(data_dir, busy_timeout=0.1)
        assert caught.value.reason == "locked"
        assert not (data_dir / "damaged").exists()  # locked is not damaged: nothing moved
        other.execute("ROLLBACK")
        store.set_answer(pid, "destination", "japan")
        assert store.get_answers(pid) == {"destination": "japan"}
    finally:
        other.close()


def test_data_dir_that_is_a_file(tmp_path: Path) -> None:
    """A path that cannot be a folder is reported as an io problem."""
    not_a_dir = tmp_path / "file"
    not_a_dir.write_text("x")
    with pytest.raises(StoreUnavailableError) as caught:
        open_store(not_a_dir)
    assert (caught.value.reason, caught.value.path) == ("io", not_a_dir)


def test_constraint_violations_are_bugs(store: Store, profile_id: int) -> None:
    """An error that is our fault is not disguised as 'unavailable'."""
    with pytest.raises(sqlite3.IntegrityError), store._writing() as db:
        db.execute("INSERT INTO settings (key, value) VALUES ('k', 'not json')")
    assert store.get_setting("k") is None


def test_errors_carry_data_not_sentences() -> None:
    """The UI translates errors, so they carry codes and paths only."""
    error = StoreUnavailableError("disk_full", Path("/x/passage.sqlite3"), 13)
    assert error.args == ("disk_full", Path("/x/passage.sqlite3"), 13)
