"""``tnplan validate``: check plan files, for people and for CI."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated

import typer

from . import app, common


@app.command()
def validate(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(help="Tệp hoặc thư mục kế hoạch (mặc định: ./plans/).", show_default=False),
    ] = None,
    fmt: Annotated[
        str,
        typer.Option(
            "--format",
            "-f",
            help="auto (chú thích GitHub khi chạy trong GitHub Actions, còn lại text), text, "
            "json hoặc github.",
        ),
    ] = "auto",
    strict: Annotated[
        bool, typer.Option("--strict", help="Cảnh báo cũng làm lệnh thất bại (mã thoát 1).")
    ] = False,
    lang: common.LangOpt = None,
) -> None:
    """Kiểm tra tệp kế hoạch: định dạng, tham chiếu, ngày giờ, chương trình.

    Mỗi vấn đề một dòng `tệp:dòng:cột: mức [mã] nội dung — cách sửa`. Mã thoát: 0 hợp lệ,
    1 có lỗi (hoặc cảnh báo với --strict), 2 sai cách gọi, 3 không đọc được tệp.

    Ví dụ: tnplan validate plans/ --strict · tnplan validate plan.yaml --format json
    """
    from ..plan.check import check_file
    from ..plan.problems import TnplanError, count, format_github, format_json, format_text

    language = common.lang_from_env(lang)
    if fmt not in ("auto", "text", "json", "github"):
        raise TnplanError(
            f"--format `{fmt}` không hỗ trợ" if language == "vi" else f"unknown --format `{fmt}`",
            hint="dùng auto, text, json hoặc github",
            exit_code=2,
        )
    if fmt == "auto":
        fmt = "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"
    if not paths:  # never the bundled sample plan: a CI step in the wrong folder must fail
        targets = common.default_plans(language, fallback=False)
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
        n = len(targets)
        if language == "vi":
            summary = f"{n} tệp: {errors} lỗi, {warnings} cảnh báo"
        else:
            summary = f"{n} file{'s' if n != 1 else ''}: {errors} errors, {warnings} warnings"
        typer.echo(summary, err=bool(problems))
    if could_not_read:
        raise typer.Exit(3)
    if errors or (strict and warnings):
        raise typer.Exit(1)
