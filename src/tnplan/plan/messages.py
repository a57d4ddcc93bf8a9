"""Every problem tnplan reports: its stable code, level, and words in Vietnamese and English.

Codes are part of the interface (scripts, tests and the docs rely on them): add new ones,
never rename.  :class:`Reporter` builds :class:`~tnplan.problems.Problem` values from them.
"""

from __future__ import annotations

from pathlib import Path

from .problems import Level, Problem

# code: (level, vi message, vi hint, en message, en hint)
CATALOGUE: dict[str, tuple[Level, str, str, str, str]] = {
    # Reading the file.
    "file-too-large": (
        "error",
        "tệp quá lớn ({size} MB; tối đa {max} MB)",
        "",
        "file too large ({size} MB; at most {max} MB)",
        "",
    ),
    "not-a-file": (
        "error",
        "đây là thư mục, không phải tệp kế hoạch",
        "chỉ tên một tệp .yaml",
        "this is a folder, not a plan file",
        "name a .yaml file",
    ),
    "unreadable": (
        "error",
        "không đọc được tệp: {reason}",
        "",
        "cannot read the file: {reason}",
        "",
    ),
    "not-utf8": (
        "error",
        "tệp không phải UTF-8 (byte 0x{byte})",
        "lưu lại tệp với mã hóa UTF-8",
        "the file is not UTF-8 (byte 0x{byte})",
        "save the file as UTF-8",
    ),
    "nul-byte": (
        "error",
        "tệp chứa ký tự NUL",
        "tệp kế hoạch phải là văn bản",
        "the file contains a NUL character",
        "a plan file is text",
    ),
    "empty-file": (
        "error",
        "tệp rỗng",
        "bắt đầu bằng `format: tnplan/1`",
        "the file is empty",
        "start with `format: tnplan/1`",
    ),
    "yaml-syntax": (
        "error",
        "lỗi cú pháp YAML: {what}",
        "{fix}",
        "YAML syntax error: {what}",
        "{fix}",
    ),
    "too-deep": (
        "error",
        "dữ liệu lồng nhau quá sâu (hơn 1000 cấp)",
        "tìm các dấu `[` hoặc `{{` thừa; một kế hoạch không lồng sâu như vậy",
        "data nested too deeply (over 1000 levels)",
        "look for stray `[` or `{{`; no plan nests that deep",
    ),
    "alias-expansion": (
        "error",
        "các bí danh (`*`) mở rộng thành quá nhiều phần tử",
        "viết thẳng dữ liệu thay vì bí danh lồng nhau",
        "aliases (`*`) expand to too many nodes",
        "write the data out instead of nested aliases",
    ),
    "bad-key": (
        "error",
        "khóa phải là chữ",
        "viết `khóa: giá trị`",
        "keys must be text",
        "write `key: value`",
    ),
    "duplicate-key": (
        "error",
        "khóa `{key}` lặp lại (đã có ở dòng {first})",
        "giữ một trong hai dòng {first} và {line}",
        "key `{key}` repeated (first at line {first})",
        "keep one of lines {first} and {line}",
    ),
    "bad-tag": (
        "error",
        "thẻ YAML `{tag}` không được phép",
        "bỏ thẻ `!!…`; kế hoạch chỉ chứa dữ liệu thường",
        "YAML tag `{tag}` is not allowed",
        "remove the `!!…` tag; plans hold plain data",
    ),
    # Shape of the data.
    "not-a-mapping": (
        "error",
        "{field} phải là một bảng `khóa: giá trị`",
        "",
        "{field} must be a mapping of `key: value`",
        "",
    ),
    "wrong-type": (
        "error",
        "{field}: cần {expected}, gặp {got}",
        "{fix}",
        "{field}: expected {expected}, got {got}",
        "{fix}",
    ),
    "missing-field": (
        "error",
        "thiếu trường bắt buộc `{field}`{where}",
        "{fix}",
        "required field `{field}` is missing{where}",
        "{fix}",
    ),
    "unknown-field": (
        "error",
        "trường `{field}` không có trong định dạng{where}",
        "{suggest}",
        "unknown field `{field}`{where}",
        "{suggest}",
    ),
    "bad-value": (
        "error",
        "{field}: giá trị `{value}` không hợp lệ",
        "{fix}",
        "{field}: `{value}` is not allowed",
        "{fix}",
    ),
    "colon-in-text": (
        "error",
        "{field}: chữ có dấu hai chấm và dấu cách (`: `) nên YAML đọc thành cặp `{pair}`",
        "đặt cả chữ trong ngoặc kép: {line}",
        '{field}: the text contains a colon and a space (": "), so YAML read it as the pair '
        "`{pair}`",
        "put the whole text in quotes: {line}",
    ),
    "yaml-boolean": (
        "error",
        "{field}: `{value}` không phải true/false",
        "viết true hoặc false",
        "{field}: `{value}` is not true/false",
        "write true or false",
    ),
    "number-range": (
        "error",
        "{field}: {value} nằm ngoài khoảng cho phép ({low} đến {high})",
        "sửa lại số (số tiền, số người không âm)",
        "{field}: {value} is outside the allowed range ({low} to {high})",
        "correct the number (money and people are never negative)",
    ),
    "bad-merge": (
        "error",
        "`<<` (gộp khóa YAML) cần một bảng hoặc danh sách các bảng, gặp {got}",
        "viết `<<: *ten` với `&ten` đặt trước một bảng `khóa: giá trị`, hoặc xóa dòng này",
        "`<<` (a YAML merge key) needs a mapping or a list of mappings, got {got}",
        "write `<<: *name` where `&name` marks a `key: value` mapping, or delete the line",
    ),
    "leading-zero": (
        "error",
        "{field}: số `{value}` có số 0 ở đầu (YAML 1.1 đọc là số bát phân)",
        "viết số không có số 0 ở đầu, hoặc đặt trong ngoặc kép nếu là chữ",
        "{field}: `{value}` has a leading zero (YAML 1.1 reads it as octal)",
        "drop the leading zero, or quote it if it is text",
    ),
    "bad-number": (
        "error",
        "{field}: `{value}` không phải số nguyên hợp lệ",
        "viết số nguyên, ví dụ 1500000",
        "{field}: `{value}` is not a valid whole number",
        "write a whole number such as 1500000",
    ),
    "bad-date": (
        "error",
        "{field}: ngày `{value}` không hợp lệ: {reason}",
        "{fix}",
        "{field}: `{value}` is not a valid date: {reason}",
        "{fix}",
    ),
    "bad-time": (
        "error",
        "{field}: giờ `{value}` không hợp lệ: {reason}",
        "{fix}",
        "{field}: `{value}` is not a valid time: {reason}",
        "{fix}",
    ),
    "due-time-twice": (
        "error",
        "giờ hạn ghi hai lần khác nhau: `{due}` sau ngày ở `due` và `{time}` ở `time`",
        "giữ một chỗ: xóa `time` hoặc bỏ giờ sau ngày",
        "the due time is written twice, differently: `{due}` after the date in `due` and "
        "`{time}` in `time`",
        "keep one: remove `time`, or the time after the date",
    ),
    "bad-format": (
        "error",
        "định dạng `{value}` không được hỗ trợ",
        "viết `format: tnplan/1`",
        "format `{value}` is not supported",
        "write `format: tnplan/1`",
    ),
    "bad-id": (
        "error",
        "mã `{value}` không hợp lệ",
        "mã chỉ gồm chữ không dấu, số, `-` và `_`, ví dụ `hoi-nghi`",
        "id `{value}` is not valid",
        "ids use letters without marks, digits, `-` and `_`, such as `hoi-nghi`",
    ),
    "bad-docnumber": (
        "error",
        "số văn bản `{value}` không hợp lệ",
        "chỉ ghi phần số, ví dụ 05; phần /KH-SKHCN được thêm khi in",
        "document number `{value}` is not valid",
        "write only the number, e.g. 05; the /KH-SKHCN part is added when printed",
    ),
    "empty-text": (
        "error",
        "{field} để trống",
        "{fix}",
        "{field} is empty",
        "{fix}",
    ),
    "control-char": (
        "error",
        "{field}: có ký tự điều khiển {char}",
        "xóa ký tự này (thường do chép từ nơi khác hoặc viết `\\e`, `\\0` trong ngoặc kép)",
        "{field}: contains the control character {char}",
        "delete it (often pasted in, or written as `\\e`, `\\0` in double quotes)",
    ),
    "bad-timezone": (
        "error",
        "múi giờ `{value}` không có",
        "dùng Asia/Ho_Chi_Minh",
        "unknown time zone `{value}`",
        "use Asia/Ho_Chi_Minh",
    ),
    # References and meaning.
    "duplicate-id": (
        "error",
        "mã `{id}` trùng (đã dùng ở dòng {first})",
        "đặt mã khác",
        "id `{id}` used twice (first at line {first})",
        "choose another id",
    ),
    "unknown-unit": (
        "error",
        "đơn vị `{id}` không có trong `units`",
        "{suggest}",
        "unit `{id}` is not in `units`",
        "{suggest}",
    ),
    "unknown-invitee": (
        "error",
        "khách mời `{id}` không có trong `guests`, `groups` hay `units`",
        "{suggest}",
        "invitee `{id}` is not in `guests`, `groups` or `units`",
        "{suggest}",
    ),
    "unknown-activity": (
        "error",
        "hoạt động `{id}` không có trong `activities`",
        "{suggest}",
        "activity `{id}` is not in `activities`",
        "{suggest}",
    ),
    "unknown-deadline": (
        "error",
        "hạn `{id}` không có trong `deadlines`",
        "{suggest}",
        "deadline `{id}` is not in `deadlines`",
        "{suggest}",
    ),
    "unknown-placeholder": (
        "error",
        "chỗ thay `{{{name}}}` không dùng được ở đây",
        "dùng {allowed}",
        "placeholder `{{{name}}}` cannot be used here",
        "use {allowed}",
    ),
    "group-cycle": (
        "error",
        "nhóm `{id}` chứa lại chính nó: {path}",
        "bỏ một mã khỏi `members` để vòng này không khép lại",
        "group `{id}` contains itself: {path}",
        "remove one id from `members` to break the loop",
    ),
    "start-after-end": (
        "error",
        "ngày bắt đầu {start} sau ngày kết thúc {end}",
        "đổi lại hai ngày",
        "start {start} is after end {end}",
        "swap the dates",
    ),
    "time-order": (
        "error",
        "giờ bắt đầu {start} không trước giờ kết thúc {end}",
        "",
        "start time {start} is not before end time {end}",
        "",
    ),
    "outside-period": (
        "warning",
        "{what} ({start}–{end}) nằm ngoài thời gian kế hoạch {pstart}–{pend}",
        "kiểm tra lại ngày",
        "{what} ({start}–{end}) falls outside the plan period {pstart}–{pend}",
        "check the dates",
    ),
    "event-outside-activity": (
        "error",
        "ngày sự kiện {date} nằm ngoài thời gian hoạt động {start}–{end}",
        "sửa ngày sự kiện hoặc thời gian hoạt động",
        "the event date {date} is outside the activity {start}–{end}",
        "fix the event date or the activity window",
    ),
    "slot-outside-event": (
        "error",
        "mục chương trình {start}–{end} nằm ngoài giờ sự kiện {estart}–{eend}",
        "sửa giờ mục chương trình hoặc giờ sự kiện",
        "programme slot {start}–{end} is outside the event {estart}–{eend}",
        "fix the slot or the event times",
    ),
    "slot-overlap": (
        "error",
        "mục chương trình {start}–{end} chồng lên mục trước ({pstart}–{pend})",
        "dời giờ bắt đầu sau {pend}",
        "programme slot {start}–{end} overlaps the one before ({pstart}–{pend})",
        "start it at {pend} or later",
    ),
    "slot-no-time": (
        "error",
        "không tính được giờ của mục chương trình",
        "ghi `start` cho mục đầu (hoặc giờ bắt đầu sự kiện) và `minutes` hoặc `end` cho từng mục",
        "cannot work out the slot's time",
        "give the first slot (or the event) a start, and each slot minutes or an end",
    ),
    "no-programme-event": (
        "error",
        "hoạt động có chương trình nhưng không có `event`",
        "thêm `event:` với ngày, giờ, địa điểm",
        "the activity has a programme but no `event`",
        "add `event:` with date, time and venue",
    ),
    "receipt-not-owner": (
        "error",
        "đơn vị `{id}` gửi báo cáo nhưng không thuộc `owners` của hạn này",
        "thêm vào `owners` hoặc sửa mã",
        "unit `{id}` reported but is not among this deadline's `owners`",
        "add it to `owners` or fix the id",
    ),
    "receipt-group": (
        "error",
        "`{id}` là một nhóm: báo cáo được ghi nhận theo từng đơn vị thành viên ({members})",
        "mỗi đơn vị đã gửi một dòng `- unit: <mã thành viên>` với ngày nhận của đơn vị đó",
        "`{id}` is a group: reports are recorded per member unit ({members})",
        "one line `- unit: <member id>` per unit that reported, with its own date",
    ),
    "signer-authority": (
        "error",
        "`authority: {authority}` ký thay cho người đứng đầu nhưng thiếu `on_behalf_of`",
        "thêm `on_behalf_of: GIÁM ĐỐC` (chức danh người đứng đầu); in ra: {authority} GIÁM ĐỐC",
        "`authority: {authority}` signs for the head but `on_behalf_of` is missing",
        "add `on_behalf_of: GIÁM ĐỐC` (the head's title); printed: {authority} GIÁM ĐỐC",
    ),
    "signer-collective": (
        "error",
        "`collective: {body}` đã in dòng “TM. {body}” nên `authority` không thể cũng là `TM.`",
        "chủ tịch ký: bỏ `authority` và `on_behalf_of`; phó chủ tịch ký: `authority: KT.`, "
        "`on_behalf_of: CHỦ TỊCH`",
        "`collective: {body}` already prints “TM. {body}”, so `authority` cannot be `TM.` too",
        "the chair signing: remove `authority` and `on_behalf_of`; a vice-chair: "
        "`authority: KT.`, `on_behalf_of: CHỦ TỊCH`",
    ),
    "signer-no-authority": (
        "error",
        "`on_behalf_of: {head}` chỉ dùng với `authority` KT., TL., TM. hoặc TUQ.",
        "thêm `authority: KT.` (ký thay) … hoặc bỏ `on_behalf_of`",
        "`on_behalf_of: {head}` needs an `authority` of KT., TL., TM. or TUQ.",
        "add `authority: KT.` (signing for the head) … or remove `on_behalf_of`",
    ),
    "not-an-event-day": (
        "error",
        "ngày {day} không thuộc các ngày của sự kiện ({first}–{last})",
        "sửa ngày, hoặc `date`/`end_date` của sự kiện",
        "{day} is not one of the event's days ({first}–{last})",
        "fix the day, or the event's `date`/`end_date`",
    ),
    "honour-no-decision": (
        "error",
        "khen thưởng `{name}` đã duyệt (`status: approved`) nhưng thiếu số hoặc ngày quyết định",
        "ghi `decision_number` và `decision_date`, hoặc để `status: proposed`",
        "the honour of `{name}` is approved but its decision number or date is missing",
        "add `decision_number` and `decision_date`, or keep `status: proposed`",
    ),
    "done-no-date": (
        "warning",
        "`status: done` nhưng chưa ghi ngày xong: tính là xong từ ngày hạn",
        "thêm `done_on: <ngày xong>`",
        "`status: done` without a date: counted as done from its due day",
        "add `done_on: <the day it was done>`",
    ),
    "bad-email": (
        "error",
        "địa chỉ thư `{value}` không hợp lệ",
        "ghi một địa chỉ dạng `ten@co-quan.gov.vn`",
        "e-mail address `{value}` is not valid",
        "write one address such as `name@agency.gov.vn`",
    ),
    # Units' results, in the files next to the plan (``<plan>.results/<deadline>/<unit>.yaml``).
    "results-format": (
        "error",
        "tệp kết quả có định dạng `{value}`",
        "viết `format: tnplan-results/1`",
        "the results file has format `{value}`",
        "write `format: tnplan-results/1`",
    ),
    "results-other-plan": (
        "error",
        "tệp kết quả thuộc kế hoạch `{value}`, không phải `{plan}`",
        "chuyển tệp về thư mục kết quả của kế hoạch `{value}`",
        "the results file belongs to plan `{value}`, not `{plan}`",
        "move it to the results folder of plan `{value}`",
    ),
    "results-misplaced": (
        "error",
        "tệp kết quả ghi {field} `{value}` nhưng nằm ở {path}",
        "đặt tệp tại {expected}",
        "the results file says {field} `{value}` but lies at {path}",
        "put it at {expected}",
    ),
    "results-unknown-task": (
        "error",
        "hoạt động `{activity}` không có công việc `{task}`",
        "{suggest}",
        "activity `{activity}` has no task `{task}`",
        "{suggest}",
    ),
    "weekend-deadline": (
        "warning",
        "hạn {date} rơi vào {weekday}",
        "cân nhắc chuyển sang ngày làm việc trước đó ({suggest})",
        "the deadline {date} falls on a {weekday}",
        "consider the working day before ({suggest})",
    ),
    "asked-before-invitation": (
        "warning",
        "{what} hẹn khách mời ngày {asked}, trước ngày ký giấy mời {issued}: khách nhận giấy mời "
        "khi đã quá hạn",
        "lùi hạn sang sau ngày {issued}, hoặc ký giấy mời sớm hơn (`invitation_date`)",
        "{what_en} asks guests for {asked}, before the invitation is signed on {issued}: they "
        "get it too late",
        "move the date after {issued}, or sign the invitation earlier (`invitation_date`)",
    ),
    "holiday-deadline": (
        "warning",
        "hạn {date} rơi vào ngày nghỉ lễ: {holiday}",
        "cân nhắc chuyển sang ngày làm việc trước đó ({suggest})",
        "the deadline {date} falls on a public holiday: {holiday}",
        "consider the working day before ({suggest})",
    ),
    "no-venue": (
        "warning",
        "sự kiện chưa có địa điểm",
        "thêm `venue: …`",
        "the event has no venue",
        "add `venue: …`",
    ),
    "no-time": (
        "warning",
        "sự kiện chưa có giờ",
        'thêm `start: "08:00"`',
        "the event has no time",
        'add `start: "08:00"`',
    ),
    "task-no-owner": (
        "warning",
        "công việc chưa có đơn vị thực hiện",
        "thêm `owner: <mã đơn vị>`",
        "the task has no owner",
        "add `owner: <unit id>`",
    ),
}

TYPE_WORDS = {
    "vi": {
        "text": "chữ",
        "int": "số nguyên",
        "bool": "true/false",
        "date": "ngày",
        "time": "giờ HH:MM",
        "list": "danh sách",
        "mapping": "bảng khóa: giá trị",
        "null": "giá trị rỗng",
        "number": "số",
        "float": "số thập phân",
    },
    "en": {
        "text": "text",
        "int": "a whole number",
        "bool": "true/false",
        "date": "a date",
        "time": "a time HH:MM",
        "list": "a list",
        "mapping": "a mapping",
        "null": "nothing",
        "number": "a number",
        "float": "a decimal number",
    },
}

UNIT_WORDS = {
    "vi": {"money": "đồng", "people": "người", "minutes": "phút", "": ""},
    "en": {"money": "dong", "people": "people", "minutes": "minutes", "": ""},
}


FIXES = {
    # Hints that depend on the case: {name} is filled in by the caller.
    "add-field": ("thêm `{field}: …`{where}", "add `{field}: …`{where}"),
    "fill-field": ("ghi giá trị sau `{field}:`", "write a value after `{field}:`"),
    "fill-required": ("điền nội dung (trường bắt buộc)", "fill it in (the field is required)"),
    "fill-or-remove": ("điền nội dung hoặc xóa trường", "fill it in or remove the field"),
    "fill-or-remove-item": ("điền nội dung hoặc xóa dòng này", "fill it in or delete the line"),
    "in": (" (trong `{label}`)", " (in `{label}`)"),
    "into": (" trong `{label}`", " under `{label}`"),
    "top": (" ở cấp ngoài cùng (không thụt lề)", " at the top level (not indented)"),
    "did-you-mean": ("có phải {0}?", "did you mean {0}?"),
    "one-of": ("có phải một trong: {0}?", "did you mean one of: {0}?"),
    "use-one-of": ("dùng một trong: {0}", "use one of: {0}"),
    "fields-here": ("các trường ở đây: {0}", "the fields here: {0}"),
    "known-ids": ("các mã: {0}", "the ids: {0}"),
    "known-units": ("các mã đơn vị: {0}", "the unit ids: {0}"),
    "known-invitees": (
        "các mã khách mời, nhóm và đơn vị: {0}",
        "the guest, group and unit ids: {0}",
    ),
    "known-activities": ("các mã hoạt động: {0}", "the activity ids: {0}"),
    "known-deadlines": ("các mã hạn báo cáo: {0}", "the deadline ids: {0}"),
    "known-guests": ("các mã khách mời: {0}", "the guest ids: {0}"),
    "none-declared": ("chưa khai báo mã nào", "none is declared"),
    "quote-it": ("đặt trong ngoặc kép", "put it in quotes"),
    "more": ("và {0} mã khác", "and {0} more"),
    "example": ("ví dụ {0}", "for example {0}"),
}


def fix(lang: str, key: str, *args: object, **kw: object) -> str:
    """A hint from :data:`FIXES` in ``lang``."""
    vi, en = FIXES[key]
    return (en if lang == "en" else vi).format(*args, **kw)


COUNTED = {"error": ("lỗi", "error", "errors"), "warning": ("cảnh báo", "warning", "warnings"),
           "file": ("tệp", "file", "files")}  # fmt: skip


def counted(n: int, what: str, lang: str) -> str:
    """``3 lỗi``; ``1 error``, ``2 errors``: a number and its noun, plural in English."""
    vi, one, many = COUNTED[what]
    if lang != "en":
        return f"{n} {vi}"
    return f"{n} {one if n == 1 else many}"


WEEKDAYS_EN = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

_HOLIDAYS_EN = {
    "Tết Dương lịch": "New Year's Day",
    "Tết Âm lịch": "Lunar New Year (Tet)",
    "Giỗ Tổ Hùng Vương": "Hung Kings' Commemoration Day",
    "Ngày Chiến thắng": "Reunification Day",
    "Quốc tế Lao động": "International Labour Day",
    "Quốc khánh": "National Day",
    "Ngày Văn hóa Việt Nam": "Vietnam Culture Day",
}


def holiday_en(label: str) -> str:
    """The English of a holiday label from :mod:`tnplan.calendar.holidays`.

    ``Tết Âm lịch (mùng 2)`` → ``Lunar New Year (Tet) (day 2)``; ``Nghỉ bù Quốc khánh`` →
    ``day off in lieu of National Day``; several on one day are joined with ``; ``.
    """
    import re

    def one(part: str) -> str:
        part = part.strip()
        if part.startswith("Nghỉ bù "):
            names = part[len("Nghỉ bù ") :].split(" và ")
            return "day off in lieu of " + " and ".join(one(n) for n in names)
        swap = re.fullmatch(r"Nghỉ hoán đổi \(làm bù (.+)\)", part)
        if swap:
            return f"day off swapped with a working day ({swap.group(1)})"
        m = re.fullmatch(r"(.+?) \((.+)\)", part)
        base, detail = (m.group(1), m.group(2)) if m else (part, "")
        name = _HOLIDAYS_EN.get(base, base)
        if not detail:
            return name
        d = re.fullmatch(r"mùng (\d+)", detail)
        if d:
            return f"{name} (day {d.group(1)})"
        d = re.fullmatch(r"(\d+) tháng Chạp( nhuận)?", detail)
        if d:
            leap = " leap" if d.group(2) else ""
            return f"{name} (eve: day {d.group(1)} of the 12th{leap} lunar month)"
        return f"{name} ({detail})"

    return "; ".join(one(p) for p in label.split(";"))


_ERRNO_VI = {
    "ENOENT": "không có tệp hoặc thư mục này",
    "EACCES": "không có quyền truy cập",
    "EPERM": "không được phép",
    "EISDIR": "đây là một thư mục",
    "ENOTDIR": "một phần của đường dẫn không phải thư mục",
    "ENAMETOOLONG": "tên quá dài",
    "ELOOP": "liên kết vòng quanh",
    "ENOSPC": "đĩa đã đầy",
    "EROFS": "ổ đĩa chỉ đọc",
    "EEXIST": "đã có",
    "EIO": "lỗi đọc ghi đĩa",
    "ENXIO": "thiết bị không có",
    "EBUSY": "đang được dùng",
    "EMFILE": "mở quá nhiều tệp",
    "EXDEV": "khác ổ đĩa",
    "ETXTBSY": "tệp đang được chạy",
    "EBADF": "luồng đã đóng",
    "EPIPE": "nơi nhận đã đóng",
    "EDQUOT": "vượt hạn mức dung lượng",
}


def os_reason(exc: OSError, lang: str) -> str:
    """Why the system refused a path, in ``lang`` (the system's own words are English)."""
    import errno

    if lang != "en":
        name = errno.errorcode.get(exc.errno or -1, "")
        if name in _ERRNO_VI:
            return _ERRNO_VI[name]
        return f"lỗi hệ thống {name or type(exc).__name__}"
    return exc.strerror or type(exc).__name__


def listed(items: list[str], lang: str, limit: int = 8) -> str:
    """``a, b, c`` with at most ``limit`` items, then how many more."""
    shown = ", ".join(items[:limit])
    if len(items) > limit:
        shown += ", " + fix(lang, "more", len(items) - limit)
    return shown


class Reporter:
    """Collects problems for one file in one language."""

    def __init__(self, file: str, lang: str = "vi") -> None:
        self.file = file
        self.lang = "en" if lang == "en" else "vi"
        self.problems: list[Problem] = []
        self.dropped: set[str] = set()
        """Ids of objects left out for errors already reported (no cascade of unknown ids)."""
        self._source: str | bytes | Path = ""

    @property
    def source(self) -> str:
        """The text of the file, once read: for messages that show a corrected line.

        It may be given as the file's UTF-8 bytes, or as the file itself: a big plan's text
        as a Python string takes twice the file's size, so it is read and decoded only if a
        message needs a line of it."""
        if not isinstance(self._source, str):
            raw = self._source
            if isinstance(raw, Path):
                try:
                    raw = raw.read_bytes()
                except OSError:
                    raw = b""
            if raw.startswith(b"\xef\xbb\xbf"):
                raw = raw[3:]
            self._source = raw.decode("utf-8", "replace")
        return self._source

    @source.setter
    def source(self, value: str | bytes | Path) -> None:
        self._source = value

    def child(self) -> Reporter:
        """A reporter for the same file and language, that collects its own problems."""
        other = Reporter(self.file, self.lang)
        other._source = self._source
        return other

    def add(self, at: tuple[int, int], code: str, **kw: object) -> None:
        level, vi, vi_hint, en, en_hint = CATALOGUE[code]
        msg, hint = (en, en_hint) if self.lang == "en" else (vi, vi_hint)
        self.problems.append(
            Problem(self.file, at[0], at[1], level, code, msg.format(**kw), hint.format(**kw))
        )

    def fix(self, key: str, *args: object, **kw: object) -> str:
        return fix(self.lang, key, *args, **kw)

    def line(self, number: int) -> str:
        """Line ``number`` (1-based) of the file, or ``""``."""
        from .yaml_errors import _LINE_BREAK

        start = 0
        for _ in range(number - 1):
            m = _LINE_BREAK.search(self.source, start)
            if m is None:
                return ""
            start = m.end()
        m = _LINE_BREAK.search(self.source, start)
        return self.source[start : m.start() if m else len(self.source)]

    def suggest(self, word: str, choices: list[str]) -> str:
        """A "did you mean" hint for ``word`` among ``choices`` (else the choices)."""
        found = close_ids(word, {c: c for c in choices})
        if found:
            return self.did_you_mean([f"`{c}`" for c in found])
        return self.fix("known-ids", listed(choices, self.lang))

    def did_you_mean(self, shown: list[str]) -> str:
        if len(shown) == 1:
            return self.fix("did-you-mean", shown[0])
        return self.fix("one-of", ", ".join(shown))

    def suggest_id(self, ref: str, known: dict[str, str], kind: str) -> str:
        """For an unknown reference: the ids it may mean (several where a name fits several
        units), else the ids declared."""
        found = close_ids(ref, known)
        if found:
            return self.did_you_mean(
                [f"`{i}` ({_short(known[i])})" if known[i] != i else f"`{i}`" for i in found]
            )
        if not known:
            return self.fix("none-declared")
        plural = {"activity": "activities"}.get(kind, kind + "s")
        return self.fix(f"known-{plural}", listed(list(known), self.lang))

    def suggest_field(self, word: str, cls: str, fields: list[str]) -> str:
        from .field_words import suggest_field

        return self.field_hint(suggest_field(word, cls, fields), fields)

    def field_hint(self, found: list[str], fields: list[str]) -> str:
        """ "có phải `start`?" for the fields found, else the fields there are."""
        if found:
            return self.did_you_mean([f"`{f}`" for f in found])
        return self.fix("fields-here", ", ".join(fields))

    def suggest_value(self, word: str, choices: tuple[str, ...]) -> str:
        from .field_words import suggest_value

        found = suggest_value(word, choices)
        allowed = ", ".join(choices)
        if found:
            return self.did_you_mean([f"`{v}`" for v in found])
        return self.fix("use-one-of", allowed)

    def word(self, kind: str) -> str:
        return TYPE_WORDS[self.lang].get(kind, kind)

    def unit(self, kind: str) -> str:
        """The unit of a number field in this language (``đồng``, ``người``, ``phút``)."""
        return UNIT_WORDS[self.lang].get(kind, kind)

    def number(self, n: int) -> str:
        """``25.000.000`` in Vietnamese, ``25,000,000`` in English."""
        text = f"{n:,}"
        return text.replace(",", ".") if self.lang == "vi" else text


def _short(name: str, limit: int = 40) -> str:
    """A name cut to about ``limit`` characters at a word, with ``…``: a hint stays a line."""
    if len(name) <= limit:
        return name
    cut = name[:limit].rsplit(" ", 1)[0].rstrip(" ,;:–-")
    return cut + " …"


def close_ids(word: str, known: dict[str, str]) -> list[str]:
    """The ids in ``known`` (id → name) that ``word`` most likely means, best first.

    An id or a name written with another case or without marks is the one; a part of a name
    names every unit whose name holds it (``Phòng Quản lý`` → both ``Phòng Quản lý …``);
    otherwise the closest spellings of ids and names.
    """
    from difflib import SequenceMatcher, get_close_matches

    from ..calendar.vi import fold, strip_marks

    def key(text: str) -> str:
        return " ".join(strip_marks(fold(text)).replace("-", " ").replace("_", " ").split())

    wanted = key(word)
    if not wanted:
        return []
    for oid, name in known.items():
        if wanted in (key(oid), key(name)):
            return [oid]
    if len(wanted) >= 3:
        holding = [oid for oid, name in known.items() if wanted in key(name) or wanted in key(oid)]
        if holding:
            return holding[:6]
    keyed: dict[str, str] = {}
    for oid, name in known.items():
        keyed.setdefault(key(oid), oid)
        keyed.setdefault(key(name), oid)
    close = get_close_matches(wanted, list(keyed), n=6, cutoff=0.6)
    if not close and len(wanted) >= 4:  # a slip in the first part of a long id (`hoi-ngi`)
        starts = {k[: len(wanted) + 1]: k for k in keyed}
        close = [starts[c] for c in get_close_matches(wanted, list(starts), n=6, cutoff=0.75)]
        if close:
            return list(dict.fromkeys(keyed[c] for c in close))[:6]
    if not close:
        return []
    best = SequenceMatcher(None, wanted, close[0]).ratio()
    out: list[str] = []
    for c in close:
        if SequenceMatcher(None, wanted, c).ratio() >= best - 0.05 and keyed[c] not in out:
            out.append(keyed[c])
    return out[:6]
