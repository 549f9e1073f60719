"""The note editor: title, kind, tags, what the note is about, the text, and the evidence form.

It knows nothing about the store: it shows values and says when they change (``changed``);
the Notes page decides when to save. That keeps autosave in one place and lets the
editor be tested on its own.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from desktop.store import Note
from desktop.ui.pages.notes_evidence import EvidenceForm
from desktop.ui.widgets import Heading

# Commas of both widths, the Chinese enumeration comma and semicolons all separate tags:
# whichever a person's input method gives them.
_TAG_SPLIT = re.compile(r"[,，、;；]")
MAX_TITLE = 200
LINK_LABEL_LENGTH = 70


def split_tags(text: str) -> list[str]:
    """``"护照, 合同、中介"`` -> ``["护照", "合同", "中介"]`` (trimmed, no empties, no repeats)."""
    seen: dict[str, None] = {}
    for part in _TAG_SPLIT.split(text):
        tag = part.strip()
        if tag:
            seen.setdefault(tag)
    return list(seen)


def join_tags(tags: Iterable[str]) -> str:
    return ", ".join(tags)


def _short(text: str, limit: int = LINK_LABEL_LENGTH) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


class NoteEditor(QWidget):
    """Signals:
    changed: the person edited something (the page saves after a pause).
    openLink(str, str): "Go there" was pressed for the link (kind, id).
    """

    changed = Signal()
    openLink = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.heading = Heading(level=3)
        lay.addWidget(self.heading)

        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.title_label, self.title = QLabel(), QLineEdit()
        self.title.setMaxLength(MAX_TITLE)
        self.kind_label = QLabel()
        self.kind = QComboBox()
        self.kind.addItem("", "note")
        self.kind.addItem("", "evidence")
        self.tags_label, self.tags = QLabel(), QLineEdit()
        self.link_label, self.link = QLabel(), QComboBox()
        self.link.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.link.setMinimumContentsLength(20)
        self.link.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.go_button = QPushButton()
        link_row = QHBoxLayout()
        link_row.addWidget(self.link, 1)
        link_row.addWidget(self.go_button)
        for label, field in (
            (self.title_label, self.title),
            (self.kind_label, self.kind),
            (self.tags_label, self.tags),
            (self.link_label, self.link),
        ):
            label.setBuddy(field)
        form.addRow(self.title_label, self.title)
        form.addRow(self.kind_label, self.kind)
        form.addRow(self.tags_label, self.tags)
        form.addRow(self.link_label, link_row)
        lay.addLayout(form)

        self.body_label = QLabel()
        self.body = QPlainTextEdit()
        self.body.setTabChangesFocus(True)  # Tab leaves the text, as everywhere else
        self.body.setMinimumHeight(self.fontMetrics().lineSpacing() * 8)
        self.body_label.setBuddy(self.body)
        lay.addWidget(self.body_label)
        lay.addWidget(self.body, 1)

        self.evidence = EvidenceForm()
        lay.addWidget(self.evidence)
        # Below an evidence form the spare height goes here; for a plain note, to the text.
        lay.addStretch(0)
        self._layout = lay

        self._loading = False
        self._links: list[tuple[str, str, str]] = []  # (kind, id, label) in combo order
        self._headers: dict[str, str] = {}
        self._current_link: tuple[str, str] | None = None
        self.title.textEdited.connect(self._edited)
        self.tags.textEdited.connect(self._edited)
        self.body.textChanged.connect(self._edited)
        self.kind.activated.connect(self._kind_chosen)
        self.link.activated.connect(self._link_chosen)
        self.evidence.changed.connect(self._edited)
        self.go_button.clicked.connect(self._go)
        self.set_link_targets([], {})
        self.load(None)
        self.retranslate()

    # -- showing a note -----------------------------------------------------------------
    def load(
        self,
        note: Note | None,
        *,
        kind: str = "note",
        link: tuple[str, str] | None = None,
        read_only: bool = False,
    ) -> None:
        """Show ``note`` (or an empty draft of ``kind`` about ``link``), without ``changed``."""
        self._loading = True
        try:
            if note is not None:
                kind = note.kind
                link = (note.link_kind, note.link_id) if note.link_kind and note.link_id else None
            self.title.setText(note.title if note else "")
            self.tags.setText(join_tags(note.tags) if note else "")
            self.body.setPlainText(note.body if note else "")
            self.kind.setCurrentIndex(max(self.kind.findData(kind), 0))
            self._current_link = link
            self._select_link(link)
            self.evidence.set_data(note.data if note else None)
            self._show_evidence()
            self.set_read_only(read_only)
        finally:
            self._loading = False

    def set_read_only(self, read_only: bool) -> None:
        for edit in (self.title, self.tags):
            edit.setReadOnly(read_only)
        self.body.setReadOnly(read_only)
        self.kind.setEnabled(not read_only)
        self.link.setEnabled(not read_only)
        self.evidence.set_read_only(read_only)

    def values(self) -> dict[str, Any]:
        """The fields as the store takes them (``update_note(**values)``)."""
        kind = self.kind.currentData() or "note"
        link = self._current_link
        data = self.evidence.data() if kind == "evidence" else None
        return {
            "title": self.title.text().strip(),
            "body": self.body.toPlainText(),
            "tags": split_tags(self.tags.text()),
            "kind": kind,
            "link_kind": link[0] if link else None,
            "link_id": link[1] if link else None,
            "data": data,
        }

    def is_blank(self) -> bool:
        """Nothing typed yet: a draft like this is not worth saving."""
        v = self.values()
        data = v["data"] or {}
        return not (
            v["title"]
            or v["body"].strip()
            or v["tags"]
            or data.get("payments")
            or data.get("promises")
        )

    # -- link targets -------------------------------------------------------------------
    def set_link_targets(
        self, targets: list[tuple[str, str, str]], headers: dict[str, str]
    ) -> None:
        """Offer these (kind, id, label) targets, grouped under ``headers[kind]``."""
        self._links = targets
        self._headers = headers
        self._fill_links()

    def _fill_links(self) -> None:
        self.link.blockSignals(True)
        self.link.clear()
        self.link.addItem(self.tr("Nothing (not linked)"), None)
        model = self.link.model()
        last_kind = None
        for kind, target_id, label in self._links:
            if kind != last_kind and kind in self._headers:
                self.link.addItem(f"— {self._headers[kind]} —", None)
                if isinstance(model, QStandardItemModel):
                    model.item(self.link.count() - 1).setEnabled(False)
                last_kind = kind
            self.link.addItem("   " + _short(label), f"{kind}:{target_id}")
            self.link.setItemData(self.link.count() - 1, label, Qt.ItemDataRole.ToolTipRole)
        self.link.blockSignals(False)
        self._select_link(self._current_link)

    def _select_link(self, link: tuple[str, str] | None) -> None:
        self.link.blockSignals(True)
        if link is None:
            self.link.setCurrentIndex(0)
        else:
            key = f"{link[0]}:{link[1]}"
            index = self.link.findData(key)
            if index < 0:
                # A link to something not offered now (a checklist item no longer in the
                # plan, content not loaded yet): keep it, and say what it is.
                self.link.addItem(
                    self.tr("%1 (not in your plan now)").replace("%1", f"{link[0]}: {link[1]}"),
                    key,
                )
                index = self.link.count() - 1
            self.link.setCurrentIndex(index)
        self.link.blockSignals(False)
        self.go_button.setEnabled(
            link is not None and link[0] in ("topic", "question", "checklist")
        )

    def _link_chosen(self, index: int) -> None:
        key = self.link.itemData(index)
        if isinstance(key, str) and ":" in key:
            kind, _, target = key.partition(":")
            self._current_link = (kind, target)
        else:
            self._current_link = None
        self.go_button.setEnabled(self._current_link is not None)
        self._edited()

    def _go(self) -> None:
        if self._current_link is not None:
            self.openLink.emit(*self._current_link)

    # -- internals ----------------------------------------------------------------------
    def _kind_chosen(self, _index: int) -> None:
        self._show_evidence()
        if self.kind.currentData() == "evidence" and not (
            self.evidence.payments() or self.evidence.promises()
        ):
            self.evidence.add_payment(emit=False)
        self._edited()

    def _show_evidence(self) -> None:
        evidence = self.kind.currentData() == "evidence"
        self.evidence.setVisible(evidence)
        self._layout.setStretchFactor(self.body, 0 if evidence else 1)
        self.body.setMinimumHeight(self.fontMetrics().lineSpacing() * (5 if evidence else 8))
        self._layout.setStretch(self._layout.count() - 1, 1 if evidence else 0)

    def _edited(self, *_args: object) -> None:
        if not self._loading:
            self.changed.emit()

    def set_heading(self, text: str) -> None:
        self.heading.setText(text)

    # -- language -----------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.title_label.setText(self.tr("&Title:"))
        self.title.setPlaceholderText(self.tr("A few words, e.g. Agency fee receipt"))
        self.title.setAccessibleName(self.tr("Title of the note"))
        self.kind_label.setText(self.tr("&Kind:"))
        self.kind.setItemText(0, self.tr("Note"))
        self.kind.setItemText(1, self.tr("Evidence: money paid, promises made"))
        self.kind.setAccessibleName(self.tr("Kind of note"))
        self.tags_label.setText(self.tr("T&ags:"))
        self.tags.setPlaceholderText(self.tr("Separate with commas, e.g. passport, contract"))
        self.tags.setAccessibleName(self.tr("Tags, separated by commas"))
        self.link_label.setText(self.tr("&Linked to:"))
        self.link.setAccessibleName(self.tr("What this note is about"))
        self.go_button.setText(self.tr("Go t&here"))
        self.go_button.setAccessibleName(self.tr("Open what this note is linked to"))
        self.body_label.setText(self.tr("Te&xt:"))
        self.body.setAccessibleName(self.tr("Text of the note"))
        self.body.setPlaceholderText(
            self.tr(
                "Write what happened, who said what, phone numbers, where the papers are. "
                "It is saved as you type."
            )
        )
        self._fill_links()
