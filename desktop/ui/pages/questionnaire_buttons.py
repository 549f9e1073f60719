"""Controls the Questionnaire page needs that Qt does not have as such.

``OptionRow``: QRadioButton and QCheckBox never wrap their text, and at 200% text size
a long option label would be cut off or force sideways scrolling. A row pairs a
text-less button (it keeps Qt's keyboard handling, button groups and accessibility;
its accessible name is the option) with a wrapping label, and the whole row is the
click target. Highlighting (chosen, focus, hover) comes from the page's style sheet.

Why no hand painting: with PySide6 6.12.0 on CPython 3.11, every call from Python of a
Qt method that returns nothing drops one reference to ``None`` (from 3.12 on ``None``
is immortal and nothing happens); after some thousands the interpreter aborts with
"none_dealloc". A Python ``paintEvent`` or ``changeEvent`` would run such calls for
every row on every repaint or text-size change, so these widgets leave that to Qt, and
the page skips Qt calls that would change nothing.

``WheelGuard``: a drop-down or date field under the mouse would otherwise change its
value while the person scrolls the page past it.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QFrame,
    QHBoxLayout,
    QLabel,
    QWidget,
)


def set_state(widget: QWidget, name: str, value: object) -> None:
    """Set a property the style sheet looks at, and re-apply the style if it changed."""
    if widget.property(name) != value:
        widget.setProperty(name, value)
        widget.style().unpolish(widget)
        widget.style().polish(widget)


class OptionRow(QFrame):
    """One option: a radio button or check box and its wrapping text."""

    def __init__(self, button: QAbstractButton, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("optionRow")
        self.button = button
        self.label = QLabel()
        self.label.setObjectName("optionLabel")
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(6, 4, 6, 4)
        lay.setSpacing(10)
        lay.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
        lay.addWidget(self.label, 1)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        button.toggled.connect(lambda on: set_state(self, "checked", on))
        button.installEventFilter(self)

    def set_text(self, text: str) -> None:
        self.label.setText(text)
        self.button.setAccessibleName(text)

    def text(self) -> str:
        return self.label.text()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        # A click on the text or the space around it counts as a click on the button.
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(
            event.position().toPoint()
        ):
            self.button.setFocus(Qt.FocusReason.MouseFocusReason)
            self.button.click()
            event.accept()
            return
        event.ignore()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        event.accept()  # so that the release comes here

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.button and event.type() in (
            QEvent.Type.FocusIn,
            QEvent.Type.FocusOut,
        ):
            set_state(self, "focused", event.type() == QEvent.Type.FocusIn)
        return False


class WheelGuard(QObject):
    """Stops the mouse wheel from changing a drop-down or date the person scrolls past.

    Without it, scrolling the page with the wheel over the occupation list silently
    changes the answer. The wheel still works once the person has clicked the control.
    """

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() != QEvent.Type.Wheel
            or not isinstance(watched, QWidget)
            or watched.hasFocus()
        ):
            return False
        # Scroll the page instead, as if the control were not there.
        area = watched.parentWidget()
        while area is not None and not isinstance(area, QAbstractScrollArea):
            area = area.parentWidget()
        if area is not None:
            QCoreApplication.sendEvent(area.viewport(), event)
        return True


def focus_next(widget: QWidget) -> None:
    """Move the focus on as Tab would (Enter in a one-line field moves on, as on paper)."""
    nxt = widget.nextInFocusChain()
    while nxt is not widget:
        if nxt.focusPolicy() & Qt.FocusPolicy.TabFocus and nxt.isVisible() and nxt.isEnabled():
            nxt.setFocus(Qt.FocusReason.TabFocusReason)
            return
        nxt = nxt.nextInFocusChain()
