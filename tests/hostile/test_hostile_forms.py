"""Hostile returned forms, read through the real ``tnplan collect read`` as a subprocess.

Each case starts from a valid form of the bundled plan's Phòng Quản lý Khoa học (``qlkh``),
filled as a unit would, and breaks it the way a unit, a mail client or an attacker might.
Every case must give exactly one problem line located at ``FILE:Sheet!C7`` (or at the file,
when the file as a whole is wrong), exit 1 or 3, no traceback, and write nothing.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import shutil
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from _hostile import ROOT, Result, snapshot

BUNDLED = ROOT / "plans" / "ngay-khcn-2026.yaml"
PLAN = "plans/ngay-khcn-2026.yaml"
FORM = "qlkh.xlsx"


def make_form(plan_path: Path) -> bytes:
    from tnplan.exchange.collect import build_form, form_spec, pick_deadline
    from tnplan.plan.check import load_plan

    plan = load_plan(plan_path)
    deadline = pick_deadline(plan, None)
    unit = plan.unit("qlkh")
    assert unit is not None
    return build_form(form_spec(plan, deadline, unit))


def filled(data: bytes, edit: Callable[..., object] | None = None) -> bytes:
    """The form filled in as a unit would (row 8 is activity 4, the Hội thảo it leads)."""
    import openpyxl

    wb = openpyxl.load_workbook(io.BytesIO(data))
    ws = wb["Kết quả"]
    ws["F8"] = "Đã thực hiện"
    ws["G8"] = dt.datetime(2026, 5, 14)
    ws["H8"] = 120
    ws["I8"] = "Kỷ yếu hội thảo\n15 tham luận"
    ws["J8"] = 45000000
    ws["F9"] = "Đã thực hiện"
    ws["G9"] = "6/5/2026"
    wb["Khó khăn, đề xuất"]["B5"] = "Kinh phí cấp chậm"
    if edit is not None:
        edit(wb)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def _set(cell: str, value: object, sheet: str = "Kết quả") -> Callable[..., object]:
    def edit(wb: object) -> None:
        wb[sheet][cell] = value  # type: ignore[index]

    return edit


def _zip(members: dict[str, bytes], first: str | None = None) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        if first:
            zf.writestr(zipfile.ZipInfo(first), members.pop(first), zipfile.ZIP_STORED)
        for name, data in members.items():
            zf.writestr(name, data)
    return out.getvalue()


def _bomb(total_mb: int) -> bytes:
    """A workbook-shaped zip with a sheet of ``total_mb`` MB of spaces (a few hundred KB packed)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("xl/workbook.xml", "<workbook/>")
        with zf.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as fh:
            chunk = b" " * 2**20
            for _ in range(total_mb):
                fh.write(chunk)
    return out.getvalue()


def _replace_member(data: bytes, name: str, change: Callable[[bytes], bytes]) -> bytes:
    src = zipfile.ZipFile(io.BytesIO(data))
    members = {i.filename: src.read(i) for i in src.infolist()}
    members[name] = change(members[name])
    return _zip(members)


@dataclass(frozen=True)
class Case:
    name: str
    build: Callable[[Path, bytes], list[str]]
    """Writes the files to read into the folder; returns the arguments (file names)."""
    code: int
    where: str
    """``Sheet!Cell`` (or empty: the whole file), of the one problem line."""
    problem: str
    file: str = FORM


def _write(name: str, data: bytes) -> Callable[[Path, bytes], list[str]]:
    def build(tmp: Path, form: bytes) -> list[str]:
        (tmp / name).write_bytes(data)
        return [name]

    return build


def _edited(edit: Callable[..., object], name: str = FORM) -> Callable[[Path, bytes], list[str]]:
    def build(tmp: Path, form: bytes) -> list[str]:
        (tmp / name).write_bytes(filled(form, edit))
        return [name]

    return build


def _raw(change: Callable[[bytes], bytes], name: str = FORM) -> Callable[[Path, bytes], list[str]]:
    def build(tmp: Path, form: bytes) -> list[str]:
        (tmp / name).write_bytes(change(filled(form)))
        return [name]

    return build


def _number_in_date(wb: object) -> None:
    cell = wb["Kết quả"]["G8"]  # type: ignore[index]
    cell.value = 46156  # pasted with its format: a plain number, not a date
    cell.number_format = "General"


def _merge(wb: object) -> None:
    wb["Kết quả"].merge_cells("I8:K8")  # type: ignore[index]


def _extra_sheet(wb: object) -> None:
    wb.create_sheet("Ảnh")["A1"] = "ảnh hội thảo"  # type: ignore[attr-defined]


def _rename(wb: object) -> None:
    wb["Kết quả"].title = "Ket qua"  # type: ignore[index]


def _other_plan(wb: object) -> None:
    wb["tnplan"]["B2"] = "ngay-khcn-2025"  # type: ignore[index]


def _added_row(wb: object) -> None:
    ws = wb["Kết quả"]  # type: ignore[index]
    ws["A16"] = "hoi-cho"
    ws["C16"] = "Hội chợ công nghệ"
    ws["F16"] = "Đã thực hiện"


def _blank_key_row(wb: object) -> None:
    ws = wb["Kết quả"]  # type: ignore[index]
    ws["C17"] = "Tọa đàm với doanh nghiệp"
    ws["F17"] = "Đã thực hiện"


def _plain_workbook(tmp: Path, form: bytes) -> list[str]:
    import openpyxl

    wb = openpyxl.Workbook()
    wb.active["A1"] = "Báo cáo"  # type: ignore[index]
    wb.save(tmp / FORM)
    return [FORM]


def _twice(tmp: Path, form: bytes) -> list[str]:
    data = filled(form)
    (tmp / FORM).write_bytes(data)
    (tmp / "qlkh-gui-lai.xlsx").write_bytes(data)
    return [FORM, "qlkh-gui-lai.xlsx"]


def _stale(tmp: Path, form: bytes) -> list[str]:
    """The plan changed after the form was made: a task of the unit was added."""
    plan = tmp / PLAN
    text = plan.read_text(encoding="utf-8")
    old = "      - id: ht-tham-luan-cds\n"
    new = (
        "      - id: ht-ky-yeu\n        title: Biên tập kỷ yếu Hội thảo\n        owner: qlkh\n"
        "        due: 13/5/2026\n" + old
    )
    assert text.count(old) == 1
    plan.write_text(text.replace(old, new), encoding="utf-8")
    (tmp / FORM).write_bytes(filled(form))
    return [FORM]


def _directory(tmp: Path, form: bytes) -> list[str]:
    (tmp / FORM).mkdir()
    return [FORM]


def _ods() -> bytes:
    return _zip(
        {
            "mimetype": b"application/vnd.oasis.opendocument.spreadsheet",
            "content.xml": b"<office:document-content/>",
            "META-INF/manifest.xml": b"<manifest/>",
        },
        first="mimetype",
    )


def _entity(data: bytes) -> bytes:
    def add_dtd(xml: bytes) -> bytes:
        dtd = b'<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">]>'
        if xml.startswith(b"<?xml"):
            decl, rest = xml.split(b"?>", 1)
            return decl + b"?>" + dtd + rest
        return dtd + xml

    return _replace_member(data, "xl/worksheets/sheet2.xml", add_dtd)


def _macro(data: bytes) -> bytes:
    src = zipfile.ZipFile(io.BytesIO(data))
    members = {i.filename: src.read(i) for i in src.infolist()}
    members["xl/vbaProject.bin"] = b"\xd0\xcf\x11\xe0 macro"
    return _zip(members)


CASES = [
    Case("number-as-words", _edited(_set("H8", "một trăm hai mươi")), 1, "Kết quả!H8",
         "form-not-number"),
    Case("date-in-number-cell", _edited(_set("J8", dt.datetime(2026, 5, 14))), 1, "Kết quả!J8",
         "form-date-in-number"),
    Case("number-in-date-cell", _edited(_number_in_date), 1, "Kết quả!G8", "form-bad-date"),
    Case("impossible-date", _edited(_set("G8", "31/6/2026")), 1, "Kết quả!G8", "form-bad-date"),
    Case("decimal-participants", _edited(_set("H8", 12.5)), 1, "Kết quả!H8", "form-not-whole"),
    Case("negative-money", _edited(_set("J8", -4500000)), 1, "Kết quả!J8", "form-negative"),
    Case("status-not-in-list", _edited(_set("F8", "Xong rồi")), 1, "Kết quả!F8",
         "form-bad-status"),
    Case("merged-cells", _edited(_merge), 1, "Kết quả!I8", "form-merged"),
    Case("extra-sheet", _edited(_extra_sheet), 1, "Ảnh!A1", "form-extra-sheet"),
    Case("formula", _edited(_set("J8", "=15000000*3")), 1, "Kết quả!J8", "form-formula"),
    Case("excel-error-value", _edited(_set("J8", "#DIV/0!")), 1, "Kết quả!J8",
         "form-error-value"),
    Case("cell-outside-table", _edited(_set("M8", "ghi thêm bên ngoài")), 1, "Kết quả!M8",
         "form-outside-table"),
    Case("renamed-sheet", _edited(_rename), 1, "", "form-missing-sheet"),
    Case("row-for-unknown-activity", _edited(_added_row), 1, "Kết quả!A16", "form-unknown-row"),
    Case("row-added-without-id", _edited(_blank_key_row), 1, "Kết quả!A17", "form-unknown-row"),
    Case("form-of-another-year", _edited(_other_plan), 1, "tnplan!B2", "form-other-plan"),
    Case("plan-changed-since", _stale, 1, "tnplan!B5", "form-stale"),
    Case("unit-returns-twice", _twice, 1, "tnplan!B4", "form-twice", file="qlkh-gui-lai.xlsx"),
    Case("not-a-tnplan-form", _plain_workbook, 1, "", "form-not-tnplan"),
    Case("xls-given", _write("qlkh.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(4000)), 1,
         "", "form-not-xlsx", file="qlkh.xls"),
    Case("ods-given", _write("qlkh.ods", _ods()), 1, "", "form-not-xlsx", file="qlkh.ods"),
    Case("pdf-given", _write(FORM, b"%PDF-1.7\n" + bytes(100)), 1, "", "form-not-xlsx"),
    Case("empty-file", _write(FORM, b""), 1, "", "form-not-xlsx"),
    Case("truncated", _raw(lambda d: d[: len(d) // 2]), 1, "", "form-corrupt"),
    Case("zip-bomb-size", _write(FORM, _bomb(60)), 1, "", "form-zip-bomb"),
    Case("zip-bomb-ratio", _write(FORM, _bomb(8)), 1, "", "form-zip-bomb"),
    Case("xml-entities", _raw(_entity), 1, "", "form-unsafe"),
    Case("macro", _raw(_macro), 1, "", "form-unsafe"),
    Case("a-folder", _directory, 3, "", "form-unreadable"),
]  # fmt: skip


@pytest.fixture(scope="module")
def form() -> bytes:
    return make_form(BUNDLED)


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_hostile_form(
    case: Case, form: bytes, tmp_path: Path, tnplan: Callable[..., Result]
) -> None:
    (tmp_path / "plans").mkdir()
    shutil.copy(BUNDLED, tmp_path / PLAN)
    files = case.build(tmp_path, form)
    plan_bytes = (tmp_path / PLAN).read_bytes()
    before = snapshot(tmp_path)
    r = tnplan("collect", "read", *files, "--plan", PLAN, "--date", "19/6/2026")
    assert r.code == case.code, f"exit {r.code}\n{r.out}\n{r.err}"
    lines = r.out.splitlines()
    assert len(lines) == 1, lines
    where = f"{case.file}:{case.where}" if case.where else case.file
    pattern = rf"{re.escape(where)}: lỗi \[{case.problem}\] [^\n]+ — [^\n]+"
    assert re.fullmatch(pattern, lines[0]), lines[0]
    assert re.fullmatch(r"\d+ biểu mẫu: 1 lỗi, \d+ cảnh báo; không ghi gì\.\n", r.err), r.err
    assert snapshot(tmp_path) == before, "something was written"
    assert (tmp_path / PLAN).read_bytes() == plan_bytes


def test_the_50_mb_workbook_is_refused_before_it_is_opened(
    form: bytes, tmp_path: Path, tnplan: Callable[..., Result]
) -> None:
    (tmp_path / "plans").mkdir()
    shutil.copy(BUNDLED, tmp_path / PLAN)
    big = tmp_path / FORM
    with zipfile.ZipFile(big, "w", zipfile.ZIP_STORED) as zf:  # incompressible, 50 MB
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("xl/workbook.xml", "<workbook/>")
        zf.writestr("xl/media/image1.png", bytes(range(256)) * (50 * 2**20 // 256))
    before = snapshot(tmp_path)
    r = tnplan("collect", "read", FORM, "--plan", PLAN)
    assert r.code == 1
    assert re.fullmatch(
        rf"{FORM}: lỗi \[form-too-large\] tệp quá lớn \(50 MB; biểu mẫu tối đa 10 MB\) — .+\n",
        r.out,
    ), r.out
    assert snapshot(tmp_path) == before


def test_english_messages(form: bytes, tmp_path: Path, tnplan: Callable[..., Result]) -> None:
    (tmp_path / "plans").mkdir()
    shutil.copy(BUNDLED, tmp_path / PLAN)
    (tmp_path / FORM).write_bytes(filled(form, _set("H8", "một trăm")))
    r = tnplan("collect", "read", FORM, "--plan", PLAN, "--lang", "en")
    assert r.code == 1
    assert r.out == (
        f"{FORM}:Kết quả!H8: error [form-not-number] Số người tham dự: `một trăm` is not a "
        "number — write digits only, not words, e.g. 120\n"
    )
    assert r.err == "1 form: 1 error, 0 warnings; nothing written.\n"


def test_a_missing_file_among_good_ones_stops_everything(
    form: bytes, tmp_path: Path, tnplan: Callable[..., Result]
) -> None:
    (tmp_path / "plans").mkdir()
    shutil.copy(BUNDLED, tmp_path / PLAN)
    (tmp_path / FORM).write_bytes(filled(form))
    before = snapshot(tmp_path)
    r = tnplan("collect", "read", FORM, "khong-co.xlsx", "--plan", PLAN)
    assert r.code == 3
    assert re.fullmatch(r"khong-co\.xlsx: lỗi \[form-unreadable\] .+\n", r.out), r.out
    assert snapshot(tmp_path) == before
