"""Make the fixture database of the current schema version, for the migration tests.

    .venv/bin/python tools/make_fixture_db.py            # writes tests/fixtures/db/...
    .venv/bin/python tools/make_fixture_db.py --out DIR  # somewhere else (the tests do)

Writes ``passage-schema<N>.sqlite3`` (N = the store's SCHEMA_VERSION) and
``passage-schema<N>.json``: the same data read back through the Store API, which the
tests expect to find again after the file has been upgraded by every later version.

The data is what a real person and a counsellor leave behind: two profiles, answers of
every kind (choice, number, money, date, text, with values the questionnaire accepts),
checklist items ticked, unticked and annotated, notes and evidence with tags, links and
structured fields, a note in the trash, text that looks like HTML or a template, and the
app settings. A fixed clock makes every timestamp, and so the JSON, reproducible.

A fixture is a released file format: it is never regenerated once committed. The script
refuses to overwrite an existing fixture unless given ``--force``; see
tests/fixtures/README.md for when to run it.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sqlite3
import sys
import tempfile
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from desktop.store import SCHEMA_VERSION, Store, open_store  # noqa: E402

FIXTURES = REPO / "tests" / "fixtures" / "db"
BEIJING = timezone(timedelta(hours=8))

# Answers for the questionnaire as it was at schema 1 (checked against the current
# questionnaire by the tests of this tool; the store itself does not validate them).
WORKER_ANSWERS: dict[str, Any] = {
    "destination": "japan",
    "age": 28,
    "occupation": "construction",
    "skill_level": "vocational_certificate",
    "language_level": "basic",
    "has_passport": "yes",
    "channel": "private_intermediary",
    "japan_route": "ssw",
    "offer_status": "written_draft",
    "found_via": "online",
    "agency_name": "青岛某某国际经济技术合作有限公司 <b>{{ 7*7 }}</b>",
    "fees_paid_cny": 8000,
    "deposit_requested": "yes",
    "visa_offered": "unknown",
    "departure_date": "2027-04-01",
}
COUSIN_ANSWERS: dict[str, Any] = {
    "destination": "korea",
    "age": 24,
    "channel": "government_program",
    "has_passport": "no",
}


SETTING_KEYS = ("language", "text_scale", "current_profile_id")


class Clock:
    """Moves one minute per call, so every timestamp differs and is reproducible."""

    def __init__(self) -> None:
        self.moment = datetime(2026, 11, 25, 9, 0, 0, tzinfo=BEIJING)

    def __call__(self) -> datetime:
        self.moment += timedelta(minutes=1)
        return self.moment


def fill(store: Store) -> None:
    """Write the fixture's data through the public Store API, as the app would."""
    worker = store.ensure_default_profile("我的计划")
    cousin = store.create_profile("表弟 王小明")
    for qid, value in WORKER_ANSWERS.items():
        store.set_answer(worker.id, qid, value)
    store.replace_answers(cousin.id, COUSIN_ANSWERS)

    store.set_checklist_done(worker.id, "get-passport", True)
    store.set_checklist_done(worker.id, "health-check", True)
    store.set_checklist_done(worker.id, "health-check", False)  # unticked again
    store.set_checklist_done(worker.id, "read-contract", True)
    store.set_checklist_note(worker.id, "read-contract", "合同第 7 条：违约金 5 万元？问一下中介")
    store.set_checklist_note(worker.id, "list-costs", "已付 8000 元，收据在蓝色文件夹")
    store.set_checklist_done(cousin.id, "check-licence", True)

    store.create_note(
        worker.id,
        title="中介的电话",
        body="张经理 138-0000-0000\n周一到周五 9:00-17:00",
        tags=["中介", "电话"],
    )
    store.create_note(
        worker.id,
        kind="evidence",
        title="服务费收据",
        body="转账到个人账户，没有发票。",
        tags=["收据", "费用"],
        link_kind="checklist",
        link_id="list-costs",
        data={"amount": 8000, "currency": "CNY", "paid_on": "2026-10-12", "paid_to": "张经理"},
    )
    store.create_note(
        worker.id,
        title="<script>alert(1)</script> {{ 7*7 }}",
        body="问题：\n- 签证是什么类型？\n- 押金能退吗？\n\u202eRTL\u202c 结束",
        link_kind="topic",
        link_id="destinations.japan-routes",
    )
    trashed = store.create_note(worker.id, title="写错了", body="删掉这条")
    store.trash_note(trashed.id)
    store.create_note(
        cousin.id,
        title="体检",
        body="县医院，带身份证",
        link_kind="question",
        link_id="health_check_done",
    )

    store.set_setting("language", "zh")
    store.set_setting("text_scale", 125)
    store.set_setting("current_profile_id", worker.id)


def describe(store: Store) -> dict[str, Any]:
    """Everything in the store, read through the API: what an upgrade must preserve."""
    profiles = []
    for profile in store.list_profiles():
        profiles.append(
            {
                "id": profile.id,
                "name": profile.name,
                "created": profile.created,
                "updated": profile.updated,
                "answers": store.get_answers(profile.id),
                "checklist": {
                    item: {
                        "done": state.done,
                        "done_at": state.done_at,
                        "note": state.note,
                        "updated": state.updated,
                    }
                    for item, state in store.get_checklist(profile.id).items()
                },
                "notes": [
                    {
                        "id": note.id,
                        "kind": note.kind,
                        "title": note.title,
                        "body": note.body,
                        "tags": list(note.tags),
                        "link_kind": note.link_kind,
                        "link_id": note.link_id,
                        "data": note.data,
                        "created": note.created,
                        "updated": note.updated,
                        "deleted_at": note.deleted_at,
                    }
                    for note in sorted(
                        store.list_notes(profile.id, include_deleted=True), key=lambda n: n.id
                    )
                ],
            }
        )
    settings = {key: store.get_setting(key) for key in SETTING_KEYS}
    return {"schema_version": SCHEMA_VERSION, "profiles": profiles, "settings": settings}


def make(out_dir: Path, *, force: bool = False) -> tuple[Path, Path]:
    """Write the fixture and its description into ``out_dir``; return both paths."""
    out_dir.mkdir(parents=True, exist_ok=True)
    db_out = out_dir / f"passage-schema{SCHEMA_VERSION}.sqlite3"
    json_out = db_out.with_suffix(".json")
    if not force and (db_out.exists() or json_out.exists()):
        raise FileExistsError(f"{db_out.name} exists; fixtures of released versions never change")
    with tempfile.TemporaryDirectory() as tmp:
        data_dir = Path(tmp) / "data"
        store, _ = open_store(data_dir, now=Clock())
        try:
            fill(store)
            description = describe(store)
        finally:
            store.close()  # checkpoints the WAL: one self-contained file
        db = data_dir / "passage.sqlite3"
        con = sqlite3.connect(db)
        try:
            con.execute("VACUUM")  # drop free pages: a small file in the repository
        finally:
            con.close()
        shutil.copyfile(db, db_out)
    json_out.write_text(
        json.dumps(description, ensure_ascii=False, indent=2, sort_keys=True) + "\n",
        encoding="utf-8",
    )
    return db_out, json_out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=FIXTURES, help="folder to write into")
    parser.add_argument("--force", action="store_true", help="overwrite an existing fixture")
    args = parser.parse_args(argv)
    try:
        db_out, json_out = make(args.out, force=args.force)
    except FileExistsError as exc:
        print(f"make_fixture_db: {exc} (use --force only for an unreleased version)")
        return 1
    print(f"wrote {db_out} ({db_out.stat().st_size} bytes) and {json_out.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
