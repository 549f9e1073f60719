"""The plan at a glance, as HTML for the Home page's text browser.

Red flags come first and cannot be missed; then the routes that fit, what is still
missing and the next steps. Every piece links to where the person can act or read
more: ``topic:<id>`` opens a Guide topic, ``page:<key>`` opens a page. All text from
the plan is escaped; labels come in already translated.
"""

from __future__ import annotations

from collections.abc import Mapping
from html import escape

from desktop.advisor import Plan

STOP_BG, STOP_FG = "#fde8e8", "#9b1c1c"
CAUTION_BG, CAUTION_FG = "#fff4db", "#7a4d00"
OK_BG, OK_FG = "#e7f5ec", "#1e5c36"


def _e(text: str) -> str:
    return escape(text, quote=True)


def _gap(label: str) -> str:
    """No space after a full-width colon (Chinese), one after an ASCII one."""
    return "" if label.endswith("：") else " "


def summary_html(
    plan: Plan,
    lang: str,
    labels: Mapping[str, str],
    *,
    done: Mapping[str, bool] | None = None,
    next_steps: int = 4,
) -> str:
    done = done or {}
    parts: list[str] = []

    stops = [f for f in plan.red_flags if f.severity == "stop"]
    cautions = [f for f in plan.red_flags if f.severity != "stop"]
    if stops:
        parts.append(
            f'<table width="100%" cellpadding="10" style="background:{STOP_BG}; color:{STOP_FG};">'
            f"<tr><td><b>{_e(labels['stop_banner'])}</b></td></tr></table>"
        )
    elif cautions:
        parts.append(
            f'<table width="100%" cellpadding="10" style="background:{CAUTION_BG}; '
            f'color:{CAUTION_FG};"><tr><td><b>{_e(labels["caution_banner"])}</b></td></tr></table>'
        )
    elif plan.red_flags == ():
        parts.append(
            f'<table width="100%" cellpadding="10" style="background:{OK_BG}; color:{OK_FG};">'
            f"<tr><td>{_e(labels['no_flags'])}</td></tr></table>"
        )

    for flag in stops + cautions:
        stop = flag.severity == "stop"
        fg = STOP_FG if stop else CAUTION_FG
        badge = labels["stop"] if stop else labels["caution"]
        parts.append(
            f'<p style="margin-top:10px"><span style="color:{fg}; font-weight:600">■ {_e(badge)}'
            f"</span> <b>{_e(flag.title.get(lang))}</b><br/>"
            f"{_e(labels['do_now'])}{_gap(labels['do_now'])}{_e(flag.do_now.get(lang))} "
            f'<a href="topic:{_e(flag.topic)}">{_e(labels["read_more"])}</a></p>'
        )

    ranked = plan.ranked_channels
    if ranked:
        parts.append(f"<h3>{_e(labels['routes'])}</h3><ol>")
        for c in ranked[:3]:
            reason = c.reasons[0].get(lang) if c.reasons else ""
            parts.append(
                f'<li><a href="topic:{_e(c.topic)}"><b>{_e(c.title.get(lang))}</b></a>'
                + (f"<br/>{_e(reason)}" if reason else "")
                + "</li>"
            )
        parts.append("</ol>")

    missing = [r for r in plan.requirements if r.status == "missing"]
    unknown = [r for r in plan.requirements if r.status == "unknown"]
    met = [r for r in plan.requirements if r.status == "met"]
    if plan.requirements:
        parts.append(f"<h3>{_e(labels['requirements'])}</h3>")
        parts.append(
            "<p>"
            + _e(labels["requirements_count"])
            .replace("%1", str(len(met)))
            .replace("%2", str(len(plan.requirements)))
            + "</p><ul>"
        )
        for r in missing:
            parts.append(f'<li><span style="color:{STOP_FG}">✗</span> {_e(r.title.get(lang))}</li>')
        for r in unknown:
            parts.append(f"<li>? {_e(r.title.get(lang))}</li>")
        parts.append("</ul>")

    todo = [i for i in plan.checklist if not done.get(i.id)]
    if todo:
        todo.sort(key=lambda i: (i.due is None, i.due or plan.today))
        parts.append(f"<h3>{_e(labels['next_steps'])}</h3><ul>")
        for item in todo[:next_steps]:
            due = ""
            if item.due:
                colour = STOP_FG if item.overdue else "#444444"
                due = (
                    f' <span style="color:{colour}">({_e(labels["due"])} '
                    f"{item.due.isoformat()})</span>"
                )
            parts.append(f"<li>{_e(item.title.get(lang))}{due}</li>")
        all_steps = _e(labels["all_steps"]).replace("%1", str(len(todo)))
        parts.append(f'</ul><p><a href="page:checklist">{all_steps}</a></p>')
    return "\n".join(parts)
