"""The plan as plain text, for ``passage advise`` in a terminal."""

from __future__ import annotations

import desktop.pyside  # noqa: F401  (first: see its docstring)

# isort: split
from PySide6.QtCore import QCoreApplication

from desktop.advisor import Plan
from desktop.content.model import Catalog


def plan_text(plan: Plan, catalog: Catalog, lang: str) -> str:
    out: list[str] = []

    def head(text: str) -> None:
        out.append("")
        out.append(text)
        out.append("=" * 24)

    if plan.red_flags:
        head(QCoreApplication.translate("PlanText", "Warning signs"))
        for f in plan.red_flags:
            level = (
                QCoreApplication.translate("PlanText", "STOP")
                if f.severity == "stop"
                else QCoreApplication.translate("PlanText", "CAUTION")
            )
            out.append(f"[{level}] {f.title.get(lang)}")
            out.append(f"    {f.what_it_means.get(lang)}")
            out.append(
                "    "
                + QCoreApplication.translate("PlanText", "Do now:")
                + " "
                + f.do_now.get(lang)
            )
            out.append(
                "    " + QCoreApplication.translate("PlanText", "Rule:") + " " + f.rule.get(lang)
            )
    head(QCoreApplication.translate("PlanText", "Routes that fit you"))
    for c in plan.ranked_channels:
        out.append(f"{c.rank}. {c.title.get(lang)}")
        for r in c.reasons:
            out.append(f"    - {r.get(lang)}")
    if plan.ruled_out_channels:
        out.append(QCoreApplication.translate("PlanText", "Ruled out:"))
        for c in plan.ruled_out_channels:
            why = "; ".join(w.get(lang) for w in c.why_not)
            out.append(f"  x {c.title.get(lang)}: {why}")
    head(QCoreApplication.translate("PlanText", "What the route requires"))
    marks = {"met": "✓", "missing": "✗", "unknown": "?"}
    for r in plan.requirements:
        out.append(f"[{marks.get(r.status, '?')}] {r.title.get(lang)}")
    head(QCoreApplication.translate("PlanText", "Training and preparation"))
    for t in plan.training:
        out.append(f"{t.order}. {t.title.get(lang)}")
    head(QCoreApplication.translate("PlanText", "Checklist"))
    for item in plan.checklist:
        due = f" ({item.due.isoformat()})" if item.due else ""
        out.append(f"[ ] {item.title.get(lang)}{due}")
    if plan.rights:
        head(QCoreApplication.translate("PlanText", "Your rights"))
        for r in plan.rights:
            out.append(f"- {r.title.get(lang)}")
    return "\n".join(out).strip() + "\n"
