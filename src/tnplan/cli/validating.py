"""``tnplan validate`` itself, without Click: the command line's Typer command calls it, and
so does the quick path (:mod:`tnplan.cli.quick`), which runs a plain ``validate`` without
loading Click or Typer at all."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from . import common

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


def validate(
    paths: list[Path] | None,
    fmt: str,
    *,
    strict: bool,
    only_plans: bool,
    stdin_name: str,
    lang: str | None,
) -> int:
    """Check the plans, print the problems in ``fmt``; the exit code (0, 1 or 3)."""
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
        common.echo(format_json(problems))
    elif fmt == "sarif":
        from .. import __version__
        from ..plan.problems import format_sarif

        common.echo(format_sarif(problems, lang=language, version=__version__))
    elif fmt == "github":
        if problems:
            common.echo(format_github(problems))
        _step_summary(problems, len(targets), language)
    else:
        if problems:
            common.echo(format_text(problems, lang=language))
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
        common.echo(summary, err=bool(problems))
    if could_not_read:
        return 3
    if errors or (strict and warnings):
        return 1
    return 0
