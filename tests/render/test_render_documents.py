"""``tnplan render``: every document kind in every format, against golden files.

The goldens use the fixture ``tests/render/plans/mini.yaml`` (stable, and it has what the
bundled plan does not have yet: results, receipts, budget lines, a cancelled activity, a
KT. signer, a ``<KH&CN>`` recipient for HTML escaping).  Word files are compared through
``docx_readback.describe``: the text plus page size, margins, fonts, sizes, bold, italic,
borders, header fields and comments, read back with python-docx.

Refresh on purpose with ``TNPLAN_UPDATE_GOLDEN=1 pytest tests/render`` and review the diff.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import docx_readback
import pytest

from support import PLAN, Run

HERE = Path(__file__).resolve().parent
MINI = HERE / "plans" / "mini.yaml"

# name: the command line before the plan, and after it
CASES = {
    "plan": (["plan"], []),
    "invitation": (["invitation", "hoi-nghi"], []),
    "invitation-to": (["invitation", "hoi-nghi"], ["--to", "gs-lan"]),
    "script": (["script", "hoi-nghi"], []),
    "report": (["report"], ["--as-of", "26/6/2026"]),
}


def _args(case: str) -> list[str]:
    before, after = CASES[case]
    return ["render", *before, str(MINI), *after]


@pytest.mark.parametrize("fmt", ["md", "html"])
@pytest.mark.parametrize("case", list(CASES))
def test_text_formats(
    cli: Callable[..., Run], golden: Callable[[str, str], None], case: str, fmt: str
) -> None:
    r = cli(*_args(case), "-f", fmt)
    assert r.code == 0, r.err
    assert r.err == ""
    golden(f"render/mini/{case}.{fmt}", r.out)


@pytest.mark.parametrize("case", list(CASES))
def test_docx(
    cli: Callable[..., Run], golden: Callable[[str, str], None], tmp_path: Path, case: str
) -> None:
    out = tmp_path / f"{case}.docx"
    r = cli(*_args(case), "-o", str(out))
    assert r.code == 0, r.err
    draft = " (DỰ THẢO)" if case in ("invitation", "invitation-to", "script") else ""
    assert r.err == f"Đã ghi {out}{draft}\n"
    assert r.out == ""
    golden(f"render/mini/{case}.docx.txt", docx_readback.describe(out.read_bytes()))


def test_docx_layout_of_decree_30(cli: Callable[..., Run], tmp_path: Path) -> None:
    """The numbers of the layout, stated once more without the golden file."""
    import docx

    out = tmp_path / "plan.docx"
    assert cli("render", "plan", str(MINI), "-o", str(out)).code == 0
    d = docx.Document(str(out))
    s = d.sections[0]
    assert (round(s.page_width.mm), round(s.page_height.mm)) == (210, 297)
    assert [
        round(x.mm) for x in (s.top_margin, s.bottom_margin, s.left_margin, s.right_margin)
    ] == [
        20,
        20,
        30,
        15,
    ]
    assert s.different_first_page_header_footer
    assert not "".join(p.text for p in s.first_page_header.paragraphs)
    assert "PAGE" in s.header.paragraphs[0]._element.xml
    header = d.tables[0]
    nation = header.cell(0, 1).paragraphs[0]
    assert nation.text == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    assert nation.runs[0].font.bold and nation.runs[0].font.size.pt == 12
    motto = header.cell(0, 1).paragraphs[1]
    assert motto.text == "Độc lập - Tự do - Hạnh phúc" and motto.runs[0].font.size.pt == 13
    placedate = header.cell(1, 1).paragraphs[0]
    assert placedate.text == "Thái Nguyên, ngày     tháng     năm 2026"
    assert placedate.runs[0].font.italic
    body = next(p for p in d.paragraphs if p.text.startswith("- Tuyên truyền về Ngày"))
    assert body.runs[0].font.name == "Times New Roman" and body.runs[0].font.size.pt == 14
    assert round(body.paragraph_format.first_line_indent.cm, 2) == 1.27
    sign = d.tables[-1]
    assert sign.cell(0, 0).paragraphs[0].text == "Nơi nhận:"
    assert sign.cell(0, 0).paragraphs[0].runs[0].font.size.pt == 12
    assert sign.cell(0, 0).paragraphs[-1].text == "- Lưu: VT, VP."
    assert sign.cell(0, 0).paragraphs[-1].runs[0].font.size.pt == 11
    assert [p.text for p in sign.cell(0, 1).paragraphs] == [
        "KT. GIÁM ĐỐC",
        "PHÓ GIÁM ĐỐC",
        "Nguyễn Thị Hòa",
    ]


def test_html_is_escaped_and_print_ready(cli: Callable[..., Run]) -> None:
    r = cli("render", "plan", str(MINI), "-f", "html")
    assert r.code == 0
    assert "- Các tổ chức KH&amp;CN, doanh nghiệp &lt;KH&amp;CN&gt;;" in r.out
    assert "<KH&CN>" not in r.out
    assert "size: A4 portrait;" in r.out
    assert "margin: 20mm 15mm 20mm 30mm;" in r.out
    assert "@page :first { @top-center { content: none; } }" in r.out
    r = cli("render", "plan", str(MINI))  # Markdown escapes what would be a tag: `\<`
    assert "- Các tổ chức KH&CN, doanh nghiệp \\<KH&CN>;" in r.out


def test_format_from_output_suffix(cli: Callable[..., Run], tmp_path: Path) -> None:
    out = tmp_path / "ke-hoach.html"
    r = cli("render", "plan", str(MINI), "-o", str(out))
    assert r.code == 0, r.err
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_output_folder_gets_a_default_name(cli: Callable[..., Run], tmp_path: Path) -> None:
    r = cli("render", "script", "hoi-nghi", str(MINI), "-f", "docx", "-o", str(tmp_path))
    assert r.code == 0, r.err
    assert [p.name for p in tmp_path.iterdir()] == ["kich-ban-hoi-nghi.docx"]


def test_docx_needs_an_output(cli: Callable[..., Run]) -> None:
    r = cli("render", "plan", str(MINI), "-f", "docx")
    assert r.code == 2
    assert r.err == "Lỗi: cần -o: một tệp .docx (ví dụ -o van-ban.docx)\n"


def test_unknown_format(cli: Callable[..., Run]) -> None:
    r = cli("render", "plan", str(MINI), "-f", "pdf")
    assert (r.code, r.err) == (
        2,
        "Lỗi: giá trị không hợp lệ cho '--format' / '-f': 'pdf' không phải một trong 'md', "
        "'html', 'docx' (xem `tnplan render plan --help`)\n",
    )


def test_unknown_activity_suggests(cli: Callable[..., Run]) -> None:
    r = cli("render", "invitation", "hoi-ngi", str(MINI))
    assert r.code == 2
    assert r.err.startswith("Lỗi: không có hoạt động `hoi-ngi` trong kế hoạch (")
    assert "`hoi-nghi`" in r.err


def test_english_errors(cli: Callable[..., Run]) -> None:
    r = cli("render", "invitation", "nope", str(MINI), "--lang", "en")
    assert r.code == 2
    assert r.err.startswith("Error: no activity `nope` in the plan (")


# --- the bundled plan, out of the box --------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["plan"], "# KẾ HOẠCH"),
        (["invitation", "hoi-nghi-sang-che"], "Dự Hội nghị “Sáng chế - Động lực đột phá"),
        (["invitation", "hoi-thao"], "Tới dự: Hội thảo khoa học định hướng"),
        (["script", "hoi-nghi-sang-che"], "## 11:05–11:20 · Phát biểu chỉ đạo"),
        (["script", "hoi-thao"], "# KỊCH BẢN"),
        (["report", "--as-of", "25/6/2026"], "Kính gửi:\n\n- Ủy ban nhân dân tỉnh Thái Nguyên;"),
    ],
)
def test_bundled_plan_works(
    cli: Callable[..., Run], tmp_path: Path, args: list[str], expected: str
) -> None:
    """With no plan given and no ./plans/ here, the bundled plan is used."""
    r = cli("render", *args, cwd=tmp_path)
    assert r.code == 0, r.err
    assert expected in r.out
    assert ("**DỰ THẢO**" in r.out) == (args[0] in ("invitation", "script"))


def test_bundled_invitation_lists_tentative_facts(cli: Callable[..., Run]) -> None:
    r = cli("render", "invitation", "hoi-nghi-sang-che", str(PLAN), "--to", "lanh-dao-ubnd-tinh")
    assert r.code == 0, r.err
    head = r.out.split("UBND TỈNH THÁI NGUYÊN")[0]
    assert head == (
        "**DỰ THẢO**\n\n"
        "> Văn bản này dùng thông tin còn dự kiến, cần xác nhận trước khi ban hành:\n"
        "> - Ngày, giờ, địa điểm Hội nghị “Sáng chế - Động lực đột phá thúc đẩy đổi mới sáng tạo"
        " và phát triển kinh tế tri thức”: thứ Sáu, 15/5/2026, 08:00–11:30, Hội trường Sở Khoa"
        " học và Công nghệ tỉnh Thái Nguyên\n"
        "> - Khách mời: Đồng chí Lãnh đạo UBND tỉnh\n\n"
    )
    assert "trân trọng kính mời: **Đồng chí Lãnh đạo UBND tỉnh**" in r.out


def test_bundled_report_says_what_it_lacks(cli: Callable[..., Run]) -> None:
    r = cli("render", "report", str(PLAN), "--as-of", "1/7/2026")
    assert r.code == 0, r.err
    assert "Tính đến ngày 1/7/2026, đã thực hiện 0/7 hoạt động theo Kế hoạch." in r.out
    assert (
        "Chưa có số liệu về kết quả của 7 hoạt động (số 1, 2, 3, 4, 5, 6, 7 theo Kế hoạch)."
        in r.out
    )
    assert "Chưa có số liệu về kinh phí thực hiện." in r.out
    assert "Chưa có số liệu đánh giá ưu điểm." in r.out
    assert "đã nhận 0/9 báo cáo." in r.out
    assert "Số:      /BC-SKHCN" in r.out


def test_report_for_another_deadline(cli: Callable[..., Run]) -> None:
    r = cli("render", "report", str(MINI), "--as-of", "20/6/2026", "--deadline", "bao-cao-don-vi")
    assert r.code == 0, r.err
    assert "\nKính gửi: Văn phòng Sở.\n" in r.out
    # the deadline reported on is not listed among those owed to the department
    assert "Báo cáo kết quả gửi UBND tỉnh và Bộ Khoa học và Công nghệ (hạn 30/6/2026)" in r.out
    r = cli("render", "report", str(MINI), "--deadline", "khong-co")
    assert r.code == 2
    assert (
        r.err == "Lỗi: không có hạn báo cáo `khong-co` "
        "(các mã hạn báo cáo: bao-cao-don-vi, bao-cao-tinh-bo)\n"
    )


def test_report_as_of_counts_receipts_on_that_day(cli: Callable[..., Run]) -> None:
    r = cli("render", "report", str(MINI), "--as-of", "24/6/2026")
    assert "đã nhận 1/3 báo cáo." in r.out
    r = cli("render", "report", str(MINI), "--as-of", "25/6/2026")
    assert "đã nhận 2/3 báo cáo." in r.out
    assert "- Các sở, ban, ngành của tỉnh: ngày 25/6/2026 (sau hạn)." in r.out
    r = cli("render", "report", str(MINI), "--as-of", "hôm kia")
    assert r.code == 2
