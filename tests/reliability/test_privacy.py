"""Privacy: no network at all, private files, and nothing about the person outside the data folder.

The whole flow runs as real processes: the window (``--self-test``), and every command:
``questions --json``, ``advise --answers F --json --save-profile``, ``content check``,
``checklist`` (PDF checklist, HTML plan, PDF card), ``export`` and ``import``. Each
process starts with

* a ``sitecustomize.py`` on PYTHONPATH that makes every socket operation a Python
  program can use (connect, connect_ex, sendto, sendmsg, getaddrinfo, gethostbyname,
  create_connection) write to a marker file and fail. Every process must still succeed
  and the marker file must stay empty: the program does not even *try* the network;
* when ``strace`` is installed, the window additionally runs under it, which also sees
  the C++ side (Qt): no ``socket()``, ``connect()`` or ``sendto()`` on an internet
  address family at all;
* HOME, the XDG folders and TMPDIR pointing at an empty temporary tree, and
  ``--data-dir`` elsewhere. Afterwards no file in that tree may contain a marker string
  that the person's profile name, answers and notes carry, and only Passage's content
  cache (shipped content only, owner-only) and files Qt itself is known to write may
  appear there.

Finally every file and folder in the data folder, including the -wal, the backups and a
damaged file set aside, must be readable by its owner only (POSIX).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.store import open_store
from tests.reliability.conftest import run_passage

STRACE = shutil.which("strace")
MARKER = "PSGMARK7f3a"  # in the profile name, the answers and the notes
MARKER_TEXT = f"{MARKER} 王小明 护照号 E12345678"

SITECUSTOMIZE = '''
"""Installed by test_privacy: any use of the network is recorded and fails."""
import os
import socket
import traceback

_MARKER = {marker!r}


def _refuse(name):
    def refused(*args, **kwargs):
        with open(_MARKER, "a", encoding="utf-8") as fh:
            fh.write(f"{{name}}{{args!r}}\\n" + "".join(traceback.format_stack(limit=8)) + "\\n")
        raise OSError(f"network use is forbidden in this test ({{name}})")
    return refused


for _name in ("connect", "connect_ex", "sendto", "sendmsg"):
    setattr(socket.socket, _name, _refuse("socket." + _name))
for _name in ("getaddrinfo", "gethostbyname", "gethostbyname_ex", "create_connection"):
    setattr(socket, _name, _refuse(_name))
'''

# What may appear in HOME/XDG/TMPDIR, provided it does not hold the marker:
# * Passage's content cache (desktop/knowledge.py): only what Passage ships, owner-only;
# * what Qt writes on its own. Nothing is expected from Qt with the offscreen platform;
#   fontconfig and Qt caches are listed so a different machine's Qt does not fail this.
ALLOWED = re.compile(
    r"^(\.cache/Passage/knowledge-[0-9a-f]{16}\.pickle$|"
    r"\.cache/(fontconfig|qtshadercache[^/]*|mesa_shader_cache[^/]*)/|"
    r"\.config/QtProject\.conf$|\.config/QtProject/|\.local/share/QtProject/|"
    r"\.local/state/|runtime-[^/]+/)"
)


def _private_env(tmp_path: Path) -> tuple[dict[str, str], Path, Path]:
    """An environment whose home and temp folders are empty and watched."""
    home = tmp_path / "home"
    tmpdir = tmp_path / "tmp"
    blocker = tmp_path / "netblock"
    for folder in (home, tmpdir, blocker):
        folder.mkdir()
    marker = tmp_path / "network-used.txt"
    (blocker / "sitecustomize.py").write_text(
        SITECUSTOMIZE.format(marker=str(marker)), encoding="utf-8"
    )
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("XDG_", "PYTHON")) and key not in ("HOME", "TMPDIR", "TMP", "TEMP")
    }
    env.update(
        HOME=str(home),
        XDG_DATA_HOME=str(home / ".local/share"),
        XDG_CONFIG_HOME=str(home / ".config"),
        XDG_CACHE_HOME=str(home / ".cache"),
        XDG_STATE_HOME=str(home / ".local/state"),
        XDG_RUNTIME_DIR=str(tmpdir / "runtime"),
        TMPDIR=str(tmpdir),
        TMP=str(tmpdir),
        TEMP=str(tmpdir),
        PYTHONPATH=str(blocker),
        QT_QPA_PLATFORM="offscreen",
    )
    return env, marker, home


def _prepare(data_dir: Path) -> None:
    """The person's data, carrying the marker everywhere a person types."""
    store, _ = open_store(data_dir)
    pid = store.create_profile(f"{MARKER} 王小明").id
    store.set_answer(pid, "destination", "japan")
    store.set_answer(pid, "agency_name", MARKER_TEXT)
    store.set_checklist_done(pid, "passport", True)
    store.set_checklist_note(pid, "passport", MARKER_TEXT)
    store.create_note(pid, title=MARKER, body=MARKER_TEXT, tags=[MARKER])
    store.create_note(
        pid,
        kind="evidence",
        title="收据",
        body=MARKER_TEXT,
        data={
            "payments": [
                {
                    "amount": "20000",
                    "currency": "CNY",
                    "to": MARKER_TEXT,
                    "date": "2026-10-01",
                    "receipt": True,
                }
            ],
            "promises": [{"who": MARKER_TEXT, "what": "月薪一万", "when": "2026-10-01"}],
        },
    )
    store.close()


def _commands(answers: Path, outbox: Path) -> list[tuple[str, ...]]:
    """Every command of the program, as a person or a counsellor would run it.

    Printouts and exports go to ``outbox``: a folder the person chose, so the marker
    may (and does) appear there, and it is not watched.
    """
    exported = str(outbox / "profile.passage.json")
    return [
        ("--self-test",),
        ("--lang", "zh", "questions", "--json"),
        ("advise", "--answers", str(answers), "--json", "--save-profile", f"{MARKER} 表弟"),
        ("content", "check"),
        ("checklist", "--answers", str(answers), "--name", MARKER, "--out",
         str(outbox / "checklist.pdf")),
        ("checklist", "--answers", str(answers), "--plan", "--format", "html", "--name", MARKER,
         "--out", str(outbox / "plan.html")),
        ("checklist", "--answers", str(answers), "--card", "--out", str(outbox / "card.pdf")),
        ("export", "--profile", f"{MARKER} 王小明", "--out", exported),
        ("import", exported),
    ]  # fmt: skip


def _files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file())


def _holds_marker(path: Path) -> bool:
    data = path.read_bytes()
    return any(m in data for m in (MARKER.encode(), MARKER.encode("utf-16-le")))


def test_whole_flow_without_network_and_without_traces(tmp_path: Path) -> None:
    env, network_marker, home = _private_env(tmp_path)
    data_dir = tmp_path / "elsewhere" / "data"
    _prepare(data_dir)
    answers = tmp_path / "inbox" / "answers.json"
    answers.parent.mkdir()
    answers.write_text(
        json.dumps(
            {
                "schema": 1,
                "lang": "zh",
                "answers": {"destination": "korea", "age": 30, "agency_name": MARKER_TEXT},
            },
            ensure_ascii=False,
        ),
        encoding="utf-8",
    )

    trace = tmp_path / "strace.txt"
    outbox = tmp_path / "outbox"
    outbox.mkdir()
    for command in _commands(answers, outbox):
        # Where strace is installed, the window runs under it: that also sees Qt's C++.
        prefix: list[str] = []
        if STRACE is not None and command == ("--self-test",):
            calls = "trace=openat,socket,connect,sendto,sendmsg"
            prefix = [STRACE, "-f", "-qq", "-o", str(trace), "-e", calls]
        run = run_passage("--data-dir", str(data_dir), *command, env=env, prefix=prefix)
        assert run.returncode == 0, (command, run.stderr)
        assert "Traceback" not in run.stderr, (command, run.stderr)
    assert not network_marker.exists(), network_marker.read_text(encoding="utf-8")
    if STRACE is not None:
        calls = trace.read_text(encoding="utf-8", errors="replace").splitlines()
        assert any("passage.sqlite3" in line for line in calls), "strace saw nothing"
        internet = [line for line in calls if "AF_INET" in line]
        assert not internet, f"Qt or Python opened an internet socket: {internet}"

    # The sitecustomize really was active: a process that does try the network is caught.
    probe = subprocess.run(
        [sys.executable, "-c", "import socket; socket.create_connection(('192.0.2.1', 80))"],
        env=env,
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert probe.returncode != 0 and "forbidden" in probe.stderr
    assert "create_connection" in network_marker.read_text(encoding="utf-8")

    # The profile saved by advise --save-profile is in the data folder, as it should be.
    store, _ = open_store(data_dir)
    try:
        names = {p.name for p in store.list_profiles()}
    finally:
        store.close()
    assert f"{MARKER} 表弟" in names
    assert f"{MARKER} 王小明 (2)" in names  # the import made a second copy
    assert {p.name for p in outbox.iterdir()} == {
        "checklist.pdf", "plan.html", "card.pdf", "profile.passage.json"
    }  # fmt: skip

    watched = [*_files(home), *_files(Path(env["TMPDIR"]))]
    leaks = [str(p) for p in watched if _holds_marker(p)]
    assert not leaks, f"the person's data was written outside the data folder: {leaks}"
    foreign = [
        rel
        for rel in (
            str(p.relative_to(home if p.is_relative_to(home) else Path(env["TMPDIR"])))
            for p in watched
        )
        if not ALLOWED.match(rel)
    ]
    assert not foreign, f"unexpected files outside the data folder: {foreign}"
    if os.name == "posix":
        for path in watched:
            assert stat.S_IMODE(path.stat().st_mode) & 0o077 == 0, path


@pytest.mark.skipif(os.name != "posix", reason="POSIX permission bits")
def test_every_data_file_is_private(tmp_path: Path) -> None:
    """The database, its -wal, backups and a damaged file set aside: owner only."""
    data_dir = tmp_path / "data"
    _prepare(data_dir)
    # A second start takes a backup; a damaged copy set aside makes a damaged/ folder.
    assert run_passage("--data-dir", str(data_dir), "--self-test").returncode == 0
    db = data_dir / "passage.sqlite3"
    store, _ = open_store(data_dir)
    store.set_setting("language", "zh")
    # While a store is open the -wal and -shm exist: they must be private too.
    present = _files(data_dir)
    assert {p.name for p in present} >= {"passage.sqlite3-wal", "passage.sqlite3-shm"}
    for path in present:
        assert stat.S_IMODE(path.stat().st_mode) & 0o077 == 0, path
    store.close()
    db.write_bytes(b"not a database any more" * 100)
    db.chmod(0o644)
    assert run_passage("--data-dir", str(data_dir), "--self-test").returncode == 0
    everything = sorted(data_dir.rglob("*"))
    assert any(p.parent.name == "damaged" for p in everything)
    assert any(p.parent.name == "backups" for p in everything)
    for path in [data_dir, *everything]:
        assert stat.S_IMODE(path.stat().st_mode) & 0o077 == 0, path
