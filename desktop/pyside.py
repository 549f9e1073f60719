"""PySide6, imported the way Passage needs it: import this before any ``PySide6`` module.

PySide6 itself is imported by :mod:`desktop.pyside_boot`, which saves a third of that
import (its support code compiled from a cache, its rarely used regexes compiled when
first used). Then one more cost is turned off here:

Importing PySide6 replaces ``__import__``. From then on, for every module imported
after it, PySide6 reads the module's whole source (``inspect.getsource``) to see
whether it mentions "PySide6": bookkeeping for its opt-in ``from __feature__ import
snake_case`` syntax, which Passage never uses. That costs 0.1-0.7 ms per module (about
15 ms for the modules a start imports) and keeps every source file read in
``linecache``: 2 MiB by the time the content is loaded (napari issue #8584 measured
the same tax).

Passage answers the question without reading: no module of ours selects a feature, so
every module is recorded as "ignore" (-1). That is also what PySide6 records by itself
for every module of the standalone program, whose modules have no source to read, so
the built program has always run this way. If a later PySide6 moves the hook, this does
nothing and the import is merely slower (``tests/test_pyside_import.py`` says so).
"""

from __future__ import annotations

import sys
from types import ModuleType

from desktop.pyside_boot import BootReport, default_cache_path, import_pyside

# Imports PySide6.QtCore, which installs the import hook changed below.
BOOT: BootReport = import_pyside(default_cache_path())


def _never_reads_source(module: ModuleType) -> bool:
    return False


def skip_feature_scan() -> bool:
    """Stop PySide6 reading the source of each imported module; True if it was found."""
    feature = sys.modules.get("PySide6.support.feature")
    if feature is None or not callable(getattr(feature, "_mod_uses_pyside", None)):
        return False
    feature._mod_uses_pyside = _never_reads_source
    # What PySide6 read while importing itself (typing, enum...: 0.2 MiB) is dropped
    # too: linecache only serves tracebacks, and reads a file again when one needs it.
    import linecache

    linecache.clearcache()
    return True


skip_feature_scan()
