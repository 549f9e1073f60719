"""The Store's foundation: the connection, its lifecycle, transactions, error translation.

Every public write of the store goes through :meth:`StoreBase._writing`: one
transaction that is committed (durably, ``synchronous=FULL``) when the method
returns, or rolled back if it raises. Reads go through :meth:`StoreBase._reading`.
Both turn "not our fault" sqlite3 errors into StoreUnavailableError.

``sqlite_utils`` is imported only when something needs more of it than the store's
everyday reads and writes (see :class:`LazyDatabase`): the import costs about 0.3 s
and 15 MiB (it pulls in click, dateutil, pluggy and importlib.metadata), and the
store is opened before the window's first paint.
"""

from __future__ import annotations

import contextlib
import itertools
import json
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Self

from .errors import SQLITE_CONSTRAINT_FOREIGNKEY, NotFoundError, unavailable_from_sqlite

if TYPE_CHECKING:
    from sqlite_utils import Database


class _Unset:
    """Marks "argument not given" in update_note, where None is a real value."""

    def __repr__(self) -> str:
        return "UNSET"


UNSET: Any = _Unset()


def to_json(value: Any) -> str:
    # allow_nan=False: NaN is not JSON and the CHECK (json_valid(...)) would refuse it
    # later with a less helpful error.
    return json.dumps(value, ensure_ascii=False, allow_nan=False)


def utc_stamp(moment: datetime) -> str:
    """The timestamp format of the database: UTC, milliseconds, sortable as text."""
    return moment.astimezone(UTC).isoformat(timespec="milliseconds")


_savepoints = itertools.count(1)


class LazyDatabase:
    """The store's connection as a ``sqlite_utils.Database``, made only when needed.

    The store uses three methods on every read and write: ``query`` (SELECTs),
    ``execute`` inside a transaction, and ``atomic`` nested in one (a savepoint). For
    those, sqlite-utils 4 does nothing but call ``sqlite3`` (plus, for ``query``, a
    savepoint guard that a SELECT does not need), so they run on the connection here,
    exactly as ``Database`` runs them. Everything else (``execute`` or ``atomic``
    outside a transaction, ``db["table"]``, ``table_names()``, migrations...) goes to a
    real ``Database`` on the same connection, created at the first such use.
    """

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self._database: Database | None = None

    @property
    def database(self) -> Database:
        """The real ``sqlite_utils.Database`` (no plugins on the person's data)."""
        if self._database is None:
            from sqlite_utils import Database

            # recursive_triggers is already on: see opening._configure.
            self._database = Database(self.conn, execute_plugins=False, recursive_triggers=False)
        return self._database

    def __getattr__(self, name: str) -> Any:
        return getattr(self.database, name)

    def __getitem__(self, name: str) -> Any:
        return self.database[name]

    def query(self, sql: str, params: Sequence[Any] | dict[str, Any] | None = None):
        """Rows as dicts, like ``Database.query``."""
        if not sql.lstrip().upper().startswith("SELECT"):
            return self.database.query(sql, params)
        cursor = self.conn.execute(sql, () if params is None else params)
        keys = [d[0] for d in cursor.description]
        if len(set(keys)) != len(keys):  # sqlite-utils renames duplicate columns
            return self.database.query(sql, params)
        return (dict(zip(keys, row, strict=True)) for row in cursor)

    def execute(
        self, sql: str, parameters: Sequence[Any] | dict[str, Any] | None = None
    ) -> sqlite3.Cursor:
        """Like ``Database.execute``: inside a transaction that is ``conn.execute``."""
        if not self.conn.in_transaction:
            return self.database.execute(sql, parameters)
        if parameters is None:
            return self.conn.execute(sql)
        return self.conn.execute(sql, parameters)

    @contextlib.contextmanager
    def atomic(self) -> Iterator[LazyDatabase]:
        """Like ``Database.atomic``: a savepoint inside a transaction, else a transaction."""
        conn = self.conn
        if not conn.in_transaction:
            with self.database.atomic():
                yield self
            return
        savepoint = f"passage_{next(_savepoints)}"
        conn.execute(f"SAVEPOINT {savepoint};")
        try:
            yield self
        except BaseException:
            # An error can destroy the whole transaction, savepoint included (as in
            # sqlite-utils): only roll back to it while it still exists.
            if conn.in_transaction:
                conn.execute(f"ROLLBACK TO SAVEPOINT {savepoint};")
                conn.execute(f"RELEASE SAVEPOINT {savepoint};")
            raise
        else:
            conn.execute(f"RELEASE SAVEPOINT {savepoint};")

    def close(self) -> None:
        self.conn.close()


class StoreBase:
    """Owns the connection; the feature classes (notes, profiles...) build on it.

    Not thread-safe: use a store from the thread that opened it.
    """

    def __init__(
        self,
        db: LazyDatabase,
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

    def __enter__(self) -> Self:
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
    def _writing(self, profile_id: int | None = None) -> Iterator[LazyDatabase]:
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
