"""A person's data is theirs: one profile to one file, and back, on another computer.

The file is UTF-8 JSON (indented, so a counsellor can read it)::

    {"format": "passage-profile", "schema": 1, "exported": "2026-11-25T10:00:00+08:00",
     "app": "Passage 0.1.0",
     "profile": {"name": "李四", "created": "...", "updated": "..."},
     "answers": {"destination": "japan", ...},
     "checklist": {"item-id": {"done": true, "done_at": "...", "note": null,
                               "updated": "..."}, ...},
     "notes": [{"kind": "evidence", "title": "...", "body": "...", "tags": ["..."],
                "link_kind": "topic", "link_id": "...", "data": {...},
                "created": "...", "updated": "...", "deleted_at": null}, ...]}

An import file is untrusted input (it arrives on a USB stick from someone else), so
:func:`read_import_file` checks it completely before anything is written: a size
limit before reading, strict UTF-8, JSON with no duplicate keys and no NaN, the format
marker and schema version, then every field's type, length and allowed values. The
first problem is raised as :class:`ImportFileError` naming the file and the field
(``notes[3].tags[0]``). Only a fully valid document reaches the store, and
:func:`import_profile` writes it in one transaction. Nothing in the file is ever
executed or evaluated; it is only compared and copied.

Qt-free: the CLI (``passage export`` / ``passage import``), the GUI and the tests use it.
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import json
import math
import os
import re
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop import APP_NAME, __version__
from desktop.evidence import EvidenceDataError, clean_evidence
from desktop.store import MAX_PROFILE_NAME, Profile, Store
from desktop.store.models import LINK_KINDS, NOTE_KINDS
from desktop.store.transfer import (
    ForgetReport,
    delete_profile_everywhere,
    free_profile_name,
    insert_profile,
    profile_snapshot,
)
from desktop.textformat import json_kind

__all__ = [
    "FILE_SUFFIX",
    "FORMAT",
    "MAX_IMPORT_BYTES",
    "SCHEMA",
    "ExportSummary",
    "ForgetReport",
    "ImportFileError",
    "ProfileDocument",
    "delete_profile_everywhere",
    "export_document",
    "export_profile",
    "import_profile",
    "parse_document",
    "read_import_file",
    "suggested_file_name",
]

FORMAT = "passage-profile"
SCHEMA = 1
FILE_SUFFIX = ".passage.json"
# 32 MiB: ten thousand long notes fit many times over; a file far bigger is not ours.
MAX_IMPORT_BYTES = 32 * 1024 * 1024
MAX_NOTES = 100_000
MAX_ANSWERS = 2_000
MAX_CHECKLIST = 5_000
MAX_TITLE = 10_000
MAX_BODY = 1_000_000
MAX_TEXT = 100_000  # an answer or a checklist note
MAX_TAGS = 200
MAX_TAG = 200
MAX_ID = 200
MAX_LIST = 200  # choices in one multi-choice answer
_ID_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.:-]*$")
_TOP_KEYS = {"format", "schema", "exported", "app", "profile", "answers", "checklist", "notes"}
_REQUIRED_TOP = ("format", "schema", "profile", "answers", "checklist", "notes")
_NOTE_KEYS = (
    "kind",
    "title",
    "body",
    "tags",
    "link_kind",
    "link_id",
    "data",
    "created",
    "updated",
    "deleted_at",
)
_REQUIRED_NOTE = ("kind", "title", "body", "created", "updated")
_CHECK_KEYS = ("done", "done_at", "note", "updated")


class ImportFileError(Exception):
    """An import file was refused. Nothing was written.

    The interface turns ``reason`` into a sentence in the person's language; ``field``
    and ``detail`` are shown as they are, so a counsellor can find the problem.

    Attributes:
        path: the file.
        reason: ``"unreadable"`` (cannot open or read it), ``"too_large"``,
            ``"not_utf8"``, ``"bad_json"``, ``"not_passage"`` (no or wrong format
            marker), ``"newer_schema"``, ``"missing"`` (a required field is absent),
            ``"unknown_field"``, ``"wrong_type"``, ``"bad_value"`` or ``"too_long"``.
        field: where in the file, e.g. ``notes[3].title``; ``""`` for the whole file.
        detail: a short English hint (line and column of a JSON error, the type found).
    """

    def __init__(self, path: Path | None, reason: str, field: str = "", detail: str = "") -> None:
        super().__init__(str(path) if path else "", reason, field, detail)
        self.path = path
        self.reason = reason
        self.field = field
        self.detail = detail

    def __str__(self) -> str:
        where = f" at {self.field}" if self.field else ""
        detail = f" ({self.detail})" if self.detail else ""
        return f"{self.path or '<data>'}: {self.reason}{where}{detail}"


@dataclass(frozen=True)
class ProfileDocument:
    """A validated import file, ready for :func:`import_profile`."""

    name: str
    exported: str | None
    answers: dict[str, Any]
    checklist: dict[str, dict[str, Any]]
    notes: list[dict[str, Any]]


@dataclass(frozen=True)
class ExportSummary:
    """What :func:`export_profile` wrote (for the message to the person)."""

    path: Path
    name: str
    answers: int
    checklist: int
    notes: int
    evidence: int
    size: int


# --------------------------------------------------------------------------- export


def _local_now() -> _dt.datetime:
    return _dt.datetime.now().astimezone()


def export_document(
    store: Store, profile_id: int, *, now: Callable[[], _dt.datetime] = _local_now
) -> dict[str, Any]:
    """The export file's content for one profile, as a JSON-ready dict.

    Notes in the trash are left out (the person threw them away). Raises NotFoundError
    if the profile does not exist.
    """
    snap = profile_snapshot(store, profile_id)
    return {
        "format": FORMAT,
        "schema": SCHEMA,
        "exported": now().isoformat(timespec="seconds"),
        "app": f"{APP_NAME} {__version__}",
        "profile": {
            "name": snap.profile.name,
            "created": snap.profile.created,
            "updated": snap.profile.updated,
        },
        "answers": dict(snap.answers),
        "checklist": {
            item_id: {
                "done": state.done,
                "done_at": state.done_at,
                "note": state.note,
                "updated": state.updated,
            }
            for item_id, state in snap.checklist.items()
        },
        "notes": [
            {
                "kind": n.kind,
                "title": n.title,
                "body": n.body,
                "tags": list(n.tags),
                "link_kind": n.link_kind,
                "link_id": n.link_id,
                "data": n.data,
                "created": n.created,
                "updated": n.updated,
                "deleted_at": n.deleted_at,
            }
            for n in snap.notes
        ],
    }


def suggested_file_name(name: str, day: _dt.date | None = None) -> str:
    """A file name for the export: the profile name made safe, the date, the suffix."""
    day = day or _dt.date.today()
    safe = re.sub(r'[\\/:*?"<>|\x00-\x1f]+', "_", name).strip(" ._") or "profile"
    return f"{safe[:60]}-{day.isoformat()}{FILE_SUFFIX}"


def export_profile(
    store: Store,
    profile_id: int,
    path: str | os.PathLike[str],
    *,
    now: Callable[[], _dt.datetime] = _local_now,
) -> ExportSummary:
    """Write one profile to ``path`` (UTF-8 JSON), complete or not at all.

    The file is written beside its final name, flushed to the disk (a USB stick may
    be pulled out right after) and then renamed into place, so a failure never leaves
    half a file that looks like an export. Raises OSError, NotFoundError, StoreError.
    """
    doc = export_document(store, profile_id, now=now)
    data = (json.dumps(doc, ensure_ascii=False, indent=2, allow_nan=False) + "\n").encode("utf-8")
    target = Path(path)
    _write_atomically(target, data)
    notes = doc["notes"]
    return ExportSummary(
        path=target,
        name=doc["profile"]["name"],
        answers=len(doc["answers"]),
        checklist=len(doc["checklist"]),
        notes=len(notes),
        evidence=sum(1 for n in notes if n["kind"] == "evidence"),
        size=len(data),
    )


def _write_atomically(path: Path, data: bytes) -> None:
    folder = path.parent if str(path.parent) else Path(".")
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


# --------------------------------------------------------------------------- import


def read_import_file(
    path: str | os.PathLike[str], *, max_bytes: int = MAX_IMPORT_BYTES
) -> ProfileDocument:
    """Read and check an import file completely. Raises ImportFileError; writes nothing."""
    p = Path(path)
    try:
        size = p.stat().st_size
        if not p.is_file():
            raise ImportFileError(p, "unreadable", detail="not a file")
        if size > max_bytes:
            raise ImportFileError(p, "too_large", detail=f"{size} bytes; the limit is {max_bytes}")
        with p.open("rb") as fh:
            raw = fh.read(max_bytes + 1)  # the file may have grown since stat()
    except OSError as exc:
        raise ImportFileError(p, "unreadable", detail=exc.strerror or str(exc)) from None
    if len(raw) > max_bytes:
        raise ImportFileError(p, "too_large", detail=f"more than {max_bytes} bytes")
    return parse_document(raw, path=p)


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise _Duplicate(key)
        out[key] = value
    return out


class _Duplicate(ValueError):
    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a number JSON allows")


def parse_document(raw: bytes, *, path: Path | None = None) -> ProfileDocument:
    """Decode and validate the bytes of an export file. Raises ImportFileError."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ImportFileError(path, "not_utf8", detail=f"byte {exc.start}") from None
    text = text.removeprefix("\ufeff")  # Windows Notepad adds a byte-order mark
    try:
        doc = json.loads(text, object_pairs_hook=_no_duplicates, parse_constant=_refuse_constant)
    except json.JSONDecodeError as exc:
        raise ImportFileError(
            path, "bad_json", detail=f"line {exc.lineno}, column {exc.colno}: {exc.msg}"
        ) from None
    except _Duplicate as exc:
        raise ImportFileError(
            path, "bad_json", field=exc.key, detail="the key appears twice"
        ) from None
    except (ValueError, RecursionError) as exc:
        raise ImportFileError(path, "bad_json", detail=str(exc)[:200]) from None
    return _Checker(path).document(doc)


class _Checker:
    """Walks the decoded JSON and raises ImportFileError at the first problem."""

    def __init__(self, path: Path | None) -> None:
        self.path = path

    def fail(self, reason: str, field: str = "", detail: str = "") -> ImportFileError:
        return ImportFileError(self.path, reason, field, detail)

    # -- the whole document ------------------------------------------------------------

    def document(self, doc: Any) -> ProfileDocument:
        if not isinstance(doc, dict) or doc.get("format") != FORMAT:
            # Say "not a Passage profile" before anything else: it is the likely mistake
            # (an answers file, a PDF renamed, someone else's JSON).
            found = doc.get("format") if isinstance(doc, dict) else None
            detail = f"format is {found!r}" if isinstance(found, str) else ""
            raise self.fail("not_passage", "format", detail[:200])
        schema = doc.get("schema")
        if "schema" not in doc:
            raise self.fail("missing", "schema")
        if isinstance(schema, bool) or not isinstance(schema, int):
            raise self.fail(
                "wrong_type", "schema", f"expected a whole number, got {json_kind(schema)}"
            )
        if schema > SCHEMA:
            raise self.fail("newer_schema", "schema", f"{schema}; this Passage reads {SCHEMA}")
        if schema < 1:
            raise self.fail("bad_value", "schema", str(schema))
        self.keys(doc, _TOP_KEYS, _REQUIRED_TOP, "")
        exported = doc.get("exported")
        if exported is not None:
            self.stamp(exported, "exported")
        if "app" in doc:
            self.text(doc["app"], "app", 200)
        profile = self.obj(doc["profile"], "profile")
        self.keys(profile, {"name", "created", "updated"}, ("name",), "profile")
        name = self.text(profile["name"], "profile.name", MAX_PROFILE_NAME * 4)
        if not name.strip():
            raise self.fail("bad_value", "profile.name", "the name is empty")
        if len(name.strip()) > MAX_PROFILE_NAME:
            raise self.fail("too_long", "profile.name", f"at most {MAX_PROFILE_NAME} characters")
        for key in ("created", "updated"):
            if key in profile:
                self.stamp(profile[key], f"profile.{key}")
        return ProfileDocument(
            name=name.strip(),
            exported=exported,
            answers=self.answers(doc["answers"]),
            checklist=self.checklist(doc["checklist"]),
            notes=self.notes(doc["notes"]),
        )

    # -- parts ---------------------------------------------------------------------------

    def answers(self, value: Any) -> dict[str, Any]:
        answers = self.obj(value, "answers")
        if len(answers) > MAX_ANSWERS:
            raise self.fail("too_long", "answers", f"at most {MAX_ANSWERS} answers")
        out: dict[str, Any] = {}
        for qid, answer in answers.items():
            where = f"answers.{qid}"
            self.ident(qid, where)
            out[qid] = self.answer(answer, where)
        return out

    def answer(self, value: Any, where: str) -> Any:
        """Answers are checked for shape only. Their meaning is the questionnaire's business:
        an answer it no longer accepts is ignored by the plan, as on the computer it came from."""
        if isinstance(value, bool):
            return value
        if isinstance(value, int):
            if abs(value) > 10**15:
                raise self.fail("bad_value", where, "the number is too large")
            return value
        if isinstance(value, float):
            if not math.isfinite(value):
                raise self.fail("bad_value", where, "not a finite number")
            return value
        if isinstance(value, str):
            return self.text(value, where, MAX_TEXT)
        if isinstance(value, list):
            if len(value) > MAX_LIST:
                raise self.fail("too_long", where, f"at most {MAX_LIST} choices")
            return [self.text(item, f"{where}[{i}]", MAX_ID) for i, item in enumerate(value)]
        raise self.fail(
            "wrong_type",
            where,
            f"expected text, a number, true/false or a list, got {json_kind(value)}",
        )

    def checklist(self, value: Any) -> dict[str, dict[str, Any]]:
        items = self.obj(value, "checklist")
        if len(items) > MAX_CHECKLIST:
            raise self.fail("too_long", "checklist", f"at most {MAX_CHECKLIST} items")
        out: dict[str, dict[str, Any]] = {}
        for item_id, state in items.items():
            where = f"checklist.{item_id}"
            self.ident(item_id, where)
            state = self.obj(state, where)
            self.keys(state, set(_CHECK_KEYS), ("done", "updated"), where)
            done = state["done"]
            if not isinstance(done, bool):
                raise self.fail(
                    "wrong_type", f"{where}.done", f"expected true or false, got {json_kind(done)}"
                )
            done_at = self.optional_stamp(state.get("done_at"), f"{where}.done_at")
            if done_at is not None and not done:
                raise self.fail("bad_value", f"{where}.done_at", "set, but the item is not done")
            note = state.get("note")
            if note is not None:
                note = self.text(note, f"{where}.note", MAX_TEXT)
            out[item_id] = {
                "done": done,
                "done_at": done_at,
                "note": note,
                "updated": self.stamp(state["updated"], f"{where}.updated"),
            }
        return out

    def notes(self, value: Any) -> list[dict[str, Any]]:
        if not isinstance(value, list):
            raise self.fail("wrong_type", "notes", f"expected a list, got {json_kind(value)}")
        if len(value) > MAX_NOTES:
            raise self.fail("too_long", "notes", f"at most {MAX_NOTES} notes")
        return [self.note(item, f"notes[{i}]") for i, item in enumerate(value)]

    def note(self, value: Any, where: str) -> dict[str, Any]:
        note = self.obj(value, where)
        self.keys(note, set(_NOTE_KEYS), _REQUIRED_NOTE, where)
        kind = note["kind"]
        if kind not in NOTE_KINDS:
            raise self.fail(
                "bad_value", f"{where}.kind", f"expected one of {', '.join(NOTE_KINDS)}"
            )
        tags_raw = note.get("tags", [])
        if not isinstance(tags_raw, list):
            raise self.fail(
                "wrong_type", f"{where}.tags", f"expected a list, got {json_kind(tags_raw)}"
            )
        if len(tags_raw) > MAX_TAGS:
            raise self.fail("too_long", f"{where}.tags", f"at most {MAX_TAGS} tags")
        tags = [self.text(t, f"{where}.tags[{i}]", MAX_TAG) for i, t in enumerate(tags_raw)]
        link_kind, link_id = note.get("link_kind"), note.get("link_id")
        if (link_kind is None) != (link_id is None):
            raise self.fail("bad_value", f"{where}.link_id", "link_kind and link_id go together")
        if link_kind is not None:
            if link_kind not in LINK_KINDS:
                raise self.fail(
                    "bad_value", f"{where}.link_kind", f"expected one of {', '.join(LINK_KINDS)}"
                )
            self.ident(link_id, f"{where}.link_id")
        data = note.get("data")
        if data is not None:
            try:
                data = clean_evidence(data, f"{where}.data")
            except EvidenceDataError as exc:
                raise self.fail(exc.reason, exc.field, exc.detail) from None
        return {
            "kind": kind,
            "title": self.text(note["title"], f"{where}.title", MAX_TITLE),
            "body": self.text(note["body"], f"{where}.body", MAX_BODY),
            "tags": tags,
            "link_kind": link_kind,
            "link_id": link_id,
            "data": data,
            "created": self.stamp(note["created"], f"{where}.created"),
            "updated": self.stamp(note["updated"], f"{where}.updated"),
            "deleted_at": self.optional_stamp(note.get("deleted_at"), f"{where}.deleted_at"),
        }

    # -- values --------------------------------------------------------------------------

    def keys(
        self, obj: dict[str, Any], allowed: set[str], required: tuple[str, ...], where: str
    ) -> None:
        prefix = f"{where}." if where else ""
        for key in required:
            if key not in obj:
                raise self.fail("missing", prefix + key)
        unknown = sorted(set(obj) - allowed)
        if unknown:
            # Name the key as written, quoted when empty, clipped when absurdly long.
            key = unknown[0] if unknown[0] else '""'
            raise self.fail("unknown_field", prefix + (key if len(key) <= 80 else key[:79] + "…"))

    def obj(self, value: Any, where: str) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise self.fail("wrong_type", where, f"expected an object, got {json_kind(value)}")
        return value

    def text(self, value: Any, where: str, limit: int) -> str:
        if not isinstance(value, str):
            raise self.fail("wrong_type", where, f"expected text, got {json_kind(value)}")
        if len(value) > limit:
            raise self.fail("too_long", where, f"{len(value)} characters; the limit is {limit}")
        # A NUL a person pasted into a note is kept by the store, so an export must be
        # able to bring it back; only ids (below) may not contain one.
        return value

    def ident(self, value: Any, where: str) -> str:
        text = self.text(value, where, MAX_ID)
        if "\x00" in text or not _ID_RE.match(text):
            raise self.fail("bad_value", where, "not a valid id")
        return text

    def stamp(self, value: Any, where: str) -> str:
        text = self.text(value, where, 40)
        try:
            _dt.datetime.fromisoformat(text)
        except ValueError:
            raise self.fail("bad_value", where, "expected a date and time (ISO 8601)") from None
        return text

    def optional_stamp(self, value: Any, where: str) -> str | None:
        return None if value is None else self.stamp(value, where)


def import_profile(store: Store, doc: ProfileDocument, *, name: str | None = None) -> Profile:
    """Create a new profile from a checked document, all in one transaction.

    ``name`` overrides the file's name (the GUI asks when it is taken); without it a
    free name is chosen: the file's, or ``name (2)``, ``name (3)``... Raises
    ProfileNameError if an explicit ``name`` is taken or invalid; nothing is written.
    """
    chosen = name if name is not None else free_profile_name(store, doc.name)
    return insert_profile(
        store,
        name=chosen,
        answers=doc.answers,
        checklist=doc.checklist,
        notes=doc.notes,
    )
