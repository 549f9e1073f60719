"""The catalog loader: a valid tree loads; each kind of mistake gives one precise Problem."""

from __future__ import annotations

import datetime as _dt
from pathlib import Path

import pytest

from desktop.content.errors import ContentError, Problem
from desktop.content.loader import load_catalog, load_catalog_with_problems
from desktop.content.model import Source, Text

from .tree import KNOWN_QUESTIONS, SEED, SOURCES, TODAY, section_text, write_tree


def problems_for(base: Path, **kw: object) -> list[Problem]:
    with pytest.raises(ContentError) as info:
        load_catalog(base, today=TODAY, **kw)  # type: ignore[arg-type]
    return info.value.problems


def only_problem(base: Path, **kw: object) -> Problem:
    problems = problems_for(base, **kw)
    assert len(problems) == 1, "\n".join(map(str, problems))
    return problems[0]


class TestValidTree:
    def test_loads_everything(self, tree: Path) -> None:
        catalog = load_catalog(tree, known_questions=KNOWN_QUESTIONS, today=TODAY)
        assert [s.id for s in catalog.sections] == [
            "channels",
            "destinations",
            "training",
            "rights",
        ]
        assert sorted(catalog.topics) == [
            "channels.first",
            "destinations.first",
            "rights.first",
            "training.first",
        ]
        topic = catalog.topic("channels.first")
        assert topic.section == "channels"
        assert topic.title == Text(zh="护照和签证", en="Passport and Visa")
        assert topic.body.get("en").startswith("Apply for your **passport**")
        # the fact reference became the value and its as-of month
        assert "No deposit. Wage: ₩10,320 an hour (as of October 2025)." in topic.body.en
        assert "最低工资是每小时10,320韩元（截至2025年10月）。" in topic.body.zh
        assert topic.facts == ("demo-wage",)
        assert topic.sources == ("cn-reg-2012", "demo-2020#1.1")
        assert topic.reviewed == _dt.date(2026, 11, 1)
        assert topic.keywords == {"zh": ("证件",), "en": ("travel document",)}
        assert topic.applies_when_src == "channel in ['licensed_enterprise', 'undecided']"
        assert topic.applies({"channel": "undecided"})
        assert not topic.applies({"channel": "agent"})
        assert not topic.applies({})

    def test_sources_seeds_and_passages(self, tree: Path) -> None:
        catalog = load_catalog(tree, today=TODAY)
        src = catalog.resolve("cn-reg-2012")
        assert isinstance(src, Source)
        assert src.date == _dt.date(2012, 6, 4) and src.date_text == "2012-06-04"
        assert src.confidence == "high" and not src.undated and src.locator is None
        web = catalog.sources["web-guide"]
        assert web.undated and web.date is None and web.locator == "example.org/guide"
        passage = catalog.resolve("demo-2020#1.2")
        assert passage.document_id == "demo-2020"
        assert passage.themes == ("information", "verification")
        seed = catalog.seeds["demo-2020"]
        assert seed.published == "2020-05-01" and seed.publication is None
        assert [p.locator for p in seed.passages] == ["demo-2020#1.1", "demo-2020#1.2"]
        with pytest.raises(KeyError):
            catalog.resolve("nothing")
        assert catalog.citations() == {"cn-reg-2012", "demo-2020#1.1"}

    def test_needs_review(self, tree: Path) -> None:
        catalog = load_catalog(tree, today=TODAY)
        topic = catalog.topic("rights.first")  # shows demo-wage, as of 2025-10-01
        assert catalog.needs_review(topic, _dt.date(2026, 9, 30)) is False
        assert catalog.needs_review(topic, _dt.date(2026, 10, 1)) is False
        assert catalog.needs_review(topic, _dt.date(2026, 10, 2)) is True  # fact > 12 months
        assert catalog.needs_review(topic, TODAY) is True
        assert [f.id for f in catalog.stale_facts(topic.facts, TODAY)] == ["demo-wage"]

    def test_partial_and_year_only_dates(self, tmp_path: Path) -> None:
        seed = SEED.replace("published: 2020-05-01", "published: 2021")
        sources = SOURCES.replace("date: 2012-06-04", "date: 2012-09")
        base = write_tree(
            tmp_path, {"seeds/demo-2020.yaml": seed, "resources/sources.yaml": sources}
        )
        catalog = load_catalog(base, today=TODAY)
        assert catalog.seeds["demo-2020"].published == "2021"
        assert catalog.sources["cn-reg-2012"].date is None
        assert catalog.sources["cn-reg-2012"].date_text == "2012-09"

    def test_default_base_is_the_installation(self) -> None:
        # The shipped tree may still be incomplete; the point is that it is found and read.
        result = load_catalog_with_problems()
        assert all(isinstance(p, Problem) for p in result.problems)


class TestBrokenFiles:
    def test_unknown_field_is_reported_with_suggestion(self, tmp_path: Path) -> None:
        text = section_text("rights").replace("    reviewed:", "    reviewd:")
        base = write_tree(tmp_path, {"resources/content/rights.yaml": text})
        problems = load_catalog_with_problems(base, today=TODAY).problems
        problem = next(p for p in problems if p.field == "reviewd")
        assert problem.file == "resources/content/rights.yaml"
        assert problem.item == "rights.first"
        assert problem.field == "reviewd"
        assert problem.line == 15
        assert "did you mean 'reviewed'" in problem.message

    def test_missing_zh(self, tmp_path: Path) -> None:
        text = section_text("training").replace(
            "title: {zh: 护照和签证, en: Passport and Visa}", "title: {en: Passport and Visa}"
        )
        base = write_tree(tmp_path, {"resources/content/training.yaml": text})
        problem = only_problem(base)
        assert (problem.file, problem.item, problem.field, problem.line) == (
            "resources/content/training.yaml",
            "training.first",
            "title.zh",
            6,
        )
        assert "missing" in problem.message

    def test_empty_english(self, tmp_path: Path) -> None:
        text = section_text("training").replace(
            "en: Get your passport before you leave.", "en: '  '"
        )
        base = write_tree(tmp_path, {"resources/content/training.yaml": text})
        problem = only_problem(base)
        assert (problem.item, problem.field, problem.line) == ("training.first", "summary.en", 7)
        assert "empty" in problem.message

    def test_text_not_a_mapping(self, tmp_path: Path) -> None:
        text = section_text("training").replace(
            "title: {zh: 护照和签证, en: Passport and Visa}", "title: Passport"
        )
        base = write_tree(tmp_path, {"resources/content/training.yaml": text})
        problem = only_problem(base)
        assert (problem.field, problem.line) == ("title", 6)
        assert "zh: ..., en: ..." in problem.message

    def test_duplicate_topic_id_across_files(self, tmp_path: Path) -> None:
        extra = (
            section_text("rights").split("topics:\n", 1)[1].replace("rights.first", "rights.second")
        )
        text = section_text("rights") + extra.replace("rights.second", "rights.first")
        base = write_tree(tmp_path, {"resources/content/rights.yaml": text})
        problem = only_problem(base)
        assert problem.item == "rights.first" and problem.field == "id"
        assert problem.line == 17
        assert "already used at resources/content/rights.yaml:5" in problem.message

    def test_id_shared_by_source_and_seed(self, tmp_path: Path) -> None:
        sources = SOURCES.replace("id: web-guide", "id: demo-2020")
        base = write_tree(tmp_path, {"resources/sources.yaml": sources})
        # (the fact citing web-guide now cites nothing known: reported in the facts file)
        found = [p for p in problems_for(base) if p.file == "resources/sources.yaml"]
        assert len(found) == 1, "\n".join(map(str, found))
        problem = found[0]
        assert (problem.file, problem.item, problem.line) == (
            "resources/sources.yaml",
            "demo-2020",
            8,
        )
        assert "already used at seeds/demo-2020.yaml:1" in problem.message

    def test_unknown_source(self, tmp_path: Path) -> None:
        text = section_text("channels").replace(
            "sources: [cn-reg-2012, demo-2020#1.1]", "sources: [cn-reg-2021, demo-2020#1.1]"
        )
        base = write_tree(tmp_path, {"resources/content/channels.yaml": text})
        problem = only_problem(base)
        assert (problem.item, problem.field, problem.line) == ("channels.first", "sources[0]", 14)
        assert "'cn-reg-2021' is not a source id" in problem.message
        assert "did you mean 'cn-reg-2012'" in problem.message

    @pytest.mark.parametrize(
        ("ref", "words"),
        [("demo-2020#9.9", "not a seed passage locator"), ("demo-2020", "whole seed document")],
    )
    def test_bad_seed_reference(self, tmp_path: Path, ref: str, words: str) -> None:
        text = section_text("channels").replace("demo-2020#1.1]", ref + "]")
        base = write_tree(tmp_path, {"resources/content/channels.yaml": text})
        problem = only_problem(base)
        assert problem.field == "sources[1]" and words in problem.message

    def test_bad_condition_column_is_mapped_into_the_file(self, tmp_path: Path) -> None:
        text = section_text("channels").replace(
            "applies_when: \"channel in ['licensed_enterprise', 'undecided']\"",
            "applies_when: \"channel in ['licensed_enterprise' 'undecided']\"",
        )
        base = write_tree(tmp_path, {"resources/content/channels.yaml": text})
        problem = only_problem(base)
        assert (problem.item, problem.field, problem.line) == (
            "channels.first",
            "applies_when",
            13,
        )
        # the expression starts at column 20 (after the quote); the error is at its column 35
        assert problem.column == 20 + 35 - 1
        assert "column 35" in problem.message and "']'" in problem.message
        line = text.splitlines()[12]
        assert line[problem.column - 1] == "'"

    def test_condition_in_block_scalar_gives_line_only(self, tmp_path: Path) -> None:
        text = section_text("channels").replace(
            "applies_when: \"channel in ['licensed_enterprise', 'undecided']\"",
            "applies_when: >-\n      channel ==",
        )
        base = write_tree(tmp_path, {"resources/content/channels.yaml": text})
        problem = only_problem(base)
        assert problem.line == 13 and problem.column is None

    def test_condition_names_unknown_question_and_option(self, tmp_path: Path) -> None:
        text = section_text("channels").replace(
            "applies_when: \"channel in ['licensed_enterprise', 'undecided']\"",
            "applies_when: \"channel in ['licenced_enterprise'] or destinaton == 'japan' "
            'or age > 3"',
        )
        base = write_tree(tmp_path, {"resources/content/channels.yaml": text})
        problems = problems_for(base, known_questions=KNOWN_QUESTIONS)
        messages = sorted(p.message for p in problems)
        assert len(problems) == 2
        assert all(p.field == "applies_when" and p.line == 13 for p in problems)
        assert "'destinaton' is not a question id (did you mean 'destination'?)" in messages
        assert any(
            m.startswith("'licenced_enterprise' is not an option of question 'channel'")
            for m in messages
        )
        # without a questionnaire the same file is fine
        assert load_catalog(base, today=TODAY)

    def test_dot_is_refused_in_applies_when(self, tmp_path: Path) -> None:
        text = section_text("channels").replace(
            "applies_when: \"channel in ['licensed_enterprise', 'undecided']\"",
            'applies_when: ". == 1"',
        )
        base = write_tree(tmp_path, {"resources/content/channels.yaml": text})
        assert "only has a meaning in a constraint" in only_problem(base).message

    @pytest.mark.parametrize(
        ("old", "new", "field", "words"),
        [
            ("reviewed: 2026-11-01", "reviewed: 2026-12-01", "reviewed", "in the future"),
            ("reviewed: 2026-11-01", "reviewed: 2026-02-30", "reviewed", "not a valid date"),
            ("reviewed: 2026-11-01", "reviewed: 2026-11", "reviewed", "not a valid date"),
            ("reviewed: 2026-11-01", "reviewed: 2026-11-01T10:00:00", "reviewed", "without a time"),
        ],
    )
    def test_bad_dates(self, tmp_path: Path, old: str, new: str, field: str, words: str) -> None:
        text = section_text("destinations").replace(old, new)
        base = write_tree(tmp_path, {"resources/content/destinations.yaml": text})
        problem = only_problem(base)
        assert (problem.item, problem.field) == ("destinations.first", field)
        assert words in problem.message

    @pytest.mark.parametrize(
        ("confidence", "words"),
        [
            ("low", "never shipped"),
            ("unverified", "never shipped"),
            ("certain", "not a confidence"),
        ],
    )
    def test_confidence(self, tmp_path: Path, confidence: str, words: str) -> None:
        sources = SOURCES.replace("confidence: medium", f"confidence: {confidence}")
        base = write_tree(tmp_path, {"resources/sources.yaml": sources})
        problems = problems_for(base)
        assert problems[0].item == "web-guide" and problems[0].field == "confidence"
        assert problems[0].line == 12
        assert words in problems[0].message
        # the bad source is still known, so topics citing it get no second problem
        assert len(problems) == 1

    def test_source_needs_date_or_undated(self, tmp_path: Path) -> None:
        sources = SOURCES.replace("    undated: true\n", "")
        base = write_tree(tmp_path, {"resources/sources.yaml": sources})
        problem = only_problem(base)
        assert (problem.item, problem.field) == ("web-guide", "date")
        assert "undated: true" in problem.message

    def test_section_name_must_match_file(self, tmp_path: Path) -> None:
        base = write_tree(tmp_path, {"resources/content/rights.yaml": section_text("training")})
        problems = problems_for(base)
        first = problems[0]
        assert (first.file, first.field, first.line) == (
            "resources/content/rights.yaml",
            "section",
            1,
        )
        assert "'rights', not 'training'" in first.message
        assert any("'rights.<slug>'" in p.message for p in problems)

    def test_missing_file(self, tmp_path: Path) -> None:
        base = write_tree(tmp_path)
        (base / "resources" / "content" / "training.yaml").unlink()
        problem = only_problem(base)
        assert problem.file == "resources/content/training.yaml"
        assert "missing" in problem.message

    def test_yaml_error_is_collected_with_the_rest(self, tmp_path: Path) -> None:
        base = write_tree(
            tmp_path,
            {
                "resources/content/training.yaml": "section: training\ntitle: !!python/object x\n",
                "resources/sources.yaml": SOURCES.replace("confidence: medium", "confidence: low"),
            },
        )
        problems = problems_for(base)
        assert [(p.file, p.line) for p in problems] == [
            ("resources/content/training.yaml", 2),
            ("resources/sources.yaml", 12),
        ]

    def test_seed_rules(self, tmp_path: Path) -> None:
        seed = (
            SEED.replace("locator: demo-2020#1.2", "locator: demo-2021#1.2")
            .replace("themes: [channels]", "themes: [channel]")
            .replace("kind: seed", "kind: sead")
        )
        base = write_tree(tmp_path, {"seeds/demo-2020.yaml": seed})
        problems = problems_for(base)
        got = [(p.item, p.field, p.line) for p in problems]
        assert got == [
            ("demo-2020", "kind", 2),
            ("demo-2020#1.1", "themes[0]", 13),
            ("demo-2021#1.2", "locator", 14),
        ]
        assert "did you mean 'channels'" in problems[1].message
        assert "'demo-2020#'" in problems[2].message

    def test_duplicate_locator(self, tmp_path: Path) -> None:
        seed = SEED.replace("locator: demo-2020#1.2", "locator: demo-2020#1.1")
        base = write_tree(tmp_path, {"seeds/demo-2020.yaml": seed})
        problem = only_problem(base)
        assert (problem.item, problem.field, problem.line) == ("demo-2020#1.1", "locator", 14)
        assert "already used at seeds/demo-2020.yaml:10" in problem.message

    def test_problems_are_all_collected(self, tmp_path: Path) -> None:
        text = section_text("rights").replace("reviewed: 2026-11-01", "reviewed: 2030-01-01")
        text = text.replace("sources: [cn-reg-2012", "sources: [nope")
        text = text.replace("en: Passport and Visa", "en: ''")
        base = write_tree(tmp_path, {"resources/content/rights.yaml": text})
        problems = problems_for(base)
        assert [p.field for p in problems] == ["title.en", "sources[0]", "reviewed"]
        assert [p.line for p in problems] == sorted(p.line for p in problems)

    def test_error_message_lists_every_problem(self, tmp_path: Path) -> None:
        text = section_text("rights").replace("reviewed: 2026-11-01", "reviewed: 2030-01-01")
        base = write_tree(tmp_path, {"resources/content/rights.yaml": text})
        with pytest.raises(ContentError) as info:
            load_catalog(base, today=TODAY)
        assert str(info.value) == (
            "resources/content/rights.yaml:15, item 'rights.first', field 'reviewed': "
            "the date 2030-01-01 is in the future"
        )
