"""Choosing and installing the language of the interface (Qt's translation system).

The interface is written in English in the code (``tr()``); Simplified Chinese comes from
``resources/translations/passage_zh_CN.qm``, compiled from the .ts source by the build.
Qt's own strings (standard dialog buttons) come from the qtbase catalogue PySide6 ships.
Content (the Guide, the plan) is bilingual data and picks its language separately.
"""

from __future__ import annotations

import desktop.pyside  # noqa: F401  (first: see its docstring)

# isort: split
from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from desktop.resources import resource_path

LANGUAGES = ("zh", "en")
DEFAULT_LANGUAGE = "zh"
_QT_LOCALE = {"zh": "zh_CN", "en": "en"}


def system_language(locale: QLocale | None = None) -> str:
    """Follow the system on first start; anything that is not English falls back to Chinese."""
    locale = locale or QLocale.system()
    return "en" if locale.language() == QLocale.Language.English else DEFAULT_LANGUAGE


def normalise(lang: str | None) -> str | None:
    if not lang:
        return None
    lang = lang.lower().replace("-", "_")
    if lang.startswith("zh"):
        return "zh"
    if lang.startswith("en"):
        return "en"
    return None


class Translators:
    """Keeps the installed translators so a language switch can remove them again."""

    def __init__(self, app: QCoreApplication) -> None:
        self._app = app
        self._installed: list[QTranslator] = []
        self.language = "en"
        self._complete = True  # the last install found every catalogue it looked for

    def install(self, lang: str) -> bool:
        """Install ``lang``; returns False if its catalogue is missing (English is shown).

        Installing the language already in place does nothing: a start installs the
        system's language, then the saved one, which is mostly the same.
        """
        if lang == self.language and self._complete:
            return True
        for tr in self._installed:
            self._app.removeTranslator(tr)
        self._installed.clear()
        self.language = lang
        self._complete = True
        if lang == "en":
            return True
        ok = True
        ours = QTranslator(self._app)
        qm = resource_path("translations", f"passage_{_QT_LOCALE[lang]}.qm")
        if ours.load(str(qm)):
            self._app.installTranslator(ours)
            self._installed.append(ours)
        else:
            ok = False
        qt = QTranslator(self._app)
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if qt.load(f"qtbase_{_QT_LOCALE[lang]}", qt_dir):
            self._app.installTranslator(qt)
            self._installed.append(qt)
        self._complete = ok
        return ok
