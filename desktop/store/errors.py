"""Errors the store raises, and the translation of low-level failures into them.

The errors carry data (paths, versions, a short ``reason`` code), never English
sentences: the UI owns the wording and translates it. The split follows
qutebrowser's ``misc/sql.py``: a failure that is *not our fault* (read-only folder,
full disk, another program holding the file, a broken disk) becomes a
:class:`StoreUnavailableError` the UI can explain to the person; anything else
(a constraint violation, a misuse of the API) is a bug in Passage and propagates
unchanged so it gets reported instead of being hidden behind a friendly message.
"""

from __future__ import annotations

import errno
import sqlite3
from pathlib import Path
from typing import Literal

UnavailableReason = Literal["read_only", "disk_full", "locked", "io", "corrupt"]
ProfileNameReason = Literal["empty", "too_long", "duplicate"]

# Primary result codes from https://www.sqlite.org/rescode.html. Extended codes
# (SQLITE_IOERR_WRITE = 778, SQLITE_BUSY_SNAPSHOT = 517, ...) carry the primary
# code in their low byte.
_SQLITE_BUSY = 5
_SQLITE_LOCKED = 6
_SQLITE_READONLY = 8
_SQLITE_IOERR = 10
_SQLITE_CORRUPT = 11
_SQLITE_FULL = 13
_SQLITE_CANTOPEN = 14
_SQLITE_NOTADB = 26
SQLITE_CONSTRAINT_FOREIGNKEY = 787

_REASON_BY_PRIMARY_CODE: dict[int, UnavailableReason] = {
    _SQLITE_READONLY: "read_only",
    _SQLITE_FULL: "disk_full",
    _SQLITE_BUSY: "locked",
    _SQLITE_LOCKED: "locked",
    _SQLITE_IOERR: "io",
    _SQLITE_CANTOPEN: "io",
    _SQLITE_CORRUPT: "corrupt",
    _SQLITE_NOTADB: "corrupt",
}

_REASON_BY_ERRNO: dict[int, UnavailableReason] = {
    errno.EACCES: "read_only",
    errno.EPERM: "read_only",
    errno.EROFS: "read_only",
    errno.ENOSPC: "disk_full",
}
if hasattr(errno, "EDQUOT"):  # not defined on Windows
    _REASON_BY_ERRNO[errno.EDQUOT] = "disk_full"


class StoreError(Exception):
    """Base class of every error the store raises on purpose."""


class NewerDatabaseError(StoreError):
    """The data file was written by a newer Passage; we refuse to touch it.

    Migrating or even "repairing" a file we do not understand could destroy the
    person's data, so the file is left byte-for-byte as it was and the UI asks
    them to use the newer version.

    Attributes:
        path: the data file.
        found_version: its ``PRAGMA user_version``.
        supported_version: the newest schema version this build understands.
        unknown_migrations: migration names recorded in the file that we do not know.
    """

    def __init__(
        self,
        path: Path,
        found_version: int,
        supported_version: int,
        unknown_migrations: tuple[str, ...] = (),
    ) -> None:
        super().__init__(path, found_version, supported_version, unknown_migrations)
        self.path = path
        self.found_version = found_version
        self.supported_version = supported_version
        self.unknown_migrations = unknown_migrations


class StoreUnavailableError(StoreError):
    """The data file cannot be read or written right now, through no fault of ours.

    Attributes:
        reason: ``"read_only"`` (folder or file not writable), ``"disk_full"``,
            ``"locked"`` (another program holds the file longer than the busy
            timeout), ``"io"`` (the operating system failed to read, write or open
            the file) or ``"corrupt"`` (the file was damaged while open; the next
            start restores the newest good backup).
        path: the file or folder concerned.
        code: the SQLite extended result code or the OS ``errno``, for the log.
    """

    def __init__(self, reason: UnavailableReason, path: Path, code: int | None = None) -> None:
        super().__init__(reason, path, code)
        self.reason: UnavailableReason = reason
        self.path = path
        self.code = code


class ProfileNameError(StoreError):
    """A profile name was refused.

    Attributes:
        reason: ``"empty"`` (nothing left after trimming), ``"too_long"`` (over
            :data:`MAX_PROFILE_NAME` characters) or ``"duplicate"`` (another profile
            has the same name, ignoring case).
        name: the name as the caller passed it.
    """

    def __init__(self, reason: ProfileNameReason, name: str) -> None:
        super().__init__(reason, name)
        self.reason: ProfileNameReason = reason
        self.name = name


class NotFoundError(StoreError):
    """A profile or note id does not exist (any more).

    Raised by writes that name a row, e.g. a note deleted in another window.

    Attributes:
        kind: ``"profile"`` or ``"note"``.
        id: the id that was asked for.
    """

    def __init__(self, kind: Literal["profile", "note"], id: int) -> None:
        super().__init__(kind, id)
        self.kind = kind
        self.id = id


def unavailable_from_sqlite(exc: sqlite3.Error, path: Path) -> StoreUnavailableError | None:
    """Translate a sqlite3 error that is not our fault; None means "a bug, re-raise it"."""
    code = getattr(exc, "sqlite_errorcode", None)
    if code is None:
        return None
    reason = _REASON_BY_PRIMARY_CODE.get(code & 0xFF)
    if reason is None:
        return None
    return StoreUnavailableError(reason, path, code)


def unavailable_from_os(exc: OSError, path: Path) -> StoreUnavailableError:
    """Translate a failed file operation (mkdir, rename, copy) for the UI."""
    reason = _REASON_BY_ERRNO.get(exc.errno or 0, "io")
    if isinstance(exc, PermissionError):
        reason = "read_only"
    return StoreUnavailableError(reason, path, exc.errno)


def is_damage(exc: sqlite3.Error) -> bool:
    """True if SQLite says the file is not a database or is malformed."""
    code = getattr(exc, "sqlite_errorcode", None)
    return code is not None and (code & 0xFF) in (_SQLITE_CORRUPT, _SQLITE_NOTADB)


def damage_kind(exc: sqlite3.Error) -> str:
    """``"not_a_database"`` or ``"malformed"``, for the OpenReport and the log."""
    code = getattr(exc, "sqlite_errorcode", 0) or 0
    return "not_a_database" if (code & 0xFF) == _SQLITE_NOTADB else "malformed"
