"""desktop.pyside turns off PySide6's source scan of every imported module (start-up
time, and 2 MiB of source kept in linecache). Checked in a fresh interpreter, so that
nothing the test session imported first hides the effect."""

from __future__ import annotations

import json
import marshal
import subprocess
import sys
import textwrap

import pytest


def _run(code: str) -> str:
    done = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_the_hook_is_found_in_this_pyside6():
    # If a PySide6 update moves the hook, this fails instead of the start getting
    # slower without anyone noticing.
    out = _run(
        """
        import sys, desktop.pyside
        feature = sys.modules["PySide6.support.feature"]
        print(feature._mod_uses_pyside is desktop.pyside._never_reads_source)
        """
    )
    assert out == "True"


def test_modules_imported_after_qt_are_not_read_into_linecache():
    out = _run(
        """
        import linecache
        import desktop.ui.app  # PySide6 is loaded from here on
        from desktop.content import markdown
        from desktop.advisor import plan
        from desktop import knowledge
        print(sum("desktop" in k for k in linecache.cache))
        """
    )
    assert out == "0"


def test_without_the_change_pyside6_would_read_them():
    # The same import without desktop.pyside: shows the test above can fail.
    out = _run(
        """
        import linecache
        import PySide6.QtCore
        from desktop.content import markdown
        from desktop.advisor import plan
        from desktop import knowledge
        print(sum("desktop" in k for k in linecache.cache))
        """
    )
    assert int(out) >= 2


# -- desktop.pyside_boot: PySide6's support code from a cache, its regexes deferred ------


def _boot(cache: str) -> dict:
    """Import PySide6 through pyside_boot in a fresh interpreter; its report as a dict."""
    out = _run(
        f"""
        import json
        from desktop.pyside_boot import import_pyside
        report = import_pyside({cache!r}, write=True)
        print(json.dumps(report._asdict()))
        """
    )
    return json.loads(out.splitlines()[-1])


def test_support_code_is_compiled_once_then_served_from_the_cache(tmp_path):
    cache = str(tmp_path / "support.marshal")
    first = _boot(cache)
    # If a PySide6 update renames the support package, nothing is found: this fails
    # instead of the start getting slower without anyone noticing.
    assert first["compiled"] >= 10
    assert first["deferred_patterns"] >= 1  # the signature parser's, at least
    assert first["from_cache"] == 0
    assert first["cache_written"] is True
    second = _boot(cache)
    assert second == {
        "compiled": 0,
        "from_cache": first["compiled"],
        "deferred_patterns": first["deferred_patterns"],
        "cache_written": False,
    }


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"garbage \x00\xff" * 100,
        b"passage-pyside-support 1\0" + sys.version.encode() + b"\0" + b"\xff\x00broken",
        # A valid file of the wrong shape: a list, and a dict of wrong entries.
        b"passage-pyside-support 1\0" + sys.version.encode() + b"\0" + marshal.dumps([1, 2]),
        b"passage-pyside-support 1\0"
        + sys.version.encode()
        + b"\0"
        + marshal.dumps({"shibokensupport/__init__.py": (b"", 3), 5: (b"", b"")}),
        # Another Python's cache.
        b"passage-pyside-support 1\0" + b"3.99.0 (other)\0" + marshal.dumps({}),
    ],
    ids=["empty", "garbage", "bad-marshal", "list", "wrong-entries", "other-python"],
)
def test_a_damaged_or_foreign_cache_is_ignored_and_replaced(tmp_path, content):
    cache = tmp_path / "support.marshal"
    cache.write_bytes(content)
    report = _boot(str(cache))
    assert report["compiled"] >= 10 and report["from_cache"] == 0
    assert report["cache_written"] is True
    assert _boot(str(cache))["from_cache"] == report["compiled"]


def test_a_changed_source_is_compiled_again(tmp_path):
    from desktop.pyside_boot import read_cache, write_cache

    cache = str(tmp_path / "support.marshal")
    total = _boot(cache)["compiled"]
    entries = read_cache(cache)
    name = sorted(entries)[0]
    entries[name] = (b"# an older version of this file\n", entries[name][1])
    assert write_cache(cache, entries)
    report = _boot(cache)
    assert (report["compiled"], report["from_cache"]) == (1, total - 1)


def test_an_unwritable_cache_place_only_costs_time(tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache's folder should be")
    report = _boot(str(blocker / "support.marshal"))
    assert report["compiled"] >= 10 and report["cache_written"] is False


def test_the_standalone_program_reads_its_cache_but_never_writes_it(tmp_path):
    report = _run(
        f"""
        import sys
        sys.frozen, sys._MEIPASS = True, {str(tmp_path)!r}
        from desktop.pyside_boot import default_cache_path, import_pyside
        print(default_cache_path())
        print(import_pyside(default_cache_path()).cache_written)
        """
    ).splitlines()
    assert report[0].startswith(str(tmp_path))
    assert report[1] == "False"
    assert list(tmp_path.iterdir()) == []


# Exercises what the deferred patterns and the cached support code serve: the signature
# parser, PySide6's wrong-argument messages (which list every signature) and the .pyi
# formatter's patterns.
_USE_SUPPORT_CODE = """
import builtins, re
from PySide6.QtCore import QObject, QTimer
from shibokensupport.signature import parser
from shibokensupport.signature.lib.pyi_generator import Formatter
print(parser._parse_arglist("a, b[c, d], e=f(g, h)"))
print(Formatter.split("x[a, b[c]] y"))
print(Formatter.opt_uni_searcher.sub("U", "typing.Optional[int] and typing.Union[a, b[c]]"))
for call in (lambda: QObject().setObjectName(1), lambda: QTimer.singleShot("x", 1)):
    try:
        call()
    except TypeError as exc:
        print(" ".join(str(exc).split()))
print(builtins.compile is REAL[0], re.compile is REAL[1])
"""


def test_pyside6_behaves_the_same_after_the_fast_import(tmp_path):
    cache = str(tmp_path / "support.marshal")
    prelude = "import builtins, re\nREAL = builtins.compile, re.compile\n"
    fast = (
        prelude
        + f"from desktop.pyside_boot import import_pyside\nimport_pyside({cache!r}, write=True)\n"
    )
    plain = _run(prelude + "import PySide6.QtCore\n" + _USE_SUPPORT_CODE)
    for _ in range(2):  # compiled and cached, then from the cache
        assert _run(fast + _USE_SUPPORT_CODE) == plain
    lines = plain.splitlines()
    assert lines[0] == "['a', 'b[c, d]', 'e=f(g, h)']"
    assert "Supported signatures" in lines[3] and "setObjectName(name: str" in lines[3]
    assert lines[-1] == "True True"  # nothing stays patched
