"""The facts table: every figure that changes, defined once, with its date and sources.

Wages, quotas, fee caps, age limits, phone numbers and their hours, the dates schemes
start and end: these go out of date, and when they are scattered through prose one
change of law means hunting through every file, and nothing tells a person how old a
figure is. So they live in ``resources/facts/*.yaml`` (schema in ``docs/CONTENT.md``),
each with a typed value, the date of its source (``as_of``), the sources that support it
and a confidence. A text refers to a fact as ``{fact:ID}``; when content is loaded the
reference becomes the value in the text's language followed by its as-of month, so
every screen, printout and card shows the date next to the figure without any of them
having to remember to.

:func:`prose_figures` is the other half: a worker-facing text may contain no figure of
its own. Every run of digits is a problem unless it sits inside one of the few forms
listed in :data:`ALLOWED` (article numbers, visa codes, language levels, the year in a
law's name): that is what makes "no figure remains in prose" something the check proves
rather than something a reviewer hopes.

Qt-free and PyYAML-free: the loader hands this module parsed data.
"""

from __future__ import annotations

import datetime as _dt
import difflib
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from desktop.content.model import Fact, Text

if TYPE_CHECKING:
    from desktop.content.loader import FileChecker

__all__ = [
    "ALLOWED",
    "CURRENCIES",
    "FACT_CONFIDENCE",
    "FACT_ID_RE",
    "FACT_REF_RE",
    "FACT_TYPES",
    "WORKER_CONFIDENCE",
    "FactResolver",
    "as_of_suffix",
    "build_fact",
    "facts_used",
    "figures_shown",
    "format_value",
    "prose_figures",
]

FACT_ID_RE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
# A reference in a text. Anything between the braces that is not a valid id is reported,
# never shown: "{fact:}" or "{fact:Korea wage}" must not reach a person.
FACT_REF_RE = re.compile(r"\{fact:([^{}]*)\}")
_LOOSE_REF_RE = re.compile(r"\{\s*fact\b")

FACT_TYPES = ("money", "number", "percent", "duration", "date", "phone", "text")
# Ordered from strongest to weakest. "low" facts may stand in the table (so that the
# About page can say what was not confirmed) but no worker-facing text may use them.
FACT_CONFIDENCE = ("high", "medium-high", "medium", "low")
WORKER_CONFIDENCE = frozenset({"high", "medium-high", "medium"})

CURRENCIES: Mapping[str, tuple[str, str, str]] = {
    # code: (Chinese after the number, English before it, English after it)
    "CNY": ("元", "", " yuan"),
    "JPY": ("日元", "¥", ""),
    "KRW": ("韩元", "₩", ""),
    "RUB": ("卢布", "", " roubles"),
    "USD": ("美元", "US$", ""),
}
_PER = {
    "hour": ("每小时", "an hour"),
    "day": ("每天", "a day"),
    "month": ("每月", "a month"),
    "quarter": ("每季度", "a quarter"),
    "year": ("每年", "a year"),
}
_DURATION = {
    "hour": ("小时", "hour", "hours"),
    "day": ("天", "day", "days"),
    "working-day": ("个工作日", "working day", "working days"),
    "week": ("周", "week", "weeks"),
    "month": ("个月", "month", "months"),
    "year": ("年", "year", "years"),
}
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
_PHONE_RE = re.compile(r"\+?[0-9](?:[0-9 -]*[0-9])?")


# --------------------------------------------------------------------------- formatting


def _num(value: float | int) -> str:
    if isinstance(value, float) and not value.is_integer():
        return f"{value:,}"
    return f"{int(value):,}"


def _amount(value: Any) -> str:
    if isinstance(value, list):
        return f"{_num(value[0])}–{_num(value[1])}"
    return _num(value)


def _date_text(value: str, lang: str) -> str:
    parts = [int(p) for p in value.split("-")]
    if lang == "zh":
        return "".join(f"{n}{unit}" for n, unit in zip(parts, "年月日", strict=False))
    if len(parts) == 1:
        return str(parts[0])
    month = _MONTHS_EN[parts[1] - 1]
    return f"{parts[2]} {month} {parts[0]}" if len(parts) == 3 else f"{month} {parts[0]}"


def format_value(kind: str, raw: Mapping[str, Any], lang: str) -> str:
    """The fact's value as a person reads it in ``lang`` (``raw`` is checked already)."""
    value = raw["value"]
    if kind == "text":
        return value[lang]
    if kind == "money":
        zh_unit, en_before, en_after = CURRENCIES[raw["currency"]]
        per = _PER.get(raw.get("per", ""))
        if lang == "zh":
            return (per[0] if per else "") + _amount(value) + zh_unit
        return f"{en_before}{_amount(value)}{en_after}" + (f" {per[1]}" if per else "")
    if kind == "number":
        unit = raw.get("unit")
        if unit is None:
            return _amount(value)
        return _amount(value) + (unit["zh"] if lang == "zh" else " " + unit["en"])
    if kind == "percent":
        return f"{_amount(value)}%"
    if kind == "duration":
        zh, one, many = _DURATION[raw["unit"]]
        if lang == "zh":
            return _amount(value) + zh
        return f"{_amount(value)} {one if value == 1 else many}"
    if kind == "date":
        return _date_text(value, lang)
    if kind == "phone":
        hours = raw.get("hours")
        if hours is None:
            return value
        return f"{value}（{hours['zh']}）" if lang == "zh" else f"{value} ({hours['en']})"
    raise ValueError(kind)  # pragma: no cover - types are checked on load


def as_of_suffix(as_of_text: str, lang: str) -> str:
    """ "（截至2026年9月）" / " (as of September 2026)": shown after a fact's value."""
    shown = _date_text(as_of_text[:7], lang)
    return f"（截至{shown}）" if lang == "zh" else f" (as of {shown})"


# --------------------------------------------------------------------------- loading


def _is_num(x: Any) -> bool:
    return isinstance(x, (int, float)) and not isinstance(x, bool)


def _check_amount(value: Any) -> bool:
    if _is_num(value):
        return value >= 0
    return (
        isinstance(value, list)
        and len(value) == 2
        and all(_is_num(v) and v >= 0 for v in value)
        and value[0] < value[1]
    )


_TYPE_FIELDS: Mapping[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    # type: (required fields besides the common ones, optional fields)
    "money": (("currency",), ("per",)),
    "number": ((), ("unit",)),
    "percent": ((), ()),
    "duration": (("unit",), ()),
    "date": ((), ()),
    "phone": ((), ("hours",)),
    "text": ((), ()),
}
_COMMON_REQUIRED = ("id", "type", "label", "value", "as_of", "sources", "confidence")
_COMMON_OPTIONAL = ("note",)


def build_fact(ck: FileChecker, raw: Any, path: tuple[Any, ...]) -> Fact | None:
    """Check one entry of a facts file; the :class:`Fact`, or None after recording
    every problem with its file, line, item and field."""
    peek = raw.get("id") if isinstance(raw, dict) else None
    item = peek if isinstance(peek, str) else None
    kw = {"item": item, "item_path": path}
    kind = raw.get("type") if isinstance(raw, dict) else None
    # (a list or a mapping is unhashable: look only strings up in the tables)
    extra_req, extra_opt = _TYPE_FIELDS.get(kind, ((), ())) if isinstance(kind, str) else ((), ())
    before = len(ck.problems)
    data = ck.mapping(
        raw,
        path,
        required=(*_COMMON_REQUIRED, *extra_req),
        optional=(*_COMMON_OPTIONAL, *extra_opt),
        what="a fact",
        **kw,
    )
    if data is None:
        return None
    ident = ck.string(
        data,
        "id",
        path,
        pattern=FACT_ID_RE,
        pattern_hint="lower-case letters, digits and '-'",
        **kw,
    )
    if "type" in data and (not isinstance(kind, str) or kind not in FACT_TYPES):
        ck.add(
            (*path, "type"),
            f"{kind!r} is not a fact type; use one of {', '.join(FACT_TYPES)}",
            **kw,
        )
        return None
    label = ck.plain_text(data, "label", path, **kw)
    note = ck.plain_text(data, "note", path, **kw) if "note" in data else None
    as_of = ck.date(data, "as_of", path, partial=True, **kw)
    confidence = data.get("confidence")
    if "confidence" in data and (
        not isinstance(confidence, str) or confidence not in FACT_CONFIDENCE
    ):
        ck.add(
            (*path, "confidence"),
            f"{confidence!r} is not a confidence level; use one of {', '.join(FACT_CONFIDENCE)}",
            **kw,
        )
    sources = data.get("sources")
    if "sources" in data and (
        not isinstance(sources, list)
        or not sources
        or not all(isinstance(s, str) and s.strip() for s in sources)
    ):
        ck.add((*path, "sources"), "must be a non-empty list of source ids or seed locators", **kw)
    normal = _check_value(ck, data, kind, path, kw)
    if len(ck.problems) > before or None in (ident, label, as_of, normal):
        return None
    assert ident is not None and label is not None and as_of is not None and normal is not None
    return Fact(
        id=ident,
        kind=kind,
        label=label,
        value=Text(zh=format_value(kind, normal, "zh"), en=format_value(kind, normal, "en")),
        as_of=_start_of(as_of),
        as_of_text=as_of[1],
        sources=tuple(sources),
        confidence=confidence,
        note=note,
        raw=normal,
    )


def _start_of(parsed: tuple[_dt.date | None, str]) -> _dt.date:
    """The first day a partial date ("2026-09", "2026") can mean: staleness is then
    judged as if the source were as old as it can be, never fresher."""
    day, text = parsed
    if day is not None:
        return day
    parts = [int(p) for p in text.split("-")] + [1, 1]
    return _dt.date(parts[0], parts[1], 1)


def _check_value(
    ck: FileChecker, data: dict, kind: str, path: tuple, kw: dict
) -> dict[str, Any] | None:
    """The value and its type's fields, normalised (dates as ISO text); None if wrong."""
    if "value" not in data:
        return None
    value = data["value"]
    p = (*path, "value")
    out: dict[str, Any] = {}
    if kind in ("money", "number", "duration"):
        if not _check_amount(value):
            ck.add(
                p, f"a {kind} fact's value is a number, or [lowest, highest], not {value!r}", **kw
            )
            return None
    elif kind == "percent":
        if not _is_num(value) or not 0 <= value <= 100:
            ck.add(p, f"a percent fact's value is a number from 0 to 100, not {value!r}", **kw)
            return None
    elif kind == "date":
        if isinstance(value, _dt.datetime) or not isinstance(value, (_dt.date, str)):
            ck.add(p, "a date fact's value is a date: YYYY-MM-DD or YYYY-MM", **kw)
            return None
        text = value.isoformat() if isinstance(value, _dt.date) else value
        if not re.fullmatch(r"[12][0-9]{3}-(0[1-9]|1[0-2])(-[0-3][0-9])?", text):
            ck.add(p, f"{text!r} is not a date: write YYYY-MM-DD or YYYY-MM", **kw)
            return None
        if len(text) == 10:
            try:
                _dt.date.fromisoformat(text)
            except ValueError:
                ck.add(p, f"{text!r} is not a real date", **kw)
                return None
        value = text  # a scheme's start may lie in the future: that is the point of it
    elif kind == "phone":
        if not isinstance(value, str) or not _PHONE_RE.fullmatch(value.strip()):
            ck.add(
                p, "a phone fact's value is the number as text in quotes, e.g. '+86-10-12308'", **kw
            )
            return None
        value = value.strip()
        if "hours" in data:
            hours = ck.plain_text(data, "hours", path, **kw)
            if hours is None:
                return None
            out["hours"] = {"zh": hours.zh, "en": hours.en}
    elif kind == "text":
        text = ck.plain_text(data, "value", path, **kw)
        if text is None:
            return None
        value = {"zh": text.zh, "en": text.en}
    choices = {"money": {"currency": CURRENCIES, "per": _PER}, "duration": {"unit": _DURATION}}
    for key, options in choices.get(kind, {}).items():
        if key not in data:
            continue  # a required one is reported as missing by mapping()
        chosen = data[key]
        # (a list is unhashable: look only strings up)
        if not isinstance(chosen, str) or chosen not in options:
            ck.add((*path, key), f"{chosen!r} is not one of {', '.join(options)}", **kw)
            return None
        out[key] = chosen
    if kind == "number" and "unit" in data:
        unit = ck.plain_text(data, "unit", path, **kw)
        if unit is None:
            return None
        out["unit"] = {"zh": unit.zh, "en": unit.en}
    out["value"] = value
    return out


# --------------------------------------------------------------------------- references


@dataclass
class FactResolver:
    """Turns ``{fact:ID}`` references in a text into the value and its as-of month.
    Every text it reads is worker-facing, so it also reports a figure written into the
    prose (:func:`prose_figures`).
    """

    facts: Mapping[str, Fact]

    def resolve(self, ck: FileChecker, text: Text, path: tuple, kw: dict) -> Text | None:
        used: dict[str, list[str]] = {}
        out: dict[str, str] = {}
        ok = True
        for lang in ("zh", "en"):
            source = text.get(lang)
            p = (*path, lang)
            ids = []
            for match in FACT_REF_RE.finditer(source):
                ident = match.group(1)
                ids.append(ident)
                fact = self.facts.get(ident)
                if fact is None:
                    close = difflib.get_close_matches(ident, sorted(self.facts), n=1)
                    hint = f" (did you mean {close[0]!r}?)" if close else ""
                    ck.add(p, f"{{fact:{ident}}}: there is no fact {ident!r}{hint}", **kw)
                    ok = False
                elif fact.confidence not in WORKER_CONFIDENCE:
                    ck.add(
                        p,
                        f"{{fact:{ident}}}: a {fact.confidence}-confidence fact may not be "
                        "shown to a worker; confirm it first or leave it out",
                        **kw,
                    )
                    ok = False
            rest = FACT_REF_RE.sub(" ", source)
            if _LOOSE_REF_RE.search(rest):
                ck.add(
                    p,
                    "a fact reference is written {fact:ID}, with nothing else in the braces",
                    **kw,
                )
                ok = False
            figures = prose_figures(rest)
            if figures:
                ck.add(
                    p,
                    f"a figure is written into the text ({figures_shown(figures)}): put it "
                    "in the facts table (resources/facts/) and write {fact:ID}",
                    **kw,
                )
                ok = False
            used[lang] = ids
        if set(used["zh"]) != set(used["en"]):
            only = sorted(set(used["zh"]) ^ set(used["en"]))
            ck.add(
                path,
                "the Chinese and English texts must use the same facts; only one of them "
                f"uses {', '.join(only)}",
                **kw,
            )
            ok = False
        if not ok:
            return None
        for lang in ("zh", "en"):
            out[lang] = self._substitute(text.get(lang), lang)
        facts = tuple(dict.fromkeys(used["zh"]))
        return Text(zh=out["zh"], en=out["en"], facts=facts)

    def _substitute(self, source: str, lang: str) -> str:
        """Each fact's as-of month after its first use in the text; and on one line (a
        sentence, a list item) one date for the facts that share it, so that "14天（截至
        2026年2月）……7天（截至2026年2月）" reads "14天（截至2026年2月）……7天"."""
        shown: set[str] = set()
        out: list[str] = []
        for line in source.split("\n"):
            dated: set[str] = set()

            def one(match: re.Match[str], dated: set[str] = dated) -> str:
                fact = self.facts[match.group(1)]
                value = fact.value.get(lang)
                if fact.id in shown or fact.as_of_text in dated or not fact.can_age:
                    shown.add(fact.id)
                    return value
                shown.add(fact.id)
                dated.add(fact.as_of_text)
                return value + as_of_suffix(fact.as_of_text, lang)

            out.append(FACT_REF_RE.sub(one, line))
        return "\n".join(out)


# --------------------------------------------------------------------------- prose check

# Digits that are not figures: each pattern is a form in which a number names something
# rather than measuring it. Anything else with a digit in worker-facing text is a figure.
# (Python's \b sees Chinese characters as word characters, so "做E-9普通" would have no
# boundary: ASCII-only boundaries are spelt out as _B.)
_B_START, _B_END = r"(?<![A-Za-z0-9])", r"(?![A-Za-z0-9])"
ALLOWED: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(pattern.replace(r"\b<", _B_START).replace(r"\b>", _B_END)))
    for name, pattern in (
        ("article number", r"第\s*[0-9]+(?:\s*[-–、和至]\s*[0-9]+)*\s*条(?:\s*第\s*[0-9]+\s*款)?"),
        (
            "article number",
            r"\b<Art(?:icle)?s?\.?\s*[0-9]+(?:-[0-9]+)?(?:\([0-9]+\))?"
            r"(?:\s*(?:,|and|to|–|-)\s*[0-9]+(?:-[0-9]+)?(?:\([0-9]+\))?)*",
        ),
        ("visa or status code", r"\b<[A-Z]{1,2}-[0-9]+(?:-[0-9]+)?\b>"),
        ("Japanese level", r"\b<N[1-5]\b>"),
        ("language level", r"\b<[AB][12](?:\.[12])?\b>"),
        ("ILO convention", r"\b<C(?:29|105|181)\b>|第\s*(?:29|105|181)\s*号(?:公约)?"),
        ("TITP stage", r"[1-3]\s*号"),
        ("SSW stage", r"\((?:i|ii)\)|（(?:i|ii)）"),
        ("list marker", r"(?m)^\s*[0-9]{1,2}[.)]\s"),
        ("heading level", r"(?m)^#{1,6}\s"),
        ("law's year", r"[12][0-9]{3}\s*年(?:的)?\s*《"),
        ("law's year", r"\b<the\s+[12][0-9]{3}\s+(?:Regulation|Act|Law|Convention|Decree)\b>"),
        ("law number", r"\b<[0-9]{2,3}-FZ\b>"),
        ("zero to type", r"填\s*0(?![0-9])|\b<enter 0(?![0-9])"),
        # The hotline is called "12308" the way a brand is named; dialling it needs the
        # fact (+86-10-12308 from abroad), so only the name before 热线/hotline passes.
        (
            "hotline's name",
            r"(?<![0-9+-])12308(?=\s*(?:领事保护)?\s*(?:热线|hotline|Hotline|consular))",
        ),
        ("fact reference", FACT_REF_RE.pattern),
    )
)
_DIGITS = re.compile(r"[0-9０-９]+")


def prose_figures(text: str) -> list[str]:
    """Each figure written into ``text`` (with a little context), in order.

    A digit is allowed only inside one of the :data:`ALLOWED` forms.
    """
    if not _DIGITS.search(text):  # most texts: nothing to look at
        return []
    covered = bytearray(len(text))
    for _name, pattern in ALLOWED:
        for match in pattern.finditer(text):
            covered[match.start() : match.end()] = b"\x01" * (match.end() - match.start())
    found: list[str] = []
    for match in _DIGITS.finditer(text):
        if all(covered[match.start() : match.end()]):
            continue
        start, end = max(0, match.start() - 6), min(len(text), match.end() + 6)
        found.append(text[start:end].replace("\n", " ").strip())
    return found


def figures_shown(figures: list[str]) -> str:
    """The first few figures :func:`prose_figures` found, for a problem message."""
    more = f" and {len(figures) - 4} more" if len(figures) > 4 else ""
    return ", ".join(repr(f) for f in figures[:4]) + more


def facts_used(texts: Iterable[Text | None]) -> tuple[str, ...]:
    """The fact ids the given texts refer to, each once, in order."""
    seen: dict[str, None] = {}
    for text in texts:
        if text is not None:
            seen.update(dict.fromkeys(text.facts))
    return tuple(seen)
