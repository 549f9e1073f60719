"""One question on the Questionnaire page: label, help, input and inline message.

The block is where the rule "an invalid answer is shown, never stored" lives: it checks
every edit with :func:`desktop.content.questionnaire.validate_answer` and passes only
valid values on. A value that fails the question's constraint shows the question's own
bilingual ``constraint_message``; other problems (letters in a number, a range without
a constraint) get a translated interface message.

Messages appear when the person finishes an answer (leaves the field, presses Enter),
not after every keystroke: typing "2" on the way to "24" must not flash "too young".
"""

from __future__ import annotations

from html import escape
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from desktop.content.questionnaire import Question, validate_answer
from desktop.ui.pages.questionnaire_buttons import set_state
from desktop.ui.pages.questionnaire_inputs import (
    AnswerInput,
    Unparsed,
    format_number,
    make_input,
    text_of,
)


class QuestionBlock(QFrame):
    """Signals:
    answerChanged(str, object): question id and a valid finished answer (None = cleared).
    answerTyped(str, object): the same while the person is still typing.
    """

    answerChanged = Signal(str, object)
    answerTyped = Signal(str, object)

    def __init__(self, question: Question, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.question = question
        self._lang = lang
        self.setObjectName("questionCard")
        lay = QVBoxLayout(self)
        lay.setContentsMargins(14, 12, 14, 12)
        lay.setSpacing(6)
        self.label = QLabel()
        self.label.setObjectName("questionLabel")
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.RichText)
        self.help = QLabel()
        self.help.setObjectName("questionHelp")
        self.help.setWordWrap(True)
        self.help.setTextFormat(Qt.TextFormat.PlainText)
        self.input: AnswerInput = make_input(question)
        self.error = QLabel()
        self.error.setObjectName("questionError")
        self.error.setWordWrap(True)
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        lay.addWidget(self.label)
        lay.addWidget(self.help)
        lay.addSpacing(2)
        lay.addWidget(self.input)
        lay.addWidget(self.error)
        # Only now, with a parent: a parentless widget made visible becomes a window.
        self.help.setVisible(question.help is not None)
        self.error.hide()
        self.input.edited.connect(lambda value: self._on_edited(value, True))
        self.input.typed.connect(lambda value: self._on_edited(value, False))
        self.retranslate()

    # -- values -----------------------------------------------------------------------
    def set_value(self, value: Any) -> None:
        """Show a stored answer; any message about an earlier unsaved edit goes away."""
        self.input.set_value(value)
        self.show_problem(None)

    def has_problem(self) -> bool:
        return not self.error.isHidden()

    def problem(self, value: Any) -> str | None:
        """The message for an invalid ``value`` in the content language, or None."""
        q = self.question
        if isinstance(value, Unparsed):
            if q.type == "money":
                return self.tr("Please write the amount in digits, for example 3000.")
            return self.tr("Please write a whole number in digits, for example 25.")
        if validate_answer(q, value) is None:
            return None
        if q.constraint is not None and q.constraint_message is not None:
            try:
                failed = not q.constraint.evaluate({}, value)
            except Exception:  # a value the condition cannot compare: use the generic text
                failed = False
            if failed:
                return q.constraint_message.get(self._lang)
        if q.type in ("number", "money"):
            low, high = q.min, q.max
            if low is not None and high is not None:
                return (
                    self.tr("Please enter a number from %1 to %2.")
                    .replace("%1", format_number(low))
                    .replace("%2", format_number(high))
                )
            if low is not None:
                return self.tr("Please enter %1 or more.").replace("%1", format_number(low))
            if high is not None:
                return self.tr("Please enter %1 or less.").replace("%1", format_number(high))
            return self.tr("Please write a whole number in digits, for example 25.")
        if q.type == "date":
            return self.tr("Please choose a real date.")
        if q.type == "text" and isinstance(value, str):
            limit = q.max_length or 500
            if len(value) > limit:
                return self.tr("Please shorten this to %1 characters or fewer.").replace(
                    "%1", str(limit)
                )
            return self.tr("Please remove the special characters from this text.")
        return self.tr("This answer cannot be used. Please choose again.")

    def show_problem(self, message: str | None) -> None:
        if (message or "") == self.error.text() and self.has_problem() == bool(message):
            return  # nothing changes (the usual case while typing)
        self.error.setText(message or "")
        self.error.setVisible(bool(message))
        set_state(self, "invalid", bool(message))  # the red border
        self._describe()

    def commit(self) -> None:
        """Treat what the input shows as finished (Next pressed while still typing)."""
        self._on_edited(self.input.value(), True)

    def _on_edited(self, value: Any, final: bool) -> None:
        message = self.problem(value)
        if message is not None:
            # While typing, only update a message that is already showing.
            if final or self.has_problem():
                self.show_problem(message)
            return
        self.show_problem(None)
        if final:
            self.answerChanged.emit(self.question.id, value)
        else:
            self.answerTyped.emit(self.question.id, value)

    # -- focus ------------------------------------------------------------------------
    def focus_chain(self) -> list[QWidget]:
        return self.input.focus_chain()

    def focus_input(self, reason: Qt.FocusReason = Qt.FocusReason.OtherFocusReason) -> None:
        self.input.focus_target().setFocus(reason)

    # -- words ------------------------------------------------------------------------
    def set_content_language(self, lang: str) -> None:
        self._lang = lang
        q = self.question
        label = q.label.get(lang)
        self.help.setText(text_of(q.help, lang))
        self.input.set_content_language(lang, label)
        self._show_label()
        if self.has_problem():
            self.show_problem(self.problem(self.input.value()))
        self._describe()

    def retranslate(self) -> None:
        self.input.retranslate()
        self.set_content_language(self._lang)

    def _show_label(self) -> None:
        text = escape(self.question.label.get(self._lang))
        if self.question.required:
            tag = escape(self.tr("(required)"))
            text += f' <span style="color:#7a4a00; font-weight:normal">{tag}</span>'
        self.label.setText(text)
        self.label.setAccessibleName(self.question.label.get(self._lang))

    def _describe(self) -> None:
        """Screen readers hear the question, its help and any problem with each control.

        A control named by its option ("Japan") also gets the question in its
        description; one named by the question gets only the help and the problem.
        """
        label = self.question.label.get(self._lang)
        extra = [text_of(self.question.help, self._lang), self.error.text()]
        for w in self.input.focus_chain():
            parts = ([label] if w.accessibleName() != label else []) + extra
            w.setAccessibleDescription(" ".join(p for p in parts if p))
