"""Plain, frozen dataclasses for the Guide, as ``loader.load_catalog`` returns them.

Nothing here reads files or validates: by the time a :class:`Catalog` exists, the
loader has checked every rule in ``docs/CONTENT.md``, so the rest of the app can
trust these objects (every reference resolves, both languages are present).
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from desktop.content.conditions import Condition

__all__ = [
    "LANGS",
    "Catalog",
    "Fact",
    "Lang",
    "Section",
    "SeedDocument",
    "SeedPassage",
    "Source",
    "Text",
    "Topic",
    "review_cutoff",
]

Lang = Literal["zh", "en"]
LANGS: tuple[Lang, ...] = ("zh", "en")


@dataclass(frozen=True)
class Text:
    """One text a person reads, in both languages (both always non-empty).

    ``facts`` are the ids of the facts-table entries the text shows (already written
    into ``zh`` and ``en`` with their as-of months): what makes a text old is the age
    of the facts in it.
    """

    zh: str
    en: str
    facts: tuple[str, ...] = ()

    def get(self, lang: str) -> str:
        """The text in ``lang`` ("zh" or "en"); any other code falls back to Chinese,
        the app's first language, rather than failing in the middle of a page."""
        return self.en if lang == "en" else self.zh


@dataclass(frozen=True)
class Source:
    """An outside source from ``resources/sources.yaml`` (checked in facts.md).

    ``date`` is the full date when the source gives one; ``date_text`` is what to
    show (``"2012-06-04"``, ``"2012-09"`` or ``"2021"``; empty when ``undated``).
    """

    id: str
    title: Text
    publisher: Text
    date: _dt.date | None
    undated: bool
    confidence: str
    where: str
    locator: str | None = None
    date_text: str = ""


@dataclass(frozen=True)
class Fact:
    """One entry of the facts table (``resources/facts/*.yaml``).

    ``value`` is what a person reads, in both languages, without the date;
    ``as_of`` is the date of the source (the first day of it when only a month or a
    year is known) and ``as_of_text`` what the file says (``"2026-09"``). ``raw`` is
    the checked value and its type's fields as written (the card prints a phone
    number and its hours from it).
    """

    id: str
    kind: str
    label: Text
    value: Text
    as_of: _dt.date
    as_of_text: str
    sources: tuple[str, ...]
    confidence: str
    note: Text | None = None
    raw: Mapping[str, Any] = field(default_factory=dict, compare=False)

    @property
    def can_age(self) -> bool:
        """False for a date that had already come when its source was written ("since
        11 August 2025", from a source of August 2025): a past day does not go out of
        date, so it carries no as-of month and is never "more than a year old"."""
        if self.kind != "date":
            return True
        return str(self.raw.get("value", ""))[:7] > self.as_of_text[:7]


@dataclass(frozen=True)
class SeedPassage:
    """One passage of a seed document, summarised in the project's own words.

    ``background``: the passage is told on the About page only and gives no advice a
    topic could cite (a policy proposal to governments); it need not be cited.
    """

    locator: str
    heading: Text
    summary: Text
    themes: tuple[str, ...]
    document_id: str
    background: bool = False


@dataclass(frozen=True)
class SeedDocument:
    """The project's digest of one source document (``seeds/<id>.yaml``).

    ``published`` is the date as written on the document: ``"2018-12-07"``, or just
    ``"2021"`` when only the year is known.
    """

    id: str
    title: Text
    author: Text
    published: str
    publication: Text | None
    original_file: str
    language: str
    about: Text
    passages: tuple[SeedPassage, ...]


@dataclass(frozen=True)
class Topic:
    """One item of the Guide. ``body`` and ``Section.intro`` are Markdown."""

    id: str
    section: str
    title: Text
    summary: Text
    body: Text
    applies_when: Condition | None
    applies_when_src: str | None
    sources: tuple[str, ...]
    reviewed: _dt.date
    keywords: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    facts: tuple[str, ...] = ()

    def applies(self, answers: Mapping[str, object]) -> bool:
        """True when the topic has no condition or its condition holds."""
        return self.applies_when is None or self.applies_when.evaluate(answers)


@dataclass(frozen=True)
class Section:
    id: str
    title: Text
    intro: Text
    topics: tuple[Topic, ...]


def review_cutoff(today: _dt.date) -> _dt.date:
    """The same day one year before ``today`` (28 Feb for 29 Feb)."""
    try:
        return today.replace(year=today.year - 1)
    except ValueError:
        return today.replace(year=today.year - 1, day=28)


# eq=False: a catalog is compared by identity, which also makes it usable as a
# weak dictionary key (search keeps its index per catalog that way).
@dataclass(frozen=True, eq=False)
class Catalog:
    """Everything the Guide shows, validated. Look-ups raise KeyError for unknown ids."""

    sections: tuple[Section, ...]
    topics: Mapping[str, Topic]
    sources: Mapping[str, Source]
    seeds: Mapping[str, SeedDocument]
    passages: Mapping[str, SeedPassage]
    facts: Mapping[str, Fact] = field(default_factory=dict)

    def topic(self, topic_id: str) -> Topic:
        return self.topics[topic_id]

    def section(self, section_id: str) -> Section:
        for section in self.sections:
            if section.id == section_id:
                return section
        raise KeyError(section_id)

    def resolve(self, ref: str) -> Source | SeedPassage:
        """The source or seed passage a ``sources:`` entry names."""
        if ref in self.sources:
            return self.sources[ref]
        if ref in self.passages:
            return self.passages[ref]
        raise KeyError(ref)

    def citations(self) -> set[str]:
        """Every reference cited by some topic."""
        return {ref for topic in self.topics.values() for ref in topic.sources}

    def stale_facts(self, fact_ids: Iterable[str], today: _dt.date) -> tuple[Fact, ...]:
        """The facts among ``fact_ids`` whose source is more than 12 months older than
        ``today``, oldest first: a person should check them before relying on them."""
        cutoff = review_cutoff(today)
        found = {
            f for f in (self.facts.get(i) for i in fact_ids) if f and f.can_age and f.as_of < cutoff
        }
        return tuple(sorted(found, key=lambda f: (f.as_of, f.id)))

    def needs_review(self, topic: Topic, today: _dt.date) -> bool:
        """True when a fact the topic shows dates from more than 12 months before
        ``today``: the UI then shows "check that this is still true". Judged by the
        facts' own dates, not by when we last read the topic: a page read yesterday
        still repeats a figure as old as its source."""
        return bool(self.stale_facts(topic.facts, today))
