"""Pages that later work fills. Each says plainly what it will hold; none pretends."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget

from desktop.ui.widgets import Heading, Paragraph


class _Placeholder(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
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
        raise NotImplementedError


class QuestionnairePlaceholder(_Placeholder):
    def retranslate(self) -> None:
        self.heading.setText(self.tr("Questionnaire"))
        self.text.setText(
            self.tr(
                "Not built yet. Here you will answer questions about your plans, one page at a "
                "time: where you want to go, who is recruiting you, what you have paid and signed. "
                "Every answer is saved at once."
            )
        )


class GuidePlaceholder(_Placeholder):
    def retranslate(self) -> None:
        self.heading.setText(self.tr("Guide"))
        self.text.setText(
            self.tr(
                "Not built yet. Here you will read about the legal ways to work abroad, each "
                "destination's rules, the training still ahead and the rights that protect you, "
                "with the source of every fact."
            )
        )


class ChecklistPlaceholder(_Placeholder):
    def retranslate(self) -> None:
        self.heading.setText(self.tr("Checklist"))
        self.text.setText(
            self.tr(
                "Not built yet. Here you will tick off the steps of your own plan, phase by phase, "
                "and print the checklist or save it as a PDF."
            )
        )


class NotesPlaceholder(_Placeholder):
    def retranslate(self) -> None:
        self.heading.setText(self.tr("Notes"))
        self.text.setText(
            self.tr(
                "Not built yet. Here you will keep notes: what the agency said, what you paid and "
                "to whom, names and dates. They stay on this computer."
            )
        )
