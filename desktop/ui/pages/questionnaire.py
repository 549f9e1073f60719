"""The Questionnaire page: one part of the questions at a time, then a review.

What the person sees: a progress line ("Answered 5 of 28 questions") counted over the
questions that apply to them, a list to jump to any part, the current part's questions,
and Back / Next. Every answer is saved the moment it is given (see
:mod:`~desktop.ui.pages.questionnaire_saving`), and the page remembers per profile
which part the person was on, so reopening the app continues there.

Why parts are built lazily and kept: nothing is built before the page is first shown
(start-up stays fast); then the current part is built, the others follow one per idle
moment, and none is rebuilt afterwards. After an answer only visibility (relevance),
the progress and the part list change, so the cursor and scroll position stay put.

An answer that becomes irrelevant stays stored (the person may change their mind back);
``Questionnaire.effective_answers`` ignores it, and so do the progress and the review.
"""

from __future__ import annotations

import contextlib
import itertools
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QHideEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.content.questionnaire import Page, Question, Questionnaire
from desktop.store import StoreError
from desktop.ui.dialogs import Dialogs
from desktop.ui.messages import store_error
from desktop.ui.pages.questionnaire_block import QuestionBlock
from desktop.ui.pages.questionnaire_review import ReviewView
from desktop.ui.pages.questionnaire_saving import AnswerSaver
from desktop.ui.session import Session
from desktop.ui.widgets import Heading, Paragraph

REVIEW = "review"

# Colours only; sizes come from the application font so the text-size setting works.
_STYLE = """
QScrollArea#questionnaireScroll, QWidget#questionnaireBody { background: #f6f8fb; }
QFrame#questionCard, QFrame#reviewRow {
    background: #ffffff; border: 1px solid #d0d8e3; border-radius: 8px;
}
QFrame#questionCard[invalid="true"], QFrame#reviewRow[missing="true"] {
    border: 2px solid #b3261e;
}
QLabel#questionLabel { font-weight: 600; color: #1a202c; }
QLabel#questionHelp, QLabel#partStep, QLabel#reviewAnswer[state="empty"] { color: #4a5568; }
QLabel#questionError, QLabel#reviewMissingNote, QLabel#reviewAnswer[state="missing"] {
    color: #b3261e; font-weight: 600;
}
QProgressBar {
    border: 1px solid #8aa0bb; border-radius: 4px; background: #e2e8f0;
}
QProgressBar::chunk { background: #2f855a; border-radius: 3px; }
QFrame#optionRow { border: 2px solid transparent; border-radius: 6px; }
QFrame#optionRow:hover { background: #f0f4f9; }
QFrame#optionRow[checked="true"] { background: #e4ecf6; }
QFrame#optionRow[focused="true"] { border: 2px solid #f2b134; }
QLabel#optionLabel { color: #1a202c; }
QRadioButton::indicator, QCheckBox::indicator { width: 0.9em; height: 0.9em; }
"""


def _ui_language() -> str:
    translators = getattr(QCoreApplication.instance(), "translators", None)
    return getattr(translators, "language", "zh")


class _Part:
    """The widgets of one built part (a page of questions)."""

    def __init__(self, page: Page, scroll: QScrollArea, step: QLabel, title: Heading) -> None:
        self.page = page
        self.scroll = scroll
        self.step = step
        self.title = title
        self.intro: Paragraph | None = None
        self.blocks: list[QuestionBlock] = []


class QuestionnairePage(QWidget):
    """Signals:
    finished: the person pressed "See my plan" on the review page.
    """

    finished = Signal()

    def __init__(
        self,
        questionnaire: Questionnaire,
        session: Session,
        dialogs: Dialogs,
        parent: QWidget | None = None,
        *,
        language: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.questionnaire = questionnaire
        self.session = session
        self.dialogs = dialogs
        self._lang = language or _ui_language()
        self._page_ids = [p.id for p in questionnaire.pages]
        self._parts: dict[str, _Part] = {}
        self.blocks: dict[str, QuestionBlock] = {}
        self.saver = AnswerSaver(session, self._save_failed, self)
        self.saver.saved.connect(self._refresh)
        self.setObjectName("QuestionnairePage")
        self.setStyleSheet(_STYLE)

        lay = QVBoxLayout(self)
        lay.setContentsMargins(12, 10, 12, 10)
        lay.setSpacing(8)
        top = QHBoxLayout()
        self.progress_label = QLabel()
        self.progress = QProgressBar()
        self.progress.setTextVisible(False)
        top.addWidget(self.progress_label)
        top.addWidget(self.progress, 1)
        lay.addLayout(top)
        jump = QHBoxLayout()
        self.section_label = QLabel()
        self.section_combo = QComboBox()
        self.section_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.section_combo.setMinimumContentsLength(12)
        self.section_label.setBuddy(self.section_combo)
        jump.addWidget(self.section_label)
        jump.addWidget(self.section_combo, 1)
        lay.addLayout(jump)

        self.stack = QStackedWidget()
        lay.addWidget(self.stack, 1)
        self.review = ReviewView(questionnaire)
        self.review.setObjectName("questionnaireScroll")
        self.stack.addWidget(self.review)

        bottom = QHBoxLayout()
        self.back_button = QPushButton()
        self.next_button = QPushButton()
        self.plan_button = QPushButton()
        for b in (self.back_button, self.next_button, self.plan_button):
            b.setAutoDefault(True)  # Enter presses the focused button, not only Space
        self.next_button.setDefault(True)
        self.plan_button.setDefault(True)
        bottom.addWidget(self.back_button)
        bottom.addStretch(1)
        bottom.addWidget(self.next_button)
        bottom.addWidget(self.plan_button)
        lay.addLayout(bottom)

        # Builds the parts not yet seen, one per idle moment, once the page is shown.
        self._prebuild = QTimer(self)
        self._prebuild.setInterval(0)
        self._prebuild.timeout.connect(self._prebuild_one)

        self.back_button.clicked.connect(self.go_back)
        self.next_button.clicked.connect(self.go_next)
        self.plan_button.clicked.connect(self._finish)
        self.section_combo.activated.connect(self._on_jump)
        self.review.changeRequested.connect(self.change_answer)
        for keys, slot in (("Alt+Left", self.go_back), ("Alt+Right", self.go_next)):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        session.answersChanged.connect(self._on_answers_changed)
        session.profileChanged.connect(self._on_profile_changed)

        self.current = self._resume_target()
        self._shown: str | None = None  # the part on screen; None until first shown
        self.retranslate()

    # -- public navigation ------------------------------------------------------------
    def show_page(self, page_id: str, *, focus: bool = True) -> None:
        """Show the part ``page_id`` (or the review for "review") and remember it."""
        if page_id != REVIEW and page_id not in self._page_ids:
            raise KeyError(page_id)
        self._leave()
        self._go(page_id, focus=focus)

    def show_review(self, *, focus: bool = True) -> None:
        self.show_page(REVIEW, focus=focus)

    def go_next(self) -> None:
        """The next part with questions that apply; after the last one, the review.

        Stays put, with the focus on the problem, while this part shows an answer that
        could not be saved: moving on would silently drop what was typed.
        """
        if self.current == REVIEW:
            return
        part = self._build(self.current)
        for block in part.blocks:
            if not block.isHidden():
                block.commit()
        self.saver.flush()
        bad = [b for b in part.blocks if b.has_problem() and not b.isHidden()]
        if bad:
            part.scroll.ensureWidgetVisible(bad[0])
            bad[0].focus_input()
            return
        asked = self._asked_pages()
        later = asked[asked.index(self.current) + 1 :]
        self.show_page(later[0] if later else REVIEW)

    def go_back(self) -> None:
        asked = self._asked_pages()
        if self.current == REVIEW:
            self.show_page(asked[-1])
            return
        index = asked.index(self.current)
        if index > 0:
            self.show_page(asked[index - 1])

    def change_answer(self, question_id: str) -> None:
        """Go to the question's part with the focus on its answer (the review's Change)."""
        question: Question = self.questionnaire.question(question_id)
        self.show_page(question.page, focus=False)
        block = self.blocks[question_id]
        part = self._parts[question.page]
        # Place the widgets now: a part shown for the first time has no geometry yet.
        part.scroll.widget().layout().activate()
        part.scroll.ensureWidgetVisible(block)
        block.focus_input(Qt.FocusReason.ShortcutFocusReason)

    def flush(self) -> None:
        """Save anything still waiting for a pause in typing (also done on hide)."""
        self.saver.flush()

    # -- navigation internals ---------------------------------------------------------
    def _finish(self) -> None:
        self.saver.flush()
        self.finished.emit()

    def _on_jump(self, index: int) -> None:
        target = self.section_combo.itemData(index)
        if target:
            self.show_page(target)

    def _asked_pages(self) -> list[str]:
        """Ids of the parts with at least one question that applies (and the current)."""
        answers = self.saver.answers
        pages = {q.page for q in self.questionnaire.relevant_questions(answers)}
        return [pid for pid in self._page_ids if pid in pages or pid == self.current]

    def _resume_key(self) -> str:
        return f"questionnaire_page:{self.session.profile.id}"

    def _resume_target(self) -> str:
        try:
            saved = self.session.setting(self._resume_key())
        except StoreError:
            saved = None
        return saved if saved in (*self._page_ids, REVIEW) else self._page_ids[0]

    def _leave(self) -> None:
        """Before another part: save what is waiting, and put any answer that could not
        be saved back to the stored one, so no part shows a value that is not kept."""
        self.saver.flush()
        part = self._parts.get(self.current)
        for block in part.blocks if part is not None else []:
            if block.has_problem():
                block.set_value(self.saver.answers.get(block.question.id))

    def _go(self, target: str, *, focus: bool) -> None:
        self.current = target
        if target == REVIEW:
            self.review.refresh(self.saver.answers, self._lang)
            self._chain_tab_order(self.review.focus_chain())
            self.stack.setCurrentWidget(self.review)
            self.review.verticalScrollBar().setValue(0)
        else:
            part = self._build(target)
            self.stack.setCurrentWidget(part.scroll)
            part.scroll.verticalScrollBar().setValue(0)
        self._shown = target
        # Remembering the place is a convenience; the answers are what matter.
        with contextlib.suppress(StoreError):
            self.session.set_setting(self._resume_key(), target)
        self._refresh()
        if focus and self.focusProxy() is not None:
            self.focusProxy().setFocus(Qt.FocusReason.OtherFocusReason)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._shown != self.current:
            self._go(self.current, focus=False)
        if len(self._parts) < len(self._page_ids) or not self.review.rows:
            self._prebuild.start()

    def hideEvent(self, event: QHideEvent) -> None:
        # Leaving the page or closing the window: nothing typed may stay unsaved.
        self.saver.flush()
        super().hideEvent(event)

    # -- building ---------------------------------------------------------------------
    def _prebuild_one(self) -> None:
        for pid in self._page_ids:
            if pid not in self._parts:
                self._build(pid)
                return
        if not self.review.rows:
            self.review.refresh(self.saver.answers, self._lang)
        self._prebuild.stop()

    def _build(self, page_id: str) -> _Part:
        part = self._parts.get(page_id)
        if part is not None:
            return part
        page = self.questionnaire.pages[self._page_ids.index(page_id)]
        scroll = QScrollArea()
        scroll.setObjectName("questionnaireScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        body = QWidget()
        body.setObjectName("questionnaireBody")
        lay = QVBoxLayout(body)
        lay.setContentsMargins(16, 8, 16, 16)
        lay.setSpacing(12)
        step = QLabel()
        step.setObjectName("partStep")
        title = Heading(level=2)
        lay.addWidget(step)
        lay.addWidget(title)
        part = _Part(page, scroll, step, title)
        if page.intro is not None:
            part.intro = Paragraph()
            lay.addWidget(part.intro)
        relevant = {q.id for q in self.questionnaire.relevant_questions(self.saver.answers)}
        for q in page.questions:
            block = QuestionBlock(q, self._lang)
            block.set_value(self.saver.answers.get(q.id))
            if q.id not in relevant:
                block.hide()
            block.answerChanged.connect(self.saver.put)
            block.answerTyped.connect(self.saver.put_typed)
            lay.addWidget(block)
            part.blocks.append(block)
            self.blocks[q.id] = block
        lay.addStretch(1)
        scroll.setWidget(body)
        self.stack.addWidget(scroll)
        self._parts[page_id] = part
        self._word_part(part)
        self._chain_tab_order([w for b in part.blocks for w in b.focus_chain()])
        return part

    def _chain_tab_order(self, middle: list[QWidget]) -> None:
        """Tab goes top to bottom: the part list, the questions, then the buttons.

        Parts are built after the buttons, so Qt's default (creation order) would put
        the questions after Next. Widgets on hidden parts are skipped by Tab.
        """
        chain = [self.section_combo, *middle, self.back_button, self.next_button, self.plan_button]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    # -- answers from elsewhere -------------------------------------------------------
    def _save_failed(self, exc: StoreError) -> None:
        self.dialogs.error(self.tr("Your answer was not saved"), store_error(exc))

    def _on_answers_changed(self) -> None:
        if self.saver.saving:
            return
        # Changed elsewhere (a profile switch, an imported answers file): show them.
        self.saver.reload()
        for qid, block in self.blocks.items():
            block.set_value(self.saver.answers.get(qid))
        if self.current == REVIEW and self._shown == REVIEW:
            self.review.refresh(self.saver.answers, self._lang)
        self._refresh()

    def _on_profile_changed(self) -> None:
        self.saver.flush()  # typed for the previous profile: saved there
        self.saver.reload()
        for qid, block in self.blocks.items():
            block.set_value(self.saver.answers.get(qid))
        target = self._resume_target()
        if self._shown is None:
            self.current = target
            self._refresh()
        else:
            self._go(target, focus=self.isVisible())

    # -- showing state ----------------------------------------------------------------
    def _refresh(self) -> None:
        """Update what depends on the answers: visibility, progress, the part list."""
        qn = self.questionnaire
        answers = self.saver.answers
        effective = qn.effective_answers(answers)
        relevant = qn.relevant_questions(answers)
        relevant_ids = {q.id for q in relevant}
        for qid, block in self.blocks.items():
            if block.isHidden() == (qid in relevant_ids):  # only real changes: setVisible
                block.setVisible(qid in relevant_ids)  # is slow even when it does nothing
        answered = sum(1 for q in relevant if q.id in effective)
        # Every answer passes here: change only what really changes (see questionnaire_buttons
        # on why needless Qt calls are avoided).
        if (self.progress.maximum(), self.progress.value()) != (max(1, len(relevant)), answered):
            self.progress.setRange(0, max(1, len(relevant)))
            self.progress.setValue(answered)
        text = (
            self.tr("Answered %1 of %2 questions")
            .replace("%1", str(answered))
            .replace("%2", str(len(relevant)))
        )
        if self.progress_label.text() != text:
            self.progress_label.setText(text)
            self.progress.setAccessibleName(text)
        self._fill_sections(relevant, effective)
        on_review = self.current == REVIEW
        asked = self._asked_pages()
        back = on_review or asked.index(self.current) > 0
        if self.back_button.isEnabled() != back:
            self.back_button.setEnabled(back)
        if self.next_button.isHidden() != on_review:
            self.next_button.setVisible(not on_review)
        if self.plan_button.isHidden() == on_review:
            self.plan_button.setVisible(on_review)
        self._update_focus_proxy()

    def _fill_sections(self, relevant: list[Question], effective: dict[str, Any]) -> None:
        texts: list[tuple[str, str]] = []
        for n, page in enumerate(self.questionnaire.pages, start=1):
            mine = [q for q in relevant if q.page == page.id]
            done = sum(1 for q in mine if q.id in effective)
            if done == len(mine):
                label = self.tr("%1. %2 (all answered)")
            else:
                label = self.tr("%1. %2 (%3 of %4 answered)")
            label = (
                label.replace("%3", str(done))
                .replace("%4", str(len(mine)))
                .replace("%1", str(n))
                .replace("%2", page.title.get(self._lang))
            )
            texts.append((label, page.id))
        texts.append((self.tr("Check all my answers"), REVIEW))
        combo = self.section_combo
        combo.blockSignals(True)
        if combo.count() != len(texts):
            combo.clear()
            for label, key in texts:
                combo.addItem(label, key)
        for i, (label, _key) in enumerate(texts):
            if combo.itemText(i) != label:  # only real changes: every answer passes here
                combo.setItemText(i, label)
        index = max(0, combo.findData(self.current))
        if combo.currentIndex() != index:
            combo.setCurrentIndex(index)
        combo.blockSignals(False)

    def _update_focus_proxy(self) -> None:
        """Focusing the page (Next, or the main window showing it) lands on the first
        question, or on the first Change button of the review."""
        target: QWidget = self.next_button
        if self.current == REVIEW:
            target = self.review.first_button() or self.plan_button
        else:
            part = self._parts.get(self.current)
            for block in part.blocks if part is not None else []:
                if not block.isHidden():
                    target = block.input.focus_target()
                    break
        if self.focusProxy() is not target:
            self.setFocusProxy(target)

    # -- words ------------------------------------------------------------------------
    def set_content_language(self, lang: str) -> None:
        """Show the questions (bilingual data) in ``lang``: "zh" or "en"."""
        self._lang = lang
        for block in self.blocks.values():
            block.set_content_language(lang)
        self._reword()

    def _reword(self) -> None:
        for part in self._parts.values():
            self._word_part(part)
        if self.review.rows:
            self.review.refresh(self.saver.answers, self._lang)
        self._refresh()

    def _word_part(self, part: _Part) -> None:
        n = self._page_ids.index(part.page.id) + 1
        part.step.setText(
            self.tr("Part %1 of %2").replace("%1", str(n)).replace("%2", str(len(self._page_ids)))
        )
        part.title.setText(part.page.title.get(self._lang))
        if part.intro is not None and part.page.intro is not None:
            part.intro.setText(part.page.intro.get(self._lang))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.section_label.setText(self.tr("&Jump to:"))
        self.section_combo.setAccessibleName(self.tr("Go to a part of the questionnaire"))
        self.back_button.setText(self.tr("&Back"))
        self.back_button.setAccessibleName(self.tr("Back to the previous part"))
        self.next_button.setText(self.tr("&Next"))
        self.next_button.setAccessibleName(self.tr("Save and go to the next part"))
        self.plan_button.setText(self.tr("See &my plan"))
        self.plan_button.setAccessibleName(self.tr("See my plan"))
        native = QKeySequence.SequenceFormat.NativeText
        self.back_button.setToolTip(QKeySequence("Alt+Left").toString(native))
        self.next_button.setToolTip(QKeySequence("Alt+Right").toString(native))
        for block in self.blocks.values():
            block.retranslate()
        self._reword()
