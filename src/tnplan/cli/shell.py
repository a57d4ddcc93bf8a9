"""``tnplan --show-completion`` and ``--install-completion``: Tab completion for bash, zsh, fish.

The scripts are Typer's: the shell runs ``tnplan`` with ``_TNPLAN_COMPLETE`` set and reads the
candidates back (commands, options, ``--format`` choices, and ids from the plan of the current
folder, see :mod:`tnplan.cli.complete`). Installing writes the script where each shell looks for
it and, for bash and zsh, adds one line to the shell's start-up file if it is not there yet.
"""

from __future__ import annotations

from pathlib import Path

import typer

from ..plan.problems import TnplanError

SHELLS = ("bash", "zsh", "fish")
PROG = "tnplan"
VAR = "_TNPLAN_COMPLETE"


def _shell(value: str, lang: str) -> str:
    """The shell named, else the one tnplan runs in."""
    name = value.strip().lower()
    if not name:
        try:
            import shellingham

            name = shellingham.detect_shell()[0]
        except Exception:  # shellingham raises its own errors; no shell found is one answer
            name = ""
    if name not in SHELLS:
        shown = f"`{name}`" if name else ("không rõ" if lang == "vi" else "unknown")
        raise TnplanError(
            f"shell {shown} không hỗ trợ" if lang == "vi" else f"shell {shown} is not supported",
            hint=(
                "ghi rõ một trong bash, zsh, fish: --show-completion bash"
                if lang == "vi"
                else "name one of bash, zsh, fish: --show-completion bash"
            ),
            exit_code=2,
        )
    return name


def script(shell: str) -> str:
    """The completion script for ``shell``."""
    from typer._completion_shared import get_completion_script

    return get_completion_script(prog_name=PROG, complete_var=VAR, shell=shell)


def show(value: str, lang: str) -> None:
    typer.echo(script(_shell(value, lang)))


def _add_line(rc: Path, line: str) -> None:
    """Append ``line`` to a shell start-up file unless it is already there."""
    text = rc.read_text(encoding="utf-8") if rc.is_file() else ""
    if line in text.splitlines():
        return
    with rc.open("a", encoding="utf-8") as f:  # appended, never rewritten
        f.write(("" if not text or text.endswith("\n") else "\n") + line + "\n")


def install(value: str, lang: str) -> Path:
    """Write the script where ``shell`` reads it; say where on stderr."""
    from ..documents.render import write_atomic

    shell = _shell(value, lang)
    home = Path.home()
    if shell == "bash":
        target = home / ".bash_completions" / f"{PROG}.sh"
        rc_line: tuple[Path, str] | None = (home / ".bashrc", f"source '{target}'")
    elif shell == "zsh":
        target = home / ".zfunc" / f"_{PROG}"
        rc_line = (home / ".zshrc", "fpath+=~/.zfunc; autoload -Uz compinit; compinit")
    else:
        target = home / ".config" / "fish" / "completions" / f"{PROG}.fish"
        rc_line = None
    target.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(target, (script(shell) + "\n").encode("utf-8"), force=True, lang=lang)
    if rc_line is not None:
        _add_line(*rc_line)
    if lang == "vi":
        typer.echo(
            f"Đã cài gợi ý lệnh cho {shell} vào {target}; mở terminal mới để dùng.", err=True
        )
    else:
        typer.echo(
            f"Installed {shell} completion in {target}; open a new terminal to use it.", err=True
        )
    return target
