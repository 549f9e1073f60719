"""Load and check the advice rules in ``resources/advice/*.yaml``.

The rules are data, not code, so that a content writer can add a red flag or a
checklist item without touching Python, and so that every rule carries its own
sources and review date like any other content. Five files:

* ``red_flags.yaml``: warning signs (severity ``stop`` or ``caution``), each with
  the law or principle behind it; a STOP item may say how to find out when the
  person answered "I don't know" (``unsure``);
* ``requirements.yaml``: what a destination or route requires, with ``met_when`` and
  ``missing_when`` (neither holds: "unknown");
* ``training.yaml``: ordered preparation steps;
* ``channels.yaml``: how the lawful routes are ranked for this person;
* ``checklist.yaml``: things to do by phase, with days before departure or after
  arrival for due dates.

Everything is checked once, here, with the same :class:`~desktop.content.loader.FileChecker`
the Guide uses, so :func:`desktop.advisor.plan.plan` can trust the rules and stays a
pure function. Conditions must name real questions and values of the questionnaire.
Whether topic ids and source references exist is checked against a catalog by
:func:`check_rules` (the catalog is loaded separately).
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop.content.conditions import Condition
from desktop.content.errors import ContentError, Problem
from desktop.content.model import Catalog, Fact, Text
from desktop.content.questionnaire import Questionnaire, load_questionnaire

if TYPE_CHECKING:
    # The loaders (and PyYAML) are imported when rules are loaded from files, not when
    # cached rules are unpickled (desktop/knowledge.py): that path stays light.
    from desktop.content.loader import FileChecker

__all__ = [
    "PHASES",
    "SEVERITIES",
    "ChannelReason",
    "ChannelRule",
    "ChecklistRule",
    "RedFlagRule",
    "RequirementRule",
    "Rules",
    "TrainingRule",
    "Unsure",
    "check_rules",
    "default_rules",
    "load_rules",
]

SEVERITIES = ("stop", "caution")
PHASES = ("prepare", "before_signing", "before_departure", "on_arrival", "at_work", "coming_home")
BEFORE_PHASES = ("prepare", "before_signing", "before_departure")
AFTER_PHASES = ("on_arrival", "at_work")
MAX_DAYS = 3650
SCHEMA = 1

_RULE_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_TOPIC_ID = re.compile(r"(channels|destinations|training|rights)\.[a-z0-9]+(?:-[a-z0-9]+)*")
_SOURCE_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


@dataclass(frozen=True)
class Origin:
    """Where a rule is written (for messages from :func:`check_rules`)."""

    file: str
    line: int | None


@dataclass(frozen=True)
class Unsure:
    """For a STOP item: the CAUTION shown when the person answered "I don't know"."""

    when: Condition
    title: Text
    do_now: Text


@dataclass(frozen=True)
class RedFlagRule:
    id: str
    severity: str
    when: Condition
    title: Text
    what_it_means: Text
    do_now: Text
    rule: Text
    topic: str
    sources: tuple[str, ...]
    reviewed: _dt.date
    unsure: Unsure | None = None
    origin: Origin | None = field(default=None, compare=False)


@dataclass(frozen=True)
class RequirementRule:
    id: str
    title: Text
    text: Text
    applies_when: Condition | None
    met_when: Condition | None
    missing_when: Condition | None
    topic: str | None
    sources: tuple[str, ...]
    reviewed: _dt.date
    origin: Origin | None = field(default=None, compare=False)


@dataclass(frozen=True)
class TrainingRule:
    id: str
    title: Text
    text: Text
    when: Condition | None
    topic: str | None
    sources: tuple[str, ...]
    reviewed: _dt.date
    origin: Origin | None = field(default=None, compare=False)


@dataclass(frozen=True)
class ChannelReason:
    when: Condition | None
    points: int
    reason: Text


@dataclass(frozen=True)
class ChannelRule:
    id: str
    answer: str | None
    topic: str
    title: Text
    base: int
    reasons: tuple[ChannelReason, ...]
    ruled_out: tuple[tuple[Condition, Text], ...]
    sources: tuple[str, ...]
    reviewed: _dt.date
    origin: Origin | None = field(default=None, compare=False)


@dataclass(frozen=True)
class ChecklistRule:
    id: str
    phase: str
    title: Text
    why: Text
    when: Condition | None
    topic: str | None
    days_before_departure: int | None
    days_after_arrival: int | None
    sources: tuple[str, ...]
    reviewed: _dt.date
    origin: Origin | None = field(default=None, compare=False)


@dataclass(frozen=True)
class Rules:
    """All advice rules, checked, in file order."""

    red_flags: tuple[RedFlagRule, ...]
    requirements: tuple[RequirementRule, ...]
    training: tuple[TrainingRule, ...]
    channels: tuple[ChannelRule, ...]
    checklist: tuple[ChecklistRule, ...]

    def all_rules(self) -> Iterable[Any]:
        yield from self.red_flags
        yield from self.requirements
        yield from self.training
        yield from self.channels
        yield from self.checklist

    def citations(self) -> set[str]:
        """Every source id and seed locator cited by some rule."""
        return {ref for rule in self.all_rules() for ref in rule.sources}

    def topic_refs(self) -> set[str]:
        """Every Guide topic id a rule links to."""
        return {rule.topic for rule in self.all_rules() if rule.topic}


# --------------------------------------------------------------------------- loading


def load_rules(
    base: Path | None = None,
    *,
    questionnaire: Questionnaire | None = None,
    today: _dt.date | None = None,
    facts: Mapping[str, Fact] | None = None,
) -> Rules:
    """Load ``<base>/resources/advice/*.yaml`` (default: the installation's base folder).

    ``questionnaire`` is what conditions are checked against (default: the one under
    ``base``); ``facts`` the facts table the texts refer to (default: the one under
    ``base``, loaded with the Guide). Raises :class:`ContentError` listing every
    problem in every file.
    """
    if base is None:
        from desktop import resources

        base = resources.base_dir()
    base = Path(base)
    if questionnaire is None:
        questionnaire = load_questionnaire(base / "resources" / "questionnaire.yaml")
    if facts is None:
        from desktop.content.loader import load_catalog_with_problems

        facts = load_catalog_with_problems(base, today=today).catalog.facts
    loader = _RulesLoader(base, questionnaire, today or _dt.date.today(), facts)
    rules = loader.run()
    if loader.problems:
        raise ContentError(sorted(loader.problems, key=lambda p: (p.file, p.line or 0)))
    return rules


@cache
def default_rules() -> Rules:
    """The shipped rules, loaded and checked once per process."""
    return load_rules()


def check_rules(rules: Rules, catalog: Catalog) -> list[Problem]:
    """Topic ids and source references in ``rules`` that ``catalog`` does not know."""
    problems: list[Problem] = []
    for rule in rules.all_rules():
        origin = rule.origin or Origin("resources/advice", None)
        if rule.topic and rule.topic not in catalog.topics:
            problems.append(
                Problem(
                    origin.file,
                    f"the topic {rule.topic!r} is not in the Guide",
                    item=rule.id,
                    field="topic",
                    line=origin.line,
                )
            )
        for ref in rule.sources:
            if ref not in catalog.sources and ref not in catalog.passages:
                problems.append(
                    Problem(
                        origin.file,
                        f"{ref!r} is not a source id or seed passage locator",
                        item=rule.id,
                        field="sources",
                        line=origin.line,
                    )
                )
    return problems


class _RulesLoader:
    def __init__(
        self,
        base: Path,
        questionnaire: Questionnaire,
        today: _dt.date,
        facts: Mapping[str, Fact],
    ):
        self.base = base
        self.facts = facts
        self.questionnaire = questionnaire
        self.known = questionnaire.known_values()
        self.today = today
        self.problems: list[Problem] = []

    def run(self) -> Rules:
        return Rules(
            red_flags=tuple(self.load("red_flags.yaml", "red_flags", self.red_flag)),
            requirements=tuple(self.load("requirements.yaml", "requirements", self.requirement)),
            training=tuple(self.load("training.yaml", "steps", self.training)),
            channels=tuple(self.load("channels.yaml", "channels", self.channel)),
            checklist=tuple(self.load("checklist.yaml", "items", self.checklist)),
        )

    def load(self, filename: str, key: str, build) -> list[Any]:
        path = self.base / "resources" / "advice" / filename
        name = f"resources/advice/{filename}"
        if not path.is_file():
            self.problems.append(Problem(name, "the file is missing"))
            return []
        from desktop.content.loader import FileChecker
        from desktop.content.yamlsafe import load_yaml

        try:
            data, index = load_yaml(path, display_name=name)
        except ContentError as exc:
            self.problems.extend(exc.problems)
            return []
        from desktop.content.facts import FactResolver

        ck = FileChecker(name, index, self.problems, self.today, FactResolver(self.facts))
        top = ck.mapping(data, (), required=("schema", key), what="the file")
        if top is None:
            return []
        if "schema" in top and top["schema"] != SCHEMA:
            ck.add(("schema",), f"'schema' must be {SCHEMA}")
        items = top.get(key)
        if not isinstance(items, list):
            if key in top:
                ck.add((key,), f"{key!r} must be a list")
            return []
        out: list[Any] = []
        seen: set[str] = set()
        for i, raw in enumerate(items):
            path_i: tuple[Any, ...] = (key, i)
            rid = raw.get("id") if isinstance(raw, dict) else None
            if isinstance(rid, str) and rid in seen:
                ck.add(
                    (*path_i, "id"),
                    f"the id {rid!r} is used twice in this file",
                    item=rid,
                    item_path=path_i,
                )
                continue
            if isinstance(rid, str):
                seen.add(rid)
            before = len(self.problems)
            rule = build(ck, raw, path_i)
            if rule is not None and len(self.problems) == before:
                out.append(rule)
        return out

    # ------------------------------------------------------------ shared fields

    def common(
        self,
        ck: FileChecker,
        raw: Any,
        path: tuple[Any, ...],
        required: tuple[str, ...],
        optional: tuple[str, ...] = (),
    ) -> tuple[dict[str, Any], str, dict[str, Any]] | None:
        peek = raw.get("id") if isinstance(raw, dict) else None
        data = ck.mapping(
            raw,
            path,
            required=("id", *required, "sources", "reviewed"),
            optional=optional,
            item=peek if isinstance(peek, str) else None,
            item_path=path,
            what="a rule",
        )
        if data is None:
            return None
        rid = (
            ck.string(
                data, "id", path, pattern=_RULE_ID, pattern_hint="lower-case words joined by '-'"
            )
            or f"#{path[-1]}"
        )
        kw = {"item": rid, "item_path": path}
        sources = self.sources(ck, data, path, kw)
        reviewed = ck.date(data, "reviewed", path, **kw)
        topic = None
        if "topic" in data:
            topic = ck.string(
                data,
                "topic",
                path,
                pattern=_TOPIC_ID,
                pattern_hint="a Guide topic id such as rights.contract",
                **kw,
            )
        fields = {
            "sources": sources,
            "reviewed": reviewed[0] if reviewed else None,
            "topic": topic,
            "origin": Origin(ck.file, ck.index.line_of(path)),
        }
        return data, rid, fields

    def sources(self, ck: FileChecker, data: dict, path: tuple, kw: dict) -> tuple[str, ...]:
        from desktop.content.loader import LOCATOR_RE

        raw = data.get("sources")
        p = (*path, "sources")
        if not isinstance(raw, list) or not raw:
            if "sources" in data:
                ck.add(p, "'sources' must be a non-empty list of source ids or seed locators", **kw)
            return ()
        out: list[str] = []
        for i, ref in enumerate(raw):
            if not isinstance(ref, str) or not (
                _SOURCE_ID.fullmatch(ref) or LOCATOR_RE.fullmatch(ref)
            ):
                ck.add((*p, i), f"{ref!r} is not a source id or seed locator", **kw)
                continue
            if ref in out:
                ck.add((*p, i), f"{ref!r} is listed twice", **kw)
                continue
            out.append(ref)
        return tuple(out)

    def cond(
        self, ck: FileChecker, data: dict, key: str, path: tuple, kw: dict
    ) -> Condition | None:
        return ck.condition(data, key, path, known_questions=self.known, **kw)

    def texts(self, ck: FileChecker, data: dict, keys: tuple[str, ...], path: tuple, kw: dict):
        return [ck.text(data, key, path, **kw) for key in keys]

    # ------------------------------------------------------------ builders

    def red_flag(self, ck: FileChecker, raw: Any, path: tuple) -> RedFlagRule | None:
        got = self.common(
            ck,
            raw,
            path,
            ("severity", "when", "title", "what_it_means", "do_now", "rule", "topic"),
            ("unsure",),
        )
        if got is None:
            return None
        data, rid, f = got
        kw = {"item": rid, "item_path": path}
        severity = data.get("severity")
        if "severity" in data and severity not in SEVERITIES:
            ck.add(
                (*path, "severity"), f"severity must be 'stop' or 'caution', not {severity!r}", **kw
            )
        when = self.cond(ck, data, "when", path, kw)
        title, means, do_now, rule = self.texts(
            ck, data, ("title", "what_it_means", "do_now", "rule"), path, kw
        )
        unsure = None
        if "unsure" in data:
            up = (*path, "unsure")
            u = ck.mapping(
                data["unsure"], up, required=("when", "title", "do_now"), **kw, what="'unsure'"
            )
            if u is not None:
                uwhen = self.cond(ck, u, "when", up, kw)
                utitle, udo = self.texts(ck, u, ("title", "do_now"), up, kw)
                if uwhen and utitle and udo:
                    unsure = Unsure(uwhen, utitle, udo)
        if None in (when, title, means, do_now, rule, f["topic"], f["reviewed"]):
            return None
        return RedFlagRule(rid, severity, when, title, means, do_now, rule, **f, unsure=unsure)

    def requirement(self, ck: FileChecker, raw: Any, path: tuple) -> RequirementRule | None:
        got = self.common(
            ck, raw, path, ("title", "text"), ("applies_when", "met_when", "missing_when", "topic")
        )
        if got is None:
            return None
        data, rid, f = got
        kw = {"item": rid, "item_path": path}
        applies, met, missing = (
            self.cond(ck, data, k, path, kw) for k in ("applies_when", "met_when", "missing_when")
        )
        title, text = self.texts(ck, data, ("title", "text"), path, kw)
        if None in (title, text, f["reviewed"]):
            return None
        return RequirementRule(rid, title, text, applies, met, missing, **f)

    def training(self, ck: FileChecker, raw: Any, path: tuple) -> TrainingRule | None:
        got = self.common(ck, raw, path, ("title", "text"), ("when", "topic"))
        if got is None:
            return None
        data, rid, f = got
        kw = {"item": rid, "item_path": path}
        when = self.cond(ck, data, "when", path, kw)
        title, text = self.texts(ck, data, ("title", "text"), path, kw)
        if None in (title, text, f["reviewed"]):
            return None
        return TrainingRule(rid, title, text, when, **f)

    def channel(self, ck: FileChecker, raw: Any, path: tuple) -> ChannelRule | None:
        got = self.common(
            ck, raw, path, ("topic", "title", "base", "reasons"), ("answer", "ruled_out")
        )
        if got is None:
            return None
        data, rid, f = got
        kw = {"item": rid, "item_path": path}
        answer = data.get("answer")
        if answer is not None and (
            not isinstance(answer, str) or answer not in (self.known.get("channel") or ())
        ):
            ck.add(
                (*path, "answer"), f"{answer!r} is not an option of the question 'channel'", **kw
            )
            answer = None
        base = data.get("base")
        if "base" in data and not _is_int(base):
            ck.add((*path, "base"), "'base' must be a whole number", **kw)
        title = ck.text(data, "title", path, **kw)
        reasons: list[ChannelReason] = []
        raw_reasons = data.get("reasons")
        for i, r in enumerate(raw_reasons if isinstance(raw_reasons, list) else ()):
            rp = (*path, "reasons", i)
            item = ck.mapping(
                r, rp, required=("points", "reason"), optional=("when",), **kw, what="a reason"
            )
            if item is None:
                continue
            if not _is_int(item.get("points")):
                if "points" in item:  # a missing one is reported by mapping()
                    ck.add((*rp, "points"), "'points' must be a whole number", **kw)
                continue
            when = self.cond(ck, item, "when", rp, kw)
            text = ck.text(item, "reason", rp, **kw)
            if text is not None and ("when" not in item or when is not None):
                reasons.append(ChannelReason(when, item["points"], text))
        if "reasons" in data and not isinstance(data["reasons"], list):
            ck.add((*path, "reasons"), "'reasons' must be a list", **kw)
        ruled: list[tuple[Condition, Text]] = []
        ro = data.get("ruled_out", [])
        if not isinstance(ro, list):
            ck.add((*path, "ruled_out"), "'ruled_out' must be a list", **kw)
            ro = []
        for i, r in enumerate(ro):
            rp = (*path, "ruled_out", i)
            item = ck.mapping(r, rp, required=("when", "reason"), **kw, what="a ruled_out entry")
            if item is None:
                continue
            when = self.cond(ck, item, "when", rp, kw)
            text = ck.text(item, "reason", rp, **kw)
            if when is not None and text is not None:
                ruled.append((when, text))
        if None in (title, f["topic"], f["reviewed"]) or not _is_int(base):
            return None
        return ChannelRule(
            rid,
            answer,
            f["topic"],
            title,
            base,
            tuple(reasons),
            tuple(ruled),
            f["sources"],
            f["reviewed"],
            f["origin"],
        )

    def checklist(self, ck: FileChecker, raw: Any, path: tuple) -> ChecklistRule | None:
        got = self.common(
            ck,
            raw,
            path,
            ("phase", "title", "why"),
            ("when", "topic", "days_before_departure", "days_after_arrival"),
        )
        if got is None:
            return None
        data, rid, f = got
        kw = {"item": rid, "item_path": path}
        phase = data.get("phase")
        if "phase" in data and phase not in PHASES:
            ck.add((*path, "phase"), f"phase {phase!r} must be one of {', '.join(PHASES)}", **kw)
            phase = None
        days: dict[str, int | None] = {"days_before_departure": None, "days_after_arrival": None}
        for key, phases in (
            ("days_before_departure", BEFORE_PHASES),
            ("days_after_arrival", AFTER_PHASES),
        ):
            if key not in data:
                continue
            value = data[key]
            if not _is_int(value) or not 0 <= value <= MAX_DAYS:
                ck.add((*path, key), f"{key!r} must be a whole number from 0 to {MAX_DAYS}", **kw)
            elif phase is not None and phase not in phases:
                ck.add((*path, key), f"{key!r} is only for the phases {', '.join(phases)}", **kw)
            else:
                days[key] = value
        when = self.cond(ck, data, "when", path, kw)
        title, why = self.texts(ck, data, ("title", "why"), path, kw)
        if None in (phase, title, why, f["reviewed"]):
            return None
        return ChecklistRule(
            rid,
            phase,
            title,
            why,
            when,
            f["topic"],
            days["days_before_departure"],
            days["days_after_arrival"],
            f["sources"],
            f["reviewed"],
            f["origin"],
        )


def _is_int(x: Any) -> bool:
    return isinstance(x, int) and not isinstance(x, bool)
