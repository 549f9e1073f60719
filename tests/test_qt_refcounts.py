"""Guard against the PySide6 build that leaks references to None/True/False.

PySide6 6.12.0 on CPython 3.11 returned None from void calls and passed True/False
through signals without taking references; after a few thousand calls the
interpreter aborted ("bool_dealloc: deallocating True or False"), taking the app and
the person's unsaved typing with it. We pin a clean version; this test fails if an
upgrade brings the leak back.
"""

from __future__ import annotations

import os
import subprocess
import sys

SCRIPT = r"""
import sys
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication([])
label = QLabel()
class Emitter(QObject):
    changed = Signal(bool)
emitter = Emitter()
emitter.changed.connect(lambda value: None)
none0, true0 = sys.getrefcount(None), sys.getrefcount(True)
for _ in range(3000):
    label.setText("x")
    label.resize(10, 10)
    emitter.changed.emit(True)
print(sys.getrefcount(None) - none0, sys.getrefcount(True) - true0)
"""


def test_void_calls_and_signals_keep_their_references():
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    r = subprocess.run(
        [sys.executable, "-c", SCRIPT], capture_output=True, text=True, env=env, timeout=60
    )
    assert r.returncode == 0, f"the interpreter aborted: {r.stderr[-500:]}"
    none_delta, true_delta = (int(x) for x in r.stdout.split())
    # A few references may legitimately come and go; thousands lost means the bug.
    assert abs(none_delta) < 100 and abs(true_delta) < 100, r.stdout
