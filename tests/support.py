"""Shared test constants and helpers (importable from any test module as ``support``)."""

from __future__ import annotations

import os
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
