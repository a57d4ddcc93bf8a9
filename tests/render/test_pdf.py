"""``-f pdf``: the Word document converted by LibreOffice headless, as offices do.

Checked on the files themselves: a PDF, A4, every font embedded (``pdffonts``), PDF/A-2b (the
XMP metadata LibreOffice writes for it); ``--each`` converts every invitee's file in one
LibreOffice run; without LibreOffice the command stops at once (exit 3) with the command that
installs it; a conversion that fails leaves nothing behind.  The tests that run LibreOffice are
skipped where it is not installed (and fail instead under ``TNPLAN_PAGE_TESTS=required``, as
CI runs them).
"""

from __future__ import annotations

import os
import re
import shutil
import stat
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from support import PLAN, Run
from tnplan.documents import pdf

HERE = Path(__file__).resolve().parent
MINI = HERE / "plans" / "mini.yaml"


@pytest.fixture
def libreoffice() -> None:
    found = pdf.soffice() is not None and shutil.which("pdffonts") is not None
    if not found:
        reason = (
            "LibreOffice or poppler-utils is not installed (Debian: apt-get install -y "
            "libreoffice-writer-nogui poppler-utils): PDF output not checked"
        )
        if os.environ.get("TNPLAN_PAGE_TESTS") == "required":
            pytest.fail(reason)
        pytest.skip(reason)


def _info(path: Path) -> dict[str, str]:
    out = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True)
    return dict(
        (k.strip(), v.strip())
        for k, _, v in (line.partition(":") for line in out.stdout.splitlines())
    )


def _fonts(path: Path) -> list[tuple[str, str]]:
    """(name, embedded) of every font of the PDF, as ``pdffonts`` lists them."""
    out = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True)
    rows = out.stdout.splitlines()[2:]
    return [(row.split()[0], row.split()[-5]) for row in rows if row.strip()]


@pytest.mark.usefixtures("libreoffice")
def test_a_pdf_is_a4_with_every_font_embedded_and_pdf_a(
    cli: Callable[..., Run], tmp_path: Path
) -> None:
    out = tmp_path / "ke-hoach.pdf"
    r = cli("render", "plan", str(PLAN), "-o", str(out))  # the format from the suffix
    assert (r.code, r.err) == (0, f"Đã ghi {out}\n")
    data = out.read_bytes()
    assert data.startswith(b"%PDF-")
    info = _info(out)
    assert info["Page size"].startswith("595") and "(A4)" in info["Page size"]
    assert int(info["Pages"]) >= 5
    fonts = _fonts(out)
    assert fonts and all(emb == "yes" for _, emb in fonts), fonts
    assert any("Serif" in name or "Times" in name for name, _ in fonts)  # Times New Roman's metric
    assert re.search(rb"<pdfaid:part>2</pdfaid:part>", data)
    assert re.search(rb"<pdfaid:conformance>B</pdfaid:conformance>", data)
    # Like every format: never over an existing file without --force.
    r = cli("render", "plan", str(PLAN), "-f", "pdf", "-o", str(out))
    assert r.code == 3 and "đã có" in r.err


@pytest.mark.usefixtures("libreoffice")
def test_each_converts_every_file_in_one_libreoffice_run(
    cli: Callable[..., Run], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    runs: list[list[str]] = []
    real = subprocess.run

    def counting(args: list[str], *a: object, **kw: object) -> object:
        if args and args[0] == pdf.soffice():
            runs.append(args)
        return real(args, *a, **kw)  # type: ignore[call-overload]

    monkeypatch.setattr(pdf.subprocess, "run", counting)
    folder = tmp_path / "giay-moi"
    r = cli("render", "invitation", "hoi-thao", str(PLAN), "--each", "-f", "pdf", "-o", str(folder))
    assert r.code == 0, r.err
    names = sorted(p.name for p in folder.iterdir())
    assert names == [
        "giay-moi-hoi-thao-chuyen-gia.pdf",
        "giay-moi-hoi-thao-lanh-dao-ubnd-tinh.pdf",
        "giay-moi-hoi-thao-so-nganh.pdf",
        "giay-moi-hoi-thao-to-chuc-dn.pdf",
        "giay-moi-hoi-thao-truong-vien.pdf",
    ]
    assert len(runs) == 1  # five Word files, one LibreOffice
    assert sum(a.endswith(".docx") for a in runs[0]) == 5
    assert all(_info(folder / n)["Pages"] == "1" for n in names)
    assert r.err.count("(DỰ THẢO)") == 5


def test_a_libreoffice_that_stops_part_way_is_run_again_for_the_rest(
    cli: Callable[..., Run], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Given many files, LibreOffice may stop part way and exit 0: the files it left go to
    the next run, and no run is given more than ``pdf.BATCH`` files."""
    runs: list[int] = []
    real = subprocess.run

    def stopping(args: list[str], *a: object, **kw: object) -> object:
        if args and args[0] == pdf.soffice():
            files = [x for x in args if x.endswith(".docx")]
            runs.append(len(files))
            args = [x for x in args if not x.endswith(".docx")] + files[:2]  # two, then stop
        return real(args, *a, **kw)  # type: ignore[call-overload]

    monkeypatch.setattr(pdf.subprocess, "run", stopping)
    monkeypatch.setattr(pdf, "BATCH", 4)
    folder = tmp_path / "giay-moi"
    r = cli("render", "invitation", "hoi-thao", str(PLAN), "--each", "-f", "pdf", "-o", str(folder))
    assert r.code == 0, r.err
    assert runs == [4, 3, 1]  # 5 files: 4 given, 2 done; 3 given, 2 done; the last one
    names = sorted(p.name for p in folder.iterdir())
    assert len(names) == 5
    assert all(_info(folder / n)["Pages"] == "1" for n in names)


def test_without_libreoffice_the_command_says_how_to_install_it(
    cli: Callable[..., Run], tmp_path: Path
) -> None:
    out = tmp_path / "ke-hoach.pdf"
    r = cli("render", "plan", str(MINI), "-o", str(out), env={"TNPLAN_SOFFICE": "/khong/co"})
    assert r.code == 3
    assert r.err == (
        "Lỗi: cần LibreOffice để tạo PDF, nhưng máy này chưa có (không tìm thấy soffice) "
        f"(cài bằng: {pdf.install_command()})\n"
    )
    assert not out.exists()
    r = cli(
        "render", "plan", str(MINI), "-o", str(out), "--lang", "en",
        env={"TNPLAN_SOFFICE": "/khong/co"},
    )  # fmt: skip
    assert r.err == (
        "Error: making a PDF needs LibreOffice, which is not installed (no soffice found) "
        f"(install it with: {pdf.install_command()})\n"
    )


def test_a_failed_conversion_leaves_nothing(cli: Callable[..., Run], tmp_path: Path) -> None:
    """LibreOffice that writes no PDF (a crash): exit 3, no file, no half of a set."""
    fake = tmp_path / "soffice"
    fake.write_text("#!/bin/sh\necho 'Error: source file could not be loaded' >&2\nexit 1\n")
    fake.chmod(fake.stat().st_mode | stat.S_IXUSR)
    folder = tmp_path / "out"
    r = cli(
        "render", "invitation", "hoi-nghi", str(MINI), "--each", "-f", "pdf", "-o", str(folder),
        env={"TNPLAN_SOFFICE": str(fake)},
    )  # fmt: skip
    assert r.code == 3
    assert r.err.startswith("Lỗi: LibreOffice không chuyển được giay-moi-hoi-nghi-")
    assert "(mã thoát 1)" in r.err
    assert not folder.exists()
    one = tmp_path / "k.pdf"
    r = cli("render", "plan", str(MINI), "-o", str(one), "--lang", "en",
            env={"TNPLAN_SOFFICE": str(fake)})  # fmt: skip
    assert r.code == 3
    assert "Error: source file could not be loaded" in r.err
    assert list(tmp_path.glob("*.pdf")) == []
