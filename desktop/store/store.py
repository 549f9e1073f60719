"""The Store: profiles, answers, checklist state, notes and settings on one connection.

Get one from :func:`desktop.store.open_store`, which checks, repairs, migrates and
backs up the file first. Every public write is one transaction: when the method
returns, the change is committed with ``synchronous=FULL`` and survives a crash or
a power cut; if it raises, nothing of it was written.

Values the caller hands in (answers, settings, tags, evidence fields) are stored as
JSON; text (titles, bodies, notes, names) is stored as given, byte for byte. The
notes methods live in ``notes.py``, the connection and transactions in ``base.py``.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Mapping
from typing import Any, cast

from .base import LazyDatabase, to_json
from .errors import NotFoundError, ProfileNameError
from .models import MAX_PROFILE_NAME, ChecklistState, Profile
from .notes import NotesMixin


class Store(NotesMixin):
    """Typed access to one open ``passage.sqlite3``. Not thread-safe: use it from one thread.

    Attributes:
        path: the data file.
        data_dir: the folder holding it, its backups/ and damaged/.
    """

    # -- profiles -------------------------------------------------------------------

    def _clean_name(self, name: str, *, except_id: int | None = None) -> str:
        """Trim and check a profile name; raise ProfileNameError with the reason."""
        if not isinstance(name, str):
            raise TypeError(f"name must be str, got {type(name).__name__}")
        # str.strip() also removes the ideographic space (U+3000) a Chinese IME types.
        # NFC makes a name typed with combining accents equal to the precomposed one.
        import unicodedata  # names are checked when typed, not at start

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
        encoded = to_json(value)
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

    def _put_answer(self, db: LazyDatabase, profile_id: int, question_id: str, value: Any) -> None:
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
            [profile_id, question_id, to_json(value), self._stamp()],
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
