"""The Checklist page's "Print or save" box: printout language and paper size, print
preview, printing, PDF and HTML files, and the emergency card.

A box of its own so the page stays about the list. It asks the page for nothing but
the session: the printouts are built from the stored ticks and notes (the page saves
typed notes before asking, see ``before_output``), through ``desktop.render``.

The few questions it asks a person go through three small methods that tests replace:
:meth:`ChecklistPrintBox.ask_save_path`, :meth:`~ChecklistPrintBox.ask_card_entries` and
:meth:`~ChecklistPrintBox.exec_dialog`.
"""

from __future__ import annotations

import contextlib
import datetime as _dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QPageLayout, QPageSize
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLayoutItem,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from desktop.render.html import html_to_file
from desktop.render.pdf import PAGE_MARGINS_MM, PAGE_SIZES, html_to_pdf, paint_to_printer
from desktop.store import StoreError
from desktop.ui.dialogs import Dialogs
from desktop.ui.messages import store_error
from desktop.ui.pages.checklist_output import (
    EXPORT_DIR_KEY,
    PAGE_SIZE_KEY,
    PAGE_SIZE_KEYS,
    PRINT_LANG_KEY,
    PRINT_LANGUAGES,
    CardDialog,
    card_html,
    card_key,
    checklist_html,
    safe_file_stem,
)
from desktop.ui.session import Session
from desktop.ui.widgets import Paragraph


class FlowLayout(QLayout):
    """Lays widgets out in rows and wraps to the next row when space runs out.

    Five buttons fit one row at normal text size and need two or three at 200 %; a
    fixed grid would either waste room or cut buttons off. (After Qt's Flow Layout
    example.) The height for each width is kept until the layout is invalidated (a
    button's text or size changed): every new plan lays the Checklist page out again,
    and the page's layouts ask for it a dozen times per pass.
    """

    def __init__(self, parent: QWidget | None = None, spacing: int = 8) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._spacing = spacing
        self._heights: dict[int, int] = {}
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)
        self._heights.clear()

    def invalidate(self) -> None:
        self._heights.clear()
        super().invalidate()

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        self._heights.clear()
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        height = self._heights.get(width)
        if height is None:
            height = self._heights[width] = self._arrange(QRect(0, 0, width, 0), apply=False)
        return height

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, apply=True)

    def sizeHint(self) -> QSize:
        return self.minimumSize()

    def minimumSize(self) -> QSize:
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        margins = self.contentsMargins()
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    def _arrange(self, rect: QRect, *, apply: bool) -> int:
        margins = self.contentsMargins()
        area = rect.adjusted(margins.left(), margins.top(), -margins.right(), -margins.bottom())
        x, y, line_height = area.x(), area.y(), 0
        for item in self._items:
            if item.isEmpty():
                continue
            hint = item.sizeHint()
            if x + hint.width() > area.right() + 1 and line_height > 0:
                x, y = area.x(), y + line_height + self._spacing
                line_height = 0
            if apply:
                item.setGeometry(QRect(QPoint(x, y), hint))
            x += hint.width() + self._spacing
            line_height = max(line_height, hint.height())
        return y + line_height - rect.y() + margins.bottom()


def _pair(label: QLabel, field: QWidget) -> QWidget:
    """A label and its field kept together on one line of a flow layout."""
    holder = QWidget()
    lay = QHBoxLayout(holder)
    lay.setContentsMargins(0, 0, 12, 0)
    lay.addWidget(label)
    lay.addWidget(field)
    return holder


class ChecklistPrintBox(QGroupBox):
    """Printout options and the output buttons. ``before_output`` runs before any
    printout is made (the page saves typed notes there); ``has_plan`` says whether
    there is anything to print."""

    def __init__(
        self,
        session: Session,
        dialogs: Dialogs,
        *,
        before_output: Callable[[], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.dialogs = dialogs
        self._before_output = before_output
        self._content_lang = "zh"
        self.last_saved: Path | None = None

        lay = QVBoxLayout(self)
        options = FlowLayout()
        self.lang_label = QLabel()
        self.lang_combo = QComboBox()
        for code, name in PRINT_LANGUAGES:
            self.lang_combo.addItem(name, code)
        self.lang_label.setBuddy(self.lang_combo)
        self.size_label = QLabel()
        self.size_combo = QComboBox()
        for key in PAGE_SIZE_KEYS:
            self.size_combo.addItem(key, key)
        self.size_label.setBuddy(self.size_combo)
        options.addWidget(_pair(self.lang_label, self.lang_combo))
        options.addWidget(_pair(self.size_label, self.size_combo))
        lay.addLayout(options)

        buttons = FlowLayout()
        self.preview_button = QPushButton()
        self.print_button = QPushButton()
        self.pdf_button = QPushButton()
        self.html_button = QPushButton()
        self.card_button = QPushButton()
        for b in (
            self.preview_button,
            self.print_button,
            self.pdf_button,
            self.html_button,
            self.card_button,
        ):
            b.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
            buttons.addWidget(b)
        lay.addLayout(buttons)
        self.status = Paragraph()
        self.status.setObjectName("outputStatus")
        self.status.hide()
        lay.addWidget(self.status)

        self.lang_combo.activated.connect(
            lambda i: self._remember(PRINT_LANG_KEY, self.lang_combo.itemData(i))
        )
        self.size_combo.activated.connect(
            lambda i: self._remember(PAGE_SIZE_KEY, self.size_combo.itemData(i))
        )
        self.preview_button.clicked.connect(self.print_preview)
        self.print_button.clicked.connect(self.print_checklist)
        self.pdf_button.clicked.connect(self.save_pdf)
        self.html_button.clicked.connect(self.save_html)
        self.card_button.clicked.connect(self.save_card)
        self.select_options()
        self.retranslate()

    # -- options ----------------------------------------------------------------------------
    def set_content_language(self, lang: str) -> None:
        """The printout language follows the content language until the person picks one."""
        self._content_lang = lang
        self.select_options()

    def select_options(self) -> None:
        """Show the remembered choices (or the defaults: the content language, A4)."""
        lang = self.session.setting(PRINT_LANG_KEY) or self._content_lang
        self.lang_combo.setCurrentIndex(max(0, self.lang_combo.findData(lang)))
        size = self.session.setting(PAGE_SIZE_KEY) or "A4"
        self.size_combo.setCurrentIndex(max(0, self.size_combo.findData(size)))

    def print_language(self) -> str:
        """ "zh", "en" or "zh+en"."""
        return str(self.lang_combo.currentData())

    def page_size(self) -> str:
        """ "A4" or "Letter"."""
        return str(self.size_combo.currentData())

    def _remember(self, key: str, value: str) -> None:
        try:
            self.session.set_setting(key, value)
        except StoreError as exc:
            self.dialogs.error(self.tr("Print or save"), store_error(exc))

    # -- the printouts ----------------------------------------------------------------------
    def checklist_html(self) -> str | None:
        """The checklist printout in the chosen language, with the saved ticks and notes;
        None when there is no plan to print."""
        self._before_output()
        knowledge, plan = self.session.knowledge, self.session.plan()
        if knowledge is None or plan is None or not plan.checklist:
            return None
        try:
            states = self.session.store.get_checklist(self.session.profile.id)
        except StoreError as exc:
            self.dialogs.error(self.tr("Print or save"), store_error(exc))
            return None
        return checklist_html(
            knowledge,
            plan,
            self.session.answers(),
            lang=self.print_language(),
            person_name=self.session.profile.name,
            ticks={k: v.done for k, v in states.items()},
            notes={k: v.note for k, v in states.items() if v.note},
            printed_on=_dt.date.today(),
        )

    def card_entries(self) -> dict[str, str]:
        """The person's saved card entries; until they save some, the agency comes from
        their answer to ``agency_name``."""
        saved = self.session.setting(card_key(self.session.profile.id))
        entries = {k: v for k, v in (saved or {}).items() if isinstance(v, str)}
        if not entries.get("agency"):
            agency = self.session.answers().get("agency_name")
            if isinstance(agency, str) and agency.strip():
                entries["agency"] = agency.strip()
        return entries

    def save_pdf(self) -> Path | None:
        """Ask where, then write the checklist as a PDF; the path written, or None."""
        html_text = self.checklist_html()
        if html_text is None:
            return None
        path = self.ask_save_path(
            self.tr("Save the checklist as PDF"),
            self._suggested(self.tr("Checklist"), ".pdf"),
            self.tr("PDF files (*.pdf)"),
        )
        return self._write_pdf(html_text, path) if path else None

    def save_html(self) -> Path | None:
        """Ask where, then write the checklist as one web page (opens in any browser)."""
        html_text = self.checklist_html()
        if html_text is None:
            return None
        path = self.ask_save_path(
            self.tr("Save the checklist as a web page"),
            self._suggested(self.tr("Checklist"), ".html"),
            self.tr("Web pages (*.html)"),
        )
        if not path:
            return None
        target = _with_suffix(path, ".html")
        try:
            html_to_file(html_text, target)
        except OSError as exc:
            self._save_failed(target, exc)
            return None
        return self._saved(target, None)

    def save_card(self) -> Path | None:
        """Ask for the person's own entries (kept per profile), then where to save the card."""
        self._before_output()
        knowledge, plan = self.session.knowledge, self.session.plan()
        if knowledge is None or plan is None:
            return None
        entries = self.ask_card_entries(self.card_entries())
        if entries is None:
            return None
        try:
            self.session.set_setting(card_key(self.session.profile.id), entries)
        except StoreError as exc:
            self.dialogs.error(self.tr("Emergency card"), store_error(exc))
        html_text = card_html(
            knowledge,
            plan,
            self.session.answers(),
            lang=self.print_language(),
            person_name=self.session.profile.name,
            entries=entries,
        )
        path = self.ask_save_path(
            self.tr("Save the emergency card as PDF"),
            self._suggested(self.tr("Emergency card"), ".pdf"),
            self.tr("PDF files (*.pdf)"),
        )
        return self._write_pdf(html_text, path) if path else None

    def print_preview(self) -> None:
        """Qt's print preview of the checklist, exactly as it will print."""
        html_text = self.checklist_html()
        if html_text is None:
            return
        printer = self.make_printer()
        dialog = QPrintPreviewDialog(printer, self)
        dialog.setWindowTitle(self.tr("Print preview"))
        name, lang = self.session.profile.name, self.print_language()
        dialog.paintRequested.connect(lambda p: paint_to_printer(html_text, p, name, lang))
        self.exec_dialog(dialog)

    def print_checklist(self) -> bool:
        """Ask for a printer and print; True when the pages were sent to it."""
        html_text = self.checklist_html()
        if html_text is None:
            return False
        printer = self.make_printer()
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("Print the checklist"))
        if self.exec_dialog(dialog) != QDialog.DialogCode.Accepted:
            return False
        try:
            paint_to_printer(html_text, printer, self.session.profile.name, self.print_language())
        except OSError as exc:
            self.dialogs.error(self.tr("Print the checklist"), str(exc))
            return False
        return True

    def make_printer(self) -> QPrinter:
        """A printer set to the chosen paper size and the printouts' margins."""
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageLayout(
            QPageLayout(
                QPageSize(PAGE_SIZES[self.page_size()]),
                QPageLayout.Orientation.Portrait,
                PAGE_MARGINS_MM,
                QPageLayout.Unit.Millimeter,
            )
        )
        printer.setDocName(self.session.profile.name)
        return printer

    # -- the questions it asks (tests replace these) -------------------------------------------
    def ask_save_path(self, title: str, suggested: str, file_filter: str) -> str | None:
        """The window's one file chooser (desktop/ui/dialogs.py); tests replace this."""
        return self.dialogs.ask_save_path(title, suggested, file_filter)

    def ask_card_entries(self, entries: dict[str, str]) -> dict[str, str] | None:
        dialog = CardDialog(entries, self)
        if self.exec_dialog(dialog) != QDialog.DialogCode.Accepted:
            return None
        return dialog.values()

    def exec_dialog(self, dialog: QDialog) -> int:
        return dialog.exec()

    # -- saving helpers -----------------------------------------------------------------------
    def _suggested(self, what: str, suffix: str) -> str:
        folder = self.session.setting(EXPORT_DIR_KEY)
        base = Path(folder) if isinstance(folder, str) and Path(folder).is_dir() else Path.home()
        name = safe_file_stem(f"{what} - {self.session.profile.name}")
        return str(base / f"{name}{suffix}")

    def _write_pdf(self, html_text: str, path: str) -> Path | None:
        target = _with_suffix(path, ".pdf")
        try:
            pages = html_to_pdf(
                html_text,
                target,
                page_size=self.page_size(),
                footer_name=self.session.profile.name,
                lang=self.print_language(),
            )
        except OSError as exc:
            self._save_failed(target, exc)
            return None
        return self._saved(target, pages)

    def _saved(self, target: Path, pages: int | None) -> Path:
        self.last_saved = target
        # Remembering the folder is a convenience, not worth a message if it fails.
        with contextlib.suppress(StoreError):
            self.session.set_setting(EXPORT_DIR_KEY, str(target.parent))
        if pages is None:
            text = self.tr("Saved: %1").replace("%1", str(target))
        else:
            text = self.tr("Saved: %1 (pages: %2)").replace("%1", str(target))
            text = text.replace("%2", str(pages))
        self.status.setText(text)
        self.status.show()
        return target

    def _save_failed(self, target: Path, exc: OSError) -> None:
        self.dialogs.error(
            self.tr("Could not save"),
            self.tr("The file %1 could not be saved: %2")
            .replace("%1", str(target))
            .replace("%2", exc.strerror or str(exc)),
        )

    # -- language -------------------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setTitle(self.tr("Print or save this checklist"))
        self.lang_label.setText(self.tr("Printout &language:"))
        self.lang_combo.setAccessibleName(self.tr("Language of the printout"))
        self.size_label.setText(self.tr("Paper si&ze:"))
        self.size_combo.setAccessibleName(self.tr("Paper size"))
        self.size_combo.setItemText(PAGE_SIZE_KEYS.index("Letter"), self.tr("Letter (US)"))
        self.preview_button.setText(self.tr("Print previe&w…"))
        self.print_button.setText(self.tr("P&rint…"))
        self.pdf_button.setText(self.tr("Save as P&DF…"))
        self.html_button.setText(self.tr("Save as &HTML…"))
        self.card_button.setText(self.tr("Emergency &card…"))
        self.card_button.setToolTip(
            self.tr(
                "A small card with the numbers to call for help, to print, cut out "
                "and keep in your wallet."
            )
        )


def _with_suffix(path: str, suffix: str) -> Path:
    """The chosen path, with ``suffix`` added when the person typed a bare name."""
    target = Path(path)
    return target if target.suffix.lower() == suffix else target.with_name(target.name + suffix)
