"""The evidence log: money paid and promises made, kept as structured fields of a note.

A piece of evidence is a note with ``kind="evidence"``; its ``data`` holds::

    {"payments": [{"amount": "30000", "currency": "CNY", "currency_name": "",
                   "to": "...", "date": "2026-10-01", "receipt": true}, ...],
     "promises": [{"who": "...", "what": "...", "when": "..."}, ...]}

Amounts are kept as decimal *text* ("1234.50"), never floats, so the totals printed for a
labour bureau add up to the yuan. Dates are what the person typed; ``YYYY-MM-DD`` is
asked for and printed nicely, anything else ("last spring") is printed as written.

This module is Qt-free: the Notes page, the import checks and the printed summary
(``resources/templates/evidence.html.j2``) all use it.
"""

from __future__ import annotations

import datetime as _dt
import math
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from desktop.content.model import Text
from desktop.textformat import json_kind

CURRENCIES: tuple[str, ...] = ("CNY", "JPY", "KRW", "RUB", "USD", "other")
DEFAULT_CURRENCY = "CNY"
PAYMENT_KEYS = ("amount", "currency", "currency_name", "to", "date", "receipt")
# The first evidence notes stored one payment flat in ``data`` (see the schema-1 fixture
# database): {"amount": 8000, "currency": "CNY", "paid_on": "...", "paid_to": "..."}.
# Such data is read as one payment and still accepted by imports.
LEGACY_KEYS = ("amount", "currency", "paid_on", "paid_to")
PROMISE_KEYS = ("who", "what", "when")
MAX_ROWS = 500  # payments or promises on one note: far beyond any real case
MAX_FIELD = 2000  # characters in one typed field
_AMOUNT_RE = re.compile(r"^\d{1,15}(\.\d{1,4})?$")
_GROUPING = re.compile(r"[,\s'’_]")

# The printout's fixed words. They sit here rather than in labels.yaml because only the
# evidence summary uses them; same shape ({zh, en}, both non-empty).
EVIDENCE_LABELS: dict[str, Text] = {
    "title_evidence": Text("我的证据记录", "My evidence record"),
    "evidence_intro": Text(
        "这是本人自己记下的付款和承诺，由出国务工指南（Passage）整理打印。它不是官方文件，"
        "但可以拿给劳动保障部门、领事馆或律师看。收据和合同原件请一起带上。",
        "These are payments and promises written down by the person named above and printed "
        "with Passage. This is not an official document, but you can show it to a labour "
        "office, a consulate or a lawyer. Bring the original receipts and contracts too.",
    ),
    "records": Text("记录条数", "Records"),
    "payments": Text("付过的钱", "Money paid"),
    "payments_none": Text("没有记下付款。", "No payments recorded."),
    "date": Text("日期", "Date"),
    "paid_to": Text("付给谁", "Paid to"),
    "amount": Text("金额", "Amount"),
    "currency": Text("币种", "Currency"),
    "receipt": Text("有收据", "Receipt"),
    "yes": Text("有", "Yes"),
    "no": Text("没有", "No"),
    "record": Text("记录", "Record"),
    "total": Text("合计", "Total"),
    "totals": Text("按币种合计", "Totals by currency"),
    "amount_unclear": Text(
        "金额不清楚的付款（不计入合计）", "Payments with an unclear amount (not in the totals)"
    ),
    "promises": Text("别人答应你的事", "Promises made to you"),
    "promises_none": Text("没有记下承诺。", "No promises recorded."),
    "who": Text("谁答应的", "Who"),
    "what": Text("答应了什么", "What"),
    "when": Text("什么时候", "When"),
    "records_full": Text("记录全文", "The records in full"),
    "written_on": Text("记录时间", "Written on"),
    "changed_on": Text("最后修改", "Last changed"),
    "tags": Text("标签", "Tags"),
    "untitled": Text("（无标题）", "(untitled)"),
    "no_records": Text("还没有证据记录。", "There are no evidence records yet."),
    "not_written": Text("（没写）", "(not written)"),
    "currency_CNY": Text("人民币", "CNY"),
    "currency_JPY": Text("日元", "JPY"),
    "currency_KRW": Text("韩元", "KRW"),
    "currency_RUB": Text("卢布", "RUB"),
    "currency_USD": Text("美元", "USD"),
    "currency_other": Text("其他币种", "Other currency"),
}


class EvidenceDataError(ValueError):
    """Evidence fields of the wrong shape (an import file). Carries the field path.

    Attributes:
        field: where, e.g. ``data.payments[2].amount``.
        reason: ``"wrong_type"``, ``"unknown_field"``, ``"bad_value"`` or ``"too_long"``.
        detail: a short English hint for the log and the message (the value's type...).
    """

    def __init__(self, field: str, reason: str, detail: str = "") -> None:
        super().__init__(field, reason, detail)
        self.field = field
        self.reason = reason
        self.detail = detail


@dataclass(frozen=True)
class Payment:
    amount: str  # normalised decimal text, "" if not known
    currency: str  # one of CURRENCIES
    currency_name: str  # what "other" means ("EUR", "tenge"); "" otherwise
    to: str
    date: str
    receipt: bool

    def to_json(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in PAYMENT_KEYS}


@dataclass(frozen=True)
class Promise:
    who: str
    what: str
    when: str

    def to_json(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in PROMISE_KEYS}


# --------------------------------------------------------------------------- amounts


def parse_amount(text: str) -> Decimal | None:
    """``"30,000"``, ``"３００００"``, ``"1 234.50"`` -> Decimal; None if it is not an amount.

    Full-width digits (a Chinese IME's) and grouping marks are accepted because that is
    how people write money; a currency sign or word is not, so a mistake is shown, not
    guessed at.
    """
    if not isinstance(text, str):
        return None
    cleaned = _GROUPING.sub("", unicodedata.normalize("NFKC", text)).replace("，", "")
    if not _AMOUNT_RE.match(cleaned):
        return None
    try:
        return Decimal(cleaned)
    except InvalidOperation:  # pragma: no cover - the pattern already rules this out
        return None


def normalise_amount(text: str) -> str:
    """The amount as stored: plain decimal text, or the text as typed if it is not one."""
    value = parse_amount(text)
    return text.strip() if value is None else _plain(value)


def _plain(value: Decimal) -> str:
    return format(value, "f")


def format_amount(text: str) -> str:
    """``"30000"`` -> ``"30,000"``; ``"1234.5"`` -> ``"1,234.5"``; other text as written."""
    value = parse_amount(text)
    if value is None:
        return text
    return f"{value:,f}"


def parse_date(text: str) -> _dt.date | None:
    """A ``YYYY-MM-DD`` date (full-width digits allowed), or None."""
    cleaned = unicodedata.normalize("NFKC", text or "").strip()
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", cleaned):
        return None
    try:
        return _dt.date.fromisoformat(cleaned)
    except ValueError:
        return None


# --------------------------------------------------------------------------- reading data


def read_evidence(data: Mapping[str, Any] | None) -> tuple[list[Payment], list[Promise]]:
    """The payments and promises of a note's ``data``, forgiving odd values.

    For showing and printing what is stored: a field of the wrong type becomes empty
    rather than hiding the whole record. Imports use :func:`clean_evidence` instead.
    """
    if not isinstance(data, Mapping):
        return [], []
    payments: list[Payment] = []
    if "payments" not in data and any(key in data for key in LEGACY_KEYS):
        currency = _s(data.get("currency")).strip()
        payments.append(
            Payment(
                amount=normalise_amount(_s(data.get("amount"))),
                currency=currency if currency in CURRENCIES else ("other" if currency else "CNY"),
                currency_name="" if currency in CURRENCIES else currency,
                to=_s(data.get("paid_to")),
                date=_s(data.get("paid_on")),
                receipt=False,
            )
        )
    for raw in _rows(data.get("payments")):
        currency = raw.get("currency")
        payments.append(
            Payment(
                amount=normalise_amount(_s(raw.get("amount"))),
                currency=currency if currency in CURRENCIES else DEFAULT_CURRENCY,
                currency_name=_s(raw.get("currency_name")),
                to=_s(raw.get("to")),
                date=_s(raw.get("date")),
                receipt=raw.get("receipt") is True,
            )
        )
    promises = [
        Promise(who=_s(raw.get("who")), what=_s(raw.get("what")), when=_s(raw.get("when")))
        for raw in _rows(data.get("promises"))
    ]
    return payments, promises


def _rows(value: Any) -> list[Mapping[str, Any]]:
    if not isinstance(value, list):
        return []
    return [row for row in value if isinstance(row, Mapping)]


def _s(value: Any) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return ""


def evidence_data(payments: Iterable[Payment], promises: Iterable[Promise]) -> dict[str, Any]:
    """The ``data`` to store for a note. Rows where nothing was typed are dropped."""
    return {
        "payments": [
            p.to_json()
            for p in payments
            if (p.amount or p.to.strip() or p.date.strip() or p.receipt or p.currency_name)
        ],
        "promises": [
            p.to_json() for p in promises if (p.who.strip() or p.what.strip() or p.when.strip())
        ],
    }


def clean_evidence(data: Any, field: str = "data") -> dict[str, Any]:
    """Check untrusted evidence fields strictly; return them as stored. Raises EvidenceDataError.

    Every key must be known and every value of the right type: an import file that
    does not fit is refused with the exact place, never half understood.
    """
    if not isinstance(data, dict):
        raise EvidenceDataError(field, "wrong_type", f"expected an object, got {json_kind(data)}")
    unknown = sorted(set(data) - {"payments", "promises", *LEGACY_KEYS})
    if unknown:
        raise EvidenceDataError(f"{field}.{unknown[0]}", "unknown_field")
    out: dict[str, Any] = {}
    for key in LEGACY_KEYS:
        if key not in data:
            continue
        value = data[key]
        at = f"{field}.{key}"
        if key == "amount" and isinstance(value, (int, float)) and not isinstance(value, bool):
            if not math.isfinite(value) or abs(value) > 10**15:
                raise EvidenceDataError(at, "bad_value", "not a usable number")
        elif not isinstance(value, str):
            raise EvidenceDataError(at, "wrong_type", f"expected text, got {json_kind(value)}")
        elif len(value) > MAX_FIELD:
            raise EvidenceDataError(at, "too_long", f"at most {MAX_FIELD} characters")
        elif "\x00" in value:
            raise EvidenceDataError(at, "bad_value", "contains a NUL character")
        out[key] = value
    for key, keys in (("payments", PAYMENT_KEYS), ("promises", PROMISE_KEYS)):
        if key not in data:
            continue
        rows = data[key]
        where = f"{field}.{key}"
        if not isinstance(rows, list):
            raise EvidenceDataError(where, "wrong_type", f"expected a list, got {json_kind(rows)}")
        if len(rows) > MAX_ROWS:
            raise EvidenceDataError(where, "too_long", f"at most {MAX_ROWS} rows")
        cleaned = []
        for i, row in enumerate(rows):
            cleaned.append(_clean_row(row, keys, f"{where}[{i}]"))
        out[key] = cleaned
    return out


def _clean_row(row: Any, keys: Sequence[str], where: str) -> dict[str, Any]:
    if not isinstance(row, dict):
        raise EvidenceDataError(where, "wrong_type", f"expected an object, got {json_kind(row)}")
    unknown = sorted(set(row) - set(keys))
    if unknown:
        raise EvidenceDataError(f"{where}.{unknown[0]}", "unknown_field")
    out: dict[str, Any] = {}
    for key in keys:
        if key not in row:
            continue
        value = row[key]
        at = f"{where}.{key}"
        if key == "receipt":
            if not isinstance(value, bool):
                raise EvidenceDataError(
                    at, "wrong_type", f"expected true or false, got {json_kind(value)}"
                )
        elif key == "currency":
            if value not in CURRENCIES:
                raise EvidenceDataError(at, "bad_value", f"expected one of {', '.join(CURRENCIES)}")
        else:
            if not isinstance(value, str):
                raise EvidenceDataError(at, "wrong_type", f"expected text, got {json_kind(value)}")
            if len(value) > MAX_FIELD:
                raise EvidenceDataError(at, "too_long", f"at most {MAX_FIELD} characters")
            if "\x00" in value:
                raise EvidenceDataError(at, "bad_value", "contains a NUL character")
        out[key] = value
    return out


# --------------------------------------------------------------------------- totals


def currency_key(payment: Payment) -> str:
    """What a payment is totalled under: the code, or the name typed for "other"."""
    if payment.currency == "other":
        return payment.currency_name.strip() or "other"
    return payment.currency


def totals(payments: Iterable[Payment]) -> list[tuple[str, Decimal]]:
    """The sum per currency, in the order of :data:`CURRENCIES` then by name.

    Payments whose amount is not a number are left out (the summary lists them
    separately), so a total never silently includes a guess.
    """
    sums: dict[str, Decimal] = {}
    for p in payments:
        value = parse_amount(p.amount)
        if value is None:
            continue
        key = currency_key(p)
        sums[key] = sums.get(key, Decimal(0)) + value
    order = {c: i for i, c in enumerate(CURRENCIES)}
    return sorted(sums.items(), key=lambda kv: (order.get(kv[0], len(order)), kv[0]))


# --------------------------------------------------------------------------- the printout


def print_labels() -> dict[str, Text]:
    """The shared printout labels (name, printed on...) plus the evidence summary's own."""
    from desktop.render.html import labels

    return {**labels(), **EVIDENCE_LABELS}


def evidence_context(
    notes: Sequence[Any],
    *,
    lang: str,
    person_name: str,
    printed_on: _dt.date,
) -> dict[str, Any]:
    """Everything ``evidence.html.j2`` prints, from the profile's evidence notes.

    ``notes`` are store ``Note`` records (only those with ``kind == "evidence"`` are
    used), newest first as the store lists them; the summary shows them oldest first,
    the order a story is told in. Everything the person typed is passed as plain text:
    the template escapes it, so ``<b>`` or ``{{ 7*7 }}`` print as written.
    """
    from desktop.render.html import PRINT_LANGS
    from desktop.textformat import format_date

    if lang not in PRINT_LANGS:
        raise ValueError(f"lang must be one of {', '.join(PRINT_LANGS)}, not {lang!r}")
    langs = ("zh", "en") if lang == "zh+en" else (lang,)
    words = print_labels()

    def t(text: Text) -> list[dict[str, str]]:
        return [{"lang": lg, "text": text.get(lg)} for lg in langs]

    def day(value: _dt.date) -> list[dict[str, str]]:
        if len(langs) > 1:
            return [{"lang": "zh", "text": value.isoformat()}]
        return [{"lang": lg, "text": format_date(value, lg)} for lg in langs]

    def typed_date(text: str) -> list[dict[str, str]]:
        parsed = parse_date(text)
        if parsed is not None:
            return day(parsed)
        return [{"lang": langs[0], "text": text.strip()}]

    def stamp(text: str) -> list[dict[str, str]]:
        try:
            moment = _dt.datetime.fromisoformat(text).astimezone()
        except (TypeError, ValueError):
            return [{"lang": langs[0], "text": text}]
        return day(moment.date())

    def currency(p: Payment) -> list[dict[str, str]]:
        if p.currency == "other":
            name = p.currency_name.strip()
            return [{"lang": langs[0], "text": name}] if name else t(words["currency_other"])
        return t(words[f"currency_{p.currency}"])

    records = sorted(
        (n for n in notes if getattr(n, "kind", None) == "evidence"),
        key=lambda n: (n.created, n.id),
    )
    all_payments: list[tuple[Payment, str, int]] = []
    payment_rows: list[dict[str, Any]] = []
    promise_rows: list[dict[str, Any]] = []
    record_rows: list[dict[str, Any]] = []
    for number, note in enumerate(records, start=1):
        payments, promises = read_evidence(note.data)
        title = note.title.strip()
        for p in payments:
            all_payments.append((p, title, number))
        for pr in promises:
            promise_rows.append({"who": pr.who, "what": pr.what, "when": pr.when, "record": number})
        record_rows.append(
            {
                "n": number,
                "title": title,
                "created": stamp(note.created),
                "updated": stamp(note.updated) if note.updated[:10] != note.created[:10] else None,
                "tags": list(note.tags),
                "body": note.body.strip(),
            }
        )

    # Dated payments in date order, then the undated ones in the order they were written.
    def order(item: tuple[Payment, str, int]) -> tuple[int, str, int]:
        parsed = parse_date(item[0].date)
        return (0, parsed.isoformat(), item[2]) if parsed else (1, "", item[2])

    for p, _title, number in sorted(all_payments, key=order):
        amount_ok = parse_amount(p.amount) is not None
        payment_rows.append(
            {
                "date": typed_date(p.date) if p.date.strip() else [],
                "to": p.to,
                "amount": format_amount(p.amount) if amount_ok else p.amount,
                "amount_ok": amount_ok,
                "currency": currency(p),
                "receipt": t(words["yes"] if p.receipt else words["no"]),
                "has_receipt": p.receipt,
                "record": number,
            }
        )
    payments_only = [item[0] for item in all_payments]
    by_key = {currency_key(p): p for p in payments_only}
    total_rows = [
        {"currency": currency(by_key[key]), "amount": f"{value:,f}", "key": key}
        for key, value in totals(payments_only)
    ]
    return {
        "lang": lang,
        "langs": list(langs),
        "html_lang": "en" if langs == ("en",) else "zh-CN",
        "L": {key: t(text) for key, text in words.items()},
        "person_name": person_name.strip(),
        "printed_on": day(printed_on),
        "record_count": len(records),
        "payments": payment_rows,
        "totals": total_rows,
        "unclear": sum(1 for row in payment_rows if not row["amount_ok"]),
        "promises": promise_rows,
        "records": record_rows,
    }


def evidence_html(
    notes: Sequence[Any], *, lang: str, person_name: str, printed_on: _dt.date
) -> str:
    """The printable evidence summary as HTML (the one Jinja2 environment of desktop.render)."""
    from desktop.render.html import render

    return render(
        "evidence.html.j2",
        **evidence_context(notes, lang=lang, person_name=person_name, printed_on=printed_on),
    )
