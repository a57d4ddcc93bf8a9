"""Collection forms: an Excel workbook out to each unit that owes a report, its results back.

Out (:func:`make_forms`): one ``.xlsx`` per unit, made with openpyxl, with four sheets:

* ``Hướng dẫn`` — the plan, the unit, the deadline, whom to send it to, how to fill it in;
* ``Kết quả`` — one row per activity the unit leads, supports or is assigned, and per task it
  owns; the unit fills status (from a list), the date, participants, outputs, money spent and
  notes (each column validated); headings and the Id column are locked; A4 landscape;
* ``Khó khăn, đề xuất`` — difficulties and proposals, one a row;
* ``tnplan`` (very hidden) — the plan id, deadline, unit and a fingerprint of the rows, so a
  returned form knows where it belongs and whether the plan changed since.

Back (:func:`read_forms`): each returned workbook is checked *before* openpyxl sees it (size,
file type, the zip's declared sizes and ratios, DTDs and macros), then cell by cell; every
problem is a :class:`~tnplan.exchange.form_messages.FormProblem` at ``FILE:Sheet!C7``.  When no
form has an error, each becomes a results file beside the plan (:mod:`tnplan.plan.results`),
written with :func:`~tnplan.documents.render.write_atomic`; the plan file is never touched.
Reading the same form again changes nothing.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import re
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..calendar import vi
from ..documents.render import Output
from ..plan import model
from ..plan.check import expand_units
from ..plan.problems import TnplanError
from ..plan.results import results_file, task_keys
from .form_messages import FormProblem, FormReporter, shown

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

FORM_FORMAT = "tnplan-form/1"
SHEET_COVER = "Hướng dẫn"
SHEET_RESULTS = "Kết quả"
SHEET_ISSUES = "Khó khăn, đề xuất"
SHEET_META = "tnplan"
SHEETS = (SHEET_COVER, SHEET_RESULTS, SHEET_ISSUES, SHEET_META)
HEADER_ROW = 4
FIRST_ROW = 5
ISSUE_ROWS = 20

MAX_FORM_BYTES = 10 * 2**20
"""A filled form is tens of kilobytes; a larger file is refused before it is opened."""
MAX_UNPACKED = 40 * 2**20
"""The zip's declared sizes may add up to this much (openpyxl holds the workbook in memory)."""
MAX_RATIO = 200
"""A member may unpack to at most this many times its packed size (XML packs ~10–30×)."""
MAX_MEMBERS = 500
MAX_NUMBER = 10**15
MAX_TEXT = 5000

STATUS_LABELS: dict[str, str] = {
    "done": "Đã thực hiện",
    "in_progress": "Đang thực hiện",
    "planned": "Chưa thực hiện",
    "postponed": "Tạm hoãn",
    "cancelled": "Không thực hiện",
}
_STATUS_BY_LABEL = {vi.fold(label): code for code, label in STATUS_LABELS.items()}

# Columns of the results sheet: (letter, heading, width, filled by the unit).
COLUMNS: tuple[tuple[str, str, float, bool], ...] = (
    ("A", "Mã", 13, False),
    ("B", "TT", 5, False),
    ("C", "Hoạt động, công việc", 42, False),
    ("D", "Vai trò", 10, False),
    ("E", "Hạn", 11, False),
    ("F", "Trạng thái", 15, True),
    ("G", "Ngày thực hiện", 12, True),
    ("H", "Số người tham dự", 10, True),
    ("I", "Kết quả, sản phẩm", 30, True),
    ("J", "Kinh phí đã chi (đồng)", 14, True),
    ("K", "Ghi chú, đánh giá", 26, True),
)
ISSUE_COLUMNS: tuple[tuple[str, str, float, bool], ...] = (
    ("A", "TT", 6, False),
    ("B", "Khó khăn, vướng mắc", 62, True),
    ("C", "Đề xuất, kiến nghị", 62, True),
)
ROLE_WORDS = {
    "lead": "Chủ trì",
    "support": "Phối hợp",
    "assigned": "Được giao",
    "owner": "Thực hiện",
}


def _t(lang: str, vi_text: str, en_text: str) -> str:
    return vi_text if lang == "vi" else en_text


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def row_height(texts: Sequence[tuple[str, float]], size: float = 12) -> float:
    """A row tall enough for its wrapped texts (``(text, column width)``), in points.

    Spreadsheet programs do not size rows to wrapped text when they open a file, so the form
    sets each height; a Times character is about one column-width unit wide.
    """
    import math

    lines = 1
    for text, width in texts:
        per_line = max(int(width * 1.1) - 1, 1)
        count = sum(max(1, math.ceil(len(part) / per_line)) for part in text.split("\n"))
        lines = max(lines, count)
    return round(lines * size * 1.3 + 4, 1)


# --- what a unit reports on ------------------------------------------------------------------


@dataclass(frozen=True)
class FormRow:
    """One row of a unit's form: an activity, or one of its tasks."""

    key: str
    """``hoi-thao`` for an activity, ``hoi-thao/ht-noi-dung`` (or ``hoi-thao/#3``) for a task."""
    activity: str
    task: str | None
    number: str
    title: str
    role: str
    due: dt.date | None


@dataclass(frozen=True)
class FormSpec:
    """Everything one unit's form states: the plan, the deadline, the unit, its rows."""

    plan: model.Plan
    deadline: model.Deadline
    unit: model.Unit
    rows: tuple[FormRow, ...]

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.plan.id, self.deadline, self.unit.id, self.rows)


def fingerprint(plan_id: str, deadline: model.Deadline, unit: str, rows: Sequence[FormRow]) -> str:
    """A short hash of what the form asks: it changes when the plan changes the unit's rows."""
    data = {
        "plan": plan_id,
        "deadline": deadline.id,
        "due": deadline.due.isoformat(),
        "unit": unit,
        "rows": [[r.key, r.title, r.role] for r in rows],
    }
    text = json.dumps(data, ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def collection_deadlines(plan: model.Plan) -> list[model.Deadline]:
    """Deadlines by which units report to the agency (not the agency's own upward reports)."""

    def upward(d: model.Deadline) -> bool:
        units = [plan.unit(u) for u in d.to]
        return bool(units) and all(u is not None and u.kind == "external" for u in units)

    return [d for d in plan.deadlines if d.owners and not upward(d)]


def pick_deadline(plan: model.Plan, wanted: str | None, lang: str = "vi") -> model.Deadline:
    """The deadline ``--deadline`` names, or the plan's only collection deadline."""
    if wanted is not None:
        found = plan.deadline(wanted)
        if found is None:
            known = ", ".join(d.id for d in plan.deadlines) or "—"
            raise TnplanError(
                _t(lang, f"không có hạn báo cáo `{wanted}`", f"no deadline `{wanted}`"),
                hint=_t(lang, f"các hạn: {known}", f"deadlines: {known}"),
                exit_code=2,
            )
        return found
    candidates = collection_deadlines(plan)
    if len(candidates) == 1:
        return candidates[0]
    if not candidates:
        raise TnplanError(
            _t(
                lang,
                "kế hoạch không có hạn nào các đơn vị phải báo cáo (`deadlines` với `owners`)",
                "the plan has no deadline for units to report by (`deadlines` with `owners`)",
            ),
            exit_code=1,
        )
    known = ", ".join(d.id for d in candidates)
    raise TnplanError(
        _t(lang, "kế hoạch có nhiều hạn báo cáo", "the plan has several deadlines"),
        hint=_t(lang, f"chọn một với --deadline: {known}", f"choose one with --deadline: {known}"),
        exit_code=2,
    )


def owing_units(plan: model.Plan, deadline: model.Deadline) -> list[model.Unit]:
    """The units that owe ``deadline`` (groups expanded), in the order the plan names them."""
    out = []
    for uid in expand_units(plan, deadline.owners):
        unit = plan.unit(uid)
        if unit is not None:
            out.append(unit)
    return out


def find_unit(plan: model.Plan, units: Sequence[model.Unit], text: str, lang: str) -> model.Unit:
    """The unit ``--unit`` names (id, name or short name, any case or Unicode form)."""
    want = vi.fold(vi.nfc(text).strip())
    for u in units:
        if want in {vi.fold(u.id), vi.fold(u.name), vi.fold(u.short or u.id)}:
            return u
    from ..plan.messages import Reporter

    suggestion = Reporter("", lang).suggest_id(text, {u.id: u.name for u in units}, "unit")
    known = plan.unit(text)
    msg = (
        _t(
            lang,
            f"đơn vị `{text}` không phải báo cáo theo hạn này",
            f"unit `{text}` does not owe this report",
        )
        if known is not None
        else _t(lang, f"không có đơn vị `{text}`", f"no unit `{text}`")
    )
    raise TnplanError(msg, hint=suggestion, exit_code=2)


def form_rows(plan: model.Plan, unit: str) -> list[FormRow]:
    """The activities ``unit`` leads, supports or is assigned, and the tasks it owns."""
    assigned: set[str] = set()
    for r in plan.responsibilities:
        if unit in expand_units(plan, r.units):
            assigned.update(r.activities)
    rows: list[FormRow] = []
    for a in plan.activities:
        number = str(a.number) if a.number is not None else ""
        _start, end = plan.activity_window(a)
        role = None
        if a.lead and unit in expand_units(plan, [a.lead]):
            role = "lead"
        elif unit in expand_units(plan, a.support):
            role = "support"
        elif a.id in assigned:
            role = "assigned"
        if role is not None:
            rows.append(FormRow(a.id, a.id, None, number, a.title, ROLE_WORDS[role], end))
        for n, (key, t) in enumerate(task_keys(a).items(), start=1):
            if t.owner and unit in expand_units(plan, [t.owner]):
                sub = f"{number}.{n}" if number else str(n)
                rows.append(
                    FormRow(f"{a.id}/{key}", a.id, key, sub, t.title, ROLE_WORDS["owner"], t.due)
                )
    return rows


def form_spec(plan: model.Plan, deadline: model.Deadline, unit: model.Unit) -> FormSpec:
    return FormSpec(plan, deadline, unit, tuple(form_rows(plan, unit.id)))


# --- forms out -------------------------------------------------------------------------------


def form_name(plan: model.Plan, unit: model.Unit) -> str:
    """``bieu-mau-ngay-khcn-2026-qlkh.xlsx``: a safe file name from ids."""
    return f"bieu-mau-{vi.slug(plan.id, 60)}-{vi.slug(unit.id, 40)}.xlsx"


def make_forms(
    plan: model.Plan,
    *,
    unit: str | None = None,
    each: bool = False,
    deadline: str | None = None,
    lang: str = "vi",
) -> list[Output]:
    """The forms of one unit (``unit``) or of every unit owing the deadline (``each``)."""
    target = pick_deadline(plan, deadline, lang)
    units = owing_units(plan, target)
    if each:
        chosen = units
    elif unit is not None:
        chosen = [find_unit(plan, units, unit, lang)]
    else:
        raise TnplanError(
            _t(lang, "cần --unit hoặc --each", "--unit or --each is needed"),
            hint=_t(lang, "ví dụ --unit qlkh", "e.g. --unit qlkh"),
            exit_code=2,
        )
    return [Output(form_name(plan, u), build_form(form_spec(plan, target, u))) for u in chosen]


def _contact_text(plan: model.Plan, deadline: model.Deadline) -> tuple[str, str]:
    """Whom the unit sends its report to, and whom to ask: names, e-mail, phone."""
    to_names = []
    for uid in deadline.to:
        u = plan.unit(uid)
        if u is not None:
            to_names.append(u.name + (f" ({u.email})" if u.email else ""))
    send_to = "; ".join(to_names) or plan.document.agency_name
    first = plan.unit(deadline.to[0]) if deadline.to else None
    drafting = plan.unit(plan.document.drafting_unit) if plan.document.drafting_unit else None
    who = first or drafting
    contact = who.contact if who is not None else None
    bits = []
    if contact is not None:
        bits += [x for x in (contact.person, contact.phone, contact.email) if x]
    if not bits and who is not None:
        bits.append(who.name + (f", {who.email}" if who.email else ""))
    return send_to, ", ".join(bits) or plan.document.agency_name


def instructions(spec: FormSpec) -> list[str]:
    """How to fill the form in, in Vietnamese (the cover sheet)."""
    labels = ", ".join(STATUS_LABELS.values())
    return [
        f"Trang “{SHEET_RESULTS}”: mỗi dòng là một hoạt động đơn vị chủ trì, phối hợp hoặc được "
        "giao, hoặc một công việc đơn vị thực hiện. Chỉ điền các cột nền trắng, từ Trạng thái "
        "đến Ghi chú.",
        f"Trạng thái: chọn trong danh sách ({labels}).",
        "Ngày thực hiện: ngày tổ chức hoặc hoàn thành, ghi ngày/tháng/năm, ví dụ 14/5/2026.",
        "Số người tham dự, Kinh phí đã chi: chỉ ghi chữ số, ví dụ 120 hoặc 15000000; không ghi "
        "bằng chữ, không dùng công thức.",
        "Kết quả, sản phẩm: mỗi kết quả một dòng trong ô (Alt+Enter để xuống dòng).",
        f"Trang “{SHEET_ISSUES}”: mỗi khó khăn, mỗi đề xuất một dòng.",
        "Không thêm, xóa, gộp dòng hay cột; không đổi tên, không thêm trang. Việc khác ngoài "
        "danh sách ghi vào cột Ghi chú.",
        "Lưu tệp dạng Excel (.xlsx), giữ nguyên tên tệp, gửi lại qua thư điện tử trước hạn.",
    ]


def build_form(spec: FormSpec) -> bytes:
    """The workbook of one unit's form, as .xlsx bytes."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
    from openpyxl.worksheet.datavalidation import DataValidation

    plan, deadline, unit = spec.plan, spec.deadline, spec.unit
    font = "Times New Roman"
    normal = Font(name=font, size=12)
    bold = Font(name=font, size=12, bold=True)
    small = Font(name=font, size=9, color="666666")
    wrap = Alignment(wrap_text=True, vertical="top")
    centre = Alignment(horizontal="center", vertical="center", wrap_text=True)
    grey = PatternFill("solid", fgColor="F2F2F2")
    head_fill = PatternFill("solid", fgColor="DDEBF7")
    thin = Side(style="thin", color="999999")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)
    unlocked = Protection(locked=False)

    wb = Workbook()
    cover = wb.active
    assert cover is not None
    cover.title = SHEET_COVER
    results = wb.create_sheet(SHEET_RESULTS)
    issues = wb.create_sheet(SHEET_ISSUES)
    meta = wb.create_sheet(SHEET_META)
    meta.sheet_state = "veryHidden"

    def page(ws: Worksheet, landscape: bool, title_rows: str | None = None) -> None:
        ws.page_setup.paperSize = ws.PAPERSIZE_A4
        ws.page_setup.orientation = "landscape" if landscape else "portrait"
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0
        from openpyxl.worksheet.properties import PageSetupProperties

        ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
        ws.page_margins.left = ws.page_margins.right = 0.5
        ws.page_margins.top = ws.page_margins.bottom = 0.6
        if title_rows:
            ws.print_title_rows = title_rows
        ws.protection.sheet = True
        ws.protection.formatColumns = False  # widths and heights may change, content may not
        ws.protection.formatRows = False

    # Cover: what the form is and how to fill it in.
    send_to, contact = _contact_text(plan, deadline)
    cover.column_dimensions["A"].width = 22
    cover.column_dimensions["B"].width = 86
    cover["A1"] = plan.document.parent
    cover["A1"].font = normal
    cover["A2"] = plan.document.agency
    cover["A2"].font = bold
    cover["A4"] = "BIỂU MẪU BÁO CÁO KẾT QUẢ"
    cover["A4"].font = Font(name=font, size=14, bold=True)
    cover["A5"] = deadline.title
    cover["A5"].font = Font(name=font, size=12, italic=True)
    facts = [
        ("Kế hoạch", f"Kế hoạch {_lower_first(plan.document.title)}"),
        ("Đơn vị báo cáo", unit.name),
        ("Hạn gửi", f"{vi.weekday(deadline.due, True)}, {vi.date_short(deadline.due)}"),
        ("Gửi về", send_to),
        ("Liên hệ", contact),
    ]
    row = 7
    for label, value in facts:
        cover.cell(row, 1, label).font = bold
        cover.cell(row, 1).alignment = wrap
        cell = cover.cell(row, 2, value)
        cell.font = normal
        cell.alignment = wrap
        cover.row_dimensions[row].height = row_height([(value, 86)])
        row += 1
    row += 1
    cover.cell(row, 1, "Cách điền").font = bold
    cover.cell(row, 1).alignment = wrap
    for i, text in enumerate(instructions(spec), start=1):
        line = f"{i}. {text}"
        cover.cell(row, 2, line).font = normal
        cover.cell(row, 2).alignment = wrap
        cover.row_dimensions[row].height = row_height([(line, 86)])
        row += 1
    row += 1
    code = f"Mã biểu mẫu: {plan.id} · {deadline.id} · {unit.id} · {spec.fingerprint}"
    cover.cell(row, 1, code).font = small
    page(cover, landscape=False)

    # Results: one row per activity or task.
    ws = results
    ws["A1"] = f"KẾT QUẢ THỰC HIỆN — {unit.name.upper()}"
    ws["A1"].font = Font(name=font, size=13, bold=True)
    ws["A2"] = f"{deadline.title} (hạn {vi.date_short(deadline.due)})"
    ws["A2"].font = Font(name=font, size=12, italic=True)
    ws["A3"] = (
        "Chỉ điền các ô nền trắng; không sửa cột Mã, không thêm hay xóa dòng. "
        f"Cách điền: xem trang “{SHEET_COVER}”."
    )
    ws["A3"].font = small
    for letter, heading, width, _ in COLUMNS:
        ws.column_dimensions[letter].width = width
        cell = ws[f"{letter}{HEADER_ROW}"]
        cell.value = heading
        cell.font = bold
        cell.alignment = centre
        cell.fill = head_fill
        cell.border = box
    for i, r in enumerate(spec.rows):
        n = FIRST_ROW + i
        values: list[Any] = [r.key, r.number, r.title, r.role, r.due]
        for col, value in enumerate(values, start=1):
            cell = ws.cell(n, col, value)
            cell.font = small if col == 1 else (bold if r.task is None and col == 3 else normal)
            cell.fill = grey
            cell.alignment = wrap
            cell.border = box
        ws.cell(n, 5).number_format = "D/M/YYYY"
        for col in range(6, len(COLUMNS) + 1):
            cell = ws.cell(n, col)
            cell.font = normal
            cell.alignment = wrap
            cell.border = box
            cell.protection = unlocked
        ws.cell(n, 7).number_format = "D/M/YYYY"
        ws.cell(n, 8).number_format = "0"
        ws.cell(n, 10).number_format = "#,##0"
        # Room for the title, and for two lines of what the unit writes.
        ws.row_dimensions[n].height = max(
            row_height([(r.title, COLUMNS[2][2]), (r.key, COLUMNS[0][2] * 1.2)]), 36
        )
    ws.row_dimensions[HEADER_ROW].height = row_height([("Kinh phí đã chi (đồng)", 14)])
    last = FIRST_ROW + max(len(spec.rows), 1) - 1
    labels = ",".join(STATUS_LABELS.values())
    validations = [
        DataValidation(
            type="list",
            formula1=f'"{labels}"',
            allow_blank=True,
            sqref=f"F{FIRST_ROW}:F{last}",
            errorTitle="Trạng thái",
            error="Chọn một trạng thái trong danh sách.",
        ),
        DataValidation(
            type="date",
            operator="between",
            formula1="DATE(2000,1,1)",
            formula2="DATE(2100,12,31)",
            allow_blank=True,
            sqref=f"G{FIRST_ROW}:G{last}",
            errorTitle="Ngày thực hiện",
            error="Ghi ngày/tháng/năm, ví dụ 14/5/2026.",
        ),
        DataValidation(
            type="whole",
            operator="between",
            formula1="0",
            formula2="1000000",
            allow_blank=True,
            sqref=f"H{FIRST_ROW}:H{last}",
            errorTitle="Số người tham dự",
            error="Ghi một số nguyên, ví dụ 120.",
        ),
        DataValidation(
            type="whole",
            operator="between",
            formula1="0",
            formula2=str(MAX_NUMBER),
            allow_blank=True,
            sqref=f"J{FIRST_ROW}:J{last}",
            errorTitle="Kinh phí đã chi",
            error="Ghi số tiền bằng chữ số (đồng), ví dụ 15000000.",
        ),
    ]
    for dv in validations:
        dv.showErrorMessage = True
        ws.add_data_validation(dv)
    ws.freeze_panes = f"D{FIRST_ROW}"
    page(ws, landscape=True, title_rows=f"{HEADER_ROW}:{HEADER_ROW}")

    # Difficulties and proposals.
    ws = issues
    ws["A1"] = f"KHÓ KHĂN, VƯỚNG MẮC VÀ ĐỀ XUẤT, KIẾN NGHỊ — {unit.name.upper()}"
    ws["A1"].font = Font(name=font, size=13, bold=True)
    ws["A2"] = "Mỗi ý một dòng."
    ws["A2"].font = small
    for letter, heading, width, _ in ISSUE_COLUMNS:
        ws.column_dimensions[letter].width = width
        cell = ws[f"{letter}{HEADER_ROW}"]
        cell.value = heading
        cell.font = bold
        cell.alignment = centre
        cell.fill = head_fill
        cell.border = box
    for i in range(ISSUE_ROWS):
        n = FIRST_ROW + i
        ws.cell(n, 1, i + 1).font = normal
        ws.cell(n, 1).fill = grey
        ws.cell(n, 1).border = box
        for col in (2, 3):
            cell = ws.cell(n, col)
            cell.font = normal
            cell.alignment = wrap
            cell.border = box
            cell.protection = unlocked
        ws.row_dimensions[n].height = 36
    page(ws, landscape=True, title_rows=f"{HEADER_ROW}:{HEADER_ROW}")

    # Where the form belongs: read back by read_forms.
    for i, (key, value) in enumerate(
        (
            ("format", FORM_FORMAT),
            ("plan", plan.id),
            ("deadline", deadline.id),
            ("unit", unit.id),
            ("fingerprint", spec.fingerprint),
            ("rows", str(len(spec.rows))),
        ),
        start=1,
    ):
        meta.cell(i, 1, key)
        meta.cell(i, 2, value)
    meta.protection.sheet = True

    props = wb.properties
    props.title = f"Biểu mẫu báo cáo kết quả — {unit.name}"
    props.subject = f"Kế hoạch {plan.document.title}"
    props.creator = "tnplan"
    props.keywords = f"{FORM_FORMAT} {plan.id} {deadline.id} {unit.id} {spec.fingerprint}"
    wb.active = 1  # opens on the results sheet
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


# --- forms back ------------------------------------------------------------------------------


@dataclass
class FormReading:
    """One returned form, read: its problems and, when it has no error, what it reports."""

    path: Path
    problems: list[FormProblem]
    unit: model.Unit | None = None
    deadline: model.Deadline | None = None
    fingerprint: str = ""
    sha256: str = ""
    rows: list[model.ResultRow] = field(default_factory=list)
    difficulties: list[str] = field(default_factory=list)
    proposals: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not any(p.level == "error" for p in self.problems)


@dataclass
class Record:
    """What reading a form will record: the results file, and whether it is new."""

    reading: FormReading
    target: Path
    text: str
    state: str  # "new", "same" (already recorded), "replaced"
    received: dt.date


@dataclass
class Collected:
    """The outcome of reading a batch of forms."""

    readings: list[FormReading]
    records: list[Record]

    @property
    def problems(self) -> list[FormProblem]:
        return [p for r in self.readings for p in r.problems]

    @property
    def ok(self) -> bool:
        return all(r.ok for r in self.readings)

    @property
    def unreadable(self) -> bool:
        return any(p.code == "form-unreadable" for p in self.problems)


_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_XML_DANGER = (b"<!DOCTYPE", b"<!ENTITY")


def _preflight(data: bytes, rep: FormReporter) -> bool:
    """Check the bytes before openpyxl parses them: file type, zip sizes, DTDs, macros."""
    if data.startswith(_OLE2):
        rep.add(
            "",
            "",
            "form-not-xlsx",
            what=_t(
                rep.lang,
                "tệp Excel 97-2003 (.xls) hoặc tệp có đặt mật khẩu",
                "an Excel 97-2003 (.xls) file, or a password-protected one",
            ),
        )
        return False
    if not data.startswith(b"PK\x03\x04"):
        head = data[:5]
        what = (
            _t(rep.lang, "tệp rỗng", "the file is empty")
            if not data
            else _t(rep.lang, "tệp HTML hoặc XML", "an HTML or XML file")
            if head.lstrip().startswith(b"<")
            else _t(rep.lang, "tệp PDF", "a PDF file")
            if head.startswith(b"%PDF")
            else _t(rep.lang, "nội dung không phải bảng tính", "not a spreadsheet")
        )
        rep.add("", "", "form-not-xlsx", what=what)
        return False
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        infos = zf.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError) as exc:
        rep.add("", "", "form-corrupt", reason=shown(exc, 80))
        return False
    names = {i.filename for i in infos}
    if "mimetype" in names:
        kind = zf.read("mimetype")[:100] if zf.getinfo("mimetype").file_size < 200 else b""
        if b"opendocument" in kind:
            rep.add(
                "",
                "",
                "form-not-xlsx",
                what=_t(rep.lang, "tệp OpenDocument (.ods)", "an .ods file"),
            )
            return False
    if "[Content_Types].xml" not in names or "xl/workbook.xml" not in names:
        rep.add(
            "",
            "",
            "form-not-xlsx",
            what=_t(rep.lang, "tệp nén không chứa bảng tính", "a zip holding no workbook"),
        )
        return False
    total = sum(i.file_size for i in infos)
    ratio = max((i.file_size / max(i.compress_size, 1) for i in infos if i.file_size), default=0)
    if len(infos) > MAX_MEMBERS or total > MAX_UNPACKED or ratio > MAX_RATIO:
        why = ""
        if ratio > MAX_RATIO:
            why = _t(rep.lang, f"; nén {ratio:.0f} lần", f"; packed {ratio:.0f} times")
        elif len(infos) > MAX_MEMBERS:
            why = _t(rep.lang, f"; {len(infos)} tệp con", f"; {len(infos)} members")
        rep.add(
            "",
            "",
            "form-zip-bomb",
            size=max(total // 2**20, 1) if total > MAX_UNPACKED or ratio > MAX_RATIO else 0,
            max=MAX_UNPACKED // 2**20,
            why=why,
        )
        return False
    if any(n.lower().endswith("vbaproject.bin") for n in names):
        rep.add("", "", "form-unsafe", what=_t(rep.lang, "macro (VBA)", "macros (VBA)"))
        return False
    try:
        for info in infos:
            if info.filename.endswith((".xml", ".rels", ".vml")):
                with zf.open(info) as fh:
                    head = fh.read(4096)  # a DTD comes before the root element
                if any(d in head for d in _XML_DANGER):
                    rep.add(
                        "",
                        "",
                        "form-unsafe",
                        what=_t(
                            rep.lang,
                            f"khai báo DTD/ENTITY trong {info.filename}",
                            f"a DTD/ENTITY declaration in {info.filename}",
                        ),
                    )
                    return False
    except (zipfile.BadZipFile, OSError, EOFError, RuntimeError, ValueError) as exc:
        rep.add("", "", "form-corrupt", reason=shown(exc, 80))
        return False
    return True


def _load_workbook(data: bytes, rep: FormReporter) -> Any:
    import warnings

    from openpyxl import load_workbook

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl warns about extensions it drops
            return load_workbook(io.BytesIO(data), data_only=False, keep_links=False)
    except Exception as exc:  # openpyxl raises many kinds on a damaged file
        rep.add("", "", "form-corrupt", reason=shown(f"{type(exc).__name__}: {exc}", 100))
        return None


def _cell_problem(ws_title: str, coord: str, cell: Any, rep: FormReporter) -> bool:
    """Report a formula or an Excel error value; True if the cell is fine."""
    value = cell.value
    if cell.data_type == "f" or type(value).__name__ in ("ArrayFormula", "DataTableFormula"):
        text = getattr(value, "text", value)
        rep.add(ws_title, coord, "form-formula", value=shown(text))
        return False
    if cell.data_type == "e":
        rep.add(ws_title, coord, "form-error-value", value=shown(value))
        return False
    return True


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_NUMBER_TEXT = re.compile(r"[+-]?\d{1,3}(?:([.,\s])\d{3})(?:\1\d{3})*\Z|[+-]?\d+\Z")
_CURRENCY = re.compile(r"\s*(?:đồng|đ|vnđ|vnd)\.?\s*\Z", re.IGNORECASE)


def _text(sheet: str, coord: str, label: str, value: Any, rep: FormReporter) -> str | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        text = vi.date_short(value.date())
    elif isinstance(value, float) and value.is_integer():
        text = str(int(value))
    else:
        text = str(value)
    text = vi.nfc(text).replace("\r\n", "\n").replace("\r", "\n").strip()
    found = _CONTROL.search(text)
    if found:
        rep.add(sheet, coord, "form-control-char", field=label, char=f"U+{ord(found.group()):04X}")
        return None
    return text[:MAX_TEXT] or None


def _number(
    sheet: str, coord: str, label: str, value: Any, example: str, rep: FormReporter
) -> int | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    number: int | None = None
    if isinstance(value, bool):
        rep.add(sheet, coord, "form-not-number", field=label, value=value, example=example)
        return None
    if isinstance(value, (dt.datetime, dt.date)):
        day = value.date() if isinstance(value, dt.datetime) else value
        rep.add(
            sheet, coord, "form-date-in-number", field=label, value=vi.date_short(day),
            example=example,
        )  # fmt: skip
        return None
    if isinstance(value, dt.time):
        rep.add(sheet, coord, "form-not-number", field=label, value=value, example=example)
        return None
    if isinstance(value, int):
        number = value
    elif isinstance(value, float):
        if not value.is_integer():
            rep.add(sheet, coord, "form-not-whole", field=label, value=value, example=example)
            return None
        number = int(value)
    else:
        text = _CURRENCY.sub("", vi.nfc(str(value)).strip())
        if _NUMBER_TEXT.match(text):
            number = int(re.sub(r"[.,\s]", "", text))
        elif re.fullmatch(r"[+-]?\d+[.,]\d+", text):
            rep.add(
                sheet, coord, "form-not-whole", field=label, value=shown(value), example=example
            )
            return None
        else:
            rep.add(
                sheet, coord, "form-not-number", field=label, value=shown(value), example=example
            )
            return None
    if number < 0 or number > MAX_NUMBER:
        rep.add(sheet, coord, "form-negative", field=label, value=number, max=vi.number(MAX_NUMBER))
        return None
    return number


def _date(sheet: str, coord: str, label: str, value: Any, rep: FormReporter) -> dt.date | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    day: dt.date | None = None
    if isinstance(value, dt.datetime):
        day = value.date()
    elif isinstance(value, dt.date):
        day = value
    elif isinstance(value, str):
        try:
            day = vi.parse_date(vi.nfc(value).strip())
        except ValueError as exc:
            rep.add(sheet, coord, "form-bad-date", field=label, value=shown(value), reason=exc)
            return None
    else:
        reason = _t(
            rep.lang,
            "ô chứa số hoặc giờ, không phải ngày",
            "the cell holds a number or a time, not a date",
        )
        rep.add(sheet, coord, "form-bad-date", field=label, value=shown(value), reason=reason)
        return None
    if not 2000 <= day.year <= 2100:
        reason = _t(rep.lang, "năm phải từ 2000 đến 2100", "the year must be 2000–2100")
        rep.add(sheet, coord, "form-bad-date", field=label, value=vi.date_short(day), reason=reason)
        return None
    return day


def _outputs(text: str | None) -> list[str]:
    if not text:
        return []
    parts = re.split(r"\s*(?:\n|;)\s*", text)
    return [p.strip(" -•\t") for p in parts if p.strip(" -•\t")]


def _merged(ws: Any, rep: FormReporter) -> bool:
    bad = [r for r in ws.merged_cells.ranges if r.max_row >= FIRST_ROW]
    for r in bad[:1]:
        rep.add(ws.title, r.coord.split(":")[0], "form-merged", range=r.coord)
    return not bad


def _headers(ws: Any, columns: Sequence[tuple[str, str, float, bool]], rep: FormReporter) -> bool:
    for letter, heading, _, _ in columns:
        got = ws[f"{letter}{HEADER_ROW}"].value
        if vi.fold(vi.nfc(str(got or "")).strip()) != vi.fold(heading):
            rep.add(
                ws.title,
                f"{letter}{HEADER_ROW}",
                "form-bad-header",
                got=shown(got if got is not None else ""),
                want=heading,
            )
            return False
    return True


def _bounds(ws: Any, max_row: int, max_col: int, rep: FormReporter) -> bool:
    """No content below ``max_row`` or right of ``max_col`` (and not too much to scan)."""
    from openpyxl.utils import get_column_letter

    if ws.max_row > max_row + 200 or ws.max_column > max_col + 50:
        rep.add(
            ws.title,
            f"A{ws.max_row}",
            "form-too-many-rows",
            row=ws.max_row,
            rows=max_row,
        )
        return False
    ok = True
    for row in ws.iter_rows(min_row=1, max_row=ws.max_row, max_col=ws.max_column):
        for cell in row:
            if cell.value is None or (isinstance(cell.value, str) and not cell.value.strip()):
                continue
            if cell.column > max_col:
                coord = f"{get_column_letter(cell.column)}{cell.row}"
                rep.add(ws.title, coord, "form-outside-table", value=shown(cell.value))
                return False
    return ok


def read_form(plan: model.Plan, path: Path, *, lang: str = "vi") -> FormReading:
    """Check one returned form against the plan; never raises for a bad file."""
    rep = FormReporter(str(path), lang)
    reading = FormReading(path, rep.problems)
    try:
        if path.is_dir():
            raise IsADirectoryError(21, _t(lang, "đây là thư mục", "this is a folder"))
        info = path.stat()
        if not path.is_file():
            raise OSError(0, _t(lang, "không phải tệp thường", "not a regular file"))
        if info.st_size > MAX_FORM_BYTES:
            rep.add(
                "",
                "",
                "form-too-large",
                size=info.st_size // 2**20,
                max=MAX_FORM_BYTES // 2**20,
            )
            return reading
        data = path.read_bytes()
    except OSError as exc:
        rep.add("", "", "form-unreadable", reason=exc.strerror or type(exc).__name__)
        return reading
    reading.sha256 = hashlib.sha256(data).hexdigest()
    if not _preflight(data, rep):
        return reading
    wb = _load_workbook(data, rep)
    if wb is None:
        return reading
    names = list(wb.sheetnames)
    if SHEET_META not in names:
        rep.add("", "", "form-not-tnplan")
        return reading
    meta = wb[SHEET_META]
    values = {str(meta.cell(r, 1).value): meta.cell(r, 2).value for r in range(1, 8)}  # key → value
    rows_at = {str(meta.cell(r, 1).value): f"B{r}" for r in range(1, 8)}
    if values.get("format") != FORM_FORMAT:
        rep.add("", "", "form-not-tnplan")
        return reading
    form_plan = str(values.get("plan") or "")
    if form_plan != plan.id:
        rep.add(
            SHEET_META, rows_at.get("plan", "B2"), "form-other-plan", value=form_plan, plan=plan.id
        )
        return reading
    deadline = plan.deadline(str(values.get("deadline") or ""))
    if deadline is None:
        rep.add(
            SHEET_META,
            rows_at.get("deadline", "B3"),
            "form-unknown-unit",
            what=_t(lang, "hạn báo cáo", "the deadline"),
            value=shown(values.get("deadline") or ""),
        )
        return reading
    units = owing_units(plan, deadline)
    unit = next((u for u in units if u.id == values.get("unit")), None)
    if unit is None:
        rep.add(
            SHEET_META,
            rows_at.get("unit", "B4"),
            "form-unknown-unit",
            what=_t(lang, "đơn vị phải báo cáo", "the reporting unit"),
            value=shown(values.get("unit") or ""),
        )
        return reading
    reading.unit, reading.deadline = unit, deadline
    spec = form_spec(plan, deadline, unit)
    reading.fingerprint = str(values.get("fingerprint") or "")
    if reading.fingerprint != spec.fingerprint:
        rep.add(SHEET_META, rows_at.get("fingerprint", "B5"), "form-stale", unit=unit.id)
        return reading
    for sheet in (SHEET_COVER, SHEET_RESULTS, SHEET_ISSUES):
        if sheet not in names:
            extra = [n for n in names if n not in SHEETS]
            found = (
                _t(lang, f" (có trang `{extra[0]}`)", f" (there is a sheet `{extra[0]}`)")
                if extra
                else ""
            )
            rep.add("", "", "form-missing-sheet", name=sheet, found=found)
            return reading
    for name in names:
        if name not in SHEETS:
            rep.add(name, "A1", "form-extra-sheet", name=name)
    if rep.errors:
        return reading
    _read_results(wb[SHEET_RESULTS], spec, reading, rep)
    _read_issues(wb[SHEET_ISSUES], reading, rep)
    if not rep.errors and not reading.rows and not reading.difficulties and not reading.proposals:
        rep.add(SHEET_RESULTS, f"F{FIRST_ROW}", "form-empty")
    return reading


def _read_results(ws: Any, spec: FormSpec, reading: FormReading, rep: FormReporter) -> None:
    sheet = ws.title
    expected = {r.key: r for r in spec.rows}
    last = FIRST_ROW + len(spec.rows) - 1
    if not _headers(ws, COLUMNS, rep) or not _merged(ws, rep):
        return
    if not _bounds(ws, max(last, HEADER_ROW), len(COLUMNS), rep):
        return
    seen: dict[str, int] = {}
    labels = ", ".join(STATUS_LABELS.values())
    examples = {8: "120", 10: "15000000"}
    for n in range(FIRST_ROW, ws.max_row + 1):
        cells = [ws.cell(n, c) for c in range(1, len(COLUMNS) + 1)]
        raw_key = cells[0].value
        key = str(raw_key).strip() if raw_key is not None else ""
        row = expected.get(key)
        if row is not None and key not in seen:
            seen[key] = n
        elif row is not None:
            rep.add(sheet, f"A{n}", "form-duplicate-row", key=key, first=seen[key])
            continue
        if not all(_cell_problem(sheet, c.coordinate, c, rep) for c in cells):
            continue
        filled = [c.value for c in cells[5:] if c.value is not None and str(c.value).strip()]
        if not key:
            if filled or any(c.value is not None and str(c.value).strip() for c in cells[1:5]):
                what = _t(rep.lang, "dòng thêm, không có mã", "an added row with no id")
                title = cells[2].value
                if title:
                    what += f" (`{shown(title)}`)"
                rep.add(sheet, f"A{n}", "form-unknown-row", what=what)
            continue
        if row is None:
            what = _t(rep.lang, f"mã `{shown(key)}` không có", f"unknown id `{shown(key)}`")
            rep.add(sheet, f"A{n}", "form-unknown-row", what=what)
            continue
        status_value = cells[5].value
        status: str | None = None
        if status_value is not None and str(status_value).strip():
            status = _STATUS_BY_LABEL.get(vi.fold(vi.nfc(str(status_value)).strip()))
            if status is None:
                rep.add(
                    sheet, f"F{n}", "form-bad-status", value=shown(status_value), allowed=labels
                )
        held_on = _date(sheet, f"G{n}", COLUMNS[6][1], cells[6].value, rep)
        participants = _number(sheet, f"H{n}", COLUMNS[7][1], cells[7].value, examples[8], rep)
        outputs = _outputs(_text(sheet, f"I{n}", COLUMNS[8][1], cells[8].value, rep))
        spent = _number(sheet, f"J{n}", COLUMNS[9][1], cells[9].value, examples[10], rep)
        notes = _text(sheet, f"K{n}", COLUMNS[10][1], cells[10].value, rep)
        if not filled:
            continue
        reading.rows.append(
            model.ResultRow(
                activity=row.activity,
                task=row.task,
                status=status,  # type: ignore[arg-type]
                held_on=held_on,
                participants=participants,
                outputs=outputs,
                spent=spent,
                notes=notes,
            )
        )
    for key, row in expected.items():
        if key not in seen:
            rep.add(
                sheet, "A" + str(FIRST_ROW), "form-row-missing", key=key, title=shown(row.title)
            )


def _read_issues(ws: Any, reading: FormReading, rep: FormReporter) -> None:
    sheet = ws.title
    if not _headers(ws, ISSUE_COLUMNS, rep) or not _merged(ws, rep):
        return
    if not _bounds(ws, FIRST_ROW + ISSUE_ROWS - 1, len(ISSUE_COLUMNS), rep):
        return
    for n in range(FIRST_ROW, ws.max_row + 1):
        for col, label, out in (
            (2, ISSUE_COLUMNS[1][1], reading.difficulties),
            (3, ISSUE_COLUMNS[2][1], reading.proposals),
        ):
            cell = ws.cell(n, col)
            if not _cell_problem(sheet, cell.coordinate, cell, rep):
                continue
            text = _text(sheet, cell.coordinate, label, cell.value, rep)
            if text:
                out.append(text)


# --- recording -------------------------------------------------------------------------------


def results_yaml(
    plan: model.Plan, reading: FormReading, received: dt.date, revised: dt.date | None
) -> str:
    """The results file of one form: readable YAML, as ``tnplan validate`` reads it back."""
    import yaml

    assert reading.unit is not None and reading.deadline is not None
    data: dict[str, Any] = {
        "format": model.RESULTS_FORMAT,
        "plan": plan.id,
        "deadline": reading.deadline.id,
        "unit": reading.unit.id,
        "date": vi.date_short(received),
    }
    if revised is not None:
        data["revised"] = vi.date_short(revised)
    data["form"] = reading.path.name
    data["sha256"] = reading.sha256
    data["fingerprint"] = reading.fingerprint
    rows = []
    for r in reading.rows:
        item: dict[str, Any] = {"activity": r.activity}
        if r.task is not None:
            item["task"] = r.task
        if r.status is not None:
            item["status"] = r.status
        if r.held_on is not None:
            item["held_on"] = vi.date_short(r.held_on)
        if r.participants is not None:
            item["participants"] = r.participants
        if r.outputs:
            item["outputs"] = list(r.outputs)
        if r.spent is not None:
            item["spent"] = r.spent
        if r.notes is not None:
            item["notes"] = r.notes
        rows.append(item)
    data["rows"] = rows
    if reading.difficulties:
        data["difficulties"] = reading.difficulties
    if reading.proposals:
        data["proposals"] = reading.proposals
    head = (
        f"# Kết quả do {reading.unit.name} báo cáo, ghi bởi `tnplan collect read` "
        f"từ biểu mẫu {reading.path.name}.\n"
        "# Định dạng: docs/plan-format.md (Tệp kết quả của đơn vị); kiểm tra: tnplan validate.\n"
    )
    body = yaml.safe_dump(
        data, allow_unicode=True, sort_keys=False, width=100, default_flow_style=False
    )
    return head + body


def _same_content(old: model.UnitResults, reading: FormReading) -> bool:
    return (
        old.rows == reading.rows
        and old.difficulties == reading.difficulties
        and old.proposals == reading.proposals
    )


def read_forms(
    plan: model.Plan,
    plan_path: Path,
    files: Sequence[Path],
    *,
    received: dt.date,
    replace: bool = False,
    lang: str = "vi",
) -> Collected:
    """Read every form; when none has an error, say what each will record (nothing written)."""
    readings = [read_form(plan, f, lang=lang) for f in files]
    # A unit returning two forms in one batch, or a different form after one was recorded.
    first: dict[tuple[str, str], FormReading] = {}
    recorded = {(r.deadline, r.unit): r for r in plan.reports}
    records: list[Record] = []
    for reading in readings:
        if not reading.ok or reading.unit is None or reading.deadline is None:
            continue
        key = (reading.deadline.id, reading.unit.id)
        rep = FormReporter(str(reading.path), lang)
        rep.problems = reading.problems
        if key in first:
            rep.add(
                SHEET_META,
                "B4",
                "form-twice",
                unit=reading.unit.name,
                other=_t(lang, f"trong tệp {first[key].path}", f"in {first[key].path}"),
                fix=_t(lang, "chỉ đọc một trong hai tệp", "read only one of the two files"),
            )
            continue
        first[key] = reading
        old = recorded.get(key)
        target = results_file(plan_path, reading.deadline.id, reading.unit.id)
        if old is not None and (old.sha256 == reading.sha256 or _same_content(old, reading)):
            records.append(Record(reading, target, "", "same", old.date))
            continue
        if old is not None and not replace:
            rep.add(
                SHEET_META,
                "B4",
                "form-twice",
                unit=reading.unit.name,
                other=_t(
                    lang,
                    f"ngày {vi.date_short(old.date)} ({old.form or target.name}), số liệu khác",
                    f"on {vi.date_short(old.date)} ({old.form or target.name}), with other figures",
                ),
                fix=_t(
                    lang,
                    "nếu đây là bản sửa của đơn vị, thêm --replace",
                    "if the unit sent a correction, add --replace",
                ),
            )
            continue
        first_date = old.date if old is not None else received
        revised = received if old is not None else None
        text = results_yaml(plan, reading, first_date, revised)
        records.append(
            Record(reading, target, text, "replaced" if old is not None else "new", first_date)
        )
    ok = all(r.ok for r in readings)
    return Collected(readings, records if ok else [])


def record(collected: Collected, *, lang: str = "vi") -> list[Path]:
    """Write the results files of a batch that has no error (each one atomically)."""
    from ..documents.render import write_atomic

    written = []
    for rec in collected.records:
        if rec.state == "same":
            continue
        try:
            rec.target.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise TnplanError(
                _t(
                    lang,
                    f"không tạo được thư mục {rec.target.parent}: {exc.strerror}",
                    f"cannot create {rec.target.parent}: {exc.strerror}",
                ),
                exit_code=3,
            ) from None
        write_atomic(rec.target, rec.text.encode("utf-8"), force=rec.state == "replaced", lang=lang)
        written.append(rec.target)
    return written


@dataclass(frozen=True)
class Totals:
    rows: int
    done: int
    participants: int
    spent: int


def totals(rows: Sequence[model.ResultRow]) -> Totals:
    """What a unit's rows add up to (activities and tasks done, people, money)."""
    return Totals(
        rows=len(rows),
        done=sum(1 for r in rows if r.status == "done"),
        participants=sum(r.participants or 0 for r in rows),
        spent=sum(r.spent or 0 for r in rows),
    )
