"""Safe YAML: plain data only, every refusal names the line, and positions are tracked."""

from __future__ import annotations

import datetime as _dt
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.content.errors import ContentError
from desktop.content.yamlsafe import load_yaml, load_yaml_text


def _error(text: str | bytes, **kw: object) -> ContentError:
    with pytest.raises(ContentError) as info:
        load_yaml_text(text, "f.yaml", **kw)  # type: ignore[arg-type]
    assert len(info.value.problems) == 1
    return info.value


class TestPlainData:
    def test_safe_load_semantics(self) -> None:
        data, _ = load_yaml_text(
            "a: 1\nb: 2.5\nc: true\nd: null\ne: 2026-11-25\nf: '2026-11-25'\n"
            "g: [x, 'y']\nh: {zh: 中文, en: text}\ni: !!str 12\nj: =\n"
        )
        assert data == {
            "a": 1,
            "b": 2.5,
            "c": True,
            "d": None,
            "e": _dt.date(2026, 11, 25),
            "f": "2026-11-25",
            "g": ["x", "y"],
            "h": {"zh": "中文", "en": "text"},
            "i": "12",
            "j": "=",
        }

    def test_empty_document_is_none(self) -> None:
        assert load_yaml_text("")[0] is None
        assert load_yaml_text("# only a comment\n")[0] is None

    def test_impossible_date_stays_text_for_the_loader_to_report(self) -> None:
        data, _ = load_yaml_text("d: 2026-02-30\n")
        assert data == {"d": "2026-02-30"}

    def test_byte_order_mark_is_ignored(self, tmp_path: Path) -> None:
        path = tmp_path / "bom.yaml"
        path.write_bytes("\ufeffa: 中\n".encode())
        assert load_yaml(path)[0] == {"a": "中"}


class TestLineIndex:
    TEXT = (
        "section: channels\n"  # 1
        "topics:\n"  # 2
        "  - id: one\n"  # 3
        "    title: {zh: 中文, en: text}\n"  # 4
        "  - id: two\n"  # 5
        '    applies_when: "a == 1"\n'  # 6
        "    body: |\n"  # 7
        "      line\n"  # 8
    )

    def test_keys_and_items(self) -> None:
        _, index = load_yaml_text(self.TEXT, "c.yaml")
        assert index.filename == "c.yaml"
        assert index.line_of(("section",)) == 1
        assert index.line_of(("topics", 0)) == 3
        assert index.line_of(("topics", 0, "title")) == 4
        assert index.line_of(("topics", 1)) == 5
        assert index.position(("topics", 0, "title", "en")).column == 21
        assert index.line_of(("topics", 1, "body")) == 7

    def test_missing_path_falls_back_to_nearest_ancestor(self) -> None:
        _, index = load_yaml_text(self.TEXT)
        assert index.line_of(("topics", 0, "title", "fr")) == 4
        assert index.line_of(("topics", 1, "nothing", "here")) == 5
        assert index.line_of(("nope",)) == 1  # the document itself

    def test_value_position_and_style(self) -> None:
        _, index = load_yaml_text(self.TEXT)
        pos = index.value_position(("topics", 1, "applies_when"))
        assert (pos.line, pos.column, pos.style) == (6, 19, '"')
        assert index.value_position(("topics", 1, "body")).style == "|"
        assert index.value_position(("section",)).style == ""
        assert index.value_position(("topics",)).style is None


class TestRefused:
    @pytest.mark.parametrize(
        ("text", "line", "column", "words"),
        [
            ("a: 1\nb: !!python/object/apply:os.system [echo hi]\n", 2, 4, "!!python/object"),
            ("a: !!python/object/apply:os.system\n  args: [ls]\n", 1, 4, "!!python/object"),
            ("a: !!python/name:os.system ''\n", 1, 4, "!!python/name"),
            ("a: !custom x\n", 1, 4, "!custom"),
            ("a: !!binary aGVsbG8=\n", 1, 4, "!!binary"),
            ("a: !!set {x: null}\n", 1, 4, "!!set"),
            ("a: &x 1\nb: *x\n", 1, 4, "anchors"),
            ("a: [1, 2]\nb: *x\n", 2, 4, "aliases"),
            ("<<: {a: 1}\n", 1, 1, "merge keys"),
            ("a: 1\nb: 2\na: 3\n", 3, 1, "appears twice"),
            ("? [a, b]\n: 1\n", 1, 3, "mapping keys"),
            ("a: 1\n---\nb: 2\n", 2, 1, "more than one YAML document"),
            ("a: [1, 2\n", 2, 1, "not valid YAML"),
            ("a: 1\n  b: 2\n", 2, 4, "not valid YAML"),
            ("a: 1\nb: \x07\n", 2, 4, "control character"),
        ],
    )
    def test_refusals_name_line_and_column(
        self, text: str, line: int, column: int, words: str
    ) -> None:
        problem = _error(text).problems[0]
        assert problem.file == "f.yaml"
        assert (problem.line, problem.column) == (line, column)
        assert words in problem.message

    def test_billion_laughs_is_refused_before_expansion(self) -> None:
        lol = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
        for i, name in enumerate("bcdefghi"):
            prev = "abcdefghi"[i]
            lol += f"{name}: &{name} [{','.join(['*' + prev] * 9)}]\n"
        problem = _error(lol).problems[0]
        assert problem.line == 1
        assert "anchors" in problem.message

    def test_deep_nesting(self) -> None:
        problem = _error("[" * 65 + "]" * 65).problems[0]
        assert problem.line == 1 and problem.column == 65
        assert "nested too deeply" in problem.message
        assert load_yaml_text("[" * 64 + "]" * 64)[0] is not None

    def test_deep_block_nesting_reports_line(self) -> None:
        text = "".join(" " * i + f"k{i}:\n" for i in range(70))
        problem = _error(text, max_depth=10).problems[0]
        assert problem.line == 11

    def test_huge_file_refused_before_reading(self, tmp_path: Path) -> None:
        path = tmp_path / "big.yaml"
        path.write_bytes(b"a: " + b"x" * 2000 + b"\n")
        with pytest.raises(ContentError, match="too large"):
            load_yaml(path, max_bytes=1000)
        assert load_yaml(path, max_bytes=5000)[0] == {"a": "x" * 2000}
        with pytest.raises(ContentError, match="too large"):
            load_yaml_text("a: " + "x" * 2000, max_bytes=1000)

    def test_bad_utf8_names_the_line(self) -> None:
        problem = _error(b"a: 1\nb: caf\xe9\n").problems[0]
        assert (problem.line, problem.column) == (2, 7)
        assert "UTF-8" in problem.message and "0xe9" in problem.message

    def test_gbk_file_is_not_utf8(self) -> None:
        problem = _error("title: 护照\n".encode("gbk")).problems[0]
        assert problem.line == 1 and "UTF-8" in problem.message

    def test_missing_file(self, tmp_path: Path) -> None:
        with pytest.raises(ContentError, match="cannot read"):
            load_yaml(tmp_path / "nope.yaml", display_name="nope.yaml")

    def test_display_name_is_used(self, tmp_path: Path) -> None:
        path = tmp_path / "x.yaml"
        path.write_text("a: &x 1\n", encoding="utf-8")
        with pytest.raises(ContentError) as info:
            load_yaml(path, display_name="resources/x.yaml")
        assert str(info.value).startswith("resources/x.yaml:1:4: ")

    def test_huge_integer_is_a_content_error(self) -> None:
        problem = _error("a: " + "9" * 5000 + "\n").problems[0]
        assert problem.line == 1


_YAML_PIECES = st.sampled_from(
    [
        "a",
        "b",
        ":",
        " ",
        "\n",
        "  ",
        "- ",
        "[",
        "]",
        "{",
        "}",
        ",",
        "&x",
        "*x",
        "!!str",
        "!!python/object:os.system",
        "'",
        '"',
        "|",
        ">",
        "#",
        "---",
        "...",
        "? ",
        "<<",
        "1",
        "2026-02-30",
        "null",
        "护照",
        "\t",
        "%YAML 1.1",
        "\x00",
        "\ufeff",
    ]
)


@settings(max_examples=400, deadline=None)
@given(st.one_of(st.text(max_size=60), st.lists(_YAML_PIECES, max_size=30).map("".join)))
def test_arbitrary_text_gives_data_or_content_error(text: str) -> None:
    """Whatever the text, the result is plain data or a ContentError with a position."""
    try:
        data, index = load_yaml_text(text, "fuzz.yaml")
    except ContentError as exc:
        assert exc.problems and exc.problems[0].file == "fuzz.yaml"
    else:
        assert index.filename == "fuzz.yaml"
        assert data is None or isinstance(data, (dict, list, str, int, float, bool, _dt.date))


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=60))
def test_arbitrary_bytes_give_data_or_content_error(raw: bytes) -> None:
    try:
        load_yaml_text(raw, "fuzz.yaml")
    except ContentError as exc:
        assert exc.problems[0].file == "fuzz.yaml"
