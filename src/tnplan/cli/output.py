"""Printing views on the terminal: the width, colour only on a terminal, plain when piped."""

from __future__ import annotations

import os
import shutil
import sys
from typing import IO

from rich.console import Console


def width() -> int:
    """The output width: ``COLUMNS`` when set, else the terminal's, else 80."""
    raw = os.environ.get("COLUMNS", "")
    if raw.isdigit() and int(raw) >= 20:
        return int(raw)
    return max(20, shutil.get_terminal_size((80, 24)).columns)


def make_console(file: IO[str] | None = None) -> Console:
    """A console on stdout at :func:`width`: colour only on a terminal, never with NO_COLOR."""
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
