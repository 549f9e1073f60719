"""Load and validate the Guide: ``seeds/*.yaml``, ``resources/sources.yaml`` and the
four section files under ``resources/content/``, into a :class:`~desktop.content.model.Catalog`.

The rules are the contract in ``docs/CONTENT.md``. The loader collects *every*
problem before raising a single :class:`ContentError`, because a content writer
fixing one typo per start-up would give up. Each :class:`Problem` names the file
(relative to the base folder), the item (topic id, source id or locator), the
field and the line, so the message can be acted on without reading code.

Unknown keys are errors: a misspelt optional field (``applies_whn``) would
otherwise be dropped silently and the topic would show to everyone.

:class:`FileChecker` is public so that the questionnaire and advice loaders can
check their own files with the same messages.
"""

from __future__ import annotations

import datetime as _dt
import difflib
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop import resources
from desktop.content.conditions import Condition, ConditionError, parse
from desktop.content.errors import ContentError, Problem
from desktop.content.facts import FactResolver, build_fact, facts_used
from desktop.content.model import (
    LANGS,
    Catalog,
    Fact,
    Section,
    SeedDocument,
    SeedPassage,
    Source,
    Text,
    Topic,
)
from desktop.content.yamlsafe import LineIndex, load_yaml

__all__ = [
    "CONFIDENCE_LEVELS",
    "SECTIONS",
    "THEMES",
    "FileChecker",
    "LoadResult",
    "condition_problem_column",
    "load_catalog",
    "load_catalog_with_problems",
]

SECTIONS: tuple[str, ...] = ("channels", "destinations", "training", "rights")
THEMES: frozenset[str] = frozenset(
    {
        "channels",
        "third_country",
        "information",
        "verification",
        "skills_upgrade",
        "regional_cooperation",
        "far_east",
        "protection",
        "management",
        "services_trade",
    }
)
CONFIDENCE_LEVELS: tuple[str, ...] = ("high", "medium-high", "medium")

ID_RE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
SLUG_RE = re.compile(r"[a-z0-9]+(?:[-_][a-z0-9]+)*")
LOCATOR_RE = re.compile(r"(?P<doc>[a-z0-9]+(?:-[a-z0-9]+)*)#(?P<part>[a-z0-9]+(?:\.[a-z0-9]+)*)")
LANGUAGE_RE = re.compile(r"[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})?")
YEAR_RE = re.compile(r"[12][0-9]{3}")
YEAR_MONTH_RE = re.compile(r"[12][0-9]{3}-(0[1-9]|1[0-2])")

QuestionSpec = Mapping[str, "set[Any] | frozenset[Any] | None"]


# --------------------------------------------------------------------------- checker


def _field_name(path: Iterable[Any]) -> str:
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out


@dataclass
class FileChecker:
    """Checks values in one loaded file and records problems with their lines.

    Paths are data paths as in :class:`LineIndex` (``("topics", 3, "title")``).
    Every check returns the cleaned value, or ``None`` after recording a problem,
    so loading continues and all problems are found in one run.
    """

    file: str
    index: LineIndex
    problems: list[Problem]
    today: _dt.date = field(default_factory=_dt.date.today)
    # Set for files whose texts a person reads: {fact:ID} references are resolved and
    # figures written into the prose are reported (desktop/content/facts.py).
    facts: FactResolver | None = None

    def add(
        self,
        path: tuple[Any, ...],
        message: str,
        *,
        item: str | None = None,
        item_path: tuple[Any, ...] = (),
        column: int | None = None,
        line: int | None = None,
    ) -> None:
        """Record a problem at ``path``; ``field`` is the part of the path below the item."""
        field_path = path[len(item_path) :] if path[: len(item_path)] == item_path else path
        self.problems.append(
            Problem(
                file=self.file,
                message=message,
                item=item,
                field=_field_name(field_path) or None,
                line=line if line is not None else self.index.line_of(path),
                column=column,
            )
        )

    def mapping(
        self,
        value: Any,
        path: tuple[Any, ...],
        *,
        required: Iterable[str],
        optional: Iterable[str] = (),
        item: str | None = None,
        item_path: tuple[Any, ...] = (),
        what: str = "this entry",
    ) -> dict[str, Any] | None:
        """``value`` must be a mapping with all ``required`` keys and no others."""
        if not isinstance(value, dict):
            self.add(
                path,
                f"{what} must be a mapping of 'key: value' lines, not {_kind(value)}",
                item=item,
                item_path=item_path,
            )
            return None
        required = tuple(required)
        allowed = set(required) | set(optional)
        for key in value:
            if key not in allowed:
                close = difflib.get_close_matches(str(key), sorted(allowed), n=1)
                hint = f" (did you mean {close[0]!r}?)" if close else ""
                known = ", ".join(sorted(allowed))
                self.add(
                    (*path, key),
                    f"unknown field {key!r}{hint}; allowed: {known}",
                    item=item,
                    item_path=item_path,
                )
        for key in required:
            if key not in value:
                self.add(
                    (*path, key),
                    f"the field {key!r} is missing",
                    item=item,
                    item_path=item_path,
                )
        return value

    def string(
        self,
        data: Mapping[str, Any],
        key: str,
        path: tuple[Any, ...],
        *,
        item: str | None = None,
        item_path: tuple[Any, ...] = (),
        pattern: re.Pattern[str] | None = None,
        pattern_hint: str = "",
        required: bool = True,
    ) -> str | None:
        """A non-empty one-line string, optionally matching ``pattern`` in full."""
        if key not in data:
            return None  # reported by mapping() when required
        value = data[key]
        p = (*path, key)
        if not isinstance(value, str):
            self.add(p, f"must be text, not {_kind(value)}", item=item, item_path=item_path)
            return None
        if not value.strip():
            if required:
                self.add(p, "must not be empty", item=item, item_path=item_path)
            return None
        if pattern is not None and not pattern.fullmatch(value):
            self.add(
                p,
                f"{value!r} is not a valid value{': ' + pattern_hint if pattern_hint else ''}",
                item=item,
                item_path=item_path,
            )
            return None
        return value

    def text(
        self,
        data: Mapping[str, Any],
        key: str,
        path: tuple[Any, ...],
        *,
        item: str | None = None,
        item_path: tuple[Any, ...] = (),
        resolve: bool = True,
    ) -> Text | None:
        """A bilingual text ``{zh: ..., en: ...}``, both present and non-empty.

        In a file read with a facts table, ``{fact:ID}`` references are replaced by the
        fact's value and as-of month, and a figure written into the text is a problem.
        """
        if key not in data:
            return None
        p = (*path, key)
        value = self.mapping(
            data[key],
            p,
            required=LANGS,
            item=item,
            item_path=item_path,
            what=f"{key!r} (a text in both languages, {{zh: ..., en: ...}})",
        )
        if value is None:
            return None
        ok = True
        for lang in LANGS:
            if lang not in value:
                ok = False
                continue
            s = value[lang]
            if not isinstance(s, str):
                self.add(
                    (*p, lang),
                    f"must be text, not {_kind(s)}",
                    item=item,
                    item_path=item_path,
                )
                ok = False
            elif not s.strip():
                self.add((*p, lang), "must not be empty", item=item, item_path=item_path)
                ok = False
        if not ok or set(value) - set(LANGS):
            return None
        text = Text(zh=value["zh"].strip(), en=value["en"].strip())
        if resolve and self.facts is not None:
            return self.facts.resolve(self, text, p, {"item": item, "item_path": item_path})
        if resolve and ("{fact:" in text.zh or "{fact:" in text.en):
            self.add(
                p,
                "{fact:...} can only be used in the Guide's and the advice rules' texts",
                item=item,
                item_path=item_path,
            )
            return None
        return text

    def plain_text(
        self,
        data: Mapping[str, Any],
        key: str,
        path: tuple[Any, ...],
        *,
        item: str | None = None,
        item_path: tuple[Any, ...] = (),
    ) -> Text | None:
        """A bilingual text taken as written: no fact references, no figure check
        (the facts table's own labels and values, for instance)."""
        return self.text(data, key, path, item=item, item_path=item_path, resolve=False)

    def date(
        self,
        data: Mapping[str, Any],
        key: str,
        path: tuple[Any, ...],
        *,
        item: str | None = None,
        item_path: tuple[Any, ...] = (),
        partial: bool = False,
    ) -> tuple[_dt.date | None, str] | None:
        """An ISO date not after ``today``. Returns ``(date, text)``.

        With ``partial``, ``2021`` or ``2012-09`` are accepted too (then ``date`` is
        None and ``text`` holds what was written).
        """
        if key not in data:
            return None
        value = data[key]
        p = (*path, key)
        kw = {"item": item, "item_path": item_path}
        if isinstance(value, _dt.datetime):
            self.add(p, "write a date without a time, as YYYY-MM-DD", **kw)
            return None
        if isinstance(value, _dt.date):
            if value > self.today:
                self.add(p, f"the date {value.isoformat()} is in the future", **kw)
                return None
            return value, value.isoformat()
        if partial and isinstance(value, int) and not isinstance(value, bool):
            value = str(value)
        if isinstance(value, str) and partial:
            if YEAR_RE.fullmatch(value):
                if int(value) > self.today.year:
                    self.add(p, f"the year {value} is in the future", **kw)
                    return None
                return None, value
            if YEAR_MONTH_RE.fullmatch(value):
                if value > self.today.isoformat()[:7]:
                    self.add(p, f"the month {value} is in the future", **kw)
                    return None
                return None, value
        hint = "YYYY-MM-DD, YYYY-MM or YYYY" if partial else "YYYY-MM-DD"
        shown = value if isinstance(value, str) else _kind(value)
        self.add(p, f"{shown!r} is not a valid date (write {hint})", **kw)
        return None

    def condition(
        self,
        data: Mapping[str, Any],
        key: str,
        path: tuple[Any, ...],
        *,
        item: str | None = None,
        item_path: tuple[Any, ...] = (),
        known_questions: QuestionSpec | None = None,
        allow_dot: bool = False,
    ) -> Condition | None:
        """Parse a condition and check the question ids and option values it names."""
        if key not in data:
            return None
        value = data[key]
        p = (*path, key)
        kw = {"item": item, "item_path": item_path}
        if not isinstance(value, str):
            self.add(p, f"a condition must be text in quotes, not {_kind(value)}", **kw)
            return None
        try:
            cond = parse(value)
        except ConditionError as exc:
            line, column = condition_problem_column(self.index, p, value, exc.column)
            self.add(
                p,
                f"the condition does not parse at column {exc.column} of "
                f"{_clip(value)!r}: {exc.message}",
                line=line,
                column=column,
                **kw,
            )
            return None
        ok = True
        if cond.uses_value and not allow_dot:
            self.add(p, "'.' (the value being checked) only has a meaning in a constraint", **kw)
            ok = False
        if known_questions is not None:
            for name in sorted(cond.names):
                if name not in known_questions:
                    close = difflib.get_close_matches(name, sorted(known_questions), n=1)
                    hint = f" (did you mean {close[0]!r}?)" if close else ""
                    self.add(p, f"{name!r} is not a question id{hint}", **kw)
                    ok = False
                    continue
                options = known_questions[name]
                if options is None:
                    continue
                for literal in sorted(cond.literals_for(name), key=repr):
                    if literal not in options or _strict_mismatch(literal, options):
                        listed = ", ".join(sorted(repr(o) for o in options))
                        self.add(
                            p,
                            f"{literal!r} is not an option of question {name!r} "
                            f"(options: {listed})",
                            **kw,
                        )
                        ok = False
        return cond if ok else None


def _strict_mismatch(literal: Any, options: Iterable[Any]) -> bool:
    """``True in {1}`` is true in Python; the condition language keeps them apart."""
    return not any(
        type(o) is type(literal) or (_is_num(o) and _is_num(literal))
        for o in options
        if o == literal
    )


def _is_num(x: Any) -> bool:
    return isinstance(x, (int, float)) and not isinstance(x, bool)


def _kind(value: Any) -> str:
    if value is None:
        return "empty"
    if isinstance(value, bool):
        return f"yes/no ({str(value).lower()})"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, (int, float)):
        return f"a number ({value})"
    if isinstance(value, _dt.date):
        return f"a date ({value.isoformat()})"
    return f"{type(value).__name__}"


def _clip(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def condition_problem_column(
    index: LineIndex, path: tuple[Any, ...], source: str, column: int
) -> tuple[int | None, int | None]:
    """Map a column inside a condition to ``(line, column)`` in the YAML file.

    Exact only when the condition sits on one line and its text appears in the file
    as written (plain or quoted without escapes); otherwise the line of the field is
    returned with no column, and the message carries the column in the expression.
    """
    pos = index.value_position(path)
    if pos is None:
        return index.line_of(path), None
    if pos.style in ("|", ">") or "\n" in source:
        return pos.line, None
    start = pos.column - 1 + (1 if pos.style in ("'", '"') else 0)
    if 0 < pos.line <= len(index.lines):
        line_text = index.lines[pos.line - 1]
        if line_text[start : start + len(source)] == source:
            return pos.line, start + column
    return pos.line, None


# --------------------------------------------------------------------------- loading


@dataclass
class LoadResult:
    """What could be loaded, and every problem found. ``catalog`` holds only valid items."""

    catalog: Catalog
    problems: list[Problem]


def load_catalog(
    base: Path | None = None,
    *,
    known_questions: QuestionSpec | None = None,
    today: _dt.date | None = None,
) -> Catalog:
    """Load and check the Guide under ``base`` (default: the installation's base folder).

    ``known_questions`` maps each question id to its set of option values (or None
    for a question with free values); when given, conditions may only name those.
    Raises :class:`ContentError` listing every problem found.
    """
    result = load_catalog_with_problems(base, known_questions=known_questions, today=today)
    if result.problems:
        raise ContentError(result.problems)
    return result.catalog


def load_catalog_with_problems(
    base: Path | None = None,
    *,
    known_questions: QuestionSpec | None = None,
    today: _dt.date | None = None,
) -> LoadResult:
    """Like :func:`load_catalog` but never raises for content problems: returns the
    valid part plus the problems (``passage content check`` needs both)."""
    base = Path(base) if base is not None else resources.base_dir()
    return _Loader(base, known_questions, today or _dt.date.today()).run()


class _Loader:
    def __init__(self, base: Path, known_questions: QuestionSpec | None, today: _dt.date):
        self.base = base
        self.known_questions = known_questions
        self.today = today
        self.problems: list[Problem] = []
        self.sources: dict[str, Source] = {}
        self.seeds: dict[str, SeedDocument] = {}
        self.passages: dict[str, SeedPassage] = {}
        self.topics: dict[str, Topic] = {}
        self.sections: list[Section] = []
        self.facts: dict[str, Fact] = {}
        self.fact_ids: dict[str, tuple[str, int | None]] = {}
        # id -> (file, line) of its first definition, across topics, sources and seeds;
        # also ids of items that had problems, so one bad source does not make every
        # topic citing it report a second, misleading "unknown source" problem.
        self.ids: dict[str, tuple[str, int | None]] = {}
        self.source_ids: set[str] = set()
        self.locators: dict[str, tuple[str, int | None]] = {}
        # topic references to check once everything is loaded
        self.pending_refs: list[tuple[FileChecker, tuple[Any, ...], str, tuple[Any, ...], str]] = []

    def rel(self, path: Path) -> str:
        try:
            return path.relative_to(self.base).as_posix()
        except ValueError:
            return str(path)

    def read(self, path: Path) -> tuple[Any, FileChecker] | None:
        name = self.rel(path)
        if not path.is_file():
            self.problems.append(Problem(file=name, message="the file is missing"))
            return None
        try:
            data, index = load_yaml(path, display_name=name)
        except ContentError as exc:
            self.problems.extend(exc.problems)
            return None
        return data, FileChecker(name, index, self.problems, self.today)

    def claim_id(self, ck: FileChecker, ident: str, path: tuple[Any, ...], item_path) -> bool:
        line = ck.index.line_of(path)
        if ident in self.ids:
            other_file, other_line = self.ids[ident]
            where = other_file + (f":{other_line}" if other_line else "")
            ck.add(
                path,
                f"the id {ident!r} is already used at {where}",
                item=ident,
                item_path=item_path,
            )
            return False
        self.ids[ident] = (ck.file, line)
        return True

    def run(self) -> LoadResult:
        seeds_dir = self.base / "seeds"
        if seeds_dir.is_dir():
            for path in sorted(seeds_dir.glob("*.yaml")):
                self.load_seed(path)
        else:
            self.problems.append(Problem(file="seeds", message="the seeds folder is missing"))
        self.load_sources(self.base / "resources" / "sources.yaml")
        self.load_facts(self.base / "resources" / "facts")
        for section in SECTIONS:
            self.load_section(self.base / "resources" / "content" / f"{section}.yaml", section)
        self.check_refs()
        # one file after another, top to bottom: the order an author fixes them in
        self.problems.sort(key=lambda p: (p.file, p.line or 0))
        catalog = Catalog(
            sections=tuple(self.sections),
            topics=self.topics,
            sources=self.sources,
            seeds=self.seeds,
            passages=self.passages,
            facts=self.facts,
        )
        return LoadResult(catalog, self.problems)

    # ---------------------------------------------------------------- facts

    def load_facts(self, folder: Path) -> None:
        """Every ``resources/facts/*.yaml``: one table, split by subject for editing."""
        paths = sorted(folder.glob("*.yaml")) if folder.is_dir() else []
        if not paths:
            self.problems.append(
                Problem(
                    file=self.rel(folder),
                    message="the facts table (resources/facts/*.yaml) is missing",
                )
            )
        for path in paths:
            loaded = self.read(path)
            if loaded is None:
                continue
            data, ck = loaded
            top = ck.mapping(data, (), required=("schema", "facts"), what="a facts file")
            if top is None:
                continue
            if "schema" in top and top["schema"] != 1:
                ck.add(("schema",), "'schema' must be 1")
            items = top.get("facts")
            if "facts" in top and (not isinstance(items, list) or not items):
                ck.add(("facts",), "must be a non-empty list of facts")
                continue
            for i, raw in enumerate(items or ()):
                self.load_fact(ck, raw, ("facts", i))

    def load_fact(self, ck: FileChecker, raw: Any, path: tuple[Any, ...]) -> None:
        ident = raw.get("id") if isinstance(raw, dict) else None
        if isinstance(ident, str) and ident in self.fact_ids:
            other_file, other_line = self.fact_ids[ident]
            where = other_file + (f":{other_line}" if other_line else "")
            ck.add(
                (*path, "id"),
                f"the fact {ident!r} is already defined at {where}",
                item=ident,
                item_path=path,
            )
            return
        if isinstance(ident, str):
            self.fact_ids[ident] = (ck.file, ck.index.line_of((*path, "id")))
        fact = build_fact(ck, raw, path)
        if fact is None:
            return
        for i, ref in enumerate(fact.sources):
            self.pending_refs.append((ck, (*path, "sources", i), ref, path, fact.id))
        self.facts[fact.id] = fact

    # ---------------------------------------------------------------- seeds

    def load_seed(self, path: Path) -> None:
        loaded = self.read(path)
        if loaded is None:
            return
        data, ck = loaded
        doc = ck.mapping(
            data,
            (),
            required=(
                "id",
                "kind",
                "title",
                "author",
                "published",
                "original_file",
                "language",
                "about",
                "passages",
            ),
            optional=("publication",),
            what="a seed file",
        )
        if doc is None:
            return
        ident = ck.string(
            doc, "id", (), pattern=ID_RE, pattern_hint="lower-case letters, digits and '-'"
        )
        item = ident or path.stem
        kw = {"item": item}
        ok = True
        if ident is not None and ident != path.stem:
            ck.add(("id",), f"the id {ident!r} does not match the file name {path.name!r}", **kw)
            ok = False
        kind = doc.get("kind")
        if "kind" in doc and kind != "seed":
            ck.add(("kind",), f"must be 'seed', not {kind!r}", **kw)
            ok = False
        title = ck.text(doc, "title", (), **kw)
        author = ck.text(doc, "author", (), **kw)
        publication = ck.text(doc, "publication", (), **kw)
        about = ck.text(doc, "about", (), **kw)
        published = ck.date(doc, "published", (), partial=True, **kw)
        original = ck.string(doc, "original_file", (), **kw)
        if original is not None and ("/" in original or "\\" in original):
            ck.add(("original_file",), "give the file name only, without folders", **kw)
            ok = False
        language = ck.string(
            doc,
            "language",
            (),
            pattern=LANGUAGE_RE,
            pattern_hint="a language code such as 'en' or 'zh'",
            **kw,
        )
        passages: list[SeedPassage] = []
        raw_passages = doc.get("passages")
        if "passages" in doc:
            if not isinstance(raw_passages, list) or not raw_passages:
                ck.add(("passages",), "must be a non-empty list of passages", **kw)
                ok = False
            else:
                for i, raw in enumerate(raw_passages):
                    passage = self.load_passage(ck, raw, ("passages", i), ident)
                    if passage is not None:
                        passages.append(passage)
        if ident is None or not self.claim_id(ck, ident, ("id",), ()):
            return
        if not ok or None in (title, author, about, published, original, language):
            return
        if "publication" in doc and publication is None:
            return
        assert title and author and about and published and original and language
        self.seeds[ident] = SeedDocument(
            id=ident,
            title=title,
            author=author,
            published=published[1],
            publication=publication,
            original_file=original,
            language=language,
            about=about,
            passages=tuple(passages),
        )
        for passage in passages:
            self.passages[passage.locator] = passage

    def load_passage(
        self, ck: FileChecker, raw: Any, path: tuple[Any, ...], doc_id: str | None
    ) -> SeedPassage | None:
        locator = raw.get("locator") if isinstance(raw, dict) else None
        item = locator if isinstance(locator, str) else _field_name(path)
        kw = {"item": item, "item_path": path}
        p = ck.mapping(
            raw,
            path,
            required=("locator", "heading", "summary", "themes"),
            optional=("background",),
            what="a passage",
            **kw,
        )
        if p is None:
            return None
        locator = ck.string(
            p,
            "locator",
            path,
            pattern=LOCATOR_RE,
            pattern_hint="write <document id>#<section>.<sub>, e.g. japan-2018#1.1",
            **kw,
        )
        ok = locator is not None
        if locator is not None and doc_id is not None:
            prefix = locator.split("#", 1)[0]
            if prefix != doc_id:
                ck.add(
                    (*path, "locator"),
                    f"the locator must start with the document id {doc_id + '#'!r}",
                    **kw,
                )
                ok = False
            elif locator in self.locators:
                other_file, other_line = self.locators[locator]
                where = other_file + (f":{other_line}" if other_line else "")
                ck.add(
                    (*path, "locator"), f"the locator {locator!r} is already used at {where}", **kw
                )
                ok = False
            else:
                self.locators[locator] = (ck.file, ck.index.line_of((*path, "locator")))
        heading = ck.text(p, "heading", path, **kw)
        summary = ck.text(p, "summary", path, **kw)
        themes = self.themes(ck, p, path, kw)
        background = p.get("background", False)
        if not isinstance(background, bool):
            ck.add((*path, "background"), "must be true or false", **kw)
            return None
        if not ok or heading is None or summary is None or themes is None or doc_id is None:
            return None
        assert locator is not None
        return SeedPassage(locator, heading, summary, themes, doc_id, background)

    def themes(self, ck: FileChecker, p: dict, path: tuple, kw: dict) -> tuple[str, ...] | None:
        if "themes" not in p:
            return None
        themes = p["themes"]
        if not isinstance(themes, list) or not themes:
            ck.add((*path, "themes"), "must be a non-empty list of themes", **kw)
            return None
        ok = True
        for i, theme in enumerate(themes):
            if not isinstance(theme, str) or theme not in THEMES:  # a list is unhashable
                close = difflib.get_close_matches(str(theme), sorted(THEMES), n=1)
                hint = f" (did you mean {close[0]!r}?)" if close else ""
                ck.add(
                    (*path, "themes", i),
                    f"{theme!r} is not a theme{hint}; themes: {', '.join(sorted(THEMES))}",
                    **kw,
                )
                ok = False
        return tuple(themes) if ok else None

    # ---------------------------------------------------------------- sources

    def load_sources(self, path: Path) -> None:
        loaded = self.read(path)
        if loaded is None:
            return
        data, ck = loaded
        top = ck.mapping(data, (), required=("sources",), what="sources.yaml")
        if top is None or "sources" not in top:
            return
        items = top["sources"]
        if not isinstance(items, list):
            ck.add(("sources",), "must be a list of sources")
            return
        for i, raw in enumerate(items):
            self.load_source(ck, raw, ("sources", i))

    def load_source(self, ck: FileChecker, raw: Any, path: tuple[Any, ...]) -> None:
        ident = raw.get("id") if isinstance(raw, dict) else None
        item = ident if isinstance(ident, str) else _field_name(path)
        kw = {"item": item, "item_path": path}
        s = ck.mapping(
            raw,
            path,
            required=("id", "title", "publisher", "confidence", "where"),
            optional=("date", "undated", "locator"),
            what="a source",
            **kw,
        )
        if s is None:
            return
        ident = ck.string(
            s, "id", path, pattern=ID_RE, pattern_hint="lower-case letters, digits and '-'", **kw
        )
        title = ck.text(s, "title", path, **kw)
        publisher = ck.text(s, "publisher", path, **kw)
        where = ck.string(s, "where", path, **kw)
        locator = ck.string(s, "locator", path, **kw)
        ok = None not in (ident, title, publisher, where)
        if "locator" in s and locator is None:
            ok = False
        confidence = s.get("confidence")
        if "confidence" in s and confidence not in CONFIDENCE_LEVELS:
            if confidence in ("low", "unverified"):
                msg = f"{confidence!r} sources are never shipped: leave the fact out (see facts.md)"
            else:
                msg = f"{confidence!r} is not a confidence level; use one of " + ", ".join(
                    CONFIDENCE_LEVELS
                )
            ck.add((*path, "confidence"), msg, **kw)
            ok = False
        undated = s.get("undated", False)
        if not isinstance(undated, bool):
            ck.add((*path, "undated"), "must be true or false", **kw)
            ok = False
            undated = False
        date_value: _dt.date | None = None
        date_text = ""
        if "date" in s:
            parsed = ck.date(s, "date", path, partial=True, **kw)
            if parsed is None:
                ok = False
            else:
                date_value, date_text = parsed
            if undated:
                ck.add((*path, "undated"), "give either 'date' or 'undated: true', not both", **kw)
                ok = False
        elif not undated:
            ck.add(
                (*path, "date"),
                "the field 'date' is missing (write 'undated: true' if the source has none)",
                **kw,
            )
            ok = False
        if ident is None or not self.claim_id(ck, ident, (*path, "id"), path):
            return
        self.source_ids.add(ident)
        if not ok:
            return
        assert title and publisher and where
        self.sources[ident] = Source(
            id=ident,
            title=title,
            publisher=publisher,
            date=date_value,
            undated=bool(undated),
            confidence=str(confidence),
            where=where,
            locator=locator,
            date_text=date_text,
        )

    # ---------------------------------------------------------------- sections

    def load_section(self, path: Path, expected: str) -> None:
        loaded = self.read(path)
        if loaded is None:
            return
        data, ck = loaded
        ck.facts = FactResolver(self.facts)
        doc = ck.mapping(
            data, (), required=("section", "title", "intro", "topics"), what="a section file"
        )
        if doc is None:
            return
        section = doc.get("section")
        if "section" in doc and section != expected:
            ck.add(
                ("section",),
                f"this file is {path.name}, so 'section' must be {expected!r}, not {section!r}",
            )
        title = ck.text(doc, "title", ())
        intro = ck.text(doc, "intro", ())
        topics: list[Topic] = []
        raw_topics = doc.get("topics")
        if "topics" in doc:
            if not isinstance(raw_topics, list) or not raw_topics:
                ck.add(("topics",), "must be a non-empty list of topics")
            else:
                for i, raw in enumerate(raw_topics):
                    topic = self.load_topic(ck, raw, ("topics", i), expected)
                    if topic is not None:
                        topics.append(topic)
        if title is None or intro is None:
            return
        self.sections.append(Section(id=expected, title=title, intro=intro, topics=tuple(topics)))
        for topic in topics:
            self.topics[topic.id] = topic

    def load_topic(
        self, ck: FileChecker, raw: Any, path: tuple[Any, ...], section: str
    ) -> Topic | None:
        ident = raw.get("id") if isinstance(raw, dict) else None
        item = ident if isinstance(ident, str) else _field_name(path)
        kw = {"item": item, "item_path": path}
        t = ck.mapping(
            raw,
            path,
            required=("id", "title", "summary", "body", "sources", "reviewed"),
            optional=("applies_when", "keywords"),
            what="a topic",
            **kw,
        )
        if t is None:
            return None
        ident = ck.string(t, "id", path, **kw)
        ok = ident is not None
        if ident is not None:
            prefix, dot, slug = ident.partition(".")
            if not dot or prefix != section or not SLUG_RE.fullmatch(slug):
                ck.add(
                    (*path, "id"),
                    f"a topic id in this file is '{section}.<slug>' with "
                    "lower-case letters, digits and '-' in the slug",
                    **kw,
                )
                ok = False
                ident = None
        title = ck.text(t, "title", path, **kw)
        summary = ck.text(t, "summary", path, **kw)
        body = ck.text(t, "body", path, **kw)
        cond = ck.condition(t, "applies_when", path, known_questions=self.known_questions, **kw)
        if "applies_when" in t and cond is None:
            ok = False
        reviewed = ck.date(t, "reviewed", path, **kw)
        refs = self.source_refs(ck, t, path, kw)
        keywords = self.keywords(ck, t, path, kw)
        if ident is not None and not self.claim_id(ck, ident, (*path, "id"), path):
            ok = False
        if not ok or None in (title, summary, body, reviewed, refs, keywords):
            return None
        assert ident and title and summary and body and reviewed and refs is not None
        assert keywords is not None
        return Topic(
            id=ident,
            section=section,
            title=title,
            summary=summary,
            body=body,
            applies_when=cond,
            applies_when_src=t.get("applies_when"),
            sources=refs,
            reviewed=reviewed[0],  # type: ignore[arg-type]  # full date: partial=False
            keywords=keywords,
            facts=facts_used((title, summary, body)),
        )

    def source_refs(
        self, ck: FileChecker, t: dict, path: tuple, kw: dict
    ) -> tuple[str, ...] | None:
        if "sources" not in t:
            return None
        refs = t["sources"]
        if not isinstance(refs, list) or not refs:
            ck.add(
                (*path, "sources"),
                "must be a list with at least one source id or seed locator",
                **kw,
            )
            return None
        ok = True
        seen: set[str] = set()
        for i, ref in enumerate(refs):
            if not isinstance(ref, str) or not ref.strip():
                ck.add(
                    (*path, "sources", i),
                    f"must be a source id or seed locator, not {_kind(ref)}",
                    **kw,
                )
                ok = False
            elif ref in seen:
                ck.add((*path, "sources", i), f"{ref!r} is listed twice", **kw)
                ok = False
            else:
                seen.add(ref)
                self.pending_refs.append((ck, (*path, "sources", i), ref, path, kw["item"]))
        return tuple(refs) if ok else None

    def keywords(
        self, ck: FileChecker, t: dict, path: tuple, kw: dict
    ) -> dict[str, tuple[str, ...]] | None:
        if "keywords" not in t:
            return {}
        p = (*path, "keywords")
        raw = ck.mapping(
            t["keywords"],
            p,
            required=(),
            optional=LANGS,
            what="'keywords' ({zh: [...], en: [...]})",
            **kw,
        )
        if raw is None or set(raw) - set(LANGS):
            return None
        out: dict[str, tuple[str, ...]] = {}
        ok = True
        for lang in LANGS:
            if lang not in raw:
                continue
            words = raw[lang]
            if not isinstance(words, list) or not all(
                isinstance(w, str) and w.strip() for w in words
            ):
                ck.add((*p, lang), "must be a list of words or phrases", **kw)
                ok = False
                continue
            out[lang] = tuple(w.strip() for w in words)
        return out if ok else None

    def check_refs(self) -> None:
        for ck, path, ref, item_path, item in self.pending_refs:
            if ref in self.source_ids or ref in self.locators:
                continue
            if ref in self.seeds:
                msg = (
                    f"{ref!r} is a whole seed document; cite one of its passages, "
                    f"such as {ref + '#1.1'!r}"
                )
            elif "#" in ref:
                msg = f"{ref!r} is not a seed passage locator"
            else:
                close = difflib.get_close_matches(ref, sorted(self.sources), n=1)
                hint = f" (did you mean {close[0]!r}?)" if close else ""
                msg = f"{ref!r} is not a source id in resources/sources.yaml{hint}"
            ck.add(path, msg, item=item, item_path=item_path)
