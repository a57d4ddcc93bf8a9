"""Helpers of the hostile-input suite: the base plans, a folder snapshot, a run's result."""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BASE = ROOT / "tests" / "plans" / "valid" / "base.yaml"


@dataclass
class Result:
    code: int
    out: str
    err: str
    seconds: float


def edit(text: str, old: str, new: str) -> str:
    """Replace the one occurrence of ``old`` (so that a change of the base plan fails loudly)."""
    assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times in the base plan"
    return text.replace(old, new)


def base() -> str:
    return BASE.read_text(encoding="utf-8")


def invitation_plan() -> str:
    """The base plan with what an invitation needs (chair, contact) and a second guest."""
    text = edit(
        base(),
        "      invitees: [khach-1]\n",
        "      chair: Giám đốc Sở\n"
        "      contact:\n"
        "        person: Bà Lê Thu Hà\n"
        "        phone: 0208 3855 123\n"
        "      invitees: [khach-1, khach-2]\n",
    )
    return edit(
        text,
        "    name: Trần Thị Bình\n",
        "    name: Trần Thị Bình\n  - id: khach-2\n    name: Lê Văn Cường\n",
    )


def snapshot(root: Path) -> dict[str, str]:
    """Every entry under ``root``: relative path → kind and content hash (or link target)."""
    found: dict[str, str] = {}
    for dirpath, dirnames, filenames in os.walk(root):
        for name in dirnames + filenames:
            path = Path(dirpath) / name
            rel = str(path.relative_to(root))
            if path.is_symlink():
                found[rel] = "link:" + os.readlink(path)
            elif path.is_dir():
                found[rel] = "dir"
            elif path.is_file():
                found[rel] = hashlib.sha256(path.read_bytes()).hexdigest()
            else:
                found[rel] = "special"
    return found


PlanText = str | bytes | Callable[[], str | bytes] | None
Check = Callable[[Path, dict[str, str], dict[str, str], Result], None]
SUMMARY = r"\d+ tệp: \d+ lỗi, \d+ cảnh báo"


@dataclass(frozen=True)
class Case:
    """One hostile input: what to run, and what tnplan must answer.

    ``plan`` is written to ``plan.yaml`` in the test's folder (None: no plan file); ``setup``
    builds anything else there.  ``{tmp}`` in ``args`` is that folder.  ``message`` holds one
    regular expression per line the run must print on ``stream`` (by default: stdout for
    ``validate`` exiting 0 or 1, where problems are listed, else stderr).  Unless ``check`` says
    otherwise, the folder must be exactly as it was: nothing written, nothing left behind.
    """

    name: str
    args: tuple[str, ...]
    code: int
    message: tuple[str, ...]
    plan: PlanText = field(default=base, repr=False)
    setup: Callable[[Path], object] | None = field(default=None, repr=False)
    check: Check | None = field(default=None, repr=False)
    stream: str | None = None


def run_case(case: Case, tmp_path: Path, tnplan: Callable[..., Result]) -> Result:
    """Run a case and assert what every hostile case must: code, one located message, no
    traceback (the fixture checks it), and nothing written or half-written."""
    if case.plan is not None:
        data = case.plan() if callable(case.plan) else case.plan
        (tmp_path / "plan.yaml").write_bytes(
            data.encode("utf-8") if isinstance(data, str) else data
        )
    if case.setup is not None:
        case.setup(tmp_path)
    args = [a.replace("{tmp}", str(tmp_path)) for a in case.args]
    before = snapshot(tmp_path)
    r = tnplan(*args)
    after = snapshot(tmp_path)
    assert r.code == case.code, f"exit {r.code}\nstdout: {r.out}\nstderr: {r.err}"
    validate_lists = case.args[0] == "validate" and case.code in (0, 1)
    stream = case.stream or ("out" if validate_lists else "err")
    lines = (r.out if stream == "out" else r.err).splitlines()
    assert len(lines) == len(case.message), f"expected {len(case.message)} lines, got {lines}"
    for line, pattern in zip(lines, case.message, strict=True):
        assert re.fullmatch(pattern, line), f"{line!r} does not match {pattern!r}"
    if case.args[0] == "validate" and stream == "out" and case.code:
        assert re.fullmatch(SUMMARY + "\n", r.err), r.err
    elif case.code and stream == "err":
        assert r.out == "", r.out
    if case.check is not None:
        case.check(tmp_path, before, after, r)
    else:
        assert after == before, "the folder changed"
    return r
