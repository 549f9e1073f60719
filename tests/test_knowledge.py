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
