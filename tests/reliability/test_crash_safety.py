"""Kill the writer at random moments: nothing reported saved is ever lost or damaged.

A writer process saves answers, checklist ticks and notes the way the UI does and
reports each write on stdout once the call has returned. It is killed with SIGKILL after
a random 5-80 ms, 220 times (two data folders side by side, 110 rounds each, reusing
each folder so the data accumulates), and kills land everywhere: inside a write
transaction, between the commit and the report, during a WAL checkpoint. A fifth of
the rounds instead start the clock at the fork and kill at a random moment *before*
the writer usually says it is ready (aimed with the measured start-up time), so they
land inside ``open_store``: its integrity check, backup, and migration run.

After every kill, a read-only connection made by the test (not by the store, so the check
does not trust the code it checks) must find:

* ``PRAGMA integrity_check`` = ok and no foreign-key violations;
* exactly the writes reported saved, plus or minus the one write in flight when the
  process died (it may have committed before the report or not at all, but never in
  part: a half-written note or a half-ticked item fails the comparison).

See ``crash_harness.py`` for how the writer runs and reports.
"""

from __future__ import annotations

import json
import os
import random
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from desktop.store import open_store
from tests.conftest import REPO
from tests.reliability.crash_harness import note_body

ROUNDS = 220
SEED = 20261125

State = tuple[dict[tuple[int, str], Any], dict[tuple[int, str], bool], dict[int, tuple]]


class Model:
    """What the database must hold: every write reported saved, applied in order."""

    def __init__(self) -> None:
        self.answers: dict[tuple[int, str], Any] = {}
        self.ticks: dict[tuple[int, str], bool] = {}
        self.notes: dict[int, tuple] = {}  # id -> (profile, kind, title, body, tags, data)

    def copy(self) -> Model:
        other = Model()
        other.answers = dict(self.answers)
        other.ticks = dict(self.ticks)
        other.notes = dict(self.notes)
        return other

    def apply(self, op: dict[str, Any], note_id: int | None = None) -> None:
        kind = op["op"]
        if kind == "answer":
            key = (op["pid"], op["qid"])
            if op["value"] is None:
                self.answers.pop(key, None)
            else:
                self.answers[key] = op["value"]
        elif kind == "tick":
            self.ticks[(op["pid"], op["item"])] = op["done"]
        elif kind == "create":
            assert note_id is not None
            body = note_body(op["n"], op["reps"])
            self.notes[note_id] = (
                op["pid"],
                op["kind"],
                f"n{op['n']}",
                body,
                tuple(op["tags"]),
                op["data"],
            )
        elif kind == "update":
            pid, note_kind, title, _, _, data = self.notes[op["id"]]
            body = note_body(op["n"], op["reps"])
            self.notes[op["id"]] = (pid, note_kind, title, body, tuple(op["tags"]), data)
        else:  # pragma: no cover - the writer knows no other operation
            raise AssertionError(op)

    def state(self) -> State:
        return self.answers, self.ticks, self.notes


def read_database(path: Path) -> State:
    """Check the file with SQLite itself and read every row (read-only, like a rescuer)."""
    con = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        assert con.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert con.execute("PRAGMA foreign_key_check").fetchall() == []
        answers = {
            (pid, qid): json.loads(value)
            for pid, qid, value in con.execute("SELECT profile_id, question_id, value FROM answers")
        }
        ticks = {}
        for pid, item, done, done_at in con.execute(
            "SELECT profile_id, item_id, done, done_at FROM checklist_state"
        ):
            assert (done_at is not None) == bool(done), (pid, item, done, done_at)
            ticks[(pid, item)] = bool(done)
        notes = {
            row[0]: (
                row[1],
                row[2],
                row[3],
                row[4],
                tuple(json.loads(row[5])),
                None if row[6] is None else json.loads(row[6]),
            )
            for row in con.execute(
                "SELECT id, profile_id, kind, title, body, tags, data FROM notes "
                "WHERE deleted_at IS NULL"
            )
        }
        return answers, ticks, notes
    finally:
        con.close()


def _note_id_by_title(state: State, title: str) -> int | None:
    found = [nid for nid, note in state[2].items() if note[2] == title]
    assert len(found) <= 1, f"note {title} exists {len(found)} times"
    return found[0] if found else None


def settle_round(model: Model, lines: list[str], found: State) -> str:
    """Apply the round's saved writes to ``model`` and compare with the database.

    Returns what happened to the write in flight: ``"none"`` (there was none),
    ``"committed"`` (the process died after the commit, before the report) or
    ``"lost"`` (it died before the commit; the write was never reported saved).
    """
    pending: dict[str, Any] | None = None
    for line in lines:
        if line == "ready":
            continue
        word, _, rest = line.partition(" ")
        if word == "begin":
            assert pending is None, f"two writes in flight: {line}"
            pending = json.loads(rest)
        else:
            assert word == "saved", line
            n, _, note_id = rest.partition(" ")
            assert pending is not None and pending["n"] == n, line
            model.apply(pending, int(note_id) if note_id else None)
            pending = None
    if pending is None:
        assert found == model.state(), "the database differs from the writes reported saved"
        return "none"
    if found == model.state():
        return "lost"
    note_id = None
    if pending["op"] == "create":
        note_id = _note_id_by_title(found, f"n{pending['n']}")
        assert note_id is not None, "the database differs from the writes reported saved"
    with_pending = model.copy()
    with_pending.apply(pending, note_id)
    assert found == with_pending.state(), (
        f"the database matches neither the saved writes nor the saved writes plus "
        f"the one in flight ({pending})"
    )
    model.apply(pending, note_id)
    return "committed"


class Lane:
    """One data folder, its harness process and its model; lanes run side by side."""

    def __init__(self, folder: Path) -> None:
        self.data_dir = folder / "data"
        store, _ = open_store(self.data_dir)
        store.ensure_default_profile("我")
        store.create_profile("Counsellor <b>{{ 7*7 }}</b>")
        store.close()
        self.model = Model()
        self.outcomes = {"none": 0, "committed": 0, "lost": 0}
        self.killed = self.saved = self.during_open = 0
        self.writer_ms = self.check_ms = 0.0
        self.ready_ms: list[float] = []
        self.harness = subprocess.Popen(
            [sys.executable, str(Path(__file__).with_name("crash_harness.py")), str(self.data_dir)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            encoding="utf-8",
            cwd=REPO,
            env=dict(os.environ, PYTHONPATH=str(REPO)),
        )

    def start(self, seed: int, delay_ms: float, clock: str) -> None:
        assert self.harness.stdin is not None
        self.harness.stdin.write(f"round {seed} {delay_ms:.2f} {clock}\n")
        self.harness.stdin.flush()
        self.context = f"seed {seed} ({clock} + {delay_ms:.1f} ms)"

    def finish(self) -> None:
        """Wait for the round's kill, then check the database it left."""
        assert self.harness.stdout is not None
        result = json.loads(self.harness.stdout.readline())
        context = f"{self.context}: {result['stderr'][-2000:]}"
        assert result["killed"], "the writer stopped by itself: " + context
        assert "Traceback" not in result["stderr"], context
        self.killed += 1
        lines = result["lines"]
        self.during_open += "ready" not in lines
        self.saved += sum(line.startswith("saved ") for line in lines)
        check_started = time.monotonic()
        found = read_database(self.data_dir / "passage.sqlite3")
        self.outcomes[settle_round(self.model, lines, found)] += 1
        self.writer_ms += result["ms"]
        if result["ready_ms"] is not None:
            self.ready_ms.append(result["ready_ms"])
        self.check_ms += (time.monotonic() - check_started) * 1000

    def close(self) -> int:
        """Stop the harness (it finishes a round in progress first); its exit status."""
        with self.harness:
            assert self.harness.stdin is not None
            self.harness.stdin.close()
        return self.harness.returncode

    def check_with_the_store(self) -> None:
        """The app itself opens what the last writer left, with nothing to repair."""
        assert not (self.data_dir / "damaged").exists(), "a kill must never look like damage"
        store, report = open_store(self.data_dir)
        try:
            assert not report.recovered
            for (pid, qid), value in self.model.answers.items():
                assert store.get_answers(pid)[qid] == value
            for profile in store.list_profiles():
                ticks = {item: s.done for item, s in store.get_checklist(profile.id).items()}
                assert ticks == {
                    item: done for (p, item), done in self.model.ticks.items() if p == profile.id
                }
                for note in store.list_notes(profile.id):
                    stored = (note.profile_id, note.kind, note.title, note.body, note.tags)
                    assert (*stored, note.data) == self.model.notes[note.id]
            assert len(self.model.notes) == sum(
                len(store.list_notes(p.id)) for p in store.list_profiles()
            )
        finally:
            store.close()


def test_killed_writers_never_lose_a_saved_write(tmp_path: Path) -> None:
    """220 kills on two data folders side by side (two cores), every one checked."""
    rng = random.Random(SEED)
    lanes = [Lane(tmp_path / f"lane{i}") for i in range(2)]
    started = time.monotonic()
    try:
        for round_no in range(0, ROUNDS, len(lanes)):
            for offset, lane in enumerate(lanes):
                seed = SEED + round_no + offset
                if rng.random() < 0.2 and lane.ready_ms:
                    # Aim inside open_store: before the writer's usual "ready" moment.
                    usual = sorted(lane.ready_ms)[len(lane.ready_ms) // 2]
                    lane.start(seed, rng.uniform(0.05, 1.0) * usual, "spawn")
                else:
                    lane.start(seed, rng.uniform(5, 80), "ready")
            for lane in lanes:
                lane.finish()
    finally:
        statuses = [lane.close() for lane in lanes]
    elapsed = time.monotonic() - started
    assert statuses == [0, 0]

    killed = sum(lane.killed for lane in lanes)
    saved = sum(lane.saved for lane in lanes)
    during_open = sum(lane.during_open for lane in lanes)
    outcomes = {k: sum(lane.outcomes[k] for lane in lanes) for k in lanes[0].outcomes}
    assert killed >= 200
    # The kills really landed in the interesting places, not only between writes.
    assert during_open >= 15, during_open
    assert outcomes["committed"] >= 30 and outcomes["lost"] >= 30, outcomes
    assert saved >= 1000, saved
    for lane in lanes:
        lane.check_with_the_store()
    writer_s = sum(lane.writer_ms for lane in lanes) / 1000
    check_s = sum(lane.check_ms for lane in lanes) / 1000
    print(
        f"{killed} kills, {saved} saved writes, in flight: {outcomes}, {during_open} in "
        f"open_store; {elapsed:.1f} s (writers {writer_s:.1f} s, checks {check_s:.1f} s)"
    )
