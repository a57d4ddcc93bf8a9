"""The escaping of plan text for each document format, as Jinja2 markup.

The escaping itself is :mod:`tnplan.calendar.markup` (one function per format, shared with
the problem summary); here each format's function is wrapped as an :class:`Escaper`, which
turns a value into :class:`markupsafe.Markup` of that format, so that the environment's
``finalize`` escapes every printed value once and lets markup through.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from markupsafe import Markup

from ..calendar.markup import REPLACEMENT as REPLACEMENT
from ..calendar.markup import UNHOLDABLE as UNHOLDABLE
from ..calendar.markup import clean as clean
from ..calendar.markup import html, html_bold, markdown, markdown_bold, word, word_bold


def plain(text: str) -> str:
    """No escaping: for callers that build text, not a document."""
    return text


@dataclass(frozen=True)
class Escaper:
    """Turns plan text into markup of one format (``md``, ``docx``, ``html``)."""

    name: str
    text: Callable[[str], str]
    bold: Callable[[str], str] | None = None
    """The same, with the text's ``**…**`` parts bold (None: the marks are text)."""

    def __call__(self, value: object) -> Markup:
        """``value`` as markup: escaped, unless it is markup already."""
        if hasattr(value, "__html__"):
            return Markup(value)
        return Markup(self.text(str(value)))

    def with_bold(self, value: object) -> Markup:
        """``value`` as markup with its ``**…**`` parts bold (markup already: as it is)."""
        if hasattr(value, "__html__"):
            return Markup(value)
        return Markup((self.bold or self.text)(str(value)))

    def markup(self, template: str, *texts: str) -> Markup:
        """``template`` (markup of this format) with its ``{}`` filled by escaped texts."""
        return Markup(template.format(*(self(t) for t in texts)))


ESCAPERS = {
    "md": Escaper("md", markdown, markdown_bold),
    "docx": Escaper("docx", word, word_bold),
    "html": Escaper("html", html, html_bold),
}
PLAIN = Escaper("plain", plain)
