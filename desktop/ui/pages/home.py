"""Home: who this plan is for, where their data is kept, and the plan at a glance.

Home is the page the window shows first, so it is built before the first paint and
keeps that light: no ``Qt`` namespace (see ``desktop.ui.widgets``), and the view of the
plan (a QTextBrowser) is made only when there is a plan to show, after the content has
loaded.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.store import StoreError
from desktop.ui.dialogs import Dialogs
from desktop.ui.messages import store_error
from desktop.ui.session import Session
from desktop.ui.widgets import (
    TEXT_SELECTABLE_BY_KEYBOARD,
    TEXT_SELECTABLE_BY_MOUSE,
    Heading,
    Paragraph,
    set_enum_property,
)

if TYPE_CHECKING:
    from PySide6.QtCore import QUrl

    from desktop.ui.browser import AutoHeightBrowser


def _left(widget: QWidget) -> QHBoxLayout:
    """A row holding ``widget`` at its natural width on the left (a button, not a bar)."""
    row = QHBoxLayout()
    row.addWidget(widget)
    row.addStretch(1)
    return row


class HomePage(QScrollArea):
    """Signals:
    openQuestionnaire: the person asked to start or continue the questionnaire.
    openTopic(str): a Guide topic id the person wants to read.
    openPage(str): a page key (e.g. "checklist").
    aboutToChangeData: emitted before a profile is deleted, so pages save pending edits.
    """

    openQuestionnaire = Signal()
    aboutToChangeData = Signal()
    openTopic = Signal(str)
    openPage = Signal(str)

    def __init__(self, session: Session, dialogs: Dialogs, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.dialogs = dialogs
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        body = QWidget()
        self.setWidget(body)
        lay = QVBoxLayout(body)
        lay.setSpacing(14)

        self.heading = Heading(level=1)
        self.intro = Paragraph()
        lay.addWidget(self.heading)
        lay.addWidget(self.intro)

        # Profile: a counsellor keeps one per person.
        self.profile_box = QGroupBox()
        # One row: a counsellor switches people here; a worker hardly notices it.
        pl = QHBoxLayout(self.profile_box)
        self.profile_label = QLabel()
        self.profile_combo = QComboBox()
        self.profile_combo.setMinimumContentsLength(12)
        self.profile_label.setBuddy(self.profile_combo)
        pl.addWidget(self.profile_label)
        pl.addWidget(self.profile_combo, 1)
        self.new_button = QPushButton()
        self.rename_button = QPushButton()
        self.delete_button = QPushButton()
        for b in (self.new_button, self.rename_button, self.delete_button):
            pl.addWidget(b)
        lay.addWidget(self.profile_box)

        # The plan: filled by the questionnaire issue; until then it says what will come.
        self.plan_box = QGroupBox()
        self._plan_layout = ql = QVBoxLayout(self.plan_box)
        self.plan_text = Paragraph()
        self._plan_view: AutoHeightBrowser | None = None  # made when there is a plan
        self.start_button = QPushButton()
        ql.addWidget(self.plan_text)
        ql.addLayout(_left(self.start_button))
        lay.addWidget(self.plan_box)

        # Where the data is: the person should always be able to find their own files.
        self.data_box = QGroupBox()
        dl = QVBoxLayout(self.data_box)
        self.data_text = Paragraph()
        self.data_path = Paragraph()
        set_enum_property(
            self.data_path,
            "textInteractionFlags",
            TEXT_SELECTABLE_BY_MOUSE | TEXT_SELECTABLE_BY_KEYBOARD,
        )
        self.open_folder_button = QPushButton()
        dl.addWidget(self.data_text)
        dl.addWidget(self.data_path)
        dl.addLayout(_left(self.open_folder_button))
        lay.addWidget(self.data_box)
        lay.addStretch(1)

        self.profile_combo.activated.connect(self._on_profile_chosen)
        self.new_button.clicked.connect(self.new_profile)
        self.rename_button.clicked.connect(self.rename_profile)
        self.delete_button.clicked.connect(self.delete_profile)
        self.start_button.clicked.connect(self.openQuestionnaire)
        self.open_folder_button.clicked.connect(self._open_data_folder)
        session.profilesChanged.connect(self._fill_profiles)
        session.profileChanged.connect(self._fill_profiles)
        session.profileChanged.connect(self.retranslate)
        session.planChanged.connect(self.refresh_plan)
        self._lang = "zh"

        self._fill_profiles()
        self.retranslate()

    # -- profile actions (also reached from the Profile menu) ---------------------------
    def new_profile(self) -> None:
        name = self.dialogs.ask_text(
            self.tr("New profile"), self.tr("Name of the person this plan is for:")
        )
        if name is None:
            return
        try:
            self.session.create_profile(name)
        except StoreError as exc:
            self.dialogs.error(self.tr("New profile"), store_error(exc))

    def rename_profile(self) -> None:
        current = self.session.profile
        name = self.dialogs.ask_text(self.tr("Rename profile"), self.tr("New name:"), current.name)
        if name is None or name == current.name:
            return
        try:
            self.session.rename_profile(current.id, name)
        except StoreError as exc:
            self.dialogs.error(self.tr("Rename profile"), store_error(exc))

    def delete_profile(self) -> None:
        current = self.session.profile
        ok = self.dialogs.confirm(
            self.tr("Delete profile"),
            self.tr(
                "Delete the profile “%1” with all its answers, checklist ticks and notes? "
                "This cannot be undone."
            ).replace("%1", current.name),
            destructive=True,
        )
        if ok:
            self.aboutToChangeData.emit()
            try:
                self.session.delete_profile(current.id, fallback_name=self.tr("My plan"))
            except StoreError as exc:
                self.dialogs.error(self.tr("Delete profile"), store_error(exc))

    # -- internals --------------------------------------------------------------------
    def _fill_profiles(self) -> None:
        self.profile_combo.blockSignals(True)
        self.profile_combo.clear()
        for p in self.session.profiles():
            self.profile_combo.addItem(p.name, p.id)
        idx = self.profile_combo.findData(self.session.profile.id)
        self.profile_combo.setCurrentIndex(max(idx, 0))
        self.profile_combo.blockSignals(False)
        self.delete_button.setEnabled(True)

    def _on_profile_chosen(self, index: int) -> None:
        pid = self.profile_combo.itemData(index)
        if pid is not None:
            self.session.switch_profile(int(pid))

    # -- the plan at a glance -----------------------------------------------------------
    @property
    def plan_view(self) -> AutoHeightBrowser:
        """The plan as rich text; made at first use (the first paint does not need it)."""
        if self._plan_view is None:
            from desktop.ui.browser import AutoHeightBrowser

            view = AutoHeightBrowser()
            view.anchorClicked.connect(self._on_link)
            view.hide()
            self._plan_layout.insertWidget(self._plan_layout.indexOf(self.plan_text) + 1, view, 1)
            self._plan_view = view
        return self._plan_view

    def _hide_plan_view(self) -> None:
        if self._plan_view is not None:
            self._plan_view.hide()

    def set_content_language(self, lang: str) -> None:
        self._lang = lang
        self.refresh_plan()

    def refresh_plan(self) -> None:
        """Show the current plan; called whenever answers, profile or language change."""
        knowledge = self.session.knowledge
        plan = self.session.plan()
        answers = self.session.answers() if knowledge else {}
        if knowledge is None or plan is None:
            self.plan_text.setText(self.tr("Preparing your plan…"))
            self.start_button.setText(self.tr("&Start the questionnaire"))
            self._hide_plan_view()
            return
        if not knowledge.questionnaire.effective_answers(answers):
            self.plan_text.setText(
                self.tr(
                    "Your plan is not ready yet. Answer the questionnaire: your plan will "
                    "then show here, with warning signs first, the routes that fit you, "
                    "what you still need and a checklist."
                )
            )
            self.start_button.setText(self.tr("&Start the questionnaire"))
            self._hide_plan_view()
            return
        from desktop.ui.pages.plan_summary import summary_html

        relevant = knowledge.questionnaire.relevant_questions(answers)
        effective = knowledge.questionnaire.effective_answers(answers)
        answered = sum(1 for q in relevant if q.id in effective)
        self.plan_text.setText(
            self.tr(
                "You have answered %1 of %2 questions. The plan below changes as soon as "
                "an answer changes."
            )
            .replace("%1", str(answered))
            .replace("%2", str(len(relevant)))
        )
        self.start_button.setText(self.tr("&Change my answers"))
        done = {
            k: v.done for k, v in self.session.store.get_checklist(self.session.profile.id).items()
        }
        bar = self.plan_view.verticalScrollBar().value()
        self.plan_view.setHtml(summary_html(plan, self._lang, self._labels(), done=done))
        self.plan_view.verticalScrollBar().setValue(bar)
        self.plan_view.show()

    def _labels(self) -> dict[str, str]:
        return {
            "stop_banner": self.tr(
                "Stop: do not pay any more money and do not leave until the "
                "warning signs below are cleared up."
            ),
            "caution_banner": self.tr("Be careful: check the points below before you pay or sign."),
            "no_flags": self.tr(
                "No warning signs in your answers so far. Keep checking as things change."
            ),
            "stop": self.tr("STOP"),
            "caution": self.tr("CAUTION"),
            "do_now": self.tr("What to do now:"),
            "read_more": self.tr("Read more"),
            "routes": self.tr("Routes that fit you"),
            "requirements": self.tr("What you still need"),
            "requirements_count": self.tr("%1 of %2 requirements met."),
            "next_steps": self.tr("Next steps"),
            "due": self.tr("by"),
            "all_steps": self.tr("All %1 open steps in your checklist"),
        }

    def _on_link(self, url: QUrl) -> None:
        target = url.toString()
        if target.startswith("topic:"):
            self.openTopic.emit(target.removeprefix("topic:"))
        elif target.startswith("page:"):
            self.openPage.emit(target.removeprefix("page:"))

    def _open_data_folder(self) -> None:
        from PySide6.QtCore import QUrl
        from PySide6.QtGui import QDesktopServices

        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.session.location.path)))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Welcome"))
        self.intro.setText(
            self.tr(
                "Passage helps you go abroad to work by legal routes: it asks about your plans, "
                "shows what the destination requires and which warning signs to watch for, and "
                "makes a checklist you can print. Everything stays on this computer."
            )
        )
        self.profile_box.setTitle(self.tr("Whose plan is this?"))
        self.profile_label.setText(self.tr("&Profile:"))
        self.profile_combo.setAccessibleName(self.tr("Current profile"))
        self.new_button.setText(self.tr("&New profile…"))
        self.rename_button.setText(self.tr("&Rename…"))
        self.delete_button.setText(self.tr("&Delete…"))
        self.new_button.setAccessibleName(self.tr("Create a new profile"))
        self.rename_button.setAccessibleName(self.tr("Rename the current profile"))
        self.delete_button.setAccessibleName(self.tr("Delete the current profile"))
        self.plan_box.setTitle(self.tr("Your plan"))
        self.refresh_plan()
        self.data_box.setTitle(self.tr("Where your data is kept"))
        how = self.session.location.how
        if how == "portable":
            where = self.tr("Portable mode: your data is kept next to the program, in this folder:")
        elif how == "option":
            where = self.tr("Your data is kept in the folder chosen with --data-dir:")
        else:
            where = self.tr(
                "Your answers and notes are kept only on this computer, in this folder:"
            )
        self.data_text.setText(where)
        self.data_path.setText(str(self.session.location.path))
        self.open_folder_button.setText(self.tr("&Open this folder"))
