"""``tnplan validate``: check plan files, for people and for CI."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import click
import typer

from . import app, common
from .i18n import english, tr
from .validating import FORMATS


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
    from .validating import validate as run

    code = run(paths, fmt, strict=strict, only_plans=only_plans, stdin_name=stdin_name, lang=lang)
    if code:
        raise typer.Exit(code)
