"""Helpers for the reliability tests: running the real program, time limits, precise errors."""

from __future__ import annotations

import contextlib
import os
import re
import signal
import subprocess
import sys
from collections.abc import Iterable, Iterator, Mapping

from hypothesis import HealthCheck, settings

from desktop.content.errors import ContentError, Problem
from tests.conftest import REPO

# A problem without a line, item or field must be about the whole file.
WHOLE_FILE = re.compile(
    r"too large|cannot read|file is missing|folder is missing|not (valid )?UTF-8|"
    r"must be a mapping|expected a JSON object|is nested too deeply|not a number Passage"
    r"|is too (large|long)|appears twice"
)


def fuzz(examples: int) -> settings:
    """Hypothesis settings for the fuzzers: the same cases on every run (derandomized, no
    example database), no deadline (``time_limit`` guards against hangs instead).

    ``PASSAGE_FUZZ_SCALE=20`` runs twenty times as many cases, for a deeper search.
    """
    return settings(
        max_examples=examples * int(os.environ.get("PASSAGE_FUZZ_SCALE", "1")),
        derandomize=True,
        database=None,
        deadline=None,
        suppress_health_check=[
            HealthCheck.too_slow,
            HealthCheck.filter_too_much,
            HealthCheck.data_too_large,
        ],
    )


def load_fixture_tool():
    """``tools/make_fixture_db.py`` as a module (it makes realistic data for several tests)."""
    import importlib.util

    path = REPO / "tools" / "make_fixture_db.py"
    spec = importlib.util.spec_from_file_location("make_fixture_db", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def run_passage(
    *args: str,
    env: Mapping[str, str] | None = None,
    timeout: float = 60,
    prefix: Iterable[str] = (),
) -> subprocess.CompletedProcess[str]:
    """Run ``python -m desktop ARGS`` as a person would, headless, and capture its output."""
    full_env = dict(os.environ if env is None else env)
    full_env.setdefault("QT_QPA_PLATFORM", "offscreen")
    return subprocess.run(
        [*prefix, sys.executable, "-m", "desktop", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=timeout,
        env=full_env,
        cwd=REPO,
    )


@contextlib.contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Fail (TimeoutError) if the block runs longer than ``seconds``: a hang guard.

    Uses SIGALRM, so it interrupts Python code (a runaway loop, a regular expression),
    which is where a hang on hostile input would be. POSIX main thread only; elsewhere it
    only measures.
    """
    if not hasattr(signal, "setitimer"):
        yield
        return

    def expire(signum: int, frame: object) -> None:
        raise TimeoutError(f"took longer than {seconds} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def assert_precise(problems: ContentError | Iterable[Problem], files: Iterable[str]) -> None:
    """Every problem names a known file and where in it: a line, an item or a field."""
    if isinstance(problems, ContentError):
        problems = problems.problems
    problems = list(problems)
    assert problems, "a ContentError must list its problems"
    known = set(files)
    for problem in problems:
        assert problem.file in known, f"unknown file in {problem}"
        assert problem.message.strip(), problem
        located = problem.line is not None or problem.item or problem.field
        assert located or WHOLE_FILE.search(problem.message), f"imprecise: {problem}"
        if problem.line is not None:
            assert problem.line >= 1, problem
        text = str(problem)
        assert text.startswith(problem.file), text
        assert "Traceback" not in text, text
