"""Vietnamese text helpers: one expectation a line."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from decimal import Decimal
from typing import Any

import pytest

from tnplan.calendar import vi

D = dt.date
T = dt.time


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


def all_days(first: int, last: int) -> list[dt.date]:
    start, end = D(first, 1, 1), D(last, 12, 31)
    return [start + dt.timedelta(days=n) for n in range((end - start).days + 1)]


# --- normalisation --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (nfd("Nguyễn Thị Hòa"), "Nguyễn Thị Hòa"),
        (nfd("Sở Khoa học và Công nghệ"), "Sở Khoa học và Công nghệ"),
        ("Thuỷ", "Thuỷ"),
        ("Thủy", "Thủy"),
        ("", ""),
    ],
)
def test_nfc(text: str, expected: str) -> None:
    assert vi.nfc(text) == expected


def test_nfc_makes_nfd_equal() -> None:
    assert vi.nfc(nfd("Thái Nguyên")) == "Thái Nguyên"


def test_nfd_differs_before_nfc() -> None:
    assert nfd("Thái Nguyên") != "Thái Nguyên"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ĐÀ NẴNG", "đà nẵng"),
        (nfd("ĐÀ NẴNG"), "đà nẵng"),
        ("Phòng Kế hoạch - Tài chính", "phòng kế hoạch - tài chính"),
        ("VĂN PHÒNG SỞ", "văn phòng sở"),
        ("Hoà", "hoà"),
        ("Straße", "strasse"),
    ],
)
def test_fold(text: str, expected: str) -> None:
    assert vi.fold(text) == expected


def test_fold_matches_nfd_and_case() -> None:
    assert vi.fold(nfd("Văn phòng Sở")) == vi.fold("VĂN PHÒNG SỞ")


def test_fold_keeps_tone_placement() -> None:
    assert vi.fold("Hòa") != vi.fold("Hoà")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Đà Nẵng", "Da Nang"),
        (nfd("Đà Nẵng"), "Da Nang"),
        ("Thái Nguyên", "Thai Nguyen"),
        ("Ưu tiên đặc biệt", "Uu tien dac biet"),
        ("ĐỖ Thị Ngọc Ánh", "DO Thi Ngoc Anh"),
        ("Hòa Hoà Thủy Thuỷ", "Hoa Hoa Thuy Thuy"),
        ("Bắc Kạn", "Bac Kan"),
        ("abc 123", "abc 123"),
        ("", ""),
    ],
)
def test_strip_marks(text: str, expected: str) -> None:
    assert vi.strip_marks(text) == expected


# --- parse_date -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-05-12", D(2026, 5, 12)),
        ("2026-5-12", D(2026, 5, 12)),
        ("12/5/2026", D(2026, 5, 12)),
        ("12/05/2026", D(2026, 5, 12)),
        ("12-5-2026", D(2026, 5, 12)),
        ("12.5.2026", D(2026, 5, 12)),
        ("12-05-2026", D(2026, 5, 12)),
        ("12.05.2026", D(2026, 5, 12)),
        ("1/2/2026", D(2026, 2, 1)),
        ("01/02/2026", D(2026, 2, 1)),
        ("5/1/2026", D(2026, 1, 5)),
        ("20/6/2026", D(2026, 6, 20)),
        ("30/6/2026", D(2026, 6, 30)),
        ("18/5/2026", D(2026, 5, 18)),
        ("29/4/2026", D(2026, 4, 29)),
        ("31/12/2026", D(2026, 12, 31)),
        ("29/2/2024", D(2024, 2, 29)),
        ("29/2/2000", D(2000, 2, 29)),
        ("2024-02-29", D(2024, 2, 29)),
        ("  12/5/2026  ", D(2026, 5, 12)),
        ("\t2026-05-12\n", D(2026, 5, 12)),
        ("13/5/2026", D(2026, 5, 13)),
    ],
)
def test_parse_date(text: str, expected: dt.date) -> None:
    assert vi.parse_date(text) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("31/6/2026", "ngày 31/6/2026 không có thật: tháng 6 chỉ có 30 ngày"),
        ("31/4/2026", "ngày 31/4/2026 không có thật: tháng 4 chỉ có 30 ngày"),
        ("31/9/2026", "ngày 31/9/2026 không có thật: tháng 9 chỉ có 30 ngày"),
        ("31/11/2026", "ngày 31/11/2026 không có thật: tháng 11 chỉ có 30 ngày"),
        ("2026-06-31", "ngày 31/6/2026 không có thật: tháng 6 chỉ có 30 ngày"),
        (
            "29/2/2026",
            "ngày 29/2/2026 không có thật: tháng 2 năm 2026 chỉ có 28 ngày (không phải năm nhuận)",
        ),
        (
            "29/2/1900",
            "ngày 29/2/1900 không có thật: tháng 2 năm 1900 chỉ có 28 ngày (không phải năm nhuận)",
        ),
        (
            "30/2/2024",
            "ngày 30/2/2024 không có thật: tháng 2 năm 2024 chỉ có 29 ngày (năm nhuận)",
        ),
        (
            "5/13/2026",
            "tháng 13 không có: ngày viết theo thứ tự ngày/tháng/năm (có phải 13/5/2026?)",
        ),
        (
            "12/20/2026",
            "tháng 20 không có: ngày viết theo thứ tự ngày/tháng/năm (có phải 20/12/2026?)",
        ),
        ("13/13/2026", "tháng 13 không có: ngày viết theo thứ tự ngày/tháng/năm"),
        ("2/31/2026", "tháng 31 không có: ngày viết theo thứ tự ngày/tháng/năm"),
        ("2026-13-01", "tháng 13 không có: tháng từ 1 đến 12"),
        ("12/0/2026", "tháng 0 không có: tháng từ 1 đến 12"),
        ("2026-00-10", "tháng 0 không có: tháng từ 1 đến 12"),
        ("0/5/2026", "ngày 0 không có: ngày từ 1 đến 31"),
        ("2026-05-00", "ngày 0 không có: ngày từ 1 đến 31"),
        ("32/5/2026", "ngày 32 không có: một tháng có nhiều nhất 31 ngày"),
        ("99/1/2026", "ngày 99 không có: một tháng có nhiều nhất 31 ngày"),
        ("1/1/0000", "năm 0 không có: năm viết đủ 4 chữ số, ví dụ 2026"),
        ("12/5/26", "năm '26' không đủ 4 chữ số: viết đủ năm, ví dụ 12/5/2026"),
        ("12.05.26", "năm '26' không đủ 4 chữ số: viết đủ năm, ví dụ 12.5.2026"),
        ("12/5/202", "năm '202' không đủ 4 chữ số: viết đủ năm, ví dụ 12/5/2026"),
        ("12/5/20266", "năm '20266' không đủ 4 chữ số: viết đủ năm, ví dụ 12/5/2026"),
        ("12/5", "ngày '12/5' thiếu năm: viết đủ ngày/tháng/năm, ví dụ 12/5/2026"),
        ("12-5", "ngày '12-5' thiếu năm: viết đủ ngày/tháng/năm, ví dụ 12-5-2026"),
        ("", "ngày trống: viết ngày/tháng/năm, ví dụ 12/5/2026, hoặc 2026-05-12"),
        ("   ", "ngày trống: viết ngày/tháng/năm, ví dụ 12/5/2026, hoặc 2026-05-12"),
        (
            "12/5-2026",
            "'12/5-2026' không phải ngày: viết ngày/tháng/năm, ví dụ 12/5/2026, hoặc 2026-05-12",
        ),
        (
            "2026/05/12",
            "'2026/05/12' không phải ngày: viết ngày/tháng/năm, ví dụ 12/5/2026, hoặc 2026-05-12",
        ),
        (
            "ngày 12 tháng 5",
            "'ngày 12 tháng 5' không phải ngày: viết ngày/tháng/năm, ví dụ 12/5/2026,"
            " hoặc 2026-05-12",
        ),
        (
            "20260512",
            "'20260512' không phải ngày: viết ngày/tháng/năm, ví dụ 12/5/2026, hoặc 2026-05-12",
        ),
        (
            "\u0661\u0662/\u0665/\u0662\u0660\u0662\u0666",
            "'\u0661\u0662/\u0665/\u0662\u0660\u0662\u0666' không phải ngày: "
            "viết ngày/tháng/năm, ví dụ 12/5/2026, hoặc 2026-05-12",
        ),
    ],
)
def test_parse_date_error(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=re.escape(message)) as caught:
        vi.parse_date(text)
    assert str(caught.value) == message


@pytest.mark.parametrize("day", all_days(2024, 2027), ids=str)
def test_date_short_round_trip(day: dt.date) -> None:
    assert vi.parse_date(vi.date_short(day)) == day


@pytest.mark.parametrize("day", all_days(2024, 2027)[::7], ids=str)
def test_date_padded_round_trip(day: dt.date) -> None:
    assert vi.parse_date(vi.date_padded(day)) == day


@pytest.mark.parametrize("day", all_days(2024, 2027)[::7], ids=str)
def test_isoformat_round_trip(day: dt.date) -> None:
    assert vi.parse_date(day.isoformat()) == day


# --- date formats -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (D(2026, 5, 12), "12/5/2026"),
        (D(2026, 5, 8), "8/5/2026"),
        (D(2026, 1, 5), "5/1/2026"),
        (D(2026, 12, 31), "31/12/2026"),
        (D(2026, 6, 20), "20/6/2026"),
        (D(999, 1, 1), "1/1/0999"),
    ],
)
def test_date_short(day: dt.date, expected: str) -> None:
    assert vi.date_short(day) == expected


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (D(2026, 5, 8), "08/05/2026"),
        (D(2026, 5, 12), "12/05/2026"),
        (D(2026, 12, 31), "31/12/2026"),
        (D(2026, 1, 1), "01/01/2026"),
    ],
)
def test_date_padded(day: dt.date, expected: str) -> None:
    assert vi.date_padded(day) == expected


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (D(2026, 5, 8), "ngày 08 tháng 5 năm 2026"),
        (D(2026, 1, 5), "ngày 05 tháng 01 năm 2026"),
        (D(2026, 6, 29), "ngày 29 tháng 6 năm 2026"),
        (D(2026, 2, 14), "ngày 14 tháng 02 năm 2026"),
        (D(2026, 3, 1), "ngày 01 tháng 3 năm 2026"),
        (D(2026, 10, 10), "ngày 10 tháng 10 năm 2026"),
        (D(2026, 12, 9), "ngày 09 tháng 12 năm 2026"),
        (D(2026, 11, 30), "ngày 30 tháng 11 năm 2026"),
        (D(2020, 3, 5), "ngày 05 tháng 3 năm 2020"),
    ],
)
def test_date_official(day: dt.date, expected: str) -> None:
    assert vi.date_official(day) == expected


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (D(2026, 5, 18), "Thứ Hai"),
        (D(2026, 5, 12), "Thứ Ba"),
        (D(2026, 5, 13), "Thứ Tư"),
        (D(2026, 5, 14), "Thứ Năm"),
        (D(2026, 5, 15), "Thứ Sáu"),
        (D(2026, 6, 20), "Thứ Bảy"),
        (D(2026, 5, 17), "Chủ nhật"),
        (dt.datetime(2026, 5, 18, 8, 30), "Thứ Hai"),
    ],
)
def test_weekday(day: dt.date, expected: str) -> None:
    assert vi.weekday(day) == expected


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (D(2026, 5, 18), "thứ Hai"),
        (D(2026, 5, 12), "thứ Ba"),
        (D(2026, 5, 13), "thứ Tư"),
        (D(2026, 5, 14), "thứ Năm"),
        (D(2026, 5, 15), "thứ Sáu"),
        (D(2026, 6, 20), "thứ Bảy"),
        (D(2026, 5, 17), "Chủ nhật"),
    ],
)
def test_weekday_mid_sentence(day: dt.date, expected: str) -> None:
    assert vi.weekday(day, capital=False) == expected


# --- times -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("08:30", T(8, 30)),
        ("8:30", T(8, 30)),
        ("00:00", T(0, 0)),
        ("0:00", T(0, 0)),
        ("23:59", T(23, 59)),
        ("14:05", T(14, 5)),
        ("07:00", T(7, 0)),
        (" 08:30 ", T(8, 30)),
    ],
)
def test_parse_time(text: str, expected: dt.time) -> None:
    assert vi.parse_time(text) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("24:00", "24:00 không có: giờ từ 00:00 đến 23:59 (nửa đêm là 00:00 của ngày hôm sau)"),
        ("24:30", "giờ 24 không có: giờ từ 00 đến 23"),
        ("25:00", "giờ 25 không có: giờ từ 00 đến 23"),
        ("8:60", "phút 60 không có: phút từ 00 đến 59"),
        ("8:99", "phút 99 không có: phút từ 00 đến 59"),
        ("8h30", "'8h30' không đúng dạng giờ: viết 08:30"),
        ("8H30", "'8H30' không đúng dạng giờ: viết 08:30"),
        ("14h05", "'14h05' không đúng dạng giờ: viết 14:05"),
        ("8h", "'8h' không đúng dạng giờ: viết 08:00"),
        ("8g30", "'8g30' không đúng dạng giờ: viết 08:30"),
        ("8 giờ 30", "'8 giờ 30' không đúng dạng giờ: viết 08:30"),
        (nfd("8 giờ 30"), "'8 giờ 30' không đúng dạng giờ: viết 08:30"),
        ("8 giờ 30 phút", "'8 giờ 30 phút' không đúng dạng giờ: viết 08:30"),
        ("8 giờ", "'8 giờ' không đúng dạng giờ: viết 08:00"),
        ("8.30", "'8.30' không đúng dạng giờ: viết 08:30"),
        ("8:5", "'8:5' không đúng dạng giờ (phút phải có 2 chữ số): viết 08:05"),
        ("08:30:00", "'08:30:00' có cả giây: chỉ viết giờ và phút, 08:30"),
        ("", "giờ trống: viết giờ dạng HH:MM, ví dụ 08:30"),
        ("830", "'830' không đúng dạng giờ: viết giờ dạng HH:MM, ví dụ 08:30"),
        ("8:30 AM", "'8:30 AM' không đúng dạng giờ: viết giờ dạng HH:MM, ví dụ 08:30"),
        ("sáng", "'sáng' không đúng dạng giờ: viết giờ dạng HH:MM, ví dụ 08:30"),
        ("25h", "'25h' không đúng dạng giờ: viết giờ dạng HH:MM, ví dụ 08:30"),
        ("008:30", "'008:30' không đúng dạng giờ: viết giờ dạng HH:MM, ví dụ 08:30"),
    ],
)
def test_parse_time_error(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=re.escape(message)) as caught:
        vi.parse_time(text)
    assert str(caught.value) == message


@pytest.mark.parametrize(
    ("moment", "expected"),
    [
        (T(8, 30), "08:30"),
        (T(0, 0), "00:00"),
        (T(14, 5), "14:05"),
        (T(23, 59), "23:59"),
    ],
)
def test_time_hm(moment: dt.time, expected: str) -> None:
    assert vi.time_hm(moment) == expected


@pytest.mark.parametrize(
    ("moment", "expected"),
    [
        (T(8, 30), "08 giờ 30 phút"),
        (T(8, 0), "08 giờ 00 phút"),
        (T(14, 5), "14 giờ 05 phút"),
        (T(0, 0), "00 giờ 00 phút"),
        (T(13, 30), "13 giờ 30 phút"),
    ],
)
def test_time_vi(moment: dt.time, expected: str) -> None:
    """The one time style of the documents: two digits each, with their words."""
    assert vi.time_vi(moment) == expected


def test_time_span() -> None:
    assert vi.time_span(T(8, 0), T(11, 30)) == "từ 08 giờ 00 phút đến 11 giờ 30 phút"
    assert vi.time_span(T(14, 0)) == "14 giờ 00 phút"


@pytest.mark.parametrize("minutes", range(0, 24 * 60, 7))
def test_time_hm_round_trip(minutes: int) -> None:
    moment = T(minutes // 60, minutes % 60)
    assert vi.parse_time(vi.time_hm(moment)) == moment


# --- numbers and money -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("amount", "expected"),
    [
        (1500000, "1.500.000 đồng"),
        (0, "0 đồng"),
        (999, "999 đồng"),
        (1000, "1.000 đồng"),
        (-2000, "-2.000 đồng"),
        (-1500000, "-1.500.000 đồng"),
        (1234567890, "1.234.567.890 đồng"),
        (Decimal("1500000"), "1.500.000 đồng"),
        (Decimal("1234.5"), "1.234,5 đồng"),
        (Decimal("1500000.50"), "1.500.000,50 đồng"),
        (Decimal("-1234.5"), "-1.234,5 đồng"),
        (Decimal("0.5"), "0,5 đồng"),
        (Decimal("-0.5"), "-0,5 đồng"),
        (Decimal("1E+6"), "1.000.000 đồng"),
        (Decimal("-0"), "0 đồng"),
        (Decimal("-0.00"), "0,00 đồng"),
    ],
)
def test_money(amount: int | Decimal, expected: str) -> None:
    assert vi.money(amount) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (1500000, "1.500.000"),
        (100, "100"),
        (12345, "12.345"),
        (-999999, "-999.999"),
        (Decimal("3.14"), "3,14"),
        (Decimal("1000000.001"), "1.000.000,001"),
    ],
)
def test_number(value: int | Decimal, expected: str) -> None:
    assert vi.number(value) == expected


@pytest.mark.parametrize("value", [1.5, True, "1000", None])
def test_number_refuses_other_types(value: Any) -> None:
    with pytest.raises(TypeError, match="needs an int or a Decimal"):
        vi.number(value)


@pytest.mark.parametrize("value", [Decimal("NaN"), Decimal("Infinity"), Decimal("-Infinity")])
def test_number_refuses_non_finite(value: Decimal) -> None:
    with pytest.raises(ValueError, match="không phải một số hữu hạn"):
        vi.number(value)


# --- slug ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Giấy mời Lễ kỷ niệm 18/5", "giay-moi-le-ky-niem-18-5"),
        ("Kế hoạch tổ chức Ngày KH&CN Việt Nam 2026", "ke-hoach-to-chuc-ngay-kh-cn-viet-nam-2026"),
        ("Đà Nẵng", "da-nang"),
        (nfd("Đà Nẵng"), "da-nang"),
        ("ĐẶNG ĐỨC", "dang-duc"),
        ("Sở Khoa học và Công nghệ", "so-khoa-hoc-va-cong-nghe"),
        ("  --Báo cáo--  ", "bao-cao"),
        ("a/../../etc/passwd", "a-etc-passwd"),
        ("..\\..\\windows", "windows"),
        (".bashrc", "bashrc"),
        ("...", "tai-lieu"),
        ("", "tai-lieu"),
        ("漢字", "tai-lieu"),
        ("CON", "con-1"),
        ("con", "con-1"),
        ("Nul", "nul-1"),
        ("aux", "aux-1"),
        ("prn", "prn-1"),
        ("COM1", "com1-1"),
        ("lpt9", "lpt9-1"),
        ("con.txt", "con-txt"),
        ("Con đường", "con-duong"),
        ("ﬁle²", "file2"),
        ("\uff22áo cáo \uff11", "bao-cao-1"),
        ("Thuỷ Thủy", "thuy-thuy"),
        ("ưu tiên", "uu-tien"),
        ("a___b", "a-b"),
    ],
)
def test_slug(text: str, expected: str) -> None:
    assert vi.slug(text) == expected


@pytest.mark.parametrize(
    ("text", "max_len", "expected"),
    [
        ("Giấy mời Lễ kỷ niệm", 9, "giay-moi"),
        ("Giấy mời Lễ kỷ niệm", 8, "giay-moi"),
        ("Giấy mời Lễ kỷ niệm", 4, "giay"),
        ("abcdef", 1, "a"),
        ("", 3, "tai"),
        ("", 4, "tai"),
        ("con", 3, "c-1"),
        ("com1", 4, "co-1"),
        ("con", 80, "con-1"),
        ("x" * 200, 80, "x" * 80),
    ],
)
def test_slug_max_len(text: str, max_len: int, expected: str) -> None:
    assert vi.slug(text, max_len=max_len) == expected


def test_slug_refuses_zero_length() -> None:
    with pytest.raises(ValueError, match="max_len"):
        vi.slug("abc", max_len=0)


@pytest.mark.parametrize(
    "text",
    ["", ".", "..", "-", " ", "con", "Đ", "...hidden", "a" * 500, "/", "\\", "\x00", "?*:"],
)
def test_slug_is_safe(text: str) -> None:
    result = vi.slug(text)
    assert result
    assert result.isascii()
    assert not result.startswith((".", "-"))
    assert not result.endswith("-")
    assert len(result) <= 80
    assert set(result) <= set("abcdefghijklmnopqrstuvwxyz0123456789-")


# --- collation -------------------------------------------------------------------------------


def vsorted(words: list[str]) -> list[str]:
    return sorted(words, key=vi.sort_key)


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        (["Đà Nẵng", "Dương", "Ân", "An", "Bắc"], ["An", "Ân", "Bắc", "Dương", "Đà Nẵng"]),
        (["ư", "u", "ơ", "ô", "o"], ["o", "ô", "ơ", "u", "ư"]),
        (["â", "ă", "a"], ["a", "ă", "â"]),
        (["ê", "e", "đ", "d"], ["d", "đ", "e", "ê"]),
        (["z", "y", "x", "w", "v"], ["v", "w", "x", "y", "z"]),
        (["g", "f", "ê"], ["ê", "f", "g"]),
        (["k", "j", "i"], ["i", "j", "k"]),
        (["Zê", "Ý", "Ư"], ["Ư", "Ý", "Zê"]),
        (["mạ", "má", "mã", "mả", "mà", "ma"], ["ma", "mà", "mả", "mã", "má", "mạ"]),
        (["mb", "mạ"], ["mạ", "mb"]),
        (["ma y", "mà x"], ["mà x", "ma y"]),
        (["Ăn", "Anh", "An"], ["An", "Anh", "Ăn"]),
        (["Anh", "An Bình"], ["An Bình", "Anh"]),
        (["Ngô", "Nguyễn"], ["Ngô", "Nguyễn"]),
        (["Đỗ", "Đặng"], ["Đặng", "Đỗ"]),
        (["Hoàng", "Hồ", "Hà"], ["Hà", "Hoàng", "Hồ"]),
        (["b", "B", "a", "A"], ["a", "A", "b", "B"]),
        (["Ân", "ân", "ÂN"], ["ân", "Ân", "ÂN"]),
        (["Zeta", "Ảnh"], ["Ảnh", "Zeta"]),
        (["b2", "b10", "b"], ["b", "b10", "b2"]),
        (["phòng 2", "phòng"], ["phòng", "phòng 2"]),
        (["1 Sở", "Sở"], ["1 Sở", "Sở"]),
        (
            ["Lê", "Lý", "Nguyễn", "Ngô", "Phạm", "Trần", "Đặng", "Đỗ", "Bùi", "Hoàng", "Võ", "Vũ"],
            ["Bùi", "Đặng", "Đỗ", "Hoàng", "Lê", "Lý", "Ngô", "Nguyễn", "Phạm", "Trần", "Võ", "Vũ"],
        ),
        (
            ["UBND xã", "Văn phòng Sở", "Phòng Quản lý chuyên ngành", "Công an tỉnh"],
            ["Công an tỉnh", "Phòng Quản lý chuyên ngành", "UBND xã", "Văn phòng Sở"],
        ),
    ],
)
def test_sort_key_order(words: list[str], expected: list[str]) -> None:
    assert vsorted(words) == expected


@pytest.mark.parametrize(
    "word", ["Đà Nẵng", "Nguyễn Thị Hòa", "Ưu tiên", "ặ", "Thuỷ", "Hoà", "Phượng"]
)
def test_sort_key_nfd_equals_nfc(word: str) -> None:
    assert vi.sort_key(nfd(word)) == vi.sort_key(word)


@pytest.mark.parametrize(
    ("a", "b"),
    [("Hòa", "Hoà"), ("Thủy", "Thuỷ")],
)
def test_sort_key_tone_placement_differs_only_secondary(a: str, b: str) -> None:
    assert vi.sort_key(a)[0] == vi.sort_key(b)[0]


def test_sort_key_compares_other_marks_after_tones() -> None:
    assert vsorted(["é", "ë", "e"]) == ["e", "ë", "é"]


def test_sort_key_is_total() -> None:
    words = ["An", "an", "AN", "Ân", "ân", "ÂN", "Án", "Ấn", "Hòa", "Hoà"]
    assert vsorted(words) == vsorted(list(reversed(words)))


def test_sort_key_gives_distinct_texts_distinct_keys() -> None:
    words = ["An", "an", "AN", "Ân", "ân", "ÂN", "Án", "Ấn", "Hòa", "Hoà"]
    assert len({vi.sort_key(word) for word in words}) == len(words)


def test_python_sorted_is_wrong_without_the_key() -> None:
    assert sorted(["Đà Nẵng", "Ân", "Bắc"]) != vsorted(["Đà Nẵng", "Ân", "Bắc"])
