"""The passage command as a person or a script runs it: real processes, real output."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from desktop import __version__
from tests.conftest import REPO


def run(*args, env_extra=None, timeout=60):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", **(env_extra or {}))
    return subprocess.run(
        [sys.executable, "-m", "desktop", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        env=env,
        cwd=REPO,
    )


def test_version():
    r = run("--version")
    assert r.returncode == 0 and r.stdout.strip() == f"Passage {__version__}"


def test_help_lists_global_options():
    r = run("--help")
    assert r.returncode == 0
    for opt in ("--data-dir", "--self-test", "--version", "--lang"):
        assert opt in r.stdout


def test_self_test_opens_the_window_and_exits_zero(data_dir):
    r = run("--data-dir", str(data_dir), "--self-test")
    assert r.returncode == 0, r.stderr
    assert "self-test ok" in r.stdout
    assert "Traceback" not in r.stderr
    assert (data_dir / "passage.sqlite3").exists()


def test_each_start_backs_up_the_data_after_the_window_appears(data_dir):
    """The backup is taken after the first paint now, but every start still leaves one."""
    assert run("--data-dir", str(data_dir), "--self-test").returncode == 0
    assert not (data_dir / "backups").exists()  # the first start had nothing to keep
    r = run("--data-dir", str(data_dir), "--self-test")
    assert r.returncode == 0, r.stderr
    (backup,) = (data_dir / "backups").iterdir()
    import sqlite3

    con = sqlite3.connect(backup)
    assert con.execute("SELECT count(*) FROM profiles").fetchone() == (1,)
    assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    con.close()


def test_data_dir_that_is_a_file_is_refused_plainly(tmp_path):
    f = tmp_path / "file.txt"
    f.write_text("x")
    r = run("--data-dir", str(f), "--self-test")
    assert r.returncode == 2
    assert "not a folder" in r.stderr and "Traceback" not in r.stderr


def test_damaged_database_is_recovered_with_a_message(data_dir):
    """Start once (makes data and a backup), damage the file, start again."""
    assert run("--data-dir", str(data_dir), "--self-test").returncode == 0
    from desktop.store import open_store

    store, _ = open_store(data_dir)
    profile = store.list_profiles()[0]
    store.set_answer(profile.id, "destination", "japan")
    store.close()
    assert run("--data-dir", str(data_dir), "--self-test").returncode == 0  # backs it up
    db = data_dir / "passage.sqlite3"
    raw = bytearray(db.read_bytes())
    raw[:100] = os.urandom(100)  # the header is gone: not a database any more
    db.write_bytes(bytes(raw))
    r = run("--data-dir", str(data_dir), "--self-test", "--lang", "en")
    assert r.returncode == 0, r.stderr
    assert "damaged" in r.stderr and "moved to" in r.stderr
    damaged = list((data_dir / "damaged").glob("*"))
    assert damaged, "the damaged file must be kept"
    store, _ = open_store(data_dir)
    assert store.get_answers(store.list_profiles()[0].id)["destination"] == "japan"
    store.close()


def test_newer_database_is_refused_with_a_message_in_chinese(data_dir):
    assert run("--data-dir", str(data_dir), "--self-test").returncode == 0
    import sqlite3

    con = sqlite3.connect(data_dir / "passage.sqlite3")
    con.execute("PRAGMA user_version = 999")
    con.commit()
    con.close()
    before = (data_dir / "passage.sqlite3").read_bytes()
    r = run("--data-dir", str(data_dir), "--self-test", "--lang", "zh")
    assert r.returncode == 2
    assert "更新版本" in r.stderr and "Traceback" not in r.stderr
    assert (data_dir / "passage.sqlite3").read_bytes() == before


def test_no_arguments_opens_the_window_with_what_the_parser_would_give(monkeypatch):
    """A double-click skips building the parser (start-up time); the options must be
    exactly the parser's defaults."""
    import desktop.cli as cli

    seen = []
    monkeypatch.setattr(cli, "cmd_gui", lambda args: seen.append(vars(args)) or 0)
    assert cli.main([]) == 0
    assert seen == [vars(cli.build_parser([]).parse_args([]))]


@pytest.mark.parametrize(
    "argv",
    [
        ["--data-dir", "d"],
        ["--lang", "en", "--self-test"],
        ["--self-test", "--data-dir=d", "--lang=zh"],
        ["--data", "d"],  # argparse's abbreviations work the same
    ],
)
def test_window_options_are_read_as_the_full_parser_reads_them(argv):
    """A window start with options skips the sub-commands' parsers (start-up time); the
    result must be exactly what the full parser gives."""
    import desktop.cli as cli

    quick = cli._window_options(argv)
    assert quick is not None
    assert vars(quick) == vars(cli.build_parser(argv).parse_args(argv))


@pytest.mark.parametrize(
    "argv",
    [
        ["advise", "--answers", "a.json"],
        ["--data-dir", "d", "checklist", "--answers", "a.json"],
        ["-h"],
        ["--lang", "xx"],
        ["--bogus"],
    ],
)
def test_commands_help_and_mistakes_go_to_the_full_parser(argv):
    import desktop.cli as cli

    assert cli._window_options(argv) is None


def test_a_mistake_in_window_options_is_worded_by_the_full_parser():
    r = run("--lang", "xx")
    assert r.returncode == 2
    assert "COMMAND" in r.stderr and "invalid choice: 'xx'" in r.stderr
