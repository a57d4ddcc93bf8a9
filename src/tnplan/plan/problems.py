"""Problems found in a plan, as values, and the formatters that print them.

A :class:`Problem` knows where it is (file, line, column — all 1-based), how bad it is
(``error`` or ``warning``), a stable ``code`` that scripts and tests can rely on, a message
and, where one helps, a hint saying how to fix it.  Checks yield problems and never stop at
the first one; the CLI picks a formatter.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from typing import Literal

from .errors import TnplanError as TnplanError

Level = Literal["error", "warning"]


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong (or suspect) in a plan file."""

    file: str
    line: int
    col: int
    level: Level
    code: str
    message: str
    hint: str = ""

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.file, self.line, self.col, self.code)


def count(problems: Iterable[Problem]) -> tuple[int, int]:
    """Return ``(errors, warnings)``."""
    errors = warnings = 0
    for p in problems:
        if p.level == "error":
            errors += 1
        else:
            warnings += 1
    return errors, warnings


_LEVEL_VI = {"error": "lỗi", "warning": "cảnh báo"}

_SHORT_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t", "\x1b": "\\e"}


def _escape_char(ch: str) -> str:
    short = _SHORT_ESCAPES.get(ch)
    if short is not None:
        return short
    n = ord(ch)
    return f"\\x{n:02x}" if n < 0x100 else f"\\u{n:04x}" if n < 0x10000 else f"\\U{n:08x}"


def _needs_escape(ch: str) -> bool:
    category = unicodedata.category(ch)
    # Cc: controls (ESC, NUL, newline…); Zl, Zp: U+2028, U+2029; Cs: lone surrogates; Cf: the
    # format characters that reorder or hide text (bidi overrides, zero-width joiners stay).
    return category in ("Cc", "Zl", "Zp", "Cs") or (
        category == "Cf" and ("\u202a" <= ch <= "\u202e" or "\u2066" <= ch <= "\u2069")
    )


def one_line(text: str) -> str:
    """``text`` safe to print as (part of) one line on a terminal: every control character,
    line break and bidi override shown as an escape (``\\n``, ``\\e``, ``\\u202e``), so a value
    can neither start another line nor send the terminal an escape sequence.  The one
    escaping of the one-line formats: problem lines and the CLI's messages."""
    if text.isprintable():
        return text
    return "".join(_escape_char(ch) if _needs_escape(ch) else ch for ch in text)


def format_text(problems: Sequence[Problem], *, lang: str = "vi") -> str:
    """``file:line:col: level [code] message (hint)`` — one problem a line, whatever the
    plan's text holds (see :func:`one_line`)."""
    lines = []
    for p in problems:
        level = _LEVEL_VI[p.level] if lang == "vi" else p.level
        line = f"{one_line(p.file)}:{p.line}:{p.col}: {level} [{p.code}] {one_line(p.message)}"
        if p.hint:
            line += f" — {one_line(p.hint)}"
        lines.append(line)
    return "\n".join(lines)


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def format_github(problems: Sequence[Problem]) -> str:
    """GitHub Actions workflow commands: ``::error file=…,line=…,col=…,title=…::message``."""
    lines = []
    for p in problems:
        props = ",".join(
            [
                f"file={_escape_property(p.file)}",
                f"line={p.line}",
                f"col={p.col}",
                f"title={_escape_property('tnplan ' + p.code)}",
            ]
        )
        msg = p.message + (f" — {p.hint}" if p.hint else "")
        lines.append(f"::{p.level} {props}::{_escape_data(msg)}")
    return "\n".join(lines)


def format_json(problems: Sequence[Problem]) -> str:
    """A JSON array of objects with the keys file, line, col, level, code, message, hint."""
    import json

    return json.dumps([asdict(p) for p in problems], ensure_ascii=False, indent=2)


def _uri(path: str) -> tuple[str, bool]:
    """A file's path as a SARIF artifact URI: relative (to the checkout), or ``file://``."""
    from pathlib import PurePath, PurePosixPath
    from urllib.parse import quote

    p = PurePath(path)
    if p.is_absolute():
        return p.as_uri(), False
    return quote(PurePosixPath(*p.parts).as_posix()), True


def format_sarif(problems: Sequence[Problem], *, lang: str = "vi", version: str = "") -> str:
    """A SARIF 2.1.0 log (GitHub code scanning, editors): one run, a rule per problem code.

    Columns count characters (``columnKind: unicodeCodePoints``), as tnplan's do; relative
    paths are relative to the checkout (``%SRCROOT%``).
    """
    from .messages import CATALOGUE

    codes = sorted({p.code for p in problems})
    index = {code: i for i, code in enumerate(codes)}
    rules = []
    for code in codes:
        level, vi, _, en, _ = CATALOGUE.get(code, ("error", code, "", code, ""))
        text = (en if lang == "en" else vi).format_map(_Blank())
        rules.append(
            {
                "id": code,
                "name": "".join(w.capitalize() for w in code.split("-")),
                "shortDescription": {"text": text},
                "defaultConfiguration": {"level": level},
            }
        )
    results = []
    for p in problems:
        uri, relative = _uri(p.file)
        location: dict[str, object] = {"uri": uri}
        if relative:
            location["uriBaseId"] = "%SRCROOT%"
        results.append(
            {
                "ruleId": p.code,
                "ruleIndex": index[p.code],
                "level": p.level,
                "message": {"text": p.message + (f" — {p.hint}" if p.hint else "")},
                "locations": [
                    {
                        "physicalLocation": {
                            "artifactLocation": location,
                            "region": {"startLine": p.line, "startColumn": p.col},
                        }
                    }
                ],
            }
        )
    log = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "tnplan",
                        "version": version,
                        "rules": rules,
                    }
                },
                "columnKind": "unicodeCodePoints",
                "language": "vi" if lang != "en" else "en",
                "results": results,
            }
        ],
    }
    import json

    return json.dumps(log, ensure_ascii=False, indent=2)


class _Blank(dict[str, str]):
    """Placeholders of a message template shown as an ellipsis in a rule's description."""

    def __missing__(self, key: str) -> str:
        return "…"


def _cell(text: str) -> str:
    """A table cell of the summary: the one Markdown escaping (``|``, ``*``, ``<`` …, line
    breaks as spaces), as for documents."""
    from ..calendar.markup import markdown

    return markdown(text)


def format_summary(problems: Sequence[Problem], files: int, *, lang: str = "vi") -> str:
    """A Markdown summary of a run for ``$GITHUB_STEP_SUMMARY``: counts, then every problem
    in a table (GitHub shows only some annotations of a step; the summary shows all)."""
    errors, warnings = count(problems)
    vi = lang != "en"
    if vi:
        head = "### tnplan validate: " + (
            f"{errors} lỗi, {warnings} cảnh báo trong {files} tệp"
            if problems
            else f"{files} tệp kế hoạch hợp lệ"
        )
        columns = "| Vị trí | Mức | Mã | Nội dung |"
        levels = _LEVEL_VI
    else:
        head = "### tnplan validate: " + (
            f"{errors} errors, {warnings} warnings in {files} file{'s' if files != 1 else ''}"
            if problems
            else f"{files} valid plan file{'s' if files != 1 else ''}"
        )
        columns = "| Where | Level | Code | Message |"
        levels = {"error": "error", "warning": "warning"}
    lines = [head, ""]
    if problems:
        lines += [columns, "|---|---|---|---|"]
        for p in problems:
            msg = p.message + (f" — {p.hint}" if p.hint else "")
            lines.append(
                f"| {_cell(f'{p.file}:{p.line}:{p.col}')} | {levels[p.level]} | `{p.code}` "
                f"| {_cell(msg)} |"
            )
        lines.append("")
    return "\n".join(lines) + "\n"
