"""Every example in ``--help`` (and so in ``docs/cli.md``) runs, and is right for its command.

Examples follow ``Ví dụ:`` (``Example:``/``Examples:`` in English), separated by `` · ``: in a
command's help they are whole command lines, in an option's or argument's help they are that
option with a value. Each runs as a user would, through the shell, in a fresh folder laid out
as a plan repository (a copy of ``plans/`` and ``schema/``), and must exit 0 (or 1 for
``--strict`` and ``--fail``, which exist to fail). An ``-o`` example must name the kind of file
its command writes.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import click
import pytest
import typer

from tnplan.cli import app, i18n

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
_LEAD = re.compile(r"(?:Ví dụ|Examples?):\s*(.*)", re.DOTALL)


def examples(text: str) -> list[str]:
    """The examples in a help text: after ``Ví dụ:``, to the end of its paragraph."""
    found = []
    for paragraph in re.split(r"\n\s*\n", i18n._key(text)):
        m = _LEAD.search(paragraph)
        if m:
            joined = " ".join(m.group(1).split())
            found.extend(e.strip().rstrip(".") for e in joined.split(" · ") if e.strip())
    return found


TREE = list(i18n.walk(typer.main.get_command(app)))
# Arguments a command needs before an option's example can run.
NEEDS = {
    "render invitation": "hoi-nghi-sang-che",
    "render script": "hoi-nghi-sang-che",
    "new": "--from plans/ngay-khcn-2026.yaml --year 2027",
    "collect form": "--each -o bieu-mau/",
    "collect read": "qlkh.xlsx",
}
FLAG_NEEDS = {  # what an option's example needs when it replaces part of NEEDS
    ("new", "--from"): "--year 2027",
    ("new", "--year"): "--from plans/ngay-khcn-2026.yaml",
    ("collect form", "--unit"): "-o qlkh.xlsx",
    ("collect form", "-o"): "--each",
    ("collect form", "--each"): "-o bieu-mau/",
}
WRITES = {  # what an -o example of each command must name
    "export ics": (".ics",),
    "export html": (".html",),
    "export json": (".json",),
    "export schema": (".json",),
    "new": (".yaml",),
    "render plan": (".md", ".html", ".docx"),
    "render invitation": (".md", ".html", ".docx", "/"),
    "render script": (".md", ".html", ".docx"),
    "render report": (".md", ".html", ".docx"),
    "collect form": (".xlsx", "/"),
    "remind": ("/",),
}


def _collect() -> list[tuple[str, str]]:
    """(command path, command line) for every example of every command and option."""
    out: list[tuple[str, str]] = []
    for path, cmd in TREE:
        for line in examples(cmd.help or ""):
            assert "tnplan " in line, f"`tnplan {path}` example {line!r}"
            out.append((path, line))
        if isinstance(cmd, click.Group):
            continue
        for param in cmd.params:
            for fragment in examples(getattr(param, "help", None) or ""):
                if isinstance(param, click.Option):
                    flag = shlex.split(fragment)[0]
                    assert flag in param.opts, f"`tnplan {path}` {param.opts}: {fragment!r}"
                    needed = FLAG_NEEDS.get((path, flag), NEEDS.get(path, ""))
                    line = f"tnplan {path} {needed} {fragment}"
                elif param.name in ("activity", "files"):  # the argument NEEDS provides
                    line = f"tnplan {path} {fragment}"
                else:
                    line = f"tnplan {path} {NEEDS.get(path, '')} {fragment}"
                out.append((path, " ".join(line.split())))
    return out


EXAMPLES = _collect()


def test_english_help_shows_the_same_examples() -> None:
    for path, cmd in TREE:
        texts = [cmd.help] + [getattr(p, "help", None) for p in cmd.params]
        for text in texts:
            if text:
                english = i18n.EN[i18n._key(text)]
                assert examples(english) == examples(text), f"`tnplan {path}`: {english!r}"


def test_docs_show_the_examples_that_are_run() -> None:
    doc = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    shown = set()
    for block in re.findall(r"```text\n(.*?)```", doc, re.DOTALL):
        head = block.split("╭", 1)[0]  # the command's own help, above its panels
        shown.update(examples(head))
    run = {line for _, line in EXAMPLES}
    assert shown, "docs/cli.md shows no example"
    assert shown - run == set(), "docs/cli.md shows examples the test does not run"


@pytest.mark.parametrize(("path", "line"), EXAMPLES, ids=[line for _, line in EXAMPLES])
def test_example_runs(path: str, line: str, tmp_path: Path) -> None:
    for folder in ("plans", "schema"):  # a plan repository: plans/ beside schema/
        shutil.copytree(ROOT / folder, tmp_path / folder)
    (tmp_path / "mau-cua-so").mkdir()  # the user's own template folder, in --templates examples
    (tmp_path / "mau").mkdir()
    env = {
        **os.environ,
        "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}",
        "COLUMNS": "100",
        "NO_COLOR": "1",
    }
    env.pop("TNPLAN_LANG", None)
    if "collect read" in line:  # the forms units sent back: made by tnplan, filled in
        for made in ("collect form --each -o nhan-ve/", "collect form --unit qlkh -o qlkh.xlsx"):
            subprocess.run(
                ["bash", "-c", f"tnplan {made}"], cwd=tmp_path, env=env, check=True,
                capture_output=True,
            )  # fmt: skip
        for form in [tmp_path / "qlkh.xlsx", *(tmp_path / "nhan-ve").glob("*.xlsx")]:
            _fill(form)
    proc = subprocess.run(
        ["bash", "-o", "pipefail", "-c", line],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    allowed = (0, 1) if ("--strict" in line or "--fail" in line) else (0,)
    assert proc.returncode in allowed, f"{line}\n{proc.stderr}"
    assert "Traceback" not in proc.stderr
    words = shlex.split(line.split("|")[0])
    if "-o" in words:
        target = words[words.index("-o") + 1]
        command = max((p for p in WRITES if line.startswith(f"tnplan {p} ")), key=len)
        kinds = WRITES[command]
        assert target.endswith(kinds), f"{line}: `tnplan {command}` writes {kinds}"
        if "Đã ghi" in proc.stderr or "Đã lập" in proc.stderr:  # (remind may have nothing due)
            assert (tmp_path / target).exists(), f"{line} wrote nothing at {target}"


def _fill(path: Path) -> None:
    """Fill a form as a unit would: every row done, on its due date."""
    import openpyxl

    wb = openpyxl.load_workbook(path)
    ws = wb["Kết quả"]
    for n in range(5, ws.max_row + 1):
        if ws.cell(n, 1).value:
            ws.cell(n, 6).value = "Đã thực hiện"
            ws.cell(n, 7).value = ws.cell(n, 5).value
    wb.save(path)


def test_every_command_has_its_examples_run() -> None:
    leaves = {p for p, c in TREE if not isinstance(c, click.Group)}
    assert leaves - {p for p, _ in EXAMPLES} == set()
