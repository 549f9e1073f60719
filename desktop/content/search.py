"""Search the Guide: plain substring matching over topic titles, keywords, summaries, bodies.

Why not SQLite FTS: the trigram tokenizer cannot match terms shorter than three
characters, and the words people look for in Chinese are often two (护照, 押金).
The Guide has tens of topics, so scanning prepared text is instant.

Matching folds case and width (NFKC + casefold), character by character, so
"EPS", "eps" and full-width "ＥＰＳ" all match, and every match maps back to exact
positions in the text shown. A query of several words (split on spaces) finds
topics that contain all of them, in any of the fields.

Ranking: the field of the best match (title > keywords > summary > body), then
whether a match starts a word (so "EPS" ranks "the EPS test" above "steps"),
then its position, then catalog order. One hit per topic.
"""

from __future__ import annotations

import html
import re
import threading
import unicodedata
import weakref
from dataclasses import dataclass

from desktop.content.model import Catalog, Topic

__all__ = ["FIELDS", "Hit", "highlight_html", "plain_text", "search"]

FIELDS: tuple[str, ...] = ("title", "keywords", "summary", "body")
KEYWORD_SEPARATOR = " · "
SNIPPET_BEFORE = 30
SNIPPET_LENGTH = 140


@dataclass(frozen=True)
class Hit:
    """One topic found. ``spans`` are ``(start, end)`` of matches inside ``snippet``."""

    topic_id: str
    field: str
    snippet: str
    spans: list[tuple[int, int]]


# --------------------------------------------------------------------------- text prep

_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s*", re.M)
_BULLET = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+", re.M)
_QUOTE = re.compile(r"^\s*>\s?", re.M)
_EMPHASIS = re.compile(r"(\*\*|__|\*|`)")
_SPACES = re.compile(r"\s+")


def plain_text(markdown_text: str) -> str:
    """Markdown reduced to the words a person reads, on one line."""
    text = _LINK.sub(r"\1", markdown_text)
    text = _HEADING.sub("", text)
    text = _BULLET.sub("", text)
    text = _QUOTE.sub("", text)
    text = _EMPHASIS.sub("", text)
    return _SPACES.sub(" ", text).strip()


def _fold_char(c: str) -> str:
    return unicodedata.normalize("NFKC", c).casefold()


def _fold(text: str) -> tuple[str, list[int]]:
    """Folded text plus, for each folded character, the index of its source character."""
    out: list[str] = []
    origin: list[int] = []
    for i, c in enumerate(text):
        f = c.casefold() if c.isascii() else _fold_char(c)
        out.append(f)
        origin.extend([i] * len(f))
    return "".join(out), origin


def _fold_query(text: str) -> str:
    return "".join(_fold_char(c) for c in text)


@dataclass(frozen=True)
class _Field:
    name: str
    text: str  # what a snippet is cut from
    folded: str
    origin: tuple[int, ...]

    def find_all(self, term: str) -> list[tuple[int, int]]:
        """Non-overlapping matches of a folded term, as spans of ``text``."""
        spans: list[tuple[int, int]] = []
        start = 0
        while True:
            i = self.folded.find(term, start)
            if i < 0:
                return spans
            j = i + len(term)
            spans.append((self.origin[i], self.origin[j - 1] + 1))
            start = j


def _make_field(name: str, text: str) -> _Field:
    folded, origin = _fold(text)
    return _Field(name, text, folded, tuple(origin))


def _topic_fields(topic: Topic, lang: str) -> tuple[_Field, ...]:
    keywords = KEYWORD_SEPARATOR.join(topic.keywords.get(lang, ()))
    return (
        _make_field("title", topic.title.get(lang)),
        _make_field("keywords", keywords),
        _make_field("summary", plain_text(topic.summary.get(lang))),
        _make_field("body", plain_text(topic.body.get(lang))),
    )


_index_lock = threading.Lock()
_indexes: weakref.WeakKeyDictionary[Catalog, dict[str, list[tuple[str, tuple[_Field, ...]]]]]
_indexes = weakref.WeakKeyDictionary()


def _prepared(catalog: Catalog, lang: str) -> list[tuple[str, tuple[_Field, ...]]]:
    """Folded text of every topic in ``lang``, built once per catalog and language."""
    with _index_lock:
        per_lang = _indexes.setdefault(catalog, {})
        if lang not in per_lang:
            per_lang[lang] = [
                (topic.id, _topic_fields(topic, lang))
                for section in catalog.sections
                for topic in section.topics
            ]
        return per_lang[lang]


# --------------------------------------------------------------------------- search


def _terms(query: str) -> list[str]:
    seen: list[str] = []
    for word in query.split():
        term = _fold_query(word)
        if term and term not in seen:
            seen.append(term)
    return seen


def _snippet(f: _Field, spans: list[tuple[int, int]]) -> tuple[str, list[tuple[int, int]]]:
    """Cut a window of ``f.text`` around the first match; spans shift into it."""
    text = f.text
    if f.name != "body" or len(text) <= SNIPPET_LENGTH:
        return text, spans
    first = spans[0][0]
    start = max(0, first - SNIPPET_BEFORE)
    end = min(len(text), start + SNIPPET_LENGTH)
    start = max(0, min(start, end - SNIPPET_LENGTH))
    prefix = "…" if start > 0 else ""
    suffix = "…" if end < len(text) else ""
    shift = len(prefix) - start
    inside = [(a + shift, b + shift) for a, b in spans if a >= start and b <= end]
    return prefix + text[start:end] + suffix, inside


def search(catalog: Catalog, query: str, lang: str, *, limit: int = 50) -> list[Hit]:
    """Topics whose text in ``lang`` contains every word of ``query``, best first."""
    terms = _terms(query)
    if not terms or limit <= 0:
        return []
    ranked: list[tuple[tuple[int, int, int, int], Hit]] = []
    for order, (topic_id, fields) in enumerate(_prepared(catalog, lang)):
        found_terms: set[str] = set()
        best: tuple[int, int, _Field, list[tuple[int, int]]] | None = None
        for rank, f in enumerate(fields):
            spans: list[tuple[int, int]] = []
            for term in terms:
                matches = f.find_all(term)
                if matches:
                    found_terms.add(term)
                    spans.extend(matches)
            if spans and best is None:
                spans = _merge(spans)
                best = (rank, spans[0][0], f, spans)
        if best is None or len(found_terms) < len(terms):
            continue
        rank, position, f, spans = best
        mid_word = 0 if any(_starts_word(f.text, a) for a, _b in spans) else 1
        snippet, snippet_spans = _snippet(f, spans)
        hit = Hit(topic_id, f.name, snippet, snippet_spans)
        ranked.append(((rank, mid_word, position, order), hit))
    ranked.sort(key=lambda pair: pair[0])
    return [hit for _key, hit in ranked[:limit]]


def _starts_word(text: str, start: int) -> bool:
    # Chinese has no spaces between words: any position after a non-ASCII
    # character counts as a word start.
    if start == 0:
        return True
    before = text[start - 1]
    return not before.isascii() or not before.isalnum()


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for a, b in sorted(spans):
        if merged and a <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], b))
        else:
            merged.append((a, b))
    return merged


def highlight_html(snippet: str, spans: list[tuple[int, int]]) -> str:
    """``snippet`` as escaped HTML with ``<mark>`` around each span."""
    out: list[str] = []
    pos = 0
    for a, b in _merge([(max(0, a), min(len(snippet), b)) for a, b in spans]):
        if a < pos or a >= b:
            continue
        out.append(html.escape(snippet[pos:a]))
        out.append("<mark>" + html.escape(snippet[a:b]) + "</mark>")
        pos = b
    out.append(html.escape(snippet[pos:]))
    return "".join(out)
