"""PDF: the Word document, converted by LibreOffice, as offices do before signing digitally.

``tnplan render … -f pdf`` writes the same Word file ``-f docx`` would, then has LibreOffice
(``soffice --headless``) convert it: A4 as the Word file says, every font embedded, PDF/A-2b
through the export filter's options (``SelectPdfVersion`` 2), so a digital signature tool
accepts it.  The files of one render (``--each``: one per invitee) go through one
LibreOffice run for each hundred files (:data:`BATCH`): it starts in a few seconds and then
converts a file in a fraction of one.

LibreOffice runs with a profile of its own in a temporary folder (``-env:UserInstallation``),
so a LibreOffice the user has open, or another conversion running at the same time, neither
blocks it nor is disturbed.  Where LibreOffice is not installed, the render stops before any
work (exit code 3) with the one command that installs it.  ``TNPLAN_SOFFICE`` names the
program when it is not on the ``PATH``.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import weakref
from collections.abc import Callable, Sequence
from pathlib import Path

from ..plan.problems import TnplanError

EXPORT = {
    "SelectPdfVersion": {"type": "long", "value": "2"},  # PDF/A-2b: fonts embedded
    "UseTaggedPDF": {"type": "boolean", "value": "true"},
    "ExportNotes": {"type": "boolean", "value": "false"},  # a draft's comment stays in Word
}
"""The options of LibreOffice's ``writer_pdf_Export`` filter (JSON form, LibreOffice 7.4+)."""

TIMEOUT_S = 120
"""How long one LibreOffice run may take, plus :data:`PER_FILE_S` for each file."""
PER_FILE_S = 10
BATCH = 100
"""The most files one LibreOffice run is given (see :func:`_convert`)."""


def _t(lang: str, vi_text: str, en_text: str) -> str:
    return vi_text if lang == "vi" else en_text


def soffice() -> str | None:
    """The LibreOffice program: ``TNPLAN_SOFFICE``, else ``soffice``/``libreoffice`` on the
    ``PATH``, else where the installers put it on macOS and Windows; None when absent."""
    named = os.environ.get("TNPLAN_SOFFICE", "").strip()
    if named:
        return named if Path(named).is_file() and os.access(named, os.X_OK) else None
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    places = [
        "/Applications/LibreOffice.app/Contents/MacOS/soffice",
        r"C:\Program Files\LibreOffice\program\soffice.exe",
        r"C:\Program Files (x86)\LibreOffice\program\soffice.exe",
    ]
    return next((p for p in places if Path(p).is_file()), None)


def install_command() -> str:
    """The one command that installs LibreOffice on this system."""
    if sys.platform == "darwin":
        return "brew install --cask libreoffice"
    if sys.platform.startswith("win"):
        return "winget install -e --id TheDocumentFoundation.LibreOffice"
    if shutil.which("dnf"):
        return "sudo dnf install -y libreoffice-writer"
    return "sudo apt-get install -y libreoffice-writer-nogui"


def require(lang: str = "vi") -> str:
    """The LibreOffice program, or a :class:`TnplanError` (exit 3) saying how to install it."""
    found = soffice()
    if found is not None:
        return found
    raise TnplanError(
        _t(
            lang,
            "cần LibreOffice để tạo PDF, nhưng máy này chưa có (không tìm thấy soffice)",
            "making a PDF needs LibreOffice, which is not installed (no soffice found)",
        ),
        hint=_t(lang, f"cài bằng: {install_command()}", f"install it with: {install_command()}"),
        exit_code=3,
    )


def convert(docs: Sequence[tuple[str, bytes]], lang: str = "vi") -> list[bytes]:
    """The PDF of each Word file ``(name, data)``, in order, from one LibreOffice run."""
    if not docs:
        return []
    with Converted([(name, _given(data)) for name, data in docs], lang) as done:
        return [path.read_bytes() for path in done.paths]


def _given(data: bytes) -> Callable[[], bytes]:
    return lambda: data


class Converted:
    """The PDFs of Word files made one at a time: each Word file is made, written into a
    temporary folder and let go, then one LibreOffice run converts them all, and each PDF
    stays in the folder until it is read (memory stays the same for ten files or ten
    thousand).  The folder goes with :meth:`close` (or the object, or the program)."""

    def __init__(self, docs: Sequence[tuple[str, Callable[[], bytes]]], lang: str = "vi") -> None:
        folder = tempfile.mkdtemp(prefix="tnplan-pdf-")
        self._cleanup = weakref.finalize(self, shutil.rmtree, folder, ignore_errors=True)
        try:
            self.paths = _convert(Path(folder), docs, lang)
        except BaseException:
            self.close()
            raise

    def read(self, i: int) -> bytes:
        """The ``i``-th PDF."""
        return self.paths[i].read_bytes()

    def close(self) -> None:
        self._cleanup()

    def __enter__(self) -> Converted:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _convert(
    folder: Path, docs: Sequence[tuple[str, Callable[[], bytes]]], lang: str
) -> list[Path]:
    """Convert ``docs`` in ``folder``; the PDFs' paths, in order (each checked to be a PDF).

    LibreOffice converts :data:`BATCH` files a run: given many more, it may stop part way
    and still exit 0 (7.4 stops after about 250).  A run that stops early is followed by
    one for the files it left, as long as each run converts at least one."""
    program = require(lang)
    inputs = folder / "in"
    outputs = folder / "out"
    inputs.mkdir()
    outputs.mkdir()
    paths = []
    for i, (_name, make) in enumerate(docs):
        path = inputs / f"{i:05d}.docx"  # plain names: what the file is called is ours
        path.write_bytes(make())
        paths.append(path)
    env = {**os.environ, "HOME": str(folder)}  # nothing written to the user's home
    left = list(paths)
    done: subprocess.CompletedProcess[bytes] | None = None
    while left:
        batch = left[:BATCH]
        done = _run(program, folder, outputs, batch, env, lang)
        converted = {p for p in batch if (outputs / f"{p.stem}.pdf").is_file()}
        if not converted:
            break  # said below, for the first file without its PDF
        left = [p for p in left if p not in converted]
    assert done is not None  # docs is not empty
    out = []
    for (name, _make), path in zip(docs, paths, strict=True):
        pdf = outputs / f"{path.stem}.pdf"
        data = b""
        if pdf.is_file():
            with pdf.open("rb") as fh:
                data = fh.read(5)
        if not data.startswith(b"%PDF-"):
            said = (done.stderr or done.stdout).decode("utf-8", "replace").strip()
            last = said.splitlines()[-1] if said else f"exit {done.returncode}"
            raise TnplanError(
                _t(
                    lang,
                    f"LibreOffice không chuyển được {name} sang PDF (mã thoát {done.returncode})",
                    f"LibreOffice could not convert {name} to PDF: {last}",
                ),
                hint=_t(
                    lang,
                    "mở tệp .docx (-f docx) bằng LibreOffice để xem lỗi",
                    "open the .docx (-f docx) in LibreOffice to see what is wrong",
                ),
                exit_code=3,
            )
        out.append(pdf)
    return out


def _run(
    program: str,
    folder: Path,
    outputs: Path,
    batch: list[Path],
    env: dict[str, str],
    lang: str,
) -> subprocess.CompletedProcess[bytes]:
    """One LibreOffice run converting ``batch`` into ``outputs``."""
    command = [
        program,
        f"-env:UserInstallation={(folder / 'profile').as_uri()}",
        "--headless",
        "--norestore",
        "--nologo",
        "--nolockcheck",
        "--convert-to",
        "pdf:writer_pdf_Export:" + json.dumps(EXPORT, separators=(",", ":")),
        "--outdir",
        str(outputs),
        *(str(p) for p in batch),
    ]
    try:
        return subprocess.run(
            command,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            timeout=TIMEOUT_S + PER_FILE_S * len(batch),
            env=env,
            check=False,
        )
    except subprocess.TimeoutExpired:
        raise TnplanError(
            _t(
                lang,
                "LibreOffice không chuyển xong sang PDF trong thời gian cho phép",
                "LibreOffice did not finish converting to PDF in time",
            ),
            hint=_t(
                lang,
                "đóng các cửa sổ LibreOffice đang treo rồi chạy lại",
                "close any LibreOffice that hangs and run again",
            ),
            exit_code=3,
        ) from None
    except OSError as exc:
        from ..plan.messages import os_reason

        raise TnplanError(
            _t(
                lang,
                f"không chạy được LibreOffice ({program}): {os_reason(exc, lang)}",
                f"cannot run LibreOffice ({program}): {os_reason(exc, lang)}",
            ),
            hint=_t(lang, f"cài lại: {install_command()}", f"reinstall: {install_command()}"),
            exit_code=3,
        ) from None
