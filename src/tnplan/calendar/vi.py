"""Vietnamese text helpers: normalisation, dates and times, money, slugs and collation.

Everything here is pure and cheap to import (only ``unicodedata``, ``datetime`` and ``re``;
``decimal`` when a number needs it), so the checker and the CLI can use it without paying for
a locale library.

Conventions, as Vietnamese official documents write them:

* dates are always day first: ``12/5/2026`` in a plan body, ``ngày 08 tháng 5 năm 2026`` in
  the place-and-date line (Decree 30/2020/NĐ-CP: a leading zero for days below 10 and for
  months 1 and 2 only);
* times are ``HH:MM`` (``08:30``), or ``8 giờ 30`` in running text;
* money is ``1.500.000 đồng``: dots between thousands, a comma before decimals;
* weekdays are ``Thứ Hai`` … ``Thứ Bảy``, ``Chủ nhật`` (``thứ Hai`` mid-sentence).

Errors are ``ValueError``s (:class:`ReadError` for dates and times) whose message is a short
reason in Vietnamese, followed after a colon by what to write instead, ready to show to the
person who typed the value; ``ReadError.en`` says the same in English.
"""

from __future__ import annotations

import datetime as _dt
import re
import unicodedata
from typing import TYPE_CHECKING

from .holidays import FIRST_YEAR, LAST_YEAR

if TYPE_CHECKING:
    from decimal import Decimal

__all__ = [
    "ReadError",
    "date_official",
    "date_padded",
    "date_short",
    "fold",
    "money",
    "nfc",
    "number",
    "parse_date",
    "parse_time",
    "slug",
    "sort_key",
    "strip_marks",
    "time_hm",
    "time_vi",
    "weekday",
]


# --- normalisation --------------------------------------------------------------------------


def nfc(s: str) -> str:
    """Return ``s`` in Unicode NFC, the form every string of a plan is compared in.

    NFD text (from macOS or some Word copies) looks the same but compares unequal.
    """
    return unicodedata.normalize("NFC", s)


def fold(text: str) -> str:
    """Return ``text`` case-folded and in NFC, for case-insensitive matching of names.

    Tone placement is kept as written: ``Hòa`` and ``Hoà`` stay different, as both are in use.
    """
    return nfc(nfc(text).casefold())


def strip_marks(text: str) -> str:
    """Return ``text`` without diacritics (``Đà Nẵng`` → ``Da Nang``), case kept.

    For "did you mean" matching, where a user typed a name without its marks.
    """
    decomposed = unicodedata.normalize("NFD", text)
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return nfc(bare.replace("đ", "d").replace("Đ", "D"))


# --- dates -----------------------------------------------------------------------------------

_ISO_DATE = re.compile(r"([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})")
_DMY_DATE = re.compile(r"([0-9]{1,2})([/.-])([0-9]{1,2})\2([0-9]+)")
_DM_ONLY = re.compile(r"([0-9]{1,2})([/.-])([0-9]{1,2})")
_DATE_HINT = "viết ngày/tháng/năm, ví dụ 12/5/2026, hoặc 2026-05-12"
_DATE_HINT_EN = "write day/month/year, such as 12/5/2026, or 2026-05-12"


class ReadError(ValueError):
    """A date or a time that cannot be read: ``str()`` in Vietnamese, ``en`` in English."""

    def __init__(self, vi: str, en: str) -> None:
        super().__init__(vi)
        self.en = en

    def text(self, lang: str) -> str:
        """The reason in ``lang`` (``en`` or Vietnamese)."""
        return self.en if lang == "en" else str(self)


def _is_leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def _days_in_month(year: int, month: int) -> int:
    if month == 2:
        return 29 if _is_leap(year) else 28
    return 30 if month in (4, 6, 9, 11) else 31


def _checked_date(year: int, month: int, day: int, *, day_first: bool) -> _dt.date:
    """Build a date or raise ``ValueError`` saying, in Vietnamese, why it cannot exist."""
    if year == 0:
        raise ReadError(
            "năm 0 không có: năm viết đủ 4 chữ số, ví dụ 2026",
            "there is no year 0: write the year with 4 digits, such as 2026",
        )
    if month == 0:
        raise ReadError(
            "tháng 0 không có: tháng từ 1 đến 12",
            "there is no month 0: months go from 1 to 12",
        )
    if month > 12:
        reason = f"tháng {month} không có"
        reason_en = f"there is no month {month}"
        if not day_first:
            raise ReadError(f"{reason}: tháng từ 1 đến 12", f"{reason_en}: months go from 1 to 12")
        message = f"{reason}: ngày viết theo thứ tự ngày/tháng/năm"
        message_en = f"{reason_en}: dates are written day/month/year"
        if 1 <= day <= 12 and month <= _days_in_month(year, day):
            message += f" (có phải {month}/{day}/{year}?)"
            message_en += f" (did you mean {month}/{day}/{year}?)"
        raise ReadError(message, message_en)
    if day == 0:
        raise ReadError(
            "ngày 0 không có: ngày từ 1 đến 31", "there is no day 0: days go from 1 to 31"
        )
    if day > 31:
        raise ReadError(
            f"ngày {day} không có: một tháng có nhiều nhất 31 ngày",
            f"there is no day {day}: a month has at most 31 days",
        )
    last = _days_in_month(year, month)
    if day > last:
        written = f"ngày {day}/{month}/{year} không có thật"
        written_en = f"{day}/{month}/{year} does not exist"
        if month == 2:
            leap = "năm nhuận" if _is_leap(year) else "không phải năm nhuận"
            leap_en = "a leap year" if _is_leap(year) else "not a leap year"
            raise ReadError(
                f"{written}: tháng 2 năm {year} chỉ có {last} ngày ({leap})",
                f"{written_en}: February {year} has only {last} days ({leap_en})",
            )
        raise ReadError(
            f"{written}: tháng {month} chỉ có {last} ngày",
            f"{written_en}: month {month} has only {last} days",
        )
    if not FIRST_YEAR <= year <= LAST_YEAR:
        # Beyond these years the holiday calendar is unknown, and a date near 1 or 9999 would
        # overflow as soon as a timeline or a calendar adds a day to it.
        raise ReadError(
            f"năm {year} nằm ngoài khoảng tnplan hỗ trợ ({FIRST_YEAR}–{LAST_YEAR})",
            f"the year {year} is outside the years tnplan knows ({FIRST_YEAR}–{LAST_YEAR})",
        )
    return _dt.date(year, month, day)


def parse_date(text: str) -> _dt.date:
    """Read a date written ``2026-05-12`` (ISO) or day first: ``12/5/2026``, ``12/05/2026``.

    The day-first form may also use ``-`` or ``.`` (``12-5-2026``, ``12.5.2026``), the same
    separator twice. The year always has 4 digits. Raises ``ValueError`` with a short reason
    in Vietnamese (``ngày 31/6/2026 không có thật: tháng 6 chỉ có 30 ngày``).
    """
    s = text.strip()
    if not s:
        raise ReadError(f"ngày trống: {_DATE_HINT}", f"the date is empty: {_DATE_HINT_EN}")
    m = _ISO_DATE.fullmatch(s)
    if m:
        year, month, day = (int(g) for g in m.groups())
        return _checked_date(year, month, day, day_first=False)
    m = _DMY_DATE.fullmatch(s)
    if m:
        day_s, sep, month_s, year_s = m.groups()
        if len(year_s) != 4:
            example = f"{int(day_s)}{sep}{int(month_s)}{sep}2026"
            raise ReadError(
                f"năm '{year_s}' không đủ 4 chữ số: viết đủ năm, ví dụ {example}",
                f"the year '{year_s}' does not have 4 digits: write it in full, such as {example}",
            )
        return _checked_date(int(year_s), int(month_s), int(day_s), day_first=True)
    m = _DM_ONLY.fullmatch(s)
    if m:
        day_s, sep, month_s = m.groups()
        raise ReadError(
            f"ngày '{s}' thiếu năm: viết đủ ngày/tháng/năm, ví dụ {s}{sep}2026",
            f"'{s}' has no year: write day/month/year, such as {s}{sep}2026",
        )
    raise ReadError(f"'{s}' không phải ngày: {_DATE_HINT}", f"'{s}' is not a date: {_DATE_HINT_EN}")


def date_short(d: _dt.date) -> str:
    """``12/5/2026``: day/month/year without leading zeros, as plan bodies write dates."""
    return f"{d.day}/{d.month}/{d.year:04d}"


def date_padded(d: _dt.date) -> str:
    """``08/05/2026``: day/month/year, day and month on two digits."""
    return f"{d.day:02d}/{d.month:02d}/{d.year:04d}"


def date_official(d: _dt.date) -> str:
    """``ngày 08 tháng 5 năm 2026``: the date line of an official document (Decree 30).

    Days below 10 and months 1 and 2 take a leading zero; other months do not:
    ``ngày 05 tháng 01 năm 2026``, ``ngày 29 tháng 6 năm 2026``.
    """
    month = f"{d.month:02d}" if d.month <= 2 else str(d.month)
    return f"ngày {d.day:02d} tháng {month} năm {d.year:04d}"


_WEEKDAYS = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật")


def weekday(d: _dt.date, capital: bool = True) -> str:
    """``Thứ Hai`` … ``Thứ Bảy``, ``Chủ nhật``; ``capital=False`` (mid-sentence): ``thứ Hai``.

    One rule: the name of the day keeps its capital (``Hai``, ``Bảy``, ``Chủ nhật``); only the
    common noun ``thứ`` loses it mid-sentence. So ``thứ Bảy, Chủ nhật``, never ``chủ nhật``.
    """
    name = _WEEKDAYS[d.weekday()]
    if capital or not name.startswith("Thứ "):
        return name
    return "t" + name[1:]


# --- times -----------------------------------------------------------------------------------

_HM = re.compile(r"([0-9]{1,2}):([0-9]{2})")
_HMS = re.compile(r"([0-9]{1,2}):([0-9]{2}):([0-9]{2})")
# What people write instead of HH:MM: 8h30, 8g30, 8 giờ 30, 8.30, 8:5, 8h.
_HM_LOOSE = re.compile(
    r"([0-9]{1,2})\s*(?:h|g|giờ|:|\.|,)\s*(?:([0-9]{1,2})\s*(?:p|ph|phút|')?)?",
    re.IGNORECASE,
)
_TIME_HINT = "viết giờ dạng HH:MM, ví dụ 08:30"
_TIME_HINT_EN = "write the time as HH:MM, such as 08:30"


def split_date_time(text: str) -> tuple[str, str | None]:
    """``"8/5/2026 16:00"`` → ``("8/5/2026", "16:00")``; a date alone → ``(text, None)``.

    A deadline may carry its hour in the same value; the date part is read by
    :func:`parse_date` and the hour by :func:`parse_time`.
    """
    date_part, _, time_part = text.strip().rpartition(" ")
    if date_part and ":" in time_part:
        return date_part.strip(), time_part
    return text, None


def parse_time(text: str) -> _dt.time:
    """Read a time written ``HH:MM`` (``08:30`` or ``8:30``), 00:00 to 23:59.

    ``8h30``, ``8:5`` or ``24:00`` are refused with a reason and what to write instead
    (``'8h30' không đúng dạng giờ: viết 08:30``).
    """
    s = nfc(text).strip()
    if not s:
        raise ReadError(f"giờ trống: {_TIME_HINT}", f"the time is empty: {_TIME_HINT_EN}")
    m = _HM.fullmatch(s)
    if m:
        hour, minute = int(m.group(1)), int(m.group(2))
        if hour == 24 and minute == 0:
            raise ReadError(
                "24:00 không có: giờ từ 00:00 đến 23:59 (nửa đêm là 00:00 của ngày hôm sau)",
                "there is no 24:00: times go from 00:00 to 23:59 (midnight is 00:00 of the "
                "next day)",
            )
        if hour > 23:
            raise ReadError(
                f"giờ {hour} không có: giờ từ 00 đến 23",
                f"there is no hour {hour}: hours go from 00 to 23",
            )
        if minute > 59:
            raise ReadError(
                f"phút {minute} không có: phút từ 00 đến 59",
                f"there is no minute {minute}: minutes go from 00 to 59",
            )
        return _dt.time(hour, minute)
    m = _HMS.fullmatch(s)
    if m and int(m.group(1)) <= 23 and int(m.group(2)) <= 59:
        suggestion = f"{int(m.group(1)):02d}:{m.group(2)}"
        raise ReadError(
            f"'{s}' có cả giây: chỉ viết giờ và phút, {suggestion}",
            f"'{s}' has seconds: write only hours and minutes, {suggestion}",
        )
    m = _HM_LOOSE.fullmatch(s)
    if m:
        hour, minute = int(m.group(1)), int(m.group(2) or 0)
        if hour <= 23 and minute <= 59:
            suggestion = f"{hour:02d}:{minute:02d}"
            if ":" in s and m.group(2) is not None and len(m.group(2)) == 1:
                raise ReadError(
                    f"'{s}' không đúng dạng giờ (phút phải có 2 chữ số): viết {suggestion}",
                    f"'{s}' is not a time (minutes take 2 digits): write {suggestion}",
                )
            raise ReadError(
                f"'{s}' không đúng dạng giờ: viết {suggestion}",
                f"'{s}' is not a time: write {suggestion}",
            )
    raise ReadError(
        f"'{s}' không đúng dạng giờ: {_TIME_HINT}", f"'{s}' is not a time: {_TIME_HINT_EN}"
    )


def time_hm(t: _dt.time) -> str:
    """``08:30``: hours and minutes on two digits."""
    return f"{t.hour:02d}:{t.minute:02d}"


def time_vi(t: _dt.time) -> str:
    """``08 giờ 30 phút``, ``08 giờ 00 phút``, ``14 giờ 05 phút``: a time as official
    documents write it (giấy mời, kế hoạch, báo cáo, kịch bản).

    The one time style of every document tnplan writes, chosen here once: hours and minutes
    on two digits, each with its word, so that a time is never read two ways (``8 giờ`` or
    ``8h`` beside ``08:30`` in the same letter).  Terminal views and calendars use
    :func:`time_hm`.
    """
    return f"{t.hour:02d} giờ {t.minute:02d} phút"


def time_span(start: _dt.time, end: _dt.time | None = None) -> str:
    """``từ 08 giờ 00 phút đến 11 giờ 30 phút`` (``08 giờ 00 phút`` with no end)."""
    if end is None:
        return time_vi(start)
    return f"từ {time_vi(start)} đến {time_vi(end)}"


# --- numbers and money -----------------------------------------------------------------------


def number(n: int | Decimal) -> str:
    """``1.500.000``, ``1.234,5``, ``-2.000``: dots between thousands, a comma for decimals.

    Decimals keep the digits they were written with (``Decimal("2.50")`` → ``2,50``).
    Floats are refused: money read as a float has already lost its exactness.
    """
    from decimal import Decimal

    if isinstance(n, bool) or not isinstance(n, int | Decimal):
        raise TypeError(f"number() needs an int or a Decimal, not {type(n).__name__}")
    if isinstance(n, Decimal):
        if not n.is_finite():
            raise ValueError(f"{n} không phải một số hữu hạn")
        digits = format(n, "f")
    else:
        digits = str(n)
    negative = digits.startswith("-")
    whole, _, fraction = digits.lstrip("-").partition(".")
    text = f"{int(whole):,}".replace(",", ".")
    if fraction:
        text += "," + fraction
    if negative and (whole + fraction).strip("0"):
        text = "-" + text
    return text


def money(amount: int | Decimal) -> str:
    """``1.500.000 đồng``: an amount of Vietnamese đồng as documents write it."""
    return f"{number(amount)} đồng"


# --- file names ------------------------------------------------------------------------------

_NOT_SLUG = re.compile(r"[^a-z0-9]+")
_WINDOWS_RESERVED = frozenset(
    ["con", "prn", "aux", "nul"] + [f"com{i}" for i in range(10)] + [f"lpt{i}" for i in range(10)],
)
_SLUG_FALLBACK = "tai-lieu"


def slug(text: str, max_len: int = 80) -> str:
    """Make an ASCII file name: ``Giấy mời Lễ kỷ niệm 18/5`` → ``giay-moi-le-ky-niem-18-5``.

    Diacritics are dropped (``đ`` → ``d``), letters lowercased, every run of anything else
    becomes one ``-``, trimmed at both ends and to ``max_len``. The result is never empty
    (``tai-lieu``), never a Windows device name (``con`` → ``con-1``) and never starts with
    ``.`` or ``-``, so it is safe to join to a folder.
    """
    if max_len < 1:
        raise ValueError(f"max_len must be at least 1, not {max_len}")
    decomposed = unicodedata.normalize("NFKD", text.replace("đ", "d").replace("Đ", "D"))
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    result = _NOT_SLUG.sub("-", bare.lower()).strip("-")[:max_len].rstrip("-")
    if not result:
        result = _SLUG_FALLBACK[:max_len].rstrip("-")
    if result in _WINDOWS_RESERVED:
        result = result[: max_len - 2].rstrip("-") + "-1"
    return result


# --- collation -------------------------------------------------------------------------------

# The Vietnamese alphabet, with f, j, w, z in their usual Latin places.
_ALPHABET = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
_LETTER_RANK = {letter: rank for rank, letter in enumerate(_ALPHABET)}
# Marks that make a letter of its own (ă â ê ô ơ ư), as NFD spells them.
_BREVE, _CIRCUMFLEX, _HORN = "\u0306", "\u0302", "\u031b"
_LETTER_MARKS = {
    ("a", _BREVE): "ă",
    ("a", _CIRCUMFLEX): "â",
    ("e", _CIRCUMFLEX): "ê",
    ("o", _CIRCUMFLEX): "ô",
    ("o", _HORN): "ơ",
    ("u", _HORN): "ư",
}
# Tones, in dictionary order: none, huyền, hỏi, ngã, sắc, nặng.
_TONES = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}

_Weight = tuple[int, int]
SortKey = tuple[tuple[_Weight, ...], tuple[int, ...], tuple[str, ...], tuple[int, ...], str]


def _primary(letter: str) -> _Weight:
    rank = _LETTER_RANK.get(letter)
    if rank is not None:
        return (3, rank)
    if letter.isspace():
        return (0, 0)
    if letter.isdigit():
        return (2, ord(letter))
    if letter.isalpha():
        return (4, ord(letter))
    return (1, ord(letter))


def sort_key(text: str) -> SortKey:
    """Return a key that sorts Vietnamese text as a Vietnamese dictionary does.

    Letters first, case-insensitively, in the order a ă â b c d đ e ê g h i k l m n o ô ơ
    p q r s t u ư v x y (f, j, w, z in their usual places; spaces, then punctuation, then
    digits before letters); then tones (none, huyền, hỏi, ngã, sắc, nặng); then other marks;
    then lowercase before uppercase; then the text itself, so the order is total.
    ``sorted(["Đà Nẵng", "Dương", "Ân", "An", "Bắc"], key=sort_key)`` gives
    ``["An", "Ân", "Bắc", "Dương", "Đà Nẵng"]``.
    """
    normal = nfc(text)
    letters: list[str] = []
    tones: list[int] = []
    other_marks: list[str] = []
    for ch in unicodedata.normalize("NFD", normal.casefold()):
        if unicodedata.combining(ch) and letters:
            key = (letters[-1], ch)
            if key in _LETTER_MARKS:
                letters[-1] = _LETTER_MARKS[key]
            elif ch in _TONES:
                tones[-1] = _TONES[ch]
            else:
                other_marks[-1] += ch
            continue
        letters.append(ch)
        tones.append(0)
        other_marks.append("")
    primary = tuple(_primary(letter) for letter in letters)
    case = tuple(1 if ch.isupper() else 0 for ch in normal)
    return (primary, tuple(tones), tuple(other_marks), case, normal)
