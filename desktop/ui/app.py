"""Starting the GUI: the application object, the store, the window, and what can go wrong."""

from __future__ import annotations

import sys
import time
from dataclasses import dataclass

from PySide6.QtCore import (
    QCoreApplication,
    QMessageLogContext,
    QTimer,
    QtMsgType,
    qInstallMessageHandler,
)
from PySide6.QtGui import QFont, QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication

from desktop import APP_NAME, __version__
from desktop.i18n import Translators, normalise, system_language
from desktop.paths import DataLocation
from desktop.resources import resource_path
from desktop.ui.session import TEXT_SCALE_MAX, TEXT_SCALE_MIN

# Simplified Chinese faces first: with a generic family Qt may pick the Japanese variant
# of the CJK font, whose glyph shapes are wrong for Chinese readers (PLATFORM-NOTES).
UI_FONT_FAMILIES = (
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
        super().__init__(argv)
        self.setApplicationName(APP_NAME)
        self.setApplicationVersion(__version__)
        self.translators = Translators(self)
        self.text_scale = TEXT_SCALE_MIN
        # Fusion looks the same on Windows, macOS and Linux, so screenshots in the
        # help and what a counsellor sees on another machine match.
        self.setStyle("Fusion")
        self.setDesktopFileName("passage")
        self.setWindowIcon(QIcon(str(resource_path("icons", "passage.svg"))))
        # A bundled Simplified Chinese font (standalone build) must be known before
        # the font families are chosen below; in a checkout this does nothing.
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

    def apply_language(self, lang: str) -> None:
        self.translators.install(lang)

    def apply_text_scale(self, percent: int) -> None:
        """Scale every widget's text: the app font is the one all widgets inherit."""
        percent = min(TEXT_SCALE_MAX, max(TEXT_SCALE_MIN, int(percent)))
        self.text_scale = percent
        font = QFont(self.font())
        font.setFamilies(self._families)
        font.setPointSizeF(BASE_POINT_SIZE * percent / 100)
        self.setFont(font)
        # WORKAROUND: widgets polished by a style sheet keep their old font when the
        # application font changes; setting the sheet again re-polishes them all.
        self.setStyleSheet(self._style_sheet)


@dataclass
class GuiOptions:
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

    from desktop.store import StoreError, open_store
    from desktop.ui.dialogs import Dialogs
    from desktop.ui.messages import recovery_report, store_error

    interactive = not opts.self_test
    try:
        store, report = open_store(opts.location.path)
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

    def load_content() -> None:
        """After the first paint: load and check the content, then build its pages."""
        from desktop.content.errors import ContentError
        from desktop.knowledge import load_knowledge

        timings["paint"] = time.perf_counter() - started
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
        window.install_knowledge(knowledge)
        timings["content"] = time.perf_counter() - started
        if opts.self_test:
            print(
                f"self-test ok: first paint after {timings['paint']:.3f} s, content ready "
                f"after {timings['content']:.3f} s (data: {opts.location.path})"
            )
            QTimer.singleShot(0, app.quit)

    window.firstPainted.connect(lambda: QTimer.singleShot(0, load_content))
    if opts.self_test:
        QTimer.singleShot(
            20_000, lambda: (print("self-test failed: no paint", file=sys.stderr), app.exit(1))
        )
    window.show()
    code = app.exec()
    store.close()
    return code
