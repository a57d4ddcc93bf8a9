"""The ``tnplan`` command: a thin Typer layer over the core.

Each command parses its arguments, calls one core function, hands the result to a view or a
formatter and returns an exit code.  Exit codes: 0 ok; 1 problems found (an invalid plan,
overdue items with ``--fail``); 2 usage error; 3 could not run (missing or unreadable file,
template error, unwritable output).  Errors the user can fix are one line on stderr, usage
errors included; a Python traceback appears only with ``--debug``.

Everything a user reads is in Vietnamese, or in English with ``--lang en``: help text and
metavars are written in Vietnamese with their English beside them, ``tr("…", "…")`` and
``@english("…")`` from :mod:`tnplan.cli.i18n` (its docstring says how to add a command or
an option; a test fails when either language is missing). Short flags have one meaning in
every command: ``-o`` is ``--output``, ``-u`` is ``--owner``, ``-f`` is ``--format``.
"""

from __future__ import annotations

import gc
import os
import sys
import warnings
from typing import Annotated

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
    import typer.core


from ..plan.problems import TnplanError
from . import common
from .i18n import tr


def _keep_argument_help() -> None:
    """Typer 0.24 sets an argument's ``help`` before calling ``click.Argument.__init__``, which
    from click 8.5 takes a ``help`` of its own and resets it: put it back after."""
    init = typer.core.TyperArgument.__init__

    def __init__(self: typer.core.TyperArgument, *args: object, **kwargs: object) -> None:
        init(self, *args, **kwargs)  # type: ignore[arg-type]
        self.help = kwargs.get("help")  # type: ignore[assignment]

    typer.core.TyperArgument.__init__ = __init__  # type: ignore[method-assign]


_keep_argument_help()

app = typer.Typer(
    name="tnplan",
    help=tr(
        "Kế hoạch sự kiện của cơ quan dưới dạng YAML: kiểm tra, theo dõi tiến độ, soạn văn bản "
        "theo Nghị định 30/2020.\n\n"
        "Ví dụ: tnplan validate plans/ · tnplan status --as-of 14/5/2026 · "
        "tnplan render invitation hoi-nghi-sang-che",
        "An agency's event plan as YAML: check it, track it, write its documents in the "
        "layout of Decree 30/2020.\n\n"
        "Examples: tnplan validate plans/ · tnplan status --as-of 14/5/2026 · "
        "tnplan render invitation hoi-nghi-sang-che",
    ),
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode="markdown",
    add_completion=False,  # tnplan's own --install-completion/--show-completion, in both languages
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        from .. import __version__

        typer.echo(f"tnplan {__version__}")
        raise typer.Exit()


def _show_completion(value: str | None) -> None:
    if value is not None:
        from .shell import show

        show(value, common.lang_from_env(None))
        raise typer.Exit()


def _install_completion(value: str | None) -> None:
    if value is not None:
        from .shell import install

        install(value, common.lang_from_env(None))
        raise typer.Exit()


ShellOpt = tr("[bash|zsh|fish]", "[bash|zsh|fish]")


@app.callback()
def _root(
    debug: Annotated[
        bool,
        typer.Option(
            "--debug",
            help=tr(
                "Hiện đủ dấu vết lỗi của Python khi có lỗi (cho người phát triển).",
                "Show the Python traceback of an error (for developers).",
            ),
        ),
    ] = False,
    version: Annotated[
        bool,
        typer.Option(
            "--version",
            callback=_version,
            is_eager=True,
            help=tr("In phiên bản rồi thoát.", "Print the version and exit."),
        ),
    ] = False,
    lang: common.LangOpt = None,
    install_completion: Annotated[
        str | None,
        typer.Option(
            "--install-completion",
            metavar=ShellOpt,
            callback=_install_completion,
            expose_value=False,
            help=tr(
                "Cài gợi ý lệnh khi bấm Tab cho shell đang dùng (hoặc bash, zsh, fish).",
                "Install Tab completion for the current shell (or bash, zsh, fish).",
            ),
            show_default=False,
        ),
    ] = None,
    show_completion: Annotated[
        str | None,
        typer.Option(
            "--show-completion",
            metavar=ShellOpt,
            callback=_show_completion,
            expose_value=False,
            help=tr(
                "In đoạn mã gợi ý lệnh cho shell đang dùng (hoặc bash, zsh, fish), để tự cài.",
                "Print the completion script for the current shell (or bash, zsh, fish), to "
                "install it yourself.",
            ),
            show_default=False,
        ),
    ] = None,
) -> None:
    """Global options."""
    common.STATE["debug"] = debug
    if lang is not None:
        common.STATE["lang"] = lang.lower()


from . import validate as _validate  # noqa: E402,F401  (registers the command)

for _name in ("track", "documents", "exports", "collect"):
    try:
        __import__(f"{__name__}.{_name}")
    except ModuleNotFoundError as _exc:  # a command module not written yet
        if _exc.name != f"{__name__}.{_name}":
            raise


def run(args: list[str], lang: str) -> int:
    """Run the command line ``args`` in ``lang``; an exit code, or an exception to report."""
    import click

    from . import i18n

    if os.environ.get("_TNPLAN_COMPLETE"):
        from typer._completion_classes import completion_init

        completion_init()
    root = typer.main.get_command(app)
    i18n.localize(root, lang)
    for param in root.params:  # `--show-completion` alone, or with a shell's name
        if param.name in ("install_completion", "show_completion"):
            assert isinstance(param, click.Option)
            param._flag_needs_value = True  # Typer has no option with an optional value
            param.flag_value = ""
    try:
        rv = root.main(args=args, prog_name="tnplan", standalone_mode=False)
    except click.exceptions.NoArgsIsHelpError:
        return 2  # the help is already printed
    except click.UsageError as exc:
        common.print_error(*usage_error(exc, lang), lang=lang)
        return 2
    except click.ClickException as exc:
        common.print_error(exc.format_message(), lang=lang)
        return exc.exit_code
    except click.Abort:
        common.print_error("đã dừng" if lang == "vi" else "aborted", lang=lang)
        return 1
    return rv if isinstance(rv, int) else 0


def usage_error(exc: object, lang: str) -> tuple[str, str]:
    """A Click usage error as (message, hint): one line, "did you mean" and where help is."""
    import click

    assert isinstance(exc, click.UsageError)
    message = exc.format_message()
    guess = ""
    if isinstance(exc, (click.NoSuchOption, click.exceptions.NoSuchCommand)):
        message = exc.message
        if exc.possibilities:
            from click.exceptions import _format_possibilities

            guess = _format_possibilities(list(exc.possibilities)).strip("()")
            guess = guess[:1].lower() + guess[1:] + " "
    message = " ".join(message.replace("\t", " ").split()).rstrip(".")
    path = exc.ctx.command_path if exc.ctx is not None else "tnplan"
    see = f"xem `{path} --help`" if lang == "vi" else f"see `{path} --help`"
    return message, guess + see


def main() -> None:
    """Console entry point: run the app, turn user errors into one line and an exit code.

    stdout and stderr are guarded (:mod:`tnplan.cli.output`): a terminal that cannot show
    Vietnamese gets letters without marks; stdout closed, full or cut (a pipe whose reader
    left) ends the run with exit code 3; stderr that cannot be written loses its messages
    but not the exit code.
    """
    from ..plan import load
    from . import i18n, output

    # A run is short and builds large acyclic trees (YAML nodes, the plan): the cyclic garbage
    # collector would only re-scan them, so it stays off for the life of the process.
    gc.disable()
    load.forget_reads()  # a new run: no plan file read yet (in-process tests run many)
    args, given = i18n.lang_options(sys.argv[1:])
    lang = i18n.detect(sys.argv[1:])
    common.STATE.clear()
    common.STATE.update(debug=False, lang=given[-1].strip().lower() if given else None)
    i18n.use(lang)
    saved = output.guard_streams()
    try:
        code = _main(args, given, lang)
        output.finish_streams()
    except output.OutputError as exc:
        code = _cannot_print(exc, lang)
    finally:
        output.restore_streams(saved)
    sys.exit(code)


def _main(args: list[str], given: list[str], lang: str) -> int:
    """The run itself: an exit code; every error the user can act on is one line on stderr."""
    from . import i18n
    from .output import OutputError

    try:
        bad = [v for v in given if v.strip().lower() not in ("vi", "en")]
        if bad:
            common.print_error(*i18n.bad_lang(bad[0]), lang=lang)
            return 2
        return run(args, lang)
    except SystemExit as exc:
        if exc.code is None or isinstance(exc.code, int):
            return exc.code or 0
        common.say(str(exc.code))
        return 1
    except TnplanError as exc:
        common.print_error(exc.message, exc.hint, lang=lang)
        return exc.exit_code
    except KeyboardInterrupt:
        return 130
    except OutputError:
        raise
    except OSError as exc:  # the file system refused a path (a name too long, …): could not run
        if common.STATE.get("debug") or os.environ.get("TNPLAN_DEBUG"):
            raise
        from ..plan.messages import os_reason

        where = exc.filename if exc.filename is not None else "?"
        reason = os_reason(exc, lang)
        common.print_error(
            f"không truy cập được {where}: {reason}"
            if lang == "vi"
            else f"cannot access {where}: {reason}",
            lang=lang,
        )
        return 3
    except Exception as exc:  # anything unexpected: one line unless --debug
        if common.STATE.get("debug") or os.environ.get("TNPLAN_DEBUG"):
            raise
        msg = "lỗi không mong đợi" if lang == "vi" else "unexpected error"
        hint = (
            "chạy lại với --debug và báo cho nhóm phát triển"
            if lang == "vi"
            else ("run again with --debug and report it")
        )
        common.print_error(f"{msg}: {type(exc).__name__}: {exc}", hint, lang=lang)
        return 3


def _cannot_print(exc: Exception, lang: str) -> int:
    """stdout failed: exit 3; say why unless the reader of a pipe simply left."""
    import errno

    from ..plan.messages import os_reason
    from .output import OutputError

    assert isinstance(exc, OutputError)
    if exc.errno != errno.EPIPE:
        reason = os_reason(OSError(exc.errno, exc.reason), lang) if exc.errno else exc.reason
        common.print_error(
            f"không ghi được ra stdout: {reason}"
            if lang == "vi"
            else f"cannot write to stdout: {reason}",
            lang=lang,
        )
    return 3
