"""Terminal views of where plans stand: status, timeline, overdue and upcoming.

They only present what :mod:`tnplan.schedule` computed.  Output is built from Rich
``Text`` and ``Table`` objects (never markup, so a title with ``[brackets]`` prints as
written); colour appears only on a terminal and never with ``NO_COLOR``; piped output is
plain text with the same layout.  Widths are counted in terminal cells, so Vietnamese
titles with their diacritics wrap and truncate where they are shown to end.
"""

from __future__ import annotations

import datetime as dt
import math
import textwrap
from collections.abc import Sequence

from rich import box
from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from ..calendar.vi import date_short
from . import schedule as sch
from . import year as year_mod

# Words -------------------------------------------------------------------------------------

WORDS: dict[str, dict[str, str]] = {
    "vi": {
        "planned": "chưa làm",
        "in_progress": "đang làm",
        "done": "xong",
        "postponed": "hoãn",
        "cancelled": "hủy",
        "reported": "đã nộp",
        "activity": "hoạt động",
        "task": "công việc",
        "report": "báo cáo",
        "plan": "Kế hoạch",
        "theme": "Chủ đề",
        "period": "Thời gian",
        "as_of": "Tính đến",
        "unit": "Đơn vị",
        "progress": "Tiến độ",
        "activities": "Hoạt động",
        "tasks": "Công việc",
        "reports": "Báo cáo",
        "lead": "Chủ trì",
        "dates": "Thời gian",
        "status": "Trạng thái",
        "next": "Sắp đến hạn",
        "owners": "Đơn vị nhiều việc nhất",
        "open": "Đang mở",
        "late": "Trễ hạn",
        "due": "Hạn",
        "left": "Còn",
        "item": "Việc",
        "kind": "Loại",
        "days_late": "Trễ",
        "wd_late": "Ngày LV",
        "tentative": "dự kiến",
        "none_next": "Không có hạn nào sắp tới.",
        "none_owner": "Không còn việc nào đang mở.",
        "none_activity": "Không có hoạt động nào.",
    },
    "en": {
        "planned": "planned",
        "in_progress": "in progress",
        "done": "done",
        "postponed": "postponed",
        "cancelled": "cancelled",
        "reported": "reported",
        "activity": "activity",
        "task": "task",
        "report": "report",
        "plan": "Plan",
        "theme": "Theme",
        "period": "Period",
        "as_of": "As of",
        "unit": "Unit",
        "progress": "Progress",
        "activities": "Activities",
        "tasks": "Tasks",
        "reports": "Reports",
        "lead": "Lead",
        "dates": "Dates",
        "status": "Status",
        "next": "Next deadlines",
        "owners": "Units with the most open items",
        "open": "Open",
        "late": "Late",
        "due": "Due",
        "left": "Left",
        "item": "Item",
        "kind": "Kind",
        "days_late": "Late",
        "wd_late": "Work d.",
        "tentative": "tentative",
        "none_next": "Nothing falls due next.",
        "none_owner": "No open items.",
        "none_activity": "No activities.",
    },
}

_WEEKDAY_SHORT = {
    "vi": ("T2", "T3", "T4", "T5", "T6", "T7", "CN"),
    "en": ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"),
}
_WEEKDAY_LONG_EN = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTHS_EN = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip

STATUS_STYLE = {
    "planned": "blue",
    "in_progress": "yellow",
    "done": "green",
    "reported": "green",
    "postponed": "magenta",
    "cancelled": "dim",
}
LATE = "bold red"


LONGEST = 1000
"""Characters of a free text (a title, a theme) a view prints at most: a text longer than
ten lines is a slip in the plan, and laying out megabytes of it would take the terminal
minutes."""


def clip(text: str) -> str:
    """``text``, cut to :data:`LONGEST` characters with ``…`` when longer."""
    return text if len(text) <= LONGEST else fit(text[: LONGEST + 1], LONGEST)


def _w(lang: str, key: str) -> str:
    return WORDS[lang][key]


def days_word(n: int, lang: str) -> str:
    """``3 ngày`` / ``1 day``, ``3 days``."""
    if lang == "vi":
        return f"{n} ngày"
    return f"{n} day" if n == 1 else f"{n} days"


def late_word(n: int, lang: str) -> str:
    """How late an item is: ``trễ hôm nay`` / ``late today`` on its due day, else ``3 ngày``."""
    if n == 0:
        return "trễ hôm nay" if lang == "vi" else "late today"
    return days_word(n, lang)


def day_text(d: dt.date, ref: dt.date, *, weekday: bool = False, lang: str = "vi") -> str:
    """``19/6`` in ``ref``'s year, ``19/6/2027`` otherwise; with the weekday: ``19/6 (T6)``."""
    text = f"{d.day}/{d.month}" if d.year == ref.year else date_short(d)
    if weekday:
        text += f" ({_WEEKDAY_SHORT[lang][d.weekday()]})"
    return text


def _left(days: int, lang: str) -> str:
    """``hôm nay`` / ``today`` for 0, else ``3 ngày`` / ``3 days``."""
    if days == 0:
        return "hôm nay" if lang == "vi" else "today"
    return days_word(days, lang)


def long_date(d: dt.date, lang: str) -> str:
    """``Thứ Năm, 14/5/2026`` / ``Thursday 14/5/2026``."""
    from ..calendar.vi import weekday

    if lang == "vi":
        return f"{weekday(d)}, {date_short(d)}"
    return f"{_WEEKDAY_LONG_EN[d.weekday()]} {date_short(d)}"


def span_text(start: dt.date | None, end: dt.date | None, ref: dt.date) -> str:
    if start is None or end is None:
        return "—"
    if start == end:
        return day_text(start, ref)
    return f"{day_text(start, ref)}–{day_text(end, ref)}"


def due_text(d: dt.date | None, t: dt.time | None, ref: dt.date) -> str:
    if d is None:
        return "—"
    text = day_text(d, ref)
    if t is not None:
        text += f" {t.hour:02d}:{t.minute:02d}"
    return text


def _table(*, expand: bool = True) -> Table:
    return Table(
        box=box.SIMPLE_HEAD,
        show_edge=False,
        pad_edge=False,
        expand=expand,
        header_style="bold",
        padding=(0, 1),
    )


# Status ------------------------------------------------------------------------------------


def _phase_text(p: sch.PlanStatus, as_of: dt.date, lang: str) -> Text:
    day = p.day
    text = Text()
    text.append(f"{_w(lang, 'as_of')} {long_date(as_of, lang)}: ", style="bold")
    parts: list[str] = []
    if lang == "vi":
        if p.phase == "before":
            parts.append(f"chưa bắt đầu, còn {days_word(p.days_to_start, lang)}")
        elif p.phase == "during":
            parts.append(f"đang diễn ra, ngày thứ {p.day_of_period}/{p.period_days}")
        else:
            parts.append(f"đã kết thúc {days_word(p.days_since_end, lang)}")
        if day is not None and p.days_to_day is not None:
            d = day_text(day, as_of)
            if p.days_to_day > 0:
                parts.append(f"còn {days_word(p.days_to_day, lang)} đến ngày {d}")
            elif p.days_to_day == 0:
                parts.append(f"hôm nay là ngày {d}")
            else:
                parts.append(f"ngày {d} đã qua {days_word(-p.days_to_day, lang)}")
    else:
        if p.phase == "before":
            parts.append(f"not started, {days_word(p.days_to_start, lang)} to go")
        elif p.phase == "during":
            parts.append(f"under way, day {p.day_of_period} of {p.period_days}")
        else:
            parts.append(f"ended {days_word(p.days_since_end, lang)} ago")
        if day is not None and p.days_to_day is not None:
            d = day_text(day, as_of)
            if p.days_to_day > 0:
                parts.append(f"{days_word(p.days_to_day, lang)} to the day ({d})")
            elif p.days_to_day == 0:
                parts.append(f"today is the day ({d})")
            else:
                parts.append(f"the day ({d}) was {days_word(-p.days_to_day, lang)} ago")
    text.append("; ".join(parts))
    return text


def progress_bar(ratio: float, cells: int = 20) -> Text:
    full = round(ratio * cells)
    bar = Text("█" * full, style="green")
    bar.append("░" * (cells - full), style="dim")
    return bar


def _progress(p: sch.PlanStatus, lang: str) -> list[RenderableType]:
    prog = p.progress
    line = Text()
    line.append(f"{_w(lang, 'progress')}  ", style="bold")
    line.append_text(progress_bar(prog.ratio))
    percent = round(prog.ratio * 100)
    counted = prog.total - prog.by_status["cancelled"]
    done_word = "xong" if lang == "vi" else "done"
    line.append(f"  {prog.done}/{counted} {done_word} ({percent}%)")
    if prog.late:
        line.append(" · ")
        line.append(f"{prog.late} {_w(lang, 'late').lower()}", style=LATE)
    kinds = Text("  " + ("Xong: " if lang == "vi" else "Done: "))
    names = {"activity": "activity", "task": "task", "report": "report"}
    first = True
    for kind, (done, total) in prog.by_kind.items():
        if not total:
            continue
        if not first:
            kinds.append(" · ")
        first = False
        kinds.append(f"{_w(lang, names[kind])} {done}/{total}")
    counts = Text("  ")
    first = True
    for status, n in prog.by_status.items():
        if not n:
            continue
        if not first:
            counts.append(" · ")
        first = False
        counts.append(_w(lang, status), style=STATUS_STYLE[status])
        counts.append(f" {n}")
    return [line, kinds, counts]


def _shown_line(shown: int, total: int, which: str, lang: str) -> Text:
    """``Hiện 20 trên 1000 hoạt động, …; thêm --all để xem tất cả.``"""
    words = {
        "vi": {
            "activities": "hoạt động, những hoạt động gần ngày xem nhất",
            "overdue": "việc quá hạn, những việc mới đến hạn gần đây nhất",
            "upcoming": "việc, những việc đến hạn trước",
        },
        "en": {
            "activities": "activities, those nearest the day",
            "overdue": "overdue items, those that fell due most recently",
            "upcoming": "items, those falling due first",
        },
    }[lang][which]
    if lang == "vi":
        line = f"Hiện {shown} trên {total} {words}; thêm --all để xem tất cả."
    else:
        line = f"Showing {shown} of {total} {words}; add --all to see them all."
    return Text(line, style="dim")


def _activities_table(
    p: sch.PlanStatus, as_of: dt.date, lang: str, total: int, rows: int | None = None
) -> RenderableType:
    if not p.activities:
        return Text(_w(lang, "none_activity"))
    activities = sch.nearest(p.activities, rows, lambda it: sch.days_from(as_of, it.start, it.due))
    table = _table()
    table.add_column("#", justify="right", no_wrap=True)
    table.add_column(_w(lang, "activity").capitalize(), ratio=1, no_wrap=True, overflow="ellipsis")
    table.add_column(_w(lang, "lead"), no_wrap=True, max_width=12, overflow="ellipsis")
    table.add_column(_w(lang, "dates"), no_wrap=True)
    table.add_column(_w(lang, "status"), no_wrap=True)
    late = any(it.late for it in activities)
    if late:
        table.add_column(_w(lang, "days_late"), no_wrap=True, justify="right")
    tentative = any(it.tentative for it in activities)
    cols = [
        ["#", *(str(it.number or "") for it in activities)],
        [_w(lang, "lead"), *(it.owner_name for it in activities)],
        [_w(lang, "dates"), *(span_text(it.start, it.due, as_of) + "*" for it in activities)],
        [_w(lang, "status"), *(_w(lang, it.status) for it in activities)],
    ]
    if late:
        cols.append([_w(lang, "days_late"), *(late_word(it.days_late, lang) for it in activities)])
    room = _room(total, cols, caps={1: 12})
    for it in activities:
        dates = span_text(it.start, it.due, as_of)
        if it.tentative:
            dates += "*"
        number = Text(str(it.number) if it.number is not None else "")
        mark = _support_mark(it, lang)
        title = Text(fit(clip(it.title), room - len(mark)), style=LATE if it.late else "")
        if mark:
            title.append(mark, style="dim")
        status = Text(_w(lang, it.status), style=STATUS_STYLE.get(it.status, ""))
        row: list[RenderableType] = [number, title, it.owner_name, dates, status]
        if late:
            row.append(Text(late_word(it.days_late, lang), style=LATE) if it.late else "")
        table.add_row(*row)
    notes: list[RenderableType] = []
    if tentative:
        note = "* ngày còn dự kiến" if lang == "vi" else "* date still tentative"
        notes.append(Text(note, style="dim"))
    if len(activities) < len(p.activities):
        notes.append(_shown_line(len(activities), len(p.activities), "activities", lang))
    return Group(table, *notes) if notes else table


def _next_table(p: sch.PlanStatus, as_of: dt.date, lang: str, limit: int) -> RenderableType:
    if not p.next_due:
        return Text(_w(lang, "none_next"))
    table = _table()
    table.add_column(_w(lang, "due"), no_wrap=True)
    table.add_column(_w(lang, "left"), no_wrap=True, justify="right")
    table.add_column(_w(lang, "item"), ratio=1, overflow="fold")
    table.add_column(_w(lang, "unit"), no_wrap=True, max_width=14, overflow="ellipsis")
    tasks = [n for n in p.next_due if n.kind == "task"]
    shown = sorted(
        tasks[:limit] + [n for n in p.next_due if n.kind == "deadline"],
        key=lambda n: (n.due, n.due_time or dt.time.max, n.kind != "deadline"),
    )
    for n in shown:
        due = day_text(n.due, as_of, weekday=True, lang=lang)
        if n.due_time is not None:
            due += f" {n.due_time.hour:02d}:{n.due_time.minute:02d}"
        title = Text(clip(n.title))
        if n.kind == "deadline" and n.owners is not None:
            got = "đã nộp" if lang == "vi" else "reported"
            title.append(f" ({n.reported}/{n.owners} {got})", style="dim")
        who = n.owner_name or (f"{n.owners} đơn vị" if lang == "vi" else f"{n.owners} units")
        table.add_row(due, _left(n.days_left, lang), title, who)
    more = len(tasks) - limit
    if more <= 0:
        return table
    if lang == "vi":
        note = f"… và {more} công việc khác: xem `tnplan upcoming`."
    else:
        note = f"… and {_count(more, 'more task', lang)}: see `tnplan upcoming`."
    return Group(table, Text(note, style="dim"))


def _owners_table(p: sch.PlanStatus, lang: str, limit: int) -> RenderableType:
    if not p.owners:
        return Text(_w(lang, "none_owner"))
    table = _table(expand=False)
    table.add_column(_w(lang, "unit"), no_wrap=True, overflow="ellipsis", max_width=40)
    table.add_column(_w(lang, "open"), justify="right")
    table.add_column(_w(lang, "late"), justify="right")
    for o in p.owners[:limit]:
        table.add_row(o.owner.short, str(o.open), Text(str(o.late), style=LATE if o.late else ""))
    return table


def _heading(text: str) -> Text:
    return Text(text, style="bold underline")


def status_view(
    snap: sch.Snapshot,
    lang: str = "vi",
    *,
    limit: int = 5,
    cells: int = 80,
    rows: int | None = sch.ROWS,
) -> RenderableType:
    """``tnplan status``: per plan, the header, progress, activities, next deadlines, owners.

    Each plan lists its ``rows`` activities nearest the as-of date (None: all of them)."""
    total = cells
    parts: list[RenderableType] = []
    as_of = snap.as_of.date
    if snap.owner is not None:
        parts.append(_owner_line(snap.owner, lang))
    if not snap.plans:
        parts.append(Text(_w(lang, "none_owner")))
    for i, p in enumerate(snap.plans):
        if i:
            parts.append(Text(""))
        title = Text(f"{_w(lang, 'plan')}: ", style="bold")
        title.append(clip(p.title), style="bold")
        parts.append(title)
        if p.theme:
            theme = Text(f"{_w(lang, 'theme')}: ", style="bold")
            theme.append(clip(p.theme))
            parts.append(theme)
        period = Text(f"{_w(lang, 'period')}: ", style="bold")
        period.append(
            f"{date_short(p.start)} – {date_short(p.end)} ({days_word(p.period_days, lang)})"
        )
        parts.append(period)
        parts.append(_phase_text(p, as_of, lang))
        parts.append(Text(""))
        parts.extend(_progress(p, lang))
        parts.append(Text(""))
        parts.append(_heading(_w(lang, "activities")))
        parts.append(_activities_table(p, as_of, lang, total, rows))
        parts.append(Text(""))
        parts.append(_heading(_w(lang, "next")))
        parts.append(_next_table(p, as_of, lang, limit))
        if snap.owner is None:
            parts.append(Text(""))
            parts.append(_heading(_w(lang, "owners")))
            parts.append(_owners_table(p, lang, limit))
        if p.progress.late:
            parts.append(Text(""))
            n = p.progress.late
            if lang == "vi":
                note = f"Có {n} việc quá hạn: xem `tnplan overdue`."
            else:
                note = f"{n} item{'s' if n != 1 else ''} overdue: see `tnplan overdue`."
            parts.append(Text(note, style=LATE))
    return Group(*parts)


def _owner_line(owner: sch.Owner, lang: str) -> Text:
    line = Text(f"{_w(lang, 'unit')}: ", style="bold")
    line.append(owner.name)
    if owner.short != owner.name:
        line.append(f" ({owner.short})")
    return line


# Overdue -----------------------------------------------------------------------------------


def overdue_view(
    snap: sch.Snapshot,
    groups: Sequence[sch.OwnerGroup],
    lang: str = "vi",
    *,
    rows: int | None = sch.ROWS,
) -> RenderableType:
    """``tnplan overdue``: late items under each owner, days late in calendar and working days.

    One table per owner with the same column widths, so the columns line up down the page.
    Only the ``rows`` items that fell due most recently are listed (None: all of them); each
    owner's heading still counts all of its own.
    """
    from rich.padding import Padding

    as_of = snap.as_of.date
    count = sum(len(g.items) for g in groups)
    every = [it for g in groups for it in g.items]
    kept = {id(it) for it in sch.nearest(every, rows, lambda it: it.days_late)}
    shown = [(g, [it for it in g.items if id(it) in kept]) for g in groups]
    shown = [(g, its) for g, its in shown if its]
    parts: list[RenderableType] = []
    if snap.owner is not None:
        parts.append(_owner_line(snap.owner, lang))
    if not count:
        if lang == "vi":
            parts.append(Text(f"Không có việc nào quá hạn tính đến {date_short(as_of)}."))
        else:
            parts.append(Text(f"Nothing is overdue as of {date_short(as_of)}."))
        return Group(*parts)
    head = Text(style="bold")
    if lang == "vi":
        head.append(f"Quá hạn tính đến {long_date(as_of, lang)}: {count} việc")
        if len(groups) > 1:
            head.append(f" của {len(groups)} đơn vị")
    else:
        head.append(f"Overdue as of {long_date(as_of, lang)}: {_count(count, 'item', lang)}")
        if len(groups) > 1:
            head.append(f", {len(groups)} units")
    parts.append(head)
    several = len(snap.plans) > 1
    due_w = max(
        len(_w(lang, "due")),
        *(len(due_text(it.due, it.due_time, as_of)) for _, its in shown for it in its),
    )
    late_w = max(
        len(_w(lang, "days_late")),
        *(len(_late_cell(it.days_late, lang)) for _, its in shown for it in its),
    )
    wd_w = len(_w(lang, "wd_late"))
    num_w = max(1, *(len(str(it.number or "")) for _, its in shown for it in its))
    plan_w = min(14, max(len(_w(lang, "plan")), *(len(p.id) for p in snap.plans)))
    for n, (g, items) in enumerate(shown):
        parts.append(Text(""))
        heading = Text(style="bold")
        if g.owner.id:
            heading.append(g.owner.name)
            if g.owner.short != g.owner.name:
                heading.append(f" ({g.owner.short})")
        else:
            heading.append("Chưa giao đơn vị" if lang == "vi" else "No owner")
        heading.append(f": {_count(len(g.items), 'item', lang)}")
        if len(items) < len(g.items):
            heading.append(f", hiện {len(items)}" if lang == "vi" else f", {len(items)} shown")
        parts.append(heading)
        table = _table()
        table.show_header = n == 0
        table.add_column("#", justify="right", no_wrap=True, width=num_w)
        table.add_column(_w(lang, "item"), ratio=1, overflow="fold")
        if several:
            table.add_column(_w(lang, "plan"), no_wrap=True, width=plan_w, overflow="ellipsis")
        table.add_column(_w(lang, "due"), no_wrap=True, width=due_w)
        table.add_column(_w(lang, "days_late"), justify="right", no_wrap=True, width=late_w)
        table.add_column(_w(lang, "wd_late"), justify="right", no_wrap=True, width=wd_w)
        for it in items:
            row: list[RenderableType] = [
                "" if it.number is None else str(it.number),
                _item_title(it, lang),
            ]
            if several:
                row.append(it.plan)
            row += [
                due_text(it.due, it.due_time, as_of),
                Text(_late_cell(it.days_late, lang), style=LATE),
                str(it.working_days_late),
            ]
            table.add_row(*row)
        parts.append(Padding(table, (0, 0, 0, 2)))
    parts.append(Text(""))
    if len(kept) < count:
        parts.append(_shown_line(len(kept), count, "overdue", lang))
    if lang == "vi":
        note = (
            "#: số thứ tự hoạt động; Trễ: số ngày lịch sau hạn; Ngày LV: số ngày làm việc "
            "(trừ thứ Bảy, Chủ nhật, ngày lễ)."
        )
    else:
        note = (
            "#: activity number; Late: calendar days past due; Work d.: working days "
            "(weekends and holidays skipped)."
        )
    parts.append(Text(note, style="dim"))
    return Group(*parts)


def _late_cell(n: int, lang: str) -> str:
    """The overdue table's "Late" cell: the days, or ``trễ hôm nay`` on the due day itself."""
    return late_word(0, lang) if n == 0 else str(n)


def _count(n: int, what: str, lang: str) -> str:
    """``3 việc`` / ``3 items``."""
    if lang == "vi":
        return f"{n} việc"
    return f"{n} {what}" if n == 1 else f"{n} {what}s"


def _item_title(it: sch.Item, lang: str) -> Text:
    """An item's title as overdue lists it, saying when it is a whole activity or a report."""
    from ..calendar.vi import fold

    title = Text()
    if it.kind == "activity":
        title.append(f"{_w(lang, 'activity').capitalize()}: ", style="dim")
    title.append(clip(it.title))
    if it.kind == "report" and not fold(it.title).startswith(fold(_w(lang, "report"))):
        title.append(f" ({_w(lang, 'report')})", style="dim")
    title.append(_support_mark(it, lang), style="dim")
    return title


def _support_mark(it: sch.Item, lang: str) -> str:
    """`` (phối hợp)`` after an activity ``--owner`` sees because it supports it."""
    if not it.supporting:
        return ""
    return " (phối hợp)" if lang == "vi" else " (supporting)"


# Upcoming ----------------------------------------------------------------------------------


def upcoming_view(
    snap: sch.Snapshot,
    ups: Sequence[sch.Upcoming],
    days: int,
    lang: str = "vi",
    *,
    rows: int | None = sch.ROWS,
) -> RenderableType:
    """``tnplan upcoming``: open items with a date in the next ``days`` days (the first
    ``rows`` of them; None: all)."""
    as_of = snap.as_of.date
    last = as_of + dt.timedelta(days=days)
    parts: list[RenderableType] = []
    if snap.owner is not None:
        parts.append(_owner_line(snap.owner, lang))
    span = f"{date_short(as_of)} – {date_short(last)}"
    if lang == "vi":
        head = f"Sắp tới trong {days} ngày ({span})"
    else:
        head = f"Coming up in the next {days_word(days, lang)} ({span})"
    parts.append(Text(head, style="bold"))
    if not ups:
        parts.append(Text("Không có việc nào." if lang == "vi" else "Nothing."))
        return Group(*parts)
    parts.append(Text(""))
    several = len(snap.plans) > 1
    table = _table()
    table.add_column(_w(lang, "due"), no_wrap=True)
    table.add_column(_w(lang, "left"), no_wrap=True, justify="right")
    table.add_column(_w(lang, "unit"), no_wrap=True, max_width=12, overflow="ellipsis")
    if several:
        table.add_column(_w(lang, "plan"), no_wrap=True, max_width=14, overflow="ellipsis")
    table.add_column(_w(lang, "item"), ratio=1, overflow="fold")
    what_vi = {"start": "bắt đầu", "end": "kết thúc", "due": ""}
    what_en = {"start": "starts", "end": "ends", "due": ""}
    for u in ups if rows is None else ups[:rows]:
        it = u.item
        due = day_text(u.date, as_of, weekday=True, lang=lang)
        if it.due_time is not None and u.what == "due":
            due += f" {it.due_time.hour:02d}:{it.due_time.minute:02d}"
        left = _left(u.days, lang)
        title = Text()
        what = (what_vi if lang == "vi" else what_en)[u.what]
        label = what or _w(lang, it.kind)
        title.append(f"{label[0].upper()}{label[1:]}: ", style="dim")
        title.append(clip(it.title))
        title.append(_support_mark(it, lang), style="dim")
        if it.status != "planned":
            title.append(f" ({_w(lang, it.status)})", style=STATUS_STYLE[it.status])
        row: list[RenderableType] = [due, left, it.owner_name]
        if several:
            row.append(it.plan)
        row.append(title)
        table.add_row(*row)
    parts.append(table)
    if rows is not None and len(ups) > rows:
        parts.append(_shown_line(rows, len(ups), "upcoming", lang))
    return Group(*parts)


# Timeline ----------------------------------------------------------------------------------

BAR = {
    "planned": "▒",
    "postponed": "▒",
    "in_progress": "▓",
    "done": "█",
    "reported": "█",
    "cancelled": "╌",
}
MILESTONE = "◆"
SUPPORTING = "+"  # after an activity's number: the unit asked for supports it (phối hợp)
MILESTONE_DONE = "◇"
TODAY = "│"
WEEKEND = "·"
HOLIDAY = ":"


class _Column:
    __slots__ = ("first", "last", "lead")

    def __init__(self, first: dt.date, last: dt.date, lead: bool) -> None:
        self.first = first
        self.last = last
        self.lead = lead  # the first cell of its day(s): milestones and the marker go here

    def holds(self, day: dt.date) -> bool:
        return self.first <= day <= self.last


def _columns(start: dt.date, end: dt.date, room: int) -> tuple[list[_Column], int, int]:
    """Columns for the span in ``room`` cells: (columns, cells per day, days per cell)."""
    n = (end - start).days + 1
    cols: list[_Column] = []
    if n <= room:
        per_day = max(1, min(3, room // n))
        for i in range(n):
            day = start + dt.timedelta(days=i)
            cols.extend(_Column(day, day, j == 0) for j in range(per_day))
        return cols, per_day, 1
    per_cell = math.ceil(n / room)
    for i in range(math.ceil(n / per_cell)):
        first = start + dt.timedelta(days=i * per_cell)
        last = min(end, first + dt.timedelta(days=per_cell - 1))
        cols.append(_Column(first, last, True))
    return cols, 1, per_cell


def _room(total: int, cols: list[list[str]], caps: dict[int, int] | None = None) -> int:
    """Cells left for one flexible column beside ``cols`` (each: header then cells)."""
    from rich.cells import cell_len

    used = 0
    for i, col in enumerate(cols):
        w = max(cell_len(c) for c in col)
        if caps and i in caps:
            w = min(w, caps[i])
        used += w
    return max(8, total - used - 3 * len(cols))


def fit(text: str, cells: int) -> str:
    """``text`` in at most ``cells`` terminal cells: cut at a word when one is near, with ``…``."""
    from rich.cells import cell_len, set_cell_size

    from ..calendar.vi import nfc

    text = nfc(text)  # a letter and its marks are one cell: never cut between them
    if cell_len(text) <= cells:
        return text
    cut = set_cell_size(text, cells - 1)
    space = cut.rfind(" ")
    at_word_end = text[len(cut) : len(cut) + 1] == " "
    if not at_word_end and space >= len(cut) * 2 // 3:
        cut = cut[:space]
    return cut.rstrip(" ,;:-–") + "…"


def _truncate(text: str, cells: int) -> str:
    """``text`` cut to ``cells`` terminal cells, with ``…`` when cut."""
    from rich.cells import cell_len, set_cell_size

    if cell_len(text) <= cells:
        return text
    return set_cell_size(text, cells - 1).rstrip() + "…"


def _place(line: list[str], at: int, label: str) -> bool:
    """Write ``label`` into ``line`` from ``at`` if it fits with a space before it."""
    end = at + len(label)
    if end > len(line):
        return False
    if any(ch != " " for ch in line[max(0, at - 1) : end]):
        return False
    line[at:end] = list(label)
    return True


def timeline_view(tl: sch.Timeline, lang: str = "vi", *, cells: int = 80) -> Text:
    """``tnplan timeline``: a Gantt chart, one row per activity, days across."""
    total = cells
    label_w = max(16, min(36, total * 2 // 7))
    offset = label_w + 3  # the label, then " ! " (the late or tentative mark)
    cols, per_day, per_cell = _columns(tl.start, tl.end, max(7, total - offset))
    as_of = tl.as_of.date
    kinds = {d.date: d for d in tl.days}
    out = Text(no_wrap=True, overflow="crop")

    # Title.
    span = f"{date_short(tl.start)} – {date_short(tl.end)}"
    if lang == "vi":
        head = f"Tiến độ theo ngày, tính đến {date_short(as_of)} · {span}"
        if per_cell > 1:
            head += f" · 1 ô = {per_cell} ngày"
    else:
        head = f"Timeline as of {date_short(as_of)} · {span}"
        if per_cell > 1:
            head += f" · 1 cell = {per_cell} days"
    if not tl.start <= as_of <= tl.end:
        head += " (ngày tính ngoài khoảng này)" if lang == "vi" else " (as-of date outside)"
    if tl.owner is not None:
        head += f" · {tl.owner.short}"
    out.append(_truncate(head, total), style="bold")
    out.append("\n")

    # Axis: months, then day numbers (Mondays, or every day when there is room), the marker.
    months = [" "] * len(cols)
    numbers = [" "] * len(cols)
    marker = [" "] * len(cols)
    every_day = per_day >= 3
    for i, c in enumerate(cols):
        if not c.lead:
            continue
        first = next((d for d in _days(c.first, c.last) if d.day == 1), None)
        if first is not None:
            _place(months, i, _month(first, tl.start, lang))
        shown = (
            c.first
            if every_day
            else next((d for d in _days(c.first, c.last) if d.weekday() == 0), None)
        )
        if shown is not None:
            _place(numbers, i, str(shown.day))
        if c.holds(as_of):
            marker[i] = "▼"
    # The month the span starts in, if it fits before the next month's name.
    label = _month(tl.start, tl.start, lang)
    if months[0] == " " and all(ch == " " for ch in months[: len(label) + 1]):
        _place(months, 0, label)
    if every_day:
        axis = "Ngày" if lang == "vi" else "Day"
    else:
        axis = "Thứ Hai" if lang == "vi" else "Mondays"
    out.append(" " * offset + "".join(months).rstrip() + "\n", style="dim")
    out.append(_truncate(axis, label_w).rjust(label_w) + "   ", style="dim")
    out.append("".join(numbers).rstrip() + "\n", style="dim")
    if "▼" in marker:
        out.append(" " * offset)
        out.append("".join(marker).rstrip() + "\n", style="bold red")

    # Rows.
    for row in tl.rows:
        out.append_text(_row_label(row, label_w, lang))
        mark = "!" if row.late else ("?" if row.tentative else " ")
        out.append(f" {mark} ", style=LATE if row.late else "dim")
        out.append_text(_row_cells(row, cols, kinds, as_of))
        out.append("\n")

    if tl.hidden:
        note = _shown_line(tl.activities - tl.hidden, tl.activities, "activities", lang)
        for line in textwrap.wrap(note.plain, max(20, total)):
            out.append(line + "\n", style="dim")

    # Legend, wrapped at the width.
    legend = Text(style="dim")
    used = 0
    legend_items = _legend(lang, as_of)
    if any(row.supporting for row in tl.rows):
        legend_items.append((SUPPORTING, "phối hợp" if lang == "vi" else "supporting"))
    for j, (sym, word) in enumerate(legend_items):
        piece = f"{sym} {word}"
        sep = "  " if j else ""
        if used and used + len(sep) + len(piece) > total:
            legend.append("\n")
            used = 0
            sep = ""
        legend.append(sep + piece)
        used += len(sep) + len(piece)
    out.append_text(legend)
    return out


def _month(day: dt.date, start: dt.date, lang: str) -> str:
    """``tháng 5``, or ``tháng 1/2027`` in another year than the span's start."""
    label = f"tháng {day.month}" if lang == "vi" else _MONTHS_EN[day.month - 1]
    if day.year != start.year:
        label += f"/{day.year}" if lang == "vi" else f" {day.year}"
    return label


def _days(first: dt.date, last: dt.date) -> list[dt.date]:
    return [first + dt.timedelta(days=i) for i in range((last - first).days + 1)]


def _row_label(row: sch.TimelineRow, width_: int, lang: str) -> Text:
    if row.kind == "plan":
        text = row.title
        style = "bold"
    elif row.kind == "activity":
        number = (
            "" if row.number is None else f"{row.number}{SUPPORTING if row.supporting else ''} "
        )
        text = number + row.title
        style = ""
    elif row.kind == "deadline" and row.end is not None:
        text = f"{MILESTONE} {row.end.day}/{row.end.month} {row.title}"
        style = ""
    else:
        text = f"  {row.title}"
        style = "dim"
    if row.late:
        style = LATE
    return Text(_truncate(text, width_).ljust(width_), style=style)


def _row_cells(
    row: sch.TimelineRow, cols: list[_Column], kinds: dict[dt.date, sch.Day], as_of: dt.date
) -> Text:
    cells = Text()
    for c in cols:
        ch, style = _background(c, kinds, as_of)
        if row.start is not None and row.end is not None:
            if row.milestone:
                if c.lead and c.holds(row.start):
                    ch = MILESTONE_DONE if row.status in sch.CLOSED else MILESTONE
                    style = LATE if row.late else STATUS_STYLE.get(row.status, "")
            elif row.start <= c.last and row.end >= c.first:
                if row.kind == "plan":
                    ch, style = "─", "dim"
                else:
                    ch = BAR.get(row.status, "▒")
                    style = LATE if row.late else STATUS_STYLE.get(row.status, "")
        cells.append(ch, style=style)
    return cells


def _background(c: _Column, kinds: dict[dt.date, sch.Day], as_of: dt.date) -> tuple[str, str]:
    if c.lead and c.holds(as_of):
        return TODAY, "bold red"
    days = [kinds[d] for d in _days(c.first, c.last) if d in kinds]
    if days and all(d.kind != "work" for d in days):
        if any(d.kind == "holiday" for d in days):
            return HOLIDAY, "red"
        return WEEKEND, "dim"
    return " ", ""


def _legend(lang: str, as_of: dt.date) -> list[tuple[str, str]]:
    if lang == "vi":
        items = [
            (BAR["planned"], "chưa làm"),
            (BAR["in_progress"], "đang làm"),
            (BAR["done"], "xong"),
            (BAR["cancelled"], "hủy"),
            (MILESTONE, "hạn"),
            (MILESTONE_DONE, "đã xong"),
            (TODAY, f"ngày {date_short(as_of)}"),
            (WEEKEND, "cuối tuần"),
            (HOLIDAY, "ngày lễ"),
            ("!", "trễ hạn"),
            ("?", "dự kiến"),
        ]
    else:
        items = [
            (BAR["planned"], "planned"),
            (BAR["in_progress"], "in progress"),
            (BAR["done"], "done"),
            (BAR["cancelled"], "cancelled"),
            (MILESTONE, "due"),
            (MILESTONE_DONE, "met"),
            (TODAY, date_short(as_of)),
            (WEEKEND, "weekend"),
            (HOLIDAY, "holiday"),
            ("!", "late"),
            ("?", "tentative"),
        ]
    return items


# A year ------------------------------------------------------------------------------------

_MONTH_SHORT = {
    "vi": tuple(f"T{m}" for m in range(1, 13)),
    "en": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
}
EVENT = "●"


def year_view(y: year_mod.Year, lang: str = "vi", *, cells: int = 80) -> Text:
    """``tnplan timeline --year``: months across, a row per plan, then what each row is."""
    vi = lang == "vi"
    total = cells
    label_w = max(12, min(30, total // 4))
    per_month = max(3, (total - label_w - 3) // 12)
    as_of = y.as_of.date
    out = Text(no_wrap=True, overflow="crop")
    n = len(y.rows)
    if vi:
        head = f"Năm {y.year} · {n} kế hoạch · tính đến {date_short(as_of)}"
    else:
        head = f"Year {y.year} · {n} plan{'s' if n != 1 else ''} · as of {date_short(as_of)}"
    out.append(_truncate(head, total), style="bold")
    out.append("\n")
    if not y.rows:
        out.append(
            f"Không có kế hoạch nào có ngày trong năm {y.year}."
            if vi
            else f"No plan has a day in {y.year}."
        )
        return out

    # Each month is `per_month` cells; a cell covers a slice of its month's days.
    cols: list[tuple[dt.date, dt.date]] = []
    for m in range(1, 13):
        first = dt.date(y.year, m, 1)
        days = (dt.date(y.year + (m == 12), m % 12 + 1, 1) - first).days
        for k in range(per_month):
            a = first + dt.timedelta(days=k * days // per_month)
            b = first + dt.timedelta(
                days=max(k * days // per_month, (k + 1) * days // per_month - 1)
            )
            cols.append((a, b))
    offset = label_w + 3
    months = "".join(name.ljust(per_month) for name in _MONTH_SHORT[lang])
    out.append(" " * offset + months.rstrip() + "\n", style="dim")
    marker = ["▼" if a <= as_of <= b else " " for a, b in cols]
    if "▼" in marker:
        out.append(" " * offset + "".join(marker).rstrip() + "\n", style="bold red")
    for i, row in enumerate(y.rows, 1):
        late = row.late > 0
        out.append(
            _truncate(f"{i}. {row.title}", label_w).ljust(label_w),
            style=LATE if late else "",
        )
        out.append(" ! " if late else "   ", style=LATE if late else "dim")
        for a, b in cols:
            ch, style = ("│", "bold red") if a <= as_of <= b else (" ", "")
            if row.start <= b and row.end >= a:
                ch, style = "─", "dim"
            spans = [s for s in row.spans if s.start <= b and s.end >= a]
            if spans:
                s = max(spans, key=lambda s: (s.late, s.status not in sch.CLOSED))
                ch = BAR.get(s.status, "▒")
                style = LATE if s.late else STATUS_STYLE.get(s.status, "")
            marks = [m for m in row.marks if a <= m.date <= b]
            if marks:
                top = max(marks, key=lambda x: (x.kind == "deadline", x.late))
                done_mark = MILESTONE_DONE if top.done else MILESTONE
                ch = done_mark if top.kind == "deadline" else EVENT
                style = LATE if top.late else ("green" if top.done else "bold")
            out.append(ch, style=style)
        out.append("\n")
    out.append("\n")
    for i, row in enumerate(y.rows, 1):
        span = f"{date_short(row.start)}–{date_short(row.end)}"
        if vi:
            line = f"{i}. {span} · {row.done}/{row.total} xong"
            line += f" · {row.late} trễ hạn" if row.late else ""
        else:
            line = f"{i}. {span} · {row.done}/{row.total} done"
            line += f" · {row.late} late" if row.late else ""
        line += f" · {row.title}"
        out.append(_truncate(line, total) + "\n", style=LATE if row.late else "")
    words = (
        [(BAR["planned"], "chưa làm"), (BAR["in_progress"], "đang làm"), (BAR["done"], "xong"),
         ("─", "thời gian kế hoạch"), (EVENT, "sự kiện"), (MILESTONE, "hạn báo cáo"),
         ("│", f"ngày {date_short(as_of)}"), ("!", "có việc trễ hạn")]
        if vi
        else [(BAR["planned"], "planned"), (BAR["in_progress"], "in progress"),
              (BAR["done"], "done"), ("─", "plan period"), (EVENT, "event"), (MILESTONE, "due"),
              ("│", date_short(as_of)), ("!", "something late")]
    )  # fmt: skip
    legend = Text(style="dim")
    used = 0
    for j, (sym, word) in enumerate(words):
        piece = f"{sym} {word}"
        sep = "  " if j else ""
        if used and used + len(sep) + len(piece) > total:
            legend.append("\n")
            used, sep = 0, ""
        legend.append(sep + piece)
        used += len(sep) + len(piece)
    out.append_text(legend)
    return out
