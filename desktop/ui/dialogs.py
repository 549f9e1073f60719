"""The few questions the interface asks a person, behind intention-named methods.

Pages call ``dialogs.ask_text(...)`` or ``dialogs.confirm(...)`` rather than QInputDialog
and QMessageBox directly, so tests can answer them with a scripted object (mu's way) and
``--self-test`` can run without anyone to click.

The dialog classes are imported when a question is asked, not with this module: the
main window makes its Dialogs before the first paint, and bringing in the Python types
of QFileDialog, QInputDialog and QMessageBox (with their enums) is time the first paint
does not need.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget


def _start_folder() -> Path:
    from PySide6.QtCore import QStandardPaths

    docs = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(docs) if docs and Path(docs).is_dir() else Path.home()


class Dialogs:
    def __init__(self, parent: QWidget | None = None, *, interactive: bool = True) -> None:
        self.parent = parent
        self.interactive = interactive

    def ask_text(self, title: str, label: str, text: str = "") -> str | None:
        if not self.interactive:
            return None
        from PySide6.QtWidgets import QInputDialog, QLineEdit

        value, ok = QInputDialog.getText(self.parent, title, label, QLineEdit.EchoMode.Normal, text)
        return value if ok else None

    def ask_save_path(self, title: str, suggested: str, filters: str) -> str | None:
        """Where to save a new file; None if the person cancelled (or nobody is there)."""
        if not self.interactive:
            return None
        from PySide6.QtWidgets import QFileDialog

        path, _chosen = QFileDialog.getSaveFileName(
            self.parent, title, str(_start_folder() / suggested), filters
        )
        return path or None

    def ask_open_path(self, title: str, filters: str) -> str | None:
        """Which existing file to open; None if the person cancelled."""
        if not self.interactive:
            return None
        from PySide6.QtWidgets import QFileDialog

        path, _chosen = QFileDialog.getOpenFileName(
            self.parent, title, str(_start_folder()), filters
        )
        return path or None

    def confirm(self, title: str, text: str, *, destructive: bool = False) -> bool:
        if not self.interactive:
            return False
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(
            QMessageBox.Icon.Warning if destructive else QMessageBox.Icon.Question,
            title,
            text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self.parent,
        )
        box.setDefaultButton(QMessageBox.StandardButton.No)
        return box.exec() == QMessageBox.StandardButton.Yes

    def inform(self, title: str, text: str) -> None:
        if not self.interactive:
            print(f"{title}: {text}", file=sys.stderr)
            return
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.information(self.parent, title, text)

    def error(self, title: str, text: str) -> None:
        if not self.interactive:
            print(f"{title}: {text}", file=sys.stderr)
            return
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.critical(self.parent, title, text)
