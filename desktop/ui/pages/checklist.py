"""Checklist: the steps of the person's plan by phase, ticked off and printed.

Ticks and notes are saved at once (a note a moment after the typing stops, or when the
person leaves the field), because this page is used over weeks on shared computers and
nobody should lose a tick to a closed window. A tick updates only its own row and the
progress. A new plan (answers, profile or content language changed) updates the list in
place: rows are kept by checklist item id and only what differs is set again, rows are
made only for new items and removed for items gone, phase boxes move only when their
order changed, and the warning banner is set only when the warnings changed. Every
answer in the questionnaire makes a new plan, and rebuilding thirty rows each time made
the page lag far behind the typing. While the page is hidden a new plan only marks it
stale; it is brought up to date once, when shown.

The printouts (checklist PDF, HTML, printer, emergency card) are made by
``desktop.render``; the page only asks where to save and in which language and paper size.
"""

from __future__ import annotations

import html
from functools import partial

from PySide6.QtCore import QCoreApplication, QEvent, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.advisor.plan import ChecklistItem, Plan
from desktop.advisor.rules import PHASES
from desktop.content.model import Catalog
from desktop.store import ChecklistState, NotFoundError, StoreError
from desktop.ui.dialogs import Dialogs
from desktop.ui.messages import store_error
from desktop.ui.pages.checklist_items import (
    OVERDUE_COLOUR,
    ChecklistItemRow,
    ChecklistPhaseBox,
    WrapLabel,
    same_widgets,
    thin_bar_height,
)
from desktop.ui.pages.checklist_print import ChecklistPrintBox
from desktop.ui.session import Session
from desktop.ui.widgets import Heading, Paragraph

NOTE_SAVE_DELAY_MS = 800
STOP_BG, CAUTION_BG = "#fde8e8", "#fff4db"
CAUTION_FG = "#7a4d00"


class Column(QWidget):
    """A plain widget for a column of the page, whose preferred size skips wrapping.

    A QWidget's preferred size asks its layout for the height at the preferred width,
    and that width follows the widest text in it (the warning banner, most often). A
    new warning thus made every row's labels lay their text out at a new width, in
    every layout pass. The preferred height of a column is only a hint (the scroll
    area gives it the viewport's width and the height that width needs), so the
    layout's own hint, without wrapping, is enough.
    """

    def sizeHint(self) -> QSize:
        layout = self.layout()
        if layout is None:
            return super().sizeHint()
        margins = self.contentsMargins()
        return layout.sizeHint() + QSize(
            margins.left() + margins.right(), margins.top() + margins.bottom()
        )


class ChecklistPage(QScrollArea):
    """Signals:
    openTopic(str): a Guide topic id the person wants to read.
    openQuestionnaire: the person wants to answer (or change) the questionnaire.
    openPage(str): a page key ("home" shows the warning signs in full).
    checklistChanged: a tick was saved (the Home page's summary may show ticks).
    """

    openTopic = Signal(str)
    openQuestionnaire = Signal()
    openPage = Signal(str)
    checklistChanged = Signal()

    def __init__(self, session: Session, dialogs: Dialogs, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.dialogs = dialogs
        self._lang = "zh"
        self._filter = ""  # "" = all phases
        self._built_pid: int | None = None
        self._stale = True
        self._pending_notes: set[str] = set()
        self._saved_notes: dict[str, str] = {}
        self.phase_boxes: dict[str, ChecklistPhaseBox] = {}
        self.rows: dict[str, ChecklistItemRow] = {}  # item id -> row, in the plan's order
        # What is on screen, so a new plan sets only what changed: the warnings shown,
        # the phases in the filter, and the translation the rows carry.
        self._language_stamp = 0
        self._rows_language_stamp = 0
        self._flags_shown: tuple | None = None
        self._filter_filled: tuple | None = None

        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        body = Column()
        self.setWidget(body)
        lay = QVBoxLayout(body)
        lay.setSpacing(12)

        self.heading = Heading(level=1)
        self.status = Paragraph()
        self.start_button = QPushButton()
        lay.addWidget(self.heading)
        lay.addWidget(self.status)
        lay.addWidget(self.start_button, 0, Qt.AlignmentFlag.AlignLeft)

        # Everything below shows only when there is a plan.
        self.main = Column()
        main = QVBoxLayout(self.main)
        main.setContentsMargins(0, 0, 0, 0)
        main.setSpacing(12)
        lay.addWidget(self.main)

        # Its height for each width is remembered: the layouts ask for it many times.
        self.flag_banner = WrapLabel(selectable=True)
        self.flag_banner.setObjectName("flagBanner")
        self.flag_button = QPushButton()
        main.addWidget(self.flag_banner)
        main.addWidget(self.flag_button, 0, Qt.AlignmentFlag.AlignLeft)

        overall = QHBoxLayout()
        self.overall_label = QLabel()
        self.overall_bar = QProgressBar()
        self.overall_bar.setTextVisible(False)
        # Thin, so an empty bar is not mistaken for a box to type in.
        self.overall_bar.setFixedHeight(thin_bar_height(self))
        self.overall_bar.setMaximumWidth(400)
        overall.addWidget(self.overall_label)
        overall.addWidget(self.overall_bar, 1, Qt.AlignmentFlag.AlignVCenter)
        overall.addStretch(1)
        main.addLayout(overall)

        date_row = QHBoxLayout()
        self.date_hint = Paragraph()
        self.date_button = QPushButton()
        date_row.addWidget(self.date_hint, 1)
        date_row.addWidget(self.date_button, 0, Qt.AlignmentFlag.AlignTop)
        main.addLayout(date_row)

        # Printing and saving.
        self.output = ChecklistPrintBox(session, dialogs, before_output=self.save_notes)
        main.addWidget(self.output)

        filter_row = QHBoxLayout()
        self.filter_label = QLabel()
        self.filter_combo = QComboBox()
        # Its items change with the plan and the language; keep the longest one readable.
        self.filter_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.filter_label.setBuddy(self.filter_combo)
        filter_row.addWidget(self.filter_label)
        filter_row.addWidget(self.filter_combo)
        filter_row.addStretch(1)
        main.addLayout(filter_row)

        self.phases_widget = Column()
        self.phases_layout = QVBoxLayout(self.phases_widget)
        self.phases_layout.setContentsMargins(0, 0, 0, 0)
        self.phases_layout.setSpacing(12)
        main.addWidget(self.phases_widget)
        lay.addStretch(1)

        self._note_timer = QTimer(self)
        self._note_timer.setSingleShot(True)
        self._note_timer.setInterval(NOTE_SAVE_DELAY_MS)
        self._note_timer.timeout.connect(self.save_notes)

        self.start_button.clicked.connect(self.openQuestionnaire)
        self.date_button.clicked.connect(self.openQuestionnaire)
        self.flag_button.clicked.connect(lambda: self.openPage.emit("home"))
        self.filter_combo.activated.connect(self._on_filter)
        session.planChanged.connect(self._plan_changed)
        session.profileChanged.connect(self._plan_changed)

        self.retranslate()

    # -- public ---------------------------------------------------------------------------
    def set_content_language(self, lang: str) -> None:
        """Show the plan's texts in ``lang`` ("zh" or "en"); also the default printout
        language until the person picks one."""
        self._lang = lang
        self.output.set_content_language(lang)
        self._refresh_soon()

    def refresh(self) -> None:
        """Bring the list up to date with the current plan now, keeping ticks, notes, the
        scroll position and the focus.

        Changes while the page is hidden (every answer in the questionnaire changes the
        plan) only mark it stale; it is updated once, when it is shown.
        """
        self.save_notes()
        self._stale = False
        knowledge = self.session.knowledge
        plan = self.session.plan()
        answers = self.session.answers() if knowledge is not None else {}
        if knowledge is None or plan is None:
            self._show_empty(self.tr("Preparing your checklist…"), with_button=False)
            return
        if not knowledge.questionnaire.effective_answers(answers) or not plan.checklist:
            self._show_empty(
                self.tr(
                    "Your checklist is not ready yet. Answer the questionnaire first: "
                    "then the steps of your plan show here, phase by phase, with the date "
                    "each one should be done by."
                ),
                with_button=True,
            )
            return
        bar = self.verticalScrollBar()
        scroll = bar.value()
        body = self.widget()
        # One repaint for the whole change, not one per label set.
        body.setUpdatesEnabled(False)
        try:
            moved = self._update(plan, knowledge.catalog) or self.main.isHidden()
            # (Showing or hiding a widget that already is so costs nothing.)
            self.status.hide()
            self.start_button.hide()
            self.main.show()
        finally:
            body.setUpdatesEnabled(True)
        if moved:
            # Let the scroll area learn the new height before scrolling back.
            QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
            bar.setValue(scroll)

    def _plan_changed(self) -> None:
        # Typed notes belong to the profile they were typed for: save them before a
        # profile switch moves the page on.
        self.save_notes()
        self._refresh_soon()

    def _refresh_soon(self) -> None:
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        if self._stale:
            self.refresh()
        super().showEvent(event)

    def save_notes(self) -> None:
        """Save every note typed since the last save (called on a timer and before a rebuild)."""
        self._note_timer.stop()
        for item_id in sorted(self._pending_notes):
            self._save_note(item_id)
        self._pending_notes.clear()

    # -- building -----------------------------------------------------------------------
    def _clear(self) -> None:
        for box in self.phase_boxes.values():
            self.phases_layout.removeWidget(box)
            box.hide()
            box.deleteLater()
        self.phase_boxes.clear()
        self.rows.clear()
        self._saved_notes.clear()
        self._pending_notes.clear()
        self._flags_shown = None

    def _show_empty(self, text: str, *, with_button: bool) -> None:
        self._clear()
        self.status.setText(text)
        self.status.show()
        self.start_button.setVisible(with_button)
        self.main.hide()
        self._fill_filter()

    def _update(self, plan: Plan, catalog: Catalog) -> bool:
        """Show ``plan`` in the kept rows; True if rows or boxes were added, removed or
        moved (the page's height may have changed a lot)."""
        pid = self.session.profile.id
        self._built_pid = pid
        try:
            states = self.session.store.get_checklist(pid)
        except StoreError as exc:
            self.dialogs.error(self.tr("Checklist"), store_error(exc))
            states = {}
        retranslate = self._rows_language_stamp != self._language_stamp
        self._rows_language_stamp = self._language_stamp
        wanted = {item.id for item in plan.checklist}
        by_phase: dict[str, list[ChecklistItemRow]] = {}
        for item in plan.checklist:
            state = states.get(item.id)
            row = self.rows.get(item.id)
            if row is None:
                row = self._new_row(item, catalog, state)
            else:
                row.show_item(item, catalog, self._lang)
                if retranslate:
                    row.retranslate()
                row.show_state(state)
            self._saved_notes[item.id] = (state.note or "") if state else ""
            by_phase.setdefault(item.phase, []).append(row)
        moved = self._place(by_phase)
        for item_id in [i for i in self.rows if i not in wanted]:
            row = self.rows.pop(item_id)
            self._saved_notes.pop(item_id, None)
            row.hide()
            row.deleteLater()
        # In the plan's order, as the rows are shown.
        self.rows = {item.id: self.rows[item.id] for item in plan.checklist}
        self._show_flags(plan)
        self._show_date_hint(plan)
        self._fill_filter()
        self._apply_filter()
        self._update_progress()
        return moved

    def _new_row(
        self, item: ChecklistItem, catalog: Catalog, state: ChecklistState | None
    ) -> ChecklistItemRow:
        row = ChecklistItemRow(item, catalog, self._lang, state)
        # Straight from the row's widgets: see ChecklistItemRow on why not re-emitted.
        # The handlers look the item up by id, so they stay right as the row is updated.
        row.check.toggled.connect(partial(self._on_toggled, item.id))
        row.note_edit.textEdited.connect(partial(self._on_note_edited, item.id))
        row.note_edit.editingFinished.connect(partial(self._on_note_finished, item.id))
        row.read_more.clicked.connect(partial(self._open_topic, item.id))
        self.rows[item.id] = row
        return row

    def _place(self, by_phase: dict[str, list[ChecklistItemRow]]) -> bool:
        """Put the rows into their phase boxes in order: boxes are made for new phases,
        removed for phases gone, and moved only when the order changed."""
        moved = False
        titles = self._phase_titles()
        for phase in [p for p in self.phase_boxes if p not in by_phase]:
            box = self.phase_boxes.pop(phase)
            box.set_rows([])  # its rows are deleted or go to other boxes
            self.phases_layout.removeWidget(box)
            box.hide()
            box.deleteLater()
            moved = True
        for phase in by_phase:
            box = self.phase_boxes.get(phase)
            if box is None:
                box = ChecklistPhaseBox(phase, titles[phase], self.phases_widget)
                self.phase_boxes[phase] = box
            box.setTitle(titles[phase])
        # Take rows that change phase out of their old box before the new one takes them.
        for phase, box in self.phase_boxes.items():
            if any(row.item.phase != phase for row in box.rows):
                box.set_rows([row for row in box.rows if row.item.phase == phase])
                moved = True
        for phase, box in self.phase_boxes.items():
            moved = box.set_rows(by_phase[phase]) or moved
        order = [self.phase_boxes[phase] for phase in PHASES if phase in self.phase_boxes]
        shown = [self.phases_layout.itemAt(i).widget() for i in range(self.phases_layout.count())]
        if not same_widgets(shown, order):
            for box in shown:
                self.phases_layout.removeWidget(box)
            for box in order:
                self.phases_layout.addWidget(box)
            moved = True
        return moved

    def _show_flags(self, plan: Plan) -> None:
        # Only when the warnings (or the language) changed: a new text means a new
        # layout of the whole page.
        shown = (plan.red_flags, self._lang, self._language_stamp)
        if shown == self._flags_shown:
            return
        self._flags_shown = shown
        if not plan.red_flags:
            self.flag_banner.hide()
            self.flag_button.hide()
            return
        stop = plan.has_stop
        if stop:
            text = self.tr(
                "Stop: your answers show warning signs. Do not pay any more money and do "
                "not leave until they are cleared up."
            )
        else:
            text = self.tr(
                "Be careful: your answers show warning signs. Check them before you pay or sign."
            )
        titles = "".join(
            f"<br/>■ {html.escape(flag.title.get(self._lang), quote=False)}"
            for flag in plan.red_flags
        )
        colour = OVERDUE_COLOUR if stop else CAUTION_FG
        self.flag_banner.setText(
            f'<span style="color:{colour}; font-weight:600">{html.escape(text)}</span>{titles}'
        )
        self.flag_banner.setStyleSheet(
            f"background: {STOP_BG if stop else CAUTION_BG}; padding: 8px; border-radius: 6px;"
        )
        self.flag_banner.setAccessibleName(text)
        self.flag_banner.show()
        self.flag_button.show()

    def _show_date_hint(self, plan: Plan) -> None:
        missing = plan.departure is None
        self.date_hint.setVisible(missing)
        self.date_button.setVisible(missing)

    # -- filter and progress ------------------------------------------------------------
    def _fill_filter(self) -> None:
        phases = [phase for phase in PHASES if phase in self.phase_boxes]
        filled = (phases, self._language_stamp)
        if filled == self._filter_filled:
            return
        self._filter_filled = filled
        titles = self._phase_titles()
        self.filter_combo.clear()
        self.filter_combo.addItem(self.tr("All phases"), "")
        for phase in phases:
            self.filter_combo.addItem(titles[phase], phase)
        index = self.filter_combo.findData(self._filter)
        if index < 0:
            self._filter = ""
            index = 0
        self.filter_combo.setCurrentIndex(index)

    def _on_filter(self, index: int) -> None:
        self.set_phase_filter(str(self.filter_combo.itemData(index) or ""))

    def set_phase_filter(self, phase: str) -> None:
        """Show only ``phase`` ("" for all phases)."""
        self._filter = phase if phase in self.phase_boxes else ""
        self.filter_combo.setCurrentIndex(max(0, self.filter_combo.findData(self._filter)))
        self._apply_filter()

    def _apply_filter(self) -> None:
        for phase, box in self.phase_boxes.items():
            box.setVisible(not self._filter or phase == self._filter)

    def _update_progress(self) -> None:
        done = total = 0
        for box in self.phase_boxes.values():
            d, t = box.counts()
            done, total = done + d, total + t
            box.show_progress(_counts(self.tr("%1 of %2 done"), d, t))
        text = _counts(self.tr("Overall: %1 of %2 steps done"), done, total)
        self.overall_label.setText(text)
        self.overall_bar.setRange(0, max(1, total))
        self.overall_bar.setValue(done)
        self.overall_bar.setAccessibleName(text)

    # -- saving ticks and notes ---------------------------------------------------------
    def _on_toggled(self, item_id: str, done: bool) -> None:
        if self._built_pid is None:
            return
        try:
            self.session.store.set_checklist_done(self._built_pid, item_id, done)
        except StoreError as exc:
            self.rows[item_id].set_done(not done)
            self.dialogs.error(self.tr("Checklist"), store_error(exc))
            return
        self._update_progress()
        self.checklistChanged.emit()

    def _open_topic(self, item_id: str, *_args: object) -> None:
        row = self.rows.get(item_id)
        if row is not None and row.item.topic:
            self.openTopic.emit(row.item.topic)

    def _on_note_edited(self, item_id: str, *_args: object) -> None:
        self._pending_notes.add(item_id)
        self._note_timer.start()

    def _on_note_finished(self, item_id: str, *_args: object) -> None:
        self._pending_notes.discard(item_id)
        self._save_note(item_id)

    def _save_note(self, item_id: str) -> None:
        row = self.rows.get(item_id)
        if row is None or self._built_pid is None:
            return
        text = row.note().strip()
        if text == self._saved_notes.get(item_id, ""):
            return
        try:
            self.session.store.set_checklist_note(self._built_pid, item_id, text or None)
        except NotFoundError:
            return  # the profile was deleted meanwhile: nothing left to save to
        except StoreError as exc:
            self.dialogs.error(self.tr("Checklist"), store_error(exc))
            return
        self._saved_notes[item_id] = text

    # -- language -------------------------------------------------------------------------
    def _phase_titles(self) -> dict[str, str]:
        # The same words as the printouts (resources/templates/labels.yaml), so the
        # screen and the paper in a person's hand match.
        return {
            "prepare": self.tr("Getting ready"),
            "before_signing": self.tr("Before you sign or pay"),
            "before_departure": self.tr("Before departure"),
            "on_arrival": self.tr("When you arrive"),
            "at_work": self.tr("While you work"),
            "coming_home": self.tr("Coming home"),
        }

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        elif event.type() == QEvent.Type.FontChange:
            self.overall_bar.setFixedHeight(thin_bar_height(self))
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Checklist"))
        self.start_button.setText(self.tr("&Start the questionnaire"))
        self.flag_button.setText(self.tr("See the warni&ng signs"))
        self.date_hint.setText(
            self.tr(
                "You have not given a departure date, so the steps have no dates yet. "
                "Add it in the questionnaire to see by when each step should be done."
            )
        )
        self.date_button.setText(self.tr("&Add a departure date"))
        self.filter_label.setText(self.tr("&Show:"))
        self.filter_combo.setAccessibleName(self.tr("Which phase to show"))
        # Rows, phase boxes, the banner and the filter carry translated words too: the
        # next update sets them all again.
        self._language_stamp += 1
        self._refresh_soon()


def _counts(template: str, done: int, total: int) -> str:
    return template.replace("%1", str(done)).replace("%2", str(total))
