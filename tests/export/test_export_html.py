"""`tnplan export html`: the self-contained dashboard, as HTML and in headless Chromium.

The browser test needs Debian's ``chromium`` (``apt-get install -y chromium``); without it
that test is skipped and says why.  Its screenshots go to a temporary folder; to refresh the
README's picture ``docs/img/dashboard.png``, run with ``TNPLAN_UPDATE_SCREENSHOT=1``.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
import subprocess
from collections.abc import Callable
from html import escape, unescape
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
    run = _chromium(tmp_path, f"--screenshot={phone}", "--window-size=390,1800", page.as_uri())
    assert run.returncode == 0 and phone.stat().st_size > 10_000

    pdf = tmp_path / "dashboard.pdf"
    run = _chromium(tmp_path, f"--print-to-pdf={pdf}", "--no-pdf-header-footer", page.as_uri())
    assert run.returncode == 0, run.stderr
    assert pdf.read_bytes()[:5] == b"%PDF-" and pdf.stat().st_size > 20_000

    if os.environ.get("TNPLAN_UPDATE_SCREENSHOT") == "1":
        SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(shot, SCREENSHOT)
        shutil.copyfile(phone, SCREENSHOT.with_name("dashboard-phone.png"))


PROBE = HERE / "probe.js"


def measure(tmp: Path, html: str, width: int, owners: tuple[str, ...] = ()) -> dict[str, Any]:
    """Open ``html`` in Chromium with a viewport ``width`` px wide and measure it (probe.js).

    The page is put in an iframe of that width (headless Chromium's own window is at least
    500 px wide), with the probe script allowed by its Content-Security-Policy.
    """
    probe = PROBE.read_text(encoding="utf-8")
    setup = f"window.PROBE_OWNERS = {json.dumps(list(owners))};"
    inner = html.replace(
        "content=\"default-src 'none'; ",
        "content=\"default-src 'none'; script-src 'unsafe-inline'; ",
    ).replace("</body>", f"<script>{setup}{probe}</script></body>")
    assert inner.count("<script>") == 1
    top = tmp / f"probe-{width}.html"
    top.write_text(
        "<!DOCTYPE html><html><head><meta charset='utf-8'></head><body style='margin:0'>"
        f"<iframe id='f' width='{width}' height='900' style='border:0' "
        f'srcdoc="{escape(inner, quote=True)}"></iframe><script>'
        "addEventListener('load', function () {"
        " var p = document.getElementById('f').contentDocument.getElementById('probe');"
        " var o = document.createElement('pre'); o.id = 'result';"
        " o.textContent = p ? p.textContent : 'null'; document.body.appendChild(o); });"
        "</script></body></html>",
        encoding="utf-8",
    )
    run = _chromium(tmp, "--virtual-time-budget=5000", "--dump-dom", top.as_uri())
    assert run.returncode == 0, run.stderr
    found = re.search(r'<pre id="result">(.*?)</pre>', run.stdout, re.DOTALL)
    assert found, run.stdout[-2000:]
    data: dict[str, Any] = json.loads(unescape(found.group(1)))
    assert data["width"] == width
    return data


@needs_chromium
def test_phone_layout_reads_at_390_px(tmp_path: Path) -> None:
    """On a 390 px phone: no sideways scrolling, no text under 12 px, no squeezed cells."""
    data = measure(tmp_path, _page(BUNDLED, "14/5/2026"), 390)
    assert data["scrollWidth"] <= 390
    texts = data["texts"]
    assert len(texts) > 300
    small = [(t["text"], t["size"]) for t in texts if t["size"] < 12]
    assert small == []
    assert min(t["size"] for t in texts) >= 12.5
    # The chart gives way to the list by week; table cells take the full width.
    classes = {t["cls"] for t in texts}
    assert "label" not in classes and "day" not in classes  # no SVG text shown
    assert any(t["text"].startswith("Tuần 11/5–17/5/2026") for t in texts)
    narrow = [t["text"] for t in texts if t["tag"] == "td" and t["width"] < 0.6 * 390]
    assert narrow == []
    for t in texts:
        assert t["right"] <= 390 + 0.5, t


@needs_chromium
def test_desktop_layout_at_1280_px(tmp_path: Path) -> None:
    data = measure(tmp_path, _page(BUNDLED, "14/5/2026"), 1280)
    assert data["scrollWidth"] <= 1280
    texts = data["texts"]
    svg = [t for t in texts if t["tag"] == "text"]
    assert {t["cls"] for t in svg} >= {"label", "day", "month", "label deadline-label"}
    assert min(t["size"] for t in svg if t["cls"].startswith("label")) >= 12
    assert min(t["size"] for t in texts) >= 10.5
    assert not any(t["text"].startswith("Tuần ") for t in texts)  # the list by week is for phones


@needs_chromium
@pytest.mark.parametrize("width", [390, 1280])
def test_text_contrast_meets_wcag_aa(tmp_path: Path, width: int) -> None:
    """Every visible text against the colour behind it: 4.5:1 at least (WCAG 2 AA)."""
    data = measure(tmp_path, _page(MINI, "16/5/2026"), width)
    badges = {t["cls"] for t in data["texts"] if "badge" in t["cls"]}
    assert {"badge st-done", "badge st-planned", "badge late", "badge st-cancelled"} <= badges
    failing = [(t["text"], t["cls"], t["ratio"]) for t in data["texts"] if t["ratio"] < 4.5]
    assert failing == []


def _luminance(hex_colour: str) -> float:
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def contrast(a: str, b: str) -> float:
    x, y = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (x + 0.05) / (y + 0.05)


def test_contrast_formula() -> None:
    assert round(contrast("#000000", "#ffffff"), 1) == 21.0
    assert round(contrast("#777777", "#ffffff"), 2) == 4.48  # the classic near miss


def test_status_colours_and_patterns_are_distinct() -> None:
    """Bars and marks: 3:1 against the chart (WCAG non-text contrast), one colour and one
    fill per status, and no colour meaning two things (postponed is not a deadline)."""
    html = _page(MINI, "16/5/2026")
    colours = dict(re.findall(r"--([a-z_]+):(#[0-9a-f]{6})", html))
    statuses = ["planned", "in_progress", "done", "postponed", "cancelled"]
    marks = [*statuses, "deadline", "late", "day"]
    for name in marks:
        for ground in ("#ffffff", "#eef1f4", "#fde8e8"):  # the chart, weekends, holidays
            assert contrast(colours[name], ground) >= 3, (name, ground)
    assert len({colours[n] for n in marks if n != "late"}) == len(marks) - 1
    assert colours["postponed"] != colours["deadline"]
    fills = {}
    for status in statuses:
        rule = ".gantt .bar{" if status == "planned" else f".gantt .bar.st-{status}{{"
        body = html.split(rule, 1)[1].split("}", 1)[0]
        fills[status] = re.search(r"fill:([^;]+)", body).group(1)  # type: ignore[union-attr]
    assert len(set(fills.values())) == len(statuses)
    patterned = [s for s, f in fills.items() if f.startswith("url(#pat-")]
    assert patterned == ["planned", "in_progress", "postponed", "cancelled"]  # done: solid
    for status in patterned:
        assert f'<pattern id="pat-{status}"' in html
    # Badges say their state in a symbol too, not by colour alone.
    symbols = {}
    for selectors, symbol in re.findall(
        r'((?:\.badge\.[a-z_-]+::before,?)+)\{content:"(.)"\}', html
    ):
        for selector in selectors.split(","):
            symbols[selector.removeprefix(".badge.").removesuffix("::before")] = symbol
    assert symbols == {
        "st-planned": "○",
        "st-in_progress": "◐",
        "st-done": "✓",
        "st-reported": "✓",
        "st-postponed": "‖",
        "st-cancelled": "✕",
        "late": "!",
        "tentative": "?",
    }


def test_the_chart_describes_itself() -> None:
    page = _page(MINI, "16/5/2026")
    desc = re.search(r'<desc id="gantt-mini-2026-desc">([^<]+)</desc>', page)
    assert desc is not None
    assert desc.group(1) == (
        "Biểu đồ Gantt: 5 hoạt động (2 chưa thực hiện, 1 đang thực hiện, 1 đã hoàn thành, "
        "1 hủy), 2 hạn báo cáo; 1 mục trễ hạn tính đến 16/5/2026. Mỗi hoạt động một dòng, "
        "thanh trải theo ngày; hạn báo cáo là hình thoi; ngày cuối tuần và ngày lễ tô nền; "
        "quãng không có mốc nào thu gọn thành một cột."
    )
    svg = Tags(page).find("svg", "gantt")[0]
    assert svg["aria-labelledby"] == "gantt-mini-2026-title gantt-mini-2026-desc"


# Many plans, one page ----------------------------------------------------------------------

DEPARTMENT = HERE / "plans" / "department"
CB = DEPARTMENT / "c-cao-bang.yaml"
TN = DEPARTMENT / "a-ngay-khcn.yaml"


def test_a_folder_of_three_plans_of_two_agencies(cli: Callable[..., Any]) -> None:
    r = cli("export", "html", str(DEPARTMENT), "--as-of", "14/5/2026")
    assert (r.code, r.err) == (0, "")
    page = Tags(r.out)
    assert [s["data-plan"] for s in page.find("section", "plan")] == [
        "alpha-2026",
        "beta-2026",
        "cb-techfest-2026",
    ]
    text = "".join(page.text)
    assert "Bảng theo dõi 3 kế hoạch — 2 cơ quan" in text
    # One combined "next 14 days" list, with items of several plans in date order.
    soon = Tags(r.out.split('<section id="sap-toi">')[1].split("</section>")[0])
    items = [li["data-item"] for li in soon.find("li", "entry")]
    assert items == [
        "gap-mat",
        "hoi-nghi",
        "techfest",
        "tuyen-truyen",
        "trien-lam",
        "tong-ket",
        "bao-cao-techfest/vp",
    ]
    # One combined late list: two Văn phòng Sở, one per agency, never merged.
    late = r.out.split('<section id="tre-han">')[1].split("</section>")[0]
    groups = Tags(late).find("div", "owner")
    assert [g["data-owner"] for g in groups] == [_key(TN, "vp"), _key(CB, "vp")]
    assert _key(TN, "vp") != _key(CB, "vp")
    assert _key(TN, "vp") == _key(DEPARTMENT / "b-tuan-le-shtt.yaml", "vp")  # same agency
    assert late.count('<h4>Văn phòng Sở <span class="agency-tag">SKHCN Thái Nguyên</span>') == 1
    assert late.count('<h4>Văn phòng Sở <span class="agency-tag">SKHCN Cao Bằng</span>') == 1
    # Filters: a chip per unit with open items, each agency's VP apart.
    chips = [(i["id"]) for i in page.find("input") if i.get("name") == "owner"]
    assert chips[0] == "f-all" and f"f-{_key(TN, 'vp')}" in chips and f"f-{_key(CB, 'vp')}" in chips
    assert len(chips) == len(set(chips))


def test_owner_option_on_several_plans(cli: Callable[..., Any]) -> None:
    r = cli(
        "export", "html", str(DEPARTMENT), "--as-of", "14/5/2026", "--owner", "cb-techfest-2026:vp"
    )
    assert (r.code, r.err) == (0, "")
    page = Tags(r.out)
    assert [s["data-plan"] for s in page.find("section", "plan")] == []  # one plan left
    assert "Văn phòng Sở" in "".join(page.text) and "Đơn vị:" in r.out
    assert [a["data-activity"] for a in page.find("rect", "bar")] == ["techfest", "toa-dam"]
    bad = cli("export", "html", str(DEPARTMENT), "--owner", "vp")
    assert (bad.code, bad.out) == (2, "")


def test_the_template_can_be_overridden(cli: Callable[..., Any], tmp_path: Path) -> None:
    mine = tmp_path / "mau"
    mine.mkdir()
    (mine / "dashboard.html.j2").write_text(
        "{% for s in board.sections %}<h1>{{ s.title }}</h1>{% endfor %}{{ board.as_of }}\n",
        encoding="utf-8",
    )
    r = cli("export", "html", str(MINI), "--as-of", "16/5/2026", "--templates", str(mine))
    assert (r.code, r.err) == (0, "")
    assert r.out == (
        "<h1>Tổ chức các hoạt động hưởng ứng Ngày Khoa học, Công nghệ và Đổi mới sáng tạo "
        "Việt Nam năm 2026</h1>Thứ Bảy 16/5/2026\n"
    )
    (mine / "dashboard.html.j2").write_text("{{ board.nothing }}\n", encoding="utf-8")
    bad = cli("export", "html", str(MINI), "--templates", str(mine))
    assert (bad.code, bad.out) == (3, "")
    assert bad.err.startswith("Lỗi: mẫu dashboard.html.j2, dòng 1: thiếu dữ liệu `Board.nothing`")


@needs_chromium
def test_filters_work_in_the_browser(tmp_path: Path) -> None:
    plans = [check.load_plan(p) for p in sorted(DEPARTMENT.glob("*.yaml"))]
    html = page_of.render(plans, schedule.parse_as_of("14/5/2026"))
    keys = (_key(CB, "vp"), _key(TN, "vp"), _key(TN, "shtt"))
    data = measure(tmp_path, html, 1280, keys)
    for key in keys:
        seen = data["filters"][key]
        assert seen is not None and seen["shown"] and seen["hidden"] > 0, key
        assert all(key in owners.split() for owners in seen["shown"]), key
    # Cao Bằng's VP sees nothing of Thái Nguyên's plans, and the other way round.
    cb_rows = len(data["filters"][keys[0]]["shown"])
    tn_rows = len(data["filters"][keys[1]]["shown"])
    assert cb_rows < tn_rows
    if os.environ.get("TNPLAN_UPDATE_SCREENSHOT") == "1":
        page = tmp_path / "plans.html"
        page.write_text(html, encoding="utf-8")
        shot = tmp_path / "plans.png"
        run = _chromium(tmp_path, f"--screenshot={shot}", "--window-size=1280,1500", page.as_uri())
        assert run.returncode == 0
        shutil.copyfile(shot, SCREENSHOT.with_name("dashboard-plans.png"))
