"""The Store: profiles, answers, checklist state, notes and settings on one connection.

Get one from :func:`desktop.store.open_store`, which checks, repairs, migrates and
backs up the file first. Every public write is one transaction: when the method
returns, the change is committed with ``synchronous=FULL`` and survives a crash or
a power cut; if it raises, nothing of it was written.

Values the caller hands in (answers, settings, tags, evidence fields) are stored as
JSON; text (titles, bodies, notes, names) is stored as given, byte for byte.
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, cast

from sqlite_utils import Database

from .errors import (
    SQLITE_CONSTRAINT_FOREIGNKEY,
    NotFoundError,
    ProfileNameError,
    unavailable_from_sqlite,
)
from .models import (
    LINK_KINDS,
    MAX_PROFILE_NAME,
    NOTE_KINDS,
    ChecklistState,
    LinkKind,
    Note,
    NoteKind,
    Profile,
)


class _Unset:
    """Marks "argument not given" in update_note, where None is a real value."""

    def __repr__(self) -> str:
        return "UNSET"


UNSET: Any = _Unset()


def _dumps(value: Any) -> str:
    # allow_nan=False: NaN is not JSON and the CHECK (json_valid(...)) would refuse it
    # later with a less helpful error.
    return json.dumps(value, ensure_ascii=False, allow_nan=False)


def utc_stamp(moment: datetime) -> str:
    """The timestamp format of the database: UTC, milliseconds, sortable as text."""
    return moment.astimezone(UTC).isoformat(timespec="milliseconds")


def _note_from_row(row: Mapping[str, Any]) -> Note:
    return Note(
        id=row["id"],
        profile_id=row["profile_id"],
        kind=row["kind"],
        title=row["title"],
        body=row["body"],
        tags=tuple(json.loads(row["tags"])),
        link_kind=row["link_kind"],
        link_id=row["link_id"],
        data=None if row["data"] is None else json.loads(row["data"]),
        created=row["created"],
        updated=row["updated"],
        deleted_at=row["deleted_at"],
    )


def _clean_tags(tags: Iterable[str]) -> list[str]:
    """Trim tags, drop empty ones and duplicates, keep the person's order."""
    if isinstance(tags, str):
        raise TypeError("tags must be a sequence of strings, not one string")
    seen: dict[str, None] = {}
    for tag in tags:
        if not isinstance(tag, str):
            raise TypeError(f"tag must be str, got {type(tag).__name__}")
        cleaned = tag.strip()
        if cleaned:
            seen.setdefault(cleaned)
    return list(seen)


def _check_link(link_kind: str | None, link_id: str | None) -> None:
    if (link_kind is None) != (link_id is None):
        raise ValueError("link_kind and link_id go together: give both or neither")
    if link_kind is not None and link_kind not in LINK_KINDS:
        raise ValueError(f"link_kind must be one of {LINK_KINDS}, got {link_kind!r}")


class Store:
    """Typed access to one open ``passage.sqlite3``. Not thread-safe: use it from one thread.

    Attributes:
        path: the data file.
        data_dir: the folder holding it, its backups/ and damaged/.
    """

    def __init__(
        self,
        db: Database,
        path: Path,
        data_dir: Path,
        now: Callable[[], datetime],
    ) -> None:
        self._db = db
        self._path = path
        self._data_dir = data_dir
        self._now = now
        self._closed = False

    # -- lifecycle ------------------------------------------------------------------

    @property
    def path(self) -> Path:
        """The data file (``<data_dir>/passage.sqlite3``)."""
        return self._path

    @property
    def data_dir(self) -> Path:
        """The folder the caller gave to :func:`open_store`."""
        return self._data_dir

    def close(self) -> None:
        """Close the connection. SQLite checkpoints the WAL into the main file. Idempotent."""
        if not self._closed:
            self._closed = True
            self._db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # -- transactions and error translation -----------------------------------------

    def _stamp(self) -> str:
        return utc_stamp(self._now())

    @contextlib.contextmanager
    def _reading(self) -> Iterator[None]:
        """Translate "not our fault" sqlite3 errors on reads; let bugs through."""
        try:
            yield
        except sqlite3.Error as exc:
            translated = unavailable_from_sqlite(exc, self._path)
            if translated is None:
                raise
            raise translated from exc

    @contextlib.contextmanager
    def _writing(self, profile_id: int | None = None) -> Iterator[Database]:
        """One write transaction, committed (durably) on exit or rolled back on error.

        It starts with ``BEGIN IMMEDIATE`` so the write lock is taken up front:
        with a deferred BEGIN, a transaction that reads first and then writes can
        fail with SQLITE_BUSY_SNAPSHOT straight away if a second Passage window
        wrote in between, without waiting for the busy timeout. Inside it the
        work runs in ``db.atomic()`` (a savepoint), the sqlite-utils way, so
        writes can nest.

        A foreign-key failure when ``profile_id`` is given means the profile is
        gone (deleted in another window): that becomes NotFoundError.
        """
        conn = self._db.conn
        try:
            if conn.in_transaction:
                with self._db.atomic():
                    yield self._db
            else:
                conn.execute("BEGIN IMMEDIATE")
                try:
                    with self._db.atomic():
                        yield self._db
                    conn.execute("COMMIT")
                except BaseException:
                    if conn.in_transaction:
                        conn.execute("ROLLBACK")
                    raise
        except sqlite3.IntegrityError as exc:
            if (
                profile_id is not None
                and getattr(exc, "sqlite_errorcode", None) == SQLITE_CONSTRAINT_FOREIGNKEY
            ):
                raise NotFoundError("profile", profile_id) from exc
            raise
        except sqlite3.Error as exc:
            translated = unavailable_from_sqlite(exc, self._path)
            if translated is None:
                raise
            raise translated from exc

    def _one(self, sql: str, params: Iterable[Any] = ()) -> dict[str, Any] | None:
        return next(self._db.query(sql, list(params)), None)

    # -- profiles -------------------------------------------------------------------

    def _clean_name(self, name: str, *, except_id: int | None = None) -> str:
        """Trim and check a profile name; raise ProfileNameError with the reason."""
        if not isinstance(name, str):
            raise TypeError(f"name must be str, got {type(name).__name__}")
        # str.strip() also removes the ideographic space (U+3000) a Chinese IME types.
        # NFC makes a name typed with combining accents equal to the precomposed one.
        cleaned = unicodedata.normalize("NFC", name.strip())
        if not cleaned:
            raise ProfileNameError("empty", name)
        if len(cleaned) > MAX_PROFILE_NAME:
            raise ProfileNameError("too_long", name)
        # COLLATE NOCASE only folds ASCII; casefold() also catches "É" vs "é".
        folded = cleaned.casefold()
        for row in self._db.query("SELECT id, name FROM profiles"):
            if row["id"] != except_id and row["name"].casefold() == folded:
                raise ProfileNameError("duplicate", name)
        return cleaned

    def list_profiles(self) -> list[Profile]:
        """All profiles, ordered by name (case-insensitive for ASCII), then id."""
        with self._reading():
            rows = self._db.query("SELECT * FROM profiles ORDER BY name COLLATE NOCASE, id")
            return [Profile(**row) for row in rows]

    def get_profile(self, profile_id: int) -> Profile | None:
        """The profile with this id, or None if there is none."""
        with self._reading():
            row = self._one("SELECT * FROM profiles WHERE id = ?", [profile_id])
            return None if row is None else Profile(**row)

    def create_profile(self, name: str) -> Profile:
        """Create a profile; the name is trimmed and must be 1..80 characters and unique.

        Raises ProfileNameError("empty" | "too_long" | "duplicate").
        """
        with self._writing() as db:
            cleaned = self._clean_name(name)
            stamp = self._stamp()
            try:
                cursor = db.execute(
                    "INSERT INTO profiles (name, created, updated) VALUES (?, ?, ?)",
                    [cleaned, stamp, stamp],
                )
            except sqlite3.IntegrityError as exc:  # the UNIQUE COLLATE NOCASE backstop
                raise ProfileNameError("duplicate", name) from exc
            profile_id = cast(int, cursor.lastrowid)
        return Profile(profile_id, cleaned, stamp, stamp)

    def rename_profile(self, profile_id: int, name: str) -> Profile:
        """Rename a profile (same rules as create_profile). Raises NotFoundError if gone."""
        with self._writing() as db:
            if self._one("SELECT id FROM profiles WHERE id = ?", [profile_id]) is None:
                raise NotFoundError("profile", profile_id)
            cleaned = self._clean_name(name, except_id=profile_id)
            try:
                db.execute(
                    "UPDATE profiles SET name = ?, updated = ? WHERE id = ?",
                    [cleaned, self._stamp(), profile_id],
                )
            except sqlite3.IntegrityError as exc:
                raise ProfileNameError("duplicate", name) from exc
            row = self._one("SELECT * FROM profiles WHERE id = ?", [profile_id])
        return Profile(**cast(dict[str, Any], row))

    def delete_profile(self, profile_id: int) -> None:
        """Delete a profile with all its answers, checklist state and notes, in one go.

        The foreign keys cascade, so one DELETE removes everything or nothing.
        """
        with self._writing() as db:
            cursor = db.execute("DELETE FROM profiles WHERE id = ?", [profile_id])
            if cursor.rowcount == 0:
                raise NotFoundError("profile", profile_id)

    def ensure_default_profile(self, default_name: str) -> Profile:
        """Return the oldest profile, creating one named ``default_name`` if there is none.

        Runs in one write transaction so two windows starting together cannot
        both create a default profile.
        """
        with self._writing():
            row = self._one("SELECT * FROM profiles ORDER BY id LIMIT 1")
            if row is not None:
                return Profile(**row)
            return self.create_profile(default_name)

    # -- settings -------------------------------------------------------------------

    def get_setting(self, key: str, default: Any = None) -> Any:
        """An app-wide setting (language, font size...), or ``default`` if unset."""
        with self._reading():
            row = self._one("SELECT value FROM settings WHERE key = ?", [key])
        return default if row is None else json.loads(row["value"])

    def set_setting(self, key: str, value: Any) -> None:
        """Store an app-wide setting; ``value`` must be JSON-serialisable. None removes it."""
        if value is None:
            with self._writing() as db:
                db.execute("DELETE FROM settings WHERE key = ?", [key])
            return
        encoded = _dumps(value)
        with self._writing() as db:
            db.execute(
                "INSERT INTO settings (key, value) VALUES (?, ?) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                [key, encoded],
            )

    # -- answers --------------------------------------------------------------------

    def get_answers(self, profile_id: int) -> dict[str, Any]:
        """All answers of a profile, question id -> value (JSON-decoded)."""
        with self._reading():
            rows = self._db.query(
                "SELECT question_id, value FROM answers WHERE profile_id = ? ORDER BY question_id",
                [profile_id],
            )
            return {row["question_id"]: json.loads(row["value"]) for row in rows}

    def _put_answer(self, db: Database, profile_id: int, question_id: str, value: Any) -> None:
        if not isinstance(question_id, str) or not question_id:
            raise ValueError(f"question_id must be a non-empty str, got {question_id!r}")
        if value is None:
            db.execute(
                "DELETE FROM answers WHERE profile_id = ? AND question_id = ?",
                [profile_id, question_id],
            )
            return
        # The timestamp moves only when the value really changes, so autosaving an
        # unchanged page does not make answers_updated() lie.
        db.execute(
            "INSERT INTO answers (profile_id, question_id, value, updated) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (profile_id, question_id) DO UPDATE "
            "SET value = excluded.value, updated = excluded.updated "
            "WHERE value IS NOT excluded.value",
            [profile_id, question_id, _dumps(value), self._stamp()],
        )

    def set_answer(self, profile_id: int, question_id: str, value: Any) -> None:
        """Save one answer (autosave). ``None`` deletes it. NotFoundError if the profile is gone."""
        with self._writing(profile_id) as db:
            self._put_answer(db, profile_id, question_id, value)

    def replace_answers(self, profile_id: int, answers: Mapping[str, Any]) -> None:
        """Make the profile's answers exactly ``answers`` (e.g. an imported answers file).

        All or nothing: a bad value leaves the old answers untouched. Answers whose
        value did not change keep their timestamp; None values are skipped.
        """
        with self._writing(profile_id) as db:
            if self._one("SELECT id FROM profiles WHERE id = ?", [profile_id]) is None:
                raise NotFoundError("profile", profile_id)
            keep = [qid for qid, value in answers.items() if value is not None]
            db.execute(
                "DELETE FROM answers WHERE profile_id = ? "
                "AND question_id NOT IN (SELECT value FROM json_each(?))",
                [profile_id, json.dumps(keep)],
            )
            for question_id, value in answers.items():
                if value is not None:
                    self._put_answer(db, profile_id, question_id, value)

    def answers_updated(self, profile_id: int) -> str | None:
        """When an answer of this profile last changed (newest kept answer), or None."""
        with self._reading():
            row = self._one(
                "SELECT max(updated) AS updated FROM answers WHERE profile_id = ?", [profile_id]
            )
        return None if row is None else row["updated"]

    # -- checklist ------------------------------------------------------------------

    def get_checklist(self, profile_id: int) -> dict[str, ChecklistState]:
        """What the person ticked or noted, by checklist item id. Untouched items are absent."""
        with self._reading():
            rows = self._db.query(
                "SELECT * FROM checklist_state WHERE profile_id = ? ORDER BY item_id", [profile_id]
            )
            return {
                row["item_id"]: ChecklistState(
                    done=bool(row["done"]),
                    done_at=row["done_at"],
                    note=row["note"],
                    updated=row["updated"],
                )
                for row in rows
            }

    def set_checklist_done(self, profile_id: int, item_id: str, done: bool) -> None:
        """Tick or untick an item. Ticking an item already done keeps its first done_at."""
        stamp = self._stamp()
        with self._writing(profile_id) as db:
            db.execute(
                "INSERT INTO checklist_state (profile_id, item_id, done, done_at, updated) "
                "VALUES (:p, :i, :done, CASE WHEN :done THEN :now END, :now) "
                "ON CONFLICT (profile_id, item_id) DO UPDATE SET "
                "done_at = CASE WHEN NOT excluded.done THEN NULL "
                "WHEN done THEN done_at ELSE excluded.done_at END, "
                "done = excluded.done, updated = excluded.updated",
                {"p": profile_id, "i": item_id, "done": int(bool(done)), "now": stamp},
            )

    def set_checklist_note(self, profile_id: int, item_id: str, note: str | None) -> None:
        """Attach a short note to an item (where the paper is, who to call). None clears it."""
        with self._writing(profile_id) as db:
            db.execute(
                "INSERT INTO checklist_state (profile_id, item_id, note, updated) "
                "VALUES (?, ?, ?, ?) "
                "ON CONFLICT (profile_id, item_id) DO UPDATE SET "
                "note = excluded.note, updated = excluded.updated",
                [profile_id, item_id, note, self._stamp()],
            )

    # -- notes ----------------------------------------------------------------------

    def _note_row(self, note_id: int) -> Note:
        row = self._one("SELECT * FROM notes WHERE id = ?", [note_id])
        if row is None:
            raise NotFoundError("note", note_id)
        return _note_from_row(row)

    def create_note(
        self,
        profile_id: int,
        *,
        title: str,
        body: str,
        tags: Iterable[str] = (),
        kind: NoteKind = "note",
        link_kind: LinkKind | None = None,
        link_id: str | None = None,
        data: Mapping[str, Any] | None = None,
    ) -> Note:
        """Create a note or a piece of evidence and return it as stored."""
        if kind not in NOTE_KINDS:
            raise ValueError(f"kind must be one of {NOTE_KINDS}, got {kind!r}")
        _check_link(link_kind, link_id)
        stamp = self._stamp()
        with self._writing(profile_id) as db:
            cursor = db.execute(
                "INSERT INTO notes (profile_id, kind, title, body, tags, link_kind, link_id, "
                "data, created, updated) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    profile_id,
                    kind,
                    title,
                    body,
                    _dumps(_clean_tags(tags)),
                    link_kind,
                    link_id,
                    None if data is None else _dumps(dict(data)),
                    stamp,
                    stamp,
                ],
            )
            return self._note_row(cast(int, cursor.lastrowid))

    def update_note(
        self,
        note_id: int,
        *,
        title: str = UNSET,
        body: str = UNSET,
        tags: Iterable[str] = UNSET,
        kind: NoteKind = UNSET,
        link_kind: LinkKind | None = UNSET,
        link_id: str | None = UNSET,
        data: Mapping[str, Any] | None = UNSET,
    ) -> Note:
        """Change the given fields of a note (others stay) and return the note as stored.

        Raises NotFoundError if the note was purged or never existed.
        """
        changes: dict[str, Any] = {}
        if title is not UNSET:
            changes["title"] = title
        if body is not UNSET:
            changes["body"] = body
        if tags is not UNSET:
            changes["tags"] = _dumps(_clean_tags(tags))
        if kind is not UNSET:
            if kind not in NOTE_KINDS:
                raise ValueError(f"kind must be one of {NOTE_KINDS}, got {kind!r}")
            changes["kind"] = kind
        if data is not UNSET:
            changes["data"] = None if data is None else _dumps(dict(data))
        with self._writing() as db:
            current = self._note_row(note_id)
            if link_kind is not UNSET or link_id is not UNSET:
                new_kind = current.link_kind if link_kind is UNSET else link_kind
                new_id = current.link_id if link_id is UNSET else link_id
                _check_link(new_kind, new_id)
                changes["link_kind"], changes["link_id"] = new_kind, new_id
            if changes:
                changes["updated"] = self._stamp()
                assignments = ", ".join(f"{column} = :{column}" for column in changes)
                db.execute(
                    f"UPDATE notes SET {assignments} WHERE id = :note_id",
                    {**changes, "note_id": note_id},
                )
            return self._note_row(note_id)

    def get_note(self, note_id: int) -> Note | None:
        """The note with this id (trashed or not), or None if there is none."""
        with self._reading():
            row = self._one("SELECT * FROM notes WHERE id = ?", [note_id])
        return None if row is None else _note_from_row(row)

    def list_notes(
        self,
        profile_id: int,
        *,
        include_deleted: bool = False,
        link: tuple[LinkKind, str] | None = None,
    ) -> list[Note]:
        """A profile's notes, newest change first; optionally only those linked to one thing."""
        where = ["profile_id = ?"]
        params: list[Any] = [profile_id]
        if not include_deleted:
            where.append("deleted_at IS NULL")
        if link is not None:
            where.append("link_kind = ? AND link_id = ?")
            params.extend(link)
        with self._reading():
            rows = self._db.query(
                f"SELECT * FROM notes WHERE {' AND '.join(where)} ORDER BY updated DESC, id DESC",
                params,
            )
            return [_note_from_row(row) for row in rows]

    def trash_note(self, note_id: int) -> Note:
        """Move a note to the trash (restorable until purge_trash removes it)."""
        with self._writing() as db:
            self._note_row(note_id)
            db.execute(
                "UPDATE notes SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL",
                [self._stamp(), note_id],
            )
            return self._note_row(note_id)

    def restore_note(self, note_id: int) -> Note:
        """Take a note back out of the trash."""
        with self._writing() as db:
            self._note_row(note_id)
            db.execute("UPDATE notes SET deleted_at = NULL WHERE id = ?", [note_id])
            return self._note_row(note_id)

    def purge_trash(self, older_than_days: int = 30, now: datetime | None = None) -> int:
        """Delete for good the notes trashed more than ``older_than_days`` ago; return how many."""
        cutoff = utc_stamp((now or self._now()) - timedelta(days=older_than_days))
        with self._writing() as db:
            cursor = db.execute(
                "DELETE FROM notes WHERE deleted_at IS NOT NULL AND deleted_at < ?", [cutoff]
            )
            return cursor.rowcount

    def search_notes(self, profile_id: int, query: str, tags: Iterable[str] = ()) -> list[Note]:
        """Notes (not trashed) whose title or body contains every word of ``query``.

        Plain substring matching with ``instr()`` on the ordinary table: it finds a
        one- or two-character Chinese word such as 护照, which FTS5's trigram
        tokenizer cannot (it needs three characters, and LIKE on a trigram table is
        broken in SQLite 3.40). ``lower()`` on both sides makes ASCII letters match
        regardless of case; other scripts match exactly. Words are separated by
        whitespace (including the ideographic space). Every tag in ``tags`` must be
        on the note. An empty query lists all notes (with those tags), newest first.
        """
        where = ["profile_id = ?", "deleted_at IS NULL"]
        params: list[Any] = [profile_id]
        for word in query.split():
            where.append("(instr(lower(title), lower(?)) > 0 OR instr(lower(body), lower(?)) > 0)")
            params.extend([word, word])
        for tag in _clean_tags(tags):
            where.append("EXISTS (SELECT 1 FROM json_each(notes.tags) WHERE value = ?)")
            params.append(tag)
        with self._reading():
            rows = self._db.query(
                f"SELECT * FROM notes WHERE {' AND '.join(where)} ORDER BY updated DESC, id DESC",
                params,
            )
            return [_note_from_row(row) for row in rows]
