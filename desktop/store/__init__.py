"""The local store: a person's profiles, answers, checklist ticks, notes and settings.

One SQLite file, ``passage.sqlite3``, in a data folder the app chooses, managed
through sqlite-utils 4 (``Migrations``, ``db.atomic()``). This package never imports
Qt; the UI talks to it through :func:`open_store` and the :class:`Store` it returns.

What it guarantees: a write that returned is on disk (WAL, ``synchronous=FULL``);
a damaged file is moved aside, never deleted, and the newest good backup restored;
a file from a newer Passage is refused untouched; errors carry data (reason codes,
paths, versions) for the UI to translate.

Usage::

    store, report = open_store(data_dir)
    if report.recovered: ...          # tell the person, show report.damaged_path
    profile = store.ensure_default_profile("我")
    store.set_answer(profile.id, "destination", "japan")
"""

from .errors import (
    NewerDatabaseError,
    NotFoundError,
    ProfileNameError,
    StoreError,
    StoreUnavailableError,
)
from .models import MAX_PROFILE_NAME, ChecklistState, Note, Profile
from .opening import OpenReport, open_store
from .safety import BACKUP_DIR, DAMAGED_DIR, DB_NAME
from .schema import SCHEMA_VERSION
from .store import Store

__all__ = [
    "BACKUP_DIR",
    "DAMAGED_DIR",
    "DB_NAME",
    "MAX_PROFILE_NAME",
    "SCHEMA_VERSION",
    "ChecklistState",
    "NewerDatabaseError",
    "NotFoundError",
    "Note",
    "OpenReport",
    "Profile",
    "ProfileNameError",
    "Store",
    "StoreError",
    "StoreUnavailableError",
    "open_store",
]
