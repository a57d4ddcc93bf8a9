"""Hostile files: encodings, line endings, NUL and Latin-1 bytes, empty files, folders where a
file is expected, missing and unreadable files, devices, FIFOs and a 50 MB file.

Tests run as root, so ``chmod 000`` would not stop a read.  "Unreadable" is made honestly in
other ways: a path through a regular file (ENOTDIR), a name too long for the file system, a
FIFO with no writer (opening it would block forever: the 60 s subprocess timeout guards the
test), ``/dev/zero`` (never ends), and ``/proc/self/mem`` (reading it at offset 0 fails with
EIO, for root too).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from _hostile import Case, Result, base, edit, run_case

V = ("validate", "plan.yaml")
LONG = "a" * 300 + ".yaml"


def problem(line: int, col: int, code: str, message: str, file: str = r"plan\.yaml") -> str:
    return rf"{file}:{line}:{col}: lỗi \[{code}\] {message}"


def unknown_unit(raw: bytes) -> Callable[[], bytes]:
    """The base plan with one error at 29:11, encoded as ``raw`` says."""
    return lambda: raw.replace(b"{plan}", edit(base(), "lead: vp", "lead: vpp").encode("utf-8"))


UNKNOWN_UNIT = (
    problem(
        29,
        11,
        "unknown-unit",
        r"đơn vị `vpp` không có trong `units` — có phải `vp` \(Văn phòng Sở\)\?",
    ),
)


def crlf() -> bytes:
    return edit(base(), "lead: vp", "lead: vpp").replace("\n", "\r\n").encode("utf-8")


def cr_only() -> bytes:
    return edit(base(), "lead: vp", "lead: vpp").replace("\n", "\r").encode("utf-8")


def latin1() -> bytes:
    """Line 25 ``name: Trần Thị Bình`` saved as Latin-1 where it can be: ``ì`` is byte 0xEC."""
    text = edit(base(), "name: Trần Thị Bình", "name: Tran Thi Bình")
    return text.encode("utf-8").replace("Bình".encode(), "Bình".encode("latin-1"))


def big_dense() -> bytes:
    """50 MB of list items: composing it would take tens of seconds and gigabytes."""
    head = edit(base(), "  end: 18/5/2026\n", "  end: 18/5/2026\n  notes:\n").encode("utf-8")
    item = "    - ghi chú\n".encode()
    return head + item * ((50 * 2**20 - len(head)) // len(item) + 1)


def unchanged_then_removed(
    tmp: Path, before: dict[str, str], after: dict[str, str], r: Result
) -> None:
    """Nothing written; then the big file goes, so that kept test folders stay small."""
    assert after == before
    (tmp / "plan.yaml").unlink()


def mkdir(*names: str) -> Callable[[Path], None]:
    def setup(tmp: Path) -> None:
        for name in names:
            (tmp / name).mkdir()

    return setup


def fifo(tmp: Path) -> None:
    os.mkfifo(tmp / "fifo.yaml")


def plan_in_folder(tmp: Path) -> None:
    """A folder of plans holding a plan, a folder named like a plan, and a FIFO."""
    (tmp / "plans").mkdir()
    (tmp / "plans" / "a.yaml").write_text(base(), encoding="utf-8")
    (tmp / "plans" / "b.yaml").mkdir()
    os.mkfifo(tmp / "plans" / "c.yaml")


LINUX_PROC = pytest.mark.skipif(not Path("/proc/self/mem").exists(), reason="Linux /proc only")

CASES = [
    Case("bom", V, 1, UNKNOWN_UNIT, unknown_unit(b"\xef\xbb\xbf{plan}")),
    Case(
        "bom-valid", V, 0, ("1 tệp: 0 lỗi, 0 cảnh báo",), lambda: b"\xef\xbb\xbf" + base().encode()
    ),
    Case("crlf", V, 1, UNKNOWN_UNIT, crlf),
    Case("cr-only", V, 1, UNKNOWN_UNIT, cr_only),
    Case(
        "nul-byte",
        V,
        1,
        (problem(29, 12, "nul-byte", "tệp chứa ký tự NUL — tệp kế hoạch phải là văn bản"),),
        lambda: edit(base(), "lead: vp", "lead: v\0p").encode("utf-8"),
    ),
    Case(
        "latin1-bytes",
        V,
        1,
        (problem(25, 21, "not-utf8", r"tệp không phải UTF-8 \(byte 0xec\) — .*"),),
        latin1,
    ),
    Case(
        "utf16",
        V,
        1,
        (problem(1, 1, "not-utf8", r"tệp không phải UTF-8 \(byte 0xff\) — .*"),),
        lambda: base().encode("utf-16"),
    ),
    Case("empty-file", V, 1, (problem(1, 1, "empty-file", "tệp rỗng — .*"),), b""),
    Case(
        "only-comments",
        V,
        1,
        (problem(1, 1, "empty-file", "tệp rỗng — .*"),),
        b"# ke hoach\n\n   \n# chua viet\n",
    ),
    Case(
        "empty-file-through-status",
        ("status", "plan.yaml"),
        1,
        (r"Lỗi: plan\.yaml:1:1: tệp rỗng \(chạy `tnplan validate plan\.yaml` để xem tất cả\)",),
        b"",
    ),
    Case(
        "file-50mb",
        V,
        1,
        (problem(1, 1, "file-too-large", r"tệp quá lớn \(50 MB; tối đa 32 MB\)"),),
        big_dense,
        check=unchanged_then_removed,
    ),
    Case(
        "folder-where-a-plan-is-expected",
        ("new", "--from", "ke-hoach.yaml", "--year", "2027"),
        3,
        (r"Lỗi: ke-hoach\.yaml:1:1: đây là thư mục, không phải tệp kế hoạch",),
        setup=mkdir("ke-hoach.yaml"),
    ),
    Case(
        "empty-folder",
        ("status", "plans", "--as-of", "14/5/2026"),
        3,
        (r"Lỗi: thư mục plans \(cả thư mục con\) không có tệp \.yaml nào",),
        setup=mkdir("plans"),
    ),
    Case(
        "folder-with-odd-entries",
        ("validate", "plans"),
        0,
        ("1 tệp: 0 lỗi, 0 cảnh báo",),
        None,
        setup=plan_in_folder,
    ),
    Case(
        "missing-file",
        ("validate", "khong-co.yaml"),
        3,
        (r"Lỗi: không có tệp hoặc thư mục khong-co\.yaml",),
    ),
    Case(
        "missing-file-render",
        ("render", "plan", "khong-co.yaml", "-o", "out.md"),
        3,
        (r"Lỗi: không có tệp hoặc thư mục khong-co\.yaml",),
    ),
    Case(
        "missing-among-several",
        ("validate", "khong-co.yaml", "plan.yaml"),
        3,
        (
            problem(
                1,
                1,
                "unreadable",
                "không đọc được tệp: không có tệp hoặc thư mục này",
                r"khong-co\.yaml",
            ),
        ),
        stream="out",
    ),
    Case(
        "path-through-a-file",
        ("validate", "plan.yaml/ke-hoach.yaml"),
        3,
        (r"Lỗi: không có tệp hoặc thư mục plan\.yaml/ke-hoach\.yaml",),
    ),
    Case(
        "name-too-long",
        ("validate", LONG),
        3,
        (rf"Lỗi: không truy cập được {LONG}: tên quá dài",),
    ),
    Case(
        "fifo",
        ("validate", "fifo.yaml"),
        3,
        (problem(1, 1, "unreadable", "không đọc được tệp: không phải tệp thường", r"fifo\.yaml"),),
        stream="out",
        setup=fifo,
    ),
    Case(
        "fifo-through-status",
        ("status", "fifo.yaml", "--as-of", "14/5/2026"),
        3,
        (r"Lỗi: fifo\.yaml:1:1: không đọc được tệp: không phải tệp thường",),
        setup=fifo,
    ),
    Case(
        "dev-zero",
        ("validate", "/dev/zero"),
        3,
        (problem(1, 1, "unreadable", "không đọc được tệp: không phải tệp thường", "/dev/zero"),),
        stream="out",
    ),
    pytest.param(
        Case(
            "proc-self-mem-unreadable",
            ("render", "plan", "/proc/self/mem", "-o", "out.md"),
            3,
            (r"Lỗi: /proc/self/mem:1:1: không đọc được tệp: lỗi đọc ghi đĩa",),
        ),
        marks=LINUX_PROC,
    ),
]


def _name(case: object) -> str:
    return case.name if isinstance(case, Case) else str(case)


@pytest.mark.parametrize("case", CASES, ids=_name)
def test_hostile_file(case: Case, tmp_path: Path, tnplan: Callable[..., Result]) -> None:
    run_case(case, tmp_path, tnplan)


def test_a_plan_just_under_the_cap_is_read(tmp_path: Path, tnplan: Callable[..., Result]) -> None:
    """The cap refuses what is too big, and only that: 31 MB (mostly a comment) is a plan."""
    text = base() + "#" + "x" * (31 * 2**20) + "\n"
    (tmp_path / "plan.yaml").write_text(text, encoding="utf-8")
    r = tnplan("validate", "plan.yaml")
    assert (r.code, r.out, r.err) == (0, "1 tệp: 0 lỗi, 0 cảnh báo\n", "")
    (tmp_path / "plan.yaml").unlink()
