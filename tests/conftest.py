"""Shared fixtures: every test runs headless and far away from the real user folders."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

# With no display and no platform set, Qt aborts the whole pytest process.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def _isolated_user_dirs(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    """Point HOME and the XDG folders at a temporary place so nothing touches real data."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    for var, sub in (
        ("XDG_DATA_HOME", ".local/share"),
        ("XDG_CONFIG_HOME", ".config"),
        ("XDG_CACHE_HOME", ".cache"),
        ("XDG_STATE_HOME", ".local/state"),
    ):
        monkeypatch.setenv(var, str(home / sub))
    yield


@pytest.fixture(scope="session")
def qapp_cls():
    """pytest-qt builds our own application class, for every test that needs one.

    Defined here, not under tests/ui, because the first test to ask for a QApplication
    fixes its class for the whole run.
    """
    from desktop.ui.app import PassageApp

    return PassageApp


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """An empty data folder for one test."""
    d = tmp_path / "data"
    d.mkdir()
    return d
