"""The few questions the interface asks a person, behind intention-named methods.

Pages call ``dialogs.ask_text(...)`` or ``dialogs.confirm(...)`` rather than QInputDialog
and QMessageBox directly, so tests can answer them with a scripted object (mu's way) and
``--self-test`` can run without anyone to click.
"""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QInputDialog, QLineEdit, QMessageBox, QWidget


class Dialogs:
    def __init__(self, parent: QWidget | None = None, *, interactive: bool = True) -> None:
        self.parent = parent
        self.interactive = interactive

    def ask_text(self, title: str, label: str, text: str = "") -> str | None:
        if not self.interactive:
            return None
        value, ok = QInputDialog.getText(self.parent, title, label, QLineEdit.EchoMode.Normal, text)
        return value if ok else None

    def confirm(self, title: str, text: str, *, destructive: bool = False) -> bool:
        if not self.interactive:
            return False
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
        QMessageBox.information(self.parent, title, text)

    def error(self, title: str, text: str) -> None:
        if not self.interactive:
            print(f"{title}: {text}", file=sys.stderr)
            return
        QMessageBox.critical(self.parent, title, text)
