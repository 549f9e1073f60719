"""Starting the GUI: the application object, the store, the window, and what can go wrong.

The order of a start, and why:

1. The application, the store (checked for damage, never deferred) and the Home page:
   all the window needs to paint its first frame. Everything else waits, because a
   person on an old PC is looking at an empty screen until that frame is there.
2. Right after the first paint: the content (the Guide, the questionnaire, the rules)
   is loaded and Home shows the plan. The other pages are built when first opened.
3. Then the rolling backup of the data file, which ``open_store`` was asked to leave
   for later (``take_deferred_backup``). It runs before the person can change anything,
   and also when the window is closed before it ran.
"""

from __future__ import annotations

import sys
import time
from typing import NamedTuple

# The Qt-free modules and the session first (see the note on import order in session.py).
from desktop import APP_NAME, __version__
from desktop.paths import DataLocation
from desktop.resources import resource_path
from desktop.store import StoreError, open_store
from desktop.store.opening import take_deferred_backup
from desktop.ui.session import TEXT_SCALE_MAX, TEXT_SCALE_MIN

# isort: split
from PySide6.QtCore import (
    QCoreApplication,
    QMessageLogContext,
    QTimer,
    QtMsgType,
    qInstallMessageHandler,
)
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from desktop.i18n import Translators, normalise, system_language

# Simplified Chinese faces first: with a generic family Qt may pick the Japanese variant
# of the CJK font, whose glyph shapes are wrong for Chinese readers (PLATFORM-NOTES).
# Passage's own subset of Noto Sans CJK SC leads (see desktop.fonts): the same glyphs as
# the system's full font, for a fraction of the memory and start-up time.
UI_FONT_FAMILIES = (
    "Passage Sans SC",
    "Noto Sans CJK SC",
    "Microsoft YaHei UI",
    "Microsoft YaHei",
    "PingFang SC",
    "Source Han Sans SC",
    "WenQuanYi Micro Hei",
)
BASE_POINT_SIZE = 11.0  # 100 %: larger than most desktop defaults, for readability


# Harmless messages from Qt's own platform plugins that would only alarm a person (or
# fail a smoke test that treats every warning on stderr as a problem).
_QUIET_QT_MESSAGES = ("This plugin does not support propagateSizeHints",)
_previous_handler = None


def _qt_message_handler(mode: QtMsgType, context: QMessageLogContext, message: str) -> None:
    if any(message.startswith(m) for m in _QUIET_QT_MESSAGES):
        return
    if _previous_handler is not None:
        _previous_handler(mode, context, message)
    else:
        print(message, file=sys.stderr)


class PassageApp(QApplication):
    def __init__(self, argv: list[str]) -> None:
        global _previous_handler
        _previous_handler = qInstallMessageHandler(_qt_message_handler)
        # Fusion looks the same on Windows, macOS and Linux, so screenshots in the
        # help and what a counsellor sees on another machine match. It is chosen with
        # Qt's own "-style" option rather than setStyle("Fusion"): setStyle returns the
        # style to Python, and PySide then builds the Python types of QStyle's big
        # enums, about 15 ms before the first paint for nothing.
        program = list(argv[:1]) or ["passage"]
        super().__init__([*program, "-style", "Fusion", *argv[1:]])
        self.setApplicationName(APP_NAME)
        self.setApplicationVersion(__version__)
        self.translators = Translators(self)
        self.text_scale = 0  # no size applied yet
        self.setDesktopFileName("passage")
        # Passage's Simplified Chinese font (resources/fonts, made at set-up or build
        # time) must be known before the font families are chosen below.
        from desktop.fonts import load_bundled_fonts

        load_bundled_fonts()
        self._style_sheet = (
            resource_path("style", "passage.qss")
            .read_text(encoding="utf-8")
            .replace("@ICONS@", resource_path("icons").as_posix())
        )
        families = set(QFontDatabase.families())
        self._families = [f for f in UI_FONT_FAMILIES if f in families] + [self.font().family()]
        self.apply_text_scale(TEXT_SCALE_MIN)

    def set_window_icon(self) -> None:
        """Passage's icon on every window. Called once the main window has painted: the
        SVG icon engine and Qt's scan of its image plugins (about 5 ms and 1 MiB) then
        come after the first frame; the icon appears a moment later."""
        from PySide6.QtGui import QIcon

        self.setWindowIcon(QIcon(str(resource_path("icons", "passage.svg"))))

    def apply_language(self, lang: str) -> None:
        self.translators.install(lang)

    def apply_text_scale(self, percent: int) -> None:
        """Scale every widget's text: the app font is the one all widgets inherit.

        Setting the size it already has does nothing (a start with the saved size
        100 % would otherwise apply the style sheet twice).
        """
        percent = min(TEXT_SCALE_MAX, max(TEXT_SCALE_MIN, int(percent)))
        if percent == self.text_scale:
            return
        self.text_scale = percent
        font = QFont(self.font())
        font.setFamilies(self._families)
        font.setPointSizeF(BASE_POINT_SIZE * percent / 100)
        self.setFont(font)
        # WORKAROUND: widgets polished by a style sheet keep their old font when the
        # application font changes; setting the sheet again re-polishes them all.
        self.setStyleSheet(self._style_sheet)


class GuiOptions(NamedTuple):
    location: DataLocation
    self_test: bool = False
    lang: str | None = None


def run_gui(opts: GuiOptions) -> int:
    """Run the GUI; returns the process exit code."""
    started = time.perf_counter()
    app = QApplication.instance() or PassageApp(sys.argv[:1])
    assert isinstance(app, PassageApp)
    # Until the store tells us the saved choice, speak the system's language.
    app.apply_language(normalise(opts.lang) or system_language())

    from desktop.ui.dialogs import Dialogs
    from desktop.ui.messages import recovery_report, store_error

    interactive = not opts.self_test
    try:
        store, report = open_store(opts.location.path, defer_backup=True)
    except StoreError as exc:
        Dialogs(interactive=interactive).error(
            QCoreApplication.translate("Messages", "Passage cannot open your data"),
            store_error(exc),
        )
        return 2

    lang = normalise(opts.lang) or normalise(store.get_setting("language")) or system_language()
    if store.get_setting("language") is None:
        store.set_setting("language", lang)
    app.apply_language(lang)
    scale = store.get_setting("text_scale", TEXT_SCALE_MIN)
    app.apply_text_scale(scale if isinstance(scale, int) else TEXT_SCALE_MIN)

    from desktop.ui.main_window import MainWindow
    from desktop.ui.session import Session

    session = Session(
        store,
        opts.location,
        report,
        default_profile_name=QCoreApplication.translate("HomePage", "My plan"),
    )

    def set_language(code: str) -> None:
        store.set_setting("language", code)
        app.apply_language(code)

    def set_text_scale(percent: int) -> None:
        store.set_setting("text_scale", percent)
        app.apply_text_scale(percent)

    window = MainWindow(
        session,
        language=lang,
        text_scale=app.text_scale,
        set_language=set_language,
        set_text_scale=set_text_scale,
        interactive=interactive,
    )
    message = recovery_report(report)
    if message:
        QTimer.singleShot(
            0,
            lambda: window.dialogs.inform(
                QCoreApplication.translate("Messages", "Your data was recovered"), message
            ),
        )
    timings: dict[str, float] = {}
    backup = {"report": report}

    def take_backup() -> None:
        """The backup open_store left for after the first paint (see the module doc)."""
        backup["report"] = take_deferred_backup(store, backup["report"])

    def load_content() -> None:
        """After the first paint: load and check the content, then the backup."""
        from desktop.content.errors import ContentError
        from desktop.knowledge import load_knowledge

        # Queued first, so it runs right after this, whatever happens to the content.
        QTimer.singleShot(0, take_backup)
        try:
            knowledge = load_knowledge()
        except ContentError as exc:
            window.dialogs.error(
                QCoreApplication.translate("Messages", "Passage's content could not be loaded"),
                QCoreApplication.translate(
                    "Messages",
                    "The Guide and the questionnaire are not available because these files "
                    "have problems. Your own data is safe.",
                )
                + "\n\n"
                + str(exc),
            )
            if opts.self_test:
                app.exit(1)
            return
        window.install_knowledge(knowledge, build_pages=False)
        timings["content"] = time.perf_counter() - started
        if opts.self_test:
            from desktop.pyside import BOOT

            support = BOOT.compiled + BOOT.from_cache
            print(
                f"self-test ok: first paint after {timings['paint']:.3f} s, content ready "
                f"after {timings['content']:.3f} s (data: {opts.location.path}; PySide6 "
                f"support code: {BOOT.from_cache} of {support} modules from the cache)"
            )
            QTimer.singleShot(0, app.quit)

    # The moment the first paint begins, as the bare yardsticks measure it (their Paint
    # event); the queued work below runs once that frame is on screen.
    window.firstPainted.connect(lambda: timings.setdefault("paint", time.perf_counter() - started))
    window.firstPainted.connect(lambda: QTimer.singleShot(0, app.set_window_icon))
    window.firstPainted.connect(lambda: QTimer.singleShot(0, load_content))
    if opts.self_test:
        QTimer.singleShot(
            20_000, lambda: (print("self-test failed: no paint", file=sys.stderr), app.exit(1))
        )
    window.show()
    code = app.exec()
    take_backup()  # closed before it ran: every start still leaves its backup
    store.close()
    return code
