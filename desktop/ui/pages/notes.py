"""The Notes page: the person's notes and evidence records, a list beside an editor.

Everything is saved while the person types (half a second after the last change, and
at once when they pick another note, leave the page, switch profile or close the
window: the main window calls :meth:`NotesPage.flush`). There is no Save button to
forget. Deleting moves a note to the trash, from which it can be restored for 30 days.

Evidence records (money paid, promises made) print as one summary for a labour office
or a consulate (``resources/templates/evidence.html.j2`` through :mod:`desktop.render`).
"""

from __future__ import annotations

import contextlib
import datetime as _dt
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QHideEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop.i18n import normalise
from desktop.store import Note, NotFoundError, StoreError
from desktop.store.transfer import note_tags
from desktop.ui.dialogs import Dialogs
from desktop.ui.messages import store_error
from desktop.ui.pages.notes_editor import NoteEditor
from desktop.ui.pages.notes_files import ask_save_path
from desktop.ui.session import Session
from desktop.ui.widgets import Heading

NOTE_ID = Qt.ItemDataRole.UserRole
NOTE_RECORD = Qt.ItemDataRole.UserRole + 1  # the Note shown in the row
LIST_LIMIT = 500  # notes shown at once; searching reaches the older ones
SAVE_DELAY_MS = 500
SEARCH_DELAY_MS = 200
TRASH_DAYS = 30
VIEWS = ("notes", "evidence", "trash")
PRINT_LANGS = ("zh", "en", "zh+en")


def first_line(text: str, limit: int = 60) -> str:
    """The first non-empty line of ``text``, shortened: an untitled note's name in lists."""
    line = next((ln.strip() for ln in text.splitlines() if ln.strip()), "")
    return line if len(line) <= limit else line[: limit - 1].rstrip() + "…"


def local_time(stamp: str) -> str:
    """A stored UTC timestamp as local ``YYYY-MM-DD HH:MM``."""
    try:
        return _dt.datetime.fromisoformat(stamp).astimezone().strftime("%Y-%m-%d %H:%M")
    except (TypeError, ValueError):
        return stamp


class NotesPage(QWidget):
    """Public: :meth:`flush`, :meth:`show_note`, :meth:`new_note`, :meth:`set_content_language`,
    :meth:`refresh`.

    Signals:
    openLink(str, str): the person pressed "Go there" on a note linked to a Guide topic
        ("topic", id), a question ("question", id) or a checklist item ("checklist", id).
    """

    openLink = Signal(str, str)

    def __init__(self, session: Session, dialogs: Dialogs, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.dialogs = dialogs
        self.language = normalise(session.setting("language")) or "zh"
        self._profile_id = session.profile.id
        self._note_id: int | None = None  # the note in the editor; None for a new draft
        self._draft_profile = self._profile_id
        self._dirty = False
        self._read_only = False
        self._error_shown = False
        self._shown: Note | None = None  # the stored note in the editor, as last loaded/saved
        self._targets: list[tuple[str, str, str]] = []

        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        lay.addWidget(self.splitter, 1)

        # -- left: what to show, search, tags, the list, new --------------------------------
        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(8, 8, 4, 8)
        self.heading = Heading(level=2)
        ll.addWidget(self.heading)
        self.view_label, self.view_combo = QLabel(), QComboBox()
        for key in VIEWS:
            self.view_combo.addItem("", key)
        self.view_label.setBuddy(self.view_combo)
        row = QHBoxLayout()
        row.addWidget(self.view_label)
        row.addWidget(self.view_combo, 1)
        ll.addLayout(row)
        self.search_label, self.search_field = QLabel(), QLineEdit()
        self.search_field.setClearButtonEnabled(True)
        self.search_label.setBuddy(self.search_field)
        row = QHBoxLayout()
        row.addWidget(self.search_label)
        row.addWidget(self.search_field, 1)
        ll.addLayout(row)
        self.tag_label, self.tag_combo = QLabel(), QComboBox()
        self.tag_label.setBuddy(self.tag_combo)
        row = QHBoxLayout()
        row.addWidget(self.tag_label)
        row.addWidget(self.tag_combo, 1)
        ll.addLayout(row)
        self.count_label = QLabel()
        self.count_label.setWordWrap(True)
        ll.addWidget(self.count_label)
        self.list = QListWidget()
        self.list.setWordWrap(True)
        self.list.setUniformItemSizes(False)
        self.list.setSpacing(1)
        self.list.setAlternatingRowColors(True)
        ll.addWidget(self.list, 1)
        self.new_button = QPushButton()
        self.new_evidence_button = QPushButton()
        row = QHBoxLayout()
        row.addWidget(self.new_button)
        row.addWidget(self.new_evidence_button)
        ll.addLayout(row)
        self.splitter.addWidget(left)

        # -- right: the editor, trash/restore, saved state ----------------------------------
        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(4, 8, 8, 8)
        self.trash_info = QLabel()
        self.trash_info.setWordWrap(True)
        self.trash_info.hide()
        rl.addWidget(self.trash_info)
        self.editor = NoteEditor()
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setWidget(self.editor)
        rl.addWidget(self.scroll, 1)
        actions = QHBoxLayout()
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.trash_button = QPushButton()
        self.restore_button = QPushButton()
        actions.addWidget(self.status, 1)
        actions.addWidget(self.trash_button)
        actions.addWidget(self.restore_button)
        rl.addLayout(actions)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setSizes([380, 620])

        # -- bottom: the evidence summary ---------------------------------------------------
        bottom = QFrame()
        bottom.setFrameShape(QFrame.Shape.StyledPanel)
        bl = QHBoxLayout(bottom)
        self.print_lang_label, self.print_lang = QLabel(), QComboBox()
        for code in PRINT_LANGS:
            self.print_lang.addItem("", code)
        self.print_lang_label.setBuddy(self.print_lang)
        self.print_button = QPushButton()
        self.pdf_button = QPushButton()
        bl.addWidget(self.print_lang_label)
        bl.addWidget(self.print_lang)
        bl.addStretch(1)
        bl.addWidget(self.print_button)
        bl.addWidget(self.pdf_button)
        lay.addWidget(bottom)

        self._save_timer = QTimer(self)
        self._save_timer.setSingleShot(True)
        self._save_timer.setInterval(SAVE_DELAY_MS)
        self._save_timer.timeout.connect(self.flush)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.refresh)

        self.editor.changed.connect(self._on_edited)
        self.editor.openLink.connect(self._open_link)
        self.list.currentItemChanged.connect(self._on_current_item)
        self.search_field.textChanged.connect(lambda _t: self._search_timer.start())
        self.tag_combo.activated.connect(lambda _i: self.refresh())
        self.view_combo.activated.connect(lambda _i: self._on_view_changed())
        self.new_button.clicked.connect(lambda: self.new_note())
        self.new_evidence_button.clicked.connect(lambda: self.new_note(kind="evidence"))
        self.trash_button.clicked.connect(self.trash_current)
        self.restore_button.clicked.connect(self.restore_current)
        self.print_button.clicked.connect(self.print_evidence)
        self.pdf_button.clicked.connect(self.save_evidence_pdf)
        self._delete_shortcut = QShortcut(QKeySequence.StandardKey.Delete, self.list)
        self._delete_shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
        self._delete_shortcut.activated.connect(self._delete_key)
        session.profileChanged.connect(self._on_profile_changed)
        session.knowledgeReady.connect(self._fill_link_targets)
        session.planChanged.connect(self._fill_link_targets)

        self._purge_old_trash()
        self.print_lang.setCurrentIndex(max(self.print_lang.findData(self.language), 0))
        self.retranslate()
        self._fill_tags()
        self._fill_link_targets()
        self.refresh()
        self._show_draft()

    # -- public -------------------------------------------------------------------------
    def set_content_language(self, lang: str) -> None:
        """Show link targets (topic titles, questions...) in ``lang``; print in it by default."""
        self.language = lang
        self.print_lang.setCurrentIndex(max(self.print_lang.findData(lang), 0))
        self._fill_link_targets()

    def flush(self) -> None:
        """Save the edits in the editor now, if there are any. Safe to call any time."""
        self._save_timer.stop()
        if not self._dirty or self._read_only:
            return
        self._dirty = False
        values = self.editor.values()
        store = self.session.store
        try:
            if self._note_id is None:
                if self.editor.is_blank():
                    return
                note = store.create_note(self._draft_profile, **values)
                self._note_id = note.id
            else:
                note = store.update_note(self._note_id, **values)
        except NotFoundError:
            # The note was purged or its profile deleted meanwhile (another window, "delete
            # everything"): there is nowhere left to save to.
            self._note_id = None
            self._show_status(self.tr("This note no longer exists, so it was not saved."))
            return
        except StoreError as exc:
            self._dirty = True  # try again at the next change or flush
            if not self._error_shown:
                self._error_shown = True
                self.dialogs.error(self.tr("Notes"), store_error(exc))
            self._show_status(self.tr("Not saved: see the message."))
            return
        self._error_shown = False
        if note.profile_id == self.session.profile.id:
            self._put_on_top(note)
            self._fill_tags()
        self._update_editor_state(note)
        self._show_status(self.tr("Saved at %1.").replace("%1", local_time(note.updated)[-5:]))

    def new_note(
        self, link_kind: str | None = None, link_id: str | None = None, *, kind: str = "note"
    ) -> None:
        """Start a new note (optionally about a topic, question or checklist item).

        Nothing is stored until the person types something: an empty note never
        clutters the list.
        """
        self.flush()
        if self._view() == "trash":
            self._set_view("notes")
        link = (link_kind, link_id) if link_kind and link_id else None
        self.list.blockSignals(True)
        self.list.setCurrentItem(None)
        self.list.clearSelection()
        self.list.blockSignals(False)
        self._show_draft(kind=kind, link=link)
        self.editor.title.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_note(self, note_id: int) -> bool:
        """Select and show one note (from the Guide, a checklist item...). False if it is gone."""
        self.flush()
        note = self.session.store.get_note(note_id)
        if note is None or note.profile_id != self.session.profile.id:
            return False
        wanted = (
            "trash" if note.in_trash else ("evidence" if self._view() == "evidence" else "notes")
        )
        if wanted == "evidence" and note.kind != "evidence":
            wanted = "notes"
        if self._view() != wanted:
            self._set_view(wanted)
        item = self._item_for(note_id)
        if item is None:
            # Filtered out by a search or a tag: clear them rather than hide the note.
            self.search_field.blockSignals(True)
            self.search_field.clear()
            self.search_field.blockSignals(False)
            self.tag_combo.setCurrentIndex(0)
            self.refresh()
            item = self._item_for(note_id)
        if item is None:  # older than the newest LIST_LIMIT notes: show it anyway
            item = self._make_item(note)
            self.list.insertItem(0, item)
        self.list.setCurrentItem(item)
        self.list.scrollToItem(item)
        return True

    def refresh(self) -> None:
        """Fill the list again from the store (search, tag and view applied)."""
        self.flush()
        store, pid = self.session.store, self.session.profile.id
        query = self.search_field.text().strip()
        tag = self.tag_combo.currentData()
        tags = [tag] if isinstance(tag, str) else []
        view = self._view()
        try:
            if view == "trash":
                notes = [n for n in store.list_notes(pid, include_deleted=True) if n.in_trash]
                notes = [n for n in notes if _matches(n, query, tags)]
                notes.sort(key=lambda n: n.deleted_at or "", reverse=True)
            else:
                notes = store.search_notes(pid, query, tags, limit=LIST_LIMIT)
                if view == "evidence":
                    notes = [n for n in notes if n.kind == "evidence"]
        except StoreError as exc:
            self.dialogs.error(self.tr("Notes"), store_error(exc))
            notes = []
        current = self._note_id
        self.list.blockSignals(True)
        self.list.clear()
        for note in notes:
            self.list.addItem(self._make_item(note))
        selected = self._item_for(current) if current is not None else None
        self.list.setCurrentItem(selected)
        self.list.blockSignals(False)
        self._update_count(len(notes), query, tags, view)

    # -- saving -------------------------------------------------------------------------
    def _on_edited(self) -> None:
        if self._read_only:
            return
        self._dirty = True
        self._show_status(self.tr("Saving…"))
        self._save_timer.start()

    def _show_status(self, text: str) -> None:
        self.status.setText(text)

    def _put_on_top(self, note: Note) -> None:
        """Show the saved note first in the list (newest change first), still selected."""
        if self._view() == "trash":
            return
        item = self._item_for(note.id)
        self.list.blockSignals(True)
        if item is None:
            item = self._make_item(note)
            self.list.insertItem(0, item)
            self._update_count(self.list.count(), "", [], self._view())
        else:
            self._describe_item(item, note)
            row = self.list.row(item)
            if row > 0:
                self.list.takeItem(row)
                self.list.insertItem(0, item)
        self.list.setCurrentItem(item)
        self.list.blockSignals(False)

    # -- the list -----------------------------------------------------------------------
    def _make_item(self, note: Note) -> QListWidgetItem:
        item = QListWidgetItem()
        item.setData(NOTE_ID, note.id)
        self._describe_item(item, note)
        return item

    def _describe_item(self, item: QListWidgetItem, note: Note) -> None:
        item.setData(NOTE_RECORD, note)
        title = note.title.strip() or first_line(note.body) or self.tr("(untitled)")
        parts = [local_time(note.deleted_at if note.in_trash else note.updated)]
        if note.kind == "evidence":
            parts.append(self.tr("Evidence"))
        if note.tags:
            parts.append("  ".join("#" + t for t in note.tags))
        item.setText(f"{title}\n{' · '.join(parts)}")
        item.setToolTip(first_line(note.body, 200) or title)

    def _item_for(self, note_id: int | None) -> QListWidgetItem | None:
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item.data(NOTE_ID) == note_id:
                return item
        return None

    def _on_current_item(self, item: QListWidgetItem | None, _previous: object) -> None:
        # Save the note being left first; that moves its row to the top, so select the
        # note the person picked again afterwards.
        self.flush()
        if item is None:
            return
        self.list.blockSignals(True)
        self.list.setCurrentItem(item)
        self.list.blockSignals(False)
        note = self.session.store.get_note(int(item.data(NOTE_ID)))
        if note is None:
            self.refresh()
            return
        self._show(note)

    def _update_count(self, count: int, query: str, tags: list[str], view: str) -> None:
        if count == 0:
            if view == "trash":
                text = self.tr("The trash is empty.")
            elif query or tags:
                text = self.tr("No notes match. Try a shorter word or another tag.")
            elif view == "evidence":
                text = self.tr(
                    "No evidence records yet. Press “New evidence record” to write down "
                    "a payment or a promise."
                )
            else:
                text = self.tr("You have no notes yet. Start typing on the right to write one.")
        elif count >= LIST_LIMIT:
            text = self.tr("Showing the newest %1 notes. Search to find older ones.").replace(
                "%1", str(LIST_LIMIT)
            )
        elif query or tags:
            text = self.tr("Notes found: %1").replace("%1", str(count))
        else:
            text = self.tr("Notes: %1, newest first").replace("%1", str(count))
        self.count_label.setText(text)

    # -- showing one note ----------------------------------------------------------------
    def _show(self, note: Note) -> None:
        self._note_id = note.id
        self._draft_profile = note.profile_id
        self._dirty = False
        self._read_only = note.in_trash
        self.editor.load(note, read_only=note.in_trash)
        self._update_editor_state(note)

    def _show_draft(self, *, kind: str = "note", link: tuple[str, str] | None = None) -> None:
        self._note_id = None
        self._draft_profile = self.session.profile.id
        self._dirty = False
        self._read_only = False
        self.editor.load(None, kind=kind, link=link)
        if kind == "evidence":
            self.editor.evidence.add_payment(emit=False)
        self._update_editor_state(None)

    def _update_editor_state(self, note: Note | None) -> None:
        self._shown = note
        in_trash = note is not None and note.in_trash
        if note is None:
            heading = self.tr("New note")
            status = self.tr("Start typing: the note is saved as you type.")
        elif in_trash:
            heading = self.tr("In the trash (read only)")
            status = self.tr("Moved to the trash on %1.").replace(
                "%1", local_time(note.deleted_at or "")
            )
        else:
            heading = self.tr("Evidence record") if note.kind == "evidence" else self.tr("Note")
            status = self.tr("Last changed %1. Changes are saved as you type.").replace(
                "%1", local_time(note.updated)
            )
        self.editor.set_heading(heading)
        self._show_status(status)
        self.trash_button.setVisible(not in_trash)
        self.trash_button.setEnabled(note is not None)
        self.restore_button.setVisible(in_trash)

    # -- trash --------------------------------------------------------------------------
    def trash_current(self) -> None:
        """Move the note shown to the trash (restorable for 30 days)."""
        self.flush()
        if self._note_id is None:
            return
        row = self.list.currentRow()
        try:
            self.session.store.trash_note(self._note_id)
        except NotFoundError:
            pass
        except StoreError as exc:
            self.dialogs.error(self.tr("Notes"), store_error(exc))
            return
        self._note_id = None
        self.refresh()
        self._fill_tags()
        self._select_row(row)
        self._show_status(
            self.tr("Moved to the trash. You can restore it from the trash for %1 days.").replace(
                "%1", str(TRASH_DAYS)
            )
        )

    def restore_current(self) -> None:
        """Take the note shown out of the trash."""
        if self._note_id is None:
            return
        note_id = self._note_id
        row = self.list.currentRow()
        try:
            self.session.store.restore_note(note_id)
        except NotFoundError:
            pass
        except StoreError as exc:
            self.dialogs.error(self.tr("Notes"), store_error(exc))
            return
        self._note_id = None
        self.refresh()
        self._fill_tags()
        self._select_row(row)
        self._show_status(self.tr("Restored. The note is back in your notes."))

    def _select_row(self, row: int) -> None:
        if self.list.count():
            self.list.setCurrentRow(min(max(row, 0), self.list.count() - 1))
        else:
            self._show_draft()

    def _delete_key(self) -> None:
        if self._view() != "trash":
            self.trash_current()

    def _purge_old_trash(self) -> None:
        # Not worth an alert at start-up if it fails; the next start tries again.
        with contextlib.suppress(StoreError):
            self.session.store.purge_trash(TRASH_DAYS)

    # -- views, tags, links --------------------------------------------------------------
    def _view(self) -> str:
        return self.view_combo.currentData() or "notes"

    def _set_view(self, view: str) -> None:
        self.view_combo.setCurrentIndex(max(self.view_combo.findData(view), 0))
        self._after_view_change()

    def _on_view_changed(self) -> None:
        self._after_view_change()

    def _after_view_change(self) -> None:
        self.flush()
        trash = self._view() == "trash"
        self.trash_info.setVisible(trash)
        self.new_button.setEnabled(not trash)
        self.new_evidence_button.setEnabled(not trash)
        self._note_id = None
        self.refresh()
        if self.list.count():
            self.list.setCurrentRow(0)
        else:
            self._show_draft()
            self.editor.set_read_only(trash)
            self._read_only = trash

    def _fill_tags(self) -> None:
        current = self.tag_combo.currentData()
        try:
            tags = note_tags(self.session.store, self.session.profile.id)
        except StoreError:
            tags = []
        self.tag_combo.blockSignals(True)
        self.tag_combo.clear()
        self.tag_combo.addItem(self.tr("All tags"), None)
        for tag in tags:
            self.tag_combo.addItem(tag, tag)
        index = self.tag_combo.findData(current) if isinstance(current, str) else 0
        self.tag_combo.setCurrentIndex(max(index, 0))
        self.tag_combo.blockSignals(False)

    def _fill_link_targets(self) -> None:
        lang = self.language
        targets: list[tuple[str, str, str]] = []
        knowledge = self.session.knowledge
        if knowledge is not None:
            for section in knowledge.catalog.sections:
                for topic in section.topics:
                    targets.append(("topic", topic.id, topic.title.get(lang)))
            for question in knowledge.questionnaire:
                targets.append(("question", question.id, question.label.get(lang)))
            plan = self.session.plan()
            if plan is not None:
                for item in plan.checklist:
                    targets.append(("checklist", item.id, item.title.get(lang)))
        self._targets = targets
        self.editor.set_link_targets(targets, self._link_headers())

    def _link_headers(self) -> dict[str, str]:
        return {
            "topic": self.tr("Guide topics"),
            "question": self.tr("Questions"),
            "checklist": self.tr("Your checklist"),
        }

    def _open_link(self, kind: str, target: str) -> None:
        self.flush()
        self.openLink.emit(kind, target)

    # -- profile switch and leaving the page ---------------------------------------------
    def _on_profile_changed(self) -> None:
        self.flush()
        if self.session.profile.id == self._profile_id:
            return  # renamed: nothing to reload
        self._profile_id = self.session.profile.id
        self.search_field.blockSignals(True)
        self.search_field.clear()
        self.search_field.blockSignals(False)
        self._fill_tags()
        self.tag_combo.setCurrentIndex(0)
        self._note_id = None
        if self._view() == "trash":
            self.view_combo.setCurrentIndex(0)
            self.trash_info.hide()
            self.new_button.setEnabled(True)
            self.new_evidence_button.setEnabled(True)
        self.refresh()
        self._fill_link_targets()
        self._show_draft()

    def hideEvent(self, event: QHideEvent) -> None:
        self.flush()
        super().hideEvent(event)

    # -- the evidence summary ------------------------------------------------------------
    def _evidence_html(self) -> tuple[str, str] | None:
        """The summary's HTML and language, or None (with a message) if there is no evidence."""
        from desktop.evidence import evidence_html

        self.flush()
        try:
            notes = [
                n
                for n in self.session.store.list_notes(self.session.profile.id)
                if n.kind == "evidence"
            ]
        except StoreError as exc:
            self.dialogs.error(self.tr("Evidence summary"), store_error(exc))
            return None
        if not notes:
            self.dialogs.inform(
                self.tr("Evidence summary"),
                self.tr(
                    "There are no evidence records yet. Press “New evidence record” and write "
                    "down what you paid and what you were promised; then print the summary."
                ),
            )
            return None
        lang = self.print_lang.currentData() or "zh"
        html = evidence_html(
            notes, lang=lang, person_name=self.session.profile.name, printed_on=_dt.date.today()
        )
        return html, lang

    def print_evidence(self) -> None:
        """Show the print preview of the evidence summary (the person prints from there)."""
        made = self._evidence_html()
        if made is None or not getattr(self.dialogs, "interactive", True):
            return
        from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

        from desktop.render.pdf import paint_to_printer

        html, lang = made
        name = self.session.profile.name
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        preview = QPrintPreviewDialog(printer, self)
        preview.setWindowTitle(self.tr("Print evidence summary"))
        preview.paintRequested.connect(lambda p: paint_to_printer(html, p, name, lang))
        preview.exec()

    def save_evidence_pdf(self) -> Path | None:
        """Ask where, then save the evidence summary as a PDF. Returns the file written."""
        made = self._evidence_html()
        if made is None:
            return None
        from desktop.render.pdf import html_to_pdf

        html, lang = made
        name = self.session.profile.name
        suggested = (
            self.tr("Evidence - %1 - %2.pdf")
            .replace("%1", name)
            .replace("%2", _dt.date.today().isoformat())
        )
        suggested = "".join("_" if c in '\\/:*?"<>|' else c for c in suggested)
        path = ask_save_path(
            self.dialogs,
            self,
            self.tr("Save evidence summary as PDF"),
            suggested,
            self.tr("PDF files (*.pdf)"),
        )
        if path is None:
            return None
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        try:
            html_to_pdf(html, path, footer_name=name, lang=lang, title=self.tr("Evidence summary"))
        except OSError as exc:
            self.dialogs.error(
                self.tr("Save evidence summary as PDF"),
                self.tr("The file %1 could not be written: %2")
                .replace("%1", str(path))
                .replace("%2", exc.strerror or str(exc)),
            )
            return None
        self.dialogs.inform(
            self.tr("Save evidence summary as PDF"),
            self.tr("Saved the evidence summary to %1.").replace("%1", str(path)),
        )
        return path

    # -- language -----------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Notes and evidence"))
        self.view_label.setText(self.tr("Sho&w:"))
        for i, text in enumerate(
            (self.tr("All notes"), self.tr("Evidence records only"), self.tr("Trash"))
        ):
            self.view_combo.setItemText(i, text)
        self.view_combo.setAccessibleName(self.tr("Which notes to show"))
        self.search_label.setText(self.tr("&Search notes:"))
        self.search_field.setPlaceholderText(self.tr("For example: passport"))
        self.search_field.setAccessibleName(self.tr("Search notes by words in the title or text"))
        self.tag_label.setText(self.tr("&Filter by tag:"))
        self.tag_combo.setAccessibleName(self.tr("Show only notes with this tag"))
        if self.tag_combo.count():
            self.tag_combo.setItemText(0, self.tr("All tags"))
        self.list.setAccessibleName(self.tr("Your notes"))
        self.new_button.setText(self.tr("&New note"))
        self.new_button.setAccessibleName(self.tr("Write a new note"))
        self.new_evidence_button.setText(self.tr("New &evidence record"))
        self.new_evidence_button.setAccessibleName(
            self.tr("Write down a payment or a promise as evidence")
        )
        self.trash_info.setText(
            self.tr(
                "Notes in the trash are deleted for good %1 days after you moved them there. "
                "Pick one and press Restore to keep it."
            ).replace("%1", str(TRASH_DAYS))
        )
        self.trash_button.setText(self.tr("Move to t&rash"))
        self.trash_button.setAccessibleName(self.tr("Move this note to the trash"))
        self.restore_button.setText(self.tr("Rest&ore"))
        self.restore_button.setAccessibleName(self.tr("Restore this note from the trash"))
        self.print_lang_label.setText(self.tr("Printout lan&guage:"))
        for i, text in enumerate(
            (self.tr("Chinese"), self.tr("English"), self.tr("Chinese and English"))
        ):
            self.print_lang.setItemText(i, text)
        self.print_lang.setAccessibleName(self.tr("Language of the evidence summary"))
        self.print_button.setText(self.tr("&Print evidence summary…"))
        self.print_button.setAccessibleName(self.tr("Print a summary of your evidence records"))
        self.pdf_button.setText(self.tr("Save evidence as P&DF…"))
        self.pdf_button.setAccessibleName(self.tr("Save a summary of your evidence records as PDF"))
        self.status.setAccessibleName(self.tr("Saved state"))
        # From what is already shown, not from the store: a language change must never
        # fail or wait on the disk.
        self._update_editor_state(self._shown)
        self.editor.set_link_targets(self._targets, self._link_headers())
        for row in range(self.list.count()):
            item = self.list.item(row)
            note = item.data(NOTE_RECORD)
            if isinstance(note, Note):
                self._describe_item(item, note)


def _matches(note: Note, query: str, tags: list[str]) -> bool:
    """The store's search rule, for the few notes in the trash."""
    for word in query.split():
        w = word.lower()
        if w not in note.title.lower() and w not in note.body.lower():
            return False
    return all(tag in note.tags for tag in tags)
