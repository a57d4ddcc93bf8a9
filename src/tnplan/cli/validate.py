"""``tnplan validate``: check plan files, for people and for CI."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated

import click
import typer

from . import app, common
from .i18n import english, tr

FORMATS = ("auto", "text", "json", "github")


@app.command()
@english(
    """Check plan files: the format, references, dates and times, programmes.

    One problem a line, `file:line:col: level [code] message — how to fix it`. Exit codes:
    0 valid, 1 errors (or warnings with --strict), 2 usage error, 3 a file cannot be read.

    Examples: tnplan validate plans/ --strict ·
    tnplan validate plans/ngay-khcn-2026.yaml --format json
    """
)
def validate(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            metavar=tr("TỆP_HOẶC_THƯ_MỤC...", "FILE_OR_FOLDER..."),
            help=tr(
                "Tệp hoặc thư mục kế hoạch (mặc định: ./plans/). Ví dụ: plans/",
                "Plan files or folders (default: ./plans/). Example: plans/",
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
                "auto (chú thích GitHub khi chạy trong GitHub Actions, còn lại text), text, json "
                "hoặc github. Ví dụ: --format json",
                "auto (GitHub annotations inside GitHub Actions, text elsewhere), text, json or "
                "github. Example: --format json",
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
    lang: common.LangOpt = None,
) -> None:
    """Kiểm tra tệp kế hoạch: định dạng, tham chiếu, ngày giờ, chương trình.

    Mỗi vấn đề một dòng `tệp:dòng:cột: mức [mã] nội dung — cách sửa`. Mã thoát: 0 hợp lệ,
    1 có lỗi (hoặc cảnh báo với --strict), 2 sai cách gọi, 3 không đọc được tệp.

    Ví dụ: tnplan validate plans/ --strict ·
    tnplan validate plans/ngay-khcn-2026.yaml --format json
    """
    from ..plan.check import check_file
    from ..plan.messages import counted
    from ..plan.problems import count, format_github, format_json, format_text

    language = common.lang_from_env(lang)
    fmt = fmt.lower()
    if fmt == "auto":
        fmt = "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"
    if not paths:
        targets = common.default_plans(language)
    elif len(paths) == 1:
        targets = common.plan_paths(paths[0], language)
    else:  # among several, a missing file is reported with the others; an empty folder stops
        targets = [
            t for p in paths for t in (common.plan_paths(p, language) if p.is_dir() else [p])
        ]
    problems = []
    could_not_read = False
    for path in targets:
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
    elif fmt == "github":
        if problems:
            typer.echo(format_github(problems))
    else:
        if problems:
            typer.echo(format_text(problems, lang=language))
        files = counted(len(targets), "file", language)
        errs, warns = counted(errors, "error", language), counted(warnings, "warning", language)
        typer.echo(f"{files}: {errs}, {warns}", err=bool(problems))
    if could_not_read:
        raise typer.Exit(3)
    if errors or (strict and warnings):
        raise typer.Exit(1)
