"""Markdown -> HTML for content texts, safe to show in QTextBrowser or a Jinja2 page.

Content texts may use paragraphs, ``**bold**``, lists and ``### headings``
(``docs/CONTENT.md``). Python-Markdown passes raw HTML straight through, so we
escape ``&``, ``<`` and ``>`` *before* converting: whatever an author (or a
tampered file) writes, ``<script>`` comes out as text. Markdown's own links and
images are then cleaned: a link keeps its address only for ``http``, ``https``
and ``mailto`` (never ``javascript:`` or ``file:``), and images become their
alt text, because the app never loads anything from outside itself.

The result is meant for ``|safe`` in Jinja2; it contains no ``{{``-evaluation
risk because Jinja2 never re-parses a value as a template.
"""

from __future__ import annotations

import html
import threading
import xml.etree.ElementTree as ET

import markdown as _md
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor
from markdown.util import AtomicString

__all__ = ["render_markdown"]

_SAFE_SCHEMES = ("http://", "https://", "mailto:")


class _SafeLinks(Treeprocessor):
    """Drop unsafe link targets, replace images by their alt text, fix code text."""

    def run(self, root: ET.Element) -> None:
        for parent in root.iter():
            for i, child in enumerate(list(parent)):
                if child.tag == "img":
                    span = ET.Element("span")
                    span.text = child.get("alt", "")
                    span.tail = child.tail
                    parent.remove(child)
                    parent.insert(i, span)
                elif child.tag == "code" and child.text:
                    # Markdown escapes code text itself; undo our earlier escape once so
                    # `<b>` shows as <b>, not as &lt;b&gt;.
                    child.text = AtomicString(html.unescape(child.text))
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
        _converter = _md.Markdown(extensions=["sane_lists", _SafeExtension()])
    return _converter


def render_markdown(text: str) -> str:
    """Convert one Markdown text to an HTML fragment with all raw HTML escaped."""
    escaped = html.escape(text, quote=False)
    with _lock:  # a Markdown instance keeps state between calls; reuse it safely
        converter = _get_converter()
        try:
            return converter.convert(escaped)
        finally:
            converter.reset()
