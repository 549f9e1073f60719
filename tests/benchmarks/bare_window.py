"""The yardstick for start-up: a bare QMainWindow, shown and painted, then quit.

Run by ``test_startup.py`` with the same interpreter and environment as Passage
(``QT_QPA_PLATFORM=offscreen``). It does what any PySide6 program must do before a
person sees a window (import Qt, create the application, show a window, paint it) and
nothing else, so "Passage / bare" is the price of Passage itself.

Prints ``bench: paint=<s> hwm_mib=<MiB>``: seconds from spawn (``BENCH_T0`` on the
monotonic clock) to the first paint, and the peak RSS at that moment. With
``BENCH_EXIT_AT_PAINT`` set it exits right there (for counting instructions).

``--passage-import`` imports PySide6 as Passage does (``desktop.pyside``: support code
from a cache, rarely used regexes compiled when first used, no source scan), so the
time that saves can be told apart from the time Passage's own work costs. A reference.

``--chinese`` adds what every Chinese-speaking window pays on top: a line of Chinese
text and a bold Chinese heading, in the font Passage uses ("Passage Sans SC" from
``resources/fonts`` when it was made, else the system's Noto Sans CJK SC), so the CJK
font faces are loaded and measured. A second yardstick, shown for reference.
"""

import os
import sys
import time
from pathlib import Path

if "--passage-import" in sys.argv:
    import desktop.pyside  # noqa: F401

# isort: split
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QVBoxLayout, QWidget


def peak_rss_mib() -> float:
    with open("/proc/self/status", encoding="ascii") as fh:
        for line in fh:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return 0.0


class FirstPaint(QObject):
    """Notices the first paint of the window or of one of the given widgets, as
    Passage's window does (filters on its own widgets, not on the whole application,
    which would hand every event of every object to Python and slow the yardstick)."""

    def __init__(self, app: QApplication, widgets: list[QWidget]) -> None:
        super().__init__()
        self.app = app
        self.widgets = widgets
        for widget in widgets:
            widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            paint = time.perf_counter() - float(os.environ.get("BENCH_T0", "0"))
            print(f"bench: paint={paint:.4f} hwm_mib={peak_rss_mib():.1f}", flush=True)
            if os.environ.get("BENCH_EXIT_AT_PAINT"):
                os._exit(0)  # the instruction count stops here (test_startup.py)
            for widget in self.widgets:
                widget.removeEventFilter(self)
            QTimer.singleShot(0, self.app.quit)
        return False


def main() -> int:
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.setWindowTitle("bare")
    window.resize(1000, 700)  # the size of Passage's main window
    if "--chinese" in sys.argv:
        fonts = Path(__file__).resolve().parents[2] / "resources" / "fonts"
        for path in sorted(fonts.glob("*.otf")):
            QFontDatabase.addApplicationFont(str(path))
        font = QFont(app.font())
        font.setFamilies(["Passage Sans SC", "Noto Sans CJK SC", "Microsoft YaHei UI"])
        app.setFont(font)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.addWidget(QLabel('<span style="font-size:xx-large; font-weight:600">欢迎</span>'))
        layout.addWidget(QLabel("出国务工指南：合法出国工作，先看清楚再出发。"))
        window.setCentralWidget(body)
    watched = [window, *window.findChildren(QLabel)]
    app.first_paint = FirstPaint(app, watched)  # kept alive while the app runs
    QTimer.singleShot(20_000, lambda: app.exit(1))
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
