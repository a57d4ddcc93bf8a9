"""Hostile plan contents: broken YAML, wrong types, YAML 1.1 traps, odd text, bad dates and
times, unknown references, alias bombs, unsafe tags, deep nesting, control characters.

Each case is a variant of ``tests/plans/valid/base.yaml`` checked by the real CLI; problems
must come out as ``plan.yaml:line:col: lỗi [code] …``, one a line.
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Callable
from pathlib import Path

import pytest
from _hostile import Case, Result, base, edit, run_case

V = ("validate", "plan.yaml")
STATUS = ("status", "plan.yaml", "--as-of", "14/5/2026")


def variant(old: str, new: str) -> Callable[[], str]:
    return lambda: edit(base(), old, new)


def problem(line: int, col: int, code: str, message: str) -> str:
    """The pattern of one problem line; ``message`` is a regular expression."""
    return rf"plan\.yaml:{line}:{col}: lỗi \[{code}\] {message}"


def syntax(line: int, col: int, what: str, fix: str) -> str:
    """A YAML syntax error: what happened and how to fix it (regular expressions)."""
    return problem(line, col, "yaml-syntax", "lỗi cú pháp YAML: " + what + " — " + fix)


def bomb() -> str:
    """The "billion laughs": ten levels of ten aliases, 10**10 nodes if expanded."""
    lines = ["x0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    lines += [f"x{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 10)]
    return base() + "\n".join(lines) + "\n"


def deep_block(depth: int) -> str:
    """``x:`` then ``depth`` nested block mappings, two spaces an indent."""
    return (
        base() + "x:\n" + "".join("  " * i + "a:\n" for i in range(1, depth)) + "  " * depth + "1\n"
    )


def nested_list(depth: int) -> str:
    """``purposes`` as a list nested ``depth`` deep: inside libyaml's limit, so tnplan sees it."""
    return base() + "purposes: " + "[" * depth + "x" + "]" * depth + "\n"


def json_out(check: Callable[[dict[str, object]], None]) -> Callable[..., None]:
    def run(tmp: Path, before: dict[str, str], after: dict[str, str], r: Result) -> None:
        assert after == before
        check(json.loads(r.out))

    return run


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


def _nfc_everywhere(data: dict[str, object]) -> None:
    text = json.dumps(data, ensure_ascii=False)
    assert unicodedata.is_normalized("NFC", text)
    assert data["units"][0]["name"] == "Văn phòng Sở"


CASES = [
    # YAML syntax errors: each where the broken part is, explained with its fix.
    Case(
        "syntax-unclosed-quote",
        V,
        1,
        (
            syntax(
                28,
                12,
                'dấu ngoặc `"` mở ở dòng 28 không được đóng trên dòng đó',
                'thêm `"` ở cuối giá trị: title: "Hội nghị thử nghiệm"',
            ),
        ),
        variant("title: Hội nghị thử nghiệm", 'title: "Hội nghị thử nghiệm'),
    ),
    Case(
        "syntax-bad-indent",
        V,
        1,
        (
            syntax(
                29,
                4,
                "dòng 29 thụt lề 3 dấu cách, không khớp khóa nào ở trên",
                r"để thuộc mục ở dòng 27, thụt 4 dấu cách như `title` \(dòng 28\); hoặc .*",
            ),
        ),
        variant("    lead: vp\n", "   lead: vp\n"),
    ),
    Case(
        "syntax-unclosed-flow-list",
        V,
        1,
        (
            syntax(
                35,
                17,
                r"`\[` mở ở dòng 35 không được đóng bằng `\]`",
                r"thêm `\]` ở cuối; nếu `\[` là chữ, đặt cả giá trị trong ngoặc kép",
            ),
        ),
        variant("[khach-1]", "[khach-1"),
    ),
    Case(
        "syntax-tab-indent",
        V,
        1,
        (
            syntax(
                29,
                1,
                "dòng 29 thụt lề bằng tab",
                r"thụt lề bằng dấu cách, không dùng tab \(YAML không nhận tab ở đầu dòng\)",
            ),
        ),
        variant("    lead: vp\n", "\tlead: vp\n"),
    ),
    Case(
        "syntax-colon-in-text",
        V,
        1,
        (
            syntax(
                28,
                20,
                r"giá trị của `title` có dấu hai chấm và dấu cách \(`: `\) nên YAML hiểu là một "
                "khóa mới",
                'đặt giá trị trong ngoặc kép: title: "Hội nghị: thử nghiệm"',
            ),
        ),
        variant("title: Hội nghị thử nghiệm", "title: Hội nghị: thử nghiệm"),
    ),
    Case(
        "syntax-undefined-alias",
        V,
        1,
        (
            syntax(
                29,
                11,
                r"bí danh `\*khong-co` chưa được khai báo",
                r"khai báo neo `&khong-co` .*: lead: \"\*khong-co\"",
            ),
        ),
        variant("lead: vp", "lead: *khong-co"),
    ),
    Case(
        "syntax-two-documents",
        V,
        1,
        (
            syntax(
                46,
                1,
                r"tệp có thêm một tài liệu YAML từ dòng 46 \(`---`\)",
                "một tệp một kế hoạch: xóa dòng `---`, hoặc tách phần sau ra tệp khác",
            ),
        ),
        lambda: base() + "---\nformat: tnplan/1\n",
    ),
    Case(
        "syntax-through-status",
        STATUS,
        1,
        (
            r"Lỗi: plan\.yaml:29:1: lỗi cú pháp YAML: dòng 29 thụt lề bằng tab "
            r"\(chạy `tnplan validate plan\.yaml` để xem tất cả\)",
        ),
        variant("    lead: vp\n", "\tlead: vp\n"),
    ),
    # Wrong types, everywhere at once: every one reported, each at its place.
    Case(
        "wrong-types-everywhere",
        V,
        1,
        (
            problem(10, 10, "wrong-type", "title: cần chữ, gặp danh sách"),
            problem(15, 9, "not-a-mapping", "period phải là một bảng `khóa: giá trị`"),
            problem(18, 11, "wrong-type", "name: cần chữ, gặp bảng khóa: giá trị"),
            problem(36, 18, "bad-number", "minutes: `ba mươi` không phải số nguyên hợp lệ.*"),
            problem(43, 12, "wrong-type", "due: cần ngày, gặp danh sách"),
        ),
        lambda: (
            base()
            .replace("  title: Tổ chức hội nghị thử nghiệm", "  title: [a, b]")
            .replace("period:\n  start: 12/5/2026\n  end: 18/5/2026", "period: 12/5/2026")
            .replace("name: Văn phòng Sở", "name: {vi: Văn phòng Sở}")
            .replace(
                "minutes: 30\n      - item: Khai mạc", 'minutes: "ba mươi"\n      - item: Khai mạc'
            )
            .replace("due: 19/6/2026", "due:   [19/6/2026]")
        ),
    ),
    Case(
        "root-is-a-list",
        V,
        1,
        (problem(1, 1, "not-a-mapping", "kế hoạch phải là một bảng `khóa: giá trị`"),),
        "- format: tnplan/1\n- id: thu-nghiem\n",
    ),
    Case(
        "root-is-text",
        V,
        1,
        (problem(1, 1, "not-a-mapping", "kế hoạch phải là một bảng `khóa: giá trị`"),),
        "Kế hoạch tổ chức hội nghị\n",
    ),
    Case(
        "key-is-a-list",
        V,
        1,
        (problem(46, 1, "bad-key", "khóa phải là chữ — viết `khóa: giá trị`"),),
        lambda: base() + "[a, b]: c\n",
    ),
    # Duplicate keys and ids: both lines named.
    Case(
        "duplicate-key",
        V,
        1,
        (
            problem(
                30,
                5,
                "duplicate-key",
                r"khóa `lead` lặp lại \(đã có ở dòng 29\) — giữ một trong hai dòng 29 và 30",
            ),
        ),
        variant("    lead: vp\n", "    lead: vp\n    lead: qlkh\n"),
    ),
    Case(
        "duplicate-id",
        V,
        1,
        (
            problem(
                26, 9, "duplicate-id", r"mã `khach-1` trùng \(đã dùng ở dòng 24\) — đặt mã khác"
            ),
        ),
        variant("activities:\n", "  - id: khach-1\n    name: Lê Văn Cường\nactivities:\n"),
    ),
    # YAML 1.1 traps: never silently a number or a boolean.
    Case(
        "yaml11-8-30-is-a-time",
        ("export", "json", "plan.yaml"),
        0,
        (),
        variant('start: "08:00"', "start: 8:30"),
        check=json_out(lambda d: _assert_equal(d["activities"][0]["event"]["start"], "08:30")),
    ),
    Case(
        "yaml11-no-is-text-in-a-name",
        ("export", "json", "plan.yaml"),
        0,
        (),
        variant("name: Trần Thị Bình", "name: no"),
        check=json_out(lambda d: _assert_equal(d["guests"][0]["name"], "no")),
    ),
    Case(
        "yaml11-no-as-boolean",
        V,
        1,
        (problem(30, 16, "yaml-boolean", "tentative: `no` không phải true/false.*"),),
        variant("    lead: vp\n", "    lead: vp\n    tentative: no\n"),
    ),
    Case(
        "yaml11-012-octal",
        V,
        1,
        (problem(38, 18, "leading-zero", r"minutes: số `012` có số 0 ở đầu \(YAML 1\.1 .*"),),
        variant("minutes: 30\n      - item: Khai", "minutes: 012\n      - item: Khai"),
    ),
    Case(
        "yaml11-1e3-float",
        V,
        1,
        (problem(38, 18, "bad-number", "minutes: `1e3` không phải số nguyên hợp lệ.*"),),
        variant("minutes: 30\n      - item: Khai", "minutes: 1e3\n      - item: Khai"),
    ),
    Case(
        "yaml11-inf",
        V,
        1,
        (problem(38, 18, "bad-number", r"minutes: `\.inf` không phải số nguyên hợp lệ.*"),),
        variant("minutes: 30\n      - item: Khai", "minutes: .inf\n      - item: Khai"),
    ),
    # Unicode normalisation: NFD text is read as NFC, so it matches what was typed elsewhere.
    Case(
        "nfd-whole-file",
        ("export", "json", "plan.yaml"),
        0,
        (),
        lambda: nfd(base()),
        check=json_out(_nfc_everywhere),
    ),
    Case(
        "nfd-mixed-owner-option",
        ("overdue", "plan.yaml", "--as-of", "20/6/2026", "--owner", "Văn phòng Sở"),
        0,
        (),
        variant("name: Văn phòng Sở", "name: " + nfd("Văn phòng Sở")),
        check=lambda tmp, b, a, r: _assert_equal(r.out.splitlines()[0], "Đơn vị: Văn phòng Sở"),
    ),
    Case(
        "nfd-owner-option-nfc-file",
        ("overdue", "plan.yaml", "--as-of", "20/6/2026", "--owner", nfd("Văn phòng Sở")),
        0,
        (),
        check=lambda tmp, b, a, r: _assert_equal(r.out.splitlines()[0], "Đơn vị: Văn phòng Sở"),
    ),
    Case(
        "nfd-id",
        V,
        1,
        (problem(27, 9, "bad-id", "mã `hội-nghị` không hợp lệ.*"),),
        variant("id: hoi-nghi", "id: " + nfd("hội-nghị")),
    ),
    # Impossible and ambiguous dates: day first, always, and real.
    Case(
        "date-31-6",
        V,
        1,
        (problem(45, 10, "bad-date", "due: ngày `31/6/2026` không hợp lệ: .*chỉ có 30 ngày.*"),),
        variant("due: 19/6/2026", "due: 31/6/2026"),
    ),
    Case(
        "date-2026-02-29",
        V,
        1,
        (problem(45, 10, "bad-date", r"due: .*tháng 2 năm 2026 chỉ có 28 ngày.*"),),
        variant("due: 19/6/2026", "due: 2026-02-29"),
    ),
    Case(
        "date-month-first",
        V,
        1,
        (problem(45, 10, "bad-date", r"due: .*tháng 13 không có.*\(có phải 13/5/2026\?\).*"),),
        variant("due: 19/6/2026", "due: 5/13/2026"),
    ),
    Case(
        "date-two-digit-year",
        V,
        1,
        (problem(45, 10, "bad-date", "due: ngày `19/6/26` không hợp lệ: năm '26' không đủ.*"),),
        variant("due: 19/6/2026", "due: 19/6/26"),
    ),
    Case(
        "date-year-9999",
        V,
        1,
        (problem(45, 10, "bad-date", r"due: .*năm 9999 nằm ngoài khoảng .*\(1900–2199\).*"),),
        variant("due: 19/6/2026", "due: 31/12/9999"),
    ),
    Case(
        "date-as-of-impossible",
        ("status", "plan.yaml", "--as-of", "31/6/2026"),
        2,
        (r"Lỗi: --as-of: ngày 31/6/2026 không có thật: tháng 6 chỉ có 30 ngày \(ví dụ .*\)",),
    ),
    Case(
        "date-as-of-year-9999",
        ("export", "html", "plan.yaml", "--as-of", "31/12/9999"),
        2,
        (r"Lỗi: --as-of: năm 9999 nằm ngoài khoảng tnplan hỗ trợ \(1900–2199\) \(ví dụ .*\)",),
    ),
    # Bad times: HH:MM, a real time of day, start before end.
    Case(
        "time-24-00",
        V,
        1,
        (problem(33, 12, "bad-time", "end: giờ `24:00` không hợp lệ.*"),),
        variant('end: "10:00"', 'end: "24:00"'),
    ),
    Case(
        "time-as-number",
        V,
        1,
        (problem(33, 12, "bad-time", "end: giờ `830` không hợp lệ.*"),),
        variant('end: "10:00"', "end: 830"),
    ),
    Case(
        "time-8h30",
        V,
        1,
        (problem(33, 12, "bad-time", "end: giờ `8h30` không hợp lệ.*"),),
        variant('end: "10:00"', "end: 8h30"),
    ),
    Case(
        "time-with-seconds",
        V,
        1,
        (problem(33, 12, "bad-time", "end: giờ `10:00:00` không hợp lệ.*có cả giây.*"),),
        variant('end: "10:00"', 'end: "10:00:00"'),
    ),
    Case(
        "time-end-before-start",
        V,
        1,
        (problem(33, 12, "time-order", "giờ bắt đầu 08:00 không trước giờ kết thúc 07:00"),),
        variant('end: "10:00"', 'end: "07:00"'),
    ),
    # Unknown references, in the plan and on the command line.
    Case(
        "unknown-unit",
        V,
        1,
        (
            problem(
                29,
                11,
                "unknown-unit",
                r"đơn vị `vpp` không có trong `units` — có phải `vp` \(Văn phòng Sở\)\?",
            ),
        ),
        variant("lead: vp", "lead: vpp"),
    ),
    Case(
        "unknown-invitee",
        V,
        1,
        (
            problem(
                35,
                18,
                "unknown-invitee",
                r"khách mời `khach-9` không có .* có phải `khach-1` \(Trần Thị Bình\)\?",
            ),
        ),
        variant("[khach-1]", "[khach-9]"),
    ),
    Case(
        "unknown-owner-option",
        ("overdue", "plan.yaml", "--as-of", "20/6/2026", "--owner", "../khong-co"),
        2,
        (r"Lỗi: không có đơn vị `\.\./khong-co` trong kế hoạch \(.*\)",),
    ),
    # Alias bombs, unsafe tags, deep nesting: refused quickly, nothing constructed or run.
    Case(
        "alias-bomb",
        V,
        1,
        (
            problem(
                52, 5, "alias-expansion", r"các bí danh \(`\*`\) mở rộng thành quá nhiều phần tử.*"
            ),
        ),
        bomb,
    ),
    Case(
        "alias-bomb-through-render",
        ("render", "plan", "plan.yaml", "-o", "out.md"),
        1,
        (r"Lỗi: plan\.yaml:52:5: các bí danh \(`\*`\) mở rộng thành quá nhiều phần tử \(.*\)",),
        bomb,
    ),
    Case(
        "tag-python-object-apply",
        V,
        1,
        (
            problem(
                28, 12, "bad-tag", "thẻ YAML `!!python/object/apply:os.system` không được phép.*"
            ),
        ),
        variant(
            "title: Hội nghị thử nghiệm", 'title: !!python/object/apply:os.system ["touch PWNED"]'
        ),
    ),
    Case(
        "tag-python-name",
        V,
        1,
        (problem(28, 12, "bad-tag", "thẻ YAML `!!python/name:os.system` không được phép.*"),),
        variant("title: Hội nghị thử nghiệm", "title: !!python/name:os.system"),
    ),
    Case(
        "tag-python-object-mapping",
        V,
        1,
        (problem(30, 12, "bad-tag", "thẻ YAML `!!python/object:subprocess.Popen` .*"),),
        variant(
            "    event:\n      date: 15/5/2026",
            "    event: !!python/object:subprocess.Popen\n      date: 15/5/2026",
        ),
    ),
    Case(
        "tag-binary",
        V,
        1,
        (problem(28, 12, "bad-tag", "thẻ YAML `!!binary` không được phép.*"),),
        variant("title: Hội nghị thử nghiệm", "title: !!binary aGVsbG8="),
    ),
    Case(
        "tag-custom",
        V,
        1,
        (problem(28, 12, "bad-tag", "thẻ YAML `!vault` không được phép.*"),),
        variant("title: Hội nghị thử nghiệm", "title: !vault abc"),
    ),
    Case(
        "deep-flow-nesting",
        V,
        1,
        (problem(46, 1003, "too-deep", r"dữ liệu lồng nhau quá sâu \(hơn 1000 cấp\) — .*"),),
        lambda: base() + "x: " + "[" * 100_000 + "]" * 100_000 + "\n",
    ),
    Case(
        "deep-block-nesting",
        V,
        1,
        (problem(1045, 2000, "too-deep", r"dữ liệu lồng nhau quá sâu \(hơn 1000 cấp\) — .*"),),
        lambda: deep_block(5000),
    ),
    Case(
        "deep-nesting-inside-the-limit",
        V,
        1,
        (problem(46, 12, "wrong-type", "purposes: cần chữ, gặp danh sách"),),
        lambda: nested_list(900),
    ),
    # Control characters in text would rewrite the terminal or a printed name.
    Case(
        "control-ansi-escape",
        V,
        1,
        (problem(28, 12, "control-char", "title: có ký tự điều khiển U\\+001B.*"),),
        variant("title: Hội nghị thử nghiệm", r'title: "Hội nghị \e[31mĐỎ\e]0;pwn\a"'),
    ),
    Case(
        "control-nul-escape",
        STATUS,
        1,
        (r"Lỗi: plan\.yaml:25:11: name: có ký tự điều khiển U\+0000 \(.*\)",),
        variant("name: Trần Thị Bình", r'name: "Trần\0Bình"'),
    ),
    Case(
        "control-bidi-override",
        V,
        1,
        (problem(25, 11, "control-char", "name: có ký tự điều khiển U\\+202E.*"),),
        variant("name: Trần Thị Bình", "name: Trần \u202eThị Bình"),
    ),
]


def _assert_equal(got: object, want: object) -> None:
    assert got == want


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_hostile_plan(case: Case, tmp_path: Path, tnplan: Callable[..., Result]) -> None:
    run_case(case, tmp_path, tnplan)
