"""Benchmarks: collect every figure and print ONE table at the end of ``./dev bench``.

Each benchmark records its figures with the ``bench`` fixture (``bench.add(...)``) *before*
it asserts its budget, so a missed budget still shows its numbers in the table. The table
is printed by ``pytest_terminal_summary``; ``PASSAGE_BENCH_JSON=path`` also writes the
rows as JSON, which ``tools/bench_report.py`` turns into a Markdown table (the README
shows the printed one).

These tests are marked ``bench`` and the normal run deselects them (pyproject's addopts).
"""

from __future__ import annotations

import json
import os
import platform
import sys
from dataclasses import asdict, dataclass, field
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))  # support.py, for the benchmark modules

from bench_format import format_value  # noqa: E402


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Every test here must be marked ``bench``, or the normal run would pick it up."""
    for item in items:
        if Path(str(item.fspath)).parent == HERE:
            assert item.get_closest_marker("bench"), f"{item.nodeid} must be marked bench"


@dataclass
class Row:
    """One line of the table. ``ratio`` is ours / baseline; ``budget`` is the limit on the
    ratio (when there is a baseline) or on the value itself; ``ok`` is None when there is
    no budget."""

    group: str
    measure: str
    value: float
    unit: str
    baseline: float | None = None
    budget: float | None = None
    budget_on: str = "value"  # "value" or "ratio"
    note: str = ""
    ok: bool | None = field(default=None)

    @property
    def ratio(self) -> float | None:
        if self.baseline in (None, 0):
            return None
        return self.value / self.baseline

    def __post_init__(self) -> None:
        if self.budget is not None:
            checked = self.ratio if self.budget_on == "ratio" else self.value
            self.ok = checked is not None and checked <= self.budget


class BenchResults:
    def __init__(self) -> None:
        self.rows: list[Row] = []
        self.notes: list[str] = []

    def add(
        self,
        group: str,
        measure: str,
        value: float,
        unit: str,
        *,
        baseline: float | None = None,
        budget: float | None = None,
        budget_on: str = "value",
        note: str = "",
    ) -> Row:
        row = Row(group, measure, value, unit, baseline, budget, budget_on, note)
        self.rows.append(row)
        return row

    def note(self, text: str) -> None:
        self.notes.append(text)


_RESULTS = BenchResults()


@pytest.fixture(scope="session")
def bench() -> BenchResults:
    return _RESULTS


def machine() -> dict[str, str]:
    """The machine line of the table: cores, CPU, Python and Qt versions."""
    cpu = platform.processor() or "?"
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        import PySide6

        pyside = PySide6.__version__
    except ImportError:  # pragma: no cover
        pyside = "?"
    load = ""
    if hasattr(os, "getloadavg"):
        load = " ".join(f"{x:.1f}" for x in os.getloadavg())
    return {
        "cores": str(os.cpu_count()),
        "cpu": cpu,
        "python": platform.python_version(),
        "pyside6": pyside,
        "system": f"{platform.system()} {platform.release()}",
        "load": load,
    }


def format_table(rows: list[Row]) -> list[str]:
    """The rows as aligned text columns (also used by tools/bench_report.py)."""
    header = ("Measure", "Passage", "Baseline", "Ratio", "Budget", "Result")
    body = []
    for r in rows:
        ratio = r.ratio
        if r.budget is None:
            budget = ""
        elif r.budget_on == "ratio":
            budget = f"<= {r.budget:g}x"
        else:
            budget = f"< {format_value(r.budget, r.unit)}"
        result = "" if r.ok is None else ("ok" if r.ok else "MISSED")
        body.append(
            (
                f"{r.group}: {r.measure}",
                format_value(r.value, r.unit),
                format_value(r.baseline, r.unit),
                "" if ratio is None else f"{ratio:.2f}x",
                budget,
                result,
            )
        )
    widths = [max(len(str(row[i])) for row in [header, *body]) for i in range(len(header))]
    lines = ["  ".join(str(c).ljust(w) for c, w in zip(header, widths, strict=True))]
    lines.append("  ".join("-" * w for w in widths))
    lines += ["  ".join(str(c).ljust(w) for c, w in zip(row, widths, strict=True)) for row in body]
    return lines


def pytest_terminal_summary(terminalreporter, exitstatus: int, config: pytest.Config) -> None:
    if not _RESULTS.rows:
        return
    info = machine()
    tr = terminalreporter
    tr.section("Passage benchmarks")
    tr.write_line(
        f"{info['cores']} cores, {info['cpu']}, Python {info['python']}, "
        f"PySide6 {info['pyside6']}, {info['system']}, load average {info['load']}"
    )
    for line in format_table(_RESULTS.rows):
        tr.write_line(line)
    for note in _RESULTS.notes:
        tr.write_line(f"* {note}")
    out = os.environ.get("PASSAGE_BENCH_JSON")
    if out:
        payload = {
            "machine": info,
            "rows": [asdict(r) | {"ratio": r.ratio} for r in _RESULTS.rows],
            "notes": _RESULTS.notes,
        }
        Path(out).write_text(json.dumps(payload, ensure_ascii=False, indent=2), encoding="utf-8")
        tr.write_line(f"(written to {out})")


@pytest.fixture(scope="session")
def qapp_cls():
    """The benchmarks that show windows use Passage's own application (font, style)."""
    from desktop.ui.app import PassageApp

    return PassageApp
