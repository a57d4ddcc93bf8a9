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
import importlib
import os
import sys
from typing import TYPE_CHECKING, Any

from ..plan.errors import TnplanError
from . import common

if TYPE_CHECKING:
    from .root import app as app
    from .root import run as run
    from .root import usage_error as usage_error

COMMANDS = {
    "validate": "validate",
    "status": "track",
    "timeline": "track",
    "overdue": "track",
    "upcoming": "track",
    "render": "documents",
    "export": "exports",
    "new": "exports",
    "collect": "collect",
    "remind": "collect",
}
"""Each command, and the module of this package that defines it."""
MODULES = ("validate", "track", "documents", "exports", "collect")

_LOADING = False
"""True while command modules are imported (their ``from . import app`` takes the app as it
is, without importing the others)."""


def load_commands(names: list[str] | None = None) -> None:
    """Import the modules defining the commands ``names`` (every command when None): each
    adds its commands to the app.  A run loads only what it runs; help and an unknown
    command load them all."""
    global _LOADING
    modules = MODULES if names is None else [COMMANDS[n] for n in names if n in COMMANDS]
    _LOADING = True
    try:
        for module in modules:
            try:
                importlib.import_module(f"{__name__}.{module}")
            except ModuleNotFoundError as exc:  # a command module not written yet
                if exc.name != f"{__name__}.{module}":
                    raise
    finally:
        _LOADING = False


def _commands_of(args: list[str]) -> list[str] | None:
    """The command a command line runs, to load only its module; None (all of them) for
    help, an unknown command, options before the command, or completion."""
    if os.environ.get("_TNPLAN_COMPLETE"):
        return None
    for arg in args:
        if arg == "--debug":
            continue
        if arg in COMMANDS:
            return [arg]
        return None
    return None


def __getattr__(name: str) -> Any:
    """``tnplan.cli.app`` is the Typer app with every command; ``run`` and ``usage_error``
    are in :mod:`tnplan.cli.root` (imported only when a command line goes through Click)."""
    if name == "app":
        from .root import app

        if not _LOADING:
            load_commands()
        return app
    if name in ("run", "usage_error"):
        from . import root

        return getattr(root, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def main() -> None:
    """Console entry point: run the app, turn user errors into one line and an exit code.

    stdout and stderr are guarded (:mod:`tnplan.cli.output`): a terminal that cannot show
    Vietnamese gets letters without marks; stdout closed, full or cut (a pipe whose reader
    left) ends the run with exit code 3; stderr that cannot be written loses its messages
    but not the exit code.
    """
    from . import i18n, output

    # Reading a plan builds large trees without cycles (YAML nodes, the plan): the cycle
    # collector would only scan them again and again, so it is off until the plans are read
    # (common.plans_loaded sets them aside and turns it back on).
    collecting, thresholds = gc.isenabled(), gc.get_threshold()
    gc.disable()
    load = sys.modules.get("tnplan.plan.load")  # not imported yet: nothing read yet
    if load is not None:
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
        gc.unfreeze()  # as it was (tests run many commands in one process)
        gc.set_threshold(*thresholds)
        if collecting:
            gc.enable()
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
        from . import quick

        code = quick.run(args, lang)  # what needs no Click: validate, help already shown
        if code is not None:
            return code
        load_commands(_commands_of(args))
        from .root import run

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
