"""The Vietnamese working calendar: public holidays, days off in lieu, working days.

Public holidays follow the Labour Code 2019 (Bộ luật Lao động 2019), Article 112(1), for
every year this module knows (1900 to 2199; earlier rules are not modelled):

* Tết Dương lịch: 1 January;
* Tết Âm lịch: 5 days. The Code leaves the days to the Prime Minister each year; by
  convention this module takes the last day of the lunar year (29 or 30 tháng Chạp) and
  lunar 1 to 4 of the new year;
* Giỗ Tổ Hùng Vương: 10th day of the 3rd lunar month;
* Ngày Chiến thắng: 30 April;
* Quốc tế Lao động: 1 May;
* Quốc khánh: 2 September and, from 2021, one adjacent day. The Code lets the Prime Minister
  choose the day before or after; this module takes the one that makes a long weekend, as
  decided every year since 2021 (1/9 when 2/9 is a Tuesday, Wednesday, Friday or Saturday;
  3/9 when it is a Monday, Thursday or Sunday);
* Ngày Văn hóa Việt Nam: 24 November, from 2026.

When a holiday falls on a Saturday or a Sunday, the next working day is a day off in lieu
(nghỉ bù, Article 111(3), for offices closed on Saturday and Sunday). Several holidays on
one weekend give as many days off, one after another. Two holidays on the same day (Giỗ Tổ
can meet 30/4 or 1/5) are one day off named after both, with no extra day in lieu. Tết's
days are the exception, as the yearly Tết notices set them since 2014: one on a Saturday
moves to the working day before the break, one on a Sunday to the working day after it.

The government's swaps (a weekday given off for a weekend day worked: 29/4/2024 for
4/5/2024) are data per year in ``SWAPS``; the worked weekend days count as working days.

These rules agree with the ``holidays`` package (Vietnam) on every day off from 2020 to
2030 (``tests/unit/test_holidays_reference.py``).

Outside 1900 to 2199 the lunar calendar and ``public_holidays`` raise ``ValueError``, while
``is_working_day``, ``working_days_between`` and ``holiday_name`` know no holidays there
(weekends only), so that a checker given a far-off date never fails on it.

A plan supplies what is not known here (a swap announced later, a longer Tết break for its
own staff) as ``extra_holidays`` and ``extra_workdays``.

The lunar calendar is Hồ Ngọc Đức's algorithm (astronomical new moons and solar terms,
computed for UTC+7, the Vietnamese time zone; it is why Vietnamese Tết 1985 fell on
21/1/1985 while the Chinese new year fell a month later).
"""

from __future__ import annotations

import datetime as _dt
import functools
import math
from collections.abc import Container
from typing import NamedTuple

__all__ = [
    "FIRST_YEAR",
    "LAST_YEAR",
    "LunarDate",
    "holiday_name",
    "is_working_day",
    "lunar_to_solar",
    "public_holidays",
    "solar_to_lunar",
    "working_days_between",
]

FIRST_YEAR = 1900
LAST_YEAR = 2199
_TIME_ZONE = 7.0  # hours east of UTC
_JD_OFFSET = 1721425  # Julian day number of a date = its proleptic ordinal + this
_SYNODIC_MONTH = 29.530588853
_NEW_MOON_EPOCH = 2415021.076998695  # Julian day of the new moon of 1 January 1900
_NO_DATES: frozenset[_dt.date] = frozenset()


class LunarDate(NamedTuple):
    """A date of the Vietnamese lunar calendar; ``leap`` marks a leap (nhuận) month."""

    day: int
    month: int
    year: int
    leap: bool


# --- lunar calendar (Hồ Ngọc Đức) ------------------------------------------------------------


def _jd(d: _dt.date) -> int:
    return d.toordinal() + _JD_OFFSET


def _from_jd(jd: int) -> _dt.date:
    return _dt.date.fromordinal(jd - _JD_OFFSET)


def _new_moon(k: int) -> float:
    """Julian day (UTC, fractional) of the k-th new moon after 1 January 1900."""
    t = k / 1236.85
    t2 = t * t
    t3 = t2 * t
    dr = math.pi / 180
    jd1 = 2415020.75933 + 29.53058868 * k + 0.0001178 * t2 - 0.000000155 * t3
    jd1 += 0.00033 * math.sin((166.56 + 132.87 * t - 0.009173 * t2) * dr)
    m = 359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3
    mpr = 306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3
    f = 21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3
    c1 = (0.1734 - 0.000393 * t) * math.sin(m * dr) + 0.0021 * math.sin(2 * dr * m)
    c1 = c1 - 0.4068 * math.sin(mpr * dr) + 0.0161 * math.sin(dr * 2 * mpr)
    c1 = c1 - 0.0004 * math.sin(dr * 3 * mpr)
    c1 = c1 + 0.0104 * math.sin(dr * 2 * f) - 0.0051 * math.sin(dr * (m + mpr))
    c1 = c1 - 0.0074 * math.sin(dr * (m - mpr)) + 0.0004 * math.sin(dr * (2 * f + m))
    c1 = c1 - 0.0004 * math.sin(dr * (2 * f - m)) - 0.0006 * math.sin(dr * (2 * f + mpr))
    c1 = c1 + 0.0010 * math.sin(dr * (2 * f - mpr)) + 0.0005 * math.sin(dr * (2 * mpr + m))
    if t < -11:
        delta_t = 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3
        delta_t -= 0.000000081 * t * t3
    else:
        delta_t = -0.000278 + 0.000265 * t + 0.000262 * t2
    return jd1 + c1 - delta_t


def _new_moon_day(k: int) -> int:
    """Julian day number of the local (UTC+7) day of the k-th new moon."""
    return math.floor(_new_moon(k) + 0.5 + _TIME_ZONE / 24)


def _sun_longitude_sector(jdn: int) -> int:
    """Which 30° sector (0 to 11) of longitude the sun is in at the start of local day ``jdn``."""
    t = (jdn - 0.5 - _TIME_ZONE / 24 - 2451545.0) / 36525
    t2 = t * t
    dr = math.pi / 180
    m = 357.52910 + 35999.05030 * t - 0.0001559 * t2 - 0.00000048 * t * t2
    l0 = 280.46645 + 36000.76983 * t + 0.0003032 * t2
    dl = (1.914600 - 0.004817 * t - 0.000014 * t2) * math.sin(dr * m)
    dl += (0.019993 - 0.000101 * t) * math.sin(dr * 2 * m) + 0.000290 * math.sin(dr * 3 * m)
    longitude = (l0 + dl) * dr
    longitude -= math.pi * 2 * math.floor(longitude / (math.pi * 2))
    return math.floor(longitude / math.pi * 6)


@functools.cache
def _month_11_start(year: int) -> int:
    """Julian day number of the first day of lunar month 11 (the winter solstice month)."""
    k = math.floor((_jd(_dt.date(year, 12, 31)) - 2415021) / _SYNODIC_MONTH)
    start = _new_moon_day(k)
    if _sun_longitude_sector(start) >= 9:
        start = _new_moon_day(k - 1)
    return start


@functools.cache
def _leap_month_offset(month_11_start: int) -> int:
    """Months after month 11 of the leap month in a 13-month lunar year (no solar term)."""
    k = math.floor((month_11_start - _NEW_MOON_EPOCH) / _SYNODIC_MONTH + 0.5)
    i = 1
    arc = _sun_longitude_sector(_new_moon_day(k + i))
    while True:
        last = arc
        i += 1
        arc = _sun_longitude_sector(_new_moon_day(k + i))
        if arc == last or i >= 14:
            return i - 1


def _check_year(year: int, what: str) -> None:
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise ValueError(
            f"{what} {year} ngoài khoảng tính được: chỉ từ {FIRST_YEAR} đến {LAST_YEAR}"
        )


def solar_to_lunar(d: _dt.date) -> LunarDate:
    """Return the lunar date of a solar (Gregorian) date, a ``(day, month, year, leap)`` tuple.

    ``solar_to_lunar(date(2026, 2, 17))`` is ``LunarDate(day=1, month=1, year=2026,
    leap=False)``. The lunar year is numbered as the solar year it mostly overlaps (Bính Ngọ
    is 2026). Raises ``ValueError`` outside 1900 to 2199.
    """
    if isinstance(d, _dt.datetime):
        d = d.date()
    _check_year(d.year, "năm")
    day_number = _jd(d)
    # The estimate of k can be one lunation off when a new moon falls near midnight (it did
    # give "day 0" on 7/5/2054 and 9/4/2062): step until day_number is inside the month.
    k = math.floor((day_number - _NEW_MOON_EPOCH) / _SYNODIC_MONTH)
    while _new_moon_day(k + 1) > day_number:
        k -= 1
    while _new_moon_day(k + 2) <= day_number:
        k += 1
    month_start = _new_moon_day(k + 1)
    a11 = _month_11_start(d.year)
    b11 = a11
    if a11 >= month_start:
        lunar_year = d.year
        a11 = _month_11_start(d.year - 1)
    else:
        lunar_year = d.year + 1
        b11 = _month_11_start(d.year + 1)
    lunar_day = day_number - month_start + 1
    diff = math.floor((month_start - a11) / 29)
    leap = False
    lunar_month = diff + 11
    if b11 - a11 > 365:
        leap_diff = _leap_month_offset(a11)
        if diff >= leap_diff:
            lunar_month = diff + 10
            leap = diff == leap_diff
    if lunar_month > 12:
        lunar_month -= 12
    if lunar_month >= 11 and diff < 4:
        lunar_year -= 1
    return LunarDate(lunar_day, lunar_month, lunar_year, leap)


def lunar_to_solar(day: int, month: int, year: int, leap: bool = False) -> _dt.date:
    """Return the solar date of a lunar date: ``lunar_to_solar(1, 1, 2026)`` is 17/2/2026.

    ``leap=True`` asks for the leap (nhuận) month of that number. Raises ``ValueError``, with
    a reason in Vietnamese, for a date that does not exist (day 30 of a 29-day month, a leap
    month the year does not have) or a date outside 1900 to 2199.
    """
    if not FIRST_YEAR - 1 <= year <= LAST_YEAR:
        # Lunar 1899 ends in January 1900: let it through, then check the solar date.
        _check_year(year, "năm âm lịch")
    if not 1 <= month <= 12:
        raise ValueError(f"tháng {month} âm lịch không có: tháng từ 1 đến 12")
    if not 1 <= day <= 30:
        raise ValueError(f"ngày {day} âm lịch không có: ngày từ 1 đến 30")
    if month < 11:
        a11 = _month_11_start(year - 1)
        b11 = _month_11_start(year)
    else:
        a11 = _month_11_start(year)
        b11 = _month_11_start(year + 1)
    k = math.floor(0.5 + (a11 - _NEW_MOON_EPOCH) / _SYNODIC_MONTH)
    offset = (month - 11) % 12
    if b11 - a11 > 365:
        leap_offset = _leap_month_offset(a11)
        leap_month = (leap_offset - 2) % 12
        if leap and month != leap_month:
            raise ValueError(f"năm âm lịch {year} không có tháng {month} nhuận")
        if leap or offset >= leap_offset:
            offset += 1
    elif leap:
        raise ValueError(f"năm âm lịch {year} không có tháng nhuận")
    month_start = _new_moon_day(k + offset)
    if day == 30 and _new_moon_day(k + offset + 1) - month_start < 30:
        label = f"tháng {month}{' nhuận' if leap else ''}"
        raise ValueError(f"{label} âm lịch năm {year} chỉ có 29 ngày")
    result = _from_jd(month_start + day - 1)
    _check_year(result.year, "năm")
    return result


# --- public holidays ---------------------------------------------------------------------------

_TET_DUONG_LICH = "Tết Dương lịch"
_TET_AM_LICH = "Tết Âm lịch"
_GIO_TO = "Giỗ Tổ Hùng Vương"
_CHIEN_THANG = "Ngày Chiến thắng"
_LAO_DONG = "Quốc tế Lao động"
_QUOC_KHANH = "Quốc khánh"
_VAN_HOA = "Ngày Văn hóa Việt Nam"
_IN_LIEU = "Nghỉ bù"
_SWAPPED = "Nghỉ hoán đổi"

CULTURE_DAY_FROM = 2026
"""24/11, Ngày Văn hóa Việt Nam, is a paid day off from 2026 (Nghị quyết 80-NQ/TW, 2026)."""
ADJACENT_NATIONAL_DAY_FROM = 2021
"""The Labour Code 2019 (in force 2021) adds a day next to 2/9."""

# The day next to 2/9 by the weekday of 2/9, as decided each year since 2021 (a long weekend):
# Monday → 3/9, Tuesday → 1/9, Wednesday → 1/9, Thursday → 3/9, Friday → 1/9, Saturday →
# 1/9, Sunday → 3/9.
_NATIONAL_DAY_NEXT = {0: 1, 1: -1, 2: -1, 3: 1, 4: -1, 5: -1, 6: 1}

SWAPS: dict[int, tuple[tuple[_dt.date, _dt.date], ...]] = {
    2018: ((_dt.date(2018, 12, 31), _dt.date(2019, 1, 5)),),
    2019: ((_dt.date(2019, 4, 29), _dt.date(2019, 5, 4)),),
    2024: ((_dt.date(2024, 4, 29), _dt.date(2024, 5, 4)),),
    2025: ((_dt.date(2025, 5, 2), _dt.date(2025, 4, 26)),),
    2026: ((_dt.date(2026, 8, 31), _dt.date(2026, 8, 22)),),
}
"""The government's day swaps, per year: (weekday given off, weekend day worked instead).

Decided each year by the Prime Minister or the Ministry of Labour (công văn, thông báo: 2019,
2024 Công văn 2450/VPCP-KGVX, 2025 Thông báo 6150/TB-BLĐTBXH for Tết and 2025's 30/4, 2026
for 2/9); a later year's swaps are added here when they are announced.  A plan can still add
its own in ``calendar.holidays`` and ``calendar.workdays``.
"""


def swap_workdays(year: int) -> frozenset[_dt.date]:
    """Weekend days worked in a swap decided for ``year`` (they count as working days)."""
    return frozenset(worked for _off, worked in SWAPS.get(year, ()))


def _statutory_days(year: int) -> list[tuple[_dt.date, str, str]]:
    """(day, holiday, detail) for the Labour Code's holidays of a solar year."""
    new_year = lunar_to_solar(1, 1, year)
    eve = new_year - _dt.timedelta(days=1)
    eve_lunar = solar_to_lunar(eve)
    eve_detail = f"{eve_lunar.day} tháng Chạp{' nhuận' if eve_lunar.leap else ''}"
    days = [
        (_dt.date(year, 1, 1), _TET_DUONG_LICH, ""),
        (eve, _TET_AM_LICH, eve_detail),
    ]
    days += [(new_year + _dt.timedelta(days=n), _TET_AM_LICH, f"mùng {n + 1}") for n in range(4)]
    national = _dt.date(year, 9, 2)
    days += [
        (lunar_to_solar(10, 3, year), _GIO_TO, ""),
        (_dt.date(year, 4, 30), _CHIEN_THANG, ""),
        (_dt.date(year, 5, 1), _LAO_DONG, ""),
        (national, _QUOC_KHANH, ""),
    ]
    if year >= ADJACENT_NATIONAL_DAY_FROM:
        step = _NATIONAL_DAY_NEXT[national.weekday()]
        days.append((national + _dt.timedelta(days=step), _QUOC_KHANH, ""))
    if year >= CULTURE_DAY_FROM:
        days.append((_dt.date(year, 11, 24), _VAN_HOA, ""))
    return sorted(days)


def _free(day: _dt.date, taken: Container[_dt.date]) -> bool:
    return day.weekday() < 5 and day not in taken


@functools.cache
def _holidays(year: int) -> dict[_dt.date, str]:
    """Compute the year's days off, cached; never handed out (callers get a copy)."""
    _check_year(year, "năm")
    labels: dict[_dt.date, list[str]] = {}
    holidays: dict[_dt.date, list[str]] = {}
    for day, holiday, detail in _statutory_days(year):
        labels.setdefault(day, []).append(f"{holiday} ({detail})" if detail else holiday)
        holidays.setdefault(day, []).append(holiday)
    result = {day: "; ".join(names) for day, names in labels.items()}
    one = _dt.timedelta(days=1)
    # Tết's days on a weekend: a Saturday gives the working day before the break, a Sunday
    # the working day after it (as every year's Tết notice since 2014 has done).
    for day, names in holidays.items():
        if _TET_AM_LICH not in names or day.weekday() < 5:
            continue
        step = -one if day.weekday() == 5 else one
        candidate = day + step
        while not _free(candidate, result):
            candidate += step
        result[candidate] = f"{_IN_LIEU} {_TET_AM_LICH}"
    # Any other holiday on a weekend gives the next working day not already off.
    for day, names in holidays.items():
        if _TET_AM_LICH in names or day.weekday() < 5:
            continue
        candidate = day + one
        while not _free(candidate, result):
            candidate += one
        result[candidate] = f"{_IN_LIEU} {' và '.join(dict.fromkeys(names))}"
    for off, worked in SWAPS.get(year, ()):
        result.setdefault(off, f"{_SWAPPED} (làm bù {worked.day}/{worked.month}/{worked.year})")
    return dict(sorted(result.items()))


def _days_off(year: int) -> dict[_dt.date, str]:
    """Like ``_holidays`` but empty outside the years the lunar calendar covers."""
    if not FIRST_YEAR <= year <= LAST_YEAR:
        return {}
    return _holidays(year)


def public_holidays(year: int) -> dict[_dt.date, str]:
    """Return every day off of a solar year, holidays and days in lieu, in date order.

    Names are Vietnamese: ``Tết Âm lịch (mùng 1)``, ``Giỗ Tổ Hùng Vương``,
    ``Nghỉ bù Giỗ Tổ Hùng Vương``. A fresh dict each call. Raises ``ValueError`` outside
    1900 to 2199. See the module docstring for the conventions.
    """
    return dict(_holidays(year))


def holiday_name(d: _dt.date) -> str | None:
    """Return the name of the public holiday or day in lieu on ``d``, or ``None``.

    ``None`` too outside 1900 to 2199, where no holidays are known.
    """
    if isinstance(d, _dt.datetime):
        d = d.date()
    return _days_off(d.year).get(d)


def is_working_day(
    d: _dt.date,
    extra_holidays: Container[_dt.date] = _NO_DATES,
    extra_workdays: Container[_dt.date] = _NO_DATES,
) -> bool:
    """Tell whether ``d`` is a working day: Monday to Friday and not a public holiday.

    ``extra_workdays`` are days worked in a swap (usually Saturdays) and ``extra_holidays``
    are the extra days off the government decides each year; a day in both is off. Outside
    1900 to 2199 only weekends are days off.
    """
    if isinstance(d, _dt.datetime):
        d = d.date()
    if d in extra_holidays:
        return False
    if d in extra_workdays or d in _swap_workdays(d.year):
        return True
    return d.weekday() < 5 and d not in _days_off(d.year)


@functools.cache
def _swap_workdays(year: int) -> frozenset[_dt.date]:
    # A swap's worked day can fall in the year before its day off (31/12/2018 ↔ 5/1/2019).
    return swap_workdays(year) | swap_workdays(year - 1) | swap_workdays(year + 1)


def working_days_between(
    a: _dt.date,
    b: _dt.date,
    extra_holidays: Container[_dt.date] = _NO_DATES,
    extra_workdays: Container[_dt.date] = _NO_DATES,
) -> int:
    """Count working days after ``a`` up to and including ``b``.

    Negative when ``b`` is before ``a``. From Friday to the next Monday is 1; from a day to
    itself is 0.
    """
    if isinstance(a, _dt.datetime):
        a = a.date()
    if isinstance(b, _dt.datetime):
        b = b.date()
    if b < a:
        return -working_days_between(b, a, extra_holidays, extra_workdays)
    count = 0
    day = a + _dt.timedelta(days=1)
    while day <= b:
        if is_working_day(day, extra_holidays, extra_workdays):
            count += 1
        day += _dt.timedelta(days=1)
    return count
