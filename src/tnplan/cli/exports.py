"""``tnplan export ics|html|json|schema`` and ``tnplan new``: plans for other programs."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from . import app, common, complete
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
PlansArg = Annotated[
    list[Path] | None,
    typer.Argument(
        metavar=tr("KẾ_HOẠCH...", "PLAN..."),
        help=tr(
            "Tệp kế hoạch hoặc thư mục, một hay nhiều; nhiều kế hoạch được gộp làm một "
            "(mặc định: kế hoạch trong ./plans/). Ví dụ: plans/",
            "Plan files or folders, one or more; several plans are combined into one "
            "(by default the plan in ./plans/). Example: plans/",
        ),
        show_default=False,
    ),
]


def _out(example: str) -> Any:
    """``--output``/``-o`` with an example of this command's kind of file."""
    vi = (
        "Ghi ra tệp này thay vì in ra màn hình; tệp đã có chỉ bị ghi đè khi có --force. "
        f"Ví dụ: -o {example}"
    )
    en = (
        "Write to this file instead of the screen; a file that exists is replaced only "
        f"with --force. Example: -o {example}"
    )
    return typer.Option(
        "--output", "-o", metavar=tr("TỆP", "FILE"), help=tr(vi, en), show_default=False
    )


def _owner(vi: str, en: str) -> Any:
    return typer.Option(
        "--owner",
        "-u",
        metavar=tr("ĐƠN_VỊ", "UNIT"),
        help=tr(vi, en),
        show_default=False,
        autocompletion=complete.unit_ids,
    )


ForceOpt = Annotated[
    bool,
    typer.Option(
        "--force",
        help=tr(
            "Ghi đè tệp -o đã có (mặc định: không ghi đè; tệp kế hoạch thì không bao giờ).",
            "Overwrite the -o file if it exists (by default it is kept; a plan file never is).",
        ),
    ),
]


def _emit(data: bytes, output: Path | None, lang: str, *, force: bool) -> None:
    """Print to stdout, or write the file atomically and say so on stderr."""
    if output is None:
        from .output import write_bytes

        write_bytes(data)
        return
    from ..documents.render import write_atomic

    write_atomic(output, data, force=force, lang=lang)
    common.say(f"Đã ghi {output}" if lang == "vi" else f"Wrote {output}")


def _plan(arg: Path | None, lang: str) -> Plan:
    return common.load_plan(common.one_plan(arg, lang), lang)


def _plans(args: list[Path] | None, lang: str) -> list[Plan]:
    """The plans to combine: every plan of each folder and file given, else the default one."""
    if not args:
        return [common.load_plan(common.one_plan(None, lang), lang)]
    paths = [p for arg in args for p in common.plan_paths(arg, lang)]
    return common.load_plans(list(dict.fromkeys(p.resolve() for p in paths)), lang)


def _read_state(path: Path, lang: str) -> dict[str, Any] | None:
    """The state an earlier export left, None when there is none yet."""
    import json

    from ..exchange.export import valid_state
    from ..plan.problems import TnplanError

    if not path.exists():
        return None
    vi = lang == "vi"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        data = None
    if not valid_state(data):
        raise TnplanError(
            f"{path} không phải tệp trạng thái lịch của tnplan"
            if vi
            else f"{path} is not a tnplan calendar state file",
            hint="chọn tệp khác với --state" if vi else "choose another file with --state",
            exit_code=3,
        )
    state: dict[str, Any] = data
    return state


@export_app.command("ics")
@english(
    """An iCalendar (RFC 5545) file for Google Calendar, Outlook and phones.

    A folder or several files: every plan in one calendar. Activities are all-day events;
    events with a time are in the plan's time zone, with a reminder the day before; report and
    task deadlines remind at 9:00 the day before; a cancelled item is sent as STATUS:CANCELLED
    so calendars remove it. Each item has a fixed UID; SEQUENCE grows whenever the item
    changes (from the state file beside the calendar), so importing again updates, never
    doubles. DTSTAMP is the time of export (SOURCE_DATE_EPOCH when set).

    Examples: tnplan export ics plans/ -o lich.ics --force · tnplan export ics --owner vp -o vp.ics
    """
)
def export_ics(
    plans: PlansArg = None,
    owner: Annotated[
        str | None,
        _owner(
            "Chỉ những việc của đơn vị này (mã hoặc tên; KẾ-HOẠCH:ĐƠN-VỊ khi nhiều cơ quan "
            "cùng mã), để mỗi đơn vị theo dõi lịch riêng. Ví dụ: --owner vp",
            "Only this unit's items (its id or name; PLAN:UNIT when agencies share an id), so "
            "each unit follows a calendar of its own. Example: --owner vp",
        ),
    ] = None,
    output: Annotated[Path | None, _out("lich.ics")] = None,
    state: Annotated[
        Path | None,
        typer.Option(
            "--state",
            metavar=tr("TỆP", "FILE"),
            help=tr(
                "Tệp ghi dấu từng sự kiện để SEQUENCE tăng khi sự kiện đổi (mặc định khi có -o: "
                "TỆP.state.json cạnh tệp lịch). Ví dụ: --state lich.state.json",
                "A file keeping a mark of each event so that SEQUENCE grows when an event "
                "changes (with -o, by default FILE.state.json beside the calendar). "
                "Example: --state lich.state.json",
            ),
            show_default=False,
        ),
    ] = None,
    as_of: Annotated[
        str | None,
        typer.Option(
            "--as-of",
            metavar=tr("NGÀY", "DATE"),
            help=tr(
                "Trạng thái các mục tính đến ngày này (mặc định: như tệp ghi hiện nay). "
                "Ví dụ: --as-of 14/5/2026",
                "The items' states as of this day (by default as the file records them now). "
                "Example: --as-of 14/5/2026",
            ),
            show_default=False,
        ),
    ] = None,
    force: ForceOpt = False,
    lang: common.LangOpt = None,
) -> None:
    """Lịch iCalendar (RFC 5545) để nhập vào Google Calendar, Outlook, điện thoại.

    Thư mục hoặc nhiều tệp: mọi kế hoạch trong một lịch. Hoạt động là sự kiện cả ngày; sự
    kiện có giờ theo múi giờ của kế hoạch, nhắc trước một ngày; hạn báo cáo, hạn công việc
    nhắc 9:00 hôm trước; việc bị hủy gửi STATUS:CANCELLED để lịch xóa đi. Mỗi mục có UID cố
    định; SEQUENCE tăng mỗi khi mục đổi (theo tệp trạng thái cạnh tệp lịch), nên nhập lại
    thì lịch cập nhật, không nhân đôi. DTSTAMP là lúc xuất (SOURCE_DATE_EPOCH nếu đặt).

    Ví dụ: tnplan export ics plans/ -o lich.ics --force · tnplan export ics --owner vp -o vp.ics
    """
    from ..exchange.export import feed

    language = common.lang_from_env(lang)
    group = _plans(plans, language)
    where = state or (output.with_name(output.name + ".state.json") if output else None)
    before = _read_state(where, language) if where is not None else None
    day = None
    if as_of:
        from ..track.schedule import parse_as_of

        day = parse_as_of(as_of, group[0].document.timezone, lang=language).date
    made = feed(group, owner, now=common.now(), state=before, lang=language, as_of=day)
    _emit(made.data, output, language, force=force)
    if where is not None:
        import json

        from ..documents.render import write_atomic

        text = json.dumps(made.state, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
        write_atomic(where, text.encode("utf-8"), force=True, lang=language)


@export_app.command("html")
@english(
    """A one-file HTML tracking page that needs no network: progress, Gantt chart, late items.

    A folder or several files: one page, a part for each plan, with a common list of the next
    14 days and of late items, filtered by unit on the page itself. It reads on a phone (a
    calendar by week) and prints; send it as an attachment.

    Examples: tnplan export html plans/ -o theo-doi.html · tnplan export html --as-of 14/5/2026
    """
)
def export_html(
    plans: PlansArg = None,
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
    owner: Annotated[
        str | None,
        _owner(
            "Chỉ việc của đơn vị này (mã hoặc tên; KẾ-HOẠCH:ĐƠN-VỊ khi nhiều cơ quan cùng "
            "mã). Ví dụ: --owner vp",
            "Only this unit's items (its id or name; PLAN:UNIT when agencies share an id). "
            "Example: --owner vp",
        ),
    ] = None,
    templates: Annotated[
        Path | None,
        typer.Option(
            "--templates",
            metavar=tr("THƯ_MỤC", "FOLDER"),
            help=tr(
                "Thư mục mẫu riêng; dashboard.html.j2 trong đó thay mẫu có sẵn. "
                "Ví dụ: --templates mau/",
                "A folder of your own templates; its dashboard.html.j2 replaces the built-in "
                "one. Example: --templates mau/",
            ),
            show_default=False,
        ),
    ] = None,
    output: Annotated[Path | None, _out("theo-doi.html")] = None,
    force: ForceOpt = False,
    lang: common.LangOpt = None,
) -> None:
    """Trang theo dõi HTML một tệp, không cần mạng: tiến độ, biểu đồ Gantt, việc trễ hạn.

    Thư mục hoặc nhiều tệp: một trang, mỗi kế hoạch một phần, cùng danh sách chung việc 14
    ngày tới và việc trễ hạn, lọc theo đơn vị ngay trên trang. Đọc được trên điện thoại (lịch
    theo tuần), in được; gửi kèm thư như một tệp.

    Ví dụ: tnplan export html plans/ -o theo-doi.html · tnplan export html --as-of 14/5/2026
    """
    from ..exchange.dashboard import render
    from ..track.schedule import parse_as_of

    language = common.lang_from_env(lang)
    group = _plans(plans, language)
    when = parse_as_of(as_of, group[0].document.timezone, lang=language)
    page = render(group, when, owner=owner, templates=templates, lang=language)
    _emit(page.encode("utf-8"), output, language, force=force)


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
    force: ForceOpt = False,
    lang: common.LangOpt = None,
) -> None:
    """Toàn bộ kế hoạch đã chuẩn hóa, dạng JSON (ngày ISO, giờ HH:MM), cho chương trình khác.

    Khóa theo đúng thứ tự của định dạng; xem docs/json-export.md.

    Ví dụ: tnplan export json -o ke-hoach.json · tnplan export json | jq '.activities[].id'
    """
    from ..exchange.export import plan_json

    language = common.lang_from_env(lang)
    _emit(plan_json(_plan(plan, language)).encode("utf-8"), output, language, force=force)


@export_app.command("schema")
@english(
    """The JSON Schema (draft 2020-12) of the plan format, for VS Code to complete and check.

    A plan's first line: # yaml-language-server: $schema=../schema/tnplan-1.schema.json

    Example: tnplan export schema -o schema/tnplan-1.schema.json --force
    """
)
def export_schema(
    output: Annotated[Path | None, _out("tnplan-1.schema.json")] = None,
    force: ForceOpt = False,
    lang: common.LangOpt = None,
) -> None:
    """JSON Schema (draft 2020-12) của định dạng kế hoạch, để VS Code gợi ý và kiểm tra.

    Đặt dòng đầu tệp kế hoạch: # yaml-language-server: $schema=../schema/tnplan-1.schema.json

    Ví dụ: tnplan export schema -o schema/tnplan-1.schema.json --force
    """
    from ..exchange.export import schema_json

    language = common.lang_from_env(lang)
    _emit(schema_json().encode("utf-8"), output, language, force=force)


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
            help=tr(
                "Ghi đè nếu tệp mới đã có (không bao giờ ghi đè tệp kế hoạch nguồn).",
                "Overwrite the new file if it exists (never the source plan).",
            ),
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
    common.say(msg)
