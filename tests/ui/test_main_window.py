"""The main window: pages, navigation by keyboard, language switch, text size, profiles."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop.ui.main_window import PAGE_KEYS


def show_active(w, qtbot):
    """Show the window and wait until it has the keyboard, as a person's window would."""
    w.show()
    qtbot.waitExposed(w)
    w.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is w)


def test_all_pages_are_in_the_navigation(make_window):
    w = make_window()
    titles = [w.nav.item(i).text() for i in range(w.nav.count())]
    assert titles == ["Home", "Questionnaire", "Guide", "Checklist", "Notes", "Settings"]


def test_keyboard_shortcuts_reach_every_page(make_window, qtbot):
    w = make_window()
    show_active(w, qtbot)
    for n, key in enumerate(PAGE_KEYS, start=1):
        qtbot.keyClick(w, Qt.Key(Qt.Key.Key_0 + n), Qt.KeyboardModifier.ControlModifier)
        assert w.current_page() == key
        assert w.stack.currentWidget() is w.pages[key]


def test_arrow_keys_move_through_the_navigation(make_window, qtbot):
    w = make_window()
    show_active(w, qtbot)
    w.nav.setFocus()
    qtbot.keyClick(w.nav, Qt.Key.Key_Down)
    qtbot.keyClick(w.nav, Qt.Key.Key_Down)
    assert w.current_page() == "guide"


def test_home_shows_profile_and_data_folder(make_window, data_dir):
    w = make_window()
    assert w.home.profile_combo.currentText() == w.session.profile.name
    assert w.home.data_path.text() == str(data_dir)
    assert w.session.profile.name in w.windowTitle()


def test_language_switch_retranslates_the_visible_window(make_window, qtbot, store):
    w = make_window("en")
    w.show()
    w.show_page("settings")
    combo = w.settings.language_combo
    combo.setCurrentIndex(combo.findData("zh"))
    combo.activated.emit(combo.currentIndex())
    # Qt posts LanguageChange to every widget; wait for the visible window to redraw its words.
    qtbot.waitUntil(lambda: w.nav.item(0).text() == "首页")
    assert w.settings.heading.accessibleName() == "设置"
    assert w.home.new_button.text() == "新建档案(&N)…"
    assert w.windowTitle().startswith("Passage · 出国务工指南")
    assert store.get_setting("language") == "zh"
    combo.setCurrentIndex(combo.findData("en"))
    combo.activated.emit(combo.currentIndex())
    qtbot.waitUntil(lambda: w.nav.item(0).text() == "Home")


def test_text_size_applies_app_wide_and_is_remembered(make_window, qtbot, store):
    w = make_window()
    before = QApplication.font().pointSizeF()
    label_before = w.home.intro.font().pointSizeF()
    w.settings.size_slider.setValue(150)
    assert QApplication.font().pointSizeF() == before * 1.5
    qtbot.waitUntil(lambda: w.home.intro.font().pointSizeF() == label_before * 1.5)
    assert store.get_setting("text_scale") == 150
    assert w.settings.size_value.text() == "150%"


def test_text_size_shortcuts_stay_within_100_and_200(make_window, qtbot):
    w = make_window()
    show_active(w, qtbot)
    for _ in range(15):
        qtbot.keyClick(w, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert w.settings.size_slider.value() == 200
    qtbot.keyClick(w, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert w.settings.size_slider.value() == 100


def test_create_rename_switch_and_delete_profiles(make_window, qtbot, store):
    w = make_window()
    first = w.session.profile
    w.home.dialogs.texts = ["Li Wei"]
    qtbot.mouseClick(w.home.new_button, Qt.MouseButton.LeftButton)
    assert w.session.profile.name == "Li Wei"
    assert "Li Wei" in w.windowTitle()
    assert [p.name for p in store.list_profiles()] == sorted([first.name, "Li Wei"])

    w.home.dialogs.texts = ["Wang Fang"]
    qtbot.mouseClick(w.home.rename_button, Qt.MouseButton.LeftButton)
    assert store.get_profile(w.session.profile.id).name == "Wang Fang"
    assert "Wang Fang" in w.windowTitle()

    combo = w.home.profile_combo
    combo.setCurrentIndex(combo.findData(first.id))
    combo.activated.emit(combo.currentIndex())
    assert w.session.profile.id == first.id

    w.home.dialogs.confirms = [False]
    qtbot.mouseClick(w.home.delete_button, Qt.MouseButton.LeftButton)
    assert store.get_profile(first.id) is not None  # said no: nothing deleted
    w.home.dialogs.confirms = [True]
    qtbot.mouseClick(w.home.delete_button, Qt.MouseButton.LeftButton)
    assert store.get_profile(first.id) is None
    assert w.session.profile.name == "Wang Fang"
    assert combo.count() == 1


def test_duplicate_profile_name_is_explained_not_crashed(make_window, qtbot):
    w = make_window()
    w.home.dialogs.texts = [w.session.profile.name.upper()]
    qtbot.mouseClick(w.home.new_button, Qt.MouseButton.LeftButton)
    kind, _title, text = w.home.dialogs.shown[-1]
    assert kind == "error" and "already a profile" in text


def test_deleting_the_last_profile_leaves_a_fresh_one(make_window, qtbot, store):
    w = make_window()
    w.home.dialogs.confirms = [True]
    w.home.delete_profile()
    assert len(store.list_profiles()) == 1
    assert w.home.profile_combo.count() == 1


def test_every_button_has_an_accessible_name_or_text(make_window):
    from PySide6.QtWidgets import QAbstractButton, QComboBox, QLineEdit, QSlider

    from desktop.knowledge import load_knowledge

    w = make_window()
    w.install_knowledge(load_knowledge())  # builds every page
    for widget in (
        w.findChildren(QAbstractButton) + w.findChildren(QComboBox) + w.findChildren(QSlider)
    ):
        if widget.objectName().startswith("qt_"):  # Qt's own (e.g. the menu bar overflow)
            continue
        if isinstance(widget.parentWidget(), QLineEdit):  # Qt's clear button in a field
            continue
        name = widget.accessibleName() or getattr(widget, "text", lambda: "")()
        assert name, f"{type(widget).__name__} {widget.objectName()} has no accessible name"


def test_content_pages_arrive_after_knowledge_and_home_shows_the_plan(make_window, qtbot):
    from desktop.knowledge import load_knowledge

    w = make_window("zh")
    assert "正在准备" in w.home.plan_text.text()
    w.install_knowledge(load_knowledge())
    assert type(w.pages["guide"]).__name__ == "GuidePage"
    assert w.stack.widget(2) is w.pages["guide"]
    # A changed answer reaches Home at once: red flags first.
    w.session.set_answer("destination", "japan")
    w.session.set_answer("deposit_requested", "yes")
    html = w.home.plan_view.toHtml()
    assert "押金" in html and w.home.plan_view.isVisibleTo(w.home)
    # A "read more" link opens the Guide on that topic.
    topic = w.session.plan().red_flags[0].topic
    w.home.openTopic.emit(topic)
    assert w.current_page() == "guide"
    assert w.pages["guide"].topic_view.title.text()


def test_content_language_follows_the_interface_language(make_window, qtbot):
    from desktop.knowledge import load_knowledge

    w = make_window("en")
    w.install_knowledge(load_knowledge())
    w.session.set_answer("deposit_requested", "yes")
    assert "deposit" in w.home.plan_view.toPlainText().lower()
    combo = w.settings.language_combo
    combo.setCurrentIndex(combo.findData("zh"))
    combo.activated.emit(combo.currentIndex())
    assert "押金" in w.home.plan_view.toPlainText()
    assert w.pages["guide"].language == "zh"


# -- a light start: pages built when first needed ---------------------------------------


def test_only_home_is_built_before_a_page_is_opened(make_window, qtbot):
    """The window starts with Home; Settings and the content pages are built on first show."""
    w = make_window()
    assert type(w.pages["home"]).__name__ == "HomePage"
    for key in ("questionnaire", "guide", "checklist", "notes", "settings"):
        assert type(w.pages[key]).__name__ == "QWidget", key  # an empty stand-in
    assert w.home._plan_view is None  # no plan yet: no rich-text view either
    w.show_page("settings")
    assert type(w.pages["settings"]).__name__ == "SettingsPage"
    assert w.stack.currentWidget() is w.pages["settings"] is w.settings
    assert w.settings.size_slider.value() == 100
    assert w.transfer.isVisibleTo(w.settings)  # export/import of profiles is there too
    w.show_page("notes")  # the person's own notes need no content
    assert type(w.pages["notes"]).__name__ == "NotesPage"


def test_a_content_page_opened_early_says_it_is_being_prepared(make_window, qtbot):
    from desktop.knowledge import load_knowledge

    w = make_window("en")
    w.show_page("guide")
    assert type(w.pages["guide"]).__name__ == "PagePlaceholder"
    assert w.pages["guide"].heading.accessibleName() == "Guide"
    assert "being prepared" in w.pages["guide"].text.text()
    w.install_knowledge(load_knowledge(), build_pages=False)
    # The page on screen is replaced at once; the others wait until they are opened.
    assert type(w.pages["guide"]).__name__ == "GuidePage"
    assert w.stack.currentWidget() is w.pages["guide"] and w.current_page() == "guide"
    assert w.pages["guide"].language == "en"
    assert type(w.pages["questionnaire"]).__name__ == "QWidget"
    assert type(w.pages["checklist"]).__name__ == "QWidget"
    w.show_page("checklist")
    assert type(w.pages["checklist"]).__name__ == "ChecklistPage"


def test_links_build_the_page_they_lead_to(make_window, qtbot):
    from desktop.knowledge import load_knowledge

    w = make_window("en")
    w.install_knowledge(load_knowledge(), build_pages=False)
    topic = w.session.knowledge.catalog.sections[0].topics[0].id
    w.show_topic(topic)
    assert w.current_page() == "guide"
    assert w.pages["guide"].topic_view.title.text()
    w.open_link("question", "destination")
    assert w.current_page() == "questionnaire"
    assert type(w.pages["questionnaire"]).__name__ == "QuestionnairePage"


def test_text_size_shortcut_before_settings_is_built(make_window, qtbot):
    w = make_window()
    show_active(w, qtbot)
    qtbot.keyClick(w, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.font().pointSizeF() == pytest.approx(11.0 * 1.1)
    assert type(w.pages["settings"]).__name__ == "QWidget"  # still not built
    w.show_page("settings")
    assert w.settings.size_slider.value() == 110 and w.settings.size_value.text() == "110%"


def test_new_profile_shortcut_uses_the_standard_keys(make_window):
    from PySide6.QtGui import QKeySequence

    w = make_window()
    assert not w.page_actions, "actions are added after the first paint"
    w.ensure_actions()
    assert w.act_new_profile.shortcuts() == QKeySequence.keyBindings(QKeySequence.StandardKey.New)
    assert w.act_rename_profile.shortcut().toString() == "F2"


def test_first_paint_is_signalled_once(make_window, qtbot):
    w = make_window()
    with qtbot.waitSignal(w.firstPainted, timeout=5000):
        w.show()
    emitted = []
    w.firstPainted.connect(lambda: emitted.append(True))
    w.update()
    qtbot.wait(50)
    assert emitted == []


def test_menus_get_their_actions_right_after_the_first_paint(make_window, qtbot):
    w = make_window()
    assert [a.text() for a in w.menuBar().actions()] == ["&Profile", "&View", "&Go"]
    assert w.go_menu.actions() == []
    with qtbot.waitSignal(w.firstPainted, timeout=5000):
        w.show()
    qtbot.waitUntil(lambda: len(w.go_menu.actions()) == 6, timeout=2000)
    assert [a.shortcut().toString() for a in w.go_menu.actions()] == [
        f"Ctrl+{n}" for n in range(1, 7)
    ]
    assert w.act_quit.text() == "&Quit" and w.act_quit in w.profile_menu.actions()


def test_the_application_runs_in_the_fusion_style():
    """Chosen with Qt's -style option (see PassageApp); the style sheet sits on top of it."""
    import os
    import subprocess
    import sys

    from tests.conftest import REPO

    code = (
        "from desktop.ui.app import PassageApp\n"
        "app = PassageApp(['passage'])\n"
        "app.setStyleSheet('')\n"  # the style beneath the sheet
        "print(app.style().name())\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env=dict(os.environ, QT_QPA_PLATFORM="offscreen"),
        cwd=REPO,
        timeout=60,
    )
    assert result.stdout.strip() == "fusion", result.stderr


def test_enum_numbers_set_without_the_qt_namespace_are_qts():
    from desktop.ui import widgets

    assert Qt.TextInteractionFlag.TextSelectableByMouse.value == widgets.TEXT_SELECTABLE_BY_MOUSE
    assert (
        Qt.TextInteractionFlag.TextSelectableByKeyboard.value == widgets.TEXT_SELECTABLE_BY_KEYBOARD
    )
    assert Qt.ScrollBarPolicy.ScrollBarAlwaysOff.value == widgets.SCROLL_BAR_ALWAYS_OFF


def test_widgets_get_the_qt_values_the_numbers_stand_for(make_window, qapp):
    from desktop.ui.browser import AutoHeightBrowser
    from desktop.ui.widgets import Heading, Paragraph, set_enum_property

    w = make_window()
    assert w.nav.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff
    assert w.home.data_path.textInteractionFlags() == (
        Qt.TextInteractionFlag.TextSelectableByMouse
        | Qt.TextInteractionFlag.TextSelectableByKeyboard
    )
    assert Paragraph("x").textInteractionFlags() == Qt.TextInteractionFlag.TextSelectableByMouse
    browser = AutoHeightBrowser()
    assert browser.verticalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff
    assert browser.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff
    heading = Heading("Tom & <Jerry>")
    assert heading.textFormat() == Qt.TextFormat.AutoText
    assert "Tom &amp; &lt;Jerry&gt;" in heading.text()
    assert heading.accessibleName() == "Tom & <Jerry>"
    with pytest.raises(ValueError):
        set_enum_property(heading, "textInteractionFlag", 1)  # a typo must not pass


def test_home_buttons_keep_their_width_on_the_left(make_window, qtbot):
    w = make_window()
    w.show()
    qtbot.waitExposed(w)
    for button in (w.home.start_button, w.home.open_folder_button):
        assert button.width() == button.sizeHint().width()
        assert button.x() < w.home.width() // 4


START_UP_CHILD = """
import json, runpy, sys

def report():
    import PySide6.QtCore as core, PySide6.QtWidgets as widgets
    print("at first paint: " + json.dumps({
        # PySide makes a module's Python types when they are first used; these two show
        # the Qt namespace (~120 enums) and a search through every Qt class.
        "qt_namespace": "Qt" in vars(core),
        "all_widget_types": "QWizard" in vars(widgets),
    }), flush=True)

from desktop.ui import main_window

show = main_window.MainWindow.show

def show_and_watch(self):
    self.firstPainted.connect(report)
    show(self)

main_window.MainWindow.show = show_and_watch
sys.argv = ["passage", *sys.argv[1:]]
runpy.run_module("desktop", run_name="__main__", alter_sys=True)
"""


def test_the_first_paint_needs_no_qt_namespace_and_no_type_search(tmp_path):
    """What costs 20-40 ms each before the first paint stays out of it (see main_window)."""
    import json
    import os
    import subprocess
    import sys

    from desktop.store import open_store
    from tests.conftest import REPO

    data_dir = tmp_path / "data"
    store, _report = open_store(data_dir)
    store.create_profile("王小明")
    store.close()
    result = subprocess.run(
        [sys.executable, "-c", START_UP_CHILD, "--data-dir", str(data_dir), "--self-test"],
        capture_output=True,
        text=True,
        env=dict(os.environ, QT_QPA_PLATFORM="offscreen"),
        cwd=REPO,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    line = next(x for x in result.stdout.splitlines() if x.startswith("at first paint: "))
    found = json.loads(line.removeprefix("at first paint: "))
    assert found == {"qt_namespace": False, "all_widget_types": False}


def test_the_window_icon_is_set_after_the_first_paint(qapp):
    """run_gui calls set_window_icon once the window has painted (start-up time)."""
    qapp.set_window_icon()
    icon = qapp.windowIcon()
    assert not icon.isNull()
    assert not icon.pixmap(32, 32).isNull()
