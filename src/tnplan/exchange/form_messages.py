"""Problems of returned collection forms: codes, levels, words in Vietnamese and English.

A form problem is located at a workbook cell, ``FILE:Sheet!C7``, and printed in the same
one-line shape as a plan problem: ``FILE:Sheet!C7: lỗi [code] message — hint``.  Codes are part
of the interface (``docs/collect.md`` lists them): add new ones, never rename.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..plan.problems import Level

# code: (level, vi message, vi hint, en message, en hint)
FORM_CATALOGUE: dict[str, tuple[Level, str, str, str, str]] = {
    # The file itself.
    "form-unreadable": (
        "error",
        "không đọc được tệp: {reason}",
        "kiểm tra đường dẫn tệp",
        "cannot read the file: {reason}",
        "check the file's path",
    ),
    "form-too-large": (
        "error",
        "tệp quá lớn ({size} MB; biểu mẫu tối đa {max} MB)",
        "biểu mẫu đã điền chỉ vài chục KB: gửi lại tệp biểu mẫu, không chèn ảnh",
        "file too large ({size} MB; a form is at most {max} MB)",
        "a filled form is a few dozen KB: send the form back without pictures",
    ),
    "form-not-xlsx": (
        "error",
        "không phải tệp Excel .xlsx: {what}",
        "mở tệp bằng Excel hoặc LibreOffice rồi lưu dạng Excel 2007-365 (.xlsx)",
        "not an Excel .xlsx workbook: {what}",
        "open it in Excel or LibreOffice and save it as Excel 2007-365 (.xlsx)",
    ),
    "form-corrupt": (
        "error",
        "tệp .xlsx hỏng: {reason}",
        "mở lại bằng Excel rồi lưu lại, hoặc xin đơn vị gửi lại",
        "the .xlsx file is damaged: {reason}",
        "open and save it again in Excel, or ask the unit to resend it",
    ),
    "form-zip-bomb": (
        "error",
        "tệp nén chứa {size} MB dữ liệu (tối đa {max} MB){why}",
        "không mở tệp này; xin đơn vị gửi lại biểu mẫu",
        "the archive unpacks to {size} MB (at most {max} MB){why}",
        "do not open it; ask the unit to send the form again",
    ),
    "form-unsafe": (
        "error",
        "tệp chứa {what}",
        "lưu lại dạng .xlsx thông thường (không macro) rồi gửi lại",
        "the file holds {what}",
        "save it as a plain .xlsx (no macros) and send it again",
    ),
    # Whose form it is.
    "form-not-tnplan": (
        "error",
        "không phải biểu mẫu do tnplan lập (không có trang ẩn `tnplan`)",
        "gửi đơn vị biểu mẫu mới: tnplan collect form --unit <mã>",
        "not a form made by tnplan (no hidden `tnplan` sheet)",
        "send the unit a new form: tnplan collect form --unit <id>",
    ),
    "form-other-plan": (
        "error",
        "biểu mẫu của kế hoạch `{value}`, không phải `{plan}`",
        "đọc biểu mẫu với đúng kế hoạch (--plan), hoặc gửi đơn vị biểu mẫu của kế hoạch này",
        "the form belongs to plan `{value}`, not `{plan}`",
        "read it with its own plan (--plan), or send the unit this plan's form",
    ),
    "form-unknown-unit": (
        "error",
        "biểu mẫu ghi {what} `{value}`, không có trong kế hoạch",
        "gửi đơn vị biểu mẫu mới: tnplan collect form --unit <mã>",
        "the form names {what} `{value}`, which the plan does not have",
        "send the unit a new form: tnplan collect form --unit <id>",
    ),
    "form-stale": (
        "error",
        "kế hoạch đã thay đổi sau khi lập biểu mẫu này (các dòng phải báo cáo không còn như cũ)",
        "gửi đơn vị biểu mẫu mới: tnplan collect form --unit {unit}",
        "the plan changed after this form was made (the rows to report are not the same)",
        "send the unit a new form: tnplan collect form --unit {unit}",
    ),
    "form-twice": (
        "error",
        "{unit} đã nộp biểu mẫu {other}",
        "{fix}",
        "{unit} already returned a form {other}",
        "{fix}",
    ),
    # The sheets.
    "form-missing-sheet": (
        "error",
        "không có trang `{name}`{found}",
        "không đổi tên, không xóa trang của biểu mẫu",
        "no sheet `{name}`{found}",
        "do not rename or delete the form's sheets",
    ),
    "form-extra-sheet": (
        "error",
        "biểu mẫu có thêm trang `{name}`; nội dung trang này sẽ không được đọc",
        "chuyển nội dung vào cột Ghi chú hoặc trang Khó khăn, đề xuất, rồi xóa trang thêm",
        "the form has an extra sheet `{name}`; it would not be read",
        "move its content to the Notes column or the difficulties sheet, then delete it",
    ),
    "form-bad-header": (
        "error",
        "tiêu đề cột là `{got}`, biểu mẫu có `{want}`",
        "không thêm, xóa, đổi tên cột; dùng biểu mẫu mới nếu cần",
        "the column heading is `{got}`, the form has `{want}`",
        "do not add, delete or rename columns; use a new form if needed",
    ),
    "form-too-many-rows": (
        "error",
        "trang có dữ liệu tới dòng {row} (biểu mẫu có {rows} dòng)",
        "xóa các dòng thừa phía dưới bảng",
        "the sheet has data down to row {row} (the form has {rows} rows)",
        "delete the extra rows below the table",
    ),
    "form-merged": (
        "error",
        "các ô {range} bị gộp",
        "bỏ gộp ô (Merge & Center → Unmerge), mỗi ô một giá trị",
        "cells {range} are merged",
        "unmerge them: one value a cell",
    ),
    "form-outside-table": (
        "error",
        "ô ngoài bảng có nội dung `{value}`; nội dung này sẽ không được đọc",
        "chuyển vào cột Ghi chú của dòng tương ứng rồi xóa ô này",
        "a cell outside the table holds `{value}`; it would not be read",
        "move it to the Notes column of its row and clear this cell",
    ),
    # The rows.
    "form-unknown-row": (
        "error",
        "dòng không thuộc biểu mẫu: {what}",
        "không thêm dòng, không sửa cột Mã; việc khác ghi vào cột Ghi chú",
        "a row that is not the form's: {what}",
        "do not add rows or edit the Id column; write other work in the Notes column",
    ),
    "form-duplicate-row": (
        "error",
        "dòng `{key}` lặp lại (đã có ở dòng {first})",
        "giữ một dòng, xóa dòng chép thêm",
        "row `{key}` appears twice (first at row {first})",
        "keep one of the two rows",
    ),
    "form-row-missing": (
        "warning",
        "thiếu dòng `{key}` ({title}); coi như đơn vị không báo cáo việc này",
        "dùng biểu mẫu gốc, không xóa dòng",
        "row `{key}` ({title}) is missing; taken as not reported",
        "use the original form; do not delete rows",
    ),
    "form-empty": (
        "error",
        "biểu mẫu chưa điền: không dòng nào có trạng thái hay kết quả",
        "chọn Trạng thái cho từng dòng (kể cả Chưa thực hiện)",
        "the form is blank: no row has a status or a result",
        "choose a Status for every row (Not done included)",
    ),
    # The cells.
    "form-formula": (
        "error",
        "ô chứa công thức `{value}`",
        "ghi giá trị, không dùng công thức (sao chép → dán giá trị)",
        "the cell holds a formula `{value}`",
        "write the value, not a formula (copy, then paste values)",
    ),
    "form-error-value": (
        "error",
        "ô chứa lỗi Excel `{value}`",
        "ghi giá trị đúng vào ô",
        "the cell holds the Excel error `{value}`",
        "write the right value",
    ),
    "form-bad-status": (
        "error",
        "trạng thái `{value}` không có trong danh sách",
        "chọn một trong: {allowed}",
        "status `{value}` is not in the list",
        "choose one of: {allowed}",
    ),
    "form-bad-date": (
        "error",
        "{field}: `{value}` không phải ngày: {reason}",
        "ghi ngày/tháng/năm, ví dụ 14/5/2026",
        "{field}: `{value}` is not a date: {reason}",
        "write day/month/year, e.g. 14/5/2026",
    ),
    "form-date-in-number": (
        "error",
        "{field}: ô số chứa ngày {value}",
        "ghi số, ví dụ {example}",
        "{field}: a number cell holds the date {value}",
        "write a number, e.g. {example}",
    ),
    "form-not-number": (
        "error",
        "{field}: `{value}` không phải số",
        "chỉ ghi chữ số, không ghi bằng chữ, ví dụ {example}",
        "{field}: `{value}` is not a number",
        "write digits only, not words, e.g. {example}",
    ),
    "form-not-whole": (
        "error",
        "{field}: `{value}` không phải số nguyên",
        "ghi số nguyên, ví dụ {example}",
        "{field}: `{value}` is not a whole number",
        "write a whole number, e.g. {example}",
    ),
    "form-negative": (
        "error",
        "{field}: `{value}` nằm ngoài khoảng cho phép (0 – {max})",
        "kiểm tra lại số",
        "{field}: `{value}` is out of range (0 – {max})",
        "check the number",
    ),
    "form-control-char": (
        "error",
        "{field}: có ký tự điều khiển {char}",
        "xóa ký tự này (thường do chép từ nơi khác)",
        "{field}: contains the control character {char}",
        "delete it (it is often pasted in)",
    ),
}


@dataclass(frozen=True, slots=True)
class FormProblem:
    """One thing wrong (or suspect) in a returned form, at a sheet's cell (or the whole file)."""

    file: str
    sheet: str
    cell: str
    level: Level
    code: str
    message: str
    hint: str = ""

    @property
    def where(self) -> str:
        """``FILE:Sheet!C7`` (``FILE`` alone for a problem of the whole file)."""
        return f"{self.file}:{self.sheet}!{self.cell}" if self.sheet else self.file


_LEVEL_VI = {"error": "lỗi", "warning": "cảnh báo"}


def format_form_problems(problems: list[FormProblem], *, lang: str = "vi") -> str:
    """``FILE:Sheet!C7: lỗi [code] message — hint``, one problem a line."""
    lines = []
    for p in problems:
        level = _LEVEL_VI[p.level] if lang == "vi" else p.level
        line = f"{p.where}: {level} [{p.code}] {p.message}"
        if p.hint:
            line += f" — {p.hint}"
        lines.append(line)
    return "\n".join(lines)


def shown(value: object, limit: int = 40) -> str:
    """A cell's value as a message quotes it: on one line, control characters escaped, short."""
    text = str(value)
    out = []
    for ch in text:
        if ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif not ch.isprintable() and ch != " ":
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(ch)
    flat = "".join(out)
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


class FormReporter:
    """Collects the problems of one form file in one language."""

    def __init__(self, file: str, lang: str = "vi") -> None:
        self.file = shown(file, 500)
        self.lang = "en" if lang == "en" else "vi"
        self.problems: list[FormProblem] = []

    def add(self, sheet: str, cell: str, code: str, **kw: object) -> None:
        level, vi, vi_hint, en, en_hint = FORM_CATALOGUE[code]
        msg, hint = (en, en_hint) if self.lang == "en" else (vi, vi_hint)
        self.problems.append(
            FormProblem(self.file, sheet, cell, level, code, msg.format(**kw), hint.format(**kw))
        )

    @property
    def errors(self) -> bool:
        return any(p.level == "error" for p in self.problems)
