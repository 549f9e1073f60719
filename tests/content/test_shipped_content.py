"""The content Passage ships loads cleanly and passes every check (STYLE lesson 3).

This test checks the real files under seeds/ and resources/, so it fails whenever
a writer's change breaks a rule in docs/CONTENT.md; the message lists every problem.
"""

from __future__ import annotations

from desktop.content.check import check_installation
from desktop.content.loader import SECTIONS, load_catalog


def test_shipped_content_passes_every_check() -> None:
    problems = check_installation()
    assert problems == [], "\n" + "\n".join(str(p) for p in problems)


def test_shipped_catalog_is_complete() -> None:
    catalog = load_catalog()
    assert [s.id for s in catalog.sections] == list(SECTIONS)
    assert all(section.topics for section in catalog.sections)
    assert catalog.seeds, "no seed documents"
    for topic in catalog.topics.values():
        for ref in topic.sources:
            catalog.resolve(ref)  # raises KeyError if a reference does not resolve
