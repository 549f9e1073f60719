"""The writer the crash test kills, and the small process that starts and kills it.

Why a separate harness process: starting Python and importing the store takes about a
quarter of a second, so 200+ fresh interpreters would cost a minute. The harness imports
the store once and then *forks* one writer per round (POSIX), which takes a millisecond,
and kills it with SIGKILL after a random delay. The harness itself never opens the
database, so every writer starts from a clean process state, exactly like a new start of
the app. Where there is no fork (Windows) each writer is a fresh interpreter instead:
slower, same checks.

Protocol (one line per round, both ways):

* test -> harness, on stdin: ``round <seed> <delay_ms> <clock>``; ``clock`` is ``ready``
  (the delay starts when the writer has opened the store, so the kill lands among the
  writes) or ``spawn`` (the delay starts at the fork, so some kills land inside
  ``open_store``: the integrity check, the backup, the migrations).
* harness -> test, on stdout: one JSON object: the complete lines the writer printed
  before it died, whether it was killed, its exit status, its stderr, and how long
  after the fork it said "ready" (so the test can aim its ``spawn`` kills).

The writer, like the UI, calls ``Store.set_answer``, ``set_checklist_done``,
``create_note`` and ``update_note``. Before each call it prints ``begin <json op>`` and
after the call returns ``saved <n>`` (plus the new note id for ``create_note``). Every
line is one ``os.write`` of less than PIPE_BUF bytes, so a line is either there whole
or not at all. The test therefore knows every write that was reported saved, and the
one write (at most) that was in flight when the process died.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

QUESTION_IDS = [f"q{i:02d}" for i in range(20)] + ["destination", "money_paid_before"]
CHECKLIST_ITEMS = [f"item-{i}" for i in range(12)]
TAGS = ["护照", "合同", "receipt", "中介", "<b>tag</b>"]
MAX_OPS = 5000  # a writer that is never killed stops by itself after this many


def note_body(n: str, reps: int) -> str:
    """The body of note ``n``: short usually, tens of kilobytes sometimes (overflow pages)."""
    return f"<{n}>" + "记录 abc\n" * reps


def _answer_value(rng: random.Random, n: str) -> Any:
    pick = rng.random()
    if pick < 0.06:
        return None  # deletes the answer
    if pick < 0.4:
        return f"值 {n}"
    if pick < 0.7:
        return rng.randint(-(10**12), 10**12)
    if pick < 0.85:
        return [f"a{n}", "日本", rng.randint(0, 9)]
    return {"k": n, "nested": [True, False, None, 1.5]}


def _reps(rng: random.Random) -> int:
    return rng.randint(2000, 5000) if rng.random() < 0.01 else rng.randint(0, 40)


def writer(data_dir: Path, seed: int, out: int) -> None:
    """Write forever (until killed), reporting each write on file descriptor ``out``."""
    from desktop.store import open_store

    def say(line: str) -> None:
        data = (line + "\n").encode()
        assert len(data) < 4096, "a report line must be written atomically"
        os.write(out, data)

    store, _report = open_store(data_dir)
    profiles = [p.id for p in store.list_profiles()]
    notes = {pid: [n.id for n in store.list_notes(pid, limit=30)] for pid in profiles}
    say("ready")
    rng = random.Random(seed)
    for k in range(MAX_OPS):
        n = f"{seed}-{k}"
        pid = rng.choice(profiles)
        pick = rng.random()
        if pick >= 0.8 and not notes[pid]:
            pick = 0.6
        if pick < 0.35:
            op: dict[str, Any] = {
                "n": n,
                "op": "answer",
                "pid": pid,
                "qid": rng.choice(QUESTION_IDS),
                "value": _answer_value(rng, n),
            }
            say("begin " + json.dumps(op, ensure_ascii=False))
            store.set_answer(pid, op["qid"], op["value"])
            say(f"saved {n}")
        elif pick < 0.55:
            op = {
                "n": n,
                "op": "tick",
                "pid": pid,
                "item": rng.choice(CHECKLIST_ITEMS),
                "done": rng.random() < 0.7,
            }
            say("begin " + json.dumps(op, ensure_ascii=False))
            store.set_checklist_done(pid, op["item"], op["done"])
            say(f"saved {n}")
        elif pick < 0.8:
            evidence = rng.random() < 0.3
            op = {
                "n": n,
                "op": "create",
                "pid": pid,
                "reps": _reps(rng),
                "kind": "evidence" if evidence else "note",
                "tags": rng.sample(TAGS, rng.randint(0, 3)),
                "data": {"amount": rng.randint(0, 50000), "who": "中介 A"} if evidence else None,
            }
            say("begin " + json.dumps(op, ensure_ascii=False))
            note = store.create_note(
                pid,
                title=f"n{n}",
                body=note_body(n, op["reps"]),
                tags=op["tags"],
                kind=op["kind"],
                data=op["data"],
            )
            notes[pid].append(note.id)
            say(f"saved {n} {note.id}")
        else:
            op = {
                "n": n,
                "op": "update",
                "id": rng.choice(notes[pid]),
                "reps": _reps(rng),
                "tags": rng.sample(TAGS, rng.randint(0, 2)),
            }
            say("begin " + json.dumps(op, ensure_ascii=False))
            store.update_note(op["id"], body=note_body(n, op["reps"]), tags=op["tags"])
            say(f"saved {n}")
    store.close()


# -- the harness ----------------------------------------------------------------------


def _complete_lines(raw: bytes) -> list[str]:
    """Whole lines only: a line cut off by the kill was never reported."""
    return raw.decode("utf-8").split("\n")[:-1]


def _round_fork(data_dir: Path, seed: int, delay: float, clock: str, err_path: Path) -> dict:
    import select

    read_fd, write_fd = os.pipe()
    err_fd = os.open(err_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    started = time.monotonic()
    pid = os.fork()
    if pid == 0:  # the writer
        status = 0
        try:
            os.close(read_fd)
            os.dup2(err_fd, 2)
            writer(data_dir, seed, write_fd)
        except BaseException:
            import traceback

            os.write(2, traceback.format_exc().encode())
            status = 1
        os._exit(status)
    os.close(write_fd)
    os.close(err_fd)
    raw = b""
    deadline = started + delay if clock == "spawn" else None
    ready_at = None
    killed = False
    eof = False
    while True:
        now = time.monotonic()
        if deadline is not None and now >= deadline:
            os.kill(pid, signal.SIGKILL)
            killed = True
            break
        wait = 5.0 if deadline is None else deadline - now
        ready, _, _ = select.select([read_fd], [], [], wait)
        if not ready:
            if deadline is None:  # no "ready" after 5 s: the writer is stuck
                os.kill(pid, signal.SIGKILL)
                killed = True
                break
            continue
        chunk = os.read(read_fd, 65536)
        if not chunk:
            eof = True
            break
        raw += chunk
        if deadline is None and b"ready\n" in raw:
            ready_at = time.monotonic()
            deadline = ready_at + delay
    # Whatever the writer wrote before it died is still in the pipe: read it all.
    while not eof:
        chunk = os.read(read_fd, 65536)
        if not chunk:
            break
        raw += chunk
    os.close(read_fd)
    _, wait_status = os.waitpid(pid, 0)
    return {
        "lines": _complete_lines(raw),
        "killed": killed,
        "status": os.waitstatus_to_exitcode(wait_status),
        "stderr": err_path.read_text(encoding="utf-8", errors="replace"),
        "ms": round((time.monotonic() - started) * 1000, 1),
        "ready_ms": None if ready_at is None else round((ready_at - started) * 1000, 2),
    }


def _round_spawn(data_dir: Path, seed: int, delay: float, clock: str, err_path: Path) -> dict:
    """The same round without fork(): a fresh interpreter, read by a thread, kill()ed."""
    import threading

    started = time.monotonic()
    with err_path.open("wb") as err:
        proc = subprocess.Popen(
            [sys.executable, __file__, "--writer", str(data_dir), str(seed)],
            stdout=subprocess.PIPE,
            stderr=err,
        )
    chunks: list[bytes] = []
    ready = threading.Event()

    def read() -> None:
        assert proc.stdout is not None
        while chunk := proc.stdout.read1(65536):
            chunks.append(chunk)
            if b"ready\n" in b"".join(chunks):
                ready.set()
        ready.set()

    reader = threading.Thread(target=read)
    reader.start()
    ready_ms = None
    if clock == "ready":
        ready.wait(30)
        ready_ms = round((time.monotonic() - started) * 1000, 2)
    killed = False
    try:
        proc.wait(delay)
    except subprocess.TimeoutExpired:
        proc.kill()
        killed = True
    reader.join()
    status = proc.wait()
    return {
        "lines": _complete_lines(b"".join(chunks)),
        "killed": killed,
        "status": status,
        "stderr": err_path.read_text(encoding="utf-8", errors="replace"),
        "ms": round((time.monotonic() - started) * 1000, 1),
        "ready_ms": ready_ms,
    }


def harness(data_dir: Path) -> None:
    """Serve rounds until stdin closes."""
    import desktop.store  # noqa: F401  (imported once, before forking)

    err_path = data_dir.parent / "writer-stderr.txt"
    run = _round_fork if hasattr(os, "fork") else _round_spawn
    for line in sys.stdin:
        _, seed, delay_ms, clock = line.split()
        result = run(data_dir, int(seed), float(delay_ms) / 1000, clock, err_path)
        sys.stdout.write(json.dumps(result, ensure_ascii=False) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    if sys.argv[1] == "--writer":
        writer(Path(sys.argv[2]), int(sys.argv[3]), sys.stdout.fileno())
    else:
        harness(Path(sys.argv[1]))
