"""Property: every valid generated plan validates, renders every document and exports every form.

Plans are generated as data (activities, events with programmes, guests whose names carry
diacritics, slashes and dots, statuses, tentative flags, results, received reports), written as
YAML, and driven through the real CLI in-process.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import sys
import tempfile
from pathlib import Path
from typing import Any
from unittest import mock

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tnplan.cli import main
from tnplan.plan.model import STATUSES

START = dt.date(2026, 5, 12)
NAMES = [
    "Nguyễn Văn An",
    "Trần Thị Bình",
    "Lê Hoà",
    "Phạm Thủy",
    "Đặng Ngọc Ánh",
    "Ông A/B",
    "TS. Hoàng Văn Đức",
    "Bà Ng. Thị Ưng",
    "../../etc",
]


def d(day: dt.date) -> str:
    return f"{day.day}/{day.month}/{day.year}"


@st.composite
def plans(draw: st.DrawFn) -> dict[str, Any]:
    guests = [
        {"id": f"khach-{i}", "name": name, "tentative": draw(st.booleans())}
        for i, name in enumerate(draw(st.lists(st.sampled_from(NAMES), min_size=1, max_size=4)))
    ]
    activities = []
    for i in range(draw(st.integers(1, 4))):
        status = draw(st.sampled_from(STATUSES))
        activity: dict[str, Any] = {
            "id": f"hd-{i}",
            "number": i + 1,
            "title": draw(st.sampled_from(["Hội nghị", "Hội thảo khoa học", "Gặp mặt", "Tọa đàm"]))
            + f" số {i + 1}",
            "bullets": ["Nội dung thứ nhất.", "Nội dung thứ hai."],
            "lead": draw(st.sampled_from(["vp", "qlkh"])),
            "status": status,
            "tentative": draw(st.booleans()),
        }
        if status == "done":
            activity["done_on"] = d(START + dt.timedelta(days=3))
            activity["result"] = {
                "held_on": d(START + dt.timedelta(days=3)),
                "participants": draw(st.integers(0, 500)),
                "outputs": ["Kỷ yếu"],
            }
        if draw(st.booleans()):
            minutes = draw(st.lists(st.integers(5, 90), min_size=1, max_size=5))
            hour = draw(st.integers(7, 14))
            total = sum(minutes)
            end = dt.datetime(2026, 1, 1, hour) + dt.timedelta(minutes=total)
            activity["event"] = {
                "date": d(START + dt.timedelta(days=draw(st.integers(0, 6)))),
                "start": f"{hour:02d}:00",
                "end": end.strftime("%H:%M"),
                "venue": "Hội trường Sở",
                "chair": "Lãnh đạo Sở",
                "invitees": [g["id"] for g in guests] + ["qlkh"],
                "contact": {"person": "Chuyên viên Văn phòng", "phone": "0208 3855 123"},
                "tentative": draw(st.booleans()),
            }
            activity["programme"] = [
                {"item": f"Mục {j + 1}", "minutes": m, "by": "vp", "mc": "Xin mời."}
                for j, m in enumerate(minutes)
            ]
        activities.append(activity)
    due = START + dt.timedelta(days=draw(st.integers(10, 60)))
    received = draw(st.lists(st.sampled_from(["vp", "qlkh"]), unique=True))
    return {
        "format": "tnplan/1",
        "id": "sinh-ra",
        "document": {
            "parent": "UBND TỈNH THÁI NGUYÊN",
            "agency": "SỞ KHOA HỌC VÀ CÔNG NGHỆ",
            "agency_name": "Sở Khoa học và Công nghệ",
            "agency_code": "SKHCN",
            "place": "Thái Nguyên",
            "title": "Kế hoạch sinh ra để kiểm thử",
            "signer": {"title": "GIÁM ĐỐC", "name": "Nguyễn Văn An"},
            "recipients": ["Các phòng, đơn vị thuộc Sở"],
            "drafting_unit": "vp",
        },
        "purposes": ["Mục đích."],
        "period": {"start": d(START), "end": d(START + dt.timedelta(days=6)), "day": "18/5/2026"},
        "units": [
            {"id": "vp", "name": "Văn phòng Sở"},
            {"id": "qlkh", "name": "Phòng Quản lý Khoa học"},
            {"id": "ubnd-tinh", "name": "UBND tỉnh", "kind": "external"},
        ],
        "guests": guests,
        "activities": activities,
        "deadlines": [
            {
                "id": "bao-cao",
                "title": "Báo cáo kết quả",
                "owners": ["vp", "qlkh"],
                "to": ["ubnd-tinh"],
                "due": d(due),
                "received": [{"unit": u, "date": d(due - dt.timedelta(days=1))} for u in received],
            }
        ],
    }


def run(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    env = {"COLUMNS": "100", "NO_COLOR": "1", "TERM": "dumb"}
    with (
        mock.patch.object(sys, "argv", ["tnplan", *args]),
        mock.patch.dict("os.environ", env),
        contextlib.redirect_stdout(out),
        contextlib.redirect_stderr(err),
    ):
        try:
            main()
            code = 0
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else 0
    return code, out.getvalue(), err.getvalue()


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plans())
def test_every_valid_generated_plan_validates_renders_and_exports(data: dict[str, Any]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        plan = folder / "plan.yaml"
        plan.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
        p = str(plan)
        code, out, err = run("validate", p)
        assert code == 0, out + err
        for fmt in ("md", "html", "docx"):
            out_dir = folder / fmt
            out_dir.mkdir()
            jobs = [["plan"], ["report", "--as-of", "1/7/2026"]]
            for a in data["activities"]:
                if "event" in a:
                    # A cancelled or postponed activity's invitation needs --force.
                    forced = ["--force"] if a.get("status") in ("cancelled", "postponed") else []
                    jobs += [["invitation", a["id"], *forced], ["script", a["id"]]]
                    jobs += [["invitation", a["id"], "--each", *forced]]
            for i, job in enumerate(jobs):
                target = out_dir / (f"{i}" if "--each" in job else f"{i}.{fmt}")
                if "--each" in job:
                    target.mkdir()
                code, out, err = run("render", *job, p, "-f", fmt, "-o", str(target))
                assert code == 0, (job, out, err)
        for kind, name in (("ics", "c.ics"), ("html", "d.html"), ("json", "p.json")):
            code, out, err = run("export", kind, p, "-o", str(folder / name))
            assert code == 0, (kind, out, err)
        for cmd in ("status", "timeline", "overdue"):
            for as_of in ("1/5/2026", "14/5/2026", "1/7/2026"):
                code, out, err = run(cmd, p, "--as-of", as_of)
                assert code == 0, (cmd, as_of, out, err)
                assert "Traceback" not in out + err
