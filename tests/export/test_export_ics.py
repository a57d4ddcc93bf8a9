"""`tnplan export ics`: an RFC 5545 calendar, read back with the icalendar package."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import icalendar
import pytest

from tnplan.exchange import export
from tnplan.plan import check

HERE = Path(__file__).resolve().parent
MINI = HERE / "plans" / "mini.yaml"
BUNDLED = HERE.parents[1] / "plans" / "ngay-khcn-2026.yaml"
HCM = ZoneInfo("Asia/Ho_Chi_Minh")
D = dt.date


def _at(day: int, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime(2026, 5, day, hour, minute, tzinfo=HCM)


# Every item of the mini plan: uid → (summary, start, end, status, alarm, location).
EXPECTED: dict[str, tuple[str, Any, Any, str, bool, str | None]] = {
    "mini-2026-activity-tuyen-truyen@tnplan": (
        "1. Tuyên truyền về Ngày Khoa học, Công nghệ và Đổi mới sáng tạo",
        D(2026, 5, 12),
        D(2026, 5, 19),
        "CONFIRMED",
        False,
        None,
    ),
    "mini-2026-task-tuyen-truyen.bang-ron@tnplan": (
        "Hạn: Treo băng rôn, khẩu hiệu",
        D(2026, 5, 13),
        D(2026, 5, 14),
        "CONFIRMED",
        False,  # done: no reminder
        None,
    ),
    "mini-2026-task-tuyen-truyen.2@tnplan": (
        "Hạn: Đăng bài trên cổng thông tin",
        D(2026, 5, 15),
        D(2026, 5, 16),
        "CONFIRMED",
        True,
        None,
    ),
    "mini-2026-event-hoi-nghi@tnplan": (
        'Hội nghị "Sáng chế & đổi mới", năm 2026',
        _at(14, 8),
        _at(14, 11, 30),
        "CONFIRMED",
        False,
        "Hội trường Sở, số 2, đường Hùng Vương; TP Thái Nguyên",
    ),
    "mini-2026-activity-hoi-thao@tnplan": (
        "3. Hội thảo chuyển đổi số (dự kiến)",
        D(2026, 5, 15),
        D(2026, 5, 17),
        "TENTATIVE",
        False,
        None,
    ),
    "mini-2026-event-hoi-thao@tnplan": (
        "Hội thảo chuyển đổi số (dự kiến)",
        _at(16, 14),
        None,  # no end time, no programme: no DTEND
        "TENTATIVE",
        False,
        "Trung tâm Hội nghị tỉnh",
    ),
    "mini-2026-activity-ton-vinh@tnplan": (
        "4. Tôn vinh nhà khoa học",
        D(2026, 5, 12),
        D(2026, 5, 14),
        "CONFIRMED",
        False,
        None,
    ),
    "mini-2026-activity-giao-luu@tnplan": (
        "5. Giao lưu doanh nghiệp",
        D(2026, 5, 17),
        D(2026, 5, 18),
        "CANCELLED",
        False,
        None,
    ),
    "mini-2026-deadline-bao-cao-don-vi@tnplan": (
        "Hạn: Báo cáo kết quả hưởng ứng",
        D(2026, 6, 20),
        D(2026, 6, 21),
        "CONFIRMED",
        True,
        None,
    ),
    "mini-2026-deadline-bao-cao-tinh@tnplan": (
        "Hạn: Báo cáo UBND tỉnh",
        D(2026, 6, 30),
        D(2026, 7, 1),
        "CONFIRMED",
        True,
        None,
    ),
}


def _read(data: bytes) -> icalendar.Calendar:
    return icalendar.Calendar.from_ical(data)


def _events(cal: icalendar.Calendar) -> dict[str, icalendar.Event]:
    return {str(ev["UID"]): ev for ev in cal.walk("VEVENT")}


@pytest.fixture(scope="module")
def mini_ics() -> bytes:
    return export.ics(check.load_plan(MINI))


def test_every_event_reads_back(mini_ics: bytes) -> None:
    events = _events(_read(mini_ics))
    assert sorted(events) == sorted(EXPECTED)
    for uid, (summary, start, end, status, alarm, location) in EXPECTED.items():
        ev = events[uid]
        assert str(ev["SUMMARY"]) == summary, uid
        assert ev.decoded("DTSTART") == start, uid
        assert (ev.decoded("DTEND") if "DTEND" in ev else None) == end, uid
        assert str(ev["STATUS"]) == status, uid
        assert (str(ev["LOCATION"]) if "LOCATION" in ev else None) == location, uid
        assert ev.decoded("DTSTAMP") == dt.datetime(2026, 5, 7, 17, 0, tzinfo=dt.UTC), uid
        alarms = ev.walk("VALARM")
        assert len(alarms) == int(alarm), uid
        if alarm:  # 09:00 the day before an all-day item
            assert alarms[0].decoded("TRIGGER") == dt.timedelta(hours=-15)
            assert str(alarms[0]["ACTION"]) == "DISPLAY"
            assert str(alarms[0]["DESCRIPTION"]) == "Ngày mai đến hạn: " + summary[5:]
        all_day = isinstance(start, dt.date) and not isinstance(start, dt.datetime)
        assert (str(ev.get("TRANSP")) == "TRANSPARENT") == all_day, uid


def test_timed_events_name_the_zone_and_carry_its_vtimezone(mini_ics: bytes) -> None:
    text = mini_ics.decode("utf-8")
    assert "DTSTART;TZID=Asia/Ho_Chi_Minh:20260514T080000\r\n" in text
    assert "DTEND;TZID=Asia/Ho_Chi_Minh:20260514T113000\r\n" in text
    assert "DTSTART;VALUE=DATE:20260620\r\n" in text
    cal = _read(mini_ics)
    (tz,) = cal.walk("VTIMEZONE")
    assert str(tz["TZID"]) == "Asia/Ho_Chi_Minh"
    (std,) = tz.walk("STANDARD")
    assert std.decoded("TZOFFSETTO") == dt.timedelta(hours=7)
    assert text.index("BEGIN:VTIMEZONE") < text.index("BEGIN:VEVENT")


def test_descriptions_say_who_and_what(mini_ics: bytes) -> None:
    events = _events(_read(mini_ics))
    assert str(events["mini-2026-deadline-bao-cao-don-vi@tnplan"]["DESCRIPTION"]) == (
        "Đơn vị nộp: Các phòng, đơn vị thuộc Sở\n"
        "Nơi nhận: Văn phòng Sở\n"
        "Hạn: 20/6/2026\n"
        "Đã nhận: Phòng Quản lý khoa học\n"
        "Chưa nộp: Văn phòng Sở, Phòng Chuyển đổi số"
    )
    assert str(events["mini-2026-deadline-bao-cao-tinh@tnplan"]["DESCRIPTION"]) == (
        "Đơn vị nộp: Văn phòng Sở\nHạn: 16:00 30/6/2026"
    )
    assert str(events["mini-2026-activity-giao-luu@tnplan"]["DESCRIPTION"]) == (
        "Chủ trì: Các sở, ban, ngành\nTrạng thái: hủy — Trùng lịch"
    )


def test_text_is_escaped_and_folded_per_rfc_5545(mini_ics: bytes) -> None:
    text = mini_ics.decode("utf-8")
    assert "\n" not in text.replace("\r\n", "")  # CRLF line ends only
    for line in mini_ics.split(b"\r\n"):
        assert len(line) <= 75, line  # octets, folded without splitting a character
        line.decode("utf-8")
    unfolded = text.replace("\r\n ", "")
    assert "LOCATION:Hội trường Sở\\, số 2\\, đường Hùng Vương\\; TP Thái Nguyên\r\n" in unfolded
    assert 'SUMMARY:Hội nghị "Sáng chế & đổi mới"\\, năm 2026\r\n' in unfolded


def test_matches_golden(mini_ics: bytes, golden: Callable[[str, str], None]) -> None:
    golden("export/mini.ics", mini_ics.decode("utf-8").replace("\r\n", "\n"))


def test_reproducible_and_stable_uids(cli: Callable[..., Any], tmp_path: Path) -> None:
    """Exporting twice gives the same bytes: importing the second file updates the events."""
    first = cli("export", "ics", str(MINI), "-o", str(tmp_path / "a.ics"))
    second = cli("export", "ics", str(MINI), "-o", str(tmp_path / "b.ics"))
    assert (first.code, second.code) == (0, 0)
    assert (tmp_path / "a.ics").read_bytes() == (tmp_path / "b.ics").read_bytes()
    # An edit to the plan keeps every UID: calendars update rather than duplicate.
    edited = tmp_path / "edited.yaml"
    edited.write_text(
        MINI.read_text(encoding="utf-8").replace("date: 14/5/2026", "date: 15/5/2026"),
        encoding="utf-8",
    )
    after = _events(_read(export.ics(check.load_plan(edited))))
    assert sorted(after) == sorted(EXPECTED)
    assert after["mini-2026-event-hoi-nghi@tnplan"].decoded("DTSTART") == _at(15, 8)


def test_stdout_is_the_same_calendar(cli: Callable[..., Any], mini_ics: bytes) -> None:
    r = cli("export", "ics", str(MINI))
    assert r.code == 0 and r.err == ""
    assert r.out.encode("utf-8") == mini_ics


@pytest.mark.parametrize(
    ("owner", "uids"),
    [
        (
            "cds",  # leads the workshop, supports the conference, a member of the group
            [
                "activity-tuyen-truyen",
                "task-tuyen-truyen.2",
                "event-hoi-nghi",
                "activity-hoi-thao",
                "event-hoi-thao",
                "deadline-bao-cao-don-vi",
            ],
        ),
        (
            "Văn phòng Sở",  # by name
            [
                "activity-tuyen-truyen",
                "task-tuyen-truyen.bang-ron",
                "deadline-bao-cao-don-vi",
                "deadline-bao-cao-tinh",
            ],
        ),
        ("so-nganh", ["activity-giao-luu"]),
    ],
)
def test_owner_filter(cli: Callable[..., Any], owner: str, uids: list[str]) -> None:
    r = cli("export", "ics", str(MINI), "--owner", owner)
    assert r.code == 0, r.err
    got = sorted(_events(_read(r.out.encode("utf-8"))))
    assert got == sorted(f"mini-2026-{u}@tnplan" for u in uids)


def test_unknown_owner_is_a_usage_error(cli: Callable[..., Any]) -> None:
    r = cli("export", "ics", str(MINI), "--owner", "van-phong")
    assert (r.code, r.out) == (2, "")
    assert r.err == (
        "Lỗi: không có đơn vị `van-phong` trong kế hoạch (có phải `vp` (Văn phòng Sở)?)\n"
    )


def test_invalid_plan_exits_1(cli: Callable[..., Any]) -> None:
    r = cli("export", "ics", str(HERE / "plans" / "broken.yaml"))
    assert (r.code, r.out) == (1, "")
    assert r.err.startswith("Lỗi: ") and "cdss" in r.err


def test_bundled_plan_has_an_item_for_everything() -> None:
    plan = check.load_plan(BUNDLED)
    events = _events(_read(export.ics(plan)))
    kinds = [uid.split("@")[0].removeprefix(plan.id + "-").split("-")[0] for uid in events]
    dated_tasks = sum(1 for a in plan.activities for t in a.tasks if t.due)
    assert kinds.count("deadline") == len(plan.deadlines)
    assert kinds.count("task") == dated_tasks
    assert kinds.count("event") == sum(1 for a in plan.activities if a.event)
    for a in plan.activities:
        has_window = a.event is None or a.start is not None or a.end is not None
        assert (f"{plan.id}-activity-{a.id}@tnplan" in events) == has_window
        if a.event and a.event.start:
            start = events[f"{plan.id}-event-{a.id}@tnplan"].decoded("DTSTART")
            assert start == dt.datetime.combine(a.event.date, a.event.start, HCM)
