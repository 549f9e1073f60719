"""Load and check ``resources/questionnaire.yaml``: the questions the wizard asks.

The questionnaire is the contract between three parties: the wizard that asks the
questions, answers files that counsellors prepare (``desktop.content.answers``), and
the rules that turn answers into a plan (``resources/advice/``, ``desktop.advisor``).
Question ids and option values therefore never change once shipped, and this module
refuses a questionnaire with anything that could make the three disagree: a duplicate
id, an option value that is not a plain word, a condition naming a question or value
that does not exist, a ``relevant`` that looks at a *later* question.

Why ``relevant`` may only look back: answers to questions that are not relevant are
ignored (XLSForm's rule: a hidden question has no answer). If relevance could depend
on later questions, whether a question counts could depend on itself through a chain;
looking only backwards makes :meth:`Questionnaire.effective_answers` a single pass
with one obvious result.

Every problem names the file, the question, the field and the line (via
:class:`~desktop.content.yamlsafe.LineIndex`); all problems are collected before a
:class:`~desktop.content.errors.ContentError` is raised.
"""

from __future__ import annotations

import datetime as _dt
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from desktop.content.conditions import Condition, ConditionError, parse
from desktop.content.errors import ContentError, Problem
from desktop.content.facts import figures_shown, prose_figures
from desktop.content.model import Text

if TYPE_CHECKING:
    # The YAML reader (and PyYAML) is imported when a questionnaire is read from a
    # file, not when a cached one is unpickled (desktop/knowledge.py).
    from desktop.content.yamlsafe import LineIndex

__all__ = [
    "QUESTION_TYPES",
    "Option",
    "Page",
    "Question",
    "Questionnaire",
    "load_questionnaire",
    "load_questionnaire_text",
    "parse_questionnaire",
    "validate_answer",
]

QUESTION_TYPES = ("single", "multi", "yesno", "number", "money", "date", "text")
CHOICE_TYPES = ("single", "multi", "yesno")
YESNO_VALUES = ("yes", "no")
DEFAULT_TEXT_LENGTH = 500
SCHEMA = 1

_ID_RE = re.compile(r"^[a-z][a-z0-9_]*$")
_VALUE_RE = re.compile(r"^[a-z0-9][a-z0-9_]*$")
_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# Words the condition language reserves: a question with one of these ids could never
# be named in a condition.
_RESERVED = {"and", "or", "not", "in", "true", "false", "null"}
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")

_PAGE_KEYS = {"id", "title", "intro", "questions"}
_QUESTION_KEYS = {
    "id",
    "type",
    "label",
    "help",
    "options",
    "required",
    "relevant",
    "constraint",
    "constraint_message",
    "min",
    "max",
    "max_length",
}
_YESNO_LABELS = {
    "yes": Text(zh="是", en="Yes"),
    "no": Text(zh="否", en="No"),
}


@dataclass(frozen=True)
class Option:
    """One choice of a single/multi/yesno question."""

    value: str
    label: Text


@dataclass(frozen=True)
class Question:
    """One question. ``relevant`` and ``constraint`` are parsed conditions.

    ``min``/``max`` apply to ``number`` and ``money``; ``max_length`` to ``text``.
    ``line`` is where the question starts in its file (for messages only).
    """

    id: str
    type: str
    label: Text
    help: Text | None = None
    options: tuple[Option, ...] = ()
    relevant: Condition | None = None
    constraint: Condition | None = None
    constraint_message: Text | None = None
    required: bool = False
    min: int | float | None = None
    max: int | float | None = None
    max_length: int | None = None
    page: str = ""
    line: int | None = field(default=None, compare=False)

    @property
    def values(self) -> tuple[str, ...] | None:
        """The allowed option values, or None for free-form types."""
        if self.type == "yesno":
            return YESNO_VALUES
        if self.type in ("single", "multi"):
            return tuple(o.value for o in self.options)
        return None

    def option(self, value: str) -> Option | None:
        for opt in self.options:
            if opt.value == value:
                return opt
        return None

    def is_relevant(self, answers: Mapping[str, Any]) -> bool:
        return self.relevant is None or self.relevant.evaluate(answers)


@dataclass(frozen=True)
class Page:
    id: str
    title: Text
    questions: tuple[Question, ...]
    intro: Text | None = None


@dataclass(frozen=True, eq=False)
class Questionnaire:
    """All pages, and all questions by id (in asking order)."""

    pages: tuple[Page, ...]
    questions: Mapping[str, Question]

    def __iter__(self):
        return iter(self.questions.values())

    def question(self, qid: str) -> Question:
        return self.questions[qid]

    def known_values(self) -> dict[str, set[str] | None]:
        """For each question id, its allowed option values; None for free-form types.

        The catalog and rule loaders use this to check that conditions name real
        questions and compare them with real values.
        """
        return {
            q.id: (set(q.values) if q.values is not None else None) for q in self.questions.values()
        }

    def validate_answer(self, question: Question | str, value: Any) -> str | None:
        q = self.questions[question] if isinstance(question, str) else question
        return validate_answer(q, value)

    def effective_answers(self, answers: Mapping[str, Any]) -> dict[str, Any]:
        """The answers that count: known question, valid value, question relevant.

        Works in asking order and sees only what counts so far, so an answer left
        behind on a page that became irrelevant (the person changed an earlier
        answer) cannot trigger anything. Never raises for any mapping.
        """
        out: dict[str, Any] = {}
        for q in self.questions.values():
            try:
                value = answers.get(q.id)
            except Exception:
                value = None
            if value is None or (value == "" and q.type in ("date", "text")):
                continue
            if not q.is_relevant(out):
                continue
            if validate_answer(q, value) is not None:
                continue
            out[q.id] = _normalise(q, value)
        return out

    def relevant_questions(self, answers: Mapping[str, Any]) -> list[Question]:
        """The questions to ask, in order, given the answers so far."""
        effective = self.effective_answers(answers)
        return [q for q in self.questions.values() if q.is_relevant(effective)]

    def missing_required(self, answers: Mapping[str, Any]) -> list[Question]:
        """Relevant required questions that have no valid answer yet."""
        effective = self.effective_answers(answers)
        return [
            q
            for q in self.questions.values()
            if q.required and q.is_relevant(effective) and q.id not in effective
        ]

    def check_condition(self, cond: Condition) -> list[str]:
        """Problems with a parsed condition against this questionnaire (empty if fine).

        Every name must be a question id, and every literal compared with a choice
        question must be one of its option values (numbers for number/money).
        """
        return _check_condition_names(cond, self.questions, None)

    def describe(self) -> list[dict[str, Any]]:
        """Question ids, types and values as plain data (``passage questions --json``)."""
        out: list[dict[str, Any]] = []
        for page in self.pages:
            for q in page.questions:
                entry: dict[str, Any] = {
                    "id": q.id,
                    "page": page.id,
                    "type": q.type,
                    "label": {"zh": q.label.zh, "en": q.label.en},
                    "required": q.required,
                }
                if q.values is not None:
                    entry["values"] = list(q.values)
                if q.min is not None:
                    entry["min"] = q.min
                if q.max is not None:
                    entry["max"] = q.max
                if q.relevant is not None:
                    entry["relevant"] = q.relevant.source
                out.append(entry)
        return out


# --------------------------------------------------------------------------- answers


def _normalise(q: Question, value: Any) -> Any:
    """Canonical form of a valid value: whole numbers as int, multi answers as a list."""
    if q.type == "number" and isinstance(value, float):
        return int(value)
    if q.type == "money" and isinstance(value, float) and value.is_integer():
        return int(value)
    if q.type == "multi":
        return list(value)
    return value


def _is_number(x: Any) -> bool:
    return isinstance(x, (int, float)) and not isinstance(x, bool)


def validate_answer(question: Question, value: Any) -> str | None:
    """What is wrong with ``value`` as an answer to ``question``, or None if it is fine.

    ``None`` (not answered) is always fine: whether an answer is *needed* is a
    separate matter (:meth:`Questionnaire.missing_required`). The message is plain
    English for answers-file reports; the wizard shows ``constraint_message``.
    """
    q = question
    if value is None:
        return None
    t = q.type
    if t in ("single", "yesno"):
        if not isinstance(value, str):
            hint = ' (write "yes" or "no" as text)' if isinstance(value, bool) else ""
            return f"expected one of {_list(q.values)}, got {_show(value)}{hint}"
        if value not in (q.values or ()):
            return f"{_show(value)} is not one of the choices {_list(q.values)}"
    elif t == "multi":
        if not isinstance(value, (list, tuple)):
            return f"expected a list of choices from {_list(q.values)}, got {_show(value)}"
        seen: set[str] = set()
        for item in value:
            if not isinstance(item, str) or item not in (q.values or ()):
                return f"{_show(item)} is not one of the choices {_list(q.values)}"
            if item in seen:
                return f"{_show(item)} is chosen twice"
            seen.add(item)
    elif t in ("number", "money"):
        if not _is_number(value):
            return f"expected a number, got {_show(value)}"
        if isinstance(value, float) and not math.isfinite(value):
            return "expected a finite number"
        if t == "number" and isinstance(value, float) and not value.is_integer():
            return f"expected a whole number, got {value!r}"
        if q.min is not None and value < q.min:
            return f"{value!r} is less than the smallest allowed value {q.min!r}"
        if q.max is not None and value > q.max:
            return f"{value!r} is more than the largest allowed value {q.max!r}"
    elif t == "date":
        if not isinstance(value, str):
            return f"expected a date written YYYY-MM-DD, got {_show(value)}"
        if value == "":
            return None
        if not _DATE_RE.match(value):
            return f"expected a date written YYYY-MM-DD, got {_show(value)}"
        try:
            _dt.date.fromisoformat(value)
        except ValueError:
            return f"{_show(value)} is not a real date"
    elif t == "text":
        if not isinstance(value, str):
            return f"expected text, got {_show(value)}"
        limit = q.max_length or DEFAULT_TEXT_LENGTH
        if len(value) > limit:
            return f"the text is too long ({len(value)} characters; the limit is {limit})"
        if _CONTROL.search(value):
            return "the text contains control characters"
    if q.constraint is not None and not q.constraint.evaluate({}, value):
        msg = q.constraint_message.en if q.constraint_message else "the answer is not allowed"
        return f"{_show(value)}: {msg}"
    return None


def _show(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _list(values: tuple[str, ...] | None) -> str:
    return "(" + ", ".join(values or ()) + ")"


# --------------------------------------------------------------------------- loading


def load_questionnaire(path: Path | None = None) -> Questionnaire:
    """Load the shipped questionnaire (or ``path``); raise ContentError listing every problem."""
    if path is None:
        from desktop.resources import resource_path

        path = resource_path("questionnaire.yaml")
    from desktop.content.yamlsafe import load_yaml

    data, index = load_yaml(path, display_name=path.name)
    return parse_questionnaire(data, index, path.name)


def load_questionnaire_text(text: str, filename: str = "questionnaire.yaml") -> Questionnaire:
    """Like :func:`load_questionnaire` for text in memory (tests, tools)."""
    from desktop.content.yamlsafe import load_yaml_text

    data, index = load_yaml_text(text, filename)
    return parse_questionnaire(data, index, filename)


class _Collector:
    """Collects problems for one file so that all of them are reported at once."""

    def __init__(self, filename: str, index: LineIndex):
        self.filename = filename
        self.index = index
        self.problems: list[Problem] = []

    def add(
        self,
        path: tuple[Any, ...],
        message: str,
        *,
        item: str | None = None,
        fld: str | None = None,
        line: int | None = None,
        column: int | None = None,
    ) -> None:
        if line is None:
            line = self.index.line_of(path)
        self.problems.append(
            Problem(self.filename, message, item=item, field=fld, line=line, column=column)
        )

    def text(self, raw: Any, path: tuple[Any, ...], item: str | None, fld: str) -> Text | None:
        if not isinstance(raw, dict):
            self.add(path, "expected a {zh: ..., en: ...} pair of texts", item=item, fld=fld)
            return None
        ok = True
        for lang in ("zh", "en"):
            val = raw.get(lang)
            if not isinstance(val, str) or not val.strip():
                self.add(
                    (*path, lang), f"the {lang!r} text is missing or empty", item=item, fld=fld
                )
                ok = False
        extra = sorted(str(k) for k in raw if k not in ("zh", "en"))
        if extra:
            self.add(path, f"unexpected language keys {extra} (only zh and en)", item=item, fld=fld)
            ok = False
        if ok and any("{fact" in raw[lang] for lang in ("zh", "en")):
            # Questions are not resolved against the facts table: it would show as typed.
            self.add(
                path,
                "a question cannot show a fact; say it in the Guide and point to it",
                item=item,
                fld=fld,
            )
            ok = False
        if ok and fld != "constraint_message":
            # A figure that changes belongs in the facts table and the Guide, not in a
            # question (a constraint message states the form's own limits, not a fact).
            for lang in ("zh", "en"):
                figures = prose_figures(raw[lang])
                if figures:
                    self.add(
                        (*path, lang),
                        f"a figure is written into the question ({figures_shown(figures)}): "
                        "say it in the Guide, from the facts table, and point to it",
                        item=item,
                        fld=fld,
                    )
                    ok = False
        return Text(zh=raw["zh"].strip(), en=raw["en"].strip()) if ok else None

    def condition(
        self, raw: Any, path: tuple[Any, ...], item: str | None, fld: str
    ) -> Condition | None:
        if not isinstance(raw, str):
            self.add(path, "a condition must be text in quotes", item=item, fld=fld)
            return None
        try:
            return parse(raw)
        except ConditionError as exc:
            from desktop.content.loader import condition_problem_column

            line, column = condition_problem_column(self.index, path, raw, exc.column)
            self.add(
                path,
                f"the condition does not parse at column {exc.column}: {exc.message}",
                item=item,
                fld=fld,
                line=line,
                column=column,
            )
            return None


def parse_questionnaire(data: Any, index: LineIndex, filename: str) -> Questionnaire:
    """Check loaded YAML data and build the :class:`Questionnaire`."""
    c = _Collector(filename, index)
    if not isinstance(data, dict):
        raise ContentError(
            Problem(filename, "expected a mapping with 'schema' and 'pages'", line=1)
        )
    if data.get("schema") != SCHEMA:
        c.add(("schema",), f"'schema' must be {SCHEMA}", fld="schema")
    extra = sorted(str(k) for k in data if k not in ("schema", "pages"))
    if extra:
        c.add((), f"unexpected top-level keys {extra}")
    pages_raw = data.get("pages")
    if not isinstance(pages_raw, list) or not pages_raw:
        c.add(("pages",), "'pages' must be a non-empty list", fld="pages")
        raise ContentError(c.problems)

    pages: list[Page] = []
    questions: dict[str, Question] = {}
    cond_fields: list[tuple[Question, str, Condition, tuple[Any, ...]]] = []
    page_ids: set[str] = set()
    for pi, praw in enumerate(pages_raw):
        ppath: tuple[Any, ...] = ("pages", pi)
        if not isinstance(praw, dict):
            c.add(ppath, "a page must be a mapping with id, title and questions")
            continue
        pid = praw.get("id")
        if not isinstance(pid, str) or not _ID_RE.match(pid):
            c.add((*ppath, "id"), f"page id {pid!r} must be lower-case letters, digits and '_'")
            pid = f"#{pi}"
        elif pid in page_ids:
            c.add((*ppath, "id"), f"the page id {pid!r} is used twice", item=pid)
        page_ids.add(pid)
        for key in sorted(str(k) for k in praw if k not in _PAGE_KEYS):
            c.add((*ppath, key), f"unexpected page field {key!r}", item=pid)
        title = c.text(praw.get("title"), (*ppath, "title"), pid, "title")
        intro = c.text(praw["intro"], (*ppath, "intro"), pid, "intro") if "intro" in praw else None
        qraws = praw.get("questions")
        if not isinstance(qraws, list) or not qraws:
            c.add((*ppath, "questions"), "a page needs a non-empty list of questions", item=pid)
            qraws = []
        page_questions: list[Question] = []
        for qi, qraw in enumerate(qraws):
            q = _parse_question(c, qraw, (*ppath, "questions", qi), pid, questions, cond_fields)
            if q is not None:
                page_questions.append(q)
                questions[q.id] = q
        if title is not None:
            pages.append(Page(id=pid, title=title, questions=tuple(page_questions), intro=intro))

    # Second pass: conditions, now that every id and value is known.
    order = {qid: i for i, qid in enumerate(questions)}
    for q, fld, cond, path in cond_fields:
        earlier = {k for k, i in order.items() if i < order[q.id]} if fld == "relevant" else None
        for msg in _check_condition_names(cond, questions, earlier, own=q.id):
            c.add(path, msg, item=q.id, fld=fld)

    if c.problems:
        raise ContentError(c.problems)
    return Questionnaire(pages=tuple(pages), questions=MappingProxyType(questions))


def _parse_question(
    c: _Collector,
    raw: Any,
    path: tuple[Any, ...],
    page_id: str,
    seen: dict[str, Question],
    cond_fields: list[tuple[Question, str, Condition, tuple[Any, ...]]],
) -> Question | None:
    if not isinstance(raw, dict):
        c.add(path, "a question must be a mapping with id, type and label")
        return None
    qid = raw.get("id")
    ok = True
    if not isinstance(qid, str) or not _ID_RE.match(qid):
        c.add((*path, "id"), f"question id {qid!r} must be lower-case letters, digits and '_'")
        return None
    if qid in _RESERVED:
        c.add((*path, "id"), f"{qid!r} is a word of the condition language", item=qid)
        ok = False
    if qid in seen:
        c.add((*path, "id"), f"the question id {qid!r} is used twice", item=qid)
        ok = False
    for key in sorted(str(k) for k in raw if k not in _QUESTION_KEYS):
        c.add((*path, key), f"unexpected question field {key!r}", item=qid, fld=key)
        ok = False
    qtype = raw.get("type")
    if qtype not in QUESTION_TYPES:
        c.add(
            (*path, "type"),
            f"type {qtype!r} must be one of {', '.join(QUESTION_TYPES)}",
            item=qid,
            fld="type",
        )
        return None
    label = c.text(raw.get("label"), (*path, "label"), qid, "label")
    help_ = c.text(raw["help"], (*path, "help"), qid, "help") if "help" in raw else None
    if label is None or ("help" in raw and help_ is None):
        ok = False

    options: list[Option] = []
    if qtype in ("single", "multi"):
        oraw = raw.get("options")
        if not isinstance(oraw, list) or len(oraw) < 2:
            c.add(
                (*path, "options"),
                "a choice question needs a list of at least two options",
                item=qid,
                fld="options",
            )
            ok = False
            oraw = []
        values: set[str] = set()
        for oi, opt in enumerate(oraw):
            opath = (*path, "options", oi)
            if not isinstance(opt, dict) or set(opt) != {"value", "label"}:
                c.add(
                    opath,
                    "an option is {value: ..., label: {zh: ..., en: ...}}",
                    item=qid,
                    fld="options",
                )
                ok = False
                continue
            val = opt["value"]
            if isinstance(val, bool):
                c.add(
                    (*opath, "value"),
                    "YAML reads yes/no/on/off as true/false: write "
                    f'"{"yes" if val else "no"}" in quotes',
                    item=qid,
                    fld="options",
                )
                ok = False
                continue
            if not isinstance(val, str) or not _VALUE_RE.match(val):
                c.add(
                    (*opath, "value"),
                    f"option value {val!r} must be lower-case letters, digits and '_'",
                    item=qid,
                    fld="options",
                )
                ok = False
                continue
            if val in values:
                c.add(
                    (*opath, "value"),
                    f"the option value {val!r} appears twice",
                    item=qid,
                    fld="options",
                )
                ok = False
            values.add(val)
            olabel = c.text(opt["label"], (*opath, "label"), qid, "options")
            if olabel is None:
                ok = False
            else:
                options.append(Option(val, olabel))
    elif "options" in raw:
        if qtype == "yesno":
            c.add(
                (*path, "options"),
                "a yesno question has fixed options yes and no; use type single for other choices",
                item=qid,
                fld="options",
            )
        else:
            c.add((*path, "options"), f"a {qtype} question has no options", item=qid, fld="options")
        ok = False
    if qtype == "yesno":
        options = [Option(v, _YESNO_LABELS[v]) for v in YESNO_VALUES]

    required = raw.get("required", False)
    if not isinstance(required, bool):
        c.add((*path, "required"), "'required' must be true or false", item=qid, fld="required")
        ok = False

    bounds: dict[str, int | float | None] = {"min": None, "max": None}
    for key in ("min", "max"):
        if key not in raw:
            continue
        if qtype not in ("number", "money"):
            c.add(
                (*path, key), f"{key!r} is only for number and money questions", item=qid, fld=key
            )
            ok = False
        elif not _is_number(raw[key]) or not math.isfinite(raw[key]):
            c.add((*path, key), f"{key!r} must be a number", item=qid, fld=key)
            ok = False
        else:
            bounds[key] = raw[key]
    if bounds["min"] is not None and bounds["max"] is not None and bounds["min"] > bounds["max"]:
        c.add((*path, "min"), "'min' is larger than 'max'", item=qid, fld="min")
        ok = False
    max_length = raw.get("max_length")
    if max_length is not None:
        if qtype != "text":
            c.add(
                (*path, "max_length"),
                "'max_length' is only for text questions",
                item=qid,
                fld="max_length",
            )
            ok = False
        elif (
            isinstance(max_length, bool)
            or not isinstance(max_length, int)
            or not (1 <= max_length <= 10_000)
        ):
            c.add(
                (*path, "max_length"),
                "'max_length' must be a whole number from 1 to 10000",
                item=qid,
                fld="max_length",
            )
            ok = False

    relevant = constraint = None
    if "relevant" in raw:
        relevant = c.condition(raw["relevant"], (*path, "relevant"), qid, "relevant")
        ok = ok and relevant is not None
        if relevant is not None and relevant.uses_value:
            c.add(
                (*path, "relevant"),
                "'.' (the answer being checked) only has a meaning in a constraint",
                item=qid,
                fld="relevant",
            )
            ok = False
    if "constraint" in raw:
        constraint = c.condition(raw["constraint"], (*path, "constraint"), qid, "constraint")
        ok = ok and constraint is not None
    message = None
    if "constraint_message" in raw:
        message = c.text(
            raw["constraint_message"], (*path, "constraint_message"), qid, "constraint_message"
        )
        ok = ok and message is not None
    if "constraint" in raw and "constraint_message" not in raw:
        c.add(
            (*path, "constraint"),
            "a constraint needs a constraint_message telling the person what to enter",
            item=qid,
            fld="constraint_message",
        )
        ok = False
    if not ok or label is None:
        return None
    q = Question(
        id=qid,
        type=qtype,
        label=label,
        help=help_,
        options=tuple(options),
        relevant=relevant,
        constraint=constraint,
        constraint_message=message,
        required=required,
        min=bounds["min"],
        max=bounds["max"],
        max_length=max_length,
        page=page_id,
        line=c.index.line_of(path),
    )
    if relevant is not None:
        cond_fields.append((q, "relevant", relevant, (*path, "relevant")))
    if constraint is not None:
        cond_fields.append((q, "constraint", constraint, (*path, "constraint")))
    return q


def _check_condition_names(
    cond: Condition,
    questions: Mapping[str, Question],
    earlier: set[str] | None,
    own: str | None = None,
) -> list[str]:
    """Problems with the names and literals of ``cond`` (see Questionnaire.check_condition)."""
    problems: list[str] = []
    for name in sorted(cond.names):
        q = questions.get(name)
        if q is None:
            problems.append(f"the condition names {name!r}, which is not a question id")
            continue
        if earlier is not None and name not in earlier:
            problems.append(
                f"'relevant' may only look at earlier questions, but {name!r} "
                + ("is this question" if name == own else "comes later")
            )
        literals = cond.literals_for(name)
        if q.values is not None:
            bad = sorted(repr(v) for v in literals if v not in q.values)
            if bad:
                problems.append(
                    f"{name!r} has no option {', '.join(bad)} (its values: {', '.join(q.values)})"
                )
        elif q.type in ("number", "money"):
            bad = sorted(repr(v) for v in literals if not _is_number(v))
            if bad:
                problems.append(f"{name!r} is a number; it cannot equal {', '.join(bad)}")
        elif q.type == "date":
            bad = sorted(
                repr(v) for v in literals if not (isinstance(v, str) and _DATE_RE.match(v))
            )
            if bad:
                problems.append(
                    f"{name!r} is a date (YYYY-MM-DD); it cannot equal {', '.join(bad)}"
                )
    return problems
