"""Plans for other programs: the normalised plan as JSON, the JSON Schema, an iCalendar file.

Everything here returns text or bytes and never prints.  JSON output is reproducible: the
same plan gives the same bytes (stable key order).  A calendar has stable UIDs, so calendars
that import the file twice update their events instead of duplicating them; its ``DTSTAMP``
is the export time (given by the caller, ``SOURCE_DATE_EPOCH`` in the CLI for reproducible
files) and its ``SEQUENCE`` rises with each change of an event (:func:`feed`).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from ..plan import model
from ..plan.problems import TnplanError
from ..plan.state import Owed, state_on

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

STATE_FORMAT = "tnplan-ics-state/1"
"""The ``format`` of the state file kept next to an exported calendar (see :func:`feed`)."""


def uid(plan: model.Plan, kind: str, ident: str) -> str:
    """The stable UID of one calendar item: ``<plan-id>-<kind>-<id>@tnplan``."""
    return f"{plan.id}-{kind}-{ident}@tnplan"


def _names(plan: model.Plan, ids: Iterable[str]) -> str:
    out = []
    for i in ids:
        unit = plan.unit(i)
        out.append(unit.name if unit else i)
    return ", ".join(out)


@dataclass(frozen=True)
class Feed:
    """A calendar and the state to keep beside it for the next export."""

    data: bytes
    state: dict[str, Any]
    changed: list[str]
    """UIDs whose content changed (or that are new, or gone) since the state given."""


_STAMP = re.compile(r"\d{8}T\d{6}Z\Z")
_START = re.compile(r"\d{8}(T\d{6}Z)?\Z")


def valid_state(data: Any) -> bool:
    """Whether ``data`` (read from JSON) is a state :func:`feed` wrote."""
    if not isinstance(data, dict) or data.get("format") != STATE_FORMAT:
        return False
    events = data.get("events")
    if not isinstance(events, dict):
        return False
    for entry in events.values():
        if not (
            isinstance(entry, dict)
            and isinstance(entry.get("hash"), str)
            and type(entry.get("sequence")) is int
            and entry["sequence"] >= 0
            and isinstance(entry.get("modified"), str)
            and _STAMP.match(entry["modified"])
            and isinstance(entry.get("start"), str)
            and _START.match(entry["start"])
            and isinstance(entry.get("summary"), str)
        ):
            return False
    return True


def check_plan_ids(plans: Sequence[model.Plan], *, lang: str = "vi") -> None:
    """Several plans in one calendar or page need distinct ids (they prefix every UID)."""
    seen: dict[str, model.Plan] = {}
    for p in plans:
        other = seen.setdefault(p.id, p)
        if other is not p:
            raise TnplanError(
                f"hai kế hoạch cùng mã `{p.id}`: {other.source} và {p.source}"
                if lang == "vi"
                else f"two plans have the id `{p.id}`: {other.source} and {p.source}",
                hint="đổi `id` của một kế hoạch" if lang == "vi" else "change one plan's `id`",
                exit_code=1,
            )


def _calendar_name(plans: Sequence[model.Plan], owner: str | None) -> str:
    if len(plans) == 1:
        name = plans[0].document.title
    else:
        from ..track.schedule import agency_key

        agencies = {agency_key(p): p.document.agency_name for p in plans}
        if len(agencies) == 1:
            name = f"{next(iter(agencies.values()))}: {len(plans)} kế hoạch"
        else:
            name = f"{len(plans)} kế hoạch của {len(agencies)} cơ quan"
    return name if owner is None else f"{name} — {owner}"


def ics(
    plans: model.Plan | Sequence[model.Plan],
    owner: str | None = None,
    *,
    now: dt.datetime | None = None,
    as_of: dt.date | None = None,
) -> bytes:
    """The plans as one RFC 5545 calendar (no state: every ``SEQUENCE`` is 0); see :func:`feed`."""
    return feed(plans, owner, now=now, as_of=as_of).data


def feed(
    plans: model.Plan | Sequence[model.Plan],
    owner: str | None = None,
    *,
    now: dt.datetime | None = None,
    state: dict[str, Any] | None = None,
    lang: str = "vi",
    as_of: dt.date | None = None,
) -> Feed:
    """Every plan as one RFC 5545 calendar (``text/calendar``, UTF-8, CRLF lines).

    * an activity with its own window (or with no event) is an all-day item over the window;
    * an activity's event is a timed item in the plan's time zone (``TZID=…`` with its
      VTIMEZONE), all-day when it has no start time; a timed event reminds the day before;
    * each deadline and each task with a due date is an all-day item with an alarm at 09:00
      the day before (while it is still open);
    * a cancelled activity, its event and its tasks go out ``STATUS:CANCELLED``, so calendars
      drop them; tentative and postponed ones ``TENTATIVE``;
    * ``owner`` (a unit's id, name or short name, or ``PLAN:UNIT``) keeps only what that unit,
      a group it is in, or (for a group) one of its members leads, supports, owns or must
      report, in the plans of its agency: the rule of ``tnplan status --owner``
      (:func:`tnplan.track.schedule.resolve_owner`); an unknown unit is a usage error.

    ``DTSTAMP`` is ``now`` (the export time).  Updates: ``state`` is what the previous export
    to the same file left (:attr:`Feed.state`); an event whose content differs from it gets
    the next ``SEQUENCE`` and ``LAST-MODIFIED`` = ``now``, an unchanged one keeps both, and an
    event that was exported before but is no longer in the plans goes out once more as
    ``STATUS:CANCELLED`` with a higher ``SEQUENCE``, so a calendar that imported it drops it.
    Without ``state`` every event has ``SEQUENCE:0`` and ``LAST-MODIFIED`` = ``now``.

    Statuses are as of ``as_of`` (:func:`tnplan.plan.state.state_on`); with no date, as the
    plans record them now (every recorded date counts).  An event held over several days is
    one item a day, each with that day's hours and venue.
    """
    from zoneinfo import ZoneInfo

    import icalendar

    from .. import __version__
    from ..calendar.vi import date_short, time_hm

    group = [plans] if isinstance(plans, model.Plan) else list(plans)
    check_plan_ids(group, lang=lang)
    now = (now or dt.datetime.now(dt.UTC)).astimezone(dt.UTC).replace(microsecond=0)
    sees_by_plan: dict[str, frozenset[str]] | None = None
    owner_name: str | None = None
    if owner is not None:
        from ..track.schedule import resolve_owner

        found = resolve_owner(group, owner, lang=lang)
        owner_name = found.owner.name
        sees_by_plan = found.ids
        group = [p for p in group if p.id in found.ids]
    several = len(group) > 1
    cal = icalendar.Calendar()
    cal.add("prodid", f"-//tnplan//tnplan {__version__}//VI")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", _calendar_name(group, owner_name))
    zones = list(dict.fromkeys(p.document.timezone for p in group)) or ["Asia/Ho_Chi_Minh"]
    cal.add("x-wr-timezone", zones[0])
    years: list[int] = [y for p in group for y in (p.period.start.year, p.period.end.year)]
    events: list[icalendar.Event] = []

    for plan in group:
        tz = ZoneInfo(plan.document.timezone)
        sees = None if sees_by_plan is None else sees_by_plan.get(plan.id, frozenset())
        context = [f"Kế hoạch: {plan.document.title}"] if several else []

        def item(
            kind: str,
            ident: str,
            summary: str,
            lines: list[str],
            plan: model.Plan = plan,
            context: list[str] = context,
        ) -> icalendar.Event:
            ev = icalendar.Event()
            ev.add("uid", uid(plan, kind, ident))
            ev.add("summary", summary)
            text = "\n".join(line for line in [*context, *lines] if line)
            if text:
                ev.add("description", text)
            ev.add("categories", [kind, plan.id] if several else [kind])
            events.append(ev)
            return ev

        def all_day(ev: icalendar.Event, start: dt.date, end: dt.date) -> None:
            ev.add("dtstart", start)
            ev.add("dtend", end + dt.timedelta(days=1))
            ev.add("transp", "TRANSPARENT")
            years.extend((start.year, end.year))

        day = as_of or dt.date.max
        for a in plan.activities:
            _activity_events(plan, a, sees, tz, item, all_day, years, day)
        for d in plan.deadlines:
            if not _sees(sees, d.owners):
                continue
            when = f"{time_hm(d.time)} " if d.time else ""
            owing = _owner_units(plan, d.owners)
            got = {u for u in owing if state_on(plan, Owed(d, u), day).status == "reported"}
            pending = [u for u in owing if u not in got]
            ev = item(
                "deadline",
                d.id,
                f"Hạn: {d.title}",
                [
                    f"Đơn vị nộp: {_names(plan, d.owners)}",
                    f"Nơi nhận: {_names(plan, d.to)}" if d.to else "",
                    f"Hạn: {when}{date_short(d.due)}",
                    f"Đã nhận: {_names(plan, sorted(got, key=_order(plan)))}" if got else "",
                    f"Chưa nộp: {_names(plan, pending)}" if pending and got else "",
                ],
            )
            all_day(ev, d.due, d.due)
            ev.add("status", "CONFIRMED")
            if pending:
                _alarm(ev, f"Ngày mai đến hạn: {d.title}", dt.timedelta(hours=-15))

    previous = (state or {}).get("events", {})
    new_events: dict[str, Any] = {}
    changed: list[str] = []
    stamp = now.strftime("%Y%m%dT%H%M%SZ")
    for ev in events:
        key = str(ev["UID"])
        digest = hashlib.sha256(ev.to_ical()).hexdigest()
        before = previous.get(key)
        if before is None:
            seq, modified = 0, stamp
            changed.append(key)
        elif before.get("hash") != digest or before.get("removed"):
            seq, modified = int(before.get("sequence", 0)) + 1, stamp
            changed.append(key)
        else:
            seq, modified = int(before.get("sequence", 0)), str(before.get("modified", stamp))
        _stamp(ev, now, seq, modified)
        cal.add_component(ev)
        new_events[key] = {
            "hash": digest,
            "sequence": seq,
            "modified": modified,
            "summary": str(ev["SUMMARY"]),
            "start": _start_text(ev.decoded("DTSTART")),
        }
    for key, before in previous.items():
        if key in new_events:
            continue
        seq = int(before.get("sequence", 0)) + (0 if before.get("removed") else 1)
        modified = str(before.get("modified", stamp)) if before.get("removed") else stamp
        if not before.get("removed"):
            changed.append(key)
        gone = icalendar.Event()
        gone.add("uid", key)
        gone.add("summary", str(before.get("summary", "")))
        gone.add("dtstart", _start_value(str(before.get("start", now.date().strftime("%Y%m%d")))))
        gone.add("status", "CANCELLED")
        _stamp(gone, now, seq, modified)
        cal.add_component(gone)
        new_events[key] = {**before, "sequence": seq, "modified": modified, "removed": True}
    first, last = dt.date(min(years), 1, 1), dt.date(max(years) + 2, 1, 1)
    cal.add_missing_timezones(first_date=first, last_date=last)
    named = {str(tz["TZID"]) for tz in cal.timezones}
    for zone in zones:  # all-day items only: still name the zone they live in
        if zone not in named:
            cal.add_component(
                icalendar.Timezone.from_tzinfo(ZoneInfo(zone), first_date=first, last_date=last)
            )
            cal.subcomponents.insert(0, cal.subcomponents.pop())
    data: bytes = cal.to_ical()
    return Feed(data, {"format": STATE_FORMAT, "events": new_events}, changed)


def _start_text(value: dt.date) -> str:
    """A DTSTART for the state: ``20260514`` for a day, UTC ``20260514T010000Z`` for a time."""
    if isinstance(value, dt.datetime):
        return value.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    return value.strftime("%Y%m%d")


def _start_value(text: str) -> dt.date | dt.datetime:
    """A DTSTART kept in the state (``20260514`` or ``20260514T010000Z``) as a value."""
    if "T" not in text:
        return dt.datetime.strptime(text, "%Y%m%d").date()
    return dt.datetime.strptime(text, "%Y%m%dT%H%M%SZ").replace(tzinfo=dt.UTC)


def _stamp(ev: Any, now: dt.datetime, sequence: int, modified: str) -> None:
    ev.add("dtstamp", now)
    ev.add("sequence", sequence)
    ev.add("last-modified", dt.datetime.strptime(modified, "%Y%m%dT%H%M%SZ").replace(tzinfo=dt.UTC))


def _alarm(ev: Any, text: str, trigger: dt.timedelta) -> None:
    import icalendar

    al = icalendar.Alarm()
    al.add("action", "DISPLAY")
    al.add("description", text)
    al.add("trigger", trigger)
    ev.add_component(al)


def _status(ev: Any, value: str, tentative: bool) -> None:
    if value == "cancelled":
        ev.add("status", "CANCELLED")
    elif tentative or value == "postponed":
        ev.add("status", "TENTATIVE")
    else:
        ev.add("status", "CONFIRMED")


def _activity_events(
    plan: model.Plan,
    a: model.Activity,
    sees: frozenset[str] | None,
    tz: dt.tzinfo,
    item: Any,
    all_day: Any,
    years: list[int],
    as_of: dt.date = dt.date.max,
) -> None:
    """The calendar items of one activity: its window, its event, its dated tasks."""
    from ..calendar.markup import plain
    from ..calendar.vi import date_short, time_hm

    a_state = state_on(plan, a, as_of).status

    leads = [a.lead] if a.lead else []
    task_owners = [t.owner or a.lead for t in a.tasks]
    if not _sees(sees, [*leads, *a.support, *task_owners]):
        return
    head = f"{a.number}. {a.title}" if a.number is not None else a.title
    mark = " (dự kiến)" if a.tentative else ""
    about = [
        f"Đơn vị chủ trì: {_names(plan, leads)}" if leads else "",
        f"Đơn vị phối hợp: {_names(plan, a.support)}" if a.support else "",
        f"Trạng thái: {STATUS_VI[a_state]}"
        + (f" — {a.reason}" if a.reason and a_state in ("postponed", "cancelled") else ""),
    ]
    mine = _sees(sees, [*leads, *a.support])
    if mine and (a.event is None or a.start is not None or a.end is not None):
        start, end = plan.activity_window(a)
        bullets = [f"- {plain(b)}" for b in a.bullets]  # no `**` marks outside documents
        ev = item("activity", a.id, head + mark, [*about, *bullets])
        all_day(ev, start, end)
        _status(ev, a_state, a.tentative)
    if a.event is not None and mine:
        e = a.event
        name = (e.name or a.title) + (" (dự kiến)" if e.tentative or a.tentative else "")
        lines = [f"Hoạt động: {head}", f"Người chủ trì: {e.chair}" if e.chair else "", *about]
        days = model.event_days(e)
        for day in days:
            # A several-day event is one item a day (its own hours and venue); a one-day
            # event keeps the UID it always had.
            ident = a.id if len(days) == 1 else f"{a.id}.{day:%Y%m%d}"
            opens, end_time, venue = model.day_hours(e, day)
            ev = item("event", ident, name, [*lines, *e.notes])
            if venue:
                ev.add("location", venue)
            if opens is None:
                all_day(ev, day, day)
            else:
                ev.add("dtstart", dt.datetime.combine(day, opens, tz))
                if end_time is None and a.programme:
                    spans = [t for t in model.slot_schedule(e, a.programme) if t and t[0] == day]
                    end_time = spans[-1][2] if spans else None
                if end_time is not None:
                    ev.add("dtend", dt.datetime.combine(day, end_time, tz))
                years.append(day.year)
                if a_state not in model.CLOSED_STATUSES:
                    text = f"Ngày mai, {time_hm(opens)}: {name}"
                    _alarm(ev, text + (f" — {venue}" if venue else ""), dt.timedelta(days=-1))
            _status(ev, a_state, a.tentative or e.tentative)
    for n, t in enumerate(a.tasks, 1):
        who = t.owner or a.lead
        if t.due is None or not _sees(sees, [who]):
            continue
        status = state_on(plan, t, as_of, parent=a).status
        when = f"{time_hm(t.time)} " if t.time else ""
        ev = item(
            "task",
            f"{a.id}.{t.id or n}",
            f"Hạn: {t.title}",
            [
                f"Hoạt động: {head}",
                f"Đơn vị thực hiện: {_names(plan, [who])}" if who else "",
                f"Hạn: {when}{date_short(t.due)}",
                f"Trạng thái: {STATUS_VI[status]}",
            ],
        )
        all_day(ev, t.due, t.due)
        _status(ev, status, t.tentative)
        if status not in model.CLOSED_STATUSES:
            _alarm(ev, f"Ngày mai đến hạn: {t.title}", dt.timedelta(hours=-15))


def _owner_units(plan: model.Plan, ids: Iterable[str]) -> list[str]:
    from ..plan.check import expand_units

    return expand_units(plan, ids)


def _order(plan: model.Plan) -> Any:
    index = {u.id: i for i, u in enumerate(plan.units)}
    return lambda uid: index.get(uid, len(index))
