"""A person's data is theirs: export a profile to one file, import it elsewhere, and
delete everything about a profile so that not even the backups keep it."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from desktop.store import BACKUP_DIR, DAMAGED_DIR, ProfileNameError, open_store
from desktop.store.transfer import delete_profile_everywhere, insert_profile, note_tags
from desktop.transfer import (
    FORMAT,
    MAX_IMPORT_BYTES,
    SCHEMA,
    ImportFileError,
    ProfileDocument,
    export_document,
    export_profile,
    import_profile,
    parse_document,
    read_import_file,
)
from tests.conftest import REPO

BEIJING = timezone(timedelta(hours=8))
SECRET_BODY = "ZEBRA-SECRET-4471 护照号码E99887766 王经理收了三万"
SECRET_TITLE = "秘密中介费收据 QUOKKA-TITLE"
SECRET_NAME = "王秘密 KIWI-NAME"
EVIDENCE = {
    "payments": [
        {
            "amount": "30000",
            "currency": "CNY",
            "currency_name": "",
            "to": "某某劳务公司",
            "date": "2026-10-01",
            "receipt": True,
        }
    ],
    "promises": [{"who": "王经理", "what": "月薪一万五", "when": "2026-12"}],
}


class Clock:
    def __init__(self) -> None:
        self.moment = datetime(2026, 11, 25, 9, 0, 0, tzinfo=BEIJING)

    def __call__(self) -> datetime:
        return self.moment

    def advance(self, **delta: float) -> None:
        self.moment += timedelta(**delta)


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def opened():
    stores = []
    yield stores
    for st in stores:
        st.close()


def open_at(folder: Path, clock: Clock, opened: list):
    st, _ = open_store(folder, now=clock)
    opened.append(st)
    return st


def fill(store, name="李四"):
    """A profile with answers, checklist state, notes (one evidence, one trashed)."""
    p = store.create_profile(name)
    store.replace_answers(
        p.id,
        {"destination": "japan", "age": 24, "worries": ["fees", "contract"], "ok": True},
    )
    store.set_checklist_done(p.id, "agency-licence", True)
    store.set_checklist_note(p.id, "agency-licence", "查过了\n编号 123")
    store.set_checklist_note(p.id, "passport", "还没办")
    store.create_note(p.id, title="普通笔记", body="第一行\n第二行 <b>x</b>", tags=["护照", "问题"])
    store.create_note(
        p.id,
        title="中介费",
        body="收据在抽屉里",
        kind="evidence",
        tags=["证据"],
        link_kind="topic",
        link_id="destinations.japan-routes",
        data=EVIDENCE,
    )
    gone = store.create_note(p.id, title="扔掉的", body="trash me")
    store.trash_note(gone.id)
    return p


NOTE_FIELDS = (
    "kind",
    "title",
    "body",
    "tags",
    "link_kind",
    "link_id",
    "data",
    "created",
    "updated",
)


def note_rows(store, pid):
    return [tuple(getattr(n, f) for f in NOTE_FIELDS) for n in reversed(store.list_notes(pid))]


def dump_db(folder: Path) -> dict:
    """Every row of every table, read without changing anything."""
    uri = f"{(folder / 'passage.sqlite3').resolve().as_uri()}?mode=ro"
    conn = sqlite3.connect(uri, uri=True)
    try:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        return {t: sorted(map(repr, conn.execute(f"SELECT * FROM {t}"))) for t in tables}
    finally:
        conn.close()


# -- export and import -------------------------------------------------------------------------


def test_export_then_import_into_an_empty_folder_gives_identical_data(tmp_path, clock, opened):
    """Answers, checklist state and notes (all fields, timestamps too) survive the trip."""
    src = open_at(tmp_path / "a", clock, opened)
    p = fill(src)
    out = tmp_path / "usb" / "李四.passage.json"
    out.parent.mkdir()
    summary = export_profile(src, p.id, out, now=clock)
    assert (summary.answers, summary.checklist, summary.notes, summary.evidence) == (4, 2, 2, 1)

    raw = out.read_bytes()
    doc = json.loads(raw.decode("utf-8"))
    assert doc["format"] == FORMAT and doc["schema"] == SCHEMA
    assert doc["exported"] == "2026-11-25T09:00:00+08:00"
    assert "护照" in raw.decode("utf-8")  # UTF-8 text, not \\u escapes
    assert [n["title"] for n in doc["notes"]] == ["普通笔记", "中介费"]  # no trashed note

    clock.advance(days=3)
    dst = open_at(tmp_path / "b", clock, opened)
    q = import_profile(dst, read_import_file(out))
    assert q.name == "李四"
    assert dst.get_answers(q.id) == src.get_answers(p.id)
    assert dst.get_checklist(q.id) == src.get_checklist(p.id)
    assert note_rows(dst, q.id) == note_rows(src, p.id)
    assert note_tags(dst, q.id) == ["护照", "证据", "问题"]
    # Exporting the copy gives the same document, apart from when it was made.
    again = export_document(dst, q.id, now=clock)
    for key in ("answers", "checklist", "notes"):
        assert again[key] == doc[key]


def test_import_renames_when_the_name_is_taken(tmp_path, clock, opened):
    st = open_at(tmp_path / "a", clock, opened)
    p = fill(st)
    doc = parse_document(json.dumps(export_document(st, p.id)).encode())
    assert import_profile(st, doc).name == "李四 (2)"
    assert import_profile(st, doc).name == "李四 (3)"
    assert import_profile(st, doc, name="张三").name == "张三"
    with pytest.raises(ProfileNameError):
        import_profile(st, doc, name="李四")


def test_a_failure_half_way_through_the_import_writes_nothing(tmp_path, clock, opened):
    """All in one transaction: the database refuses the second note, so the profile, its
    answers and its first note are not there either."""
    st = open_at(tmp_path / "a", clock, opened)
    before = dump_db(tmp_path / "a")
    good = {
        "kind": "note",
        "title": "ok",
        "body": "ok",
        "tags": [],
        "created": "2026-11-25T01:00:00.000+00:00",
        "updated": "2026-11-25T01:00:00.000+00:00",
    }
    doc = ProfileDocument(
        name="半个",
        exported=None,
        answers={"destination": "japan"},
        checklist={},
        notes=[good, {**good, "kind": "diary"}],  # not validated: the CHECK constraint fires
    )
    with pytest.raises(sqlite3.IntegrityError):
        import_profile(st, doc)
    assert dump_db(tmp_path / "a") == before


def valid_doc() -> dict:
    return {
        "format": FORMAT,
        "schema": 1,
        "exported": "2026-11-25T09:00:00+08:00",
        "profile": {"name": "李四"},
        "answers": {"destination": "japan"},
        "checklist": {
            "passport": {
                "done": False,
                "done_at": None,
                "note": "x",
                "updated": "2026-11-25T01:00:00+00:00",
            }
        },
        "notes": [
            {
                "kind": "evidence",
                "title": "t",
                "body": "b",
                "tags": ["a"],
                "link_kind": None,
                "link_id": None,
                "data": EVIDENCE,
                "created": "2026-11-25T01:00:00.000+00:00",
                "updated": "2026-11-25T01:00:00.000+00:00",
                "deleted_at": None,
            }
        ],
    }


def mutate(path: str, value):
    doc = valid_doc()
    target = doc
    parts = path.split("/")
    for part in parts[:-1]:
        target = target[int(part)] if isinstance(target, list) else target[part]
    last = parts[-1]
    if value is KeyError:
        del target[last]
    elif isinstance(target, list):
        target[int(last)] = value
    else:
        target[last] = value
    return json.dumps(doc, ensure_ascii=False).encode("utf-8")


BAD_FILES = [
    # (name, bytes, reason, field)
    ("bad json", b'{"format": "passage-profile", "schema": 1,', "bad_json", ""),
    ("empty", b"", "bad_json", ""),
    ("not utf-8", '{"format": "passage-profile"}'.encode("utf-16"), "not_utf8", ""),
    ("a list", b"[1, 2, 3]", "not_passage", "format"),
    ("answers file", b'{"schema": 1, "lang": "zh", "answers": {}}', "not_passage", "format"),
    ("wrong marker", mutate("format", "passage-answers"), "not_passage", "format"),
    ("newer", mutate("schema", 2), "newer_schema", "schema"),
    ("schema text", mutate("schema", "1"), "wrong_type", "schema"),
    ("no notes", mutate("notes", KeyError), "missing", "notes"),
    ("extra field", mutate("script", "rm -rf /"), "unknown_field", "script"),
    ("notes not a list", mutate("notes", {"a": 1}), "wrong_type", "notes"),
    ("title a number", mutate("notes/0/title", 42), "wrong_type", "notes[0].title"),
    ("kind unknown", mutate("notes/0/kind", "diary"), "bad_value", "notes[0].kind"),
    ("tags a string", mutate("notes/0/tags", "护照"), "wrong_type", "notes[0].tags"),
    ("tag a number", mutate("notes/0/tags", ["a", 3]), "wrong_type", "notes[0].tags[1]"),
    ("half a link", mutate("notes/0/link_kind", "topic"), "bad_value", "notes[0].link_id"),
    ("bad link kind", mutate("notes/0/link_kind", "website"), "bad_value", "notes[0].link_id"),
    ("bad date", mutate("notes/0/created", "yesterday"), "bad_value", "notes[0].created"),
    (
        "NUL in an id",
        mutate("answers", {"dest\x00ination": "x"}),
        "bad_value",
        "answers.dest\x00ination",
    ),
    (
        "evidence amount number",
        mutate("notes/0/data", {"payments": [{"amount": 5}]}),
        "wrong_type",
        "notes[0].data.payments[0].amount",
    ),
    (
        "evidence currency",
        mutate("notes/0/data", {"payments": [{"currency": "BTC"}]}),
        "bad_value",
        "notes[0].data.payments[0].currency",
    ),
    (
        "evidence extra key",
        mutate("notes/0/data", {"payments": [], "eval": "x"}),
        "unknown_field",
        "notes[0].data.eval",
    ),
    (
        "answer object",
        mutate("answers/destination", {"$ne": 1}),
        "wrong_type",
        "answers.destination",
    ),
    ("bad question id", mutate("answers", {"../etc": "x"}), "bad_value", "answers.../etc"),
    (
        "checklist done text",
        mutate("checklist/passport/done", "yes"),
        "wrong_type",
        "checklist.passport.done",
    ),
    ("profile name empty", mutate("profile/name", "  "), "bad_value", "profile.name"),
    ("profile name long", mutate("profile/name", "x" * 81), "too_long", "profile.name"),
    ("NaN", b'{"format": "passage-profile", "schema": NaN}', "bad_json", ""),
    ("duplicate key", b'{"format": "passage-profile", "format": "x"}', "bad_json", "format"),
    ("deep nesting", b"[" * 100_000 + b"]" * 100_000, "bad_json", ""),
]


@pytest.mark.parametrize(
    ("name", "raw", "reason", "field"), BAD_FILES, ids=[b[0] for b in BAD_FILES]
)
def test_a_malformed_file_is_refused_with_the_field_and_changes_nothing(
    tmp_path, clock, opened, name, raw, reason, field
):
    st = open_at(tmp_path / "data", clock, opened)
    fill(st)
    before = dump_db(tmp_path / "data")
    bad = tmp_path / "bad.json"
    bad.write_bytes(raw)
    with pytest.raises(ImportFileError) as info:
        read_import_file(bad)
    assert (info.value.reason, info.value.field) == (reason, field)
    assert info.value.path == bad
    assert dump_db(tmp_path / "data") == before


def test_the_valid_document_used_above_is_accepted():
    """The bad files differ from this one by one field each, so each refusal is precise."""
    doc = parse_document(json.dumps(valid_doc()).encode())
    assert doc.name == "李四" and doc.notes[0]["data"] == EVIDENCE


def test_a_huge_file_is_refused_before_it_is_read(tmp_path):
    """The size is checked first: a 33 MiB (sparse) file is never loaded into memory."""
    huge = tmp_path / "huge.json"
    with huge.open("wb") as fh:
        fh.truncate(MAX_IMPORT_BYTES + 1)
    with pytest.raises(ImportFileError) as info:
        read_import_file(huge)
    assert info.value.reason == "too_large"
    small = tmp_path / "small.json"
    small.write_bytes(json.dumps(valid_doc()).encode())
    with pytest.raises(ImportFileError):
        read_import_file(small, max_bytes=100)
    with pytest.raises(ImportFileError) as info:
        read_import_file(tmp_path / "missing.json")
    assert info.value.reason == "unreadable"


# -- delete everything -------------------------------------------------------------------------

SECRETS = [SECRET_BODY, SECRET_TITLE, SECRET_NAME, "OLD-DRAFT-PELICAN", "TRASHED-OKAPI"]


def files_containing(folder: Path, needles: list[str]) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for path in folder.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            hits = [n for n in needles if n.encode("utf-8") in data]
            if hits:
                found[str(path.relative_to(folder))] = hits
    return found


def test_delete_everything_leaves_no_trace_in_the_data_folder_or_backups(tmp_path, clock, opened):
    """After several starts (so several rolling backups hold the profile) and many
    autosaves (old versions of the text in free space), grep every byte of every file:
    the profile's texts are nowhere. Another profile's notes stay, backups included."""
    folder = tmp_path / "data"
    st = open_at(folder, clock, opened)
    other = fill(st, "张三")
    st.create_note(other.id, title="别人的", body="KEEP-ME-MARMOT")
    secret = st.create_profile(SECRET_NAME)
    st.set_answer(secret.id, "destination", "korea")
    st.set_checklist_note(secret.id, "passport", SECRET_BODY)
    note = st.create_note(secret.id, title=SECRET_TITLE, body="OLD-DRAFT-PELICAN")
    for i in range(3):  # autosave while typing: older versions end up in free space
        clock.advance(seconds=1)
        st.update_note(note.id, body=f"OLD-DRAFT-PELICAN {i} " + "x" * 3000)
    st.create_note(secret.id, title="证据", body=SECRET_BODY, kind="evidence", data=EVIDENCE)
    trashed = st.create_note(secret.id, title="t", body="TRASHED-OKAPI")
    st.trash_note(trashed.id)
    for _ in range(3):  # restarts: each takes a backup that holds the profile
        st.close()
        clock.advance(hours=1)
        st = open_at(folder, clock, opened)
        st.update_note(note.id, body=SECRET_BODY + " " + str(clock.moment))
    backups = sorted((folder / BACKUP_DIR).iterdir())
    assert len(backups) >= 3
    assert files_containing(folder, SECRETS)  # the test can see the text before

    report = delete_profile_everywhere(st, secret.id)
    assert report.compacted and report.name == SECRET_NAME
    assert len(report.backups_rewritten) == len(backups) and not report.backups_removed
    st.close()

    assert files_containing(folder, SECRETS) == {}
    kept = files_containing(folder, ["KEEP-ME-MARMOT"])
    assert "passage.sqlite3" in kept
    assert sum(1 for k in kept if k.startswith(BACKUP_DIR)) == len(backups)
    # The rewritten backups are still good databases that open_store could restore.
    for backup in (folder / BACKUP_DIR).iterdir():
        conn = sqlite3.connect(backup)
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("SELECT name FROM profiles").fetchall() == [("张三",)]
        conn.close()
    st = open_at(folder, clock, opened)
    assert [p.name for p in st.list_profiles()] == ["张三"]


def test_delete_everything_with_an_id_reused_keeps_the_other_person_in_old_backups(
    tmp_path, clock, opened
):
    """Ids can be reused. A backup whose profile 2 was someone else (made earlier) keeps
    that someone: the profile is recognised by id and creation time together."""
    folder = tmp_path / "data"
    st = open_at(folder, clock, opened)
    st.create_profile("甲")
    early = st.create_profile("早先的人")
    st.create_note(early.id, title="x", body="EARLIER-PERSON-TAPIR")
    st.close()
    clock.advance(hours=1)
    st = open_at(folder, clock, opened)  # backup 1: holds 早先的人 as id 2
    st.delete_profile(early.id)
    clock.advance(seconds=5)
    later = st.create_profile(SECRET_NAME)
    assert later.id == early.id
    st.create_note(later.id, title="y", body=SECRET_BODY)
    st.close()
    clock.advance(hours=1)
    st = open_at(folder, clock, opened)  # backup 2: holds the secret profile as id 2

    delete_profile_everywhere(st, later.id)
    st.close()
    assert files_containing(folder, SECRETS) == {}
    assert list(files_containing(folder, ["EARLIER-PERSON-TAPIR"])) == [
        str(sorted((folder / BACKUP_DIR).iterdir())[0].relative_to(folder))
    ]


def test_damaged_files_and_broken_backups(tmp_path, clock, opened):
    """A backup that cannot be read is deleted (it cannot be proved clean); damaged files
    are listed and kept, or deleted when asked."""
    folder = tmp_path / "data"
    st = open_at(folder, clock, opened)
    p = st.create_profile(SECRET_NAME)
    st.create_note(p.id, title="t", body=SECRET_BODY)
    (folder / DAMAGED_DIR).mkdir()
    damaged = folder / DAMAGED_DIR / "passage-20261101-000000.sqlite3"
    damaged.write_bytes(b"garbage " + SECRET_BODY.encode())
    (folder / BACKUP_DIR).mkdir(exist_ok=True)
    broken = folder / BACKUP_DIR / "passage-20261102-000000.sqlite3"
    broken.write_bytes(b"not sqlite " + SECRET_BODY.encode())

    report = delete_profile_everywhere(st, p.id)
    assert report.backups_removed == (broken,) and not broken.exists()
    assert report.damaged_left == (damaged,) and damaged.exists()

    q = st.create_profile("again")
    report = delete_profile_everywhere(st, q.id, remove_damaged=True)
    assert report.damaged_removed == (damaged,) and not damaged.exists()
    st.close()
    assert files_containing(folder, SECRETS) == {}


# -- the commands ------------------------------------------------------------------------------

DRIVER = """
import argparse, sys
from desktop.commands.transfer import add_parsers, run_export, run_import
p = argparse.ArgumentParser(prog="passage")
p.add_argument("--data-dir")
p.add_argument("--lang")
sub = p.add_subparsers(dest="command")
add_parsers(sub)
args = p.parse_args(sys.argv[1:])
sys.exit({"export": run_export, "import": run_import}[args.command](args))
"""


def cli(*args):
    """The handlers as `passage` will call them (cli.py wires the same add_parsers)."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.run(
        [sys.executable, "-c", DRIVER, *args],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
        cwd=REPO,
    )


def test_cli_export_and_import(tmp_path, clock):
    src, dst = tmp_path / "a", tmp_path / "b"
    st, _ = open_store(src, now=clock)
    p = fill(st)
    answers, checklist, notes = st.get_answers(p.id), st.get_checklist(p.id), note_rows(st, p.id)
    st.close()
    out = tmp_path / "out.json"

    r = cli(
        "--data-dir", str(src), "--lang", "en", "export", "--profile", "李四", "--out", str(out)
    )
    assert r.returncode == 0, r.stderr
    assert "2 notes, of which 1 evidence" in r.stderr
    r = cli(
        "--data-dir", str(src), "--lang", "en", "export", "--profile", "李四", "--out", str(out)
    )
    assert r.returncode == 2 and "already exists" in r.stderr
    r = cli("--data-dir", str(src), "--lang", "en", "export", "--profile", "nobody", "--out", "x")
    assert r.returncode == 2 and "no profile called" in r.stderr and "李四" in r.stderr

    for _ in range(2):
        r = cli("--data-dir", str(dst), "--lang", "en", "import", str(out))
        assert r.returncode == 0, r.stderr
    st, _ = open_store(dst)
    profiles = {p.name: p for p in st.list_profiles()}
    assert set(profiles) == {"李四", "李四 (2)"}
    q = profiles["李四"]
    assert st.get_answers(q.id) == answers
    assert st.get_checklist(q.id) == checklist
    assert note_rows(st, q.id) == notes
    st.close()


def test_cli_import_of_a_bad_file_names_the_field_and_changes_nothing(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_bytes(mutate("notes/0/title", 42))
    r = cli("--data-dir", str(tmp_path / "d"), "--lang", "en", "import", str(bad))
    assert r.returncode == 2
    assert "notes[0].title" in r.stderr and "Nothing was imported" in r.stderr
    assert str(bad) in r.stderr
    assert not (tmp_path / "d").exists()  # the store was never even opened


def test_insert_profile_is_also_usable_directly(tmp_path, clock, opened):
    """The store-level helper writes exactly what it is given."""
    st = open_at(tmp_path / "a", clock, opened)
    p = insert_profile(st, name="x", answers={"a": 1}, checklist={}, notes=[])
    assert st.get_answers(p.id) == {"a": 1}


def test_every_profile_of_the_schema_1_fixture_survives_export_and_import(tmp_path, clock, opened):
    """Real-looking data as an earlier Passage wrote it (an evidence note with the first,
    flat evidence fields, hostile text, links, a trashed note): each profile round-trips."""
    import shutil

    fixtures = REPO / "tests" / "fixtures" / "db"
    src = tmp_path / "old"
    src.mkdir()
    for suffix in ("", "-wal", "-shm"):
        f = fixtures / f"passage-schema1.sqlite3{suffix}"
        if f.exists():
            shutil.copyfile(f, src / f"passage.sqlite3{suffix}")
    old = open_at(src, clock, opened)
    new = open_at(tmp_path / "new", clock, opened)
    profiles = old.list_profiles()
    assert len(profiles) >= 2
    for p in profiles:
        out = tmp_path / f"{p.id}.json"
        export_profile(old, p.id, out)
        q = import_profile(new, read_import_file(out))
        assert q.name == p.name
        assert new.get_answers(q.id) == old.get_answers(p.id)
        assert new.get_checklist(q.id) == old.get_checklist(p.id)
        assert note_rows(new, q.id) == note_rows(old, p.id)
