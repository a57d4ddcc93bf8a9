"""Hostile inputs, run through the real ``tnplan`` as a subprocess.

Every case runs ``python -m tnplan …`` in a fresh folder (``tmp_path``) with ``NO_COLOR=1`` and
``COLUMNS=100``.  Fixtures are built there at test time (the 50 MB file too), never committed.

Wall times are measured loosely and never asserted (the machines are noisy).  To see them,
run with ``TNPLAN_HOSTILE_TIMES=times.md``: a Markdown table of every run is written there.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from _hostile import Result

TIMEOUT = 60.0
"""A guard against hangs (a FIFO, /dev/zero): far above the 2 s a case should take."""

TIMES: list[tuple[str, float, int]] = []


@pytest.fixture(scope="session", autouse=True)
def _write_times() -> Iterator[None]:
    yield
    target = os.environ.get("TNPLAN_HOSTILE_TIMES")
    if target and TIMES:
        rows = [
            "| case | exit | seconds |",
            "|---|---|---|",
            *(f"| {name} | {code} | {sec:.2f} |" for name, sec, code in TIMES),
        ]
        Path(target).write_text("\n".join(rows) + "\n", encoding="utf-8")


def _env() -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("TNPLAN_LANG", "TNPLAN_DEBUG", "GITHUB_ACTIONS", "FORCE_COLOR")
    }
    env.update({"NO_COLOR": "1", "COLUMNS": "100", "TERM": "dumb"})
    return env


@pytest.fixture
def tnplan(request: pytest.FixtureRequest, tmp_path: Path) -> Callable[..., Result]:
    """Run ``python -m tnplan ARGS`` in ``tmp_path``; exit code, stdout, stderr, wall time."""

    def run(*args: str, cwd: Path | None = None) -> Result:
        start = time.perf_counter()
        proc = subprocess.run(
            [sys.executable, "-m", "tnplan", *args],
            cwd=cwd or tmp_path,
            env=_env(),
            capture_output=True,
            timeout=TIMEOUT,
            check=False,
        )
        seconds = time.perf_counter() - start
        TIMES.append((request.node.name, seconds, proc.returncode))
        out = proc.stdout.decode("utf-8", "replace")
        err = proc.stderr.decode("utf-8", "replace")
        assert "Traceback" not in out + err, err
        return Result(proc.returncode, out, err, seconds)

    return run
