"""The evidence summary a person takes to a labour office or a consulate: payments with
totals per currency, promises, the records' text; in Chinese, English or both; what the
person typed printed literally; and the evidence fields' own rules (amounts, checks)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

import pytest

from desktop.evidence import (
    EVIDENCE_LABELS,
    EvidenceDataError,
    Payment,
    clean_evidence,
    evidence_context,
    evidence_html,
    format_amount,
    parse_amount,
    read_evidence,
    totals,
)
from desktop.render.pdf import html_to_pdf, html_to_pdf_bytes
from desktop.resources import resource_path
from tests.render.conftest import HOSTILE_NOTE, TODAY, pdf_pages, squeeze


@dataclass(frozen=True)
class FakeNote:
    """The fields of desktop.store.Note the summary reads."""

    id: int
    kind: str
    title: str
    body: str
    tags: tuple[str, ...]
    data: dict | None
    created: str
    updated: str


def pay(amount, currency="CNY", to="", date="", receipt=False, currency_name=""):
    return {
        "amount": amount,
        "currency": currency,
        "currency_name": currency_name,
        "to": to,
        "date": date,
        "receipt": receipt,
    }


NOTES = [
    FakeNote(
        id=2,
        kind="evidence",
        title="培训费",
        body="第二次交钱",
        tags=(),
        data={
            "payments": [
                pay("3000.50", to="某某培训学校", date="2026-10-15"),
                pay("120000", "JPY", to="日本的宿舍", date="2026-09-30", receipt=True),
                pay("about 500", to="王经理", date="last spring"),
                pay("50", "other", to="X", date="2026-09-01", currency_name="EUR"),
            ]
        },
        created="2026-10-15T02:00:00.000+00:00",
        updated="2026-10-15T02:00:00.000+00:00",
    ),
    FakeNote(
        id=1,
        kind="evidence",
        title="中介费 " + HOSTILE_NOTE,
        body="王经理收的现金。\n" + HOSTILE_NOTE,
        tags=("中介", "证据"),
        data={
            "payments": [pay("30,000", to="某某劳务公司", date="2026-10-01", receipt=True)],
            "promises": [{"who": "王经理", "what": "月薪一万五，包吃住", "when": "2026-10-01"}],
        },
        created="2026-10-01T02:00:00.000+00:00",
        updated="2026-11-01T02:00:00.000+00:00",
    ),
    FakeNote(
        id=3,
        kind="note",
        title="plain",
        body="PLAIN-NOTE-NOT-EVIDENCE",
        tags=(),
        data=None,
        created="2026-10-01T02:00:00.000+00:00",
        updated="2026-10-01T02:00:00.000+00:00",
    ),
]


def context(lang="zh", notes=NOTES):
    return evidence_context(notes, lang=lang, person_name="李四", printed_on=TODAY)


# -- the context -------------------------------------------------------------------------------


def test_totals_per_currency_leave_out_unclear_amounts():
    ctx = context("en")
    assert [(t["key"], t["amount"]) for t in ctx["totals"]] == [
        ("CNY", "33,000.50"),
        ("JPY", "120,000"),
        ("EUR", "50"),
    ]
    assert ctx["unclear"] == 1
    assert ctx["record_count"] == 2  # the plain note is not evidence


def test_payments_are_in_date_order_with_the_record_number():
    ctx = context("en")
    rows = [(p["to"], p["record"]) for p in ctx["payments"]]
    # Records are numbered oldest first: the agency fee (1 Oct) is record 1.
    assert rows == [
        ("X", 2),
        ("日本的宿舍", 2),
        ("某某劳务公司", 1),
        ("某某培训学校", 2),
        ("王经理", 2),
    ]
    assert ctx["payments"][2]["amount"] == "30,000" and ctx["payments"][2]["has_receipt"]
    assert ctx["payments"][-1]["date"] == [{"lang": "en", "text": "last spring"}]


def test_dates_follow_the_printout_language():
    assert context("zh")["printed_on"] == [{"lang": "zh", "text": "2026年12月8日"}]
    assert context("en")["printed_on"] == [{"lang": "en", "text": "8 December 2026"}]
    assert context("zh+en")["printed_on"] == [{"lang": "zh", "text": "2026-12-08"}]


def test_an_unknown_language_is_refused():
    with pytest.raises(ValueError):
        context("ja")


def test_no_evidence_still_prints_a_page_that_says_so():
    html = evidence_html([NOTES[2]], lang="en", person_name="", printed_on=TODAY)
    assert "There are no evidence records yet." in html
    assert "No payments recorded." in html and "(not given)" in html


def test_every_evidence_label_is_used_by_the_template():
    from pathlib import Path

    import desktop.evidence

    template = resource_path("templates", "evidence.html.j2").read_text("utf-8")
    code = Path(desktop.evidence.__file__).read_text("utf-8")
    built = ("currency_",)  # chosen in evidence.py from the payment's currency
    unused = [
        k
        for k in EVIDENCE_LABELS
        if f"L.{k}" not in template and f'words["{k}"]' not in code and not k.startswith(built)
    ]
    assert unused == []
    for key, text in EVIDENCE_LABELS.items():
        assert text.zh.strip() and text.en.strip(), key


# -- the HTML ----------------------------------------------------------------------------------


def test_hostile_text_is_escaped_in_the_html():
    html = evidence_html(NOTES, lang="zh", person_name="<b>李四</b>", printed_on=TODAY)
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "{{ 7*7 }}" in html and "49" not in html
    assert "&lt;/td&gt;" in html
    assert "&lt;b&gt;李四&lt;/b&gt;" in html
    assert "王经理收的现金。<br/>" in html  # line breaks kept


def test_bilingual_page_has_both_languages():
    html = evidence_html(NOTES, lang="zh+en", person_name="李四", printed_on=TODAY)
    for label in ("title_evidence", "payments", "promises", "totals"):
        assert EVIDENCE_LABELS[label].zh in html and EVIDENCE_LABELS[label].en in html
    assert 'lang="zh-CN"' in html


# -- the PDF -----------------------------------------------------------------------------------


def test_pdf_text_has_the_payments_the_total_and_the_promises(tmp_path):
    html = evidence_html(NOTES, lang="zh", person_name="李四", printed_on=TODAY)
    out = tmp_path / "evidence.pdf"
    pages = html_to_pdf(html, out, footer_name="李四", lang="zh")
    text = "".join(pdf_pages(out.read_bytes()))
    assert pages == len(pdf_pages(out.read_bytes())) >= 1
    assert "我的证据记录" in text and "李四" in text and "2026年12月8日" in text
    for fragment in ("某某劳务公司", "30,000", "3,000.50", "120,000", "某某培训学校"):
        assert fragment in text
    assert "合计·人民币33,000.50" in text and "合计·日元120,000" in text
    assert "王经理" in text and "月薪一万五，包吃住" in text
    assert squeeze(HOSTILE_NOTE) in text  # printed literally, markup and all
    assert "PLAIN-NOTE-NOT-EVIDENCE" not in text


def test_english_pdf(tmp_path):
    html = evidence_html(NOTES, lang="en", person_name="Li Si", printed_on=TODAY)
    text = "".join(pdf_pages(html_to_pdf_bytes(html, footer_name="Li Si", lang="en").data))
    assert "Myevidencerecord" in text and "8December2026" in text
    assert "Total·CNY33,000.50" in text and "Total·JPY120,000" in text and "Total·EUR50" in text
    assert "Moneypaid" in text and "Promisesmadetoyou" in text


# -- the evidence fields -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("30000", Decimal("30000")),
        ("30,000", Decimal("30000")),
        ("３００００", Decimal("30000")),
        ("1 234.50", Decimal("1234.50")),
        ("12，000", Decimal("12000")),
        ("about 3000", None),
        ("3000元", None),
        ("-5", None),
        ("", None),
        ("1e9", None),
    ],
)
def test_parse_amount(text, value):
    assert parse_amount(text) == value


def test_format_amount():
    assert format_amount("1234567.5") == "1,234,567.5"
    assert format_amount("about 3000") == "about 3000"


def test_totals_add_exactly():
    payments = [Payment("0.10", "USD", "", "", "", False)] * 3
    assert totals(payments) == [("USD", Decimal("0.30"))]


def test_read_evidence_forgives_odd_stored_values():
    payments, promises = read_evidence(
        {"payments": [{"amount": 5, "currency": "BTC", "receipt": "yes"}, "junk"], "promises": 3}
    )
    assert payments == [Payment("5", "CNY", "", "", "", False)]
    assert promises == []


@pytest.mark.parametrize(
    ("data", "field", "reason"),
    [
        ([], "data", "wrong_type"),
        ({"payments": {}}, "data.payments", "wrong_type"),
        ({"payments": [[]]}, "data.payments[0]", "wrong_type"),
        ({"payments": [{"amount": 5}]}, "data.payments[0].amount", "wrong_type"),
        ({"payments": [{"receipt": "yes"}]}, "data.payments[0].receipt", "wrong_type"),
        ({"payments": [{"currency": "BTC"}]}, "data.payments[0].currency", "bad_value"),
        ({"promises": [{"who": "x" * 3000}]}, "data.promises[0].who", "too_long"),
        ({"promises": [{"whom": "x"}]}, "data.promises[0].whom", "unknown_field"),
        ({"script": 1}, "data.script", "unknown_field"),
    ],
)
def test_clean_evidence_refuses_with_the_field(data, field, reason):
    with pytest.raises(EvidenceDataError) as info:
        clean_evidence(data)
    assert (info.value.field, info.value.reason) == (field, reason)


def test_clean_evidence_accepts_what_the_form_writes():
    data = {"payments": [pay("1", to="a", date=dt.date(2026, 1, 1).isoformat())], "promises": []}
    assert clean_evidence(data) == data


def test_the_first_flat_evidence_fields_read_as_one_payment():
    """Evidence stored flat by the first Passage builds (the schema-1 fixture) still prints."""
    legacy = {"amount": 8000, "currency": "CNY", "paid_on": "2026-10-12", "paid_to": "张经理"}
    payments, promises = read_evidence(legacy)
    assert payments == [Payment("8000", "CNY", "", "张经理", "2026-10-12", False)]
    assert promises == []
    assert clean_evidence(legacy) == legacy
    with pytest.raises(EvidenceDataError) as info:
        clean_evidence({"amount": [1]})
    assert info.value.field == "data.amount"
    other = read_evidence({"amount": "50", "currency": "EUR"})[0][0]
    assert (other.currency, other.currency_name) == ("other", "EUR")
