"""``tnplan collect form|read`` and ``tnplan remind``: results from units, and reminders."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from . import app, common, complete
from .i18n import english, tr

if TYPE_CHECKING:
    from ..plan import model

collect_app = typer.Typer(
    name="collect",
    help=tr(
        "Thu kết quả từ các đơn vị bằng biểu mẫu Excel: lập biểu mẫu gửi đi (form), đọc biểu mẫu "
        "đơn vị gửi lại và ghi kết quả cạnh tệp kế hoạch (read).\n\n"
        "Ví dụ: tnplan collect form --each -o bieu-mau/ · "
        "tnplan collect read nhan-ve/*.xlsx --date 19/6/2026",
        "Collect results from the units with Excel forms: make the forms to send (form), read "
        "the forms units send back and record the results beside the plan file (read).\n\n"
        "Examples: tnplan collect form --each -o bieu-mau/ · "
        "tnplan collect read nhan-ve/*.xlsx --date 19/6/2026",
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
        metavar=tr("TỆP", "FILE"),
        help=tr(
            "Tệp kế hoạch (mặc định: kế hoạch trong ./plans/). Ví dụ: -p plans/ngay-khcn-2026.yaml",
            "The plan file (by default the plan in ./plans/). "
            "Example: -p plans/ngay-khcn-2026.yaml",
        ),
        show_default=False,
    ),
]
DeadlineOpt = Annotated[
    str | None,
    typer.Option(
        "--deadline",
        metavar=tr("MÃ_HẠN", "DEADLINE"),
        help=tr(
            "Hạn báo cáo (mặc định: hạn duy nhất các đơn vị báo cáo về cơ quan). "
            "Ví dụ: --deadline bao-cao-don-vi",
            "The report deadline (by default the one deadline units report to the agency for). "
            "Example: --deadline bao-cao-don-vi",
        ),
        show_default=False,
        autocompletion=complete.deadline_ids,
    ),
]


def _plan_path(path: Path | None, lang: str) -> Path:
    return common.one_plan(path, lang)


def _load(path: Path, lang: str) -> model.Plan:
    return common.load_plan(path, lang)


@collect_app.command("form")
@english(
    """Make the Excel forms (.xlsx) for the units that owe results.

    Each form has a sheet of instructions, a Results sheet (one row for each activity and task
    of the unit: status, date done, participants, results, money spent, notes; with data
    validation, frozen headings, A4 landscape printing), a sheet for difficulties and
    proposals, and a hidden sheet naming the plan, the unit and the fingerprint of the plan's
    version.

    Examples: tnplan collect form --each -o bieu-mau/ · tnplan collect form --unit qlkh -o qlkh.xlsx
    """
)
def collect_form(
    plan: PlanOpt = None,
    unit: Annotated[
        str | None,
        typer.Option(
            "--unit",
            metavar=tr("ĐƠN_VỊ", "UNIT"),
            help=tr(
                "Biểu mẫu của một đơn vị (mã, tên hoặc tên viết tắt). Ví dụ: --unit qlkh",
                "The form of one unit (its id, name or short name). Example: --unit qlkh",
            ),
            show_default=False,
            autocompletion=complete.unit_ids,
        ),
    ] = None,
    each: Annotated[
        bool,
        typer.Option(
            "--each",
            help=tr(
                "Mỗi đơn vị phải báo cáo một biểu mẫu, ghi vào thư mục -o.",
                "One form for each unit that reports, written into the folder -o.",
            ),
        ),
    ] = False,
    deadline: DeadlineOpt = None,
    out: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            metavar=tr("THƯ_MỤC", "FOLDER"),
            help=tr(
                "Thư mục (hoặc tệp .xlsx với --unit) để ghi biểu mẫu. Ví dụ: -o bieu-mau/",
                "The folder (or, with --unit, the .xlsx file) to write the forms to. "
                "Example: -o bieu-mau/",
            ),
            show_default=False,
        ),
    ] = None,
    force: Annotated[
        bool,
        typer.Option("--force", help=tr("Ghi đè biểu mẫu đã có.", "Overwrite forms that exist.")),
    ] = False,
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
@english(
    """Read the forms units send back, check every cell, record the results beside the plan.

    One problem a line, `file:Sheet!Cell: level [code] message — how to fix it`. If any form has
    an error, nothing is written (exit code 1). Otherwise each unit's results go to
    `<plan>.results/<deadline>/<unit>.yaml`, with the date received; the plan file is not
    changed. Reading the same forms again changes nothing.

    Examples: tnplan collect read nhan-ve/*.xlsx --date 19/6/2026 ·
    tnplan collect read qlkh.xlsx --dry-run
    """
)
def collect_read(
    files: Annotated[
        list[Path],
        typer.Argument(
            metavar=tr("BIỂU_MẪU...", "FORM..."),
            help=tr(
                "Biểu mẫu (.xlsx) đơn vị gửi lại. Ví dụ: nhan-ve/bieu-mau-ngay-khcn-2026-qlkh.xlsx",
                "The forms (.xlsx) units sent back. "
                "Example: nhan-ve/bieu-mau-ngay-khcn-2026-qlkh.xlsx",
            ),
            show_default=False,
        ),
    ],
    plan: PlanOpt = None,
    date: Annotated[
        str,
        typer.Option(
            "--date",
            metavar=tr("NGÀY", "DATE"),
            help=tr(
                "Ngày nhận biểu mẫu (ghi làm ngày nhận báo cáo): 19/6/2026, 2026-06-19 hoặc "
                "today. Ví dụ: --date 19/6/2026",
                "The day the forms came in (recorded as the report's date received): 19/6/2026, "
                "2026-06-19 or today. Example: --date 19/6/2026",
            ),
        ),
    ] = "today",
    dry_run: Annotated[
        bool,
        typer.Option(
            "--dry-run",
            help=tr(
                "Chỉ kiểm tra và cho biết sẽ ghi gì; không ghi.",
                "Only check, and say what would be written; write nothing.",
            ),
        ),
    ] = False,
    replace: Annotated[
        bool,
        typer.Option(
            "--replace",
            help=tr(
                "Đơn vị gửi bản sửa: thay kết quả đã ghi (giữ ngày nhận lần đầu, ghi ngày sửa).",
                "A unit sent a corrected form: replace the results recorded (keeping the first "
                "date received, and recording the date of the correction).",
            ),
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
        from ..plan.messages import counted

        found = f"{counted(errors, 'error', language)}, {counted(warnings, 'warning', language)}"
        summary = (
            f"{n} biểu mẫu: {found}; không ghi gì."
            if vi
            else f"{n} form{'s' if n != 1 else ''}: {found}; nothing written."
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
    files_word = "results file" if len(written) == 1 else "results files"
    typer.echo(
        f"Đã ghi {len(written)} tệp kết quả." if vi else f"Wrote {len(written)} {files_word}.",
        err=True,
    )


def _env(name: str) -> str | None:
    value = os.environ.get(name, "").strip()
    return value or None


@app.command("remind")
@english(
    """Remind of deadlines by e-mail: one message to each unit with items due within --days days
    or late.

    The message says which item, of which plan, due on which day, how many days late, whom to
    contact. Without -o or --send: the messages are printed. -o FOLDER: one .eml file a message.
    --send: sent through SMTP (server, port, STARTTLS and account from options or environment
    variables, never from the plan file); messages sent are logged in
    `<plan>.reminders.jsonl` beside the plan file, so a second run on the same day sends only
    what is missing. Units need an `email` field.

    Examples: tnplan remind --as-of 17/6/2026 · tnplan remind -o thu-nhac/ ·
    tnplan remind --send --smtp-host mail.tinh.gov.vn --starttls --dry-run
    """
)
def remind(
    plan: Annotated[
        Path | None,
        typer.Argument(
            metavar=tr("KẾ_HOẠCH", "PLAN"),
            help=tr(
                "Tệp kế hoạch (mặc định: kế hoạch trong ./plans/). "
                "Ví dụ: plans/ngay-khcn-2026.yaml",
                "The plan file (by default the plan in ./plans/). "
                "Example: plans/ngay-khcn-2026.yaml",
            ),
            show_default=False,
        ),
    ] = None,
    as_of: Annotated[
        str,
        typer.Option(
            "--as-of",
            metavar=tr("NGÀY", "DATE"),
            help=tr(
                "Tính đến ngày: 17/6/2026, 2026-06-17 hoặc today. Ví dụ: --as-of 17/6/2026",
                "As of this day: 17/6/2026, 2026-06-17 or today. Example: --as-of 17/6/2026",
            ),
        ),
    ] = "today",
    days: Annotated[
        int,
        typer.Option(
            "--days",
            min=0,
            max=366,
            metavar=tr("SỐ_NGÀY", "DAYS"),
            help=tr(
                "Nhắc việc đến hạn trong số ngày này (và việc đã trễ). Ví dụ: --days 7",
                "Remind of items due within this many days (and of late ones). Example: --days 7",
            ),
        ),
    ] = 3,
    unit: Annotated[
        list[str] | None,
        typer.Option(
            "--unit",
            metavar=tr("ĐƠN_VỊ", "UNIT"),
            help=tr(
                "Chỉ nhắc đơn vị này (mã; lặp lại được). Ví dụ: --unit qlkh",
                "Only remind this unit (its id; may be repeated). Example: --unit qlkh",
            ),
            show_default=False,
            autocompletion=complete.unit_ids,
        ),
    ] = None,
    out: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            metavar=tr("THƯ_MỤC", "FOLDER"),
            help=tr(
                "Ghi mỗi thư một tệp .eml vào thư mục này. Ví dụ: -o thu-nhac/",
                "Write each message as an .eml file into this folder. Example: -o thu-nhac/",
            ),
            show_default=False,
        ),
    ] = None,
    send_mail: Annotated[
        bool,
        typer.Option(
            "--send",
            help=tr(
                "Gửi thư qua máy chủ SMTP (xem --smtp-host).",
                "Send the messages through an SMTP server (see --smtp-host).",
            ),
        ),
    ] = False,
    dry_run: Annotated[
        bool,
        typer.Option(
            "--dry-run",
            help=tr(
                "Cho biết sẽ gửi thư nào; không gửi, không ghi nhật ký.",
                "Say which messages would be sent; send nothing, log nothing.",
            ),
        ),
    ] = False,
    smtp_host: Annotated[
        str | None,
        typer.Option(
            "--smtp-host",
            metavar=tr("MÁY_CHỦ", "HOST"),
            help=tr(
                "Máy chủ SMTP (hoặc TNPLAN_SMTP_HOST). Ví dụ: --smtp-host mail.tinh.gov.vn",
                "The SMTP server (or TNPLAN_SMTP_HOST). Example: --smtp-host mail.tinh.gov.vn",
            ),
            show_default=False,
        ),
    ] = None,
    smtp_port: Annotated[
        int | None,
        typer.Option(
            "--smtp-port",
            metavar=tr("CỔNG", "PORT"),
            help=tr(
                "Cổng SMTP (hoặc TNPLAN_SMTP_PORT; mặc định 587 với --starttls, không thì 25).",
                "The SMTP port (or TNPLAN_SMTP_PORT; by default 587 with --starttls, else 25).",
            ),
            show_default=False,
        ),
    ] = None,
    starttls: Annotated[
        bool,
        typer.Option(
            "--starttls",
            help=tr(
                "Mã hóa bằng STARTTLS (hoặc TNPLAN_SMTP_STARTTLS=1).",
                "Encrypt with STARTTLS (or TNPLAN_SMTP_STARTTLS=1).",
            ),
        ),
    ] = False,
    smtp_user: Annotated[
        str | None,
        typer.Option(
            "--smtp-user",
            metavar=tr("TÀI_KHOẢN", "USER"),
            help=tr(
                "Tài khoản SMTP (hoặc TNPLAN_SMTP_USER); mật khẩu chỉ lấy từ TNPLAN_SMTP_PASSWORD.",
                "The SMTP account (or TNPLAN_SMTP_USER); the password is taken only from "
                "TNPLAN_SMTP_PASSWORD.",
            ),
            show_default=False,
        ),
    ] = None,
    sender: Annotated[
        str | None,
        typer.Option(
            "--from",
            metavar=tr("ĐỊA_CHỈ", "ADDRESS"),
            help=tr(
                "Địa chỉ người gửi (hoặc TNPLAN_SMTP_FROM; "
                "mặc định: thư điện tử của đơn vị soạn thảo).",
                "The sender's address (or TNPLAN_SMTP_FROM; by default the drafting unit's "
                "e-mail).",
            ),
            show_default=False,
        ),
    ] = None,
    force: Annotated[
        bool,
        typer.Option(
            "--force", help=tr("Ghi đè tệp .eml đã có.", "Overwrite .eml files that exist.")
        ),
    ] = False,
    lang: common.LangOpt = None,
) -> None:
    """Nhắc hạn qua thư điện tử: mỗi đơn vị có việc đến hạn trong --days ngày hoặc đã trễ một thư.

    Thư ghi việc gì, theo kế hoạch nào, hạn ngày nào, trễ bao nhiêu ngày, liên hệ ai. Không có -o
    hay --send: in các thư ra màn hình. -o THƯ_MỤC: mỗi thư một tệp .eml. --send: gửi qua SMTP
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
                    hint=Reporter("", language).suggest_id(
                        u, {x.id: x.name for x in p.units}, "unit"
                    ),
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
        n_items = len(o.reminder.items)
        items = "việc" if vi else ("item" if n_items == 1 else "items")
        typer.echo(f"{o.reminder.unit.id} <{o.reminder.to}>: {n_items} {items} — {word}{detail}")
    counts = {s: sum(1 for o in outcomes if o.state == s) for s in words}
    if dry_run:
        typer.echo("--dry-run: chưa gửi thư nào." if vi else "--dry-run: nothing sent.", err=True)
        return
    if vi:
        summary = f"Đã gửi {counts['sent']} thư; nhật ký: {log.path}"
    else:
        sent = counts["sent"]
        summary = f"Sent {sent} message{'' if sent == 1 else 's'}; log: {log.path}"
    typer.echo(summary, err=True)
    if counts["unsent"]:
        typer.echo(
            f"Lỗi: mất kết nối, còn {counts['unsent']} thư chưa gửi "
            "(chạy lại lệnh để gửi phần còn lại)"
            if vi
            else f"Error: connection lost, {counts['unsent']} "
            f"message{'' if counts['unsent'] == 1 else 's'} not sent (run again to send the rest)",
            err=True,
        )
        raise typer.Exit(3)
    if counts["refused"] or any(o.state == "no-address" for o in outcomes):
        raise typer.Exit(1)
