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


_MD_ALWAYS = re.compile(r"[\\`*_\[\]<|~]")
_MD_ENTITY = re.compile(r"&(?=#?[A-Za-z0-9]+;)")
_MD_HASH = re.compile(r"(?:^|(?<=\s))#")
_MD_START = re.compile(r">|[-+](?=[ \t]|$)|[-=]+[ \t]*$|\d{1,9}(?=[.)](?:[ \t]|$))")
"""What opens a block at the start of a line: a quote, a list item (``- x``, ``+ x``,
``1. x``, ``1) x``), a rule or heading underline (``---``, ``===``)."""


def markdown(text: str) -> str:
    """Plan text for a Markdown document (CommonMark with GitHub tables)."""
    s = clean(text)
    s = _MD_ALWAYS.sub(r"\\\g<0>", s)
    s = _MD_ENTITY.sub(r"\\&", s)
    s = _MD_HASH.sub(r"\\#", s)
    start = _MD_START.match(s)
    if start is not None:
        end = start.end()
        # `2026. …`, `1) …`: escape the mark after the number; else the first character.
        s = f"{s[:end]}\\{s[end:]}" if s[:end].isdigit() else f"\\{s}"
    return s


def word(text: str) -> str:
    """Plan text for the block language of the Word templates (``*.docx.j2``)."""
    s = clean(text).replace("\\", "\\\\").replace("*", "\\*").replace("|", "\\|")
    return f"\\{s}" if s.startswith("@") else s


def html(text: str) -> str:
    """Plan text for an HTML document."""
    return str(_html_escape()(clean(text)))


@functools.cache
def _html_escape() -> Callable[[str], str]:
    """Jinja2's own escaping, so templates and code agree (imported once, when first needed:
    a dashboard escapes hundreds of thousands of values)."""
    from markupsafe import escape

    return escape
