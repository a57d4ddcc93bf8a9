"""Plan text into markup: one escaping for each output format, in this module only.

A plan's text is data.  Whatever it holds (``@sign …`` after a newline, ``|`` in a budget
item, ``*`` in a name, ``# …`` in a title, U+2028, U+FFFE), it must come out as the same
text, in its own place, without starting a block, a table cell, a heading, a signature or a
line of its own.  The templates' own text is markup; every value a template prints
(``{{ … }}``) is escaped for the format by the environment's ``finalize``, so neither a
built-in nor a user's template can forget it (:mod:`tnplan.documents.escape`); the problem
summary in Markdown (``$GITHUB_STEP_SUMMARY``) uses the same :func:`markdown`.  A value that
is already markup (a macro's output, the ``- X;`` lines built by
:func:`tnplan.documents.render.recipient_lines`, or what a template marks ``| safe`` on
purpose) passes as it is.

For every format, first (:func:`clean`): line breaks and tabs (``\\n``, ``\\r``, U+2028,
U+2029, U+0085 …) become one space — a document's paragraph is one line of text, as HTML
would show it anyway — and characters no document can hold (control characters,
non-characters such as U+FFFE, lone surrogates) become U+FFFD.  The checker refuses those in
a plan (``control-char``); this is the second line of defence.  Then:

* **Markdown** (:func:`markdown`): ``\\ ` * _ [ ] < | ~`` are backslash-escaped everywhere,
  ``&`` before an entity name (``&copy;``), ``#`` at the start or after a space, and at the
  start of a text whatever would open a block there (``>``, ``- ``, ``+ ``, ``1. ``,
  ``---``, ``===``); ``15.000.000`` or ``-5`` stay as they are.
  CommonMark renders a backslash-escaped ASCII punctuation mark as the mark itself, so the
  escaping is right in a paragraph, a list item, a heading, emphasis and a table cell.
* **Word's block language** (:func:`word`, read by :mod:`tnplan.documents.docx_writer`):
  ``\\``, ``*`` and ``|`` are backslash-escaped, and an ``@`` that starts the text too.
* **HTML** (:func:`html`): ``& < > " '`` as character references.

One mark of the plan's own is kept, in the paragraphs of the plan (its purposes,
requirements, activities' bullets, the period's notes, duties, deadline sentences, the
closing: what templates print with the ``with_bold`` filter, :func:`markdown_bold` and its
kin): ``**…**`` around a part of the text prints it bold, as the source documents set their
key dates (``từ **ngày {start} đến ngày {end}**``, ``trước ngày **{due}**``).  A pair counts
when it is on one line with text right inside both marks (``**20/6/2026**``, not ``** x
**``); a lone ``**`` is text.  The bold part is escaped like the rest, so it can start
nothing either: it becomes ``**…**`` in Markdown and the Word block language,
``<strong>…</strong>`` in HTML.  Only one field's text is read for marks, never text joined
from several fields (two lone ``**`` of two fields make no pair).  :func:`plain` removes the
marks, for what is not a document (calendars, the dashboard).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

_BREAKS = re.compile(r"[\t\n\v\f\r\x1c-\x1e\x85\u2028\u2029]+")
_NONCHARACTERS = "\ufdd0-\ufdef" + "".join(
    chr(plane + 0xFFFE) + chr(plane + 0xFFFF) for plane in range(0, 0x110000, 0x10000)
)
UNHOLDABLE = re.compile(
    f"[\\x00-\\x08\\x0e-\\x1b\\x1f\\x7f-\\x84\\x86-\\x9f\ud800-\udfff{_NONCHARACTERS}]"
)
REPLACEMENT = "\ufffd"


def clean(text: str) -> str:
    """``text`` as one line every document format can hold (see the module's notes)."""
    if text.isprintable():  # the common case: nothing to do
        return text
    return UNHOLDABLE.sub(REPLACEMENT, _BREAKS.sub(" ", text))


_BOLD = re.compile(r"\*\*(?=[^\s*])(.*?[^\s*])\*\*")
"""A bold part of a plan's text: ``**`` then text that starts and ends with a character that
is neither white space nor ``*``, then ``**``; the shortest such part first."""


def bold_parts(text: str) -> list[tuple[bool, str]]:
    """``text`` cut into (bold, part) pieces at its ``**…**`` marks (marks removed)."""
    out: list[tuple[bool, str]] = []
    pos = 0
    for m in _BOLD.finditer(text):
        if m.start() > pos:
            out.append((False, text[pos : m.start()]))
        out.append((True, m.group(1)))
        pos = m.end()
    if pos < len(text) or not out:
        out.append((False, text[pos:]))
    return out


def plain(text: str) -> str:
    """``text`` without its bold marks (``trước ngày **20/6**`` → ``trước ngày 20/6``)."""
    return text if "**" not in text else "".join(part for _, part in bold_parts(text))


def _with_bold(text: str, escape: Callable[[str, bool], str], wrap: tuple[str, str]) -> str:
    """Escape each piece of ``text`` (``escape(piece, first)``) and wrap its bold pieces."""
    if "**" not in text:
        return escape(text, True)
    out = []
    for i, (bold, part) in enumerate(bold_parts(text)):
        piece = escape(part, i == 0)
        out.append(f"{wrap[0]}{piece}{wrap[1]}" if bold else piece)
    return "".join(out)


_MD_ALWAYS = re.compile(r"[\\`*_\[\]<|~]")
_MD_ENTITY = re.compile(r"&(?=#?[A-Za-z0-9]+;)")
_MD_HASH = re.compile(r"(?:^|(?<=\s))#")
_MD_START = re.compile(r">|[-+](?=[ \t]|$)|[-=]+[ \t]*$|\d{1,9}(?=[.)](?:[ \t]|$))")
"""What opens a block at the start of a line: a quote, a list item (``- x``, ``+ x``,
``1. x``, ``1) x``), a rule or heading underline (``---``, ``===``)."""


def markdown(text: str) -> str:
    """Plan text for a Markdown document (CommonMark with GitHub tables)."""
    return _markdown_piece(clean(text), True)


def markdown_bold(text: str) -> str:
    """:func:`markdown`, with the text's ``**…**`` parts bold."""
    return _with_bold(clean(text), _markdown_piece, ("**", "**"))


def _markdown_piece(s: str, first: bool) -> str:
    s = _MD_ALWAYS.sub(r"\\\g<0>", s)
    s = _MD_ENTITY.sub(r"\\&", s)
    s = _MD_HASH.sub(r"\\#", s)
    start = _MD_START.match(s) if first else None
    if start is not None:
        end = start.end()
        # `2026. …`, `1) …`: escape the mark after the number; else the first character.
        s = f"{s[:end]}\\{s[end:]}" if s[:end].isdigit() else f"\\{s}"
    return s


def word(text: str) -> str:
    """Plan text for the block language of the Word templates (``*.docx.j2``)."""
    return _word_piece(clean(text), True)


def word_bold(text: str) -> str:
    """:func:`word`, with the text's ``**…**`` parts bold."""
    return _with_bold(clean(text), _word_piece, ("**", "**"))


def _word_piece(text: str, first: bool) -> str:
    s = text.replace("\\", "\\\\").replace("*", "\\*").replace("|", "\\|")
    return f"\\{s}" if first and s.startswith("@") else s


def html(text: str) -> str:
    """Plan text for an HTML document."""
    return _html_piece(clean(text), True)


def html_bold(text: str) -> str:
    """:func:`html`, with the text's ``**…**`` parts bold."""
    return _with_bold(clean(text), _html_piece, ("<strong>", "</strong>"))


def _html_piece(text: str, first: bool) -> str:
    return str(_html_escape()(text))


@functools.cache
def _html_escape() -> Callable[[str], str]:
    """Jinja2's own escaping, so templates and code agree (imported once, when first needed:
    a dashboard escapes hundreds of thousands of values)."""
    from markupsafe import escape

    return escape
