"""A QTextBrowser that is as tall as its text, for reading inside a scroll area.

Why: the Guide shows a topic as one page that scrolls as a whole (title, text,
sources, notes). A text box with its own scroll bar inside that page would give a
reader at 200 % text two scroll bars and a few lines to read; this one grows instead.
"""

from __future__ import annotations

import math

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QSizePolicy, QTextBrowser, QWidget

# A little air between lines and list items helps slow readers keep their place.
BODY_STYLE = "p, li { line-height: 115%; } li { margin-bottom: 4px; } h3 { margin-top: 14px; }"


class FlowBrowser(QTextBrowser):
    """A read-only rich text as tall as its content, meant to sit inside a scroll area.

    Links never open anything by themselves (no web, no files): the owner handles
    ``anchorClicked``.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFrameShape(QFrame.Shape.NoFrame)
        # The app's style sheet frames every QTextEdit like an input box; this is text to read.
        self.setStyleSheet("QTextBrowser { border: none; padding: 0; background: transparent; }")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.document().setDefaultStyleSheet(BODY_STYLE)
        self.document().setDocumentMargin(0)
        self.viewport().setAutoFillBackground(False)
        self.document().documentLayout().documentSizeChanged.connect(self._fit)

    def set_html(self, text: str) -> None:
        self.setHtml(text)
        self._fit()

    def _fit(self, *_args: object) -> None:
        margins = self.contentsMargins()
        height = math.ceil(self.document().size().height()) + margins.top() + margins.bottom()
        if height != self.height() or self.minimumHeight() != height:
            self.setFixedHeight(max(height, 1))
