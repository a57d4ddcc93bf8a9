"""Read a plan file into YAML nodes that keep their source positions.

Only PyYAML's safe machinery is used (the C parser when it is there), and only up to the
node graph: values are built by :mod:`tnplan.schema`, never by PyYAML's constructors, so no
tag can run code and YAML 1.1's surprises (``8:30`` as 510, ``no`` as false, ``012`` as 10)
never happen silently.  Everything that goes wrong here is reported, never raised.
"""

from __future__ import annotations

import re
import stat
import unicodedata
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, BinaryIO

import yaml

from .messages import Reporter

_Loader: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's when built with it

_STR_TAG = "tag:yaml.org,2002:str"
_SEQ_TAG = "tag:yaml.org,2002:seq"
_MAP_TAG = "tag:yaml.org,2002:map"
_KIND_TAGS = {yaml.ScalarNode: _STR_TAG, yaml.SequenceNode: _SEQ_TAG, yaml.MappingNode: _MAP_TAG}

Fold = dict[str, Callable[[yaml.MappingNode], yaml.Node]]
"""For the top-level keys it names, a function that converts each mapping of the key's list
as soon as it is read, and returns what stands for it in the node graph (see :func:`compose`)."""


class _Composer(_Loader):  # type: ignore[misc]
    """PyYAML's loader (libyaml's when it is there), used only to compose nodes: implicit
    tags are not resolved (tnplan reads scalars itself), so a node without an explicit tag
    has its kind's standard one."""

    def resolve(self, kind: type, value: Any, implicit: Any) -> str:
        return _KIND_TAGS[kind]

    def ascend_resolver(self) -> None:
        """Nothing to do when a node is complete (see :func:`compose`)."""


def compose(stream: bytes | str | BinaryIO, fold: Fold | None = None) -> yaml.Node | None:
    """The node graph of a one-document YAML stream (None when it is empty).

    PyYAML's nodes, composed by its composer (libyaml's, in C, when it is there), with the
    errors it raises for an undefined alias, a repeated anchor or a second document.
    Implicit tags are not resolved (tnplan reads scalars itself): a node without an explicit
    tag has its kind's standard one.

    With ``fold``, each mapping in the list of a top-level key it names is handed to its
    function as soon as it is complete, and what the function returns takes its place: a
    plan's activities are then converted one by one while the file is read, and the nodes of
    one activity are let go before the next is read (a big plan never holds all its nodes).
    Only for a stream without anchors, whose nodes each have one place.

    The composer tells where each node goes before composing it (``descend_resolver``: the
    collection that will hold it, and its index or key): an item of such a list is complete
    when the next one starts, or when the composer is back at the top level, or at the end.
    """
    composer = _Composer(stream)
    folds = fold or {}
    map_node, seq_node, scalar_node = yaml.MappingNode, yaml.SequenceNode, yaml.ScalarNode
    root: yaml.Node | None = None  # the document's node, once it holds another
    folding: yaml.SequenceNode | None = None  # the list whose items are folded now
    how: Callable[[yaml.MappingNode], yaml.Node] | None = None  # and how
    wanted: Callable[[yaml.MappingNode], yaml.Node] | None = None  # the next list's, if any

    def finish() -> None:
        nonlocal folding
        assert folding is not None and how is not None
        items = folding.value
        if items and items[-1].__class__ is map_node:
            items[-1] = how(items[-1])
        folding = None

    def descend(parent: yaml.Node | None, index: Any) -> None:
        nonlocal root, folding, how, wanted
        if parent is folding:  # an item of the list: the one before it is complete
            if index:
                assert how is not None
                items = parent.value  # type: ignore[union-attr]
                if items[index - 1].__class__ is map_node:
                    items[index - 1] = how(items[index - 1])
            return
        if root is None and parent is not None:  # the document's node holds its first
            root = parent
        if parent is root:  # a top-level key or value: a list before it is complete
            if folding is not None:
                finish()
            named = index.__class__ is scalar_node and folds.get(nfc(index.value))
            wanted = named or None
        elif wanted is not None:  # the first item of a top-level key's value
            if parent.__class__ is seq_node:
                folding, how = parent, wanted
            wanted = None

    if folds:
        composer.descend_resolver = descend
    try:
        node: yaml.Node | None = composer.get_single_node()
        if folding is not None:
            finish()
        return node
    finally:
        composer.dispose()


MAX_BYTES = 32 * 1024 * 1024
"""Larger files are refused before parsing: a plan is kilobytes, a huge one is a mistake.

32 MB holds a synthetic 50,000-activity plan (26 MB); a denser 50 MB file would take
tens of seconds and gigabytes to compose, so it is refused in milliseconds instead."""

MAX_DIGITS = 100
"""Longer plain integers stay text: a number field reports them out of range."""

MAX_EXPANSION = 2_000_000
"""How many nodes aliases may expand to in all (stops "billion laughs")."""

_STD = "tag:yaml.org,2002:"
_SCALAR_TAGS = {_STD + t for t in ("str", "int", "float", "bool", "null", "timestamp", "value")}
# Explicit tags tnplan accepts: the standard ones, which only restate a scalar's kind.
_ANCHOR = re.compile(rb"&(?=[^\s,\[\]{}])")
"""An ``&`` that may start an anchor; :func:`_has_anchor` checks the byte before it."""
_ANCHOR_BEFORE = frozenset(b" \t\r\n[{,:")
_NULLS = {"", "~", "null", "Null", "NULL"}
_TRUE = {"true", "True", "TRUE"}
_FALSE = {"false", "False", "FALSE"}
_INT = re.compile(r"[-+]?[0-9]+\Z")
_FLOAT = re.compile(r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?\Z")
_SPECIAL_FLOAT = re.compile(r"[-+]?\.(?:inf|Inf|INF|nan|NaN|NAN)\Z")
YAML11_BOOLS = frozenset(
    w for b in ("yes", "no", "on", "off", "y", "n") for w in (b, b.capitalize(), b.upper())
)


def pos(node: yaml.Node) -> tuple[int, int]:
    """1-based (line, column) where a node starts."""
    return node.start_mark.line + 1, node.start_mark.column + 1


_READ: dict[tuple[int, int], str] = {}
"""Every plan file read in this process: (device, inode) → the name it was read by."""


def read_as(path: Path) -> str | None:
    """The name a plan file was read by, if ``path`` reaches one (by identity: through
    symlinks, hard links and ``..``); None otherwise.  Writers refuse such a path."""
    try:
        info = path.stat()
    except (OSError, ValueError):
        return None
    return _READ.get((info.st_dev, info.st_ino))


def forget_reads() -> None:
    """Start a new run: no plan file counts as read (the CLI calls it once per command)."""
    _READ.clear()


def read(
    path: Path, rep: Reporter, *, plan: bool = True, fold: Fold | None = None
) -> yaml.Node | None:
    """Read and parse one plan file; problems go to ``rep``, never raised.

    A plan file is remembered as read (:func:`read_as`), so no command writes over it; other
    files read the same way (``plan=False``: a unit's results, which ``collect read
    --replace`` may rewrite) are not.
    """
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError
        if not stat.S_ISREG(info.st_mode):  # a FIFO would block, /dev/zero never ends
            reason = "không phải tệp thường" if rep.lang == "vi" else "not a regular file"
            rep.add((1, 1), "unreadable", reason=reason)
            return None
        if plan:
            _READ.setdefault((info.st_dev, info.st_ino), str(path))
        size = info.st_size
        if size > MAX_BYTES:
            rep.add((1, 1), "file-too-large", size=size // 2**20, max=MAX_BYTES // 2**20)
            return None
        with path.open("rb") as stream:
            anchored = _checked(stream.read(), rep)
            if anchored is None:
                return None
            # The checked bytes are let go and the parser reads the file again, a block at a
            # time: a big plan's text is not held while its plan is built (a message that
            # shows a line reads the file once more).
            stream.seek(0)
            rep.source = path
            return _parse(stream, anchored, rep, fold)
    except IsADirectoryError:
        rep.add((1, 1), "not-a-file")
        return None
    except OSError as exc:
        from .messages import os_reason

        rep.add((1, 1), "unreadable", reason=os_reason(exc, rep.lang))
        return None


def _line_col(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def parse_bytes(data: bytes, rep: Reporter, fold: Fold | None = None) -> yaml.Node | None:
    """Parse YAML bytes (UTF-8, optional BOM, any line endings) into a node graph.

    ``fold`` (see :func:`compose`) applies to a file without anchors."""
    anchored = _checked(data, rep)
    if anchored is None:
        return None
    rep.source = data
    return _parse(data, anchored, rep, fold)


def _checked(data: bytes, rep: Reporter) -> bool | None:
    """None, the problem reported, unless the bytes are UTF-8 text (a BOM allowed) without
    NUL and not blank; else whether they may hold an anchor (:func:`_has_anchor`).  The
    parser reads the same bytes (libyaml skips a BOM)."""
    start = 3 if data.startswith(b"\xef\xbb\xbf") else 0
    try:
        text = data.decode("utf-8") if not start else data[start:].decode("utf-8")
    except UnicodeDecodeError as exc:
        head = data[start : start + exc.start].decode("utf-8", "replace")
        rep.add(_line_col(head, len(head)), "not-utf8", byte=f"{data[start + exc.start]:02x}")
        return None
    nul = text.find("\0") if b"\0" in data else -1
    if nul >= 0:
        rep.add(_line_col(text, nul), "nul-byte")
        return None
    if not text or text.isspace():
        rep.add((1, 1), "empty-file")
        return None
    return _has_anchor(data)


def _parse(
    stream: bytes | BinaryIO, anchored: bool, rep: Reporter, fold: Fold | None
) -> yaml.Node | None:
    """The node graph of checked text (:func:`_checked`): bytes, or a file read in blocks."""
    try:
        root = compose(stream, None if anchored else fold)
    except yaml.YAMLError as exc:
        from .yaml_errors import explain

        found = explain(exc, rep.source, rep.lang)
        if found.code == "too-deep":
            rep.add((found.line, found.col), "too-deep")
        else:
            rep.add((found.line, found.col), "yaml-syntax", what=found.what, fix=found.fix)
        return None
    except RecursionError:
        rep.add((1, 1), "too-deep")
        return None
    if root is None:
        rep.add((1, 1), "empty-file")
        return None
    if anchored and not _expansion_ok(root, rep):
        return None
    return root


def _has_anchor(data: bytes) -> bool:
    """Whether the text may hold a YAML anchor (``&name`` at a token start, not ``KH&CN``).

    Searching for the ``&`` alone lets the regex engine skip ahead; most plans have none.
    """
    return any(
        m.start() == 0 or data[m.start() - 1] in _ANCHOR_BEFORE for m in _ANCHOR.finditer(data)
    )


def _expansion_ok(root: yaml.Node, rep: Reporter) -> bool:
    """Refuse documents whose aliases would expand beyond :data:`MAX_EXPANSION` nodes."""
    sizes: dict[int, int] = {}
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, done = stack.pop()
        key = id(node)
        if isinstance(node, yaml.ScalarNode):
            sizes[key] = 1
            continue
        if key in sizes and not done:
            continue
        children: list[yaml.Node] = (
            [n for kv in node.value for n in kv]
            if isinstance(node, yaml.MappingNode)
            else list(node.value)
        )
        if not done:
            sizes[key] = 1  # in progress: a cycle back here counts as one node
            stack.append((node, True))
            stack.extend((c, False) for c in children if id(c) not in sizes)
            continue
        total = 1 + sum(sizes.get(id(c), 1) for c in children)
        if total > MAX_EXPANSION:
            rep.add(pos(node), "alias-expansion")
            return False
        sizes[key] = total
    return True


def nfc(text: str) -> str:
    return text if text.isascii() else unicodedata.normalize("NFC", text)


def is_plain(node: yaml.ScalarNode) -> bool:
    return not node.style


def scalar(node: yaml.ScalarNode) -> str | int | float | bool | None:
    """The value of a scalar under YAML 1.2 core rules; quoted scalars are always text.

    Plain ``yes/no/on/off`` stay text, ``8:30`` stays text, ``012`` is returned as text
    (callers that want a number report it), ``2026-05-12`` stays text for the date parser.
    """
    text: str = node.value
    if not is_plain(node):
        return nfc(text)
    if text in _NULLS:
        return None
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    if _INT.match(text):
        digits = text.lstrip("+-")
        if len(digits) > 1 and digits.startswith("0"):
            return text
        if len(digits) > MAX_DIGITS:  # kept as written: no plan number is that long, and
            return text  # Python refuses to convert 4,300 digits and more
        return int(text)
    if _FLOAT.match(text):
        return float(text)
    if _SPECIAL_FLOAT.match(text):
        return float(text.replace(".", "", 1))
    return nfc(text)


def bad_tag(node: yaml.Node) -> str | None:
    """The tag of a node if it is one tnplan refuses (``!!python/object`` and friends)."""
    tag = node.tag or ""
    if isinstance(node, yaml.ScalarNode):
        return None if tag in _SCALAR_TAGS or tag == "!" else tag
    if isinstance(node, yaml.MappingNode):
        return None if tag == _STD + "map" else tag
    return None if tag == _STD + "seq" else tag


def is_merge_key(node: yaml.Node) -> bool:
    """``<<`` written plain: a YAML merge key (a quoted ``"<<"`` is an ordinary key)."""
    return isinstance(node, yaml.ScalarNode) and node.value == "<<" and is_plain(node)


def _kind(node: yaml.Node) -> str:
    if isinstance(node, yaml.MappingNode):
        return "mapping"
    if isinstance(node, yaml.SequenceNode):
        return "list"
    value = scalar(node)  # type: ignore[arg-type]
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "bool"
    return "int" if isinstance(value, int) else "float" if isinstance(value, float) else "text"


def merged_pairs(
    value: yaml.Node, rep: Reporter, done: set[int] | None = None
) -> list[tuple[yaml.Node, yaml.Node, yaml.MappingNode]]:
    """The pairs a merge key's value brings, first the ones that win: ``(key, value, the
    mapping that holds them)``.  A value that is not a mapping or a list of mappings is
    reported (``bad-merge``) and brings nothing; each mapping is merged once, and merges
    inside merged mappings are followed with a stack (a long chain of them is fine)."""
    done = set() if done is None else done
    out: list[tuple[yaml.Node, yaml.Node, yaml.MappingNode]] = []

    def sources(v: yaml.Node) -> list[yaml.Node]:
        if isinstance(v, yaml.MappingNode):
            return [v]
        if isinstance(v, yaml.SequenceNode):
            return list(v.value)
        rep.add(pos(v), "bad-merge", got=rep.word(_kind(v)))
        return []

    stack: list[Iterator[yaml.Node]] = [iter(sources(value))]
    while stack:
        src = next(stack[-1], None)
        if src is None:
            stack.pop()
            continue
        if not isinstance(src, yaml.MappingNode):
            rep.add(pos(src), "bad-merge", got=rep.word(_kind(src)))
            continue
        if id(src) in done:
            continue
        done.add(id(src))
        nested: list[yaml.Node] = []
        for knode, vnode in src.value:
            if is_merge_key(knode):
                nested.extend(sources(vnode))
            else:
                out.append((knode, vnode, src))
        stack.append(iter(nested))  # the source's own keys win over what it merges in turn
    return out


def mapping(node: yaml.MappingNode, rep: Reporter) -> Iterator[tuple[str, yaml.Node, yaml.Node]]:
    """Yield ``(key, key_node, value_node)``; report duplicate and non-text keys.

    Merge keys (``<<: *base``) are expanded, keys written here winning.
    """
    for key, knode, vnode, _ in mapping_in(node, rep):
        yield key, knode, vnode


def mapping_in(
    node: yaml.MappingNode, rep: Reporter
) -> Iterator[tuple[str, yaml.Node, yaml.Node, yaml.MappingNode]]:
    """Like :func:`mapping`, with the mapping each pair is written in (``node`` itself, or
    the mapping a merge key brought it from)."""
    seen: dict[str, int] = {}
    merges: list[yaml.Node] = []
    for knode, vnode in node.value:
        if is_merge_key(knode):
            merges.append(vnode)
            continue
        if not isinstance(knode, yaml.ScalarNode):
            rep.add(pos(knode), "bad-key")
            continue
        key = nfc(knode.value)
        line = knode.start_mark.line + 1
        if key in seen:
            rep.add(pos(knode), "duplicate-key", key=key, first=seen[key], line=line)
            continue
        seen[key] = line
        yield key, knode, vnode, node
    done = {id(node)}
    for value in merges:
        for knode, vnode, holder in merged_pairs(value, rep, done):
            if isinstance(knode, yaml.ScalarNode) and nfc(knode.value) not in seen:
                seen[nfc(knode.value)] = knode.start_mark.line + 1
                yield nfc(knode.value), knode, vnode, holder
