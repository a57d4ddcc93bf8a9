"""Check plan files: the format, every reference, dates, times and programmes.

:func:`check_file` never raises for bad input: it returns the plan it could build (or None)
and every problem it found, errors and warnings, each at its file:line:col.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..calendar.vi import date_short, time_hm
from . import model
from .messages import Reporter
from .problems import Problem, TnplanError

PLAN_SUFFIXES = (".yaml", ".yml")
_PLACEHOLDER = re.compile(r"\{([^{}\s]*)\}")
_REF_KINDS = ("unit", "invitee", "activity", "deadline")
UNREAD_CODES = frozenset({"unreadable", "not-a-file"})
"""Problems that mean the file could not be read at all: exit code 3, not 1."""


@dataclass
class Checked:
    """The result of checking one file."""

    path: Path
    plan: model.Plan | None
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.plan is not None and not any(p.level == "error" for p in self.problems)


def check_file(path: Path, *, lang: str = "vi", display: str | None = None) -> Checked:
    """Load, convert and check one plan file."""
    from . import load, schema

    rep = Reporter(display or str(path), lang)
    root = load.read(path, rep, fold=schema.fold(rep))
    plan = schema.build_plan(root, rep) if root is not None else None
    del root  # the nodes: not needed once the plan is built
    if plan is not None:
        plan.source = str(path)
        check_plan(plan, rep)
        from . import results

        results.read_results(plan, path, rep, display)  # units' results next to the plan
    rep.problems.sort(key=Problem.sort_key)
    return Checked(path, plan, rep.problems)


def check_bytes(data: bytes, display: str, *, lang: str = "vi") -> Checked:
    """Load, convert and check a plan given as bytes (``tnplan validate -`` reads stdin)."""
    from . import load, schema

    rep = Reporter(display, lang)
    if len(data) > load.MAX_BYTES:
        rep.add((1, 1), "file-too-large", size=len(data) // 2**20, max=load.MAX_BYTES // 2**20)
        root = None
    else:
        root = load.parse_bytes(data, rep, schema.fold(rep))
    plan = schema.build_plan(root, rep) if root is not None else None
    del root  # the nodes: not needed once the plan is built
    if plan is not None:
        plan.source = display
        check_plan(plan, rep)
    rep.problems.sort(key=Problem.sort_key)
    return Checked(Path(display), plan, rep.problems)


_PLAN_HEAD = re.compile(r"""format[ \t]*:[ \t]*["']?tnplan/""")


def is_plan_file(path: Path) -> bool:
    """Whether a file is a tnplan plan: its first line of content is ``format: tnplan/…``.

    Comments, blank lines, ``%YAML`` directives and ``---`` may come before it.  A file that
    cannot be read counts as a plan, so that checking it reports why.
    """
    try:
        with path.open("rb") as fh:
            head = fh.read(65536)
    except OSError:
        return True
    text = head.removeprefix(b"\xef\xbb\xbf").decode("utf-8", "replace")
    for line in text.splitlines():
        bare = line.strip()
        if not bare or bare.startswith(("#", "%")) or bare == "---":
            continue
        return _PLAN_HEAD.match(line) is not None
    return False


SKIPPED_FOLDERS = frozenset({"node_modules", "__pycache__"})
"""Folders never searched for plans (besides hidden ones and virtual environments)."""


def plan_files(paths: Iterable[Path]) -> Iterator[Path]:
    """Expand folders into the plan files they hold; files are passed through.

    A folder is searched with its subfolders: every ``*.yaml`` and ``*.yml`` file, sorted by
    path, except in hidden folders and files (a name starting with ``.``: ``.git``, ``.venv``,
    ``.github``), a plan's results folder (``x.results/``, read and checked with the plan
    ``x.yaml``), Python virtual environments (a folder with ``pyvenv.cfg``), ``node_modules``
    and ``__pycache__``.  Linked folders are followed, each once.
    """
    for path in paths:
        if path.is_dir():
            yield from sorted(_walk_plans(path))
        else:
            yield path


def _walk_plans(root: Path) -> Iterator[Path]:
    import os

    from .results import RESULTS_SUFFIX

    seen: set[tuple[int, int]] = set()
    stack = [root]
    while stack:
        folder = stack.pop()
        try:
            info = folder.stat()
            entries = list(os.scandir(folder))
        except OSError:
            continue
        if (info.st_dev, info.st_ino) in seen:
            continue
        seen.add((info.st_dev, info.st_ino))
        if folder != root and any(e.name == "pyvenv.cfg" for e in entries):
            continue
        for entry in entries:
            name = entry.name
            if name.startswith("."):
                continue
            try:
                is_dir = entry.is_dir()
                is_file = entry.is_file()
            except OSError:
                continue
            if is_dir:
                if name not in SKIPPED_FOLDERS and not name.endswith(RESULTS_SUFFIX):
                    stack.append(folder / name)
            elif is_file and name.endswith(PLAN_SUFFIXES):
                yield folder / name


def load_plan(path: Path, *, lang: str = "vi") -> model.Plan:
    """A valid plan, or a :class:`TnplanError` naming its first error (exit code 1)."""
    if not path.exists():
        raise TnplanError(
            f"không có tệp {path}" if lang == "vi" else f"no such file: {path}", exit_code=3
        )
    checked = check_file(path, lang=lang)
    errors = [p for p in checked.problems if p.level == "error"]
    if checked.plan is None or errors:
        first = errors[0]
        more = len(errors) - 1
        tail = (f" (và {more} lỗi khác)" if lang == "vi" else f" (and {more} more)") if more else ""
        hint = (
            f"chạy `tnplan validate {path}` để xem tất cả"
            if lang == "vi"
            else f"run `tnplan validate {path}` to see them all"
        )
        unread = first.code in UNREAD_CODES  # could not run (exit 3), as `validate` says
        raise TnplanError(
            f"{first.file}:{first.line}:{first.col}: {first.message}{tail}",
            hint="" if unread else hint,
            exit_code=3 if unread else 1,
        )
    return checked.plan


# Semantic checks ----------------------------------------------------------------------------


_PLANS: dict[type, tuple[tuple[tuple[str, str, bool], ...], tuple[str, ...]]] = {}


def _plan_of(cls: type) -> tuple[tuple[tuple[str, str, bool], ...], tuple[str, ...]]:
    """For a model class: its reference fields (name, kind, is a list) and the fields that
    may hold other parts of the plan (the only ones the walk looks into)."""
    got = _PLANS.get(cls)
    if got is None:
        refs = []
        others = []
        for fd in dataclasses.fields(cls):
            if fd.metadata.get("internal"):
                continue
            kind = fd.metadata.get("kind", "")
            if kind in _REF_KINDS:
                refs.append((fd.name, kind, str(fd.type).startswith("list")))
            elif set(_WORD.findall(str(fd.type))) & _node_classes():
                others.append(fd.name)
        got = _PLANS[cls] = (tuple(refs), tuple(others))
    return got


_WORD = re.compile(r"\w+")


@functools.cache
def _node_classes() -> frozenset[str]:
    """The names of the model's classes (the annotations are text: ``list[Task]``)."""
    return frozenset(
        name
        for name, value in vars(model).items()
        if isinstance(value, type) and issubclass(value, model.Node)
    )


def _references(root: model.Node) -> Iterator[tuple[model.Node, str, str, Any, bool]]:
    """Every field of the plan that references (node, field, kind, the id or the list of
    ids it holds, whether it is a list)."""
    plans = _PLANS
    node_class = model.Node
    stack: list[model.Node] = [root]
    while stack:
        node = stack.pop()
        found = plans.get(node.__class__)
        refs, others = found if found is not None else _plan_of(node.__class__)
        for name, kind, is_list in refs:
            value = getattr(node, name)
            if value:
                yield node, name, kind, value, is_list
        for name in others:
            value = getattr(node, name)
            if value.__class__ is list:
                if value and isinstance(value[0], node_class):
                    stack += [v for v in value if isinstance(v, node_class)]
            elif isinstance(value, node_class):
                stack.append(value)


def check_plan(plan: model.Plan, rep: Reporter) -> None:
    """All semantic checks; problems go to ``rep``."""
    if plan.format != model.FORMAT:
        rep.add(plan.where("format"), "bad-format", value=plan.format)
    _check_timezone(plan, rep)
    known = _check_ids(plan, rep)
    _check_refs(plan, known, rep)
    _check_dates(plan, rep)
    _check_events(plan, rep)
    _check_deadlines(plan, rep)
    _check_placeholders(plan, rep)
    _check_signer(plan, rep)
    _check_invitation_asks(plan, rep)
    _check_progress(plan, rep)
    _check_honourees(plan, rep)
    _check_emails(plan, rep)
    _check_cycles(plan, rep)


def _check_signer(plan: model.Plan, rep: Reporter) -> None:
    """KT., TL., TM., TUQ. name the head they sign for; a head without an authority is lost.

    The same for the signers of units (who sign a unit's own report)."""
    signers = [plan.document.signer, *(u.signer for u in plan.units if u.signer is not None)]
    for s in signers:
        if s.collective and s.authority == "TM.":
            rep.add(s.where("collective"), "signer-collective", body=s.collective)
        elif s.authority in ("KT.", "TL.", "TM.", "TUQ.") and not s.on_behalf_of:
            rep.add(s.where("authority"), "signer-authority", authority=s.authority)
        elif s.on_behalf_of and s.authority in (None, "Q."):
            rep.add(s.where("on_behalf_of"), "signer-no-authority", head=s.on_behalf_of)


_DAY_IN_TEXT = re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})/(\d{4})(?![\d/])")


def asked_dates(ev: model.Event) -> list[tuple[str, int | None, dt.date]]:
    """The dates an invitation asks of its guests: each day written in a note (``gửi bài
    trước ngày 11/5/2026``) and the reply date, as (field, index in the list or None, day)."""
    out: list[tuple[str, int | None, dt.date]] = []
    for i, note in enumerate(ev.notes):
        for m in _DAY_IN_TEXT.finditer(note):
            try:
                out.append(("notes", i, dt.date(int(m[3]), int(m[2]), int(m[1]))))
            except ValueError:
                continue
    if ev.confirm_by is not None:
        out.append(("confirm_by", None, ev.confirm_by))
    return out


def _check_invitation_asks(plan: model.Plan, rep: Reporter) -> None:
    """A date an invitation asks of its guests (papers by 11/5, confirming by 13/5) before the
    invitation is signed: the guests get the letter after the date (a warning).  Without a
    signing date, ``tnplan render invitation`` compares with the day it is written."""
    for a in plan.activities:
        ev = a.event
        issued = ev.invitation_date if ev is not None else None
        if ev is None or issued is None:
            continue
        for name, index, asked in asked_dates(ev):
            if asked >= issued:
                continue
            note = name == "notes"
            rep.add(
                ev.where(name, index), "asked-before-invitation", issued=date_short(issued),
                asked=date_short(asked),
                what="ghi chú của giấy mời" if note else "hạn xác nhận tham dự",
                what_en="the invitation's note" if note else "the reply date",
            )  # fmt: skip


def _check_honourees(plan: model.Plan, rep: Reporter) -> None:
    """An approved honour names its decision (number and date)."""
    for a in plan.activities:
        for h in a.honourees:
            if h.status == "approved" and (not h.decision_number or h.decision_date is None):
                rep.add(h.where("status"), "honour-no-decision", name=h.name)


def _check_progress(plan: model.Plan, rep: Reporter) -> None:
    """Done without a date: counted from the due day (see plan/state.py); say so."""
    for a in plan.activities:
        held = a.result is not None and a.result.held_on is not None
        if a.status == "done" and a.done_on is None and not held:
            rep.add(a.where("status"), "done-no-date")
        for t in a.tasks:
            if t.status == "done" and t.done_on is None:
                rep.add(t.where("status"), "done-no-date")


def _check_timezone(plan: model.Plan, rep: Reporter) -> None:
    tz = plan.document.timezone
    if tz == "Asia/Ho_Chi_Minh":
        return
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        ZoneInfo(tz)
    except (ZoneInfoNotFoundError, ValueError):
        rep.add(plan.document.where("timezone"), "bad-timezone", value=tz)


def _check_ids(plan: model.Plan, rep: Reporter) -> dict[str, dict[str, str]]:
    """Report duplicate ids; return the known ids of each reference kind with their names."""
    spaces: dict[str, list[tuple[Any, str]]] = {
        "unit": [(u, u.name) for u in plan.units],
        "invitee": [(u, u.name) for u in plan.units]
        + [(g, g.name) for g in plan.guests]
        + [(g, g.name) for g in plan.groups],
        "activity": [(a, a.title) for a in plan.activities],
        "deadline": [(d, d.title) for d in plan.deadlines],
        "task": [(t, t.title) for a in plan.activities for t in a.tasks if t.id],
    }
    known: dict[str, dict[str, str]] = {}
    for kind, items in spaces.items():
        seen: dict[str, Any] = {}
        names: dict[str, str] = {}
        for obj, name in items:
            oid = obj.id
            if oid in seen:
                if kind != "invitee" or not isinstance(obj, model.Unit):
                    first = seen[oid].where("id")[0]
                    rep.add(obj.where("id"), "duplicate-id", id=oid, first=first)
                continue
            seen[oid] = obj
            names[oid] = name
        known[kind] = names
    return known


def _check_refs(plan: model.Plan, known: dict[str, dict[str, str]], rep: Reporter) -> None:
    dropped = rep.dropped
    for node, name, kind, value, is_list in _references(plan):
        ids = known[kind]
        for i, ref in enumerate(value if is_list else (value,)):
            if ref in ids or ref in dropped:
                continue
            rep.add(
                node.where(name, i if is_list else None),
                f"unknown-{kind}",
                id=ref,
                suggest=rep.suggest_id(ref, ids, kind),
            )


def _check_dates(plan: model.Plan, rep: Reporter) -> None:
    period = plan.period
    if period.start > period.end:
        rep.add(
            period.where("start"),
            "start-after-end",
            start=date_short(period.start),
            end=date_short(period.end),
        )
        return
    for a in plan.activities:
        if a.start and a.end and a.start > a.end:
            rep.add(
                a.where("start"),
                "start-after-end",
                start=date_short(a.start),
                end=date_short(a.end),
            )
            continue
        start, end = plan.activity_window(a)
        if start < period.start or end > period.end:
            what = f"hoạt động `{a.id}`" if rep.lang == "vi" else f"activity `{a.id}`"
            at = a.where("start") if a.start else a.event.where("date") if a.event else a.pos
            rep.add(
                at,
                "outside-period",
                what=what,
                start=date_short(start),
                end=date_short(end),
                pstart=date_short(period.start),
                pend=date_short(period.end),
            )
        if a.event and (a.start or a.end):
            days = model.event_days(a.event)
            for day in (days[0], days[-1]):
                if not start <= day <= end:
                    rep.add(
                        a.event.where("date" if day == days[0] else "end_date"),
                        "event-outside-activity",
                        date=date_short(day),
                        start=date_short(start),
                        end=date_short(end),
                    )
                    break


def _hm(t: dt.time | None) -> str:
    return "?" if t is None else time_hm(t)


def _check_events(plan: model.Plan, rep: Reporter) -> None:
    for a in plan.activities:
        ev = a.event
        if ev is None:
            if a.programme and "event" not in a.bad_fields:
                rep.add(a.where("programme"), "no-programme-event")
            continue
        if not ev.venue and "venue" not in ev.bad_fields:
            rep.add(ev.pos, "no-venue")
        if ev.start is None and "start" not in ev.bad_fields:
            rep.add(ev.pos, "no-time")
        if ev.start and ev.end and ev.start >= ev.end:
            rep.add(ev.where("end"), "time-order", start=_hm(ev.start), end=_hm(ev.end))
            continue
        if not _check_event_days(ev, rep):
            continue
        if a.programme and not ev.bad_fields and not any(s.bad_fields for s in a.programme):
            _check_programme(a, ev, rep)


def _check_event_days(ev: model.Event, rep: Reporter) -> bool:
    """Several-day events: the range is in order, sessions and programme days inside it."""
    if ev.end_date is not None and ev.end_date < ev.date:
        rep.add(
            ev.where("end_date"),
            "start-after-end",
            start=date_short(ev.date),
            end=date_short(ev.end_date),
        )
        return False
    last = ev.end_date or max([ev.date, *(s.date for s in ev.sessions)])
    ok = True
    for i, sess in enumerate(ev.sessions):
        if not ev.date <= sess.date <= last:
            rep.add(
                ev.where("sessions", i),
                "not-an-event-day",
                day=date_short(sess.date),
                first=date_short(ev.date),
                last=date_short(last),
            )
            ok = False
        if sess.start and sess.end and sess.start >= sess.end:
            rep.add(sess.where("end"), "time-order", start=_hm(sess.start), end=_hm(sess.end))
            ok = False
    return ok


def _check_programme(a: model.Activity, ev: model.Event, rep: Reporter) -> None:
    days = model.event_days(ev)
    for slot in a.programme:
        if slot.day is not None and slot.day not in days:
            rep.add(
                slot.where("day"),
                "not-an-event-day",
                day=date_short(slot.day),
                first=date_short(days[0]),
                last=date_short(days[-1]),
            )
            return
    times = model.slot_schedule(ev, a.programme)
    prev: tuple[dt.date, dt.time, dt.time] | None = None
    for slot, span in zip(a.programme, times, strict=True):
        if span is None:
            rep.add(slot.pos, "slot-no-time")
            return
        day, start, end = span
        if prev is not None and prev[0] != day:
            prev = None
        opens, closes, _venue = model.day_hours(ev, day)
        if start >= end:
            rep.add(slot.where("end"), "time-order", start=_hm(start), end=_hm(end))
        elif opens and (start < opens or (closes and end > closes)):
            rep.add(
                slot.where("start") if slot.start else slot.pos,
                "slot-outside-event",
                start=_hm(start),
                end=_hm(end),
                estart=_hm(opens),
                eend=_hm(closes),
            )
        if prev and start < prev[2]:
            rep.add(
                slot.where("start") if slot.start else slot.pos,
                "slot-overlap",
                start=_hm(start),
                end=_hm(end),
                pstart=_hm(prev[1]),
                pend=_hm(prev[2]),
            )
        prev = span


def _check_deadlines(plan: model.Plan, rep: Reporter) -> None:
    from ..calendar import holidays, vi

    extra_off = frozenset(plan.calendar.holidays) if plan.calendar else frozenset()
    extra_on = frozenset(plan.calendar.workdays) if plan.calendar else frozenset()

    def warn_day(node: model.Node, day: dt.date) -> None:
        if holidays.is_working_day(day, extra_off, extra_on):
            return
        before = day - dt.timedelta(days=1)
        while not holidays.is_working_day(before, extra_off, extra_on):
            before -= dt.timedelta(days=1)
        name = holidays.holiday_name(day)
        if name and day not in extra_on:
            from .messages import holiday_en

            rep.add(
                node.where("due"),
                "holiday-deadline",
                date=date_short(day),
                holiday=holiday_en(name) if rep.lang == "en" else name,
                suggest=date_short(before),
            )
        else:
            from .messages import WEEKDAYS_EN

            wd = vi.weekday(day, capital=False) if rep.lang == "vi" else WEEKDAYS_EN[day.weekday()]
            rep.add(
                node.where("due"),
                "weekend-deadline",
                date=date_short(day),
                weekday=wd,
                suggest=date_short(before),
            )

    for d in plan.deadlines:
        warn_day(d, d.due)
        owners = set(expand_units(plan, d.owners))
        for i, r in enumerate(d.received):
            unit = plan.unit(r.unit)
            if unit is not None and unit.members:
                members = ", ".join(expand_units(plan, [r.unit]))
                rep.add(d.where("received", i), "receipt-group", id=r.unit, members=members)
            elif r.unit not in owners and unit is not None:
                rep.add(d.where("received", i), "receipt-not-owner", id=r.unit)
    for a in plan.activities:
        for t in a.tasks:
            if t.due:
                warn_day(t, t.due)
            if t.owner is None:
                rep.add(t.pos, "task-no-owner")


def _check_placeholders(plan: model.Plan, rep: Reporter) -> None:
    def scan(node: model.Node, name: str, texts: list[str], allowed: tuple[str, ...]) -> None:
        for i, text in enumerate(texts):
            for m in _PLACEHOLDER.finditer(text):
                if m.group(1) not in allowed:
                    shown = ", ".join("{" + a + "}" for a in allowed) or "—"
                    rep.add(
                        node.where(name, i), "unknown-placeholder", name=m.group(1), allowed=shown
                    )

    scan(plan.period, "notes", plan.period.notes, ("start", "end"))
    for d in plan.deadlines:
        if d.text:
            scan(d, "text", [d.text], ("due",))


EMAIL_RE = re.compile(r"[^@\s,;<>()\[\]\"']+@[^@\s,;<>()\[\]\"']+\.[A-Za-z]{2,}\Z")


def _check_emails(plan: model.Plan, rep: Reporter) -> None:
    """One address per unit (and per contact), written as name@domain."""
    for u in plan.units:
        for node, name in ((u, "email"), (u.contact, "email")):
            value = getattr(node, name, None) if node is not None else None
            if value and not EMAIL_RE.match(value):
                rep.add(node.where(name), "bad-email", value=value)  # type: ignore[union-attr]


def expand_units(plan: model.Plan, ids: Iterable[str]) -> list[str]:
    """Unit ids with groups replaced by their members (groups of groups too), order kept, no
    repeats.  Walked with a stack, not recursion: a chain of thousands of groups is fine, and a
    cycle (reported by the checker as ``group-cycle``) ends the walk instead of looping."""
    out: list[str] = []
    seen: set[str] = set()
    stack: list[Iterator[str]] = [iter(ids)]
    while stack:
        uid = next(stack[-1], None)
        if uid is None:
            stack.pop()
            continue
        if uid in seen:
            continue
        seen.add(uid)
        unit = plan.unit(uid)
        if unit is not None and unit.members:
            stack.append(iter(unit.members))
        else:
            out.append(uid)
    return out


def _check_cycles(plan: model.Plan, rep: Reporter) -> None:
    """Groups that contain themselves (``ua → ub → ua``): units with ``members``, and guest
    groups.  Each loop is reported once, at the member that closes it, with its path."""
    units = {u.id: u for u in plan.units if u.members}
    groups = {g.id: g for g in plan.groups}
    for table in (units, groups):
        _cycles_in(table, rep)


def _cycles_in(table: dict[str, Any], rep: Reporter) -> None:
    done: set[str] = set()
    for root in table:
        if root in done:
            continue
        # Depth first, with an explicit stack of (group, index of its next member).
        path: list[str] = [root]
        on_path = {root}
        index = [0]
        while path:
            gid = path[-1]
            members = table[gid].members
            i = index[-1]
            if i >= len(members):
                done.add(gid)
                on_path.discard(gid)
                path.pop()
                index.pop()
                continue
            index[-1] = i + 1
            member = members[i]
            if member not in table or member in done:
                continue
            if member in on_path:
                loop = [*path[path.index(member) :], member]
                rep.add(
                    table[gid].where("members", i),
                    "group-cycle",
                    id=member,
                    path=" → ".join(loop),
                )
                continue
            path.append(member)
            on_path.add(member)
            index.append(0)
