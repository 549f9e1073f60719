"""Plain, immutable records the store hands out.

They are immutable records rather than sqlite rows or dicts so that callers (the
UI, the renderer) cannot mistake a snapshot for a live object: to change
something, call the store and use the record it returns. NamedTuples, not frozen
dataclasses: the store is imported before the window first paints, and making a
dataclass compiles its generated methods (about 1 ms each; a NamedTuple 0.3 ms).

Timestamps are ISO 8601 strings in UTC with milliseconds
(``2026-11-25T06:30:00.000+00:00``): they sort as text, survive JSON and are what
the database holds.
"""

from __future__ import annotations

from typing import Any, Literal, NamedTuple

NoteKind = Literal["note", "evidence"]
LinkKind = Literal["topic", "question", "checklist"]

NOTE_KINDS: tuple[str, ...] = ("note", "evidence")
LINK_KINDS: tuple[str, ...] = ("topic", "question", "checklist")
MAX_PROFILE_NAME = 80


class Profile(NamedTuple):
    """One person (or one worker a counsellor prepares papers for)."""

    id: int
    name: str
    created: str
    updated: str


class ChecklistState(NamedTuple):
    """What the person recorded for one checklist item."""

    done: bool
    done_at: str | None
    note: str | None
    updated: str


class Note(NamedTuple):
    """A free note or a piece of evidence (a receipt, a contract clause, a phone number).

    ``data`` holds structured evidence fields (amount paid, date, who) as a JSON
    object; ``link_kind``/``link_id`` attach the note to a topic, question or
    checklist item. ``deleted_at`` is set while the note is in the trash.
    """

    id: int
    profile_id: int
    kind: NoteKind
    title: str
    body: str
    tags: tuple[str, ...]
    link_kind: LinkKind | None
    link_id: str | None
    data: dict[str, Any] | None
    created: str
    updated: str
    deleted_at: str | None

    @property
    def in_trash(self) -> bool:
        """True while the note sits in the trash (restorable until purged)."""
        return self.deleted_at is not None
