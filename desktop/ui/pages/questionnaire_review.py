"""The review page of the questionnaire: every question that counts, with its answer.

Answers are shown in words (option labels, "12,000 yuan", dates as YYYY-MM-DD), never
as stored values, and each has a Change button that takes the person back to it.
Required questions still without an answer are marked, here and only here: the
question pages never nag while someone is still answering.

One row per question is built the first time the page is shown; later visits only
update texts and hide the rows of questions that do not apply, so showing the review
stays instant and can never show a stale answer.
"""

from __future__ import annotations

from collections.abc import Mapping
from html import escape
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.content.questionnaire import Question, Questionnaire
from desktop.ui.pages.questionnaire_buttons import set_state
from desktop.ui.pages.questionnaire_inputs import option_label
from desktop.ui.widgets import Heading, Paragraph


class _Row:
    def __init__(self, question: Question, frame: QFrame, label: QLabel, answer: QLabel,
                 button: QPushButton) -> None:  # fmt: skip
        self.question = question
        self.frame = frame
        self.label = label
        self.answer = answer
        self.button = button


class ReviewView(QScrollArea):
    """Signals:
    changeRequested(str): the person pressed Change next to this question id.
    """

    changeRequested = Signal(str)

    def __init__(self, questionnaire: Questionnaire, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.questionnaire = questionnaire
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._lang = "zh"
        self.rows: dict[str, _Row] = {}
        self._sections: list[tuple[Heading, list[str], Any]] = []
        self.missing: list[str] = []

    # -- building ---------------------------------------------------------------------
    def _build(self) -> None:
        body = QWidget()
        body.setObjectName("questionnaireBody")
        lay = QVBoxLayout(body)
        lay.setContentsMargins(16, 12, 16, 16)
        lay.setSpacing(8)
        self.heading = Heading(level=2)
        self.intro = Paragraph()
        self.missing_note = Paragraph()
        self.missing_note.setObjectName("reviewMissingNote")
        lay.addWidget(self.heading)
        lay.addWidget(self.intro)
        lay.addWidget(self.missing_note)
        for page in self.questionnaire.pages:
            title = Heading(level=3)
            lay.addSpacing(8)
            lay.addWidget(title)
            for q in page.questions:
                self.rows[q.id] = self._row(q)
                lay.addWidget(self.rows[q.id].frame)
            self._sections.append((title, [q.id for q in page.questions], page.title))
        lay.addStretch(1)
        self.setWidget(body)

    def _row(self, q: Question) -> _Row:
        frame = QFrame()
        frame.setObjectName("reviewRow")
        lay = QHBoxLayout(frame)
        lay.setContentsMargins(12, 8, 12, 8)
        texts = QVBoxLayout()
        label = QLabel()
        label.setTextFormat(Qt.TextFormat.RichText)
        label.setObjectName("questionLabel")
        label.setWordWrap(True)
        answer = QLabel()
        answer.setObjectName("reviewAnswer")
        answer.setTextFormat(Qt.TextFormat.PlainText)
        answer.setWordWrap(True)
        answer.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        texts.addWidget(label)
        texts.addWidget(answer)
        lay.addLayout(texts, 1)
        button = QPushButton()
        button.setAutoDefault(True)
        button.clicked.connect(lambda _=False, qid=q.id: self.changeRequested.emit(qid))
        lay.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
        return _Row(q, frame, label, answer, button)

    # -- showing ----------------------------------------------------------------------
    def refresh(self, answers: Mapping[str, Any], lang: str) -> None:
        """Show ``answers`` (the stored ones) in content language ``lang``."""
        if not self.rows:
            self._build()
        self._lang = lang
        qn = self.questionnaire
        effective = qn.effective_answers(answers)
        relevant = {q.id for q in qn.relevant_questions(answers)}
        self.missing = [q.id for q in qn.missing_required(answers)]
        self.heading.setText(self.tr("Check your answers"))
        self.intro.setText(self.tr("To change an answer, press the Change button next to it."))
        if len(self.missing) == 1:
            note = self.tr(
                "1 question that your plan needs has no answer yet. It is marked in red below."
            )
        else:
            note = self.tr(
                "%1 questions that your plan needs have no answer yet. They are marked in "
                "red below."
            ).replace("%1", str(len(self.missing)))
        self.missing_note.setText(note)
        self.missing_note.setVisible(bool(self.missing))
        for title, qids, text in self._sections:
            title.setText(text.get(lang))
            wanted = any(qid in relevant for qid in qids)
            if title.isHidden() == wanted:
                title.setVisible(wanted)
        for qid, row in self.rows.items():
            if row.frame.isHidden() == (qid in relevant):
                row.frame.setVisible(qid in relevant)
            if qid in relevant:
                self._show_row(row, effective.get(qid), qid in self.missing)

    def _show_row(self, row: _Row, value: Any, missing: bool) -> None:
        q = row.question
        row.label.setText(escape(q.label.get(self._lang)))
        shown = self.answer_text(q, value)
        state = "answered"
        if shown is None:
            state = "missing" if missing else "empty"
            shown = (
                self.tr("Not answered yet. Your plan needs this answer.")
                if missing
                else self.tr("Not answered")
            )
        row.answer.setText(shown)
        set_state(row.answer, "state", state)
        set_state(row.frame, "missing", missing)
        row.button.setText(self.tr("Change"))
        row.button.setAccessibleName(
            self.tr("Change the answer to: %1").replace("%1", q.label.get(self._lang))
        )
        row.button.setAccessibleDescription(shown)

    def answer_text(self, q: Question, value: Any) -> str | None:
        """``value`` in words for a person; None when there is no answer."""
        if value is None or value == "":
            return None
        lang = self._lang
        if q.type in ("single", "yesno"):
            return option_label(q, value, lang) or str(value)
        if q.type == "multi":
            words = [option_label(q, v, lang) or str(v) for v in value]
            return ("、" if lang == "zh" else ", ").join(words)
        if q.type == "money":
            amount = f"{value:,.2f}" if isinstance(value, float) else f"{value:,}"
            return self.tr("%1 yuan").replace("%1", amount)
        return str(value)

    def focus_chain(self) -> list[QWidget]:
        return [row.button for row in self.rows.values()]

    def first_button(self) -> QWidget | None:
        """The first visible Change button: where the focus goes on arrival."""
        for row in self.rows.values():
            if not row.frame.isHidden():
                return row.button
        return None
