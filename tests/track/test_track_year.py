"""`tnplan timeline --year`: a year at a glance, months across and plans down."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from support import ROOT

DEPARTMENT = ROOT / "tests" / "export" / "plans" / "department"
BETA = DEPARTMENT / "b-tuan-le-shtt.yaml"


def test_a_folder_in_one_year(cli: Callable[..., Any], golden: Callable[[str, str], None]) -> None:
    r = cli("timeline", "--year", "2026", str(DEPARTMENT), "--as-of", "14/5/2026")
    assert (r.code, r.err) == (0, "")
    golden("track/year-2026.txt", r.out)
    lines = r.out.splitlines()
    assert lines[0] == "Năm 2026 · 3 kế hoạch · tính đến 14/5/2026"
    assert lines[1].split() == [f"T{m}" for m in range(1, 13)]
    rows = [line for line in lines if line[:2] in ("1.", "2.", "3.") and "│" not in line[:30]]
    assert len(rows) == 6  # the chart's three rows and the three lines that explain them
    # Plans in the order they start: Cao Bằng's Techfest (11/5) first.
    assert lines[3].startswith("1. Tổ chức Techfest Cao")
    assert "1. 11/5/2026–16/5/2026 · 0/3 xong · 1 trễ hạn · Tổ chức Techfest Cao Bằng năm 2026" in (
        lines
    )
    en = cli("timeline", "--year", "2026", str(DEPARTMENT), "--as-of", "14/5/2026", "--lang", "en")
    golden("track/year-2026-en.txt", en.out)
    assert en.out.splitlines()[1].split()[:3] == ["Jan", "Feb", "Mar"]


def test_cells_fall_in_their_month(cli: Callable[..., Any], tmp_path: Path) -> None:
    """A plan over the new year shows in December and January, its deadline in March."""
    text = BETA.read_text(encoding="utf-8")
    for old, new in (
        ("start: 22/5/2026\n    end: 22/5/2026", "start: 2/1/2027\n    end: 3/1/2027"),
        ("start: 20/5/2026", "start: 28/12/2026"),
        ("end: 22/5/2026", "end: 3/1/2027"),
        ("due: 29/5/2026", "due: 16/3/2027"),
        ("due: 8/5/2026", "due: 8/12/2026"),
    ):
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    plan = tmp_path / "qua-nam.yaml"
    plan.write_text(text, encoding="utf-8")
    env = {"COLUMNS": "75"}  # 75 - 18 - 3 = 54 cells: 4 a month
    y2026 = cli("timeline", "--year", "2026", str(plan), "--as-of", "1/12/2026", env=env)
    y2027 = cli("timeline", "--year", "2027", str(plan), "--as-of", "1/12/2026", env=env)
    assert (y2026.code, y2027.code) == (0, 0)
    row26 = next(line for line in y2026.out.splitlines() if line.startswith("1. Tổ"))
    row27 = next(line for line in y2027.out.splitlines() if line.startswith("1. Tổ"))
    cells26, cells27 = row26[21:], row27[21:]
    assert cells26.rstrip().endswith("▒") and len(cells26.rstrip()) == 48  # the last of Dec
    assert cells27[0] == "▒"  # 1–7 January
    assert cells27[8:12].rstrip() == "  ◆"  # 16 March: the third of March's four cells (16–23)
    assert "│" not in cells27  # 1/12/2026 is not in 2027
    assert "(28/12/2026–3/1/2027" not in y2027.out
    assert "1. 28/12/2026–3/1/2027 · 0/4 xong · Tổ chức Tuần lễ" in y2027.out


def test_a_year_with_no_plan(cli: Callable[..., Any]) -> None:
    r = cli("timeline", "--year", "2030", str(DEPARTMENT), "--as-of", "14/5/2026")
    assert (r.code, r.err) == (0, "")
    assert r.out == (
        "Năm 2030 · 0 kế hoạch · tính đến 14/5/2026\n"
        "Không có kế hoạch nào có ngày trong năm 2030.\n"
    )


def test_year_does_not_go_with_days(cli: Callable[..., Any]) -> None:
    r = cli("timeline", "--year", "2026", "--from", "1/5/2026", str(DEPARTMENT))
    assert (r.code, r.out) == (2, "")
    assert r.err == "Lỗi: --year không đi cùng --from, --to, --all (bỏ --year để xem theo ngày)\n"
    bad = cli("timeline", "--year", "26", str(DEPARTMENT))
    assert bad.code == 2


def test_units_of_two_agencies_stay_apart(cli: Callable[..., Any]) -> None:
    """`vp` of Thái Nguyên's plans and `vp` of Cao Bằng's are two owners, never one."""
    import json

    r = cli("overdue", str(DEPARTMENT), "--as-of", "14/5/2026", "--json")
    assert r.code == 0
    groups = [(g["id"], [it["plan"] for it in g["items"]]) for g in json.loads(r.out)["owners"]]
    assert groups == [
        ("vp", ["beta-2026", "alpha-2026", "alpha-2026"]),  # most late first
        ("vp", ["cb-techfest-2026"]),
    ]
    both = cli("status", str(DEPARTMENT), "--as-of", "14/5/2026", "--owner", "Văn phòng Sở")
    assert (both.code, both.out) == (2, "")
    assert "`alpha-2026:vp`, `cb-techfest-2026:vp`" in both.err
    one = cli(
        "status", str(DEPARTMENT), "--as-of", "14/5/2026", "--owner", "alpha-2026:VP", "--json"
    )
    assert one.code == 0
    assert [p["id"] for p in json.loads(one.out)["plans"]] == ["alpha-2026", "beta-2026"]
    en = cli("status", str(DEPARTMENT), "--owner", "vp", "--lang", "en")
    assert en.err == (
        "Error: `vp` is a unit of 2 different agencies "
        "(name the plan: `alpha-2026:vp`, `cb-techfest-2026:vp`)\n"
    )
