"""Markdown -> HTML for content texts, safe to show in QTextBrowser or a Jinja2 page.

Content texts may use paragraphs, ``**bold**``, lists and ``### headings``
(``docs/CONTENT.md``). Python-Markdown passes raw HTML straight through, so
``&``, ``<`` and ``>`` are hidden *before* converting and come out escaped:
whatever an author (or a tampered file) writes, ``<script>`` comes out as text.
They are hidden as private-use characters, not as ``&lt;`` entities, because
Python-Markdown handles each entity by rebuilding the whole paragraph string:
20,000 of them took 3 s and 50,000 over 30 s (a hang), where stand-in characters
are plain letters to it and cost nothing. Its other inline patterns are quadratic
too, so a text longer than :data:`MAX_MARKDOWN_CHARS` (Guide texts are a few KB) is
shown as plain paragraphs, and a text with so many ``[`` that looking for links would
take seconds (each ``[`` scans the rest of the text) is shown without links. Either
way every character still appears, literally. Markdown's own links and
images are then cleaned: a link keeps its address only for ``http``, ``https``
and ``mailto`` (never ``javascript:`` or ``file:``), and images become their
alt text, because the app never loads anything from outside itself.

The result is meant for ``|safe`` in Jinja2; it contains no ``{{``-evaluation
risk because Jinja2 never re-parses a value as a template.
"""

from __future__ import annotations

import html
import re
import threading
import xml.etree.ElementTree as ET

import markdown as _md
from markdown.extensions import Extension
from markdown.extensions.sane_lists import SaneListExtension
from markdown.treeprocessors import Treeprocessor

__all__ = ["render_markdown"]

_SAFE_SCHEMES = ("http://", "https://", "mailto:")

MAX_MARKDOWN_CHARS = 50_000  # longer texts are shown as plain text (see above)
# "[" count x text length above which links are not looked for (about a second's work).
_MAX_BRACKET_WORK = 2_000_000

# Stand-ins for "&", "<", ">" and "[" while Markdown works, and for a bare "&" that
# starts a character reference (used for a stand-in character the author typed).
_AMP, _LT, _GT, _REF, _LB = "\ue000", "\ue001", "\ue002", "\ue003", "\ue004"
_STAND_INS = re.compile("[\ue000-\ue004]")
_HIDE = str.maketrans({"&": _AMP, "<": _LT, ">": _GT})
_HIDE_LINKS = str.maketrans({"&": _AMP, "<": _LT, ">": _GT, "[": _LB})
_SHOW = str.maketrans({_AMP: "&amp;", _LT: "&lt;", _GT: "&gt;", _REF: "&", _LB: "["})


class _SafeLinks(Treeprocessor):
    """Drop unsafe link targets, replace images by their alt text."""

    def run(self, root: ET.Element) -> None:
        for parent in root.iter():
            for i, child in enumerate(list(parent)):
                if child.tag == "img":
                    span = ET.Element("span")
                    span.text = child.get("alt", "")
                    span.tail = child.tail
                    parent.remove(child)
                    parent.insert(i, span)
                elif child.tag == "a":
                    href = (child.get("href") or "").strip()
                    if not href.lower().startswith(_SAFE_SCHEMES):
                        child.attrib.pop("href", None)


class _SafeExtension(Extension):
    def extendMarkdown(self, md: _md.Markdown) -> None:  # Markdown API name
        md.treeprocessors.register(_SafeLinks(md), "passage_safe_links", 0)


_lock = threading.Lock()
_converter: _md.Markdown | None = None


def _get_converter() -> _md.Markdown:
    global _converter
    if _converter is None:
        # sane_lists: a numbered list stays numbered even when a bulleted list follows.
        # Passed as an instance, not by name: a name makes Markdown look through every
        # installed package's entry points (importlib.metadata), which took 0.19 s and
        # 5 MiB on first use, and finds nothing in a PyInstaller bundle.
        _converter = _md.Markdown(extensions=[SaneListExtension(), _SafeExtension()])
    return _converter


def render_markdown(text: str) -> str:
    """Convert one Markdown text to an HTML fragment with all raw HTML escaped."""
    if len(text) > MAX_MARKDOWN_CHARS:
        return _plain(text)
    hide = _HIDE_LINKS if text.count("[") * len(text) > _MAX_BRACKET_WORK else _HIDE
    hidden = _STAND_INS.sub(lambda m: f"{_REF}#{ord(m.group())};", text).translate(hide)
    with _lock:  # a Markdown instance keeps state between calls; reuse it safely
        converter = _get_converter()
        try:
            converted = converter.convert(hidden)
        finally:
            converter.reset()
    return converted.translate(_SHOW)


def _plain(text: str) -> str:
    """A text too long for Markdown: escaped paragraphs with their line breaks, in linear time."""
    paragraphs = (p for p in re.split(r"\n[ \t]*\n", text) if p.strip())
    return "\n".join(
        "<p>" + html.escape(p.strip("\n"), quote=False).replace("\n", "<br />\n") + "</p>"
        for p in paragraphs
    )
