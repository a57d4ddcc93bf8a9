"""The ``tnplan`` command: a thin Typer layer over the core.

Each command parses its arguments, calls one core function, hands the result to a view or a
formatter and returns an exit code.  Exit codes: 0 ok; 1 problems found (an invalid plan,
overdue items with ``--fail``); 2 usage error; 3 could not run (missing or unreadable file,
template error, unwritable output).  Errors the user can fix are one line on stderr; a Python
traceback appears only with ``--debug``.
"""

from __future__ import annotations

import gc
import os
import sys
import warnings

# Click 8.5 deprecates `click.utils.get_binary_stream` and `get_text_stream`, which Typer 0.24
# imports by those names when it loads; nothing of tnplan uses them.  Only these two warnings
# are silenced, only while Typer loads, so tnplan runs on click 8.1 to 8.x without a warning
# (and beside tools that need click 8.5, such as check-jsonschema).
with warnings.catch_warnings():
    warnings.filterwarnings(
        "ignore",
        message=r"'click\.utils\.get_(binary|text)_stream' is deprecated",
        category=DeprecationWarning,
    )
    import typer

from ..plan.problems import TnplanError
from . import common

app = typer.Typer(
    name="tnplan",
    help=(
        "Kế hoạch sự kiện của cơ quan dưới dạng YAML: kiểm tra, theo dõi tiến độ, soạn văn bản "
        "theo Nghị định 30/2020.\n\n"
        "Ví dụ: tnplan validate plans/ · tnplan status --as-of 14/5/2026 · "
        "tnplan render invitation hoi-nghi-sang-che"
    ),
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode="markdown",
    add_completion=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        from .. import __version__

        typer.echo(f"tnplan {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    debug: bool = typer.Option(
        False, "--debug", help="Hiện traceback Python khi có lỗi (cho người phát triển)."
    ),
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="In phiên bản rồi thoát."
    ),
) -> None:
    """Global options."""
    common.STATE["debug"] = debug


from . import validate as _validate  # noqa: E402,F401  (registers the command)

for _name in ("track", "documents", "exports", "collect"):
    try:
        __import__(f"{__name__}.{_name}")
    except ModuleNotFoundError as _exc:  # a command module not written yet
        if _exc.name != f"{__name__}.{_name}":
            raise


def main() -> None:
    """Console entry point: run the app, turn user errors into one line and an exit code.

    stdout and stderr are guarded (:mod:`tnplan.cli.output`): a terminal that cannot show
    Vietnamese gets letters without marks; stdout closed, full or cut (a pipe whose reader
    left) ends the run with exit code 3; stderr that cannot be written loses its messages
    but not the exit code.
    """
    from ..plan import load
    from . import output

    # A run is short and builds large acyclic trees (YAML nodes, the plan): the cyclic garbage
    # collector would only re-scan them, so it stays off for the life of the process.
    gc.disable()
    load.forget_reads()  # a new run: no plan file read yet (in-process tests run many)
    common.STATE.clear()
    common.STATE["debug"] = False
    saved = output.guard_streams()
    try:
        code = _run()
        output.finish_streams()
    except output.OutputError as exc:
        code = _cannot_print(exc)
    finally:
        output.restore_streams(saved)
    sys.exit(code)


def _debug() -> bool:
    return bool(common.STATE.get("debug") or os.environ.get("TNPLAN_DEBUG"))


def _run() -> int:
    from .output import OutputError

    try:
        app(prog_name="tnplan")
    except SystemExit as exc:
        if exc.code is None or isinstance(exc.code, int):
            return exc.code or 0
        common.say(str(exc.code))
        return 1
    except TnplanError as exc:
        common.print_error(exc.message, exc.hint, lang=common.lang_from_argv(sys.argv))
        return exc.exit_code
    except KeyboardInterrupt:
        return 130
    except OutputError:
        raise
    except OSError as exc:  # the file system refused a path (a name too long, …): could not run
        if _debug():
            raise
        lang = common.lang_from_argv(sys.argv)
        where = exc.filename if exc.filename is not None else "?"
        reason = exc.strerror or type(exc).__name__
        common.print_error(
            f"không truy cập được {where}: {reason}"
            if lang == "vi"
            else f"cannot access {where}: {reason}",
            lang=lang,
        )
        return 3
    except Exception as exc:  # anything unexpected: one line unless --debug
        if _debug():
            raise
        lang = common.lang_from_argv(sys.argv)
        msg = "lỗi không mong đợi" if lang == "vi" else "unexpected error"
        hint = (
            "chạy lại với --debug và báo cho nhóm phát triển"
            if lang == "vi"
            else ("run again with --debug and report it")
        )
        common.print_error(f"{msg}: {type(exc).__name__}: {exc}", hint, lang=lang)
        return 3
    return 0


def _cannot_print(exc: Exception) -> int:
    """stdout failed: exit 3; say why unless the reader of a pipe simply left."""
    import errno

    from .output import OutputError

    assert isinstance(exc, OutputError)
    if exc.errno != errno.EPIPE:
        lang = common.lang_from_argv(sys.argv)
        common.print_error(
            f"không ghi được ra stdout: {exc.reason}"
            if lang == "vi"
            else f"cannot write to stdout: {exc.reason}",
            lang=lang,
        )
    return 3
