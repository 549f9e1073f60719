"""Checklist PDF export of a full plan, against Qt printing the same HTML and nothing else.

Passage's export is what "Save as PDF" on the Checklist page does: the advisor makes the
plan, ``checklist_context`` and Jinja2 make the HTML, ``html_to_pdf`` lays it out to the
page (keeping items whole, drawing the footer) and repairs the PDF's text layer. The
yardstick takes the finished HTML and does only ``QTextDocument.setHtml`` + ``print_`` to
a ``QPdfWriter`` with the same page, resolution and fonts. Runs alternate; the table
shows medians. Budget: <= 1.5x the yardstick.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from support import TODAY, finished_answers, median, spread

pytestmark = pytest.mark.bench

ROUNDS = 7


def test_checklist_pdf_export_against_bare_qt_print(qapp, tmp_path: Path, bench) -> None:
    from PySide6.QtGui import QFont, QPageLayout, QPageSize, QPdfWriter, QTextDocument

    from desktop.knowledge import load_knowledge
    from desktop.render.html import checklist_context, content_reviewed, render
    from desktop.render.pdf import FONT_FAMILIES, PAGE_MARGINS_MM, html_to_pdf

    knowledge = load_knowledge()
    answers = finished_answers(knowledge.questionnaire)
    destination = knowledge.questionnaire.question("destination").option(answers["destination"])
    first_plan = knowledge.plan(answers, today=TODAY)
    ticks = {item.id: True for item in first_plan.checklist[::3]}
    notes = {item.id: "收据放在蓝色文件夹里，复印件在家里。" for item in first_plan.checklist[1::4]}

    def ours(out: Path) -> int:
        plan = knowledge.plan(answers, today=TODAY)
        html = render(
            "checklist.html.j2",
            **checklist_context(
                plan,
                knowledge.catalog,
                lang="zh",
                person_name="王小明",
                destination_label=destination.label if destination else "",
                ticks=ticks,
                notes=notes,
                printed_on=TODAY,
                content_reviewed=content_reviewed(knowledge.catalog),
            ),
        )
        return html_to_pdf(html, out, footer_name="王小明", lang="zh")

    started = time.perf_counter()
    pages = ours(tmp_path / "first.pdf")
    first_export = time.perf_counter() - started
    html = render(
        "checklist.html.j2",
        **checklist_context(
            first_plan,
            knowledge.catalog,
            lang="zh",
            person_name="王小明",
            destination_label=destination.label if destination else "",
            ticks=ticks,
            notes=notes,
            printed_on=TODAY,
            content_reviewed=content_reviewed(knowledge.catalog),
        ),
    )

    def bare(out: Path) -> None:
        writer = QPdfWriter(str(out))
        writer.setResolution(600)
        writer.setPageLayout(
            QPageLayout(
                QPageSize(QPageSize.PageSizeId.A4),
                QPageLayout.Orientation.Portrait,
                PAGE_MARGINS_MM,
                QPageLayout.Unit.Millimeter,
            )
        )
        doc = QTextDocument()
        font = QFont()
        font.setFamilies(FONT_FAMILIES)
        doc.setDefaultFont(font)
        doc.setHtml(html)
        doc.print_(writer)
        del writer  # writes the file

    bare(tmp_path / "warm.pdf")
    ours_t: list[float] = []
    bare_t: list[float] = []
    for n in range(ROUNDS):
        jobs = [("ours", ours), ("bare", bare)] if n % 2 == 0 else [("bare", bare), ("ours", ours)]
        for name, job in jobs:
            out = tmp_path / f"{name}-{n}.pdf"
            started = time.perf_counter()
            job(out)
            (ours_t if name == "ours" else bare_t).append(time.perf_counter() - started)
            assert out.stat().st_size > 10_000
    export = bench.add(
        "checklist PDF",
        f"full plan, {pages} pages (median)",
        median(ours_t),
        "s",
        baseline=median(bare_t),
        budget=1.5,
        budget_on="ratio",
    )
    bench.add("checklist PDF", "first export in a session", first_export, "s")
    bench.note(
        f"checklist PDF: {ROUNDS} interleaved runs each; spread {spread(ours_t):.0%} (Passage), "
        f"{spread(bare_t):.0%} (bare Qt print); HTML {len(html) // 1024} KiB"
    )
    assert export.ok, f"PDF export {export.ratio:.2f}x the bare Qt print (budget 1.5x)"
