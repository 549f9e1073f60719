"""The pieces of the Checklist page: one row per checklist item, one box per phase.

A row owns its widgets and updates them in place (a tick recolours the due date, a
typed note stays where it is, a new plan changes only the texts that differ); it never
reaches the store itself. The page listens to the row's widgets and saves, so one place
handles storage errors, and the page decides which rows to keep, add, remove or move.

Every answer in the questionnaire makes a new plan, so updating must be cheap: rows are
kept and only changed texts are set again (an unchanged text costs no new layout), and
the wrapped labels remember their height for each width (Qt's layouts ask for it
thousands of times while laying out a page of thirty rows).
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence

from PySide6.QtCore import QEvent, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QStyle,
    QStyleOptionButton,
    QStyleOptionFocusRect,
    QVBoxLayout,
    QWidget,
)

from desktop.advisor.plan import ChecklistItem
from desktop.content.model import Catalog, SeedPassage, Source
from desktop.store import ChecklistState
from desktop.ui.pages.guide_format import format_date, format_partial_date

OVERDUE_COLOUR = "#9b1c1c"
DONE_COLOUR = "#1e5c36"
MUTED_COLOUR = "#4a5868"
SEPARATOR_COLOUR = "#dde3ea"
NOTE_MAX_LENGTH = 500


class WrappingCheckBox(QCheckBox):
    """A check box whose text wraps onto several lines, in bold, for an item's title.

    QCheckBox never wraps, so a long title at 200 % text would push the page sideways
    or be cut off. This one paints its indicator and its wrapped text itself (no child
    label: thirty rows of extra widgets made showing the page noticeably slower).
    ``text()`` still returns the title (with any "&" doubled), the accessible name is
    the title, and the whole area toggles on click or Space.
    """

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._title = ""
        self._heights: dict[int, int] = {}
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.setText(text)

    # -- text ----------------------------------------------------------------------------
    def setText(self, text: str) -> None:
        if text == self._title:
            return  # the same title: no new layout for the page
        # "&" would turn into a mnemonic in a button's text; the title is painted as written.
        super().setText(text.replace("&", "&&"))
        self._title = text
        self.setAccessibleName(text)
        self._changed()

    def title(self) -> str:
        """The text as written (``text()`` has every "&" doubled)."""
        return self._title

    def _text_font(self) -> QFont:
        font = QFont(self.font())
        font.setBold(True)
        return font

    def _changed(self) -> None:
        self._heights.clear()
        self.updateGeometry()
        self.update()

    # -- geometry ------------------------------------------------------------------------
    def _indicator(self) -> int:
        # The style's indicator is a fixed 13 px: too small to see or hit at 200 % text.
        # This one grows with the text.
        base = self.style().pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth, None, self)
        return max(base, round(self.fontMetrics().height() * 0.8))

    def text_left(self) -> int:
        """Where the text starts: the rest of the item lines up under it."""
        return self._indicator() + self.fontMetrics().averageCharWidth() + 4

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        # Layouts ask many times per pass; the answer only changes with text or font.
        if width not in self._heights:
            text_width = max(1, width - self.text_left() - 4)
            rect = QFontMetrics(self._text_font()).boundingRect(
                QRect(0, 0, text_width, 100_000), _WRAP, self._title
            )
            self._heights[width] = max(self._indicator(), rect.height()) + 4
        return self._heights[width]

    def sizeHint(self) -> QSize:
        # Ask for the width of a short line; the layout gives more and heightForWidth
        # answers for whatever width it gives.
        metrics = QFontMetrics(self._text_font())
        width = (
            self.text_left()
            + 4
            + min(metrics.horizontalAdvance(self._title), metrics.averageCharWidth() * 40)
        )
        return QSize(width, self.heightForWidth(width))

    def minimumSizeHint(self) -> QSize:
        width = self.text_left() + self.fontMetrics().averageCharWidth() * 12
        return QSize(width, self.heightForWidth(width))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._changed()

    def hitButton(self, pos) -> bool:
        return self.rect().contains(pos)

    # -- painting ------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        font = self._text_font()
        side = self._indicator()
        first_line = QFontMetrics(font).height()
        opt = QStyleOptionButton()
        self.initStyleOption(opt)
        opt.rect = QRect(2, 2 + max(0, (first_line - side) // 2), side, side)
        opt.text = ""
        opt.state &= ~QStyle.StateFlag.State_HasFocus
        self.style().drawPrimitive(QStyle.PrimitiveElement.PE_IndicatorCheckBox, opt, painter, self)
        left = self.text_left()
        painter.setFont(font)
        painter.setPen(self.palette().color(QPalette.ColorRole.WindowText))
        painter.drawText(
            QRect(left, 2, self.width() - left - 4, self.height() - 2), _WRAP, self._title
        )
        if self.hasFocus():
            focus = QStyleOptionFocusRect()
            focus.initFrom(self)
            focus.rect = self.rect().adjusted(0, 0, -1, -1)
            self.style().drawPrimitive(QStyle.PrimitiveElement.PE_FrameFocusRect, focus, painter)
        painter.end()


_WRAP = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap)


class WrapLabel(QLabel):
    """A wrapping rich-text label that remembers its height for each width.

    QLabel lays its text out again on every ``heightForWidth`` call, and the layouts of
    a page of thirty rows ask tens of thousands of times; the answer only changes with
    the text, the font or the style, so it is kept until one of them changes. Setting
    the same text again changes nothing (no new layout of the page).
    """

    def __init__(self, parent: QWidget | None = None, *, selectable: bool = False) -> None:
        super().__init__(parent)
        self._heights: dict[int, int] = {}
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setWordWrap(True)
        if selectable:
            self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

    def setText(self, text: str) -> None:
        if text == self.text():
            return
        self._heights.clear()
        super().setText(text)

    def clear(self) -> None:
        self._heights.clear()
        super().clear()

    def heightForWidth(self, width: int) -> int:
        height = self._heights.get(width)
        if height is None:
            height = self._heights[width] = super().heightForWidth(width)
        return height

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._heights.clear()
        super().changeEvent(event)


def source_line(catalog: Catalog, ref: str, lang: str) -> str:
    """One source, compact: "title, publisher, date" (a seed passage: its document and
    heading). A reference the catalog does not know is shown as written rather than
    dropped: the content check should have caught it, and hiding it would hide that."""
    try:
        cited = catalog.resolve(ref)
    except KeyError:
        return ref
    if isinstance(cited, Source):
        parts = [cited.title.get(lang), cited.publisher.get(lang)]
        if cited.date_text:
            parts.append(format_partial_date(cited.date_text, lang))
        return ", ".join(parts) if lang == "en" else "，".join(parts)
    assert isinstance(cited, SeedPassage)
    doc = catalog.seeds.get(cited.document_id)
    title = doc.title.get(lang) if doc else cited.document_id
    heading = cited.heading.get(lang)
    return f"{title}: {heading}" if lang == "en" else f"《{title}》{heading}"


def sources_text(catalog: Catalog, refs: Iterable[str], lang: str) -> str:
    sep = "; " if lang == "en" else "；"
    return sep.join(source_line(catalog, ref, lang) for ref in refs)


class ChecklistItemRow(QFrame):
    """One checklist item: tick box, due date, why it matters, sources, a note, a link.

    The page listens to the row's own widgets (``check.toggled``, ``note_edit``'s
    ``textEdited`` and ``editingFinished``, ``read_more.clicked``) rather than to signals
    re-emitted here: fewer signals per keystroke and per tick keep a long list cheap.
    A new plan reaches a kept row through :meth:`show_item` and :meth:`show_state`.
    """

    def __init__(
        self,
        item: ChecklistItem,
        catalog: Catalog,
        lang: str,
        state: ChecklistState | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.item = item
        self.lang = lang
        self.setObjectName(f"item:{item.id}")
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 6, 4, 6)
        lay.setSpacing(4)

        self.check = WrappingCheckBox(item.title.get(lang), self)
        self.check.setObjectName(f"check:{item.id}")
        self.check.setChecked(bool(state and state.done))
        lay.addWidget(self.check)

        body = QVBoxLayout()
        self._body = body
        # Indented under the title so the eye sees one item, not five loose lines.
        body.setContentsMargins(self.check.text_left(), 0, 0, 0)
        body.setSpacing(4)
        # The due date goes under the title, not in a column beside it: at 200 % text
        # "Overdue: was due 11 November 2026" would squeeze the title or break apart.
        self.due_label = WrapLabel(self)
        body.addWidget(self.due_label)
        # Why it matters, then its sources in grey: one label, since every widget
        # more per row makes the page slower to show.
        self.details = WrapLabel(self, selectable=True)
        self._sources = sources_text(catalog, item.sources, lang)
        body.addWidget(self.details)

        bottom = QHBoxLayout()
        self.note_label = QLabel(self)
        self.note_edit = QLineEdit(state.note if state and state.note else "", self)
        self.note_edit.setObjectName(f"note:{item.id}")
        self.note_edit.setMaxLength(NOTE_MAX_LENGTH)
        self.note_label.setBuddy(self.note_edit)
        bottom.addWidget(self.note_label)
        bottom.addWidget(self.note_edit, 1)
        self.read_more = QPushButton(self)
        self.read_more.setObjectName(f"topic:{item.topic}" if item.topic else "topic:")
        # Widgets get their parent at creation: show() on a parentless widget would
        # open it as a window of its own for a moment (and cost a native window).
        self.read_more.setHidden(item.topic is None)
        bottom.addWidget(self.read_more)
        body.addLayout(bottom)
        lay.addLayout(body)

        self.check.toggled.connect(self._show_due)
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            # The indicator grows with the text size; keep the body under the title.
            self._body.setContentsMargins(self.check.text_left(), 0, 0, 0)

    @property
    def done(self) -> bool:
        return self.check.isChecked()

    def show_item(self, item: ChecklistItem, catalog: Catalog, lang: str) -> None:
        """Show ``item`` (the same id, from a new plan) in ``lang``, in place.

        Only texts that differ are set again; an unchanged item costs nothing, so a new
        plan after every answer does not lay out the whole list again.
        """
        if item == self.item and lang == self.lang:
            return
        if lang != self.lang or item.sources != self.item.sources:
            self._sources = sources_text(catalog, item.sources, lang)
        self.item = item
        self.lang = lang
        self.check.setText(item.title.get(lang))
        if item.topic is not None:
            self.read_more.setObjectName(f"topic:{item.topic}")
        else:
            self.read_more.setObjectName("topic:")
        self.read_more.setHidden(item.topic is None)
        self.retranslate()

    def show_state(self, state: ChecklistState | None) -> None:
        """Show the saved tick and note (a new profile's, or after a failed save).

        A note typed here and already saved stays as typed (spaces and cursor too).
        """
        done = bool(state and state.done)
        if done != self.done:
            self.set_done(done)
        note = state.note if state and state.note else ""
        if self.note().strip() != note:
            self.note_edit.setText(note)

    def note(self) -> str:
        return self.note_edit.text()

    def set_done(self, done: bool) -> None:
        """Show ``done`` without announcing it (undoing a tick that failed to save, or
        showing another profile's tick)."""
        self.check.blockSignals(True)
        self.check.setChecked(done)
        self.check.blockSignals(False)
        self._show_due()

    def _show_due(self, *_args: object) -> None:
        due = self.item.due
        if due is None:
            self.due_label.clear()
            self.due_label.hide()
            return
        day = html.escape(format_date(due, self.lang))
        if self.item.overdue and not self.done:
            text = self.tr("Overdue: was due %1").replace("%1", day)
            self.due_label.setText(
                f'<span style="color:{OVERDUE_COLOUR}; font-weight:600">{text}</span>'
            )
        elif self.done:
            text = self.tr("Done (was due %1)").replace("%1", day)
            self.due_label.setText(f'<span style="color:{DONE_COLOUR}">{text}</span>')
        else:
            self.due_label.setText(self.tr("by %1").replace("%1", day))
        self.due_label.setAccessibleName(_plain(self.due_label.text()))
        self.due_label.show()

    def sources_text(self) -> str:
        """ "Sources: ..." as shown (plain text), or "" when the item cites none."""
        if not self._sources:
            return ""
        return self.tr("Sources: %1").replace("%1", self._sources)

    def retranslate(self) -> None:
        title = self.check.title()
        why = html.escape(self.item.why.get(self.lang), quote=False)
        sources = self.sources_text()
        if sources:
            why += (
                f'<br/><span style="color:{MUTED_COLOUR}">'
                f"{html.escape(sources, quote=False)}</span>"
            )
        self.details.setText(why)
        self.details.setAccessibleName(_plain(why.replace("<br/>", " ")))
        self.note_label.setText(self.tr("Note:"))
        self.note_edit.setPlaceholderText(self.tr("Where the paper is, whom to call…"))
        self.note_edit.setAccessibleName(self.tr("Note for “%1”").replace("%1", title))
        self.read_more.setText(self.tr("Read more"))
        self.read_more.setAccessibleName(
            self.tr("Read more about “%1” in the Guide").replace("%1", title)
        )
        self._show_due()


def _plain(rich: str) -> str:
    import re

    return html.unescape(re.sub(r"<[^>]+>", "", rich))


class ChecklistPhaseBox(QGroupBox):
    """The items of one phase, under the phase's name and its own progress."""

    def __init__(self, phase: str, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.phase = phase
        self.setObjectName(f"phase:{phase}")
        self.setTitle(title)
        lay = QVBoxLayout(self)
        lay.setSpacing(2)
        head = QHBoxLayout()
        head.setSpacing(12)
        self.progress_label = QLabel()
        self.progress_bar = QProgressBar()
        self.progress_bar.setTextVisible(False)
        self.progress_bar.setMaximumWidth(220)
        self.progress_bar.setFixedHeight(thin_bar_height(self))
        head.addWidget(self.progress_label)
        head.addWidget(self.progress_bar, 1, Qt.AlignmentFlag.AlignVCenter)
        head.addStretch(1)
        lay.addLayout(head)
        self.rows: list[ChecklistItemRow] = []
        self._lines: dict[str, QFrame] = {}  # item id -> the line above its row
        self._layout = lay

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self.progress_bar.setFixedHeight(thin_bar_height(self))

    def set_rows(self, rows: list[ChecklistItemRow]) -> bool:
        """Show ``rows`` in this order, each under a thin line; False if nothing changed.

        Rows no longer listed are taken out, not deleted: the page deletes them or puts
        them in another box. The layout is touched only when the rows or their order
        changed, so a new plan with the same steps costs no new layout here.
        """
        if same_widgets(rows, self.rows):
            return False
        keep = {row.item.id for row in rows}
        had = {row.item.id for row in self.rows}
        for row in self.rows:
            if row.item.id not in keep:
                self._layout.removeWidget(row)
                line = self._lines.pop(row.item.id)
                self._layout.removeWidget(line)
                line.hide()
                line.deleteLater()
        kept = [row for row in self.rows if row.item.id in keep]
        if same_widgets(kept, rows[: len(kept)]):
            # Only removals, or new rows at the end: the others stay where they are.
            added = rows[len(kept) :]
        else:
            for row in kept:
                self._layout.removeWidget(self._lines[row.item.id])
                self._layout.removeWidget(row)
            added = rows
        # New rows are shown together with the box: a row shown on its own in a shown
        # box lays the whole box out at once, every time (Qt does), which made adding
        # a few rows cost as much as building the page.
        reshow = self.isVisible() and any(row.item.id not in had for row in rows)
        focus = QApplication.focusWidget() if reshow else None
        if reshow:
            self.hide()
        for row in added:
            line = self._lines.get(row.item.id) or self._new_line()
            self._lines[row.item.id] = line
            self._layout.addWidget(line)
            self._layout.addWidget(row)
        if reshow:
            self.show()
            # Hiding moved the focus on; give it back if it was in a row still here.
            if focus is not None and self.isAncestorOf(focus) and focus.isVisible():
                focus.setFocus(Qt.FocusReason.OtherFocusReason)
        self.rows = list(rows)
        return True

    def _new_line(self) -> QFrame:
        line = QFrame(self)
        line.setFrameShape(QFrame.Shape.HLine)
        line.setFrameShadow(QFrame.Shadow.Plain)
        palette = line.palette()
        palette.setColor(QPalette.ColorRole.WindowText, QColor(SEPARATOR_COLOUR))
        line.setPalette(palette)
        return line

    def counts(self) -> tuple[int, int]:
        return sum(1 for r in self.rows if r.done), len(self.rows)

    def show_progress(self, text: str) -> None:
        """Show ``text`` ("2 of 5 done") and the bar; unchanged values cost nothing."""
        done, total = self.counts()
        self.progress_label.setText(text)
        self.progress_bar.setRange(0, max(1, total))
        self.progress_bar.setValue(done)
        self.progress_bar.setAccessibleName(text)


def same_widgets(a: Sequence[QWidget], b: Sequence[QWidget]) -> bool:
    """The same widget objects in the same order (not equal texts: the same rows)."""
    return len(a) == len(b) and all(x is y for x, y in zip(a, b, strict=True))


def thin_bar_height(widget: QWidget) -> int:
    """A progress bar half a line high: clearly a bar, never mistaken for a text box."""
    return max(8, widget.fontMetrics().height() // 2)
