"""Answers + rules (+ the Guide) -> a personal :class:`Plan`.

:func:`plan` is a pure function: the same answers, rules, catalog and ``today`` give the
same plan, it reads no files and no clock, and it never raises for any answers
mapping (unknown ids, wrong values and answers to questions that are no longer
relevant are ignored here; reporting them is the answers-file reader's job). That is
what lets the UI recompute the plan on every keystroke and lets tests pin it down.

The plan has six parts, the same six keys :meth:`Plan.to_json` writes:

* ``channels``: the lawful routes, ranked for this person, then the ones ruled out
  and why;
* ``requirements``: what the destination and route require, each met / missing /
  unknown;
* ``training``: preparation steps in order;
* ``rights``: Guide topics about rights that apply to this person;
* ``red_flags``: warning signs already met, STOP before CAUTION;
* ``checklist``: things to do by phase, with due dates counted from the departure
  date.

Texts stay bilingual (:class:`~desktop.content.model.Text`); the caller picks the
language, or passes ``lang`` to have :meth:`Plan.to_json` pick it.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from desktop.advisor.rules import PHASES, Rules, default_rules
from desktop.content.facts import facts_used
from desktop.content.model import Catalog, Text
from desktop.content.questionnaire import Questionnaire

__all__ = [
    "STATUSES",
    "ChannelOption",
    "ChecklistItem",
    "Plan",
    "RedFlag",
    "Requirement",
    "RightsTopic",
    "TrainingStep",
    "plan",
]

STATUSES = ("met", "missing", "unknown")
JSON_KEYS = ("channels", "requirements", "training", "rights", "red_flags", "checklist")


@dataclass(frozen=True)
class ChannelOption:
    """One route. ``rank`` is 1-based among open routes; None when ruled out."""

    id: str
    topic: str
    title: Text
    score: int
    rank: int | None
    reasons: tuple[Text, ...]
    chosen: bool
    ruled_out: bool
    why_not: tuple[Text, ...]
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Requirement:
    id: str
    status: str
    title: Text
    text: Text
    topic: str | None
    sources: tuple[str, ...]


@dataclass(frozen=True)
class TrainingStep:
    id: str
    order: int
    title: Text
    text: Text
    topic: str | None
    sources: tuple[str, ...]


@dataclass(frozen=True)
class RightsTopic:
    """A Guide topic about the person's rights (``rights.*`` or ``destinations.*-rights``)."""

    id: str
    title: Text
    summary: Text
    sources: tuple[str, ...]


@dataclass(frozen=True)
class RedFlag:
    """A warning sign. ``unsure`` marks the CAUTION shown for "I don't know" on a STOP item."""

    id: str
    severity: str
    title: Text
    what_it_means: Text
    do_now: Text
    rule: Text
    topic: str
    sources: tuple[str, ...]
    unsure: bool = False


@dataclass(frozen=True)
class ChecklistItem:
    id: str
    phase: str
    title: Text
    why: Text
    topic: str | None
    due: _dt.date | None
    overdue: bool
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Plan:
    channels: tuple[ChannelOption, ...]
    requirements: tuple[Requirement, ...]
    training: tuple[TrainingStep, ...]
    rights: tuple[RightsTopic, ...]
    red_flags: tuple[RedFlag, ...]
    checklist: tuple[ChecklistItem, ...]
    today: _dt.date
    departure: _dt.date | None = None
    lang: str | None = None

    @property
    def facts(self) -> tuple[str, ...]:
        """The ids of every facts-table entry this plan's texts show: the plan is as old
        as the oldest of them (see :meth:`Catalog.stale_facts`)."""
        texts: list[Text] = []
        for c in self.channels:
            texts += [c.title, *c.reasons, *c.why_not]
        for r in self.requirements:
            texts += [r.title, r.text]
        for s in self.training:
            texts += [s.title, s.text]
        for t in self.rights:
            texts += [t.title, t.summary]
        for f in self.red_flags:
            texts += [f.title, f.what_it_means, f.do_now, f.rule]
        for c in self.checklist:
            texts += [c.title, c.why]
        return facts_used(texts)

    @property
    def ranked_channels(self) -> tuple[ChannelOption, ...]:
        return tuple(c for c in self.channels if not c.ruled_out)

    @property
    def ruled_out_channels(self) -> tuple[ChannelOption, ...]:
        return tuple(c for c in self.channels if c.ruled_out)

    @property
    def has_stop(self) -> bool:
        """True when at least one STOP sign was met: "do not pay more, do not leave"."""
        return any(f.severity == "stop" for f in self.red_flags)

    @property
    def risk_level(self) -> str:
        """``stop``, ``high`` (two or more cautions), ``caution`` (one) or ``none``.

        risks.md section 4: any STOP means stop; several CAUTION answers together mean
        high risk.
        """
        if self.has_stop:
            return "stop"
        cautions = sum(1 for f in self.red_flags if f.severity == "caution")
        return "high" if cautions >= 2 else "caution" if cautions == 1 else "none"

    def to_json(self, lang: str | None = None) -> dict[str, Any]:
        """Plain data with exactly the six top-level keys; texts in ``lang`` (default:
        the plan's ``lang``) or, when neither is set, as ``{"zh": ..., "en": ...}``."""
        lang = lang or self.lang

        def t(text: Text | None) -> Any:
            if text is None:
                return None
            return text.get(lang) if lang else {"zh": text.zh, "en": text.en}

        def day(d: _dt.date | None) -> str | None:
            return d.isoformat() if d else None

        return {
            "channels": [
                {
                    "id": c.id,
                    "topic": c.topic,
                    "title": t(c.title),
                    "rank": c.rank,
                    "score": c.score,
                    "chosen": c.chosen,
                    "ruled_out": c.ruled_out,
                    "reasons": [t(r) for r in c.reasons],
                    "why_not": [t(r) for r in c.why_not],
                    "sources": list(c.sources),
                }
                for c in self.channels
            ],
            "requirements": [
                {
                    "id": r.id,
                    "status": r.status,
                    "title": t(r.title),
                    "text": t(r.text),
                    "topic": r.topic,
                    "sources": list(r.sources),
                }
                for r in self.requirements
            ],
            "training": [
                {
                    "id": s.id,
                    "order": s.order,
                    "title": t(s.title),
                    "text": t(s.text),
                    "topic": s.topic,
                    "sources": list(s.sources),
                }
                for s in self.training
            ],
            "rights": [
                {
                    "id": r.id,
                    "title": t(r.title),
                    "summary": t(r.summary),
                    "sources": list(r.sources),
                }
                for r in self.rights
            ],
            "red_flags": [
                {
                    "id": f.id,
                    "severity": f.severity,
                    "unsure": f.unsure,
                    "title": t(f.title),
                    "what_it_means": t(f.what_it_means),
                    "do_now": t(f.do_now),
                    "rule": t(f.rule),
                    "topic": f.topic,
                    "sources": list(f.sources),
                }
                for f in self.red_flags
            ],
            "checklist": [
                {
                    "id": c.id,
                    "phase": c.phase,
                    "title": t(c.title),
                    "why": t(c.why),
                    "topic": c.topic,
                    "due": day(c.due),
                    "overdue": c.overdue,
                    "sources": list(c.sources),
                }
                for c in self.checklist
            ],
        }


def plan(
    catalog: Catalog | None,
    questionnaire: Questionnaire,
    answers: Mapping[str, Any],
    *,
    today: _dt.date,
    lang: str | None = None,
    rules: Rules | None = None,
) -> Plan:
    """Build the plan for ``answers``.

    ``catalog`` supplies the rights topics (none without it). ``rules`` defaults to
    the shipped rules, loaded once per process (:func:`default_rules`); pass them in
    to keep this call free of any file access.
    """
    if rules is None:
        rules = default_rules()
    effective = questionnaire.effective_answers(answers)
    departure = _departure(effective.get("departure_date"))
    return Plan(
        channels=_channels(rules, effective),
        requirements=_requirements(rules, effective),
        training=_training(rules, effective),
        rights=_rights(catalog, effective),
        red_flags=_red_flags(rules, effective),
        checklist=_checklist(rules, effective, departure, today),
        today=today,
        departure=departure,
        lang=lang if lang in ("zh", "en") else None,
    )


def _holds(cond: Any, answers: Mapping[str, Any]) -> bool:
    return cond is None or cond.evaluate(answers)


def _departure(value: Any) -> _dt.date | None:
    if not isinstance(value, str):
        return None
    try:
        return _dt.date.fromisoformat(value)
    except ValueError:
        return None


def _channels(rules: Rules, answers: Mapping[str, Any]) -> tuple[ChannelOption, ...]:
    chosen_answer = answers.get("channel")
    open_: list[tuple[int, int, Any, tuple[Text, ...]]] = []
    closed: list[ChannelOption] = []
    for index, rule in enumerate(rules.channels):
        chosen = rule.answer is not None and rule.answer == chosen_answer
        why_not = tuple(text for cond, text in rule.ruled_out if cond.evaluate(answers))
        if why_not:
            closed.append(
                ChannelOption(
                    rule.id,
                    rule.topic,
                    rule.title,
                    rule.base,
                    None,
                    (),
                    chosen,
                    True,
                    why_not,
                    rule.sources,
                )
            )
            continue
        score = rule.base
        reasons: list[Text] = []
        for reason in rule.reasons:
            if _holds(reason.when, answers):
                score += reason.points
                reasons.append(reason.reason)
        open_.append((-score, index, rule, tuple(reasons)))
    open_.sort(key=lambda entry: (entry[0], entry[1]))
    ranked = [
        ChannelOption(
            rule.id,
            rule.topic,
            rule.title,
            -neg,
            rank,
            reasons,
            rule.answer is not None and rule.answer == chosen_answer,
            False,
            (),
            rule.sources,
        )
        for rank, (neg, _i, rule, reasons) in enumerate(open_, start=1)
    ]
    return tuple(ranked + closed)


def _requirements(rules: Rules, answers: Mapping[str, Any]) -> tuple[Requirement, ...]:
    out: list[Requirement] = []
    for rule in rules.requirements:
        if not _holds(rule.applies_when, answers):
            continue
        if rule.met_when is not None and rule.met_when.evaluate(answers):
            status = "met"
        elif rule.missing_when is not None and rule.missing_when.evaluate(answers):
            status = "missing"
        else:
            status = "unknown"
        out.append(Requirement(rule.id, status, rule.title, rule.text, rule.topic, rule.sources))
    return tuple(out)


def _training(rules: Rules, answers: Mapping[str, Any]) -> tuple[TrainingStep, ...]:
    steps = [rule for rule in rules.training if _holds(rule.when, answers)]
    return tuple(
        TrainingStep(rule.id, order, rule.title, rule.text, rule.topic, rule.sources)
        for order, rule in enumerate(steps, start=1)
    )


def _is_rights_topic(topic_id: str) -> bool:
    return topic_id.startswith("rights.") or (
        topic_id.startswith("destinations.") and topic_id.endswith("-rights")
    )


def _rights(catalog: Catalog | None, answers: Mapping[str, Any]) -> tuple[RightsTopic, ...]:
    if catalog is None:
        return ()
    out: list[RightsTopic] = []
    for topic in catalog.topics.values():
        if _is_rights_topic(topic.id) and topic.applies(answers):
            out.append(RightsTopic(topic.id, topic.title, topic.summary, tuple(topic.sources)))
    return tuple(out)


def _red_flags(rules: Rules, answers: Mapping[str, Any]) -> tuple[RedFlag, ...]:
    stops: list[RedFlag] = []
    cautions: list[RedFlag] = []
    for rule in rules.red_flags:
        if rule.when.evaluate(answers):
            flag = RedFlag(
                rule.id,
                rule.severity,
                rule.title,
                rule.what_it_means,
                rule.do_now,
                rule.rule,
                rule.topic,
                rule.sources,
            )
            (stops if rule.severity == "stop" else cautions).append(flag)
        elif rule.unsure is not None and rule.unsure.when.evaluate(answers):
            cautions.append(
                RedFlag(
                    f"{rule.id}-unsure",
                    "caution",
                    rule.unsure.title,
                    rule.what_it_means,
                    rule.unsure.do_now,
                    rule.rule,
                    rule.topic,
                    rule.sources,
                    unsure=True,
                )
            )
    return tuple(stops + cautions)


def _checklist(
    rules: Rules, answers: Mapping[str, Any], departure: _dt.date | None, today: _dt.date
) -> tuple[ChecklistItem, ...]:
    entries: list[tuple[int, int, int, ChecklistItem]] = []
    for index, rule in enumerate(rules.checklist):
        if not _holds(rule.when, answers):
            continue
        # Offset in days relative to departure: negative before, positive after.
        offset: int | None = None
        if rule.days_before_departure is not None:
            offset = -rule.days_before_departure
        elif rule.days_after_arrival is not None:
            offset = rule.days_after_arrival
        due = None
        if departure is not None and offset is not None:
            try:
                due = departure + _dt.timedelta(days=offset)
            except OverflowError:  # a departure near year 1 or 9999
                due = None
        overdue = due is not None and due < today
        item = ChecklistItem(
            rule.id, rule.phase, rule.title, rule.why, rule.topic, due, overdue, rule.sources
        )
        sort_offset = offset if offset is not None else 10**6
        entries.append((PHASES.index(rule.phase), sort_offset, index, item))
    entries.sort(key=lambda e: (e[0], e[1], e[2]))
    return tuple(e[3] for e in entries)
