"""The core of tracking: as-of dates, what is late, reports owed, owners, progress, spans."""

from __future__ import annotations

import dataclasses
import datetime as dt
import unicodedata
from pathlib import Path

import pytest

from tnplan.plan import model
from tnplan.plan.check import load_plan
from tnplan.plan.problems import TnplanError
from tnplan.track import schedule

HERE = Path(__file__).parent
ALPHA = HERE / "plans" / "alpha.yaml"
BETA = HERE / "plans" / "beta.yaml"
D = dt.date


@pytest.fixture(scope="module")
def alpha() -> model.Plan:
    return load_plan(ALPHA)


@pytest.fixture(scope="module")
def beta() -> model.Plan:
    return load_plan(BETA)


def at(day: str) -> schedule.AsOf:
    return schedule.parse_as_of(day)


def items(plan: model.Plan, day: str) -> dict[str, schedule.Item]:
    return {it.id: it for it in schedule.plan_items(plan, at(day))}


# --as-of -------------------------------------------------------------------------------------


def test_as_of_forms_give_the_same_date() -> None:
    assert at("2026-05-14").date == at("14/5/2026").date == D(2026, 5, 14)


def test_as_of_date_means_the_end_of_that_day_in_the_plan_zone() -> None:
    moment = at("14/5/2026").moment
    assert moment.isoformat() == "2026-05-15T00:00:00+07:00"


def test_today_is_the_date_in_the_plan_zone_not_the_machines() -> None:
    # 18:30 UTC on 13/5 is already 01:30 on 14/5 in Hà Nội.
    now = dt.datetime(2026, 5, 13, 18, 30, tzinfo=dt.UTC)
    got = schedule.parse_as_of("today", "Asia/Ho_Chi_Minh", now=now)
    assert (got.date, got.today) == (D(2026, 5, 14), True)
    assert got.moment.utcoffset() == dt.timedelta(hours=7)
    assert schedule.parse_as_of("today", "Europe/London", now=now).date == D(2026, 5, 13)
    assert schedule.parse_as_of("Hôm nay", now=now).date == D(2026, 5, 14)


@pytest.mark.parametrize("bad", ["31/6/2026", "14/5", "tomorrow", "2026-13-01", ""])
def test_a_bad_as_of_is_a_usage_error(bad: str) -> None:
    with pytest.raises(TnplanError) as exc:
        schedule.parse_as_of(bad)
    assert exc.value.exit_code == 2
    assert exc.value.message.startswith("--as-of: ")


# Late or not ---------------------------------------------------------------------------------


def test_tasks_late_by_calendar_and_working_days(alpha: model.Plan) -> None:
    got = items(alpha, "14/5/2026")
    pano, moi, bai = got["pano"], got["giay-moi"], got["bai-viet"]
    assert (pano.late, pano.days_late, pano.working_days_late) == (True, 3, 3)
    assert (moi.late, moi.days_late, moi.working_days_late) == (True, 2, 2)
    assert (bai.status, bai.late, bai.days_left) == ("done", False, None)


def test_a_date_without_time_is_due_at_the_end_of_the_day(alpha: model.Plan) -> None:
    moi = items(alpha, "12/5/2026")["giay-moi"]  # due 12/5
    assert (moi.late, moi.days_left) == (False, 0)
    assert items(alpha, "13/5/2026")["giay-moi"].late


def test_a_due_time_counts_within_the_day(alpha: model.Plan) -> None:
    tz = alpha.document.timezone
    before = schedule.parse_as_of(
        "today", tz, now=dt.datetime(2026, 5, 11, 9, 59, tzinfo=dt.UTC)
    )  # 16:59 in Hà Nội, the task is due 17:00
    after = schedule.parse_as_of("today", tz, now=dt.datetime(2026, 5, 11, 10, 1, tzinfo=dt.UTC))
    by_id = {it.id: it for it in schedule.plan_items(alpha, before)}
    assert (by_id["pano"].late, by_id["pano"].days_left) == (False, 0)
    by_id = {it.id: it for it in schedule.plan_items(alpha, after)}
    assert (by_id["pano"].late, by_id["pano"].days_late) == (True, 0)
    # An as-of date means the end of that day: a task due at 17:00 is late that day.
    assert items(alpha, "11/5/2026")["pano"].late


def test_activities_are_late_once_their_window_has_ended(alpha: model.Plan) -> None:
    on_day = items(alpha, "14/5/2026")["gap-mat"]  # 14/5 only, postponed
    assert (on_day.late, on_day.days_left) == (False, 0)
    after = items(alpha, "15/5/2026")["gap-mat"]
    assert (after.late, after.days_late, after.working_days_late) == (True, 1, 1)
    later = items(alpha, "1/7/2026")
    assert later["hoi-thao"].late is False  # done
    assert later["giao-luu"].late is False  # cancelled
    assert later["hoi-nghi"].due == D(2026, 5, 15)  # its event's day
    assert later["tuyen-truyen"].due == D(2026, 5, 18)  # the plan period
    assert later["tuyen-truyen"].days_late == 44


def test_working_days_skip_weekends_holidays_and_the_plans_extra_days(
    alpha: model.Plan,
) -> None:
    report = items(alpha, "1/7/2026")["bao-cao-don-vi/vp"]  # due Friday 19/6
    assert (report.days_late, report.working_days_late) == (12, 8)
    # 30/4 and 1/5 are public holidays: from Wed 29/4 to Mon 4/5 is one working day.
    task = model.Task(title="x", owner="vp", due=D(2026, 4, 29))
    extra = model.Plan(
        **{**_fields(alpha), "activities": [model.Activity(id="a", title="A", tasks=[task])]}
    )
    got = {it.id: it for it in schedule.plan_items(extra, at("4/5/2026"))}["a#1"]
    assert (got.days_late, got.working_days_late) == (5, 1)
    extra.calendar = model.Calendar(holidays=[D(2026, 5, 4)])
    got = {it.id: it for it in schedule.plan_items(extra, at("4/5/2026"))}["a#1"]
    assert got.working_days_late == 0


def test_one_report_item_per_owing_unit_and_received_ones_are_reported(
    alpha: model.Plan,
) -> None:
    got = [it for it in schedule.plan_items(alpha, at("1/7/2026")) if it.kind == "report"]
    assert [(it.id, it.status, it.late) for it in got] == [
        ("bao-cao-don-vi/vp", "planned", True),
        ("bao-cao-don-vi/qlkh", "reported", False),
        ("bao-cao-don-vi/qlcn", "planned", True),
        ("bao-cao-don-vi/cds", "planned", True),
        ("bao-cao-tinh/vp", "planned", True),
    ]
    assert got[1].done_on == D(2026, 6, 15)


def _fields(plan: model.Plan) -> dict[str, object]:
    """The plan's fields (not its cached indexes), to build a variant of it."""
    return {f.name: getattr(plan, f.name) for f in dataclasses.fields(plan)}


def test_tasks_of_a_cancelled_activity_count_as_cancelled(alpha: model.Plan) -> None:
    task = model.Task(title="Thuê loa", owner="vp", due=D(2026, 5, 10))
    plan = model.Plan(
        **{
            **_fields(alpha),
            "activities": [
                model.Activity(id="x", title="X", status="cancelled", tasks=[task]),
            ],
        }
    )
    (act, got) = schedule.plan_items(plan, at("1/7/2026"))[:2]
    assert (act.status, got.status, got.late) == ("cancelled", "cancelled", False)


# Owners ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "typed",
    [
        "vp",
        "VP",
        "Văn phòng Sở",
        "văn phòng sở",
        unicodedata.normalize("NFD", "Văn phòng Sở"),
        unicodedata.normalize("NFD", "VĂN PHÒNG SỞ"),
    ],
)
def test_owner_by_id_or_name_case_and_nfc_insensitive(alpha: model.Plan, typed: str) -> None:
    assert schedule.resolve_owner([alpha], typed).owner.id == "vp"


def test_unknown_owner_is_a_usage_error_with_a_hint(alpha: model.Plan) -> None:
    with pytest.raises(TnplanError) as exc:
        schedule.resolve_owner([alpha], "vpp")
    assert (exc.value.exit_code, exc.value.message, exc.value.hint) == (
        2,
        "không có đơn vị `vpp` trong kế hoạch",
        "có phải `vp` (Văn phòng Sở)?",
    )
    with pytest.raises(TnplanError) as exc:
        schedule.resolve_owner([alpha], "Phong Quan ly Khoa hoc", lang="en")
    assert exc.value.hint == "did you mean `qlkh` (Phòng Quản lý Khoa học)?"


def test_an_owner_sees_its_groups_items_and_a_group_its_members(alpha: model.Plan) -> None:
    vp = schedule.resolve_owner([alpha], "vp")
    assert vp.ids == {"alpha-2026": frozenset({"vp", "phong-don-vi"})}
    group = schedule.resolve_owner([alpha], "phong-don-vi")
    assert group.ids["alpha-2026"] == frozenset({"phong-don-vi", "vp", "qlkh", "qlcn", "cds"})


def test_an_owner_sees_items_from_every_plan(alpha: model.Plan, beta: model.Plan) -> None:
    who = schedule.resolve_owner([alpha, beta], "vp")
    snap = schedule.snapshot([alpha, beta], at("14/5/2026"), who)
    late = [(it.plan, it.id) for it in snap.late]
    assert late == [
        ("alpha-2026", "pano"),
        ("alpha-2026", "giay-moi"),
        ("beta-2026", "thue-gian"),
    ]
    only_beta = schedule.resolve_owner([alpha, beta], "shtt")
    assert [p.id for p in schedule.snapshot([alpha, beta], at("14/5/2026"), only_beta).plans] == [
        "beta-2026"
    ]


# Summaries -------------------------------------------------------------------------------


def test_phase_before_during_after(alpha: model.Plan) -> None:
    def phase(day: str) -> tuple[object, ...]:
        p = schedule.plan_status(alpha, at(day))
        return (p.phase, p.days_to_start, p.day_of_period, p.days_to_day, p.days_since_end)

    assert phase("1/5/2026") == ("before", 11, None, 17, -17)
    assert phase("14/5/2026") == ("during", -2, 3, 4, -4)
    assert phase("18/5/2026") == ("during", -6, 7, 0, 0)
    assert phase("1/7/2026") == ("after", -50, None, -44, 44)


def test_progress_counts_by_status_and_kind(alpha: model.Plan) -> None:
    prog = schedule.plan_status(alpha, at("14/5/2026")).progress
    assert prog.by_status == {
        "planned": 8,
        "in_progress": 1,
        "postponed": 1,
        "done": 2,
        "reported": 0,  # qlkh's report is received on 15/6, after 14/5
        "cancelled": 1,
    }
    assert prog.by_kind == {"activity": (1, 4), "task": (1, 3), "report": (0, 5)}
    assert (prog.total, prog.done, prog.late, round(prog.ratio, 3)) == (13, 2, 2, 0.167)


def test_next_due_and_owner_loads(alpha: model.Plan) -> None:
    p = schedule.plan_status(alpha, at("14/5/2026"))
    assert [(n.kind, n.id, n.days_left, n.reported, n.owners) for n in p.next_due] == [
        ("deadline", "bao-cao-don-vi", 36, 0, 4),
        ("deadline", "bao-cao-tinh", 47, 0, 1),
    ]
    assert [(o.owner.id, o.open, o.late) for o in p.owners] == [
        ("vp", 5, 2),
        ("cds", 2, 0),
        ("qlcn", 2, 0),
        ("qlkh", 1, 0),
    ]


def test_overdue_groups_by_owner_most_late_first(alpha: model.Plan) -> None:
    groups = schedule.overdue(schedule.snapshot([alpha], at("1/7/2026")))
    assert [(g.owner.id, [it.id for it in g.items]) for g in groups] == [
        ("vp", ["pano", "giay-moi", "gap-mat", "bao-cao-don-vi/vp", "bao-cao-tinh/vp"]),
        ("cds", ["tuyen-truyen", "bao-cao-don-vi/cds"]),
        ("qlcn", ["hoi-nghi", "bao-cao-don-vi/qlcn"]),
    ]


def test_upcoming_lists_starts_ends_and_dues_in_the_window(alpha: model.Plan) -> None:
    snap = schedule.snapshot([alpha], at("10/5/2026"))
    got = [(u.item.id, u.what, u.date.day, u.days) for u in schedule.upcoming(snap, 5)]
    # hoi-thao and bai-viet are done on 13/5: on 10/5 they were still ahead.
    assert got == [
        ("pano", "due", 11, 1),
        ("tuyen-truyen", "start", 12, 2),
        ("hoi-thao", "start", 12, 2),
        ("giay-moi", "due", 12, 2),
        ("bai-viet", "due", 13, 3),
        ("gap-mat", "start", 14, 4),
        ("hoi-nghi", "start", 15, 5),
    ]
    assert schedule.upcoming(snap, 0) == []


# Timeline --------------------------------------------------------------------------------


def test_timeline_span_covers_period_deadlines_and_the_as_of_date(alpha: model.Plan) -> None:
    def span(day: str) -> tuple[dt.date, dt.date]:
        tl = schedule.timeline(schedule.snapshot([alpha], at(day)))
        return tl.start, tl.end

    assert span("14/5/2026") == (D(2026, 5, 10), D(2026, 7, 2))  # 12/5 - 2 … 30/6 + 2
    assert span("1/5/2026") == (D(2026, 4, 30), D(2026, 7, 2))
    assert span("5/7/2026") == (D(2026, 5, 10), D(2026, 7, 6))
    tl = schedule.timeline(
        schedule.snapshot([alpha], at("14/5/2026")), start=D(2026, 5, 11), end=D(2026, 5, 17)
    )
    assert [(d.date.day, d.kind) for d in tl.days] == [
        (11, "work"),
        (12, "work"),
        (13, "work"),
        (14, "work"),
        (15, "work"),
        (16, "weekend"),
        (17, "weekend"),
    ]


def test_timeline_rows_with_and_without_all(alpha: model.Plan) -> None:
    snap = schedule.snapshot([alpha], at("14/5/2026"))
    rows = schedule.timeline(snap).rows
    assert [(r.kind, r.id) for r in rows] == [
        ("activity", "tuyen-truyen"),
        ("activity", "hoi-nghi"),
        ("activity", "hoi-thao"),
        ("activity", "gap-mat"),
        ("activity", "giao-luu"),
        ("deadline", "bao-cao-don-vi"),
        ("deadline", "bao-cao-tinh"),
    ]
    full = schedule.timeline(snap, all_items=True).rows
    assert [r.id for r in full if r.level == 1] == [
        "bai-viet",
        "pano",
        "giay-moi",
        "bao-cao-don-vi/vp",
        "bao-cao-don-vi/qlkh",
        "bao-cao-don-vi/qlcn",
        "bao-cao-don-vi/cds",
        "bao-cao-tinh/vp",
    ]
    holiday = schedule.timeline(snap, start=D(2026, 4, 30), end=D(2026, 5, 1)).days
    assert [(d.kind, d.holiday) for d in holiday] == [
        ("holiday", "Ngày Chiến thắng"),
        ("holiday", "Quốc tế Lao động"),
    ]
