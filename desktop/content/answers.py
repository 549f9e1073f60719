"""The answers file: a person's answers as JSON, prepared by hand, by a counsellor or by the app.

The contract (documented in the README, listed by ``passage questions --json``)::

    {"schema": 1, "lang": "zh", "answers": {"question_id": value, ...}}

``lang`` is ``"zh"`` or ``"en"``. ``value`` is an option value (text), a list of
them for multiple-choice questions, a number, a ``YYYY-MM-DD`` date or text; ``null``
and ``""`` (for date and text questions) mean "not answered" and are dropped.

Answers files travel on USB sticks between counsellors, so they are untrusted input:
the reader refuses files over :data:`MAX_BYTES`, nesting deeper than
:data:`MAX_NESTING`, numbers with more than :data:`MAX_NUMBER_DIGITS` digits,
``NaN``/``Infinity`` and duplicate keys, and never ignores anything quietly: an
unknown question id or a wrong value is reported *by name*, and every problem in the
file is reported at once as one :class:`~desktop.content.errors.ContentError`.
"""

from __future__ import annotations

import difflib
import json
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop.content.errors import ContentError, Problem
from desktop.content.questionnaire import Questionnaire, validate_answer

__all__ = [
    "LANGS",
    "MAX_BYTES",
    "MAX_NESTING",
    "MAX_NUMBER_DIGITS",
    "SCHEMA",
    "AnswersFile",
    "dump_answers",
    "parse_answers_file",
    "parse_answers_text",
]

SCHEMA = 1
LANGS = ("zh", "en")
MAX_BYTES = 1_000_000
MAX_NESTING = 20
MAX_NUMBER_DIGITS = 30
_TOP_KEYS = ("schema", "lang", "answers")


@dataclass(frozen=True)
class AnswersFile:
    """A checked answers file: language and the answers (only answered questions)."""

    lang: str
    answers: Mapping[str, Any]


class _Refused(Exception):
    """A value the JSON reader must not build (NaN, a huge number, a duplicate key)."""


def parse_answers_file(path: Path, questionnaire: Questionnaire) -> AnswersFile:
    """Read and check the answers file at ``path``."""
    name = path.name
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise ContentError(
                Problem(name, f"the file is too large ({size} bytes; the limit is {MAX_BYTES})")
            )
        with path.open("rb") as fh:
            raw = fh.read(MAX_BYTES + 1)
    except OSError as exc:
        raise ContentError(Problem(name, f"cannot read the file: {exc.strerror or exc}")) from None
    return parse_answers_text(raw, name, questionnaire)


def parse_answers_text(text: str | bytes, name: str, questionnaire: Questionnaire) -> AnswersFile:
    """Check answers given as JSON text; ``name`` is how the file is named in problems."""
    size = len(text.encode("utf-8", "surrogatepass")) if isinstance(text, str) else len(text)
    if size > MAX_BYTES:
        raise ContentError(
            Problem(name, f"the file is too large ({size} bytes; the limit is {MAX_BYTES})")
        )
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8")
        except UnicodeDecodeError as exc:
            line = text[: exc.start].count(b"\n") + 1
            raise ContentError(
                Problem(name, "the file is not UTF-8 text (save it as UTF-8)", line=line)
            ) from None
    if text.startswith("\ufeff"):
        text = text[1:]
    data = _load_json(text, name)

    problems: list[Problem] = []

    def add(message: str, item: str | None = None, fld: str | None = None) -> None:
        problems.append(
            Problem(
                name,
                message,
                item=item,
                field=fld,
                line=_line_of_key(text, item if item is not None else fld),
            )
        )

    if not isinstance(data, dict):
        raise ContentError(
            Problem(
                name,
                'expected a JSON object: {"schema": 1, "lang": "zh", "answers": {...}}',
                line=1,
            )
        )
    for key in data:
        if key not in _TOP_KEYS:
            add(f"unknown top-level key {key!r} (expected {', '.join(_TOP_KEYS)})", fld=key)
    schema = data.get("schema")
    if "schema" not in data:
        add(f'"schema" is missing (write "schema": {SCHEMA})', fld="schema")
    elif isinstance(schema, bool) or schema != SCHEMA:
        add(f"this version of Passage reads schema {SCHEMA}, not {schema!r}", fld="schema")
    lang = data.get("lang", "zh")
    if lang not in LANGS:
        add(f'"lang" must be "zh" or "en", not {lang!r}', fld="lang")
        lang = "zh"
    answers_raw = data.get("answers")
    answers: dict[str, Any] = {}
    if "answers" not in data:
        add('"answers" is missing', fld="answers")
    elif not isinstance(answers_raw, dict):
        add('"answers" must be an object of question ids and answers', fld="answers")
    else:
        known = list(questionnaire.questions)
        for qid, value in answers_raw.items():
            q = questionnaire.questions.get(qid)
            if q is None:
                hint = difflib.get_close_matches(qid, known, n=1)
                more = f" (did you mean {hint[0]!r}?)" if hint else ""
                add(f"unknown question id {qid!r}{more}", item=qid)
                continue
            if value is None or (value == "" and q.type in ("date", "text")):
                continue  # not answered
            problem = validate_answer(q, value)
            if problem is not None:
                add(f"question {qid!r}: {problem}", item=qid)
                continue
            if (q.type == "number" and isinstance(value, float)) or (
                q.type == "money" and isinstance(value, float) and value.is_integer()
            ):
                value = int(value)
            elif q.type == "multi":
                value = list(value)
            answers[qid] = value
    if problems:
        raise ContentError(problems)
    return AnswersFile(lang=lang, answers=answers)


def dump_answers(answers: Mapping[str, Any], lang: str) -> str:
    """The answers-file text for ``answers`` (unanswered questions left out).

    Keys are sorted so that two saves of the same answers are byte-identical (a
    counsellor can compare files); Chinese stays readable (no ``\\u`` escapes).
    """
    if lang not in LANGS:
        raise ValueError(f"lang must be one of {LANGS}, not {lang!r}")
    clean = {k: v for k, v in sorted(answers.items()) if v is not None}
    doc = {"schema": SCHEMA, "lang": lang, "answers": clean}
    return json.dumps(doc, ensure_ascii=False, indent=2, allow_nan=False) + "\n"


# --------------------------------------------------------------------------- JSON


def _load_json(text: str, name: str) -> Any:
    depth_problem = _nesting_problem(text)
    if depth_problem is not None:
        line, column = depth_problem
        raise ContentError(
            Problem(
                name,
                f"the data is nested too deeply (more than {MAX_NESTING} levels)",
                line=line,
                column=column,
            )
        )
    try:
        return json.loads(
            text,
            parse_constant=_refuse_constant,
            parse_int=_parse_int,
            parse_float=_parse_float,
            object_pairs_hook=_no_duplicates,
        )
    except json.JSONDecodeError as exc:
        raise ContentError(
            Problem(name, f"not valid JSON: {exc.msg}", line=exc.lineno, column=exc.colno)
        ) from None
    except _Refused as exc:
        raise ContentError(Problem(name, str(exc))) from None
    except RecursionError:  # pragma: no cover - _nesting_problem catches this first
        raise ContentError(Problem(name, "the data is nested too deeply")) from None


def _nesting_problem(text: str) -> tuple[int, int] | None:
    """Line and column where ``[``/``{`` nesting first exceeds MAX_NESTING, else None.

    A linear scan (skipping strings) so that a hostile file cannot make the JSON
    parser recurse thousands of levels deep.
    """
    depth = 0
    in_string = False
    escaped = False
    line, line_start = 1, 0
    for i, ch in enumerate(text):
        if ch == "\n":
            line += 1
            line_start = i + 1
        if in_string:
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == '"':
                in_string = False
            continue
        if ch == '"':
            in_string = True
        elif ch in "[{":
            depth += 1
            if depth > MAX_NESTING:
                return line, i - line_start + 1
        elif ch in "]}":
            depth -= 1
    return None


def _refuse_constant(name: str) -> Any:
    raise _Refused(f"{name} is not a number Passage accepts (use an ordinary number)")


def _parse_int(text: str) -> int:
    digits = text.lstrip("-")
    if len(digits) > MAX_NUMBER_DIGITS:
        raise _Refused(f"the number {text[:20]}... is too large ({len(digits)} digits)")
    return int(text)


def _parse_float(text: str) -> float:
    if len(text) > MAX_NUMBER_DIGITS + 10:
        raise _Refused(f"the number {text[:20]}... is too long")
    value = float(text)
    if not math.isfinite(value):
        raise _Refused(f"the number {text[:40]} is too large")
    return value


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise _Refused(f"the key {key!r} appears twice in the same object")
        out[key] = value
    return out


def _line_of_key(text: str, key: str | None) -> int | None:
    """Line of the first ``"key":`` in the text (good enough to point a person at it)."""
    if key is None:  # "" is a key too: a file may say {"": "japan"}
        return None
    m = re.search(r'"' + re.escape(json.dumps(key, ensure_ascii=False)[1:-1]) + r'"\s*:', text)
    return text.count("\n", 0, m.start()) + 1 if m else None
