"""Asking for a file to save to or to open, behind two intention-named functions.

Both go through the window's Dialogs (desktop/ui/dialogs.py), which tests replace with a
scripted answer; here the answer only becomes a Path.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QWidget


def ask_save_path(
    dialogs: object, parent: QWidget | None, title: str, suggested: str, filters: str
) -> Path | None:
    """Where to save a new file (None if the person cancelled)."""
    answer = dialogs.ask_save_path(title, suggested, filters)  # type: ignore[attr-defined]
    return Path(answer) if answer else None


def ask_open_path(dialogs: object, parent: QWidget | None, title: str, filters: str) -> Path | None:
    """Which existing file to open (None if the person cancelled)."""
    answer = dialogs.ask_open_path(title, filters)  # type: ignore[attr-defined]
    return Path(answer) if answer else None
