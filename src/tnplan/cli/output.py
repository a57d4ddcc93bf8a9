"""The terminal: output width, colour only on a terminal, and streams that never crash.

Everything tnplan prints goes through :func:`guard_streams`' wrappers of stdout and stderr:

* a terminal whose encoding is not UTF-8 (``PYTHONIOENCODING=ascii``, ``LC_ALL=C`` with
  UTF-8 mode off, ``latin-1``) gets each character it cannot show as its letter without
  marks (``ệ`` → ``e``, ``đ`` → ``d``; ``ê`` where the encoding has it) or a plain sign
  (``─`` → ``-``, ``…`` → ``...``), else ``?``: never a ``UnicodeEncodeError``, the same exit
  codes;
* stdout that is closed (``>&-``), full (``/dev/full``), or a pipe whose reader has gone
  raises :class:`OutputError`, which the CLI turns into exit code 3 (one line on stderr);
* stderr that cannot be written drops its messages: the exit code still tells.

Documents and exports printed without ``-o`` are bytes in UTF-8 (their format says so): they
go to stdout's byte stream unchanged when it is not a terminal (``> file.md``), and are shown
like any text on a terminal.
"""

from __future__ import annotations

import codecs
import contextlib
import errno
import os
import sys
import unicodedata
from typing import IO, Any

MIN_WIDTH = 20
MAX_WIDTH = 1000
"""Widths are clamped to this range: ``COLUMNS=99999999`` would make views allocate without
end, and no terminal is wider than a thousand columns."""


def width() -> int:
    """The output width: ``COLUMNS`` when set, else the terminal's, else 80; 20 to 1000."""
    raw = os.environ.get("COLUMNS", "").strip()
    if raw.isdigit() and len(raw) < 10:
        return max(MIN_WIDTH, min(MAX_WIDTH, int(raw)))
    columns = _terminal_columns()
    return max(MIN_WIDTH, min(MAX_WIDTH, columns))


def _terminal_columns() -> int:
    """The terminal's width, else 80 (what ``shutil.get_terminal_size`` gives once COLUMNS is
    read, without importing shutil and its archive modules)."""
    try:
        columns = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
    except (AttributeError, ValueError, OSError):
        return 80
    return columns if columns > 0 else 80


# --- characters a terminal cannot show ---------------------------------------------------

_SIGNS = {
    **dict.fromkeys("─━═╌╍┄┅", "-"),
    **dict.fromkeys("│┃║╎╏┆┇", "|"),
    **dict.fromkeys("┌┐└┘├┤┬┴┼╭╮╯╰╔╗╚╝╠╣╦╩╬", "+"),
    **dict.fromkeys("█▓▒░■▀▄▌▐", "#"),
    **dict.fromkeys("◆◇●○•◉▪▸▶►", "*"),
    **dict.fromkeys("–—−", "-"),
    **dict.fromkeys("“”„«»", '"'),
    **dict.fromkeys("‘’‚", "'"),
    "…": "...",
    "→": "->",
    "←": "<-",
    "×": "x",
    "✓": "v",
    "✔": "v",
    "✗": "x",
    "đ": "d",
    "Đ": "D",
    "\u00a0": " ",
}


def _fallback(ch: str, encoding: str) -> str:
    """``ch`` as near as ``encoding`` can show it."""
    sign = _SIGNS.get(ch)
    if sign is not None:
        return sign
    nfd = unicodedata.normalize("NFD", ch)
    for cut in range(len(nfd) - 1, 0, -1):  # drop marks from the last: ệ → ê → e
        candidate = unicodedata.normalize("NFC", nfd[:cut])
        try:
            candidate.encode(encoding)
        except (UnicodeError, LookupError):
            continue
        return candidate
    return "?"


def _degrade(exc: UnicodeError) -> tuple[str, int]:
    if not isinstance(exc, UnicodeEncodeError):
        raise exc
    chars = exc.object[exc.start : exc.end]
    return "".join(_fallback(ch, exc.encoding) for ch in chars), exc.end


codecs.register_error("tnplan-degrade", _degrade)


def _is_utf(encoding: str | None) -> bool:
    name = codecs.lookup(encoding or "ascii").name
    return name.startswith("utf")


# --- streams ------------------------------------------------------------------------------


class OutputError(Exception):
    """stdout could not be written (closed, full disk, a pipe with no reader)."""

    def __init__(self, exc: OSError) -> None:
        super().__init__(exc.strerror or str(exc))
        self.errno = exc.errno
        self.reason = exc.strerror or type(exc).__name__


class _Closed:
    """What stands for stdout or stderr when the process started with it closed (``>&-``)."""

    encoding = "utf-8"
    errors = "strict"

    def write(self, text: str) -> int:
        raise OSError(errno.EBADF, os.strerror(errno.EBADF))

    def flush(self) -> None:
        pass

    def isatty(self) -> bool:
        return False

    def fileno(self) -> int:
        raise OSError(errno.EBADF, os.strerror(errno.EBADF))


class Guarded:
    """A text stream around stdout or stderr: degrades characters the encoding cannot hold
    and turns a failed write into :class:`OutputError` (stdout) or silence (stderr).

    It has no ``buffer``: Click then writes text through it instead of going around it.
    """

    buffer = None

    def __init__(self, inner: Any, *, name: str, strict: bool) -> None:
        self.inner = inner if inner is not None else _Closed()
        self.name = name
        self.strict = strict
        self.broken = False
        self.error: OutputError | None = None
        """The first failure, kept so that it is reported even if a caller swallowed it."""
        enc = getattr(self.inner, "encoding", None) or "utf-8"
        try:
            self._degrade = not _is_utf(enc)
        except LookupError:
            self._degrade = True
            enc = "ascii"
        self.encoding = enc
        self.errors = "tnplan-degrade" if self._degrade else "strict"

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)

    def _failed(self, exc: OSError) -> None:
        self.broken = True
        self.error = OutputError(exc)
        with contextlib.suppress(Exception):  # what is still buffered goes nowhere now
            fd = self.inner.fileno()
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, fd)
            os.close(devnull)
        if self.strict:
            raise self.error from None

    def write(self, text: str) -> int:
        if not isinstance(text, str):  # a text stream (Click probes with bytes)
            raise TypeError(f"write() argument must be str, not {type(text).__name__}")
        if self.broken or not text:
            return len(text)
        if self._degrade:
            text = text.encode(self.encoding, "tnplan-degrade").decode(self.encoding)
        try:
            written: int = self.inner.write(text)
        except OSError as exc:
            self._failed(exc)
            return 0
        return written

    def flush(self) -> None:
        if self.broken:
            return
        try:
            self.inner.flush()
        except OSError as exc:
            self._failed(exc)

    def isatty(self) -> bool:
        try:
            return bool(self.inner.isatty())
        except (OSError, ValueError):
            return False

    def write_bytes(self, data: bytes) -> None:
        """A document's UTF-8 bytes: unchanged into a file or pipe, as text on a terminal."""
        raw = getattr(self.inner, "buffer", None)
        if raw is None or self.isatty():
            self.write(data.decode("utf-8"))
            self.flush()
            return
        if self.broken:
            return
        try:
            self.inner.flush()
            raw.write(data)
            raw.flush()
        except OSError as exc:
            self._failed(exc)


def guard_streams() -> tuple[Any, Any]:
    """Put :class:`Guarded` wrappers in ``sys.stdout`` and ``sys.stderr``; return what was
    there, for :func:`restore_streams`."""
    saved = (sys.stdout, sys.stderr)
    out, err = saved
    if not isinstance(out, Guarded):
        sys.stdout = Guarded(out, name="stdout", strict=True)
    if not isinstance(err, Guarded):
        sys.stderr = Guarded(err, name="stderr", strict=False)
    return saved


def finish_streams() -> None:
    """Flush stdout (a full disk shows only now) and stderr; raise :class:`OutputError` if
    stdout failed at any time during the run."""
    with contextlib.suppress(Exception):
        sys.stderr.flush()
    out = sys.stdout
    out.flush()
    if isinstance(out, Guarded) and out.error is not None:
        raise out.error


def restore_streams(saved: tuple[Any, Any]) -> None:
    sys.stdout, sys.stderr = saved


def write_bytes(data: bytes) -> None:
    """Print a document or an export (UTF-8 bytes) on stdout."""
    out = sys.stdout
    if isinstance(out, Guarded):
        out.write_bytes(data)
    else:  # pragma: no cover - the CLI always guards its streams
        out.write(data.decode("utf-8"))


# --- views ---------------------------------------------------------------------------------


def make_console(file: IO[str] | None = None) -> Any:
    """A console on stdout at :func:`width`: colour only on a terminal, never with NO_COLOR."""
    from rich.console import Console

    return Console(
        file=file or sys.stdout,
        width=width(),
        highlight=False,
        emoji=False,
        markup=False,
        no_color=bool(os.environ.get("NO_COLOR")) or None,
        legacy_windows=False,
    )


def print_view(renderable: object, file: IO[str] | None = None) -> None:
    """Print a view: as is on a terminal; piped, as plain lines without trailing spaces."""
    console = make_console(file)
    if console.is_terminal:
        console.print(renderable)
        return
    with console.capture() as captured:
        console.print(renderable)
    text = "\n".join(line.rstrip() for line in captured.get().splitlines())
    out = file or sys.stdout
    out.write(text + "\n")
