"""``tnplan validate``: check plan files, for people and for CI."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import click
import typer

from . import app, common
from .i18n import english, tr

FORMATS = ("auto", "text", "json", "github", "sarif")

if TYPE_CHECKING:
    from ..plan.problems import Problem


def _step_summary(problems: list[Problem], files: int, lang: str) -> None:
    """Add the run's Markdown summary to ``$GITHUB_STEP_SUMMARY`` (what is there is kept)."""
    target = os.environ.get("GITHUB_STEP_SUMMARY", "").strip()
    if not target:
        return
    from ..documents.render import write_atomic
    from ..plan.problems import format_summary

    path = Path(target)
    before = path.read_bytes() if path.is_file() else b""
    text = format_summary(problems, files, lang=lang).encode("utf-8")
    write_atomic(path, before + text, force=True, lang=lang)


@app.command()
@english(
    """Check plan files: the format, references, dates and times, programmes.

    One problem a line, `file:line:col: level [code] message — how to fix it`. Exit codes:
    0 valid, 1 errors (or warnings with --strict), 2 usage error, 3 a file cannot be read.

    `-` reads the plan from standard input (for editors, pipelines).

    Examples: tnplan validate plans/ --strict ·
    tnplan validate plans/ngay-khcn-2026.yaml --format json ·
    cat plans/ngay-khcn-2026.yaml | tnplan validate - --stdin-name plans/ngay-khcn-2026.yaml
    """
)
def validate(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            metavar=tr("TỆP_HOẶC_THƯ_MỤC...", "FILE_OR_FOLDER..."),
            help=tr(
                "Tệp hoặc thư mục kế hoạch (mặc định: ./plans/); - là đầu vào chuẩn. Ví dụ: plans/",
                "Plan files or folders (default: ./plans/); - is standard input. Example: plans/",
            ),
            show_default=False,
        ),
    ] = None,
    fmt: Annotated[
        str,
        typer.Option(
            "--format",
            "-f",
            click_type=click.Choice(FORMATS, case_sensitive=False),
            help=tr(
                "auto (chú thích GitHub khi chạy trong GitHub Actions, còn lại text), text, "
                "json, github (kèm bản tóm tắt Markdown vào $GITHUB_STEP_SUMMARY nếu có) hoặc "
                "sarif (SARIF 2.1.0, để GitHub hiện lỗi ngay trong mã nguồn). Ví dụ: --format json",
                "auto (GitHub annotations inside GitHub Actions, text elsewhere), text, json, "
                "github (with a Markdown summary in $GITHUB_STEP_SUMMARY when set) or sarif "
                "(SARIF 2.1.0 for GitHub code scanning). Example: --format json",
            ),
        ),
    ] = "auto",
    strict: Annotated[
        bool,
        typer.Option(
            "--strict",
            help=tr(
                "Cảnh báo cũng làm lệnh thất bại (mã thoát 1).",
                "Warnings fail the command too (exit code 1).",
            ),
        ),
    ] = False,
    only_plans: Annotated[
        bool,
        typer.Option(
            "--only-plans",
            help=tr(
                "Bỏ qua tệp không phải kế hoạch (không mở đầu bằng `format: tnplan/1`); "
                "dùng cho pre-commit.",
                "Skip files that are not plans (not starting with `format: tnplan/1`); for "
                "pre-commit.",
            ),
        ),
    ] = False,
    stdin_name: Annotated[
        str,
        typer.Option(
            "--stdin-name",
            metavar=tr("TÊN", "NAME"),
            help=tr(
                "Tên hiển thị của kế hoạch đọc từ - (đầu vào chuẩn). Ví dụ: --stdin-name "
                "plans/ke-hoach.yaml",
                "The name shown for the plan read from - (standard input). Example: "
                "--stdin-name plans/ke-hoach.yaml",
            ),
        ),
    ] = "<stdin>",
    lang: common.LangOpt = None,
) -> None:
    """Kiểm tra tệp kế hoạch: định dạng, tham chiếu, ngày giờ, chương trình.

    Mỗi vấn đề một dòng `tệp:dòng:cột: mức [mã] nội dung — cách sửa`. Mã thoát: 0 hợp lệ,
    1 có lỗi (hoặc cảnh báo với --strict), 2 sai cách gọi, 3 không đọc được tệp.

    `-` lấy kế hoạch từ đầu vào chuẩn (cho trình soạn thảo, đường ống).

    Ví dụ: tnplan validate plans/ --strict ·
    tnplan validate plans/ngay-khcn-2026.yaml --format json ·
    cat plans/ngay-khcn-2026.yaml | tnplan validate - --stdin-name plans/ngay-khcn-2026.yaml
    """
    from ..plan.check import check_bytes, check_file, is_plan_file
    from ..plan.messages import counted
    from ..plan.problems import count, format_github, format_json, format_text

    language = common.lang_from_env(lang)
    vi = language == "vi"
    fmt = fmt.lower()  # one of FORMATS: the option's choices
    if fmt == "auto":
        fmt = "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"
    stdin = Path("-")
    if not paths:  # never the bundled sample plan: a CI step in the wrong folder must fail
        targets = common.default_plans(language, fallback=False)
    elif len(paths) == 1 and paths[0] != stdin:
        targets = common.plan_paths(paths[0], language)
    else:  # among several, a missing file is reported with the others; an empty folder stops
        targets = [
            t
            for p in paths
            for t in (common.plan_paths(p, language) if p != stdin and p.is_dir() else [p])
        ]
    skipped = 0
    if only_plans:
        kept = [t for t in targets if t == stdin or not t.is_file() or is_plan_file(t)]
        skipped = len(targets) - len(kept)
        targets = kept
    problems = []
    could_not_read = False
    for path in targets:
        if path == stdin:
            from ..plan.load import MAX_BYTES

            data = sys.stdin.buffer.read(MAX_BYTES + 1)  # enough to say it is too large
            problems.extend(check_bytes(data, stdin_name, lang=language).problems)
            continue
        checked = check_file(path, lang=language)
        problems.extend(checked.problems)
        if checked.plan is None and any(
            p.code in ("unreadable", "not-a-file") for p in checked.problems
        ):
            could_not_read = True
        if not path.exists():
            could_not_read = True
    errors, warnings = count(problems)
    if fmt == "json":
        typer.echo(format_json(problems))
    elif fmt == "sarif":
        from .. import __version__
        from ..plan.problems import format_sarif

        typer.echo(format_sarif(problems, lang=language, version=__version__))
    elif fmt == "github":
        if problems:
            typer.echo(format_github(problems))
        _step_summary(problems, len(targets), language)
    else:
        if problems:
            typer.echo(format_text(problems, lang=language))
        files = counted(len(targets), "file", language)
        errs, warns = counted(errors, "error", language), counted(warnings, "warning", language)
        summary = f"{files}: {errs}, {warns}"
        if skipped:
            skipped_files = counted(skipped, "file", language)
            summary += (
                f"; bỏ qua {skipped_files} không phải kế hoạch"
                if vi
                else f"; skipped {skipped_files} not a plan"
            )
        typer.echo(summary, err=bool(problems))
    if could_not_read:
        raise typer.Exit(3)
    if errors or (strict and warnings):
        raise typer.Exit(1)
