"""What every command shares: language, plan discovery, owners, errors on stderr."""

from __future__ import annotations

import datetime as dt
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..plan.errors import TnplanError
from .i18n import detect

if TYPE_CHECKING:
    from ..plan import model
    from .options import LangOpt as LangOpt
    from .options import OldOwnerOpt as OldOwnerOpt
    from .options import OwnerOpt as OwnerOpt

STATE: dict[str, Any] = {"debug": False, "lang": None}
"""Per run: ``debug``, and ``lang`` as given by ``--lang`` before the command."""

_OPTIONS = ("LangOpt", "OwnerOpt", "OldOwnerOpt")


def __getattr__(name: str) -> Any:
    """The options every command shares (``common.LangOpt`` …) are Typer's: they are in
    :mod:`tnplan.cli.options`, imported only when a command line goes through Typer."""
    if name in _OPTIONS:
        from . import options

        return getattr(options, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def echo(text: str, *, err: bool = False) -> None:
    """One line of output (stdout, or stderr with ``err``), as ``typer.echo`` writes it."""
    stream = sys.stderr if err else sys.stdout
    stream.write(f"{text}\n")
    stream.flush()


def owner_option(owner: str | None, old: str | None, lang: str) -> str | None:
    """``--owner``, or the deprecated ``-o`` with a warning on stderr (kept for one release)."""
    if old is None:
        return owner
    warning = (
        "Cảnh báo: `-o` để chọn đơn vị sẽ bỏ ở bản sau; dùng `-u` hoặc `--owner` "
        "(`-o` là `--output` ở mọi lệnh)"
        if lang == "vi"
        else "Warning: `-o` for a unit is deprecated and goes in the next release; use `-u` or "
        "`--owner` (`-o` means `--output` in every command)"
    )
    print(warning, file=sys.stderr)
    return owner or old


def lang_from_argv(argv: list[str]) -> str:
    """The language for messages printed outside a command: ``--lang`` anywhere, else the env."""
    return detect(argv)


def lang_from_env(lang: str | None = None) -> str:
    """``--lang`` (after or before the command) if given, else ``TNPLAN_LANG``, else vi."""
    value = (lang or STATE.get("lang") or os.environ.get("TNPLAN_LANG") or "vi").strip().lower()
    if value not in ("vi", "en"):
        raise TnplanError(
            f"ngôn ngữ `{value}` không hỗ trợ (TNPLAN_LANG)",
            hint="dùng --lang vi hoặc --lang en",
            exit_code=2,
        )
    return value


def now() -> dt.datetime:
    """Now, or ``SOURCE_DATE_EPOCH`` when set: reproducible files (a calendar's DTSTAMP, a
    Word file's creation time), as build tools agree."""
    raw = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if raw.isdigit():
        return dt.datetime.fromtimestamp(int(raw), dt.UTC)
    return dt.datetime.now(dt.UTC)


def say(line: str) -> None:
    """One message line on stderr, control characters shown escaped (a name echoed from the
    command line cannot clear the screen or start a line of its own)."""
    from ..plan.problems import one_line

    print(one_line(line), file=sys.stderr)


def print_error(message: str, hint: str = "", *, lang: str = "vi") -> None:
    word = "Lỗi" if lang == "vi" else "Error"
    line = f"{word}: {message}"
    if hint:
        line += f" ({hint})"
    say(line)


def bundled_plans() -> list[Path]:
    """The plans shipped inside the package."""
    from importlib.resources import files

    root = files("tnplan").joinpath("data", "plans")
    try:
        return sorted(Path(str(p)) for p in root.iterdir() if p.name.endswith((".yaml", ".yml")))
    except (FileNotFoundError, NotADirectoryError):
        return []


LOCAL = Path("plans")
"""Where commands look for plans when none is named: ``./plans/`` and its subfolders."""


def _local_plans(lang: str) -> tuple[list[Path], str]:
    """The plans in ``./plans/`` (subfolders included), or why there are none."""
    from ..plan.check import plan_files

    vi = lang == "vi"
    here = Path.cwd()
    if not LOCAL.is_dir():
        return [], f"không có thư mục plans/ trong {here}" if vi else f"no plans/ folder in {here}"
    found = list(plan_files([LOCAL]))
    why = (
        f"thư mục {here / LOCAL} (cả thư mục con) không có tệp .yaml nào"
        if vi
        else f"no .yaml file in {here / LOCAL} (subfolders included)"
    )
    return found, why


def default_plans(lang: str, *, fallback: bool = True) -> list[Path]:
    """Plans in ``./plans/`` (subfolders included), else the bundled sample plan.

    Falling back is said once on stderr, with the reason, so that nobody reads the sample
    plan's status believing it is their own.  ``fallback=False`` (``validate``: a check that
    passes on the sample plan would hide a CI step run from the wrong folder) refuses instead,
    exit code 3, saying where it looked.
    """
    local, why = _local_plans(lang)
    if local:
        return local
    vi = lang == "vi"
    if not fallback:
        raise TnplanError(
            f"không tìm thấy kế hoạch: {why}" if vi else f"no plan found: {why}",
            hint="chỉ tệp hoặc thư mục kế hoạch, ví dụ tnplan validate plans/"
            if vi
            else "name a plan file or folder, e.g. tnplan validate plans/",
            exit_code=3,
        )
    found = bundled_plans()
    if not found:
        raise TnplanError(
            f"không tìm thấy kế hoạch nào: {why}" if vi else f"no plan found: {why}",
            hint="chỉ đường dẫn tệp kế hoạch" if vi else "give the path of a plan file",
            exit_code=3,
        )
    if not STATE.get("told_sample"):
        STATE["told_sample"] = True
        names = ", ".join(p.name for p in found)
        say(
            f"Lưu ý: {why} — đang dùng kế hoạch mẫu đi kèm tnplan ({names}); "
            "chỉ đường dẫn để dùng kế hoạch của bạn"
            if vi
            else f"Note: {why} — showing the sample plan bundled with tnplan ({names}); "
            "name a path to use your own plan"
        )
    return found


def newest(paths: list[Path], lang: str) -> Path:
    """Of several plans, the one whose period ends last (the file name breaks ties)."""
    if len(paths) == 1:
        return paths[0]
    from ..plan.check import check_file

    def key(p: Path) -> tuple[dt.date, str]:
        plan = check_file(p, lang=lang).plan
        return (plan.period.end if plan else dt.date.min, p.name)

    return max(paths, key=key)


def plan_paths(arg: Path | None, lang: str) -> list[Path]:
    """The plan files a command works on: a file, every plan in a folder (subfolders
    included), or the default (:func:`default_plans`)."""
    from ..plan.check import plan_files

    if arg is None:
        return default_plans(lang)
    if not arg.exists():
        raise TnplanError(
            f"không có tệp hoặc thư mục {arg}"
            if lang == "vi"
            else f"no such file or folder: {arg}",
            exit_code=3,
        )
    found = list(plan_files([arg]))
    if not found:
        raise TnplanError(
            f"thư mục {arg} (cả thư mục con) không có tệp .yaml nào"
            if lang == "vi"
            else f"no .yaml files in {arg} (subfolders included)",
            exit_code=3,
        )
    return found


def one_plan(arg: Path | None, lang: str) -> Path:
    """A single plan: the file given, or the newest plan in the folder or default place."""
    return newest(plan_paths(arg, lang), lang)


def load_plans(paths: list[Path], lang: str) -> list[model.Plan]:
    """Valid plans (:func:`tnplan.plan.check.load_plan`), then :func:`plans_loaded`."""
    from ..plan.check import load_plan

    plans = [load_plan(p, lang=lang) for p in paths]
    plans_loaded()
    return plans


def load_plan(path: Path, lang: str) -> model.Plan:
    """One valid plan (:func:`load_plans`)."""
    return load_plans([path], lang)[0]


def plans_loaded() -> None:
    """The plans are read: turn the cycle collector back on, past what was built so far.

    :func:`tnplan.cli.main` pauses the collector while a plan is read (large trees without
    cycles, which it would only scan again and again); what was built then lives for the whole
    run, so it is set aside (``gc.freeze``) and the collector runs again for what comes next:
    the documents of ``--each`` (python-docx and Jinja2 leave cycles behind each one), views,
    exports.  Memory then stays flat however many documents a command writes.
    """
    import gc

    gc.freeze()
    # Collected less often than Python's default (700 new objects): a dashboard or a report
    # makes millions of small objects, and each collection walks the ones still alive.
    gc.set_threshold(10_000, 10, 10)
    gc.enable()
