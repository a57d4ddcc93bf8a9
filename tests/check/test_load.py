"""The loader and the validate command: file-level problems, YAML traps, exit codes."""

from __future__ import annotations

import subprocess
import sys
import unicodedata
from pathlib import Path
from typing import BinaryIO

import pytest

from tnplan.plan import load
from tnplan.plan.check import check_file

BASE = Path(__file__).resolve().parent.parent / "plans" / "valid" / "base.yaml"


def write(tmp_path: Path, text: str, name: str = "plan.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def codes(path: Path) -> list[tuple[str, int, int]]:
    return [(p.code, p.line, p.col) for p in check_file(path).problems]


def test_missing_file_exits_3(cli, tmp_path: Path) -> None:
    r = cli("validate", str(tmp_path / "khong-co.yaml"))
    assert r.code == 3
    assert r.err == f"Lỗi: không có tệp hoặc thư mục {tmp_path / 'khong-co.yaml'}\n"
    assert "Traceback" not in r.out + r.err


def test_folder_is_validated_file_by_file(cli, tmp_path: Path) -> None:
    write(tmp_path, BASE.read_text(encoding="utf-8"), "a.yaml")
    write(tmp_path, BASE.read_text(encoding="utf-8").replace("lead: vp", "lead: vpp"), "b.yaml")
    r = cli("validate", str(tmp_path))
    assert r.code == 1
    assert r.out == (
        f"{tmp_path / 'b.yaml'}:29:11: lỗi [unknown-unit] đơn vị `vpp` không có trong `units`"
        " — có phải `vp` (Văn phòng Sở)?\n"
    )
    assert r.err == "2 tệp: 1 lỗi, 0 cảnh báo\n"


def test_valid_plan_exits_0_with_summary(cli) -> None:
    r = cli("validate", str(BASE))
    assert (r.code, r.out, r.err) == (0, "1 tệp: 0 lỗi, 0 cảnh báo\n", "")


def test_strict_turns_warnings_into_failure(cli, tmp_path: Path) -> None:
    path = write(tmp_path, BASE.read_text(encoding="utf-8").replace("19/6/2026", "20/6/2026"))
    assert cli("validate", str(path)).code == 0
    assert cli("validate", "--strict", str(path)).code == 1


def test_bad_format_option_is_a_usage_error_listing_the_choices(cli) -> None:
    r = cli("validate", "--format", "xml", str(BASE))
    assert r.code == 2
    assert r.err == (
        "Lỗi: giá trị không hợp lệ cho '--format' / '-f': 'xml' không phải một trong 'auto', "
        "'text', 'json', 'github', 'sarif' (xem `tnplan validate --help`)\n"
    )
    r = cli("validate", "--format", "xml", str(BASE), "--lang", "en")
    assert r.err == (
        "Error: Invalid value for '--format' / '-f': 'xml' is not one of 'auto', 'text', "
        "'json', 'github', 'sarif' (see `tnplan validate --help`)\n"
    )


def test_english_messages(cli, tmp_path: Path) -> None:
    path = write(tmp_path, BASE.read_text(encoding="utf-8").replace("lead: vp", "lead: vpp"))
    r = cli("validate", "--lang", "en", str(path))
    assert r.out == (
        f"{path}:29:11: error [unknown-unit] unit `vpp` is not in `units` — did you mean `vp` "
        "(Văn phòng Sở)?\n"
    )
    assert r.err == "1 file: 1 error, 0 warnings\n"
    assert cli("validate", str(path), env={"TNPLAN_LANG": "en"}).out == r.out


def test_directory_given_as_plan_file(tmp_path: Path) -> None:
    assert codes(tmp_path) == [("not-a-file", 1, 1)]


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path, "format: tnplan/1\n")

    def deny(self: Path, *args: object, **kwargs: object) -> BinaryIO:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "open", deny)
    problems = check_file(path).problems
    assert [(p.code, p.message) for p in problems] == [
        ("unreadable", "không đọc được tệp: không có quyền truy cập")
    ]


def test_file_too_large(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(load, "MAX_BYTES", 100)
    path = write(tmp_path, "x: " + "a" * 200 + "\n")
    assert codes(path) == [("file-too-large", 1, 1)]


def test_deep_nesting_is_a_problem_not_a_crash(tmp_path: Path) -> None:
    path = write(tmp_path, "format: tnplan/1\nid: " + "[" * 5000 + "]" * 5000 + "\n")
    assert [c for c, _, _ in codes(path)] == ["too-deep"]


def test_bom_and_crlf_are_accepted(tmp_path: Path) -> None:
    text = BASE.read_text(encoding="utf-8").replace("\n", "\r\n")
    path = tmp_path / "crlf.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    assert codes(path) == []


def test_nfd_text_is_normalised_and_matches(tmp_path: Path) -> None:
    text = BASE.read_text(encoding="utf-8").replace(
        "  - id: khach-1\n    name: Trần Thị Bình\n",
        "  - id: khach-1\n    name: " + unicodedata.normalize("NFD", "Trần Thị Bình") + "\n",
    )
    path = write(tmp_path, text)
    plan = check_file(path).plan
    assert plan is not None
    assert plan.guests[0].name == "Trần Thị Bình"
    assert unicodedata.is_normalized("NFC", plan.guests[0].name)


@pytest.mark.parametrize(
    ("yaml_text", "value"),
    [
        ("8:30", "8:30"),  # YAML 1.1 would read 510
        ("no", "no"),  # YAML 1.1 would read False
        ("012", "012"),  # YAML 1.1 would read 10
        ("2026-05-12", "2026-05-12"),  # kept as text for the date parser
        ("true", True),
        ("12", 12),
        ("1e3", 1000.0),
        ("~", None),
        ('"8:30"', "8:30"),
    ],
)
def test_scalars_follow_yaml_1_2_and_keep_traps_as_text(yaml_text: str, value: object) -> None:
    from tnplan.plan.messages import Reporter

    root = load.parse_bytes(f"k: {yaml_text}\n".encode(), Reporter("t"))
    assert root is not None
    assert load.scalar(root.value[0][1]) == value


def test_times_written_unquoted_are_read_as_times(tmp_path: Path) -> None:
    text = BASE.read_text(encoding="utf-8").replace('start: "08:00"', "start: 8:00")
    plan = check_file(write(tmp_path, text)).plan
    assert plan is not None and plan.activities[0].event is not None
    assert str(plan.activities[0].event.start) == "08:00:00"


def test_ids_written_as_numbers_keep_their_digits(tmp_path: Path) -> None:
    text = BASE.read_text(encoding="utf-8").replace("id: khach-1", "id: 007")
    text = text.replace("invitees: [khach-1]", "invitees: ['007']")
    plan = check_file(write(tmp_path, text)).plan
    assert plan is not None
    assert plan.guests[0].id == "007"


def test_broken_copy_of_the_plan_gives_positions_and_no_traceback(tmp_path: Path) -> None:
    text = BASE.read_text(encoding="utf-8").replace("lead: vp", "lead: [vp")
    path = write(tmp_path, text)
    proc = subprocess.run(
        [sys.executable, "-m", "tnplan", "validate", str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 1
    assert proc.stdout == (
        f"{path}:29:11: lỗi [yaml-syntax] lỗi cú pháp YAML: `[` mở ở dòng 29 không được đóng "
        "bằng `]` — thêm `]` ở cuối; nếu `[` là chữ, đặt cả giá trị trong ngoặc kép\n"
    )
    assert "Traceback" not in proc.stdout + proc.stderr


def test_core_does_not_import_typer_or_rich() -> None:
    code = (
        "import sys, tnplan.plan.check, tnplan.plan.schema, tnplan.plan.load, tnplan.plan.model;"
        "bad = [m for m in ('typer', 'rich', 'click', 'jinja2', 'docx', 'icalendar') "
        "if m in sys.modules]; print(bad)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out == "[]\n"


@pytest.mark.parametrize("head", [b"", b"\xef\xbb\xbf"], ids=["plain", "bom"])
@pytest.mark.parametrize("newline", [b"\n", b"\r\n"], ids=["lf", "crlf"])
def test_a_file_reads_as_its_bytes_do(tmp_path: Path, head: bytes, newline: bytes) -> None:
    """A plan file is parsed from the file, a block at a time, and a message that shows a
    line reads it again: the same problems, at the same places, as the same bytes given on
    standard input (a BOM and Windows line ends too)."""
    from tnplan.plan.check import check_bytes

    example = Path(__file__).resolve().parents[1] / "plans" / "invalid" / "colon-in-text.yaml"
    data = head + example.read_bytes().replace(b"\n", newline)
    path = tmp_path / "plan.yaml"
    path.write_bytes(data)
    from_file = check_file(path).problems
    from_bytes = check_bytes(data, str(path)).problems
    assert [(p.line, p.col, p.code, p.hint) for p in from_file] == [
        (31, 9, "colon-in-text", 'đặt cả chữ trong ngoặc kép: - "Lưu ý: mang theo giấy mời"')
    ]
    assert from_file == from_bytes


@pytest.mark.parametrize("head", [b"", b"\xef\xbb\xbf"], ids=["plain", "bom"])
def test_a_syntax_error_in_a_file_is_told_as_in_its_bytes(tmp_path: Path, head: bytes) -> None:
    from tnplan.plan.check import check_bytes

    data = head + "document:\n  title: Kế hoạch\n   agency: Sở\n".encode()
    path = tmp_path / "plan.yaml"
    path.write_bytes(data)
    (problem,) = check_file(path).problems
    assert (problem.line, problem.col, problem.code) == (3, 4, "yaml-syntax")
    assert problem.hint == "để thuộc `document` (dòng 1), thụt 2 dấu cách như `title` (dòng 2)"
    assert check_bytes(data, str(path)).problems == [problem]
