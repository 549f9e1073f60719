"""Fixtures for the store tests: a controllable clock and stores in tmp_path only."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from desktop.store import OpenReport, Store, open_store

BEIJING = timezone(timedelta(hours=8))


class Clock:
    """A clock the test moves by hand, so timestamps and backup names are predictable."""

    def __init__(self) -> None:
        self.moment = datetime(2026, 11, 25, 9, 0, 0, tzinfo=BEIJING)

    def __call__(self) -> datetime:
        return self.moment

    def advance(self, **delta: float) -> datetime:
        self.moment += timedelta(**delta)
        return self.moment


@pytest.fixture
def clock() -> Clock:
    """A fixed clock at 2026-11-25 09:00 Beijing time."""
    return Clock()


@pytest.fixture
def opener(data_dir: Path, clock: Clock) -> Iterator:
    """open_store(data_dir) with the test clock; closes every store it opened."""
    opened: list[Store] = []

    def _open(**kwargs: object) -> tuple[Store, OpenReport]:
        kwargs.setdefault("now", clock)
        store, report = open_store(data_dir, **kwargs)  # type: ignore[arg-type]
        opened.append(store)
        return store, report

    yield _open
    for store in opened:
        store.close()


@pytest.fixture
def store(opener) -> Store:
    """A freshly created, empty store."""
    return opener()[0]


@pytest.fixture
def profile_id(store: Store) -> int:
    """The id of one profile in ``store``."""
    return store.create_profile("Ana").id
