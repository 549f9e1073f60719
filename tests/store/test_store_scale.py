"""The store at realistic size: 50 profiles, over 10,000 notes; open and search stay fast.

The thresholds are generous so a slow CI machine passes; the measured numbers are
printed (run with ``-s``) for the performance notes.
"""

from __future__ import annotations

import random
import statistics
import time
from pathlib import Path

import pytest

from desktop.store import Store, open_store

WORDS = [
    "护照",
    "签证",
    "合同",
    "工资",
    "培训",
    "体检",
    "中介",
    "费用",
    "收据",
    "日本",
    "韩国",
    "俄罗斯",
    "技能",
    "实习",
    "雇主",
    "宿舍",
    "保险",
    "加班",
    "翻译",
    "证",
    "passport",
    "visa",
    "Contract",
    "agency",
    "receipt",
    "salary",
]
HEAVY_NOTES = 10_000
LIGHT_PROFILES = 49
LIGHT_NOTES = 20


def _p99(samples: list[float]) -> float:
    return statistics.quantiles(samples, n=100)[98]


@pytest.fixture(scope="module")
def big_dir(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int]:
    """A data folder with one profile holding 10,000 notes and 49 with 20 each."""
    data_dir = tmp_path_factory.mktemp("big") / "data"
    store, _ = open_store(data_dir)
    rnd = random.Random(7)

    def text(n: int) -> str:
        return " ".join(rnd.choice(WORDS) for _ in range(n))

    with store._db.atomic():  # one transaction; each create_note nests as a savepoint
        heavy = store.create_profile("heavy").id
        for _ in range(HEAVY_NOTES):
            store.create_note(heavy, title=text(4), body=text(150), tags=[rnd.choice(WORDS)])
        for i in range(LIGHT_PROFILES):
            pid = store.create_profile(f"worker {i}").id
            for _ in range(LIGHT_NOTES):
                store.create_note(pid, title=text(4), body=text(150))
    store.close()
    return data_dir, heavy


def test_open_with_ten_thousand_notes(big_dir: tuple[Path, int]) -> None:
    """Opening (integrity check, backup, migrations check) takes well under a few seconds."""
    data_dir, _ = big_dir
    timings = {}
    for label in ("with backup", "unchanged"):
        started = time.perf_counter()
        store, report = open_store(data_dir)
        timings[label] = time.perf_counter() - started
        notes = store._db.execute("SELECT count(*) FROM notes").fetchone()[0]
        profiles = len(store.list_profiles())
        store.close()
        assert (notes, profiles) == (HEAVY_NOTES + LIGHT_PROFILES * LIGHT_NOTES, 50)
        assert (report.backup_path is not None) == (label == "with backup")
    size_mb = (data_dir / "passage.sqlite3").stat().st_size / 1e6
    print(f"\nopen: {timings} for {notes} notes, 50 profiles, {size_mb:.1f} MB")
    assert max(timings.values()) < 3.0


def test_search_p99_with_ten_thousand_notes(big_dir: tuple[Path, int]) -> None:
    """Searching one profile's 10,000 notes stays interactive (p99 measured and bounded).

    The corpus is a worst case: the common words occur in nearly every note, so a
    search without a limit builds ~10,000 Note objects. With ``limit=200`` (what
    search-as-you-type should pass) only the scan of non-matching notes remains.
    """
    data_dir, heavy = big_dir
    store: Store
    store, _ = open_store(data_dir)
    try:
        queries = ["护照", "证", "PASSPORT", "agency", "不存在的词", "签证 合同"]
        results: dict[int | None, list[float]] = {None: [], 200: []}
        for limit, rounds in ((None, 3), (200, 20)):
            for _ in range(rounds):
                for query in queries:
                    started = time.perf_counter()
                    found = store.search_notes(heavy, query, limit=limit)
                    results[limit].append(time.perf_counter() - started)
                    if query == "护照":
                        assert len(found) == (200 if limit else 9979)
        light = []
        for _ in range(100):
            started = time.perf_counter()
            store.search_notes(heavy + 1, "护照")
            light.append(time.perf_counter() - started)
        print(
            f"\nsearch p99 over {HEAVY_NOTES} notes: all results "
            f"{_p99(results[None]) * 1000:.0f} ms, limit=200 {_p99(results[200]) * 1000:.0f} ms; "
            f"over {LIGHT_NOTES} notes {_p99(light) * 1000:.2f} ms"
        )
        assert _p99(results[200]) < 0.3
        assert _p99(results[None]) < 1.5
        assert _p99(light) < 0.05
    finally:
        store.close()
