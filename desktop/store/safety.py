"""Keeping the data file safe on disk: checks, backups, setting damaged files aside.

Everything here works on paths and short-lived sqlite3 connections, so it can run
before the store's own connection exists. Nothing here ever deletes a data file
except old rolling backups beyond the number to keep; a damaged file is moved to
``damaged/`` and stays there until the person removes it.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import sqlite3
from pathlib import Path
from typing import NamedTuple

from .errors import (
    StoreUnavailableError,
    damage_kind,
    is_damage,
    unavailable_from_os,
    unavailable_from_sqlite,
)
from .schema import MIGRATION_SET

DB_NAME = "passage.sqlite3"
BACKUP_DIR = "backups"
DAMAGED_DIR = "damaged"
# SQLite's companion files: the write-ahead log, its index, the rollback journal.
SIDE_SUFFIXES = ("-wal", "-shm", "-journal")
_BACKUP_NAME = re.compile(r"^passage-\d{8}-\d{6}\.sqlite3$")
_PARTIAL_SUFFIX = ".partial"
POSIX = os.name == "posix"


class Inspection(NamedTuple):
    """What a read-only look at a data file found.

    ``damage`` is None for a healthy file, else ``"not_a_database"`` (the header is
    not SQLite's), ``"malformed"`` (SQLite gave up reading it) or ``"integrity"``
    (``PRAGMA integrity_check`` listed problems).
    """

    damage: str | None
    user_version: int = 0
    applied: tuple[str, ...] = ()
    has_tables: bool = False
    has_data: bool = False


# -- files and folders ------------------------------------------------------------


def ensure_private_dir(path: Path) -> None:
    """Create a folder readable by its owner only (0700), if it is missing.

    An existing folder keeps its permissions: it may be one the person chose
    (a USB stick, a shared counsellor folder) and is theirs to manage.
    """
    try:
        path.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError as exc:
        raise unavailable_from_os(exc, path) from exc
    if not path.is_dir():
        raise StoreUnavailableError("io", path)


def create_private_file(path: Path) -> None:
    """Create an empty file with mode 0600 unless it exists.

    SQLite gives its -wal and -shm files the main file's permission bits, so
    creating the main file privately keeps the whole set private.
    """
    try:
        fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    except FileExistsError:
        return
    os.close(fd)


def fsync_file(path: Path) -> None:
    """Flush a file's contents to the disk before we rely on it (rename, report)."""
    # Windows' _commit() refuses a read-only descriptor; POSIX fsync accepts one.
    fd = os.open(path, os.O_RDONLY if POSIX else os.O_RDWR)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def fsync_dir(path: Path) -> None:
    """Make a rename inside ``path`` durable (POSIX only; Windows has no dir handles)."""
    if not POSIX:
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _free_name(folder: Path, stem: str, suffix: str) -> Path:
    """``folder/stem+suffix``, or with ``-2``, ``-3``... so nothing is overwritten."""
    candidate = folder / f"{stem}{suffix}"
    counter = 2
    while candidate.exists():
        candidate = folder / f"{stem}-{counter}{suffix}"
        counter += 1
    return candidate


# -- checking a file --------------------------------------------------------------


def _uri(path: Path, mode: str) -> str:
    # as_uri() percent-encodes spaces, '#', '?' and non-ASCII folder names.
    return f"{path.resolve().as_uri()}?mode={mode}"


def inspect(path: Path, *, busy_timeout: float) -> Inspection:
    """Check that ``path`` is a healthy SQLite file and read its schema version.

    Detection, in order: the open/first read raising SQLITE_NOTADB (random bytes,
    an overwritten header, a text file) or SQLITE_CORRUPT (a truncated file,
    overwritten b-tree pages), then ``PRAGMA integrity_check`` returning anything
    but ``ok``. Other failures (locked, I/O, permission) are *not* damage: the
    file may be fine, so they raise StoreUnavailableError and nothing is moved.

    The file is opened read-only (``mode=ro``). That still reads committed
    changes from a -wal left by a crash, but SQLite will not checkpoint or delete
    the -wal/-shm on close, as a read-write handle does even for a file it cannot
    read: those side files may hold the person's latest answers and must go to
    ``damaged/`` with the file if it is damaged.
    """
    try:
        conn = sqlite3.connect(_uri(path, "ro"), uri=True, timeout=busy_timeout)
    except sqlite3.Error as exc:
        if is_damage(exc):
            return Inspection(damage=damage_kind(exc))
        raise _unavailable(exc, path) from exc
    try:
        rows = conn.execute("PRAGMA integrity_check").fetchall()
        if rows != [("ok",)]:
            return Inspection(damage="integrity")
        user_version = conn.execute("PRAGMA user_version").fetchone()[0]
        tables = {
            row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        }
        applied: tuple[str, ...] = ()
        if "_sqlite_migrations" in tables:
            applied = tuple(
                row[0]
                for row in conn.execute(
                    "SELECT name FROM _sqlite_migrations WHERE migration_set = ? ORDER BY rowid",
                    (MIGRATION_SET,),
                )
            )
        has_data = any(
            conn.execute(f"SELECT EXISTS (SELECT 1 FROM {table})").fetchone()[0]
            for table in ("profiles", "settings")
            if table in tables
        )
        return Inspection(
            damage=None,
            user_version=user_version,
            applied=applied,
            has_tables=bool(tables),
            has_data=has_data,
        )
    except sqlite3.Error as exc:
        if is_damage(exc):
            return Inspection(damage=damage_kind(exc))
        raise _unavailable(exc, path) from exc
    finally:
        conn.close()


def _unavailable(exc: sqlite3.Error, path: Path) -> Exception:
    translated = unavailable_from_sqlite(exc, path)
    return translated if translated is not None else exc


# -- damaged files ----------------------------------------------------------------


def move_aside(path: Path, damaged_dir: Path, stamp: str) -> Path:
    """Move a damaged data file and its -wal/-shm/-journal into ``damaged_dir``.

    Moving (not copying, never deleting) keeps every byte for a later rescue while
    making sure a stale -wal can never be replayed onto the restored backup.
    """
    ensure_private_dir(damaged_dir)
    target = _free_name(damaged_dir, f"passage-{stamp}", ".sqlite3")
    try:
        os.replace(path, target)
        _make_private(target)
        for suffix in SIDE_SUFFIXES:
            side = path.with_name(path.name + suffix)
            if side.exists():
                side_target = target.with_name(target.name + suffix)
                os.replace(side, side_target)
                _make_private(side_target)
        fsync_dir(damaged_dir)
        fsync_dir(path.parent)
    except OSError as exc:
        raise unavailable_from_os(exc, path) from exc
    return target


def _make_private(path: Path) -> None:
    """Owner-only permissions for a file we keep: a damaged file still holds personal data.

    The file may not be one Passage created (a copy made by another program is often
    0644). Best effort: on a filesystem without permissions (a FAT USB stick) chmod
    fails or does nothing, and that must not stop the recovery.
    """
    if POSIX:
        with contextlib.suppress(OSError):
            os.chmod(path, 0o600)


# -- backups ----------------------------------------------------------------------


def list_backups(backup_dir: Path) -> list[Path]:
    """Rolling backups, newest first (their names sort by time)."""
    if not backup_dir.is_dir():
        return []
    names = sorted(
        (p.name for p in backup_dir.iterdir() if _BACKUP_NAME.match(p.name)), reverse=True
    )
    return [backup_dir / name for name in names]


def restore_newest_good_backup(
    backup_dir: Path, target: Path, *, busy_timeout: float
) -> Path | None:
    """Copy the newest backup that passes integrity_check to ``target``.

    The backup itself stays where it is. The copy is written beside the target,
    flushed, then renamed over it, so a crash mid-restore leaves either nothing
    or a complete file. Returns the backup used, or None if none was usable.
    """
    for backup in list_backups(backup_dir):
        if inspect(backup, busy_timeout=busy_timeout).damage is not None:
            continue
        partial = target.with_name(target.name + _PARTIAL_SUFFIX)
        try:
            with contextlib.suppress(FileNotFoundError):
                partial.unlink()
            create_private_file(partial)
            shutil.copyfile(backup, partial)
            fsync_file(partial)
            os.replace(partial, target)
            fsync_dir(target.parent)
        except OSError as exc:
            raise unavailable_from_os(exc, target) from exc
        return backup
    return None


def make_backup(
    conn: sqlite3.Connection, backup_dir: Path, stamp: str, *, keep: int
) -> Path | None:
    """Write a consistent copy of the open database to ``backup_dir``; rotate old ones.

    Uses the sqlite3 backup API, which copies a single snapshot even while the
    database is in WAL mode with changes not yet checkpointed. The copy is
    switched to the rollback journal so it is one self-contained file. If it is
    byte-identical to the newest existing backup it is dropped (returns None):
    otherwise a few quick restarts would rotate the older, different backups away.

    Raises OSError or sqlite3.Error; the caller decides that a failed backup must
    not stop the person from working.
    """
    ensure_private_dir(backup_dir)
    for stale in backup_dir.glob("*" + _PARTIAL_SUFFIX):
        stale.unlink()
    final = backup_dir / f"passage-{stamp}.sqlite3"
    partial = backup_dir / f".{final.name}{_PARTIAL_SUFFIX}"
    create_private_file(partial)
    try:
        dest = sqlite3.connect(partial)
        try:
            conn.backup(dest)
            dest.execute("PRAGMA journal_mode=DELETE")
        finally:
            dest.close()
        fsync_file(partial)
        import filecmp  # backups are taken after the first paint: load it then

        existing = list_backups(backup_dir)
        if existing and filecmp.cmp(existing[0], partial, shallow=False):
            partial.unlink()
            return None
        os.replace(partial, final)
        fsync_dir(backup_dir)
    except BaseException:
        with contextlib.suppress(OSError):
            partial.unlink()
        raise
    for old in list_backups(backup_dir)[keep:]:
        old.unlink()
    return final
