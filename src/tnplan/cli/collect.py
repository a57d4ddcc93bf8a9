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
        help="Tệp kế hoạch (mặc định: kế hoạch trong ./plans/). "
        "Ví dụ: -p plans/ngay-khcn-2026.yaml",
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
            "dùng --unit hoặc --each, không dùng cả hai"
            if vi
            else "use --unit or --each, not both",
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
        common.say(f"{'Đã ghi' if vi else 'Wrote'} {p}")


@collect_app.command("read")
def collect_read(
    files: Annotated[
        list[Path],
        typer.Argument(
            help="Biểu mẫu (.xlsx) đơn vị gửi lại. "
            "Ví dụ: nhan-ve/bieu-mau-ngay-khcn-2026-qlkh.xlsx",
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


def _env(name: str) -> str | None:
    value = os.environ.get(name, "").strip()
    return value or None


@app.command("remind")
def remind(
    plan: Annotated[
        Path | None,
        typer.Argument(
            help="Tệp kế hoạch (mặc định: kế hoạch trong ./plans/). "
            "Ví dụ: plans/ngay-khcn-2026.yaml",
            show_default=False,
        ),
    ] = None,
    as_of: Annotated[
        str,
        typer.Option(
            "--as-of",
            help="Tính đến ngày: 17/6/2026, 2026-06-17 hoặc today. Ví dụ: --as-of 17/6/2026",
        ),
    ] = "today",
    days: Annotated[
        int,
        typer.Option(
            "--days", min=0, max=366, help="Nhắc việc đến hạn trong số ngày này (và việc đã trễ)."
        ),
    ] = 3,
    unit: Annotated[
        list[str] | None,
        typer.Option(
            "--unit",
            help="Chỉ nhắc đơn vị này (mã; lặp lại được). Ví dụ: --unit qlkh",
            show_default=False,
        ),
    ] = None,
    out: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="Ghi mỗi thư một tệp .eml vào thư mục này. Ví dụ: -o thu-nhac/",
            show_default=False,
        ),
    ] = None,
    send_mail: Annotated[
        bool, typer.Option("--send", help="Gửi thư qua máy chủ SMTP (xem --smtp-host).")
    ] = False,
    dry_run: Annotated[
        bool,
        typer.Option("--dry-run", help="Cho biết sẽ gửi thư nào; không gửi, không ghi nhật ký."),
    ] = False,
    smtp_host: Annotated[
        str | None,
        typer.Option(
            "--smtp-host",
            help="Máy chủ SMTP (hoặc TNPLAN_SMTP_HOST). Ví dụ: --smtp-host mail.tinh.gov.vn",
            show_default=False,
        ),
    ] = None,
    smtp_port: Annotated[
        int | None,
        typer.Option(
            "--smtp-port",
            help="Cổng SMTP (hoặc TNPLAN_SMTP_PORT; mặc định 587 với --starttls, không thì 25).",
            show_default=False,
        ),
    ] = None,
    starttls: Annotated[
        bool,
        typer.Option("--starttls", help="Mã hóa bằng STARTTLS (hoặc TNPLAN_SMTP_STARTTLS=1)."),
    ] = False,
    smtp_user: Annotated[
        str | None,
        typer.Option(
            "--smtp-user",
            help="Tài khoản SMTP (hoặc TNPLAN_SMTP_USER); "
            "mật khẩu chỉ lấy từ TNPLAN_SMTP_PASSWORD.",
            show_default=False,
        ),
    ] = None,
    sender: Annotated[
        str | None,
        typer.Option(
            "--from",
            help="Địa chỉ người gửi (hoặc TNPLAN_SMTP_FROM; "
            "mặc định: thư điện tử của đơn vị soạn thảo).",
            show_default=False,
        ),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Ghi đè tệp .eml đã có.")] = False,
    lang: common.LangOpt = None,
) -> None:
    """Nhắc hạn qua thư điện tử: mỗi đơn vị có việc đến hạn trong --days ngày hoặc đã trễ một thư.

    Thư ghi việc gì, theo kế hoạch nào, hạn ngày nào, trễ bao nhiêu ngày, liên hệ ai. Không có -o
    hay --send: in các thư ra màn hình. -o DIR: mỗi thư một tệp .eml. --send: gửi qua SMTP
    (máy chủ, cổng, STARTTLS, tài khoản lấy từ tùy chọn hoặc biến môi trường, không bao giờ từ
    tệp kế hoạch); thư đã gửi ghi vào nhật ký `<kế hoạch>.reminders.jsonl` cạnh tệp kế hoạch, nên
    chạy lại trong cùng ngày chỉ gửi thư còn thiếu. Đơn vị cần trường `email`.

    Ví dụ: tnplan remind --as-of 17/6/2026 · tnplan remind -o thu-nhac/ ·
    tnplan remind --send --smtp-host mail.tinh.gov.vn --starttls --dry-run
    """
    from ..documents import render
    from ..exchange import remind as rm
    from ..plan.problems import TnplanError
    from ..track.schedule import parse_as_of

    language = common.lang_from_env(lang)
    vi = language == "vi"
    if out is not None and send_mail:
        raise TnplanError(
            "dùng -o hoặc --send, không dùng cả hai" if vi else "use -o or --send, not both",
            exit_code=2,
        )
    path = common.one_plan(plan, language)
    p = _load(path, language)
    if unit:
        known = {u.id for u in p.units}
        for u in unit:
            if u not in known:
                from ..plan.messages import Reporter

                raise TnplanError(
                    f"không có đơn vị `{u}`" if vi else f"no unit `{u}`",
                    hint=Reporter("", language).suggest(u, sorted(known)),
                    exit_code=2,
                )
    when = parse_as_of(as_of, p.document.timezone, lang=language)
    rems = rm.reminders(p, when, days, units=unit)
    drafting = p.unit(p.document.drafting_unit) if p.document.drafting_unit else None
    from_addr = sender or _env("TNPLAN_SMTP_FROM") or (drafting.email if drafting else None)
    for r in rems:
        if not r.to:
            typer.echo(
                f"Bỏ qua {r.unit.id} — {r.unit.name}: chưa có thư điện tử "
                "(thêm `email:` vào đơn vị)"
                if vi
                else f"Skipped {r.unit.id} — {r.unit.name}: no e-mail address "
                "(add `email:` to the unit)",
                err=True,
            )
    if not rems:
        typer.echo("Không có việc nào cần nhắc." if vi else "Nothing to remind.", err=True)
        return
    if out is not None:
        outputs = rm.eml_outputs(rems, from_addr)
        if outputs:
            for path_ in render.write_outputs(
                outputs, out, folder=True, force=force, lang=language
            ):
                common.say(f"{'Đã ghi' if vi else 'Wrote'} {path_}")
        return
    if not send_mail:
        for i, r in enumerate(rems):
            if i:
                typer.echo("")
            typer.echo(f"{'Tới' if vi else 'To'}: {r.to or '—'}")
            typer.echo(f"{'Tiêu đề' if vi else 'Subject'}: {r.subject}")
            typer.echo("")
            typer.echo(r.body, nl=False)
        return
    smtp = None
    if not dry_run:
        host = smtp_host or _env("TNPLAN_SMTP_HOST")
        if host is None:
            raise TnplanError(
                "cần máy chủ SMTP" if vi else "an SMTP server is needed",
                hint="--smtp-host hoặc TNPLAN_SMTP_HOST"
                if vi
                else "--smtp-host or TNPLAN_SMTP_HOST",
                exit_code=2,
            )
        if from_addr is None:
            raise TnplanError(
                "cần địa chỉ người gửi" if vi else "a sender address is needed",
                hint="--from, TNPLAN_SMTP_FROM, hoặc `email:` của đơn vị soạn thảo"
                if vi
                else "--from, TNPLAN_SMTP_FROM, or the drafting unit's `email:`",
                exit_code=2,
            )
        tls = starttls or (_env("TNPLAN_SMTP_STARTTLS") or "").lower() in ("1", "true", "yes")
        port_text = _env("TNPLAN_SMTP_PORT")
        port = smtp_port or (int(port_text) if port_text and port_text.isdigit() else None)
        smtp = rm.Smtp(
            host=host,
            port=port or (587 if tls else 25),
            sender=from_addr,
            starttls=tls,
            user=smtp_user or _env("TNPLAN_SMTP_USER"),
            password=os.environ.get("TNPLAN_SMTP_PASSWORD"),
        )
    log = rm.SendLog.read(rm.log_path(path), language)
    outcomes = rm.send(rems, smtp, log, dry_run=dry_run, lang=language)
    words = {
        "sent": ("đã gửi", "sent"),
        "skipped": ("đã gửi hôm nay, bỏ qua", "already sent that day, skipped"),
        "refused": ("máy chủ từ chối người nhận", "recipient refused"),
        "unsent": ("chưa gửi", "not sent"),
        "would-send": ("sẽ gửi", "would send"),
    }
    for o in outcomes:
        if o.state == "no-address":
            continue
        word = words[o.state][0 if vi else 1]
        detail = f": {o.detail}" if o.detail else ""
        typer.echo(f"{o.reminder.unit.id} <{o.reminder.to}>: {len(o.reminder.items)} "
                   f"{'việc' if vi else 'items'} — {word}{detail}")  # fmt: skip
    counts = {s: sum(1 for o in outcomes if o.state == s) for s in words}
    if dry_run:
        typer.echo("--dry-run: chưa gửi thư nào." if vi else "--dry-run: nothing sent.", err=True)
        return
    if vi:
        summary = f"Đã gửi {counts['sent']} thư; nhật ký: {log.path}"
    else:
        summary = f"Sent {counts['sent']} messages; log: {log.path}"
    typer.echo(summary, err=True)
    if counts["unsent"]:
        typer.echo(
            f"Lỗi: mất kết nối, còn {counts['unsent']} thư chưa gửi "
            "(chạy lại lệnh để gửi phần còn lại)"
            if vi
            else f"Error: connection lost, {counts['unsent']} messages not sent "
            "(run again to send the rest)",
            err=True,
        )
        raise typer.Exit(3)
    if counts["refused"] or any(o.state == "no-address" for o in outcomes):
        raise typer.Exit(1)
