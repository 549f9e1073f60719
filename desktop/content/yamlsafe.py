"""Read untrusted YAML safely, and remember where every value came from.

Content, questionnaire and answers files are edited by people (and answers files
travel on USB sticks), so they are untrusted input. :func:`load_yaml` accepts only
plain data with ``yaml.safe_load`` meaning, and refuses the parts of YAML that are
dangerous or only useful for tricks:

* explicit tags other than the standard ``!!str``, ``!!int``, ``!!float``,
  ``!!bool``, ``!!null``, ``!!seq``, ``!!map``, ``!!timestamp`` (so
  ``!!python/object/apply:os.system`` never reaches a constructor);
* anchors and aliases (``&x`` / ``*x``) and merge keys (``<<``): they make the
  "billion laughs" blow-up possible and no content file needs them;
* nesting deeper than ``max_depth``, files larger than ``max_bytes``, text that is
  not UTF-8, more than one document, and duplicate mapping keys (PyYAML would keep
  the last one silently, hiding a typo).

Why events and not ``yaml.safe_load``: we walk libyaml's event stream ourselves
(the C parser when available, so start-up stays fast). That lets us refuse an alias
*before* anything is expanded, count depth without Python recursion, and record the
line and column of every mapping key and sequence item in a :class:`LineIndex`, so
that the loader can say "channels.yaml:42" instead of "somewhere in channels.yaml".

Every failure is a :class:`~desktop.content.errors.ContentError` with file, line,
column and a plain message.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

import yaml

from desktop.content.errors import ContentError, Problem

__all__ = ["MAX_BYTES", "MAX_DEPTH", "LineIndex", "Position", "load_yaml", "load_yaml_text"]

MAX_BYTES = 5_000_000
MAX_DEPTH = 64

try:  # libyaml's parser is ~100x faster than PyYAML's pure-Python one (start-up time)
    from yaml.cyaml import CParser as _Parser
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml.loader import SafeLoader as _Parser

_TAG = "tag:yaml.org,2002:"
_ALLOWED_SCALAR_TAGS = {_TAG + t for t in ("str", "int", "float", "bool", "null", "timestamp")}
_ALLOWED_SEQ_TAGS = {_TAG + "seq"}
_ALLOWED_MAP_TAGS = {_TAG + "map"}

PathKey = tuple[Any, ...]


class Position(NamedTuple):
    """Where a value starts in the file: 1-based line and column (in characters).

    ``style`` is the YAML scalar style of the value: ``""`` plain, ``"'"`` or ``'"'``
    quoted, ``"|"`` / ``">"`` block; ``None`` for mappings and sequences. The loader
    uses it to map a column inside a condition string back to a column in the file.
    (A NamedTuple, not a dataclass: one is made per value, and start-up time counts.)
    """

    line: int
    column: int
    style: str | None = None


@dataclass
class LineIndex:
    """Line and column of every mapping key and sequence item, by data path.

    A path is the tuple of keys and indexes leading to a value, as you would use
    to reach it in the loaded data: ``("topics", 3, "title")``. ``()`` is the
    document itself.
    """

    filename: str
    _keys: dict[PathKey, Position] = field(default_factory=dict)
    _values: dict[PathKey, Position] = field(default_factory=dict)
    lines: tuple[str, ...] = ()

    def position(self, path: PathKey) -> Position | None:
        """Where the key (for a mapping entry) or the item (for a list entry) starts."""
        path = tuple(path)
        return self._keys.get(path) or self._values.get(path)

    def value_position(self, path: PathKey) -> Position | None:
        """Where the *value* at ``path`` starts (after ``key:``), with its scalar style."""
        return self._values.get(tuple(path))

    def line_of(self, path: PathKey) -> int | None:
        """Line of ``path``; for a path that is not in the file (a missing field),
        the line of its nearest ancestor, so a "missing zh" problem points at ``title:``.
        """
        path = tuple(path)
        while True:
            pos = self.position(path)
            if pos is not None:
                return pos.line
            if not path:
                return None
            path = path[:-1]

    def __contains__(self, path: object) -> bool:
        return isinstance(path, tuple) and (path in self._keys or path in self._values)


def _problem(filename: str, message: str, line: int | None = None, column: int | None = None):
    return ContentError(Problem(file=filename, message=message, line=line, column=column))


def load_yaml(
    path: Path,
    *,
    max_bytes: int = MAX_BYTES,
    max_depth: int = MAX_DEPTH,
    display_name: str | None = None,
) -> tuple[Any, LineIndex]:
    """Read the YAML file at ``path``; return ``(data, line_index)``.

    ``display_name`` is how the file is named in problems (the loader passes a
    path relative to the content folder); it defaults to ``str(path)``.
    Raises :class:`ContentError` for every kind of bad input, never a YAML or
    Unicode exception.
    """
    name = display_name if display_name is not None else str(path)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise _problem(name, f"the file is too large ({size} bytes; the limit is {max_bytes})")
        with path.open("rb") as fh:
            raw = fh.read(max_bytes + 1)
    except OSError as exc:
        raise _problem(name, f"cannot read the file: {exc.strerror or exc}") from None
    if len(raw) > max_bytes:  # the file grew between stat() and read()
        raise _problem(name, f"the file is too large (over {max_bytes} bytes)")
    return _load_bytes(raw, name, max_depth=max_depth)


def load_yaml_text(
    text: str | bytes,
    filename: str = "<text>",
    *,
    max_bytes: int = MAX_BYTES,
    max_depth: int = MAX_DEPTH,
) -> tuple[Any, LineIndex]:
    """Like :func:`load_yaml` for text already in memory (tests, pasted answers)."""
    raw = text.encode("utf-8", "surrogatepass") if isinstance(text, str) else text
    if len(raw) > max_bytes:
        raise _problem(
            filename, f"the text is too large ({len(raw)} bytes; the limit is {max_bytes})"
        )
    return _load_bytes(raw, filename, max_depth=max_depth)


def _decode(raw: bytes, name: str) -> str:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        col_bytes = before[before.rfind(b"\n") + 1 :]
        column = len(col_bytes.decode("utf-8", "replace")) + 1
        raise _problem(
            name,
            f"the file is not valid UTF-8 text (save it as UTF-8; bad byte 0x{raw[exc.start]:02x})",
            line,
            column,
        ) from None
    if text.startswith("\ufeff"):  # a byte-order mark, as Windows Notepad writes
        text = text[1:]
    return text


def _load_bytes(raw: bytes, name: str, *, max_depth: int) -> tuple[Any, LineIndex]:
    text = _decode(raw, name)
    builder = _Builder(name, text, max_depth)
    try:
        return builder.build()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        message = exc.problem or str(exc)
        if exc.context and exc.problem:
            message = f"{exc.problem} ({exc.context})"
        if mark is None:
            raise _problem(name, f"not valid YAML: {message}") from None
        raise _problem(name, f"not valid YAML: {message}", mark.line + 1, mark.column + 1) from None
    except yaml.reader.ReaderError as exc:
        before = text[: exc.position]
        line = before.count("\n") + 1
        column = exc.position - (before.rfind("\n") + 1) + 1
        char = exc.character if isinstance(exc.character, str) else chr(exc.character)
        raise _problem(
            name,
            f"the file contains a control character (U+{ord(char):04X}) that YAML does not allow",
            line,
            column,
        ) from None
    except yaml.YAMLError as exc:
        raise _problem(name, f"not valid YAML: {exc}") from None


_NO_KEY = object()  # a mapping frame waiting for its next key


class _Builder:
    """Turns the parser's event stream into plain Python data plus a LineIndex.

    Iterative (an explicit stack), because nesting depth is untrusted input; and
    written for speed, because every start of the app runs it on all content.
    """

    def __init__(self, name: str, text: str, max_depth: int):
        self.name = name
        self.text = text
        self.max_depth = max_depth
        self.index = LineIndex(filename=name, lines=tuple(text.splitlines()))
        self.resolver = yaml.resolver.Resolver()
        self.constructor = yaml.constructor.SafeConstructor()
        self.plain_cache: dict[str, Any] = {}  # plain scalar text -> value (all immutable)

    def fail(self, message: str, event: Any) -> ContentError:
        mark = event.start_mark
        return _problem(self.name, message, mark.line + 1, mark.column + 1)

    def build(self) -> tuple[Any, LineIndex]:
        parser = _Parser(self.text)
        try:
            get_event = parser.get_event
            get_event()  # StreamStart
            event = get_event()
            if isinstance(event, yaml.StreamEndEvent):
                return None, self.index  # an empty file
            data = self.document(get_event)
            event = get_event()
            if not isinstance(event, yaml.StreamEndEvent):
                raise self.fail(
                    "the file holds more than one YAML document (remove the '---')", event
                )
            return data, self.index
        finally:
            dispose = getattr(parser, "dispose", None)
            if dispose is not None:
                dispose()

    def document(self, get_event: Any) -> Any:
        """Build one document from its events (after DocumentStart, through DocumentEnd)."""
        scalar_event = yaml.ScalarEvent
        mapping_start = yaml.MappingStartEvent
        sequence_start = yaml.SequenceStartEvent
        end_events = (yaml.MappingEndEvent, yaml.SequenceEndEvent)
        keys = self.index._keys
        values = self.index._values
        max_depth = self.max_depth
        # frame: [container, path, pending key or _NO_KEY, is_mapping]
        stack: list[list[Any]] = []
        root: list[Any] = []
        while True:
            event = get_event()
            cls = type(event)
            if cls is scalar_event or cls is mapping_start or cls is sequence_start:
                if event.anchor is not None:
                    raise self.fail(
                        f"YAML anchors (&{event.anchor}) are not allowed; write values out in full",
                        event,
                    )
                if stack:
                    frame = stack[-1]
                    container = frame[0]
                    if frame[3]:
                        if frame[2] is _NO_KEY:  # this event is a key
                            if cls is not scalar_event:
                                raise self.fail(
                                    "mapping keys must be plain words, not lists or mappings",
                                    event,
                                )
                            key = self.scalar(event)
                            if key in container:
                                raise self.fail(
                                    f"the key {key!r} appears twice in the same mapping", event
                                )
                            mark = event.start_mark
                            keys[(*frame[1], key)] = Position(mark.line + 1, mark.column + 1)
                            frame[2] = key
                            continue
                        path = (*frame[1], frame[2])
                    else:
                        path = (*frame[1], len(container))
                else:
                    path = ()
                mark = event.start_mark
                if cls is scalar_event:
                    values[path] = Position(mark.line + 1, mark.column + 1, event.style or "")
                    value = self.scalar(event)
                    if stack:
                        frame = stack[-1]
                        if frame[3]:
                            frame[0][frame[2]] = value
                            frame[2] = _NO_KEY
                        else:
                            frame[0].append(value)
                    else:
                        root.append(value)
                    continue
                if len(stack) >= max_depth:
                    raise self.fail(
                        f"the data is nested too deeply (more than {max_depth} levels)", event
                    )
                is_map = cls is mapping_start
                if event.tag is not None and event.tag not in (
                    _ALLOWED_MAP_TAGS if is_map else _ALLOWED_SEQ_TAGS
                ):
                    raise self.fail(
                        f"YAML tags such as {tag_label(event.tag)} are not allowed here", event
                    )
                values[path] = Position(mark.line + 1, mark.column + 1, None)
                stack.append([{} if is_map else [], path, _NO_KEY, is_map])
            elif isinstance(event, end_events):
                value = stack.pop()[0]
                if stack:
                    frame = stack[-1]
                    if frame[3]:
                        frame[0][frame[2]] = value
                        frame[2] = _NO_KEY
                    else:
                        frame[0].append(value)
                else:
                    root.append(value)
            elif isinstance(event, yaml.AliasEvent):
                raise self.fail(
                    "YAML aliases (*name) are not allowed; write the value out in full", event
                )
            elif isinstance(event, yaml.DocumentEndEvent):
                return root[0] if root else None
            else:  # pragma: no cover - the parser emits nothing else inside a document
                raise self.fail(f"unexpected YAML event {cls.__name__}", event)

    def scalar(self, event: Any) -> Any:
        tag = event.tag
        if tag is None:
            if not event.implicit[0]:  # quoted or block scalar without a tag: text
                return event.value
            text = event.value
            cached = self.plain_cache.get(text, _NO_KEY)
            if cached is not _NO_KEY:
                return cached
            tag = self.resolver.resolve(yaml.ScalarNode, text, event.implicit)
            if tag == _TAG + "merge":
                raise self.fail("YAML merge keys (<<) are not allowed", event)
            value = self.construct(tag, event) if tag in _ALLOWED_SCALAR_TAGS else text
            self.plain_cache[text] = value
            return value
        if tag not in _ALLOWED_SCALAR_TAGS:
            raise self.fail(f"YAML tags such as {tag_label(tag)} are not allowed", event)
        return self.construct(tag, event)

    def construct(self, tag: str, event: Any) -> Any:
        if tag == _TAG + "str":
            return event.value
        node = yaml.ScalarNode(tag, event.value, event.start_mark, event.end_mark, event.style)
        try:
            return self.constructor.yaml_constructors[tag](self.constructor, node)
        except (ValueError, OverflowError, yaml.YAMLError) as exc:
            if tag == _TAG + "timestamp":
                # Keep an impossible date such as 2026-02-30 as text: the loader then
                # reports it together with every other problem, naming the field.
                return event.value
            raise self.fail(f"cannot read the value {event.value[:40]!r}: {exc}", event) from None


def tag_label(tag: str) -> str:
    """``tag:yaml.org,2002:python/object`` -> ``!!python/object`` for messages."""
    return "!!" + tag[len(_TAG) :] if tag.startswith(_TAG) else tag
