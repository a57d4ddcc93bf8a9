"""Walk the example plans: every valid one is clean, every invalid one gives what it states.

Each file in ``tests/plans/invalid/`` starts with a comment saying what is wrong and a line
``# expect: CODE LINE[, CODE LINE…]`` listing exactly the problems it must produce.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tnplan.plan.check import check_file
from tnplan.plan.messages import CATALOGUE

EXAMPLES = Path(__file__).resolve().parent.parent / "plans"
VALID = sorted((EXAMPLES / "valid").glob("*.yaml"))
INVALID = sorted((EXAMPLES / "invalid").glob("*.yaml"))
_EXPECT = re.compile(rb"^# expect: (.+)$", re.MULTILINE)


def expected(path: Path) -> set[tuple[str, int]]:
    match = _EXPECT.search(path.read_bytes())
    assert match, f"{path.name} has no '# expect:' line"
    pairs = set()
    for part in match.group(1).decode().split(","):
        code, line = part.split()
        pairs.add((code, int(line)))
    return pairs


@pytest.mark.parametrize("path", VALID, ids=lambda p: p.name)
def test_valid_example_has_no_problem(path: Path) -> None:
    checked = check_file(path)
    assert checked.problems == []
    assert checked.plan is not None


@pytest.mark.parametrize("path", INVALID, ids=lambda p: p.name)
def test_invalid_example_gives_exactly_its_problems(path: Path) -> None:
    checked = check_file(path)
    assert {(p.code, p.line) for p in checked.problems} == expected(path)


def test_there_are_enough_invalid_examples() -> None:
    assert len(INVALID) >= 25


def test_every_content_rule_has_an_invalid_example() -> None:
    covered = {code for path in INVALID for code, _ in expected(path)}
    # Problems about the file itself rather than its content are tested in test_load.py.
    file_level = {"file-too-large", "not-a-file", "unreadable", "too-deep"}
    assert set(CATALOGUE) - file_level - covered == set()
