"""Every day of a plan's life, every command tells the same truth as ``plan.state.state_on``.

For the bundled plan, the example plans of other agencies and years, and the tracking
fixture, the test walks each day from a week before the plan starts to a month after its last
date (a deadline, a receipt) and checks, as of that day:

* ``status``/``timeline`` items, ``overdue`` and ``upcoming`` (the track stage), the
  dashboard (``export html``), the calendar (``export ics --as-of``) and the report
  (``render report --as-of``) all give each activity, task and report the state that
  ``state_on`` gives it;
* nothing "un-happens": an item done, cancelled or reported on a day stays so every day
  after, with the same date.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from support import PLAN
from tnplan.plan import model
from tnplan.plan.check import expand_units, load_plan
from tnplan.plan.state import CLOSED_STATES, Owed, State, state_on
from tnplan.track import schedule

HERE = Path(__file__).resolve().parent
VALID = HERE.parent / "plans" / "valid"
PLANS = [PLAN, HERE / "plans" / "alpha.yaml", *sorted(VALID.glob("*.yaml"))]
ONE = dt.timedelta(days=1)


def _subjects(plan: model.Plan) -> Iterator[tuple[str, model.Activity | model.Task | Owed]]:
    """Every tracked item with the id the track stage gives it."""
    for a in plan.activities:
        yield a.id, a
        for i, t in enumerate(a.tasks, start=1):
            yield t.id or f"{a.id}#{i}", t
    for d in plan.deadlines:
        for uid in expand_units(plan, d.owners):
            yield f"{d.id}/{uid}", Owed(d, uid)


def _parent(plan: model.Plan, item: object) -> model.Activity | None:
    """A task's activity (None for anything else)."""
    return next((a for a in plan.activities if any(t is item for t in a.tasks)), None)


def _life(plan: model.Plan) -> tuple[dt.date, dt.date]:
    dates = [plan.period.start, plan.period.end]
    dates += [d.due for d in plan.deadlines] + [r.date for d in plan.deadlines for r in d.received]
    for a in plan.activities:
        dates += [x for x in (a.done_on, a.since, a.result and a.result.held_on) if x]
        dates += [x for t in a.tasks for x in (t.due, t.done_on, t.since) if x]
        dates += list(plan.activity_window(a))
    return min(dates) - 7 * ONE, max(dates) + 30 * ONE


_ICS_STATUS = re.compile(r"UID:(?P<uid>[^\r\n]+).*?Trạng thái: (?P<st>[^\r\n\\]+)", re.S)
_ICS_WORDS = {
    "chưa thực hiện": "planned",
    "đang thực hiện": "in_progress",
    "đã hoàn thành": "done",
    "tạm hoãn": "postponed",
    "hủy": "cancelled",
}
_REPORT_STATE = {
    "done": {"done"},
    "in_progress": {"in_progress"},
    "postponed": {"postponed"},
    "cancelled": {"cancelled"},
    "planned": {"not_started", "not_reported"},
}


def _ics_states(plan: model.Plan, day: dt.date) -> dict[str, str]:
    """``uid → status`` read back from the calendar as of ``day``."""
    from tnplan.exchange.export import ics

    text = ics(plan, as_of=day).decode("utf-8").replace("\r\n ", "")
    out = {}
    for block in text.split("BEGIN:VEVENT")[1:]:
        m = _ICS_STATUS.search(block)
        if m:
            out[m["uid"]] = _ICS_WORDS[m["st"].split(" — ")[0].strip()]
    return out


@pytest.mark.parametrize("path", PLANS, ids=lambda p: p.stem)
def test_every_command_agrees_with_state_on_every_day(path: Path) -> None:
    from tnplan.documents.render import report_context
    from tnplan.exchange.export import uid
    from tnplan.track.dashboard import board

    plan = load_plan(path)
    subjects = list(_subjects(plan))
    first, last = _life(plan)
    seen: dict[str, State] = {}
    day = first
    while day <= last:
        as_of = schedule.parse_as_of(f"{day:%d/%m/%Y}", plan.document.timezone)
        truth = {iid: state_on(plan, it, day, parent=_parent(plan, it)) for iid, it in subjects}
        # Nothing un-happens.
        for iid, st in truth.items():
            before = seen.get(iid)
            if before is not None and before.closed:
                assert (st.status, st.on) == (before.status, before.on), (path.name, day, iid)
            seen[iid] = st
        # status, timeline, overdue, upcoming.
        snap = schedule.snapshot([plan], as_of)
        items = {it.id: it for it in snap.items}
        assert {i: it.status for i, it in items.items()} == {
            i: st.status for i, st in truth.items()
        }, (path.name, day)
        for iid, it in items.items():
            assert it.done_on == truth[iid].on, (path.name, day, iid)
            if it.late:
                assert truth[iid].status not in CLOSED_STATES
        late = {it.id for g in schedule.overdue(snap) for it in g.items}
        assert late == {i for i, it in items.items() if it.late}
        assert all(
            truth[u.item.id].status not in CLOSED_STATES for u in schedule.upcoming(snap, 30)
        )
        rows = {r.id: r.status for r in schedule.timeline(snap, all_items=True).rows}
        assert all(rows[a.id] == truth[a.id].status for a in plan.activities)
        # The dashboard (export html): its chart bars and activity details.
        (section,) = board([plan], as_of).sections
        bars = {r.id: r.status for r in section.chart.rows if r.kind == "activity"}
        assert bars == {a.id: truth[a.id].status for a in plan.activities}, (path.name, day)
        assert all(v.status == truth[v.id].status for v in section.activities)
        # The calendar (export ics --as-of).
        cal = _ics_states(plan, day)
        for a in plan.activities:
            key = uid(plan, "activity", a.id)
            if key in cal:
                assert cal[key] == truth[a.id].status, (path.name, day, a.id)
        # The report (render report --as-of).
        ctx = report_context(plan, day, internal=True)  # every unit's reporting shown
        for a, r in zip(plan.activities, ctx["results"], strict=True):
            assert r.state in _REPORT_STATE[truth[a.id].status], (path.name, day, a.id)
        for entry in ctx["owed"]:
            d = entry["deadline"]
            to = set(expand_units(plan, d.to))  # a unit does not owe a report to itself
            owers = [u for u in expand_units(plan, d.owners) if u not in to]
            for uid_, line in zip(owers, entry["lines"], strict=True):
                assert line.on == truth[f"{d.id}/{uid_}"].on
        day += ONE


MINISTRY = VALID / "bo-tuan-le-khcn-2026.yaml"


def _hour_in_due(tmp_path: Path) -> Path:
    """The ministry's plan with the hour written in `due` itself: `due: 6/5/2026 16:00`."""
    text = MINISTRY.read_text(encoding="utf-8")
    two_fields = '        due: 6/5/2026\n        time: "16:00"\n'
    assert two_fields in text
    path = tmp_path / MINISTRY.name
    path.write_text(text.replace(two_fields, "        due: 6/5/2026 16:00\n"), encoding="utf-8")
    return path


def test_the_hour_may_be_written_in_due(tmp_path: Path) -> None:
    one = load_plan(MINISTRY)
    other = load_plan(_hour_in_due(tmp_path))
    task = next(t for a in one.activities for t in a.tasks if t.id == "hn-giay-moi")
    same = next(t for a in other.activities for t in a.tasks if t.id == "hn-giay-moi")
    assert (task.due, task.time) == (same.due, same.time) == (dt.date(2026, 5, 6), dt.time(16))


@pytest.mark.parametrize("spelling", ["due and time", "hour in due"])
def test_a_task_due_at_a_time_is_not_late_before_it(  # type: ignore[no-untyped-def]
    cli, tmp_path: Path, spelling: str
) -> None:
    # hn-giay-moi is due 6/5/2026 at 16:00
    plan = str(MINISTRY if spelling == "due and time" else _hour_in_due(tmp_path))
    before = cli("overdue", plan, "--as-of", "6/5/2026 15:59", "--json")
    assert '"hn-giay-moi"' not in before.out
    after = cli("overdue", plan, "--as-of", "6/5/2026 16:01")
    assert "Phát hành giấy mời" in after.out
    line = next(x for x in after.out.splitlines() if "Phát hành giấy mời" in x)
    assert "trễ hôm nay" in line and " 0 " not in line
    assert "trễ hôm nay" in cli("overdue", plan, "--as-of", "6/5/2026").out
    assert "trễ hôm nay" not in cli("overdue", plan, "--as-of", "7/5/2026").out


def test_done_with_no_date_counts_from_its_due_day(tmp_path: Path) -> None:
    text = (HERE / "plans" / "alpha.yaml").read_text(encoding="utf-8")
    text = text.replace(
        "        status: done\n        done_on: 13/5/2026\n", "        status: done\n"
    )
    path = tmp_path / "p.yaml"
    path.write_text(text, encoding="utf-8")
    plan = load_plan(path)
    task = next(t for a in plan.activities for t in a.tasks if t.id == "bai-viet")  # due 13/5
    assert state_on(plan, task, dt.date(2026, 5, 12)).status == "planned"
    on = state_on(plan, task, dt.date(2026, 5, 13))
    assert (on.status, on.on, on.assumed) == ("done", dt.date(2026, 5, 13), True)
