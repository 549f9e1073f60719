"""Small Qt-free formatting shared by the screen and the printouts.

One place for how a date is written in each language and for naming the kind of a
JSON value in an error message, so the Guide, the printouts and the file readers agree.
"""

from __future__ import annotations

import datetime as _dt
from typing import Any

MONTHS_EN = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


def format_date(day: _dt.date, lang: str) -> str:
    """A full date as a reader of ``lang`` ("zh" or "en") writes it."""
    if lang == "en":
        return f"{day.day} {MONTHS_EN[day.month - 1]} {day.year}"
    return f"{day.year}年{day.month}月{day.day}日"


def format_partial_date(text: str, lang: str) -> str:
    """``"2021"``, ``"2012-09"`` or ``"2012-09-04"`` as a reader of ``lang`` writes it.

    Anything else is shown as written rather than hidden: a date we cannot parse is
    still better than none.
    """
    try:
        numbers = [int(p) for p in text.split("-")]
    except ValueError:
        return text
    if len(numbers) == 3:
        try:
            return format_date(_dt.date(*numbers), lang)
        except ValueError:
            return text
    if len(numbers) == 2 and 1 <= numbers[1] <= 12:
        year, month = numbers
        return f"{MONTHS_EN[month - 1]} {year}" if lang == "en" else f"{year}年{month}月"
    if len(numbers) == 1:
        return str(numbers[0]) if lang == "en" else f"{numbers[0]}年"
    return text


def json_kind(value: Any) -> str:
    """What kind of JSON value this is, in the words of an error message."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__
