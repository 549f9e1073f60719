"""The condition language of ``applies_when``, ``relevant``, ``constraint`` and rule ``when``.

The grammar is the contract in ``docs/CONTENT.md``::

    expr    := or
    or      := and ("or" and)*
    and     := not ("and" not)*
    not     := "not" not | cmp
    cmp     := value (("==" | "!=" | "<" | "<=" | ">" | ">=" | "in" | "not in") value)?
    value   := STRING | NUMBER | "true" | "false" | "null" | list | NAME | "." | "(" expr ")"
    list    := "[" (value ("," value)*)? "]"
    NAME    := [a-z_][a-z0-9_]*
    STRING  := '...' | "..."          (a backslash escapes the quote or a backslash)
    NUMBER  := -?[0-9]+(.[0-9]+)?

Conditions come from content files, so they are untrusted: the parser is a small
hand-written tokenizer plus recursive descent, never ``eval``. Expressions longer
than :data:`MAX_LENGTH` characters or nested deeper than :data:`MAX_NESTING` are
refused with a :class:`ConditionError` (not a ``RecursionError``).

Meaning (chosen so that an unanswered question never triggers a rule by accident):

* A NAME is the person's answer, or ``null`` if not answered; ``.`` is the value
  being validated (``constraint``).
* ``x == null`` / ``x != null`` test whether ``x`` is answered. Every other
  comparison with a ``null`` operand is false, including ``!=``, ``in`` and
  ``not in``.
* ``x in [..]`` is list membership; ``'v' in multi`` tests whether a
  multiple-choice answer (a list) contains ``'v'``. If the right side is not a
  list, ``in`` and ``not in`` are both false.
* Numbers compare numerically (``3 == 3.0``); ``true`` is not ``1``. Ordering
  works between two numbers, two strings or two dates; mismatched types give
  false rather than raising.
* A bare value used as a condition is true when it is ``true``, a non-zero
  number, a non-empty string or a non-empty list; ``null`` is false.

Evaluation is deterministic and never raises for any answers mapping.
"""

from __future__ import annotations

import datetime as _dt
import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

__all__ = [
    "MAX_LENGTH",
    "MAX_NESTING",
    "Condition",
    "ConditionError",
    "parse",
]

MAX_LENGTH = 2000
MAX_NESTING = 50

_COMPARE_OPS = ("==", "!=", "<", "<=", ">", ">=", "in", "not in")
_KEYWORDS = {"and", "or", "not", "in", "true", "false", "null"}
_NAME_START = set("abcdefghijklmnopqrstuvwxyz_")
_NAME_CHARS = _NAME_START | set("0123456789")
_DIGITS = set("0123456789")
_WORD_CHARS = _NAME_CHARS | set("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
_SPACE = set(" \t\r\n")

_VALUE_HINT = "a value (a question id, 'text', a number, true, false, null, [...] or (...))"


class ConditionError(ValueError):
    """A condition that does not parse. ``column`` is 1-based, in characters."""

    def __init__(self, message: str, column: int):
        self.message = message
        self.column = column
        super().__init__(f"column {column}: {message}")


# --------------------------------------------------------------------------- tokens


@dataclass(frozen=True)
class _Token:
    kind: str  # "name" "kw" "str" "num" "op" "dot" "(" ")" "[" "]" "," "end"
    text: str
    value: Any
    column: int  # 1-based


def _tokenize(src: str) -> list[_Token]:
    tokens: list[_Token] = []
    i, n = 0, len(src)
    while i < n:
        c = src[i]
        col = i + 1
        if c in _SPACE:
            i += 1
        elif c in "()[],":
            tokens.append(_Token(c, c, None, col))
            i += 1
        elif c in "'\"":
            i, text = _read_string(src, i)
            tokens.append(_Token("str", src[col - 1 : i], text, col))
        elif c in _DIGITS or (c == "-" and i + 1 < n and src[i + 1] in _DIGITS):
            i, token = _read_number(src, i)
            tokens.append(token)
        elif c in _WORD_CHARS:
            j = i
            while j < n and src[j] in _WORD_CHARS:
                j += 1
            word = src[i:j]
            if word in ("True", "False", "None", "TRUE", "FALSE", "NULL", "Null"):
                fix = {"true": "true", "false": "false"}.get(word.lower(), "null")
                raise ConditionError(f"write {fix!r} in lower case (found {word!r})", col)
            if word[0] not in _NAME_START or any(ch not in _NAME_CHARS for ch in word):
                raise ConditionError(
                    f"question ids are lower-case letters, digits and '_' (found {word!r})", col
                )
            kind = "kw" if word in _KEYWORDS else "name"
            tokens.append(_Token(kind, word, None, col))
            i = j
        elif c == ".":
            if i + 1 < n and (src[i + 1] in _WORD_CHARS or src[i + 1] == "."):
                raise ConditionError(
                    "question ids cannot contain '.' (a lone '.' is the value being checked)",
                    col,
                )
            tokens.append(_Token("dot", ".", None, col))
            i += 1
        elif src.startswith(("==", "!=", "<=", ">="), i):
            tokens.append(_Token("op", src[i : i + 2], None, col))
            i += 2
        elif c in "<>":
            tokens.append(_Token("op", c, None, col))
            i += 1
        else:
            raise ConditionError(_bad_char_message(src, i), col)
    tokens.append(_Token("end", "", None, n + 1))
    return tokens


def _bad_char_message(src: str, i: int) -> str:
    c = src[i]
    if src.startswith("&&", i) or c == "&":
        return "use 'and' instead of '&&'"
    if src.startswith("||", i) or c == "|":
        return "use 'or' instead of '||'"
    if c == "!":
        return "use 'not' instead of '!'"
    if c == "=":
        return "use '==' to compare ('=' alone is not an operator)"
    if c in "\u2018\u2019\u201c\u201d":
        return "use straight quotes ' or \" around text, not curly quotes"
    shown = c if c.isprintable() else f"U+{ord(c):04X}"
    return f"unexpected character {shown!r}"


def _read_string(src: str, start: int) -> tuple[int, str]:
    quote = src[start]
    out: list[str] = []
    i, n = start + 1, len(src)
    while i < n:
        c = src[i]
        if c == quote:
            return i + 1, "".join(out)
        if c == "\\":
            if i + 1 < n and src[i + 1] in ("\\", "'", '"'):
                out.append(src[i + 1])
                i += 2
                continue
            raise ConditionError(
                "a backslash in text may only escape a quote or a backslash", i + 1
            )
        out.append(c)
        i += 1
    raise ConditionError(f"unterminated text: expected a closing {quote}", start + 1)


def _read_number(src: str, start: int) -> tuple[int, _Token]:
    i, n = start, len(src)
    if src[i] == "-":
        i += 1
    while i < n and src[i] in _DIGITS:
        i += 1
    is_float = False
    if i < n and src[i] == "." and i + 1 < n and src[i + 1] in _DIGITS:
        is_float = True
        i += 1
        while i < n and src[i] in _DIGITS:
            i += 1
    if i < n and (src[i] in _WORD_CHARS or src[i] == "."):
        raise ConditionError(f"not a number: {src[start : i + 1]!r}", start + 1)
    text = src[start:i]
    if len(text) > 40:
        raise ConditionError("the number is too long", start + 1)
    value: Any = float(text) if is_float else int(text)
    return i, _Token("num", text, value, start + 1)


# --------------------------------------------------------------------------- nodes


class _Node:
    """Base of the syntax tree; every node is a frozen, hashable dataclass."""

    precedence = 5  # atoms bind tightest

    def eval(self, answers: Mapping[str, Any], value: Any) -> Any:  # pragma: no cover
        raise NotImplementedError


@dataclass(frozen=True, eq=False)
class _Literal(_Node):
    value: Any
    text: str = ""

    def __eq__(self, other: object) -> bool:
        # by type too: in Python 1 == True, but the literals 1 and true differ
        return (
            isinstance(other, _Literal)
            and type(other.value) is type(self.value)
            and other.value == self.value
        )

    def __hash__(self) -> int:
        return hash((type(self.value).__name__, self.value))

    def eval(self, answers: Mapping[str, Any], value: Any) -> Any:
        return self.value

    def __str__(self) -> str:
        v = self.value
        if v is None:
            return "null"
        if v is True:
            return "true"
        if v is False:
            return "false"
        if isinstance(v, str):
            return _quote(v)
        return self.text or repr(v)


@dataclass(frozen=True)
class _Name(_Node):
    name: str

    def eval(self, answers: Mapping[str, Any], value: Any) -> Any:
        try:
            return answers.get(self.name)
        except Exception:  # a strange Mapping must not break evaluation
            return None

    def __str__(self) -> str:
        return self.name


@dataclass(frozen=True)
class _Dot(_Node):
    def eval(self, answers: Mapping[str, Any], value: Any) -> Any:
        return value

    def __str__(self) -> str:
        return "."


@dataclass(frozen=True)
class _List(_Node):
    items: tuple[_Node, ...]

    def eval(self, answers: Mapping[str, Any], value: Any) -> Any:
        return [item.eval(answers, value) for item in self.items]

    def __str__(self) -> str:
        return "[" + ", ".join(_wrap(item, 5) for item in self.items) + "]"


@dataclass(frozen=True)
class _Compare(_Node):
    op: str
    left: _Node
    right: _Node
    precedence = 4

    def eval(self, answers: Mapping[str, Any], value: Any) -> Any:
        a = self.left.eval(answers, value)
        b = self.right.eval(answers, value)
        op = self.op
        # "== null" / "!= null" are the only comparisons that look at a null.
        if _is_null_literal(self.right) or _is_null_literal(self.left):
            if op == "==":
                return a is None and b is None
            if op == "!=":
                return (a is None) != (b is None)
            return False
        if a is None or b is None:
            return False
        if op == "==":
            return _equal(a, b)
        if op == "!=":
            return not _equal(a, b)
        if op in ("in", "not in"):
            if not isinstance(b, (list, tuple)):
                return False
            found = any(_equal(a, item) for item in b)
            return found if op == "in" else not found
        return _order(op, a, b)

    def __str__(self) -> str:
        return f"{_wrap(self.left, 5)} {self.op} {_wrap(self.right, 5)}"


@dataclass(frozen=True)
class _Not(_Node):
    operand: _Node
    precedence = 3

    def eval(self, answers: Mapping[str, Any], value: Any) -> Any:
        return not _truthy(self.operand.eval(answers, value))

    def __str__(self) -> str:
        return f"not {_wrap(self.operand, 3)}"


@dataclass(frozen=True)
class _And(_Node):
    operands: tuple[_Node, ...]
    precedence = 2

    def eval(self, answers: Mapping[str, Any], value: Any) -> Any:
        return all(_truthy(op.eval(answers, value)) for op in self.operands)

    def __str__(self) -> str:
        return " and ".join(_wrap(op, 3) for op in self.operands)


@dataclass(frozen=True)
class _Or(_Node):
    operands: tuple[_Node, ...]
    precedence = 1

    def eval(self, answers: Mapping[str, Any], value: Any) -> Any:
        return any(_truthy(op.eval(answers, value)) for op in self.operands)

    def __str__(self) -> str:
        return " or ".join(_wrap(op, 2) for op in self.operands)


def _wrap(node: _Node, min_precedence: int) -> str:
    """Source of ``node``, in parentheses when it binds looser than its place needs."""
    text = str(node)
    return text if node.precedence >= min_precedence else f"({text})"


def _quote(text: str) -> str:
    if "'" not in text:
        return "'" + text.replace("\\", "\\\\") + "'"
    if '"' not in text:
        return '"' + text.replace("\\", "\\\\") + '"'
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'"


def _is_null_literal(node: _Node) -> bool:
    return isinstance(node, _Literal) and node.value is None


# --------------------------------------------------------------------------- semantics


def _is_number(x: Any) -> bool:
    return isinstance(x, (int, float)) and not isinstance(x, bool)


def _equal(a: Any, b: Any, depth: int = 0) -> bool:
    """Type-strict equality: numbers equal numerically, ``true`` never equals ``1``."""
    if depth > 100:
        return False
    if isinstance(a, bool) or isinstance(b, bool):
        return isinstance(a, bool) and isinstance(b, bool) and a is b
    if _is_number(a) and _is_number(b):
        return a == b
    if isinstance(a, str) and isinstance(b, str):
        return a == b
    if isinstance(a, (list, tuple)) and isinstance(b, (list, tuple)):
        return len(a) == len(b) and all(_equal(x, y, depth + 1) for x, y in zip(a, b, strict=True))
    if a is None or b is None:
        return a is b
    if isinstance(a, _dt.date) and isinstance(b, _dt.date):
        # date and datetime are not comparable with each other; treat as unequal
        return type(a) is type(b) and a == b
    return False


def _order(op: str, a: Any, b: Any) -> bool:
    if _is_number(a) and _is_number(b):
        if (isinstance(a, float) and math.isnan(a)) or (isinstance(b, float) and math.isnan(b)):
            return False
    elif isinstance(a, str) and isinstance(b, str):
        pass
    elif isinstance(a, _dt.date) and isinstance(b, _dt.date) and type(a) is type(b):
        if isinstance(a, _dt.datetime) and (a.tzinfo is None) != (b.tzinfo is None):
            return False
    else:
        return False
    if op == "<":
        return a < b
    if op == "<=":
        return a <= b
    if op == ">":
        return a > b
    return a >= b


def _truthy(x: Any) -> bool:
    if x is None or x is False:
        return False
    if x is True:
        return True
    if _is_number(x):
        return x != 0 and not (isinstance(x, float) and math.isnan(x))
    if isinstance(x, (str, list, tuple)):
        return len(x) > 0
    return False


# --------------------------------------------------------------------------- parser


class _Parser:
    def __init__(self, src: str):
        self.tokens = _tokenize(src)
        self.pos = 0
        self.depth = 0

    @property
    def tok(self) -> _Token:
        return self.tokens[self.pos]

    def is_kw(self, word: str, offset: int = 0) -> bool:
        t = self.tokens[min(self.pos + offset, len(self.tokens) - 1)]
        return t.kind == "kw" and t.text == word

    def advance(self) -> _Token:
        t = self.tokens[self.pos]
        if t.kind != "end":
            self.pos += 1
        return t

    def enter(self, token: _Token) -> None:
        self.depth += 1
        if self.depth > MAX_NESTING:
            raise ConditionError(
                f"the expression is nested too deeply (more than {MAX_NESTING} levels)",
                token.column,
            )

    def parse(self) -> _Node:
        node = self.parse_or()
        t = self.tok
        if t.kind != "end":
            if t.kind == "op" or self.is_kw("in") or (self.is_kw("not") and self.is_kw("in", 1)):
                raise ConditionError(
                    f"expected 'and', 'or' or the end of the expression, found {t.text!r} "
                    "(comparisons cannot be chained; use parentheses)",
                    t.column,
                )
            raise ConditionError(
                f"expected 'and', 'or' or the end of the expression, found {_describe(t)}",
                t.column,
            )
        return node

    def parse_or(self) -> _Node:
        operands = [self.parse_and()]
        while self.is_kw("or"):
            self.advance()
            operands.append(self.parse_and())
        return operands[0] if len(operands) == 1 else _Or(tuple(operands))

    def parse_and(self) -> _Node:
        operands = [self.parse_not()]
        while self.is_kw("and"):
            self.advance()
            operands.append(self.parse_not())
        return operands[0] if len(operands) == 1 else _And(tuple(operands))

    def parse_not(self) -> _Node:
        if self.is_kw("not"):
            token = self.advance()
            self.enter(token)
            operand = self.parse_not()
            self.depth -= 1
            return _Not(operand)
        return self.parse_cmp()

    def parse_cmp(self) -> _Node:
        left = self.parse_value()
        t = self.tok
        op: str | None = None
        if t.kind == "op":
            op = t.text
            self.advance()
        elif self.is_kw("in"):
            op = "in"
            self.advance()
        elif self.is_kw("not") and self.is_kw("in", 1):
            op = "not in"
            self.advance()
            self.advance()
        elif self.is_kw("not"):
            after = self.tokens[self.pos + 1]
            raise ConditionError(
                f"expected 'in' after 'not' ('not in'), found {_describe(after)}", after.column
            )
        if op is None:
            return left
        return _Compare(op, left, self.parse_value())

    def parse_value(self) -> _Node:
        t = self.tok
        if t.kind == "str":
            self.advance()
            return _Literal(t.value, t.text)
        if t.kind == "num":
            self.advance()
            return _Literal(t.value, t.text)
        if t.kind == "name":
            self.advance()
            return _Name(t.text)
        if t.kind == "dot":
            self.advance()
            return _Dot()
        if t.kind == "kw" and t.text in ("true", "false", "null"):
            self.advance()
            return _Literal({"true": True, "false": False, "null": None}[t.text], t.text)
        if t.kind == "(":
            self.advance()
            self.enter(t)
            node = self.parse_or()
            self.depth -= 1
            if self.tok.kind != ")":
                raise ConditionError(
                    f"expected ')' to close the '(' at column {t.column}, "
                    f"found {_describe(self.tok)}",
                    self.tok.column,
                )
            self.advance()
            return node
        if t.kind == "[":
            self.advance()
            self.enter(t)
            items: list[_Node] = []
            if self.tok.kind != "]":
                items.append(self.parse_value())
                while self.tok.kind == ",":
                    self.advance()
                    items.append(self.parse_value())
            if self.tok.kind != "]":
                raise ConditionError(
                    f"expected ',' or ']' to close the '[' at column {t.column}, "
                    f"found {_describe(self.tok)}",
                    self.tok.column,
                )
            self.depth -= 1
            self.advance()
            return _List(tuple(items))
        raise ConditionError(f"expected {_VALUE_HINT}, found {_describe(t)}", t.column)


def _describe(t: _Token) -> str:
    if t.kind == "end":
        return "the end of the expression"
    return repr(t.text)


# --------------------------------------------------------------------------- API


@dataclass(frozen=True)
class Condition:
    """A parsed condition. Compare and hash by meaning (the syntax tree)."""

    root: _Node
    source: str = field(compare=False)

    def evaluate(self, answers: Mapping[str, Any], value: Any = None) -> bool:
        """True when the condition holds for these answers (``value`` is ``.``).

        Never raises: missing answers are ``null`` and mismatched types compare false.
        """
        try:
            return _truthy(self.root.eval(answers, value))
        except RecursionError:  # pathologically nested answer values
            return False

    @property
    def names(self) -> frozenset[str]:
        """Question ids the condition reads (``.`` is not a name)."""
        return frozenset(n.name for n in _walk(self.root) if isinstance(n, _Name))

    @property
    def uses_value(self) -> bool:
        """True when the condition uses ``.`` (only meaningful in a constraint)."""
        return any(isinstance(n, _Dot) for n in _walk(self.root))

    def literals_for(self, name: str) -> set[Any]:
        """Literal values the answer to ``name`` is compared with or tested against.

        ``x == 'a'``, ``'a' == x``, ``x in ['a', 'b']``, ``'a' in x`` all give
        ``{'a', ...}`` for ``x``, so a loader can check that each is a real option
        value. ``null`` is left out (it means "not answered", always allowed).
        """
        found: set[Any] = set()
        for node in _walk(self.root):
            if not isinstance(node, _Compare):
                continue
            for mine, other in ((node.left, node.right), (node.right, node.left)):
                if _refers_to(mine, name):
                    found.update(_literal_values(other))
        return found

    def __str__(self) -> str:
        return str(self.root)


def _refers_to(node: _Node, name: str) -> bool:
    return isinstance(node, _Name) and node.name == name


def _literal_values(node: _Node) -> list[Any]:
    if isinstance(node, _Literal):
        return [] if node.value is None else [node.value]
    if isinstance(node, _List):
        return [
            item.value
            for item in node.items
            if isinstance(item, _Literal) and item.value is not None
        ]
    return []


def _walk(root: _Node) -> list[_Node]:
    out: list[_Node] = []
    stack = [root]
    while stack:
        node = stack.pop()
        out.append(node)
        if isinstance(node, _Compare):
            stack.extend((node.right, node.left))
        elif isinstance(node, _Not):
            stack.append(node.operand)
        elif isinstance(node, (_And, _Or)):
            stack.extend(reversed(node.operands))
        elif isinstance(node, _List):
            stack.extend(reversed(node.items))
    return out


def parse(expr: str) -> Condition:
    """Parse ``expr``; raise :class:`ConditionError` naming the column on any mistake."""
    if not isinstance(expr, str):
        raise ConditionError(f"a condition must be text, not {type(expr).__name__}", 1)
    if len(expr) > MAX_LENGTH:
        raise ConditionError(
            f"the expression is too long ({len(expr)} characters; the limit is {MAX_LENGTH})",
            MAX_LENGTH + 1,
        )
    if not expr.strip():
        raise ConditionError(f"the expression is empty: expected {_VALUE_HINT}", 1)
    return Condition(_Parser(expr).parse(), expr)
