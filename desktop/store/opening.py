"""open_store(): check, repair, refuse, migrate and back up the data file, then hand out a Store.

The order matters and is the whole point of this module:

1. If ``passage.sqlite3`` exists, look at it (``safety.inspect``): not a SQLite
   file, malformed, or failing ``PRAGMA integrity_check`` counts as damaged.
2. A damaged file is *moved* to ``damaged/`` with its -wal/-shm, and the newest
   backup that itself passes the check is copied in. With no good backup we start
   an empty database. The report says which happened.
3. A file from a newer Passage (higher ``user_version``, or migration names we do
   not know) raises NewerDatabaseError before anything writes to it.
4. The file is opened for real (WAL, ``synchronous=FULL``, foreign keys, busy
   timeout) and a rolling backup is taken *before* migrating, so a migration that
   goes wrong can always be undone from the backup.

   The GUI opens the store before its window first paints, and a backup (copy,
   fsync, compare with the newest one) costs 10-20 ms on a small file and well over
   100 ms on a large one. So a caller may pass ``defer_backup=True``: when no
   migration is pending, the backup is then left for :func:`take_deferred_backup`,
   which the caller runs soon after (the GUI: right after the first paint and the
   content, before the person can change anything). The damage check of step 1 is
   never deferred: nobody sees or uses the data before it has passed.
5. Pending migrations and the ``user_version`` write run in one transaction. That
   write also proves the file is writable, so a read-only folder is reported at
   start-up instead of at the first autosave. When no migration is pending (every
   start but the first after an update) only the write runs, and sqlite-utils is
   not even imported: the window's first paint waits for this function.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import NamedTuple

from . import safety, schema
from .base import LazyDatabase
from .errors import (
    NewerDatabaseError,
    StoreUnavailableError,
    unavailable_from_os,
    unavailable_from_sqlite,
)
from .schema import KNOWN_MIGRATIONS, MIGRATION_SET, SCHEMA_VERSION
from .store import Store

DEFAULT_BUSY_TIMEOUT = 5.0  # seconds another Passage window may hold the write lock
DEFERRED = "deferred"  # OpenReport.backup_skipped: left for take_deferred_backup()


def local_now() -> datetime:
    """The current local time, timezone-aware (backup and damaged-file names use it)."""
    return datetime.now().astimezone()


class OpenReport(NamedTuple):
    """What open_store() found and did, for the UI to tell the person and for the log.

    Attributes:
        path: the data file.
        created: no data file existed; a new one was made.
        recovered: the file was damaged and was replaced (see the next fields).
        damage: how it was damaged: ``"not_a_database"``, ``"malformed"``,
            ``"integrity"`` or ``"empty_file"`` (zero bytes while backups exist).
        damaged_path: where the damaged file now lies (never deleted).
        restored_from: the backup copied in, or None.
        started_empty: recovered, but no good backup existed: a fresh empty database.
        backup_path: the backup taken at this start, or None (see backup_skipped).
        backup_skipped: why no backup was taken: ``"empty"`` (nothing to keep yet),
            ``"unchanged"`` (same bytes as the newest backup), ``"deferred"`` (asked
            for with ``defer_backup``; :func:`take_deferred_backup` takes it) or the
            reason code of the failure (``"disk_full"``, ``"read_only"``, ``"io"``,
            ``"locked"``).
        migrated_from: the schema version before migrating, or None if no
            migration ran on existing data.
    """

    path: Path
    created: bool = False
    recovered: bool = False
    damage: str | None = None
    damaged_path: Path | None = None
    restored_from: Path | None = None
    started_empty: bool = False
    backup_path: Path | None = None
    backup_skipped: str | None = None
    migrated_from: int | None = None


def _connect(path: Path, busy_timeout: float) -> sqlite3.Connection:
    """Open the store's connection. Tests replace this to open ``mode=ro`` (read-only disk)."""
    return sqlite3.connect(path, timeout=busy_timeout)


def _configure(conn: sqlite3.Connection, busy_timeout: float) -> None:
    """Per-connection settings; none of them is stored in the file except WAL."""
    # WAL: readers never block the writer and a crash never leaves a half-written page.
    # On filesystems without shared memory (some network shares) SQLite stays in
    # rollback-journal mode, which is slower but just as safe.
    conn.execute("PRAGMA journal_mode=WAL")
    # FULL: in WAL mode NORMAL may lose the last commits on power loss; a saved
    # answer must stay saved.
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute("PRAGMA foreign_keys=ON")
    conn.execute(f"PRAGMA busy_timeout={int(busy_timeout * 1000)}")
    # What sqlite_utils.Database(conn) sets; the Database itself is made lazily.
    conn.execute("PRAGMA recursive_triggers=ON")


def _check_version(path: Path, found: safety.Inspection) -> None:
    unknown = tuple(name for name in found.applied if name not in KNOWN_MIGRATIONS)
    if found.user_version > SCHEMA_VERSION or unknown:
        raise NewerDatabaseError(path, found.user_version, SCHEMA_VERSION, unknown)


def open_store(
    data_dir: Path,
    *,
    now: Callable[[], datetime] = local_now,
    keep_backups: int = 7,
    busy_timeout: float = DEFAULT_BUSY_TIMEOUT,
    defer_backup: bool = False,
) -> tuple[Store, OpenReport]:
    """Open (creating, repairing or migrating as needed) ``data_dir/passage.sqlite3``.

    Args:
        data_dir: the folder the app resolved (platform data folder, --data-dir,
            portable folder). Created with mode 0700 if missing.
        now: the clock, for timestamps and backup names (tests pass a fixed one).
        keep_backups: how many rolling backups to keep in ``data_dir/backups``.
        busy_timeout: seconds to wait for another window's write lock.
        defer_backup: leave this start's backup for :func:`take_deferred_backup`
            (the report says ``backup_skipped="deferred"``), unless a migration is
            pending: a migration always starts from a fresh backup.

    Raises:
        NewerDatabaseError: the file belongs to a newer Passage; it was not touched.
        StoreUnavailableError: the folder or file cannot be used (read-only, disk
            full, locked, I/O error); nothing was moved or changed.
    """
    if keep_backups < 1:
        raise ValueError("keep_backups must be at least 1; backups are the safety net")
    data_dir = Path(data_dir)
    safety.ensure_private_dir(data_dir)
    path = data_dir / safety.DB_NAME
    backup_dir = data_dir / safety.BACKUP_DIR
    stamp = now().strftime("%Y%m%d-%H%M%S")

    report: dict[str, object] = {"path": path}
    found = safety.Inspection(damage=None)
    if path.exists():
        found = safety.inspect(path, busy_timeout=busy_timeout)
        if found.damage is None and path.stat().st_size == 0 and safety.list_backups(backup_dir):
            # A zero-length file while backups exist: a filesystem lost the contents
            # (or something truncated it). SQLite would call it an empty database.
            found = safety.Inspection(damage="empty_file")
        if found.damage is not None:
            damaged_path = safety.move_aside(path, data_dir / safety.DAMAGED_DIR, stamp)
            restored = safety.restore_newest_good_backup(
                backup_dir, path, busy_timeout=busy_timeout
            )
            report.update(
                recovered=True,
                damage=found.damage,
                damaged_path=damaged_path,
                restored_from=restored,
                started_empty=restored is None,
            )
            found = (
                safety.inspect(path, busy_timeout=busy_timeout)
                if restored is not None
                else safety.Inspection(damage=None)
            )
        _check_version(path, found)
    else:
        report["created"] = True

    safety.create_private_file(path)
    try:
        conn = _connect(path, busy_timeout)
    except sqlite3.Error as exc:
        raise _translate(exc, path) from exc
    try:
        _configure(conn, busy_timeout)
        # No sqlite-utils plugins on the connection that holds the person's data.
        db = LazyDatabase(conn)
        pending = _pending(conn)
        if defer_backup and found.has_data and not pending:
            report["backup_skipped"] = DEFERRED
        else:
            report.update(_backup(conn, backup_dir, stamp, keep_backups, has_data=found.has_data))
        if pending and found.has_tables:
            report["migrated_from"] = found.user_version
        # An up-to-date file is not written to: a start without changes costs no
        # write and no fsync before the first paint (several ms on a slow disk). A
        # file Passage could not save to must still be found now, not at the first
        # answer: a write statement that changes no row fails on it, writing nothing.
        if pending or found.user_version != SCHEMA_VERSION:
            _migrate(db, pending=pending)
        else:
            _check_writable(conn)
    except BaseException as exc:
        conn.close()
        if isinstance(exc, sqlite3.Error):
            raise _translate(exc, path) from exc
        raise
    store = Store(db, path=path, data_dir=data_dir, now=now)
    return store, OpenReport(**report)  # type: ignore[arg-type]


def take_deferred_backup(store: Store, report: OpenReport, *, keep_backups: int = 7) -> OpenReport:
    """Take the backup that ``open_store(..., defer_backup=True)`` left for later.

    Returns the report with ``backup_path`` or the reason it was skipped filled in,
    as ``open_store`` would have. If nothing was deferred (no data yet, a migration
    ran, or it was taken already) the report comes back unchanged, so calling this
    twice is harmless. Like the backup in ``open_store``, a failure is reported,
    never raised: the data itself is fine. The backup is named after the store's
    clock now; call it before the person changes anything, so it holds the data as
    it was when Passage started.
    """
    if report.backup_skipped != DEFERRED:
        return report
    if keep_backups < 1:
        raise ValueError("keep_backups must be at least 1; backups are the safety net")
    stamp = store._now().strftime("%Y%m%d-%H%M%S")
    backup_dir = store.data_dir / safety.BACKUP_DIR
    taken = _backup(store._db.conn, backup_dir, stamp, keep_backups, has_data=True)
    return report._replace(**{"backup_path": None, "backup_skipped": None, **taken})


def _translate(exc: sqlite3.Error, path: Path) -> Exception:
    translated = unavailable_from_sqlite(exc, path)
    return translated if translated is not None else exc


def _backup(
    conn: sqlite3.Connection, backup_dir: Path, stamp: str, keep: int, *, has_data: bool
) -> dict[str, object]:
    """Take this start's backup; a failure is reported, never fatal (the data is fine)."""
    if not has_data:
        return {"backup_skipped": "empty"}
    try:
        made = safety.make_backup(conn, backup_dir, stamp, keep=keep)
    except StoreUnavailableError as exc:
        return {"backup_skipped": exc.reason}
    except OSError as exc:
        return {"backup_skipped": unavailable_from_os(exc, backup_dir).reason}
    except sqlite3.Error as exc:
        translated = unavailable_from_sqlite(exc, backup_dir)
        if translated is None:
            raise
        return {"backup_skipped": translated.reason}
    return {"backup_path": made} if made is not None else {"backup_skipped": "unchanged"}


def _pending(conn: sqlite3.Connection) -> bool:
    """True if some migration of ours is not recorded in the file (as sqlite-utils'
    ``Migrations.pending`` would say, read with plain sqlite3)."""
    if not conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_sqlite_migrations'"
    ).fetchone():
        return True
    applied = {
        row[0]
        for row in conn.execute(
            "SELECT name FROM _sqlite_migrations WHERE migration_set = ?", (MIGRATION_SET,)
        )
    }
    return any(name not in applied for name in KNOWN_MIGRATIONS)


def _check_writable(conn: sqlite3.Connection) -> None:
    """Raise SQLite's read-only error if this file cannot be written; write nothing."""
    conn.execute("BEGIN")
    try:
        conn.execute("DELETE FROM settings WHERE 0")
    finally:
        conn.execute("ROLLBACK")


def _migrate(db: LazyDatabase, *, pending: bool = True) -> None:
    """Apply pending migrations and stamp user_version, all in one write transaction."""
    conn = db.conn
    conn.execute("BEGIN IMMEDIATE")
    try:
        with db.atomic():
            if pending:
                schema.migration_set().apply(db.database)
            db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            with contextlib.suppress(sqlite3.Error):
                conn.execute("ROLLBACK")
        raise
