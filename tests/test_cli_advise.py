"""passage questions / advise: the counsellor's headless commands, run as real processes."""

from __future__ import annotations

import json

from tests.test_cli import run

ANSWERS = {
    "schema": 1,
    "lang": "zh",
    "answers": {
        "destination": "japan",
        "channel": "private_intermediary",
        "age": 24,
        "deposit_requested": "yes",
        "visa_offered": "tourist_or_business",
        "departure_date": "2027-03-01",
    },
}


def write(tmp_path, data, name="a.json"):
    p = tmp_path / name
    p.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return p


def test_questions_json_lists_the_stable_contract():
    r = run("questions", "--json")
    assert r.returncode == 0, r.stderr
    qs = {q["id"]: q for q in json.loads(r.stdout)["questions"]}
    assert qs["destination"]["values"] == ["japan", "korea", "russia", "third_country", "undecided"]
    assert qs["visa_offered"]["values"] == ["work", "trainee", "tourist_or_business", "unknown"]
    assert qs["age"]["type"] == "number"


def test_advise_json_has_the_six_parts_each_with_sources(tmp_path):
    r = run("advise", "--answers", str(write(tmp_path, ANSWERS)), "--json")
    assert r.returncode == 0, r.stderr
    plan = json.loads(r.stdout)
    assert list(plan) == [
        "channels",
        "requirements",
        "training",
        "rights",
        "red_flags",
        "checklist",
    ]
    for key, entries in plan.items():
        assert entries, key
        for entry in entries:
            assert entry["sources"], (key, entry)
    flags = {f["id"] for f in plan["red_flags"]}
    assert {"deposit-demanded", "tourist-visa-for-work"} <= flags


def test_advise_text_in_chinese_shows_red_flags_first(tmp_path):
    r = run("--lang", "zh", "advise", "--answers", str(write(tmp_path, ANSWERS)))
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith("危险信号")
    assert "押金" in r.stdout


def test_same_answers_same_plan(tmp_path):
    p = write(tmp_path, ANSWERS)
    a = run("advise", "--answers", str(p), "--json").stdout
    b = run("advise", "--answers", str(p), "--json").stdout
    assert a == b


def test_bad_answers_file_names_the_problem(tmp_path):
    bad = {"schema": 1, "lang": "en", "answers": {"destinaton": "japan", "age": "old"}}
    r = run("--lang", "en", "advise", "--answers", str(write(tmp_path, bad)))
    assert r.returncode == 2
    assert "destinaton" in r.stderr and "age" in r.stderr
    assert "Traceback" not in r.stderr


def test_broken_json_names_line(tmp_path):
    p = tmp_path / "broken.json"
    p.write_text('{"schema": 1,\n "answers": {"age": 3', encoding="utf-8")
    r = run("advise", "--answers", str(p))
    assert r.returncode == 2 and "broken.json" in r.stderr and "Traceback" not in r.stderr


def test_missing_file_is_a_plain_message(tmp_path):
    r = run("--lang", "en", "advise", "--answers", str(tmp_path / "nope.json"))
    assert r.returncode == 2 and "does not exist" in r.stderr


def test_save_profile_stores_the_answers(tmp_path, data_dir):
    r = run(
        "--data-dir",
        str(data_dir),
        "advise",
        "--answers",
        str(write(tmp_path, ANSWERS)),
        "--save-profile",
        "王芳",
    )
    assert r.returncode == 0, r.stderr
    from desktop.store import open_store

    store, _ = open_store(data_dir)
    try:
        (profile,) = [p for p in store.list_profiles() if p.name == "王芳"]
        assert store.get_answers(profile.id)["destination"] == "japan"
        assert store.get_answers(profile.id)["age"] == 24
    finally:
        store.close()


def test_readme_lists_every_question_id_and_value():
    """The README is part of the answers contract; it must not drift from the questionnaire."""
    from desktop.content.questionnaire import load_questionnaire
    from tests.conftest import REPO

    readme = (REPO / "README.md").read_text(encoding="utf-8")
    for q in load_questionnaire():
        row = next((line for line in readme.splitlines() if line.startswith(f"| `{q.id}` |")), None)
        assert row, f"README does not list {q.id}"
        for value in q.values or ():
            assert f"`{value}`" in row, f"README row for {q.id} lacks {value}"
