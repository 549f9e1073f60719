"""The database schema, as an ordered list of sqlite-utils migrations.

Rules for whoever adds migration 2:

* Never edit or rename a migration that has shipped; add a new one at the end.
  Its name is recorded in ``_sqlite_migrations`` and an unknown name makes older
  builds refuse the file (see :class:`~desktop.store.errors.NewerDatabaseError`).
* :data:`SCHEMA_VERSION` is simply the number of migrations; it is written to
  ``PRAGMA user_version`` so that other tools (and older builds) can see at a
  glance which schema a file has.
* All migrations run inside one transaction together with the ``user_version``
  write (see ``opening.py``), so a crash mid-migration leaves the old schema.
  A migration that cannot run in a transaction (``VACUUM``) needs a change there.
* Use ``db.execute()`` for DDL, as sqlite-utils 4 ``docs/upgrading.rst`` advises.

The ``Migrations`` object is built on first use (:func:`migration_set`, or the module
attribute ``migrations``): importing sqlite-utils costs about 0.3 s, and opening a
store whose schema is up to date does not need it (see ``opening.py``).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlite_utils import Database
    from sqlite_utils.migrations import Migrations

MIGRATION_SET = "passage"

_registered: list[tuple[str, Callable[[Database], None]]] = []


def _migration(name: str) -> Callable[[Callable[[Database], None]], Callable[[Database], None]]:
    """Register a migration and remember its name, so we can count and recognise them."""

    def register(fn: Callable[[Database], None]) -> Callable[[Database], None]:
        _registered.append((name, fn))
        return fn

    return register


@cache
def migration_set() -> Migrations:
    """The sqlite-utils ``Migrations`` for our schema, in order (built once)."""
    from sqlite_utils.migrations import Migrations

    migrations = Migrations(MIGRATION_SET)
    for name, fn in _registered:
        migrations(name=name)(fn)
    return migrations


def __getattr__(name: str) -> Any:
    # ``schema.migrations`` stays available (tests and tools use it) without importing
    # sqlite-utils when this module is imported.
    if name == "migrations":
        return migration_set()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


_INITIAL = [
    # Names are unique ignoring ASCII case in the database; the store also compares
    # them with str.casefold() so that "É" and "é" clash too.
    """
    CREATE TABLE profiles (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(name) BETWEEN 1 AND 80),
        created TEXT NOT NULL,
        updated TEXT NOT NULL
    )
    """,
    """
    CREATE TABLE answers (
        profile_id INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
        question_id TEXT NOT NULL,
        value TEXT NOT NULL CHECK (json_valid(value)),
        updated TEXT NOT NULL,
        PRIMARY KEY (profile_id, question_id)
    )
    """,
    """
    CREATE TABLE checklist_state (
        profile_id INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
        item_id TEXT NOT NULL,
        done INTEGER NOT NULL DEFAULT 0 CHECK (done IN (0, 1)),
        done_at TEXT,
        note TEXT,
        updated TEXT NOT NULL,
        PRIMARY KEY (profile_id, item_id)
    )
    """,
    """
    CREATE TABLE notes (
        id INTEGER PRIMARY KEY,
        profile_id INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
        kind TEXT NOT NULL DEFAULT 'note' CHECK (kind IN ('note', 'evidence')),
        title TEXT NOT NULL DEFAULT '',
        body TEXT NOT NULL DEFAULT '',
        tags TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(tags) AND json_type(tags) = 'array'),
        link_kind TEXT CHECK (link_kind IN ('topic', 'question', 'checklist')),
        link_id TEXT,
        data TEXT CHECK (data IS NULL OR json_valid(data)),
        created TEXT NOT NULL,
        updated TEXT NOT NULL,
        deleted_at TEXT,
        CHECK ((link_kind IS NULL) = (link_id IS NULL))
    )
    """,
    # list_notes / search_notes: one profile, newest first.
    "CREATE INDEX notes_by_profile_updated ON notes (profile_id, updated)",
    # Notes attached to one topic, question or checklist item.
    "CREATE INDEX notes_by_link ON notes (profile_id, link_kind, link_id)",
    # purge_trash looks only at trashed notes.
    "CREATE INDEX notes_in_trash ON notes (deleted_at) WHERE deleted_at IS NOT NULL",
    """
    CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL CHECK (json_valid(value))
    )
    """,
]


@_migration("0001_initial")
def _initial(db: Database) -> None:
    """Profiles, answers, checklist state, notes (with trash) and app settings."""
    for statement in _INITIAL:
        db.execute(statement)


KNOWN_MIGRATIONS: tuple[str, ...] = tuple(name for name, _fn in _registered)
SCHEMA_VERSION: int = len(KNOWN_MIGRATIONS)
