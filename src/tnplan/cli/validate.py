"""``tnplan validate``: check plan files, for people and for CI."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from . import app, common

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
            "json, github (kèm bản tóm tắt Markdown vào $GITHUB_STEP_SUMMARY nếu có) hoặc "
            "sarif (SARIF 2.1.0 cho GitHub code scanning).",
        ),
    ] = "auto",
    strict: Annotated[
        bool, typer.Option("--strict", help="Cảnh báo cũng làm lệnh thất bại (mã thoát 1).")
    ] = False,
    only_plans: Annotated[
        bool,
        typer.Option(
            "--only-plans",
            help="Bỏ qua tệp không phải kế hoạch (không mở đầu bằng `format: tnplan/1`); "
            "dùng cho pre-commit.",
        ),
    ] = False,
    stdin_name: Annotated[
        str,
        typer.Option(
            "--stdin-name",
            help="Tên hiển thị của kế hoạch đọc từ - (đầu vào chuẩn). Ví dụ: --stdin-name "
            "plans/ke-hoach.yaml",
        ),
    ] = "<stdin>",
    lang: common.LangOpt = None,
) -> None:
    """Kiểm tra tệp kế hoạch: định dạng, tham chiếu, ngày giờ, chương trình.

    Mỗi vấn đề một dòng `tệp:dòng:cột: mức [mã] nội dung — cách sửa`. Mã thoát: 0 hợp lệ,
    1 có lỗi (hoặc cảnh báo với --strict), 2 sai cách gọi, 3 không đọc được tệp.

    `-` lấy kế hoạch từ đầu vào chuẩn (cho trình soạn thảo, đường ống).

    Ví dụ: tnplan validate plans/ --strict · tnplan validate plan.yaml --format json ·
    cat plan.yaml | tnplan validate - --stdin-name plan.yaml
    """
    from ..plan.check import check_bytes, check_file, is_plan_file
    from ..plan.problems import TnplanError, count, format_github, format_json, format_text

    language = common.lang_from_env(lang)
    vi = language == "vi"
    if fmt not in ("auto", "text", "json", "github", "sarif"):
        raise TnplanError(
            f"--format `{fmt}` không hỗ trợ" if vi else f"unknown --format `{fmt}`",
            hint="dùng auto, text, json, github hoặc sarif"
            if vi
            else "use auto, text, json, github or sarif",
            exit_code=2,
        )
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
        n = len(targets)
        if vi:
            summary = f"{n} tệp: {errors} lỗi, {warnings} cảnh báo"
            if skipped:
                summary += f"; bỏ qua {skipped} tệp không phải kế hoạch"
        else:
            summary = f"{n} file{'s' if n != 1 else ''}: {errors} errors, {warnings} warnings"
            if skipped:
                summary += f"; skipped {skipped} file{'s' if skipped != 1 else ''} not a plan"
        typer.echo(summary, err=bool(problems))
    if could_not_read:
        raise typer.Exit(3)
    if errors or (strict and warnings):
        raise typer.Exit(1)
