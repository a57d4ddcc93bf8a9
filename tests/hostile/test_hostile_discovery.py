"""Where a plan is found, through the real command, from folders a user really runs it in.

* ``validate`` with no path checks ``./plans/`` (subfolders too); with no ``./plans/``, or
  one without plans, it fails (exit 3) saying where it looked — never the bundled sample
  plan, so a CI step run from the wrong folder cannot pass;
* other commands with no path fall back to the sample plan, and say so once on stderr, with
  the reason;
* folders are searched recursively, the same for ``./plans/`` and ``validate DIR``, hidden
  folders, virtual environments and ``node_modules`` aside.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from _hostile import Result, base, edit

BROKEN = edit(base(), "id: thu-nghiem", "id: thu nghiem")  # bad-id


def test_validate_with_nothing_to_find_fails(tmp_path: Path, tnplan: Callable[..., Result]) -> None:
    r = tnplan("validate")
    assert (r.code, r.out) == (3, "")
    assert r.err == (
        f"Lỗi: không tìm thấy kế hoạch: không có thư mục plans/ trong {tmp_path} "
        "(chỉ tệp hoặc thư mục kế hoạch, ví dụ tnplan validate plans/)\n"
    )
    r = tnplan("validate", "--lang", "en")
    assert r.err == (
        f"Error: no plan found: no plans/ folder in {tmp_path} "
        "(name a plan file or folder, e.g. tnplan validate plans/)\n"
    )


def test_validate_with_an_empty_plans_folder(tmp_path: Path, tnplan: Callable[..., Result]) -> None:
    (tmp_path / "plans" / "cu").mkdir(parents=True)
    (tmp_path / "plans" / "ghi-chu.txt").write_text("x", encoding="utf-8")
    r = tnplan("validate")
    assert r.code == 3
    assert r.err == (
        f"Lỗi: không tìm thấy kế hoạch: thư mục {tmp_path / 'plans'} (cả thư mục con) không có "
        "tệp .yaml nào (chỉ tệp hoặc thư mục kế hoạch, ví dụ tnplan validate plans/)\n"
    )


@pytest.mark.parametrize(
    ("args", "out_start"),
    [
        (("status", "--as-of", "14/5/2026"), "Kế hoạch: Tổ chức các hoạt động hưởng ứng"),
        (("overdue", "--as-of", "1/7/2026"), "Quá hạn tính đến"),
        (("render", "plan"), "UBND TỈNH THÁI NGUYÊN"),
        (("export", "json"), "{"),
    ],
)
def test_other_commands_say_they_show_the_sample(
    args: tuple[str, ...], out_start: str, tmp_path: Path, tnplan: Callable[..., Result]
) -> None:
    r = tnplan(*args)
    assert r.code == 0, r.err
    assert r.out.startswith(out_start)
    assert r.err == (
        f"Lưu ý: không có thư mục plans/ trong {tmp_path} — đang dùng kế hoạch mẫu đi kèm tnplan "
        "(ngay-khcn-2026.yaml); chỉ đường dẫn để dùng kế hoạch của bạn\n"
    )


def test_the_sample_note_in_english(tmp_path: Path, tnplan: Callable[..., Result]) -> None:
    r = tnplan("status", "--as-of", "14/5/2026", "--lang", "en")
    assert r.err == (
        f"Note: no plans/ folder in {tmp_path} — showing the sample plan bundled with tnplan "
        "(ngay-khcn-2026.yaml); name a path to use your own plan\n"
    )


def tree(tmp: Path) -> None:
    """plans/2026/a.yaml (valid), plans/2027/sub/b.yml (broken), and places never searched."""
    (tmp / "plans" / "2026").mkdir(parents=True)
    (tmp / "plans" / "2026" / "a.yaml").write_text(base(), encoding="utf-8")
    (tmp / "plans" / "2027" / "sub").mkdir(parents=True)
    (tmp / "plans" / "2027" / "sub" / "b.yml").write_text(BROKEN, encoding="utf-8")
    for hidden in (".git", ".venv/lib", "node_modules/x", "env/lib"):
        (tmp / "plans" / hidden).mkdir(parents=True)
        (tmp / "plans" / hidden / "c.yaml").write_text("khong: phai\n", encoding="utf-8")
    (tmp / "plans" / "env" / "pyvenv.cfg").write_text("home = /usr\n", encoding="utf-8")
    (tmp / "plans" / ".an.yaml").write_text("khong: phai\n", encoding="utf-8")


def test_plans_are_found_in_subfolders(tmp_path: Path, tnplan: Callable[..., Result]) -> None:
    tree(tmp_path)
    expected = (
        "plans/2027/sub/b.yml:3:5: lỗi [bad-id] mã `thu nghiem` không hợp lệ — mã chỉ gồm chữ "
        "không dấu, số, `-` và `_`, ví dụ `hoi-nghi`\n"
    )
    r = tnplan("validate")
    assert (r.code, r.out, r.err) == (1, expected, "2 tệp: 1 lỗi, 0 cảnh báo\n")
    r = tnplan("validate", "plans")
    assert (r.code, r.out) == (1, expected)
    r = tnplan("validate", ".")  # the same rule from the folder above
    assert (r.code, r.out.replace("./", "")) == (1, expected)
    assert r.err == "2 tệp: 1 lỗi, 0 cảnh báo\n"


def test_status_uses_the_plans_in_subfolders(tmp_path: Path, tnplan: Callable[..., Result]) -> None:
    (tmp_path / "plans" / "2026").mkdir(parents=True)
    (tmp_path / "plans" / "2026" / "a.yaml").write_text(base(), encoding="utf-8")
    r = tnplan("status", "--as-of", "14/5/2026")
    assert r.code == 0, r.err
    assert r.err == ""  # a plan of the user's: no note
    assert r.out.startswith("Kế hoạch: Tổ chức hội nghị thử nghiệm")


def test_a_linked_folder_loop_ends(tmp_path: Path, tnplan: Callable[..., Result]) -> None:
    (tmp_path / "plans").mkdir()
    (tmp_path / "plans" / "a.yaml").write_text(base(), encoding="utf-8")
    (tmp_path / "plans" / "vong").symlink_to(tmp_path / "plans")
    r = tnplan("validate")
    assert (r.code, r.out, r.err) == (0, "1 tệp: 0 lỗi, 0 cảnh báo\n", "")
