"""Loading the content (Guide, questionnaire, advice rules) with and without its cache.

Each load runs in a fresh process, as at start-up (after the first paint): the time
covers importing the content modules and loading, and ``cache=False`` is the full
parse-and-check of every file. Runs alternate; the table shows medians. No budget: the
figure shows what the cache in ``desktop/knowledge.py`` saves.
"""

from __future__ import annotations

import pytest
from support import PYTHON, child_env, median, run_child

pytestmark = pytest.mark.bench

ROUNDS = 5
CHILD = """
import os, sys, time
t0 = time.perf_counter()
from desktop.knowledge import load_knowledge
k = load_knowledge(cache=sys.argv[1] == "cache")
took = time.perf_counter() - t0
assert len(k.catalog.topics) > 10
print(f"bench: load={took:.4f}")
"""


def test_content_load_with_and_without_the_cache(bench) -> None:
    env = child_env()
    run_child([PYTHON, "-c", CHILD, "cache"], env)  # writes the cache for this test's folder
    full, cached = [], []
    for n in range(ROUNDS):
        for mode in ("full", "cache") if n % 2 == 0 else ("cache", "full"):
            run = run_child([PYTHON, "-c", CHILD, mode], env)
            (cached if mode == "cache" else full).append(run)
    bench.add(
        "content load",
        "from the cache (fresh process, incl. imports)",
        median(r.mark("load") for r in cached),
        "s",
        baseline=median(r.mark("load") for r in full),
        note="baseline: full parse and check",
    )
    bench.add(
        "content load",
        "peak memory of that process",
        median(r.maxrss_mib for r in cached),
        "MiB",
        baseline=median(r.maxrss_mib for r in full),
    )
    bench.note("content load: the baseline column is the full parse and check (cache=False)")
