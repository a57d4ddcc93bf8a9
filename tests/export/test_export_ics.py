"""`tnplan export ics`: an RFC 5545 calendar, read back with the icalendar package.

DTSTAMP is the export time: tests fix it with ``now=`` or ``SOURCE_DATE_EPOCH``.
"""

from __future__ import annotations

import datetime as dt
import json
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
DEPARTMENT = HERE / "plans" / "department"
HCM = ZoneInfo("Asia/Ho_Chi_Minh")
D = dt.date
NOW = dt.datetime(2026, 5, 10, 3, 0, tzinfo=dt.UTC)
EPOCH = {"SOURCE_DATE_EPOCH": str(int(NOW.timestamp()))}


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
        False,  # held: no reminder
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
        True,
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
    return export.ics(check.load_plan(MINI), now=NOW)


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
        assert ev.decoded("DTSTAMP") == NOW, uid  # the export time
        assert ev.decoded("LAST-MODIFIED") == NOW, uid  # no state yet: changed now
        assert ev.decoded("SEQUENCE") == 0, uid
        alarms = ev.walk("VALARM")
        assert len(alarms) == int(alarm), uid
        all_day = isinstance(start, dt.date) and not isinstance(start, dt.datetime)
        if alarm and all_day:  # 09:00 the day before an all-day item
            assert alarms[0].decoded("TRIGGER") == dt.timedelta(hours=-15)
            assert str(alarms[0]["ACTION"]) == "DISPLAY"
            assert str(alarms[0]["DESCRIPTION"]) == "Ngày mai đến hạn: " + summary[5:]
        elif alarm:  # a timed event: the same time the day before
            assert alarms[0].decoded("TRIGGER") == dt.timedelta(days=-1)
            assert str(alarms[0]["DESCRIPTION"]).startswith(
                f"Ngày mai, {start:%H:%M}: {summary} — {location}"
            )
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
        "Đơn vị chủ trì: Các sở, ban, ngành\nTrạng thái: hủy — Trùng lịch"
    )


def test_the_chair_and_the_lead_unit_are_named_apart() -> None:
    """An event names its chair (a person) and its activity's lead unit, each once."""
    plan = check.load_plan(BUNDLED)
    cal = _read(export.ics(plan, now=NOW))
    chaired = [a for a in plan.activities if a.event and a.event.chair]
    assert chaired
    for a in chaired:
        ev = _events(cal)[f"{plan.id}-event-{a.id}@tnplan"]
        lines = str(ev["DESCRIPTION"]).splitlines()
        assert [line.split(":")[0] for line in lines if "chủ trì" in line.lower()] == [
            "Người chủ trì",
            "Đơn vị chủ trì",
        ]
        assert f"Người chủ trì: {a.event.chair}" in lines
    for ev in cal.walk("VEVENT"):
        text = str(ev.get("DESCRIPTION", ""))
        assert not any(line.startswith("Chủ trì:") for line in text.splitlines())


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
    first = cli("export", "ics", str(MINI), "-o", str(tmp_path / "a.ics"), env=EPOCH)
    second = cli("export", "ics", str(MINI), "-o", str(tmp_path / "b.ics"), env=EPOCH)
    assert (first.code, second.code) == (0, 0)
    assert (tmp_path / "a.ics").read_bytes() == (tmp_path / "b.ics").read_bytes()
    # An edit to the plan keeps every UID: calendars update rather than duplicate.
    edited = tmp_path / "edited.yaml"
    edited.write_text(
        MINI.read_text(encoding="utf-8").replace("date: 14/5/2026", "date: 15/5/2026"),
        encoding="utf-8",
    )
    after = _events(_read(export.ics(check.load_plan(edited), now=NOW)))
    assert sorted(after) == sorted(EXPECTED)
    assert after["mini-2026-event-hoi-nghi@tnplan"].decoded("DTSTART") == _at(15, 8)


def test_stdout_is_the_same_calendar(cli: Callable[..., Any], mini_ics: bytes) -> None:
    r = cli("export", "ics", str(MINI), env=EPOCH)
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


# Updates: SEQUENCE, LAST-MODIFIED, cancellations -------------------------------------------


def _epoch(day: int, hour: int = 3) -> dict[str, str]:
    return {
        "SOURCE_DATE_EPOCH": str(int(dt.datetime(2026, 5, day, hour, tzinfo=dt.UTC).timestamp()))
    }


def test_an_edit_raises_the_sequence(cli: Callable[..., Any], tmp_path: Path) -> None:
    """Export, edit a date, export again: the same UIDs, a higher SEQUENCE where it changed."""
    plan = tmp_path / "ke-hoach.yaml"
    plan.write_text(MINI.read_text(encoding="utf-8"), encoding="utf-8")
    out = tmp_path / "lich.ics"
    first = cli("export", "ics", str(plan), "-o", str(out), env=_epoch(10))
    assert (first.code, first.err) == (0, f"Đã ghi {out}\n")
    state = tmp_path / "lich.ics.state.json"
    assert state.is_file()
    before = _events(_read(out.read_bytes()))
    assert {int(ev.decoded("SEQUENCE")) for ev in before.values()} == {0}

    plan.write_text(
        plan.read_text(encoding="utf-8").replace("date: 14/5/2026", "date: 15/5/2026"),
        encoding="utf-8",
    )
    refused = cli("export", "ics", str(plan), "-o", str(out), env=_epoch(11))
    assert (refused.code, refused.err) == (
        3,
        f"Lỗi: tệp {out} đã có (thêm --force để ghi đè)\n",
    )
    assert _events(_read(out.read_bytes())) == before  # nothing written, state kept
    again = cli("export", "ics", str(plan), "-o", str(out), "--force", env=_epoch(11))
    assert again.code == 0, again.err
    after = _events(_read(out.read_bytes()))
    assert sorted(after) == sorted(before)  # the same UIDs: calendars update, not duplicate
    moved = "mini-2026-event-hoi-nghi@tnplan"
    assert after[moved].decoded("DTSTART") == _at(15, 8)
    assert after[moved].decoded("SEQUENCE") == 1
    assert after[moved].decoded("LAST-MODIFIED") == dt.datetime(2026, 5, 11, 3, tzinfo=dt.UTC)
    for key, ev in after.items():
        assert ev.decoded("DTSTAMP") == dt.datetime(2026, 5, 11, 3, tzinfo=dt.UTC)
        if key != moved:  # unchanged: same SEQUENCE, the first export's LAST-MODIFIED
            assert ev.decoded("SEQUENCE") == 0, key
            assert ev.decoded("LAST-MODIFIED") == dt.datetime(2026, 5, 10, 3, tzinfo=dt.UTC)

    # A third export of the same plan changes nothing but DTSTAMP.
    third = cli("export", "ics", str(plan), "-o", str(out), "--force", env=_epoch(12))
    assert third.code == 0
    assert _events(_read(out.read_bytes()))[moved].decoded("SEQUENCE") == 1

    # An activity cancelled in the plan goes out STATUS:CANCELLED, with its tasks, one higher.
    plan.write_text(
        plan.read_text(encoding="utf-8").replace(
            "    lead: vp\n    support: [phong-don-vi]\n    status: in_progress",
            "    lead: vp\n    support: [phong-don-vi]\n    status: cancelled",
        ),
        encoding="utf-8",
    )
    cli("export", "ics", str(plan), "-o", str(out), "--force", env=_epoch(13))
    cancelled = _events(_read(out.read_bytes()))
    for key in (
        "mini-2026-activity-tuyen-truyen@tnplan",
        "mini-2026-task-tuyen-truyen.2@tnplan",  # open task of a cancelled activity
    ):
        assert str(cancelled[key]["STATUS"]) == "CANCELLED", key
        assert cancelled[key].decoded("SEQUENCE") == 1, key
        assert cancelled[key].walk("VALARM") == []


def test_an_item_removed_from_the_plan_is_cancelled(
    cli: Callable[..., Any], tmp_path: Path
) -> None:
    plan = tmp_path / "ke-hoach.yaml"
    text = MINI.read_text(encoding="utf-8")
    plan.write_text(text, encoding="utf-8")
    out = tmp_path / "lich.ics"
    assert cli("export", "ics", str(plan), "-o", str(out), env=_epoch(10)).code == 0
    start = text.index("  - id: giao-luu\n")
    plan.write_text(text[:start] + text[text.index("deadlines:\n") :], encoding="utf-8")
    assert cli("export", "ics", str(plan), "-o", str(out), "--force", env=_epoch(11)).code == 0
    gone = _events(_read(out.read_bytes()))["mini-2026-activity-giao-luu@tnplan"]
    assert str(gone["STATUS"]) == "CANCELLED"
    assert gone.decoded("SEQUENCE") == 1
    assert gone.decoded("DTSTART") == D(2026, 5, 17)
    assert str(gone["SUMMARY"]) == "5. Giao lưu doanh nghiệp"
    # It stays cancelled on later exports, without rising again.
    assert cli("export", "ics", str(plan), "-o", str(out), "--force", env=_epoch(12)).code == 0
    assert (
        _events(_read(out.read_bytes()))["mini-2026-activity-giao-luu@tnplan"].decoded("SEQUENCE")
        == 1
    )


def test_state_file_option_and_a_foreign_file(cli: Callable[..., Any], tmp_path: Path) -> None:
    state = tmp_path / "seq.json"
    r = cli("export", "ics", str(MINI), "--state", str(state), env=EPOCH)
    assert r.code == 0 and r.out.startswith("BEGIN:VCALENDAR")
    data = json.loads(state.read_text(encoding="utf-8"))
    assert data["format"] == "tnplan-ics-state/1"
    assert data["events"]["mini-2026-event-hoi-nghi@tnplan"]["sequence"] == 0
    foreign = tmp_path / "notes.json"
    foreign.write_text('{"a": 1}', encoding="utf-8")
    bad = cli("export", "ics", str(MINI), "--state", str(foreign))
    assert (bad.code, bad.out) == (3, "")
    assert bad.err == (
        f"Lỗi: {foreign} không phải tệp trạng thái lịch của tnplan (chọn tệp khác với --state)\n"
    )
    assert foreign.read_text(encoding="utf-8") == '{"a": 1}'
    en = cli("export", "ics", str(MINI), "--state", str(foreign), "--lang", "en")
    assert en.err == (
        f"Error: {foreign} is not a tnplan calendar state file (choose another file with --state)\n"
    )


# Many plans, one calendar ------------------------------------------------------------------


def test_a_folder_of_three_plans_of_two_agencies(cli: Callable[..., Any]) -> None:
    r = cli("export", "ics", str(DEPARTMENT), env=EPOCH)
    assert r.code == 0, r.err
    cal = _read(r.out.encode("utf-8"))
    assert str(cal["X-WR-CALNAME"]) == "3 kế hoạch của 2 cơ quan"
    events = _events(cal)
    plans = [check.load_plan(p) for p in sorted(DEPARTMENT.glob("*.yaml"))]
    for plan in plans:
        mine = export.ics(plan, now=NOW)
        assert set(_events(_read(mine))) <= set(events), plan.id
    assert len(events) == sum(len(_events(_read(export.ics(p, now=NOW)))) for p in plans)
    # Each says which plan it belongs to.
    techfest = events["cb-techfest-2026-event-techfest@tnplan"]
    assert str(techfest["DESCRIPTION"]).startswith("Kế hoạch: Tổ chức Techfest Cao Bằng năm 2026\n")
    assert [str(c) for c in techfest["CATEGORIES"].cats] == ["event", "cb-techfest-2026"]
    assert techfest.walk("VALARM")[0].decoded("TRIGGER") == dt.timedelta(days=-1)
    assert str(events["cb-techfest-2026-task-toa-dam.moi-dien-gia@tnplan"]["STATUS"]) == "CANCELLED"
    # Several files on the command line are the same as their folder.
    files = cli("export", "ics", *map(str, sorted(DEPARTMENT.glob("*.yaml"))), env=EPOCH)
    assert files.out == r.out


def test_owner_feeds_keep_agencies_apart(cli: Callable[..., Any]) -> None:
    """`vp` is the Văn phòng Sở of Thái Nguyên in two plans and of Cao Bằng in the third."""
    both = cli("export", "ics", str(DEPARTMENT), "--owner", "vp")
    assert (both.code, both.out) == (2, "")
    assert both.err == (
        "Lỗi: `vp` là đơn vị của 2 cơ quan khác nhau "
        "(chỉ rõ kế hoạch: `alpha-2026:vp`, `cb-techfest-2026:vp`)\n"
    )
    tn = cli("export", "ics", str(DEPARTMENT), "--owner", "alpha-2026:vp", env=EPOCH)
    assert tn.code == 0, tn.err
    cats = {ev["CATEGORIES"].cats[1] for ev in _read(tn.out.encode("utf-8")).walk("VEVENT")}
    plans = {str(c) for c in cats}
    assert plans == {"alpha-2026", "beta-2026"}  # the same agency's two plans, not Cao Bằng's
    cb = cli("export", "ics", str(DEPARTMENT), "--owner", "cb-techfest-2026:VP", env=EPOCH)
    assert cb.code == 0
    assert sorted(_events(_read(cb.out.encode("utf-8")))) == [
        "cb-techfest-2026-activity-toa-dam@tnplan",
        "cb-techfest-2026-deadline-bao-cao-techfest@tnplan",
        "cb-techfest-2026-event-techfest@tnplan",
        "cb-techfest-2026-task-techfest.gian-hang@tnplan",
        "cb-techfest-2026-task-toa-dam.moi-dien-gia@tnplan",
    ]
    name = _read(cb.out.encode("utf-8"))["X-WR-CALNAME"]
    assert str(name) == "Tổ chức Techfest Cao Bằng năm 2026 — Văn phòng Sở"


def test_two_plans_with_one_id_are_refused(cli: Callable[..., Any], tmp_path: Path) -> None:
    for name in ("a.yaml", "b.yaml"):
        (tmp_path / name).write_bytes(MINI.read_bytes())
    r = cli("export", "ics", str(tmp_path))
    assert (r.code, r.out) == (1, "")
    assert r.err == (
        f"Lỗi: hai kế hoạch cùng mã `mini-2026`: {tmp_path / 'a.yaml'} và {tmp_path / 'b.yaml'} "
        "(đổi `id` của một kế hoạch)\n"
    )
