"""Small formatting helpers shared by the Guide's views: dates, confidence, source lines.

Dates are written the way a reader of the *content* language writes them
("2026年11月25日", "25 November 2026"): they sit inside content sentences, and the
UI language follows the content language anyway (the lead switches both together).
Words such as "undated" or "high confidence" are interface words and go through Qt's
translation system (context ``GuideText``), so lupdate collects them.
"""

from __future__ import annotations

import datetime as _dt
import html

from PySide6.QtCore import QCoreApplication

from desktop.content.model import SeedPassage, Source

_MONTHS_EN = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)

# The <mark> tag is not part of Qt's rich-text subset; this span looks the same and keeps
# black on yellow even inside a selected (dark blue) list row or a dark theme.
MARK_OPEN = '<span style="background-color:#ffe066; color:#000000; font-weight:600">'
MARK_CLOSE = "</span>"


def qt_marks(fragment: str) -> str:
    """Turn ``highlight_html``'s ``<mark>`` tags into markup Qt's rich text can draw."""
    return fragment.replace("<mark>", MARK_OPEN).replace("</mark>", MARK_CLOSE)


def format_date(day: _dt.date, lang: str) -> str:
    """A full date as a reader of ``lang`` writes it."""
    if lang == "en":
        return f"{day.day} {_MONTHS_EN[day.month - 1]} {day.year}"
    return f"{day.year}年{day.month}月{day.day}日"


def format_partial_date(text: str, lang: str) -> str:
    """``"2021"``, ``"2012-09"`` or ``"2012-09-04"`` as a reader of ``lang`` writes it.

    Anything else is shown as written rather than hidden: a date we cannot parse is
    still better than none.
    """
    parts = text.split("-")
    try:
        numbers = [int(p) for p in parts]
    except ValueError:
        return text
    if len(numbers) == 3:
        try:
            return format_date(_dt.date(*numbers), lang)
        except ValueError:
            return text
    if len(numbers) == 2 and 1 <= numbers[1] <= 12:
        year, month = numbers
        return f"{_MONTHS_EN[month - 1]} {year}" if lang == "en" else f"{year}年{month}月"
    if len(numbers) == 1:
        return str(numbers[0]) if lang == "en" else f"{numbers[0]}年"
    return text


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
