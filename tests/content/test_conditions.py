"""The condition language: what parses, what is refused (and where), and what it means."""

from __future__ import annotations

import datetime as _dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.content.conditions import MAX_LENGTH, ConditionError, parse


class TestGrammarAccepted:
    """Expressions the grammar in CONTENT.md allows, and their normalised source."""

    @pytest.mark.parametrize(
        ("source", "normalised"),
        [
            ("channel == 'japan'", "channel == 'japan'"),
            ('channel=="japan"', "channel == 'japan'"),
            (
                "channel in ['licensed_enterprise', 'undecided']",
                "channel in ['licensed_enterprise', 'undecided']",
            ),
            ("x not in [1,2.5,-3]", "x not in [1, 2.5, -3]"),
            ("not not x", "not not x"),
            ("a and b or c", "a and b or c"),
            ("a and (b or c)", "a and (b or c)"),
            ("(a or b) or c", "(a or b) or c"),
            ("not (a == 1)", "not a == 1"),
            ("not (a and b)", "not (a and b)"),
            ("(a == b) == c", "(a == b) == c"),
            ("'v' in multi", "'v' in multi"),
            (". >= 18 and . <= 70", ". >= 18 and . <= 70"),
            ("x == null", "x == null"),
            ("x != true", "x != true"),
            ("x == []", "x == []"),
            ("x in [y, 'a']", "x in [y, 'a']"),
            ("  a\n and\tb  ", "a and b"),
            ('x == "it\'s"', 'x == "it\'s"'),
            ("x == 'say \\\"hi\\\" it\\'s'", "x == 'say \"hi\" it\\'s'"),
            ("_a1 < 3", "_a1 < 3"),
        ],
    )
    def test_parses_and_normalises(self, source: str, normalised: str) -> None:
        cond = parse(source)
        assert str(cond) == normalised
        assert parse(str(cond)) == cond

    def test_names_and_literals(self) -> None:
        cond = parse(
            "channel in ['agent', 'undecided'] and 'japan' in destinations "
            "and age >= 18 and channel != 'other' and x == null and . == 1"
        )
        assert cond.names == frozenset({"channel", "destinations", "age", "x"})
        assert cond.literals_for("channel") == {"agent", "undecided", "other"}
        assert cond.literals_for("destinations") == {"japan"}
        assert cond.literals_for("age") == {18}
        assert cond.literals_for("x") == set()
        assert cond.literals_for("nobody") == set()
        assert cond.uses_value
        assert not parse("a == 1").uses_value

    def test_literal_true_differs_from_one(self) -> None:
        assert parse("x == 1") != parse("x == true")
        assert parse("x == 1") == parse("(x) == 1")


class TestGrammarRejected:
    """Every mistake is a ConditionError with a useful message and a 1-based column."""

    @pytest.mark.parametrize(
        ("source", "column", "words"),
        [
            ("", 1, "empty"),
            ("   ", 1, "empty"),
            ("a ==", 5, "expected a value"),
            ("a == 1 ==", 8, "cannot be chained"),
            ("a = 1", 3, "'=='"),
            ("a && b", 3, "'and'"),
            ("a || b", 3, "'or'"),
            ("!a", 1, "'not'"),
            ("Channel == 'x'", 1, "lower-case"),
            ("x == True", 6, "'true' in lower case"),
            ("x == None", 6, "'null'"),
            ("x not y", 7, "expected 'in'"),
            ("x in [1, 2", 11, "']'"),
            ("x in [1 2]", 9, "']'"),
            ("(a or b", 8, "')'"),
            ("a b", 3, "'and', 'or' or the end"),
            ("x == 'abc", 6, "unterminated"),
            ("x == 'a\\n'", 8, "backslash"),
            ("x == 1.2.3", 6, "not a number"),
            ("x == 12abc", 6, "not a number"),
            ("a.b", 2, "cannot contain '.'"),
            ("x == \u201ca\u201d", 6, "straight quotes"),
            ("x @ y", 3, "unexpected character '@'"),
            ("a and", 6, "expected a value"),
            ("()", 2, "expected a value"),
            ("[1,]", 4, "expected a value"),
            ("x == 1)", 7, "the end"),
        ],
    )
    def test_error_column(self, source: str, column: int, words: str) -> None:
        with pytest.raises(ConditionError) as info:
            parse(source)
        assert info.value.column == column
        assert words in info.value.message
        assert str(info.value).startswith(f"column {column}:")

    def test_too_long(self) -> None:
        source = "a or " * (MAX_LENGTH // 5) + "b"
        with pytest.raises(ConditionError, match="too long"):
            parse(source)
        assert parse(("a or " * 399) + "b")  # just under the limit is fine

    @pytest.mark.parametrize(
        "source",
        ["(" * 51 + "a" + ")" * 51, "not " * 51 + "a", "x in " + "[" * 51 + "]" * 51],
    )
    def test_too_deep_is_an_error_not_recursion(self, source: str) -> None:
        with pytest.raises(ConditionError, match="nested too deeply"):
            parse(source)

    def test_fifty_levels_are_allowed(self) -> None:
        assert parse("(" * 50 + "a" + ")" * 50).evaluate({"a": True})

    def test_not_text(self) -> None:
        with pytest.raises(ConditionError):
            parse(42)  # type: ignore[arg-type]


class TestEvaluate:
    """Truth tables, including unanswered questions and multiple-choice answers."""

    @pytest.mark.parametrize(
        ("source", "answers", "expected"),
        [
            ("channel == 'agent'", {"channel": "agent"}, True),
            ("channel == 'agent'", {"channel": "other"}, False),
            ("channel == 'agent'", {}, False),
            # an unanswered question never triggers a rule by accident
            ("channel != 'agent'", {}, False),
            ("channel != 'agent'", {"channel": "other"}, True),
            ("channel in ['agent', 'x']", {}, False),
            ("channel not in ['agent', 'x']", {}, False),
            ("channel not in ['agent', 'x']", {"channel": "y"}, True),
            ("age < 18", {}, False),
            ("age >= 18", {}, False),
            # explicit null tests
            ("channel == null", {}, True),
            ("channel == null", {"channel": None}, True),
            ("channel == null", {"channel": "agent"}, False),
            ("channel != null", {}, False),
            ("channel != null", {"channel": "agent"}, True),
            ("null == channel", {}, True),
            ("channel < null", {}, False),
            ("channel in null", {}, False),
            ("not channel == 'agent'", {}, True),
            # multiple choice
            ("'japan' in dest", {"dest": ["japan", "korea"]}, True),
            ("'russia' in dest", {"dest": ["japan", "korea"]}, False),
            ("'russia' not in dest", {"dest": ["japan", "korea"]}, True),
            ("'japan' in dest", {"dest": []}, False),
            ("'japan' in dest", {}, False),
            ("'japan' not in dest", {}, False),
            ("'jap' in dest", {"dest": "japan"}, False),  # no substring tests
            ("dest == []", {"dest": []}, True),
            ("dest == ['a', 'b']", {"dest": ["a", "b"]}, True),
            # numbers
            ("age >= 18", {"age": 18}, True),
            ("age >= 18", {"age": 17.5}, False),
            ("age == 18", {"age": 18.0}, True),
            ("age < 2.5", {"age": 2}, True),
            ("age > -1", {"age": 0}, True),
            ("age > 18", {"age": "20"}, False),  # mismatched types are false
            ("age == 18", {"age": "18"}, False),
            ("age != 18", {"age": "18"}, True),
            ("x == 1", {"x": True}, False),  # true is not 1
            ("x == true", {"x": 1}, False),
            ("x", {"x": 1}, True),
            ("x", {"x": 0}, False),
            ("x", {"x": float("nan")}, False),
            ("x < 1", {"x": float("nan")}, False),
            # strings and dates order
            ("x < 'b'", {"x": "a"}, True),
            ("x < 'b'", {"x": 1}, False),
            ("d1 < d2", {"d1": _dt.date(2020, 1, 1), "d2": _dt.date(2021, 1, 1)}, True),
            ("d1 < d2", {"d1": _dt.date(2020, 1, 1), "d2": _dt.datetime(2021, 1, 1)}, False),
            # booleans and truthiness
            ("has_passport", {"has_passport": True}, True),
            ("has_passport", {"has_passport": False}, False),
            ("has_passport", {}, False),
            ("not has_passport", {}, True),
            ("has_passport == false", {}, False),
            ("x", {"x": []}, False),
            ("x", {"x": ["a"]}, True),
            ("x", {"x": ""}, False),
            ("x", {"x": {"a": 1}}, False),
            ("true", {}, True),
            ("null", {}, False),
            # and / or / not
            ("a and b", {"a": True, "b": True}, True),
            ("a and b", {"a": True, "b": False}, False),
            ("a or b", {"a": False, "b": True}, True),
            ("a or b", {}, False),
            ("a and b or c", {"c": True}, True),
            ("a and (b or c)", {"c": True}, False),
            ("not a and b", {"b": True}, True),
            ("x in [y, 'z']", {"x": 3, "y": 3}, True),
        ],
    )
    def test_truth_table(self, source: str, answers: dict, expected: bool) -> None:
        assert parse(source).evaluate(answers) is expected

    def test_dot_is_the_value_being_checked(self) -> None:
        cond = parse(". >= 18 and . <= 70")
        assert cond.evaluate({}, 30) is True
        assert cond.evaluate({}, 80) is False
        assert cond.evaluate({}, None) is False
        assert cond.evaluate({"age": 30}) is False

    def test_deterministic(self) -> None:
        cond = parse("'a' in x or y > 2")
        results = {cond.evaluate({"x": ["b", "a"], "y": 1}) for _ in range(50)}
        assert results == {True}


# --------------------------------------------------------------------------- properties

_ALPHABET = st.sampled_from(
    [*"abcxyz_019 .()[],'\"<>=!-\t\n", "and", "or", "not", "in", "null", "true", "护", "É"]
)


@settings(max_examples=400, deadline=None)
@given(st.text(max_size=80))
def test_parse_arbitrary_text_raises_only_condition_error(text: str) -> None:
    """Any text at all either parses or raises ConditionError with a sane column."""
    try:
        cond = parse(text)
    except ConditionError as exc:
        assert 1 <= exc.column <= len(text) + 1
    else:
        assert parse(str(cond)) == cond


@settings(max_examples=400, deadline=None)
@given(st.lists(_ALPHABET, max_size=40).map(" ".join))
def test_parse_near_miss_tokens(text: str) -> None:
    """Token soup close to the grammar: parse or ConditionError, and round-trips."""
    try:
        cond = parse(text)
    except ConditionError as exc:
        assert 1 <= exc.column <= len(text) + 1
    else:
        assert parse(str(cond)) == cond


_SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True),
    st.text(max_size=5),
    st.dates(),
)
_ANSWER_VALUES = st.recursive(
    _SCALARS,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(st.text(), inner)),
    max_leaves=10,
)

_EXPRESSIONS = [
    "a == b",
    "a != b",
    "a < b or a <= b or a > b or a >= b",
    "a in b and a not in b",
    "'x' in a or 1 in b",
    "not a or not b",
    "a == [b, 1, 'x', null, true] or [a] == b",
    "a in [b, 1] and . > a",
    "a and b",
]


@settings(max_examples=300, deadline=None)
@given(
    st.sampled_from(_EXPRESSIONS),
    st.dictionaries(st.sampled_from(["a", "b", "c"]), _ANSWER_VALUES),
    _ANSWER_VALUES,
)
def test_evaluate_never_raises(source: str, answers: dict, value: object) -> None:
    """Whatever the answers hold, evaluate returns a plain bool."""
    result = parse(source).evaluate(answers, value)
    assert result is True or result is False
