"""What the command line can do without loading Click, Typer and Rich: they take longer to
import than a small plan takes to check.

* A plain ``tnplan validate`` (paths, ``--format``, ``--strict``, ``--only-plans``,
  ``--stdin-name``, written the usual ways) runs :func:`tnplan.cli.validating.validate`
  directly.  Anything else on its line (``--help``, an unknown option, a value that is not
  a choice, ``--``, ``-fjson``) goes through Click as ever, which gives the same result and
  every usage error: this path only recognises, it never judges.
* Help (``tnplan --help``, ``tnplan render --help``, ``tnplan`` alone) is laid out by Typer
  and Rich the first time and kept in tnplan's cache folder (``$XDG_CACHE_HOME/tnplan``,
  else ``~/.cache/tnplan``); the next time the same help is asked for, in the same
  language, width, colours and version of tnplan and its libraries, it is printed from
  there.  ``TNPLAN_NO_CACHE=1`` turns the cache off; a folder that cannot be written just
  means no cache.

:func:`run` returns the exit code, or None for the full command line to take over.
"""

from __future__ import annotations

import os
import sys
from typing import IO, TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pathlib import Path

_FLAGS = {"--strict": "strict", "--only-plans": "only_plans"}
_VALUED = {"--format": "fmt", "-f": "fmt", "--stdin-name": "stdin_name"}


def run(args: list[str], lang: str) -> int | None:
    """Run ``args`` (``--lang`` already taken out) here if it needs no Click; else None."""
    if os.environ.get("_TNPLAN_COMPLETE"):
        return None
    if args[:1] == ["validate"]:
        return _validate(args[1:])
    if _is_help(args):
        return _help(args, lang)
    return None


def _validate(args: list[str]) -> int | None:
    from pathlib import Path

    from .validating import FORMATS, validate

    given: dict[str, Any] = {"fmt": "auto", "stdin_name": "<stdin>"}
    paths: list[Path] = []
    i = 0
    while i < len(args):
        arg = args[i]
        if arg in _FLAGS:
            given[_FLAGS[arg]] = True
        elif arg in _VALUED or arg.split("=", 1)[0] in ("--format", "--stdin-name"):
            name, eq, value = arg.partition("=")
            if not eq:
                if i + 1 >= len(args):
                    return None
                i += 1
                value = args[i]
            if not value or value.startswith("-"):
                return None
            given[_VALUED[name]] = value
        elif arg == "-" or (arg and not arg.startswith("-")):
            paths.append(Path(arg))
        else:  # --help, --, an option tnplan validate does not have, -fjson …: Click's
            return None
        i += 1
    if given["fmt"].lower() not in FORMATS:
        return None
    return validate(
        paths or None,
        given["fmt"],
        strict=given.get("strict", False),
        only_plans=given.get("only_plans", False),
        stdin_name=given["stdin_name"],
        lang=None,
    )


# Help, kept -------------------------------------------------------------------------------


def _is_help(args: list[str]) -> bool:
    """``tnplan``, ``tnplan --help``, ``tnplan render -h``: command words, then the option."""
    if not args:
        return True
    *words, last = args
    return last in ("--help", "-h") and all(w.isalpha() and w.islower() for w in words)


_ENV = (
    "COLUMNS",
    "LINES",
    "NO_COLOR",
    "FORCE_COLOR",
    "PY_COLORS",
    "CLICOLOR",
    "CLICOLOR_FORCE",
    "COLORTERM",
    "GITHUB_ACTIONS",
    "TERMINAL_WIDTH",
    "PYTHONIOENCODING",
    "PYTHONUTF8",
    "LANG",
    "LC_ALL",
    "LC_CTYPE",
)
_ENV_PREFIXES = ("TERM", "TTY_", "JUPYTER_", "TYPER_", "_TYPER_", "TNPLAN_")


def _key(args: list[str], lang: str) -> str | None:
    """What the help's text depends on: the command line, the language, the terminal (width,
    colours, encoding) and the code that lays it out (tnplan's command-line modules, Typer,
    Click, Rich, Python).  None when something cannot be known."""
    parts: list[str] = [repr(args), lang, sys.version]
    env = os.environ
    parts += [f"{k}={env[k]}" for k in sorted(env) if k in _ENV or k.startswith(_ENV_PREFIXES)]
    out = sys.stdout
    try:
        tty = out.isatty()
        parts.append(f"tty={tty} encoding={getattr(out, 'encoding', None)}")
        if tty:
            size = os.get_terminal_size(out.fileno())
            parts.append(f"size={size.columns}x{size.lines}")
        here = os.path.dirname(os.path.abspath(__file__))
        for name in sorted(os.listdir(here)):
            if name.endswith(".py"):
                info = os.stat(os.path.join(here, name))
                parts.append(f"{name}:{info.st_mtime_ns}:{info.st_size}")
        for package in ("typer", "click", "rich"):
            found = _package_file(package)
            if found is None:
                return None
            info = os.stat(found)
            parts.append(f"{found}:{info.st_mtime_ns}:{info.st_size}")
    except (OSError, ValueError, AttributeError):
        return None
    return "\n".join(parts)


def _package_file(name: str) -> str | None:
    """The ``__init__.py`` of a package as ``import`` would find it (without importing it):
    a new version of the package is a new file."""
    for entry in sys.path:
        candidate = os.path.join(entry or ".", name, "__init__.py")
        if os.path.isfile(candidate):
            return candidate
    return None


def cache_folder() -> str | None:
    """Where tnplan keeps the help it laid out; None when the cache is turned off."""
    if os.environ.get("TNPLAN_NO_CACHE", "").strip() not in ("", "0"):
        return None
    base = os.environ.get("XDG_CACHE_HOME", "").strip()
    root = base or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(root, "tnplan", "help")


def _help(args: list[str], lang: str) -> int | None:
    import zlib

    folder = cache_folder()
    key = _key(args, lang) if folder is not None else None
    if folder is None or key is None:
        return None
    # Named by a checksum of the key; the key itself is the file's first line, so a file of
    # another key with the same checksum is never taken for this one.
    raw_key = key.encode("utf-8", "replace")
    kept = os.path.join(folder, f"{zlib.crc32(raw_key):08x}{zlib.adler32(raw_key):08x}.txt")
    try:
        with open(kept, "rb") as fh:
            data = fh.read()
    except OSError:
        return _help_and_keep(args, lang, kept, raw_key)
    stored, _, rest = data.partition(b"\0")
    head, _, text = rest.partition(b"\n")
    if stored != raw_key or not head.isdigit():
        return _help_and_keep(args, lang, kept, raw_key)
    sys.stdout.write(text.decode("utf-8"))  # through the guarded stream, as Rich wrote it
    sys.stdout.flush()
    return int(head)


class _Tee:
    """A text stream that writes through to ``stream`` and keeps a copy of what it wrote."""

    def __init__(self, stream: IO[str]) -> None:
        self._stream = stream
        self.written: list[str] = []

    def write(self, text: str | bytes) -> int:
        self.written.append(text if isinstance(text, str) else text.decode("utf-8"))
        return self._stream.write(text)  # type: ignore[arg-type]

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


def _help_and_keep(args: list[str], lang: str, kept: str, key: bytes) -> int:
    """Lay the help out with Typer and Rich, print it, and keep it for next time."""
    from . import load_commands
    from .root import run

    out, err = _Tee(sys.stdout), _Tee(sys.stderr)
    sys.stdout, sys.stderr = out, err
    try:
        load_commands()
        code = run(args, lang)
    finally:
        sys.stdout, sys.stderr = out._stream, err._stream
    if err.written or code not in (0, 2):  # only help itself is kept
        return code
    try:
        from pathlib import Path

        from ..documents.files import write_atomic

        os.makedirs(os.path.dirname(kept), exist_ok=True)
        data = key + b"\0" + f"{code}\n{''.join(out.written)}".encode()
        write_atomic(Path(kept), data, force=True, lang=lang)
    except Exception:
        pass
    return code
