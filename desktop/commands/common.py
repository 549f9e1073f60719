"""What every headless command needs: the language, translated messages, plain errors."""

from __future__ import annotations

import argparse
import sys


class _LazyQCoreApplication:
    """``QCoreApplication.translate`` without importing Qt until a message is needed.

    The command modules are imported to declare their options, also for ``passage
    --version`` and for the GUI's start; Qt loads only when a message is translated.
    lupdate still sees the literal ``QCoreApplication.translate("Context", "...")``.
    """

    @staticmethod
    def translate(context: str, text: str) -> str:
        import desktop.pyside  # noqa: F401

        # isort: split
        from PySide6.QtCore import QCoreApplication as _Real

        return _Real.translate(context, text)


QCoreApplication = _LazyQCoreApplication


def language(args: argparse.Namespace) -> str:
    from desktop.i18n import normalise, system_language

    return normalise(getattr(args, "lang", None)) or system_language()


def install_translator(lang: str) -> None:
    """Let QCoreApplication.translate speak the person's language without a GUI."""
    import desktop.pyside  # noqa: F401

    # isort: split
    from PySide6.QtCore import QCoreApplication

    from desktop.i18n import Translators

    app = QCoreApplication.instance() or QCoreApplication(sys.argv[:1])
    if not hasattr(app, "_passage_translators"):
        app._passage_translators = Translators(app)  # type: ignore[attr-defined]
    app._passage_translators.install(lang)  # type: ignore[attr-defined]


def fail(message: str, code: int = 2) -> int:
    """Print one plain message for a problem the person can fix; no traceback."""
    print(f"passage: {message}", file=sys.stderr)
    return code
