"""Plan text that tried to forge or break a document, through the real command.

Each case of the issue: a title with a newline (or U+2028) and ``@sign …`` that used to add a
second, forged signature to a Word file; a note line starting with ``@`` (a messaging handle)
that broke the Word output; ``\\n`` written in a programme item that split a table cell;
U+FFFE in a venue; ``|`` in a budget item that moved an amount into the amount column; ``*``
in a name taken as emphasis and ``# …`` injected as a heading in Markdown; a newline in a value
that forged an extra problem line; a folder named like a template, silently skipped.  The
property test (``tests/property/test_escaping.py``) covers every field with arbitrary text.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import docx
import pytest
from _hostile import ROOT, Result, edit

MINI = ROOT / "tests" / "render" / "plans" / "mini.yaml"


def mini(*edits: tuple[str, str]) -> str:
    text = MINI.read_text(encoding="utf-8")
    for old, new in edits:
        text = edit(text, old, new)
    return text


TITLE = "  title: Tổ chức các hoạt động hưởng ứng Ngày Khoa học và Công nghệ năm 2026\n"


def word_text(path: Path) -> tuple[list[str], list[list[list[str]]]]:
    """The paragraphs of a Word file and its tables (rows of cells of paragraphs)."""
    d = docx.Document(str(path))
    tables = [[[c.text for c in row.cells] for row in t.rows] for t in d.tables]
    return [p.text for p in d.paragraphs], tables


@pytest.mark.parametrize("sep", ["\\n", "\\u2028", "\\n\\n"])
def test_no_forged_signature(sep: str, tmp_path: Path, tnplan: Callable[..., Result]) -> None:
    title = f'  title: "Tổ chức hội nghị{sep}@sign GIÁM ĐỐC GIẢ{sep}@signname Kẻ Giả Mạo"\n'
    (tmp_path / "plan.yaml").write_text(mini((TITLE, title)), encoding="utf-8")
    r = tnplan("render", "plan", "plan.yaml", "-o", "kh.docx")
    assert (r.code, r.err) == (0, "Đã ghi kh.docx\n")
    paragraphs, tables = word_text(tmp_path / "kh.docx")
    signature = tables[-1][0][1]  # the closing table: recipients left, signature right
    assert signature == "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\nNguyễn Thị Hòa"
    assert "Tổ chức hội nghị @sign GIÁM ĐỐC GIẢ @signname Kẻ Giả Mạo" in paragraphs
    r = tnplan("render", "plan", "plan.yaml")  # Markdown: the same one line, as text
    assert "**Tổ chức hội nghị @sign GIÁM ĐỐC GIẢ @signname Kẻ Giả Mạo**\n" in r.out


def test_a_note_that_starts_with_at(tmp_path: Path, tnplan: Callable[..., Result]) -> None:
    note = "        - Đề nghị đại biểu mang theo tài liệu tham luận (nếu có).\n"
    (tmp_path / "plan.yaml").write_text(
        mini((note, '        - "@vanphong.skhcn"\n        - "Zalo:\\n@vanphong.skhcn"\n')), "utf-8"
    )
    r = tnplan("render", "invitation", "hoi-nghi", "plan.yaml", "--to", "gs-lan", "-o", "gm.docx")
    assert r.code == 0, r.err
    paragraphs, _ = word_text(tmp_path / "gm.docx")
    assert "@vanphong.skhcn." in paragraphs
    assert "Zalo: @vanphong.skhcn." in paragraphs


def test_a_backslash_n_in_a_programme_item(tmp_path: Path, tnplan: Callable[..., Result]) -> None:
    item = "      - item: Đón tiếp đại biểu\n"
    (tmp_path / "plan.yaml").write_text(
        mini((item, "      - item: 'Đón tiếp\\nđại biểu | C:\\new *x*'\n")), "utf-8"
    )
    r = tnplan("render", "script", "hoi-nghi", "plan.yaml", "-o", "kb.docx")
    assert r.code == 0, r.err
    _, tables = word_text(tmp_path / "kb.docx")
    programme = tables[1]
    assert programme[1] == ["từ 08 giờ 00 phút\nđến 08 giờ 30 phút\n(30 phút)",
                            "Đón tiếp\\nđại biểu | C:\\new *x*", "Văn phòng Sở", ""]  # fmt: skip
    assert all(len(row) == 4 for row in programme)


def test_a_non_character_in_a_venue(tmp_path: Path, tnplan: Callable[..., Result]) -> None:
    venue = "      venue: Hội trường tầng 3, Sở Khoa học và Công nghệ\n"
    hostile = '      venue: "Hội trường \\uFFFE"\n'
    (tmp_path / "plan.yaml").write_text(mini((venue, hostile)), "utf-8")
    r = tnplan("validate", "plan.yaml")
    assert r.code == 1
    assert re.fullmatch(
        r"plan\.yaml:\d+:14: lỗi \[control-char\] venue: có ký tự điều khiển U\+FFFE — .*\n",
        r.out,
    )
    r = tnplan("render", "invitation", "hoi-nghi", "plan.yaml", "--to", "gs-lan", "-o", "g.docx")
    assert r.code == 1
    assert "lỗi không mong đợi" not in r.err
    assert not (tmp_path / "g.docx").exists()


@pytest.mark.parametrize(
    ("args", "row"),
    [
        (("render", "plan", "plan.yaml"), r"\| Hội thảo \\\| 999\.999\.999 \| 15\.000\.000 \|"),
        (
            ("render", "report", "plan.yaml", "--as-of", "1/7/2026"),
            r"\| Hội thảo \\\| 999\.999\.999 \| 15\.000\.000 \| 12\.500\.000 \|",
        ),
    ],
)
def test_a_pipe_in_a_budget_item_markdown(
    args: tuple[str, ...], row: str, tmp_path: Path, tnplan: Callable[..., Result]
) -> None:
    (tmp_path / "plan.yaml").write_text(
        mini(("    - item: Hội nghị\n", '    - item: "Hội thảo | 999.999.999"\n')), "utf-8"
    )
    r = tnplan(*args)
    assert r.code == 0, r.err
    assert re.search(rf"^{row}$", r.out, re.MULTILINE), r.out


@pytest.mark.parametrize("kind", ["plan", "report"])
def test_a_pipe_in_a_budget_item_word(
    kind: str, tmp_path: Path, tnplan: Callable[..., Result]
) -> None:
    (tmp_path / "plan.yaml").write_text(
        mini(("    - item: Hội nghị\n", '    - item: "Hội thảo | 999.999.999"\n')), "utf-8"
    )
    as_of = ["--as-of", "1/7/2026"] if kind == "report" else []
    r = tnplan("render", kind, "plan.yaml", *as_of, "-o", "x.docx")
    assert r.code == 0, r.err
    _, tables = word_text(tmp_path / "x.docx")
    budget = next(t for t in tables if t[0][0] == "Khoản chi")
    assert budget[1][:2] == ["Hội thảo | 999.999.999", "15.000.000"]


def test_markdown_names_and_headings(tmp_path: Path, tnplan: Callable[..., Result]) -> None:
    (tmp_path / "plan.yaml").write_text(
        mini(
            (TITLE, '  title: "Kế hoạch\\n\\n# TIÊU ĐỀ CHÈN"\n'),
            ("    name: Phòng Quản lý Khoa học\n", '    name: "Phòng 2*3*4"\n'),
        ),
        "utf-8",
    )
    r = tnplan("render", "plan", "plan.yaml")
    assert r.code == 0, r.err
    assert "**Kế hoạch \\# TIÊU ĐỀ CHÈN**\n" in r.out
    assert not re.search(r"^#\s*TIÊU", r.out, re.MULTILINE)
    assert "### 1. Phòng 2\\*3\\*4\n" in r.out  # the heading of section VI.1, not "Phòng 234"


def test_a_value_cannot_forge_a_problem_line(tmp_path: Path, tnplan: Callable[..., Result]) -> None:
    (tmp_path / "plan.yaml").write_text(
        mini(("    lead: cds\n", '    lead: "x\\nplans/khac.yaml:1:1: lỗi [gia] dòng giả"\n')),
        "utf-8",
    )
    r = tnplan("validate", "plan.yaml")
    assert r.code == 1
    assert r.out == (
        "plan.yaml:119:11: lỗi [unknown-unit] đơn vị `x\\nplans/khac.yaml:1:1: lỗi [gia] dòng "
        "giả` không có trong `units` — các mã đơn vị: vp, qlkh, cds, phong-don-vi, so-nganh, "
        "ubnd-tinh, bkhcn\n"
    )
    assert r.err == "1 tệp: 1 lỗi, 0 cảnh báo\n"


def test_a_folder_named_like_a_template(tmp_path: Path, tnplan: Callable[..., Result]) -> None:
    (tmp_path / "plan.yaml").write_text(mini(), "utf-8")
    (tmp_path / "mau" / "plan.md.j2").mkdir(parents=True)
    r = tnplan("render", "plan", "plan.yaml", "--templates", "mau")
    assert (r.code, r.out) == (3, "")
    assert r.err == (
        "Lỗi: mẫu mau/plan.md.j2 là một thư mục, không phải tệp mẫu: tnplan không dùng được "
        "(xóa hoặc đổi tên nó, hoặc đặt tệp mẫu đúng tên ở đó)\n"
    )


def test_a_line_break_cannot_add_a_mail_header(
    tmp_path: Path, tnplan: Callable[..., Result]
) -> None:
    """A reminder's subject is one header line: a name with a line break stays inside it."""
    import email
    import email.policy

    plan = (ROOT / "tests" / "plans" / "valid" / "with-results.yaml").read_text(encoding="utf-8")
    plan = edit(
        plan,
        "    name: Phòng Quản lý Khoa học\n    email:",
        '    name: Phòng Quản lý Khoa học\n    short: "QLKH\\nBcc: ke-xau@example.com"\n    email:',
    )
    (tmp_path / "plan.yaml").write_text(plan, encoding="utf-8")
    r = tnplan("remind", "plan.yaml", "--as-of", "1/7/2026", "-o", "thu")
    assert r.code == 0, r.err
    (eml,) = (tmp_path / "thu").iterdir()
    msg = email.message_from_bytes(eml.read_bytes(), policy=email.policy.default)
    assert msg["Bcc"] is None
    assert msg["Subject"].endswith("— QLKH Bcc: ke-xau@example.com")
