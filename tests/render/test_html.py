"""The Qt-free half of the printouts: the strict Jinja2 environment, the labels table,
the help lines and the contexts, checked on the HTML they produce."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import jinja2
import pytest
from markupsafe import escape

from desktop.content.facts import as_of_suffix
from desktop.content.model import Text
from desktop.render import html as H
from tests.render.conftest import HOSTILE_NOTE, RISKY, TODAY

TEMPLATES = ("checklist.html.j2", "plan.html.j2", "card.html.j2")
DESTINATIONS = ("japan", "korea", "russia", "third_country", "undecided")


def checklist_html(plan, catalog, lang="zh", **kw):
    ctx = H.checklist_context(
        plan,
        catalog,
        lang=lang,
        person_name=kw.pop("person_name", "王小明"),
        destination_label=Text("日本", "Japan"),
        ticks=kw.pop("ticks", {}),
        notes=kw.pop("notes", {}),
        printed_on=TODAY,
        content_reviewed=H.content_reviewed(catalog),
    )
    return ctx, H.render("checklist.html.j2", **ctx)


def contexts(plan, catalog, lang):
    """A sample context for each template."""
    common = {
        "lang": lang,
        "person_name": "王小明",
        "destination_label": Text("日本", "Japan"),
        "ticks": {"check-licence": True},
        "notes": {"list-costs": "note"},
        "printed_on": TODAY,
        "content_reviewed": TODAY,
    }
    return {
        "checklist.html.j2": H.checklist_context(plan, catalog, **common),
        "plan.html.j2": H.plan_context(plan, catalog, **common),
        "card.html.j2": H.card_context(
            plan,
            catalog,
            lang=lang,
            entries={"agency": "某某公司"},
            destination="japan",
            person_name="王小明",
        ),
    }


class TestEnvironment:
    def test_one_environment_is_reused(self):
        assert H.environment() is H.environment()

    def test_autoescape_is_on_for_any_template_name(self):
        env = H.environment()
        assert env.from_string("{{ x }}").render(x="<b>&</b>") == "&lt;b&gt;&amp;&lt;/b&gt;"

    def test_a_misspelt_variable_fails_instead_of_printing_blank(self):
        with pytest.raises(jinja2.UndefinedError):
            H.environment().from_string("{{ red_flgas }}").render(red_flags=[])

    def test_templates_are_read_from_the_resources_folder(self):
        from desktop.resources import resource_path

        loader = H.environment().loader
        assert isinstance(loader, jinja2.FileSystemLoader)
        assert loader.searchpath == [str(resource_path("templates"))]

    @pytest.mark.parametrize("lang", H.PRINT_LANGS)
    def test_every_template_renders_with_a_sample_context(self, risky_plan, catalog, lang):
        for name, ctx in contexts(risky_plan, catalog, lang).items():
            page = H.render(name, **ctx)
            assert page.startswith("<!DOCTYPE html>") or "<!DOCTYPE html>" in page[:200], name
            assert '<meta charset="utf-8">' in page
            # The template used context values (the strict environment would have failed
            # on a typo); the page has its real content, not just a frame.
            assert "王小明" in page, name

    def test_a_missing_context_key_fails(self, risky_plan, catalog):
        ctx = contexts(risky_plan, catalog, "zh")["checklist.html.j2"]
        del ctx["red_flags"]
        with pytest.raises(jinja2.UndefinedError):
            H.render("checklist.html.j2", **ctx)

    def test_unknown_print_language_is_refused(self, risky_plan, catalog):
        with pytest.raises(ValueError, match="lang"):
            checklist_html(risky_plan, catalog, lang="fr")


class TestLabels:
    def test_every_shipped_label_has_both_languages(self):
        table = H.labels()
        assert table
        for key, text in table.items():
            assert text.zh.strip() and text.en.strip(), key

    def test_every_label_is_used_by_a_printout(self):
        from desktop.resources import resource_path

        used = "".join(resource_path("templates", t).read_text("utf-8") for t in TEMPLATES)
        used += resource_path("templates", "_macros.html.j2").read_text("utf-8")
        code = Path(H.__file__).read_text("utf-8")
        built = ("phase_", "severity_", "status_", "entry_")  # keys made in html.py
        unused = [
            k
            for k in H.labels()
            if f"L.{k}" not in used and f'"{k}"' not in code and not k.startswith(built)
        ]
        assert unused == []

    @pytest.mark.parametrize(
        ("data", "message"),
        [
            ({"labels": {"x": {"zh": "甲"}}}, "x: needs"),
            ({"labels": {"x": {"zh": "甲", "en": ""}}}, "x: needs"),
            ({"labels": {"Bad-Key": {"zh": "甲", "en": "a"}}}, "Bad-Key"),
            ({"labels": {"x": {"zh": "甲", "en": "a"}}}, "phase_prepare: missing"),
            ({"nothing": 1}, "'labels' mapping"),
        ],
    )
    def test_a_broken_labels_table_is_refused(self, data, message):
        with pytest.raises(H.RenderDataError, match=re.escape(message)):
            H.parse_labels(data)


class TestChecklistContext:
    def test_red_flags_come_first_with_severity_and_what_to_do(self, risky_plan, catalog):
        ctx, page = checklist_html(risky_plan, catalog)
        assert [f["id"] for f in ctx["red_flags"]] == [f.id for f in risky_plan.red_flags]
        first = risky_plan.red_flags[0]
        assert first.severity == "stop"
        for text in (first.title.zh, first.what_it_means.zh, first.do_now.zh):
            assert text in page
        assert page.index(first.title.zh) < page.index(risky_plan.checklist[0].title.zh)

    def test_items_are_grouped_by_phase_in_plan_order(self, risky_plan, catalog):
        ctx, _ = checklist_html(risky_plan, catalog)
        flat = [item["id"] for phase in ctx["phases"] for item in phase["items"]]
        assert flat == [item.id for item in risky_plan.checklist]
        phases = [phase["id"] for phase in ctx["phases"]]
        assert phases == sorted(set(phases), key=phases.index)

    def test_saved_ticks_show_as_ticked_boxes(self, risky_plan, catalog):
        first = risky_plan.checklist[0].id
        _, page = checklist_html(risky_plan, catalog, ticks={first: True, "gone-item": True})
        assert page.count("☑") == 1
        assert page.count("☐") == len(risky_plan.checklist) - 1

    def test_due_dates_are_printed(self, risky_plan, catalog):
        _, page = checklist_html(risky_plan, catalog)
        dated = [item for item in risky_plan.checklist if item.due]
        assert dated
        for item in dated:
            assert H.format_date(item.due, "zh") in page

    def test_a_hostile_note_is_printed_as_text(self, risky_plan, catalog):
        item = risky_plan.checklist[1].id
        _, page = checklist_html(risky_plan, catalog, notes={item: HOSTILE_NOTE + "\n第二行"})
        assert "<script>" not in page
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
        assert "{{ 7*7 }}" in page
        assert "&lt;/td&gt;" in page
        note = page[page.index("交了3万元") : page.index("第二行")]
        assert "49" not in note
        assert note.endswith("还没收据<br/>")  # line breaks kept, nothing else added

    def test_sources_are_numbered_once_in_order_of_first_citation(self, risky_plan, catalog):
        ctx, page = checklist_html(risky_plan, catalog)
        notes = ctx["footnotes"]
        assert [n["n"] for n in notes] == list(range(1, len(notes) + 1))
        refs = [n["ref"] for n in notes]
        assert len(set(refs)) == len(refs)
        cited = [f["cites"] for f in ctx["red_flags"]]
        cited += [i["cites"] for p in ctx["phases"] for i in p["items"]]
        first_seen: list[int] = []
        for numbers in cited:
            assert numbers, "every red flag and item cites a source"
            first_seen += [n for n in numbers if n not in first_seen]
        assert first_seen == [n["n"] for n in notes]
        # A source note names the source's title, publisher and date.
        source = catalog.sources[refs[0]]
        assert source.title.zh in page and source.publisher.zh in page

    def test_seed_passages_are_cited_by_document_and_section(self, make_plan, catalog):
        plan = make_plan(destination="korea", channel="government_program")
        ctx = H.plan_context(
            plan, catalog, lang="en", person_name="", printed_on=TODAY, content_reviewed=TODAY
        )
        seeds = [n for n in ctx["footnotes"] if "#" in n["ref"]]
        assert seeds
        passage = catalog.passages[seeds[0]["ref"]]
        text = seeds[0]["text"][0]["text"]
        assert catalog.seeds[passage.document_id].title.en in text
        assert f"section {passage.locator.partition('#')[2]}" in text
        assert passage.heading.en in text

    def test_bilingual_puts_chinese_over_english(self, risky_plan, catalog):
        ctx, page = checklist_html(risky_plan, catalog, lang="zh+en")
        title = risky_plan.red_flags[0].title
        assert [line["lang"] for line in ctx["red_flags"][0]["title"]] == ["zh", "en"]
        assert page.index(title.zh) < page.index(title.en)
        assert H.labels()["red_flags"].zh in page and H.labels()["red_flags"].en in page
        # One ISO date instead of the same date twice.
        assert "2027-03-01" in page

    @pytest.mark.parametrize("lang", ["zh", "en"])
    def test_one_language_only(self, risky_plan, catalog, lang):
        _, page = checklist_html(risky_plan, catalog, lang=lang)
        other = "en" if lang == "zh" else "zh"
        title = risky_plan.red_flags[0].title
        assert title.get(lang) in page and title.get(other) not in page


class TestPlanContext:
    def test_everything_the_advisor_said_is_there(self, risky_plan, catalog):
        ctx = H.plan_context(
            risky_plan,
            catalog,
            lang="en",
            person_name="Wang",
            printed_on=TODAY,
            content_reviewed=TODAY,
        )
        page = H.render("plan.html.j2", **ctx)

        def shown(text):
            return str(escape(text.en)) in page

        for channel in risky_plan.ranked_channels:
            assert shown(channel.title)
            for reason in channel.reasons:
                assert shown(reason)
        for channel in risky_plan.ruled_out_channels:
            assert shown(channel.title)
            for why in channel.why_not:
                assert shown(why)
        for requirement in risky_plan.requirements:
            assert shown(requirement.title)
        for step in risky_plan.training:
            assert shown(step.title)
        for topic in risky_plan.rights:
            assert shown(topic.title)
        for item in risky_plan.checklist:
            assert shown(item.title)
        # Missing requirements are listed before met ones.
        statuses = [group["status"] for group in ctx["requirements"]]
        assert statuses == [s for s in ("missing", "unknown", "met") if s in statuses]


class TestCard:
    def test_the_card_prints_12308_from_abroad(self, risky_plan, catalog):
        ctx = H.card_context(risky_plan, catalog, lang="zh", entries={}, destination="japan")
        page = H.render("card.html.j2", **ctx)
        fact = catalog.facts[H.HOTLINE_12308]
        assert "+86-10-12308" in page and "24小时" in page
        # its as-of month, from the facts table
        y, m = fact.as_of_text.split("-")[:2]
        assert ctx["hotline"]["as_of"] == [{"lang": "zh", "text": f"{int(y)}年{int(m)}月"}]
        assert f"{int(y)}年{int(m)}月" in page
        # the medium-confidence long form and the outdated backup stay off the card
        assert "59913991" not in page and "65612308" not in page

    def test_the_persons_entries_are_printed_and_escaped(self, risky_plan, catalog):
        entries = {"agency": "<b>某某</b>", "family_contact": "138-0000-0000"}
        ctx = H.card_context(risky_plan, catalog, lang="en", entries=entries, destination=None)
        page = H.render("card.html.j2", **ctx)
        assert "&lt;b&gt;某某&lt;/b&gt;" in page and "138-0000-0000" in page
        assert [e["key"] for e in ctx["entries"]] == list(H.CARD_ENTRIES)

    def test_unknown_entries_are_refused(self, risky_plan, catalog):
        with pytest.raises(ValueError, match="passport"):
            H.card_context(
                risky_plan, catalog, lang="zh", entries={"passport": "x"}, destination=""
            )

    @pytest.mark.parametrize("destination", DESTINATIONS)
    def test_every_help_line_is_in_the_guide_with_its_date(self, risky_plan, catalog, destination):
        ctx = H.card_context(risky_plan, catalog, lang="zh", entries={}, destination=destination)
        page = H.render("card.html.j2", **ctx)
        for line in ctx["help_lines"]:
            assert line["as_of"][0]["text"]
            for number in line["numbers"]:
                assert number["number"] in page

    def test_each_destination_gets_its_sure_numbers_only(self, risky_plan, catalog):
        def numbers(destination):
            ctx = H.card_context(
                risky_plan, catalog, lang="en", entries={}, destination=destination
            )
            return [n["number"] for line in ctx["help_lines"] for n in line["numbers"]]

        assert {"110", "119", "0570-011000"} <= set(numbers("japan"))
        # facts.md U9/U18: the 2019 number never, the 2022 Chinese line never on a card
        assert "0120-150-520" not in numbers("japan")
        assert "0120-531-402" not in numbers("japan")
        assert {"112", "119", "1345", "1577-0071"} <= set(numbers("korea"))
        assert "110" not in numbers("korea")
        assert "112" in numbers("russia")
        assert numbers("third_country") == [] and numbers("undecided") == []

    def _line(self, fact: str, topic: str = "destinations.japan-help") -> H.HelpLine:
        return H.HelpLine(
            id="made-up",
            destinations=("japan",),
            topic=topic,
            name=Text("热线", "Hotline"),
            numbers=(H.HelpNumber(fact),),
        )

    def test_a_number_that_the_topic_does_not_show_cannot_be_printed(
        self, risky_plan, catalog, monkeypatch
    ):
        monkeypatch.setattr(H, "help_lines", lambda: (self._line("kr-1345"),))
        with pytest.raises(H.RenderDataError, match="does not show 'kr-1345'"):
            H.card_context(risky_plan, catalog, lang="zh", entries={}, destination="japan")

    def test_a_number_that_is_not_a_fact_cannot_be_printed(self, risky_plan, catalog, monkeypatch):
        monkeypatch.setattr(H, "help_lines", lambda: (self._line("jp-0120-999-999"),))
        with pytest.raises(H.RenderDataError, match="not a phone number in the facts table"):
            H.card_context(risky_plan, catalog, lang="zh", entries={}, destination="japan")

    def test_a_medium_confidence_number_stays_off_the_card(self, risky_plan, catalog, monkeypatch):
        assert catalog.facts["jp-labour-hotline-zh"].confidence == "medium"
        monkeypatch.setattr(H, "help_lines", lambda: (self._line("jp-labour-hotline-zh"),))
        with pytest.raises(H.RenderDataError, match="medium-confidence"):
            H.card_context(risky_plan, catalog, lang="zh", entries={}, destination="japan")

    def test_a_line_is_dated_by_its_oldest_number(self, risky_plan, catalog):
        ctx = H.card_context(risky_plan, catalog, lang="en", entries={}, destination="korea")
        for line, spec in zip(
            ctx["help_lines"], [h for h in H.help_lines() if "korea" in h.destinations], strict=True
        ):
            oldest = min((catalog.facts[n.fact] for n in spec.numbers), key=lambda f: f.as_of)
            assert line["as_of"] == H._Printer("en").month(oldest.as_of_text)

    @pytest.mark.parametrize(
        "entry",
        [
            {"id": "x", "destinations": ["japan"], "topic": "t",
             "name": {"zh": "甲", "en": "a"}, "numbers": []},
            {"id": "x", "destinations": ["japan"], "topic": "t",
             "name": {"zh": "甲"}, "numbers": [{"fact": "a"}]},
            {"id": "x", "destinations": ["japan"], "topic": "t",
             "name": {"zh": "甲", "en": "a"}, "numbers": [{"fact": "a", "fax": "2"}]},
            {"id": "x", "destinations": ["japan"], "topic": "t",
             "name": {"zh": "甲", "en": "a"}, "numbers": [{"fact": "a"}], "url": "x"},
            {"id": "x", "destinations": ["japan"], "topic": "t",
             "name": {"zh": "甲", "en": "a"}, "numbers": [{"number": "110"}]},
        ],
    )  # fmt: skip
    def test_a_malformed_help_line_is_refused(self, entry):
        with pytest.raises(H.RenderDataError):
            H.parse_help_lines({"help_lines": [entry]})


def test_content_reviewed_is_the_oldest_review(catalog):
    assert H.content_reviewed(catalog) == min(t.reviewed for t in catalog.topics.values())


def test_html_to_file_writes_a_standalone_utf8_page(risky_plan, catalog, tmp_path):
    _, page = checklist_html(risky_plan, catalog)
    out = tmp_path / "清单.html"
    H.html_to_file(page, out)
    assert out.read_bytes().decode("utf-8") == page
    assert '<meta charset="utf-8">' in out.read_text("utf-8")
    assert [p.name for p in tmp_path.iterdir()] == ["清单.html"]  # no temporary left


def test_html_to_file_leaves_nothing_behind_when_it_fails(tmp_path):
    with pytest.raises(OSError):
        H.html_to_file("<p>x</p>", tmp_path / "missing" / "x.html")
    assert list(tmp_path.iterdir()) == []


def test_dates_are_written_for_each_reader():
    day = dt.date(2027, 3, 1)
    assert H.format_date(day, "zh") == "2027年3月1日"
    assert H.format_date(day, "en") == "1 March 2027"


def test_sample_answers_meet_the_red_flags_the_tests_rely_on(risky_plan):
    ids = {f.id for f in risky_plan.red_flags}
    assert {"deposit-demanded", "tourist-visa-for-work"} <= ids
    assert RISKY["destination"] == "japan"


def test_saved_checklist_states_become_ticks_and_notes():
    from desktop.store.models import ChecklistState

    states = {
        "a": ChecklistState(done=True, done_at="2026-11-01", note="已核实", updated="x"),
        "b": ChecklistState(done=False, done_at=None, note=None, updated="x"),
    }
    assert H.saved_ticks_and_notes(states) == ({"a": True, "b": False}, {"a": "已核实"})


def test_the_html_half_and_the_command_import_no_qt():
    """html.py is Qt-free; cli.py imports nothing heavy until it runs (fast --help)."""
    import subprocess
    import sys

    from tests.conftest import REPO

    code = (
        "import sys, desktop.render, desktop.render.cli; "
        "heavy = [m for m in sys.modules if m.startswith('PySide6')]; "
        "print(heavy); sys.exit(1 if heavy else 0)"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


class TestHonestDates:
    """Every figure a printout shows carries its as-of month; old ones are named."""

    def _plan_page(self, plan, catalog, lang, printed_on):
        ctx = H.plan_context(
            plan,
            catalog,
            lang=lang,
            person_name="",
            destination_label=Text("韩国", "Korea"),
            printed_on=printed_on,
            content_reviewed=TODAY,
        )
        return ctx, H.render("plan.html.j2", **ctx)

    @pytest.mark.parametrize("destination", ["japan", "korea"])
    def test_each_figure_in_a_plan_has_its_as_of_month(self, make_plan, catalog, destination):
        plan = make_plan(destination=destination)
        assert plan.facts, "a plan for this destination shows figures from the facts table"
        _, page = self._plan_page(plan, catalog, "zh", TODAY)
        dated = 0
        for fact_id in plan.facts:
            fact = catalog.facts[fact_id]
            assert str(escape(fact.value.zh)) in page, fact_id
            if fact.can_age:  # (a day already past when its source was written does not)
                assert str(escape(as_of_suffix(fact.as_of_text, "zh"))) in page, fact_id
            dated += str(escape(fact.value.zh + as_of_suffix(fact.as_of_text, "zh"))) in page
        # (a figure sharing its date with one before it on the same line shows it once)
        ageing = [catalog.facts[f] for f in plan.facts if catalog.facts[f].can_age]
        assert dated >= len({f.as_of_text for f in ageing})

    def test_the_header_names_the_figures_older_than_a_year(self, make_plan, catalog):
        plan = make_plan(destination="korea")
        later = dt.date(2040, 1, 1)
        ctx, page = self._plan_page(plan, catalog, "en", later)
        stale = catalog.stale_facts(plan.facts, later)
        assert stale and len(ctx["stale_facts"]) == len(stale)
        assert "more than 12 months old" in page
        # named at the end, after the red flags, before the sources
        headings = re.findall(r"<h2>.*?</h2>", page)
        names = [re.sub(r"<[^>]+>", "", h) for h in headings]
        assert names.index("Red flags") < names.index("Figures to check") < names.index("Sources")
        for fact in stale:
            assert str(escape(fact.label.en)) in page
        # on a day less than a year after the oldest figure's source, none is old
        early = min(catalog.facts[f].as_of for f in plan.facts) + dt.timedelta(days=1)
        ctx, page = self._plan_page(plan, catalog, "en", early)
        assert ctx["stale_facts"] == [] and "more than 12 months old" not in page
        assert "Figures to check" not in page
