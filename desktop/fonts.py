"""Fonts Passage carries itself: its Simplified Chinese UI and print font.

``resources/fonts/`` holds a subset of Noto Sans CJK SC named "Passage Sans SC", made
by ``tools/make_font_subset.py`` (at set-up in a checkout, at build time for the
standalone program). It is Passage's first font family, on screen and on paper:

- a Linux machine without a CJK font would otherwise show Chinese as empty boxes;
- where the system has the full Noto Sans CJK (a 20 MB collection per weight), the
  subset still wins: the first paint needs about 10 MiB less memory and less time
  (issue 8), with the same glyphs. A character outside it (a rare one in a name, say)
  falls back to the next family, the system's CJK font.

In an installation without that folder this module does nothing and the system's fonts
are used.

Call :func:`load_bundled_fonts` once a QGuiApplication exists (Qt's font database needs
one), before the first text is laid out: in ``PassageApp`` and wherever the PDF renderer
creates its own application. Calling it again is cheap and registers nothing twice.
"""

from __future__ import annotations

from pathlib import Path

import desktop.pyside  # noqa: F401  (first: see its docstring)

# isort: split
from PySide6.QtGui import QFontDatabase, QGuiApplication

from desktop.resources import ResourcesNotFound, resources_dir

FONT_SUFFIXES = (".otf", ".ttf", ".ttc")

# Font file -> Qt's id for it, so a second call does not register the file again.
_registered: dict[Path, int] = {}


def fonts_dir() -> Path | None:
    """``resources/fonts`` of this installation, or None when Passage ships no fonts."""
    try:
        folder = resources_dir() / "fonts"
    except ResourcesNotFound:
        return None
    return folder if folder.is_dir() else None


def load_bundled_fonts(folder: Path | None = None) -> list[str]:
    """Register the shipped fonts with Qt and return their family names (sorted, unique).

    ``folder`` defaults to ``resources/fonts``; when it is absent the result is ``[]``.
    A file Qt cannot read is skipped: a damaged font must not stop the program, which
    then falls back to the system's fonts.
    """
    if QGuiApplication.instance() is None:
        raise RuntimeError("load_bundled_fonts() needs a QGuiApplication first")
    folder = folder if folder is not None else fonts_dir()
    if folder is None or not folder.is_dir():
        return []
    families: set[str] = set()
    for path in sorted(folder.iterdir()):
        if path.suffix.lower() not in FONT_SUFFIXES or not path.is_file():
            continue
        key = path.resolve()
        font_id = _registered.get(key, -1)
        # An id from an application object that has since been destroyed is stale:
        # Qt then reports no families for it, and the file is registered again.
        names = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
        if not names:
            font_id = QFontDatabase.addApplicationFont(str(key))
            if font_id < 0:
                continue
            _registered[key] = font_id
            names = QFontDatabase.applicationFontFamilies(font_id)
        families.update(names)
    return sorted(families)
