"""Notes and evidence: create, update, link, trash, purge, search, hostile text."""

from __future__ import annotations

import pytest

from desktop.store import Note, NotFoundError, Store


def test_create_and_get_note(store: Store, profile_id: int) -> None:
    """A note comes back as stored, with cleaned tags and structured data."""
    note = store.create_note(
        profile_id,
        title="中介收据",
        body="交了 5000 元",
        tags=["费用", " 费用 ", "", "中介"],
        kind="evidence",
        link_kind="checklist",
        link_id="agency-licence",
        data={"amount": 5000, "currency": "CNY", "paid_to": "某某公司"},
    )
    assert isinstance(note, Note)
    assert note.tags == ("费用", "中介")
    assert note.data == {"amount": 5000, "currency": "CNY", "paid_to": "某某公司"}
    assert (note.kind, note.link_kind, note.link_id) == ("evidence", "checklist", "agency-licence")
    assert note.created == note.updated == "2026-11-25T01:00:00.000+00:00"
    assert note.deleted_at is None and not note.in_trash
    assert store.get_note(note.id) == note
    assert store.get_note(note.id + 1) is None


@pytest.mark.parametrize(
    "kwargs",
    [
        {"kind": "diary"},
        {"link_kind": "topic"},
        {"link_id": "japan"},
        {"link_kind": "website", "link_id": "x"},
    ],
)
def test_create_note_rejects_bad_fields(store: Store, profile_id: int, kwargs) -> None:
    """Unknown kinds and half-given links are caller bugs: ValueError, nothing stored."""
    with pytest.raises(ValueError):
        store.create_note(profile_id, title="t", body="b", **kwargs)
    assert store.list_notes(profile_id, include_deleted=True) == []


def test_tags_must_be_a_sequence(store: Store, profile_id: int) -> None:
    """A bare string as tags would become one tag per letter; refuse it."""
    with pytest.raises(TypeError):
        store.create_note(profile_id, title="t", body="b", tags="护照")


def test_update_note_changes_only_given_fields(store: Store, profile_id: int, clock) -> None:
    """Fields not passed stay as they were; updated moves; links can be set and cleared."""
    note = store.create_note(profile_id, title="旧标题", body="正文", tags=["a"])
    clock.advance(minutes=2)
    changed = store.update_note(note.id, title="新标题", link_kind="topic", link_id="japan-tits")
    assert (changed.title, changed.body, changed.tags) == ("新标题", "正文", ("a",))
    assert (changed.link_kind, changed.link_id) == ("topic", "japan-tits")
    assert changed.created == note.created and changed.updated > note.updated
    changed = store.update_note(note.id, link_kind=None, link_id=None, tags=[], data={"k": [1]})
    assert (changed.link_kind, changed.link_id, changed.tags, changed.data) == (
        None,
        None,
        (),
        {"k": [1]},
    )
    with pytest.raises(ValueError):
        store.update_note(note.id, link_kind="question")  # needs a link_id too
    assert store.get_note(note.id) == changed
    with pytest.raises(NotFoundError) as caught:
        store.update_note(12345, title="x")
    assert (caught.value.kind, caught.value.id) == ("note", 12345)


def test_list_notes_newest_first_and_by_link(store: Store, profile_id: int, clock) -> None:
    """Lists are ordered by last change; a link filter narrows to one item."""
    first = store.create_note(profile_id, title="1", body="", link_kind="question", link_id="q1")
    clock.advance(minutes=1)
    second = store.create_note(profile_id, title="2", body="")
    clock.advance(minutes=1)
    third = store.create_note(profile_id, title="3", body="", link_kind="question", link_id="q1")
    assert [n.id for n in store.list_notes(profile_id)] == [third.id, second.id, first.id]
    clock.advance(minutes=1)
    store.update_note(first.id, body="edited")
    assert [n.id for n in store.list_notes(profile_id)] == [first.id, third.id, second.id]
    linked = store.list_notes(profile_id, link=("question", "q1"))
    assert [n.id for n in linked] == [first.id, third.id]
    other = store.create_profile("Other").id
    assert store.list_notes(other) == []


def test_trash_restore_and_purge(store: Store, profile_id: int, clock) -> None:
    """Trashed notes hide from lists, come back on restore, and purge after 30 days."""
    old = store.create_note(profile_id, title="old", body="")
    recent = store.create_note(profile_id, title="recent", body="")
    kept = store.create_note(profile_id, title="kept", body="")
    trashed = store.trash_note(old.id)
    assert trashed.in_trash and trashed.deleted_at == "2026-11-25T01:00:00.000+00:00"
    clock.advance(days=20)
    store.trash_note(recent.id)
    assert [n.id for n in store.list_notes(profile_id)] == [kept.id]
    assert len(store.list_notes(profile_id, include_deleted=True)) == 3
    assert store.purge_trash() == 0  # the oldest is 20 days in the trash
    clock.advance(days=11)
    assert store.purge_trash() == 1
    assert store.get_note(old.id) is None
    restored = store.restore_note(recent.id)
    assert not restored.in_trash
    assert {n.id for n in store.list_notes(profile_id)} == {kept.id, recent.id}
    clock.advance(days=100)
    assert store.purge_trash(older_than_days=30, now=clock.moment) == 0
    with pytest.raises(NotFoundError):
        store.trash_note(old.id)
    with pytest.raises(NotFoundError):
        store.restore_note(old.id)


# -- search ---------------------------------------------------------------------------


@pytest.fixture
def searchable(store: Store, profile_id: int, clock) -> dict[str, int]:
    """A handful of notes in Chinese and English, one trashed, one in another profile."""
    ids = {}
    for key, title, body, tags in [
        ("passport", "护照", "护照放在家里的抽屉", ["证件"]),
        ("visa", "签证材料", "Passport copy, photo, 护照复印件", ["证件", "日本"]),
        ("money", "Fees", "Paid the AGENCY 5000 yuan; receipt kept", ["费用"]),
        ("percent", "100% sure", "under_score", []),
    ]:
        clock.advance(minutes=1)
        ids[key] = store.create_note(profile_id, title=title, body=body, tags=tags).id
    clock.advance(minutes=1)
    ids["trashed"] = store.create_note(profile_id, title="护照 old", body="").id
    store.trash_note(ids["trashed"])
    other = store.create_profile("Other").id
    ids["other"] = store.create_note(other, title="护照", body="").id
    return ids


def _ids(notes: list[Note]) -> list[int]:
    return [note.id for note in notes]


def test_search_short_chinese_terms(store: Store, profile_id: int, searchable) -> None:
    """Two- and one-character Chinese queries match in title or body, newest first."""
    newest_first = [searchable["visa"], searchable["passport"]]
    assert _ids(store.search_notes(profile_id, "护照")) == newest_first
    assert _ids(store.search_notes(profile_id, "证")) == [searchable["visa"]]
    assert _ids(store.search_notes(profile_id, "抽屉")) == [searchable["passport"]]


def test_search_ascii_ignores_case(store: Store, profile_id: int, searchable) -> None:
    """ASCII letters match in any case."""
    assert _ids(store.search_notes(profile_id, "PASSPORT")) == [searchable["visa"]]
    assert _ids(store.search_notes(profile_id, "agency")) == [searchable["money"]]
    assert _ids(store.search_notes(profile_id, "fees")) == [searchable["money"]]


def test_search_words_tags_and_wildcards(store: Store, profile_id: int, searchable) -> None:
    """All words must match; tags narrow; % and _ are ordinary characters."""
    assert _ids(store.search_notes(profile_id, "护照 copy")) == [searchable["visa"]]
    assert _ids(store.search_notes(profile_id, "护照\u3000抽屉")) == [searchable["passport"]]
    assert _ids(store.search_notes(profile_id, "护照", tags=["日本"])) == [searchable["visa"]]
    assert _ids(store.search_notes(profile_id, "", tags=["证件"])) == [
        searchable["visa"],
        searchable["passport"],
    ]
    assert _ids(store.search_notes(profile_id, "%")) == [searchable["percent"]]
    assert _ids(store.search_notes(profile_id, "_")) == [searchable["percent"]]
    assert store.search_notes(profile_id, "签证 absent") == []
    assert len(store.search_notes(profile_id, "  ")) == 4  # everything not trashed


def test_search_skips_trash_and_other_profiles(store: Store, profile_id: int, searchable) -> None:
    """Trashed notes and other people's notes never show up."""
    found = set(_ids(store.search_notes(profile_id, "护照")))
    assert searchable["trashed"] not in found and searchable["other"] not in found


# -- hostile text ---------------------------------------------------------------------

HOSTILE = {
    "html": '<script>alert("x")</script><img src=x onerror=alert(1)>&amp;&lt;',
    "control": "a\x00b\x01\x07\x1b[31mred\x7f\x85\r\n\ttab",
    "rtl": "\u202eevil\u202c \u200f\u05e9\u05dc\u05d5\u05dd \u0645\u0631\u062d\u0628\u0627",
    "emoji": "👷🏽‍♀️ 🇨🇳→🇯🇵 \ufeff\u200b zero-width",
    "sql": "'); DROP TABLE notes; -- \" ` [x]",
    "megabyte": ("护照passport\n" * 80_000)[:1_000_000],
}


@pytest.mark.parametrize("key", list(HOSTILE))
def test_hostile_text_round_trips(opener, clock, key: str) -> None:
    """HTML, control characters, RTL marks, emoji and 1 MB strings come back exactly."""
    text = HOSTILE[key]
    store, _ = opener()
    pid = store.create_profile(("名" + text)[:80]).id
    note = store.create_note(
        pid, title=text, body=text + text, tags=[text.strip() or "t"], data={"f": text}
    )
    store.set_answer(pid, "q", text)
    store.set_answer(pid, text[:200] or "k", [text])
    store.set_setting(text[:200], text)
    store.set_checklist_note(pid, "item", text)
    store.close()
    clock.advance(seconds=1)
    store, _ = opener()
    again = store.get_note(note.id)
    assert again is not None
    assert again.title == text and again.body == text + text
    assert again.tags == (text.strip() or "t",) and again.data == {"f": text}
    assert store.get_profile(pid).name == ("名" + text)[:80]  # type: ignore[union-attr]
    answers = store.get_answers(pid)
    assert answers["q"] == text and answers[text[:200] or "k"] == [text]
    assert store.get_setting(text[:200]) == text
    assert store.get_checklist(pid)["item"].note == text
    assert store.search_notes(pid, text[:6].split()[0] if text[:6].split() else "")


def test_search_finds_words_after_a_nul(store: Store, profile_id: int) -> None:
    """A NUL character inside a note does not hide the text after it from search."""
    note = store.create_note(profile_id, title="x", body="start\x00护照 END")
    assert _ids(store.search_notes(profile_id, "end")) == [note.id]
    assert _ids(store.search_notes(profile_id, "护照")) == [note.id]
