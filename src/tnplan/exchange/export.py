"""Plans for other programs: the normalised plan as JSON, the JSON Schema, an iCalendar file.

Everything here returns text or bytes and never prints.  Output is reproducible: the same
plan gives the same bytes (no wall clock, stable key order, stable UIDs), so exported files
can be committed and diffed, and calendars that import the file twice update their events
instead of duplicating them.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections.abc import Iterable
from typing import Any

from ..plan import model

STATUS_VI = {
    "planned": "chưa thực hiện",
    "in_progress": "đang thực hiện",
    "done": "đã hoàn thành",
    "postponed": "tạm hoãn",
    "cancelled": "hủy",
}
"""Activity and task statuses as users read them."""


# JSON --------------------------------------------------------------------------------------


def _plain(value: Any) -> Any:
    if isinstance(value, model.Node):
        return {
            fd.name: _plain(getattr(value, fd.name))
            for fd in dataclasses.fields(value)
            if not fd.metadata.get("internal")
        }
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dt.time):
        return f"{value.hour:02d}:{value.minute:02d}"
    return value


def plan_data(plan: model.Plan) -> dict[str, Any]:
    """The whole plan as JSON-ready data: every field of the model in its order.

    Dates are ISO (``2026-05-12``), times ``HH:MM``, absent optional values ``null``, empty
    lists ``[]``; keys follow the model's field order, so the output is stable.
    """
    data: dict[str, Any] = _plain(plan)
    return data


def plan_json(plan: model.Plan) -> str:
    """:func:`plan_data` as indented UTF-8 JSON text, ending with a newline."""
    return json.dumps(plan_data(plan), ensure_ascii=False, indent=2) + "\n"


def schema_json() -> str:
    """The JSON Schema of the plan format (draft 2020-12) as text, ending with a newline."""
    from ..plan.schema import json_schema

    return json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n"


# Owners ------------------------------------------------------------------------------------


def _sees(ids: frozenset[str] | None, units: Iterable[str | None]) -> bool:
    return ids is None or any(u in ids for u in units if u)


# iCalendar ---------------------------------------------------------------------------------


def uid(plan: model.Plan, kind: str, ident: str) -> str:
    """The stable UID of one calendar item: ``<plan-id>-<kind>-<id>@tnplan``."""
    return f"{plan.id}-{kind}-{ident}@tnplan"


def _names(plan: model.Plan, ids: Iterable[str]) -> str:
    out = []
    for i in ids:
        unit = plan.unit(i)
        out.append(unit.name if unit else i)
    return ", ".join(out)


def _stamp(plan: model.Plan, tz: dt.tzinfo) -> dt.datetime:
    """DTSTAMP: the plan's own date (issued, else start of the period), never the clock."""
    day = plan.document.date or plan.period.start
    return dt.datetime.combine(day, dt.time(0, 0), tz).astimezone(dt.UTC)


def ics(plan: model.Plan, owner: str | None = None, as_of: dt.date | None = None) -> bytes:
    """The plan as an RFC 5545 calendar (``text/calendar``, UTF-8, CRLF lines).

    * an activity with its own window (or with no event) is an all-day item over the window;
    * an activity's event is a timed item in the plan's time zone (``TZID=…`` with its
      VTIMEZONE), all-day when it has no start time;
    * each deadline and each task with a due date is an all-day item with an alarm at 09:00
      the day before;
    * ``owner`` (a unit's id, name or short name) keeps only what that unit, a group it is
      in, or (for a group) one of its members leads, supports, owns or must report: the
      rule of ``tnplan status --owner`` (:func:`tnplan.schedule.resolve_owner`); an unknown
      unit is a usage error;
    * statuses are as of ``as_of`` (:func:`tnplan.plan.state.state_on`): with no date, as the
      plan records them now (every recorded date counts), so the file stays reproducible.
    """
    from zoneinfo import ZoneInfo

    import icalendar

    from .. import __version__
    from ..calendar.vi import date_short, time_hm
    from ..plan.state import Owed, state_on

    sees: frozenset[str] | None = None
    if owner is not None:
        from ..track.schedule import resolve_owner

        found = resolve_owner([plan], owner)
        owner = found.owner.id
        sees = found.ids.get(plan.id, frozenset({owner}))
    tz = ZoneInfo(plan.document.timezone)
    stamp = _stamp(plan, tz)
    cal = icalendar.Calendar()
    cal.add("prodid", f"-//tnplan//tnplan {__version__}//VI")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    title = plan.document.title
    cal.add("x-wr-calname", title if owner is None else f"{title} — {_names(plan, [owner])}")
    cal.add("x-wr-timezone", plan.document.timezone)
    years: list[int] = [plan.period.start.year, plan.period.end.year]

    def item(kind: str, ident: str, summary: str, lines: list[str]) -> icalendar.Event:
        ev = icalendar.Event()
        ev.add("uid", uid(plan, kind, ident))
        ev.add("dtstamp", stamp)
        ev.add("summary", summary)
        text = "\n".join(line for line in lines if line)
        if text:
            ev.add("description", text)
        ev.add("categories", [kind])
        cal.add_component(ev)
        return ev

    def all_day(ev: icalendar.Event, start: dt.date, end: dt.date) -> None:
        ev.add("dtstart", start)
        ev.add("dtend", end + dt.timedelta(days=1))
        ev.add("transp", "TRANSPARENT")
        years.extend((start.year, end.year))

    def alarm(ev: icalendar.Event, text: str) -> None:
        al = icalendar.Alarm()
        al.add("action", "DISPLAY")
        al.add("description", text)
        al.add("trigger", dt.timedelta(hours=-15))  # 09:00 the day before an all-day item
        ev.add_component(al)

    def status(ev: icalendar.Event, value: str, tentative: bool) -> None:
        if value == "cancelled":
            ev.add("status", "CANCELLED")
        elif tentative or value == "postponed":
            ev.add("status", "TENTATIVE")
        else:
            ev.add("status", "CONFIRMED")

    when = as_of or dt.date.max
    for a in plan.activities:
        a_state = state_on(plan, a, when).status
        leads = [a.lead] if a.lead else []
        task_owners = [t.owner or a.lead for t in a.tasks]
        if not _sees(sees, [*leads, *a.support, *task_owners]):
            continue
        head = f"{a.number}. {a.title}" if a.number is not None else a.title
        mark = " (dự kiến)" if a.tentative else ""
        about = [
            f"Chủ trì: {_names(plan, leads)}" if leads else "",
            f"Phối hợp: {_names(plan, a.support)}" if a.support else "",
            f"Trạng thái: {STATUS_VI[a_state]}"
            + (f" — {a.reason}" if a.reason and a_state in ("postponed", "cancelled") else ""),
            *(f"- {b}" for b in a.bullets),
        ]
        if _sees(sees, [*leads, *a.support]) and (
            a.event is None or a.start is not None or a.end is not None
        ):
            start, end = plan.activity_window(a)
            ev = item("activity", a.id, head + mark, about)
            all_day(ev, start, end)
            status(ev, a_state, a.tentative)
        if a.event is not None and _sees(sees, [*leads, *a.support]):
            e = a.event
            name = (e.name or a.title) + (" (dự kiến)" if e.tentative or a.tentative else "")
            lines = [
                f"Hoạt động: {head}",
                f"Chủ trì: {e.chair}" if e.chair else "",
                *about[:3],
                *e.notes,
            ]
            days = model.event_days(e)
            for day in days:
                # A several-day event is one item a day (its own hours and venue); a one-day
                # event keeps the UID it always had.
                ident = a.id if len(days) == 1 else f"{a.id}.{day:%Y%m%d}"
                opens, end_time, venue = model.day_hours(e, day)
                ev = item("event", ident, name, lines)
                if venue:
                    ev.add("location", venue)
                if opens is None:
                    all_day(ev, day, day)
                else:
                    ev.add("dtstart", dt.datetime.combine(day, opens, tz))
                    if end_time is None and a.programme:
                        spans = [
                            t for t in model.slot_schedule(e, a.programme) if t and t[0] == day
                        ]
                        end_time = spans[-1][2] if spans else None
                    if end_time is not None:
                        ev.add("dtend", dt.datetime.combine(day, end_time, tz))
                    years.append(day.year)
                status(ev, a_state, a.tentative or e.tentative)
        for n, t in enumerate(a.tasks, 1):
            who = t.owner or a.lead
            if t.due is None or not _sees(sees, [who]):
                continue
            t_state = state_on(plan, t, when, parent=a).status
            at = f"{time_hm(t.time)} " if t.time else ""
            ev = item(
                "task",
                f"{a.id}.{t.id or n}",
                f"Hạn: {t.title}",
                [
                    f"Hoạt động: {head}",
                    f"Đơn vị thực hiện: {_names(plan, [who])}" if who else "",
                    f"Hạn: {at}{date_short(t.due)}",
                    f"Trạng thái: {STATUS_VI[t_state]}",
                ],
            )
            all_day(ev, t.due, t.due)
            status(ev, t_state, t.tentative)
            if t_state not in model.CLOSED_STATUSES:
                alarm(ev, f"Ngày mai đến hạn: {t.title}")
    for d in plan.deadlines:
        if not _sees(sees, d.owners):
            continue
        at = f"{time_hm(d.time)} " if d.time else ""
        owing = _owner_units(plan, d.owners)
        got = {u for u in owing if state_on(plan, Owed(d, u), when).status == "reported"}
        pending = [u for u in owing if u not in got]
        ev = item(
            "deadline",
            d.id,
            f"Hạn: {d.title}",
            [
                f"Đơn vị nộp: {_names(plan, d.owners)}",
                f"Nơi nhận: {_names(plan, d.to)}" if d.to else "",
                f"Hạn: {at}{date_short(d.due)}",
                f"Đã nhận: {_names(plan, sorted(got, key=_order(plan)))}" if got else "",
                f"Chưa nộp: {_names(plan, pending)}" if pending and got else "",
            ],
        )
        all_day(ev, d.due, d.due)
        ev.add("status", "CONFIRMED")
        if pending:
            alarm(ev, f"Ngày mai đến hạn: {d.title}")
    cal.add_missing_timezones(
        first_date=dt.date(min(years), 1, 1), last_date=dt.date(max(years) + 2, 1, 1)
    )
    if not cal.timezones:  # nothing timed: still name the zone the all-day items live in
        cal.add_component(
            icalendar.Timezone.from_tzinfo(
                tz, first_date=dt.date(min(years), 1, 1), last_date=dt.date(max(years) + 2, 1, 1)
            )
        )
        cal.subcomponents.insert(0, cal.subcomponents.pop())
    data: bytes = cal.to_ical()
    return data


def _owner_units(plan: model.Plan, ids: Iterable[str]) -> list[str]:
    from ..plan.check import expand_units

    return expand_units(plan, ids)


def _order(plan: model.Plan) -> Any:
    index = {u.id: i for i, u in enumerate(plan.units)}
    return lambda uid: index.get(uid, len(index))
