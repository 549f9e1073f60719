"""Plan -> HTML for the printouts: one strict Jinja2 environment and the context builders.

Qt-free on purpose: the CLI, the GUI and the tests all build the same HTML here, and only
:mod:`desktop.render.pdf` turns it into pages. The rules (after qutebrowser's
``utils/jinja.py``):

* one :class:`jinja2.Environment`, built once, that reads templates only through
  :func:`desktop.resources.resource_path` ("templates");
* ``autoescape=True`` for *every* template, whatever its name: a person's note or a name
  typed at a counsellor's desk is text, never markup (``<script>`` and ``{{ 7*7 }}`` print as
  written, because data is escaped and never compiled as a template);
* ``StrictUndefined``: a misspelt variable fails loudly (in a unit test) instead of
  printing a blank where a warning should be;
* one :func:`render`.

A printout's language (``"zh"``, ``"en"`` or ``"zh+en"``) is chosen for the page, not taken
from the interface: a worker prints English to show an employer while the app stays in
Chinese. So the fixed words come from ``resources/templates/labels.yaml`` (both languages
per key, checked on load) rather than from Qt's ``tr()``. Every text in a context is a
list of ``{"lang": ..., "text": ...}`` lines: one line, or Chinese over English.

Help lines on the emergency card come from ``resources/templates/help_lines.yaml`` and are
checked against the Guide each time a card is made (see that file): a number that is not
in the Guide's text cannot be printed.
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import os
import re
import tempfile
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup, escape

from desktop.advisor.plan import STATUSES, ChecklistItem, Plan, RedFlag
from desktop.advisor.rules import PHASES, SEVERITIES
from desktop.content.errors import ContentError
from desktop.content.model import Catalog, Fact, SeedPassage, Source, Text
from desktop.content.yamlsafe import load_yaml
from desktop.resources import resource_path
from desktop.textformat import format_date, format_partial_date

__all__ = [
    "CARD_ENTRIES",
    "HOTLINE_12308",
    "HOTLINE_12308_TOPIC",
    "PRINT_LANGS",
    "HelpLine",
    "HelpNumber",
    "RenderDataError",
    "card_context",
    "checklist_context",
    "content_reviewed",
    "environment",
    "format_date",
    "help_lines",
    "html_to_file",
    "labels",
    "parse_help_lines",
    "parse_labels",
    "plan_context",
    "render",
    "saved_ticks_and_notes",
]

PRINT_LANGS = ("zh", "en", "zh+en")
# What the person may write on the card, in the order it is printed.
CARD_ENTRIES = ("agency", "employer", "supervising_org", "family_contact", "insurance_policy")
# What a card prints beyond the help lines: 12308 in the form that works from abroad
# (a fact of the facts table). The Guide topic below must show it.
HOTLINE_12308 = "cn-12308-abroad"
HOTLINE_12308_TOPIC = "rights.consular-12308"
# A number goes on a wallet card only when it is this sure (facts.md U18: a
# medium-confidence number may stand in the Guide with its date, never on the card).
CARD_CONFIDENCE = ("high", "medium-high")
# Copies of the card on one sheet (A4 or Letter): one language, and Chinese over English.
CARDS_PER_PAGE = (4, 3)

_KEY_RE = re.compile(r"^[a-z0-9_]+$")

Lines = list[dict[str, str]]


class RenderDataError(RuntimeError):
    """The shipped printout data (labels, help lines) is broken or disagrees with the Guide.

    This is Passage's bug, not the person's: it never depends on what they typed.
    """


# --------------------------------------------------------------------------- environment


@cache
def environment() -> jinja2.Environment:
    """The one Jinja2 environment for all printouts (built on first use, then reused)."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(resource_path("templates"))),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["nl2br"] = _nl2br
    return env


def render(template_name: str, **context: Any) -> str:
    """Render ``resources/templates/<template_name>`` with ``context``."""
    return environment().get_template(template_name).render(**context)


def _nl2br(value: str) -> Markup:
    """Escape ``value`` and keep its line breaks (a note typed on several lines)."""
    lines = str(value).replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return Markup("<br/>").join(escape(line) for line in lines)


def html_to_file(html: str, path: str | os.PathLike[str]) -> None:
    """Save ``html`` as a standalone UTF-8 file ("Save as HTML").

    The templates already declare ``<meta charset="utf-8">``. The file is written next to
    its final name and then moved into place, so a failure (disk full, no permission)
    never leaves half a page behind. Raises :class:`OSError`.
    """
    _write_atomically(Path(path), html.encode("utf-8"))


def _write_atomically(path: Path, data: bytes) -> None:
    folder = path.parent if str(path.parent) else Path(".")
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


# --------------------------------------------------------------------------- shipped data


@cache
def labels() -> Mapping[str, Text]:
    """The bilingual printout words from ``labels.yaml`` (see :func:`parse_labels`)."""
    return parse_labels(_read_yaml("labels.yaml"))


def parse_labels(data: Any) -> dict[str, Text]:
    """Check a labels table: every key has both languages, and every phase, severity,
    requirement status and card entry has its label. Raises :class:`RenderDataError`."""
    raw = data.get("labels") if isinstance(data, dict) else None
    if not isinstance(raw, dict) or not raw:
        raise RenderDataError("labels.yaml: a 'labels' mapping is required")
    out: dict[str, Text] = {}
    problems: list[str] = []
    for key, value in raw.items():
        if not isinstance(key, str) or not _KEY_RE.match(key):
            problems.append(f"key {key!r} must be [a-z0-9_]+")
            continue
        text = _text(value)
        if text is None:
            problems.append(f"{key}: needs non-empty 'zh' and 'en' texts and nothing else")
            continue
        out[key] = text
    required = (
        [f"phase_{p}" for p in PHASES]
        + [f"severity_{s}" for s in SEVERITIES]
        + [f"status_{s}" for s in STATUSES]
        + [f"entry_{e}" for e in CARD_ENTRIES]
    )
    problems += [f"{key}: missing" for key in required if key not in out]
    if problems:
        raise RenderDataError("labels.yaml: " + "; ".join(problems))
    return out


@dataclass(frozen=True)
class HelpNumber:
    """One number of a help line: a phone fact of the facts table; ``note`` says when
    to dial it (e.g. "from abroad")."""

    fact: str
    note: Text | None = None


@dataclass(frozen=True)
class HelpLine:
    """One help line for the card, as ``help_lines.yaml`` gives it (see that file)."""

    id: str
    destinations: tuple[str, ...]
    topic: str
    name: Text
    numbers: tuple[HelpNumber, ...]


@cache
def help_lines() -> tuple[HelpLine, ...]:
    """The shipped help lines (read once per process)."""
    return parse_help_lines(_read_yaml("help_lines.yaml"))


def parse_help_lines(data: Any) -> tuple[HelpLine, ...]:
    """Check the shape of a help-lines table (the check against the Guide and the facts
    table happens in :func:`card_context`, which has the catalog). Raises
    :class:`RenderDataError`."""
    raw = data.get("help_lines") if isinstance(data, dict) else None
    if not isinstance(raw, list):
        raise RenderDataError("help_lines.yaml: a 'help_lines' list is required")
    out: list[HelpLine] = []
    for i, item in enumerate(raw):
        where = f"help_lines.yaml: entry {i + 1}"
        if not isinstance(item, dict):
            raise RenderDataError(f"{where}: must be a mapping")
        allowed = {"id", "destinations", "topic", "name", "numbers"}
        if set(item) - allowed:
            raise RenderDataError(f"{where}: unknown keys {sorted(set(item) - allowed)}")
        name = _text(item.get("name"))
        numbers = _numbers(item.get("numbers"))
        dests = item.get("destinations")
        if (
            name is None
            or not numbers
            or not _str_list(dests)
            or not all(isinstance(item.get(k), str) and item.get(k) for k in ("id", "topic"))
        ):
            raise RenderDataError(
                f"{where}: needs id, topic, name {{zh, en}}, numbers (facts) and destinations"
            )
        out.append(
            HelpLine(
                id=item["id"],
                destinations=tuple(dests),
                topic=item["topic"],
                name=name,
                numbers=numbers,
            )
        )
    return tuple(out)


def _numbers(raw: Any) -> tuple[HelpNumber, ...]:
    """``[{fact: ID, note: {zh, en}?}, ...]``, or () when anything is malformed."""
    if not isinstance(raw, list) or not raw:
        return ()
    out: list[HelpNumber] = []
    for entry in raw:
        if not isinstance(entry, dict) or not set(entry) <= {"fact", "note"}:
            return ()
        fact = entry.get("fact")
        note = _text(entry.get("note")) if "note" in entry else None
        if not isinstance(fact, str) or not fact.strip() or ("note" in entry and not note):
            return ()
        out.append(HelpNumber(fact=fact, note=note))
    return tuple(out)


def _read_yaml(name: str) -> Any:
    try:
        data, _index = load_yaml(resource_path("templates", name), display_name=name)
    except ContentError as exc:
        raise RenderDataError(str(exc)) from None
    return data


def _text(value: Any) -> Text | None:
    if not isinstance(value, dict) or set(value) != {"zh", "en"}:
        return None
    zh, en = value["zh"], value["en"]
    if not (isinstance(zh, str) and isinstance(en, str) and zh.strip() and en.strip()):
        return None
    return Text(zh=zh, en=en)


def _str_list(value: Any) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(v, str) and v for v in value)


# --------------------------------------------------------------------------- small helpers


def _langs(lang: str) -> tuple[str, ...]:
    if lang not in PRINT_LANGS:
        raise ValueError(f"lang must be one of {', '.join(PRINT_LANGS)}, not {lang!r}")
    return ("zh", "en") if lang == "zh+en" else (lang,)


class _Printer:
    """Turns bilingual data into the ``[{"lang", "text"}]`` lines the templates print."""

    def __init__(self, lang: str):
        self.lang = lang
        self.langs = _langs(lang)
        self.labels = labels()

    def t(self, text: Text) -> Lines:
        return [{"lang": lg, "text": text.get(lg)} for lg in self.langs]

    def label(self, key: str) -> Lines:
        return self.t(self.labels[key])

    def each(self, make) -> Lines:
        """Lines from a function of the language (dates, composed phrases)."""
        return [{"lang": lg, "text": make(lg)} for lg in self.langs]

    def date(self, day: _dt.date) -> Lines:
        """A date in the page's language; one ISO date (2027-01-15) on a bilingual page,
        which both readers understand, instead of the same date twice."""
        if len(self.langs) > 1:
            return [{"lang": "zh", "text": day.isoformat()}]
        return self.each(lambda lg: format_date(day, lg))

    def month(self, date_text: str) -> Lines:
        """A source date to the month ("as of March 2023"); "2023-03" on a bilingual page."""
        month = date_text[:7]
        if len(self.langs) > 1:
            return [{"lang": "zh", "text": month}]
        return self.each(lambda lg: format_partial_date(month, lg))

    def plain(self, value: str | Text) -> Lines:
        """A value that may be bilingual (a Text) or one string typed by a person."""
        if isinstance(value, Text):
            return self.t(value)
        return [{"lang": self.langs[0], "text": value}]

    def context(self) -> dict[str, Any]:
        return {
            "lang": self.lang,
            "langs": list(self.langs),
            "html_lang": "en" if self.langs == ("en",) else "zh-CN",
            "L": {key: self.t(text) for key, text in self.labels.items()},
        }


class _Citations:
    """Numbers the sources in order of first citation; one list of notes per printout."""

    def __init__(self, catalog: Catalog, printer: _Printer):
        self.catalog = catalog
        self.printer = printer
        self.numbers: dict[str, int] = {}

    def cite(self, refs: Iterable[str]) -> list[int]:
        out: list[int] = []
        for ref in refs:
            if ref not in self.numbers:
                self.catalog.resolve(ref)  # KeyError for a dangling reference: a bug
                self.numbers[ref] = len(self.numbers) + 1
            n = self.numbers[ref]
            if n not in out:
                out.append(n)
        return out

    def notes(self) -> list[dict[str, Any]]:
        return [
            {"n": n, "ref": ref, "text": self.printer.each(lambda lg, r=ref: self._describe(r, lg))}
            for ref, n in self.numbers.items()
        ]

    def _describe(self, ref: str, lang: str) -> str:
        item = self.catalog.resolve(ref)
        if isinstance(item, Source):
            return _describe_source(item, lang, self.printer.labels)
        return _describe_passage(item, self.catalog, lang)


def _describe_source(source: Source, lang: str, words: Mapping[str, Text]) -> str:
    when = (
        format_partial_date(source.date_text, lang)
        if source.date_text
        else words["undated"].get(lang)
    )
    title, publisher = source.title.get(lang), source.publisher.get(lang)
    if lang == "en":
        return f"{title}. {publisher}, {when}."
    return f"{title}（{publisher}，{when}）"


def _describe_passage(passage: SeedPassage, catalog: Catalog, lang: str) -> str:
    doc = catalog.seeds[passage.document_id]
    section = passage.locator.partition("#")[2]
    title, heading = doc.title.get(lang), passage.heading.get(lang)
    when = format_partial_date(doc.published, lang)
    if lang == "en":
        return f"{title} ({when}), section {section}: {heading}."
    return f"《{title}》（{when}）第{section}节：{heading}"


def saved_ticks_and_notes(states: Mapping[str, Any]) -> tuple[dict[str, bool], dict[str, str]]:
    """``(ticks, notes)`` for :func:`checklist_context` from what the store saved
    (``Store.get_checklist(profile_id)``: item id -> a record with ``done`` and ``note``)."""
    ticks = {item: bool(state.done) for item, state in states.items()}
    notes = {item: state.note for item, state in states.items() if state.note}
    return ticks, notes


def content_reviewed(catalog: Catalog) -> _dt.date:
    """The date printed as "content checked on": the *oldest* review date in the Guide,
    so the page never claims its content is fresher than its stalest part."""
    return min(topic.reviewed for topic in catalog.topics.values())


# --------------------------------------------------------------------------- context parts


def _red_flags(flags: Sequence[RedFlag], p: _Printer, cites: _Citations) -> list[dict]:
    return [
        {
            "id": f.id,
            "severity": f.severity,
            "severity_label": p.label(f"severity_{f.severity}"),
            "unsure": f.unsure,
            "title": p.t(f.title),
            "what_it_means": p.t(f.what_it_means),
            "do_now": p.t(f.do_now),
            "rule": p.t(f.rule),
            "cites": cites.cite(f.sources),
        }
        for f in flags
    ]


def _checklist(
    items: Sequence[ChecklistItem],
    p: _Printer,
    cites: _Citations,
    ticks: Mapping[str, bool],
    notes: Mapping[str, str],
) -> list[dict]:
    phases: list[dict] = []
    for phase in PHASES:
        rows = [
            {
                "id": item.id,
                "title": p.t(item.title),
                "why": p.t(item.why),
                "due": p.date(item.due) if item.due else None,
                "overdue": item.overdue and not bool(ticks.get(item.id, False)),
                "done": bool(ticks.get(item.id, False)),
                "note": (notes.get(item.id) or "").strip(),
                "cites": cites.cite(item.sources),
            }
            for item in items
            if item.phase == phase
        ]
        if rows:
            phases.append({"id": phase, "label": p.label(f"phase_{phase}"), "items": rows})
    return phases


def _header(
    p: _Printer,
    *,
    person_name: str,
    destination_label: str | Text,
    printed_on: _dt.date,
    content_reviewed: _dt.date,
    plan: Plan,
    catalog: Catalog,
) -> dict[str, Any]:
    stale = catalog.stale_facts(plan.facts, printed_on)
    return {
        # Figures this printout shows whose source is over a year old: the header says
        # there are some, "Figures to check" at the end names each with its as-of month.
        "stale_facts": [{"label": p.t(f.label), "as_of": p.month(f.as_of_text)} for f in stale],
        "person_name": person_name.strip(),
        "destination": p.plain(destination_label) if destination_label else None,
        "departure": p.date(plan.departure) if plan.departure else None,
        "printed_on": p.date(printed_on),
        "content_reviewed": p.date(content_reviewed),
        "risk": plan.risk_level,
    }


# --------------------------------------------------------------------------- contexts


def _plan_printout(
    plan: Plan,
    catalog: Catalog,
    *,
    lang: str,
    person_name: str,
    destination_label: str | Text,
    printed_on: _dt.date,
    content_reviewed: _dt.date,
) -> tuple[_Printer, _Citations, dict[str, Any]]:
    """What the checklist and the plan printouts start with: the header and the red
    flags, citing into one list of sources that the rest of the printout goes on with."""
    p = _Printer(lang)
    cites = _Citations(catalog, p)
    ctx = p.context()
    ctx.update(
        _header(
            p,
            person_name=person_name,
            destination_label=destination_label,
            printed_on=printed_on,
            content_reviewed=content_reviewed,
            plan=plan,
            catalog=catalog,
        )
    )
    ctx["red_flags"] = _red_flags(plan.red_flags, p, cites)
    return p, cites, ctx


def checklist_context(
    plan: Plan,
    catalog: Catalog,
    *,
    lang: str,
    person_name: str,
    destination_label: str | Text,
    ticks: Mapping[str, bool],
    notes: Mapping[str, str],
    printed_on: _dt.date,
    content_reviewed: _dt.date,
) -> dict[str, Any]:
    """Everything ``checklist.html.j2`` prints: header, red flags, items by phase, sources.

    ``ticks`` and ``notes`` map checklist item ids to what the person saved (the store's
    ``get_checklist``); ids the plan no longer has are ignored. Notes are printed as the
    person typed them (escaped, line breaks kept).
    """
    p, cites, ctx = _plan_printout(
        plan,
        catalog,
        lang=lang,
        person_name=person_name,
        destination_label=destination_label,
        printed_on=printed_on,
        content_reviewed=content_reviewed,
    )
    ctx["phases"] = _checklist(plan.checklist, p, cites, ticks, notes)
    ctx["footnotes"] = cites.notes()
    return ctx


def plan_context(
    plan: Plan,
    catalog: Catalog,
    *,
    lang: str,
    person_name: str,
    destination_label: str | Text = "",
    ticks: Mapping[str, bool] | None = None,
    notes: Mapping[str, str] | None = None,
    printed_on: _dt.date,
    content_reviewed: _dt.date,
) -> dict[str, Any]:
    """Everything the advisor said, for ``plan.html.j2``: red flags, routes ranked with
    their reasons and ruled out with why, requirements by status, training steps, rights
    topics and the checklist, all citing one numbered list of sources."""
    p, cites, ctx = _plan_printout(
        plan,
        catalog,
        lang=lang,
        person_name=person_name,
        destination_label=destination_label,
        printed_on=printed_on,
        content_reviewed=content_reviewed,
    )
    ctx["ranked"] = [
        {
            "id": c.id,
            "rank": c.rank,
            "title": p.t(c.title),
            "chosen": c.chosen,
            "reasons": [p.t(r) for r in c.reasons],
            "cites": cites.cite(c.sources),
        }
        for c in plan.ranked_channels
    ]
    ctx["ruled_out"] = [
        {
            "id": c.id,
            "title": p.t(c.title),
            "chosen": c.chosen,
            "why_not": [p.t(r) for r in c.why_not],
            "cites": cites.cite(c.sources),
        }
        for c in plan.ruled_out_channels
    ]
    ctx["requirements"] = [
        {
            "status": status,
            "label": p.label(f"status_{status}"),
            "items": [
                {
                    "id": r.id,
                    "title": p.t(r.title),
                    "text": p.t(r.text),
                    "cites": cites.cite(r.sources),
                }
                for r in plan.requirements
                if r.status == status
            ],
        }
        for status in ("missing", "unknown", "met")
        if any(r.status == status for r in plan.requirements)
    ]
    ctx["training"] = [
        {
            "id": s.id,
            "order": s.order,
            "title": p.t(s.title),
            "text": p.t(s.text),
            "cites": cites.cite(s.sources),
        }
        for s in plan.training
    ]
    ctx["rights"] = [
        {
            "id": r.id,
            "title": p.t(r.title),
            "summary": p.t(r.summary),
            "cites": cites.cite(r.sources),
        }
        for r in plan.rights
    ]
    ctx["phases"] = _checklist(plan.checklist, p, cites, ticks or {}, notes or {})
    ctx["footnotes"] = cites.notes()
    return ctx


def card_context(
    plan: Plan,
    catalog: Catalog,
    *,
    lang: str,
    entries: Mapping[str, str],
    destination: str | None,
    person_name: str = "",
    copies: int | None = None,
) -> dict[str, Any]:
    """The wallet card: 12308 from abroad, the person's own entries (blank lines to fill
    in where empty) and the destination's help lines, each with its "as of" date.

    ``destination`` is the answer to the ``destination`` question (``"japan"``, ...);
    any other value (undecided, unanswered) prints no local lines, only blanks to fill
    in. ``plan.today`` is printed as the card's date. ``copies`` defaults to what fits
    on one sheet (:data:`CARDS_PER_PAGE`). Raises :class:`RenderDataError` if
    a help line does not match the Guide (a bug in the shipped data).
    """
    p = _Printer(lang)
    unknown = set(entries) - set(CARD_ENTRIES)
    if unknown:
        raise ValueError(f"unknown card entries: {', '.join(sorted(unknown))}")
    ctx = p.context()
    hotline_topic = _topic(catalog, HOTLINE_12308_TOPIC)
    hotline = _card_fact(catalog, hotline_topic, HOTLINE_12308, "the 12308 hotline")
    ctx.update(
        {
            "person_name": person_name.strip(),
            "printed_on": p.date(plan.today),
            "hotline": {
                "number": hotline.raw["value"],
                "hours": p.t(Text(**hotline.raw["hours"])),
                "as_of": p.month(hotline.as_of_text),
            },
            "entries": [
                {
                    "key": key,
                    "label": p.label(f"entry_{key}"),
                    "value": (entries.get(key) or "").strip(),
                }
                for key in CARD_ENTRIES
            ],
            "help_lines": [
                _help_line(line, catalog, p)
                for line in help_lines()
                if destination and destination in line.destinations
            ],
            "copies": list(range(max(1, copies or CARDS_PER_PAGE[len(p.langs) > 1]))),
        }
    )
    return ctx


def _topic(catalog: Catalog, topic_id: str):
    try:
        return catalog.topic(topic_id)
    except KeyError:
        raise RenderDataError(f"the Guide has no topic {topic_id!r}") from None


def _card_fact(catalog: Catalog, topic: Any, fact_id: str, what: str) -> Fact:
    """A phone fact a card may print: in the facts table, sure enough for a card, and
    shown by the Guide topic the line belongs to (a card prints nothing new)."""
    fact = catalog.facts.get(fact_id)
    if fact is None or fact.kind != "phone":
        raise RenderDataError(f"{what}: {fact_id!r} is not a phone number in the facts table")
    if fact.confidence not in CARD_CONFIDENCE:
        raise RenderDataError(
            f"{what}: {fact_id!r} is {fact.confidence}-confidence; a card prints only "
            + " or ".join(CARD_CONFIDENCE)
        )
    if fact_id not in topic.facts:
        raise RenderDataError(
            f"{what}: {topic.id} does not show {fact_id!r}; "
            "a card may only print what the Guide says"
        )
    return fact


def _help_line(line: HelpLine, catalog: Catalog, p: _Printer) -> dict[str, Any]:
    topic = _topic(catalog, line.topic)
    facts = [_card_fact(catalog, topic, n.fact, f"help line {line.id}") for n in line.numbers]
    hours = next((f.raw["hours"] for f in facts if "hours" in f.raw), None)
    return {
        "id": line.id,
        "name": p.t(line.name),
        "numbers": [
            {"number": f.raw["value"], "note": p.t(n.note) if n.note else None}
            for n, f in zip(line.numbers, facts, strict=True)
        ],
        "hours": p.t(Text(**hours)) if hours else None,
        # The month is enough on a card ("as of March 2023") and keeps the line short;
        # the oldest of the line's numbers, so it never looks fresher than it is.
        "as_of": p.month(min(facts, key=lambda f: f.as_of).as_of_text),
    }
