"""A year at a glance: each plan's period, activities, events and deadlines in one year.

``tnplan timeline --year 2026 plans/`` draws it with months across and plans down
(:func:`tnplan.track.views.year_view`); the states come from :mod:`tnplan.track.schedule`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .schedule import AsOf, Snapshot


@dataclass(frozen=True)
class Span:
    """An activity's days (clipped to the year), its status, whether it is late."""

    start: dt.date
    end: dt.date
    status: str
    late: bool


@dataclass(frozen=True)
class Milestone:
    """A day that matters: an event (``event``) or a reporting deadline (``deadline``)."""

    kind: str
    date: dt.date
    done: bool
    late: bool


@dataclass(frozen=True)
class YearRow:
    """One plan's year."""

    plan: str
    title: str
    start: dt.date
    end: dt.date
    spans: list[Span]
    marks: list[Milestone]
    done: int
    total: int
    late: int


@dataclass(frozen=True)
class Year:
    year: int
    as_of: AsOf
    rows: list[YearRow]


def year(snap: Snapshot, which: int) -> Year:
    """The plans of ``snap`` that have a day in year ``which``, in order of their start."""
    first, last = dt.date(which, 1, 1), dt.date(which, 12, 31)
    rows: list[YearRow] = []
    for p in snap.plans:
        plan = p.plan
        items = {it.id: it for it in p.activities}
        spans = []
        marks = []
        for a in plan.activities:
            start, end = plan.activity_window(a)
            it = items.get(a.id)
            if it is None or end < first or start > last:
                continue
            spans.append(Span(max(start, first), min(end, last), it.status, it.late))
            if a.event is not None and first <= a.event.date <= last:
                marks.append(Milestone("event", a.event.date, it.status == "done", False))
        for d in p.deadlines:
            if first <= d.due <= last:
                marks.append(Milestone("deadline", d.due, d.reported == d.owners, d.late > 0))
        dates = [p.start, p.end, *(s.start for s in spans), *(m.date for m in marks)]
        if not spans and not marks and not (p.start <= last and p.end >= first):
            continue
        if not any(first <= x <= last for x in dates) and not (p.start < first and p.end > last):
            continue
        prog = p.progress
        rows.append(
            YearRow(
                plan=p.id,
                title=p.title,
                start=p.start,
                end=p.end,
                spans=spans,
                marks=sorted(marks, key=lambda m: (m.date, m.kind)),
                done=prog.done,
                total=prog.total - prog.by_status["cancelled"],
                late=prog.late,
            )
        )
    rows.sort(key=lambda r: (r.start, r.plan))
    return Year(which, snap.as_of, rows)
