"""How a benchmark figure is written, for the table ``./dev bench`` prints and for
``tools/bench_report.py``'s Markdown version of it. No pytest here, so the tool can
import it."""

from __future__ import annotations


def format_value(value: float | None, unit: str) -> str:
    if value is None:
        return "—"
    if unit == "ms":
        return f"{value:.2f} ms" if value < 10 else f"{value:.1f} ms"
    if unit == "s":
        return f"{value:.3f} s"
    if unit == "MiB":
        return f"{value:.1f} MiB"
    return f"{value:.3g} {unit}".strip()
