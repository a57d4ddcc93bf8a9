"""Print documents to PDF the way a user does, and read each page's text back.

* Word files: LibreOffice headless, every file in one run (:func:`tnplan.documents.pdf.convert`,
  what ``-f pdf`` uses).
* HTML files: headless Chromium's own printing (what ``--print-to-pdf`` does), driven over
  the DevTools protocol through a pipe (``--remote-debugging-pipe``), so that one browser
  prints every page instead of starting once per file.
* Text: ``pdftotext -layout``, one string per page.
"""

from __future__ import annotations

import base64
import contextlib
import json
import os
import shutil
import subprocess
from collections.abc import Sequence
from pathlib import Path
from typing import Any

CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)


def chromium() -> str | None:
    names = ("chromium", "chromium-browser", "google-chrome")
    return next((p for p in map(shutil.which, names) if p), None)


class _Browser:
    """A headless Chromium spoken to over ``--remote-debugging-pipe`` (fd 3 in, fd 4 out)."""

    def __init__(self, program: str, profile: Path) -> None:
        to_r, self._to_w = os.pipe()
        self._from_r, from_w = os.pipe()

        def fds() -> None:  # in the child: the pipe ends where Chromium expects them
            os.dup2(to_r, 1000)  # out of the way first: the pipe may sit on 3 or 4 already
            os.dup2(from_w, 1001)
            os.dup2(1000, 3)
            os.dup2(1001, 4)

        self.proc = subprocess.Popen(
            [program, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", "--remote-debugging-pipe"],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            preexec_fn=fds,
            close_fds=True,
            pass_fds=(3, 4),  # kept open in the child (after `fds` put the pipe there)
        )
        os.close(to_r)
        os.close(from_w)
        self._buf = b""
        self._id = 0

    def _read(self) -> dict[str, Any]:
        while b"\0" not in self._buf:
            chunk = os.read(self._from_r, 1 << 16)
            if not chunk:
                raise RuntimeError("Chromium closed the pipe")
            self._buf += chunk
        raw, _, self._buf = self._buf.partition(b"\0")
        message: dict[str, Any] = json.loads(raw)
        return message

    def call(self, method: str, session: str | None = None, **params: Any) -> dict[str, Any]:
        self._id += 1
        message: dict[str, Any] = {"id": self._id, "method": method, "params": params}
        if session:
            message["sessionId"] = session
        os.write(self._to_w, json.dumps(message).encode() + b"\0")
        while True:
            reply = self._read()
            if reply.get("id") == self._id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                result: dict[str, Any] = reply.get("result", {})
                return result

    def wait_event(self, name: str) -> None:
        while self._read().get("method") != name:
            pass

    def close(self) -> None:
        with contextlib.suppress(RuntimeError, OSError):
            self.call("Browser.close")
        try:
            self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        os.close(self._to_w)
        os.close(self._from_r)


def html_to_pdf(files: Sequence[Path], profile: Path) -> list[bytes]:
    """Print each HTML file as Chromium prints it (A4 and margins from the page's ``@page``,
    no browser header or footer), with one browser."""
    program = chromium()
    assert program is not None
    browser = _Browser(program, profile)
    try:
        target = browser.call("Target.createTarget", url="about:blank")["targetId"]
        session = browser.call("Target.attachToTarget", targetId=target, flatten=True)["sessionId"]
        browser.call("Page.enable", session)
        out = []
        for path in files:
            browser.call("Page.navigate", session, url=path.resolve().as_uri())
            browser.wait_event("Page.loadEventFired")
            printed = browser.call(
                "Page.printToPDF",
                session,
                preferCSSPageSize=True,
                displayHeaderFooter=False,
                printBackground=False,
            )
            out.append(base64.b64decode(printed["data"]))
        return out
    finally:
        browser.close()


def pages(pdf: Path) -> list[str]:
    """The text of each page of ``pdf``, laid out as on paper (``pdftotext -layout``)."""
    text = subprocess.run(
        ["pdftotext", "-layout", "-enc", "UTF-8", str(pdf), "-"],
        capture_output=True,
        check=True,
        text=True,
    ).stdout
    found = text.split("\f")
    return found[:-1] if found and not found[-1].strip() else found
