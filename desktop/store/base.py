"""The Store's foundation: the connection, its lifecycle, transactions, error translation.

Every public write of the store goes through :meth:`StoreBase._writing`: one
transaction that is committed (durably, ``synchronous=FULL``) when the method
returns, or rolled back if it raises. Reads go through :meth:`StoreBase._reading`.
Both turn "not our fault" sqlite3 errors into StoreUnavailableError.
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Self

from sqlite_utils import Database

from .errors import SQLITE_CONSTRAINT_FOREIGNKEY, NotFoundError, unavailable_from_sqlite


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


class StoreBase:
    """Owns the connection; the feature classes (notes, profiles...) build on it.

    Not thread-safe: use a store from the thread that opened it.
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
