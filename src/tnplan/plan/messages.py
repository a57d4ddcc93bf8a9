"""Every problem tnplan reports: its stable code, level, and words in Vietnamese and English.

Codes are part of the interface (scripts, tests and the docs rely on them): add new ones,
never rename.  :class:`Reporter` builds :class:`~tnplan.problems.Problem` values from them.
"""

from __future__ import annotations

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
        "kiểm tra thụt lề, dấu hai chấm và dấu ngoặc kép",
        "YAML syntax error: {what}",
        "check indentation, colons and quotes",
    ),
    "too-deep": ("error", "dữ liệu lồng nhau quá sâu", "", "data nested too deeply", ""),
    "alias-expansion": (
        "error",
        "các alias (*) mở rộng thành quá nhiều phần tử",
        "viết trực tiếp dữ liệu thay vì alias lồng nhau",
        "aliases (*) expand to too many nodes",
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
        "thiếu trường bắt buộc `{field}`",
        "thêm `{field}: …`",
        "required field `{field}` is missing",
        "add `{field}: …`",
    ),
    "unknown-field": (
        "error",
        "trường `{field}` không có trong định dạng",
        "{suggest}",
        "unknown field `{field}`",
        "{suggest}",
    ),
    "bad-value": (
        "error",
        "{field}: giá trị `{value}` không hợp lệ",
        "dùng một trong: {allowed}",
        "{field}: `{value}` is not allowed",
        "use one of: {allowed}",
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
        "viết 12/5/2026 (ngày/tháng/năm) hoặc 2026-05-12",
        "{field}: `{value}` is not a valid date: {reason}",
        "write 12/5/2026 (day/month/year) or 2026-05-12",
    ),
    "bad-time": (
        "error",
        "{field}: giờ `{value}` không hợp lệ: {reason}",
        'viết giờ dạng HH:MM, ví dụ "08:30"',
        "{field}: `{value}` is not a valid time: {reason}",
        'write times as HH:MM, e.g. "08:30"',
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
        "mã chỉ gồm chữ không dấu, số, - và _, ví dụ hoi-nghi",
        "id `{value}` is not valid",
        "ids use ASCII letters, digits, - and _, e.g. conference",
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
        "điền nội dung hoặc xóa trường",
        "{field} is empty",
        "fill it in or remove the field",
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
        "ghi một địa chỉ dạng ten@co-quan.gov.vn",
        "e-mail address `{value}` is not valid",
        "write one address such as name@agency.gov.vn",
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

SUGGEST = {"vi": "có phải `{0}`?", "en": "did you mean `{0}`?"}
NO_SUGGEST = {"vi": "xem danh sách mã đã khai báo", "en": "see the ids declared in the plan"}


class Reporter:
    """Collects problems for one file in one language."""

    def __init__(self, file: str, lang: str = "vi") -> None:
        self.file = file
        self.lang = "en" if lang == "en" else "vi"
        self.problems: list[Problem] = []
        self.dropped: set[str] = set()
        """Ids of objects left out for errors already reported (no cascade of unknown ids)."""

    def add(self, at: tuple[int, int], code: str, **kw: object) -> None:
        level, vi, vi_hint, en, en_hint = CATALOGUE[code]
        msg, hint = (en, en_hint) if self.lang == "en" else (vi, vi_hint)
        self.problems.append(
            Problem(self.file, at[0], at[1], level, code, msg.format(**kw), hint.format(**kw))
        )

    def suggest(self, word: str, choices: list[str]) -> str:
        """A "did you mean" hint for ``word`` among ``choices``."""
        from difflib import get_close_matches

        from ..calendar.vi import fold, strip_marks

        keyed = {strip_marks(fold(c)): c for c in choices}
        found = get_close_matches(strip_marks(fold(word)), list(keyed), n=1, cutoff=0.6)
        if found:
            return SUGGEST[self.lang].format(keyed[found[0]])
        return NO_SUGGEST[self.lang]

    def word(self, kind: str) -> str:
        return TYPE_WORDS[self.lang].get(kind, kind)

    def unit(self, kind: str) -> str:
        """The unit of a number field in this language (``đồng``, ``người``, ``phút``)."""
        return UNIT_WORDS[self.lang].get(kind, kind)

    def number(self, n: int) -> str:
        """``25.000.000`` in Vietnamese, ``25,000,000`` in English."""
        text = f"{n:,}"
        return text.replace(",", ".") if self.lang == "vi" else text
