"""Word invitations with ``--each``: built once, each invitee's copy filled in as XML.

Every copy must be the document the invitee's own block text gives when it is built in full
(:func:`tnplan.documents.docx_writer.build`): every part of the package the same, byte for
byte (but for the time stamp of the draft's Word comment), and the same read back with
python-docx.  The invitees are chosen to break a careless merge: names holding the block
language's marks and XML's (``*``, ``|``, ``\\``, ``@``, ``&``, ``<``), the merge's own marker
characters, no salutation, no title, a tentative guest, a unit, the members of a group of
units.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from collections.abc import Callable
from pathlib import Path

import docx_readback
import pytest

from support import Run

HERE = Path(__file__).resolve().parent
MINI = HERE / "plans" / "mini.yaml"

ODD_GUESTS = """\
  - id: sao
    salutation: Bà
    name: "Phòng 2*3*4 **đậm** | cột \\\\ chéo"
    title: "@vanphong.skhcn"
    organisation: "Công ty <A&B> \\"Nam\\""
  - id: ky-tu
    name: "\ue000\ue100\ue000 Tên có dấu riêng"
  - id: dai
    salutation: Ông
    name: "Nguyễn Văn Một-Hai-Ba-Bốn-Năm-Sáu-Bảy-Tám-Chín-Mười-Mười-Một-Mười-Hai-Mười-Ba"
    organisation: Trường Đại học Kỹ thuật Công nghiệp
  - id: a-1
    salutation: Ông
    name: Lê Văn A
    title: Giám đốc
    organisation: Sở Y tế
  - id: a-2
    salutation: Bà
    name: Trần Thị B
    title: Phó Giám đốc
    organisation: Sở Tài chính
"""


def _plan(tmp_path: Path) -> Path:
    text = MINI.read_text(encoding="utf-8")
    text = text.replace("guests:\n", "guests:\n" + ODD_GUESTS, 1)
    old = "    members: [pct-ubnd, gs-lan, dn, an-1, an-2, tro-len, cham, so-nganh]"
    assert old in text
    text = text.replace(old, old[:-1] + ", sao, ky-tu, dai, a-1, a-2, phong-don-vi]")
    path = tmp_path / "plan.yaml"
    path.write_text(text, encoding="utf-8")
    return path


_DATE = re.compile(rb' w:date="[^"]*"')


def _parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        assert z.testzip() is None
        return {n: _DATE.sub(b"", z.read(n)) for n in z.namelist()}


def test_each_copy_is_the_invitees_own_document(
    cli: Callable[..., Run], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tnplan.documents import docx_writer, render
    from tnplan.plan.check import load_plan

    path = _plan(tmp_path)
    plan = load_plan(path)
    activity = next(a for a in plan.activities if a.id == "hoi-nghi")
    assert activity.event is not None
    everyone = render.expand_invitees(plan, activity.event.invitees, members=True)
    assert len(everyone) == 15

    real_build = docx_writer.build
    builds: list[str] = []

    def counted(text: str, created: dt.datetime | None = None) -> bytes:
        builds.append(text)
        return real_build(text, created)

    monkeypatch.setattr(docx_writer, "build", counted)
    out = tmp_path / "gm"
    r = cli(
        *("render", "invitation", "hoi-nghi", str(path), "--each", "-f", "docx", "-o", str(out)),
        env={"SOURCE_DATE_EPOCH": "1778630400"},  # every file's properties: 13/5/2026 00:00
    )
    assert r.code == 0, r.err
    assert sorted(p.name for p in out.iterdir()) == sorted(
        f"giay-moi-hoi-nghi-{i.id}.docx" for i in everyone
    )
    # Built in full: one document for each shape of invitee, and the one whose name holds
    # the merge's own marker; every other invitee's copy was filled in.
    assert len(builds) <= 7, len(builds)

    env = render.environment(render.template_dirs(plan, None))
    esc = render.ESCAPERS["docx"]
    for inv in everyone:
        ctx = {**render.invitation_context(plan, activity, [inv], esc), "format": "docx"}
        created = dt.datetime(2026, 5, 13, tzinfo=dt.UTC)
        own = real_build(render.render_template(env, "invitation.docx.j2", ctx), created)
        got = (out / f"giay-moi-hoi-nghi-{inv.id}.docx").read_bytes()
        assert _parts(got) == _parts(own), inv.id
        assert docx_readback.describe(got) == docx_readback.describe(own), inv.id


def _text(path: Path) -> str:
    import docx

    return "\n".join(p.text for p in docx.Document(str(path)).paragraphs)


def test_odd_names_come_back_as_written(cli: Callable[..., Run], tmp_path: Path) -> None:
    out = tmp_path / "gm"
    r = cli(
        "render", "invitation", "hoi-nghi", str(_plan(tmp_path)), "--each", "-f", "docx",
        "-o", str(out),
    )  # fmt: skip
    assert r.code == 0, r.err
    text = _text(out / "giay-moi-hoi-nghi-sao.docx")
    assert (
        'kính mời: Bà Phòng 2*3*4 **đậm** | cột \\ chéo – @vanphong.skhcn – Công ty <A&B> "Nam"'
        in text
    )
    assert "Rất mong Bà đến dự đúng giờ./." in text
    text = _text(out / "giay-moi-hoi-nghi-a-2.docx")
    assert "kính mời: Bà Trần Thị B – Phó Giám đốc – Sở Tài chính" in text
    assert "Lê Văn A" not in text


def test_a_template_that_does_more_than_print_a_name(
    cli: Callable[..., Run], tmp_path: Path
) -> None:
    """A user's template that changes the name (here: upper case) gets every copy right,
    each built in full."""
    import docx

    folder = tmp_path / "mau"
    folder.mkdir()
    builtin = Path(__file__).resolve().parents[2] / "templates" / "invitation.docx.j2"
    text = builtin.read_text(encoding="utf-8")
    old = "**{{ invitees[0].text }}**"
    assert old in text
    (folder / "invitation.docx.j2").write_text(
        text.replace(old, "**{{ invitees[0].text | upper }}**"), encoding="utf-8"
    )
    out = tmp_path / "gm"
    r = cli(
        "render", "invitation", "hoi-nghi", str(_plan(tmp_path)), "--each", "-f", "docx",
        "-o", str(out), "--templates", str(folder),
    )  # fmt: skip
    assert r.code == 0, r.err
    for name, who in (("a-1", "ÔNG LÊ VĂN A – GIÁM ĐỐC – SỞ Y TẾ"), ("gs-lan", "BÀ GS.TS. PHẠM")):
        d = docx.Document(str(out / f"giay-moi-hoi-nghi-{name}.docx"))
        assert f"kính mời: {who}" in "\n".join(p.text for p in d.paragraphs)


def test_a_package_with_one_part_replaced() -> None:
    import docx

    from tnplan.documents import docx_writer
    from tnplan.documents.merge import Package

    data = docx_writer.build("@p Một đoạn văn.\n")
    package = Package(data)
    new = package.parts["word/document.xml"].replace("Một đoạn".encode(), b"Hai &amp; ba")
    out = package.zip({"word/document.xml": new})
    with zipfile.ZipFile(io.BytesIO(out)) as z:
        assert z.testzip() is None
        assert z.namelist() == [i.filename for i in package.infos]
        assert z.read("word/document.xml") == new
        for info in z.infolist():
            if info.filename != "word/document.xml":
                assert z.read(info) == package.parts[info.filename]
    assert [p.text for p in docx.Document(io.BytesIO(out)).paragraphs] == ["Hai & ba văn."]
    assert package.zip({}) == data  # nothing replaced: the very same bytes
