"""GUI fixtures: a real store in a temporary folder and the real main window."""

from __future__ import annotations

import pytest

from desktop.paths import DataLocation


class ScriptedDialogs:
    """Answers the window's questions from a script, as a person would."""

    def __init__(self):
        self.texts: list[str | None] = []
        self.confirms: list[bool] = []
        self.shown: list[tuple[str, str, str]] = []
        self.save_paths: list[str | None] = []
        self.open_paths: list[str | None] = []

    def ask_save_path(self, title, suggested, filters):
        return self.save_paths.pop(0)

    def ask_open_path(self, title, filters):
        return self.open_paths.pop(0)

    def ask_text(self, title, label, text=""):
        return self.texts.pop(0)

    def confirm(self, title, text, *, destructive=False):
        self.shown.append(("confirm", title, text))
        return self.confirms.pop(0)

    def inform(self, title, text):
        self.shown.append(("inform", title, text))

    def error(self, title, text):
        self.shown.append(("error", title, text))


@pytest.fixture
def store(data_dir):
    from desktop.store import open_store

    st, _report = open_store(data_dir)
    yield st
    st.close()


@pytest.fixture
def make_window(qapp, qtbot, store, data_dir):
    """Build the main window the way run_gui does, with scripted dialogs."""
    from desktop.ui.main_window import MainWindow
    from desktop.ui.session import Session

    made = []

    def make(language="en", text_scale=100):
        qapp.apply_language(language)
        qapp.apply_text_scale(text_scale)
        session = Session(store, DataLocation(data_dir, "option"), None)

        def set_language(code):
            store.set_setting("language", code)
            qapp.apply_language(code)

        def set_text_scale(percent):
            store.set_setting("text_scale", percent)
            qapp.apply_text_scale(percent)

        window = MainWindow(
            session,
            language=language,
            text_scale=text_scale,
            set_language=set_language,
            set_text_scale=set_text_scale,
        )
        dialogs = ScriptedDialogs()
        window.dialogs = dialogs
        window.home.dialogs = dialogs
        qtbot.addWidget(window)
        made.append(window)
        return window

    yield make
    qapp.apply_language("en")
    qapp.apply_text_scale(100)
    # Deliver the posted LanguageChange/FontChange events while the store is still open.
    qapp.processEvents()
    from PySide6.QtCore import QEvent

    # Delete the windows now: a later test's language switch must not reach pages
    # whose store is already closed.
    for window in made:
        window.close()
        window.deleteLater()
    qapp.sendPostedEvents(None, QEvent.Type.DeferredDelete)
