"""The dashboard: one self-contained HTML page showing where a plan stands.

Title, theme and as-of date; progress; an SVG Gantt chart (a bar per activity, task ticks,
deadline milestones, the as-of line, weekends and public holidays shaded); what is late,
grouped by owner; reports owed; and each activity's details.  The page loads nothing: no
script, no font, no image, no CDN (a Content-Security-Policy says so to the browser), so it
opens offline, can be mailed as one file, reads on a phone and prints on A4.

Built with plain string building and :func:`html.escape` on every value (no template engine
to import); the numbers come from :mod:`tnplan.schedule`, never computed here.
"""

from __future__ import annotations

import datetime as dt
from html import escape
from typing import TYPE_CHECKING

from ..calendar.vi import date_short as _d
from ..calendar.vi import time_hm as _hm
from ..calendar.vi import weekday
from ..plan import model

if TYPE_CHECKING:
    from .schedule import AsOf, Item, PlanStatus

STATUS = {
    "planned": "Chưa thực hiện",
    "in_progress": "Đang thực hiện",
    "postponed": "Tạm hoãn",
    "done": "Đã hoàn thành",
    "reported": "Đã nộp",
    "cancelled": "Hủy",
}
KIND = {"activity": "Hoạt động", "task": "Công việc", "report": "Báo cáo"}
_WEEKDAY_SHORT = ("T2", "T3", "T4", "T5", "T6", "T7", "CN")

# Chart geometry, in SVG user units (the chart scales to the page width).
_LABEL_W = 300
_ROW_H = 28
_BAR_H = 16
_HEAD_H = 48
_MAX_DAYS_W = 900


def _e(value: object) -> str:
    return escape(str(value), quote=True)


def _dm(day: dt.date) -> str:
    return f"{day.day}/{day.month}"


def _span(start: dt.date, end: dt.date) -> str:
    if start == end:
        return _d(start)
    if start.year == end.year:
        return f"{_dm(start)}–{_d(end)}"
    return f"{_d(start)}–{_d(end)}"


def _unit(plan: model.Plan, uid: str | None) -> str:
    if not uid:
        return "—"
    unit = plan.unit(uid)
    return unit.name if unit else uid


def _units(plan: model.Plan, ids: list[str]) -> str:
    return ", ".join(_unit(plan, i) for i in ids) or "—"


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _badge(status: str, late: bool = False, tentative: bool = False) -> str:
    out = f'<span class="badge st-{_e(status)}">{_e(STATUS.get(status, status))}</span>'
    if late:
        out += ' <span class="badge late">Trễ hạn</span>'
    if tentative:
        out += ' <span class="badge tentative">Dự kiến</span>'
    return out


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


def gantt(status: PlanStatus, as_of: AsOf) -> str:
    """The SVG Gantt chart: one ``rect.bar[data-activity]`` per activity."""
    from ..calendar.holidays import holiday_name
    from .schedule import working_day

    plan = status.plan
    first, last = chart_range(plan)
    columns = chart_columns(plan, as_of.date)
    units = sum(1 if col[0] == col[1] else _GAP_W for col in columns)
    day_w = max(12.0, min(36.0, _MAX_DAYS_W / units))
    rows = len(plan.activities) + len(plan.deadlines)
    width = round(_LABEL_W + units * day_w + 8)
    height = _HEAD_H + rows * _ROW_H + 12
    body_h = rows * _ROW_H
    left_of: dict[dt.date, float] = {}
    cursor = float(_LABEL_W)
    for col_first, col_last in columns:
        left_of[col_first] = cursor
        cursor += day_w if col_first == col_last else _GAP_W * day_w

    def x(day: dt.date) -> float:
        return left_of.get(day, cursor)

    out: list[str] = [
        f'<svg class="gantt" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" role="img" aria-labelledby="gantt-title" '
        f"font-family=\"system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif\">",
        f'<title id="gantt-title">Tiến độ các hoạt động từ {_d(first)} đến {_d(last)}</title>',
    ]
    # Days off, shaded behind everything; days numbered in the header; folded runs marked.
    shade: list[str] = []
    head: list[str] = []
    month: tuple[int, int] | None = None
    for n, (day, until) in enumerate(columns):
        left = x(day)
        if day != until:
            gap_w = _GAP_W * day_w
            shade.append(
                f'<rect class="gap" x="{left:.1f}" y="{_HEAD_H - 30}" width="{gap_w:.1f}" '
                f'height="{body_h + 30}"><title>{_e(_span(day, until))}: không có mốc nào'
                "</title></rect>"
            )
            head.append(f'<text class="day" x="{left + gap_w / 2:.1f}" y="{_HEAD_H - 6}">…</text>')
        elif not working_day(plan, day):
            name = holiday_name(day)
            cls = "holiday" if name and day.weekday() < 5 else "weekend"
            tip = f"<title>{_e(name)}</title>" if name else ""
            shade.append(
                f'<rect class="{cls}" x="{left:.1f}" y="{_HEAD_H - 30}" width="{day_w:.1f}" '
                f'height="{body_h + 30}">{tip}</rect>'
            )
        if day == until and (day_w >= 14 or day.weekday() == 0):
            head.append(
                f'<text class="day" x="{left + day_w / 2:.1f}" y="{_HEAD_H - 6}">{day.day}</text>'
            )
        if day == until and day_w >= 18:
            head.append(
                f'<text class="wd" x="{left + day_w / 2:.1f}" y="{_HEAD_H - 20}">'
                f"{_WEEKDAY_SHORT[day.weekday()]}</text>"
            )
        if day == until and (day.year, day.month) != month:
            month = (day.year, day.month)
            near_end = left + 90 > width  # a month starting at the right edge: label leftwards
            head.append(
                f'<text class="month" x="{width - 4 if near_end else left + 2:.1f}" y="12"'
                + (' text-anchor="end"' if near_end else "")
                + f">Tháng {day.month}/{day.year}</text>"
            )
            if n:
                head.append(
                    f'<line class="month-line" x1="{left:.1f}" x2="{left:.1f}" y1="0" '
                    f'y2="{_HEAD_H + body_h}"/>'
                )
    out.append('<g class="days-off">' + "".join(shade) + "</g>")
    out.append('<g class="scale">' + "".join(head) + "</g>")
    # Row guides.
    guides = []
    for r in range(rows + 1):
        y = _HEAD_H + r * _ROW_H
        guides.append(f'<line class="row-line" x1="0" x2="{width}" y1="{y}" y2="{y}"/>')
    out.append('<g class="guides">' + "".join(guides) + "</g>")
    # Activities.
    items = {it.id: it for it in status.activities}
    tasks: dict[str, list[Item]] = {}
    for task in status.items:
        if task.kind == "task" and task.activity:
            tasks.setdefault(task.activity, []).append(task)
    bars: list[str] = []
    for r, a in enumerate(plan.activities):
        start, end = plan.activity_window(a)
        it = items.get(a.id)
        late = bool(it and it.late)
        y = _HEAD_H + r * _ROW_H
        label = f"{a.number}. {a.title}" if a.number is not None else a.title
        shown = it.status if it else a.status
        classes = ["bar", f"st-{shown}"]
        if late:
            classes.append("late")
        if a.tentative or (a.event is not None and a.event.tentative):
            classes.append("tentative")
        left = x(start)
        bar_w = x(end) + day_w - left
        tip = f"{label} — {_span(start, end)} — {STATUS[shown]}" + (" — trễ hạn" if late else "")
        bars.append(
            f'<g class="row" data-row="{_e(a.id)}">'
            f'<text class="label" x="6" y="{y + _ROW_H / 2 + 4:.1f}">{_e(_clip(label, 40))}'
            f"<title>{_e(label)}</title></text>"
            f'<rect class="{" ".join(classes)}" data-activity="{_e(a.id)}" '
            f'x="{left + 1:.1f}" y="{y + (_ROW_H - _BAR_H) / 2:.1f}" width="{bar_w - 2:.1f}" '
            f'height="{_BAR_H}" rx="3"><title>{_e(tip)}</title></rect>'
        )
        if a.event is not None and start <= a.event.date <= end and start != end:
            ex = x(a.event.date) + day_w / 2
            bars.append(
                f'<circle class="event-mark" cx="{ex:.1f}" cy="{y + _ROW_H / 2:.1f}" r="4">'
                f"<title>{_e(_d(a.event.date))}: {_e(a.event.name or a.title)}</title></circle>"
            )
        for t in tasks.get(a.id, []):
            if t.due is None or not first <= t.due <= last:
                continue
            tx = x(t.due) + day_w / 2
            ty = y + _ROW_H - 5
            cls = "task-mark" + (" late" if t.late else "") + (" closed" if not t.open else "")
            bars.append(
                f'<path class="{cls}" d="M{tx:.1f} {ty - 6:.1f} l4 6 h-8 z">'
                f"<title>Công việc: {_e(t.title)} — hạn {_e(_d(t.due))}</title></path>"
            )
        bars.append("</g>")
    out.append('<g class="activities">' + "".join(bars) + "</g>")
    # Deadlines: a diamond on the due date.
    marks: list[str] = []
    by_id = {d.id: d for d in status.deadlines}
    for r, d in enumerate(plan.deadlines, start=len(plan.activities)):
        mid = _HEAD_H + r * _ROW_H + _ROW_H / 2
        cx = x(d.due) + day_w / 2
        ds = by_id.get(d.id)
        state = (
            "done" if ds and ds.reported == ds.owners else ("late" if ds and ds.late else "open")
        )
        counts = f" ({ds.reported}/{ds.owners} đã nộp)" if ds else ""
        marks.append(
            f'<g class="row deadline-row" data-row="{_e(d.id)}">'
            f'<text class="label deadline-label" x="6" y="{mid + 4:.1f}">'
            f"{_e(_clip('Hạn: ' + d.title, 40))}<title>{_e(d.title)}</title></text>"
            f'<path class="milestone {state}" data-deadline="{_e(d.id)}" '
            f'd="M{cx:.1f} {mid - 8:.1f} l8 8 l-8 8 l-8 -8 z">'
            f"<title>{_e(d.title)} — hạn {_e(_d(d.due))}{_e(counts)}</title></path>"
            f'<text class="milestone-label" x="{cx - 12:.1f}" y="{mid + 4:.1f}" '
            f'text-anchor="end">{_e(_dm(d.due))}</text></g>'
        )
    out.append('<g class="deadlines">' + "".join(marks) + "</g>")
    # The day itself (18/5) and the as-of line.
    if plan.period.day and first <= plan.period.day <= last:
        px = x(plan.period.day) + day_w / 2
        out.append(
            f'<line class="the-day" x1="{px:.1f}" x2="{px:.1f}" y1="{_HEAD_H}" '
            f'y2="{_HEAD_H + body_h}"><title>Ngày {_e(_d(plan.period.day))}</title></line>'
        )
    if first <= as_of.date <= last:
        tx = x(as_of.date) + day_w / 2
        word = "Hôm nay" if as_of.today else "Ngày xem"
        out.append(
            f'<g class="today"><line x1="{tx:.1f}" x2="{tx:.1f}" y1="{_HEAD_H - 4}" '
            f'y2="{_HEAD_H + body_h + 4}"/><title>{word}: {_e(_d(as_of.date))}</title></g>'
        )
    out.append("</svg>")
    return "".join(out)


# The page ----------------------------------------------------------------------------------

_CSS = """
:root{--ink:#1b1f24;--muted:#5b6570;--line:#d8dde3;--bg:#fff;--soft:#f4f6f8;
--planned:#8fa3b8;--in_progress:#2f6fdb;--done:#2e9d57;--postponed:#d89614;
--cancelled:#b0b6bd;--late:#d23b3b;--today:#d23b3b;--day:#7b4fd6}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;
color:var(--ink);background:var(--bg)}
main{max-width:1180px;margin:0 auto;padding:16px}
header.top{border-bottom:3px solid var(--ink);padding-bottom:12px;margin-bottom:16px}
.agency{margin:0;font-size:13px;letter-spacing:.04em;color:var(--muted);text-transform:uppercase}
h1{font-size:22px;line-height:1.3;margin:6px 0}
h2{font-size:18px;margin:28px 0 10px;padding-bottom:4px;border-bottom:1px solid var(--line)}
h3{font-size:16px;margin:16px 0 6px}
.theme{margin:4px 0;font-style:italic}
.facts{display:flex;flex-wrap:wrap;gap:8px 20px;margin:10px 0 0;padding:0;list-style:none}
.facts li{background:var(--soft);border-radius:6px;padding:4px 10px}
.facts b{font-weight:600}
.progress{display:grid;grid-template-columns:repeat(auto-fit,minmax(170px,1fr));gap:10px}
.card{border:1px solid var(--line);border-radius:8px;padding:10px 12px}
.card .n{font-size:24px;font-weight:700}
.card.late .n{color:var(--late)}
.meter{height:12px;background:var(--soft);border-radius:6px;overflow:hidden;margin:6px 0}
.meter span{display:block;height:100%;background:var(--done)}
.counts{display:flex;flex-wrap:wrap;gap:6px;margin:8px 0 0;padding:0;list-style:none}
.badge{display:inline-block;border-radius:10px;padding:0 8px;font-size:12px;line-height:20px;
color:#fff;background:var(--planned);white-space:nowrap}
.badge.st-in_progress{background:var(--in_progress)}.badge.st-done{background:var(--done)}
.badge.st-reported{background:var(--done)}.badge.st-postponed{background:var(--postponed)}
.badge.st-cancelled{background:var(--cancelled)}.badge.late{background:var(--late)}
.badge.tentative{background:#fff;color:var(--ink);border:1px dashed var(--muted)}
.chart{overflow-x:auto;border:1px solid var(--line);border-radius:8px;background:#fff}
.chart svg{display:block;width:100%;height:auto;min-width:760px}
.gantt text{font-size:12px;fill:var(--ink)}
.gantt .day,.gantt .wd{font-size:10px;text-anchor:middle;fill:var(--muted)}
.gantt .month{font-size:11px;font-weight:600}
.gantt .weekend{fill:#eef1f4}.gantt .holiday{fill:#fde8e8}
.gantt .gap{fill:#fafbfc;stroke:var(--line);stroke-dasharray:3 3}
.gantt .row-line{stroke:var(--line);stroke-width:.5}
.gantt .month-line{stroke:var(--muted);stroke-width:.5;stroke-dasharray:2 2}
.gantt .bar{fill:var(--planned)}.gantt .bar.st-in_progress{fill:var(--in_progress)}
.gantt .bar.st-done{fill:var(--done)}.gantt .bar.st-postponed{fill:var(--postponed)}
.gantt .bar.st-cancelled{fill:var(--cancelled)}
.gantt .bar.late{stroke:var(--late);stroke-width:2.5}
.gantt .bar.tentative{stroke:var(--ink);stroke-width:1;stroke-dasharray:4 2;fill-opacity:.75}
.gantt .event-mark{fill:#fff;stroke:var(--ink);stroke-width:1.5}
.gantt .task-mark{fill:var(--ink)}.gantt .task-mark.late{fill:var(--late)}
.gantt .task-mark.closed{fill:var(--done)}
.gantt .milestone{fill:var(--postponed)}.gantt .milestone.done{fill:var(--done)}
.gantt .milestone.late{fill:var(--late)}
.gantt .milestone-label{font-size:11px;fill:var(--muted)}
.gantt .deadline-label{font-style:italic}
.gantt .the-day{stroke:var(--day);stroke-width:1.5;stroke-dasharray:5 3}
.gantt .today line{stroke:var(--today);stroke-width:2}
.legend{display:flex;flex-wrap:wrap;gap:4px 14px;margin:8px 0;padding:0;list-style:none;
font-size:13px;color:var(--muted)}
.legend i{display:inline-block;width:14px;height:10px;border-radius:2px;margin-right:5px;
vertical-align:middle;background:var(--planned)}
table{border-collapse:collapse;width:100%;font-size:14px}
th,td{border-bottom:1px solid var(--line);padding:5px 6px;text-align:left;vertical-align:top}
th{background:var(--soft);font-weight:600}
td.num{text-align:right;white-space:nowrap}
.owner{border-left:4px solid var(--late);padding-left:10px;margin:12px 0}
.owner table{table-layout:fixed}.owner th:nth-child(1){width:7em}
.owner th:nth-child(3){width:8em}.owner th:nth-child(4){width:13em}
.activity{border:1px solid var(--line);border-radius:8px;padding:10px 14px;margin:12px 0;
break-inside:avoid}
.activity h3{margin:0 0 6px}
dl{display:grid;grid-template-columns:max-content 1fr;gap:2px 12px;margin:6px 0}
dt{color:var(--muted)}dd{margin:0}
.muted{color:var(--muted)}
.ok{color:var(--done)}
footer{margin:32px 0 8px;font-size:12px;color:var(--muted)}
@media (max-width:640px){
main{padding:10px}h1{font-size:19px}
dl{grid-template-columns:1fr}dt{margin-top:4px}
.wide td:first-child,.wide th:first-child{display:none}
.owner table{table-layout:auto}.owner th:nth-child(n){width:auto}
}
@media print{
@page{size:A4;margin:12mm}
body{font-size:11pt}main{max-width:none;padding:0}
.chart{overflow:visible;border:0}.chart svg{min-width:0}
h2{break-after:avoid}.activity,.owner,tr{break-inside:avoid}
*{-webkit-print-color-adjust:exact;print-color-adjust:exact}
}
"""


def _progress(status: PlanStatus) -> str:
    p = status.progress
    pct = round(p.ratio * 100)
    cards = [
        f'<div class="card"><div>Hoàn thành</div><div class="n">{pct}%</div>'
        f'<div class="meter" role="progressbar" aria-valuenow="{pct}" aria-valuemin="0" '
        f'aria-valuemax="100"><span style="width:{pct}%"></span></div>'
        f'<div class="muted">{p.done}/{p.total - p.by_status["cancelled"]} việc '
        f"(không tính việc hủy)</div></div>"
    ]
    for kind in ("activity", "task", "report"):
        done, total = p.by_kind[kind]
        word = "đã nộp" if kind == "report" else "xong"
        cards.append(
            f'<div class="card"><div>{KIND[kind]}</div><div class="n">{done}/{total}</div>'
            f'<div class="muted">{word}</div></div>'
        )
    cards.append(
        f'<div class="card{" late" if p.late else ""}"><div>Trễ hạn</div>'
        f'<div class="n">{p.late}</div><div class="muted">việc chưa xong đã quá hạn</div></div>'
    )
    counts = "".join(f"<li>{_badge(s)} {n}</li>" for s, n in p.by_status.items() if n)
    return (
        f'<section id="tien-do"><h2>Tiến độ</h2><div class="progress">{"".join(cards)}</div>'
        f'<ul class="counts" aria-label="Số việc theo trạng thái">{counts}</ul></section>'
    )


def _legend() -> str:
    entries = [
        ("var(--planned)", "Chưa thực hiện"),
        ("var(--in_progress)", "Đang thực hiện"),
        ("var(--done)", "Đã hoàn thành"),
        ("var(--postponed)", "Tạm hoãn / hạn báo cáo"),
        ("var(--cancelled)", "Hủy"),
        ("#fff;border:2px solid var(--late)", "Trễ hạn"),
        ("#eef1f4", "Thứ Bảy, Chủ nhật"),
        ("#fde8e8", "Ngày lễ"),
        ("var(--today);height:3px", "Ngày xem"),
        ("var(--day);height:3px", "Ngày kỷ niệm"),
    ]
    return (
        '<ul class="legend">'
        + "".join(f'<li><i style="background:{c}"></i>{_e(t)}</li>' for c, t in entries)
        + "</ul>"
    )


def _late_list(status: PlanStatus, as_of: AsOf) -> str:
    from .schedule import Snapshot, overdue

    groups = overdue(Snapshot(as_of, None, [status]))
    if not groups:
        return (
            '<section id="tre-han"><h2>Việc trễ hạn</h2>'
            f'<p class="ok">Không có việc nào trễ hạn tính đến {_e(_d(as_of.date))}.</p></section>'
        )
    parts = ['<section id="tre-han"><h2>Việc trễ hạn, theo đơn vị</h2>']
    for g in groups:
        name = g.owner.name if g.owner.id else "Chưa giao đơn vị"
        rows = []
        for it in g.items:
            due = _d(it.due) if it.due else "—"
            if it.due_time:
                due = f"{_hm(it.due_time)} {due}"
            late = (
                "trễ hôm nay"
                if it.days_late == 0
                else f"{it.days_late} ngày "
                f'<span class="muted">({it.working_days_late} ngày làm việc)</span>'
            )
            rows.append(
                f'<tr data-item="{_e(it.id)}"><td>{_e(KIND[it.kind])}</td><td>{_e(it.title)}</td>'
                f'<td class="num">{_e(due)}</td><td class="num">{late}</td></tr>'
            )
        parts.append(
            f'<div class="owner" data-owner="{_e(g.owner.id)}"><h3>{_e(name)} '
            f'<span class="badge late">{len(g.items)}</span></h3>'
            '<table class="wide"><thead><tr><th>Loại</th><th>Nội dung</th><th>Hạn</th>'
            f"<th>Trễ</th></tr></thead><tbody>{''.join(rows)}</tbody></table></div>"
        )
    parts.append("</section>")
    return "".join(parts)


def _deadlines(status: PlanStatus) -> str:
    plan = status.plan
    if not plan.deadlines:
        return ""
    reports: dict[str, list[Item]] = {}
    for it in status.items:
        if it.kind == "report" and it.deadline:
            reports.setdefault(it.deadline, []).append(it)
    parts = ['<section id="bao-cao"><h2>Báo cáo phải nộp</h2>']
    for d in plan.deadlines:
        due = (f"{_hm(d.time)} " if d.time else "") + _d(d.due)
        rows = []
        for it in reports.get(d.id, []):
            state = (
                f"Đã nộp {_d(it.done_on)}"
                if it.done_on
                else ("Trễ hạn" if it.late else f"Còn {it.days_left} ngày")
            )
            rows.append(
                f"<tr><td>{_e(_unit(plan, it.owner))}</td>"
                f"<td>{_badge(it.status, it.late)}</td><td>{_e(state)}</td></tr>"
            )
        to = f" — gửi {_e(_units(plan, d.to))}" if d.to else ""
        parts.append(
            f'<h3>{_e(d.title)}</h3><p class="muted">Hạn {_e(due)}{to}</p>'
            "<table><thead><tr><th>Đơn vị</th><th>Trạng thái</th><th></th></tr></thead>"
            f"<tbody>{''.join(rows)}</tbody></table>"
        )
    parts.append("</section>")
    return "".join(parts)


def _activity(plan: model.Plan, a: model.Activity, status: PlanStatus, as_of: AsOf) -> str:
    from ..plan.state import state_on

    items = {it.id: it for it in status.activities}
    it = items.get(a.id)
    st = state_on(plan, a, as_of.date)
    start, end = plan.activity_window(a)
    head = f"{a.number}. {a.title}" if a.number is not None else a.title
    facts = [
        ("Trạng thái", _badge(st.status, bool(it and it.late), a.tentative)),
        ("Thời gian", _e(_span(start, end))),
        ("Chủ trì", _e(_unit(plan, a.lead))),
    ]
    if a.support:
        facts.append(("Phối hợp", _e(_units(plan, a.support))))
    if st.status == "done" and st.on and not st.assumed:
        facts.append(("Hoàn thành ngày", _e(_d(st.on))))
    if a.reason and st.status in ("postponed", "cancelled"):
        facts.append(("Lý do", _e(a.reason)))
    if a.event is not None:
        e = a.event
        when = _d(e.date)
        if e.start:
            when = f"{_hm(e.start)}{'–' + _hm(e.end) if e.end else ''}, {weekday(e.date)} {when}"
        days = model.event_days(e)
        if len(days) > 1:
            when += f" đến {weekday(days[-1])} {_d(days[-1])} ({len(days)} ngày)"
        facts.append(("Sự kiện", _e(when) + (" (dự kiến)" if e.tentative else "")))
        if e.venue:
            facts.append(("Địa điểm", _e(e.venue)))
        if e.chair:
            facts.append(("Chủ trì sự kiện", _e(e.chair)))
        if e.invitees:
            facts.append(("Khách mời", _e(", ".join(_who(plan, i) for i in e.invitees))))
    parts = [
        f'<article class="activity" id="hd-{_e(a.id)}" data-activity-details="{_e(a.id)}">'
        f"<h3>{_e(head)}</h3><dl>"
        + "".join(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in facts)
        + "</dl>"
    ]
    if a.bullets:
        parts.append("<ul>" + "".join(f"<li>{_e(b)}</li>" for b in a.bullets) + "</ul>")
    if a.tasks:
        task_items = [x for x in status.items if x.kind == "task" and x.activity == a.id]
        rows = []
        for t, ti in zip(a.tasks, task_items, strict=False):
            due = (f"{_hm(t.time)} " if t.time and t.due else "") + (_d(t.due) if t.due else "—")
            rows.append(
                f"<tr><td>{_e(t.title)}</td><td>{_e(_unit(plan, t.owner))}</td>"
                f'<td class="num">{_e(due)}</td><td>{_badge(ti.status, ti.late, t.tentative)}</td>'
                "</tr>"
            )
        parts.append(
            "<table><thead><tr><th>Công việc</th><th>Đơn vị</th><th>Hạn</th><th>Trạng thái</th>"
            f"</tr></thead><tbody>{''.join(rows)}</tbody></table>"
        )
    if a.programme and a.event is not None:
        times = model.slot_times(a.event, a.programme)
        rows = []
        for slot, span in zip(a.programme, times, strict=True):
            when = f"{_hm(span[0])}–{_hm(span[1])}" if span else "—"
            rows.append(
                f'<tr><td class="num">{when}</td><td>{_e(slot.item)}</td>'
                f"<td>{_e(_who(plan, slot.by))}</td></tr>"
            )
        title = "Chương trình" + (" (dự kiến)" if a.programme_tentative else "")
        parts.append(
            f"<details><summary>{title} ({len(a.programme)} mục)</summary><table>"
            "<thead><tr><th>Thời gian</th><th>Nội dung</th><th>Thực hiện</th></tr></thead>"
            f"<tbody>{''.join(rows)}</tbody></table></details>"
        )
    if a.result is not None and st.held_on is not None:
        r = a.result
        bits = []
        if r.held_on:
            bits.append(f"Tổ chức ngày {_d(r.held_on)}")
        if r.participants is not None:
            bits.append(f"{r.participants} người tham dự")
        parts.append(f"<p><b>Kết quả:</b> {_e('; '.join(bits))}</p>" if bits else "")
        if r.outputs:
            parts.append("<ul>" + "".join(f"<li>{_e(o)}</li>" for o in r.outputs) + "</ul>")
        if r.notes:
            parts.append(f"<p>{_e(r.notes)}</p>")
    parts.append("</article>")
    return "".join(parts)


def _who(plan: model.Plan, by: str | None) -> str:
    if not by:
        return ""
    party = plan.party(by)
    if isinstance(party, model.Guest):
        return " ".join(x for x in (party.salutation, party.name) if x)
    return by if party is None else party.name


def render(plan: model.Plan, as_of: AsOf) -> str:
    """The dashboard page of one (valid) plan as of a date, as HTML text."""
    from .schedule import plan_status

    status = plan_status(plan, as_of)
    doc = plan.document
    period = plan.period
    facts = [
        f"<li><b>Tính đến:</b> {_e(weekday(as_of.date))} {_e(_d(as_of.date))}"
        + (" (hôm nay)" if as_of.today else "")
        + "</li>",
        f"<li><b>Thời gian:</b> {_e(_span(period.start, period.end))}</li>",
    ]
    if period.day is not None and status.days_to_day is not None:
        n = status.days_to_day
        when = (
            f"còn {n} ngày"
            if n > 0
            else ("hôm nay là ngày kỷ niệm" if n == 0 else f"đã qua {-n} ngày")
        )
        facts.append(f"<li><b>Ngày {_e(_dm(period.day))}:</b> {_e(when)}</li>")
    if doc.number:
        facts.append(f"<li><b>Số:</b> {_e(doc.number)}/{_e(doc.type)}-{_e(doc.agency_code)}</li>")
    theme = f'<p class="theme">Chủ đề: “{_e(plan.theme)}”</p>' if plan.theme else ""
    slogan = f'<p class="theme">Khẩu hiệu: “{_e(plan.slogans.main)}”</p>' if plan.slogans else ""
    details = "".join(_activity(plan, a, status, as_of) for a in plan.activities)
    issuer = " · ".join(x for x in (doc.parent, doc.agency) if x)
    title = f"Bảng theo dõi — {doc.title}"
    return (
        "<!DOCTYPE html>\n"
        '<html lang="vi"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        "style-src 'unsafe-inline'; img-src data:\">"
        f'<meta name="generator" content="tnplan"><title>{_e(title)}</title>'
        f"<style>{_CSS}</style></head>\n<body><main>"
        f'<header class="top"><p class="agency">{_e(issuer)}</p>'
        f"<h1>{_e(doc.title)}</h1>{theme}{slogan}"
        f'<ul class="facts">{"".join(facts)}</ul></header>\n'
        f"{_progress(status)}\n"
        '<section id="bieu-do"><h2>Biểu đồ tiến độ</h2>'
        f'<div class="chart">{gantt(status, as_of)}</div>{_legend()}</section>\n'
        f"{_late_list(status, as_of)}\n"
        f"{_deadlines(status)}\n"
        f'<section id="hoat-dong"><h2>Chi tiết các hoạt động</h2>{details}</section>\n'
        f"<footer>Lập bằng tnplan từ kế hoạch <code>{_e(plan.id)}</code>; số liệu tính đến "
        f"{_e(_d(as_of.date))}.</footer>"
        "</main></body></html>\n"
    )
