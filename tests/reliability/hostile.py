"""Hostile input for the fuzz tests: strings, values, and mutations of valid files.

Shared by the content and the answers fuzzers. Everything here is plain data and
hypothesis strategies; nothing touches the disk except :data:`SENTINEL`, the file a
successful code-execution attack would create (the tests assert it never appears).
"""

from __future__ import annotations

import copy
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from hypothesis import strategies as st

# If a YAML tag ever reached a constructor, this file would appear.
SENTINEL = Path(tempfile.gettempdir()) / f"passage-pwned-{os.getpid()}"
PYTHON_TAG = f'!!python/object/apply:os.system ["touch {SENTINEL}"]'

HOSTILE_STRINGS = [
    "{{ 7*7 }}",
    "{% for x in range(99999999) %}x{% endfor %}",
    "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "\u202eevil\u202c \u200f\u05e9\u05dc\u05d5\u05dd",
    "",
    "   ",
    "\u3000",
    "\x00\x07\x1b[31m",
    "yes",
    "no",
    "null",
    "~",
    "2026-02-30",
    "1e999",
    "NaN",
    "-.inf",
    "channel == 'japan' and (",
    "destination in ['japan'",
    "not " * 300 + "x",
    "(" * 400,
    "'",
    '"',
    "a" * 5000,
    "护照" * 2000,
    PYTHON_TAG,
    "*alias",
    "&anchor x",
    "<<",
    "$(touch /tmp/x)",
    "../../../etc/passwd",
    "%s%s%n",
    "destinations.japan-routes",
    "cn-reg-2012",
    "demo-2020#1.1",
    "japan",
    "unknown",
]

hostile_text = st.one_of(st.sampled_from(HOSTILE_STRINGS), st.text(max_size=30))

hostile_scalar = st.one_of(
    hostile_text,
    st.integers(min_value=-(10**40), max_value=10**40),
    st.sampled_from([10**4000, -(10**4000), 0, -1, 2**63, 2**64 + 1]),
    st.floats(),
    st.booleans(),
    st.none(),
    st.dates(),
)

hostile_value = st.recursive(
    hostile_scalar,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(
            st.one_of(hostile_text, st.sampled_from(["zh", "en", "id"])), inner, max_size=4
        ),
    ),
    max_leaves=8,
)

# Pieces spliced into the text of a valid file at random places.
TEXT_PIECES = [
    PYTHON_TAG,
    "!!python/name:os.system",
    "!custom",
    "&a ",
    "*a",
    "<<: ",
    "\n---\n",
    "\n...\n",
    "\t",
    ": ",
    "- ",
    "? ",
    "#",
    "'",
    '"',
    "|",
    ">",
    "[" * 100,
    "{" * 70,
    "]",
    "}",
    "\x00",
    "\x07",
    "\ufeff",
    "\r",
    "\u2028",
    "{{ 7*7 }}",
    "<script>",
    "9" * 4400,
    "1e999",
    ".nan",
    "2026-02-30",
    "\n  ",
    "\n",
    " ",
    "%YAML 1.1\n",
    "%TAG ! tag:yaml.org,2002:python/\n",
    "NaN",
    "Infinity",
    "-0",
    "1" * 40,
    ",",
    "null",
    '"\\ud800 \\U0010ffff \\x00"',
    "\\",
]

splices = st.lists(
    st.tuples(
        st.integers(min_value=0, max_value=1_000_000),
        st.one_of(st.sampled_from(TEXT_PIECES), st.text(max_size=6)),
        st.integers(min_value=0, max_value=12),
    ),
    min_size=1,
    max_size=4,
)


def splice(text: str, edits: list[tuple[int, str, int]]) -> str:
    """Insert each piece at a position (modulo the length), deleting a few characters."""
    for position, piece, delete in edits:
        at = position % (len(text) + 1)
        text = text[:at] + piece + text[at + delete :]
    return text


def paths(doc: Any, prefix: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    """Every path to a value in a YAML/JSON document, the document itself included."""
    yield prefix
    if isinstance(doc, dict):
        for key, value in doc.items():
            yield from paths(value, (*prefix, key))
    elif isinstance(doc, list):
        for i, value in enumerate(doc):
            yield from paths(value, (*prefix, i))


OPERATIONS = ("replace", "delete", "add", "duplicate", "wrap")


def mutations(doc: Any):
    """A strategy for 1-3 (path, operation, value, key) edits of ``doc``."""
    all_paths = list(paths(doc))
    return st.lists(
        st.tuples(
            st.sampled_from(all_paths),
            st.sampled_from(OPERATIONS),
            hostile_value,
            st.one_of(hostile_text, st.sampled_from(["id", "zh", "en", "sources", "when"])),
        ),
        min_size=1,
        max_size=3,
    )


def _resolve(doc: Any, path: tuple[Any, ...]) -> tuple[bool, Any]:
    node = doc
    for part in path:
        in_dict = isinstance(node, dict) and part in node
        in_list = isinstance(node, list) and isinstance(part, int) and part < len(node)
        if in_dict or in_list:
            node = node[part]
        else:
            return False, None
    return True, node


def mutate(doc: Any, edits: list[tuple[tuple[Any, ...], str, Any, Any]]) -> Any:
    """Apply the edits to a deep copy of ``doc`` (edits whose path is gone are skipped)."""
    doc = copy.deepcopy(doc)
    for path, operation, value, key in edits:
        value = copy.deepcopy(value)
        found, node = _resolve(doc, path)
        if not found:
            continue
        if not path:
            if operation == "replace":
                doc = value
            elif operation == "wrap":
                doc = [doc]
            elif operation == "add" and isinstance(doc, dict):
                doc[key] = value
            continue
        _, parent = _resolve(doc, path[:-1])
        last = path[-1]
        if operation == "replace":
            parent[last] = value
        elif operation == "delete":
            del parent[last]
        elif operation == "add":
            if isinstance(node, dict):
                node[key] = value
            elif isinstance(node, list):
                node.append(value)
            else:
                parent[last] = value
        elif operation == "duplicate":
            if isinstance(parent, list):
                parent.insert(last, copy.deepcopy(node))
            else:
                parent[last] = [node, copy.deepcopy(node)]
        elif operation == "wrap":
            parent[last] = {"zh": node} if isinstance(node, str) else [node]
    return doc
