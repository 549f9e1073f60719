"""Answer inputs for the Questionnaire page: one widget per question type.

Each input shows an answer and reports the person's edits as plain answer values:
``str`` (single, yesno, text), ``list[str]`` (multi), ``int``/``float`` (number, money),
``"YYYY-MM-DD"`` (date), ``None`` for "not answered", or :class:`Unparsed` for typed
text that is not a number. An input never validates or saves by itself: the
:class:`~desktop.ui.pages.questionnaire_block.QuestionBlock` does, so every type follows
one rule (an invalid value is shown with a message and never stored).

Inputs report ``edited(value)`` for a finished choice or when the person leaves a text
field, and ``typed(value)`` while they are still typing (the page saves those after a
short pause), so closing the window mid-way loses nothing. (Two signals rather than a
``final`` flag: a Python ``bool`` sent through a signal leaks a reference with PySide6
6.12 on Python 3.11, see ``questionnaire_buttons``.)
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QEvent, QObject, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from desktop.content.model import Text
from desktop.content.questionnaire import Question
from desktop.ui.pages.questionnaire_buttons import OptionRow, WheelGuard, focus_next

# More options than this become a drop-down list. A visible list of radio buttons is
# easier to read for someone who reads slowly, so only really long lists are folded.
COMBO_THRESHOLD = 8
DATE_FORMAT = "yyyy-MM-dd"
_ARROW_STEPS = {
    Qt.Key.Key_Up: -1,
    Qt.Key.Key_Left: -1,
    Qt.Key.Key_Down: 1,
    Qt.Key.Key_Right: 1,
}

_FULLWIDTH = str.maketrans("０１２３４５６７８９．", "0123456789.")
_INT_RE = re.compile(r"\d{1,12}")
_MONEY_RE = re.compile(r"\d{1,12}(\.\d{1,2})?")


@dataclass(frozen=True)
class Unparsed:
    """Typed text that is not a number; the block shows a message and saves nothing."""

    text: str


# --------------------------------------------------------------------------- option rows


# --------------------------------------------------------------------------- inputs


class AnswerInput(QWidget):
    """Base of all inputs. Signals (see the module docstring):
    edited(object): a finished answer.
    typed(object): the answer so far, while the person is typing.
    """

    edited = Signal(object)
    typed = Signal(object)

    def __init__(self, question: Question, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.question = question
        self._wheel_guard = WheelGuard(self)

    def value(self) -> Any:
        raise NotImplementedError

    def set_value(self, value: Any) -> None:
        """Show ``value`` (a stored answer or None) without reporting an edit."""
        raise NotImplementedError

    def focus_chain(self) -> list[QWidget]:
        """The widgets that Tab visits, in order."""
        raise NotImplementedError

    def focus_target(self) -> QWidget:
        return self.focus_chain()[0]

    def set_content_language(self, lang: str, label: str) -> None:
        """Show option texts in ``lang``; ``label`` is the question, for screen readers."""

    def retranslate(self) -> None:
        """Re-read the interface words (not the question data)."""

    def _guard_wheel(self, widget: QWidget) -> None:
        widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        widget.installEventFilter(self._wheel_guard)


class RadioInput(AnswerInput):
    """single and yesno: one radio button per option; arrow keys move and choose."""

    def __init__(self, question: Question, parent: QWidget | None = None) -> None:
        super().__init__(question, parent)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(2)
        self.group = QButtonGroup(self)
        self.buttons: list[QRadioButton] = []
        self.rows: list[OptionRow] = []
        for i, _opt in enumerate(question.options):
            button = QRadioButton()
            self.group.addButton(button, i)
            button.installEventFilter(self)
            row = OptionRow(button)
            lay.addWidget(row)
            self.buttons.append(button)
            self.rows.append(row)
        self.group.idClicked.connect(self._on_clicked)
        self._rove()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Arrow keys move to the next or previous option and choose it.

        Qt only does so once an option is chosen (before that, arrows move the focus
        and Space chooses); one rule is easier to learn, and it is what Windows does.
        """
        if event.type() != QEvent.Type.KeyPress:
            return False
        step = _ARROW_STEPS.get(event.key())
        plain = event.modifiers() in (
            Qt.KeyboardModifier.NoModifier,
            Qt.KeyboardModifier.KeypadModifier,
        )
        if step and plain and watched in self.buttons:
            index = self.buttons.index(watched) + step
            if 0 <= index < len(self.buttons):
                self.buttons[index].setFocus(Qt.FocusReason.TabFocusReason)
                self.buttons[index].click()
            return True
        return False

    def _on_clicked(self, index: int) -> None:
        self._rove()
        self.edited.emit(self.question.options[index].value)

    def _rove(self) -> None:
        # Tab lands on the chosen option (or the first), arrows move between options:
        # the usual keyboard behaviour of a radio group.
        checked = self.group.checkedButton() or self.buttons[0]
        for b in self.buttons:
            policy = Qt.FocusPolicy.StrongFocus if b is checked else Qt.FocusPolicy.ClickFocus
            if b.focusPolicy() != policy:
                b.setFocusPolicy(policy)

    def value(self) -> Any:
        index = self.group.checkedId()
        return None if index < 0 else self.question.options[index].value

    def set_value(self, value: Any) -> None:
        if value == self.value():
            return
        self.group.setExclusive(False)
        for b, opt in zip(self.buttons, self.question.options, strict=True):
            b.setChecked(opt.value == value)
        self.group.setExclusive(True)
        self._rove()

    def focus_chain(self) -> list[QWidget]:
        return list(self.buttons)

    def focus_target(self) -> QWidget:
        return self.group.checkedButton() or self.buttons[0]

    def set_content_language(self, lang: str, label: str) -> None:
        for row, opt in zip(self.rows, self.question.options, strict=True):
            row.set_text(opt.label.get(lang))
        self.setAccessibleName(label)


class _Combo(QComboBox):
    """A drop-down list as wide as its longest entry at any text size.

    WORKAROUND: with the app style sheet's padding, QComboBox's own size hint is a
    little too narrow and the end of the text hides behind the arrow.
    """

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        fm = self.fontMetrics()
        widest = max(
            (fm.horizontalAdvance(self.itemText(i)) for i in range(self.count())), default=0
        )
        return QSize(max(hint.width(), widest + 2 * fm.height() + 24), hint.height())

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()


class ComboInput(AnswerInput):
    """single with many options: a drop-down list whose first entry means "not answered"."""

    def __init__(self, question: Question, parent: QWidget | None = None) -> None:
        super().__init__(question, parent)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.combo = _Combo()
        self.combo.addItem("", None)
        for opt in question.options:
            self.combo.addItem("", opt.value)
        self._guard_wheel(self.combo)
        lay.addWidget(self.combo)
        lay.addStretch(1)
        self.combo.activated.connect(lambda i: self.edited.emit(self.combo.itemData(i)))
        self.retranslate()

    def value(self) -> Any:
        return self.combo.currentData()

    def set_value(self, value: Any) -> None:
        index = max(0, self.combo.findData(value)) if value else 0
        if index != self.combo.currentIndex():
            self.combo.setCurrentIndex(index)

    def focus_chain(self) -> list[QWidget]:
        return [self.combo]

    def set_content_language(self, lang: str, label: str) -> None:
        for i, opt in enumerate(self.question.options, start=1):
            self.combo.setItemText(i, opt.label.get(lang))
        self.combo.setAccessibleName(label)
        self.setAccessibleName(label)
        self.combo.updateGeometry()

    def retranslate(self) -> None:
        self.combo.setItemText(0, QCoreApplication.translate("AnswerInput", "Choose one…"))
        self.combo.updateGeometry()


class MultiInput(AnswerInput):
    """multi: one check box per option; the answer lists the ticked values in option order."""

    def __init__(self, question: Question, parent: QWidget | None = None) -> None:
        super().__init__(question, parent)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(2)
        self.boxes: list[QCheckBox] = []
        self.rows: list[OptionRow] = []
        for _opt in question.options:
            box = QCheckBox()
            box.clicked.connect(lambda _=False: self.edited.emit(self.value()))
            row = OptionRow(box)
            lay.addWidget(row)
            self.boxes.append(box)
            self.rows.append(row)

    def value(self) -> Any:
        pairs = zip(self.boxes, self.question.options, strict=True)
        chosen = [opt.value for b, opt in pairs if b.isChecked()]
        return chosen or None

    def set_value(self, value: Any) -> None:
        chosen = set(value) if isinstance(value, (list, tuple)) else set()
        for b, opt in zip(self.boxes, self.question.options, strict=True):
            if b.isChecked() != (opt.value in chosen):
                b.setChecked(opt.value in chosen)

    def focus_chain(self) -> list[QWidget]:
        return list(self.boxes)

    def set_content_language(self, lang: str, label: str) -> None:
        for row, opt in zip(self.rows, self.question.options, strict=True):
            row.set_text(opt.label.get(lang))
        self.setAccessibleName(label)


def parse_number(text: str, money: bool) -> int | float | Unparsed | None:
    """Read a typed number leniently: full-width digits, spaces and thousands commas are
    fine (Chinese input methods often give "２４" or "10,000"); empty means not answered."""
    clean = text.translate(_FULLWIDTH)
    clean = re.sub(r"[\s,，]", "", clean)
    if not clean:
        return None
    if money and _MONEY_RE.fullmatch(clean):
        number = float(clean)
        return int(number) if number.is_integer() else number
    if not money and _INT_RE.fullmatch(clean):
        return int(clean)
    return Unparsed(text)


def format_number(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value) if value is not None else ""


class NumberInput(AnswerInput):
    """number and money: a text field, so "not answered" stays empty instead of 0."""

    def __init__(self, question: Question, parent: QWidget | None = None) -> None:
        super().__init__(question, parent)
        self.money = question.type == "money"
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.line = QLineEdit()
        self.line.setMaxLength(20)
        self.line.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.line.setInputMethodHints(Qt.InputMethodHint.ImhFormattedNumbersOnly)
        self.unit = QLabel()
        lay.addWidget(self.line)
        lay.addWidget(self.unit)
        lay.addStretch(1)
        self.unit.setVisible(self.money)
        self.line.textEdited.connect(lambda _t: self.typed.emit(self.value()))
        self.line.editingFinished.connect(lambda: self.edited.emit(self.value()))
        self.line.returnPressed.connect(lambda: focus_next(self.line))
        self.retranslate()

    def value(self) -> Any:
        return parse_number(self.line.text(), self.money)

    def set_value(self, value: Any) -> None:
        self.line.setText(format_number(value))

    def focus_chain(self) -> list[QWidget]:
        return [self.line]

    def set_content_language(self, lang: str, label: str) -> None:
        self.line.setAccessibleName(label)
        self.setAccessibleName(label)

    def retranslate(self) -> None:
        self.unit.setText(QCoreApplication.translate("AnswerInput", "yuan (RMB)"))


class _DateEdit(QDateEdit):
    """WORKAROUND: with the app style sheet's padding, QDateEdit's size hint cuts off the
    last digits behind the arrow; make room for the whole date and the arrow."""

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        fm = self.fontMetrics()
        width = fm.horizontalAdvance("0000-00-00") + 2 * fm.height() + 16
        return QSize(max(hint.width(), width), hint.height())

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()


class DateInput(AnswerInput):
    """date: a date field with a calendar, plus "Not decided yet" for no date at all."""

    def __init__(self, question: Question, parent: QWidget | None = None) -> None:
        super().__init__(question, parent)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.date = _DateEdit()
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat(DATE_FORMAT)
        self.date.setDateRange(QDate(2000, 1, 1), QDate(2100, 12, 31))
        self.date.setDate(QDate.currentDate())
        self._guard_wheel(self.date)
        self.undecided = QCheckBox()
        self.undecided.setChecked(True)
        self.date.setEnabled(False)
        lay.addWidget(self.date)
        lay.addWidget(self.undecided)
        lay.addStretch(1)
        self.date.dateChanged.connect(lambda _d: self.edited.emit(self.value()))
        self.undecided.clicked.connect(self._on_undecided)
        self.retranslate()

    def _on_undecided(self, checked: bool) -> None:
        self.date.setEnabled(not checked)
        if not checked:
            self.date.setFocus()
        self.edited.emit(self.value())

    def value(self) -> Any:
        if self.undecided.isChecked():
            return None
        return self.date.date().toString("yyyy-MM-dd")

    def set_value(self, value: Any) -> None:
        self.date.blockSignals(True)
        day = None
        if isinstance(value, str):
            try:
                day = _dt.date.fromisoformat(value)
            except ValueError:
                day = None
        if day is not None:
            self.date.setDate(QDate(day.year, day.month, day.day))
        self.undecided.setChecked(day is None)
        self.date.setEnabled(day is not None)
        self.date.blockSignals(False)

    def focus_chain(self) -> list[QWidget]:
        return [self.date, self.undecided]

    def focus_target(self) -> QWidget:
        return self.undecided if self.undecided.isChecked() else self.date

    def set_content_language(self, lang: str, label: str) -> None:
        self.date.setAccessibleName(label)
        self.undecided.setAccessibleDescription(label)
        self.setAccessibleName(label)

    def retranslate(self) -> None:
        self.undecided.setText(QCoreApplication.translate("AnswerInput", "Not decided yet"))
        self.undecided.setAccessibleName(self.undecided.text())


class TextInput(AnswerInput):
    """text: one line; surrounding spaces are dropped and an empty field means no answer."""

    def __init__(self, question: Question, parent: QWidget | None = None) -> None:
        super().__init__(question, parent)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.line = QLineEdit()
        if question.max_length:
            self.line.setMaxLength(question.max_length)
        lay.addWidget(self.line)
        self.line.textEdited.connect(lambda _t: self.typed.emit(self.value()))
        self.line.editingFinished.connect(lambda: self.edited.emit(self.value()))
        self.line.returnPressed.connect(lambda: focus_next(self.line))

    def value(self) -> Any:
        return self.line.text().strip() or None

    def set_value(self, value: Any) -> None:
        self.line.setText(value if isinstance(value, str) else "")

    def focus_chain(self) -> list[QWidget]:
        return [self.line]

    def set_content_language(self, lang: str, label: str) -> None:
        self.line.setAccessibleName(label)
        self.setAccessibleName(label)


def make_input(question: Question, parent: QWidget | None = None) -> AnswerInput:
    """The input widget for ``question``'s type."""
    t = question.type
    if t in ("single", "yesno"):
        if len(question.options) > COMBO_THRESHOLD:
            return ComboInput(question, parent)
        return RadioInput(question, parent)
    if t == "multi":
        return MultiInput(question, parent)
    if t in ("number", "money"):
        return NumberInput(question, parent)
    if t == "date":
        return DateInput(question, parent)
    return TextInput(question, parent)


def option_label(question: Question, value: Any, lang: str) -> str | None:
    opt = question.option(value) if isinstance(value, str) else None
    return opt.label.get(lang) if opt is not None else None


def text_of(text: Text | None, lang: str) -> str:
    return text.get(lang) if text is not None else ""
