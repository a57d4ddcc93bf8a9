"""The template filters and the strict environment, one expectation a line."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest

from tnplan.documents import render
from tnplan.plan import model
from tnplan.plan.problems import TnplanError

D = dt.date


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (D(2026, 5, 8), "ngày 08 tháng 5 năm 2026"),
        (D(2026, 1, 5), "ngày 05 tháng 01 năm 2026"),
        (D(2026, 2, 28), "ngày 28 tháng 02 năm 2026"),
        (D(2026, 6, 29), "ngày 29 tháng 6 năm 2026"),
        (D(2026, 12, 10), "ngày 10 tháng 12 năm 2026"),
    ],
)
def test_official_date(day: dt.date, expected: str) -> None:
    assert render.official_date(day) == expected


def test_official_date_blank_for_the_clerk() -> None:
    assert render.official_date(None, 2026) == "ngày     tháng     năm 2026"


@pytest.mark.parametrize(
    ("number", "code", "expected"),
    [
        ("5", "GM", "Số: 05/GM-SKHCN"),
        ("05", "KH", "Số: 05/KH-SKHCN"),
        ("12", "BC", "Số: 12/BC-SKHCN"),
        ("123", "KH", "Số: 123/KH-SKHCN"),
        (None, "GM", "Số:      /GM-SKHCN"),
    ],
)
def test_docnumber(number: str | None, code: str, expected: str) -> None:
    assert render.docnumber(number, code, "SKHCN") == expected


def test_docnumber_of_a_cong_van() -> None:
    assert render.docnumber("123", None, "SKHCN-VP") == "Số: 123/SKHCN-VP"


def test_small_filters() -> None:
    assert render.weekday(D(2026, 5, 12)) == "thứ Ba"
    assert render.weekday(D(2026, 5, 17), capital=True) == "Chủ nhật"
    assert render.short_date(D(2026, 5, 12)) == "12/5/2026"
    # one time style in every document: two digits, each with its word
    assert render.time_words(dt.time(14, 5)) == "14 giờ 05 phút"
    assert render.time_span(dt.time(8, 0), dt.time(11, 30)) == (
        "từ 08 giờ 00 phút đến 11 giờ 30 phút"
    )
    assert render.FILTERS["time"] is render.time_words
    assert render.money(1500000) == "1.500.000 đồng"
    assert render.quoted("Khẩu hiệu") == "“Khẩu hiệu”"
    assert render.quoted("“Đã có”") == "“Đã có”"
    assert render.sentence("Câu") == "Câu."
    assert render.sentence("Câu;") == "Câu;"
    assert render.end_mark("thực hiện.") == "thực hiện./."
    assert render.end_mark("thực hiện./.") == "thực hiện./."
    assert [render.roman(n) for n in (1, 4, 6, 7, 9, 14)] == ["I", "IV", "VI", "VII", "IX", "XIV"]
    assert render.lower_first("Tổ chức") == "tổ chức"


def test_signer_and_recipients() -> None:
    kt = model.Signer(authority="KT.", on_behalf_of="Giám đốc", title="Phó Giám đốc", name="A")
    assert render.signer_lines(kt) == ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"]
    assert render.signer_lines(model.Signer(title="GIÁM ĐỐC", name="B")) == ["GIÁM ĐỐC"]
    assert render.recipient_lines(["Lãnh đạo Sở;", "Các phòng"], "VT, VP") == [
        "- Lãnh đạo Sở;",
        "- Các phòng;",
        "- Lưu: VT, VP.",
    ]
    assert render.list_lines(["UBND tỉnh", "Bộ KH&CN"]) == ["- UBND tỉnh;", "- Bộ KH&CN."]


def test_basis_text() -> None:
    b = model.Basis(
        verb="Thực hiện",
        kind="Công văn",
        number="2712/BKHCN-VP",
        date=D(2026, 4, 29),
        issuer="Bộ Khoa học và Công nghệ",
        subject="hướng dẫn …",
    )
    assert render.basis_text(b) == (
        "Thực hiện Công văn số 2712/BKHCN-VP ngày 29/4/2026 của Bộ Khoa học và Công nghệ "
        "về việc hướng dẫn …"
    )


def _env(tmp_path: Path, source: str, name: str = "t.md.j2") -> tuple[object, str]:
    (tmp_path / name).write_text(source, encoding="utf-8")
    return render.environment([tmp_path]), name


def test_none_is_undefined(tmp_path: Path) -> None:
    env, name = _env(tmp_path, "{{ g.title }}\n")
    guest = model.Guest(id="x", name="X")
    with pytest.raises(TnplanError) as err:
        render.render_template(env, name, {"g": guest})  # type: ignore[arg-type]
    assert err.value.exit_code == 3
    assert err.value.message == "mẫu t.md.j2, dòng 1: thiếu dữ liệu `Guest.title`"


def test_is_defined_guards_an_optional_field(tmp_path: Path) -> None:
    env, name = _env(tmp_path, "{% if g.title is defined %}{{ g.title }}{% else %}-{% endif %}")
    guest = model.Guest(id="x", name="X")
    assert render.render_template(env, name, {"g": guest}) == "-"  # type: ignore[arg-type]


def test_top_level_none_is_undefined(tmp_path: Path) -> None:
    env, name = _env(tmp_path, "a\n{{ evaluation }}")
    with pytest.raises(TnplanError) as err:
        render.render_template(env, name, {"evaluation": None}, "en")  # type: ignore[arg-type]
    assert err.value.message == "template t.md.j2, line 2: missing `evaluation`"


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("t.html.j2", "&lt;b&gt;&amp; \\*x\\* |"),
        ("t.md.j2", "\\<b>& \\\\\\*x\\\\\\* \\|"),
        ("t.docx.j2", "<b>& \\\\\\*x\\\\\\* \\|"),
        ("t.txt.j2", "<b>&\n\\*x\\* |"),  # not a document format: as it is
    ],
)
def test_each_format_escapes_for_itself(tmp_path: Path, name: str, expected: str) -> None:
    """By the template's file name; a macro's output and `| safe` are markup, left alone."""
    env, name = _env(tmp_path, "{{ x }}", name)
    assert render.render_template(env, name, {"x": "<b>&\n\\*x\\* |"}) == expected  # type: ignore[arg-type]
    env, name = _env(tmp_path, "{% macro m() %}*đậm*{% endmacro %}{{ m() }} {{ y | safe }}", name)
    assert render.render_template(env, name, {"y": "**z**"}) == "*đậm* **z**"  # type: ignore[arg-type]


def test_importing_render_stays_light() -> None:
    """jinja2, docx, typer and rich load only when a document is rendered."""
    code = (
        "import sys, tnplan.documents.render, tnplan.documents.docx_writer; "
        "print(sorted(m for m in ('jinja2', 'docx', 'typer', 'rich') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout == "[]\n"


def test_builtin_templates_found() -> None:
    folder = render.builtin_templates()
    assert (folder / "plan.md.j2").is_file()
    for kind in (*render.KINDS, "report-unit"):
        for fmt in ("md", "html", "docx"):  # pdf is the Word file, converted
            assert (folder / f"{kind}.{fmt}.j2").is_file(), f"{kind}.{fmt}.j2"


def test_event_name_falls_back_to_the_title() -> None:
    a = model.Activity(id="x", title="Tổ chức Hội thảo khoa học")
    assert render.event_name(a) == "Hội thảo khoa học"
    a.event = model.Event(name="Hội thảo “Tên riêng”", date=D(2026, 5, 14))
    assert render.event_name(a) == "Hội thảo “Tên riêng”"


def test_templates_are_sandboxed(tmp_path: Path) -> None:
    env, name = _env(tmp_path, "{{ g.__class__.__mro__ }}")
    with pytest.raises(TnplanError) as err:
        render.render_template(env, name, {"g": model.Guest(id="x", name="X")})  # type: ignore[arg-type]
    assert err.value.exit_code == 3
    assert err.value.message == "mẫu t.md.j2, dòng 1: mẫu không được dùng thuộc tính `__class__`"
