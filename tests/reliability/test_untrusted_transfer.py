"""Untrusted profile import files: refused with a precise reason, or imported exactly.

A profile file arrives on a USB stick from someone else (``desktop/transfer.py``).
Hypothesis (derandomized) damages a real export three ways: hostile values and
missing, added or duplicated fields in its structure; JSON-breaking pieces spliced into
its text; raw bytes. ``parse_document`` must either raise ImportFileError with one of
its documented reasons and the field concerned, or return a document that imports into
a store and exports again to the same answers, checklist and notes (so nothing is
silently dropped or changed on the way in). A 50 MB file is refused by its size
before it is read, in well under 2 s.
"""

from __future__ import annotations

import datetime as _dt
import json
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.store import Store, open_store
from desktop.transfer import (
    MAX_IMPORT_BYTES,
    ImportFileError,
    export_document,
    import_profile,
    parse_document,
    read_import_file,
)
from tests.reliability.conftest import fuzz, load_fixture_tool, time_limit
from tests.reliability.hostile import HOSTILE_STRINGS, mutate, mutations, splice, splices

# A failing case with a megabyte string would otherwise be reported as this warning.
pytestmark = pytest.mark.filterwarnings(
    "ignore:Generating overly large repr:hypothesis.errors.HypothesisWarning"
)

REASONS = {
    "unreadable",
    "too_large",
    "not_utf8",
    "bad_json",
    "not_passage",
    "newer_schema",
    "missing",
    "unknown_field",
    "wrong_type",
    "bad_value",
    "too_long",
}
WHOLE_FILE = {"unreadable", "too_large", "not_utf8", "bad_json", "not_passage"}
LIMIT = 10


def _fixed_now() -> _dt.datetime:
    return _dt.datetime(2026, 11, 25, 10, 0, tzinfo=_dt.timezone(_dt.timedelta(hours=8)))


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    """A store holding the fixture generator's realistic data (2 profiles, notes, evidence)."""
    opened, _ = open_store(tmp_path_factory.mktemp("transfer") / "data")
    load_fixture_tool().fill(opened)
    yield opened
    opened.close()


def _valid_document() -> dict[str, Any]:
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        store, _ = open_store(Path(tmp) / "data")
        try:
            load_fixture_tool().fill(store)
            return export_document(store, store.list_profiles()[0].id, now=_fixed_now)
        finally:
            store.close()


VALID = _valid_document()


def _content(doc: dict[str, Any]) -> tuple:
    """What an import must carry over: answers, checklist, notes not in the trash."""
    notes = [
        {k: v for k, v in note.items() if k != "deleted_at"}
        for note in doc["notes"]
        if note.get("deleted_at") is None
    ]
    return doc["answers"], doc["checklist"], sorted(notes, key=json.dumps)


def check(store: Store, raw: bytes) -> None:
    try:
        with time_limit(LIMIT):
            document = parse_document(raw, path=Path("friend.passage.json"))
    except ImportFileError as exc:
        assert exc.reason in REASONS, exc
        assert exc.path == Path("friend.passage.json")
        assert exc.reason in WHOLE_FILE or exc.field, f"no field named: {exc}"
        return
    profile = import_profile(store, document)
    try:
        again = export_document(store, profile.id, now=_fixed_now)
        imported = {
            "answers": document.answers,
            "checklist": document.checklist,
            "notes": document.notes,
        }
        assert _content(again) == _content(imported)
    finally:
        store.delete_profile(profile.id)


def test_a_real_export_imports_unchanged(store: Store) -> None:
    check(store, json.dumps(VALID, ensure_ascii=False).encode())
    assert _content(VALID)[2], "the export must hold notes"


@fuzz(300)
@given(edits=mutations(VALID))
def test_documents_with_hostile_values(store: Store, edits) -> None:
    text = json.dumps(mutate(VALID, edits), ensure_ascii=False, allow_nan=True, default=str)
    check(store, text.encode("utf-8", "surrogatepass"))


@fuzz(300)
@given(edits=splices)
def test_export_with_spliced_text(store: Store, edits) -> None:
    text = splice(json.dumps(VALID, ensure_ascii=False, indent=2), edits)
    check(store, text.encode("utf-8", "surrogatepass"))


@fuzz(200)
@given(raw=st.binary(max_size=300))
def test_arbitrary_bytes(store: Store, raw: bytes) -> None:
    check(store, raw)


def test_fifty_megabyte_file_is_refused_by_size_quickly(tmp_path: Path) -> None:
    big = tmp_path / "big.passage.json"
    with big.open("w", encoding="utf-8") as fh:
        fh.write('{"format": "passage-profile", "schema": 1, "notes": [')
        fh.write('{"title": "护照"},' * (50_000_000 // 18))
        fh.write("{}]}")
    assert big.stat().st_size > max(50_000_000, MAX_IMPORT_BYTES)
    started = time.perf_counter()
    with pytest.raises(ImportFileError) as caught:
        read_import_file(big)
    assert time.perf_counter() - started < 2
    assert caught.value.reason == "too_large"


# -- what a person typed must survive their own export ------------------------------

person_text = st.one_of(
    st.text(st.characters(exclude_categories=("Cs",), exclude_characters="\x00"), max_size=60),
    st.sampled_from([s.replace("\x00", "") for s in HOSTILE_STRINGS]),
)


def _round_trip(store: Store, text: str) -> None:
    pid = store.create_profile("往返 round trip").id
    try:
        store.set_answer(pid, "agency_name", text)
        store.set_checklist_done(pid, "get-passport", True)
        store.set_checklist_note(pid, "get-passport", text)
        store.create_note(
            pid, title=text, body=text + "\n" + text, tags=[text] if text.strip() else []
        )
        exported = export_document(store, pid, now=_fixed_now)
        raw = json.dumps(exported, ensure_ascii=False, indent=2).encode()
        check(store, raw)  # accepted, and imported unchanged
    finally:
        store.delete_profile(pid)


@fuzz(100)
@given(text=person_text)
def test_what_a_person_typed_survives_export_and_import(store: Store, text: str) -> None:
    _round_trip(store, text)


def test_a_pasted_nul_survives_export_and_import(store: Store) -> None:
    pid = store.create_profile("NUL").id
    try:
        store.create_note(pid, title="粘贴", body="copied\x00from a PDF")
        raw = json.dumps(export_document(store, pid, now=_fixed_now), ensure_ascii=False).encode()
        parse_document(raw)
    finally:
        store.delete_profile(pid)


def test_an_empty_key_is_named_in_the_refusal() -> None:
    raw = json.dumps({**VALID, "": 1}).encode()
    with pytest.raises(ImportFileError) as caught:
        parse_document(raw)
    assert caught.value.reason == "unknown_field"
    assert caught.value.field != "", str(caught.value)
