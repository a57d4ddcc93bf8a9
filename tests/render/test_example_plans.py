"""The example plans of other agencies and years (``tests/plans/valid/``) against goldens.

Each plan has ``status`` and ``overdue`` at three dates (before, during, after its life) and
every document it can give, in Markdown, HTML and Word (read back with python-docx):

* ``bo-tuan-le-khcn-2026``: a ministry with no parent body, a KT. signer, three legal bases
  and a two-day conference in two sessions;
* ``so-tttt-2023``: a past year's plan with its progress recorded (done, postponed since a
  day, cancelled, receipts before and after their deadline);
* ``trien-lam-2026``: an exhibition over four days, honourees, groups of units with members
  (one invitation per member);
* ``ubnd-xa-phu-binh-2026``: a commune's People's Committee, no parent body, a vice-chair
  signing for the committee and its chair (TM. / KT. / PHÓ CHỦ TỊCH), the villages a group.

Refresh on purpose with ``TNPLAN_UPDATE_GOLDEN=1 pytest tests/render`` and review the diff.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import docx_readback
import pytest

from support import Run

EPOCH = {"SOURCE_DATE_EPOCH": "1778486400"}  # 2026-05-11 08:00 UTC: reproducible Word files

VALID = Path(__file__).resolve().parents[1] / "plans" / "valid"

# plan id: (three as-of dates, the activity with an event, the report's date)
EXAMPLES = {
    "bo-tuan-le-khcn-2026": (("4/5/2026", "15/5/2026", "15/6/2026"), "hoi-nghi", "15/6/2026"),
    "so-tttt-2023": (("1/3/2023", "15/3/2023", "10/4/2023"), "hoi-thao", "15/4/2023"),
    "trien-lam-2026": (("10/5/2026", "16/5/2026", "2/6/2026"), "trien-lam", "2/6/2026"),
    "ubnd-xa-phu-binh-2026": (("25/9/2026", "9/10/2026", "25/10/2026"), "ngay-hoi", "2/11/2026"),
}


def _plan(name: str) -> str:
    return str(VALID / f"{name}.yaml")


def _slug(day: str) -> str:
    d, m, y = day.split("/")
    return f"{y}-{int(m):02d}-{int(d):02d}"


@pytest.mark.parametrize("command", ["status", "overdue"])
@pytest.mark.parametrize("name", list(EXAMPLES))
def test_status_and_overdue_at_three_dates(
    cli: Callable[..., Run], golden: Callable[[str, str], None], name: str, command: str
) -> None:
    for day in EXAMPLES[name][0]:
        r = cli(command, _plan(name), "--as-of", day)
        assert r.code == 0, r.err
        golden(f"examples/{name}/{command}-{_slug(day)}.txt", r.out)


def _documents(name: str) -> dict[str, list[str]]:
    _dates, activity, report = EXAMPLES[name]
    return {
        "plan": ["plan", _plan(name)],
        "invitation": ["invitation", activity, _plan(name), "--force"],
        "script": ["script", activity, _plan(name)],
        "report": ["report", _plan(name), "--as-of", report],
    }


@pytest.mark.parametrize("fmt", ["md", "html"])
@pytest.mark.parametrize("name", list(EXAMPLES))
def test_documents_text(
    cli: Callable[..., Run], golden: Callable[[str, str], None], name: str, fmt: str
) -> None:
    for kind, args in _documents(name).items():
        r = cli("render", *args, "-f", fmt)
        assert r.code == 0, (kind, r.err)
        golden(f"examples/{name}/{kind}.{fmt}", r.out)


@pytest.mark.parametrize("name", list(EXAMPLES))
def test_documents_docx(
    cli: Callable[..., Run], golden: Callable[[str, str], None], tmp_path: Path, name: str
) -> None:
    for kind, args in _documents(name).items():
        out = tmp_path / f"{kind}.docx"
        r = cli("render", *args, "-o", str(out), env=EPOCH)
        assert r.code == 0, (kind, r.err)
        golden(f"examples/{name}/{kind}.docx.txt", docx_readback.describe(out.read_bytes()))


def test_ministry_header_has_one_agency_and_a_two_line_kt_signature(
    cli: Callable[..., Run],
) -> None:
    md = cli("render", "plan", _plan("bo-tuan-le-khcn-2026")).out
    assert md.startswith("**BỘ KHOA HỌC VÀ CÔNG NGHỆ**\\\n────────\\\nSố: 112/KH-BKHCN\n")
    assert "**KT. BỘ TRƯỞNG**\\\n**THỨ TRƯỞNG**\n\n**Trần Văn Bình**" in md
    assert "-" not in md.split("**BỘ KHOA")[0]  # nothing printed for the absent parent
    # Three bases, one sentence: lower case after each `;`, the intro after a comma.
    assert "; căn cứ Quyết định số 1234/QĐ-TTg" in md
    assert "; thực hiện Thông báo số 45/TB-VPCP" in md
    assert "về việc" not in md  # a Nghị định, a Quyết định and a Thông báo: no `về việc`
    assert "ngày 28/3/2026, Bộ Khoa học và Công nghệ ban hành Kế hoạch" in md
    html = cli("render", "plan", _plan("bo-tuan-le-khcn-2026"), "-f", "html").out
    assert '<div class="parent">' not in html
    assert "<div>KT. BỘ TRƯỞNG</div>\n<div>THỨ TRƯỞNG</div>" in html


def test_peoples_committee_signs_on_three_lines(cli: Callable[..., Run], tmp_path: Path) -> None:
    plan = _plan("ubnd-xa-phu-binh-2026")
    md = cli("render", "plan", plan).out
    assert md.startswith("**ỦY BAN NHÂN DÂN XÃ PHÚ BÌNH**\\\n")
    assert (
        "**TM. ỦY BAN NHÂN DÂN**\\\n**KT. CHỦ TỊCH**\\\n**PHÓ CHỦ TỊCH**\n\n**Nguyễn Thị Hoa**"
        in md
    )
    html = cli("render", "plan", plan, "-f", "html").out
    assert (
        "<div>TM. ỦY BAN NHÂN DÂN</div>\n<div>KT. CHỦ TỊCH</div>\n<div>PHÓ CHỦ TỊCH</div>" in html
    )
    out = tmp_path / "kh.docx"
    assert cli("render", "plan", plan, "-o", str(out), env=EPOCH).code == 0
    text = docx_readback.describe(out.read_bytes())
    signature = [line.split(" | ")[-1] for line in text.splitlines() if "14pt bold |" in line]
    assert signature[-4:] == [
        "TM. ỦY BAN NHÂN DÂN",
        "KT. CHỦ TỊCH",
        "PHÓ CHỦ TỊCH",
        "Nguyễn Thị Hoa",
    ]


def test_exhibition_invitations_one_per_member(cli: Callable[..., Run], tmp_path: Path) -> None:
    r = cli(
        "render", "invitation", "trien-lam", _plan("trien-lam-2026"), "--each", "-o", str(tmp_path)
    )
    assert r.code == 0, r.err
    assert sorted(p.name for p in tmp_path.iterdir()) == [  # named by id: guest, member unit
        "giay-moi-trien-lam-lanh-dao-tinh.md",
        "giay-moi-trien-lam-phuong-phan-dinh-phung.md",
        "giay-moi-trien-lam-so-cong-thuong.md",
        "giay-moi-trien-lam-so-nong-nghiep.md",
        "giay-moi-trien-lam-xa-phu-binh.md",
    ]
    one = (tmp_path / "giay-moi-trien-lam-xa-phu-binh.md").read_text(encoding="utf-8")
    assert "trân trọng kính mời: **Đại diện lãnh đạo UBND xã Phú Bình**" in one
    assert (
        "Thời gian: từ 08 giờ 00 phút đến 17 giờ 00 phút hằng ngày, từ thứ Sáu, ngày 15/5/2026 "
        "đến thứ Hai, ngày 18/5/2026." in one
    )
    group = cli("render", "invitation", "trien-lam", _plan("trien-lam-2026"), "--to", "ubnd-xa")
    assert group.code == 0, group.err
    assert "- Đại diện lãnh đạo UBND xã Phú Bình;\n- Đại diện lãnh đạo UBND phường" in group.out
