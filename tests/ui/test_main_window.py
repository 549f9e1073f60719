"""The main window: pages, navigation by keyboard, language switch, text size, profiles."""

from __future__ import annotations

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
    from PySide6.QtWidgets import QAbstractButton, QComboBox, QSlider

    w = make_window()
    for widget in (
        w.findChildren(QAbstractButton) + w.findChildren(QComboBox) + w.findChildren(QSlider)
    ):
        if widget.objectName().startswith("qt_"):  # Qt's own (e.g. the menu bar overflow)
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
