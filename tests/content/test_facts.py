"""The facts table: loading, bad input named precisely, references, the prose check, staleness."""

from __future__ import annotations

import datetime as _dt
import io
from pathlib import Path

import pytest

from desktop.content.check import main as check_main
from desktop.content.errors import ContentError
from desktop.content.facts import as_of_suffix, prose_figures
from desktop.content.loader import load_catalog, load_catalog_with_problems

from .tree import FACTS, TODAY, section_text, write_tree


def problems(base: Path):
    return load_catalog_with_problems(base, today=TODAY).problems


def only(base: Path):
    found = problems(base)
    assert len(found) == 1, "\n".join(map(str, found))
    return found[0]


def with_facts(tmp_path: Path, text: str, **more: str) -> Path:
    return write_tree(tmp_path, {"resources/facts/demo.yaml": text, **more})


FACT = """\
  - id: {id}
    label: {{zh: 标签, en: Label}}
    type: {type}
    value: {value}
    as_of: 2025-01
    sources: [cn-reg-2012]
    confidence: high
{extra}"""


def one_fact(tmp_path: Path, type_: str, value: str, extra: str = "", ref: str = "x") -> Path:
    facts = FACTS + FACT.format(id="x", type=type_, value=value, extra=extra)
    body = section_text("rights").replace("{fact:demo-wage}", "{fact:" + ref + "}")
    return with_facts(tmp_path, facts, **{"resources/content/rights.yaml": body})


class TestValues:
    @pytest.mark.parametrize(
        ("type_", "value", "extra", "zh", "en"),
        [
            (
                "money",
                "1177",
                "    currency: JPY\n    per: hour\n",
                "每小时1,177日元",
                "¥1,177 an hour",
            ),
            (
                "money",
                "[50000, 100000]",
                "    currency: CNY\n",
                "50,000–100,000元",
                "50,000–100,000 yuan",
            ),
            (
                "money",
                "750000",
                "    currency: RUB\n    per: quarter\n",
                "每季度750,000卢布",
                "750,000 roubles a quarter",
            ),
            ("number", "80000", "    unit: {zh: 人, en: workers}\n", "80,000人", "80,000 workers"),
            ("percent", "50", "", "50%", "50%"),
            ("duration", "14", "    unit: day\n", "14天", "14 days"),
            ("duration", "1", "    unit: year\n", "1年", "1 year"),
            ("date", "2027-04-01", "", "2027年4月1日", "1 April 2027"),
            ("date", "2027-04", "", "2027年4月", "April 2027"),
            (
                "phone",
                "'+82-1345'",
                "    hours: {zh: 工作日9:00–22:00, en: 'weekdays 9:00–22:00'}\n",
                "+82-1345（工作日9:00–22:00）",
                "+82-1345 (weekdays 9:00–22:00)",
            ),
            (
                "text",
                "{zh: 头3年换3次, en: 3 changes in 3 years}",
                "",
                "头3年换3次",
                "3 changes in 3 years",
            ),
        ],
    )
    def test_each_type_reads_as_a_person_writes_it(
        self, tmp_path: Path, type_: str, value: str, extra: str, zh: str, en: str
    ) -> None:
        catalog = load_catalog(one_fact(tmp_path, type_, value, extra), today=TODAY)
        fact = catalog.facts["x"]
        assert (fact.value.zh, fact.value.en) == (zh, en)
        body = catalog.topic("rights.first").body
        assert zh + "（截至2025年1月）" in body.zh
        assert en + " (as of January 2025)" in body.en

    def test_the_date_is_shown_once_per_text(self, tmp_path: Path) -> None:
        body = (
            section_text("rights")
            .replace("{fact:demo-wage}。", "{fact:demo-wage}，还是{fact:demo-wage}。")
            .replace("{fact:demo-wage}.", "{fact:demo-wage}, still {fact:demo-wage}.")
        )
        catalog = load_catalog(
            write_tree(tmp_path, {"resources/content/rights.yaml": body}), today=TODAY
        )
        text = catalog.topic("rights.first").body.en
        assert text.count("(as of October 2025)") == 1
        assert text.count("₩10,320 an hour") == 2

    def test_as_of_suffix_with_a_year_only(self) -> None:
        assert as_of_suffix("2026", "zh") == "（截至2026年）"
        assert as_of_suffix("2026", "en") == " (as of 2026)"


class TestBadFacts:
    def test_missing_sources_is_a_problem_not_a_crash(self, tmp_path: Path) -> None:
        base = with_facts(tmp_path, FACTS.replace("    sources: [cn-reg-2012]\n", "", 1))
        problem = next(p for p in problems(base) if p.file.startswith("resources/facts"))
        assert (problem.item, problem.field) == ("demo-wage", "sources")
        assert "missing" in problem.message

    def test_duplicate_id_names_both_places(self, tmp_path: Path) -> None:
        base = write_tree(tmp_path, {"resources/facts/more.yaml": FACTS})
        found = [p for p in problems(base) if p.file == "resources/facts/more.yaml"]
        assert [(p.item, p.field, p.line) for p in found] == [
            ("demo-wage", "id", 3),
            ("demo-hotline", "id", 12),
        ]
        assert "already defined at resources/facts/demo.yaml:3" in found[0].message

    def test_missing_as_of(self, tmp_path: Path) -> None:
        base = with_facts(tmp_path, FACTS.replace("    as_of: 2025-10-01\n", ""))
        found = problems(base)
        first = next(p for p in found if p.file.startswith("resources/facts"))
        assert (first.file, first.item, first.field) == (
            "resources/facts/demo.yaml",
            "demo-wage",
            "as_of",
        )
        assert "missing" in first.message
        # the topic that uses it says so too, instead of showing "{fact:demo-wage}"
        assert any("there is no fact 'demo-wage'" in p.message for p in found)

    def test_future_as_of(self, tmp_path: Path) -> None:
        base = with_facts(tmp_path, FACTS.replace("as_of: 2026-03", "as_of: 2027-01"))
        problem = next(p for p in problems(base) if p.file.startswith("resources/facts"))
        assert (problem.item, problem.field, problem.line) == ("demo-hotline", "as_of", 17)
        assert "in the future" in problem.message

    def test_wrong_value_type(self, tmp_path: Path) -> None:
        base = with_facts(tmp_path, FACTS.replace("value: 10320", "value: lots"))
        problem = next(p for p in problems(base) if p.file.startswith("resources/facts"))
        assert (problem.item, problem.field, problem.line) == ("demo-wage", "value", 7)
        assert "is a number" in problem.message

    @pytest.mark.parametrize(
        ("old", "new", "field", "words"),
        [
            ("type: money", "type: wage", "type", "not a fact type"),
            ("currency: KRW", "currency: EUR", "currency", "not one of"),
            ("sources: [cn-reg-2012]", "sources: []", "sources", "non-empty list"),
            ("sources: [cn-reg-2012]", "sources: [nowhere]", "sources[0]", "not a source id"),
            ("confidence: high", "confidence: sure", "confidence", "not a confidence level"),
            ("    per: hour\n", "    per: hour\n    colour: red\n", "colour", "unknown field"),
        ],
    )
    def test_other_bad_fields(
        self, tmp_path: Path, old: str, new: str, field: str, words: str
    ) -> None:
        base = with_facts(tmp_path, FACTS.replace(old, new, 1))
        problem = next(p for p in problems(base) if p.file.startswith("resources/facts"))
        assert (problem.item, problem.field) == ("demo-wage", field)
        assert words in problem.message

    def test_a_phone_number_must_be_a_number(self, tmp_path: Path) -> None:
        base = with_facts(tmp_path, FACTS.replace('value: "+86-10-12308"', "value: call us"))
        problem = next(p for p in problems(base) if p.file.startswith("resources/facts"))
        assert (problem.item, problem.field) == ("demo-hotline", "value")

    def test_no_facts_folder(self, tmp_path: Path) -> None:
        base = write_tree(tmp_path)
        (base / "resources/facts/demo.yaml").unlink()
        assert any("facts table" in p.message for p in problems(base))

    def test_not_unicode(self, tmp_path: Path) -> None:
        base = write_tree(tmp_path)
        (base / "resources/facts/demo.yaml").write_bytes(b"schema: 1\nfacts:\n  - id: \xff\xfe\n")
        found = [p for p in problems(base) if p.file == "resources/facts/demo.yaml"]
        assert found and "UTF-8" in found[0].message


class TestReferences:
    def test_unknown_fact(self, tmp_path: Path) -> None:
        base = one_fact(tmp_path, "percent", "5", ref="no-such-fact")
        found = [p for p in problems(base) if p.item == "rights.first"]
        assert {p.field for p in found} == {"body.zh", "body.en"}
        assert "there is no fact 'no-such-fact'" in found[0].message

    def test_a_near_miss_is_suggested(self, tmp_path: Path) -> None:
        base = one_fact(tmp_path, "percent", "5", ref="demo-wag")
        found = [p for p in problems(base) if p.item == "rights.first"]
        assert "did you mean 'demo-wage'" in found[0].message

    def test_low_confidence_fact_may_not_be_shown(self, tmp_path: Path) -> None:
        facts = FACTS + FACT.format(id="x", type="percent", value="5", extra="").replace(
            "confidence: high", "confidence: low"
        )
        body = section_text("rights").replace("{fact:demo-wage}", "{fact:x}")
        base = with_facts(tmp_path, facts, **{"resources/content/rights.yaml": body})
        found = [p for p in problems(base) if p.item == "rights.first"]
        assert found and "low-confidence fact may not be shown" in found[0].message

    def test_both_languages_use_the_same_facts(self, tmp_path: Path) -> None:
        body = section_text("rights").replace(" Wage: {fact:demo-wage}.", "")
        base = write_tree(tmp_path, {"resources/content/rights.yaml": body})
        problem = only(base)
        assert (problem.item, problem.field) == ("rights.first", "body")
        assert "only one of them uses demo-wage" in problem.message

    @pytest.mark.parametrize(
        "broken", ["{fact:}", "{fact: demo-wage}", "{ fact:demo-wage}", "{{fact}}"]
    )
    def test_a_broken_reference_is_never_shown(self, tmp_path: Path, broken: str) -> None:
        body = section_text("rights").replace("{fact:demo-wage}", broken)
        base = write_tree(tmp_path, {"resources/content/rights.yaml": body})
        found = [p for p in problems(base) if p.item == "rights.first"]
        assert found
        with pytest.raises(ContentError):
            load_catalog(base, today=TODAY)

    def test_references_outside_worker_texts_are_refused(self, tmp_path: Path) -> None:
        base = write_tree(tmp_path)
        path = base / "resources/sources.yaml"
        path.write_text(
            path.read_text(encoding="utf-8").replace(
                "title: {zh: 对外劳务合作管理条例,", 'title: {zh: "条例{fact:demo-wage}",'
            ),
            encoding="utf-8",
        )
        found = [p for p in problems(base) if p.file == "resources/sources.yaml"]
        assert found and "can only be used" in found[0].message


class TestProseCheck:
    @pytest.mark.parametrize(
        "text",
        [
            "最低工资是每小时1177日元。",
            "The minimum wage is ₩10,320 an hour.",
            "打12308求助。",
            "Call +82-1345.",
            "工作日9:00到22:00。",
            "2027年4月1日起实行。",
            "From April 2027.",
            "年龄18到39岁。",
            "名额8万人。",
            "within 14 days",
            "超过50%的人",
        ],
    )
    def test_figures_are_found(self, text: str) -> None:
        assert prose_figures(text)

    @pytest.mark.parametrize(
        "text",
        [
            "按《条例》第25条和第8条第2款，",
            "Arts. 16-18 and Art. 48(1) of the Act",
            "去韩国做E-9普通劳务，H-2和E-7-4不同。",
            "日语N4或A1水平，JFT-Basic A2。",
            "技能实习2号结束后",
            "2012年《对外劳务合作管理条例》",
            "the 2012 Regulation says",
            "ILO C29 and C105",
            "1. First\n2. Second",
            "Federal Law 115-FZ",
            "最低工资是{fact:demo-wage}。",
            "你知道外交部12308领事保护热线吗？",
            "the 12308 hotline",
            "还没交就填0。",
        ],
    )
    def test_non_figures_are_allowed(self, text: str) -> None:
        assert prose_figures(text) == []

    def test_a_figure_in_a_topic_fails_the_check_with_file_line_item_field(
        self, tmp_path: Path
    ) -> None:
        body = section_text("rights").replace("不要交押金。", "押金不超过5000元。")
        base = write_tree(tmp_path, {"resources/content/rights.yaml": body})
        problem = only(base)
        assert (problem.file, problem.item, problem.field, problem.line) == (
            "resources/content/rights.yaml",
            "rights.first",
            "body.zh",
            9,
        )
        assert "'5000元。'" in problem.message or "5000" in problem.message
        out, err = io.StringIO(), io.StringIO()
        assert check_main(["--base", str(base)], out=out, err=err) == 1
        assert "rights.yaml:9, item 'rights.first', field 'body.zh'" in out.getvalue()


class TestStaleness:
    def test_staleness_follows_the_facts_not_the_review_date(self, tmp_path: Path) -> None:
        catalog = load_catalog(write_tree(tmp_path), today=TODAY)
        topic = catalog.topic("channels.first")  # reviewed 2026-11-01, fact as of 2025-10-01
        assert topic.reviewed > _dt.date(2026, 10, 1)
        assert catalog.needs_review(topic, _dt.date(2026, 10, 2))
        assert [f.id for f in catalog.stale_facts(["demo-wage", "demo-hotline"], TODAY)] == [
            "demo-wage"
        ]
        # a partial as-of date counts from its first day: "2026-03" is stale on 2027-03-02
        assert catalog.facts["demo-hotline"].as_of == _dt.date(2026, 3, 1)
        assert catalog.stale_facts(["demo-hotline"], _dt.date(2027, 3, 2))


def test_facts_of_one_date_on_one_line_share_it(tmp_path: Path) -> None:
    facts = FACTS + FACT.format(
        id="x", type="duration", value="7", extra="    unit: day\n"
    ).replace("as_of: 2025-01", "as_of: 2025-10-01")
    body = (
        section_text("rights")
        .replace(
            "{fact:demo-wage}。", "{fact:demo-wage}，{fact:x}内。\n        另起一行：{fact:x}。"
        )
        .replace("{fact:demo-wage}.", "{fact:demo-wage}, within {fact:x}.\n        Next: {fact:x}.")
    )
    base = with_facts(tmp_path, facts, **{"resources/content/rights.yaml": body})
    text = load_catalog(base, today=TODAY).topic("rights.first").body
    assert "每小时10,320韩元（截至2025年10月），7天内。" in text.zh
    assert "另起一行：7天。" in text.zh  # the same fact again: its date was given above
    assert "₩10,320 an hour (as of October 2025), within 7 days." in text.en


def test_a_past_date_carries_no_as_of_month_and_never_ages(tmp_path: Path) -> None:
    facts = (
        FACTS
        + FACT.format(id="since", type="date", value="2024-12-15", extra="")
        + FACT.format(id="starts", type="date", value="2027-04-01", extra="")
    )
    body = (
        section_text("rights")
        .replace("{fact:demo-wage}。", "{fact:demo-wage}。{fact:since}起；{fact:starts}开始。")
        .replace("{fact:demo-wage}.", "{fact:demo-wage}. Since {fact:since}; from {fact:starts}.")
    )
    base = with_facts(tmp_path, facts, **{"resources/content/rights.yaml": body})
    catalog = load_catalog(base, today=TODAY)
    text = catalog.topic("rights.first").body
    # as_of 2025-01: 15 December 2024 had come by then, 1 April 2027 had not
    assert "2024年12月15日起；" in text.zh
    assert "2027年4月1日（截至2025年1月）开始" in text.zh
    assert "Since 15 December 2024; from 1 April 2027 (as of January 2025)." in text.en
    later = _dt.date(2030, 1, 1)
    assert [f.id for f in catalog.stale_facts(["since", "starts"], later)] == ["starts"]
