"""Untrusted answers files: fuzzed, hostile and huge JSON is refused precisely or planned safely.

Answers files travel on USB sticks between counsellors. Three hypothesis fuzzers
(derandomized) feed the reader ``parse_answers_text``:

* documents built from the real question ids and option values mixed with hostile
  values (wrong types, 4000-digit and 40-digit numbers, floats, template syntax, HTML,
  RTL marks, nesting, unknown ids, wrong schema and lang);
* the text of a valid file with JSON-breaking pieces spliced in (NaN, Infinity, 1e999,
  brackets 30 deep, control characters, byte-order marks, duplicate keys);
* raw bytes.

The result is either a ContentError whose every problem names the file and the
line, question or field, or a checked AnswersFile. An accepted file must then be
usable everywhere a person's answers go: every value passes the questionnaire's own
check, the values are JSON the store accepts (no NaN), and the advisor makes a plan
from them whose JSON form is valid. Each case runs under a time limit (hang guard).

The explicit tests run the real ``advise`` command: a 50 MB file (refused by its
size in well under 2 s in-process), 100 000 levels of nesting, and a file whose text
answers and profile name carry template syntax and HTML, which must be saved to the
store literally, byte for byte.
"""

from __future__ import annotations

import datetime as _dt
import functools
import json
import time
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.content.answers import MAX_BYTES, parse_answers_file, parse_answers_text
from desktop.content.errors import ContentError
from desktop.content.questionnaire import load_questionnaire
from desktop.store import open_store
from tests.reliability.conftest import assert_precise, fuzz, run_passage, time_limit
from tests.reliability.hostile import HOSTILE_STRINGS, hostile_value, splice, splices

# A failing case with a megabyte string would otherwise be reported as this warning.
pytestmark = pytest.mark.filterwarnings(
    "ignore:Generating overly large repr:hypothesis.errors.HypothesisWarning"
)

NAME = "answers.json"
TODAY = _dt.date(2026, 12, 8)
LIMIT = 10

VALID = {
    "schema": 1,
    "lang": "zh",
    "answers": {
        "destination": "japan",
        "age": 24,
        "channel": "private_intermediary",
        "agency_name": "青岛某某公司",
        "fees_paid_cny": 12000,
        "deposit_requested": "yes",
        "departure_date": "2027-03-01",
        "visa_offered": "tourist_or_business",
    },
}
VALID_TEXT = json.dumps(VALID, ensure_ascii=False, indent=2)


@functools.cache
def knowledge():
    from desktop.knowledge import load_knowledge

    return load_knowledge()


QUESTIONS = load_questionnaire()
QIDS = list(QUESTIONS.questions)
OPTION_VALUES = sorted({v for q in QUESTIONS for v in (q.values or ())})

answer_value = st.one_of(
    st.sampled_from(OPTION_VALUES),
    st.lists(st.sampled_from(OPTION_VALUES), max_size=4),
    st.integers(min_value=-(10**35), max_value=10**35),
    st.sampled_from([10**3999, 16, 70, 15, 71, 0, -1, 2**63]),
    st.floats(allow_nan=False, allow_infinity=False),
    st.sampled_from(
        [
            "",
            "2027-03-01",
            "2026-02-30",
            "9999-12-31",
            "0001-01-01",
            "2027-3-1",
            "２０２７-０３-０１",
            "2027-03-01\n",
            "yes",
            "no",
            "unknown",
        ]
    ),
    st.booleans(),
    st.none(),
    hostile_value,
)
answers_doc = st.fixed_dictionaries(
    {},
    optional={
        "schema": st.sampled_from([1, 1, 1, 2, 0, "1", True, None, 1.0, [1]]),
        "lang": st.sampled_from(["zh", "en", "zh", "fr", "", None, 1, ["zh"]]),
        "answers": st.one_of(
            st.dictionaries(
                st.one_of(st.sampled_from(QIDS), st.sampled_from(HOSTILE_STRINGS), st.text()),
                answer_value,
                max_size=12,
            ),
            hostile_value,
        ),
        "extra": hostile_value,
    },
)


def check(raw: str | bytes) -> None:
    """Refused precisely, or accepted and safe to store and to plan from."""
    try:
        with time_limit(LIMIT):
            result = parse_answers_text(raw, NAME, QUESTIONS)
    except ContentError as exc:
        assert_precise(exc, [NAME])
        return
    assert result.lang in ("zh", "en")
    answers: dict[str, Any] = dict(result.answers)
    for qid, value in answers.items():
        assert QUESTIONS.validate_answer(qid, value) is None, (qid, value)
    json.dumps(answers, allow_nan=False)  # what Store.replace_answers will do
    with time_limit(LIMIT):
        plan = knowledge().plan(answers, today=TODAY, lang=result.lang)
        json.dumps(plan.to_json(result.lang), ensure_ascii=False, allow_nan=False)


def test_the_valid_file_is_accepted() -> None:
    result = parse_answers_text(VALID_TEXT, NAME, QUESTIONS)
    assert result.answers == VALID["answers"]


@fuzz(1000)
@given(doc=answers_doc, ascii_only=st.booleans())
def test_documents_with_hostile_values(doc: dict, ascii_only: bool) -> None:
    # allow_nan: NaN and Infinity tokens are written out, for the reader to refuse.
    check(json.dumps(doc, ensure_ascii=ascii_only, allow_nan=True, default=str))


@fuzz(800)
@given(edits=splices)
def test_valid_file_with_spliced_text(edits) -> None:
    check(splice(VALID_TEXT, edits))


@fuzz(400)
@given(
    raw=st.one_of(
        st.binary(max_size=200),
        st.binary(max_size=60).map(lambda b: b'{"schema": 1, "answers": {"age": ' + b),
    )
)
def test_arbitrary_bytes(raw: bytes) -> None:
    check(raw)


# -- through the real command ---------------------------------------------------------


def test_fifty_megabyte_file_is_refused_by_size_quickly(tmp_path: Path) -> None:
    big = tmp_path / "big.json"
    with big.open("w", encoding="utf-8") as fh:
        fh.write('{"schema": 1, "lang": "zh", "answers": {"agency_name": "')
        fh.write("护照" * (50_000_000 // 6))
        fh.write('"}}')
    assert big.stat().st_size > 50_000_000
    started = time.perf_counter()
    try:
        parse_answers_file(big, QUESTIONS)
    except ContentError as exc:
        elapsed = time.perf_counter() - started
        (problem,) = exc.problems
        assert problem.file == "big.json" and "too large" in problem.message
        assert str(MAX_BYTES) in problem.message
    else:  # pragma: no cover - the assertion below explains
        raise AssertionError("a 50 MB answers file was accepted")
    assert elapsed < 2, f"{elapsed:.2f} s"
    run = run_passage("--lang", "en", "advise", "--answers", str(big))
    assert run.returncode == 2 and "too large" in run.stderr, run.stderr
    assert "Traceback" not in run.stderr


def test_deep_nesting_is_refused_with_its_place(tmp_path: Path) -> None:
    deep = tmp_path / "deep.json"
    deep.write_text('{"schema": 1, "answers": ' + "[" * 100_000 + "]" * 100_000 + "}")
    run = run_passage("--lang", "en", "advise", "--answers", str(deep))
    assert run.returncode == 2, run.stderr
    assert "deep.json:1:" in run.stderr and "nested too deeply" in run.stderr
    assert "Traceback" not in run.stderr


def test_template_syntax_and_html_are_saved_literally(tmp_path: Path) -> None:
    """Text answers and the profile name go into the store exactly as written."""
    agency = "{{ 7*7 }} <script>alert(1)</script> {% raw %} \u202e公司\u202c ' \" ; --"
    profile = "<b>{{ 7*7 }}</b> 表弟"
    answers = tmp_path / "answers.json"
    answers.write_text(
        json.dumps(
            {
                "schema": 1,
                "lang": "zh",
                "answers": {"destination": "korea", "age": 30, "agency_name": agency},
            },
            ensure_ascii=False,
        ),
        encoding="utf-8",
    )
    data_dir = tmp_path / "data"
    run = run_passage(
        "--data-dir",
        str(data_dir),
        "advise",
        "--answers",
        str(answers),
        "--json",
        "--save-profile",
        profile,
    )
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout)["checklist"]
    store, _ = open_store(data_dir)
    try:
        (saved,) = store.list_profiles()
        assert saved.name == profile
        assert store.get_answers(saved.id)["agency_name"] == agency
    finally:
        store.close()


def test_an_empty_question_id_is_named_with_its_line() -> None:
    """Found by the fuzzer: ``{"": ...}`` was reported with neither a line nor a name."""
    text = '{\n  "schema": 1,\n  "answers": {\n    "": "japan"\n  }\n}\n'
    try:
        parse_answers_text(text, NAME, QUESTIONS)
    except ContentError as exc:
        (problem,) = exc.problems
        assert problem.line == 4 and problem.item == ""
    else:  # pragma: no cover
        raise AssertionError("an empty question id was accepted")
