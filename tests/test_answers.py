"""Answers files: the JSON contract, and every problem reported by name and line."""

from __future__ import annotations

import json

import pytest

from desktop.content.answers import (
    MAX_BYTES,
    MAX_NESTING,
    AnswersFile,
    dump_answers,
    parse_answers_file,
    parse_answers_text,
)
from desktop.content.errors import ContentError
from desktop.content.questionnaire import load_questionnaire


@pytest.fixture(scope="module")
def qn():
    return load_questionnaire()


def _problems(text, qn) -> list:
    with pytest.raises(ContentError) as exc:
        parse_answers_text(text, "answers.json", qn)
    return exc.value.problems


def test_good_file(qn):
    text = json.dumps(
        {
            "schema": 1,
            "lang": "en",
            "answers": {
                "destination": "japan",
                "age": 28.0,
                "fees_paid_cny": 12000.5,
                "agency_name": "某某公司",
                "departure_date": "2027-03-01",
                "has_passport": "yes",
                "insurance_arranged": None,
                "health_check_done": None,
            },
        },
        ensure_ascii=False,
    )
    result = parse_answers_text(text, "answers.json", qn)
    assert result == AnswersFile(
        lang="en",
        answers={
            "destination": "japan",
            "age": 28,
            "fees_paid_cny": 12000.5,
            "agency_name": "某某公司",
            "departure_date": "2027-03-01",
            "has_passport": "yes",
        },
    )
    assert isinstance(result.answers["age"], int)


def test_empty_date_and_null_mean_not_answered(qn):
    text = '{"schema": 1, "lang": "zh", "answers": {"departure_date": "", "age": null}}'
    assert parse_answers_text(text, "a.json", qn).answers == {}


def test_lang_defaults_to_chinese(qn):
    assert parse_answers_text('{"schema": 1, "answers": {}}', "a.json", qn).lang == "zh"


def test_round_trip(qn, tmp_path):
    answers = {"destination": "korea", "age": 30, "agency_name": "韩国项目", "knows_12308": "no"}
    text = dump_answers(answers, "zh")
    assert "韩国项目" in text  # no \u escapes: readable in Notepad
    path = tmp_path / "a.json"
    path.write_text(text, encoding="utf-8")
    result = parse_answers_file(path, qn)
    assert result.lang == "zh" and result.answers == answers
    # byte-identical when saved again
    assert dump_answers(result.answers, result.lang) == text


def test_dump_leaves_out_unanswered_and_checks_lang():
    data = json.loads(dump_answers({"age": 30, "destination": None}, "en"))
    assert data == {"schema": 1, "lang": "en", "answers": {"age": 30}}
    with pytest.raises(ValueError):
        dump_answers({}, "fr")


def test_unknown_ids_and_wrong_values_named_all_at_once(qn):
    text = (
        "{\n"
        '  "schema": 1,\n'
        '  "lang": "zh",\n'
        '  "answers": {\n'
        '    "destinaton": "japan",\n'
        '    "age": 12,\n'
        '    "has_passport": true,\n'
        '    "visa_offered": "tourist"\n'
        "  }\n"
        "}\n"
    )
    problems = _problems(text, qn)
    assert [p.item for p in problems] == ["destinaton", "age", "has_passport", "visa_offered"]
    assert "unknown question id 'destinaton' (did you mean 'destination'?)" in problems[0].message
    assert "question 'age'" in problems[1].message and "16" in problems[1].message
    assert 'write "yes" or "no"' in problems[2].message
    assert "'tourist' is not one of the choices" in problems[3].message
    assert "tourist_or_business" in problems[3].message
    assert [p.line for p in problems] == [5, 6, 7, 8]
    assert all(p.file == "answers.json" for p in problems)


def test_bad_json_has_line_and_column(qn):
    problems = _problems('{\n  "schema": 1,\n  "answers": {"age": 30,}\n}', qn)
    assert len(problems) == 1
    p = problems[0]
    assert p.line == 3 and p.column is not None
    assert p.message.startswith("not valid JSON")
    assert str(p).startswith("answers.json:3:")


@pytest.mark.parametrize(
    ("doc", "needle"),
    [
        ({"lang": "zh", "answers": {}}, '"schema" is missing'),
        ({"schema": 2, "answers": {}}, "reads schema 1, not 2"),
        ({"schema": True, "answers": {}}, "not True"),
        ({"schema": 1, "lang": "fr", "answers": {}}, '"lang" must be "zh" or "en"'),
        ({"schema": 1}, '"answers" is missing'),
        ({"schema": 1, "answers": []}, '"answers" must be an object'),
        ({"schema": 1, "answers": {}, "extra": 1}, "unknown top-level key 'extra'"),
    ],
)
def test_envelope_problems(qn, doc, needle):
    problems = _problems(json.dumps(doc), qn)
    assert any(needle in p.message for p in problems), [p.message for p in problems]


def test_not_an_object(qn):
    assert "expected a JSON object" in _problems("[1, 2]", qn)[0].message


def test_nan_infinity_and_huge_numbers_refused(qn):
    for bad in ("NaN", "Infinity", "-Infinity"):
        problems = _problems('{"schema": 1, "answers": {"age": ' + bad + "}}", qn)
        assert "not a number Passage accepts" in problems[0].message
    problems = _problems('{"schema": 1, "answers": {"age": ' + "9" * 5000 + "}}", qn)
    assert "too large" in problems[0].message
    problems = _problems('{"schema": 1, "answers": {"fees_paid_cny": 1e999}}', qn)
    assert "too large" in problems[0].message
    # an ordinary but out-of-range number is a value problem, named
    problems = _problems('{"schema": 1, "answers": {"fees_paid_cny": 1e20}}', qn)
    assert problems[0].item == "fees_paid_cny"


def test_deep_nesting_refused_before_parsing(qn):
    deep = '{"schema": 1, "answers": {"age": ' + "[" * 10_000 + "]" * 10_000 + "}}"
    problems = _problems(deep, qn)
    assert "nested too deeply" in problems[0].message
    assert problems[0].line == 1
    assert problems[0].column == deep.index("[") + MAX_NESTING - 2 + 1
    # brackets inside strings do not count
    text = '{"schema": 1, "answers": {"agency_name": "' + "[" * 100 + '"}}'
    assert parse_answers_text(text, "a.json", qn).answers["agency_name"] == "[" * 100


def test_duplicate_keys_refused(qn):
    problems = _problems('{"schema": 1, "answers": {"age": 30, "age": 31}}', qn)
    assert "'age' appears twice" in problems[0].message


def test_size_limit(qn, tmp_path):
    big = '{"schema": 1, "answers": {}, "pad": "' + "x" * MAX_BYTES + '"}'
    assert "too large" in _problems(big, qn)[0].message
    path = tmp_path / "big.json"
    path.write_text(big, encoding="utf-8")
    with pytest.raises(ContentError) as exc:
        parse_answers_file(path, qn)
    assert exc.value.problems[0].file == "big.json"
    assert "too large" in exc.value.problems[0].message


def test_not_utf8_and_bom(qn, tmp_path):
    path = tmp_path / "gbk.json"
    path.write_bytes('{"schema": 1,\n"answers": {"agency_name": "公司"}}'.encode("gbk"))
    with pytest.raises(ContentError) as exc:
        parse_answers_file(path, qn)
    assert "UTF-8" in exc.value.problems[0].message and exc.value.problems[0].line == 2
    path.write_bytes(b"\xef\xbb\xbf" + b'{"schema": 1, "answers": {}}')  # Notepad's BOM
    assert parse_answers_file(path, qn).answers == {}


def test_missing_file(qn, tmp_path):
    with pytest.raises(ContentError) as exc:
        parse_answers_file(tmp_path / "nope.json", qn)
    assert "cannot read" in exc.value.problems[0].message
