"""Importing PySide6 without two costs its own start-up pays every time.

About a third of ``import PySide6.QtCore`` (50 ms of 150 on this project's machine) is
spent on Python code that ships inside shiboken6's library, not on Qt:

1. **Compiling its support package from source.** shiboken6 carries
   ``shibokensupport`` (signatures, ``__feature__``, the ``.pyi`` generator: 14 files,
   130 kB) as source text inside ``libshiboken6`` and compiles it on every start, because
   one wheel serves every Python version (about 30 ms). Passage keeps the compiled code
   in a cache file and hands it back while the source is byte for byte the same.
2. **Regular expressions compiled at import and used rarely or never.** Three very
   large patterns (nested-bracket matchers for parsing signatures and writing ``.pyi``
   files) cost about 25 ms to compile. The signature parser's one is needed only when a
   signature is read (an error message about wrong arguments, ``help()``); in 6.11.3 the
   ``.pyi`` generator's two are never used at run time. They are compiled when first
   used instead.

Both changes last only while PySide6 imports, touch only calls made by
``shibokensupport`` and fall back to PySide6's own behaviour on any surprise: a missing,
unreadable, damaged or foreign cache file, a changed source, another Python. A PySide6
update that renames the package makes them do nothing (``tests/test_pyside_import.py``
then fails, so the lost time is noticed).

The cache is ``pyside-support.<python tag>.marshal``: beside Passage's own bytecode
(``desktop/__pycache__``), written like Python writes ``.pyc`` files (not when they are
not written, not when the folder is read-only); in the standalone program, in its
``_internal`` folder, made by ``packaging/build.py`` and never written at run time. It
holds code objects, as a ``.pyc`` does, so it gets the trust a ``.pyc`` gets: it lives
with the program's code, not with the person's data.
"""

from __future__ import annotations

import builtins
import contextlib
import marshal
import os
import re
import sys
from types import CodeType
from typing import Any, NamedTuple

SUPPORT_PACKAGE = "shibokensupport"
CACHE_NAME = f"pyside-support.{sys.implementation.cache_tag}.marshal"
# The code objects inside are only valid for this exact interpreter.
_HEADER = b"passage-pyside-support 1\0" + sys.version.encode("utf-8", "replace") + b"\0"
# Only very large patterns are worth deferring (PySide6 6.11.3's three are over 6,000
# characters, about 9 ms each); a small one stays an ordinary compiled pattern.
_DEFER_PATTERNS_FROM = 1000
_PATTERN_METHODS = frozenset(
    ("search", "match", "fullmatch", "split", "findall", "finditer", "sub", "subn", "scanner")
)


class BootReport(NamedTuple):
    """What :func:`import_pyside` did (for tests and ``./dev bench``)."""

    compiled: int  # support modules compiled from source
    from_cache: int  # support modules whose code came from the cache
    deferred_patterns: int  # regular expressions left to compile when first used
    cache_written: bool


def default_cache_path() -> str | None:
    """Where the cache lives: beside Passage's bytecode, or in the standalone program."""
    if getattr(sys, "frozen", False):
        base = getattr(sys, "_MEIPASS", None)
        return os.path.join(base, CACHE_NAME) if base else None
    return os.path.join(os.path.dirname(os.path.abspath(__file__)), "__pycache__", CACHE_NAME)


def read_cache(path: str | None) -> dict[str, tuple[bytes, CodeType]]:
    """The cache's entries (file name -> (source, code)); empty on any problem at all."""
    if not path:
        return {}
    try:
        with open(path, "rb") as fh:
            data = fh.read()
        if not data.startswith(_HEADER):
            return {}
        entries = marshal.loads(data[len(_HEADER) :])
    except Exception:  # unreadable, damaged, from another Python: compile as PySide6 does
        return {}
    if not isinstance(entries, dict):
        return {}
    return {
        name: entry
        for name, entry in entries.items()
        if isinstance(name, str)
        and isinstance(entry, tuple)
        and len(entry) == 2
        and isinstance(entry[0], bytes)
        and isinstance(entry[1], CodeType)
    }


def write_cache(path: str, entries: dict[str, tuple[bytes, CodeType]]) -> bool:
    """Replace the cache file in one step; False if it cannot be written (no harm done)."""
    tmp = f"{path}.{os.getpid()}.tmp"
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(tmp, "wb") as fh:
            fh.write(_HEADER + marshal.dumps(entries))
        os.replace(tmp, path)
    except (OSError, ValueError):
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        return False
    return True


class _DeferredMethod:
    """A pattern's method, bound before the pattern exists. Not a function, so keeping
    it as a class attribute (``split = brace_searcher.split``) does not make it a method
    of that class."""

    __slots__ = ("_name", "_pattern")

    def __init__(self, pattern: _DeferredPattern, name: str) -> None:
        self._pattern = pattern
        self._name = name

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return getattr(self._pattern.compiled(), self._name)(*args, **kwargs)


class _DeferredPattern:
    """Stands in for ``re.compile(pattern, flags)`` and compiles it at first use."""

    __slots__ = ("_args", "_compiled")

    def __init__(self, pattern: str | bytes, flags: int) -> None:
        self._args = (pattern, flags)
        self._compiled: re.Pattern | None = None

    def compiled(self) -> re.Pattern:
        if self._compiled is None:
            self._compiled = re.compile(*self._args)
        return self._compiled

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):  # e.g. the ABC machinery asking for __isabstractmethod__
            raise AttributeError(name)
        if name in _PATTERN_METHODS:
            return _DeferredMethod(self, name)
        return getattr(self.compiled(), name)

    def __repr__(self) -> str:
        return f"<deferred re.compile({self._args[0][:40]!r}...)>"


def _from_support_package(depth: int = 2) -> bool:
    caller = sys._getframe(depth).f_globals.get("__name__", "")
    return isinstance(caller, str) and caller.partition(".")[0] == SUPPORT_PACKAGE


def import_pyside(cache_path: str | None, *, write: bool | None = None) -> BootReport:
    """Import ``PySide6.QtCore`` with the support code cached and its regexes deferred.

    ``write``: whether a changed cache may be written (default: not in the standalone
    program, and not when Python itself is told not to write bytecode)."""
    if write is None:
        write = not getattr(sys, "frozen", False) and not sys.dont_write_bytecode
    cached = read_cache(cache_path)
    used: dict[str, tuple[bytes, CodeType]] = {}
    counts = {"compiled": 0, "from_cache": 0, "deferred": 0}
    real_compile = builtins.compile
    real_re_compile = re.compile

    def compile_support(source: Any, filename: Any, mode: str, *args: Any, **kwargs: Any) -> Any:
        if (
            args
            or kwargs
            or mode != "exec"
            or not isinstance(source, bytes)
            or not isinstance(filename, str)
            or not filename.startswith(SUPPORT_PACKAGE + "/")
        ):
            return real_compile(source, filename, mode, *args, **kwargs)
        hit = cached.get(filename)
        if hit is not None and hit[0] == source:
            counts["from_cache"] += 1
            code = hit[1]
        else:
            counts["compiled"] += 1
            code = real_compile(source, filename, mode)
        used[filename] = (source, code)
        return code

    def compile_when_used(pattern: Any, flags: Any = 0) -> Any:
        if (
            isinstance(pattern, (str, bytes))
            and len(pattern) >= _DEFER_PATTERNS_FROM
            and _from_support_package()
        ):
            counts["deferred"] += 1
            return _DeferredPattern(pattern, flags)
        return real_re_compile(pattern, flags)

    builtins.compile = compile_support
    re.compile = compile_when_used
    try:
        import PySide6.QtCore  # noqa: F401
    finally:
        builtins.compile = real_compile
        re.compile = real_re_compile
    written = False
    if write and cache_path and counts["compiled"]:
        written = write_cache(cache_path, used)
    return BootReport(counts["compiled"], counts["from_cache"], counts["deferred"], written)
