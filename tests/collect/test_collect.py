"""The collection loop on the bundled plan: forms out, filled as units fill them, results back.

Forms are filled through openpyxl, cell by cell, as a unit would in Excel; the results are read
back through the real command; the plan file stays byte for byte as it was; ``render report``
then shows the units' numbers (a golden file), and reading the same forms again changes nothing.
"""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest

from support import PLAN, ROOT, Run

PLAN_REL = "plans/ngay-khcn-2026.yaml"
RESULTS = "plans/ngay-khcn-2026.results/bao-cao-don-vi"
UNITS = ["qlkh", "qlcn", "qlcng", "cds", "vp", "so-nganh", "ubnd-xa", "truong-vien", "to-chuc-dn"]
NOT_RETURNED = "ubnd-xa"


@pytest.fixture
def workdir(tmp_path: Path) -> Path:
    (tmp_path / "plans").mkdir()
    shutil.copy(PLAN, tmp_path / PLAN_REL)
    return tmp_path


def form_path(folder: Path, unit: str) -> Path:
    return folder / f"bieu-mau-ngay-khcn-2026-{unit}.xlsx"


def fill(path: Path, seed: int, out: Path | None = None) -> Path:
    """Fill a form as a unit would: a status, a date, numbers and words on every row."""
    wb = openpyxl.load_workbook(path)
    ws = wb["Kết quả"]
    for n in range(5, ws.max_row + 1):
        key = ws.cell(n, 1).value
        if not key:
            continue
        due = ws.cell(n, 5).value
        is_task = "/" in str(key)
        ws.cell(n, 6).value = "Đã thực hiện" if (n + seed) % 4 else "Đang thực hiện"
        ws.cell(n, 7).value = due - dt.timedelta(days=(n + seed) % 3)  # a date, as Excel keeps it
        if not is_task:
            ws.cell(n, 8).value = 10 * (seed + 1) + n
            ws.cell(n, 9).value = f"Sản phẩm {seed}.{n}\nTin bài {n}"
            ws.cell(n, 10).value = 1_000_000 * (seed + 1)
        ws.cell(n, 11).value = f"Ghi chú dòng {n}" if n % 2 else None
    issues = wb["Khó khăn, đề xuất"]
    issues["B5"] = f"Khó khăn của đơn vị {seed}"
    issues["C5"] = f"Đề xuất của đơn vị {seed}"
    target = out or path
    wb.save(target)
    return target


@pytest.fixture
def loop(workdir: Path, cli: Callable[..., Run]) -> Path:
    """Forms for every unit written, filled and read back (all but one unit's), 19/6/2026."""
    r = cli("collect", "form", "--each", "-o", "forms/", "--plan", PLAN_REL, cwd=workdir)
    assert r.code == 0, r.err
    assert sorted(p.name for p in (workdir / "forms").iterdir()) == sorted(
        form_path(workdir / "forms", u).name for u in UNITS
    )
    returned = []
    for seed, unit in enumerate(UNITS):
        if unit != NOT_RETURNED:
            returned.append(str(fill(form_path(workdir / "forms", unit), seed)))
    r = cli("collect", "read", *returned, "--plan", PLAN_REL, "--date", "19/6/2026", cwd=workdir)
    assert r.code == 0, r.out + r.err
    assert r.err == "Đã ghi 8 tệp kết quả.\n"
    return workdir


def test_round_trip_leaves_the_plan_byte_for_byte(loop: Path) -> None:
    assert (loop / PLAN_REL).read_bytes() == PLAN.read_bytes()
    written = sorted(p.name for p in (loop / RESULTS).iterdir())
    assert written == sorted(f"{u}.yaml" for u in UNITS if u != NOT_RETURNED)


def test_round_trip_report_shows_the_numbers(
    loop: Path, cli: Callable[..., Run], golden: Callable[[str, str], None]
) -> None:
    r = cli("render", "report", PLAN_REL, "--as-of", "25/6/2026", "--internal", cwd=loop)
    assert r.code == 0, r.err
    golden("collect/report-after-round-trip.md", r.out)
    # Nine units returned forms but for one; the Văn phòng, to which they report, is not
    # counted as owing a report to itself.
    assert "đã nhận 7/8 báo cáo" in r.out
    assert "Số liệu do 7/8 đơn vị báo cáo:" in r.out
    assert "Chưa có số liệu của: UBND các xã, phường." in r.out
    upward = cli("render", "report", PLAN_REL, "--as-of", "25/6/2026", cwd=loop).out
    assert "đã nhận 3/4 báo cáo" in upward  # to the province: the outside bodies only
    assert "Phòng Quản lý Khoa học (nhận ngày" not in upward
    # The Hội thảo's figures come from its lead unit's form (qlkh, seed 0, row 8).
    assert "- Số người tham dự: 18." in r.out


def test_before_the_forms_arrived_the_report_has_no_figures(
    loop: Path, cli: Callable[..., Run]
) -> None:
    r = cli("render", "report", PLAN_REL, "--as-of", "18/6/2026", cwd=loop)
    assert r.code == 0
    assert "Số liệu do" not in r.out
    assert "đã nhận 0/4 báo cáo" in r.out


def test_views_and_validate_read_the_results(loop: Path, cli: Callable[..., Run]) -> None:
    r = cli("validate", "plans/", cwd=loop)
    assert r.code == 0, r.out
    assert r.err == "1 tệp: 0 lỗi, 1 cảnh báo\n"  # the weekend deadline, as before
    assert "results" not in r.out
    r = cli("overdue", PLAN_REL, "--as-of", "22/6/2026", cwd=loop)
    assert "Báo cáo kết quả tổ chức hoạt động hưởng ứng" in r.out  # ubnd-xa's is still late
    assert r.out.count("Báo cáo kết quả tổ chức hoạt động hưởng ứng") == 1
    r = cli("status", PLAN_REL, "--as-of", "22/6/2026", "--json", cwd=loop)
    assert '"status": "reported"' in r.out


def test_reading_the_same_forms_again_changes_nothing(loop: Path, cli: Callable[..., Run]) -> None:
    before = {p.name: p.read_bytes() for p in (loop / RESULTS).iterdir()}
    forms = [str(form_path(loop / "forms", u)) for u in UNITS if u != NOT_RETURNED]
    r = cli("collect", "read", *forms, "--plan", PLAN_REL, "--date", "22/6/2026", cwd=loop)
    assert r.code == 0
    assert r.out.count("(đã ghi trước đó, không đổi)") == 8
    assert r.err == "Đã ghi 0 tệp kết quả.\n"
    assert {p.name: p.read_bytes() for p in (loop / RESULTS).iterdir()} == before


def test_a_second_different_form_is_refused_unless_replace(
    loop: Path, cli: Callable[..., Run]
) -> None:
    forms = loop / "forms"
    again = fill(form_path(forms, "qlkh"), 7, out=forms / "qlkh-ban-sua.xlsx")
    before = (loop / RESULTS / "qlkh.yaml").read_bytes()
    r = cli("collect", "read", str(again), "--plan", PLAN_REL, "--date", "23/6/2026", cwd=loop)
    assert r.code == 1
    assert r.out.startswith(f"{again}:tnplan!B4: lỗi [form-twice] Phòng Quản lý Khoa học đã nộp")
    assert "thêm --replace" in r.out
    assert (loop / RESULTS / "qlkh.yaml").read_bytes() == before
    r = cli(
        "collect", "read", str(again), "--plan", PLAN_REL, "--date", "23/6/2026", "--replace",
        cwd=loop,
    )  # fmt: skip
    assert r.code == 0, r.out
    assert "(thay bản trước)" in r.out
    text = (loop / RESULTS / "qlkh.yaml").read_text(encoding="utf-8")
    assert "date: 19/6/2026\nrevised: 23/6/2026\n" in text  # received first on 19/6


def test_dry_run_writes_nothing(workdir: Path, cli: Callable[..., Run]) -> None:
    cli("collect", "form", "--unit", "QLKH", "-o", "f/", "--plan", PLAN_REL, cwd=workdir)
    form = fill(form_path(workdir / "f", "qlkh"), 0)
    r = cli("collect", "read", str(form), "--plan", PLAN_REL, "--dry-run", "--date", "19/6/2026",
            cwd=workdir)  # fmt: skip
    assert r.code == 0
    assert r.out == (
        "qlkh — Phòng Quản lý Khoa học: 11 dòng (9 đã thực hiện), 118 người, 6.000.000 đồng; "
        "nhận 19/6/2026 → plans/ngay-khcn-2026.results/bao-cao-don-vi/qlkh.yaml (mới)\n"
    )
    assert r.err == "--dry-run: chưa ghi gì.\n"
    assert not (workdir / "plans" / "ngay-khcn-2026.results").exists()


def test_the_form_itself(workdir: Path, cli: Callable[..., Run]) -> None:
    r = cli("collect", "form", "--unit", "qlkh", "-o", "q.xlsx", "--plan", PLAN_REL, cwd=workdir)
    assert r.code == 0
    assert r.err == "Đã ghi q.xlsx\n"
    wb = openpyxl.load_workbook(workdir / "q.xlsx")
    assert wb.sheetnames == ["Hướng dẫn", "Kết quả", "Khó khăn, đề xuất", "tnplan"]
    assert wb["tnplan"].sheet_state == "veryHidden"
    meta = {wb["tnplan"].cell(i, 1).value: wb["tnplan"].cell(i, 2).value for i in range(1, 7)}
    assert meta["format"] == "tnplan-form/1"
    assert (meta["plan"], meta["deadline"], meta["unit"]) == (
        "ngay-khcn-2026",
        "bao-cao-don-vi",
        "qlkh",
    )
    cover = wb["Hướng dẫn"]
    facts = {cover.cell(r, 1).value: cover.cell(r, 2).value for r in range(7, 12)}
    assert facts["Đơn vị báo cáo"] == "Phòng Quản lý Khoa học"
    assert facts["Hạn gửi"] == "Thứ Bảy, 20/6/2026"
    assert facts["Gửi về"] == "Văn phòng Sở"
    ws = wb["Kết quả"]
    keys = [ws.cell(n, 1).value for n in range(5, ws.max_row + 1)]
    assert keys == [
        "tuyen-truyen",
        "tuyen-truyen/tt-mo-hinh",
        "hoi-nghi-sang-che",
        "hoi-thao",
        "hoi-thao/ht-noi-dung",
        "hoi-thao/ht-tham-luan",
        "ton-vinh",
        "ton-vinh/tv-de-xuat",
        "gap-mat",
        "giao-luu",
        "giao-luu/gl-thanh-vien",
    ]
    assert [ws.cell(8, c).value for c in (2, 4)] == ["4", "Chủ trì"]
    assert [c.value for c in ws[4]] == [
        "Mã", "TT", "Hoạt động, công việc", "Vai trò", "Hạn", "Trạng thái", "Ngày thực hiện",
        "Số người tham dự", "Kết quả, sản phẩm", "Kinh phí đã chi (đồng)", "Ghi chú, đánh giá",
    ]  # fmt: skip
    # Locked headings and ids; the unit's columns open; validation per column; A4 landscape.
    assert ws.protection.sheet
    assert ws["A5"].protection.locked and ws["C5"].protection.locked
    assert not ws["F5"].protection.locked and not ws["K15"].protection.locked
    rules = {str(dv.sqref): (dv.type, dv.formula1) for dv in ws.data_validations.dataValidation}
    assert rules == {
        "F5:F15": ("list", '"Đã thực hiện,Đang thực hiện,Chưa thực hiện,Tạm hoãn,Không thực hiện"'),
        "G5:G15": ("date", "DATE(2000,1,1)"),
        "H5:H15": ("whole", "0"),
        "J5:J15": ("whole", "0"),
    }
    assert ws["G5"].number_format == "D/M/YYYY"
    assert ws.page_setup.orientation == "landscape"
    assert int(ws.page_setup.paperSize) == 9  # A4
    assert ws.page_setup.fitToWidth == 1
    assert ws.print_title_rows == "$4:$4"
    assert ws["C5"].alignment.wrap_text


def test_units_and_deadlines_are_chosen_by_name_and_checked(
    workdir: Path, cli: Callable[..., Run]
) -> None:
    r = cli("collect", "form", "--unit", "Văn phòng Sở", "-o", "f/", "--plan", PLAN_REL,
            cwd=workdir)  # fmt: skip
    assert r.code == 0 and (workdir / "f" / "bieu-mau-ngay-khcn-2026-vp.xlsx").exists()
    r = cli("collect", "form", "--unit", "bkhcn", "-o", "f/", "--plan", PLAN_REL, cwd=workdir)
    assert (r.code, r.err) == (2, "Lỗi: đơn vị `bkhcn` không phải báo cáo theo hạn này "
                               "(các mã đơn vị: qlkh, qlcn, qlcng, cds, vp, so-nganh, "
                               "ubnd-xa, truong-vien, và 1 mã khác)\n")  # fmt: skip
    r = cli("collect", "form", "-o", "f/", "--plan", PLAN_REL, cwd=workdir)
    assert (r.code, r.err) == (2, "Lỗi: cần --unit hoặc --each (ví dụ --unit qlkh)\n")
    r = cli("collect", "form", "--each", "-o", "f/", "--plan", PLAN_REL, cwd=workdir)
    assert r.code == 3 and "đã có tệp" in r.err  # never overwritten without --force


@pytest.mark.parametrize(
    "plan",
    [ROOT / "tests/plans/valid/with-results.yaml", ROOT / "tests/render/plans/mini.yaml"],
    ids=lambda p: p.name,
)
def test_forms_for_other_plans_round_trip(
    plan: Path, tmp_path: Path, cli: Callable[..., Run]
) -> None:
    """Another agency's plan: a form for every unit owing its report reads back clean."""
    shutil.copy(plan, tmp_path / plan.name)
    r = cli("collect", "form", "--each", "-o", "f/", "--plan", plan.name, cwd=tmp_path)
    assert r.code == 0, r.err
    forms = sorted((tmp_path / "f").iterdir())
    assert forms
    filled = [str(fill(f, i)) for i, f in enumerate(forms)]
    r = cli("collect", "read", *filled, "--plan", plan.name, "--dry-run", cwd=tmp_path)
    blank = [f for f in forms if openpyxl.load_workbook(f)["Kết quả"].max_row < 5]
    if blank:  # a unit with no activity of its own still returns difficulties and proposals
        assert "form-empty" not in r.out
    assert r.code == 0, r.out
