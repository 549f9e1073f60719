"""Small formatting helpers shared by the Guide's views: dates, confidence, source lines.

Dates are written the way a reader of the *content* language writes them
("2026年11月25日", "25 November 2026"): they sit inside content sentences, and the
UI language follows the content language anyway (the lead switches both together).
Words such as "undated" or "high confidence" are interface words and go through Qt's
translation system (context ``GuideText``), so lupdate collects them.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication

from desktop.content.model import SeedPassage, Source
from desktop.textformat import format_date, format_partial_date

# format_date and format_partial_date live in desktop.textformat; re-exported for the pages.
__all__ = [
    "format_date",
    "format_partial_date",
    "passage_html",
    "qt_marks",
    "source_details",
    "source_html",
]

# The <mark> tag is not part of Qt's rich-text subset; this span looks the same and keeps
# black on yellow even inside a selected (dark blue) list row or a dark theme.
MARK_OPEN = '<span style="background-color:#ffe066; color:#000000; font-weight:600">'
MARK_CLOSE = "</span>"


def qt_marks(fragment: str) -> str:
    """Turn ``highlight_html``'s ``<mark>`` tags into markup Qt's rich text can draw."""
    return fragment.replace("<mark>", MARK_OPEN).replace("</mark>", MARK_CLOSE)


def confidence_text(level: str) -> str:
    """The confidence of a source in plain words (the levels of facts.md)."""
    if level == "high":
        return QCoreApplication.translate("GuideText", "Confidence: high")
    if level == "medium-high":
        return QCoreApplication.translate("GuideText", "Confidence: fairly high")
    if level == "medium":
        return QCoreApplication.translate("GuideText", "Confidence: medium")
    return QCoreApplication.translate("GuideText", "Confidence: %1").replace("%1", level)


def source_date_text(source: Source, lang: str) -> str:
    if source.undated or not source.date_text:
        return QCoreApplication.translate("GuideText", "undated")
    return format_partial_date(source.date_text, lang)


def source_details(source: Source, lang: str) -> str:
    """ "Publisher · date · confidence" as one plain line."""
    return " · ".join(
        (
            source.publisher.get(lang),
            source_date_text(source, lang),
            confidence_text(source.confidence),
        )
    )


def source_html(source: Source, lang: str) -> str:
    """A source as two short lines of rich text: the title in bold, then the details."""
    return (
        f"<b>{html.escape(source.title.get(lang))}</b><br>"
        f"{html.escape(source_details(source, lang))}"
    )


def passage_html(document_title: str, passage: SeedPassage, lang: str) -> str:
    """A seed passage as two short lines: the document in bold, then the passage heading."""
    note = QCoreApplication.translate("GuideText", "(background reading, not a rule)")
    return (
        f"<b>{html.escape(document_title)}</b> {html.escape(note)}<br>"
        f"{html.escape(passage.heading.get(lang))}"
    )
