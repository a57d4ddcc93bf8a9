"""Build the typed plan from YAML nodes, and export the JSON Schema, from one definition.

The dataclasses in :mod:`tnplan.model` are the definition.  For each class a converter is
compiled once from its type hints; it walks the YAML nodes, reports every problem with its
position, and returns the typed object.  :func:`json_schema` reads the same hints and field
metadata, so the editor schema and the checker never disagree.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import re
import sys
import types
import typing
from collections.abc import Callable
from typing import Any

import yaml

from ..calendar.vi import ReadError, parse_date, parse_time, split_date_time
from . import load, model
from .messages import Reporter

INVALID: Any = object()
"""Returned by a converter whose input was wrong (the problem is already reported)."""

ID_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]*\Z")
_NONCHARACTERS = "\ufdd0-\ufdef" + "".join(
    chr(plane + 0xFFFE) + chr(plane + 0xFFFF) for plane in range(0, 0x110000, 0x10000)
)
_CONTROL = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069{_NONCHARACTERS}]")
"""Control characters (tab and newline aside), bidi overrides and non-characters (U+FFFE …):
never part of a plan's text, they would rewrite a terminal (``\\e[…``) or a printed name, and
a Word file cannot hold them."""
_MONEY_RE = re.compile(r"\d{1,3}(?:\.\d{3})+\Z")
_DOCNUMBER_RE = re.compile(r"\d{1,5}\Z")
DATE_PATTERN = r"^(\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[/.-]\d{1,2}[/.-]\d{4})$"
TIME_PATTERN = r"^([01]?\d|2[0-3]):[0-5]\d$"
DUE_PATTERN = DATE_PATTERN[:-2] + r")( ([01]?\d|2[0-3]):[0-5]\d)?$"

Conv = Callable[[yaml.Node, str, Reporter], Any]


def _kind_name(node: yaml.Node) -> str:
    if isinstance(node, yaml.MappingNode):
        return "mapping"
    if isinstance(node, yaml.SequenceNode):
        return "list"
    value = load.scalar(node)  # type: ignore[arg-type]
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, int):
        return "int"
    if isinstance(value, float):
        return "float"
    return "text"


def _wrong(node: yaml.Node, label: str, rep: Reporter, expected: str, fix: str = "") -> Any:
    if not _check_tag(node, rep):
        return INVALID
    got = _kind_name(node)
    if not fix and got in ("bool", "int", "float") and expected == "text":
        fix = rep.fix("quote-it")
    rep.add(
        load.pos(node),
        "wrong-type",
        field=label,
        expected=rep.word(expected),
        got=rep.word(got),
        fix=fix,
    )
    return INVALID


_PLAIN_TAGS = frozenset(load._KIND_TAGS.values())


def _check_tag(node: yaml.Node, rep: Reporter) -> bool:
    if node.tag in _PLAIN_TAGS:  # the common case: no explicit tag
        return True
    tag = load.bad_tag(node)
    if tag is None:
        return True
    rep.add(load.pos(node), "bad-tag", tag=tag.replace("tag:yaml.org,2002:", "!!"))
    return False


def _colon_trap(node: yaml.Node, label: str, rep: Reporter) -> bool:
    """``- Lưu ý: mang theo …``: text with ``: `` read as a one-pair mapping.

    Reports ``colon-in-text`` with the line to paste and returns True when that is what
    happened; False leaves the node to the usual "wrong type" report.
    """
    if not isinstance(node, yaml.MappingNode) or len(node.value) != 1 or node.flow_style:
        return False
    knode, vnode = node.value[0]
    if not (isinstance(knode, yaml.ScalarNode) and load.is_plain(knode)):
        return False
    if not isinstance(vnode, yaml.ScalarNode) or vnode.end_mark.line != knode.start_mark.line:
        return False
    from .yaml_errors import _split_comment, quote

    line = rep.line(knode.start_mark.line + 1)
    col = knode.start_mark.column
    pair, comment = _split_comment(line[col:])
    if not pair:
        return False
    before = line[:col].rstrip()
    fixed = ("- " if before.endswith("-") else "") + quote(pair) + comment
    rep.add(load.pos(knode), "colon-in-text", field=label, pair=load.nfc(pair), line=fixed)
    return True


def _text(kind: str, empty: str = "fill-or-remove") -> Conv:
    def conv(node: yaml.Node, label: str, rep: Reporter) -> Any:
        if not isinstance(node, yaml.ScalarNode):
            if _colon_trap(node, label, rep):
                return INVALID
            return _wrong(node, label, rep, "text")
        if node.tag not in _PLAIN_TAGS and not _check_tag(node, rep):
            return INVALID
        raw = node.value
        if node.style:  # quoted or block text: always text
            text = load.nfc(raw).strip()
            if text and kind != "id":
                return _printable(text, node, label, rep)
        elif raw in load._NULLS or raw in load._TRUE or raw in load._FALSE:
            return _wrong(node, label, rep, "text")
        else:  # plain: a number is text here too, as written
            text = load.nfc(raw).strip()
        if not text:
            rep.add(load.pos(node), "empty-text", field=label, fix=rep.fix(empty))
            return INVALID
        if kind == "id" and not ID_RE.match(text):
            rep.add(load.pos(node), "bad-id", value=text)
            return INVALID
        if kind == "docnumber" and not _DOCNUMBER_RE.match(text):
            rep.add(load.pos(node), "bad-docnumber", value=text)
            return INVALID
        if kind in _REF_KINDS:  # an id written in many places: one string for them all
            text = sys.intern(text)
        return _printable(text, node, label, rep)

    # How a mapping's converter may read a plain value of this field itself (_compile).
    conv.fast = {"": "text", "id": "id"}.get(kind, "ref" if kind in _REF_KINDS else None)  # type: ignore[attr-defined]
    return conv


_REF_KINDS = frozenset({"id", "unit", "guest", "invitee", "activity", "deadline"})


def _printable(text: str, node: yaml.Node, label: str, rep: Reporter) -> Any:
    if not text.isprintable():  # the fast test; newlines and tabs land here too
        found = _CONTROL.search(text)
        if found:
            char = f"U+{ord(found.group()):04X}"
            rep.add(load.pos(node), "control-char", field=label, char=char)
            return INVALID
    return text


def _whole(node: yaml.Node, label: str, rep: Reporter) -> Any:
    """A whole number as written (any size), or INVALID with the problem reported."""
    if not isinstance(node, yaml.ScalarNode):
        return _wrong(node, label, rep, "int")
    if not _check_tag(node, rep):
        return INVALID
    value = load.scalar(node)
    if isinstance(value, bool) or value is None:
        return _wrong(node, label, rep, "int")
    if isinstance(value, int):
        return value
    if isinstance(value, str) and load.is_plain(node) and value.lstrip("+-").isdigit():
        digits = value.lstrip("+-")
        if len(digits) > 1 and digits.startswith("0"):
            rep.add(load.pos(node), "leading-zero", field=label, value=_clip(value, rep))
            return INVALID
        return TooLong(value)  # more digits than load.MAX_DIGITS: out of any range
    if isinstance(value, str) and _MONEY_RE.match(value):
        if len(value) > load.MAX_DIGITS:
            return TooLong(value)
        return int(value.replace(".", ""))
    if isinstance(value, float) and value.is_integer() and "e" not in node.value.lower():
        return int(value)
    rep.add(load.pos(node), "bad-number", field=label, value=_clip(node.value, rep))
    return INVALID


class TooLong(str):
    """A whole number with more digits than any bound (kept as its text)."""


def _clip(text: str, rep: Reporter, limit: int = 40) -> str:
    """A value short enough to show in a message: ``99999…(5000 chữ số)``."""
    if len(text) <= limit:
        return text
    return f"{text[:20]}… ({len(text)} {'ký tự' if rep.lang == 'vi' else 'characters'})"


def _int(node: yaml.Node, label: str, rep: Reporter) -> Any:
    value = _whole(node, label, rep)
    if isinstance(value, TooLong):
        rep.add(load.pos(node), "bad-number", field=label, value=_clip(value, rep))
        return INVALID
    return value


_int.fast = ("int", None, None)  # type: ignore[attr-defined]


def _int_in(low: int, high: int, unit: str) -> Conv:
    """A whole number from ``low`` to ``high``; outside, ``number-range`` names the unit."""

    def conv(node: yaml.Node, label: str, rep: Reporter) -> Any:
        value = _whole(node, label, rep)
        if value is INVALID:
            return INVALID
        if isinstance(value, TooLong) or not low <= value <= high:
            word = rep.unit(unit)
            shown = _clip(value, rep) if isinstance(value, TooLong) else rep.number(value)
            rep.add(
                load.pos(node),
                "number-range",
                field=label,
                value=f"{shown} {word}".strip(),
                low=f"{rep.number(low)} {word}".strip(),
                high=f"{rep.number(high)} {word}".strip(),
            )
            return INVALID
        return value

    conv.fast = ("int", low, high)  # type: ignore[attr-defined]
    return conv


def _bool(node: yaml.Node, label: str, rep: Reporter) -> Any:
    if not isinstance(node, yaml.ScalarNode):
        return _wrong(node, label, rep, "bool")
    if not _check_tag(node, rep):
        return INVALID
    value = load.scalar(node)
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value in load.YAML11_BOOLS:
        rep.add(load.pos(node), "yaml-boolean", field=label, value=value)
        return INVALID
    return _wrong(node, label, rep, "bool")


def _date(node: yaml.Node, label: str, rep: Reporter) -> Any:
    if not isinstance(node, yaml.ScalarNode) or isinstance(load.scalar(node), bool):
        return _wrong(node, label, rep, "date")
    if not _check_tag(node, rep):
        return INVALID
    text = node.value.strip()
    try:
        return _parse_date(text)
    except ValueError as exc:
        reason, fix = _reason(exc, rep, "12/5/2026")
        rep.add(load.pos(node), "bad-date", field=label, value=text, reason=reason, fix=fix)
        return INVALID


_date.fast = "date"  # type: ignore[attr-defined]


class DueAt(tuple[dt.date, dt.time]):
    """A due date written with its hour (``due: 8/5/2026 16:00``): split into ``due`` and
    ``time`` when the task or deadline is built."""


def _due(node: yaml.Node, label: str, rep: Reporter) -> Any:
    if not isinstance(node, yaml.ScalarNode) or " " not in node.value.strip():
        return _date(node, label, rep)
    date_text, time_text = split_date_time(node.value)
    if time_text is None:
        return _date(node, label, rep)
    day = _date(yaml.ScalarNode(node.tag, date_text, node.start_mark, node.end_mark), label, rep)
    at = _time(yaml.ScalarNode(node.tag, time_text, node.start_mark, node.end_mark), label, rep)
    if day is INVALID or at is INVALID:
        return INVALID
    return DueAt((day, at))


_due.fast = "due"  # type: ignore[attr-defined]


def _time(node: yaml.Node, label: str, rep: Reporter) -> Any:
    if not isinstance(node, yaml.ScalarNode) or isinstance(load.scalar(node), bool):
        return _wrong(node, label, rep, "time")
    if not _check_tag(node, rep):
        return INVALID
    text = node.value.strip()
    try:
        return _parse_time(text)
    except ValueError as exc:
        reason, fix = _reason(exc, rep, '"08:30"')
        rep.add(load.pos(node), "bad-time", field=label, value=text, reason=reason, fix=fix)
        return INVALID


# A plan writes the same few hundred dates and times again and again: each is read once (a
# date or time object is never changed, so they are shared).
_parse_date = functools.lru_cache(maxsize=4096)(parse_date)
_parse_time = functools.lru_cache(maxsize=1024)(parse_time)


def _reason(exc: ValueError, rep: Reporter, example: str) -> tuple[str, str]:
    """A date or time error as (reason, what to write): ``calendar.vi`` puts a colon between."""
    text = exc.text(rep.lang) if isinstance(exc, ReadError) else str(exc)
    reason, _, fix = text.partition(": ")
    return reason, fix or rep.fix("example", example)


def _literal(choices: tuple[str, ...]) -> Conv:
    def conv(node: yaml.Node, label: str, rep: Reporter) -> Any:
        if not isinstance(node, yaml.ScalarNode):
            return _wrong(node, label, rep, "text")
        if not _check_tag(node, rep):
            return INVALID
        if node.value in choices:
            return node.value
        rep.add(
            load.pos(node),
            "bad-value",
            field=label,
            value=node.value,
            fix=rep.suggest_value(node.value, choices),
        )
        return INVALID

    return conv


def _optional(inner: Conv) -> Conv:
    def conv(node: yaml.Node, label: str, rep: Reporter) -> Any:
        if isinstance(node, yaml.ScalarNode) and load.is_plain(node) and node.value in load._NULLS:
            return None
        return inner(node, label, rep)

    conv.inner = inner  # type: ignore[attr-defined]  # a mapping's converter tests null itself
    return conv


def _union_text_or(cls: type[model.Node], empty: str) -> Conv:
    text = _text("", empty)
    fields = {fd.name for fd in dataclasses.fields(cls)}

    def conv(node: yaml.Node, label: str, rep: Reporter) -> Any:
        if isinstance(node, yaml.MappingNode):
            key = node.value[0][0] if len(node.value) == 1 else None
            if (
                isinstance(key, yaml.ScalarNode)
                and key.value not in fields
                and _colon_trap(node, label, rep)
            ):
                return INVALID
            return converter(cls)(node, label, rep)
        return text(node, label, rep)

    return conv


_SCALARS: dict[Any, Conv] = {int: _int, bool: _bool, dt.date: _date, dt.time: _time}


def _for_type(
    tp: Any,
    kind: str,
    empty: str = "fill-or-remove",
    bounds: tuple[int, int, str] | None = None,
) -> tuple[Conv, bool]:
    """The converter for a type hint, and whether the item is a list (for positions).

    ``empty`` says what an empty text should become (a key of ``messages.FIXES``): a
    required field is filled in, an optional one filled in or removed, a list item deleted.
    ``bounds`` is a whole number's (lowest, highest, unit), from the field's metadata.
    """
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if tp is int and bounds is not None:
        return _int_in(*bounds), False
    if origin in (types.UnionType, typing.Union):
        rest = [a for a in args if a is not type(None)]
        if len(rest) == 1:
            inner, _ = _for_type(rest[0], kind, empty, bounds)
            return _optional(inner), False
        dc = next(a for a in rest if dataclasses.is_dataclass(a))
        return _union_text_or(dc, empty), False  # type: ignore[arg-type]
    if origin is list:
        return _list(_for_type(args[0], kind, "fill-or-remove-item")[0]), True
    if origin is typing.Literal:
        return _literal(tuple(args)), False
    if tp is str:
        return _text(kind, empty), False
    if tp is dt.date and kind == "due":
        return _due, False
    if tp in _SCALARS:
        return _SCALARS[tp], False
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        return _nested(tp), False
    raise TypeError(f"no converter for {tp!r}")


_SLOW = object()
"""What :func:`_quick` returns for a value it leaves to the field's converter."""


def _quick(fast: Any, raw: str) -> Any:
    """The value of a plain, untagged scalar ``raw`` of a field whose converter has this
    ``fast`` reading (the usual values, read without the converter's checks, which only
    report), or :data:`_SLOW`: the converter reads it, as it reads every other value."""
    if fast == "date" or fast == "due":
        text = raw.strip()
        if fast == "due" and " " in text:
            return _SLOW
        try:
            return _parse_date(text)
        except ValueError:
            return _SLOW
    if fast.__class__ is tuple:  # ("int", lowest, highest)
        if not (raw.isascii() and raw.isdigit()) or (raw[0] == "0" and len(raw) > 1):
            return _SLOW
        if len(raw) > 18:
            return _SLOW
        number = int(raw)
        low, high = fast[1], fast[2]
        return number if low is None or low <= number <= high else _SLOW
    text = (raw if raw.isascii() else load.nfc(raw)).strip()
    if not text or not text.isprintable() or (fast == "id" and not ID_RE.match(text)):
        return _SLOW
    return text if fast == "text" else sys.intern(text)


def _nested(cls: type[Any]) -> Conv:
    """A field that is a model class: its converter, compiled when it is first needed (a
    class may hold itself, in the end)."""
    found: list[Conv] = []

    def conv(node: yaml.Node, label: str, rep: Reporter) -> Any:
        if not found:
            found.append(converter(cls))
        return found[0](node, label, rep)

    return conv


def _list(item: Conv) -> Conv:
    fast = getattr(item, "fast", None)
    not_text = load._NULLS | load._TRUE | load._FALSE
    str_tag, scalar_node = load._STR_TAG, yaml.ScalarNode

    def conv(node: yaml.Node, label: str, rep: Reporter) -> Any:
        if isinstance(node, yaml.ScalarNode) and load.is_plain(node) and node.value in load._NULLS:
            return []
        if not isinstance(node, yaml.SequenceNode):
            return _wrong(node, label, rep, "list")
        if not _check_tag(node, rep):
            return INVALID
        out = []
        for child in node.value:
            if child.__class__ is Folded:  # converted while the file was read
                if child.problems:
                    rep.problems.extend(child.problems)
                if child.dropped:
                    rep.dropped |= child.dropped
                value = child.obj
            elif (
                fast is None
                or child.__class__ is not scalar_node
                or child.style
                or child.tag != str_tag
                or child.value in not_text
                or (value := _quick(fast, child.value)) is _SLOW
            ):
                value = item(child, label, rep)
            if value is not INVALID:
                out.append(value)
        return out

    return conv


class Folded(yaml.MappingNode):
    """An item of a plan's top-level list, converted as soon as it was read (:func:`fold`):
    the object (or :data:`INVALID`), and the problems and dropped ids its conversion found,
    which the list's converter hands to the reporter when it reaches the item, as if it had
    converted it then."""

    __slots__ = ("dropped", "end_mark", "flow_style", "obj", "problems", "start_mark", "tag")
    value: tuple[()] = ()

    def __init__(self, node: yaml.Node, obj: Any, found: Reporter) -> None:
        self.tag = node.tag
        self.start_mark = node.start_mark
        self.end_mark = None
        self.flow_style = None
        self.obj = obj
        self.problems = found.problems or None
        self.dropped = found.dropped or None


def fold(rep: Reporter) -> load.Fold:
    """For :func:`tnplan.plan.load.compose`: the plan's top-level lists of objects (units,
    guests, activities, deadlines …) are converted item by item as the file is read, so a
    large plan's nodes are let go one activity at a time instead of all held until the end."""
    plan = converter(model.Plan)  # compiles the item converters too
    del plan
    out: load.Fold = {}
    hints = typing.get_type_hints(model.Plan)
    for fd in dataclasses.fields(model.Plan):
        args = typing.get_args(hints[fd.name])
        if (
            fd.metadata.get("internal")
            or typing.get_origin(hints[fd.name]) is not list
            or not (isinstance(args[0], type) and dataclasses.is_dataclass(args[0]))
        ):
            continue

        out[fd.name] = _folder(converter(args[0]), fd.name, rep)
    return out


def _folder(conv: Conv, label: str, rep: Reporter) -> Callable[[yaml.MappingNode], yaml.Node]:
    found: Reporter | None = None  # made once the file is read (a child shares its text)

    def item(node: yaml.MappingNode) -> yaml.Node:
        nonlocal found
        if found is None:
            found = rep.child()
        folded = Folded(node, conv(node, label, found), found)
        if found.problems or found.dropped:  # kept by the item: the next one gets its own
            found = None
        return folded

    return item


_CACHE: dict[type, Conv] = {}


def converter(cls: type[Any]) -> Conv:
    """The compiled converter of a model class (built on first use, then cached)."""
    compiled = _CACHE.get(cls)
    if compiled is None:
        compiled = _CACHE[cls] = _compile(cls)
    return compiled


def _compile(cls: type[Any]) -> Conv:
    hints = typing.get_type_hints(cls)
    fields: dict[str, tuple[Conv, bool, bool, bool, str | None]] = {}
    for fd in dataclasses.fields(cls):
        if fd.metadata.get("internal"):
            continue
        required = fd.default is dataclasses.MISSING and fd.default_factory is dataclasses.MISSING
        empty = "fill-required" if required else "fill-or-remove"
        field_conv, is_list = _for_type(
            hints[fd.name], fd.metadata.get("kind", ""), empty, fd.metadata.get("bounds")
        )
        inner = getattr(field_conv, "inner", None)  # optional: null is None, tested here
        fconv = inner or field_conv
        fast = getattr(fconv, "fast", None)  # how _quick reads its usual values
        fields[fd.name] = (fconv, is_list, required, inner is not None, fast)
    names = list(fields)
    required_names = [name for name, (_, _, required, _, _) in fields.items() if required]
    nulls = load._NULLS
    not_text = load._NULLS | load._TRUE | load._FALSE
    str_tag = load._STR_TAG
    nfc = load.nfc
    intern = sys.intern
    cls_name = cls.__name__
    scalar_node = yaml.ScalarNode

    def conv(node: yaml.Node, label: str, rep: Reporter) -> Any:
        if not isinstance(node, yaml.MappingNode):
            if isinstance(node, (yaml.ScalarNode, yaml.SequenceNode)):
                rep.add(load.pos(node), "not-a-mapping", field=label)
            return INVALID
        if node.tag not in _PLAIN_TAGS and not _check_tag(node, rep):
            return INVALID
        values: dict[str, Any] = {}
        pos_keys: list[str] = []
        pos_at: list[int] = []  # the positions of pos_keys (model.Positions.packed)
        bad: set[str] = set()
        broken = False
        pairs = node.value
        for knode, _ in pairs:  # the usual case: every key is text, and none is `<<`
            if knode.__class__ is not scalar_node or knode.value == "<<":
                # Merge keys, or keys that are not text: the general reading.
                pairs = [(k, v) for _, k, v in load.mapping(node, rep)]
                break
        seen: dict[str, yaml.Node] = {}
        meant: set[str] = set()  # fields an unknown key was taken for: not reported missing too
        for knode, vnode in pairs:
            key = knode.value
            if not key.isascii():
                key = load.nfc(key)
            if key in seen:
                first = seen[key].start_mark.line + 1
                line = knode.start_mark.line + 1
                rep.add(load.pos(knode), "duplicate-key", key=key, first=first, line=line)
                continue
            seen[key] = knode
            spec = fields.get(key)
            if spec is None:
                from .field_words import suggest_field

                found = suggest_field(key, cls_name, names)
                if len(found) == 1:
                    meant.add(found[0])
                rep.add(
                    load.pos(knode),
                    "unknown-field",
                    field=key,
                    where=_where(label, rep)[0],
                    suggest=rep.field_hint(found, names),
                )
                continue
            fconv, is_list, required, optional, fast = spec
            if (
                required
                and vnode.__class__ is scalar_node
                and vnode.value in nulls
                and not vnode.style
                and vnode.tag in _PLAIN_TAGS
            ):  # null, ~ or nothing, written as such (an explicit tag is reported elsewhere)
                rep.add(
                    load.pos(vnode),
                    "missing-field",
                    field=key,
                    where=_where(label, rep)[0],
                    fix=rep.fix("fill-field", field=key),
                )
                broken = True
                bad.add(key)
                continue
            if vnode.__class__ is not scalar_node or vnode.style or vnode.tag != str_tag:
                value = fconv(vnode, key, rep)
            elif optional and vnode.value in nulls:
                value = None
            elif fast is None or vnode.value in not_text:
                value = fconv(vnode, key, rep)
            elif fast == "text" or fast == "ref":  # the most values: _quick's reading, here
                raw = vnode.value
                value = (raw if raw.isascii() else nfc(raw)).strip()
                if not value or not value.isprintable():
                    value = fconv(vnode, key, rep)
                elif fast == "ref":
                    value = intern(value)
            elif (value := _quick(fast, vnode.value)) is _SLOW:
                value = fconv(vnode, key, rep)
            if value is INVALID:
                broken = broken or required
                bad.add(key)
                if key == "id" and isinstance(vnode, yaml.ScalarNode):  # a bad id: references
                    rep.dropped.add(load.nfc(vnode.value).strip())  # to it are not errors too
                continue
            if value is None and required:
                rep.add(
                    load.pos(vnode),
                    "missing-field",
                    field=key,
                    where=_where(label, rep)[0],
                    fix=rep.fix("fill-field", field=key),
                )
                broken = True
                continue
            values[key] = value
            mark = vnode.start_mark
            pos_keys.append(key)
            pos_at.append((mark.line + 1) << 32 | (mark.column + 1))
            if is_list and isinstance(vnode, yaml.SequenceNode) and vnode.value:
                children = vnode.value
                pos_keys += _item_keys(key, len(children))
                pos_at += [
                    (c.start_mark.line + 1) << 32 | (c.start_mark.column + 1) for c in children
                ]
        at = load.pos(node)
        for name in required_names:
            if name not in values and name not in bad:
                broken = True
                if name in meant:
                    continue
                where, into = _where(label, rep)
                rep.add(
                    at,
                    "missing-field",
                    field=name,
                    where=where,
                    fix=rep.fix("add-field", field=name, where=into),
                )
                broken = True
        if broken:
            if isinstance(values.get("id"), str):
                rep.dropped.add(values["id"])
            return INVALID
        due = values.get("due")
        if isinstance(due, DueAt):
            values["due"] = due[0]
            if values.get("time", due[1]) != due[1]:
                packed = pos_at[pos_keys.index("time")]
                rep.add(
                    (packed >> 32, packed & 0xFFFFFFFF),
                    "due-time-twice",
                    due=due[1].strftime("%H:%M"),
                    time=values["time"].strftime("%H:%M"),
                )
                return INVALID
            values["time"] = due[1]
            if "time" not in pos_keys:  # the hour is where the due date is
                pos_keys.append("time")
                pos_at.append(pos_at[pos_keys.index("due")])
        values["pos"] = at
        values["field_pos"] = model.Positions.packed(tuple(pos_keys), pos_at)
        bad |= meant  # written under another name, already reported: no "missing" warning too
        if bad:
            values["bad_fields"] = frozenset(bad)
        return cls(**values)  # the model's classes have slots: small and quick to make

    return conv


_ITEM_KEYS: dict[tuple[str, int], list[str]] = {}


def _item_keys(key: str, count: int) -> list[str]:
    """``key.0`` … the position keys of a list's items (the same few, again and again)."""
    found = _ITEM_KEYS.get((key, count))
    if found is None:
        found = _ITEM_KEYS[key, count] = [f"{key}.{i}" for i in range(count)]
    return found


def _where(label: str, rep: Reporter) -> tuple[str, str]:
    """Where a mapping is, for messages: `` (trong `signer`)`` and `` trong `signer` ``."""
    if label == "plan":
        return "", rep.fix("top")
    return rep.fix("in", label=label), rep.fix("into", label=label)


def build_plan(root: yaml.Node, rep: Reporter) -> model.Plan | None:
    """Convert the root node into a :class:`~tnplan.model.Plan` (None if it cannot be)."""
    if not isinstance(root, yaml.MappingNode):
        rep.add(load.pos(root), "not-a-mapping", field="plan" if rep.lang == "en" else "kế hoạch")
        return None
    plan = converter(model.Plan)(root, "plan", rep)
    return None if plan is INVALID else plan


def plain(node: yaml.Node) -> Any:
    """The node as plain JSON-compatible data, read with tnplan's scalar rules."""
    if isinstance(node, yaml.MappingNode):
        return {k: plain(v) for k, _, v in load.mapping(node, Reporter(""))}
    if isinstance(node, yaml.SequenceNode):
        return [plain(v) for v in node.value]
    value = load.scalar(node)  # type: ignore[arg-type]
    if isinstance(value, float) and (value != value or value in (float("inf"), float("-inf"))):
        return node.value
    return value


# JSON Schema ---------------------------------------------------------------------------

SCHEMA_ID = "https://tnplan.example/schema/tnplan-1.schema.json"


def _schema_for(
    tp: Any, kind: str, defs: dict[str, Any], bounds: tuple[int, int, str] | None = None
) -> dict[str, Any]:
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if origin in (types.UnionType, typing.Union):
        rest = [a for a in args if a is not type(None)]
        alts = [_schema_for(a, kind, defs, bounds) for a in rest]
        if len(rest) < len(args):
            alts.append({"type": "null"})
        return alts[0] if len(alts) == 1 else {"anyOf": alts}
    # The checker reads a plain number as text where text is wanted (`title: 2026`), an
    # empty list as [] and `1.500.000` as a whole number: the schema accepts the same.
    if origin is list:
        return {"type": ["array", "null"], "items": _schema_for(args[0], kind, defs)}
    if origin is typing.Literal:
        return {"enum": list(args)}
    if tp is str:
        if kind in ("id", "unit", "guest", "invitee", "activity", "deadline"):
            return {
                "type": ["string", "integer"],
                "pattern": "^[A-Za-z0-9][A-Za-z0-9_.-]*$",
                "minimum": 0,
            }
        if kind == "docnumber":
            return {"type": ["string", "integer"], "pattern": r"^\d{1,5}$", "minimum": 0}
        return {"type": ["string", "number"], "minLength": 1}
    if tp is int:
        money = {"type": "string", "pattern": r"^\d{1,3}(\.\d{3})+$"}
        whole: dict[str, Any] = {"type": "integer"}
        if bounds is not None:
            whole.update(minimum=bounds[0], maximum=bounds[1])
        return {"anyOf": [whole, money]}
    if tp is bool:
        return {"type": "boolean"}
    if tp is dt.date:
        return {"type": "string", "pattern": DUE_PATTERN if kind == "due" else DATE_PATTERN}
    if tp is dt.time:
        return {"type": "string", "pattern": TIME_PATTERN}
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        name = tp.__name__
        if name not in defs:
            defs[name] = {}
            defs[name] = _object_schema(tp, defs)
        return {"$ref": f"#/$defs/{name}"}
    raise TypeError(f"no schema for {tp!r}")


def _object_schema(cls: type[Any], defs: dict[str, Any]) -> dict[str, Any]:
    hints = typing.get_type_hints(cls)
    props: dict[str, Any] = {}
    required: list[str] = []
    for fd in dataclasses.fields(cls):
        if fd.metadata.get("internal"):
            continue
        sub = dict(
            _schema_for(
                hints[fd.name], fd.metadata.get("kind", ""), defs, fd.metadata.get("bounds")
            )
        )
        sub["description"] = fd.metadata["desc"]
        if fd.default is dataclasses.MISSING and fd.default_factory is dataclasses.MISSING:
            required.append(fd.name)
        elif fd.default is not dataclasses.MISSING and fd.default is not None:
            sub["default"] = fd.default
        if fd.metadata.get("example") is not None:
            sub["examples"] = [fd.metadata["example"]]
        props[fd.name] = sub
    out: dict[str, Any] = {"type": "object", "properties": props, "additionalProperties": False}
    if cls.__doc__ and not cls.__doc__.startswith(cls.__name__ + "("):
        out["description"] = cls.__doc__.strip().splitlines()[0]
    if required:
        out["required"] = required
    return out


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of plan format v1, from the model."""
    defs: dict[str, Any] = {}
    root = _object_schema(model.Plan, defs)
    root["properties"]["format"] = {
        "const": model.FORMAT,
        "description": "Phiên bản định dạng kế hoạch",
    }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "tnplan — kế hoạch (định dạng tnplan/1)",
        **root,
        "$defs": dict(sorted(defs.items())),
    }
