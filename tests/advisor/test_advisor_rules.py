"""The advice rules files: the shipped ones load clean, and broken ones are reported
with file, rule id and line."""

from __future__ import annotations

import datetime as dt
import shutil
import textwrap
from pathlib import Path
from types import MappingProxyType

import pytest
from advisor_cases import TODAY

from desktop.advisor.rules import check_rules, load_rules
from desktop.content.errors import ContentError
from desktop.content.model import Catalog, Text, Topic
from desktop.resources import base_dir


def test_shipped_rules(rules):
    assert len(rules.red_flags) >= 25
    assert {f.severity for f in rules.red_flags} == {"stop", "caution"}
    assert len(rules.requirements) >= 10
    assert len(rules.training) >= 6
    assert {c.id for c in rules.channels} == {
        "licensed-enterprise",
        "eps-korea",
        "japan-trainee",
        "japan-ssw",
        "company-dispatch",
        "own-search",
        "private-intermediary",
    }
    assert {c.phase for c in rules.checklist} == {
        "prepare",
        "before_signing",
        "before_departure",
        "on_arrival",
        "at_work",
        "coming_home",
    }
    for rule in rules.all_rules():
        assert rule.sources, rule.id
        assert rule.reviewed <= TODAY
    # the one seed passage a rule still builds on: Chinese firms' projects abroad
    assert "japan-2018#1.3" in rules.citations()


def test_topic_and_source_references_are_known(rules):
    """Against a catalog holding exactly what the rules cite, check_rules finds nothing;
    against an empty one it names every missing topic and source, with file and line."""
    topics = {tid: _topic(tid) for tid in rules.topic_refs()}
    full = Catalog(
        (),
        MappingProxyType(topics),
        MappingProxyType(dict.fromkeys({r for r in rules.citations() if "#" not in r})),
        MappingProxyType({}),
        MappingProxyType(dict.fromkeys({r for r in rules.citations() if "#" in r})),
    )
    assert check_rules(rules, full) == []
    empty = Catalog((), {}, {}, {}, {})
    problems = check_rules(rules, empty)
    flagged = [p for p in problems if p.item == "deposit-demanded"]
    assert {p.field for p in flagged} == {"topic", "sources"}
    assert all(p.file == "resources/advice/red_flags.yaml" and p.line for p in flagged)


def test_rules_cite_only_shipped_sources(rules):
    """Every source id the rules cite exists in resources/sources.yaml."""
    import yaml

    text = (base_dir() / "resources" / "sources.yaml").read_text(encoding="utf-8")
    known = {s["id"] for s in yaml.safe_load(text)["sources"]}
    cited = {r for r in rules.citations() if "#" not in r}
    assert cited <= known, sorted(cited - known)


def _topic(tid: str) -> Topic:
    return Topic(
        tid,
        tid.split(".")[0],
        Text("题", "T"),
        Text("概", "S"),
        Text("文", "B"),
        None,
        None,
        ("x",),
        dt.date(2026, 1, 1),
    )


# --------------------------------------------------------------------------- broken files


@pytest.fixture
def base(tmp_path: Path) -> Path:
    """A copy of the shipped questionnaire and advice files to break one at a time."""
    src = base_dir() / "resources"
    (tmp_path / "resources").mkdir()
    shutil.copy(src / "questionnaire.yaml", tmp_path / "resources" / "questionnaire.yaml")
    shutil.copytree(src / "advice", tmp_path / "resources" / "advice")
    shutil.copytree(src / "facts", tmp_path / "resources" / "facts")
    return tmp_path


def _write(base: Path, name: str, text: str) -> None:
    (base / "resources" / "advice" / name).write_text(textwrap.dedent(text), encoding="utf-8")


def _problems(base: Path) -> list:
    with pytest.raises(ContentError) as exc:
        load_rules(base, today=TODAY)
    return exc.value.problems


def test_copy_loads(base):
    assert len(load_rules(base, today=TODAY).red_flags) >= 25


RED_FLAG = """\
schema: 1
red_flags:
  - id: good
    severity: stop
    when: "deposit_requested == 'yes'"
    title: {zh: 标题, en: Title}
    what_it_means: {zh: 意思, en: Meaning}
    do_now: {zh: 做, en: Do}
    rule: {zh: 规定, en: Rule}
    topic: rights.fees-deposits
    sources: [cn-reg-labour-coop-2012]
    reviewed: 2026-11-25
  - id: bad
    severity: urgent
    when: "deposit_requestd == 'yes' or visa_offered == 'tourist'"
    title: {zh: 标题}
    what_it_means: {zh: 意思, en: Meaning}
    do_now: {zh: 做, en: Do}
    rule: {zh: 规定, en: Rule}
    topic: fees
    sources: []
    reviewed: 2030-01-01
    colour: red
"""


def test_broken_red_flag_reports_every_problem_with_lines(base):
    _write(base, "red_flags.yaml", RED_FLAG)
    problems = _problems(base)
    assert all(p.file == "resources/advice/red_flags.yaml" for p in problems)
    assert all(p.item == "bad" for p in problems)
    text = "\n".join(str(p) for p in problems)
    assert "severity must be 'stop' or 'caution', not 'urgent'" in text
    assert "'deposit_requestd' is not a question id (did you mean 'deposit_requested'?)" in text
    assert "'tourist' is not an option of question 'visa_offered'" in text
    assert "'sources' must be a non-empty list" in text
    assert "2030-01-01 is in the future" in text
    assert "unknown field 'colour'" in text
    assert "'fees' is not a valid value" in text
    lines = {p.field: p.line for p in problems}
    assert lines["severity"] == 14
    assert lines["when"] == 15
    assert lines["reviewed"] == 22


def test_condition_syntax_error_points_into_the_expression(base):
    _write(
        base,
        "training.yaml",
        """\
        schema: 1
        steps:
          - id: step
            when: "destination = 'japan'"
            title: {zh: 题, en: T}
            text: {zh: 文, en: T}
            sources: [cn-reg-labour-coop-2012]
            reviewed: 2026-11-25
        """,
    )
    (p,) = _problems(base)
    assert p.file == "resources/advice/training.yaml" and p.line == 4
    assert p.column == 11 + 13  # "destination =": the '=' is column 13 of the expression
    assert "'=='" in p.message


def test_checklist_days_must_fit_the_phase(base):
    _write(
        base,
        "checklist.yaml",
        """\
        schema: 1
        items:
          - id: a
            phase: on_arrival
            days_before_departure: 10
            title: {zh: 题, en: T}
            why: {zh: 因, en: W}
            sources: [cn-reg-labour-coop-2012]
            reviewed: 2026-11-25
          - id: b
            phase: someday
            title: {zh: 题, en: T}
            why: {zh: 因, en: W}
            sources: [cn-reg-labour-coop-2012]
            reviewed: 2026-11-25
          - id: a
            phase: prepare
            title: {zh: 题, en: T}
            why: {zh: 因, en: W}
            sources: [cn-reg-labour-coop-2012]
            reviewed: 2026-11-25
        """,
    )
    problems = _problems(base)
    text = "\n".join(str(p) for p in problems)
    assert "'days_before_departure' is only for the phases" in text
    assert "phase 'someday' must be one of" in text
    assert "the id 'a' is used twice" in text
    assert [p.line for p in problems] == [5, 11, 16]


def test_channel_answer_must_be_a_channel_value(base):
    _write(
        base,
        "channels.yaml",
        """\
        schema: 1
        channels:
          - id: x
            answer: by_boat
            topic: channels.own-search
            title: {zh: 题, en: T}
            base: ten
            reasons:
              - {points: 1.5, reason: {zh: 因, en: R}}
            sources: [cn-reg-labour-coop-2012]
            reviewed: 2026-11-25
        """,
    )
    text = "\n".join(str(p) for p in _problems(base))
    assert "'by_boat' is not an option of the question 'channel'" in text
    assert "'base' must be a whole number" in text
    assert "'points' must be a whole number" in text


def test_missing_file(base):
    (base / "resources" / "advice" / "requirements.yaml").unlink()
    (p,) = _problems(base)
    assert p.file == "resources/advice/requirements.yaml" and "missing" in p.message


def test_rules_match_the_shipped_guide(questionnaire, rules):
    """Every topic and source the rules name exists in the Guide as shipped."""
    from desktop.content.loader import load_catalog_with_problems

    result = load_catalog_with_problems(known_questions=questionnaire.known_values(), today=TODAY)
    assert check_rules(rules, result.catalog) == []
