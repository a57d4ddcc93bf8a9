"""Shared fixtures: run the real CLI in-process, and compare with golden files.

Golden files live in ``tests/golden/``.  To refresh them on purpose after a deliberate change
of output, run ``TNPLAN_UPDATE_GOLDEN=1 pytest`` and review the diff in git.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from support import Run, check_golden


def pytest_configure(config: pytest.Config) -> None:
    """Stop at once, with the fix, when the package or a dependency is not installed.

    tnplan's cache (help laid out once, see ``tnplan.cli.quick``) goes to a folder of this
    test session, never to the home folder: every test run starts without one."""
    import os
    import tempfile

    os.environ["XDG_CACHE_HOME"] = tempfile.mkdtemp(prefix="tnplan-test-cache-")
    try:
        # Typer loaded as tnplan loads it (click 8.5's deprecation notices aside), before any
        # test module imports it.
        import tnplan.cli.root  # noqa: F401
    except ModuleNotFoundError as exc:
        raise pytest.UsageError(
            f"`{exc.name}` cannot be imported: install the project and its test extra first, "
            '`pip install -e ".[test]"` (see README.md)'
        ) from exc


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


@pytest.fixture
def golden() -> Callable[[str, str], None]:
    return check_golden
