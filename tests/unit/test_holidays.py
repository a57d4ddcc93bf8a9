"""The Vietnamese working calendar: one expectation a line."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from tnplan.calendar import holidays
from tnplan.calendar.holidays import LunarDate

D = dt.date


def all_days(first: int, last: int) -> list[dt.date]:
    start, end = D(first, 1, 1), D(last, 12, 31)
    return [start + dt.timedelta(days=n) for n in range((end - start).days + 1)]


# --- lunar calendar --------------------------------------------------------------------------

# Vietnamese lunar new year (mùng 1 Tết). 1968 and 1985 differ from the Chinese calendar
# (30/1/1968, 20/2/1985) because Vietnam counts in UTC+7; so do 2007 and 2030 (China:
# 18/2/2007, 3/2/2030: the new moon falls between 23:00 and 24:00 UTC+7).
TET = [
    (1968, D(1968, 1, 29)),
    (1985, D(1985, 1, 21)),
    (2000, D(2000, 2, 5)),
    (2001, D(2001, 1, 24)),
    (2002, D(2002, 2, 12)),
    (2003, D(2003, 2, 1)),
    (2004, D(2004, 1, 22)),
    (2005, D(2005, 2, 9)),
    (2006, D(2006, 1, 29)),
    (2007, D(2007, 2, 17)),
    (2008, D(2008, 2, 7)),
    (2009, D(2009, 1, 26)),
    (2010, D(2010, 2, 14)),
    (2011, D(2011, 2, 3)),
    (2012, D(2012, 1, 23)),
    (2013, D(2013, 2, 10)),
    (2014, D(2014, 1, 31)),
    (2015, D(2015, 2, 19)),
    (2016, D(2016, 2, 8)),
    (2017, D(2017, 1, 28)),
    (2018, D(2018, 2, 16)),
    (2019, D(2019, 2, 5)),
    (2020, D(2020, 1, 25)),
    (2021, D(2021, 2, 12)),
    (2022, D(2022, 2, 1)),
    (2023, D(2023, 1, 22)),
    (2024, D(2024, 2, 10)),
    (2025, D(2025, 1, 29)),
    (2026, D(2026, 2, 17)),
    (2027, D(2027, 2, 6)),
    (2028, D(2028, 1, 26)),
    (2029, D(2029, 2, 13)),
    (2030, D(2030, 2, 2)),
]


@pytest.mark.parametrize(("year", "expected"), TET)
def test_lunar_new_year(year: int, expected: dt.date) -> None:
    assert holidays.lunar_to_solar(1, 1, year) == expected


@pytest.mark.parametrize(("year", "day"), TET)
def test_solar_to_lunar_new_year(year: int, day: dt.date) -> None:
    assert holidays.solar_to_lunar(day) == (1, 1, year, False)


@pytest.mark.parametrize(("year", "day"), TET)
def test_day_before_new_year_is_in_month_12(year: int, day: dt.date) -> None:
    assert holidays.solar_to_lunar(day - dt.timedelta(days=1))[1:] == (12, year - 1, False)


@pytest.mark.parametrize(
    ("lunar", "expected"),
    [
        ((10, 3, 2018), D(2018, 4, 25)),
        ((10, 3, 2019), D(2019, 4, 14)),
        ((10, 3, 2020), D(2020, 4, 2)),
        ((10, 3, 2021), D(2021, 4, 21)),
        ((10, 3, 2022), D(2022, 4, 10)),
        ((10, 3, 2023), D(2023, 4, 29)),
        ((10, 3, 2024), D(2024, 4, 18)),
        ((10, 3, 2025), D(2025, 4, 7)),
        ((10, 3, 2026), D(2026, 4, 26)),
        ((15, 8, 2024), D(2024, 9, 17)),
        ((15, 8, 2025), D(2025, 10, 6)),
        ((29, 12, 2025), D(2026, 2, 16)),
        ((30, 12, 2023), D(2024, 2, 9)),
        ((29, 12, 2024), D(2025, 1, 28)),
        ((1, 12, 1899), D(1900, 1, 1)),
        ((1, 1, 1900), D(1900, 1, 31)),
        ((23, 12, 2025), D(2026, 2, 10)),
    ],
)
def test_lunar_to_solar(lunar: tuple[int, int, int], expected: dt.date) -> None:
    assert holidays.lunar_to_solar(*lunar) == expected


@pytest.mark.parametrize(
    ("lunar", "expected"),
    [
        ((1, 4, 2020), D(2020, 5, 23)),
        ((1, 2, 2023), D(2023, 3, 22)),
        ((1, 6, 2025), D(2025, 7, 25)),
        ((1, 5, 2028), D(2028, 6, 23)),
        ((1, 11, 2033), D(2033, 12, 22)),
    ],
)
def test_lunar_to_solar_leap_month(lunar: tuple[int, int, int], expected: dt.date) -> None:
    assert holidays.lunar_to_solar(*lunar, leap=True) == expected


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (D(2026, 2, 17), LunarDate(1, 1, 2026, False)),
        (D(2026, 2, 16), LunarDate(29, 12, 2025, False)),
        (D(2026, 4, 26), LunarDate(10, 3, 2026, False)),
        (D(2026, 5, 18), LunarDate(2, 4, 2026, False)),
        (D(2026, 1, 1), LunarDate(13, 11, 2025, False)),
        (D(2025, 1, 28), LunarDate(29, 12, 2024, False)),
        (D(2024, 2, 9), LunarDate(30, 12, 2023, False)),
        (D(1900, 1, 1), LunarDate(1, 12, 1899, False)),
        (D(2023, 3, 22), LunarDate(1, 2, 2023, True)),
        (D(2023, 3, 21), LunarDate(30, 2, 2023, False)),
        (D(2025, 7, 25), LunarDate(1, 6, 2025, True)),
        (D(2020, 5, 23), LunarDate(1, 4, 2020, True)),
        (D(2033, 12, 22), LunarDate(1, 11, 2033, True)),
        (dt.datetime(2026, 2, 17, 23, 59), LunarDate(1, 1, 2026, False)),
    ],
)
def test_solar_to_lunar(day: dt.date, expected: LunarDate) -> None:
    assert holidays.solar_to_lunar(day) == expected


def test_lunar_date_fields() -> None:
    assert holidays.solar_to_lunar(D(2023, 3, 22)).leap is True


def test_lunar_date_is_a_tuple() -> None:
    day, month, year, leap = holidays.solar_to_lunar(D(2026, 2, 17))
    assert (day, month, year, leap) == (1, 1, 2026, False)


@pytest.mark.parametrize(
    ("lunar", "leap", "message"),
    [
        ((30, 2, 2026), False, "tháng 2 âm lịch năm 2026 chỉ có 29 ngày"),
        ((30, 12, 2025), False, "tháng 12 âm lịch năm 2025 chỉ có 29 ngày"),
        ((30, 12, 2024), False, "tháng 12 âm lịch năm 2024 chỉ có 29 ngày"),
        ((30, 4, 2020), True, "tháng 4 nhuận âm lịch năm 2020 chỉ có 29 ngày"),
        ((1, 3, 2023), True, "năm âm lịch 2023 không có tháng 3 nhuận"),
        ((1, 1, 2026), True, "năm âm lịch 2026 không có tháng nhuận"),
        ((1, 13, 2026), False, "tháng 13 âm lịch không có: tháng từ 1 đến 12"),
        ((1, 0, 2026), False, "tháng 0 âm lịch không có: tháng từ 1 đến 12"),
        ((31, 1, 2026), False, "ngày 31 âm lịch không có: ngày từ 1 đến 30"),
        ((0, 1, 2026), False, "ngày 0 âm lịch không có: ngày từ 1 đến 30"),
        ((1, 1, 1899), False, "năm 1899 ngoài khoảng tính được: chỉ từ 1900 đến 2199"),
        ((1, 1, 1898), False, "năm âm lịch 1898 ngoài khoảng tính được: chỉ từ 1900 đến 2199"),
        ((1, 1, 2200), False, "năm âm lịch 2200 ngoài khoảng tính được: chỉ từ 1900 đến 2199"),
    ],
)
def test_lunar_to_solar_error(lunar: tuple[int, int, int], leap: bool, message: str) -> None:
    with pytest.raises(ValueError, match=re.escape(message)) as caught:
        holidays.lunar_to_solar(*lunar, leap=leap)
    assert str(caught.value) == message


@pytest.mark.parametrize(
    ("day", "message"),
    [
        (D(1899, 12, 31), "năm 1899 ngoài khoảng tính được: chỉ từ 1900 đến 2199"),
        (D(2200, 1, 1), "năm 2200 ngoài khoảng tính được: chỉ từ 1900 đến 2199"),
    ],
)
def test_solar_to_lunar_error(day: dt.date, message: str) -> None:
    with pytest.raises(ValueError, match=re.escape(message)) as caught:
        holidays.solar_to_lunar(day)
    assert str(caught.value) == message


@pytest.mark.parametrize("year", range(2000, 2031))
def test_lunar_round_trip_every_day(year: int) -> None:
    for day in all_days(year, year):
        lunar = holidays.solar_to_lunar(day)
        assert holidays.lunar_to_solar(*lunar) == day, (day, lunar)


@pytest.mark.parametrize("year", range(2000, 2031))
def test_lunar_days_run_on(year: int) -> None:
    previous = holidays.solar_to_lunar(D(year, 1, 1) - dt.timedelta(days=1))
    for day in all_days(year, year):
        lunar = holidays.solar_to_lunar(day)
        if lunar.day != 1:
            assert lunar[1:] == previous[1:], (day, lunar)
            assert lunar.day == previous.day + 1, (day, lunar)
        else:
            assert previous.day in (29, 30), (day, previous)
        previous = lunar


@pytest.mark.parametrize("year", range(1900, 2200, 7))
def test_lunar_round_trip_sampled_years(year: int) -> None:
    for day in all_days(year, year)[::5]:
        assert holidays.lunar_to_solar(*holidays.solar_to_lunar(day)) == day


@pytest.mark.parametrize(
    ("year", "expected"),
    [(2020, 4), (2023, 2), (2025, 6), (2028, 5), (2033, 11), (2026, None), (2024, None)],
)
def test_leap_month_of_year(year: int, expected: int | None) -> None:
    leaps = {
        lunar.month
        for lunar in map(holidays.solar_to_lunar, all_days(year, year))
        if lunar.leap and lunar.year == year
    }
    assert leaps == ({expected} if expected else set())


# --- public holidays ---------------------------------------------------------------------------


def test_public_holidays_2026() -> None:
    assert holidays.public_holidays(2026) == {
        D(2026, 1, 1): "Tết Dương lịch",
        D(2026, 2, 16): "Tết Âm lịch (29 tháng Chạp)",
        D(2026, 2, 17): "Tết Âm lịch (mùng 1)",
        D(2026, 2, 18): "Tết Âm lịch (mùng 2)",
        D(2026, 2, 19): "Tết Âm lịch (mùng 3)",
        D(2026, 2, 20): "Tết Âm lịch (mùng 4)",
        D(2026, 4, 26): "Giỗ Tổ Hùng Vương",
        D(2026, 4, 27): "Nghỉ bù Giỗ Tổ Hùng Vương",
        D(2026, 4, 30): "Ngày Chiến thắng",
        D(2026, 5, 1): "Quốc tế Lao động",
        D(2026, 8, 31): "Nghỉ hoán đổi (làm bù 22/8/2026)",
        D(2026, 9, 1): "Quốc khánh",
        D(2026, 9, 2): "Quốc khánh",
        D(2026, 11, 24): "Ngày Văn hóa Việt Nam",
    }


def test_public_holidays_2025() -> None:
    assert holidays.public_holidays(2025) == {
        D(2025, 1, 1): "Tết Dương lịch",
        D(2025, 1, 27): "Nghỉ bù Tết Âm lịch",  # mùng 4 is a Saturday: the day before the break
        D(2025, 1, 28): "Tết Âm lịch (29 tháng Chạp)",
        D(2025, 1, 29): "Tết Âm lịch (mùng 1)",
        D(2025, 1, 30): "Tết Âm lịch (mùng 2)",
        D(2025, 1, 31): "Tết Âm lịch (mùng 3)",
        D(2025, 2, 1): "Tết Âm lịch (mùng 4)",
        D(2025, 4, 7): "Giỗ Tổ Hùng Vương",
        D(2025, 4, 30): "Ngày Chiến thắng",
        D(2025, 5, 1): "Quốc tế Lao động",
        D(2025, 5, 2): "Nghỉ hoán đổi (làm bù 26/4/2025)",
        D(2025, 9, 1): "Quốc khánh",
        D(2025, 9, 2): "Quốc khánh",
    }


def test_public_holidays_2022_two_in_lieu_after_a_weekend() -> None:
    assert holidays.public_holidays(2022) == {
        D(2022, 1, 1): "Tết Dương lịch",
        D(2022, 1, 3): "Nghỉ bù Tết Dương lịch",
        D(2022, 1, 31): "Tết Âm lịch (29 tháng Chạp)",
        D(2022, 2, 1): "Tết Âm lịch (mùng 1)",
        D(2022, 2, 2): "Tết Âm lịch (mùng 2)",
        D(2022, 2, 3): "Tết Âm lịch (mùng 3)",
        D(2022, 2, 4): "Tết Âm lịch (mùng 4)",
        D(2022, 4, 10): "Giỗ Tổ Hùng Vương",
        D(2022, 4, 11): "Nghỉ bù Giỗ Tổ Hùng Vương",
        D(2022, 4, 30): "Ngày Chiến thắng",
        D(2022, 5, 1): "Quốc tế Lao động",
        D(2022, 5, 2): "Nghỉ bù Ngày Chiến thắng",
        D(2022, 5, 3): "Nghỉ bù Quốc tế Lao động",
        D(2022, 9, 1): "Quốc khánh",
        D(2022, 9, 2): "Quốc khánh",
    }


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (D(2024, 2, 8), "Nghỉ bù Tết Âm lịch"),  # for Saturday 10/2: before the break
        (D(2024, 2, 9), "Tết Âm lịch (30 tháng Chạp)"),
        (D(2024, 2, 10), "Tết Âm lịch (mùng 1)"),
        (D(2024, 2, 12), "Tết Âm lịch (mùng 3)"),
        (D(2024, 2, 13), "Tết Âm lịch (mùng 4)"),
        (D(2024, 2, 14), "Nghỉ bù Tết Âm lịch"),  # for Sunday 11/2: after it
        (D(2024, 2, 15), None),
        (D(2024, 2, 16), None),
        (D(2024, 4, 18), "Giỗ Tổ Hùng Vương"),
        (D(2021, 2, 13), "Tết Âm lịch (mùng 2)"),
        (D(2021, 2, 10), "Nghỉ bù Tết Âm lịch"),
        (D(2021, 2, 16), "Nghỉ bù Tết Âm lịch"),
        (D(2021, 2, 17), None),
        (D(2023, 1, 20), "Nghỉ bù Tết Âm lịch"),
        (D(2023, 1, 21), "Tết Âm lịch (30 tháng Chạp)"),
        (D(2023, 1, 26), "Nghỉ bù Tết Âm lịch"),
        (D(2023, 4, 29), "Giỗ Tổ Hùng Vương"),
        (D(2023, 5, 2), "Nghỉ bù Giỗ Tổ Hùng Vương"),
        (D(2023, 5, 3), "Nghỉ bù Ngày Chiến thắng"),
        (D(2024, 9, 1), None),  # 2/9/2024 is a Monday: the day next to it is 3/9
        (D(2024, 9, 3), "Quốc khánh"),
        (D(2024, 4, 29), "Nghỉ hoán đổi (làm bù 4/5/2024)"),
        (D(2020, 9, 1), None),  # before 2021, 2/9 alone
        (D(2026, 11, 24), "Ngày Văn hóa Việt Nam"),
        (D(2025, 11, 24), None),
        (D(2027, 1, 1), "Tết Dương lịch"),
        (D(2028, 1, 3), "Nghỉ bù Tết Dương lịch"),
        (D(1947, 4, 30), "Giỗ Tổ Hùng Vương; Ngày Chiến thắng"),
        (D(2026, 5, 18), None),
        (D(2026, 6, 20), None),
        (D(2026, 12, 25), None),
        (D(2026, 9, 3), None),
        (dt.datetime(2026, 4, 27, 8, 0), "Nghỉ bù Giỗ Tổ Hùng Vương"),
    ],
)
def test_holiday_name(day: dt.date, expected: str | None) -> None:
    assert holidays.holiday_name(day) == expected


@pytest.mark.parametrize("year", range(1900, 2200))
def test_every_year_has_its_holidays_on_their_days(year: int) -> None:
    table = holidays.public_holidays(year)
    statutory = [day for day, name in table.items() if not name.startswith("Nghỉ")]
    # 1/1, five days of Tết, Giỗ Tổ, 30/4, 1/5, 2/9; a day next to 2/9 from 2021; 24/11 from
    # 2026.  Giỗ Tổ fell on 30/4 in 1947: one day.
    expected = 10 + (year >= 2021) + (year >= 2026) - (year == 1947)
    assert len(statutory) == expected
    assert list(table) == sorted(table)
    assert all(day.year == year for day in table)
    assert all(day.weekday() < 5 for day, name in table.items() if name.startswith("Nghỉ bù"))


@pytest.mark.parametrize("year", range(1900, 2200))
def test_one_day_in_lieu_per_weekend_holiday(year: int) -> None:
    table = holidays.public_holidays(year)
    in_lieu = [day for day, name in table.items() if name.startswith("Nghỉ bù")]
    weekend = [day for day, name in table.items() if day.weekday() >= 5]
    assert len(in_lieu) == len(weekend)
    assert all(day.weekday() < 5 for day in in_lieu)


def test_swapped_weekend_days_are_working_days() -> None:
    assert holidays.is_working_day(D(2024, 5, 4))  # a Saturday worked for 29/4/2024
    assert not holidays.is_working_day(D(2024, 4, 29))
    assert holidays.is_working_day(D(2019, 1, 5))  # worked for 31/12/2018
    assert holidays.working_days_between(D(2024, 4, 26), D(2024, 5, 6)) == 4  # 2, 3, 4, 6/5


def test_public_holidays_is_a_fresh_copy() -> None:
    holidays.public_holidays(2026).clear()
    assert len(holidays.public_holidays(2026)) == 14


@pytest.mark.parametrize("year", [1899, 2200, 1, 9999])
def test_public_holidays_outside_range(year: int) -> None:
    with pytest.raises(ValueError, match="ngoài khoảng tính được: chỉ từ 1900 đến 2199"):
        holidays.public_holidays(year)


# --- working days ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (D(2026, 5, 18), True),
        (D(2026, 5, 12), True),
        (D(2026, 6, 20), False),
        (D(2026, 6, 21), False),
        (D(2026, 6, 22), True),
        (D(2026, 6, 30), True),
        (D(2026, 4, 26), False),
        (D(2026, 4, 27), False),
        (D(2026, 4, 28), True),
        (D(2026, 4, 30), False),
        (D(2026, 5, 1), False),
        (D(2026, 2, 16), False),
        (D(2026, 2, 20), False),
        (D(2026, 2, 23), True),
        (D(2026, 9, 1), False),
        (D(2026, 9, 2), False),
        (D(2026, 9, 3), True),
        (D(2026, 1, 1), False),
        (D(2026, 1, 2), True),
        (dt.datetime(2026, 5, 18, 17, 0), True),
    ],
)
def test_is_working_day(day: dt.date, expected: bool) -> None:
    assert holidays.is_working_day(day) is expected


SWAP_OFF = frozenset({D(2026, 1, 2)})
SWAP_ON = frozenset({D(2026, 1, 10)})


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (D(2026, 1, 2), False),
        (D(2026, 1, 10), True),
        (D(2026, 1, 11), False),
        (D(2026, 1, 5), True),
    ],
)
def test_is_working_day_with_swaps(day: dt.date, expected: bool) -> None:
    assert holidays.is_working_day(day, SWAP_OFF, SWAP_ON) is expected


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (D(1899, 12, 29), True),
        (D(1899, 12, 30), False),
        (D(2200, 1, 1), True),
        (D(2200, 1, 4), False),
        (D(1, 1, 1), True),
        (D(9999, 12, 31), True),
    ],
)
def test_is_working_day_outside_range_knows_weekends_only(day: dt.date, expected: bool) -> None:
    assert holidays.is_working_day(day) is expected


@pytest.mark.parametrize("day", [D(1899, 1, 1), D(2200, 1, 1), D(1, 1, 1), D(9999, 12, 31)])
def test_holiday_name_outside_range(day: dt.date) -> None:
    assert holidays.holiday_name(day) is None


def test_working_days_between_across_the_range_edge() -> None:
    assert holidays.working_days_between(D(2199, 12, 31), D(2200, 1, 5)) == 3


def test_extra_holiday_wins_over_extra_workday() -> None:
    both = frozenset({D(2026, 1, 10)})
    assert holidays.is_working_day(D(2026, 1, 10), both, both) is False


def test_extra_sets_can_be_lists() -> None:
    assert holidays.is_working_day(D(2026, 5, 18), extra_holidays=[D(2026, 5, 18)]) is False


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        (D(2026, 5, 18), D(2026, 5, 18), 0),
        (D(2026, 5, 15), D(2026, 5, 18), 1),
        (D(2026, 5, 16), D(2026, 5, 18), 1),
        (D(2026, 5, 18), D(2026, 5, 19), 1),
        (D(2026, 5, 18), D(2026, 5, 22), 4),
        (D(2026, 5, 18), D(2026, 5, 23), 4),
        (D(2026, 5, 18), D(2026, 5, 25), 5),
        (D(2026, 5, 12), D(2026, 5, 18), 4),
        (D(2026, 5, 18), D(2026, 5, 12), -4),
        (D(2026, 5, 19), D(2026, 5, 18), -1),
        (D(2026, 6, 19), D(2026, 6, 20), 0),
        (D(2026, 6, 20), D(2026, 6, 21), 0),
        (D(2026, 6, 20), D(2026, 6, 30), 7),
        (D(2026, 5, 18), D(2026, 6, 20), 24),
        (D(2026, 4, 24), D(2026, 5, 4), 3),
        (D(2026, 2, 13), D(2026, 2, 23), 1),
        (D(2026, 1, 1), D(2026, 12, 31), 249),  # 24/11 and 31/8 off, 22/8 worked
        (D(2025, 12, 31), D(2026, 12, 31), 249),  # 24/11 and 31/8 off, 22/8 worked
        (D(2026, 12, 31), D(2025, 12, 31), -249),  # 24/11 and 31/8 off, 22/8 worked
        (dt.datetime(2026, 5, 15, 9, 0), dt.datetime(2026, 5, 18, 8, 0), 1),
    ],
)
def test_working_days_between(a: dt.date, b: dt.date, expected: int) -> None:
    assert holidays.working_days_between(a, b) == expected


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        (D(2025, 12, 31), D(2026, 1, 2), 0),
        (D(2025, 12, 31), D(2026, 1, 10), 6),
        (D(2026, 1, 1), D(2026, 1, 11), 6),
    ],
)
def test_working_days_between_with_swaps(a: dt.date, b: dt.date, expected: int) -> None:
    assert holidays.working_days_between(a, b, SWAP_OFF, SWAP_ON) == expected


@pytest.mark.parametrize("year", range(2020, 2031))
def test_working_days_in_a_year_match_is_working_day(year: int) -> None:
    expected = sum(holidays.is_working_day(day) for day in all_days(year, year))
    assert holidays.working_days_between(D(year - 1, 12, 31), D(year, 12, 31)) == expected
