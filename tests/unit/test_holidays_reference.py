"""tnplan's calendar against independent references (test-only packages; tnplan keeps its own
fast code at run time).

* Days off: the ``holidays`` package (Vietnam) over 2020–2030, every day off alike.
* The lunar calendar: Hồ Ngọc Đức's published tables TK19–TK22 (as the ``vnlunar`` package
  ships them), every day of 1900–2199.
"""

from __future__ import annotations

import datetime as dt

import pytest

from tnplan.calendar import holidays as ours

D = dt.date


@pytest.mark.parametrize("year", range(2020, 2031))
def test_days_off_match_the_holidays_package(year: int) -> None:
    ref = pytest.importorskip("holidays").country_holidays("VN", years=year)
    assert set(ours.public_holidays(year)) == set(ref)


def test_the_2025_tet_break_and_the_culture_day() -> None:
    # Tết 2025: nine days from Saturday 25/1 to Sunday 2/2 (Thông báo 6150/TB-BLĐTBXH).
    off = [d for d in (D(2025, 1, 24) + dt.timedelta(days=i) for i in range(11))]
    worked = [d for d in off if ours.is_working_day(d)]
    assert worked == [D(2025, 1, 24), D(2025, 2, 3)]
    assert ours.holiday_name(D(2026, 11, 24)) == "Ngày Văn hóa Việt Nam"
    assert ours.holiday_name(D(2029, 11, 26)) == "Nghỉ bù Ngày Văn hóa Việt Nam"


# Lunar months where tnplan's series and the published tables start the month a day apart:
# each new moon falls within minutes of midnight in UTC+7 (JPL DE423 puts them 0–6 minutes
# after midnight in TT; UT is a few minutes earlier, so the tables' earlier day is likely
# right, but no calendar for those years is issued yet).  (solar year, month) of the days.
NEAR_MIDNIGHT = {
    (2054, 5), (2054, 6), (2072, 12), (2073, 1), (2077, 11), (2077, 12), (2130, 5), (2130, 6),
    (2150, 5), (2150, 6), (2159, 5), (2159, 6), (2175, 1), (2175, 2), (2199, 1), (2199, 2),
}  # fmt: skip


def _tables() -> object:
    return pytest.importorskip("vnlunar.core")


def test_lunar_calendar_matches_the_published_tables_from_1968() -> None:
    """From 1968 Vietnam's calendar is computed for UTC+7, as tnplan computes it."""
    core = _tables()
    day, last = D(1968, 1, 1), D(2199, 12, 31)
    differ: set[tuple[int, int]] = set()
    while day <= last:
        got = ours.solar_to_lunar(day)
        t = core.get_lunar_date_from_table(day.day, day.month, day.year)  # type: ignore[attr-defined]
        assert got.day >= 1, day  # never "day 0" (it was, on 7/5/2054 and 9/4/2062)
        if (t["day"], t["month"], t["year"], bool(t["leap"])) != tuple(got):
            differ.add((day.year, day.month))
        day += dt.timedelta(days=1)
    assert differ == NEAR_MIDNIGHT


def test_lunar_calendar_1900_to_1967_is_the_utc7_one() -> None:
    """Before 1968 the calendars printed in Vietnam used UTC+8 (the Chinese calendar); tnplan
    computes every year for UTC+7, so there it matches the UTC+7 computation (vnlunar's own
    port of the astronomy, with its own month search) and differs from the tables only
    where UTC+7 and UTC+8 put a new moon on different days."""
    core = _tables()
    day, last = D(1900, 1, 1), D(1967, 12, 31)
    while day <= last:
        got = ours.solar_to_lunar(day)
        t = core.convert_solar_to_lunar(day.day, day.month, day.year, 7.0)  # type: ignore[attr-defined]
        assert (t["day"], t["month"], t["year"], bool(t["leap"])) == tuple(got), day
        day += dt.timedelta(days=1)


@pytest.mark.parametrize(
    ("day", "lunar"),
    [
        (D(2054, 5, 7), (30, 3, 2054, False)),
        (D(2054, 5, 8), (1, 4, 2054, False)),
        (D(2062, 4, 9), (30, 2, 2062, False)),
        (D(2062, 4, 10), (1, 3, 2062, False)),
    ],
)
def test_no_day_zero(day: dt.date, lunar: tuple[int, int, int, bool]) -> None:
    assert tuple(ours.solar_to_lunar(day)) == lunar
    assert ours.lunar_to_solar(lunar[0], lunar[1], lunar[2], lunar[3]) == day
