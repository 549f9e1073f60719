"""``passage content check``: every content rule, plus the rules that need all files at once.

The loader checks each file and every reference. One rule needs more than the
Guide: *every seed passage is cited by at least one item somewhere*, counting
the questionnaire and advice files too, unless it is marked ``background: true``
(told on the About page only: a proposal to governments that supports no advice, so
citing it for a claim would be false). An unmarked passage nobody cites is a summary
we forgot to use; worth a look before shipping.

:func:`check_all` is the Guide's part (callers pass other files' citations in
``extra_citations``). :func:`check_installation` is what the command runs: it
also loads the questionnaire, so conditions are checked against real question
ids and option values, and it collects the ``sources:`` cited by the
questionnaire and the advice files.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import re
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, TextIO

from desktop.content.errors import ContentError, Problem
from desktop.content.loader import QuestionSpec, load_catalog_with_problems
from desktop.content.yamlsafe import load_yaml

__all__ = ["check_all", "check_installation", "collect_citations", "main"]


def check_all(
    base: Path | None = None,
    *,
    extra_citations: Iterable[str] = (),
    known_questions: QuestionSpec | None = None,
    today: _dt.date | None = None,
) -> list[Problem]:
    """All problems in the Guide under ``base`` (empty list: clean)."""
    result = load_catalog_with_problems(base, known_questions=known_questions, today=today)
    problems = list(result.problems)
    catalog = result.catalog
    cited = catalog.citations() | set(extra_citations)
    cited |= {ref for fact in catalog.facts.values() for ref in fact.sources}
    for source in catalog.sources.values():
        if source.id not in cited:
            # The About page says everything in the guide comes from the sources it
            # lists: a source that supports nothing must not be listed there.
            problems.append(
                Problem(
                    file="resources/sources.yaml",
                    item=source.id,
                    field="id",
                    message="no topic, fact, question or advice item cites this source",
                    line=_key_line(_base(base) / "resources" / "sources.yaml", "id", source.id),
                )
            )
    for seed in catalog.seeds.values():
        for passage in seed.passages:
            if passage.locator not in cited and not passage.background:
                problems.append(
                    Problem(
                        file=f"seeds/{seed.id}.yaml",
                        item=passage.locator,
                        field="locator",
                        message="no topic, question or advice item cites this passage "
                        "(if it only gives background, mark it 'background: true')",
                        line=_key_line(
                            _base(base) / "seeds" / f"{seed.id}.yaml", "locator", passage.locator
                        ),
                    )
                )
    return problems


def collect_citations(paths: Iterable[Path]) -> set[str]:
    """Every string listed under a ``sources:`` key anywhere in these YAML files.

    Deliberately generic (it does not know the questionnaire or advice schemas):
    those files' own loaders report their problems; here an unreadable file just
    contributes no citations.
    """
    found: set[str] = set()
    for path in paths:
        try:
            data, _index = load_yaml(path)
        except ContentError:
            continue
        stack: list[Any] = [data]
        while stack:
            node = stack.pop()
            if isinstance(node, dict):
                for key, value in node.items():
                    if key == "sources" and isinstance(value, list):
                        found.update(v for v in value if isinstance(v, str))
                    else:
                        stack.append(value)
            elif isinstance(node, list):
                stack.extend(node)
    return found


def check_installation(base: Path | None = None, *, today: _dt.date | None = None) -> list[Problem]:
    """What ``passage content check`` runs: questionnaire, Guide and citations together."""
    root = _base(base)
    problems: list[Problem] = []
    known: QuestionSpec | None = None
    questionnaire_path = root / "resources" / "questionnaire.yaml"
    if questionnaire_path.is_file():
        # imported here: the questionnaire module is optional for the Guide itself
        from desktop.content.questionnaire import load_questionnaire

        try:
            known = load_questionnaire(questionnaire_path).known_values()
        except ContentError as exc:
            problems.extend(exc.problems)
    others = [questionnaire_path, *sorted((root / "resources" / "advice").glob("*.yaml"))]
    citations = collect_citations(p for p in others if p.is_file())
    problems.extend(check_all(root, extra_citations=citations, known_questions=known, today=today))
    problems.extend(outside_paths(root))
    if known is not None and not problems:
        # The advice rules last: they need a clean questionnaire and Guide to check against.
        from desktop.knowledge import load_knowledge

        try:
            load_knowledge(root, today=today, cache=False)
        except ContentError as exc:
            problems.extend(exc.problems)
    return problems


# A comment naming a place outside the repository ("/home/…", "../shared/…"): the content
# is shipped and read without that place, so it may only speak of its own files.
_OUTSIDE_PATH = re.compile(r"(?<![\w.])(?:\.\./|~/|/(?:home|work|tmp|root|Users|mnt)/)")


def outside_paths(root: Path) -> list[Problem]:
    """Comment lines in content files that name a path outside the repository."""
    problems: list[Problem] = []
    for part in ("seeds", "resources"):
        for path in sorted((root / part).rglob("*.yaml")):
            try:
                lines = path.read_text(encoding="utf-8").splitlines()
            except (OSError, UnicodeDecodeError):
                continue  # the loaders report unreadable files
            for number, line in enumerate(lines, start=1):
                if line.lstrip().startswith("#") and _OUTSIDE_PATH.search(line):
                    problems.append(
                        Problem(
                            file=path.relative_to(root).as_posix(),
                            message="this comment names a path outside the repository; "
                            "speak of the project's own files",
                            line=number,
                        )
                    )
    return problems


def _base(base: Path | None) -> Path:
    from desktop import resources

    return Path(base) if base is not None else resources.base_dir()


def _key_line(path: Path, key: str, value: str) -> int | None:
    """Line of ``key: value`` (or ``- key: value``) in a YAML file: a text scan, only
    on the error path, for items that no loaded object remembers the line of."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return None
    for number, line in enumerate(lines, start=1):
        stripped = line.strip().removeprefix("- ").strip()
        if stripped.startswith(f"{key}:") and stripped.split(":", 1)[1].strip(" '\"") == value:
            return number
    return None


def main(
    argv: Sequence[str] | None = None, *, out: TextIO | None = None, err: TextIO | None = None
) -> int:
    """Print every problem to ``out``, one per line; return 1 if there are any, else 0.

    The one-line summary goes to ``err`` so that ``out`` stays one problem per line.
    """
    parser = argparse.ArgumentParser(
        prog="passage content check",
        description="Check the content files (seeds/ and resources/) against docs/CONTENT.md.",
    )
    parser.add_argument(
        "--base",
        type=Path,
        default=None,
        help="folder that holds resources/ and seeds/ (default: this installation's)",
    )
    args = parser.parse_args(list(argv) if argv is not None else None)
    out = out or sys.stdout
    err = err or sys.stderr
    problems = check_installation(args.base)
    for problem in problems:
        print(problem, file=out)
    if problems:
        print(f"{len(problems)} problem(s) found.", file=err)
        return 1
    print("Content OK.", file=err)
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
