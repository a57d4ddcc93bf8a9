"""``tnplan status``, ``timeline``, ``overdue`` and ``upcoming``: where plans stand."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from . import app, common
from .i18n import english, tr

if TYPE_CHECKING:
    from ..plan import model
    from ..track import schedule

PlanArg = Annotated[
    Path | None,
    typer.Argument(
        metavar=tr("KẾ_HOẠCH", "PLAN"),
        help=tr(
            "Tệp kế hoạch, hoặc thư mục (mọi kế hoạch trong đó); mặc định: kế hoạch trong "
            "./plans/ hoặc kế hoạch đi kèm. Ví dụ: plans/ngay-khcn-2026.yaml",
            "A plan file, or a folder (every plan in it); by default the plan in ./plans/ or "
            "the bundled plan. Example: plans/ngay-khcn-2026.yaml",
        ),
        show_default=False,
    ),
]
AsOfOpt = Annotated[
    str,
    typer.Option(
        "--as-of",
        metavar=tr("NGÀY", "DATE"),
        help=tr(
            "Ngày xem tiến độ: 14/5/2026, 2026-05-14 hoặc today (hôm nay theo múi giờ của "
            "kế hoạch). Ví dụ: --as-of 14/5/2026",
            "The day to look from: 14/5/2026, 2026-05-14 or today (in the plan's time zone). "
            "Example: --as-of 14/5/2026",
        ),
    ),
]
OwnerOpt = common.OwnerOpt
OldOwnerOpt = common.OldOwnerOpt
ROWS = 20
"""Rows of a long list on the terminal without ``--all`` (``tnplan.track.schedule.ROWS``)."""
MAX_DAYS = 3660
"""``upcoming --days`` looks at most ten years ahead."""
AllOpt = Annotated[
    bool,
    typer.Option(
        "--all",
        "-a",
        help=tr(
            f"Hiện tất cả; mặc định một danh sách dài chỉ hiện {ROWS} dòng gần ngày xem nhất, "
            "kèm tổng số.",
            f"Show everything; by default a long list shows the {ROWS} rows nearest the day, "
            "and how many there are.",
        ),
    ),
]
JsonOpt = Annotated[
    bool,
    typer.Option(
        "--json",
        help=tr(
            "In JSON (cấu trúc ổn định, xem docs/json.md).",
            "Print JSON (a stable shape, see docs/json.md).",
        ),
    ),
]


def _load(
    plan: Path | None, as_of: str, owner: str | None, lang: str, old_owner: str | None = None
) -> tuple[list[model.Plan], schedule.Snapshot]:
    """The plans (a file, or every plan of a folder) and the snapshot the command shows."""
    from ..track import schedule

    owner = common.owner_option(owner, old_owner, lang)
    paths = [common.one_plan(None, lang)] if plan is None else common.plan_paths(plan, lang)
    plans = common.load_plans(paths, lang)
    when = schedule.parse_as_of(as_of, plans[0].document.timezone, lang=lang)
    who = schedule.resolve_owner(plans, owner, lang=lang) if owner else None
    return plans, schedule.snapshot(plans, when, who)


def _print(renderable: object) -> None:
    from .output import print_view

    print_view(renderable)


def _width() -> int:
    from .output import width

    return width()


def _echo_json(data: object) -> None:
    typer.echo(json.dumps(data, ensure_ascii=False, indent=2))


@app.command()
@english(
    """Where the plan stands: period, progress, activities, next deadlines, busiest units.

    Examples: tnplan status --as-of 14/5/2026 · tnplan status plans/ --owner vp --json
    """
)
def status(
    plan: PlanArg = None,
    as_of: AsOfOpt = "today",
    owner: OwnerOpt = None,
    as_json: JsonOpt = False,
    all_rows: AllOpt = False,
    lang: common.LangOpt = None,
    old_owner: OldOwnerOpt = None,
) -> None:
    """Kế hoạch đang ở đâu: thời gian, tiến độ, hoạt động, hạn sắp tới, đơn vị nhiều việc.

    Ví dụ: tnplan status --as-of 14/5/2026 · tnplan status plans/ --owner vp --json
    """
    from ..track import schedule

    language = common.lang_from_env(lang)
    _, snap = _load(plan, as_of, owner, language, old_owner)
    if as_json:
        _echo_json(schedule.status_json(snap))
        return
    from ..track.views import status_view

    _print(status_view(snap, language, cells=_width(), rows=None if all_rows else ROWS))


@app.command()
@english(
    """A Gantt chart: one line an activity, the days across.

    By default from the plan's start to its last report deadline; weekends and holidays are
    shaded; a deadline is ◆. With --year: one year, the months across, one line for each plan
    of the folder.

    Examples: tnplan timeline --as-of 14/5/2026 --all · tnplan timeline --year 2026 plans/
    """
)
def timeline(
    plan: PlanArg = None,
    as_of: AsOfOpt = "today",
    start: Annotated[
        str | None,
        typer.Option(
            "--from",
            metavar=tr("NGÀY", "DATE"),
            help=tr(
                "Ngày đầu của biểu đồ. Ví dụ: --from 10/5/2026",
                "The chart's first day. Example: --from 10/5/2026",
            ),
            show_default=False,
        ),
    ] = None,
    end: Annotated[
        str | None,
        typer.Option(
            "--to",
            metavar=tr("NGÀY", "DATE"),
            help=tr(
                "Ngày cuối của biểu đồ. Ví dụ: --to 31/5/2026",
                "The chart's last day. Example: --to 31/5/2026",
            ),
            show_default=False,
        ),
    ] = None,
    owner: OwnerOpt = None,
    all_items: Annotated[
        bool,
        typer.Option(
            "--all",
            "-a",
            help=tr(
                f"Hiện tất cả: mọi hoạt động (mặc định {ROWS} hoạt động gần ngày xem nhất), "
                "cả công việc và từng đơn vị phải báo cáo bên dưới.",
                f"Show everything: every activity (by default the {ROWS} nearest the day), "
                "with the tasks, and each unit that owes a report, below.",
            ),
        ),
    ] = False,
    year: Annotated[
        int | None,
        typer.Option(
            "--year",
            "-y",
            min=1900,
            max=2200,
            metavar=tr("NĂM", "YEAR"),
            help=tr(
                "Cả một năm: các tháng theo chiều ngang, mỗi kế hoạch một dòng. Ví dụ: --year 2026",
                "A whole year: the months across, one line a plan. Example: --year 2026",
            ),
            show_default=False,
        ),
    ] = None,
    lang: common.LangOpt = None,
    old_owner: OldOwnerOpt = None,
) -> None:
    """Biểu đồ Gantt: mỗi hoạt động một dòng, các ngày theo chiều ngang.

    Mặc định từ đầu kế hoạch đến hạn báo cáo cuối; cuối tuần, ngày lễ được tô; hạn là ◆.
    Với --year: một năm, các tháng theo chiều ngang, mỗi kế hoạch trong thư mục một dòng.

    Ví dụ: tnplan timeline --as-of 14/5/2026 --all · tnplan timeline --year 2026 plans/
    """
    from ..plan.problems import TnplanError
    from ..track import schedule
    from ..track.views import timeline_view

    language = common.lang_from_env(lang)
    if year is not None and (start or end or all_items):
        raise TnplanError(
            "--year không đi cùng --from, --to, --all"
            if language == "vi"
            else "--year does not go with --from, --to or --all",
            hint="bỏ --year để xem theo ngày"
            if language == "vi"
            else "leave out --year to see the days",
            exit_code=2,
        )
    if year is not None:
        from ..track.views import year_view
        from ..track.year import year as year_of

        folder = plan if plan is not None else Path("plans") if Path("plans").is_dir() else None
        _, snap = _load(folder, as_of, owner, language, old_owner)
        _print(year_view(year_of(snap, year), language, cells=_width()))
        return
    _, snap = _load(plan, as_of, owner, language, old_owner)
    first = schedule.parse_day(start, "--from", lang=language) if start else None
    last = schedule.parse_day(end, "--to", lang=language) if end else None
    if first and last and first > last:
        raise TnplanError(
            "--from sau --to" if language == "vi" else "--from is after --to",
            hint="ví dụ --from 10/5/2026 --to 31/5/2026"
            if language == "vi"
            else "e.g. --from 10/5/2026 --to 31/5/2026",
            exit_code=2,
        )
    tl = schedule.timeline(
        snap, start=first, end=last, all_items=all_items, rows_shown=None if all_items else ROWS
    )
    _print(timeline_view(tl, language, cells=_width()))


@app.command()
@english(
    """Late items not done yet, unit by unit, in calendar and working days.

    Activities, tasks, and one line for each unit that has not sent its report.

    Example: tnplan overdue --as-of 1/7/2026 --fail
    """
)
def overdue(
    plan: PlanArg = None,
    as_of: AsOfOpt = "today",
    owner: OwnerOpt = None,
    as_json: JsonOpt = False,
    fail: Annotated[
        bool,
        typer.Option(
            "--fail",
            help=tr(
                "Thoát với mã 1 nếu có việc quá hạn (cho CI hoặc việc chạy hằng ngày).",
                "Exit with code 1 if anything is late (for CI or a daily job).",
            ),
        ),
    ] = False,
    all_rows: AllOpt = False,
    lang: common.LangOpt = None,
    old_owner: OldOwnerOpt = None,
) -> None:
    """Việc quá hạn chưa xong, theo từng đơn vị, trễ bao nhiêu ngày lịch và ngày làm việc.

    Gồm hoạt động, công việc, và mỗi đơn vị chưa nộp báo cáo một dòng.

    Ví dụ: tnplan overdue --as-of 1/7/2026 --fail
    """
    from ..track import schedule

    language = common.lang_from_env(lang)
    _, snap = _load(plan, as_of, owner, language, old_owner)
    groups = schedule.overdue(snap)
    if as_json:
        _echo_json(schedule.overdue_json(snap, groups))
    else:
        from ..track.views import overdue_view

        _print(overdue_view(snap, groups, language, rows=None if all_rows else ROWS))
    if fail and groups:
        raise typer.Exit(1)


@app.command()
@english(
    """What comes next: activities starting or ending, tasks and reports falling due.

    Example: tnplan upcoming --as-of 14/5/2026 --days 7 --owner vp
    """
)
def upcoming(
    plan: PlanArg = None,
    as_of: AsOfOpt = "today",
    days: Annotated[
        int,
        typer.Option(
            "--days",
            "-d",
            min=0,
            metavar=tr("SỐ_NGÀY", "DAYS"),
            help=tr(
                f"Số ngày tới cần xem (0 đến {MAX_DAYS}). Ví dụ: --days 7",
                f"How many days ahead to look (0 to {MAX_DAYS}). Example: --days 7",
            ),
        ),
    ] = 14,
    owner: OwnerOpt = None,
    all_rows: AllOpt = False,
    lang: common.LangOpt = None,
    old_owner: OldOwnerOpt = None,
) -> None:
    """Việc sắp đến: hoạt động bắt đầu hoặc kết thúc, công việc và báo cáo đến hạn.

    Ví dụ: tnplan upcoming --as-of 14/5/2026 --days 7 --owner vp
    """
    from ..track import schedule
    from ..track.views import upcoming_view

    language = common.lang_from_env(lang)
    if days > MAX_DAYS:  # a date that far would overflow the calendar
        from ..plan.problems import TnplanError

        raise TnplanError(
            f"--days {days}: số ngày từ 0 đến {MAX_DAYS}"
            if language == "vi"
            else f"--days {days}: use 0 to {MAX_DAYS}",
            exit_code=2,
        )
    _, snap = _load(plan, as_of, owner, language, old_owner)
    ups = schedule.upcoming(snap, days)
    _print(upcoming_view(snap, ups, days, language, rows=None if all_rows else ROWS))
