"""load_knowledge: the Guide, the questionnaire and the advice rules, checked together."""

from __future__ import annotations

import shutil

import pytest

from desktop.content.check import check_installation
from desktop.content.errors import ContentError
from desktop.knowledge import load_knowledge
from tests.conftest import REPO


def test_shipped_content_loads_and_plans():
    k = load_knowledge()
    plan = k.plan({"destination": "korea", "fees_for_government_program": "yes"})
    assert plan.red_flags, "paying fees for EPS is a warning sign"
    assert "channels.eps-korea" in k.catalog.topics


@pytest.fixture
def tree(tmp_path):
    for part in ("resources", "seeds"):
        shutil.copytree(
            REPO / part, tmp_path / part, ignore=shutil.ignore_patterns("*.qm", "fonts")
        )
    return tmp_path


def test_advice_linking_to_a_missing_topic_is_reported_precisely(tree):
    path = tree / "resources" / "advice" / "red_flags.yaml"
    text = path.read_text(encoding="utf-8")
    first = text.index("    topic: ")
    end = text.index("\n", first)
    path.write_text(text[:first] + "    topic: rights.no-such-topic" + text[end:], encoding="utf-8")
    with pytest.raises(ContentError) as exc:
        load_knowledge(tree)
    (problem,) = exc.value.problems
    assert problem.file.endswith("red_flags.yaml") and problem.field == "topic"
    assert problem.line is not None
    assert [str(p) for p in check_installation(tree)] == [str(problem)]


@pytest.mark.parametrize(
    ("change", "field", "words"),
    [
        (lambda t: t.replace("    as_of: 2025-08-05\n", "", 1), "as_of", "missing"),
        (lambda t: t.replace("    as_of: 2025-08-05\n", "    as_of: 2030-01-01\n", 1), "as_of",
         "in the future"),
        (lambda t: t.replace("    value: 10320\n", "    value: many\n", 1), "value", "a number"),
        (lambda t: t + t.split("facts:\n", 1)[1].split("  - id:", 2)[1].join(["  - id:", ""]),
         "id", "already defined"),
    ],
)  # fmt: skip
def test_a_broken_facts_table_stops_the_load_with_file_line_item_field(tree, change, field, words):
    """The app shows ContentError's problems (its existing message); it never shows a
    text with a half-filled figure."""
    path = tree / "resources" / "facts" / "korea.yaml"
    path.write_text(change(path.read_text(encoding="utf-8")), encoding="utf-8")
    with pytest.raises(ContentError) as exc:
        load_knowledge(tree, cache=False)
    mine = [p for p in exc.value.problems if p.file == "resources/facts/korea.yaml"]
    assert mine and mine[0].field == field and mine[0].line and mine[0].item
    assert words in mine[0].message
    # the topics and rules that show the broken fact say so too, by name
    assert any("there is no fact" in p.message for p in exc.value.problems) or field == "id"
