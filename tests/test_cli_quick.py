"""The command line's quick paths: ``validate`` without Click, help kept in the cache.

Each must give exactly what the full command line gives (stdout, stderr, exit code) and load
no more than it needs; a line the quick path does not recognise goes through Click.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from support import PLAN, ROOT, Run

VALID = ROOT / "tests" / "plans" / "valid"
INVALID = ROOT / "tests" / "plans" / "invalid"

LINES = [
    [str(PLAN)],
    [str(PLAN), "--strict"],
    ["--strict", str(PLAN), str(VALID / "minimal.yaml")],
    ["--format", "json", str(PLAN)],
    ["-f", "GitHub", str(PLAN)],
    ["--format=sarif", str(PLAN)],
    ["-f", "text", str(INVALID / "unknown-unit.yaml")],
    [str(VALID)],
    ["--only-plans", str(ROOT / "tests" / "plans")],
    [str(VALID / "nothing-here.yaml")],
    [str(PLAN), str(VALID / "nothing-here.yaml")],
    [str(INVALID / "yaml-syntax.yaml"), "--lang", "en"],
    [],
    # Not the quick path's: Click answers, the same way as ever.
    ["--help"],
    ["--format", "xml", str(PLAN)],
    ["-fjson", str(PLAN)],
    ["--format"],
    ["--no-such-option", str(PLAN)],
    ["--", str(PLAN)],
]


@pytest.mark.parametrize("args", LINES, ids=lambda a: " ".join(a) or "(none)")
def test_validate_quick_or_not_the_same(
    args: list[str], cli: Callable[..., Run], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tnplan.cli import quick

    monkeypatch.chdir(tmp_path)  # no ./plans/ here: `validate` alone must fail
    quick_run = cli("validate", *args)
    monkeypatch.setattr(quick, "_validate", lambda args: None)
    full_run = cli("validate", *args)
    assert quick_run == full_run
    if not args:
        assert quick_run.code == 3


def _loaded(args: list[str], env: dict[str, str]) -> tuple[int, str, list[str]]:
    """Run the command line in a fresh interpreter; (exit code, stdout, modules loaded)."""
    code = (
        "import sys, atexit\n"
        "atexit.register(lambda: print('\\nLOADED', *sorted(sys.modules), file=sys.stderr))\n"
        f"sys.argv = ['tnplan', *{args!r}]\n"
        "from tnplan.cli import main\n"
        "main()\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env={**os.environ, **env},
        check=False,
    )
    loaded = proc.stderr.rsplit("LOADED", 1)[1].split()
    return proc.returncode, proc.stdout, loaded


def test_validate_loads_neither_click_nor_typer() -> None:
    code, out, loaded = _loaded(["validate", str(PLAN)], {})
    assert code == 0
    assert "[weekend-deadline]" in out
    assert not {"click", "typer", "rich", "jinja2"} & set(loaded)


def test_help_is_kept_and_printed_the_same(tmp_path: Path) -> None:
    env = {"XDG_CACHE_HOME": str(tmp_path), "COLUMNS": "90", "NO_COLOR": "1"}
    code, first, loaded = _loaded(["--help"], env)
    assert code == 0 and "typer" in loaded
    kept = list((tmp_path / "tnplan" / "help").iterdir())
    assert len(kept) == 1
    code, second, loaded = _loaded(["--help"], env)
    assert (code, second) == (0, first)
    assert not {"click", "typer", "rich"} & set(loaded)  # printed from the cache
    # The cache off: the very same text, laid out again.
    assert _loaded(["--help"], {**env, "TNPLAN_NO_CACHE": "1"})[:2] == (0, first)
    # Another width, another language, another command: another help, kept apart.
    code, narrow, _ = _loaded(["--help"], {**env, "COLUMNS": "60"})
    assert narrow != first and max(len(line) for line in narrow.splitlines()) <= 60
    code, english, _ = _loaded(["--lang", "en", "--help"], env)
    assert "Usage: tnplan [OPTIONS] COMMAND [ARGS]..." in english
    code, status, _ = _loaded(["status", "-h"], env)
    assert code == 0 and "--as-of" in status
    assert len(list((tmp_path / "tnplan" / "help").iterdir())) == 4
    # A kept file that is not what it should be is laid out again.
    kept[0].write_bytes(b"garbage")
    assert _loaded(["--help"], env)[:2] == (0, first)


def test_no_command_prints_help_with_exit_code_2_each_time(tmp_path: Path) -> None:
    env = {"XDG_CACHE_HOME": str(tmp_path), "COLUMNS": "90", "NO_COLOR": "1"}
    first = _loaded([], env)
    second = _loaded([], env)
    assert first[:2] == second[:2]
    assert first[0] == 2 and "Cách dùng: tnplan" in first[1]


def test_a_cache_folder_that_cannot_be_written_is_no_cache(tmp_path: Path) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("", encoding="utf-8")
    env = {"XDG_CACHE_HOME": str(blocked), "COLUMNS": "90", "NO_COLOR": "1"}
    code, out, _ = _loaded(["--help"], env)
    assert code == 0 and "Cách dùng: tnplan" in out
