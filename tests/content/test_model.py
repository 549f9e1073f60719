"""Model helpers: language fallback and the 12-month review rule."""

from __future__ import annotations

import datetime as _dt

from desktop.content.model import Text, review_cutoff


def test_text_get() -> None:
    text = Text(zh="护照", en="passport")
    assert text.get("zh") == "护照"
    assert text.get("en") == "passport"
    assert text.get("ru") == "护照"  # unknown language falls back to Chinese


def test_review_cutoff_is_one_year_back() -> None:
    assert review_cutoff(_dt.date(2026, 11, 25)) == _dt.date(2025, 11, 25)
    assert review_cutoff(_dt.date(2028, 2, 29)) == _dt.date(2027, 2, 28)
