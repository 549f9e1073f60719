"""A bare PySide6 window: the yardstick for the standalone build's size and start-up.

Built by ``passage.spec -- --variant bare`` with the same filters and options as Passage,
so the difference between the two bundles is what Passage itself adds. ``--self-test``
quits after the first paint, like ``passage --self-test``.
"""

from __future__ import annotations

import sys
import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel


class FirstPaint(QObject):
    """Quit once the window has painted for the first time."""

    def __init__(self, started: float) -> None:
        super().__init__()
        self.started = started
        self.done = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self.done:
            self.done = True
            elapsed = time.perf_counter() - self.started
            print(f"self-test ok: first paint after {elapsed:.3f} s", flush=True)
            QTimer.singleShot(0, QApplication.quit)
        return False


def main() -> int:
    started = time.perf_counter()
    app = QApplication(sys.argv[:1])
    window = QLabel("Hello")
    window.resize(640, 480)
    if "--self-test" in sys.argv:
        probe = FirstPaint(started)
        window.installEventFilter(probe)
        QTimer.singleShot(20_000, lambda: app.exit(1))
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
