"""Turn the figures of a benchmark run into a Markdown "Performance" section.

    PASSAGE_BENCH_JSON=/tmp/bench.json ./dev bench
    .venv/bin/python tools/bench_report.py /tmp/bench.json > /tmp/bench-readme.md

The JSON is written by tests/benchmarks/conftest.py at the end of the run: the machine
(cores, CPU, Python and PySide6 versions, load average) and one row per figure.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path
from typing import Any

# The figures are written as the table ./dev bench prints them.
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "benchmarks"))
from bench_format import format_value


def _budget(row: dict[str, Any]) -> str:
    if row.get("budget") is None:
        return ""
    if row.get("budget_on") == "ratio":
        return f"≤ {row['budget']:g}×"
    return f"< {format_value(row['budget'], row['unit'])}"


def _result(row: dict[str, Any]) -> str:
    ok = row.get("ok")
    return "" if ok is None else ("met" if ok else "**missed**")


def markdown(payload: dict[str, Any], *, date: str) -> str:
    m = payload["machine"]
    lines = [
        "## Performance",
        "",
        f"Measured on {date} with `./dev bench` on {m['cores']} cores ({m['cpu']}), "
        f"{m['system']}, Python {m['python']}, PySide6 {m['pyside6']} "
        f"(load average at the end: {m['load']}). Baselines were measured in the same run, "
        "alternating with Passage; times are medians, latencies the fastest of three tries "
        "per case (so that other programs' use of the CPU does not count).",
        "",
        "| Measure | Passage | Baseline | Ratio | Budget | Result |",
        "|---|---|---|---|---|---|",
    ]
    for row in payload["rows"]:
        ratio = row.get("ratio")
        lines.append(
            "| "
            + " | ".join(
                (
                    f"{row['group']}: {row['measure']}",
                    format_value(row["value"], row["unit"]),
                    format_value(row.get("baseline"), row["unit"]),
                    "" if ratio is None else f"{ratio:.2f}×",
                    _budget(row),
                    _result(row),
                )
            )
            + " |"
        )
    if payload.get("notes"):
        lines.append("")
        lines += [f"- {note}" for note in payload["notes"]]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("results", type=Path, help="the JSON file PASSAGE_BENCH_JSON named")
    parser.add_argument("--date", default=dt.date.today().isoformat(), help="date to print")
    args = parser.parse_args(argv)
    payload = json.loads(args.results.read_text(encoding="utf-8"))
    sys.stdout.write(markdown(payload, date=args.date))
    return 0


if __name__ == "__main__":
    sys.exit(main())
