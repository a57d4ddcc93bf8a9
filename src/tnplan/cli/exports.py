"""``tnplan export ics|html|json|schema`` and ``tnplan new``: plans for other programs."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from . import app, common
from .i18n import english, tr

if TYPE_CHECKING:
    from ..plan.model import Plan

export_app = typer.Typer(
    name="export",
    help=tr(
        "Xuất kế hoạch cho chương trình khác: lịch (ics), trang theo dõi (html), dữ liệu (json), "
        "JSON Schema cho trình soạn thảo (schema).\n\n"
        "Ví dụ: tnplan export ics -o lich.ics · tnplan export html --as-of 14/5/2026 -o "
        "theo-doi.html",
        "The plan for other programs: a calendar (ics), a tracking page (html), data (json), "
        "a JSON Schema for editors (schema).\n\n"
        "Examples: tnplan export ics -o lich.ics · tnplan export html --as-of 14/5/2026 -o "
        "theo-doi.html",
    ),
    no_args_is_help=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)
app.add_typer(export_app, name="export")

PlanArg = Annotated[
    Path | None,
    typer.Argument(
        metavar=tr("KẾ_HOẠCH", "PLAN"),
        help=tr(
            "Tệp kế hoạch hoặc thư mục (mặc định: kế hoạch trong ./plans/). "
            "Ví dụ: plans/ngay-khcn-2026.yaml",
            "A plan file or folder (by default the plan in ./plans/). "
            "Example: plans/ngay-khcn-2026.yaml",
        ),
        show_default=False,
    ),
]


def _out(suffix: str) -> Any:
    """``--output``/``-o`` with an example of this command's kind of file."""
    return typer.Option(
        "--output",
        "-o",
        metavar=tr("TỆP", "FILE"),
        help=tr(
            f"Ghi ra tệp này (ghi đè nếu đã có) thay vì in ra màn hình. Ví dụ: -o {suffix}",
            f"Write to this file (replacing it if it exists) instead of the screen. "
            f"Example: -o {suffix}",
        ),
        show_default=False,
    )


def _emit(data: bytes, output: Path | None, lang: str) -> None:
    """Print to stdout, or write the file atomically and say so on stderr."""
    if output is None:
        typer.echo(data, nl=False)
        return
    from ..documents.render import write_atomic

    write_atomic(output, data, force=True, lang=lang)
    typer.echo(f"Đã ghi {output}" if lang == "vi" else f"Wrote {output}", err=True)


def _plan(arg: Path | None, lang: str) -> Plan:
    from ..plan.check import load_plan

    return load_plan(common.one_plan(arg, lang), lang=lang)


@export_app.command("ics")
@english(
    """An iCalendar (RFC 5545) file for Google Calendar, Outlook and phones.

    Activities are all-day events over their dates; events with a time are in the
    Asia/Ho_Chi_Minh time zone; report and task deadlines are all-day events with a reminder
    the day before. Each item has a fixed UID: importing a newer file updates, never doubles.

    Examples: tnplan export ics -o lich.ics · tnplan export ics --owner "Văn phòng Sở" -o vp.ics
    """
)
def export_ics(
    plan: PlanArg = None,
    owner: common.OwnerOpt = None,
    output: Annotated[Path | None, _out("lich.ics")] = None,
    lang: common.LangOpt = None,
) -> None:
    """Lịch iCalendar (RFC 5545) để nhập vào Google Calendar, Outlook, điện thoại.

    Hoạt động là sự kiện cả ngày theo thời gian thực hiện; sự kiện có giờ theo múi giờ
    Asia/Ho_Chi_Minh; hạn báo cáo và hạn công việc là sự kiện cả ngày, nhắc trước một ngày.
    Mỗi mục có UID cố định: nhập lại tệp mới thì cập nhật, không nhân đôi.

    Ví dụ: tnplan export ics -o lich.ics · tnplan export ics --owner "Văn phòng Sở" -o vp.ics
    """
    from ..exchange.export import ics
    from ..track.schedule import resolve_owner

    language = common.lang_from_env(lang)
    p = _plan(plan, language)
    uid = resolve_owner([p], owner, lang=language).owner.id if owner else None
    _emit(ics(p, owner=uid), output, language)


@export_app.command("html")
@english(
    """A one-file HTML tracking page that needs no network: progress, Gantt chart, late items.

    It reads on a phone and prints; send it as an attachment.

    Examples: tnplan export html -o theo-doi.html · tnplan export html --as-of 14/5/2026 -o t.html
    """
)
def export_html(
    plan: PlanArg = None,
    as_of: Annotated[
        str,
        typer.Option(
            "--as-of",
            metavar=tr("NGÀY", "DATE"),
            help=tr(
                "Tính đến ngày: 2026-05-14, 14/5/2026 hoặc today (theo múi giờ của kế hoạch). "
                "Ví dụ: --as-of 14/5/2026",
                "As of this day: 2026-05-14, 14/5/2026 or today (in the plan's time zone). "
                "Example: --as-of 14/5/2026",
            ),
        ),
    ] = "today",
    output: Annotated[Path | None, _out("theo-doi.html")] = None,
    lang: common.LangOpt = None,
) -> None:
    """Trang theo dõi HTML một tệp, không cần mạng: tiến độ, biểu đồ Gantt, việc trễ hạn.

    Mở được trên điện thoại, in được; gửi kèm thư như một tệp.

    Ví dụ: tnplan export html -o theo-doi.html · tnplan export html --as-of 14/5/2026 -o t.html
    """
    from ..track.dashboard import render
    from ..track.schedule import parse_as_of

    language = common.lang_from_env(lang)
    p = _plan(plan, language)
    when = parse_as_of(as_of, p.document.timezone, lang=language)
    _emit(render(p, when).encode("utf-8"), output, language)


@export_app.command("json")
@english(
    """The whole normalised plan as JSON (ISO dates, HH:MM times), for other programs.

    Keys in the format's own order; see docs/json-export.md.

    Examples: tnplan export json -o ke-hoach.json · tnplan export json | jq '.activities[].id'
    """
)
def export_json(
    plan: PlanArg = None,
    output: Annotated[Path | None, _out("ke-hoach.json")] = None,
    lang: common.LangOpt = None,
) -> None:
    """Toàn bộ kế hoạch đã chuẩn hóa, dạng JSON (ngày ISO, giờ HH:MM), cho chương trình khác.

    Khóa theo đúng thứ tự của định dạng; xem docs/json-export.md.

    Ví dụ: tnplan export json -o ke-hoach.json · tnplan export json | jq '.activities[].id'
    """
    from ..exchange.export import plan_json

    language = common.lang_from_env(lang)
    _emit(plan_json(_plan(plan, language)).encode("utf-8"), output, language)


@export_app.command("schema")
@english(
    """The JSON Schema (draft 2020-12) of the plan format, for VS Code to complete and check.

    A plan's first line: # yaml-language-server: $schema=../schema/tnplan-1.schema.json

    Example: tnplan export schema -o schema/tnplan-1.schema.json
    """
)
def export_schema(
    output: Annotated[Path | None, _out("schema/tnplan-1.schema.json")] = None,
    lang: common.LangOpt = None,
) -> None:
    """JSON Schema (draft 2020-12) của định dạng kế hoạch, để VS Code gợi ý và kiểm tra.

    Đặt dòng đầu tệp kế hoạch: # yaml-language-server: $schema=../schema/tnplan-1.schema.json

    Ví dụ: tnplan export schema -o schema/tnplan-1.schema.json
    """
    from ..exchange.export import schema_json

    language = common.lang_from_env(lang)
    _emit(schema_json().encode("utf-8"), output, language)


@app.command("new")
@english(
    """Next year's plan from this year's.

    Every date moves to the new year (29/2 → 28/2); statuses go back to planned; completion
    dates, results and received reports are cleared; the document's number and date are left
    empty; ids, comments and layout are kept. A comment at the top names the source and the
    lines still mentioning the old year, to review.

    Example: tnplan new --from plans/ngay-khcn-2026.yaml --year 2027
    """
)
def new(
    source: Annotated[
        Path,
        typer.Option(
            "--from",
            metavar=tr("TỆP", "FILE"),
            help=tr(
                "Kế hoạch năm trước. Ví dụ: --from plans/ngay-khcn-2026.yaml",
                "Last year's plan. Example: --from plans/ngay-khcn-2026.yaml",
            ),
            show_default=False,
        ),
    ],
    year: Annotated[
        int,
        typer.Option(
            "--year",
            metavar=tr("NĂM", "YEAR"),
            help=tr(
                "Năm của kế hoạch mới. Ví dụ: --year 2027",
                "The new plan's year. Example: --year 2027",
            ),
        ),
    ],
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            metavar=tr("TỆP", "FILE"),
            help=tr(
                "Tệp mới (mặc định: cạnh tệp cũ, thay năm trong tên: ngay-khcn-2027.yaml). "
                "Ví dụ: -o plans/ke-hoach-2027.yaml",
                "The new file (by default beside the old one, with the year in its name "
                "changed: ngay-khcn-2027.yaml). Example: -o plans/ke-hoach-2027.yaml",
            ),
            show_default=False,
        ),
    ] = None,
    same_weekday: Annotated[
        bool,
        typer.Option(
            "--same-weekday",
            help=tr(
                "Giữ thứ trong tuần: mỗi ngày chuyển sang ngày gần nhất cùng thứ "
                "(thứ Hai 18/5/2026 → thứ Hai 17/5/2027).",
                "Keep the weekday: each date moves to the nearest day on the same weekday "
                "(Monday 18/5/2026 → Monday 17/5/2027).",
            ),
        ),
    ] = False,
    force: Annotated[
        bool,
        typer.Option(
            "--force",
            help=tr("Ghi đè nếu tệp mới đã có.", "Overwrite the new file if it exists."),
        ),
    ] = False,
    lang: common.LangOpt = None,
) -> None:
    """Lập kế hoạch năm sau từ kế hoạch năm nay.

    Mọi ngày chuyển sang năm mới (29/2 → 28/2); trạng thái về planned; xóa ngày hoàn thành,
    kết quả, báo cáo đã nhận; để trống số và ngày văn bản; giữ nguyên các mã, chú thích và
    bố cục của tệp. Dòng chú thích đầu tệp ghi nguồn và các dòng còn nhắc năm cũ cần xem lại.

    Ví dụ: tnplan new --from plans/ngay-khcn-2026.yaml --year 2027
    """
    from ..documents.render import write_atomic
    from ..exchange.rollover import default_output, rollover

    language = common.lang_from_env(lang)
    rolled = rollover(source, year, same_weekday=same_weekday, lang=language)
    target = output or default_output(source, rolled.source_year, year)
    if target.resolve() == source.resolve():
        from ..plan.problems import TnplanError

        vi = language == "vi"
        raise TnplanError(
            "tệp mới trùng tệp nguồn" if vi else "the new file is the source file",
            hint="chọn tên khác với -o" if vi else "choose another name with -o",
            exit_code=2,
        )
    write_atomic(target, rolled.text.encode("utf-8"), force=force, lang=language)
    if language == "vi":
        msg = f"Đã lập {target} (kế hoạch {rolled.plan_id})"
        if rolled.review_lines:
            lines = ", ".join(map(str, rolled.review_lines))
            msg += f"; xem lại các dòng còn ghi năm {rolled.source_year}: {lines}"
    else:
        msg = f"Wrote {target} (plan {rolled.plan_id})"
        if rolled.review_lines:
            lines = ", ".join(map(str, rolled.review_lines))
            msg += f"; review the lines still mentioning {rolled.source_year}: {lines}"
    typer.echo(msg, err=True)
