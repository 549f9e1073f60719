"""Notes and evidence: create, edit, link, trash, purge and search.

Search is a plain substring match with ``instr()`` on the ordinary table, so it
finds one- and two-character Chinese words; see :meth:`NotesMixin.search_notes`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from datetime import datetime, timedelta
from typing import Any, cast

from .base import UNSET, StoreBase, to_json, utc_stamp
from .errors import NotFoundError
from .models import LINK_KINDS, NOTE_KINDS, LinkKind, Note, NoteKind

_ASCII_LETTER = re.compile(r"[A-Za-z]")

# Explicit column order for _note_from_tuple. Notes are read as plain tuples straight
# from the connection (no per-row dict, no savepoint per query): a search may return
# thousands of them.
_NOTE_COLUMNS = (
    "id, profile_id, kind, title, body, tags, link_kind, link_id, data, created, updated, "
    "deleted_at"
)


def _note_from_tuple(row: tuple[Any, ...]) -> Note:
    tags = row[5]
    data = row[8]
    return Note(
        id=row[0],
        profile_id=row[1],
        kind=row[2],
        title=row[3],
        body=row[4],
        tags=() if tags == "[]" else tuple(json.loads(tags)),
        link_kind=row[6],
        link_id=row[7],
        data=None if data is None else json.loads(data),
        created=row[9],
        updated=row[10],
        deleted_at=row[11],
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


class NotesMixin(StoreBase):
    """The notes part of :class:`~desktop.store.Store`."""

    def _notes(self, where: list[str], params: list[Any], limit: int | None = None) -> list[Note]:
        """Notes matching all ``where`` clauses, newest change first."""
        sql = f"SELECT {_NOTE_COLUMNS} FROM notes WHERE {' AND '.join(where)} "
        sql += "ORDER BY updated DESC, id DESC"
        if limit is not None:
            sql += " LIMIT ?"
            params = [*params, limit]
        return [_note_from_tuple(row) for row in self._db.conn.execute(sql, params)]

    def _note_row(self, note_id: int) -> Note:
        found = self._notes(["id = ?"], [note_id])
        if not found:
            raise NotFoundError("note", note_id)
        return found[0]

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
                    to_json(_clean_tags(tags)),
                    link_kind,
                    link_id,
                    None if data is None else to_json(dict(data)),
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
            changes["tags"] = to_json(_clean_tags(tags))
        if kind is not UNSET:
            if kind not in NOTE_KINDS:
                raise ValueError(f"kind must be one of {NOTE_KINDS}, got {kind!r}")
            changes["kind"] = kind
        if data is not UNSET:
            changes["data"] = None if data is None else to_json(dict(data))
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
            found = self._notes(["id = ?"], [note_id])
        return found[0] if found else None

    def list_notes(
        self,
        profile_id: int,
        *,
        include_deleted: bool = False,
        link: tuple[LinkKind, str] | None = None,
        limit: int | None = None,
    ) -> list[Note]:
        """A profile's notes, newest change first; optionally only those linked to one thing.

        ``limit`` caps the number returned (the newest ones); lists shown on screen
        should pass one, as building 10,000 notes takes a fifth of a second.
        """
        where = ["profile_id = ?"]
        params: list[Any] = [profile_id]
        if not include_deleted:
            where.append("deleted_at IS NULL")
        if link is not None:
            where.append("link_kind = ? AND link_id = ?")
            params.extend(link)
        with self._reading():
            return self._notes(where, params, limit)

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

    def search_notes(
        self, profile_id: int, query: str, tags: Iterable[str] = (), *, limit: int | None = None
    ) -> list[Note]:
        """Notes (not trashed) whose title or body contains every word of ``query``.

        Plain substring matching with ``instr()`` on the ordinary table: it finds a
        one- or two-character Chinese word such as 护照, which FTS5's trigram
        tokenizer cannot (it needs three characters, and LIKE on a trigram table is
        broken in SQLite 3.40). ``lower()`` on both sides makes ASCII letters match
        regardless of case; other scripts match exactly. Words are separated by
        whitespace (including the ideographic space). Every tag in ``tags`` must be
        on the note. An empty query lists all notes (with those tags), newest first.
        ``limit`` keeps only the newest matches: search-as-you-type should pass one.
        """
        where = ["profile_id = ?", "deleted_at IS NULL"]
        params: list[Any] = [profile_id]
        for word in query.split():
            if _ASCII_LETTER.search(word):
                where.append(
                    "(instr(lower(title), lower(?)) > 0 OR instr(lower(body), lower(?)) > 0)"
                )
            else:
                # lower() only changes ASCII letters, so a word without any (护照) can
                # skip it: copying every title and body halves the speed of the scan.
                where.append("(instr(title, ?) > 0 OR instr(body, ?) > 0)")
            params.extend([word, word])
        for tag in _clean_tags(tags):
            where.append("EXISTS (SELECT 1 FROM json_each(notes.tags) WHERE value = ?)")
            params.append(tag)
        with self._reading():
            return self._notes(where, params, limit)
