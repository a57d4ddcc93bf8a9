"""docs/tracking.md shows real output: its before/after example runs on the bundled plan."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from support import PLAN, ROOT, Run

DOC = ROOT / "docs" / "tracking.md"

# The edit docs/tracking.md shows, as (line after which to insert, lines to insert).
EDITS = [
    ("    lead: qlkh\n    support: [vp, cds]\n", "    status: done\n    done_on: 14/5/2026\n"),
    (
        "        title: Xây dựng nội dung, báo cáo đề dẫn Hội thảo\n"
        "        owner: qlkh\n        due: 7/5/2026\n",
        "        status: done\n        done_on: 6/5/2026\n",
    ),
    (
        "        title: Đặt hàng, tổng hợp tham luận\n"
        "        owner: qlkh\n        due: 11/5/2026\n",
        "        status: done\n        done_on: 12/5/2026\n",
    ),
    (
        "    to: [vp]\n    due: 20/6/2026\n",
        "    received:\n      - unit: qlkh\n        date: 19/6/2026\n",
    ),
]


def _block(name: str) -> str:
    text = DOC.read_text(encoding="utf-8")
    m = re.search(rf"<!-- tracking-example: {name} -->\n```text\n(.*?)```", text, re.S)
    assert m, f"no `{name}` example in docs/tracking.md"
    return m.group(1)


def test_the_documented_edit_changes_overdue_as_shown(
    cli: Callable[..., Run], tmp_path: Path
) -> None:
    args = ("--owner", "qlkh", "--as-of", "22/6/2026")
    before = cli("overdue", str(PLAN), *args, env={"COLUMNS": "80"})
    assert before.out == _block("before")
    text = PLAN.read_text(encoding="utf-8")
    for anchor, lines in EDITS:
        assert text.count(anchor) == 1, f"the bundled plan changed near: {anchor!r}"
        text = text.replace(anchor, anchor + lines)
    edited = tmp_path / "ngay-khcn-2026.yaml"
    edited.write_text(text, encoding="utf-8")
    assert cli("validate", str(edited)).code == 0
    after = cli("overdue", str(edited), *args, env={"COLUMNS": "80"})
    assert after.out == _block("after")
    status = cli("status", str(edited), *args, env={"COLUMNS": "80"})
    assert "Tiến độ  ███████████░░░░░░░░░  4/7 xong (57%) · 3 trễ hạn\n" in status.out
