"""Long plans on the terminal: the 20 rows nearest the as-of date and how many there are.

``status``, ``timeline``, ``overdue`` and ``upcoming`` never print thousands of rows by
default: a list longer than 20 shows the 20 nearest the day (in the plan's order) and says
how many there are; ``--all`` shows every one; ``--json`` always holds everything.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from support import Run

Cli = Callable[..., Run]
START = dt.date(2026, 3, 2)  # a Monday
N = 60


def _day(i: int) -> str:
    d = START + dt.timedelta(days=i)
    return f"{d.day}/{d.month}/{d.year}"


def long_plan(tmp_path: Path) -> Path:
    """``N`` one-day activities, activity ``i`` on day ``i`` (numbered 1 to N), each with a
    task due that day."""
    lines = [
        "format: tnplan/1",
        "id: ke-hoach-dai",
        "document:",
        "  parent: UBND TỈNH THÁI NGUYÊN",
        "  agency: SỞ KHOA HỌC VÀ CÔNG NGHỆ",
        "  agency_name: Sở Khoa học và Công nghệ",
        "  agency_code: SKHCN",
        "  place: Thái Nguyên",
        "  title: Kế hoạch dài",
        "  signer:",
        "    title: GIÁM ĐỐC",
        "    name: Nguyễn Văn A",
        "period:",
        f"  start: {_day(0)}",
        f"  end: {_day(N + 10)}",
        "units:",
        "  - id: vp",
        "    name: Văn phòng Sở",
        "activities:",
    ]
    for i in range(1, N + 1):
        lines += [
            f"  - id: hd-{i:02d}",
            f"    number: {i}",
            f"    title: Hoạt động số {i:02d}",
            "    lead: vp",
            f"    start: {_day(i)}",
            f"    end: {_day(i)}",
            "    tasks:",
            f"      - title: Việc của hoạt động {i:02d}",
            "        owner: vp",
            f"        due: {_day(i)}",
        ]
    path = tmp_path / "dai.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _numbers(out: str, pattern: str) -> list[int]:
    return [int(m) for m in re.findall(pattern, out, flags=re.M)]


ACTIVITY_ROW = r"^\s*(\d+)\s+Hoạt động số \d\d"


def test_status_shows_the_20_activities_nearest_the_day(cli: Cli, tmp_path: Path) -> None:
    plan = long_plan(tmp_path)
    r = cli("status", str(plan), "--as-of", _day(30))
    assert (r.code, r.err) == (0, "")
    # Distance 0 to 9 days: activities 21 to 39; then 20 and 40 are 10 days away: the first.
    assert _numbers(r.out, ACTIVITY_ROW) == list(range(20, 40))
    assert (
        "Hiện 20 trên 60 hoạt động, những hoạt động gần ngày xem nhất; thêm --all để xem "
        "tất cả." in " ".join(r.out.split())
    )
    r = cli("status", str(plan), "--as-of", _day(30), "--all")
    assert _numbers(r.out, ACTIVITY_ROW) == list(range(1, N + 1))
    assert "--all" not in r.out
    r = cli("status", str(plan), "--as-of", _day(30), "--json")
    assert len(json.loads(r.out)["plans"][0]["activities"]) == N


def test_status_in_english(cli: Cli, tmp_path: Path) -> None:
    r = cli("status", str(long_plan(tmp_path)), "--as-of", _day(1), "--lang", "en")
    assert _numbers(r.out, ACTIVITY_ROW) == list(range(1, 21))
    assert (
        "Showing 20 of 60 activities, those nearest the day; add --all to see them all."
        in " ".join(r.out.split())
    )


def test_timeline_shows_the_20_activities_nearest_the_day(cli: Cli, tmp_path: Path) -> None:
    plan = long_plan(tmp_path)
    r = cli("timeline", str(plan), "--as-of", _day(50), env={"COLUMNS": "120"})
    assert (r.code, r.err) == (0, "")
    rows = _numbers(r.out, r"^\s*(\d+) Hoạt động số")
    assert rows == list(range(40, 60))  # 50 ± 9, then 40 and 60 are as near: the first
    assert "Hiện 20 trên 60 hoạt động" in r.out
    r = cli("timeline", str(plan), "--as-of", _day(50), "--all", env={"COLUMNS": "120"})
    assert _numbers(r.out, r"^\s*(\d+) Hoạt động số") == list(range(1, N + 1))
    assert r.out.count("Việc của hoạt động") == N  # --all: the tasks too
    assert "Hiện 20" not in r.out


def test_overdue_shows_the_20_that_fell_due_last(cli: Cli, tmp_path: Path) -> None:
    plan = long_plan(tmp_path)
    r = cli("overdue", str(plan), "--as-of", _day(N + 5))
    assert (r.code, r.err) == (0, "")
    assert r.out.startswith(f"Quá hạn tính đến Thứ Tư, {_day(N + 5)}: 120 việc\n")
    assert "Văn phòng Sở: 120 việc, hiện 20\n" in r.out
    # Activities 51 to 60 and their tasks fell due last.
    assert sorted(set(_numbers(r.out, r"^\s+(\d+)\s+(?:Hoạt động: )?\S"))) == list(range(51, N + 1))
    assert "Hiện 20 trên 120 việc quá hạn" in " ".join(r.out.split())
    r = cli("overdue", str(plan), "--as-of", _day(N + 5), "--all")
    assert "Văn phòng Sở: 120 việc\n" in r.out
    assert len(set(_numbers(r.out, r"^\s+(\d+)\s+(?:Hoạt động: )?\S"))) == N
    assert "--all" not in r.out
    r = cli("overdue", str(plan), "--as-of", _day(N + 5), "--json")
    assert sum(len(g["items"]) for g in json.loads(r.out)["owners"]) == 2 * N


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_upcoming_shows_the_first_20(cli: Cli, tmp_path: Path, lang: str) -> None:
    plan = long_plan(tmp_path)
    r = cli("upcoming", str(plan), "--as-of", _day(0), "--days", "30", "--lang", lang)
    assert (r.code, r.err) == (0, "")
    flat = " ".join(r.out.split())
    if lang == "vi":
        assert "Hiện 20 trên 60 việc, những việc đến hạn trước; thêm --all để xem tất cả." in flat
    else:
        assert "Showing 20 of 60 items, those falling due first; add --all to see them all." in flat
    assert r.out.count("Hoạt động số") + r.out.count("Việc của") == 20
    r = cli("upcoming", str(plan), "--as-of", _day(0), "--days", "30", "--all")
    assert r.out.count("Hoạt động số") + r.out.count("Việc của") == 60  # days 1 to 30


def test_a_title_of_megabytes_is_cut_on_the_terminal(cli: Cli, tmp_path: Path) -> None:
    """A slip that pastes a whole file into the title: the views print its first thousand
    characters (laying out megabytes of text took minutes); JSON keeps it whole."""
    from support import PLAN

    title = "Kế hoạch rất dài " * 20_000  # 340,000 characters
    text = PLAN.read_text(encoding="utf-8")
    start = text.index("  title: ")
    end = text.index("\n", start)
    plan = tmp_path / "dai.yaml"
    plan.write_text(f"{text[:start]}  title: {title}{text[end:]}", encoding="utf-8")
    r = cli("status", str(plan), "--as-of", "14/5/2026")
    assert (r.code, r.err) == (0, "")
    head = " ".join(r.out.split("\n\n")[0].split())
    shown = head.removeprefix("Kế hoạch: ").split(" Chủ đề:")[0]
    assert shown.endswith("…")
    assert 900 < len(shown) <= 1000
    assert title.startswith(shown[:-1].rstrip())
    r = cli("status", str(plan), "--as-of", "14/5/2026", "--json")
    assert json.loads(r.out)["plans"][0]["title"].startswith(title.strip())


def test_items_are_made_with_every_field_as_item_makes_them() -> None:
    """``plan_items`` makes its items without ``Item(...)`` (quicker): the same fields."""
    import dataclasses

    from tnplan.plan.check import load_plan
    from tnplan.track.schedule import AsOf, Item, end_of_day, plan_items

    plan = load_plan(Path(__file__).resolve().parents[2] / "plans" / "ngay-khcn-2026.yaml")
    day = dt.date(2026, 5, 14)
    items = plan_items(plan, AsOf(day, end_of_day(day, "Asia/Ho_Chi_Minh")))
    assert len(items) == 39
    for item in items:
        fields = {f.name: getattr(item, f.name) for f in dataclasses.fields(Item)}
        assert vars(item) == fields
        assert Item(**fields) == item
