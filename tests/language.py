"""Is a message wholly in one language? Word checks shared by the message and help tests.

A Vietnamese text may hold, besides Vietnamese words: what is quoted from the user's input (in
backticks or quotes, or any word of the file it is about), option names, paths, and the
language-neutral names in :data:`NEUTRAL`. Every other word must carry a Vietnamese mark or be
one of the unmarked Vietnamese syllables in :data:`VI_PLAIN`. An English text may hold no word
with a Vietnamese mark and none of :data:`VI_ONLY`, the same exceptions aside.
"""

from __future__ import annotations

import re
from collections.abc import Iterable


def _split(text: str) -> list[str]:
    return text.split()


VI_LETTERS = frozenset("àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ")
NEUTRAL = frozenset(
    _split(
        """YAML JSON HTML UTF-8 UTF NUL BOM MB true false null yes no on off HH MM HH:MM tnplan
    GitHub Actions CI IANA ISO RFC iCalendar Google Calendar Outlook VS Code Markdown Word A4
    md html docx ics json schema text auto github bash zsh fish Tab TNPLAN_LANG Asia Ho_Chi_Minh
    KH BC GM CTr SKHCN UBND II III IV VI VII I V x e g jq vi en U KT TL TM TUQ Q pdf PDF draft
    Schema JSON_Schema planned in_progress done postponed cancelled internal external SHELL
    Unicode NFC TCVN3 Windows id ids byte tab Gantt Python Excel today UID
    xlsx eml cat pre-commit stdin SMTP STARTTLS SARIF SEQUENCE DTSTAMP STATUS CANCELLED
    LibreOffice PDF/A"""
    )
)
"""Names that are the same in both languages: formats, programs, standards, field values."""

VI_PLAIN = frozenset(
    _split(
        """ai bao chi cho danh duy hoa do dung ghi gian hai hay in khai khi neo ngang ngay nhau ra
    sai sang sau tay tham thay theo tra trong xem xong"""
    )
)
"""Vietnamese syllables written without marks."""

VI_ONLY = frozenset(
    _split(
        """cho theo khi hoac nhung trong ngay thang nam gio phut hoi nghi cua duoc khong voi nay
    xem loi canh bao"""
    )
)
"""Unmarked Vietnamese syllables that are not English words: never in an English text."""

_SPANS = re.compile(
    r"`[^`]*`"  # code and quoted input
    r"|'[^'\s][^']*'"  # 'quoted'
    r'|"[^"]*"'  # "quoted"
    r"|“[^”]*”"
    r"|(?<!\S)--?[A-Za-z][\w-]*"  # option names
    r"|\{[^}]*\}"  # placeholders
    r"|\S*[/\\]\S*"  # paths
    r"|\S+\.(?:yaml|yml|md|html|docx|ics|json|jsonl|txt|xlsx|pdf|j2|eml)\b"  # file names
    r"|\bU\+[0-9A-F]{4}\b"
    r"|\b0x[0-9a-f]+\b"
    r"|https?://\S+"
    r"|\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\b"  # environment variables
    r"|\b[\w-]+(?:\.[\w-]+)+\b"  # host names, dotted names
)
_WORD = re.compile(r"[^\W\d_]\w*(?:[-'.]\w+)*")


def words(text: str) -> list[str]:
    """The words of ``text`` outside quoted input, option names, paths and placeholders."""
    return _WORD.findall(_SPANS.sub(" ", text))


def has_vi(word: str) -> bool:
    return any(c in VI_LETTERS for c in word.lower())


def not_vietnamese(text: str, allowed: Iterable[str] = ()) -> list[str]:
    """The words of a Vietnamese ``text`` that are not Vietnamese (nor allowed, nor neutral)."""
    ok = {w.lower() for w in allowed} | {w.lower() for w in NEUTRAL}
    return [
        w
        for w in words(text)
        if not has_vi(w) and w.lower() not in VI_PLAIN and w.lower() not in ok
    ]


def not_english(text: str, allowed: Iterable[str] = ()) -> list[str]:
    """The words of an English ``text`` that are Vietnamese (and not allowed)."""
    ok = {w.lower() for w in allowed}
    return [w for w in words(text) if (has_vi(w) or w.lower() in VI_ONLY) and w.lower() not in ok]


def file_words(text: str) -> set[str]:
    """Every word of a file: what a message quotes from it is the user's, not a language."""
    return set(_WORD.findall(text))
