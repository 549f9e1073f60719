"""What a content page shows while the content is still being loaded.

The content (the Guide, the questionnaire, the advice rules) is loaded after the window
first paints, in well under a second. A person who opens the Guide or the questionnaire
in that moment sees this page, which says so plainly; the real page replaces it as soon
as the content is there. If the content could not be loaded, the window has already
explained why in a message, and this page keeps saying that the page is not available.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget

from desktop.ui.widgets import Heading, Paragraph


class PagePlaceholder(QWidget):
    """A page's heading and one sentence saying that the page is being prepared.

    ``title`` gives the page's name in the current language (it is asked again after a
    language switch).
    """

    def __init__(self, title: Callable[[], str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._title = title
        lay = QVBoxLayout(self)
        self.heading = Heading(level=1)
        self.text = Paragraph()
        lay.addWidget(self.heading)
        lay.addWidget(self.text)
        lay.addStretch(1)
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.heading.setText(self._title())
        self.text.setText(
            self.tr(
                "This page is being prepared. It appears here in a moment. If it does not, "
                "Passage's content files have a problem: Passage has said so in a message. "
                "Your own data is safe."
            )
        )
