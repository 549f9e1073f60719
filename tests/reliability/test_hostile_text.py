"""Hostile text wherever a person types: kept byte for byte, shown literally, never run.

A person's profile names, notes, evidence fields, checklist notes and text answers may
hold anything: HTML, template syntax, control characters, right-to-left marks, NUL, a
megabyte pasted by mistake. The store must give every string back exactly (checked on
the raw bytes in the file too, not only through the API), and the Markdown renderer and
the printed checklist must show such text as text: no element, attribute or template
expression an author or a person typed ever becomes live.

(The fixed round-trip cases of HTML, control characters, RTL marks and 1 MB strings are
in tests/store/test_store_notes.py; this adds arbitrary text from hypothesis and the
raw-byte check, and the rendering side.)
"""

from __future__ import annotations

import datetime as _dt
import functools
import html
import sqlite3
import time
import unicodedata
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.content.markdown import MAX_MARKDOWN_CHARS, render_markdown
from desktop.store import ProfileNameError, Store, open_store
from tests.reliability.conftest import fuzz, time_limit
from tests.reliability.hostile import HOSTILE_STRINGS

# A failing case with a megabyte string would otherwise be reported as this warning.
pytestmark = pytest.mark.filterwarnings(
    "ignore:Generating overly large repr:hypothesis.errors.HypothesisWarning"
)

# Everything a keyboard, a paste or a file can produce (lone surrogates cannot reach
# Python from Qt: PySide drops them when it converts a QString).
any_text = st.one_of(
    st.text(st.characters(exclude_categories=("Cs",)), max_size=80),
    st.sampled_from(HOSTILE_STRINGS),
    st.lists(st.sampled_from(HOSTILE_STRINGS), min_size=2, max_size=5).map("\r\n".join),
)

MEGABYTE = (
    "<script>alert(1)</script>{{ 7*7 }}{% raw %}\u202e\u200f\x00\x07\x1b[0m"
    "护照 & 合同 ' \" ; -- [a](javascript:x) **b** `c`\n"
) * 12_000

BEIJING = _dt.timezone(_dt.timedelta(hours=8))


# -- the store ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    opened, _ = open_store(tmp_path_factory.mktemp("hostile") / "data")
    yield opened
    opened.close()


def _raw(store: Store, sql: str, *params: object) -> bytes:
    """A column as the bytes SQLite holds (a second connection: not through the Store)."""
    con = sqlite3.connect(f"{store.path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return con.execute(sql, params).fetchone()[0]
    finally:
        con.close()


@fuzz(150)
@given(text=any_text)
def test_any_text_is_stored_and_returned_byte_for_byte(store: Store, text: str) -> None:
    profile = store.ensure_default_profile("我")
    tags = [text] if text.strip() else []
    note = store.create_note(
        profile.id,
        kind="evidence",
        title=text,
        body=text + text,
        tags=tags,
        data={"who": text, "amount": 1},
    )
    again = store.get_note(note.id)
    assert again is not None
    assert (again.title, again.body, again.data) == (text, text + text, {"who": text, "amount": 1})
    assert again.tags == (tuple(t.strip() for t in tags))
    assert _raw(store, "SELECT CAST(title AS BLOB) FROM notes WHERE id = ?", note.id) == (
        text.encode("utf-8")
    )
    assert store.update_note(note.id, body=text).body == text

    store.set_answer(profile.id, "agency_name", text)
    assert store.get_answers(profile.id)["agency_name"] == text
    store.set_checklist_note(profile.id, "get-passport", text)
    assert store.get_checklist(profile.id)["get-passport"].note == text
    assert _raw(
        store,
        "SELECT CAST(note AS BLOB) FROM checklist_state WHERE profile_id = ? AND item_id = ?",
        profile.id,
        "get-passport",
    ) == text.encode("utf-8")

    # Profile names are trimmed and NFC-normalised on purpose (docs of Store.create_profile);
    # whatever the store keeps is exactly that, and nothing else.
    cleaned = unicodedata.normalize("NFC", text.strip())
    try:
        renamed = store.rename_profile(profile.id, text)
    except ProfileNameError as exc:
        assert exc.reason in ("empty", "too_long", "duplicate")
        assert (exc.reason == "empty") == (not cleaned)
    else:
        assert renamed.name == cleaned == store.get_profile(profile.id).name  # type: ignore[union-attr]
        assert _raw(store, "SELECT CAST(name AS BLOB) FROM profiles WHERE id = ?", profile.id) == (
            cleaned.encode("utf-8")
        )
    store.delete_profile(profile.id)  # keep the file small: the next case starts afresh


def test_a_megabyte_of_hostile_text_survives_reopening(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    store, _ = open_store(data_dir)
    pid = store.create_profile("<b>{{ 7*7 }}</b>\u202e").id
    note = store.create_note(
        pid, kind="evidence", title="收据", body=MEGABYTE, data={"x": MEGABYTE}
    )
    store.set_checklist_note(pid, "get-passport", MEGABYTE)
    store.close()
    store, report = open_store(data_dir)
    try:
        assert not report.recovered
        again = store.get_note(note.id)
        assert again is not None and again.body == MEGABYTE and again.data == {"x": MEGABYTE}
        assert store.get_checklist(pid)["get-passport"].note == MEGABYTE
        assert store.get_profile(pid).name == "<b>{{ 7*7 }}</b>\u202e"  # type: ignore[union-attr]
    finally:
        store.close()


# -- Markdown -------------------------------------------------------------------------

ALLOWED_TAGS = {
    "p",
    "br",
    "strong",
    "em",
    "ul",
    "ol",
    "li",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "code",
    "pre",
    "blockquote",
    "hr",
    "a",
    "span",
}
SAFE_HREF = ("http://", "https://", "mailto:")


class _Elements(HTMLParser):
    """Collects every element and attribute of an HTML fragment."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))

    def handle_data(self, data: str) -> None:
        self.text.append(data)

    def handle_comment(self, data: str) -> None:
        raise AssertionError(f"a comment came out: {data!r}")

    def handle_decl(self, decl: str) -> None:
        raise AssertionError(f"a declaration came out: {decl!r}")

    def unknown_decl(self, data: str) -> None:
        raise AssertionError(f"a declaration came out: {data!r}")

    def handle_pi(self, data: str) -> None:
        raise AssertionError(f"a processing instruction came out: {data!r}")


def _elements(fragment: str) -> _Elements:
    parser = _Elements()
    parser.feed(fragment)
    parser.close()
    return parser


def assert_inert(fragment: str) -> None:
    """Only the tags Markdown makes, no attribute but a safe link target."""
    for tag, attrs in _elements(fragment).tags:
        assert tag in ALLOWED_TAGS, (tag, fragment[:500])
        for name, value in attrs:
            assert (tag, name) == ("a", "href"), (tag, name, value)
            assert value is not None and value.lower().startswith(SAFE_HREF), value


markdown_text = st.lists(
    st.one_of(
        st.sampled_from(HOSTILE_STRINGS),
        st.sampled_from(
            [
                "*",
                "**",
                "_",
                "`",
                "[",
                "]",
                "(",
                ")",
                "![",
                "](",
                "\n",
                "\n\n",
                "# ",
                "- ",
                "1. ",
                "> ",
                "    ",
                "\\",
                "&",
                "&amp;",
                "&#60;",
                "<",
                ">",
                "http://e.org",
                "javascript:",
                "mailto:x",
                "\ue000",
                "\ue003",
            ]
        ),
        st.text(max_size=10),
    ),
    max_size=30,
).map("".join)


@fuzz(500)
@given(text=markdown_text)
def test_markdown_output_is_inert(text: str) -> None:
    with time_limit(10):
        assert_inert(render_markdown(text))


# Characters with no meaning in Markdown (or whose meaning we switch off: < > &).
plain_line = (
    st.text(
        st.sampled_from("abcXYZ 0189 护照合同 <>&\"'{}%=/;:?@$~^|\u202e\u200f\u3000"),
        min_size=1,
        max_size=60,
    )
    .map(str.strip)
    .filter(bool)
)


@fuzz(300)
@given(text=plain_line)
def test_text_without_markdown_comes_out_exactly(text: str) -> None:
    """What a person sees is what was written: every character, escaped, nothing added."""
    assert render_markdown(text) == "<p>" + html.escape(text, quote=False) + "</p>"


@pytest.mark.parametrize(
    "text",
    [
        MEGABYTE,
        "<" * 1_000_000,
        "[" * 1_000_000,
        "&" * 1_000_000,
        "[" * 1000 + "a" * (MAX_MARKDOWN_CHARS - 1000),
        "`a` " * (MAX_MARKDOWN_CHARS // 4),
        "<&>" * (MAX_MARKDOWN_CHARS // 3),
    ],
    ids=[
        "mixed",
        "angles",
        "brackets",
        "ampersands",
        "brackets-then-text",
        "code-spans",
        "50000-escapes",  # was 30+ s when each became an &lt; entity before Markdown
    ],
)
def test_huge_hostile_text_renders_literally_and_quickly(text: str) -> None:
    started = time.perf_counter()
    with time_limit(10):
        fragment = render_markdown(text)
    assert time.perf_counter() - started < 3
    assert_inert(fragment)
    if len(text) > MAX_MARKDOWN_CHARS:  # shown as plain text: every character, literally
        shown = "\n".join(_elements(fragment).text).replace("\n", "")
        assert shown == text.replace("\n", "").replace("\r", "")
    assert "<script>" not in fragment
    if "{{ 7*7 }}" in text:
        assert "{{ 7*7 }}" in fragment


# -- the printed checklist (desktop/render) -----------------------------------------


@functools.cache
def _knowledge():
    from desktop.knowledge import load_knowledge

    return load_knowledge()


def test_printed_checklist_shows_notes_and_name_literally() -> None:
    from desktop.render.html import checklist_context, content_reviewed, render

    knowledge = _knowledge()
    plan = knowledge.plan(
        {"destination": "japan", "channel": "private_intermediary", "age": 30},
        today=_dt.date(2026, 12, 8),
        lang="zh",
    )
    items = [item.id for item in plan.checklist]
    hostile = {
        items[0]: "<script>alert(1)</script>\n{{ 7*7 }} {% raw %}",
        items[1]: "\u202e危险\u202c & <b>粗</b> ' \"",
        items[2]: MEGABYTE[:100_000],
    }
    name = "<img src=x onerror=alert(1)> {{ 7*7 }}"
    context = checklist_context(
        plan,
        knowledge.catalog,
        lang="zh",
        person_name=name,
        destination_label="日本",
        ticks={items[0]: True},
        notes=hostile,
        printed_on=_dt.date(2026, 12, 8),
        content_reviewed=content_reviewed(knowledge.catalog),
    )
    with time_limit(20):
        page = render("checklist.html.j2", **context)
    assert "<script>" not in page and "<img" not in page and "<b>粗" not in page
    assert html.escape(name) in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "{{ 7*7 }} {% raw %}" in page  # a template expression stays text
    assert "\u202e危险\u202c &amp; &lt;b&gt;粗&lt;/b&gt;" in page
