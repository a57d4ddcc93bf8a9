"""``tnplan render``: official documents from the plan (kế hoạch, giấy mời, kịch bản, báo cáo)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import click
import typer

from . import app, common, complete
from .i18n import english, tr

if TYPE_CHECKING:
    from ..documents import render
    from ..plan import model

render_app = typer.Typer(
    name="render",
    help=tr(
        "Soạn văn bản từ kế hoạch theo Nghị định 30/2020: kế hoạch, giấy mời, kịch bản, báo cáo; "
        "định dạng md (mặc định, in ra màn hình), html (in A4), docx (Word) hoặc pdf (PDF/A "
        "từ tệp Word, cần LibreOffice).\n\n"
        "Ví dụ: tnplan render plan -f docx -o ke-hoach.docx · "
        "tnplan render invitation hoi-nghi-sang-che --each -o giay-moi/",
        "Write the plan's documents in the layout of Decree 30/2020: the plan, invitations, "
        "programme scripts, the result report; as md (the default, on screen), html (A4 "
        "print), docx (Word) or pdf (PDF/A from the Word file; needs LibreOffice).\n\n"
        "Examples: tnplan render plan -f docx -o ke-hoach.docx · "
        "tnplan render invitation hoi-nghi-sang-che --each -o giay-moi/",
    ),
    no_args_is_help=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)
app.add_typer(render_app)

PlanArg = Annotated[
    Path | None,
    typer.Argument(
        metavar=tr("KẾ_HOẠCH", "PLAN"),
        help=tr(
            "Tệp kế hoạch (mặc định: kế hoạch trong ./plans/ hoặc kế hoạch đi kèm). "
            "Ví dụ: plans/ngay-khcn-2026.yaml",
            "The plan file (by default the plan in ./plans/ or the bundled plan). "
            "Example: plans/ngay-khcn-2026.yaml",
        ),
        show_default=False,
    ),
]
ActivityArg = Annotated[
    str,
    typer.Argument(
        metavar=tr("HOẠT_ĐỘNG", "ACTIVITY"),
        help=tr(
            "Mã hoạt động trong kế hoạch. Ví dụ: hoi-nghi-sang-che",
            "The id of an activity of the plan. Example: hoi-nghi-sang-che",
        ),
        show_default=False,
        autocompletion=complete.activity_ids,
    ),
]
FormatOpt = Annotated[
    str | None,
    typer.Option(
        "--format",
        "-f",
        click_type=click.Choice(["md", "html", "docx", "pdf"], case_sensitive=False),
        help=tr(
            "md, html, docx hoặc pdf (mặc định: theo đuôi tệp -o, nếu không thì md; docx và pdf "
            "cần -o; pdf cần LibreOffice). Ví dụ: -f html",
            "md, html, docx or pdf (by default from the suffix of -o, else md; docx and pdf "
            "need -o; pdf needs LibreOffice). Example: -f html",
        ),
        show_default=False,
    ),
]
OutOpt = Annotated[
    Path | None,
    typer.Option(
        "--output",
        "-o",
        metavar=tr("TỆP", "FILE"),
        help=tr(
            "Ghi ra tệp (hoặc vào thư mục có sẵn); không có -o thì in ra màn hình (md, html). "
            "Ví dụ: -o van-ban.docx",
            "Write to this file (or into this existing folder); without -o, print on screen "
            "(md, html). Example: -o van-ban.docx",
        ),
        show_default=False,
    ),
]
TemplatesOpt = Annotated[
    Path | None,
    typer.Option(
        "--templates",
        metavar=tr("THƯ_MỤC", "FOLDER"),
        help=tr(
            "Thư mục mẫu riêng, thay từng tệp mẫu cùng tên (còn lại dùng mẫu có sẵn). "
            "Ví dụ: --templates mau-cua-so/",
            "A folder of your own templates, each replacing the built-in one of the same name. "
            "Example: --templates mau-cua-so/",
        ),
        show_default=False,
    ),
]
FinalOpt = Annotated[
    bool,
    typer.Option(
        "--final",
        help=tr(
            "Bản ban hành: văn bản còn là DỰ THẢO (thông tin dự kiến, còn thiếu) thì không "
            "soạn, nêu đủ các thông tin đó (mã thoát 1).",
            "The issued copy: a document that would be a DRAFT (tentative or missing facts) "
            "is not written, and every such fact is named (exit code 1).",
        ),
    ),
]
ForceOpt = Annotated[
    bool,
    typer.Option(
        "--force",
        help=tr(
            "Ghi đè tệp đã có (mặc định: không ghi đè; tệp kế hoạch thì không bao giờ).",
            "Overwrite a file that exists (by default it is kept; a plan file never is).",
        ),
    ),
]


def _format(fmt: str | None, out: Path | None, lang: str) -> str:
    from ..documents.render import FORMATS

    if fmt is None:
        suffix = out.suffix.lower().lstrip(".") if out is not None else ""
        return suffix if suffix in FORMATS else "md"
    return fmt.strip().lower()  # one of FORMATS: the option's choices


def _needs_output(fmt: str, out: Path | None, lang: str, *, folder: bool = False) -> None:
    """Word, PDF and ``--each`` write files: without -o, say so before any work."""
    from ..plan.problems import TnplanError

    if out is None and (folder or fmt in ("docx", "pdf")):
        need = "một thư mục" if folder else f"một tệp .{fmt}"
        example = "giay-moi/" if folder else f"van-ban.{fmt}"
        raise TnplanError(
            f"cần -o: {need}" if lang == "vi" else "-o is needed",
            hint=f"ví dụ -o {example}" if lang == "vi" else f"for example -o {example}",
            exit_code=2,
        )


def _plan(path: Path | None, lang: str) -> model.Plan:
    return common.load_plan(common.one_plan(path, lang), lang)


def _emit(
    outputs: list[render.Output],
    out: Path | None,
    fmt: str,
    *,
    force: bool,
    lang: str,
    folder: bool = False,
) -> None:
    """Print (md/html without -o) or write the documents, then say what was written."""
    from ..documents import render

    _needs_output(fmt, out, lang, folder=folder)
    for o in outputs:
        for warning in o.warnings:
            common.say(f"{'Cảnh báo' if lang == 'vi' else 'Warning'}: {warning}")
    if out is None:
        from .output import write_bytes

        for o in outputs:
            write_bytes(o.data)
        return
    into_folder = folder or out.is_dir()
    target = out
    if into_folder and not folder:
        target = out / outputs[0].name
        into_folder = False
    drafts = (
        {target / o.name for o in outputs if o.tentative}
        if into_folder
        else ({target} if outputs[0].tentative else set())
    )

    def written(path: Path) -> None:  # each file as soon as it is whole
        mark = (" (DỰ THẢO)" if lang == "vi" else " (DRAFT)") if path in drafts else ""
        common.say(f"{'Đã ghi' if lang == 'vi' else 'Wrote'} {path}{mark}")

    render.write_outputs(
        outputs, target, folder=into_folder, force=force, lang=lang, on_written=written
    )


@render_app.command("plan")
@english(
    """The plan (KH) in the layout of Decree 30: national title, number, date, parts I–VII,
    recipients.

    Examples: tnplan render plan · tnplan render plan -f html -o ke-hoach.html ·
    tnplan render plan plans/ngay-khcn-2026.yaml -o ke-hoach.docx
    """
)
def render_plan(
    plan: PlanArg = None,
    fmt: FormatOpt = None,
    out: OutOpt = None,
    templates: TemplatesOpt = None,
    final: FinalOpt = False,
    force: ForceOpt = False,
    lang: common.LangOpt = None,
) -> None:
    """Kế hoạch (KH) theo thể thức Nghị định 30: quốc hiệu, số, ngày, các mục I–VII, nơi nhận.

    Ví dụ: tnplan render plan · tnplan render plan -f html -o ke-hoach.html ·
    tnplan render plan plans/ngay-khcn-2026.yaml -o ke-hoach.docx
    """
    from ..documents import render

    language = common.lang_from_env(lang)
    kind_fmt = _format(fmt, out, language)
    p = _plan(plan, language)
    _needs_output(kind_fmt, out, language)
    outputs = render.render(
        p, "plan", kind_fmt, templates=templates, lang=language, final=final, now=common.now()
    )
    _emit(outputs, out, kind_fmt, force=force, lang=language)


@render_app.command("invitation")
@english(
    """An invitation (GM, Form 1.7) to an activity's conference or workshop.

    Without the time, venue, chair, invitees or contact it is not written, and every missing
    fact is named (exit code 1). Facts still tentative mark the document `DỰ THẢO` (draft).
    A cancelled or postponed activity gets no invitation (exit code 1) unless --force.

    Examples: tnplan render invitation hoi-nghi-sang-che ·
    tnplan render invitation hoi-thao --each -f docx -o giay-moi/
    """
)
def render_invitation(
    activity: ActivityArg,
    plan: PlanArg = None,
    to: Annotated[
        str | None,
        typer.Option(
            "--to",
            metavar=tr("KHÁCH_MỜI", "INVITEE"),
            help=tr(
                "Chỉ một khách mời (mã khách mời hoặc mã đơn vị trong danh sách mời), hoặc "
                "các thành viên của một nhóm (mã nhóm). Ví dụ: --to lanh-dao-ubnd-tinh",
                "Only one invitee (a guest id, or a unit id on the list), or the members of a "
                "group (its id). Example: --to lanh-dao-ubnd-tinh",
            ),
            show_default=False,
            autocompletion=complete.invitee_ids,
        ),
    ] = None,
    each: Annotated[
        bool,
        typer.Option(
            "--each",
            help=tr(
                "Mỗi khách mời một tệp (nhóm đơn vị có thành viên: mỗi thành viên một tệp), "
                "ghi vào thư mục -o (tên tệp không dấu, an toàn). Ví dụ: --each -o giay-moi/",
                "One file per invitee (for a group of units, one per member), written into the "
                "folder -o (safe file names without marks). Example: --each -o giay-moi/",
            ),
        ),
    ] = False,
    fmt: FormatOpt = None,
    out: OutOpt = None,
    templates: TemplatesOpt = None,
    final: FinalOpt = False,
    force: ForceOpt = False,
    lang: common.LangOpt = None,
) -> None:
    """Giấy mời (GM, Mẫu 1.7) dự hội nghị, hội thảo của một hoạt động.

    Thiếu giờ, địa điểm, chủ trì, khách mời hoặc người liên hệ thì không soạn và nêu đủ các
    thông tin còn thiếu (mã thoát 1). Thông tin còn dự kiến làm văn bản thành DỰ THẢO.
    Hoạt động đã hủy hoặc tạm hoãn thì không soạn (mã thoát 1), trừ khi có --force.

    Ví dụ: tnplan render invitation hoi-nghi-sang-che ·
    tnplan render invitation hoi-thao --each -f docx -o giay-moi/
    """
    from ..documents import render
    from ..plan.problems import TnplanError

    language = common.lang_from_env(lang)
    kind_fmt = _format(fmt, None if each else out, language)
    p = _plan(plan, language)
    if each and to and not render.is_group(p, to):
        raise TnplanError(
            "dùng --to hoặc --each, không dùng cả hai"
            if language == "vi"
            else "use --to or --each, not both",
            exit_code=2,
        )
    _needs_output(kind_fmt, out, language, folder=each)
    outputs = render.render(
        p, "invitation", kind_fmt, activity=activity, to=to, each=each,
        templates=templates, lang=language, force=force, final=final, now=common.now(),
    )  # fmt: skip
    _emit(outputs, out, kind_fmt, force=force, lang=language, folder=each)


@render_app.command("script")
@english(
    """The programme script: each item's time (worked out from durations), content, who
    performs it, the MC's words.

    The total duration is checked against the event's end time.

    Examples: tnplan render script hoi-nghi-sang-che ·
    tnplan render script hoi-thao -o kich-ban.docx
    """
)
def render_script(
    activity: ActivityArg,
    plan: PlanArg = None,
    fmt: FormatOpt = None,
    out: OutOpt = None,
    templates: TemplatesOpt = None,
    final: FinalOpt = False,
    force: ForceOpt = False,
    lang: common.LangOpt = None,
) -> None:
    """Kịch bản chương trình: giờ từng mục (tính từ thời lượng), nội dung, người thực hiện, lời dẫn.

    Tổng thời lượng được đối chiếu với giờ kết thúc của sự kiện.

    Ví dụ: tnplan render script hoi-nghi-sang-che ·
    tnplan render script hoi-thao -o kich-ban.docx
    """
    from ..documents import render

    language = common.lang_from_env(lang)
    kind_fmt = _format(fmt, out, language)
    p = _plan(plan, language)
    _needs_output(kind_fmt, out, language)
    outputs = render.render(
        p, "script", kind_fmt, activity=activity, templates=templates, lang=language,
        final=final, now=common.now(),
    )  # fmt: skip
    _emit(outputs, out, kind_fmt, force=force, lang=language)


@render_app.command("report")
@english(
    """The report (BC, Form 1.4) on the plan: to the Provincial People's Committee and the
    Ministry, or a unit's own report to the agency (--unit).

    Before the plan's activities end it reports progress ("tình hình"), after them results
    ("kết quả"): direction and roll-out, each activity's results, the units' reporting and
    figures (from their results files), the budget, the assessment (strengths, shortcomings,
    causes, lessons), next steps, proposals. Every fact the plan still lacks is listed and the
    report is a DRAFT (DỰ THẢO); with --final it is not written (exit code 1). A report sent
    outside the agency leaves out the reporting of the agency's own rooms unless --internal.

    Examples: tnplan render report --as-of 25/6/2026 · tnplan render report -o bao-cao.docx ·
    tnplan render report --unit qlkh --as-of 25/6/2026
    """
)
def render_report(
    plan: PlanArg = None,
    as_of: Annotated[
        str,
        typer.Option(
            "--as-of",
            metavar=tr("NGÀY", "DATE"),
            help=tr(
                "Số liệu tính đến ngày: 25/6/2026, 2026-06-25 hoặc today. Ví dụ: --as-of 25/6/2026",
                "Figures as of this day: 25/6/2026, 2026-06-25 or today. "
                "Example: --as-of 25/6/2026",
            ),
        ),
    ] = "today",
    deadline: Annotated[
        str | None,
        typer.Option(
            "--deadline",
            metavar=tr("MÃ_HẠN", "DEADLINE"),
            help=tr(
                "Hạn báo cáo mà văn bản này thực hiện (mặc định: hạn gửi cấp trên muộn nhất; với "
                "--unit: hạn đầu tiên đơn vị phải nộp). Ví dụ: --deadline bao-cao-tinh-bo",
                "The report deadline this document answers (by default the latest one owed "
                "upward; with --unit, the first one the unit owes). "
                "Example: --deadline bao-cao-tinh-bo",
            ),
            show_default=False,
            autocompletion=complete.deadline_ids,
        ),
    ] = None,
    unit: Annotated[
        str | None,
        typer.Option(
            "--unit",
            metavar=tr("ĐƠN_VỊ", "UNIT"),
            help=tr(
                "Báo cáo của chính đơn vị này gửi cơ quan (đầu văn bản, người ký của đơn vị; "
                "số liệu từ tệp kết quả của đơn vị). Ví dụ: --unit qlkh",
                "The unit's own report to the agency (the unit's header and signer; figures "
                "from its results file). Example: --unit qlkh",
            ),
            show_default=False,
            autocompletion=complete.unit_ids,
        ),
    ] = None,
    internal: Annotated[
        bool,
        typer.Option(
            "--internal",
            help=tr(
                "Báo cáo gửi cấp trên vẫn nêu tình hình báo cáo của các phòng, đơn vị thuộc cơ "
                "quan (mặc định: chỉ các cơ quan, đơn vị bên ngoài).",
                "Let a report sent outside the agency show the reporting of the agency's own "
                "rooms (by default only outside bodies').",
            ),
        ),
    ] = False,
    fmt: FormatOpt = None,
    out: OutOpt = None,
    templates: TemplatesOpt = None,
    final: FinalOpt = False,
    force: ForceOpt = False,
    lang: common.LangOpt = None,
) -> None:
    """Báo cáo (BC, Mẫu 1.4) về kế hoạch: gửi UBND tỉnh và Bộ, hoặc báo cáo của một đơn vị (--unit).

    Trước khi các hoạt động kết thúc là báo cáo tình hình, sau đó là báo cáo kết quả: công tác
    chỉ đạo, triển khai; kết quả từng hoạt động; tình hình báo cáo và số liệu của các đơn vị
    (từ tệp kết quả); kinh phí; đánh giá (ưu điểm, tồn tại, hạn chế, nguyên nhân, bài học);
    phương hướng; đề xuất, kiến nghị. Thông tin kế hoạch còn thiếu được liệt kê và báo cáo là
    DỰ THẢO; với --final thì không soạn (mã thoát 1). Báo cáo gửi ra ngoài cơ quan không nêu
    tình hình báo cáo của các phòng, đơn vị thuộc cơ quan, trừ khi có --internal.

    Ví dụ: tnplan render report --as-of 25/6/2026 · tnplan render report -o bao-cao.docx ·
    tnplan render report --unit qlkh --as-of 25/6/2026
    """
    from ..documents import render
    from ..track import schedule

    language = common.lang_from_env(lang)
    kind_fmt = _format(fmt, out, language)
    p = _plan(plan, language)
    when = schedule.parse_as_of(as_of, p.document.timezone, lang=language)
    _needs_output(kind_fmt, out, language)
    outputs = render.render(
        p, "report", kind_fmt, as_of=when.date, deadline=deadline, templates=templates,
        lang=language, unit=unit, internal=internal, final=final, now=common.now(),
    )  # fmt: skip
    _emit(outputs, out, kind_fmt, force=force, lang=language)
