"""Moving a whole profile in and out of the store, and deleting one for good.

Free functions over a :class:`~desktop.store.Store` (they use its connection and its
transaction helper, which is why they live in this package):

* :func:`profile_snapshot` reads everything of one profile in one read transaction, so
  an export never mixes two states;
* :func:`insert_profile` writes a whole profile (already validated by
  :mod:`desktop.transfer`) in *one* transaction: a failure half-way leaves nothing;
* :func:`delete_profile_everywhere` deletes a profile's rows and then makes sure the
  deleted text is not left behind in the data file, its write-ahead log, or the
  rolling backups (see that function for how and why);
* :func:`note_tags` lists the tags in use, for the Notes page's tag filter.

Qt-free, like the rest of the store.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import safety
from .base import to_json
from .errors import NotFoundError, unavailable_from_os
from .models import ChecklistState, Note, Profile
from .store import Store

__all__ = [
    "ForgetReport",
    "ProfileSnapshot",
    "damaged_files",
    "delete_profile_everywhere",
    "free_profile_name",
    "insert_profile",
    "note_tags",
    "profile_snapshot",
]


@dataclass(frozen=True)
class ProfileSnapshot:
    """Everything stored about one profile at one moment. Trashed notes are left out:
    the person threw them away, so they do not travel on a USB stick."""

    profile: Profile
    answers: dict[str, Any]
    checklist: dict[str, ChecklistState]
    notes: list[Note]


def profile_snapshot(store: Store, profile_id: int) -> ProfileSnapshot:
    """Read a profile's answers, checklist state and notes in one consistent read.

    Raises NotFoundError if the profile does not exist.
    """
    conn = store._db.conn
    own = not conn.in_transaction
    with store._reading():
        if own:
            conn.execute("BEGIN")  # one snapshot for all the reads below (WAL)
        try:
            profile = store.get_profile(profile_id)
            if profile is None:
                raise NotFoundError("profile", profile_id)
            snapshot = ProfileSnapshot(
                profile=profile,
                answers=store.get_answers(profile_id),
                checklist=store.get_checklist(profile_id),
                notes=list(reversed(store.list_notes(profile_id))),  # oldest first
            )
        finally:
            if own and conn.in_transaction:
                conn.execute("COMMIT")
    return snapshot


def free_profile_name(store: Store, name: str, *, limit: int = 80) -> str:
    """``name``, or ``name (2)``, ``name (3)``... whichever no profile uses yet.

    Names clash ignoring case (``str.casefold``), as the store compares them. The base
    is shortened if the suffix would make the name longer than ``limit``.
    """
    base = name.strip()
    taken = {p.name.casefold() for p in store.list_profiles()}
    if base.casefold() not in taken:
        return base
    n = 2
    while True:
        suffix = f" ({n})"
        candidate = base[: limit - len(suffix)].rstrip() + suffix
        if candidate.casefold() not in taken:
            return candidate
        n += 1


def insert_profile(
    store: Store,
    *,
    name: str,
    answers: Mapping[str, Any],
    checklist: Mapping[str, Mapping[str, Any]],
    notes: Sequence[Mapping[str, Any]],
) -> Profile:
    """Create a profile with all its data in one transaction, and return it.

    The values must already be validated (:func:`desktop.transfer.parse_document`).
    Checklist and note timestamps are kept as given, so the imported record says when
    things were really done and written; answers get the time of the import. Raises
    ProfileNameError if ``name`` is taken or invalid; then nothing is written.
    """
    with store._writing() as db:
        profile = store.create_profile(name)
        stamp = store._stamp()
        for question_id, value in answers.items():
            db.execute(
                "INSERT INTO answers (profile_id, question_id, value, updated) VALUES (?, ?, ?, ?)",
                [profile.id, question_id, to_json(value), stamp],
            )
        for item_id, state in checklist.items():
            db.execute(
                "INSERT INTO checklist_state (profile_id, item_id, done, done_at, note, updated) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                [
                    profile.id,
                    item_id,
                    int(bool(state["done"])),
                    state.get("done_at"),
                    state.get("note"),
                    state["updated"],
                ],
            )
        for note in notes:
            data = note.get("data")
            db.execute(
                "INSERT INTO notes (profile_id, kind, title, body, tags, link_kind, link_id, "
                "data, created, updated, deleted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    profile.id,
                    note["kind"],
                    note["title"],
                    note["body"],
                    to_json(list(note["tags"])),
                    note.get("link_kind"),
                    note.get("link_id"),
                    None if data is None else to_json(data),
                    note["created"],
                    note["updated"],
                    note.get("deleted_at"),
                ],
            )
    return profile


def note_tags(store: Store, profile_id: int) -> list[str]:
    """The tags on a profile's notes (not trashed), sorted, each once."""
    with store._reading():
        rows = store._db.conn.execute(
            "SELECT DISTINCT value FROM notes, json_each(notes.tags) "
            "WHERE notes.profile_id = ? AND notes.deleted_at IS NULL ORDER BY value",
            [profile_id],
        ).fetchall()
    return [row[0] for row in rows if isinstance(row[0], str)]


# --------------------------------------------------------------------------- forgetting


@dataclass(frozen=True)
class ForgetReport:
    """What :func:`delete_profile_everywhere` did.

    Attributes:
        name: the deleted profile's name (for the message).
        compacted: the data file was rebuilt (VACUUM) and its write-ahead log emptied.
            False only if another Passage window kept the file busy: the rows are gone,
            but old copies of the text may linger in free space until the next try.
        backups_rewritten: backups that held the profile and were rewritten without it.
        backups_removed: backups that could not be opened or cleaned and were deleted,
            because nobody could prove they did not hold the profile.
        damaged_left: files in ``damaged/`` (set aside after earlier damage) that may
            still hold the profile; they are kept unless ``remove_damaged`` was given.
        damaged_removed: those files, if they were deleted.
    """

    name: str
    compacted: bool
    backups_rewritten: tuple[Path, ...] = ()
    backups_removed: tuple[Path, ...] = ()
    damaged_left: tuple[Path, ...] = ()
    damaged_removed: tuple[Path, ...] = field(default=())


def damaged_files(store: Store) -> list[Path]:
    """The files in ``damaged/``: earlier copies of the data file, set aside, never cleaned."""
    folder = store.data_dir / safety.DAMAGED_DIR
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.is_file())


def delete_profile_everywhere(
    store: Store, profile_id: int, *, remove_damaged: bool = False
) -> ForgetReport:
    """Delete a profile and everything about it, leaving no copy of its text behind.

    1. The rows go in one transaction (the foreign keys cascade to answers, checklist
       state and notes, trashed or not), with ``PRAGMA secure_delete`` on so SQLite
       overwrites the freed space with zeros.
    2. ``VACUUM`` rebuilds the file, so no free page or unused corner of a page keeps an
       older version of a note (autosave rewrites notes many times), and
       ``wal_checkpoint(TRUNCATE)`` empties the write-ahead log, which holds recent pages.
    3. Every rolling backup in ``backups/`` that holds the profile is **rewritten
       without it** (a copy beside it, the same delete and VACUUM, then renamed over
       it). The profile is recognised by its id *and* its creation time, because an id
       can be reused by a profile made later. We rewrite rather than delete the backups
       because they protect everyone else on this computer (a counsellor keeps one
       profile per worker): deleting them to forget one person would throw away the
       safety net of all the others. A backup that cannot be opened or cleaned is
       deleted instead, since nobody could prove it does not hold the profile.
    4. ``damaged/`` holds old data files set aside after damage. They cannot be cleaned
       (they are damaged), only deleted whole, which would also delete what they hold of
       other people; so they are deleted only with ``remove_damaged=True`` and otherwise
       listed in the report for the interface to ask about.

    What this cannot reach: copies outside the data folder (exported files, a USB
    stick) and blocks the file system or an SSD keeps after a file is replaced.

    Raises NotFoundError if the profile does not exist, StoreUnavailableError if the
    rows cannot be deleted (then nothing changed).
    """
    profile = store.get_profile(profile_id)
    if profile is None:
        raise NotFoundError("profile", profile_id)
    conn = store._db.conn
    previous = conn.execute("PRAGMA secure_delete").fetchone()[0]
    conn.execute("PRAGMA secure_delete = ON")
    try:
        store.delete_profile(profile_id)
        compacted = _compact(conn)
    finally:
        conn.execute(f"PRAGMA secure_delete = {int(previous)}")
    rewritten, removed = _scrub_backups(
        store.data_dir / safety.BACKUP_DIR, profile.id, profile.created
    )
    damaged = damaged_files(store)
    damaged_removed: list[Path] = []
    if remove_damaged:
        for path in damaged:
            try:
                path.unlink()
            except OSError as exc:
                raise unavailable_from_os(exc, path) from exc
            damaged_removed.append(path)
    return ForgetReport(
        name=profile.name,
        compacted=compacted,
        backups_rewritten=tuple(rewritten),
        backups_removed=tuple(removed),
        damaged_left=() if remove_damaged else tuple(damaged),
        damaged_removed=tuple(damaged_removed),
    )


def _compact(conn: sqlite3.Connection) -> bool:
    """VACUUM and empty the WAL; False if another connection kept the file busy."""
    try:
        conn.execute("VACUUM")
        busy, _log, _done = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    except sqlite3.OperationalError:
        return False
    return busy == 0


def _scrub_backups(
    backup_dir: Path, profile_id: int, created: str
) -> tuple[list[Path], list[Path]]:
    """Rewrite each backup that holds the profile without it; delete what cannot be read."""
    rewritten: list[Path] = []
    removed: list[Path] = []
    if not backup_dir.is_dir():
        return rewritten, removed
    for path in sorted(backup_dir.iterdir()):
        if not path.is_file():
            continue
        if path.name.endswith(".partial") or path.name.endswith(safety.SIDE_SUFFIXES):
            # A copy left by a crash mid-backup, or a stale journal: it may hold the
            # profile and is useless anyway.
            _unlink(path)
            removed.append(path)
            continue
        try:
            changed = _rewrite_without(path, profile_id, created)
        except (sqlite3.Error, OSError):
            _unlink(path)
            removed.append(path)
            continue
        if changed:
            rewritten.append(path)
    return rewritten, removed


def _rewrite_without(path: Path, profile_id: int, created: str) -> bool:
    """Remove the profile from one backup file; True if it was there.

    Works on a copy next to it that then replaces it, so a crash leaves the old backup
    whole (and the person can simply try again) rather than half a file.
    """
    found = _holds_profile(path, profile_id, created)
    if not found:
        return False
    partial = path.with_name(f".{path.name}.partial")
    with contextlib.suppress(FileNotFoundError):
        partial.unlink()
    safety.create_private_file(partial)
    try:
        shutil.copyfile(path, partial)
        conn = sqlite3.connect(partial)
        try:
            conn.execute("PRAGMA foreign_keys = ON")
            conn.execute("PRAGMA secure_delete = ON")
            conn.execute("PRAGMA journal_mode = DELETE")
            with conn:
                conn.execute(
                    "DELETE FROM profiles WHERE id = ? AND created = ?", [profile_id, created]
                )
                # A backup made before foreign keys were on could keep orphans: be sure.
                for table in ("answers", "checklist_state", "notes"):
                    conn.execute(f"DELETE FROM {table} WHERE profile_id = ?", [profile_id])
            conn.execute("VACUUM")
            if conn.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
                raise sqlite3.DatabaseError("backup failed its check after cleaning")
        finally:
            conn.close()
        safety.fsync_file(partial)
        os.replace(partial, path)
        safety.fsync_dir(path.parent)
    except BaseException:
        with contextlib.suppress(OSError):
            partial.unlink()
        raise
    return True


def _holds_profile(path: Path, profile_id: int, created: str) -> bool:
    """True if the backup has this profile. Raises sqlite3.Error if it cannot be read."""
    uri = f"{path.resolve().as_uri()}?mode=ro"
    conn = sqlite3.connect(uri, uri=True)
    try:
        row = conn.execute(
            "SELECT 1 FROM profiles WHERE id = ? AND created = ?", [profile_id, created]
        ).fetchone()
        return row is not None
    finally:
        conn.close()


def _unlink(path: Path) -> None:
    try:
        path.unlink()
    except FileNotFoundError:
        pass
    except OSError as exc:
        raise unavailable_from_os(exc, path) from exc
