"""Shared test helpers: run the real CLI in-process, and compare with golden files.

Golden files live in ``tests/golden/``.  To refresh them on purpose after a deliberate change
of output, run ``TNPLAN_UPDATE_GOLDEN=1 pytest`` and review the diff in git.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = Path(__file__).resolve().parent / "golden"
PLAN = ROOT / "plans" / "ngay-khcn-2026.yaml"


@dataclass
class Run:
    code: int
    out: str
    err: str


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Callable[..., Run]:
    """Run ``tnplan ARGS…`` in-process; returns exit code, stdout and stderr.

    The terminal is fixed at 100 columns, no colour, Vietnamese, unless ``env`` says otherwise.
    """

    def run(*args: str, env: dict[str, str] | None = None, cwd: Path | None = None) -> Run:
        from tnplan.cli import main

        base = {"COLUMNS": "100", "NO_COLOR": "1", "TERM": "dumb"}
        for key in ("TNPLAN_LANG", "GITHUB_ACTIONS", "FORCE_COLOR"):
            monkeypatch.delenv(key, raising=False)
        for key, value in {**base, **(env or {})}.items():
            monkeypatch.setenv(key, value)
        if cwd is not None:
            monkeypatch.chdir(cwd)
        monkeypatch.setattr(sys, "argv", ["tnplan", *args])
        capsys.readouterr()
        code = 0
        try:
            main()
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
        captured = capsys.readouterr()
        return Run(code, captured.out, captured.err)

    return run


def check_golden(name: str, text: str) -> None:
    """Assert ``text`` equals ``tests/golden/<name>`` (or write it when refreshing)."""
    path = GOLDEN / name
    if os.environ.get("TNPLAN_UPDATE_GOLDEN") == "1" or not path.exists():
        if os.environ.get("CI") and not path.exists():
            pytest.fail(f"golden file {name} is missing")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return
    expected = path.read_text(encoding="utf-8")
    assert text == expected, f"output differs from tests/golden/{name}"


@pytest.fixture
def golden() -> Callable[[str, str], None]:
    return check_golden
