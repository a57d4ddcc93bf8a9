"""The command line in Vietnamese (the default) and in English: help, Click's words, errors.

How a command gets both languages — follow this when adding a command or an option:

* The Vietnamese is the source, where Typer expects it: the command's docstring, ``help=``
  of each option and argument, ``metavar=``.
* The English sits right beside it: ``@english("…")`` just under ``@app.command()`` for
  the docstring, and ``tr("…", "…")`` wherever a Vietnamese string is passed to Typer
  (``help=tr(vi, en)``, ``metavar=tr("NGÀY", "DATE")``, a sub-app's ``help=``).
* Examples in help start with ``Ví dụ:`` (``Example:`` in English) and are full commands
  separated by `` · ``; ``tests/test_cli_examples.py`` runs every one of them.
* ``tests/test_cli_help.py`` fails for any command, option, argument or metavar that lacks
  either language; ``docs/cli.md`` and ``docs/cli.en.md`` are the help of every command in
  each language, refreshed with ``TNPLAN_UPDATE_GOLDEN=1 pytest tests/test_cli_help.py``.

At start-up :func:`detect` reads the language from ``--lang`` (before or after the command)
or ``TNPLAN_LANG``, before Click parses anything. :func:`use` then gives Click and Typer
their Vietnamese words ("Cách dùng", "Tùy chọn", "không có tùy chọn …") by replacing the
``gettext`` functions their modules call, and :func:`localize` swaps the English help into the
command tree Typer built. Nothing is imported for this beyond Click itself: Typer's rich
help module gets its words only when help is actually shown.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    import click

F = TypeVar("F", bound=Callable[..., Any])

EN: dict[str, str] = {}
"""Every help text, metavar and title of the CLI: its Vietnamese (cleaned) → its English."""


def _key(text: str) -> str:
    import inspect

    return inspect.cleandoc(text).strip()


def tr(vi: str, en: str) -> str:
    """Register the English of a Vietnamese help text, metavar or title; return the Vietnamese.

    A Vietnamese text registered twice must have the same English each time.
    """
    key = _key(vi)
    known = EN.setdefault(key, en)
    if known != en:
        raise ValueError(f"two English texts for {key!r}: {known!r} and {en!r}")
    return vi


def english(text: str) -> Callable[[F], F]:
    """Give a command the English of its (Vietnamese) docstring; put it under ``@app.command``."""

    def mark(func: F) -> F:
        if not func.__doc__:
            raise ValueError(f"{func.__name__} has no docstring to translate")
        import inspect

        tr(func.__doc__, inspect.cleandoc(text))
        return func

    return mark


def detect(argv: Sequence[str], environ: Mapping[str, str] | None = None) -> str:
    """The language of this run: ``--lang`` anywhere on the line, else ``TNPLAN_LANG``, else vi.

    An unknown value is left for the option's own check (a usage error); the words used until
    then are Vietnamese.
    """
    env = os.environ if environ is None else environ
    value = env.get("TNPLAN_LANG", "").strip().lower()
    for given in lang_options(argv)[1]:
        if given.strip().lower() in ("vi", "en"):
            value = given.strip().lower()
    return "en" if value == "en" else "vi"


def lang_options(argv: Sequence[str]) -> tuple[list[str], list[str]]:
    """``argv`` without its ``--lang`` options, and their values in order.

    ``--lang`` is global: tnplan takes it wherever it is written (before the command, after it,
    after a group such as ``render``), so Click never sees it.
    """
    rest: list[str] = []
    values: list[str] = []
    i = 0
    while i < len(argv):
        arg = argv[i]
        if arg == "--":
            rest.extend(argv[i:])
            break
        if arg.startswith("--lang="):
            values.append(arg.split("=", 1)[1])
        elif arg == "--lang" and i + 1 < len(argv):
            values.append(argv[i + 1])
            i += 1
        else:
            rest.append(arg)
        i += 1
    return rest, values


# Click's and Typer's own words ------------------------------------------------------------

CLICK_VI: dict[str, str] = {
    # Help.
    "Usage:": "Cách dùng:",
    "Options": "Tùy chọn",
    "Arguments": "Tham số",
    "Positional arguments": "Tham số",
    "Commands": "Lệnh",
    "Show this message and exit.": "Hiện trợ giúp này rồi thoát.",
    "Show the version and exit.": "In phiên bản rồi thoát.",
    "default: {default}": "mặc định: {default}",
    "[default: {}]": "[mặc định: {}]",
    "env var: {var}": "biến môi trường: {var}",
    "[env var: {}]": "[biến môi trường: {}]",
    "required": "bắt buộc",
    "[required]": "[bắt buộc]",
    "(deprecated) ": "(sắp bỏ) ",
    "deprecated": "sắp bỏ",
    "(dynamic)": "(tùy lúc chạy)",
    "Error": "Lỗi",
    "Aborted.": "Đã dừng.",
    "Aborted!": "Đã dừng.",
    "Try [blue]'{command_path} {help_option}'[/] for help.": (
        "Xem [blue]'{command_path} {help_option}'[/] để biết cách dùng."
    ),
    # Usage errors.
    "Error: {message}": "Lỗi: {message}",
    "Try '{command} {option}' for help.": "Xem '{command} {option}' để biết cách dùng.",
    "No such option {name!r}.": "không có tùy chọn {name!r}",
    "No such command {name!r}.": "không có lệnh {name!r}",
    "Missing command.": "thiếu lệnh",
    "Did you mean {possibility}?": "có phải {possibility}?",
    "(Did you mean one of: {possibilities}?)": "(có phải một trong: {possibilities}?)",
    "Missing argument": "thiếu tham số",
    "Missing option": "thiếu tùy chọn",
    "Missing parameter": "thiếu tham số",
    "Missing {param_type}": "thiếu {param_type}",
    "Missing parameter: {param_name}": "thiếu tham số: {param_name}",
    "Invalid value for {param_hint}: {message}": "giá trị không hợp lệ cho {param_hint}: {message}",
    "Invalid value: {message}": "giá trị không hợp lệ: {message}",
    "Got unexpected extra argument ({args})": "thừa tham số ({args})",
    "Got unexpected extra arguments ({args})": "thừa các tham số ({args})",
    "Option {name!r} requires an argument.": "tùy chọn {name!r} cần một giá trị",
    "Option {name!r} requires {nargs} arguments.": "tùy chọn {name!r} cần {nargs} giá trị",
    "Option {name!r} does not take a value.": "tùy chọn {name!r} không nhận giá trị",
    "Argument {name!r} takes {nargs} values.": "tham số {name!r} nhận {nargs} giá trị",
    "Takes {nargs} values but 1 was given.": "cần {nargs} giá trị nhưng chỉ có 1",
    "Takes {nargs} values but {len} were given.": "cần {nargs} giá trị nhưng có {len}",
    "Value must be an iterable.": "giá trị phải là một danh sách",
    "Invalid start character for option ({option})": "tùy chọn bắt đầu bằng ký tự lạ ({option})",
    "DeprecationWarning: The command {name!r} is deprecated.{extra_message}": (
        "Cảnh báo: lệnh {name!r} sắp bỏ.{extra_message}"
    ),
    "DeprecationWarning: The {param_type} {name!r} is deprecated.{extra_message}": (
        "Cảnh báo: {param_type} {name!r} sắp bỏ.{extra_message}"
    ),
    # Values.
    "Choose from:\n\t{choices}": "chọn một trong: {choices}",
    "{value!r} is not {choice}.": "{value!r} không phải {choice}",
    "{value!r} is not one of {choices}.": "{value!r} không phải một trong {choices}",
    "Choice({choices})": "Chọn({choices})",
    "{value!r} is not a valid {number_type}.": "{value!r} không phải một số hợp lệ",
    "{value} is not in the range {range}.": "{value} nằm ngoài khoảng {range}",
    "{value!r} is not a valid boolean. Recognized values: {states}": (
        "{value!r} không phải đúng/sai; viết một trong: {states}"
    ),
    "{value!r} does not match the format {format}.": "{value!r} không đúng dạng {format}",
    "{value!r} does not match the formats {formats}.": "{value!r} không đúng các dạng {formats}",
    "{value!r} is not a valid UUID.": "{value!r} không phải UUID hợp lệ",
    "{len_type} values are required, but {len_value} was given.": (
        "cần {len_type} giá trị nhưng có {len_value}"
    ),
    "{len_type} values are required, but {len_value} were given.": (
        "cần {len_type} giá trị nhưng có {len_value}"
    ),
    "file": "tệp",
    "directory": "thư mục",
    "path": "đường dẫn",
    "{name} {filename!r} does not exist.": "{name} {filename!r} không có",
    "{name} {filename!r} is a file.": "{name} {filename!r} là một tệp",
    "{name} {filename!r} is a directory.": "{name} {filename!r} là một thư mục",
    "{name} {filename!r} is not readable.": "không đọc được {name} {filename!r}",
    "{name} {filename!r} is not writable.": "không ghi được vào {name} {filename!r}",
    "{name} {filename!r} is not executable.": "không chạy được {name} {filename!r}",
    "Could not open file {filename!r}: {message}": "không mở được tệp {filename!r}: {message}",
    "unknown error": "lỗi không rõ",
    # Shell completion.
    "Shell completion is not supported for Bash versions older than 4.4.": (
        "gợi ý lệnh cần Bash 4.4 trở lên"
    ),
    "Couldn't detect Bash version, shell completion is not supported.": (
        "không biết phiên bản Bash: không cài được gợi ý lệnh"
    ),
}
"""Click's and Typer's messages (their ``gettext`` ids) in Vietnamese.

A test reads every ``_()`` and ``ngettext()`` call in Click and Typer and fails for one that a
user can meet and this table lacks; what no tnplan user can meet (prompts, the editor, errors
of a program's own definition) is listed there with the reason."""

_MODULES = (
    "click.core",
    "click.decorators",
    "click.exceptions",
    "click.formatting",
    "click.parser",
    "click.shell_completion",
    "click.termui",
    "click.types",
    "click.utils",
    "typer.core",
)
_RICH_WORDS = {  # typer.rich_utils reads these module constants when it prints help
    "DEPRECATED_STRING": "(deprecated) ",
    "DEFAULT_STRING": "[default: {}]",
    "ENVVAR_STRING": "[env var: {}]",
    "REQUIRED_LONG_STRING": "[required]",
    "ARGUMENTS_PANEL_TITLE": "Arguments",
    "OPTIONS_PANEL_TITLE": "Options",
    "COMMANDS_PANEL_TITLE": "Commands",
    "ERRORS_PANEL_TITLE": "Error",
    "ABORTED_TEXT": "Aborted.",
    "RICH_HELP": "Try [blue]'{command_path} {help_option}'[/] for help.",
}
LANG = "vi"
"""The language of this run, once :func:`use` has been called."""


def _vi_gettext(message: str) -> str:
    return CLICK_VI.get(message, message)


def _vi_ngettext(singular: str, plural: str, n: int) -> str:
    return _vi_gettext(singular if n == 1 else plural)


def use(lang: str) -> None:
    """Make Click and Typer speak ``lang`` for the rest of the run (English: their own words)."""
    import sys

    global LANG
    LANG = "en" if lang == "en" else "vi"
    if not any(name in sys.modules for name in _MODULES):  # Click is not loaded (yet)
        return
    import gettext

    vi = LANG == "vi"
    for name in _MODULES:
        module = sys.modules.get(name)
        if module is None:
            continue
        if hasattr(module, "_"):
            module._ = _vi_gettext if vi else gettext.gettext  # type: ignore[attr-defined]
        if hasattr(module, "ngettext"):
            module.ngettext = _vi_ngettext if vi else gettext.ngettext  # type: ignore[attr-defined]
    rich = sys.modules.get("typer.rich_utils")
    if rich is not None:
        _rich_words(rich)


def words(msgid: str) -> str:
    """One of Click's messages in the language of the run."""
    return _vi_gettext(msgid) if LANG == "vi" else msgid


def bad_lang(value: str) -> tuple[str, str]:
    """The usage error for ``--lang`` with a language tnplan does not speak: (message, hint)."""
    what = words("{value!r} is not one of {choices}.").format(value=value, choices="'vi', 'en'")
    message = words("Invalid value for {param_hint}: {message}").format(
        param_hint="'--lang'", message=what
    )
    see = "xem `tnplan --help`" if LANG == "vi" else "see `tnplan --help`"
    return message.rstrip("."), see


def _rich_words(module: Any) -> None:
    for name, english_text in _RICH_WORDS.items():
        setattr(module, name, _vi_gettext(english_text) if LANG == "vi" else english_text)


def _with_rich_words(format_help: Callable[..., Any]) -> Callable[..., Any]:
    """``format_help`` that first gives Typer's rich help module the words of the run."""

    def wrapper(self: click.Command, ctx: click.Context, formatter: click.HelpFormatter) -> Any:
        from typer import rich_utils

        _rich_words(rich_utils)
        return format_help(self, ctx, formatter)

    wrapper.__wrapped__ = format_help  # type: ignore[attr-defined]
    return wrapper


def _patch_help() -> None:
    from typer.core import TyperCommand, TyperGroup

    for cls in (TyperCommand, TyperGroup):
        if not hasattr(cls.format_help, "__wrapped__"):
            cls.format_help = _with_rich_words(cls.format_help)  # type: ignore[method-assign]


# The command tree --------------------------------------------------------------------------

OPTIONS_METAVAR = {"vi": "[TÙY CHỌN]", "en": "[OPTIONS]"}
SUBCOMMAND_METAVAR = {"vi": "LỆNH [THAM SỐ]...", "en": "COMMAND [ARGS]..."}


def walk(cmd: click.Command, path: str = "") -> Iterator[tuple[str, click.Command]]:
    """Every command under ``cmd`` (itself first) with its path: ``""``, ``"render plan"``…"""
    import click

    yield path, cmd
    if isinstance(cmd, click.Group):
        for name in sorted(cmd.commands):
            yield from walk(cmd.commands[name], f"{path} {name}".strip())


def localize(root: click.Command, lang: str) -> None:
    """Put ``lang``'s help, metavars and usage words into the tree Typer built from the app.

    Arguments are shown by their metavar alone (``[KẾ_HOẠCH]``), not by their Python name.
    """
    import click

    _patch_help()
    en = lang == "en"
    for _, cmd in walk(root):
        if en:
            cmd.help = _english(cmd.help)
            cmd.short_help = _english(cmd.short_help)
        cmd.options_metavar = OPTIONS_METAVAR[lang]
        if isinstance(cmd, click.Group):
            cmd.subcommand_metavar = SUBCOMMAND_METAVAR[lang]
            # Typer would add an English "Did you mean" to the message; Click's own
            # suggestion (translated above) is kept instead.
            cmd.suggest_commands = False  # type: ignore[attr-defined]
        for param in cmd.params:
            if isinstance(param, click.Argument):
                param.opts = []
            if en:
                param.metavar = _english(param.metavar)
                if isinstance(param, click.Option):
                    param.help = _english(param.help)
                else:  # click.Argument has `help` only from click 8.5
                    argument: Any = param
                    argument.help = _english(getattr(param, "help", None))


def _english(text: str | None) -> str | None:
    if not text:
        return text
    return EN.get(_key(text), text)


def untranslated(root: click.Command) -> list[str]:
    """What in the tree has no English (for the test that every text has both languages)."""
    missing = []
    for path, cmd in walk(root):
        where = f"tnplan {path}".strip()
        texts = [("help", cmd.help)]
        for param in cmd.params:
            name = "/".join(param.opts) or param.name or "?"
            texts.append((f"{name} help", getattr(param, "help", None)))
            texts.append((f"{name} metavar", param.metavar))
        for what, text in texts:
            if text and _key(text) not in EN:
                missing.append(f"{where}: {what}: {text.splitlines()[0]!r}")
    return missing
