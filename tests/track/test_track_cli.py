"""``tnplan status|timeline|overdue|upcoming`` end to end: goldens, JSON, exit codes, folders.

Goldens are the bundled plan at 80 and 120 columns, before (1/5/2026), during (14/5/2026) and
after (1/7/2026) the plan period; refresh them with ``TNPLAN_UPDATE_GOLDEN=1``.
"""

from __future__ import annotations

import io
import json
import sys
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from support import PLAN, ROOT, Run

HERE = Path(__file__).parent
FOLDER = HERE / "plans"
ALPHA = FOLDER / "alpha.yaml"
DATES = {"before": "1/5/2026", "during": "14/5/2026", "after": "1/7/2026"}

Cli = Callable[..., Run]
Golden = Callable[[str, str], None]


@pytest.mark.parametrize("command", ["status", "timeline", "overdue"])
@pytest.mark.parametrize("cols", ["80", "120"])
@pytest.mark.parametrize("when", list(DATES))
def test_golden(cli: Cli, golden: Golden, command: str, cols: str, when: str) -> None:
    r = cli(command, str(PLAN), "--as-of", DATES[when], env={"COLUMNS": cols})
    assert (r.code, r.err) == (0, "")
    golden(f"track/{command}-{cols}-{when}.txt", r.out)
    widest = max(len(line) for line in r.out.splitlines())
    assert widest <= int(cols)
    assert not any(line != line.rstrip() for line in r.out.splitlines())


@pytest.mark.parametrize(
    ("name", "args"),
    [
        ("upcoming-80-during.txt", ["upcoming", "--as-of", "14/5/2026"]),
        ("timeline-80-all.txt", ["timeline", "--as-of", "14/5/2026", "--all"]),
        (
            "timeline-80-zoom.txt",
            ["timeline", "--as-of", "14/5/2026", "--from", "11/5/2026", "--to", "24/5/2026"],
        ),
        ("status-80-en.txt", ["status", "--as-of", "14/5/2026", "--lang", "en"]),
        ("overdue-80-en.txt", ["overdue", "--as-of", "1/7/2026", "--lang", "en"]),
        ("overdue-80-after-all.txt", ["overdue", "--as-of", "1/7/2026", "--all"]),
        ("overdue-80-owner.txt", ["overdue", "--as-of", "14/5/2026", "--owner", "qlkh"]),
        # qlcng leads none of the activities it appears in: each is marked + (phối hợp).
        ("timeline-80-supporting.txt", ["timeline", "--as-of", "14/5/2026", "--owner", "qlcng"]),
    ],
)
def test_golden_more(cli: Cli, golden: Golden, name: str, args: list[str]) -> None:
    r = cli(*args[:1], str(PLAN), *args[1:], env={"COLUMNS": "80"})
    assert (r.code, r.err) == (0, "")
    golden(f"track/{name}", r.out)


@pytest.mark.parametrize("name", ["folder-status", "folder-timeline", "folder-overdue"])
def test_golden_folder(cli: Cli, golden: Golden, name: str) -> None:
    command = name.split("-")[1]
    r = cli(command, str(FOLDER), "--as-of", "14/5/2026", "--owner", "vp", env={"COLUMNS": "80"})
    assert (r.code, r.err) == (0, "")
    golden(f"track/{name}-80.txt", r.out)


# JSON ------------------------------------------------------------------------------------

ITEM_KEYS = [
    "kind",
    "plan",
    "id",
    "title",
    "owner",
    "owner_name",
    "number",
    "activity",
    "deadline",
    "start",
    "due",
    "due_time",
    "status",
    "done_on",
    "tentative",
    "late",
    "days_late",
    "working_days_late",
    "days_left",
    "supporting",
]


def _json(cli: Cli, *args: str) -> Any:
    r = cli(*args)
    assert r.err == ""
    return json.loads(r.out)


def test_status_json_shape(cli: Cli) -> None:
    data = _json(cli, "status", str(ALPHA), "--as-of", "14/5/2026", "--json")
    assert list(data) == ["format", "as_of", "owner", "plans"]
    assert (data["format"], data["as_of"], data["owner"]) == ("tnplan-status/1", "2026-05-14", None)
    (plan,) = data["plans"]
    assert list(plan) == [
        "id",
        "title",
        "theme",
        "timezone",
        "period",
        "phase",
        "days_to_start",
        "day_of_period",
        "period_days",
        "days_to_day",
        "days_since_end",
        "progress",
        "activities",
        "deadlines",
        "next_due",
        "owners",
        "items",
    ]
    assert plan["period"] == {"start": "2026-05-12", "end": "2026-05-18", "day": "2026-05-18"}
    assert (plan["phase"], plan["day_of_period"], plan["days_to_day"]) == ("during", 3, 4)
    assert plan["progress"] == {
        "total": 13,
        "done": 2,
        "late": 2,
        "ratio": 0.1667,
        "by_status": {
            "planned": 8,
            "in_progress": 1,
            "postponed": 1,
            "done": 2,
            "reported": 0,  # the one receipt is dated 15/6, after 14/5
            "cancelled": 1,
        },
        "by_kind": {
            "activity": {"done": 1, "total": 4},
            "task": {"done": 1, "total": 3},
            "report": {"done": 0, "total": 5},
        },
    }
    assert [a["id"] for a in plan["activities"]] == [
        "tuyen-truyen",
        "hoi-nghi",
        "hoi-thao",
        "gap-mat",
        "giao-luu",
    ]
    pano = next(it for it in plan["items"] if it["id"] == "pano")
    assert list(pano) == ITEM_KEYS
    assert pano == {
        "kind": "task",
        "plan": "alpha-2026",
        "id": "pano",
        "title": "Treo băng rôn, pano tại trụ sở Sở",
        "owner": "vp",
        "owner_name": "VP",
        "number": 1,
        "activity": "tuyen-truyen",
        "deadline": None,
        "start": None,
        "due": "2026-05-11",
        "due_time": "17:00",
        "status": "planned",
        "done_on": None,
        "tentative": False,
        "late": True,
        "days_late": 3,
        "working_days_late": 3,
        "days_left": None,
        "supporting": False,
    }
    assert plan["deadlines"][0] == {
        "id": "bao-cao-don-vi",
        "title": "Báo cáo kết quả thực hiện Kế hoạch của các phòng, đơn vị",
        "due": "2026-06-19",
        "due_time": None,
        "owners": 4,
        "reported": 0,
        "late": 0,
        "days_left": 36,
    }
    assert list(plan["next_due"][0]) == [
        "kind",
        "id",
        "title",
        "due",
        "due_time",
        "days_left",
        "reported",
        "owners",
    ]
    assert plan["owners"][0] == {
        "id": "vp",
        "name": "Văn phòng Sở",
        "short": "VP",
        "open": 5,
        "late": 2,
    }


def test_overdue_json_shape(cli: Cli) -> None:
    data = _json(cli, "overdue", str(ALPHA), "--as-of", "1/7/2026", "--json")
    assert list(data) == ["format", "as_of", "owner", "count", "owners"]
    assert (data["format"], data["as_of"], data["count"]) == ("tnplan-overdue/1", "2026-07-01", 9)
    assert [(g["id"], g["count"]) for g in data["owners"]] == [("vp", 5), ("cds", 2), ("qlcn", 2)]
    vp = data["owners"][0]
    assert list(vp) == ["id", "name", "short", "count", "items"]
    report = vp["items"][3]
    assert list(report) == ITEM_KEYS
    assert {k: report[k] for k in ("kind", "id", "owner", "deadline", "due", "status")} == {
        "kind": "report",
        "id": "bao-cao-don-vi/vp",
        "owner": "vp",
        "deadline": "bao-cao-don-vi",
        "due": "2026-06-19",
        "status": "planned",
    }
    assert (report["days_late"], report["working_days_late"]) == (12, 8)


def test_overdue_json_when_nothing_is_late(cli: Cli) -> None:
    data = _json(cli, "overdue", str(ALPHA), "--as-of", "1/5/2026", "--json")
    assert data == {
        "format": "tnplan-overdue/1",
        "as_of": "2026-05-01",
        "owner": None,
        "count": 0,
        "owners": [],
    }


def test_bundled_plan_json_is_consistent(cli: Cli) -> None:
    data = _json(cli, "status", str(PLAN), "--as-of", "1/7/2026", "--json")
    (plan,) = data["plans"]
    assert plan["id"] == "ngay-khcn-2026"
    assert plan["period"] == {"start": "2026-05-12", "end": "2026-05-18", "day": "2026-05-18"}
    reports = [it for it in plan["items"] if it["kind"] == "report"]
    by_deadline = {d["id"]: d for d in plan["deadlines"]}
    assert set(by_deadline) == {"bao-cao-don-vi", "bao-cao-tinh-bo"}
    for did, d in by_deadline.items():
        mine = [it for it in reports if it["deadline"] == did]
        assert d["owners"] == len(mine) > 0
        assert d["reported"] == sum(it["status"] == "reported" for it in mine)
    assert by_deadline["bao-cao-don-vi"]["due"] == "2026-06-20"
    overdue = _json(cli, "overdue", str(PLAN), "--as-of", "1/7/2026", "--json")
    assert overdue["count"] == plan["progress"]["late"] == sum(it["late"] for it in plan["items"])


# Exit codes ------------------------------------------------------------------------------


def test_fail_exits_1_only_when_something_is_late(cli: Cli) -> None:
    assert cli("overdue", str(PLAN), "--as-of", "1/5/2026", "--fail").code == 0
    late = cli("overdue", str(PLAN), "--as-of", "14/5/2026", "--fail")
    assert late.code == 1
    assert late.out.startswith("Quá hạn tính đến Thứ Năm, 14/5/2026: ")
    assert cli("overdue", str(PLAN), "--as-of", "14/5/2026").code == 0
    assert cli("overdue", str(PLAN), "--as-of", "14/5/2026", "--fail", "--json").code == 1
    # With an owner, only that owner's items count.
    shtt = cli("overdue", str(FOLDER), "--as-of", "14/5/2026", "--owner", "shtt", "--fail")
    assert (shtt.code, shtt.out) == (
        0,
        "Đơn vị: Phòng Sở hữu trí tuệ (SHTT)\nKhông có việc nào quá hạn tính đến 14/5/2026.\n",
    )


@pytest.mark.parametrize("command", ["status", "timeline", "overdue", "upcoming"])
def test_usage_errors_exit_2(cli: Cli, command: str) -> None:
    r = cli(command, str(ALPHA), "--as-of", "31/6/2026")
    assert (r.code, r.out) == (2, "")
    assert r.err == (
        "Lỗi: --as-of: ngày 31/6/2026 không có thật: tháng 6 chỉ có 30 ngày "
        "(ví dụ --as-of 14/5/2026 hoặc --as-of today)\n"
    )
    r = cli(command, str(ALPHA), "--as-of", "14/5/2026", "--owner", "Phong Quan ly Khoa hoc")
    assert (r.code, r.out) == (2, "")
    assert r.err == (
        "Lỗi: không có đơn vị `Phong Quan ly Khoa hoc` trong kế hoạch "
        "(có phải `qlkh` (Phòng Quản lý Khoa học)?)\n"
    )


def test_bad_from_is_a_usage_error(cli: Cli) -> None:
    r = cli(
        "timeline",
        str(ALPHA),
        "--as-of",
        "14/5/2026",
        "--from",
        "32/5/2026",
        env={"TNPLAN_LANG": "en"},
    )
    assert (r.code, r.err) == (
        2,
        "Error: --from: there is no day 32: a month has at most 31 days (e.g. 14/5/2026)\n",
    )


def test_an_invalid_plan_is_one_line_and_exit_1(cli: Cli, tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text(ALPHA.read_text(encoding="utf-8").replace("lead: qlcn", "lead: qlcm"))
    for command in ("status", "timeline", "overdue", "upcoming"):
        r = cli(command, str(broken), "--as-of", "14/5/2026")
        assert (r.code, r.out) == (1, "")
        assert len(r.err.splitlines()) == 1
        assert r.err.startswith(f"Lỗi: {broken}:")
        assert "`qlcm`" in r.err


def test_a_missing_plan_exits_3(cli: Cli, tmp_path: Path) -> None:
    r = cli("status", str(tmp_path / "none.yaml"), "--as-of", "14/5/2026")
    assert (r.code, r.out) == (3, "")
    assert r.err.startswith("Lỗi: không có tệp hoặc thư mục ")


# Owners, folders -------------------------------------------------------------------------


def test_owner_typed_in_nfd_matches(cli: Cli) -> None:
    nfd = unicodedata.normalize("NFD", "Văn phòng Sở")
    assert nfd != "Văn phòng Sở"
    by_name = cli("overdue", str(FOLDER), "--as-of", "14/5/2026", "--owner", nfd, "--json")
    by_id = cli("overdue", str(FOLDER), "--as-of", "14/5/2026", "--owner", "vp", "--json")
    assert by_name.code == by_id.code == 0
    assert by_name.out == by_id.out
    assert json.loads(by_name.out)["owner"] == {"id": "vp", "name": "Văn phòng Sở", "short": "VP"}


def test_folder_owner_sees_items_from_every_plan(cli: Cli) -> None:
    data = _json(cli, "overdue", str(FOLDER), "--as-of", "14/5/2026", "--owner", "vp", "--json")
    items = [(it["plan"], it["id"]) for g in data["owners"] for it in g["items"]]
    assert items == [
        ("beta-2026", "thue-gian"),
        ("alpha-2026", "pano"),
        ("alpha-2026", "giay-moi"),
    ]
    status = _json(cli, "status", str(FOLDER), "--as-of", "14/5/2026", "--owner", "vp", "--json")
    assert [p["id"] for p in status["plans"]] == ["alpha-2026", "beta-2026"]
    beta = status["plans"][1]
    # trien-lam is led by shtt and supported by vp: shown, marked as supporting.
    assert [(it["id"], it["supporting"]) for it in beta["items"]] == [
        ("trien-lam", True),
        ("thue-gian", False),
        ("tong-ket", False),
        ("bao-cao-tuan-le/vp", False),
    ]
    # Without --owner, a folder shows every plan and everyone's items.
    everyone = _json(cli, "overdue", str(FOLDER), "--as-of", "14/5/2026", "--json")
    assert everyone["count"] == 3
    upcoming = cli("upcoming", str(FOLDER), "--as-of", "19/5/2026", "--days", "3", "--owner", "vp")
    assert "Tổng kết Tuần lễ" in upcoming.out
    assert "beta-2026" in upcoming.out


def test_default_plan_is_the_one_in_plans(cli: Cli) -> None:
    r = cli("status", "--as-of", "14/5/2026", "--json", cwd=ROOT)
    data = json.loads(r.out)
    assert [p["id"] for p in data["plans"]] == ["ngay-khcn-2026"]


# Terminal manners ------------------------------------------------------------------------


class _Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def _render_on_tty(monkeypatch: pytest.MonkeyPatch, env: dict[str, str]) -> str:
    from tnplan.cli import output
    from tnplan.plan.check import load_plan
    from tnplan.track import schedule, views

    for key in ("NO_COLOR", "FORCE_COLOR", "TERM", "COLUMNS", "TTY_COMPATIBLE"):
        monkeypatch.delenv(key, raising=False)
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    plan = load_plan(ALPHA)
    snap = schedule.snapshot([plan], schedule.parse_as_of("1/7/2026"))
    out = _Tty()
    views_out = views.status_view(snap, cells=output.width())
    output.print_view(views_out, out)
    return out.getvalue()


def test_colour_on_a_terminal_and_never_with_no_color(monkeypatch: pytest.MonkeyPatch) -> None:
    coloured = _render_on_tty(monkeypatch, {"TERM": "xterm-256color", "COLUMNS": "80"})
    assert "\x1b[31m" in coloured or "\x1b[1;31m" in coloured  # late items in red
    plain = _render_on_tty(
        monkeypatch, {"TERM": "xterm-256color", "COLUMNS": "80", "NO_COLOR": "1"}
    )
    assert "\x1b[3" not in plain and ";3" not in plain  # no foreground colour at all


def test_piped_output_is_plain(cli: Cli) -> None:
    r = cli("timeline", str(ALPHA), "--as-of", "14/5/2026", env={"NO_COLOR": ""})
    assert "\x1b" not in r.out


def test_width_follows_columns(cli: Cli) -> None:
    for cols in (60, 80, 120, 160):
        r = cli("status", str(PLAN), "--as-of", "14/5/2026", env={"COLUMNS": str(cols)})
        assert max(len(line) for line in r.out.splitlines()) <= cols
    wide = cli("status", str(PLAN), "--as-of", "14/5/2026", env={"COLUMNS": "160"})
    assert max(len(line) for line in wide.out.splitlines()) > 120


def test_long_titles_are_cut_at_a_word_by_display_width() -> None:
    from tnplan.track.views import fit

    title = "Tổ chức Hội nghị “Sáng chế - Động lực đột phá thúc đẩy đổi mới sáng tạo”"
    assert fit(title, 30) == "Tổ chức Hội nghị “Sáng chế…"
    assert fit(title, 200) == title
    text = "Đổi mới sáng tạo và chuyển đổi số"
    assert fit(text, 20) == "Đổi mới sáng tạo và…"  # one cell a letter, marks included
    assert fit(text, 18) == "Đổi mới sáng tạo…"
    assert fit(unicodedata.normalize("NFD", text), 20) == "Đổi mới sáng tạo và…"


def test_core_stays_free_of_rich_and_typer() -> None:
    code = (
        "import sys, tnplan.track.schedule, tnplan.plan.check; "
        "print(sorted(m for m in ('rich', 'typer') if m in sys.modules))"
    )
    import subprocess

    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "[]"


@pytest.mark.parametrize("command", ["status", "timeline", "overdue", "upcoming"])
def test_help_has_an_example(cli: Cli, command: str) -> None:
    r = cli(command, "--help", env={"COLUMNS": "200"})
    assert r.code == 0
    assert "Ví dụ: tnplan " + command in r.out
