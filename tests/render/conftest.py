"""Shared fixtures for the printout tests: the shipped questionnaire and Guide (loaded
once), answers that meet known red flags, and helpers to read a PDF's text."""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Callable, Mapping
from typing import Any

import pytest
from pypdf import PdfReader

from desktop.advisor import Plan, plan
from desktop.content.loader import load_catalog
from desktop.content.model import Catalog
from desktop.content.questionnaire import Questionnaire, load_questionnaire

TODAY = dt.date(2026, 12, 8)

# Someone asked for a deposit and offered a tourist visa for work in Japan: two STOP signs.
RISKY: dict[str, Any] = {
    "destination": "japan",
    "age": 30,
    "has_passport": "yes",
    "channel": "licensed_enterprise",
    "japan_route": "titp",
    "agency_name": "某某国际经济技术合作有限公司",
    "agency_licence_verified": "no",
    "deposit_requested": "yes",
    "visa_offered": "tourist_or_business",
    "departure_date": "2027-03-01",
}

# What a person might type as a note: markup, template syntax, a cell end tag.
HOSTILE_NOTE = "交了3万元<script>alert(1)</script> {{ 7*7 }} </td> 还没收据"


@pytest.fixture(autouse=True)
def _passage_app(qapp):
    """Make the session's application (see :func:`qapp_cls`) before any test prints."""
    return qapp


@pytest.fixture(scope="session")
def questionnaire() -> Questionnaire:
    return load_questionnaire()


@pytest.fixture(scope="session")
def catalog(questionnaire: Questionnaire) -> Catalog:
    return load_catalog(known_questions=questionnaire.known_values())


@pytest.fixture(scope="session")
def make_plan(questionnaire: Questionnaire, catalog: Catalog) -> Callable[..., Plan]:
    def make(answers: Mapping[str, Any] = RISKY, **changes: Any) -> Plan:
        merged = {**answers, **changes}
        return plan(catalog, questionnaire, merged, today=TODAY)

    return make


@pytest.fixture(scope="session")
def risky_plan(make_plan) -> Plan:
    return make_plan()


def pdf_pages(data: bytes, only: slice = slice(None)) -> list[str]:
    """The text of each page (or of the pages in ``only``), with all white space
    removed (lines wrap anywhere). pypdf needs ~0.3 s a page of Chinese: read few."""
    reader = PdfReader(io.BytesIO(data))
    return [squeeze(page.extract_text()) for page in reader.pages[only]]


def squeeze(text: str) -> str:
    # Also: the font draws "–" (en dash) and "‒" (figure dash) with one glyph, and pypdf
    # reads that glyph back as the figure dash; compare both as the en dash.
    return re.sub(r"\s+", "", text).replace("\u2012", "\u2013")
