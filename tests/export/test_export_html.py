"""`tnplan export html`: the self-contained dashboard, as HTML and in headless Chromium.

The browser test needs Debian's ``chromium`` (``apt-get install -y chromium``); without it
that test is skipped and says why.  Its screenshots go to a temporary folder; to refresh the
README's picture ``docs/img/dashboard.png``, run with ``TNPLAN_UPDATE_SCREENSHOT=1``.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from tnplan.calendar import holidays
from tnplan.exchange import dashboard as page_of
from tnplan.plan import check
from tnplan.track import dashboard, schedule

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
MINI = HERE / "plans" / "mini.yaml"
BUNDLED = ROOT / "plans" / "ngay-khcn-2026.yaml"
SCREENSHOT = ROOT / "docs" / "img" / "dashboard.png"


class Tags(HTMLParser):
    """Every start tag with its attributes, and the page's text."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.text: list[str] = []
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, {k: v or "" for k, v in attrs}))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def handle_data(self, data: str) -> None:
        self.text.append(data)

    def find(self, tag: str, cls: str = "", **attrs: str) -> list[dict[str, str]]:
        out = []
        for t, a in self.tags:
            if t != tag or (cls and cls not in a.get("class", "").split()):
                continue
            if all(a.get(k.replace("_", "-")) == v for k, v in attrs.items()):
                out.append(a)
        return out


def _page(path: Path, as_of: str) -> str:
    plan = check.load_plan(path)
    return page_of.render(plan, schedule.parse_as_of(as_of, plan.document.timezone))


def _key(plan_path: Path, uid: str) -> str:
    return dashboard.owner_key(schedule.agency_key(check.load_plan(plan_path)), uid)


def test_matches_golden(cli: Callable[..., Any], golden: Callable[[str, str], None]) -> None:
    r = cli("export", "html", str(MINI), "--as-of", "16/5/2026")
    assert (r.code, r.err) == (0, "")
    golden("export/mini-16-5.html", r.out)


def test_one_bar_per_activity_and_a_milestone_per_deadline() -> None:
    plan = check.load_plan(BUNDLED)
    page = Tags(_page(BUNDLED, "14/5/2026"))
    bars = page.find("rect", "bar")
    assert [b["data-activity"] for b in bars] == [a.id for a in plan.activities]
    milestones = page.find("path", "milestone")
    assert [m["data-deadline"] for m in milestones] == [d.id for d in plan.deadlines]
    assert len(page.find("svg", "gantt")) == 1


def test_today_line_weekends_holidays_and_folded_days() -> None:
    plan = check.load_plan(MINI)
    assert dashboard.chart_range(plan) == (dt.date(2026, 5, 11), dt.date(2026, 7, 1))
    columns = dashboard.chart_columns(plan, dt.date(2026, 5, 16))
    # Nothing happens from 21/5 to 17/6: one narrow column; 23–27/6 is too short to fold.
    assert [c for c in columns if c[0] != c[1]] == [(dt.date(2026, 5, 21), dt.date(2026, 6, 17))]
    shown = [a for a, b in columns if a == b]
    assert shown[0] == dt.date(2026, 5, 11) and shown[-1] == dt.date(2026, 7, 1)
    assert len(shown) == 10 + 14
    off = [d for d in shown if not holidays.is_working_day(d)]
    page = Tags(_page(MINI, "16/5/2026"))
    assert len(page.find("rect", "weekend")) + len(page.find("rect", "holiday")) == len(off)
    assert len(page.find("rect", "gap")) == 1
    assert len(page.find("g", "today")) == 1
    assert len(page.find("line", "the-day")) == 1  # 18/5
    # Outside the chart's days there is no today line.
    assert Tags(_page(MINI, "1/1/2027")).find("g", "today") == []


def test_holidays_are_shaded_and_named() -> None:
    # 30/4 and 1/5/2026 are public holidays (Thursday, Friday).
    plan = check.load_plan(MINI)
    plan.activities[3].start = dt.date(2026, 4, 29)
    plan.period.start = dt.date(2026, 4, 29)
    html = page_of.render(plan, schedule.parse_as_of("16/5/2026"))
    page = Tags(html)
    assert len(page.find("rect", "holiday")) == 2
    assert "<title>Ngày Chiến thắng</title>" in html
    assert "<title>Quốc tế Lao động</title>" in html


def test_late_items_are_marked_and_listed_by_owner() -> None:
    page = Tags(_page(MINI, "16/5/2026"))
    late = [b["data-activity"] for b in page.find("rect", "bar") if "late" in b["class"]]
    assert late == ["ton-vinh"]  # ended 13/5, still planned
    owners = [o["data-owner"] for o in page.find("div", "owner")]
    assert owners == [_key(MINI, "cds"), _key(MINI, "qlkh")]  # the task due 15/5, and ton-vinh
    late_section = Tags(_page(MINI, "16/5/2026").split('<section id="tre-han">')[1])
    assert [r["data-item"] for r in late_section.find("tr") if "data-item" in r] == [
        "tuyen-truyen#2",
        "ton-vinh",
    ]
    # Before anything is due, nothing is late.
    quiet = _page(MINI, "2026-05-01")
    assert "Không có việc nào trễ hạn tính đến 1/5/2026." in quiet
    assert 'class="bar st-planned late' not in quiet


def test_every_activity_has_its_details() -> None:
    plan = check.load_plan(BUNDLED)
    page = Tags(_page(BUNDLED, "14/5/2026"))
    details = [a["data-activity-details"] for a in page.find("article", "activity")]
    assert details == [a.id for a in plan.activities]
    text = "".join(page.text)
    for a in plan.activities:
        assert a.title in text
        for t in a.tasks:
            assert t.title in text


def test_self_contained_and_escaped() -> None:
    html = _page(MINI, "16/5/2026")
    page = Tags(html)
    # Nothing to fetch: no src/href at all, no CSS url() or @import, no script.
    for tag, attrs in page.tags:
        assert "src" not in attrs and "href" not in attrs, (tag, attrs)
    # url() only names the page's own patterns (#pat-…), never a file or an address.
    assert re.findall(r"url\((?!#pat-)", html) == []
    assert "@import" not in html and "<script" not in html
    assert set(re.findall(r"https?://[^\s\"'<>]+", html)) == {"http://www.w3.org/2000/svg"}
    csp = page.find("meta", http_equiv="Content-Security-Policy")
    assert csp and csp[0]["content"].startswith("default-src 'none'")
    assert page.find("meta", name="viewport")
    assert "@media print" in html and "@media (max-width:640px)" in html
    # Text from the plan is escaped (the mini plan's theme has <, > and &).
    assert "đổi mới sáng tạo &amp; chuyển đổi số &lt;nền tảng&gt;" in html
    assert "<nền tảng>" not in html


def test_as_of_forms(cli: Callable[..., Any]) -> None:
    a = cli("export", "html", str(MINI), "--as-of", "2026-05-16")
    b = cli("export", "html", str(MINI), "--as-of", "16/5/2026")
    assert a.code == b.code == 0 and a.out == b.out
    today = cli("export", "html", str(MINI))  # default: today in the plan's time zone
    assert today.code == 0 and "(hôm nay)" in today.out
    bad = cli("export", "html", str(MINI), "--as-of", "16/13/2026")
    assert (bad.code, bad.out) == (2, "")
    assert bad.err.startswith("Lỗi: --as-of: ")


def test_writes_a_file(cli: Callable[..., Any], tmp_path: Path) -> None:
    out = tmp_path / "theo-doi.html"
    r = cli("export", "html", str(MINI), "--as-of", "16/5/2026", "-o", str(out))
    assert (r.code, r.out, r.err) == (0, "", f"Đã ghi {out}\n")
    assert out.read_text(encoding="utf-8") == _page(MINI, "16/5/2026")


# In the browser ----------------------------------------------------------------------------

CHROMIUM = next(
    (p for p in map(shutil.which, ("chromium", "chromium-browser", "google-chrome")) if p), None
)
needs_chromium = pytest.mark.skipif(
    CHROMIUM is None,
    reason="Chromium is not installed (Debian: apt-get install -y chromium): "
    "the dashboard was not opened in a browser",
)


def _chromium(tmp: Path, *args: str) -> subprocess.CompletedProcess[str]:
    assert CHROMIUM is not None
    cmd = [
        CHROMIUM,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--hide-scrollbars",
        f"--user-data-dir={tmp / 'profile'}",
        "--enable-logging=stderr",
        "--v=0",
        *args,
    ]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=120, check=False)


_CONSOLE = re.compile(r":CONSOLE[:(]\d*\)?\]? ?(\".*)$", re.MULTILINE)


def console_messages(stderr: str) -> list[str]:
    """What the page wrote to the console (errors, warnings, CSP refusals, exceptions)."""
    return _CONSOLE.findall(stderr)


@needs_chromium
def test_console_detection_works(tmp_path: Path) -> None:
    """The harness itself: a page that errs is caught (so a clean page proves something)."""
    page = tmp_path / "bad.html"
    page.write_text(
        "<!DOCTYPE html><html><head><meta http-equiv='Content-Security-Policy' "
        "content=\"default-src 'none'; script-src 'unsafe-inline'\"></head><body>"
        "<img src='https://example.invalid/x.png'><script>console.error('hỏng');"
        "missing();</script></body></html>",
        encoding="utf-8",
    )
    run = _chromium(tmp_path, "--dump-dom", page.as_uri())
    found = console_messages(run.stderr)
    assert any("hỏng" in m for m in found), run.stderr
    assert any("missing is not defined" in m for m in found)
    assert any("Content Security Policy" in m for m in found)


@needs_chromium
def test_in_chromium(tmp_path: Path) -> None:
    plan = check.load_plan(BUNDLED)
    page = tmp_path / "dashboard.html"
    page.write_text(_page(BUNDLED, "14/5/2026"), encoding="utf-8")

    dom = _chromium(tmp_path, "--dump-dom", page.as_uri())
    assert dom.returncode == 0, dom.stderr
    assert console_messages(dom.stderr) == []
    bars = re.findall(r'<rect class="bar[^"]*" data-activity="([^"]+)"', dom.stdout)
    assert bars == [a.id for a in plan.activities]

    shot = tmp_path / "dashboard.png"
    run = _chromium(tmp_path, f"--screenshot={shot}", "--window-size=1280,1800", page.as_uri())
    assert run.returncode == 0, run.stderr
    assert console_messages(run.stderr) == []
    png = shot.read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and len(png) > 50_000
    width, height = int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")
    assert (width, height) == (1280, 1800)

    phone = tmp_path / "phone.png"
    run = _chromium(tmp_path, f"--screenshot={phone}", "--window-size=390,844", page.as_uri())
    assert run.returncode == 0 and phone.stat().st_size > 10_000

    pdf = tmp_path / "dashboard.pdf"
    run = _chromium(tmp_path, f"--print-to-pdf={pdf}", "--no-pdf-header-footer", page.as_uri())
    assert run.returncode == 0, run.stderr
    assert pdf.read_bytes()[:5] == b"%PDF-" and pdf.stat().st_size > 20_000

    if os.environ.get("TNPLAN_UPDATE_SCREENSHOT") == "1":
        SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(shot, SCREENSHOT)
