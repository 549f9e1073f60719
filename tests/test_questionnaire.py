"""The questionnaire: the shipped file keeps its public contract, and bad files are
reported with the line (and column) of every problem."""

from __future__ import annotations

import textwrap

import pytest

from desktop.content.errors import ContentError
from desktop.content.questionnaire import (
    Question,
    load_questionnaire,
    load_questionnaire_text,
    validate_answer,
)

# The stable contract (README, answers files, advice rules). Never change these.
CONTRACT: dict[str, tuple[str, ...] | None] = {
    "destination": ("japan", "korea", "russia", "third_country", "undecided"),
    "channel": (
        "licensed_enterprise",
        "government_program",
        "trainee_program",
        "company_dispatch",
        "private_intermediary",
        "own_search",
        "undecided",
    ),
    "age": None,
    "occupation": (
        "construction",
        "manufacturing",
        "agriculture",
        "fishery",
        "food_processing",
        "caregiving",
        "hospitality",
        "shipbuilding",
        "forestry",
        "transport",
        "services",
        "other",
    ),
    "skill_level": ("none", "vocational_certificate", "skilled_worker", "technician", "degree"),
    "language_level": ("none", "basic", "conversational", "fluent"),
    "has_passport": ("yes", "no"),
    "offer_status": ("none", "verbal", "written_draft", "signed"),
    "contract_language_ok": ("yes", "no", "no_contract"),
    "agency_licence_verified": ("yes", "no", "not_applicable"),
    "fees_paid_cny": None,
    "deposit_requested": ("yes", "no"),
    "documents_withheld": ("yes", "no"),
    "visa_offered": ("work", "trainee", "tourist_or_business", "unknown"),
    "departure_date": None,
    "health_check_done": ("yes", "no"),
    "insurance_arranged": ("yes", "no", "unknown"),
}

# Safety questions that must offer "I don't know" (risks.md section 4).
WITH_UNKNOWN = [
    "recruiter_is_person",
    "job_in_scam_region",
    "fees_for_government_program",
    "paid_to_personal_account",
    "job_changed_after_payment",
    "fees_after_arrival",
    "visa_offered",
    "told_switch_visa_later",
    "told_what_to_say_at_border",
    "contract_penalty_clauses",
    "wages_deferred",
    "closed_management",
    "insurance_arranged",
    "insurance_buyer",
]


@pytest.fixture(scope="module")
def qn():
    return load_questionnaire()


def test_shipped_questionnaire_keeps_the_contract(qn):
    for qid, values in CONTRACT.items():
        q = qn.questions[qid]
        assert q.values == values, qid
    assert qn.questions["age"].type == "number"
    assert qn.questions["fees_paid_cny"].type == "money"
    assert qn.questions["departure_date"].type == "date"


def test_shipped_questionnaire_size_and_pages(qn):
    assert 30 <= len(qn.questions) <= 42
    assert 6 <= len(qn.pages) <= 8
    assert sum(len(p.questions) for p in qn.pages) == len(qn.questions)
    assert [q.id for q in qn] == list(qn.questions)


@pytest.mark.parametrize("qid", WITH_UNKNOWN)
def test_safety_questions_offer_i_dont_know(qn, qid):
    q = qn.questions[qid]
    opt = q.option("unknown")
    assert opt is not None
    assert opt.label.zh == "不知道"


def test_every_text_is_bilingual(qn):
    for page in qn.pages:
        assert page.title.zh and page.title.en
    for q in qn:
        assert q.label.zh.strip() and q.label.en.strip()
        for opt in q.options:
            assert opt.label.zh.strip() and opt.label.en.strip()
        if q.constraint is not None:
            assert q.constraint_message is not None


def test_known_values(qn):
    known = qn.known_values()
    assert known["destination"] == set(CONTRACT["destination"])
    assert known["has_passport"] == {"yes", "no"}
    assert known["age"] is None
    assert known["agency_name"] is None


# --------------------------------------------------------------------------- relevance


def test_relevant_questions_follow_the_answers(qn):
    ids = [q.id for q in qn.relevant_questions({"destination": "korea"})]
    assert "japan_route" not in ids
    assert "fees_for_government_program" in ids
    ids = [q.id for q in qn.relevant_questions({"destination": "japan"})]
    assert "japan_route" in ids and "fees_for_government_program" not in ids
    # skills test only for SSW in Japan
    ids = [q.id for q in qn.relevant_questions({"destination": "japan", "japan_route": "ssw"})]
    assert "skills_test_passed" in ids
    # unanswered: conditions on unanswered questions are false, so hidden
    ids = [q.id for q in qn.relevant_questions({})]
    assert "japan_route" not in ids and "paid_to_personal_account" not in ids
    assert "destination" in ids and "deposit_requested" in ids


def test_effective_answers_drop_irrelevant_invalid_and_unknown(qn):
    answers = {
        "destination": "korea",
        "japan_route": "ssw",  # only for Japan: dropped
        "fees_paid_cny": 0,
        "paid_to_personal_account": "yes",  # only when something was paid: dropped
        "age": 30.0,  # normalised to a whole number
        "occupation": "astronaut",  # not a value: dropped
        "no_such_question": "x",
        "departure_date": "",  # empty date: not answered
    }
    eff = qn.effective_answers(answers)
    assert eff == {"destination": "korea", "age": 30, "fees_paid_cny": 0}
    assert isinstance(eff["age"], int)


def test_effective_answers_cascade_through_relevance(qn):
    # insurance_buyer depends on insurance_arranged; when that one is invalid, both go
    eff = qn.effective_answers({"insurance_arranged": "maybe", "insurance_buyer": "myself"})
    assert eff == {}
    eff = qn.effective_answers({"insurance_arranged": "yes", "insurance_buyer": "myself"})
    assert eff == {"insurance_arranged": "yes", "insurance_buyer": "myself"}


def test_missing_required(qn):
    missing = [q.id for q in qn.missing_required({"destination": "japan"})]
    assert missing == ["age", "channel"]
    assert qn.missing_required({"destination": "japan", "age": 20, "channel": "undecided"}) == []


# --------------------------------------------------------------------------- answers


def test_constraint_on_age(qn):
    age = qn.questions["age"]
    assert validate_answer(age, 16) is None
    assert validate_answer(age, 70) is None
    assert "16" in (validate_answer(age, 15) or "")
    assert "whole number" in (validate_answer(age, 30.5) or "")
    assert validate_answer(age, 30.0) is None
    assert validate_answer(age, True) is not None
    assert validate_answer(age, "30") is not None
    assert validate_answer(age, float("nan")) is not None


def test_validate_choice_money_date_text(qn):
    dest = qn.questions["destination"]
    assert validate_answer(dest, "japan") is None
    msg = validate_answer(dest, "mars")
    assert msg is not None and "'mars'" in msg and "japan" in msg
    assert "yes" in (validate_answer(qn.questions["has_passport"], True) or "")
    fees = qn.questions["fees_paid_cny"]
    assert validate_answer(fees, 0) is None
    assert validate_answer(fees, 12.5) is None
    assert validate_answer(fees, -1) is not None
    assert validate_answer(fees, float("inf")) is not None
    assert validate_answer(fees, 10**12) is not None
    date = qn.questions["departure_date"]
    assert validate_answer(date, "2027-03-01") is None
    assert validate_answer(date, "") is None
    assert "real date" in (validate_answer(date, "2026-02-30") or "")
    assert validate_answer(date, "1/3/2027") is not None
    name = qn.questions["agency_name"]
    assert validate_answer(name, "某某国际经济技术合作有限公司") is None
    assert "too long" in (validate_answer(name, "x" * 121) or "")
    assert "control" in (validate_answer(name, "a\x00b") or "")
    assert validate_answer(name, None) is None


MULTI = """\
schema: 1
pages:
  - id: p
    title: {zh: 页, en: Page}
    questions:
      - id: langs
        type: multi
        label: {zh: 语言, en: Languages}
        options:
          - {value: ja, label: {zh: 日语, en: Japanese}}
          - {value: ko, label: {zh: 韩语, en: Korean}}
      - id: follow
        type: yesno
        relevant: "'ko' in langs"
        label: {zh: 追问, en: Follow-up}
"""


def test_multi_answers_and_membership_conditions():
    qn = load_questionnaire_text(MULTI)
    q: Question = qn.questions["langs"]
    assert validate_answer(q, ["ja", "ko"]) is None
    assert "twice" in (validate_answer(q, ["ja", "ja"]) or "")
    assert validate_answer(q, ["fr"]) is not None
    assert validate_answer(q, "ja") is not None
    assert [x.id for x in qn.relevant_questions({"langs": ["ko"]})] == ["langs", "follow"]
    assert [x.id for x in qn.relevant_questions({"langs": ["ja"]})] == ["langs"]


# --------------------------------------------------------------------------- bad files


def _problems(text: str) -> list:
    with pytest.raises(ContentError) as exc:
        load_questionnaire_text(textwrap.dedent(text), "q.yaml")
    return exc.value.problems


HEAD = """\
schema: 1
pages:
  - id: p
    title: {zh: 页, en: Page}
    questions:
"""


def test_duplicate_id_has_its_line():
    problems = _problems(
        HEAD
        + """\
      - id: a
        type: yesno
        label: {zh: 甲, en: A}
      - id: a
        type: yesno
        label: {zh: 乙, en: B}
"""
    )
    assert len(problems) == 1
    p = problems[0]
    assert p.file == "q.yaml" and p.item == "a" and p.line == 9
    assert "used twice" in p.message


def test_unquoted_yes_option_is_explained_with_line():
    problems = _problems(
        HEAD
        + """\
      - id: a
        type: single
        label: {zh: 甲, en: A}
        options:
          - {value: yes, label: {zh: 是, en: "Yes"}}
          - {value: "no", label: {zh: 否, en: "No"}}
"""
    )
    assert len(problems) == 1
    assert problems[0].line == 10
    assert 'write "yes" in quotes' in problems[0].message


def test_condition_syntax_error_has_line_and_column():
    problems = _problems(
        HEAD
        + """\
      - id: a
        type: yesno
        label: {zh: 甲, en: A}
      - id: b
        type: yesno
        relevant: "a == 'yes' && a != null"
        label: {zh: 乙, en: B}
"""
    )
    assert len(problems) == 1
    p = problems[0]
    assert p.item == "b" and p.field == "relevant" and p.line == 11
    # the '&&' is at column 12 of the expression, which starts at column 20 (after the quote)
    assert p.column == 20 + 12 - 1
    assert "'and'" in p.message


def test_relevant_must_look_back_and_name_real_values():
    problems = _problems(
        HEAD
        + """\
      - id: a
        type: yesno
        relevant: "b == 'yes'"
        label: {zh: 甲, en: A}
      - id: b
        type: single
        relevant: "a == 'maybe' or ghost == 1"
        label: {zh: 乙, en: B}
        options:
          - {value: x, label: {zh: 叉, en: X}}
          - {value: y, label: {zh: 歪, en: Y}}
      - id: c
        type: number
        relevant: "b == 'z'"
        constraint: ". >= 'ten'"
        constraint_message: {zh: 错, en: Wrong}
        label: {zh: 丙, en: C}
"""
    )
    by_item = {(p.item, p.message.split(" ")[0]): p for p in problems}
    messages = " | ".join(p.message for p in problems)
    assert "'b' comes later" in messages
    assert "no option 'maybe'" in messages
    assert "'ghost', which is not a question id" in messages
    assert "no option 'z'" in messages
    lines = sorted(p.line for p in problems)
    assert lines[0] == 8  # a.relevant
    assert all(p.line is not None for p in problems)
    assert by_item  # every problem names its question


def test_missing_texts_fields_and_types_are_all_reported():
    problems = _problems(
        HEAD
        + """\
      - id: a
        type: yesno
        label: {zh: 甲}
      - id: b
        type: slider
        label: {zh: 乙, en: B}
      - id: c
        type: number
        label: {zh: 丙, en: C}
        constraint: ". > 1"
        colour: red
"""
    )
    messages = [p.message for p in problems]
    assert any("'en' text is missing" in m for m in messages)
    assert any("type 'slider'" in m for m in messages)
    assert any("needs a constraint_message" in m for m in messages)
    assert any("unexpected question field 'colour'" in m for m in messages)
    assert {p.line for p in problems} == {8, 10, 15, 16}


def test_dot_in_relevant_is_refused():
    problems = _problems(
        HEAD
        + """\
      - id: a
        type: number
        relevant: ". > 1"
        label: {zh: 甲, en: A}
"""
    )
    assert "only has a meaning in a constraint" in problems[0].message


def test_not_a_mapping():
    with pytest.raises(ContentError) as exc:
        load_questionnaire_text("- just a list\n", "q.yaml")
    assert exc.value.problems[0].line == 1


def test_describe_lists_ids_types_and_values(qn):
    rows = {row["id"]: row for row in qn.describe()}
    assert rows["destination"]["values"] == list(CONTRACT["destination"])
    assert rows["age"]["type"] == "number" and rows["age"]["min"] == 16
    assert rows["japan_route"]["relevant"] == "destination == 'japan'"


def test_a_figure_in_a_question_is_refused_but_the_forms_own_limits_are_not():
    problems = _problems(
        HEAD
        + """\
      - id: a
        type: number
        label: {zh: 你多大？, en: How old are you?}
        help: {zh: 韩国要求18到39岁。, en: Korea takes people aged 18 to 39.}
        min: 16
        max: 70
        constraint: ". >= 16 and . <= 70"
        constraint_message: {zh: 请填16到70之间的整数。, en: Enter a number from 16 to 70.}
"""
    )
    assert [(p.item, p.field, p.line) for p in problems] == [("a", "help", 9), ("a", "help", 9)]
    assert "figure is written into the question" in problems[0].message


def test_a_fact_reference_in_a_question_is_refused_not_shown():
    problems = _problems(
        HEAD
        + """\
      - id: a
        type: yesno
        label: {zh: "最低工资是{fact:kr-min-wage-2026}吗？", en: "Is it {fact:kr-min-wage-2026}?"}
"""
    )
    assert [(p.item, p.field) for p in problems] == [("a", "label")]
    assert "cannot show a fact" in problems[0].message
