"""check_all / main: loader problems plus the rules that need every file: each seed
passage and each source is cited by something."""

from __future__ import annotations

import io
from pathlib import Path

from desktop.content.check import check_all, check_installation, collect_citations, main

from .tree import SEED, TODAY, write_tree


def test_uncited_passage_is_reported(tree: Path) -> None:
    problems = check_all(tree, today=TODAY)
    assert len(problems) == 1
    problem = problems[0]
    assert (problem.file, problem.item, problem.field, problem.line) == (
        "seeds/demo-2020.yaml",
        "demo-2020#1.2",
        "locator",
        14,
    )
    assert "cites this passage" in problem.message


def test_extra_citations_count(tree: Path) -> None:
    assert check_all(tree, extra_citations={"demo-2020#1.2"}, today=TODAY) == []


def test_loader_problems_come_first(tmp_path: Path) -> None:
    base = write_tree(tmp_path, {"seeds/demo-2020.yaml": SEED.replace("kind: seed", "kind: x")})
    problems = check_all(base, today=TODAY)
    assert [p.field for p in problems] == ["kind"]  # a broken seed has no passages to check


def test_citations_from_other_files(tmp_path: Path) -> None:
    base = write_tree(
        tmp_path,
        {
            "resources/advice/rules.yaml": (
                "rules:\n  - id: r1\n    sources: [demo-2020#1.2, cn-reg-2012]\n"
                "    nested: {sources: [x-1]}\n"
            ),
            "resources/advice/broken.yaml": "a: &x 1\n",
        },
    )
    paths = sorted((base / "resources" / "advice").glob("*.yaml"))
    assert collect_citations(paths) == {"demo-2020#1.2", "cn-reg-2012", "x-1"}
    assert check_installation(base, today=TODAY) == []


def test_main_prints_one_problem_per_line(tree: Path) -> None:
    out, err = io.StringIO(), io.StringIO()
    assert main(["--base", str(tree)], out=out, err=err) == 1
    lines = out.getvalue().splitlines()
    assert lines == [
        "seeds/demo-2020.yaml:14, item 'demo-2020#1.2', field 'locator': "
        "no topic, question or advice item cites this passage "
        "(if it only gives background, mark it 'background: true')"
    ]
    assert "1 problem(s)" in err.getvalue()


def test_main_clean(tmp_path: Path) -> None:
    base = write_tree(
        tmp_path, {"resources/advice/a.yaml": "items:\n  - sources: [demo-2020#1.2]\n"}
    )
    out, err = io.StringIO(), io.StringIO()
    assert main(["--base", str(base)], out=out, err=err) == 0
    assert out.getvalue() == ""
    assert "Content OK" in err.getvalue()


def test_a_comment_naming_a_path_outside_the_repository_is_reported(tree: Path) -> None:
    from desktop.content.check import outside_paths

    path = tree / "resources" / "sources.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text("# Taken from /work/shared/facts.md\n" + text, encoding="utf-8")
    (tree / "seeds" / "demo-2020.yaml").write_text(
        "# digest of ../shared/seeds/000.txt\n# see resources/facts/ and docs/CONTENT.md\n"
        + (tree / "seeds" / "demo-2020.yaml").read_text(encoding="utf-8"),
        encoding="utf-8",
    )
    found = outside_paths(tree)
    assert [(p.file, p.line) for p in found] == [
        ("seeds/demo-2020.yaml", 1),
        ("resources/sources.yaml", 1),
    ]
    assert all("outside the repository" in p.message for p in found)


def test_a_source_nobody_cites_is_reported(tree: Path) -> None:
    path = tree / "resources" / "sources.yaml"
    path.write_text(
        path.read_text(encoding="utf-8")
        + """\
  - id: orphan
    title: {zh: 孤儿, en: Orphan}
    publisher: {zh: 某处, en: Somewhere}
    date: 2020-01-01
    confidence: high
    where: "facts.md A1"
""",
        encoding="utf-8",
    )
    problems = [p for p in check_all(tree, today=TODAY) if p.item == "orphan"]
    assert [(p.file, p.field, p.line) for p in problems] == [("resources/sources.yaml", "id", 15)]
    assert "cites this source" in problems[0].message


def test_a_background_passage_need_not_be_cited(tree: Path) -> None:
    path = tree / "seeds" / "demo-2020.yaml"
    text = path.read_text(encoding="utf-8").replace(
        "  - locator: demo-2020#1.2\n", "  - locator: demo-2020#1.2\n    background: true\n"
    )
    path.write_text(text, encoding="utf-8")
    assert check_all(tree, today=TODAY) == []
