"""Damaged and odd storage, end to end: the person gets a clear message in Chinese, the
app keeps working where it can, and nothing of theirs is silently replaced.

The store-level behaviour (every kind of damage, backups, newer files, read-only and
full-disk errors) is tested in ``tests/store``; the GUI's English recovery message and
the Chinese newer-version refusal in ``tests/test_cli.py``. What is added here is the
rest of the way to the person: the real program in a subprocess with ``--lang zh``
(or the store plus ``desktop.ui.messages.store_error`` with the Chinese translator
installed), for a full disk, a read-only data folder, a truncated file, a file of random
bytes with no backup, and a newer file met by the counsellor's ``advise --save-profile``.
"""

from __future__ import annotations

import json
import os
import random
import stat
import subprocess
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from desktop.store import open_store
from tests.conftest import REPO
from tests.reliability.conftest import run_passage

BEIJING = timezone(timedelta(hours=8))
ANSWERS = {"schema": 1, "lang": "zh", "answers": {"destination": "korea", "age": 31}}

# The Chinese texts of desktop.ui.messages (resources/translations/passage_zh_CN.ts).
ZH_KEPT_SAFE = "你以前保存的内容没有丢"
ZH_READ_ONLY = "不能写入（它是只读的）"
ZH_DISK_FULL = "磁盘已经满了"
ZH_DAMAGED = "你的资料文件损坏了"
ZH_RESTORED = "从最近一份完好的备份"
ZH_NO_BACKUP = "没有找到完好的备份"
ZH_NEWER = "更新版本"


def _clock(hour: int):
    return lambda: datetime(2026, 11, 25, hour, 0, 0, tzinfo=BEIJING)


def _make_data(data_dir: Path, *, backed_up: bool) -> None:
    """A profile with answers and a note; with ``backed_up`` a second start takes a backup."""
    store, _ = open_store(data_dir, now=_clock(9))
    pid = store.ensure_default_profile("我").id
    store.set_answer(pid, "destination", "japan")
    store.create_note(pid, title="中介电话", body="138-0000-0000 张先生")
    store.close()
    if backed_up:
        store, report = open_store(data_dir, now=_clock(10))
        store.close()
        assert report.backup_path is not None


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def _answers_file(tmp_path: Path) -> Path:
    path = tmp_path / "answers.json"
    path.write_text(json.dumps(ANSWERS, ensure_ascii=False), encoding="utf-8")
    return path


# -- a full disk ------------------------------------------------------------------------

FULL_DISK = r"""
import json, sys
from pathlib import Path
from desktop.commands.common import install_translator
from desktop.store import StoreUnavailableError, open_store
from desktop.ui.messages import store_error

install_translator("zh")
store, _ = open_store(Path(sys.argv[1]))
pid = store.ensure_default_profile("我").id
store.set_answer(pid, "destination", "japan")
store.create_note(pid, title="护照", body="在抽屉里")
# The disk is full from now on: SQLite may not grow the file by a single page.
pages = store._db.execute("PRAGMA page_count").fetchone()[0]
store._db.execute(f"PRAGMA max_page_count = {pages}")
out = {"errors": []}
for write in (
    lambda: store.create_note(pid, title="收据", body="满" * 1_000_000),
    lambda: store.set_answer(pid, "agency_name", "大" * 1_000_000),
):
    try:
        write()
    except StoreUnavailableError as exc:
        out["errors"].append([exc.reason, store_error(exc)])
out["answers"] = store.get_answers(pid)  # reading still works
out["notes"] = [n.title for n in store.list_notes(pid)]
store.close()
print(json.dumps(out, ensure_ascii=False))
"""


def test_full_disk_is_explained_in_chinese_and_nothing_is_lost(data_dir: Path) -> None:
    """A write that does not fit: a Chinese message naming the folder; old data kept."""
    result = subprocess.run(
        [sys.executable, "-c", FULL_DISK, str(data_dir)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=REPO,
        env=dict(os.environ, QT_QPA_PLATFORM="offscreen"),
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout)
    assert [reason for reason, _ in out["errors"]] == ["disk_full", "disk_full"]
    for _, message in out["errors"]:
        assert ZH_DISK_FULL in message and ZH_KEPT_SAFE in message
        assert str(data_dir / "passage.sqlite3") in message
    assert out["answers"] == {"destination": "japan"}
    assert out["notes"] == ["护照"]
    # Once there is room again the app opens normally: nothing to repair, nothing lost.
    store, report = open_store(data_dir)
    try:
        assert not report.recovered
        (profile,) = store.list_profiles()
        assert store.get_answers(profile.id) == {"destination": "japan"}
        assert [n.title for n in store.list_notes(profile.id)] == ["护照"]
    finally:
        store.close()


# -- a read-only data folder ----------------------------------------------------------


def _drop_root_powers() -> None:
    """Run in the child before exec: root gives up overriding file permissions.

    Emptying the capability bounding set means the program started next gets no
    capabilities even as uid 0, so a 0500 folder refuses it as it would refuse anyone.
    """
    import ctypes

    libc = ctypes.CDLL(None, use_errno=True)
    pr_capbset_drop = 24
    for cap in range(64):
        libc.prctl(pr_capbset_drop, cap, 0, 0, 0)


def _as_ordinary_user():
    """The preexec_fn that makes permissions count for this test's subprocesses."""
    if os.geteuid() != 0:
        return None
    if not sys.platform.startswith("linux"):
        pytest.skip("root outside Linux cannot drop its file-permission override here")
    return _drop_root_powers


@pytest.mark.skipif(os.name != "posix", reason="POSIX permission bits")
def test_read_only_data_folder(tmp_path: Path) -> None:
    """Refused at start with a Chinese message; advice still works; no file changes."""
    data_dir = tmp_path / "data"
    _make_data(data_dir, backed_up=True)
    answers = _answers_file(tmp_path)
    before = _snapshot(data_dir)
    preexec = _as_ordinary_user()
    data_dir.chmod(0o500)
    try:
        probe = subprocess.run(
            [sys.executable, "-c", f"open({str(data_dir / 'probe')!r}, 'w')"],
            capture_output=True,
            preexec_fn=preexec,
        )
        assert probe.returncode != 0, "the folder must really be read-only for the program"

        def passage(*args: str) -> subprocess.CompletedProcess[str]:
            env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
            return subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "desktop",
                    "--lang",
                    "zh",
                    "--data-dir",
                    str(data_dir),
                    *args,
                ],
                capture_output=True,
                text=True,
                encoding="utf-8",
                cwd=REPO,
                env=env,
                timeout=60,
                preexec_fn=preexec,
            )

        gui = passage("--self-test")
        save = passage("advise", "--answers", str(answers), "--save-profile", "表弟")
        advise = passage("advise", "--answers", str(answers), "--json")
    finally:
        data_dir.chmod(0o700)
    for run in (gui, save):
        assert run.returncode == 2, run.stderr
        assert ZH_READ_ONLY in run.stderr and ZH_KEPT_SAFE in run.stderr, run.stderr
        assert str(data_dir) in run.stderr
        assert "Traceback" not in run.stderr
    # The advice itself needs no writing: the counsellor can still work.
    assert advise.returncode == 0, advise.stderr
    assert json.loads(advise.stdout)["checklist"]
    assert _snapshot(data_dir) == before


# -- damaged files --------------------------------------------------------------------


def test_truncated_file_is_recovered_with_a_chinese_message(data_dir: Path) -> None:
    """Cut in half: moved to damaged/ unchanged, the backup restored, the person told."""
    _make_data(data_dir, backed_up=True)
    db = data_dir / "passage.sqlite3"
    with db.open("r+b") as fh:
        fh.truncate(db.stat().st_size // 2)
    damaged_bytes = db.read_bytes()
    run = run_passage("--lang", "zh", "--data-dir", str(data_dir), "--self-test")
    assert run.returncode == 0, run.stderr
    assert ZH_DAMAGED in run.stderr and ZH_RESTORED in run.stderr, run.stderr
    (kept,) = (data_dir / "damaged").glob("*.sqlite3")
    assert str(kept) in run.stderr
    assert kept.read_bytes() == damaged_bytes
    store, report = open_store(data_dir)
    try:
        assert not report.recovered
        profile = store.list_profiles()[0]
        assert store.get_answers(profile.id) == {"destination": "japan"}
        assert [n.title for n in store.list_notes(profile.id)] == ["中介电话"]
    finally:
        store.close()


@pytest.mark.skipif(os.name != "posix", reason="POSIX permission bits")
def test_random_bytes_without_backup_start_empty_and_keep_the_file_private(
    data_dir: Path,
) -> None:
    """A file replaced by junk (say, a bad copy) and no backup: kept, private, and explained."""
    _make_data(data_dir, backed_up=False)
    db = data_dir / "passage.sqlite3"
    junk = random.Random(7).randbytes(64 * 1024)
    db.unlink()
    db.write_bytes(junk)
    db.chmod(0o644)  # as a copy made by another program might be
    run = run_passage("--lang", "zh", "--data-dir", str(data_dir), "--self-test")
    assert run.returncode == 0, run.stderr
    assert ZH_DAMAGED in run.stderr and ZH_NO_BACKUP in run.stderr, run.stderr
    (kept,) = (data_dir / "damaged").glob("*.sqlite3")
    assert kept.read_bytes() == junk
    assert stat.S_IMODE(kept.stat().st_mode) & 0o077 == 0, "a damaged file holds personal data"


# -- a file from a newer Passage --------------------------------------------------------


def test_newer_file_refused_by_the_counsellor_command(tmp_path: Path) -> None:
    """``advise --save-profile`` on a newer file: a Chinese refusal, the file untouched."""
    import sqlite3

    data_dir = tmp_path / "data"
    _make_data(data_dir, backed_up=False)
    con = sqlite3.connect(data_dir / "passage.sqlite3")
    con.execute("PRAGMA user_version = 7")
    con.commit()
    con.close()
    before = _snapshot(data_dir)
    answers = _answers_file(tmp_path)
    run = run_passage(
        "--lang",
        "zh",
        "--data-dir",
        str(data_dir),
        "advise",
        "--answers",
        str(answers),
        "--save-profile",
        "表弟",
    )
    assert run.returncode == 2, run.stderr
    assert ZH_NEWER in run.stderr and "Traceback" not in run.stderr, run.stderr
    after = _snapshot(data_dir)
    assert after["passage.sqlite3"] == before["passage.sqlite3"]
    # Looking at the file read-only leaves SQLite's empty side files behind; nothing else.
    assert set(after) - set(before) <= {"passage.sqlite3-wal", "passage.sqlite3-shm"}
    assert after.get("passage.sqlite3-wal", b"") == b""
