"""The main window: side navigation, the pages, and the menus that reach everything by keyboard.

Only Home is built before the window first paints. Every other page is built the first
time it is shown (or asked for): each is a few tens of milliseconds and several MiB,
which a person starting Passage should not wait for, and most starts never open the
Guide or Settings at all. The content pages also wait for the content, which is loaded
after the first paint; until it is there they say that they are being prepared.

Nothing here imports ``PySide6.QtCore.Qt`` at module level: that one import builds the
Python enums of the whole Qt namespace (about 120 of them, 30-40 ms), which the first
paint does not need (see ``widgets.set_enum_property``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

# The session (and the store) first: see the note on import order in session.py.
from desktop.ui.session import Session

# isort: split
from PySide6.QtCore import QEvent, QObject, QSize, QTimer, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QMainWindow,
    QStackedWidget,
    QWidget,
)

from desktop.ui.dialogs import Dialogs
from desktop.ui.pages.home import HomePage
from desktop.ui.widgets import SCROLL_BAR_ALWAYS_OFF, set_enum_property

if TYPE_CHECKING:
    from PySide6.QtGui import QAction, QCloseEvent

    from desktop.knowledge import Knowledge
    from desktop.ui.pages.settings import SettingsPage

PAGE_KEYS = ("home", "questionnaire", "guide", "checklist", "notes", "settings")
# Pages made from the content: a placeholder stands in for them until it is loaded.
CONTENT_PAGES = ("questionnaire", "guide", "checklist")


class MainWindow(QMainWindow):
    """Signals:
    firstPainted: emitted once, when the window has been painted for the first time
        (``--self-test`` and the start-up benchmark wait for it).

    Attributes:
        pages: page key -> the widget in the stack now. A page not built yet is an
            empty stand-in there; :meth:`page` builds it, :meth:`build_all_pages`
            builds them all.
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
        self._language = language
        self._painted = False
        self._built: set[str] = set()
        self.setObjectName("MainWindow")
        self.resize(QSize(1000, 700))

        central = QWidget()
        lay = QHBoxLayout(central)
        lay.setContentsMargins(0, 0, 0, 0)
        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setSpacing(2)
        set_enum_property(self.nav, "horizontalScrollBarPolicy", SCROLL_BAR_ALWAYS_OFF)
        self.stack = QStackedWidget()
        lay.addWidget(self.nav)
        lay.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self.home = HomePage(session, self.dialogs, self.stack)
        self.pages: dict[str, QWidget] = {}
        for key in PAGE_KEYS:
            self.pages[key] = self.home if key == "home" else QWidget()
            self.stack.addWidget(self.pages[key])
            self.nav.addItem("")
        self._built.add("home")
        self.nav.currentRowChanged.connect(self._on_row)
        self.nav.setCurrentRow(0)

        self._build_menus()
        self.home.openQuestionnaire.connect(lambda: self.show_page("questionnaire"))
        self.home.openTopic.connect(self.show_topic)
        self.home.openPage.connect(self.show_page)
        self.home.aboutToChangeData.connect(self.flush)
        self.home.set_content_language(language)
        session.profileChanged.connect(self._update_title)
        self.retranslate()
        # The first paint is noticed on the window and the widgets made here that are
        # always visible (Qt sends no paint event to a widget that opaque children cover
        # completely, so one of them is not enough; the Home heading, a label, always
        # paints). Not through an application-wide event filter: that hands every event
        # of every object to Python, and an object of a class PySide does not know (Qt's
        # private animation timer, say) makes PySide build the Python types of all of
        # QtCore, QtGui and QtWidgets to look for it: 20-30 ms before the first paint.
        # (For the same reason, nothing here asks for nav.viewport().)
        self._paint_watched: tuple[QWidget, ...] = (
            self,
            self.menuBar(),
            central,
            self.nav,
            self.stack,
            self.home.heading,
        )
        for widget in self._paint_watched:
            widget.installEventFilter(self)

    # -- pages, built when first needed -----------------------------------------------
    def page(self, key: str) -> QWidget:
        """The page for ``key``, built now if it was not yet."""
        if key not in self._built:
            self._install_page(key, self._make_page(key))
        return self.pages[key]

    def build_all_pages(self) -> None:
        """Build every page now (screenshots, tests, and checks that walk all widgets)."""
        for key in PAGE_KEYS:
            self.page(key)

    @property
    def settings(self) -> SettingsPage:
        return self.page("settings")  # type: ignore[return-value]

    def _make_page(self, key: str) -> QWidget:
        if key == "settings":
            return self._make_settings()
        if key == "notes":
            return self._make_notes()
        knowledge = self.session.knowledge
        if knowledge is None:
            from desktop.ui.pages.placeholders import PagePlaceholder

            return PagePlaceholder(lambda: self.page_titles()[key])
        if key == "guide":
            from desktop.ui.pages.guide import GuidePage

            return GuidePage(knowledge.catalog, self.session, self.dialogs)
        if key == "questionnaire":
            from desktop.ui.pages.questionnaire import QuestionnairePage

            questionnaire = QuestionnairePage(knowledge.questionnaire, self.session, self.dialogs)
            questionnaire.finished.connect(lambda: self.show_page("home"))
            return questionnaire
        if key == "checklist":
            from desktop.ui.pages.checklist import ChecklistPage

            checklist = ChecklistPage(self.session, self.dialogs)
            checklist.openTopic.connect(self.show_topic)
            checklist.openQuestionnaire.connect(lambda: self.show_page("questionnaire"))
            checklist.openPage.connect(self.show_page)
            checklist.checklistChanged.connect(self.home.refresh_plan)
            return checklist
        raise KeyError(key)

    def _make_settings(self) -> QWidget:
        from desktop.ui.pages.notes_transfer import ProfileTransferWidget
        from desktop.ui.pages.settings import SettingsPage

        settings = SettingsPage(self._language, self._text_scale, str(self.session.location.path))
        settings.languageChosen.connect(self._on_language)
        settings.textScaleChosen.connect(self._on_text_scale)
        # Export and import of profiles: the person's own data, no content needed.
        self.transfer = ProfileTransferWidget(self.session, self.dialogs)
        self.transfer.aboutToChangeData.connect(self.flush)
        settings.add_section(self.transfer)
        return settings

    def _make_notes(self) -> QWidget:
        """The Notes page works without content too (notes are the person's own)."""
        from desktop.ui.pages.notes import NotesPage

        notes = NotesPage(self.session, self.dialogs)
        notes.openLink.connect(self.open_link)
        return notes

    def _install_page(self, key: str, page: QWidget) -> None:
        index = PAGE_KEYS.index(key)
        old = self.pages[key]
        current = self.stack.currentIndex()
        self.stack.insertWidget(index, page)
        self.stack.removeWidget(old)
        old.deleteLater()
        self.pages[key] = page
        self._built.add(key)
        if key != "settings":  # settings is a property
            setattr(self, key, page)
        setter = getattr(page, "set_content_language", None)
        if setter is not None:
            setter(self._language)
        self.stack.setCurrentIndex(current)

    def _on_row(self, row: int) -> None:
        if row < 0:
            return
        self.page(PAGE_KEYS[row])
        self.stack.setCurrentIndex(row)

    # -- content ----------------------------------------------------------------------
    def install_knowledge(self, knowledge: Knowledge, *, build_pages: bool = True) -> None:
        """Hand the loaded content to the session and the pages that are made from it.

        Loading happens after the first paint, so the window appears at once. With
        ``build_pages`` (the default) the content pages are built now; the app passes
        False, and each is then built when the person first opens it. A content page
        built before (one that says "being prepared", say) is made again from the new
        content: at once if it is on screen, else when it is next opened.
        """
        self.flush()
        self.session.set_knowledge(knowledge)
        self._built.difference_update(CONTENT_PAGES)
        if build_pages:
            self.build_all_pages()
        else:
            self._on_row(self.nav.currentRow())

    def open_link(self, kind: str, target: str) -> None:
        """Go to what a note is about: a Guide topic, a question or a checklist item."""
        if kind == "topic":
            self.show_topic(target)
        elif kind == "question":
            page = self.page("questionnaire")
            if hasattr(page, "change_answer"):
                page.change_answer(target)
            self.show_page("questionnaire")
        elif kind == "checklist":
            self.show_page("checklist")

    def flush(self) -> None:
        """Save whatever a page still holds in a debounce timer (before closing)."""
        for page in list(self.pages.values()):
            flush = getattr(page, "flush", None) or getattr(page, "save_notes", None)
            if flush is not None:
                flush()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.flush()
        super().closeEvent(event)

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
        guide = self.page("guide")
        if hasattr(guide, "show_topic"):
            guide.show_topic(topic_id)
        self.show_page("guide")

    # -- navigation -------------------------------------------------------------------
    def show_page(self, key: str) -> None:
        from PySide6.QtCore import Qt

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
        if "settings" in self._built:  # else it is built with the new size
            self.settings.set_text_scale(percent)
        self._on_text_scale(percent)

    # -- actions and menus ------------------------------------------------------------
    def _build_menus(self) -> None:
        """The menu titles, shown from the first frame. Their actions (with the keyboard
        shortcuts) are added right after the first paint by :meth:`ensure_actions`:
        QAction and QKeySequence bring in PySide types and enums (StandardKey alone has
        70 members) that the first frame does not show, and nobody can open a menu or
        press a shortcut before the window is there."""
        mb = self.menuBar()
        self.profile_menu = mb.addMenu("")
        self.view_menu = mb.addMenu("")
        self.go_menu = mb.addMenu("")
        self.page_actions: dict[str, QAction] = {}

    def ensure_actions(self) -> None:
        """Add the menus' actions and shortcuts, once (after the first paint, or now)."""
        if self.page_actions:
            return
        self._build_actions()
        self._retranslate_actions()

    def _build_actions(self) -> None:
        """The menus' actions and their shortcuts.

        Shortcuts are set with ``setShortcuts([...])``: the first call of PySide's
        ``setShortcut()`` (one key sequence) resolves an overload that brings in the
        whole ``Qt`` namespace (see the module docstring); the list form does not.
        ``keyBindings(StandardKey)`` is what ``setShortcuts(StandardKey)`` uses in Qt.
        """
        from PySide6.QtGui import QAction, QKeySequence

        self.act_new_profile = QAction(self)
        self.act_new_profile.setShortcuts(QKeySequence.keyBindings(QKeySequence.StandardKey.New))
        self.act_new_profile.triggered.connect(self.home.new_profile)
        self.act_rename_profile = QAction(self)
        self.act_rename_profile.setShortcuts([QKeySequence("F2")])
        self.act_rename_profile.triggered.connect(self.home.rename_profile)
        self.act_delete_profile = QAction(self)
        self.act_delete_profile.triggered.connect(self.home.delete_profile)
        self.act_quit = QAction(self)
        self.act_quit.setShortcuts([QKeySequence("Ctrl+Q")])
        self.act_quit.triggered.connect(self.close)
        for a in (self.act_new_profile, self.act_rename_profile, self.act_delete_profile):
            self.profile_menu.addAction(a)
        self.profile_menu.addSeparator()
        self.profile_menu.addAction(self.act_quit)

        self.act_bigger = QAction(self)
        self.act_bigger.setShortcuts([QKeySequence("Ctrl++"), QKeySequence("Ctrl+=")])
        self.act_bigger.triggered.connect(lambda: self.change_text_scale(+10))
        self.act_smaller = QAction(self)
        self.act_smaller.setShortcuts([QKeySequence("Ctrl+-")])
        self.act_smaller.triggered.connect(lambda: self.change_text_scale(-10))
        self.act_reset = QAction(self)
        self.act_reset.setShortcuts([QKeySequence("Ctrl+0")])
        self.act_reset.triggered.connect(lambda: self.change_text_scale(-1000))
        for a in (self.act_bigger, self.act_smaller, self.act_reset):
            self.view_menu.addAction(a)

        for n, key in enumerate(PAGE_KEYS, start=1):
            act = QAction(self)
            act.setShortcuts([QKeySequence(f"Ctrl+{n}")])
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
        self.nav.setAccessibleName(self.tr("Pages"))
        self._fit_nav()
        self.profile_menu.setTitle(self.tr("&Profile"))
        self.view_menu.setTitle(self.tr("&View"))
        self.go_menu.setTitle(self.tr("&Go"))
        self._update_title()
        if self.page_actions:  # else ensure_actions() names them when it makes them
            self._retranslate_actions()

    def _retranslate_actions(self) -> None:
        titles = self.page_titles()
        for key, action in self.page_actions.items():
            action.setText(titles[key])
        self.act_new_profile.setText(self.tr("&New profile…"))
        self.act_rename_profile.setText(self.tr("&Rename profile…"))
        self.act_delete_profile.setText(self.tr("&Delete profile…"))
        self.act_quit.setText(self.tr("&Quit"))
        self.act_bigger.setText(self.tr("&Larger text"))
        self.act_smaller.setText(self.tr("&Smaller text"))
        self.act_reset.setText(self.tr("&Normal text size"))

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
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self._painted and event.type() == QEvent.Type.Paint:
            self._painted = True
            for widget in self._paint_watched:
                widget.removeEventFilter(self)
            QTimer.singleShot(0, self.ensure_actions)
            self.firstPainted.emit()
        return super().eventFilter(watched, event)
