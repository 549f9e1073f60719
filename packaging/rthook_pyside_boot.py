"""PyInstaller runtime hook: import PySide6 through ``desktop.pyside`` before anything else.

PyInstaller's own PySide6 hook imports ``PySide6.QtCore`` before the program's code
runs (to register a ``qt.conf``). Without this hook, that plain import would come first,
and ``desktop.pyside`` would find PySide6 already loaded and save nothing. Custom
runtime hooks run before PyInstaller's, so this one makes the first import of PySide6
the fast one: the support code compiled by ``packaging/build.py`` is read from the
bundle (``desktop/pyside_boot.py``). Importing QtCore is all that happens here; the
paths PyInstaller's hook sets up are read by Qt later, when the application starts.
"""

import desktop.pyside  # noqa: F401
