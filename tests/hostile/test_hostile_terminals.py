"""Odd terminals, through the real command: encodings, closed and full streams, escape
sequences echoed back, absurd widths.

* an output encoding that is not UTF-8 (``PYTHONIOENCODING=ascii``, ``latin-1``, ``LC_ALL=C``
  with UTF-8 mode off): the same exit codes as on a UTF-8 terminal, no ``UnicodeEncodeError``,
  Vietnamese shown without marks (or with the ones the encoding has);
* stdout closed (``>&-``), full (``/dev/full``): exit code 3 and one line on stderr;
  stderr closed or full: the exit code the command would give anyway, nothing else breaks;
  a pipe whose reader leaves (``| head -1``): exit code 3, quietly;
* arguments echoed back in messages show their control characters escaped (``\\e[2J``);
* ``COLUMNS`` clamped to 20–1000.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from _hostile import ROOT, Result, base

PLAN = ROOT / "tests" / "render" / "plans" / "mini.yaml"
LINUX = pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")

COMMANDS = {
    "status": (("status", str(PLAN), "--as-of", "14/5/2026"), 0),
    "timeline": (("timeline", str(PLAN), "--as-of", "14/5/2026"), 0),
    "overdue-fail": (("overdue", str(PLAN), "--as-of", "1/7/2026", "--fail"), 1),
    "validate": (("validate", str(PLAN)), 0),
    "validate-bad": (("validate", "bad.yaml"), 1),
    "render": (("render", "plan", str(PLAN)), 0),
    "export-json": (("export", "json", str(PLAN)), 0),
    "unknown-activity": (("render", "invitation", "khong-co", str(PLAN)), 2),
    "missing-file": (("status", "khong-co.yaml"), 3),
}


def env(**extra: str) -> dict[str, str]:
    out = {
        k: v
        for k, v in os.environ.items()
        if k not in ("TNPLAN_LANG", "TNPLAN_DEBUG", "GITHUB_ACTIONS", "FORCE_COLOR", "LANG")
        and not k.startswith("LC_")
    }
    out.update({"NO_COLOR": "1", "COLUMNS": "100", "TERM": "dumb", **extra})
    return out


def run(
    args: tuple[str, ...], cwd: Path, *, shell: str = "", **extra: str
) -> subprocess.CompletedProcess[bytes]:
    """``python -m tnplan ARGS`` with ``extra`` in the environment; ``shell`` redirections
    (``>&-``, ``2>/dev/full``) are applied by bash."""
    cmd = [sys.executable, "-m", "tnplan", *args]
    if shell:
        cmd = ["bash", "-c", f'"$@" {shell}', "tnplan", *cmd]
    done = subprocess.run(cmd, cwd=cwd, env=env(**extra), capture_output=True, timeout=60)
    assert b"Traceback" not in done.stdout + done.stderr, done.stderr
    return done


_UTF8: dict[str, subprocess.CompletedProcess[bytes]] = {}


def on_utf8(name: str, cwd: Path) -> subprocess.CompletedProcess[bytes]:
    """The command's run on a UTF-8 terminal (once per command: the reference)."""
    if name not in _UTF8:
        _UTF8[name] = run(COMMANDS[name][0], cwd)
    return _UTF8[name]


@pytest.fixture
def bad(tmp_path: Path) -> Path:
    (tmp_path / "bad.yaml").write_text(base().replace("id: thu-nghiem", "id: thu nghiem"), "utf-8")
    return tmp_path


@pytest.mark.parametrize(
    "encoding",
    [{"PYTHONIOENCODING": "ascii"}, {"PYTHONIOENCODING": "latin-1"},
     {"LC_ALL": "C", "PYTHONUTF8": "0", "PYTHONCOERCECLOCALE": "0"}],
    ids=["ascii", "latin-1", "C-locale"],
)  # fmt: skip
@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_encodings_degrade(name: str, encoding: dict[str, str], bad: Path) -> None:
    args, code = COMMANDS[name]
    codec = encoding.get("PYTHONIOENCODING", "ascii")
    utf8 = on_utf8(name, bad)
    done = run(args, bad, **encoding)
    assert (done.returncode, utf8.returncode) == (code, code), done.stderr
    if name in ("render", "export-json"):  # a document, not a view: its own UTF-8 bytes
        assert done.stdout == utf8.stdout
    out = done.stdout.decode("utf-8" if name in ("render", "export-json") else codec)
    err = done.stderr.decode(codec)
    assert "UnicodeEncodeError" not in err
    assert "lỗi không mong đợi".encode(codec, "replace").decode(codec) not in err
    assert len(out.splitlines()) == len(utf8.stdout.decode("utf-8").splitlines())
    if codec == "ascii" and name == "status":
        assert out.startswith("Ke hoach: To chuc cac hoat dong huong ung Ngay Khoa hoc")
    if codec == "latin-1" and name == "validate-bad":
        assert err == "1 tep: 1 lôi, 0 canh báo\n"


def test_documents_into_a_file_stay_utf8(tmp_path: Path) -> None:
    """Redirected (``> ke-hoach.md``), a document is its UTF-8 bytes, whatever the locale."""
    utf8 = run(("render", "plan", str(PLAN)), tmp_path)
    ascii_ = run(("render", "plan", str(PLAN)), tmp_path, PYTHONIOENCODING="ascii")
    assert ascii_.stdout == utf8.stdout
    assert ascii_.stdout.decode("utf-8").startswith("UBND TỈNH THÁI NGUYÊN")


@pytest.mark.parametrize("name", ["status", "validate", "render", "export-json"])
def test_stdout_closed(name: str, bad: Path) -> None:
    args, _ = COMMANDS[name]
    done = run(args, bad, shell=">&-")
    assert done.returncode == 3
    assert done.stderr.decode() == "Lỗi: không ghi được ra stdout: luồng đã đóng\n"


@LINUX
@pytest.mark.parametrize("name", ["status", "validate", "render", "export-json"])
def test_stdout_full(name: str, bad: Path) -> None:
    args, _ = COMMANDS[name]
    done = run(args, bad, shell=">/dev/full")
    assert done.returncode == 3
    assert done.stderr.decode() == "Lỗi: không ghi được ra stdout: đĩa đã đầy\n"


@pytest.mark.parametrize("redirect", ["2>&-", "2>/dev/full"], ids=["closed", "full"])
@pytest.mark.parametrize("name", ["status", "validate-bad", "unknown-activity", "missing-file"])
def test_stderr_closed_or_full(name: str, redirect: str, bad: Path) -> None:
    """Exit codes 0, 1, 2 and 3 as on a terminal; what goes to stdout is unchanged."""
    if redirect.endswith("full") and not Path("/dev/full").exists():
        pytest.skip("needs /dev/full")
    args, code = COMMANDS[name]
    done = run(args, bad, shell=redirect)
    assert done.returncode == code
    assert done.stdout == on_utf8(name, bad).stdout


def test_a_pipe_whose_reader_leaves(tmp_path: Path) -> None:
    cmd = f"{sys.executable} -m tnplan export json {PLAN} | head -c 1 >/dev/null"
    done = subprocess.run(
        ["bash", "-o", "pipefail", "-c", cmd], env=env(), capture_output=True, timeout=60
    )
    assert done.returncode in (0, 3)  # 0 when all was written before head left
    assert done.stderr == b""


def test_control_characters_in_arguments_are_escaped(
    tmp_path: Path, tnplan: Callable[..., Result]
) -> None:
    r = tnplan("render", "invitation", "\x1b[2J\x1b]0;x\x07", str(PLAN))
    assert r.code == 2
    assert r.err.startswith("Lỗi: không có hoạt động `\\e[2J\\e]0;x\\x07` trong kế hoạch (")
    assert "\x1b" not in r.err
    r = tnplan("status", str(PLAN), "--owner", "vp\x1b[31m\u202e")
    assert r.code == 2
    assert "\x1b" not in r.err and "\u202e" not in r.err
    assert "vp\\e[31m\\u202e" in r.err
    r = tnplan("render", "plan", str(PLAN), "-o", "a\x1b[2Jb/x.md")
    assert r.code == 3
    assert r.err == "Lỗi: không có thư mục a\\e[2Jb (tạo thư mục trước)\n"


@pytest.mark.parametrize(
    ("columns", "widest"), [("99999999", 1000), ("0", 80), ("5", 20), ("-3", 80), ("abc", 80)]
)
def test_columns_are_clamped(columns: str, widest: int, tmp_path: Path) -> None:
    done = run(("timeline", str(PLAN), "--as-of", "14/5/2026"), tmp_path, COLUMNS=columns)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.decode("utf-8").splitlines()
    assert max(len(line) for line in lines) <= widest
