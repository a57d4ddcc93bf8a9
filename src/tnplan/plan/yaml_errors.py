"""What a YAML syntax error means and how to fix it, in Vietnamese or in English.

libyaml reports a problem in its own words ("mapping values are not allowed in this context")
at a mark.  Three mistakes come far before all others in hand-written plans, and each gets a
diagnosis read from the source line itself:

* a tab in the indentation: indent with spaces;
* text with ``: `` in it (``title: Lưu ý: …``): put the text in quotes, and here is the line
  to paste;
* a line indented to match no key above: which key it belongs under, and how many spaces.

An unclosed quote or bracket is reported where it was opened, not where libyaml noticed it.
Every other libyaml problem has its words in both languages in :data:`PROBLEMS`.
"""

from __future__ import annotations

import re
from typing import NamedTuple

import yaml


class Syntax(NamedTuple):
    """One explained syntax error: where, the problem code, what happened, how to fix it."""

    line: int
    col: int
    code: str
    what: str
    fix: str


# libyaml's problem → (vi what, vi fix, en what, en fix), for problems with no diagnosis of
# their own below.  ``{char}`` is the character at the problem's mark.
PROBLEMS: dict[str, tuple[str, str, str, str]] = {
    "found character that cannot start any token": (
        "ký tự '{char}' không được đứng đầu một giá trị",
        "đặt giá trị trong ngoặc kép",
        "the character '{char}' cannot start a value",
        "put the value in quotes",
    ),
    "found a tab character that violates indentation": (
        "dòng thụt lề bằng tab",
        "thụt lề bằng dấu cách, không dùng tab",
        "the line is indented with a tab",
        "indent with spaces, not tabs",
    ),
    "found a tab character where an indentation space is expected": (
        "dòng trong khối chữ thụt lề bằng tab",
        "thụt lề bằng dấu cách, không dùng tab",
        "a line of the text block is indented with a tab",
        "indent with spaces, not tabs",
    ),
    "mapping values are not allowed in this context": (
        "có dấu hai chấm và dấu cách (`: `) ở chỗ không thể mở một khóa mới",
        "đặt chữ có `: ` trong ngoặc kép",
        'a colon and a space (": ") where no new key can start',
        'put text containing ": " in quotes',
    ),
    "block sequence entries are not allowed in this context": (
        "mục danh sách `- ` ở chỗ không thể bắt đầu danh sách",
        "viết mỗi mục `- …` trên một dòng riêng, thụt vào dưới khóa của danh sách",
        "a list item `- ` where no list can start",
        "write each `- …` item on a line of its own, indented under the list's key",
    ),
    "mapping keys are not allowed in this context": (
        "dấu `?` mở một khóa ở chỗ không được phép",
        "đặt giá trị trong ngoặc kép",
        "`?` opens a key where none is allowed",
        "put the value in quotes",
    ),
    "could not find expected ':'": (
        "dòng không có dấu hai chấm sau khóa",
        "viết `khóa: giá trị`, có một dấu cách sau dấu hai chấm",
        "the line has no colon after its key",
        "write `key: value`, with a space after the colon",
    ),
    "found unexpected end of stream": (
        "tệp hết trước khi dấu ngoặc kép được đóng",
        "đóng dấu ngoặc kép ở cuối giá trị",
        "the file ends before the quote is closed",
        "close the quote at the end of the value",
    ),
    "found unexpected document indicator": (
        "dòng `---` hoặc `...` nằm trong một chữ đặt trong ngoặc kép chưa đóng",
        "đóng dấu ngoặc kép ở cuối giá trị",
        "a `---` or `...` line inside quoted text that is not closed",
        "close the quote at the end of the value",
    ),
    "found unknown escape character": (
        "`\\{char}` trong ngoặc kép không phải một ký tự thoát",
        "viết `\\\\` cho một dấu gạch ngược, hoặc dùng ngoặc đơn '…'",
        "`\\{char}` inside double quotes is not an escape",
        "write `\\\\` for a backslash, or use single quotes '…'",
    ),
    "did not find expected hexdecimal number": (
        "sau `\\x`, `\\u` hoặc `\\U` trong ngoặc kép phải là số thập lục phân",
        "viết `\\\\` cho một dấu gạch ngược, hoặc dùng ngoặc đơn '…'",
        "`\\x`, `\\u` or `\\U` inside double quotes must be followed by hexadecimal digits",
        "write `\\\\` for a backslash, or use single quotes '…'",
    ),
    "found invalid Unicode character escape code": (
        "mã ký tự Unicode trong ngoặc kép không có thật",
        "viết thẳng ký tự, hoặc dùng ngoặc đơn '…'",
        "the Unicode escape inside double quotes names no character",
        "write the character itself, or use single quotes '…'",
    ),
    "did not find expected alphabetic or numeric character": (
        "`{char}` ở đầu giá trị là ký hiệu neo hoặc bí danh của YAML",
        "đặt giá trị trong ngoặc kép",
        "`{char}` at the start of a value marks a YAML anchor or alias",
        "put the value in quotes",
    ),
    "did not find expected whitespace or line break": (
        "sau tên neo, bí danh hoặc thẻ phải là dấu cách hoặc xuống dòng",
        "đặt giá trị trong ngoặc kép",
        "an anchor, alias or tag must be followed by a space or a line break",
        "put the value in quotes",
    ),
    "did not find expected comment or line break": (
        "sau `|` hoặc `>` chỉ được có `-`, `+` hoặc một chữ số",
        "xuống dòng ngay sau `|` hoặc `>`, rồi viết khối chữ thụt vào",
        "only `-`, `+` or a digit may follow `|` or `>`",
        "break the line right after `|` or `>`, then write the indented text",
    ),
    "found an indentation indicator equal to 0": (
        "số thụt lề của khối chữ là 0",
        "bỏ số sau `|` hoặc `>`",
        "the text block's indentation indicator is 0",
        "remove the digit after `|` or `>`",
    ),
    "could not find expected directive name": (
        "dòng bắt đầu bằng `%` là chỉ thị YAML",
        "đặt giá trị bắt đầu bằng `%` trong ngoặc kép",
        "a line starting with `%` is a YAML directive",
        "put a value starting with `%` in quotes",
    ),
    "found unexpected non-alphabetical character": (
        "dòng bắt đầu bằng `%` là chỉ thị YAML",
        "đặt giá trị bắt đầu bằng `%` trong ngoặc kép",
        "a line starting with `%` is a YAML directive",
        "put a value starting with `%` in quotes",
    ),
    "found unknown directive name": (
        "chỉ thị YAML lạ (dòng bắt đầu bằng `%`)",
        "xóa dòng chỉ thị; kế hoạch không cần chỉ thị",
        "an unknown YAML directive (a line starting with `%`)",
        "delete the directive line; plans need none",
    ),
    "did not find expected whitespace": (
        "chỉ thị YAML viết sai (dòng bắt đầu bằng `%`)",
        "xóa dòng chỉ thị; kế hoạch không cần chỉ thị",
        "a malformed YAML directive (a line starting with `%`)",
        "delete the directive line; plans need none",
    ),
    "did not find expected version number": (
        "chỉ thị `%YAML` thiếu số phiên bản",
        "xóa dòng `%YAML`; kế hoạch không cần chỉ thị",
        "the `%YAML` directive has no version",
        "delete the `%YAML` line; plans need no directive",
    ),
    "did not find expected digit or '.' character": (
        "số phiên bản trong `%YAML` viết sai",
        "xóa dòng `%YAML`; kế hoạch không cần chỉ thị",
        "the version in `%YAML` is malformed",
        "delete the `%YAML` line; plans need no directive",
    ),
    "found extremely long version number": (
        "số phiên bản trong `%YAML` quá dài",
        "xóa dòng `%YAML`; kế hoạch không cần chỉ thị",
        "the version in `%YAML` is too long",
        "delete the `%YAML` line; plans need no directive",
    ),
    "found incompatible YAML document": (
        "tệp khai báo một phiên bản YAML không đọc được",
        "xóa dòng `%YAML`; kế hoạch không cần chỉ thị",
        "the file declares a YAML version that cannot be read",
        "delete the `%YAML` line; plans need no directive",
    ),
    "found duplicate %YAML directive": (
        "chỉ thị `%YAML` viết hai lần",
        "xóa các dòng `%YAML`; kế hoạch không cần chỉ thị",
        "the `%YAML` directive is written twice",
        "delete the `%YAML` lines; plans need no directive",
    ),
    "found duplicate %TAG directive": (
        "chỉ thị `%TAG` viết hai lần",
        "xóa các dòng `%TAG`; kế hoạch không dùng thẻ",
        "the `%TAG` directive is written twice",
        "delete the `%TAG` lines; plans use no tags",
    ),
    "did not find expected '!'": (
        "thẻ YAML (`!…`) viết sai",
        "bỏ thẻ, hoặc đặt giá trị bắt đầu bằng `!` trong ngoặc kép",
        "a malformed YAML tag (`!…`)",
        "remove the tag, or put a value starting with `!` in quotes",
    ),
    "did not find expected tag URI": (
        "thẻ YAML (`!…`) viết sai",
        "bỏ thẻ, hoặc đặt giá trị bắt đầu bằng `!` trong ngoặc kép",
        "a malformed YAML tag (`!…`)",
        "remove the tag, or put a value starting with `!` in quotes",
    ),
    "did not find URI escaped octet": (
        "thẻ YAML (`!…`) có mã `%` viết sai",
        "bỏ thẻ, hoặc đặt giá trị bắt đầu bằng `!` trong ngoặc kép",
        "a YAML tag (`!…`) with a malformed `%` escape",
        "remove the tag, or put a value starting with `!` in quotes",
    ),
    "found an incorrect leading UTF-8 octet": (
        "thẻ YAML (`!…`) có mã `%` không phải UTF-8",
        "bỏ thẻ, hoặc đặt giá trị bắt đầu bằng `!` trong ngoặc kép",
        "a YAML tag (`!…`) with a `%` escape that is not UTF-8",
        "remove the tag, or put a value starting with `!` in quotes",
    ),
    "found an incorrect trailing UTF-8 octet": (
        "thẻ YAML (`!…`) có mã `%` không phải UTF-8",
        "bỏ thẻ, hoặc đặt giá trị bắt đầu bằng `!` trong ngoặc kép",
        "a YAML tag (`!…`) with a `%` escape that is not UTF-8",
        "remove the tag, or put a value starting with `!` in quotes",
    ),
    "did not find the expected '>'": (
        "thẻ YAML `!<…` không được đóng bằng `>`",
        "bỏ thẻ, hoặc đặt giá trị bắt đầu bằng `!` trong ngoặc kép",
        "the YAML tag `!<…` is not closed with `>`",
        "remove the tag, or put a value starting with `!` in quotes",
    ),
    "found undefined tag handle": (
        "thẻ YAML (`!…!`) chưa khai báo",
        "bỏ thẻ, hoặc đặt giá trị bắt đầu bằng `!` trong ngoặc kép",
        "an undeclared YAML tag handle (`!…!`)",
        "remove the tag, or put a value starting with `!` in quotes",
    ),
    "found unexpected ':'": (
        "dấu hai chấm ở chỗ không được phép",
        "đặt chữ có dấu hai chấm trong ngoặc kép",
        "a colon where none is allowed",
        "put text containing a colon in quotes",
    ),
    "did not find expected <stream-start>": (
        "tệp không bắt đầu như một tệp YAML",
        "kiểm tra dòng đầu tệp",
        "the file does not start as a YAML file",
        "check the first line",
    ),
    "did not find expected <document start>": (
        "có chữ thừa sau khi nội dung YAML đã kết thúc",
        "xóa phần thừa (dòng `...` hay dấu `]`, `}` thừa ở trên)",
        "text left over after the YAML content has ended",
        "delete what is left over (a `...` line, or a stray `]` or `}` above)",
    ),
    "did not find expected node content": (
        "thiếu giá trị ở chỗ này",
        "viết giá trị, hoặc đặt cả giá trị trong ngoặc kép",
        "a value is missing here",
        "write the value, or put the whole value in quotes",
    ),
    "did not find expected key": (
        "có chữ thừa ở chỗ phải là một khóa mới",
        "mỗi dòng một `khóa: giá trị`; đặt chữ có dấu ngoặc kép, `[`, `{` trong ngoặc kép",
        "text where a new key should start",
        "one `key: value` a line; put text with quotes, `[` or `{` in quotes",
    ),
    "did not find expected '-' indicator": (
        "dòng này không bắt đầu bằng `- ` như các mục khác của danh sách",
        "thụt lề cho khớp với khóa mà dòng này thuộc về",
        "the line does not start with `- ` like the other items of the list",
        "indent it to line up with the key it belongs under",
    ),
    "did not find expected ',' or ']'": (
        "danh sách `[…]` không được đóng",
        "thêm `]` ở cuối danh sách; nếu `[` là chữ, đặt cả giá trị trong ngoặc kép",
        "a `[…]` list is not closed",
        "add `]` at the end of the list; if `[` is part of the text, quote the whole value",
    ),
    "did not find expected ',' or '}'": (
        "bảng `{…}` không được đóng",
        "thêm `}` ở cuối; nếu `{` là chữ, đặt cả giá trị trong ngoặc kép",
        "a `{…}` mapping is not closed",
        "add `}` at the end; if `{` is part of the text, quote the whole value",
    ),
    "found undefined alias": (
        "bí danh `*{name}` chưa được khai báo",
        "khai báo neo `&{name}` ở một giá trị phía trên, hoặc đặt giá trị trong ngoặc kép nếu "
        "`*` là chữ",
        "the alias `*{name}` is not declared",
        "declare the anchor `&{name}` on a value above, or quote the value if `*` is text",
    ),
    "second occurrence": (
        "neo `&{name}` đặt hai lần (dòng {first} và {line})",
        "đổi tên một trong hai neo",
        "the anchor `&{name}` is set twice (lines {first} and {line})",
        "rename one of the two anchors",
    ),
    "but found another document": (
        "tệp có thêm một tài liệu YAML từ dòng {line} (`---`)",
        "một tệp một kế hoạch: xóa dòng `---`, hoặc tách phần sau ra tệp khác",
        "the file holds another YAML document from line {line} (`---`)",
        "one plan a file: delete the `---` line, or move what follows to another file",
    ),
    "control characters are not allowed": (
        "tệp có ký tự điều khiển {char}",
        "xóa ký tự này (thường do chép từ nơi khác)",
        "the file contains the control character {char}",
        "delete it (it was probably pasted in)",
    ),
}
GENERIC = (
    "YAML không đọc được từ chỗ này",
    "kiểm tra thụt lề, dấu hai chấm và dấu ngoặc kép ở dòng này và dòng trên",
    "YAML cannot be read from here",
    "check indentation, colons and quotes on this line and the one above",
)
"""For a problem libyaml may add in a later release: still wholly in one language."""

_ALIASES = {  # PyYAML's pure-Python parser (no libyaml) words a few problems its own way
    "mapping values are not allowed here": "mapping values are not allowed in this context",
    "sequence entries are not allowed here": (
        "block sequence entries are not allowed in this context"
    ),
}

_LINE_BREAK = re.compile(r"\r\n|[\r\n\x85\u2028\u2029]")
_KEY_LINE = re.compile(
    r"""(?P<lead>[ ]*(?:-[ ]+)*)
        (?P<key>"(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s#'"\-?:,\[\]{}&*!|>%@`](?:[^:#]|:(?=\S)|[^\s]\#)*?)
        [ ]*:(?P<gap>[ \t]+|$)""",
    re.VERBOSE,
)
_ITEM = re.compile(r"[ ]*-(?:[ ]|$)")


def _t(lang: str, vi: str, en: str) -> str:
    return en if lang == "en" else vi


def quote(text: str) -> str:
    """``text`` as a YAML quoted scalar: double quotes, or single ones if that is simpler."""
    if '"' not in text and "\\" not in text:
        return f'"{text}"'
    if "'" not in text:
        return f"'{text}'"
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _split_comment(value: str) -> tuple[str, str]:
    """A plain value and its trailing comment (`` # …``), the spaces before it kept."""
    m = re.search(r"[ \t]+#", value)
    if m is None:
        return value.rstrip(), ""
    return value[: m.start()].rstrip(), value[m.start() :].rstrip()


def quoted_value_line(line: str) -> str | None:
    """The line with its value in quotes (``title: "Lưu ý: …"``), without its indentation.

    ``None`` when the line holds no ``key: value`` or ``- value`` to quote.
    """
    m = _KEY_LINE.match(line)
    if m and m.group("gap"):
        head = line[m.start("key") : m.end()]
        value, comment = _split_comment(line[m.end() :])
        if not value:
            return None
        return head.rstrip() + " " + quote(_unquote(value)) + comment
    m = _ITEM.match(line)
    if m:
        value, comment = _split_comment(line[m.end() :])
        if value:
            return "- " + quote(_unquote(value)) + comment
    return None


def _unquote(value: str) -> str:
    """A value as its author meant it: the quotes around ``'it's'`` belong to no text."""
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
        return value[1:-1]
    return value


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _content(line: str) -> bool:
    stripped = line.strip()
    return bool(stripped) and not stripped.startswith("#")


class _Entry(NamedTuple):
    line: int  # 0-based
    indent: int  # where the line's text starts (its `- ` for an item)
    key: str | None  # the key the line opens, if any
    key_indent: int  # where that key starts (after `- ` for an item)
    item: bool


def _entry(lines: list[str], q: int) -> _Entry:
    text = lines[q]
    ind = _indent(text)
    item = bool(_ITEM.match(text))
    m = _KEY_LINE.match(text)
    key = _unquote(m.group("key").strip()) if m else None
    key_indent = m.start("key") if m else ind + 2
    return _Entry(q, ind, key, key_indent, item)


def _chain(lines: list[str], p: int) -> list[_Entry]:
    """The lines above ``p`` that are still open there, nearest first (each less indented)."""
    out: list[_Entry] = []
    bound = 1 << 30
    for q in range(p - 1, -1, -1):
        if not _content(lines[q]):
            continue
        entry = _entry(lines, q)
        if entry.indent < bound:
            out.append(entry)
            bound = entry.indent
            if bound == 0:
                break
    return out


class _Place(NamedTuple):
    indent: int
    item: bool  # a new item of a list, rather than a key of a mapping
    parent: str | None  # the key it belongs under (None: the top level, or an item)
    parent_line: int
    like: _Entry  # a line already there at that indentation
    in_item: int | None = None  # the line of the list item it belongs to, if any


def _places(chain: list[_Entry]) -> list[_Place]:
    """Where a new line could go, given the lines open above it (one place an indentation)."""
    out: list[_Place] = []
    for i, e in enumerate(chain):
        above = chain[i + 1] if i + 1 < len(chain) else None
        parent, parent_line = (above.key, above.line) if above else (None, -1)
        if e.item:
            if e.key is not None:
                out.append(_Place(e.key_indent, False, None, e.line, e, e.line))
            out.append(_Place(e.indent, True, parent, parent_line, e))
        elif above is not None and above.item and above.key_indent == e.indent:
            out.append(_Place(e.indent, False, None, above.line, e, above.line))
        else:
            out.append(_Place(e.indent, False, parent, parent_line, e))
    seen: set[tuple[int, bool]] = set()
    unique = []
    for place in out:  # the nearest line of each indentation speaks for it
        if (place.indent, place.item) not in seen:
            seen.add((place.indent, place.item))
            unique.append(place)
    return unique


def _spaces(n: int) -> str:
    return "1 space" if n == 1 else f"{n} spaces"


def _where(place: _Place, lang: str) -> str:
    """``để thuộc `document` (dòng 1), thụt 2 dấu cách như `title` (dòng 2)``."""
    n, like = place.indent, place.like.line + 1
    spaces = _t(lang, f"thụt {n} dấu cách", f"indent it {_spaces(n)}")
    if place.item:
        where = (
            _t(lang, f"là một mục của `{place.parent}` (dòng {place.parent_line + 1})",
               f"to be an item of `{place.parent}` (line {place.parent_line + 1})")
            if place.parent
            else _t(lang, "là một mục của danh sách", "to be an item of the list")
        )  # fmt: skip
        return _t(
            lang, f"để {where}, {spaces} như dòng {like}", f"{where}, {spaces} like line {like}"
        )
    if place.in_item is not None:
        item = place.in_item + 1
        if place.like.item:
            return _t(
                lang,
                f"để thuộc mục ở dòng {item}, {spaces} như `{place.like.key}`",
                f"to belong to the item on line {item}, {spaces} like `{place.like.key}`",
            )
        return _t(
            lang,
            f"để thuộc mục ở dòng {item}, {spaces} như `{place.like.key}` (dòng {like})",
            f"to belong to the item on line {item}, {spaces} like `{place.like.key}` (line {like})",
        )
    if place.parent is None:
        return _t(
            lang,
            f"để ở cấp ngoài cùng, không thụt lề, như `{place.like.key}` (dòng {like})",
            f"to be at the top level, do not indent it, like `{place.like.key}` (line {like})",
        )
    return _t(
        lang,
        f"để thuộc `{place.parent}` (dòng {place.parent_line + 1}), {spaces} như "
        f"`{place.like.key}` (dòng {like})",
        f"to belong under `{place.parent}` (line {place.parent_line + 1}), {spaces} like "
        f"`{place.like.key}` (line {like})",
    )


def _indentation(lines: list[str], p: int, lang: str) -> Syntax | None:
    """A line indented to match no key above it: which key it belongs under."""
    if p >= len(lines) or not _content(lines[p]):
        return None
    n = _indent(lines[p])
    item = bool(_ITEM.match(lines[p]))
    places = [pl for pl in _places(_chain(lines, p)) if pl.item == item]
    if not places:
        return None
    if any(pl.indent == n for pl in _places(_chain(lines, p))):
        return None  # lined up with something: see _misplaced
    exact = [pl for pl in places if pl.indent == n]
    below = [pl for pl in places if pl.indent < n]
    over = [pl for pl in places if pl.indent > n]
    if exact:
        return None
    options = ([max(below, key=lambda pl: pl.indent)] if below else []) + (
        [min(over, key=lambda pl: pl.indent)] if over else []
    )
    options.sort(key=lambda pl: (abs(pl.indent - n), -pl.indent))  # the nearest first
    word = _t(lang, "mục", "item") if item else _t(lang, "khóa", "key")
    what = _t(
        lang,
        f"dòng {p + 1} thụt lề {n} dấu cách, không khớp {word} nào ở trên",
        f"line {p + 1} is indented {_spaces(n)}, which lines it up with no {word} above",
    )
    return Syntax(p + 1, n + 1, "yaml-syntax", what, _t(lang, "; hoặc ", "; or ").join(
        _where(pl, lang) for pl in options
    ))  # fmt: skip


def _misplaced(lines: list[str], p: int, lang: str) -> Syntax | None:
    """A line lined up with the wrong kind of neighbour: an item among keys or the reverse."""
    if p >= len(lines) or not _content(lines[p]):
        return None
    n = _indent(lines[p])
    item = bool(_ITEM.match(lines[p]))
    places = _places(_chain(lines, p))
    same = [pl for pl in places if pl.indent == n and pl.item != item]
    if not same:
        return None
    others = [pl for pl in places if pl.item == item]
    if item:
        what = _t(
            lang,
            f"dòng {p + 1} là một mục danh sách `- ` nằm giữa các khóa",
            f"line {p + 1} is a list item `- ` among keys",
        )
        fix = _t(
            lang,
            "đặt mục dưới khóa của danh sách, thụt vào sâu hơn khóa đó (ví dụ `bullets:` rồi "
            "xuống dòng, thụt thêm 2 dấu cách)",
            "put the item under its list's key, indented deeper than that key (such as "
            "`bullets:`, then a new line indented 2 more spaces)",
        )
        return Syntax(p + 1, n + 1, "yaml-syntax", what, fix)
    key = _entry(lines, p).key or "?"
    parent = same[0].parent
    what = _t(
        lang,
        f"`{key}` ngang hàng các mục `- ` của danh sách" + (f" `{parent}`" if parent else ""),
        f"`{key}` lines up with the `- ` items of the list" + (f" `{parent}`" if parent else ""),
    )
    options = sorted({pl.indent: pl for pl in others}.values(), key=lambda pl: -pl.indent)[:2]
    fix = _t(lang, "; hoặc ", "; or ").join(_where(pl, lang) for pl in options) or _t(
        lang, "thụt lề cho khớp với khóa mà dòng này thuộc về",
        "indent it to line up with the key it belongs under",
    )  # fmt: skip
    return Syntax(p + 1, n + 1, "yaml-syntax", what, fix)


def _colon_in_value(lines: list[str], p: int, col: int, lang: str) -> Syntax | None:
    """``title: Lưu ý: …``: the second ``: `` is inside the text."""
    line = lines[p]
    m = _KEY_LINE.match(line)
    if m is None or m.end() > col + 1 or not m.group("gap"):
        return None
    fixed = quoted_value_line(line)
    if fixed is None:
        return None
    key = _unquote(m.group("key").strip())
    what = _t(
        lang,
        f"giá trị của `{key}` có dấu hai chấm và dấu cách (`: `) nên YAML hiểu là một khóa mới",
        f'the value of `{key}` contains a colon and a space (": "), which YAML reads as a new key',
    )
    fix = _t(lang, f"đặt giá trị trong ngoặc kép: {fixed}", f"put the value in quotes: {fixed}")
    return Syntax(p + 1, col + 1, "yaml-syntax", what, fix)


def _continued(lines: list[str], p: int, lang: str) -> Syntax | None:
    """``a b`` then ``c: d``: a line without a colon, read as the start of a longer key."""
    for q in range(p - 1, -1, -1):
        if not _content(lines[q]):
            continue
        if _KEY_LINE.match(lines[q]) or _ITEM.match(lines[q]):
            return None
        text = lines[q].strip()
        what = _t(
            lang,
            f"dòng {q + 1} không có dấu hai chấm: `{text}` không phải `khóa: giá trị`",
            f"line {q + 1} has no colon: `{text}` is not `key: value`",
        )
        fix = _t(
            lang,
            "viết `khóa: giá trị`, hoặc nối dòng này vào giá trị ở dòng trên nó",
            "write `key: value`, or join the line to the value on the line above it",
        )
        return Syntax(q + 1, _indent(lines[q]) + 1, "yaml-syntax", what, fix)
    return None


def _no_space_after_colon(lines: list[str], p: int, lang: str) -> Syntax | None:
    """``title:Kế hoạch``: a colon with no space after it does not end a key."""
    line = lines[p]
    m = re.match(r"([ ]*(?:-[ ]+)*)([^\s:#][^:#]*?):(\S.*)$", line)
    if m is None:
        return None
    fixed = f"{m.group(2)}: {m.group(3)}"
    what = _t(
        lang,
        f"dòng {p + 1} thiếu dấu cách sau dấu hai chấm",
        f"line {p + 1} has no space after its colon",
    )
    fix = _t(lang, f"thêm một dấu cách: {fixed}", f"add a space: {fixed}")
    return Syntax(p + 1, len(m.group(1)) + len(m.group(2)) + 2, "yaml-syntax", what, fix)


def _tab(lines: list[str], p: int, col: int, lang: str) -> Syntax | None:
    """A tab in the indentation (or where libyaml looked), wherever libyaml noticed it."""
    for q in (p, p - 1):
        if not 0 <= q < len(lines):
            continue
        line = lines[q]
        lead = line[: len(line) - len(line.lstrip(" \t"))]
        at = lead.find("\t")
        if at < 0 and q == p and col < len(line) and line[col] == "\t":
            at = col
        if at < 0:
            continue
        what = _t(lang, f"dòng {q + 1} thụt lề bằng tab", f"line {q + 1} is indented with a tab")
        fix = _t(
            lang,
            "thụt lề bằng dấu cách, không dùng tab (YAML không nhận tab ở đầu dòng)",
            "indent with spaces, not tabs (YAML does not accept tabs in indentation)",
        )
        return Syntax(q + 1, at + 1, "yaml-syntax", what, fix)
    return None


def _quote_opened(text: str, lines: list[str], p: int, lang: str) -> Syntax | None:
    """A quote left open: libyaml reads on to the next quote and fails there, lines later."""
    try:
        for token in yaml.scan(text, Loader=_loader()):
            if not isinstance(token, yaml.ScalarToken) or token.style not in ('"', "'"):
                continue
            start, end = token.start_mark, token.end_mark
            if start.line < end.line and end.line >= p:
                return _unclosed(lines, start.line, start.column, token.style, lang)
            if start.line > p:
                break
    except yaml.YAMLError:
        pass
    return None


def _unclosed(lines: list[str], q: int, col: int, mark: str, lang: str) -> Syntax:
    line = lines[q] if q < len(lines) else ""
    fixed = line.strip() + mark
    what = _t(
        lang,
        f"dấu ngoặc `{mark}` mở ở dòng {q + 1} không được đóng trên dòng đó",
        f"the quote `{mark}` opened on line {q + 1} is not closed on that line",
    )
    fix = _t(
        lang,
        f"thêm `{mark}` ở cuối giá trị: {fixed}",
        f"add `{mark}` at the end of the value: {fixed}",
    )
    return Syntax(q + 1, col + 1, "yaml-syntax", what, fix)


def _loader() -> type:
    from .load import _Loader

    return _Loader


def _from_table(problem: str, lang: str, at_line: int, at_col: int, **kw: object) -> Syntax:
    words = PROBLEMS.get(_ALIASES.get(problem, problem), GENERIC)
    vi, vi_fix, en, en_fix = words
    what, fix = (en, en_fix) if lang == "en" else (vi, vi_fix)
    return Syntax(at_line, at_col, "yaml-syntax", _fill(what, kw), _fill(fix, kw))


def _fill(text: str, kw: dict[str, object]) -> str:
    """``{name}`` replaced from ``kw``; other braces (``{…}``, `` `}` ``) left as they are."""
    return re.sub(r"\{(\w+)\}", lambda m: str(kw.get(m.group(1), m.group(0))), text)


def _char_at(lines: list[str], line: int, col: int) -> str:
    if 0 <= line < len(lines) and 0 <= col < len(lines[line]):
        return lines[line][col]
    return ""


def explain(exc: yaml.YAMLError, text: str, lang: str) -> Syntax:
    """What ``exc`` (raised while composing ``text``) means and how to fix it, in ``lang``."""
    lines = _LINE_BREAK.split(text)
    if isinstance(exc, yaml.reader.ReaderError):
        line = text.count("\n", 0, exc.position) + 1
        col = exc.position - (text.rfind("\n", 0, exc.position) + 1) + 1
        char = f"U+{exc.character:04X}" if isinstance(exc.character, int) else "?"
        return _from_table(exc.reason, lang, line, col, char=char)
    if not isinstance(exc, yaml.MarkedYAMLError):
        return _from_table("", lang, 1, 1)
    problem = exc.problem or ""
    context = exc.context or ""
    mark = exc.problem_mark or exc.context_mark
    p, col = (mark.line, mark.column) if mark else (0, 0)
    start = exc.context_mark
    char = _char_at(lines, p, col)
    if problem == "exceeded maximum nesting depth":
        return Syntax(p + 1, col + 1, "too-deep", "", "")
    found = _tab(lines, p, col, lang) if "tab" in problem or char == "\t" else None
    if found is None and "tab" not in problem:
        found = _tab(lines, p, col, lang) if p < len(lines) and "\t" in _lead(lines[p]) else None
    if found:
        return found
    if start is not None and context.startswith("while scanning a quoted scalar"):
        quote_mark = _char_at(lines, start.line, start.column) or '"'
        return _unclosed(lines, start.line, start.column, quote_mark, lang)
    if problem in ("did not find expected ',' or ']'", "did not find expected ',' or '}'"):
        if start is not None and start.line != p:
            opened = "[" if "]" in problem else "{"
            closed = "]" if opened == "[" else "}"
            what = _t(
                lang,
                f"`{opened}` mở ở dòng {start.line + 1} không được đóng bằng `{closed}`",
                f"the `{opened}` opened on line {start.line + 1} is not closed with `{closed}`",
            )
            fix = _t(
                lang,
                f"thêm `{closed}` ở cuối; nếu `{opened}` là chữ, đặt cả giá trị trong ngoặc kép",
                f"add `{closed}` at the end; if `{opened}` is part of the text, quote the value",
            )
            return Syntax(start.line + 1, start.column + 1, "yaml-syntax", what, fix)
        opened = "[" if "]" in problem else "{"
        what = _t(
            lang,
            f"trong `{opened}…` ở dòng {p + 1} có chỗ không đọc được (cột {col + 1})",
            f"part of the `{opened}…` on line {p + 1} cannot be read (column {col + 1})",
        )
        fix = _t(
            lang,
            "đặt trong ngoặc kép từng mục có `: ` hoặc `,` ở giữa; nếu cả giá trị là chữ, đặt "
            "cả giá trị trong ngoặc kép",
            'quote each item with ": " or "," inside; if the whole value is text, quote it all',
        )
        return Syntax(p + 1, col + 1, "yaml-syntax", what, fix)
    if problem in ("did not find expected key", "did not find expected '-' indicator") or (
        problem == "mapping values are not allowed in this context"
    ):
        found = _quote_opened(text, lines, p, lang)
        if found:
            return found
    if problem == "mapping values are not allowed in this context":
        found = (
            _colon_in_value(lines, p, col, lang)
            or _indentation(lines, p, lang)
            or _continued(lines, p, lang)
        )
        if found:
            return found
    if problem in ("did not find expected key", "did not find expected '-' indicator"):
        if p < len(lines) and col > _indent(lines[p]) and not _ITEM.match(lines[p][col - 2 : col]):
            fixed = quoted_value_line(lines[p])
            what = _t(
                lang,
                f"chữ thừa sau giá trị ở dòng {p + 1}, cột {col + 1}",
                f"text left over after the value on line {p + 1}, column {col + 1}",
            )
            fix = (
                _t(lang, f"đặt cả giá trị trong ngoặc kép: {fixed}",
                   f"put the whole value in quotes: {fixed}")
                if fixed
                else _from_table(problem, lang, 0, 0).fix
            )  # fmt: skip
            return Syntax(p + 1, col + 1, "yaml-syntax", what, fix)
        found = _indentation(lines, p, lang) or _misplaced(lines, p, lang)
        if found:
            return found
    if problem == "could not find expected ':'" and start is not None:
        q = start.line
        found = _no_space_after_colon(lines, q, lang)
        if found:
            return found
        text_q = lines[q].strip() if q < len(lines) else ""
        what = _t(
            lang,
            f"dòng {q + 1} không có dấu hai chấm: `{text_q}` không phải `khóa: giá trị`",
            f"line {q + 1} has no colon: `{text_q}` is not `key: value`",
        )
        fix = _t(
            lang,
            "viết `khóa: giá trị`, hoặc nối dòng này vào giá trị ở dòng trên nó",
            "write `key: value`, or join the line to the value on the line above it",
        )
        return Syntax(q + 1, start.column + 1, "yaml-syntax", what, fix)
    if problem in (
        "found character that cannot start any token",
        "did not find expected alphabetic or numeric character",
        "block sequence entries are not allowed in this context",
        "found undefined alias",
    ):
        at = start if start is not None and problem.startswith("did not") else mark
        line_no = at.line if at else p
        lead = _char_at(lines, line_no, at.column if at else col) or char
        name = _alias_name(lines, p, col)
        base = _from_table(problem, lang, line_no + 1, (at.column if at else col) + 1,
                           char=lead, name=name)  # fmt: skip
        fixed = quoted_value_line(lines[line_no]) if line_no < len(lines) else None
        if fixed and not (lead == "%" and (at.column if at else col) == 0):
            then = _t(lang, f": {fixed}", f": {fixed}")
            if problem == "found undefined alias":
                return base._replace(fix=base.fix + then)
            if problem.startswith("block sequence"):
                extra = _t(lang, "; nếu là chữ, đặt trong ngoặc kép", "; if it is text, quote it")
                return base._replace(fix=base.fix + extra + then)
            return base._replace(fix=base.fix + then)
        return base
    if problem in _ESCAPES and start is not None:
        found = _escape(lines, start.line, start.column, problem, lang, _char_at(lines, p, col + 1))
        if found:
            return found
    if problem == "second occurrence" and start is not None:
        name = _anchor_name(lines, p, col)
        return _from_table(
            problem, lang, p + 1, col + 1, name=name, first=start.line + 1, line=p + 1
        )
    if problem == "but found another document":
        return _from_table(problem, lang, p + 1, col + 1, line=p + 1)
    return _from_table(problem, lang, p + 1, col + 1, char=char, name="")


_ESCAPES = (
    "found unknown escape character",
    "did not find expected hexdecimal number",
    "found invalid Unicode character escape code",
)


def _escape(
    lines: list[str], q: int, col: int, problem: str, lang: str, char: str
) -> Syntax | None:
    r"""``"C:\Users"``: a backslash in double quotes starts an escape; single quotes keep it."""
    line = lines[q] if q < len(lines) else ""
    m = re.compile(r'"((?:[^"\\]|\\.)*)"').match(line, col)
    if m is None or "'" in m.group(1):
        return None
    fixed = (line[:col] + "'" + m.group(1) + "'" + line[m.end() :]).strip()
    base = _from_table(problem, lang, q + 1, col + 1, char=char)
    fix = _t(
        lang,
        f"dùng ngoặc đơn để dấu gạch ngược là chữ: {fixed}",
        f"use single quotes so the backslash is text: {fixed}",
    )
    return base._replace(fix=fix)


def _lead(line: str) -> str:
    return line[: len(line) - len(line.lstrip(" \t"))]


def _alias_name(lines: list[str], p: int, col: int) -> str:
    line = lines[p] if p < len(lines) else ""
    m = re.match(r"\*([^\s,\[\]{}]+)", line[col:])
    return m.group(1) if m else ""


def _anchor_name(lines: list[str], p: int, col: int) -> str:
    line = lines[p] if p < len(lines) else ""
    m = re.match(r"&([^\s,\[\]{}]+)", line[col:])
    return m.group(1) if m else ""
