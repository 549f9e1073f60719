"""Start-up stays lazy: what the first paint does not need is not imported before it.

A child runs Passage exactly as ``python -m desktop --data-dir D --self-test`` does, and
lists, at the moment the main window first paints, which heavy modules are loaded.
Printing (QtPrintSupport), the printout templates (Jinja2, desktop.render), the content
loaders (PyYAML, Markdown) and sqlite-utils (needed only when the schema must be
migrated) all cost start-up time and memory on an old PC; they belong after the first
paint, when the person first uses them. The figures are in tests/benchmarks.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO

# module -> why it must wait
NOT_BEFORE_FIRST_PAINT = {
    "PySide6.QtPrintSupport": "printing is needed only when the person prints",
    "jinja2": "templates are needed only for printouts",
    "desktop.render": "printouts are made only on request",
    "sqlite_utils": "about 0.3 s and 15 MiB; only a schema migration needs it",
    "yaml": "content is loaded after the first paint",
    "markdown": "content is shown after the first paint",
}

CHILD = """
import json, runpy, sys

WATCHED = json.loads(sys.argv[1])

def report():
    loaded = sorted(
        m for m in sys.modules if any(m == n or m.startswith(n + ".") for n in WATCHED)
    )
    print("modules at first paint: " + json.dumps(loaded), flush=True)

from desktop.ui import main_window

show = main_window.MainWindow.show

def show_and_watch(self):
    self.firstPainted.connect(report)
    show(self)

main_window.MainWindow.show = show_and_watch
sys.argv = ["passage", *sys.argv[2:]]
runpy.run_module("desktop", run_name="__main__", alter_sys=True)
"""


def test_heavy_modules_wait_until_after_the_first_paint(tmp_path: Path) -> None:
    from desktop.store import open_store

    data_dir = tmp_path / "data"
    store, _report = open_store(data_dir)  # an existing store: no migration pending
    store.create_profile("王小明")
    store.close()

    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            CHILD,
            json.dumps(list(NOT_BEFORE_FIRST_PAINT)),
            "--data-dir",
            str(data_dir),
            "--self-test",
        ],
        capture_output=True,
        text=True,
        env=env,
        cwd=REPO,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "self-test ok" in result.stdout, result.stdout + result.stderr
    line = next(
        (x for x in result.stdout.splitlines() if x.startswith("modules at first paint: ")),
        None,
    )
    assert line is not None, result.stdout + result.stderr
    loaded = json.loads(line.removeprefix("modules at first paint: "))
    early = {
        name: why
        for name, why in NOT_BEFORE_FIRST_PAINT.items()
        if any(m == name or m.startswith(name + ".") for m in loaded)
    }
    assert not early, "imported before the first paint: " + "; ".join(
        f"{name} ({why})" for name, why in early.items()
    )
