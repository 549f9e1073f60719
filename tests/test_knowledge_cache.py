"""The content cache of load_knowledge: used when nothing changed, rebuilt when anything did,
and never trusted when it is damaged, foreign or from a later day.

Every test gets its own empty cache folder (tests/conftest.py points XDG_CACHE_HOME at a
temporary place). ``loads`` counts the real full loads (the function still runs).
"""

from __future__ import annotations

import datetime as dt
import os
import pickle
import shutil
import stat
import sys
from pathlib import Path

import pytest

import desktop.knowledge as knowledge_module
from desktop.knowledge import CACHE_FORMAT, Knowledge, cache_key, cache_path, load_knowledge
from tests.conftest import REPO

TODAY = dt.date(2026, 12, 8)


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """A copy of the shipped content that a test may change."""
    for part in ("resources", "seeds"):
        shutil.copytree(
            REPO / part, tmp_path / part, ignore=shutil.ignore_patterns("*.qm", "fonts")
        )
    return tmp_path


@pytest.fixture
def loads(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The folders fully loaded (parsed and checked) so far, in order."""
    seen: list[Path] = []
    real = knowledge_module._load_all

    def counting(base: Path, today: dt.date) -> Knowledge:
        seen.append(base)
        return real(base, today)

    monkeypatch.setattr(knowledge_module, "_load_all", counting)
    return seen


def _same(a: Knowledge, b: Knowledge) -> None:
    assert [s.id for s in a.catalog.sections] == [s.id for s in b.catalog.sections]
    assert a.catalog.topics == b.catalog.topics
    assert a.catalog.sources == b.catalog.sources
    assert list(a.questionnaire.questions) == list(b.questionnaire.questions)
    assert a.rules == b.rules
    answers = {"destination": "japan", "deposit_requested": "yes", "age": 30}
    assert a.plan(answers, today=TODAY) == b.plan(answers, today=TODAY)


def test_second_load_comes_from_the_cache_and_is_the_same(tree: Path, loads) -> None:
    first = load_knowledge(tree, today=TODAY)
    second = load_knowledge(tree, today=TODAY)
    assert loads == [tree]  # the second one was not parsed again
    assert second is not first
    _same(first, second)
    # The search index is kept per catalog object: a cached catalog works with it too.
    from desktop.content.search import search

    assert search(second.catalog, "护照", "zh")


def test_cache_file_is_private_and_written_whole(tree: Path) -> None:
    load_knowledge(tree, today=TODAY)
    path = cache_path(tree)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert path.read_bytes().startswith(CACHE_FORMAT + cache_key(tree))
    assert [p.name for p in path.parent.iterdir()] == [path.name]  # no temporary left


def test_a_changed_content_file_rebuilds_the_cache(tree: Path, loads) -> None:
    load_knowledge(tree, today=TODAY)
    rights = tree / "resources" / "content" / "rights.yaml"
    text = rights.read_text(encoding="utf-8")
    old_title = load_knowledge(tree, today=TODAY).catalog.topic("rights.fees-deposits").title.zh
    assert old_title in text
    # The same number of bytes and (very likely) the same modification time: the key
    # must come from the contents, not from size and mtime.
    new_title = old_title[:-1] + ("钱" if old_title[-1] != "钱" else "款")
    assert len(new_title.encode()) == len(old_title.encode())
    before = rights.stat()
    rights.write_text(text.replace(old_title, new_title, 1), encoding="utf-8")
    os.utime(rights, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert rights.stat().st_size == before.st_size

    changed = load_knowledge(tree, today=TODAY)
    assert changed.catalog.topic("rights.fees-deposits").title.zh == new_title
    assert loads == [tree, tree]
    assert load_knowledge(tree, today=TODAY).catalog.topic("rights.fees-deposits").title.zh == (
        new_title
    )
    assert loads == [tree, tree]  # and the rebuilt cache is used again


def test_an_added_content_file_rebuilds_the_cache(tree: Path, loads) -> None:
    load_knowledge(tree, today=TODAY)
    extra = tree / "seeds" / "zz-extra.yaml"
    shutil.copy(tree / "seeds" / "japan-2018.yaml", extra)
    from desktop.content.errors import ContentError

    with pytest.raises(ContentError):  # a second copy of a seed clashes with the first
        load_knowledge(tree, today=TODAY)
    extra.unlink()
    load_knowledge(tree, today=TODAY)
    assert loads == [tree, tree]  # the failed load wrote no cache; the old one counts again


def test_broken_content_is_never_served_from_the_cache(tree: Path) -> None:
    from desktop.content.errors import ContentError

    load_knowledge(tree, today=TODAY)
    advice = tree / "resources" / "advice" / "red_flags.yaml"
    advice.write_text(advice.read_text(encoding="utf-8") + "\n  - oops: [\n", encoding="utf-8")
    with pytest.raises(ContentError):
        load_knowledge(tree, today=TODAY)


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda data: b"", id="empty"),
        pytest.param(lambda data: data[: len(data) // 2], id="truncated"),
        pytest.param(lambda data: data[:-200] + b"\x00" * 200, id="zeroed-tail"),
        pytest.param(lambda data: b"not a cache at all", id="garbage"),
        pytest.param(
            lambda data: data[: len(CACHE_FORMAT) + 32 + 10] + pickle.dumps({"a": 1}),
            id="other-type",
        ),
        pytest.param(
            lambda data: data[: len(CACHE_FORMAT) + 32] + b"2026-1x-25" + data[-100:],
            id="bad-date",
        ),
    ],
)
def test_a_damaged_cache_falls_back_to_the_full_load(tree: Path, loads, damage) -> None:
    good = load_knowledge(tree, today=TODAY)
    path = cache_path(tree)
    path.write_bytes(damage(path.read_bytes()))
    again = load_knowledge(tree, today=TODAY)
    _same(good, again)
    assert loads == [tree, tree]
    # ... and the full load wrote a good cache again.
    load_knowledge(tree, today=TODAY)
    assert loads == [tree, tree]


def test_a_cache_from_another_version_is_not_used(tree: Path, loads, monkeypatch) -> None:
    load_knowledge(tree, today=TODAY)
    monkeypatch.setattr(knowledge_module, "__version__", "99.0.0")
    load_knowledge(tree, today=TODAY)
    assert loads == [tree, tree]


def test_a_clock_set_back_loads_everything(tree: Path, loads) -> None:
    """Content checked on a day may hold dates up to that day, which are in the future
    for an earlier clock: then the checks must run again."""
    from desktop.content.errors import ContentError

    load_knowledge(tree, today=TODAY)
    load_knowledge(tree, today=TODAY + dt.timedelta(days=30))  # later: the cache holds
    assert loads == [tree]
    # The shipped content holds facts dated this month: a month earlier, the checks
    # (which run again) find those dates in the future.
    with pytest.raises(ContentError, match="is in the future"):
        load_knowledge(tree, today=TODAY - dt.timedelta(days=30))
    assert loads == [tree, tree]


def test_without_cache_nothing_is_read_or_written(tree: Path, loads) -> None:
    load_knowledge(tree, today=TODAY, cache=False)
    assert not cache_path(tree).exists()
    load_knowledge(tree, today=TODAY)
    load_knowledge(tree, today=TODAY, cache=False)
    assert loads == [tree, tree, tree]


def test_an_unwritable_cache_folder_only_costs_time(
    tree: Path, tmp_path: Path, loads, monkeypatch
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    first = load_knowledge(tree, today=TODAY)
    _same(first, load_knowledge(tree, today=TODAY))
    assert loads == [tree, tree]


def test_two_installations_keep_separate_caches(tree: Path, tmp_path: Path, loads) -> None:
    other = tmp_path / "other"
    for part in ("resources", "seeds"):
        shutil.copytree(tree / part, other / part)
    load_knowledge(tree, today=TODAY)
    load_knowledge(other, today=TODAY)
    load_knowledge(tree, today=TODAY)
    load_knowledge(other, today=TODAY)
    assert loads == [tree, other]
    assert cache_path(tree) != cache_path(other)


def test_portable_mode_leaves_no_cache(tree: Path, tmp_path: Path, loads, monkeypatch) -> None:
    """A ``portable`` file beside the program: nothing is written outside its folder."""
    program = tmp_path / "stick" / "passage"
    program.parent.mkdir()
    program.write_text("")
    (program.parent / "portable").write_text("")
    monkeypatch.setattr(sys, "argv", [str(program)])
    load_knowledge(tree, today=TODAY)
    load_knowledge(tree, today=TODAY)
    assert loads == [tree, tree]
    assert not cache_path(tree).parent.exists()
