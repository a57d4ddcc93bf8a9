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

EPOCH = {"SOURCE_DATE_EPOCH": "1778486400"}  # 2026-05-11 08:00 UTC: reproducible Word files

HERE = Path(__file__).resolve().parent
MINI = HERE / "plans" / "mini.yaml"
VALID = HERE.parent / "plans" / "valid"

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
    r = cli(*_args(case), "-o", str(out), env=EPOCH)
    assert r.code == 0, r.err
    draft = " (DỰ THẢO)" if case != "plan" else ""  # the report lacks parts of its assessment
    assert r.err == f"Đã ghi {out}{draft}\n"
    assert r.out == ""
    golden(f"render/mini/{case}.docx.txt", docx_readback.describe(out.read_bytes()))


def test_docx_layout_of_decree_30(cli: Callable[..., Run], tmp_path: Path) -> None:
    """The numbers of the layout, stated once more without the golden file."""
    import docx
    from docx.oxml.ns import qn

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
    assert motto.runs[0].font.underline  # the line under the tiêu ngữ: as long as the text
    placedate = header.cell(1, 1).paragraphs[0]
    assert placedate.text == "Thái Nguyên, ngày     tháng     năm 2026"
    assert placedate.runs[0].font.italic
    body = next(p for p in d.paragraphs if p.text.startswith("- Tuyên truyền về Ngày"))
    assert body.runs[0].font.name == "Times New Roman" and body.runs[0].font.size.pt == 14
    assert round(body.paragraph_format.first_line_indent.cm, 2) == 1.27
    sign = d.tables[-1]
    assert sign.cell(0, 0).paragraphs[0].text == "Nơi nhận:"
    assert sign.cell(0, 0).paragraphs[0].runs[0].font.size.pt == 12
    archive = sign.cell(0, 0).paragraphs[-1]
    assert archive.text == "-\tLưu: VT, VP."  # the dash, then a tab to the hanging indent
    assert archive.runs[0].font.size.pt == 11
    assert (
        archive.paragraph_format.left_indent.mm,
        archive.paragraph_format.first_line_indent.mm,
    ) == (
        pytest.approx(2.5, abs=0.05),
        pytest.approx(-2.5, abs=0.05),
    )  # a wrapped recipient line starts under the text, not under the dash
    assert sign.rows[0]._tr.trPr.find(qn("w:cantSplit")) is not None
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
    r = cli("render", "plan", str(MINI), "-f", "odt")
    assert (r.code, r.err) == (
        2,
        "Lỗi: giá trị không hợp lệ cho '--format' / '-f': 'odt' không phải một trong 'md', "
        "'html', 'docx', 'pdf' (xem `tnplan render plan --help`)\n",
    )


def test_pdf_needs_an_output_before_any_work(cli: Callable[..., Run]) -> None:
    r = cli("render", "plan", str(MINI), "-f", "pdf")
    assert (r.code, r.err) == (2, "Lỗi: cần -o: một tệp .pdf (ví dụ -o van-ban.pdf)\n")


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
        (
            ["script", "hoi-nghi-sang-che"],
            "## Từ 11 giờ 05 phút đến 11 giờ 20 phút: Phát biểu chỉ đạo",
        ),
        (["script", "hoi-thao"], "# KỊCH BẢN"),
        (
            ["report", "--as-of", "25/6/2026"],
            "Kính gửi: - Ủy ban nhân dân tỉnh Thái Nguyên;\\\n\\- Bộ Khoa học và Công nghệ.\n",
        ),
    ],
)
def test_bundled_plan_works(
    cli: Callable[..., Run], tmp_path: Path, args: list[str], expected: str
) -> None:
    """With no plan given and no ./plans/ here, the bundled plan is used."""
    r = cli("render", *args, cwd=tmp_path)
    assert r.code == 0, r.err
    assert expected in r.out
    assert ("**DỰ THẢO**" in r.out) == (args[0] in ("invitation", "script", "report"))


def test_bundled_invitation_lists_tentative_facts(cli: Callable[..., Run]) -> None:
    r = cli("render", "invitation", "hoi-nghi-sang-che", str(PLAN), "--to", "lanh-dao-ubnd-tinh")
    assert r.code == 0, r.err
    head = r.out.split("UBND TỈNH THÁI NGUYÊN")[0]
    assert head == (
        "**DỰ THẢO**\n\n"
        "> Văn bản này dùng thông tin còn dự kiến, cần xác nhận trước khi ban hành:\n"
        "> - Ngày, giờ, địa điểm Hội nghị “Sáng chế - Động lực đột phá thúc đẩy đổi mới sáng tạo"
        " và phát triển kinh tế tri thức”: thứ Sáu, 15/5/2026, từ 08 giờ 00 phút đến 11 giờ 30"
        " phút, Hội trường Sở Khoa học và Công nghệ tỉnh Thái Nguyên\n"
        "> - Khách mời: Đồng chí Lãnh đạo UBND tỉnh\n"
        "> - Người liên hệ, số điện thoại: Chuyên viên Văn phòng Sở, 0208 3855 123\n\n"
    )
    assert "trân trọng kính mời: **Đồng chí Lãnh đạo UBND tỉnh**" in r.out
    # A provincial leader who speaks in the programme: asked for their time and their words,
    # not to be on time; one addressee: "Như trên".
    assert "\nRất mong Đồng chí quan tâm, dành thời gian đến dự và phát biểu chỉ đạo./.\n" in r.out
    assert "đúng giờ" not in r.out
    assert "***Nơi nhận:***\n- Như trên;\n- Lưu: VT, VP.\n" in r.out
    r = cli("render", "invitation", "hoi-nghi-sang-che", str(PLAN), "--final")
    assert r.code == 1
    assert r.err.startswith(
        "Lỗi: giấy mời giay-moi-hoi-nghi-sang-che.md còn là DỰ THẢO, không ban hành được "
        "(--final): ngày, giờ, địa điểm Hội nghị"
    )
    assert "người liên hệ, số điện thoại: Chuyên viên Văn phòng Sở, 0208 3855 123" in r.err
    assert r.out == ""


def test_invitation_protocol_by_invitee(cli: Callable[..., Run]) -> None:
    """Several addressees: each one's part in the programme beside their name; the closing
    for leaders; dress and reply lines when the plan gives them."""
    plan = VALID / "snnmt-cao-bang-2027.yaml"
    r = cli("render", "invitation", "hoi-nghi", str(plan))
    assert r.code == 0, r.err
    assert "- Đồng chí Lãnh đạo UBND tỉnh Cao Bằng (phát biểu chỉ đạo);\n" in r.out
    assert "- Bà PGS.TS. Nguyễn Thị Thu Hà – Phó Viện trưởng – Viện Khoa học Nông nghiệp" in r.out
    assert "(tham luận: giống lúa chịu hạn cho vùng cao);\n" in r.out
    assert "\nTrang phục: trang phục công sở.\n" in r.out
    assert (
        "\nĐề nghị Quý đại biểu xác nhận tham dự trước ngày 16/3/2027 qua số điện thoại "
        "0206 3852 000.\n"
    ) in r.out
    assert (
        "\nRất mong các đồng chí lãnh đạo, Quý đại biểu quan tâm, dành thời gian đến dự./.\n"
        in r.out
    )
    assert "- Như thành phần mời;" in r.out
    r = cli("render", "invitation", "hoi-nghi", str(plan), "--to", "gd-so")
    assert "\nRất mong Ông đến dự đúng giờ./.\n" in r.out
    assert "- Như trên;" in r.out


def test_bundled_report_says_what_it_lacks(cli: Callable[..., Run]) -> None:
    r = cli("render", "report", str(PLAN), "--as-of", "1/7/2026")
    assert r.code == 0, r.err
    assert r.out.startswith(
        "**DỰ THẢO**\n\n> Báo cáo còn thiếu các thông tin sau, cần bổ sung trước khi ban hành:\n"
        "> - Số của Kế hoạch (trích dẫn trong báo cáo)\n"
        "> - Ngày ban hành Kế hoạch (trích dẫn trong báo cáo)\n"
        "> - Kết quả hoạt động 1. Tổ chức thông tin, tuyên truyền"
    )
    assert "> - Kinh phí thực hiện (dự toán, đã chi)\n> - Đánh giá: ưu điểm\n" in r.out
    assert "**Kết quả tổ chức các hoạt động hưởng ứng" in r.out  # after the period: results
    assert "Kế hoạch số …/KH-SKHCN ngày … của Sở Khoa học và Công nghệ về tổ chức" in r.out
    assert "Tính đến ngày 1/7/2026, đã thực hiện 0/7 hoạt động theo Kế hoạch." in r.out
    assert (
        "Chưa có số liệu về kết quả của 7 hoạt động (số 1, 2, 3, 4, 5, 6, 7 theo Kế hoạch)."
        in r.out
    )
    assert "Chưa có số liệu về kinh phí thực hiện." in r.out
    assert "Chưa có số liệu đánh giá ưu điểm." in r.out
    # Sent to the province and the ministry: the outside bodies' reporting only; the four
    # external units owe it, not the department's own rooms.
    assert "đã nhận 0/4 báo cáo." in r.out
    assert "Phòng Quản lý Khoa học" not in r.out.split("### 3. Tình hình báo cáo")[1]
    assert "Số:      /BC-SKHCN" in r.out
    for heading in (
        "## I. CÔNG TÁC CHỈ ĐẠO, TRIỂN KHAI",
        "## II. KẾT QUẢ THỰC HIỆN",
        "## III. ĐÁNH GIÁ CHUNG",
        "### 1. Ưu điểm",
        "### 2. Tồn tại, hạn chế",
        "### 3. Nguyên nhân",
        "### 4. Bài học kinh nghiệm",
        "## IV. PHƯƠNG HƯỚNG, NHIỆM VỤ TIẾP THEO",
        "## V. ĐỀ XUẤT, KIẾN NGHỊ",
    ):
        assert f"\n{heading}\n" in r.out
    assert (
        "trên địa bàn tỉnh Thái Nguyên của Sở Khoa học và Công nghệ, trân trọng báo cáo Ủy ban "
        "nhân dân tỉnh Thái Nguyên và Bộ Khoa học và Công nghệ./.\n"
    ) in r.out


def test_report_internal_rooms_and_the_issuer(cli: Callable[..., Run]) -> None:
    """--internal shows the rooms; a group counts by its members; the Văn phòng, to which the
    units report, never owes a report to itself."""
    r = cli("render", "report", str(PLAN), "--as-of", "1/7/2026", "--internal")
    assert r.code == 0, r.err
    owed = r.out.split("### 3. Tình hình báo cáo")[1].split("### 4.")[0]
    assert "đã nhận 0/8 báo cáo." in owed  # 4 rooms (members of the group) + 4 outside bodies
    assert "- Phòng Quản lý Khoa học;" in owed
    assert "Văn phòng Sở" not in owed


def test_report_before_the_period_ends_is_a_progress_report(cli: Callable[..., Run]) -> None:
    r = cli("render", "report", str(PLAN), "--as-of", "14/5/2026")
    assert r.code == 0, r.err
    assert "**Tình hình tổ chức các hoạt động hưởng ứng" in r.out
    assert "báo cáo tình hình thực hiện như sau:" in r.out
    assert "\n## II. TÌNH HÌNH THỰC HIỆN\n" in r.out
    assert "Trên đây là báo cáo tình hình tổ chức" in r.out


def test_final_report_is_refused_with_what_it_lacks(
    cli: Callable[..., Run], tmp_path: Path
) -> None:
    out = tmp_path / "bao-cao.docx"
    r = cli("render", "report", str(PLAN), "--as-of", "1/7/2026", "--final", "-o", str(out))
    assert r.code == 1
    assert r.err.startswith(
        "Lỗi: báo cáo bao-cao-ngay-khcn-2026.docx còn là DỰ THẢO, không ban hành được "
        "(--final): số của Kế hoạch (trích dẫn trong báo cáo) (`document.number`); ngày ban "
        "hành Kế hoạch (trích dẫn trong báo cáo) (`document.date`); kết quả hoạt động 1. "
    )
    assert "đánh giá: đề xuất, kiến nghị (`evaluation.proposals`) (bổ sung, chốt" in r.err
    assert not out.exists()
    # A plan with every fact: the final report is written.
    plan = VALID / "snnmt-cao-bang-2027.yaml"
    r = cli("render", "report", str(plan), "--as-of", "15/4/2027", "--final")
    assert r.code == 0, r.err
    assert "DỰ THẢO" not in r.out


def test_unit_report_from_the_unit(cli: Callable[..., Run]) -> None:
    plan = VALID / "snnmt-cao-bang-2027.yaml"
    r = cli("render", "report", str(plan), "--unit", "khuyen-nong", "--as-of", "15/4/2027")
    assert r.code == 0, r.err
    assert r.out.startswith("SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG\\\n**TRUNG TÂM KHUYẾN NÔNG TỈNH**\\\n")
    assert "Số:      /BC-TTKN" in r.out
    assert "Kính gửi: Sở Nông nghiệp và Môi trường (qua Văn phòng Sở).\n" in r.out
    assert (
        "Thực hiện Kế hoạch số 07/KH-SNNMT ngày 8/3/2027 của Sở Nông nghiệp và Môi trường về "
        "tổ chức Hội nghị chuyển giao tiến bộ kỹ thuật"
    ) in r.out
    assert "| 1 | Tổ chức Hội nghị chuyển giao tiến bộ kỹ thuật" in r.out
    assert "- Đường đến các xã vùng cao xa, đi lại khó khăn." in r.out
    assert "**KT. GIÁM ĐỐC**\\\n**PHÓ GIÁM ĐỐC**\n\n**Lương Thị Hằng**" in r.out
    assert "DỰ THẢO" not in r.out
    # A unit that has not reported yet: a draft that says what it lacks.
    r = cli("render", "report", str(plan), "--unit", "trong-trot", "--as-of", "15/4/2027")
    assert r.code == 0, r.err
    assert (
        "> - Kết quả của Phòng Trồng trọt và Bảo vệ thực vật (biểu mẫu báo cáo, hoặc tệp" in r.out
    )
    assert "- 2. Xây dựng mô hình trình diễn giống lúa chịu hạn (chủ trì): đã thực hiện." in r.out
    # A unit with no signer yet: a draft that leaves the signature to fill in, refused final.
    r = cli("render", "report", str(PLAN), "--unit", "qlkh", "--as-of", "25/6/2026")
    assert r.code == 0, r.err
    assert "> - Người ký của Phòng Quản lý Khoa học (chức vụ, họ tên)\n" in r.out
    assert r.out.endswith("**………………**\n\n**………………**\n")
    assert "(chủ trì): chưa ghi nhận kết quả;" in r.out
    r = cli("render", "report", str(PLAN), "--unit", "qlkh", "--final")
    assert r.code == 1 and "(`units[qlkh].signer`)" in r.err
    # A group, a unit owing nothing: refused, each saying why.
    r = cli("render", "report", str(plan), "--unit", "phong-so")
    assert r.code == 2 and "là một nhóm đơn vị" in r.err
    r = cli("render", "report", str(plan), "--unit", "ubnd-tinh")
    assert r.code == 2 and "không phải báo cáo theo kế hoạch" in r.err


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
    r = cli("render", "report", str(MINI), "--as-of", "24/6/2026", "--internal")
    assert "đã nhận 1/3 báo cáo." in r.out
    r = cli("render", "report", str(MINI), "--as-of", "25/6/2026", "--internal")
    assert "đã nhận 2/3 báo cáo." in r.out
    assert "- Các sở, ban, ngành của tỉnh: ngày 25/6/2026 (sau hạn)." in r.out
    r = cli("render", "report", str(MINI), "--as-of", "hôm kia")
    assert r.code == 2


def test_word_file_properties_language_and_navigation(
    cli: Callable[..., Run], tmp_path: Path
) -> None:
    """vi-VN text, the plan's own properties (no library default), headings for Word's
    navigation pane, and the closing kept with the signature."""
    import datetime as dt

    import docx
    from docx.oxml.ns import qn

    out = tmp_path / "plan.docx"
    assert cli("render", "plan", str(MINI), "-o", str(out), env=EPOCH).code == 0
    d = docx.Document(str(out))
    props = d.core_properties
    assert props.title == "Tổ chức các hoạt động hưởng ứng Ngày Khoa học và Công nghệ năm 2026"
    assert (props.author, props.last_modified_by) == ("Sở Khoa học và Công nghệ",) * 2
    assert (props.subject, props.language, props.comments) == ("Kế hoạch", "vi-VN", "")
    assert props.created == props.modified == dt.datetime(2026, 5, 11, 8, 0, tzinfo=dt.UTC)
    lang = d.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault"))
    assert lang.find(qn("w:rPr")).find(qn("w:lang")).get(qn("w:val")) == "vi-VN"
    headings = [(p.style.name, p.text) for p in d.paragraphs if p.style.name.startswith("Head")]
    assert headings[:3] == [
        ("Heading 1", "I. MỤC ĐÍCH, YÊU CẦU"),
        ("Heading 2", "1. Mục đích"),
        ("Heading 2", "2. Yêu cầu"),
    ]
    h1 = d.styles["Heading 1"]  # black Times New Roman, not the template's blue Calibri
    assert (h1.font.name, h1.font.size.pt, str(h1.font.color.rgb)) == (
        "Times New Roman",
        14,
        "000000",
    )
    last = next(p for p in d.paragraphs if p.text.endswith("./."))
    assert last.paragraph_format.keep_with_next and last.paragraph_format.keep_together
    # Without SOURCE_DATE_EPOCH: the time of the render, not python-docx's 2013 default.
    again = tmp_path / "again.docx"
    assert cli("render", "plan", str(MINI), "-o", str(again)).code == 0
    assert docx.Document(str(again)).core_properties.created.year >= 2026


def test_a_date_asked_of_guests_already_past_is_said(
    cli: Callable[..., Run], tmp_path: Path
) -> None:
    """Written on 12/5/2026 with no signing date, the invitation asks for papers by 11/5:
    a warning on stderr (once, even for one file per invitee); written on 10/5, none."""
    on_12 = {"SOURCE_DATE_EPOCH": "1778572800"}  # 12/5/2026 08:00 UTC, 15:00 in Hà Nội
    r = cli("render", "invitation", "hoi-thao", str(PLAN), "--to", "so-nganh", env=on_12)
    assert r.code == 0
    assert r.err == (
        "Cảnh báo: giấy mời hẹn khách ngày 11/5/2026 (ghi chú), trước ngày ký giấy mời "
        "12/5/2026: khách nhận giấy mời khi đã quá hạn\n"
    )
    r = cli("render", "invitation", "hoi-thao", str(PLAN), "--each", "-o", str(tmp_path), env=on_12)
    assert r.err.count("Cảnh báo:") == 1
    on_10 = {"SOURCE_DATE_EPOCH": "1778400000"}  # 10/5/2026
    r = cli("render", "invitation", "hoi-thao", str(PLAN), "--lang", "en", env=on_10)
    assert "Warning" not in r.err
