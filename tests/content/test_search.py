"""search: short Chinese terms, case-insensitive English, ranking, snippets and highlighting."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from desktop.content.loader import load_catalog
from desktop.content.model import Catalog, Text
from desktop.content.search import highlight_html, plain_text, search

from .tree import TODAY


@pytest.fixture
def catalog(tree: Path) -> Catalog:
    return load_catalog(tree, today=TODAY)


def _with_topic_text(catalog: Catalog, topic_id: str, **changes: Text) -> Catalog:
    """A copy of the catalog where one topic's texts are replaced."""
    topic = dataclasses.replace(catalog.topic(topic_id), **changes)
    sections = tuple(
        dataclasses.replace(s, topics=tuple(topic if t.id == topic_id else t for t in s.topics))
        for s in catalog.sections
    )
    return Catalog(
        sections,
        {**catalog.topics, topic_id: topic},
        catalog.sources,
        catalog.seeds,
        catalog.passages,
    )


class TestMatching:
    def test_two_character_chinese_term_in_title(self, catalog: Catalog) -> None:
        hits = search(catalog, "护照", "zh")
        assert [h.topic_id for h in hits] == [
            "channels.first",
            "destinations.first",
            "training.first",
            "rights.first",
        ]
        hit = hits[0]
        assert (hit.field, hit.snippet, hit.spans) == ("title", "护照和签证", [(0, 2)])
        assert highlight_html(hit.snippet, hit.spans) == "<mark>护照</mark>和签证"

    def test_chinese_term_only_in_body(self, catalog: Catalog) -> None:
        hit = search(catalog, "押金", "zh")[0]
        assert hit.field == "body"
        assert hit.snippet.startswith("办护照要去公安机关。不要交押金。")  # ** stripped
        assert [hit.snippet[a:b] for a, b in hit.spans] == ["押金"]

    def test_english_is_case_insensitive(self, catalog: Catalog) -> None:
        for query in ("passport", "PASSPORT", "PaSsPoRt", "ｐａｓｓｐｏｒｔ"):
            hit = search(catalog, query, "en")[0]
            assert hit.field == "title"
            assert [hit.snippet[a:b] for a, b in hit.spans] == ["Passport"]

    def test_language_is_respected(self, catalog: Catalog) -> None:
        assert search(catalog, "护照", "en") == []
        assert search(catalog, "passport", "zh") == []

    def test_keywords(self, catalog: Catalog) -> None:
        hit = search(catalog, "travel document", "en")[0]
        assert hit.field == "keywords"
        assert hit.snippet == "travel document"
        assert hit.spans == [(0, 6), (7, 15)]

    def test_all_words_must_appear(self, catalog: Catalog) -> None:
        assert len(search(catalog, "passport deposit", "en")) == 4
        assert search(catalog, "passport unicorn", "en") == []

    def test_empty_query(self, catalog: Catalog) -> None:
        assert search(catalog, "", "zh") == []
        assert search(catalog, "   ", "en") == []

    def test_limit(self, catalog: Catalog) -> None:
        assert len(search(catalog, "passport", "en", limit=2)) == 2
        assert search(catalog, "passport", "en", limit=0) == []


class TestRanking:
    def test_title_before_keywords_before_summary_before_body(self, catalog: Catalog) -> None:
        c = _with_topic_text(catalog, "channels.first", title=Text("甲", "Alpha"))
        c = _with_topic_text(c, "destinations.first", title=Text("乙", "Beta"))
        c = _with_topic_text(
            c, "training.first", title=Text("丙", "Gamma"), summary=Text("丙", "Nothing here.")
        )
        hits = search(c, "passport", "en")
        assert [(h.topic_id, h.field) for h in hits] == [
            ("rights.first", "title"),
            ("channels.first", "summary"),
            ("destinations.first", "summary"),
            ("training.first", "body"),
        ]

    def test_word_start_before_inside_a_word(self, catalog: Catalog) -> None:
        c = _with_topic_text(catalog, "channels.first", title=Text("甲", "Next steps"))
        c = _with_topic_text(c, "destinations.first", title=Text("乙", "The EPS test"))
        hits = search(c, "eps", "en")
        assert [h.topic_id for h in hits] == ["destinations.first", "channels.first"]

    def test_deterministic(self, catalog: Catalog) -> None:
        first = search(catalog, "护照", "zh")
        assert all(search(catalog, "护照", "zh") == first for _ in range(5))


class TestSnippets:
    def test_long_body_is_cut_around_the_match(self, catalog: Catalog) -> None:
        body = "Filler text. " * 30 + "Keep your **passport** yourself. " + "More. " * 30
        c = _with_topic_text(
            catalog,
            "channels.first",
            title=Text("甲", "A"),
            summary=Text("甲", "B"),
            body=Text("甲", body),
        )
        hit = next(h for h in search(c, "yourself", "en") if h.topic_id == "channels.first")
        assert hit.field == "body"
        assert hit.snippet.startswith("…") and hit.snippet.endswith("…")
        assert len(hit.snippet) <= 142
        assert "**" not in hit.snippet
        assert [hit.snippet[a:b] for a, b in hit.spans] == ["yourself"]

    def test_plain_text_strips_markup(self) -> None:
        assert plain_text("### Title\n\n- **bold** item\n1. [link](https://x.org) `code`") == (
            "Title bold item link code"
        )

    def test_casefold_that_changes_length_keeps_spans_right(self, catalog: Catalog) -> None:
        c = _with_topic_text(catalog, "channels.first", title=Text("甲", "Straße und Strasse"))
        hit = search(c, "strasse", "en")[0]
        assert [hit.snippet[a:b] for a, b in hit.spans] == ["Straße", "Strasse"]


class TestHighlight:
    def test_escapes_everything_outside_and_inside_marks(self) -> None:
        assert (
            highlight_html("<b>a & b</b>", [(3, 4)]) == "&lt;b&gt;<mark>a</mark> &amp; b&lt;/b&gt;"
        )

    def test_overlapping_and_out_of_range_spans(self) -> None:
        assert highlight_html("abcdef", [(1, 3), (2, 4), (5, 99)]) == (
            "a<mark>bcd</mark>e<mark>f</mark>"
        )
        assert highlight_html("abc", []) == "abc"
