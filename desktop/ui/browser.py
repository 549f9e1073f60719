"""AutoHeightBrowser: rich text as tall as itself, inside a scrolling page.

Its own module because QTextBrowser is not needed before the first paint: importing it
builds the Python types of QTextEdit and QTextBrowser and their enums, memory and time
the first frame does without (Home makes its plan view once the content is loaded).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFrame, QSizePolicy, QTextBrowser, QWidget

from desktop.ui.widgets import SCROLL_BAR_ALWAYS_OFF, set_enum_property

if TYPE_CHECKING:
    from PySide6.QtGui import QResizeEvent


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
        # Home makes one right after the first paint: no Qt namespace (module docstring).
        set_enum_property(self, "verticalScrollBarPolicy", SCROLL_BAR_ALWAYS_OFF)
        set_enum_property(self, "horizontalScrollBarPolicy", SCROLL_BAR_ALWAYS_OFF)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.document().documentLayout().documentSizeChanged.connect(self._fit)

    def _fit(self, *_args: object) -> None:
        doc = self.document()
        # With both scroll bars off this is the viewport's width. Not viewport().width():
        # handing the viewport to Python makes PySide build the Python types of all Qt
        # classes (about 80 enums, tens of ms), on Home right after the first paint.
        doc.setTextWidth(self.maximumViewportSize().width())
        margins = self.contentsMargins()
        self.setFixedHeight(int(doc.size().height()) + margins.top() + margins.bottom() + 4)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()
