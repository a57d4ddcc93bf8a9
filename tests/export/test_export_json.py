"""`tnplan export json`: the whole normalised plan, stable, for other programs."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tnplan.exchange import export
from tnplan.plan import check, model

HERE = Path(__file__).resolve().parent
MINI = HERE / "plans" / "mini.yaml"
BUNDLED = HERE.parents[1] / "plans" / "ngay-khcn-2026.yaml"


def _fields(cls: type) -> list[str]:
    return [f.name for f in dataclasses.fields(cls) if not f.metadata.get("internal")]


def test_matches_golden(cli: Callable[..., Any], golden: Callable[[str, str], None]) -> None:
    r = cli("export", "json", str(MINI))
    assert (r.code, r.err) == (0, "")
    golden("export/mini.json", r.out)


def test_normalised_values() -> None:
    data = json.loads(export.plan_json(check.load_plan(MINI)))
    # Dates are ISO whatever way they were written; times HH:MM; text NFC; defaults filled.
    assert data["period"] == {
        "start": "2026-05-12",
        "end": "2026-05-18",
        "day": "2026-05-18",
        "notes": [],
    }
    event = data["activities"][1]["event"]
    assert (event["date"], event["start"], event["end"]) == ("2026-05-14", "08:00", "11:30")
    assert data["activities"][1]["programme"][1]["start"] is None  # as written, not computed
    assert data["activities"][0]["tasks"][1]["status"] == "planned"  # the default
    assert data["units"][3]["members"] == ["vp", "qlkh", "cds"]
    assert data["budget"]["lines"][0] == {
        "item": "Băng rôn",
        "amount": 1500000,
        "source": None,
        "unit": None,
        "spent": 1200000,
    }


def test_key_order_is_the_model_order() -> None:
    data = json.loads(export.plan_json(check.load_plan(BUNDLED)))
    assert list(data) == _fields(model.Plan)
    assert list(data["document"]) == _fields(model.Document)
    for a in data["activities"]:
        assert list(a) == _fields(model.Activity)
        for t in a["tasks"]:
            assert list(t) == _fields(model.Task)
    for d in data["deadlines"]:
        assert list(d) == _fields(model.Deadline)


def test_bundled_plan_round_trips(cli: Callable[..., Any], tmp_path: Path) -> None:
    out = tmp_path / "plan.json"
    r = cli("export", "json", str(BUNDLED), "-o", str(out))
    assert (r.code, r.out, r.err) == (0, "", f"Đã ghi {out}\n")
    text = out.read_text(encoding="utf-8")
    assert text.endswith("}\n") and "\\u" not in text  # readable UTF-8, not \u escapes
    data = json.loads(text)
    plan = check.load_plan(BUNDLED)
    assert data["id"] == plan.id
    assert [a["id"] for a in data["activities"]] == [a.id for a in plan.activities]
    assert [d["due"] for d in data["deadlines"]] == [d.due.isoformat() for d in plan.deadlines]
    # Stable: the same plan gives the same bytes.
    assert export.plan_json(plan) == text


def test_no_plan_found_is_exit_3(cli: Callable[..., Any], tmp_path: Path) -> None:
    r = cli("export", "json", str(tmp_path / "none.yaml"))
    assert (r.code, r.out) == (3, "")
    assert r.err.startswith("Lỗi: không có tệp hoặc thư mục ")
