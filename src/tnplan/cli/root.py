"""The Typer application: the root group, its global options, and running a command line.

The commands are defined in their own modules (``validate``, ``track``, ``documents``,
``exports``, ``collect``), which add themselves to :data:`app` when imported; a run imports
only the module of the command it runs (:func:`tnplan.cli.load_commands`).
"""

from __future__ import annotations

import os
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


ORDER = (
    "validate", "status", "timeline", "overdue", "upcoming", "new", "remind",
    "render", "export", "collect",
)  # fmt: skip
"""The commands in the order help lists them, whichever module was imported first."""


def _in_order() -> None:
    """Put the registered commands and groups in :data:`ORDER` (tests run many commands in
    one process, and a run imports only the module it needs: import order varies)."""

    def rank(name: object) -> int:
        return ORDER.index(name) if isinstance(name, str) and name in ORDER else len(ORDER)

    def group_name(g: typer.models.TyperInfo) -> object:
        given = g.name if isinstance(g.name, str) else None  # else Typer's placeholder
        return given or (g.typer_instance.info.name if g.typer_instance else None)

    app.registered_commands.sort(key=lambda c: rank(c.name or getattr(c.callback, "__name__", "")))
    app.registered_groups.sort(key=lambda g: rank(group_name(g)))


def run(args: list[str], lang: str) -> int:
    """Run the command line ``args`` in ``lang``; an exit code, or an exception to report."""
    import click

    from . import i18n

    i18n.use(lang)  # Click is loaded now: its words in the run's language
    if os.environ.get("_TNPLAN_COMPLETE"):
        from typer._completion_classes import completion_init

        completion_init()
    _in_order()
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
