"""What the dashboard shows, as data: one or many plans as of a date, ready for a template.

:func:`board` turns valid plans and an :class:`~tnplan.track.schedule.AsOf` moment into a
:class:`Board`: per plan a :class:`Section` (facts, progress, the Gantt chart's geometry, a
list by week for phones, late items, reports owed, each activity's details), and across
all plans the next 14 days, the late items by owner and the owners to filter by.  Every
number comes from :mod:`tnplan.track.schedule` (the one as-of logic); nothing here writes
HTML: ``templates/dashboard.html.j2`` lays the board out (see :mod:`tnplan.exchange.dashboard`).

Owners are told apart by agency: ``vp`` of one agency's plans and ``vp`` of another's are
two owners, with two filter keys (:func:`owner_key`).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from ..calendar.markup import plain
from ..calendar.vi import date_short as _d
from ..calendar.vi import time_hm as _hm
from ..calendar.vi import weekday
from ..plan import model

if TYPE_CHECKING:
    from .schedule import AsOf, Item, OwnerFilter, PlanStatus

STATUS = {
    "planned": "Chưa thực hiện",
    "in_progress": "Đang thực hiện",
    "postponed": "Tạm hoãn",
    "done": "Đã hoàn thành",
    "reported": "Đã nộp",
    "cancelled": "Hủy",
}
KIND = {
    "activity": "Hoạt động",
    "task": "Công việc",
    "report": "Báo cáo",
    "event": "Sự kiện",
    "deadline": "Hạn báo cáo",
}
UPCOMING_DAYS = 14
_WEEKDAY_SHORT = ("T2", "T3", "T4", "T5", "T6", "T7", "CN")

# Chart geometry, in SVG user units (the chart scales to the page width on a desktop).
LABEL_W = 300
ROW_H = 28
BAR_H = 16
HEAD_H = 48
_MAX_DAYS_W = 900


def _dm(day: dt.date) -> str:
    return f"{day.day}/{day.month}"


def span_text(start: dt.date, end: dt.date) -> str:
    """``12/5–18/5/2026``, or one date."""
    if start == end:
        return _d(start)
    if start.year == end.year:
        return f"{_dm(start)}–{_d(end)}"
    return f"{_d(start)}–{_d(end)}"


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def owner_key(agency: str, uid: str) -> str:
    """A short, stable key for one agency's unit, safe in an HTML id and a CSS selector."""
    return "o" + hashlib.sha1(f"{agency}/{uid}".encode()).hexdigest()[:8]


class _Owners:
    """Filter keys of a plan's units: a unit's items show under itself, its groups, its members."""

    def __init__(self, plan: model.Plan) -> None:
        from ..plan.check import expand_units
        from .schedule import agency_key

        self.plan = plan
        self.agency = agency_key(plan)
        self._near: dict[str, set[str]] = {}
        for u in plan.units:
            members = set(expand_units(plan, [u.id]))
            self._near.setdefault(u.id, set()).update(members)
            for m in members:
                self._near.setdefault(m, set()).add(u.id)

    def keys(self, uids: Iterable[str | None]) -> str:
        found: set[str] = set()
        for uid in uids:
            if uid:
                found |= {uid, *self._near.get(uid, ())}
        return " ".join(sorted(owner_key(self.agency, u) for u in found))

    def name(self, uid: str | None) -> str:
        if not uid:
            return "—"
        unit = self.plan.unit(uid)
        return unit.name if unit else uid

    def names(self, ids: Iterable[str]) -> str:
        return ", ".join(self.name(i) for i in ids) or "—"


# The chart ---------------------------------------------------------------------------------


def chart_range(plan: model.Plan) -> tuple[dt.date, dt.date]:
    """First and last day the chart shows: the period, every activity, task and deadline,
    with one day of margin on each side."""
    days = [plan.period.start, plan.period.end]
    for a in plan.activities:
        days.extend(plan.activity_window(a))
        days.extend(t.due for t in a.tasks if t.due)
    days.extend(d.due for d in plan.deadlines)
    one = dt.timedelta(days=1)
    return min(days) - one, max(days) + one


_GAP_MIN = 6
"""Runs of at least this many days with nothing on them fold into one narrow column."""
_GAP_W = 1.4
"""Width of a folded run, in days."""


def chart_columns(plan: model.Plan, as_of: dt.date | None = None) -> list[tuple[dt.date, dt.date]]:
    """The chart's columns, left to right: ``(day, day)`` for a day shown, ``(first, last)``
    for a folded run of days where nothing starts, ends or falls due (more than two days
    from any date of the plan, and the as-of date)."""
    first, last = chart_range(plan)
    marks = {plan.period.start, plan.period.end, *(d.due for d in plan.deadlines)}
    if plan.period.day:
        marks.add(plan.period.day)
    if as_of is not None and first <= as_of <= last:
        marks.add(as_of)
    for a in plan.activities:
        start, end = plan.activity_window(a)
        marks.update(start + dt.timedelta(days=i) for i in range((end - start).days + 1))
        marks.update(t.due for t in a.tasks if t.due)
    near = {m + dt.timedelta(days=k) for m in marks for k in range(-2, 3)}
    days = [first + dt.timedelta(days=i) for i in range((last - first).days + 1)]
    out: list[tuple[dt.date, dt.date]] = []
    i = 0
    while i < len(days):
        j = i
        while j < len(days) and days[j] not in near:
            j += 1
        if j - i >= _GAP_MIN:
            out.append((days[i], days[j - 1]))
        else:
            out.extend((d, d) for d in days[i:j])
        if j < len(days):
            out.append((days[j], days[j]))
        i = j + 1
    return out


@dataclass(frozen=True)
class Shade:
    """A background column: a weekend, a public holiday, or a folded run of quiet days."""

    kind: Literal["weekend", "holiday", "gap"]
    x: float
    width: float
    title: str


@dataclass(frozen=True)
class Text:
    """A label of the chart's scale: a month, a day number, a weekday, a fold mark."""

    cls: str
    x: float
    y: float
    text: str
    anchor: Literal["start", "middle", "end"] = "middle"


@dataclass(frozen=True)
class Mark:
    """A task's due date (a triangle) or an event's day (a circle) on an activity's row."""

    kind: Literal["task", "event"]
    x: float
    y: float
    cls: str
    title: str


@dataclass(frozen=True)
class ChartRow:
    """One row of the chart: an activity's bar, or a deadline's diamond."""

    kind: Literal["activity", "deadline"]
    id: str
    label: str
    title: str
    y: float
    owners: str
    status: str
    late: bool
    tentative: bool
    x: float
    width: float
    tip: str
    marks: list[Mark] = field(default_factory=list)
    date_text: str = ""


@dataclass(frozen=True)
class Chart:
    """An SVG Gantt chart's geometry, with its title and a text description for readers."""

    width: int
    height: int
    body_top: float
    body_bottom: float
    title: str
    desc: str
    shades: list[Shade]
    scale: list[Text]
    month_lines: list[float]
    rows: list[ChartRow]
    day_x: float | None
    day_title: str
    today_x: float | None
    today_title: str


def chart(status: PlanStatus, as_of: AsOf, owners: _Owners, shown: set[str] | None) -> Chart:
    """The Gantt chart of one plan: a row per activity (``shown`` ones only when given),
    then a row per deadline."""
    from ..calendar.holidays import holiday_name
    from .schedule import working_day

    plan = status.plan
    first, last = chart_range(plan)
    columns = chart_columns(plan, as_of.date)
    units = sum(1 if col[0] == col[1] else _GAP_W for col in columns)
    day_w = max(12.0, min(36.0, _MAX_DAYS_W / units))
    activities = [a for a in plan.activities if shown is None or a.id in shown]
    deadlines = [d for d in plan.deadlines if shown is None or d.id in shown]
    rows_n = len(activities) + len(deadlines)
    width = round(LABEL_W + units * day_w + 8)
    body_h = rows_n * ROW_H
    height = HEAD_H + body_h + 12
    left_of: dict[dt.date, float] = {}
    cursor = float(LABEL_W)
    for col_first, col_last in columns:
        left_of[col_first] = cursor
        cursor += day_w if col_first == col_last else _GAP_W * day_w

    def x(day: dt.date) -> float:
        return left_of.get(day, cursor)

    shades: list[Shade] = []
    scale: list[Text] = []
    month_lines: list[float] = []
    month: tuple[int, int] | None = None
    for n, (day, until) in enumerate(columns):
        left = x(day)
        if day != until:
            gap_w = _GAP_W * day_w
            shades.append(Shade("gap", left, gap_w, f"{span_text(day, until)}: không có mốc nào"))
            scale.append(Text("day", left + gap_w / 2, HEAD_H - 6, "…"))
            continue
        if not working_day(plan, day):
            name = holiday_name(day)
            kind: Literal["weekend", "holiday"] = (
                "holiday" if name and day.weekday() < 5 else "weekend"
            )
            shades.append(Shade(kind, left, day_w, name or ""))
        if day_w >= 14 or day.weekday() == 0:
            scale.append(Text("day", left + day_w / 2, HEAD_H - 6, str(day.day)))
        if day_w >= 18:
            scale.append(Text("wd", left + day_w / 2, HEAD_H - 20, _WEEKDAY_SHORT[day.weekday()]))
        if (day.year, day.month) != month:
            month = (day.year, day.month)
            near_end = left + 90 > width  # a month starting at the right edge: label leftwards
            scale.append(
                Text(
                    "month",
                    width - 4 if near_end else left + 2,
                    12,
                    f"Tháng {day.month}/{day.year}",
                    "end" if near_end else "start",
                )
            )
            if n:
                month_lines.append(left)
    items = {it.id: it for it in status.activities}
    tasks: dict[str, list[Item]] = {}
    for task in status.items:
        if task.kind == "task" and task.activity:
            tasks.setdefault(task.activity, []).append(task)
    rows: list[ChartRow] = []
    for r, a in enumerate(activities):
        start, end = plan.activity_window(a)
        it = items.get(a.id)
        late = bool(it and it.late)
        y = HEAD_H + r * ROW_H
        label = f"{a.number}. {a.title}" if a.number is not None else a.title
        left = x(start)
        shown_status = it.status if it else a.status  # as of the date: plan.state.state_on
        tip = f"{label} — {span_text(start, end)} — {STATUS[shown_status]}" + (
            " — trễ hạn" if late else ""
        )
        marks: list[Mark] = []
        if a.event is not None and start <= a.event.date <= end and start != end:
            marks.append(
                Mark(
                    "event",
                    x(a.event.date) + day_w / 2,
                    y + ROW_H / 2,
                    "event-mark",
                    f"{_d(a.event.date)}: {a.event.name or a.title}",
                )
            )
        for t in tasks.get(a.id, []):
            if t.due is None or not first <= t.due <= last:
                continue
            cls = "task-mark" + (" late" if t.late else "") + (" closed" if not t.open else "")
            marks.append(
                Mark(
                    "task",
                    x(t.due) + day_w / 2,
                    y + ROW_H - 5,
                    cls,
                    f"Công việc: {t.title} — hạn {_d(t.due)}",
                )
            )
        task_owners = [t.owner or a.lead for t in a.tasks]
        rows.append(
            ChartRow(
                kind="activity",
                id=a.id,
                label=_clip(label, 40),
                title=label,
                y=y,
                owners=owners.keys([a.lead, *a.support, *task_owners]),
                status=shown_status,
                late=late,
                tentative=a.tentative or (a.event is not None and a.event.tentative),
                x=left + 1,
                width=x(end) + day_w - left - 2,
                tip=tip,
                marks=marks,
            )
        )
    by_id = {d.id: d for d in status.deadlines}
    for r, d in enumerate(deadlines, start=len(activities)):
        ds = by_id.get(d.id)
        state = (
            "reported" if ds and ds.reported == ds.owners else ("late" if ds and ds.late else "due")
        )
        counts = f" ({ds.reported}/{ds.owners} đã nộp)" if ds else ""
        rows.append(
            ChartRow(
                kind="deadline",
                id=d.id,
                label=_clip("Hạn: " + d.title, 40),
                title=d.title,
                y=HEAD_H + r * ROW_H,
                owners=owners.keys(d.owners),
                status=state,
                late=state == "late",
                tentative=False,
                x=x(d.due) + day_w / 2,
                width=0,
                tip=f"{d.title} — hạn {_d(d.due)}{counts}",
                date_text=_dm(d.due),
            )
        )
    day_x = None
    if plan.period.day and first <= plan.period.day <= last:
        day_x = x(plan.period.day) + day_w / 2
    today_x = x(as_of.date) + day_w / 2 if first <= as_of.date <= last else None
    word = "Hôm nay" if as_of.today else "Ngày xem"
    counts_by = {s: 0 for s in STATUS}
    for row in rows:
        if row.kind == "activity":
            counts_by[row.status] += 1
    said = ", ".join(f"{n} {STATUS[s].lower()}" for s, n in counts_by.items() if n)
    late_n = sum(1 for row in rows if row.late)
    desc = (
        f"Biểu đồ Gantt: {len(activities)} hoạt động ({said or 'không có'}), "
        f"{len(deadlines)} hạn báo cáo; {late_n} mục trễ hạn tính đến {_d(as_of.date)}. "
        "Mỗi hoạt động một dòng, thanh trải theo ngày; hạn báo cáo là hình thoi; ngày cuối tuần "
        "và ngày lễ tô nền; quãng không có mốc nào thu gọn thành một cột."
    )
    return Chart(
        width=width,
        height=height,
        body_top=HEAD_H,
        body_bottom=HEAD_H + body_h,
        title=f"Tiến độ các hoạt động từ {_d(first)} đến {_d(last)}",
        desc=desc,
        shades=shades,
        scale=scale,
        month_lines=month_lines,
        rows=rows,
        day_x=day_x,
        day_title=f"Ngày {_d(plan.period.day)}" if plan.period.day else "",
        today_x=today_x,
        today_title=f"{word}: {_d(as_of.date)}",
    )


# Lists -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Entry:
    """One line of a list (by week, next days, late): a dated thing with its state."""

    kind: str
    """activity, event, task, report or deadline."""
    id: str
    title: str
    when: str
    date: dt.date
    status: str
    late: bool
    tentative: bool
    owner: str
    owners: str
    plan: str
    note: str = ""


@dataclass(frozen=True)
class Week:
    """Monday to Sunday, and what falls in it (for the phone's list by week)."""

    label: str
    current: bool
    entries: list[Entry]


def _weeks(status: PlanStatus, as_of: AsOf, owners: _Owners, shown: set[str] | None) -> list[Week]:
    plan = status.plan
    items = {(it.kind, it.id): it for it in status.items}
    entries: list[Entry] = []
    for a in plan.activities:
        if shown is not None and a.id not in shown:
            continue
        start, end = plan.activity_window(a)
        it = items.get(("activity", a.id))
        head = f"{a.number}. {a.title}" if a.number is not None else a.title
        entries.append(
            Entry(
                "activity",
                a.id,
                head,
                span_text(start, end),
                start,
                it.status if it else a.status,
                bool(it and it.late),
                a.tentative,
                owners.name(a.lead),
                owners.keys([a.lead, *a.support]),
                plan.id,
            )
        )
        if a.event is not None and (start != end or a.event.start):
            e = a.event
            when = _d(e.date)
            if e.start:
                when = f"{_hm(e.start)}{'–' + _hm(e.end) if e.end else ''}, {when}"
            days = model.event_days(e)
            if len(days) > 1:
                when += f" – {_d(days[-1])}"
            entries.append(
                Entry(
                    "event",
                    a.id,
                    e.name or a.title,
                    when,
                    e.date,
                    it.status if it else a.status,
                    False,
                    a.tentative or e.tentative,
                    owners.name(a.lead),
                    owners.keys([a.lead, *a.support]),
                    plan.id,
                    e.venue or "",
                )
            )
    for it in status.items:
        if it.kind != "task" or it.due is None:
            continue
        entries.append(
            Entry(
                "task",
                it.id,
                it.title,
                (f"{_hm(it.due_time)} " if it.due_time else "") + _d(it.due),
                it.due,
                it.status,
                it.late,
                it.tentative,
                owners.name(it.owner),
                owners.keys([it.owner]),
                plan.id,
            )
        )
    for ds in status.deadlines:
        d = plan.deadline(ds.id)
        if d is None:
            continue
        state = "reported" if ds.reported == ds.owners else "planned"
        entries.append(
            Entry(
                "deadline",
                d.id,
                d.title,
                (f"{_hm(d.time)} " if d.time else "") + _d(d.due),
                d.due,
                state,
                ds.late > 0,
                False,
                owners.names(d.owners),
                owners.keys(d.owners),
                plan.id,
                f"{ds.reported}/{ds.owners} đơn vị đã nộp",
            )
        )
    order = {"activity": 0, "event": 1, "task": 2, "deadline": 3}
    entries.sort(key=lambda e: (e.date, order[e.kind]))
    weeks: dict[dt.date, list[Entry]] = {}
    for entry in entries:
        weeks.setdefault(entry.date - dt.timedelta(days=entry.date.weekday()), []).append(entry)
    out = []
    for monday, its in weeks.items():
        sunday = monday + dt.timedelta(days=6)
        out.append(
            Week(
                f"Tuần {span_text(monday, sunday)}",
                monday <= as_of.date <= sunday,
                its,
            )
        )
    return out


@dataclass(frozen=True)
class LateGroup:
    """One owner's late items (across plans on the combined list)."""

    key: str
    name: str
    agency: str
    entries: list[Entry]


def _late_entry(it: Item, plans: dict[str, model.Plan], owners: dict[str, _Owners]) -> Entry:
    due = (f"{_hm(it.due_time)} " if it.due_time else "") + (_d(it.due) if it.due else "—")
    return Entry(
        it.kind,
        it.id,
        it.title,
        due,
        it.due or dt.date.min,
        it.status,
        True,
        it.tentative,
        owners[it.plan].name(it.owner),
        owners[it.plan].keys([it.owner]),
        plans[it.plan].document.title,
        "trễ hôm nay"
        if it.days_late == 0
        else f"{it.days_late} ngày ({it.working_days_late} ngày làm việc)",
    )


# Sections ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Card:
    """A progress figure: a label, the number, a note; a meter when ``percent`` is set."""

    label: str
    value: str
    note: str
    late: bool = False
    percent: int | None = None


@dataclass(frozen=True)
class TaskRow:
    title: str
    owner: str
    due: str
    status: str
    late: bool
    tentative: bool
    owners: str


@dataclass(frozen=True)
class ActivityView:
    """An activity's details: facts, bullets, tasks, programme, result."""

    id: str
    head: str
    status: str
    late: bool
    tentative: bool
    owners: str
    facts: list[tuple[str, str]]
    bullets: list[str]
    tasks: list[TaskRow]
    programme_title: str
    programme: list[tuple[str, str, str]]
    result: str
    outputs: list[str]
    notes: str


@dataclass(frozen=True)
class ReportRow:
    unit: str
    status: str
    late: bool
    state: str
    owners: str


@dataclass(frozen=True)
class DeadlineView:
    id: str
    title: str
    due: str
    to: str
    owners: str
    rows: list[ReportRow]


@dataclass(frozen=True)
class Section:
    """One plan on the page."""

    id: str
    anchor: str
    agency: str
    title: str
    theme: str
    slogan: str
    facts: list[tuple[str, str]]
    cards: list[Card]
    counts: list[tuple[str, int]]
    chart: Chart
    weeks: list[Week]
    late: list[LateGroup]
    deadlines: list[DeadlineView]
    activities: list[ActivityView]


def _who(plan: model.Plan, by: str | None) -> str:
    if not by:
        return ""
    party = plan.party(by)
    if isinstance(party, model.Guest):
        return " ".join(x for x in (party.salutation, party.name) if x)
    return by if party is None else party.name


def _cards(status: PlanStatus) -> tuple[list[Card], list[tuple[str, int]]]:
    p = status.progress
    pct = round(p.ratio * 100)
    cards = [
        Card(
            "Hoàn thành",
            f"{pct}%",
            f"{p.done}/{p.total - p.by_status['cancelled']} việc (không tính việc hủy)",
            percent=pct,
        )
    ]
    for kind in ("activity", "task", "report"):
        done, total = p.by_kind[kind]
        cards.append(Card(KIND[kind], f"{done}/{total}", "đã nộp" if kind == "report" else "xong"))
    cards.append(Card("Trễ hạn", str(p.late), "việc chưa xong đã quá hạn", late=bool(p.late)))
    return cards, [(s, n) for s, n in p.by_status.items() if n]


@dataclass(frozen=True)
class _ItemsOf:
    """A plan's items by activity, gathered once (a lookup per activity would be quadratic)."""

    activity: dict[str, Item]
    tasks: dict[str, list[Item]]

    @classmethod
    def of(cls, status: PlanStatus) -> _ItemsOf:
        activity: dict[str, Item] = {}
        tasks: dict[str, list[Item]] = {}
        for x in status.items:
            if x.kind == "activity":
                activity.setdefault(x.id, x)
            elif x.kind == "task" and x.activity is not None:
                tasks.setdefault(x.activity, []).append(x)
        return cls(activity, tasks)


def _activity(
    plan: model.Plan,
    a: model.Activity,
    items: _ItemsOf,
    owners: _Owners,
    as_of: AsOf,
) -> ActivityView:
    from ..plan.state import state_on

    it = items.activity.get(a.id)
    st = state_on(plan, a, as_of.date)
    start, end = plan.activity_window(a)
    facts = [("Thời gian", span_text(start, end)), ("Đơn vị chủ trì", owners.name(a.lead))]
    if a.support:
        facts.append(("Phối hợp", owners.names(a.support)))
    if st.status == "done" and st.on and not st.assumed:
        facts.append(("Hoàn thành ngày", _d(st.on)))
    if a.reason and st.status in ("postponed", "cancelled"):
        facts.append(("Lý do", a.reason))
    if a.event is not None:
        e = a.event
        when = _d(e.date)
        if e.start:
            when = f"{_hm(e.start)}{'–' + _hm(e.end) if e.end else ''}, {weekday(e.date)} {when}"
        days = model.event_days(e)
        if len(days) > 1:
            when += f" đến {weekday(days[-1])} {_d(days[-1])} ({len(days)} ngày)"
        facts.append(("Sự kiện", when + (" (dự kiến)" if e.tentative else "")))
        if e.venue:
            facts.append(("Địa điểm", e.venue))
        if e.chair:
            facts.append(("Người chủ trì", e.chair))
        if e.invitees:
            facts.append(("Khách mời", ", ".join(_who(plan, i) for i in e.invitees)))
    by_id = {x.id: x for x in items.tasks.get(a.id, [])}
    tasks = []
    for n, t in enumerate(a.tasks, 1):
        ti = by_id.get(t.id or f"{a.id}#{n}")
        if ti is None:  # not this owner's
            continue
        due = (f"{_hm(t.time)} " if t.time and t.due else "") + (_d(t.due) if t.due else "—")
        tasks.append(
            TaskRow(
                t.title,
                owners.name(t.owner),
                due,
                ti.status,
                ti.late,
                t.tentative,
                owners.keys([t.owner or a.lead]),
            )
        )
    programme: list[tuple[str, str, str]] = []
    if a.programme and a.event is not None:
        times = model.slot_times(a.event, a.programme)
        for slot, span in zip(a.programme, times, strict=True):
            when = f"{_hm(span[0])}–{_hm(span[1])}" if span else "—"
            programme.append((when, slot.item, _who(plan, slot.by)))
    result = outputs_notes = ""
    outputs: list[str] = []
    if a.result is not None and (st.held_on is not None or a.result.held_on is None):
        r = a.result
        bits = []
        if r.held_on:
            bits.append(f"Tổ chức ngày {_d(r.held_on)}")
        if r.participants is not None:
            bits.append(f"{r.participants} người tham dự")
        result = "; ".join(bits)
        outputs = list(r.outputs)
        outputs_notes = r.notes or ""
    return ActivityView(
        id=a.id,
        head=f"{a.number}. {a.title}" if a.number is not None else a.title,
        status=st.status,
        late=bool(it and it.late),
        tentative=a.tentative,
        owners=owners.keys([a.lead, *a.support, *(t.owner or a.lead for t in a.tasks)]),
        facts=facts,
        bullets=[plain(b) for b in a.bullets],  # no `**` marks outside documents
        tasks=tasks,
        programme_title="Chương trình" + (" (dự kiến)" if a.programme_tentative else ""),
        programme=programme,
        result=result,
        outputs=outputs,
        notes=outputs_notes,
    )


def _deadline_views(status: PlanStatus, owners: _Owners) -> list[DeadlineView]:
    plan = status.plan
    reports: dict[str, list[Item]] = {}
    for it in status.items:
        if it.kind == "report" and it.deadline:
            reports.setdefault(it.deadline, []).append(it)
    out = []
    for d in plan.deadlines:
        mine = reports.get(d.id, [])
        if not mine:
            continue
        rows = []
        for it in mine:
            state = (
                f"Đã nộp {_d(it.done_on)}"
                if it.done_on
                else ("Trễ hạn" if it.late else f"Còn {it.days_left} ngày")
            )
            rows.append(
                ReportRow(owners.name(it.owner), it.status, it.late, state, owners.keys([it.owner]))
            )
        out.append(
            DeadlineView(
                d.id,
                d.title,
                (f"{_hm(d.time)} " if d.time else "") + _d(d.due),
                owners.names(d.to) if d.to else "",
                owners.keys(d.owners),
                rows,
            )
        )
    return out


def _section(
    status: PlanStatus, as_of: AsOf, owners: _Owners, filtered: bool, several: bool
) -> Section:
    from .schedule import Snapshot, overdue

    plan = status.plan
    doc = plan.document
    period = plan.period
    items = _ItemsOf.of(status)
    shown: set[str] | None = None
    if filtered:
        shown = {it.activity for it in status.items if it.activity and it.kind != "report"}
        shown |= {it.deadline for it in status.items if it.deadline}
    facts = [("Thời gian", span_text(period.start, period.end))]
    if period.day is not None and status.days_to_day is not None:
        n = status.days_to_day
        facts.append(
            (
                f"Ngày {_dm(period.day)}",
                f"còn {n} ngày"
                if n > 0
                else ("hôm nay là ngày kỷ niệm" if n == 0 else f"đã qua {-n} ngày"),
            )
        )
    if doc.number:
        facts.append(("Số", f"{doc.number}/{doc.type}-{doc.agency_code}"))
    cards, counts = _cards(status)
    plans = {plan.id: plan}
    late = [
        LateGroup(
            owner_key(g.owner.agency, g.owner.id) if g.owner.id else "",
            g.owner.name if g.owner.id else "Chưa giao đơn vị",
            "",
            [_late_entry(it, plans, {plan.id: owners}) for it in g.items],
        )
        for g in overdue(Snapshot(as_of, None, [status]))
    ]
    return Section(
        id=plan.id,
        anchor=f"kh-{plan.id}" if several else "ke-hoach",
        agency=" · ".join(x for x in (doc.parent, doc.agency) if x),
        title=doc.title,
        theme=plan.theme or "",
        slogan=plan.slogans.main if plan.slogans else "",
        facts=facts,
        cards=cards,
        counts=counts,
        chart=chart(status, as_of, owners, shown),
        weeks=_weeks(status, as_of, owners, shown),
        late=late,
        deadlines=_deadline_views(status, owners),
        activities=[
            _activity(plan, a, items, owners, as_of)
            for a in plan.activities
            if shown is None or a.id in shown
        ],
    )


# The board ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class OwnerChip:
    """A unit to filter the page by: its key, its name, its agency (when several)."""

    key: str
    name: str
    agency: str
    open: int
    late: int


@dataclass(frozen=True)
class Board:
    """Everything the dashboard page shows."""

    title: str
    as_of: str
    """The as-of date with its weekday: ``Thứ Năm 14/5/2026``."""
    as_of_date: str
    today: bool
    owner: str
    several: bool
    agencies: int
    sections: list[Section]
    upcoming: list[Entry]
    late: list[LateGroup]
    owners: list[OwnerChip]
    plan_ids: list[str]


def board(plans: Sequence[model.Plan], as_of: AsOf, owner: OwnerFilter | None = None) -> Board:
    """The dashboard of one or many (valid) plans as of a date, for one owner if given."""
    from ..calendar.vi import sort_key
    from .schedule import agency_key, overdue, snapshot, upcoming

    snap = snapshot(plans, as_of, owner)
    several = len(snap.plans) > 1
    owners = {p.id: _Owners(p.plan) for p in snap.plans}
    by_plan = {p.id: p.plan for p in snap.plans}
    agencies = {agency_key(p.plan): p.plan.document for p in snap.plans}
    many_agencies = len(agencies) > 1

    def agency_label(plan: model.Plan) -> str:
        doc = plan.document
        return f"{doc.agency_code} {doc.place}" if many_agencies else ""

    sections = [_section(p, as_of, owners[p.id], owner is not None, several) for p in snap.plans]
    soon: list[Entry] = []
    for u in upcoming(snap, UPCOMING_DAYS):
        it = u.item
        what = {"start": "bắt đầu", "end": "kết thúc", "due": "đến hạn"}[u.what]
        when = _d(u.date)
        if it.due_time is not None and u.what == "due":
            when = f"{_hm(it.due_time)} {when}"
        days = "hôm nay" if u.days == 0 else ("ngày mai" if u.days == 1 else f"còn {u.days} ngày")
        soon.append(
            Entry(
                it.kind,
                it.id,
                it.title,
                f"{weekday(u.date)} {when}",
                u.date,
                it.status,
                False,
                it.tentative,
                owners[it.plan].name(it.owner),
                owners[it.plan].keys([it.owner]),
                by_plan[it.plan].document.title,
                f"{what}, {days}",
            )
        )
    late = []
    for g in overdue(snap):
        first = g.items[0]
        plan = by_plan[first.plan]
        late.append(
            LateGroup(
                owner_key(g.owner.agency, g.owner.id) if g.owner.id else "",
                g.owner.name if g.owner.id else "Chưa giao đơn vị",
                agency_label(plan) if g.owner.id else "",
                [_late_entry(it, by_plan, owners) for it in g.items],
            )
        )
    chips: dict[str, OwnerChip] = {}
    for p in snap.plans:
        for load in p.owners:
            key = owner_key(load.owner.agency, load.owner.id)
            old = chips.get(key)
            chips[key] = OwnerChip(
                key,
                load.owner.short,
                agency_label(p.plan),
                load.open + (old.open if old else 0),
                load.late + (old.late if old else 0),
            )
    chip_list = sorted(chips.values(), key=lambda c: (sort_key(c.name), c.agency))
    if several:
        names = {p.plan.document.agency_name for p in snap.plans}
        who = next(iter(names)) if len(agencies) == 1 else f"{len(agencies)} cơ quan"
        title = f"Bảng theo dõi {len(snap.plans)} kế hoạch — {who}"
    else:
        title = f"Bảng theo dõi — {snap.plans[0].plan.document.title}" if snap.plans else ""
    return Board(
        title=title,
        as_of=f"{weekday(as_of.date)} {_d(as_of.date)}",
        as_of_date=_d(as_of.date),
        today=as_of.today,
        owner=owner.owner.name if owner is not None else "",
        several=several,
        agencies=len(agencies),
        sections=sections,
        upcoming=soon,
        late=late,
        owners=chip_list if owner is None else [],
        plan_ids=[p.id for p in snap.plans],
    )
