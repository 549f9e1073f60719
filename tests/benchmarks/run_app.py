"""Run Passage exactly as ``python -m desktop ARGS`` does, and note when it first paints.

The start-up benchmark needs the time from *spawn* to the first paint, while
``--self-test`` reports it from the start of ``run_gui`` (after Python, PySide6 and the
command line were loaded). This wrapper connects to ``MainWindow.firstPainted`` (the
signal the window emits for ``--self-test`` and for this benchmark) and prints
``bench: paint=<s since spawn> hwm_mib=<peak RSS so far>`` at that moment, then hands
over to ``desktop.__main__``. Importing ``desktop.ui.main_window`` here first only moves
that import earlier: Passage imports it before its first paint anyway.
"""

import os
import runpy
import sys
import time


def peak_rss_mib() -> float:
    with open("/proc/self/status", encoding="ascii") as fh:
        for line in fh:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return 0.0


def on_first_paint() -> None:
    paint = time.perf_counter() - float(os.environ.get("BENCH_T0", "0"))
    print(f"bench: paint={paint:.4f} hwm_mib={peak_rss_mib():.1f}", flush=True)
    if os.environ.get("BENCH_EXIT_AT_PAINT"):
        os._exit(0)  # the instruction count stops here (test_startup.py)


def main() -> None:
    from desktop.ui import main_window

    show = main_window.MainWindow.show

    def show_and_watch(self) -> None:
        self.firstPainted.connect(on_first_paint)
        show(self)

    main_window.MainWindow.show = show_and_watch
    sys.argv = ["passage", *sys.argv[1:]]
    try:
        runpy.run_module("desktop", run_name="__main__", alter_sys=True)
    finally:
        done = time.perf_counter() - float(os.environ.get("BENCH_T0", "0"))
        print(f"bench: exit={done:.4f} hwm_end_mib={peak_rss_mib():.1f}", flush=True)


if __name__ == "__main__":
    main()
