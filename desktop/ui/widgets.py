"""Small widgets shared by the pages."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QFrame, QLabel, QSizePolicy, QTextBrowser, QWidget


class Heading(QLabel):
    """A page or group heading that grows and shrinks with the app's text size.

    It keeps no font of its own: rich-text sizes are relative to the widget font, which
    follows the application font that the text-size setting changes.
    """

    def __init__(self, text: str = "", level: int = 1, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._level = level
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setWordWrap(True)
        self.setText(text)

    def setText(self, text: str) -> None:
        from html import escape

        size = {1: "xx-large", 2: "x-large", 3: "large"}.get(self._level, "large")
        super().setText(f'<span style="font-size:{size}; font-weight:600">{escape(text)}</span>')
        self.setAccessibleName(text)


class Paragraph(QLabel):
    """Plain wrapped text that a screen reader can reach and a person can select."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)


def hline(parent: QWidget | None = None) -> QFrame:
    line = QFrame(parent)
    line.setFrameShape(QFrame.Shape.HLine)
    line.setFrameShadow(QFrame.Shadow.Sunken)
    return line


class AutoHeightBrowser(QTextBrowser):
    """A read-only rich-text view as tall as its text, for use inside a scrolling page.

    One scroll bar for the page is easier for a person than a scrolling box inside a
    scrolling page; the page scrolls, this view never does.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.document().documentLayout().documentSizeChanged.connect(self._fit)

    def _fit(self, *_args: object) -> None:
        doc = self.document()
        doc.setTextWidth(self.viewport().width())
        margins = self.contentsMargins()
        self.setFixedHeight(int(doc.size().height()) + margins.top() + margins.bottom() + 4)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()
