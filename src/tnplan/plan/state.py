"""The state of one item of a plan on a given day: the one answer every view uses.

A plan file records progress as it stands *now* (``status: done``) together with the dates
things happened (``done_on``, ``since``, each receipt's ``date``, ``result.held_on``).  Looking
at the plan as of an earlier day must not show what had not happened yet, so every command
(``status``, ``timeline``, ``overdue``, ``upcoming``, ``export html``, ``export ics``,
``render report``) asks :func:`state_on` and never reads ``status`` itself.

The rules, for a day D (a moment on D counts the whole day: a date recorded is known only
to the day):

* **done** (an activity or a task with ``status: done``): done from the day it was done —
  ``done_on``; for an activity without ``done_on``, ``result.held_on``.  *Done with no
  date* counts as done from the item's own due day (the end of the activity's window, the
  task's ``due``; a task without ``due``, its activity's end): never before it could have
  been done, and never late.  ``tnplan validate`` warns (``done-no-date``) so that the date
  gets written.  Before that day the item was ``planned``.
* an activity whose ``result.held_on`` is recorded is done from that day even while its
  ``status`` was not updated (still ``planned`` or ``in_progress``); one marked done with a
  ``done_on`` is done from ``done_on`` (an exhibition held from 15/5 is done on 18/5);
* **in_progress**, **postponed**, **cancelled**: from ``since`` when it is written (before
  it, ``planned``), otherwise on every day (the file does not say when it changed);
* a task of a cancelled activity is cancelled from the day its activity is, unless done
  before;
* **a unit's report** for a deadline: ``reported`` from the first receipt dated D or
  earlier that names the unit, else ``planned``.

Whatever the day, a state never goes back: once done, cancelled or reported on D, it stays
so on every later day (``tests/track/test_day_by_day.py`` walks every day to check it).
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass
from typing import Literal

from . import model

StateName = Literal["planned", "in_progress", "postponed", "done", "reported", "cancelled"]
CLOSED_STATES = frozenset({"done", "cancelled", "reported"})


@dataclass(frozen=True)
class Owed:
    """One unit's report owed under a deadline (groups already expanded to this member)."""

    deadline: model.Deadline
    unit: str


@dataclass(frozen=True)
class State:
    """What an item was on a day."""

    status: StateName
    on: dt.date | None = None
    """The day it became done or reported (None for other states, or when not recorded)."""
    assumed: bool = False
    """Done with no date recorded: ``on`` is the item's due day, not a recorded date."""
    held_on: dt.date | None = None
    """For an activity: the day its event was held, once held on or before the day asked."""

    @property
    def closed(self) -> bool:
        return self.status in CLOSED_STATES


Item = model.Activity | model.Task | Owed


def _day(when: dt.date | dt.datetime) -> dt.date:
    return when.date() if isinstance(when, dt.datetime) else when


def _activity_of(plan: model.Plan, task: model.Task) -> model.Activity | None:
    for a in plan.activities:
        for t in a.tasks:
            if t is task:
                return a
    return None


def done_day(plan: model.Plan, item: model.Activity | model.Task) -> tuple[dt.date | None, bool]:
    """The day a ``done`` item counts as done from, and whether that day is assumed."""
    if isinstance(item, model.Activity):
        if item.done_on is not None:
            return item.done_on, False
        if item.result is not None and item.result.held_on is not None:
            return item.result.held_on, False
        return plan.activity_window(item)[1], True
    if item.done_on is not None:
        return item.done_on, False
    if item.due is not None:
        return item.due, True
    parent = _activity_of(plan, item)
    return (plan.activity_window(parent)[1] if parent else plan.period.end), True


def _recorded(
    plan: model.Plan, item: model.Activity | model.Task, day: dt.date
) -> tuple[StateName, dt.date | None, bool]:
    status = item.status
    if status == "done":
        on, assumed = done_day(plan, item)
        if on is not None and on <= day:
            return "done", on, assumed
        return "planned", None, False
    if status == "planned":
        return "planned", None, False
    since = item.since
    if since is not None and since > day:
        return "planned", None, False
    return status, None, False


def state_on(
    plan: model.Plan,
    item: Item,
    when: dt.date | dt.datetime,
    *,
    parent: model.Activity | None = None,
) -> State:
    """The state of ``item`` (an activity, a task or a unit's owed report) on day ``when``.

    ``parent`` is the task's activity when the caller knows it (saves a search).
    """
    day = _day(when)
    if isinstance(item, Owed):
        from .check import expand_units

        got = [
            r.date
            for r in item.deadline.received
            if r.date <= day and item.unit in expand_units(plan, [r.unit])
        ]
        return State("reported", min(got)) if got else State("planned")
    if isinstance(item, model.Activity):
        status, on, assumed = _recorded(plan, item, day)
        r = item.result
        held = r.held_on if r is not None and r.held_on is not None and r.held_on <= day else None
        if item.status in ("planned", "in_progress") and held is not None:
            return _state("done", held, False, held)
        return _state(status, on, assumed, held)
    status, on, assumed = _recorded(plan, item, day)
    if status != "done":
        a = parent or _activity_of(plan, item)
        if a is not None and state_on(plan, a, day).status == "cancelled":
            return _state("cancelled", None, False, None)
    return _state(status, on, assumed, None)


@functools.lru_cache(maxsize=4096)
def _state(status: StateName, on: dt.date | None, assumed: bool, held_on: dt.date | None) -> State:
    """One :class:`State` for each (it is never changed): a plan's thousands of items share
    a few hundred."""
    return State(status, on, assumed, held_on=held_on)


def activity_held(plan: model.Plan, a: model.Activity, when: dt.date | dt.datetime) -> bool:
    """Whether the activity had taken place by ``when`` (done, or its result recorded)."""
    return state_on(plan, a, when).status == "done"
