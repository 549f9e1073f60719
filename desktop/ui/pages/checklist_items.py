"""The pieces of the Checklist page: one row per checklist item, one box per phase.

A row owns its widgets and updates them in place (a tick recolours the due date, a
typed note stays where it is); it never reaches the store itself. It reports what the
person did through signals and the page saves, so one place handles storage errors and
the page decides when to rebuild.
"""

from __future__ import annotations

import html
from collections.abc import Iterable

from PySide6.QtCore import QEvent, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import (
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
from desktop.ui.widgets import Paragraph

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
        self.due_label = QLabel(self)
        self.due_label.setTextFormat(Qt.TextFormat.RichText)
        self.due_label.setWordWrap(True)
        body.addWidget(self.due_label)
        # Why it matters, then its sources in grey: one label, since every widget
        # more per row makes the page slower to show.
        self.details = Paragraph(parent=self)
        self.details.setTextFormat(Qt.TextFormat.RichText)
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

    def note(self) -> str:
        return self.note_edit.text()

    def set_done(self, done: bool) -> None:
        """Show ``done`` without announcing it (used to undo a tick that failed to save)."""
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
        self._layout = lay

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self.progress_bar.setFixedHeight(thin_bar_height(self))

    def add_row(self, row: ChecklistItemRow) -> None:
        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)
        line.setFrameShadow(QFrame.Shadow.Plain)
        palette = line.palette()
        palette.setColor(QPalette.ColorRole.WindowText, QColor(SEPARATOR_COLOUR))
        line.setPalette(palette)
        self._layout.addWidget(line)
        self._layout.addWidget(row)
        self.rows.append(row)

    def counts(self) -> tuple[int, int]:
        return sum(1 for r in self.rows if r.done), len(self.rows)

    def show_progress(self, text: str) -> None:
        done, total = self.counts()
        self.progress_label.setText(text)
        self.progress_bar.setRange(0, max(1, total))
        self.progress_bar.setValue(done)
        self.progress_bar.setAccessibleName(text)


def thin_bar_height(widget: QWidget) -> int:
    """A progress bar half a line high: clearly a bar, never mistaken for a text box."""
    return max(8, widget.fontMetrics().height() // 2)
