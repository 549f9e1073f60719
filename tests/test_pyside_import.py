"""desktop.pyside turns off PySide6's source scan of every imported module (start-up
time, and 2 MiB of source kept in linecache). Checked in a fresh interpreter, so that
nothing the test session imported first hides the effect."""

from __future__ import annotations

import subprocess
import sys
import textwrap


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
