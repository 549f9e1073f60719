"""Profiles, settings, answers and checklist state: round trips and the rules around them."""

from __future__ import annotations

import pytest

from desktop.store import (
    ChecklistState,
    NotFoundError,
    Profile,
    ProfileNameError,
    Store,
)

# -- profiles -------------------------------------------------------------------------


def test_create_and_list_profiles_sorted_by_name(store: Store) -> None:
    """Profiles come back ordered by name, ignoring ASCII case."""
    for name in ("bo", "Ana", "张伟", "Carl"):
        store.create_profile(name)
    assert [p.name for p in store.list_profiles()] == ["Ana", "bo", "Carl", "张伟"]


def test_created_profile_round_trips(store: Store, clock) -> None:
    """create_profile returns what get_profile later reads, with UTC timestamps."""
    made = store.create_profile("  李娜\u3000")
    assert made.name == "李娜"  # trimmed, including the ideographic space
    assert made.created == made.updated == "2026-11-25T01:00:00.000+00:00"
    assert store.get_profile(made.id) == made
    assert store.get_profile(made.id + 100) is None


@pytest.mark.parametrize(
    ("name", "reason"),
    [("", "empty"), ("  \u3000 \n", "empty"), ("x" * 81, "too_long"), ("护" * 81, "too_long")],
)
def test_bad_profile_names_are_refused(store: Store, name: str, reason: str) -> None:
    """Empty and over-long names raise ProfileNameError with the reason and the name."""
    with pytest.raises(ProfileNameError) as caught:
        store.create_profile(name)
    assert (caught.value.reason, caught.value.name) == (reason, name)
    assert store.list_profiles() == []


def test_eighty_characters_is_allowed(store: Store) -> None:
    """The limit is inclusive and counts characters, not bytes."""
    assert store.create_profile("护" * 80).name == "护" * 80


@pytest.mark.parametrize(
    ("first", "second"), [("Ana", "ANA"), ("Élodie", "élodie"), ("王", " 王 ")]
)
def test_duplicate_names_ignore_case(store: Store, first: str, second: str) -> None:
    """Names are unique ignoring case, for ASCII and other alphabets."""
    store.create_profile(first)
    with pytest.raises(ProfileNameError) as caught:
        store.create_profile(second)
    assert caught.value.reason == "duplicate"
    assert len(store.list_profiles()) == 1


def test_rename_profile(store: Store, clock) -> None:
    """Renaming keeps the id, updates the timestamp and applies the same rules."""
    ana = store.create_profile("Ana")
    store.create_profile("Bo")
    clock.advance(minutes=5)
    renamed = store.rename_profile(ana.id, "ANA")  # its own name in other case is fine
    assert (renamed.id, renamed.name, renamed.created) == (ana.id, "ANA", ana.created)
    assert renamed.updated > ana.updated
    with pytest.raises(ProfileNameError) as caught:
        store.rename_profile(ana.id, "bo")
    assert caught.value.reason == "duplicate"
    with pytest.raises(ProfileNameError):
        store.rename_profile(ana.id, " ")
    with pytest.raises(NotFoundError) as missing:
        store.rename_profile(999, "Zed")
    assert (missing.value.kind, missing.value.id) == ("profile", 999)
    assert store.get_profile(ana.id) == renamed


def test_delete_profile_cascades(store: Store) -> None:
    """Deleting a profile removes its answers, checklist and notes; others stay."""
    gone = store.create_profile("Gone").id
    kept = store.create_profile("Kept").id
    for pid in (gone, kept):
        store.set_answer(pid, "destination", "japan")
        store.set_checklist_done(pid, "passport", True)
        store.create_note(pid, title="t", body="b")
    store.delete_profile(gone)
    assert store.get_profile(gone) is None
    for table in ("answers", "checklist_state", "notes"):
        counts = dict(
            store._db.execute(f"SELECT profile_id, count(*) FROM {table} GROUP BY profile_id")
        )
        assert counts == {kept: 1}, table
    with pytest.raises(NotFoundError):
        store.delete_profile(gone)


def test_ensure_default_profile_creates_once(store: Store) -> None:
    """The first call creates the profile; later calls return the oldest one."""
    first = store.ensure_default_profile("我")
    assert first.name == "我"
    store.create_profile("Another")
    assert store.ensure_default_profile("我") == first
    assert len(store.list_profiles()) == 2


def test_profiles_survive_reopening(opener, clock) -> None:
    """What was written is there after closing and opening again."""
    store, _ = opener()
    made = store.create_profile("Ana")
    store.close()
    clock.advance(seconds=1)
    again, _ = opener()
    assert again.list_profiles() == [made]
    assert isinstance(made, Profile)


# -- settings -------------------------------------------------------------------------


def test_settings_round_trip(store: Store) -> None:
    """Settings hold any JSON value; missing keys give the default; None removes."""
    assert store.get_setting("lang") is None
    assert store.get_setting("lang", "zh") == "zh"
    store.set_setting("lang", "en")
    store.set_setting("lang", "zh")
    store.set_setting("font", {"size": 18, "family": ["Noto Sans CJK SC"], "bold": False})
    store.set_setting("zoom", 1.25)
    assert store.get_setting("lang") == "zh"
    assert store.get_setting("font") == {"size": 18, "family": ["Noto Sans CJK SC"], "bold": False}
    assert store.get_setting("zoom") == 1.25
    store.set_setting("zoom", None)
    assert store.get_setting("zoom", 1.0) == 1.0


def test_settings_refuse_non_json(store: Store) -> None:
    """A value JSON cannot hold is a bug: it raises and nothing is stored."""
    with pytest.raises(TypeError):
        store.set_setting("bad", {1, 2})
    with pytest.raises(ValueError):
        store.set_setting("bad", float("nan"))
    assert store.get_setting("bad") is None


# -- answers --------------------------------------------------------------------------

ANSWERS = {
    "destination": "japan",
    "age": 34,
    "languages": ["zh", "ru"],
    "has_passport": True,
    "savings": 12000.5,
    "contract": {"signed": False, "agency": "某某劳务公司"},
}


def test_answers_round_trip(store: Store, profile_id: int) -> None:
    """Every JSON type comes back equal; None deletes an answer."""
    for question_id, value in ANSWERS.items():
        store.set_answer(profile_id, question_id, value)
    assert store.get_answers(profile_id) == ANSWERS
    store.set_answer(profile_id, "age", None)
    assert "age" not in store.get_answers(profile_id)
    other = store.create_profile("Other").id
    assert store.get_answers(other) == {}


def test_replace_answers(store: Store, profile_id: int) -> None:
    """replace_answers makes the answers exactly the given dict (None values skipped)."""
    store.replace_answers(profile_id, ANSWERS)
    store.replace_answers(profile_id, {"destination": "korea", "age": 34, "skip": None})
    assert store.get_answers(profile_id) == {"destination": "korea", "age": 34}


def test_replace_answers_is_all_or_nothing(store: Store, profile_id: int) -> None:
    """A bad value in the middle leaves the previous answers untouched."""
    store.replace_answers(profile_id, ANSWERS)
    with pytest.raises(TypeError):
        store.replace_answers(profile_id, {"destination": "korea", "bad": object(), "z": 1})
    assert store.get_answers(profile_id) == ANSWERS


def test_answers_updated_moves_only_on_change(store: Store, profile_id: int, clock) -> None:
    """Saving the same value again does not change the timestamp."""
    assert store.answers_updated(profile_id) is None
    store.set_answer(profile_id, "destination", "japan")
    first = store.answers_updated(profile_id)
    assert first == "2026-11-25T01:00:00.000+00:00"
    clock.advance(minutes=1)
    store.set_answer(profile_id, "destination", "japan")
    store.replace_answers(profile_id, {"destination": "japan"})
    assert store.answers_updated(profile_id) == first
    store.set_answer(profile_id, "destination", "korea")
    assert store.answers_updated(profile_id) == "2026-11-25T01:01:00.000+00:00"


def test_answer_for_missing_profile(store: Store) -> None:
    """Writing for a profile that is gone raises NotFoundError, not a constraint error."""
    with pytest.raises(NotFoundError) as caught:
        store.set_answer(42, "destination", "japan")
    assert (caught.value.kind, caught.value.id) == ("profile", 42)
    with pytest.raises(NotFoundError):
        store.replace_answers(42, {"destination": "japan"})
    with pytest.raises(NotFoundError):
        store.set_checklist_done(42, "passport", True)


def test_answer_needs_a_question_id(store: Store, profile_id: int) -> None:
    """An empty question id is a bug in the caller."""
    with pytest.raises(ValueError):
        store.set_answer(profile_id, "", "x")


# -- checklist ------------------------------------------------------------------------


def test_checklist_done_and_note(store: Store, profile_id: int, clock) -> None:
    """Ticks keep the first done_at; unticking clears it; notes are independent."""
    store.set_checklist_done(profile_id, "passport", True)
    clock.advance(hours=1)
    store.set_checklist_done(profile_id, "passport", True)
    store.set_checklist_note(profile_id, "medical", "体检报告在蓝色文件夹")
    state = store.get_checklist(profile_id)
    assert state == {
        "passport": ChecklistState(
            done=True,
            done_at="2026-11-25T01:00:00.000+00:00",
            note=None,
            updated="2026-11-25T02:00:00.000+00:00",
        ),
        "medical": ChecklistState(
            done=False, done_at=None, note="体检报告在蓝色文件夹", updated=state["medical"].updated
        ),
    }
    store.set_checklist_note(profile_id, "passport", "在抽屉里")
    store.set_checklist_done(profile_id, "passport", False)
    passport = store.get_checklist(profile_id)["passport"]
    assert (passport.done, passport.done_at, passport.note) == (False, None, "在抽屉里")
    store.set_checklist_note(profile_id, "passport", None)
    assert store.get_checklist(profile_id)["passport"].note is None
