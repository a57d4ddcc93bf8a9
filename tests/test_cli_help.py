"""Every command and option has help with an example, and docs/cli.md is the real --help.

Refresh docs/cli.md after a deliberate change with ``TNPLAN_UPDATE_GOLDEN=1 pytest``.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
import typer

from tnplan.cli import app

DOC = Path(__file__).resolve().parent.parent / "docs" / "cli.md"


def _commands() -> list[tuple[str, Any]]:
    """Every command as (name, the click-like command Typer built), groups first."""
    root = typer.main.get_command(app)
    out: list[tuple[str, Any]] = []

    def walk(prefix: str, cmd: Any) -> None:
        out.append((prefix, cmd))
        if hasattr(cmd, "commands"):
            for name in sorted(cmd.commands):
                walk(f"{prefix} {name}".strip(), cmd.commands[name])

    walk("", root)
    return out


COMMANDS = _commands()


@pytest.mark.parametrize(("name", "cmd"), COMMANDS[1:], ids=[n for n, _ in COMMANDS[1:]])
def test_command_has_help_with_an_example(name: str, cmd: Any) -> None:
    assert cmd.help, f"`tnplan {name}` has no help"
    if not hasattr(cmd, "commands"):
        assert "Ví dụ" in cmd.help, f"`tnplan {name}` help has no example"
    for param in cmd.params:
        if param.param_type_name == "option" and param.name != "help":
            assert param.help, f"`tnplan {name}` option {param.opts} has no help"


def test_cli_reference_is_the_real_help(cli) -> None:
    parts = [
        "# tnplan — command reference\n\n"
        "Generated from the real `--help` (100 columns); a test keeps it in step with the code.\n"
    ]
    for name, _ in COMMANDS:
        args = [*name.split(), "--help"] if name else ["--help"]
        r = cli(*args)
        assert r.code == 0, r.err
        body = "\n".join(line.rstrip() for line in r.out.splitlines()).strip("\n")
        parts.append(
            f"\n## `tnplan {name}`\n\n```text\n{body}\n```\n".replace("tnplan `", "tnplan`")
        )
    text = "".join(parts)
    if os.environ.get("TNPLAN_UPDATE_GOLDEN") == "1" or not DOC.exists():
        DOC.write_text(text, encoding="utf-8")
    assert DOC.read_text(encoding="utf-8") == text, "docs/cli.md is stale: refresh it"
