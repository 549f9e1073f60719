"""The main window: side navigation, the pages, and the menus that reach everything by keyboard."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QSize, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QWidget,
)

from desktop.ui.dialogs import Dialogs
from desktop.ui.pages.home import HomePage
from desktop.ui.pages.placeholders import (
    ChecklistPlaceholder,
    GuidePlaceholder,
    NotesPlaceholder,
    QuestionnairePlaceholder,
)
from desktop.ui.pages.settings import SettingsPage
from desktop.ui.session import Session

if TYPE_CHECKING:
    from desktop.knowledge import Knowledge

PAGE_KEYS = ("home", "questionnaire", "guide", "checklist", "notes", "settings")


class MainWindow(QMainWindow):
    """Signals:
    firstPainted: emitted once, when the window has been painted for the first time
        (``--self-test`` and the start-up benchmark wait for it).
    """

    firstPainted = Signal()

    def __init__(
        self,
        session: Session,
        *,
        language: str,
        text_scale: int,
        set_language: Callable[[str], None],
        set_text_scale: Callable[[int], None],
        interactive: bool = True,
    ) -> None:
        super().__init__()
        self.session = session
        self.dialogs = Dialogs(self, interactive=interactive)
        self._set_language = set_language
        self._set_text_scale = set_text_scale
        self._text_scale = text_scale
        self._painted = False
        self.setObjectName("MainWindow")
        self.resize(QSize(1000, 700))

        central = QWidget()
        lay = QHBoxLayout(central)
        lay.setContentsMargins(0, 0, 0, 0)
        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setSpacing(2)
        self.nav.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.stack = QStackedWidget()
        lay.addWidget(self.nav)
        lay.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self.home = HomePage(session, self.dialogs)
        self.questionnaire = QuestionnairePlaceholder()
        self.guide = GuidePlaceholder()
        self.checklist = ChecklistPlaceholder()
        self.notes = NotesPlaceholder()
        self.settings = SettingsPage(language, text_scale, str(session.location.path))
        self.pages: dict[str, QWidget] = {
            "home": self.home,
            "questionnaire": self.questionnaire,
            "guide": self.guide,
            "checklist": self.checklist,
            "notes": self.notes,
            "settings": self.settings,
        }
        for key in PAGE_KEYS:
            self.stack.addWidget(self.pages[key])
            item = QListWidgetItem()
            item.setData(Qt.ItemDataRole.UserRole, key)
            self.nav.addItem(item)
        self.nav.currentRowChanged.connect(self.stack.setCurrentIndex)
        self.nav.setCurrentRow(0)

        self._build_actions()
        self.home.openQuestionnaire.connect(lambda: self.show_page("questionnaire"))
        self.home.openTopic.connect(self.show_topic)
        self.home.openPage.connect(self.show_page)
        self.home.aboutToChangeData.connect(self.flush)
        self.settings.languageChosen.connect(self._on_language)
        self._language = language
        self.home.set_content_language(language)
        self.settings.textScaleChosen.connect(self._on_text_scale)
        session.profileChanged.connect(self._update_title)
        self.retranslate()

    # -- content ----------------------------------------------------------------------
    def install_knowledge(self, knowledge: Knowledge) -> None:
        """Build the pages that need the content, once it has been loaded.

        Loading happens after the first paint, so the window appears at once; until
        then those pages say the content is being prepared.
        """
        from desktop.ui.pages.checklist import ChecklistPage
        from desktop.ui.pages.guide import GuidePage
        from desktop.ui.pages.questionnaire import QuestionnairePage

        self.session.set_knowledge(knowledge)
        self._replace_page("guide", GuidePage(knowledge.catalog, self.session, self.dialogs))
        questionnaire = QuestionnairePage(knowledge.questionnaire, self.session, self.dialogs)
        questionnaire.finished.connect(lambda: self.show_page("home"))
        self._replace_page("questionnaire", questionnaire)
        checklist = ChecklistPage(self.session, self.dialogs)
        checklist.openTopic.connect(self.show_topic)
        checklist.openQuestionnaire.connect(lambda: self.show_page("questionnaire"))
        checklist.openPage.connect(self.show_page)
        checklist.checklistChanged.connect(self.home.refresh_plan)
        self._replace_page("checklist", checklist)
        self.install_notes()
        self._apply_content_language(self._language)

    def install_notes(self) -> None:
        """The Notes page works without content too (notes are the person's own)."""
        if type(self.pages["notes"]).__name__ == "NotesPage":
            return
        from desktop.ui.pages.notes import NotesPage
        from desktop.ui.pages.notes_transfer import ProfileTransferWidget

        notes = NotesPage(self.session, self.dialogs)
        notes.openLink.connect(self.open_link)
        self._replace_page("notes", notes)
        self.transfer = ProfileTransferWidget(self.session, self.dialogs)
        self.transfer.aboutToChangeData.connect(self.flush)
        self.settings.add_section(self.transfer)
        self._apply_content_language(self._language)

    def open_link(self, kind: str, target: str) -> None:
        """Go to what a note is about: a Guide topic, a question or a checklist item."""
        if kind == "topic":
            self.show_topic(target)
        elif kind == "question":
            page = self.pages["questionnaire"]
            if hasattr(page, "change_answer"):
                page.change_answer(target)
            self.show_page("questionnaire")
        elif kind == "checklist":
            self.show_page("checklist")

    def flush(self) -> None:
        """Save whatever a page still holds in a debounce timer (before closing)."""
        for page in self.pages.values():
            flush = getattr(page, "flush", None) or getattr(page, "save_notes", None)
            if flush is not None:
                flush()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.flush()
        super().closeEvent(event)

    def _replace_page(self, key: str, page: QWidget) -> None:
        index = PAGE_KEYS.index(key)
        old = self.pages[key]
        current = self.stack.currentIndex()
        self.stack.insertWidget(index, page)
        self.stack.removeWidget(old)
        old.deleteLater()
        self.pages[key] = page
        setattr(self, key, page)
        self.stack.setCurrentIndex(current)

    def _on_language(self, code: str) -> None:
        self._language = code
        self._set_language(code)
        self._apply_content_language(code)

    def _apply_content_language(self, code: str) -> None:
        for page in self.pages.values():
            setter = getattr(page, "set_content_language", None)
            if setter is not None:
                setter(code)

    def show_topic(self, topic_id: str) -> None:
        guide = self.pages["guide"]
        if hasattr(guide, "show_topic"):
            guide.show_topic(topic_id)
        self.show_page("guide")

    # -- navigation -------------------------------------------------------------------
    def show_page(self, key: str) -> None:
        self.nav.setCurrentRow(PAGE_KEYS.index(key))
        self.stack.currentWidget().setFocus(Qt.FocusReason.ShortcutFocusReason)

    def current_page(self) -> str:
        return PAGE_KEYS[self.stack.currentIndex()]

    # -- text size --------------------------------------------------------------------
    def _on_text_scale(self, percent: int) -> None:
        self._text_scale = percent
        self._set_text_scale(percent)

    def change_text_scale(self, delta: int) -> None:
        from desktop.ui.session import TEXT_SCALE_MAX, TEXT_SCALE_MIN

        percent = min(TEXT_SCALE_MAX, max(TEXT_SCALE_MIN, self._text_scale + delta))
        self.settings.set_text_scale(percent)
        self._on_text_scale(percent)

    # -- actions and menus ------------------------------------------------------------
    def _build_actions(self) -> None:
        mb = self.menuBar()
        self.profile_menu = mb.addMenu("")
        self.view_menu = mb.addMenu("")
        self.go_menu = mb.addMenu("")

        self.act_new_profile = QAction(self)
        self.act_new_profile.setShortcut(QKeySequence.StandardKey.New)
        self.act_new_profile.triggered.connect(self.home.new_profile)
        self.act_rename_profile = QAction(self)
        self.act_rename_profile.setShortcut(QKeySequence("F2"))
        self.act_rename_profile.triggered.connect(self.home.rename_profile)
        self.act_delete_profile = QAction(self)
        self.act_delete_profile.triggered.connect(self.home.delete_profile)
        self.act_quit = QAction(self)
        self.act_quit.setShortcut(QKeySequence("Ctrl+Q"))
        self.act_quit.triggered.connect(self.close)
        for a in (self.act_new_profile, self.act_rename_profile, self.act_delete_profile):
            self.profile_menu.addAction(a)
        self.profile_menu.addSeparator()
        self.profile_menu.addAction(self.act_quit)

        self.act_bigger = QAction(self)
        self.act_bigger.setShortcuts([QKeySequence("Ctrl++"), QKeySequence("Ctrl+=")])
        self.act_bigger.triggered.connect(lambda: self.change_text_scale(+10))
        self.act_smaller = QAction(self)
        self.act_smaller.setShortcut(QKeySequence("Ctrl+-"))
        self.act_smaller.triggered.connect(lambda: self.change_text_scale(-10))
        self.act_reset = QAction(self)
        self.act_reset.setShortcut(QKeySequence("Ctrl+0"))
        self.act_reset.triggered.connect(lambda: self.change_text_scale(-1000))
        for a in (self.act_bigger, self.act_smaller, self.act_reset):
            self.view_menu.addAction(a)

        self.page_actions: dict[str, QAction] = {}
        for n, key in enumerate(PAGE_KEYS, start=1):
            act = QAction(self)
            act.setShortcut(QKeySequence(f"Ctrl+{n}"))
            act.triggered.connect(lambda _=False, k=key: self.show_page(k))
            self.go_menu.addAction(act)
            self.page_actions[key] = act

    # -- language ---------------------------------------------------------------------
    def page_titles(self) -> dict[str, str]:
        return {
            "home": self.tr("Home"),
            "questionnaire": self.tr("Questionnaire"),
            "guide": self.tr("Guide"),
            "checklist": self.tr("Checklist"),
            "notes": self.tr("Notes"),
            "settings": self.tr("Settings"),
        }

    def retranslate(self) -> None:
        titles = self.page_titles()
        for row, key in enumerate(PAGE_KEYS):
            self.nav.item(row).setText(titles[key])
            self.page_actions[key].setText(titles[key])
        self.nav.setAccessibleName(self.tr("Pages"))
        self._fit_nav()
        self.profile_menu.setTitle(self.tr("&Profile"))
        self.view_menu.setTitle(self.tr("&View"))
        self.go_menu.setTitle(self.tr("&Go"))
        self.act_new_profile.setText(self.tr("&New profile…"))
        self.act_rename_profile.setText(self.tr("&Rename profile…"))
        self.act_delete_profile.setText(self.tr("&Delete profile…"))
        self.act_quit.setText(self.tr("&Quit"))
        self.act_bigger.setText(self.tr("&Larger text"))
        self.act_smaller.setText(self.tr("&Smaller text"))
        self.act_reset.setText(self.tr("&Normal text size"))
        self._update_title()

    def _update_title(self) -> None:
        self.setWindowTitle(
            self.tr("Passage · Working abroad guide — %1").replace("%1", self.session.profile.name)
        )

    def _fit_nav(self) -> None:
        """Keep every page name whole, whatever the language and text size."""
        metrics = self.nav.fontMetrics()
        widest = max(
            metrics.horizontalAdvance(self.nav.item(i).text()) for i in range(self.nav.count())
        )
        self.nav.setFixedWidth(max(160, widest + 4 * metrics.averageCharWidth() + 40))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        elif event.type() in (QEvent.Type.FontChange, QEvent.Type.ApplicationFontChange):
            self._fit_nav()
        super().changeEvent(event)

    # -- first paint ------------------------------------------------------------------
    def showEvent(self, event: QEvent) -> None:
        super().showEvent(event)
        if not self._painted:
            # Qt skips paint events for widgets fully covered by opaque children, so
            # watch the whole application until any widget of this window paints.
            QApplication.instance().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            not self._painted
            and event.type() == QEvent.Type.Paint
            and isinstance(watched, QWidget)
            and watched.window() is self
        ):
            self._painted = True
            QApplication.instance().removeEventFilter(self)
            self.firstPainted.emit()
        return super().eventFilter(watched, event)
