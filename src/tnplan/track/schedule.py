"""Where plans stand as of a date: items, what is late, what falls due next, progress.

Pure data, no printing: :func:`snapshot` turns valid plans and an :class:`AsOf` moment into a
:class:`Snapshot` that the views (terminal, JSON) only present.

What is tracked, one :class:`Item` each:

* every **activity** (due at the end of its window: its own dates, its event's day, or the
  plan period);
* every **task** of an activity (due on its ``due`` date, at ``time`` if given);
* every **report owed**: one item per unit per deadline, groups expanded to their members;
  a unit has reported when a ``received`` entry names it (or a group it belongs to).

Time rules.  A due date without a time is due at the end of that day in the plan's time zone
(``document.timezone``).  An as-of *date* means the end of that day; ``today`` means now, in
the plan's time zone.  An item is late when it is still open (not done, cancelled or
reported) and its due moment is before the as-of moment.  Days late are counted in calendar
days and in working days (weekends, Vietnamese public holidays and the plan's
``calendar.holidays`` skipped; ``calendar.workdays`` counted).  Tasks of a cancelled activity
count as cancelled.
"""

from __future__ import annotations

import datetime as dt
import functools
import heapq
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Literal, TypeVar

from ..plan import model
from ..plan.problems import TnplanError

Kind = Literal["activity", "task", "report"]
Phase = Literal["before", "during", "after"]

ITEM_STATUSES: tuple[str, ...] = (
    "planned",
    "in_progress",
    "postponed",
    "done",
    "reported",
    "cancelled",
)
"""Every status an item can have, in the order progress lists them."""
CLOSED = frozenset({"done", "cancelled", "reported"})
KINDS: tuple[Kind, ...] = ("activity", "task", "report")

ROWS = 20
"""How many rows a long list shows on the terminal, the nearest the as-of date (``--all``:
every one); the list says how many there are in all."""

T = TypeVar("T")


def nearest(items: Sequence[T], n: int | None, distance: Callable[[T], int]) -> list[T]:
    """The ``n`` items with the smallest ``distance`` (the first ones on a tie), in their own
    order; all of them when ``n`` is None or they are not more than ``n``."""
    if n is None or len(items) <= n:
        return list(items)
    chosen = heapq.nsmallest(n, range(len(items)), key=lambda i: (distance(items[i]), i))
    return [items[i] for i in sorted(chosen)]


def days_from(day: dt.date, start: dt.date | None, end: dt.date | None) -> int:
    """Days between ``day`` and the span ``start``–``end`` (0 inside it; far with no dates)."""
    if start is None and end is None:
        return 1 << 30
    lo, hi = start or end, end or start
    assert lo is not None and hi is not None
    if lo <= day <= hi:
        return 0
    return min(abs((lo - day).days), abs((hi - day).days))


@dataclass(frozen=True)
class AsOf:
    """The moment plans are looked at: a date in the plan's zone, and the instant it means."""

    date: dt.date
    moment: dt.datetime
    """Timezone-aware: the end of ``date``, or now for ``today``."""
    today: bool = False


@functools.lru_cache(maxsize=4096)
def end_of_day(day: dt.date, tz: str) -> dt.datetime:
    """The instant a day ends in a time zone (the next day's midnight).

    A plan's items share a few hundred days: each is worked out once."""
    from zoneinfo import ZoneInfo

    return dt.datetime.combine(day + dt.timedelta(days=1), dt.time(), tzinfo=ZoneInfo(tz))


_TODAY_WORDS = frozenset({"today", "hôm nay", "homnay", "nay"})


def parse_as_of(
    text: str, tz: str = "Asia/Ho_Chi_Minh", *, lang: str = "vi", now: dt.datetime | None = None
) -> AsOf:
    """Read ``--as-of``: ``2026-05-14``, ``14/5/2026``, ``14/5/2026 15:00`` or ``today``.

    A date alone means the end of that day; with a time, that moment (in ``tz``); ``today``
    is now in ``tz``.

    Raises :class:`TnplanError` (exit code 2, a usage error) for anything else.
    """
    from zoneinfo import ZoneInfo

    from ..calendar.vi import ReadError, fold, nfc, parse_date

    word = fold(nfc(text).strip())
    if word in _TODAY_WORDS:
        zone = ZoneInfo(tz)
        current = (now or dt.datetime.now(dt.UTC)).astimezone(zone)
        return AsOf(current.date(), current, today=True)
    clock: dt.time | None = None
    head, _, tail = nfc(text).strip().rpartition(" ")
    if head and ":" in tail:  # ``8/5/2026 15:00``: a moment on that day
        from ..calendar.vi import parse_time

        try:
            clock = parse_time(tail)
            text = head
        except ValueError:
            clock = None
    try:
        day = parse_date(text)
    except ValueError as exc:
        reason = exc.en if lang == "en" and isinstance(exc, ReadError) else str(exc)
        raise TnplanError(
            f"--as-of: {reason}",
            hint="ví dụ --as-of 14/5/2026 hoặc --as-of today"
            if lang == "vi"
            else "for example --as-of 14/5/2026, 2026-05-14 or today",
            exit_code=2,
        ) from None
    if clock is not None:
        from zoneinfo import ZoneInfo

        return AsOf(day, dt.datetime.combine(day, clock, tzinfo=ZoneInfo(tz)))
    return AsOf(day, end_of_day(day, tz))


def parse_day(text: str, option: str, *, lang: str = "vi") -> dt.date:
    """A date option other than ``--as-of`` (``--from``, ``--to``); usage error if bad."""
    from ..calendar.vi import ReadError, parse_date

    try:
        return parse_date(text)
    except ValueError as exc:
        msg = f"{option}: {exc.en if lang == 'en' and isinstance(exc, ReadError) else exc}"
        raise TnplanError(
            msg, hint="ví dụ 14/5/2026" if lang == "vi" else "e.g. 14/5/2026", exit_code=2
        ) from None


# Items --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Owner:
    """A unit that owns items: its id, full name and the short name tables show.

    ``agency`` is :func:`agency_key` of the plan that declares it: ``vp`` of one agency and
    ``vp`` of another are two owners.
    """

    id: str
    name: str
    short: str
    agency: str = ""


def agency_key(plan: model.Plan) -> str:
    """Who issues a plan, as a key: its parent body and agency, case and accents folded.

    Plans of one agency share their units (``vp`` is the same office in each); a unit id in
    a plan of another agency is another unit.  The abbreviation alone is not enough: every
    province's Department of Science and Technology is ``SKHCN``.
    """
    from ..calendar.vi import fold

    doc = plan.document
    return f"{fold(doc.parent or '').strip()}/{fold(doc.agency).strip()}"


@dataclass(frozen=True)
class Item:
    """One thing that is due: an activity, a task, or one unit's report for a deadline."""

    kind: Kind
    plan: str
    id: str
    """Activity id; task id (``<activity>#<n>`` when the task has none); ``<deadline>/<unit>``."""
    title: str
    owner: str | None
    """The lead unit, the task's owner, or the reporting unit (an id; None when not given)."""
    owner_name: str
    """The owner's short name (its name when it has none), or ``—``."""
    number: int | None
    activity: str | None
    deadline: str | None
    start: dt.date | None
    due: dt.date | None
    due_time: dt.time | None
    status: str
    done_on: dt.date | None
    tentative: bool
    late: bool
    days_late: int
    working_days_late: int
    days_left: int | None
    """Calendar days from the as-of date to the due date, for open items not late."""
    support: tuple[str, ...] = ()
    """For an activity: the supporting units' ids (phối hợp)."""
    supporting: bool = False
    """Shown to ``--owner X`` because X supports it (phối hợp), not because X leads it."""

    @property
    def open(self) -> bool:
        return self.status not in CLOSED


class _Calendar:
    """Working days of one plan (public holidays plus the plan's own extras), and its units'
    short names; each answer is kept, since thousands of items share a few hundred dates."""

    def __init__(self, plan: model.Plan) -> None:
        cal = plan.calendar
        self.plan = plan
        self.off = frozenset(cal.holidays) if cal else frozenset()
        self.on = frozenset(cal.workdays) if cal else frozenset()
        self._between: dict[tuple[dt.date, dt.date], int] = {}
        self._names: dict[str, str] = {}

    def between(self, a: dt.date, b: dt.date) -> int:
        from ..calendar.holidays import working_days_between

        found = self._between.get((a, b))
        if found is None:
            found = self._between[a, b] = working_days_between(a, b, self.off, self.on)
        return found

    def owner_name(self, uid: str) -> str:
        """The unit's short name (:func:`owner_of`)."""
        found = self._names.get(uid)
        if found is None:
            found = self._names[uid] = owner_of(self.plan, uid).short
        return found

    def working(self, d: dt.date) -> bool:
        from ..calendar.holidays import is_working_day

        return is_working_day(d, self.off, self.on)


def owner_of(plan: model.Plan, uid: str) -> Owner:
    """The :class:`Owner` for a unit id (an unknown id shows as itself)."""
    unit = plan.unit(uid)
    if unit is None:
        return Owner(uid, uid, uid, agency_key(plan))
    return Owner(unit.id, unit.name, unit.short or unit.name, agency_key(plan))


def _item(
    plan: model.Plan,
    cal: _Calendar,
    as_of: AsOf,
    *,
    kind: Kind,
    iid: str,
    title: str,
    owner: str | None,
    status: str,
    due: dt.date | None,
    due_time: dt.time | None = None,
    start: dt.date | None = None,
    done_on: dt.date | None = None,
    number: int | None = None,
    activity: str | None = None,
    deadline: str | None = None,
    tentative: bool = False,
    support: tuple[str, ...] = (),
) -> Item:
    late = False
    days_late = working_late = 0
    days_left: int | None = None
    if due is not None and status not in CLOSED:
        tz = plan.document.timezone
        if due_time is None:
            due_at = end_of_day(due, tz)
        else:
            due_at = end_of_day(due, tz) - dt.timedelta(days=1)
            due_at = due_at.replace(hour=due_time.hour, minute=due_time.minute)
        if due_at < as_of.moment:
            late = True
            days_late = max(0, (as_of.date - due).days)
            working_late = max(0, cal.between(due, as_of.date))
        else:
            days_left = (due - as_of.date).days
    # Made as Item(...) makes it, field by field, without the frozen class's __setattr__ per
    # field: a plan of 10,000 activities has twice as many items.
    item = _new(Item)
    item.__dict__.update(
        kind=kind,
        plan=plan.id,
        id=iid,
        title=title,
        owner=owner,
        owner_name=cal.owner_name(owner) if owner else "—",
        number=number,
        activity=activity,
        deadline=deadline,
        start=start,
        due=due,
        due_time=due_time,
        status=status,
        done_on=done_on,
        tentative=tentative,
        late=late,
        days_late=days_late,
        working_days_late=working_late,
        days_left=days_left,
        support=support,
        supporting=False,
    )
    return item


_new = object.__new__


def plan_items(plan: model.Plan, as_of: AsOf) -> list[Item]:
    """Every item of a plan, in plan order: each activity then its tasks, then the reports.

    Each item's status is its state on the as-of day (:func:`tnplan.plan.state.state_on`),
    not what the file says now.
    """
    from ..plan.check import expand_units
    from ..plan.state import Owed, state_on

    cal = _Calendar(plan)
    items: list[Item] = []
    for a in plan.activities:
        start, end = plan.activity_window(a)
        st = state_on(plan, a, as_of.date)
        items.append(
            _item(
                plan,
                cal,
                as_of,
                kind="activity",
                iid=a.id,
                title=a.title,
                owner=a.lead,
                status=st.status,
                due=end,
                start=start,
                done_on=st.on,
                number=a.number,
                activity=a.id,
                tentative=a.tentative or bool(a.event and a.event.tentative),
                support=tuple(a.support),
            )
        )
        for i, t in enumerate(a.tasks, start=1):
            ts = state_on(plan, t, as_of.date, parent=a)
            items.append(
                _item(
                    plan,
                    cal,
                    as_of,
                    kind="task",
                    iid=t.id or f"{a.id}#{i}",
                    title=t.title,
                    owner=t.owner,
                    status=ts.status,
                    due=t.due,
                    due_time=t.time,
                    done_on=ts.on,
                    number=a.number,
                    activity=a.id,
                    tentative=t.tentative,
                )
            )
    for d in plan.deadlines:
        for uid in expand_units(plan, d.owners):
            rs = state_on(plan, Owed(d, uid), as_of.date)
            items.append(
                _item(
                    plan,
                    cal,
                    as_of,
                    kind="report",
                    iid=f"{d.id}/{uid}",
                    title=d.title,
                    owner=uid,
                    status=rs.status,
                    due=d.due,
                    due_time=d.time,
                    done_on=rs.on,
                    deadline=d.id,
                )
            )
    return items


# Owners -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class OwnerFilter:
    """The unit ``--owner`` named, and per plan the owner ids whose items it sees."""

    owner: Owner
    ids: dict[str, frozenset[str]]

    def sees(self, item: Item) -> bool:
        mine = self.ids.get(item.plan, frozenset())
        return (item.owner is not None and item.owner in mine) or self.supports(item)

    def supports(self, item: Item) -> bool:
        """The unit does not own ``item`` but supports it (an activity's phối hợp)."""
        mine = self.ids.get(item.plan, frozenset())
        if item.owner is not None and item.owner in mine:
            return False
        return any(u in mine for u in item.support)


def resolve_owner(plans: Sequence[model.Plan], text: str, *, lang: str = "vi") -> OwnerFilter:
    """Find the unit ``text`` names (its id, name or short name; case and NFC-insensitive).

    The filter sees the unit's own items, its members' (for a group) and those of the groups
    it belongs to, in every plan of the same agency that declares it (a unit of another
    agency with the same id is another unit).  When plans of several agencies have such a
    unit, ``PLAN:UNIT`` (a plan's id, then the unit) says which.  An unknown or ambiguous
    unit is a usage error (exit code 2) with a hint.
    """
    from ..calendar.vi import fold
    from ..plan.check import expand_units
    from ..plan.messages import Reporter

    vi = lang == "vi"
    where = list(plans)
    name = text
    head, sep, rest = text.partition(":")
    if sep and any(p.id == head.strip() for p in plans):
        where = [p for p in plans if p.id == head.strip()]
        name = rest
    wanted = fold(name.strip())
    matches: list[tuple[model.Plan, model.Unit]] = []
    for plan in where:
        matches += [(plan, u) for u in plan.units if wanted == fold(u.id)]
    if not matches:
        for plan in where:
            matches += [
                (plan, u) for u in plan.units if wanted in (fold(u.name), fold(u.short or ""))
            ]
    if not matches:
        known = {u.id: u.name for plan in where for u in plan.units}
        hint = Reporter("", lang).suggest_id(name, known, "unit")
        raise TnplanError(
            f"không có đơn vị `{text}` trong kế hoạch" if vi else f"no unit `{text}` in the plan",
            hint=hint,
            exit_code=2,
        )
    agencies: dict[str, tuple[model.Plan, model.Unit]] = {}
    for plan, unit in matches:
        agencies.setdefault(agency_key(plan), (plan, unit))
    if len(agencies) > 1:
        qualified = ", ".join(f"`{p.id}:{u.id}`" for p, u in agencies.values())
        raise TnplanError(
            f"`{text}` là đơn vị của {len(agencies)} cơ quan khác nhau"
            if vi
            else f"`{text}` is a unit of {len(agencies)} different agencies",
            hint=f"chỉ rõ kế hoạch: {qualified}" if vi else f"name the plan: {qualified}",
            exit_code=2,
        )
    ((agency, (home, found)),) = agencies.items()
    uid = found.id
    ids: dict[str, frozenset[str]] = {}
    for plan in plans:
        if plan.unit(uid) is None or agency_key(plan) != agency:
            continue
        seen = {uid, *expand_units(plan, [uid])}
        if not _is_group(plan, uid):
            seen |= _groups_holding(plan, uid)
        ids[plan.id] = frozenset(seen)
    owner = Owner(found.id, found.name, found.short or found.name, agency_key(home))
    return OwnerFilter(owner, ids)


def _is_group(plan: model.Plan, uid: str) -> bool:
    unit = plan.unit(uid)
    return unit is not None and bool(unit.members)


def _groups_holding(plan: model.Plan, uid: str) -> set[str]:
    """The groups of units that the unit ``uid`` belongs to, directly or through others.

    Walked up from the unit once (each group's members read once), not by expanding every
    group: a chain of thousands of nested groups stays linear."""
    parents: dict[str, list[str]] = {}
    for u in plan.units:
        for m in u.members:
            parents.setdefault(m, []).append(u.id)
    found: set[str] = set()
    stack = [uid]
    while stack:
        for g in parents.get(stack.pop(), ()):
            if g not in found:
                found.add(g)
                stack.append(g)
    found.discard(uid)
    return found


# Summaries ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Progress:
    """Counts of items by status, overall and per kind."""

    total: int
    by_status: dict[str, int]
    by_kind: dict[str, tuple[int, int]]
    """kind → (done or reported, total not cancelled)."""
    late: int

    @property
    def done(self) -> int:
        return self.by_status["done"] + self.by_status["reported"]

    @property
    def ratio(self) -> float:
        """Done (or reported) out of everything not cancelled; 0 when there is nothing."""
        counted = self.total - self.by_status["cancelled"]
        return self.done / counted if counted else 0.0


def progress(items: Iterable[Item]) -> Progress:
    by_status = dict.fromkeys(ITEM_STATUSES, 0)
    kinds = {k: [0, 0] for k in KINDS}
    total = late = 0
    for it in items:
        total += 1
        by_status[it.status] += 1
        if it.status != "cancelled":
            kinds[it.kind][1] += 1
        if it.status in ("done", "reported"):
            kinds[it.kind][0] += 1
        late += it.late
    return Progress(total, by_status, {k: (v[0], v[1]) for k, v in kinds.items()}, late)


@dataclass(frozen=True)
class DeadlineStatus:
    """A reporting deadline: how many units owe, have reported, are late."""

    plan: str
    id: str
    title: str
    due: dt.date
    due_time: dt.time | None
    owners: int
    reported: int
    late: int
    days_left: int | None
    """Calendar days to the due date (negative once past)."""
    owner_name: str
    """The one owing unit's short name, or how many units owe."""


@dataclass(frozen=True)
class NextDue:
    """Something falling due on or after the as-of date: a task, or a deadline."""

    kind: Literal["task", "deadline"]
    plan: str
    id: str
    title: str
    due: dt.date
    due_time: dt.time | None
    owner_name: str
    days_left: int
    reported: int | None = None
    owners: int | None = None


@dataclass(frozen=True)
class OwnerLoad:
    """How many open and late items a unit has."""

    owner: Owner
    open: int
    late: int


@dataclass(frozen=True)
class PlanStatus:
    """One plan as of the date."""

    id: str
    title: str
    theme: str | None
    timezone: str
    start: dt.date
    end: dt.date
    day: dt.date | None
    phase: Phase
    days_to_start: int
    """Calendar days from the as-of date to the first day (negative once started)."""
    day_of_period: int | None
    """During the period: which day of it (1-based); else None."""
    period_days: int
    days_to_day: int | None
    """Calendar days to the day itself (18/5): positive before, 0 on it, negative after."""
    days_since_end: int
    items: list[Item]
    activities: list[Item]
    progress: Progress
    deadlines: list[DeadlineStatus]
    next_due: list[NextDue]
    owners: list[OwnerLoad]
    plan: model.Plan = field(repr=False, compare=False)


@dataclass(frozen=True)
class Snapshot:
    """Plans as of a date, optionally seen by one owner."""

    as_of: AsOf
    owner: Owner | None
    plans: list[PlanStatus]

    @property
    def items(self) -> list[Item]:
        return [it for p in self.plans for it in p.items]

    @property
    def late(self) -> list[Item]:
        return [it for it in self.items if it.late]


def _phase(period: model.Period, day: dt.date) -> Phase:
    if day < period.start:
        return "before"
    if day > period.end:
        return "after"
    return "during"


def owner_loads(items: Iterable[Item], plans: Sequence[model.Plan]) -> list[OwnerLoad]:
    """Units with open items, the most late first, then the most open, then by name."""
    from ..calendar.vi import sort_key

    by_plan = {p.id: p for p in plans}
    agencies = {p.id: agency_key(p) for p in plans}
    counts: dict[tuple[str, str], list[int]] = {}
    owners: dict[tuple[str, str], Owner] = {}
    for it in items:
        if it.owner is None or not it.open or it.supporting:
            continue
        key = (agencies[it.plan], it.owner)
        count = counts.get(key)
        if count is None:
            count = counts[key] = [0, 0]
            owners[key] = owner_of(by_plan[it.plan], it.owner)
        count[0] += 1
        count[1] += it.late
    loads = [OwnerLoad(owners[k], v[0], v[1]) for k, v in counts.items()]
    loads.sort(key=lambda o: (-o.late, -o.open, sort_key(o.owner.short)))
    return loads


def _reports_by_deadline(items: Iterable[Item]) -> dict[str, list[Item]]:
    """The units' report items of each deadline, in order."""
    out: dict[str, list[Item]] = {}
    for it in items:
        if it.kind == "report" and it.deadline is not None:
            out.setdefault(it.deadline, []).append(it)
    return out


def _deadlines(plan: model.Plan, items: list[Item], as_of: AsOf) -> list[DeadlineStatus]:
    out = []
    reports = _reports_by_deadline(items)
    for d in plan.deadlines:
        mine = reports.get(d.id, [])
        if not mine:
            continue
        name = mine[0].owner_name if len(mine) == 1 else ""
        out.append(
            DeadlineStatus(
                plan=plan.id,
                id=d.id,
                title=d.title,
                due=d.due,
                due_time=d.time,
                owners=len(mine),
                reported=sum(it.status == "reported" for it in mine),
                late=sum(it.late for it in mine),
                days_left=(d.due - as_of.date).days,
                owner_name=name,
            )
        )
    out.sort(key=lambda d: (d.due, d.due_time or dt.time.max))
    return out


def _next_due(items: list[Item], deadlines: list[DeadlineStatus]) -> list[NextDue]:
    out: list[NextDue] = []
    for it in items:
        if it.kind == "task" and it.due and it.days_left is not None:
            out.append(
                NextDue(
                    "task",
                    it.plan,
                    it.id,
                    it.title,
                    it.due,
                    it.due_time,
                    it.owner_name,
                    it.days_left,
                )
            )
    for d in deadlines:
        if d.reported < d.owners and d.days_left is not None and d.days_left >= 0:
            out.append(
                NextDue(
                    "deadline",
                    d.plan,
                    d.id,
                    d.title,
                    d.due,
                    d.due_time,
                    d.owner_name,
                    d.days_left,
                    d.reported,
                    d.owners,
                )
            )
    out.sort(key=lambda n: (n.due, n.due_time or dt.time.max, n.kind != "deadline"))
    return out


def plan_status(plan: model.Plan, as_of: AsOf, owner: OwnerFilter | None = None) -> PlanStatus:
    """One plan as of the date (only the owner's items when ``owner`` is given)."""
    items = plan_items(plan, as_of)
    if owner is not None:
        import dataclasses

        items = [
            dataclasses.replace(it, supporting=True) if owner.supports(it) else it
            for it in items
            if owner.sees(it)
        ]
    period = plan.period
    phase = _phase(period, as_of.date)
    deadlines = _deadlines(plan, items, as_of)
    return PlanStatus(
        id=plan.id,
        title=plan.document.title,
        theme=plan.theme,
        timezone=plan.document.timezone,
        start=period.start,
        end=period.end,
        day=period.day,
        phase=phase,
        days_to_start=(period.start - as_of.date).days,
        day_of_period=(as_of.date - period.start).days + 1 if phase == "during" else None,
        period_days=(period.end - period.start).days + 1,
        days_to_day=(period.day - as_of.date).days if period.day else None,
        days_since_end=(as_of.date - period.end).days,
        items=items,
        activities=[it for it in items if it.kind == "activity"],
        progress=progress(it for it in items if not it.supporting),
        deadlines=deadlines,
        next_due=_next_due(items, deadlines),
        owners=owner_loads(items, [plan]),
        plan=plan,
    )


def snapshot(
    plans: Sequence[model.Plan], as_of: AsOf, owner: OwnerFilter | None = None
) -> Snapshot:
    """Every plan as of the date; with ``owner``, only the plans and items it is part of."""
    chosen = [p for p in plans if owner is None or p.id in owner.ids]
    return Snapshot(
        as_of, owner.owner if owner else None, [plan_status(p, as_of, owner) for p in chosen]
    )


# Overdue and upcoming -----------------------------------------------------------------------


@dataclass(frozen=True)
class OwnerGroup:
    """One owner's late items, across plans."""

    owner: Owner
    items: list[Item]


def overdue(snap: Snapshot) -> list[OwnerGroup]:
    """Late items grouped by owner: the owners with most late first, items most late first.

    Items without an owner come last, under an owner with id ``""``.
    """
    from ..calendar.vi import sort_key

    groups: dict[tuple[str, str], list[Item]] = {}
    names: dict[tuple[str, str], Owner] = {}
    for p in snap.plans:
        agency = agency_key(p.plan)
        for it in p.items:
            if not it.late:
                continue
            key = (agency, it.owner) if it.owner else ("", "")
            groups.setdefault(key, []).append(it)
            if key not in names:
                names[key] = owner_of(p.plan, key[1]) if it.owner else Owner("", "—", "—")
    out = []
    for key, its in groups.items():
        its.sort(key=lambda it: (-it.days_late, it.plan, it.due or dt.date.min))
        out.append(OwnerGroup(names[key], its))
    out.sort(key=lambda g: (g.owner.id == "", -len(g.items), sort_key(g.owner.short)))
    return out


@dataclass(frozen=True)
class Upcoming:
    """An open item with a date coming up: an activity starting or ending, a task, a report."""

    item: Item
    date: dt.date
    what: Literal["start", "end", "due"]
    days: int


def upcoming(snap: Snapshot, days: int) -> list[Upcoming]:
    """Open items with a date from the as-of date to ``days`` days after it, by date.

    Activities appear on the day they start (when not started yet) or end; tasks and reports
    on their due date.  Late items are not here: they are in :func:`overdue`.
    """
    today = snap.as_of.date
    last = today + dt.timedelta(days=days)
    out: list[Upcoming] = []
    for it in snap.items:
        if not it.open or it.late or it.due is None:
            continue
        what: Literal["start", "end", "due"] = "due"
        day = it.due
        if it.kind == "activity":
            what = "end"
            if it.start and it.start > today:
                day, what = it.start, "start"
        if today <= day <= last:
            out.append(Upcoming(it, day, what, (day - today).days))
    order = {"activity": 0, "task": 1, "report": 2}
    out.sort(key=lambda u: (u.date, u.item.due_time or dt.time.max, order[u.item.kind]))
    return out


def working_day(plan: model.Plan, day: dt.date) -> bool:
    """Whether ``day`` is a working day for this plan."""
    return _Calendar(plan).working(day)


# Timeline -----------------------------------------------------------------------------------

DayKind = Literal["work", "weekend", "holiday"]


@dataclass(frozen=True)
class Day:
    """One day of a timeline: whether it is worked, and the holiday's name if it is one."""

    date: dt.date
    kind: DayKind
    holiday: str | None = None


@dataclass(frozen=True)
class TimelineRow:
    """One row of a Gantt chart: a plan heading, an activity, a task, a deadline, a report."""

    level: int
    """0 for plans, activities and deadlines; 1 for tasks and units' reports beneath them."""
    kind: Literal["plan", "activity", "task", "deadline", "report"]
    plan: str
    id: str
    title: str
    number: int | None
    start: dt.date | None
    end: dt.date | None
    milestone: bool
    status: str
    late: bool
    tentative: bool
    supporting: bool = False
    """An activity the unit asked for (``--owner``) supports rather than leads (phối hợp)."""


@dataclass(frozen=True)
class Timeline:
    """What a Gantt chart shows: the days across and the rows down."""

    as_of: AsOf
    start: dt.date
    end: dt.date
    days: list[Day]
    rows: list[TimelineRow]
    owner: Owner | None
    activities: int = 0
    """How many activities the plans hold (``rows`` may show only the nearest)."""
    hidden: int = 0
    """How many of them ``rows`` leaves out."""


def _day_kind(plans: Sequence[model.Plan], day: dt.date) -> Day:
    from ..calendar.holidays import holiday_name

    cal = _Calendar(plans[0]) if plans else None
    name = holiday_name(day)
    if cal is not None and day in cal.off:
        return Day(day, "holiday", name)
    if cal is not None and day in cal.on:
        return Day(day, "work")
    if name:
        return Day(day, "holiday", name)
    return Day(day, "weekend" if day.weekday() >= 5 else "work")


def _row(
    kind: Literal["plan", "activity", "task", "deadline", "report"],
    plan: str,
    iid: str,
    title: str,
    start: dt.date | None,
    end: dt.date | None,
    status: str,
    *,
    level: int = 0,
    number: int | None = None,
    milestone: bool = False,
    late: bool = False,
    tentative: bool = False,
    supporting: bool = False,
) -> TimelineRow:
    return TimelineRow(
        level, kind, plan, iid, title, number, start, end, milestone, status, late, tentative,
        supporting,
    )  # fmt: skip


def _deadline_row(plan: str, d: DeadlineStatus) -> TimelineRow:
    if d.reported == d.owners:
        status = "reported"
    elif d.reported:
        status = "in_progress"
    else:
        status = "planned"
    return _row(
        "deadline", plan, d.id, d.title, d.due, d.due, status, milestone=True, late=d.late > 0
    )


def _span(
    snap: Snapshot,
    rows: Sequence[TimelineRow],
    start: dt.date | None,
    end: dt.date | None,
    margin: int,
) -> tuple[dt.date, dt.date]:
    """The days a chart shows: what the plans hold with a margin, the as-of date ±1 day.

    A given ``start`` or ``end`` wins; the other end then shows at least a week.
    """
    one = dt.timedelta(days=1)
    dates = [d for p in snap.plans for d in (p.start, p.end)]
    dates += [d for r in rows for d in (r.start, r.end) if d is not None]
    today = snap.as_of.date
    lo = min(min(dates, default=today) - margin * one, today - one)
    hi = max(max(dates, default=today) + margin * one, today + one)
    if start is not None and end is not None:
        return (start, end) if start <= end else (end, start)
    if start is not None:
        return start, max(hi, start + 6 * one)
    if end is not None:
        return min(lo, end - 6 * one), end
    return lo, hi


def timeline(
    snap: Snapshot,
    *,
    start: dt.date | None = None,
    end: dt.date | None = None,
    all_items: bool = False,
    margin: int = 2,
    rows_shown: int | None = None,
) -> Timeline:
    """Rows and days of a Gantt chart.

    The default span is every plan's period and every row's dates (deadlines included) plus
    the as-of date, with ``margin`` days either side; ``start``/``end`` override it.  With
    ``rows_shown``, each plan shows only that many activities, the nearest the as-of date.
    """
    rows: list[TimelineRow] = []
    several = len(snap.plans) > 1
    today = snap.as_of.date
    total = hidden = 0
    for p in snap.plans:
        if several:
            rows.append(_row("plan", p.id, p.id, p.title, p.start, p.end, "planned"))
        shown = nearest(p.activities, rows_shown, lambda it: days_from(today, it.start, it.due))
        total += len(p.activities)
        hidden += len(p.activities) - len(shown)
        keep = {it.activity for it in shown}
        reports = _reports_by_deadline(p.items)
        for it in p.items:
            if it.activity not in keep and it.kind != "report":
                continue
            if it.kind == "activity":
                rows.append(
                    _row(
                        "activity", p.id, it.id, it.title, it.start, it.due, it.status,
                        number=it.number, late=it.late, tentative=it.tentative,
                        supporting=it.supporting,
                    )
                )  # fmt: skip
            elif it.kind == "task" and all_items:
                rows.append(
                    _row(
                        "task", p.id, it.id, it.title, it.due, it.due, it.status, level=1,
                        number=it.number, milestone=True, late=it.late, tentative=it.tentative,
                    )
                )  # fmt: skip
        for d in p.deadlines:
            rows.append(_deadline_row(p.id, d))
            if all_items:
                rows.extend(
                    _row(
                        "report", p.id, it.id, it.owner_name, it.due, it.due, it.status,
                        level=1, milestone=True, late=it.late,
                    )
                    for it in reports.get(d.id, [])
                )  # fmt: skip
    first, last = _span(snap, rows, start, end, margin)
    plans = [p.plan for p in snap.plans]
    n = (last - first).days + 1
    days = [_day_kind(plans, first + dt.timedelta(days=i)) for i in range(n)]
    return Timeline(snap.as_of, first, last, days, rows, snap.owner, total, hidden)


# JSON forms (documented in docs/json.md) ----------------------------------------------------

STATUS_FORMAT = "tnplan-status/1"
OVERDUE_FORMAT = "tnplan-overdue/1"


def _iso(d: dt.date | None) -> str | None:
    return d.isoformat() if d else None


def _hm(t: dt.time | None) -> str | None:
    return f"{t.hour:02d}:{t.minute:02d}" if t else None


def _owner_json(o: Owner | None) -> dict[str, str] | None:
    if o is None or not o.id:
        return None
    return {"id": o.id, "name": o.name, "short": o.short}


def item_json(it: Item) -> dict[str, object]:
    """One item as JSON: the same keys for every kind."""
    return {
        "kind": it.kind,
        "plan": it.plan,
        "id": it.id,
        "title": it.title,
        "owner": it.owner,
        "owner_name": it.owner_name if it.owner else None,
        "number": it.number,
        "activity": it.activity,
        "deadline": it.deadline,
        "start": _iso(it.start),
        "due": _iso(it.due),
        "due_time": _hm(it.due_time),
        "status": it.status,
        "done_on": _iso(it.done_on),
        "tentative": it.tentative,
        "late": it.late,
        "days_late": it.days_late,
        "working_days_late": it.working_days_late,
        "days_left": it.days_left,
        "supporting": it.supporting,
    }


def status_json(snap: Snapshot) -> dict[str, object]:
    """``tnplan status --json``."""
    plans = []
    for p in snap.plans:
        prog = p.progress
        plans.append(
            {
                "id": p.id,
                "title": p.title,
                "theme": p.theme,
                "timezone": p.timezone,
                "period": {"start": _iso(p.start), "end": _iso(p.end), "day": _iso(p.day)},
                "phase": p.phase,
                "days_to_start": p.days_to_start,
                "day_of_period": p.day_of_period,
                "period_days": p.period_days,
                "days_to_day": p.days_to_day,
                "days_since_end": p.days_since_end,
                "progress": {
                    "total": prog.total,
                    "done": prog.done,
                    "late": prog.late,
                    "ratio": round(prog.ratio, 4),
                    "by_status": prog.by_status,
                    "by_kind": {k: {"done": v[0], "total": v[1]} for k, v in prog.by_kind.items()},
                },
                "activities": [item_json(it) for it in p.activities],
                "deadlines": [
                    {
                        "id": d.id,
                        "title": d.title,
                        "due": _iso(d.due),
                        "due_time": _hm(d.due_time),
                        "owners": d.owners,
                        "reported": d.reported,
                        "late": d.late,
                        "days_left": d.days_left,
                    }
                    for d in p.deadlines
                ],
                "next_due": [
                    {
                        "kind": n.kind,
                        "id": n.id,
                        "title": n.title,
                        "due": _iso(n.due),
                        "due_time": _hm(n.due_time),
                        "days_left": n.days_left,
                        "reported": n.reported,
                        "owners": n.owners,
                    }
                    for n in p.next_due
                ],
                "owners": [
                    {**(_owner_json(o.owner) or {}), "open": o.open, "late": o.late}
                    for o in p.owners
                ],
                "items": [item_json(it) for it in p.items],
            }
        )
    return {
        "format": STATUS_FORMAT,
        "as_of": snap.as_of.date.isoformat(),
        "owner": _owner_json(snap.owner),
        "plans": plans,
    }


def overdue_json(snap: Snapshot, groups: Sequence[OwnerGroup]) -> dict[str, object]:
    """``tnplan overdue --json``."""
    return {
        "format": OVERDUE_FORMAT,
        "as_of": snap.as_of.date.isoformat(),
        "owner": _owner_json(snap.owner),
        "count": sum(len(g.items) for g in groups),
        "owners": [
            {
                "id": g.owner.id or None,
                "name": g.owner.name if g.owner.id else None,
                "short": g.owner.short if g.owner.id else None,
                "count": len(g.items),
                "items": [item_json(it) for it in g.items],
            }
            for g in groups
        ],
    }
