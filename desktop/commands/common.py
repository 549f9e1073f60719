"""What every headless command needs: the language, translated messages, plain errors."""

from __future__ import annotations

import argparse
import sys

from desktop.i18n import normalise, system_language


def language(args: argparse.Namespace) -> str:
    return normalise(getattr(args, "lang", None)) or system_language()


def install_translator(lang: str) -> None:
    """Let QCoreApplication.translate speak the person's language without a GUI."""
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
