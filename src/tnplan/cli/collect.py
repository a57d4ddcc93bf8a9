"""``tnplan collect form|read`` and ``tnplan remind``: results from units, and reminders."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from . import app, common

if TYPE_CHECKING:
    from ..plan import model

collect_app = typer.Typer(
    name="collect",
    help=(
        "Thu kết quả từ các đơn vị bằng biểu mẫu Excel: lập biểu mẫu gửi đi (form), đọc biểu mẫu "
        "đơn vị gửi lại và ghi kết quả cạnh tệp kế hoạch (read).\n\n"
        "Ví dụ: tnplan collect form --each -o bieu-mau/ · "
        "tnplan collect read nhan-ve/*.xlsx --date 19/6/2026"
    ),
    no_args_is_help=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)
app.add_typer(collect_app)

PlanOpt = Annotated[
    Path | None,
    typer.Option(
        "--plan",
        "-p",
        help="Tệp kế hoạch (mặc định: kế hoạch trong ./plans/). Ví dụ: -p plans/ngay-khcn-2026.yaml",
        show_default=False,
    ),
]
DeadlineOpt = Annotated[
    str | None,
    typer.Option(
        "--deadline",
        help="Hạn báo cáo (mặc định: hạn duy nhất các đơn vị báo cáo về cơ quan). "
        "Ví dụ: --deadline bao-cao-don-vi",
        show_default=False,
    ),
]


def _plan_path(path: Path | None, lang: str) -> Path:
    return common.one_plan(path, lang)


def _load(path: Path, lang: str) -> model.Plan:
    from ..plan.check import load_plan

    return load_plan(path, lang=lang)


@collect_app.command("form")
def collect_form(
    plan: PlanOpt = None,
    unit: Annotated[
        str | None,
        typer.Option(
            "--unit",
            help="Biểu mẫu của một đơn vị (mã, tên hoặc tên viết tắt). Ví dụ: --unit qlkh",
            show_default=False,
        ),
    ] = None,
    each: Annotated[
        bool,
        typer.Option("--each", help="Mỗi đơn vị phải báo cáo một biểu mẫu, ghi vào thư mục -o."),
    ] = False,
    deadline: DeadlineOpt = None,
    out: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="Thư mục (hoặc tệp .xlsx với --unit) để ghi biểu mẫu. Ví dụ: -o bieu-mau/",
            show_default=False,
        ),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Ghi đè biểu mẫu đã có.")] = False,
    lang: common.LangOpt = None,
) -> None:
    """Lập biểu mẫu Excel (.xlsx) cho đơn vị phải báo cáo kết quả.

    Mỗi biểu mẫu có trang hướng dẫn, trang Kết quả (mỗi hoạt động, công việc của đơn vị một
    dòng: trạng thái, ngày thực hiện, số người tham dự, kết quả, kinh phí đã chi, ghi chú; có
    kiểm tra dữ liệu, khóa tiêu đề, in A4 ngang), trang Khó khăn, đề xuất, và một trang ẩn ghi
    kế hoạch, đơn vị và dấu vân tay của phiên bản kế hoạch.

    Ví dụ: tnplan collect form --each -o bieu-mau/ · tnplan collect form --unit qlkh -o qlkh.xlsx
    """
    from ..documents import render
    from ..exchange.collect import make_forms
    from ..plan.problems import TnplanError

    language = common.lang_from_env(lang)
    vi = language == "vi"
    if each and unit:
        raise TnplanError(
            "dùng --unit hoặc --each, không dùng cả hai" if vi else "use --unit or --each, not both",
            exit_code=2,
        )
    if out is None:
        raise TnplanError(
            "cần -o: một thư mục" if vi else "-o is needed: a folder",
            hint="ví dụ -o bieu-mau/" if vi else "e.g. -o forms/",
            exit_code=2,
        )
    path = _plan_path(plan, language)
    outputs = make_forms(_load(path, language), unit=unit, each=each, deadline=deadline,
                         lang=language)  # fmt: skip
    folder = each or out.is_dir() or str(out).endswith(("/", os.sep)) or out.suffix != ".xlsx"
    paths = render.write_outputs(outputs, out, folder=folder, force=force, lang=language)
    for p in paths:
        typer.echo(f"{'Đã ghi' if vi else 'Wrote'} {p}", err=True)


@collect_app.command("read")
def collect_read(
    files: Annotated[
        list[Path],
        typer.Argument(
            help="Biểu mẫu (.xlsx) đơn vị gửi lại. Ví dụ: nhan-ve/bieu-mau-ngay-khcn-2026-qlkh.xlsx",
            show_default=False,
        ),
    ],
    plan: PlanOpt = None,
    date: Annotated[
        str,
        typer.Option(
            "--date",
            help="Ngày nhận biểu mẫu (ghi làm ngày nhận báo cáo): 19/6/2026, 2026-06-19 hoặc "
            "today. Ví dụ: --date 19/6/2026",
        ),
    ] = "today",
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Chỉ kiểm tra và cho biết sẽ ghi gì; không ghi.")
    ] = False,
    replace: Annotated[
        bool,
        typer.Option(
            "--replace",
            help="Đơn vị gửi bản sửa: thay kết quả đã ghi (giữ ngày nhận lần đầu, ghi ngày sửa).",
        ),
    ] = False,
    lang: common.LangOpt = None,
) -> None:
    """Đọc biểu mẫu đơn vị gửi lại, kiểm tra từng ô, ghi kết quả cạnh tệp kế hoạch.

    Mỗi vấn đề một dòng `tệp:Trang!Ô: mức [mã] nội dung — cách sửa`. Có lỗi ở bất kỳ biểu mẫu
    nào thì không ghi gì (mã thoát 1). Không lỗi: kết quả của mỗi đơn vị ghi vào
    `<kế hoạch>.results/<hạn>/<đơn vị>.yaml`, kèm ngày nhận; tệp kế hoạch không bị sửa. Đọc lại
    cùng biểu mẫu không thay đổi gì.

    Ví dụ: tnplan collect read nhan-ve/*.xlsx --date 19/6/2026 ·
    tnplan collect read qlkh.xlsx --dry-run
    """
    from ..calendar.vi import date_short, money, number
    from ..exchange.collect import read_forms, record, totals
    from ..exchange.form_messages import format_form_problems
    from ..track.schedule import parse_as_of

    language = common.lang_from_env(lang)
    vi = language == "vi"
    path = _plan_path(plan, language)
    p = _load(path, language)
    received = parse_as_of(date, p.document.timezone, lang=language).date
    collected = read_forms(p, path, files, received=received, replace=replace, lang=language)
    problems = collected.problems
    if problems:
        typer.echo(format_form_problems(problems, lang=language))
    errors = sum(1 for x in problems if x.level == "error")
    warnings = len(problems) - errors
    n = len(files)
    if not collected.ok:
        summary = (
            f"{n} biểu mẫu: {errors} lỗi, {warnings} cảnh báo; không ghi gì."
            if vi
            else f"{n} form{'s' if n != 1 else ''}: {errors} errors, {warnings} warnings; "
            "nothing written."
        )
        typer.echo(summary, err=True)
        raise typer.Exit(3 if collected.unreadable else 1)
    states = {
        "new": ("mới", "new"),
        "same": ("đã ghi trước đó, không đổi", "already recorded, unchanged"),
        "replaced": ("thay bản trước", "replaces the earlier one"),
    }
    for rec in collected.records:
        unit = rec.reading.unit
        assert unit is not None
        t = totals(rec.reading.rows)
        state = states[rec.state][0 if vi else 1]
        if vi:
            typer.echo(
                f"{unit.id} — {unit.name}: {t.rows} dòng ({t.done} đã thực hiện), "
                f"{number(t.participants)} người, {money(t.spent)}; nhận {date_short(rec.received)}"
                f" → {rec.target} ({state})"
            )
        else:
            typer.echo(
                f"{unit.id} — {unit.name}: {t.rows} rows ({t.done} done), "
                f"{number(t.participants)} people, {money(t.spent)}; received "
                f"{date_short(rec.received)} → {rec.target} ({state})"
            )
    if dry_run:
        typer.echo("--dry-run: chưa ghi gì." if vi else "--dry-run: nothing written.", err=True)
        return
    written = record(collected, lang=language)
    typer.echo(
        f"Đã ghi {len(written)} tệp kết quả." if vi else f"Wrote {len(written)} results files.",
        err=True,
    )
