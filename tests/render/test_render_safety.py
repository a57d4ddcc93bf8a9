"""What must never reach paper or disk: missing facts, template slips, half-written files.

Covers: invitations refuse and list every missing fact; StrictUndefined names the field and
the template line; templates are overridden file by file (``--templates`` and the plan's
``templates`` field); writes are atomic, never overwrite without ``--force`` and leave
nothing when they fail; ``--each`` writes one safe, de-duplicated file per invitee inside
the folder.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from support import Run

HERE = Path(__file__).resolve().parent
MINI = HERE / "plans" / "mini.yaml"


def variant(tmp_path: Path, *edits: tuple[str, str], name: str = "plan.yaml") -> Path:
    """A copy of the fixture plan with text replacements (each must apply once)."""
    text = MINI.read_text(encoding="utf-8")
    for old, new in edits:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def listing(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


# --- missing facts ---------------------------------------------------------------------------


def test_invitation_lists_every_missing_fact(cli: Callable[..., Run], tmp_path: Path) -> None:
    text = MINI.read_text(encoding="utf-8")
    start = text.index('      start: "08:00"')
    end = text.index("    result:\n      participants: 120")
    kept = text[start:end].split("      notes:")[1].split("      tentative: true\n")[0]
    plan = tmp_path / "plan.yaml"
    plan.write_text(text[:start] + "      notes:" + kept + text[end:], encoding="utf-8")
    out = tmp_path / "gm.md"
    r = cli("render", "invitation", "hoi-nghi", str(plan), "-o", str(out))
    assert r.code == 1
    assert r.err == (
        "Lỗi: không soạn được giấy mời cho hoạt động `hoi-nghi`: thiếu "
        "giờ bắt đầu (`activities[hoi-nghi].event.start`); "
        "địa điểm (`activities[hoi-nghi].event.venue`); "
        "người chủ trì (`activities[hoi-nghi].event.chair`); "
        "khách mời (`activities[hoi-nghi].event.invitees`); "
        "người liên hệ (`activities[hoi-nghi].event.contact.person`); "
        "số điện thoại liên hệ (`activities[hoi-nghi].event.contact.phone`) "
        "(bổ sung vào tệp kế hoạch rồi chạy lại)\n"
    )
    assert not out.exists()
    assert listing(tmp_path) == ["plan.yaml"]


def test_invitation_without_event(cli: Callable[..., Run]) -> None:
    r = cli("render", "invitation", "gap-mat", str(MINI), "--force")  # cancelled: forced
    assert r.code == 1
    assert "thiếu sự kiện: ngày, giờ, địa điểm, khách mời (`activities[gap-mat].event`)" in r.err


def test_invitation_to_a_cancelled_activity_is_refused(cli: Callable[..., Run]) -> None:
    r = cli("render", "invitation", "gap-mat", str(MINI))
    assert (r.code, r.out) == (1, "")
    assert r.err == (
        "Lỗi: hoạt động `gap-mat` đã hủy (`status: cancelled`): không soạn giấy mời "
        "(sửa `status` khi hoạt động được tổ chức lại, hoặc thêm --force để vẫn soạn)\n"
    )


def test_contact_falls_back_to_the_lead_unit(cli: Callable[..., Run], tmp_path: Path) -> None:
    plan = variant(
        tmp_path,
        (
            "      contact:\n        person: Bà Lê Thu Hà, Chánh Văn phòng\n"
            "        phone: 0208 3855 123\n      notes:",
            "      notes:",
        ),
        ("    lead: qlkh\n    support: [vp]", "    lead: vp\n    support: [qlkh]"),
    )
    r = cli("render", "invitation", "hoi-nghi", str(plan), "--to", "gs-lan")
    assert r.code == 0, r.err
    assert "liên hệ: Bà Lê Thu Hà, Chánh Văn phòng, điện thoại: 0208 3855 123." in r.out


def test_script_needs_a_programme(cli: Callable[..., Run]) -> None:
    r = cli("render", "script", "tuyen-truyen", str(MINI))
    assert r.code == 1
    assert r.err == (
        "Lỗi: không soạn được kịch bản cho hoạt động `tuyen-truyen`: thiếu "
        "sự kiện: ngày, giờ, địa điểm (`activities[tuyen-truyen].event`); "
        "chương trình (`activities[tuyen-truyen].programme`) "
        "(bổ sung vào tệp kế hoạch rồi chạy lại)\n"
    )


def test_script_times_are_computed_and_checked(cli: Callable[..., Run], tmp_path: Path) -> None:
    r = cli("render", "script", "hoi-nghi", str(MINI))
    starts = re.findall(r"^## Từ (\d\d giờ \d\d phút) đến (\d\d giờ \d\d phút)", r.out, re.M)
    assert starts == [
        ("08 giờ 00 phút", "08 giờ 30 phút"),
        ("08 giờ 30 phút", "08 giờ 40 phút"),
        ("08 giờ 40 phút", "08 giờ 55 phút"),
        ("09 giờ 00 phút", "11 giờ 00 phút"),
    ]
    # The MC closes; the tool's own arithmetic (total, slack) is not in the document.
    assert "## 11 giờ 00 phút: Kết thúc chương trình\n" in r.out
    assert "Thời gian chương trình" not in r.out and "khớp giờ" not in r.out
    # One slot too long: the programme ends after the event (the checker says so too).
    plan = variant(tmp_path, ("        minutes: 120\n", "        minutes: 160\n"))
    r = cli("render", "script", "hoi-nghi", str(plan))
    assert r.code == 1
    assert "11:40" in r.err and "11:30" in r.err


# --- template errors -------------------------------------------------------------------------


def test_missing_field_names_field_and_template_line(
    cli: Callable[..., Run], tmp_path: Path
) -> None:
    own = tmp_path / "mau"
    own.mkdir()
    (own / "plan.md.j2").write_text("# {{ doc.title }}\n\nSố: {{ doc.number }}\n", encoding="utf-8")
    out = tmp_path / "kh.md"
    r = cli("render", "plan", str(MINI), "--templates", str(own), "-o", str(out))
    assert r.code == 3
    assert r.err == (
        "Lỗi: mẫu plan.md.j2, dòng 3: thiếu dữ liệu `Document.number` "
        "(bổ sung trường này vào kế hoạch, hoặc trong mẫu dùng `{% if … is defined %}`)\n"
    )
    assert listing(tmp_path) == ["mau"]


def test_unknown_field_in_an_included_template(cli: Callable[..., Run], tmp_path: Path) -> None:
    own = tmp_path / "mau"
    own.mkdir()
    (own / "_parts.md.j2").write_text(
        "{% macro draft_note(d) %}{% endmacro %}\n"
        "{% macro header(doc, n, d) %}\n{{ doc.parent }}\n{{ doc.fax }}\n{% endmacro %}\n",
        encoding="utf-8",
    )
    r = cli("render", "plan", str(MINI), "--templates", str(own))
    assert r.code == 3
    assert r.err.startswith("Lỗi: mẫu _parts.md.j2, dòng 4: thiếu dữ liệu `Document.fax` (")


def test_undefined_name_and_syntax_error(cli: Callable[..., Run], tmp_path: Path) -> None:
    own = tmp_path / "mau"
    own.mkdir()
    (own / "plan.md.j2").write_text("\n\n{{ chu_ky }}\n", encoding="utf-8")
    (own / "plan.html.j2").write_text("{% if %}\n", encoding="utf-8")
    r = cli("render", "plan", str(MINI), "--templates", str(own))
    assert (r.code, r.err.split(" (")[0]) == (
        3,
        "Lỗi: mẫu plan.md.j2, dòng 3: thiếu dữ liệu `chu_ky`",
    )
    r = cli("render", "plan", str(MINI), "--templates", str(own), "-f", "html")
    assert r.code == 3
    assert r.err.startswith("Lỗi: mẫu plan.html.j2, dòng 1: lỗi cú pháp:")


@pytest.mark.parametrize(
    ("template", "vi", "en"),
    [
        ("{{ plan.id | khong_co }}", "không có bộ lọc `khong_co`", "no filter `khong_co`"),
        (
            "{% for x in plan.units %}{{ x.id }}",
            "mẫu hết mà khối `{% for %}` chưa đóng (thiếu `{% endfor %}`)",
            "the template ends with the `{% for %}` block still open (`{% endfor %}` is missing)",
        ),
        (
            "{% khong_co %}",
            "thẻ `{% khong_co %}` không có, hoặc không khớp với thẻ mở nào",
            "the tag `{% khong_co %}` does not exist or closes nothing",
        ),
        ("{{ plan.id ", "mẫu hết khi còn thiếu `}}`", "the template ends where `}}` is expected"),
        ("{{ }}", "thiếu biểu thức trước `}}`", "an expression is missing before `}}`"),
        ("{{ 'a }}", "ký tự `'` không đúng chỗ", "the character `'` is out of place"),
        ("{# x", "thiếu `#}` đóng chú thích", "a comment has no `#}`"),
        (
            "{{ plan.__class__ }}",
            "mẫu không được dùng thuộc tính `__class__`",
            "a template may not use the attribute `__class__`",
        ),
        (
            "{% if plan is khong_co %}{% endif %}",
            "không có phép thử `khong_co` (sau `is`)",
            "no test `khong_co` (after `is`)",
        ),
        (
            "{{ 'a' + 1 }}",
            "mẫu gặp một giá trị sai kiểu (chữ, số, danh sách …) (chạy lại với --lang en",
            'TypeError: can only concatenate str (not "int") to str',
        ),
    ],
)
def test_jinja_errors_in_the_language_of_the_run(
    cli: Callable[..., Run], tmp_path: Path, template: str, vi: str, en: str
) -> None:
    """Jinja2's English never reaches a Vietnamese line; in English, plain words."""
    from language import not_english, not_vietnamese

    own = tmp_path / "mau"
    own.mkdir()
    (own / "plan.md.j2").write_text(template + "\n", encoding="utf-8")
    r = cli("render", "plan", str(MINI), "--templates", str(own))
    assert r.code == 3
    assert vi in r.err
    assert not_vietnamese(r.err, allowed={"plan.md.j2", "Jinja2"}) == []
    r = cli("render", "plan", str(MINI), "--templates", str(own), "--lang", "en")
    assert r.code == 3
    assert en in r.err
    assert not_english(r.err) == []


def test_bad_docx_block(cli: Callable[..., Run], tmp_path: Path) -> None:
    own = tmp_path / "mau"
    own.mkdir()
    (own / "plan.docx.j2").write_text("@type KẾ HOẠCH\n@paragraph x\n", encoding="utf-8")
    r = cli("render", "plan", str(MINI), "--templates", str(own), "-o", str(tmp_path / "k.docx"))
    assert r.code == 3
    assert r.err == (
        "Lỗi: mẫu plan.docx.j2 tạo ra dòng 2 không hợp lệ: khối `@paragraph` không có\n"
    )
    assert listing(tmp_path) == ["mau"]
    for block, said in (
        ("@size lớn", "dòng 2 không hợp lệ: cỡ chữ không phải số: lớn"),
        ("@size 40", "dòng 2 không hợp lệ: cỡ chữ 40 ngoài 10–16"),
        ("@property tac-gia X", "dòng 2 không hợp lệ: @property tac-gia: chỉ có title, subject"),
    ):
        (own / "plan.docx.j2").write_text(f"@type KẾ HOẠCH\n{block}\n", encoding="utf-8")
        r = cli(
            "render", "plan", str(MINI), "--templates", str(own), "-o", str(tmp_path / "k.docx")
        )
        assert r.code == 3 and said in r.err, r.err
    assert listing(tmp_path) == ["mau"]


def test_templates_folder_missing(cli: Callable[..., Run], tmp_path: Path) -> None:
    r = cli("render", "plan", str(MINI), "--templates", str(tmp_path / "khong-co"))
    assert r.code == 3
    assert r.err.startswith("Lỗi: không có thư mục mẫu ")


def test_override_is_file_by_file(cli: Callable[..., Run], tmp_path: Path) -> None:
    """Only the header changes; plan.md.j2 itself is still the built-in one."""
    own = tmp_path / "mau"
    own.mkdir()
    parts = (HERE.parent.parent / "templates" / "_parts.md.j2").read_text(encoding="utf-8")
    (own / "_parts.md.j2").write_text(
        parts.replace("{{ doc.parent }}\\", "{{ doc.parent | upper }} (MẪU RIÊNG)\\"),
        encoding="utf-8",
    )
    r = cli("render", "plan", str(MINI), "--templates", str(own))
    assert r.code == 0, r.err
    assert r.out.startswith("UBND TỈNH THÁI NGUYÊN (MẪU RIÊNG)\\\n**SỞ KHOA HỌC VÀ CÔNG NGHỆ**")
    assert "## VII. CHẾ ĐỘ THÔNG TIN, BÁO CÁO" in r.out


def test_plan_level_templates_field(cli: Callable[..., Run], tmp_path: Path) -> None:
    (tmp_path / "mau-so").mkdir()
    (tmp_path / "mau-so" / "script.md.j2").write_text(
        "{% for row in rows %}{{ row.start | time }} {{ row.item }}\n{% endfor %}", "utf-8"
    )
    plan = variant(tmp_path, ("format: tnplan/1\n", "format: tnplan/1\ntemplates: mau-so\n"))
    r = cli("render", "script", "hoi-nghi", str(plan), cwd=HERE)
    assert r.code == 0, r.err
    assert r.out == (
        "08 giờ 00 phút Đón tiếp đại biểu\n"
        "08 giờ 30 phút Tuyên bố lý do, giới thiệu đại biểu\n"
        "08 giờ 40 phút Phát biểu khai mạc\n09 giờ 00 phút Tham luận\n"
        "11 giờ 00 phút Kết thúc chương trình\n"
    )
    # --templates comes first, then the plan's folder, then the built-in templates.
    first = tmp_path / "first"
    first.mkdir()
    (first / "script.md.j2").write_text("từ --templates\n", "utf-8")
    r = cli("render", "script", "hoi-nghi", str(plan), "--templates", str(first))
    assert r.out == "từ --templates\n"
    r = cli("render", "plan", str(plan))
    assert r.out.startswith("UBND TỈNH THÁI NGUYÊN\\")  # not overridden: built in


def test_plan_level_templates_missing(cli: Callable[..., Run], tmp_path: Path) -> None:
    plan = variant(tmp_path, ("format: tnplan/1\n", "format: tnplan/1\ntemplates: khong-co\n"))
    r = cli("render", "plan", str(plan))
    assert r.code == 3
    assert r.err.startswith(f"Lỗi: {plan}:3:12: không có thư mục mẫu ")
    assert "(trường `templates`)" in r.err


# --- writing ---------------------------------------------------------------------------------


def test_no_overwrite_without_force(cli: Callable[..., Run], tmp_path: Path) -> None:
    out = tmp_path / "kh.md"
    out.write_text("bản cũ\n", encoding="utf-8")
    r = cli("render", "plan", str(MINI), "-o", str(out))
    assert r.code == 3
    assert r.err == f"Lỗi: tệp {out} đã có (thêm --force để ghi đè)\n"
    assert out.read_text(encoding="utf-8") == "bản cũ\n"
    r = cli("render", "plan", str(MINI), "-o", str(out), "--force")
    assert r.code == 0
    assert out.read_text(encoding="utf-8").startswith("UBND TỈNH THÁI NGUYÊN")
    assert listing(tmp_path) == ["kh.md"]  # no temporary file left


def test_written_file_mode_follows_umask(cli: Callable[..., Run], tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        out = tmp_path / "kh.md"
        assert cli("render", "plan", str(MINI), "-o", str(out)).code == 0
    finally:
        os.umask(old)
    assert out.stat().st_mode & 0o777 == 0o644


def test_missing_output_folder(cli: Callable[..., Run], tmp_path: Path) -> None:
    out = tmp_path / "khong-co" / "kh.md"
    r = cli("render", "plan", str(MINI), "-o", str(out))
    assert r.code == 3
    assert r.err == f"Lỗi: không có thư mục {out.parent} (tạo thư mục trước)\n"
    assert listing(tmp_path) == []


def test_failed_write_leaves_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from tnplan.documents import render
    from tnplan.plan.problems import TnplanError

    def broken(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    from tnplan.documents import files

    monkeypatch.setattr(files.os, "replace", broken)
    with pytest.raises(TnplanError) as err:
        render.write_atomic(tmp_path / "kh.md", b"x")
    assert err.value.exit_code == 3
    assert err.value.message == f"không ghi được {tmp_path / 'kh.md'}: đĩa đã đầy"
    assert listing(tmp_path) == []


# --- one file per invitee --------------------------------------------------------------------

EACH = [  # one file per invitee, named by its id: a reordered list keeps every file its owner's
    "giay-moi-hoi-nghi-an-1.md",
    "giay-moi-hoi-nghi-an-2.md",
    "giay-moi-hoi-nghi-cham.md",
    "giay-moi-hoi-nghi-dn.md",
    "giay-moi-hoi-nghi-gs-lan.md",
    "giay-moi-hoi-nghi-pct-ubnd.md",
    "giay-moi-hoi-nghi-qlkh.md",
    "giay-moi-hoi-nghi-so-nganh.md",
    "giay-moi-hoi-nghi-tro-len.md",
]


def test_each_writes_one_safe_file_per_invitee(cli: Callable[..., Run], tmp_path: Path) -> None:
    folder = tmp_path / "giay-moi"
    r = cli("render", "invitation", "hoi-nghi", str(MINI), "--each", "-o", str(folder))
    assert r.code == 0, r.err
    assert listing(tmp_path) == ["giay-moi"]  # nothing escaped the folder
    assert listing(folder) == EACH
    assert r.err.count("Đã ghi ") == 9
    assert r.out == ""
    an = (folder / "giay-moi-hoi-nghi-an-1.md").read_text(encoding="utf-8")
    an2 = (folder / "giay-moi-hoi-nghi-an-2.md").read_text(encoding="utf-8")
    assert (
        "trân trọng kính mời: **Ông Nguyễn Văn An – Trung tâm Ứng dụng/Chuyển giao công nghệ**"
        in an
    )
    assert "Rất mong Ông đến dự đúng giờ./." in an
    assert "trân trọng kính mời: **Ông Nguyễn Văn Ân**" in an2
    up = (folder / "giay-moi-hoi-nghi-tro-len.md").read_text(encoding="utf-8")
    assert "trân trọng kính mời: **../../Phòng Thí nghiệm**" in up
    # Only the tentative guest's own letter lists him as a tentative fact.
    duc = (folder / "giay-moi-hoi-nghi-pct-ubnd.md").read_text(encoding="utf-8")
    assert "> - Khách mời: Ông Trần Văn Đức – Phó Chủ tịch – UBND tỉnh Thái Nguyên" in duc
    assert "> - Khách mời:" not in an


def test_each_in_word(cli: Callable[..., Run], tmp_path: Path) -> None:
    import docx

    folder = tmp_path / "gm"
    r = cli(
        "render", "invitation", "hoi-nghi", str(MINI), "--each", "-f", "docx", "-o", str(folder)
    )
    assert r.code == 0, r.err
    assert listing(folder) == [n.replace(".md", ".docx") for n in EACH]
    d = docx.Document(str(folder / "giay-moi-hoi-nghi-gs-lan.docx"))
    text = "\n".join(p.text for p in d.paragraphs)
    assert "trân trọng kính mời: Bà GS.TS. Phạm Thị Lan – Hiệu trưởng" in text


def test_each_refuses_before_writing_anything(cli: Callable[..., Run], tmp_path: Path) -> None:
    folder = tmp_path / "gm"
    folder.mkdir()
    (folder / EACH[4]).write_text("cũ", encoding="utf-8")
    r = cli("render", "invitation", "hoi-nghi", str(MINI), "--each", "-o", str(folder))
    assert r.code == 3
    assert r.err == f"Lỗi: đã có tệp: {folder / EACH[4]} (thêm --force để ghi đè)\n"
    assert listing(folder) == [EACH[4]]
    r = cli("render", "invitation", "hoi-nghi", str(MINI), "--each", "-o", str(folder), "--force")
    assert r.code == 0
    assert listing(folder) == EACH


def test_each_needs_a_folder(cli: Callable[..., Run], tmp_path: Path) -> None:
    r = cli("render", "invitation", "hoi-nghi", str(MINI), "--each")
    assert (r.code, r.err) == (2, "Lỗi: cần -o: một thư mục (ví dụ -o giay-moi/)\n")
    afile = tmp_path / "a.md"
    afile.write_text("", encoding="utf-8")
    r = cli("render", "invitation", "hoi-nghi", str(MINI), "--each", "-o", str(afile))
    assert r.code == 3
    assert r.err.startswith(f"Lỗi: {afile} không phải thư mục")


def test_to_and_each_together(cli: Callable[..., Run]) -> None:
    r = cli("render", "invitation", "hoi-nghi", str(MINI), "--each", "--to", "gs-lan")
    assert (r.code, r.err) == (2, "Lỗi: dùng --to hoặc --each, không dùng cả hai\n")


def test_to_must_be_invited(cli: Callable[..., Run]) -> None:
    r = cli("render", "invitation", "hoi-nghi", str(MINI), "--to", "cds")
    assert r.code == 2
    assert r.err.startswith("Lỗi: `cds` không có trong danh sách khách mời của `hoi-nghi` (")


def test_to_file_name(cli: Callable[..., Run], tmp_path: Path) -> None:
    r = cli("render", "invitation", "hoi-nghi", str(MINI), "--to", "dn", "-o", str(tmp_path))
    assert r.code == 0, r.err
    assert listing(tmp_path) == ["giay-moi-hoi-nghi-dn.md"]
