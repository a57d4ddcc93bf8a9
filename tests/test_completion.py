"""Tab completion: the script ``tnplan --show-completion bash`` prints is loaded into a real bash,
which asks for candidates as it would on a key press: commands, options, ``--format`` choices,
and the ids of the plan in the current folder. zsh and fish (not installed on CI machines)
are checked through the same entry point their scripts call."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BASE = ROOT / "tests" / "plans" / "valid" / "base.yaml"
BIN = Path(sys.executable).parent


def _env(home: Path) -> dict[str, str]:
    env = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}"}
    env["HOME"] = str(home)
    for key in ("TNPLAN_LANG", "_TNPLAN_COMPLETE"):
        env.pop(key, None)
    return env


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A folder whose ./plans/ holds the small base plan (not the bundled one)."""
    (tmp_path / "plans").mkdir()
    shutil.copy(BASE, tmp_path / "plans" / "ke-hoach.yaml")
    return tmp_path


def _tnplan(folder: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["tnplan", *args],
        cwd=folder,
        env={**_env(folder), **env},
        capture_output=True,
        text=True,
        check=False,
    )


def complete_in_bash(folder: Path, *lines: str) -> list[list[str]]:
    """What bash offers after each command line (the last word being completed)."""
    script = _tnplan(folder, "--show-completion", "bash").stdout
    (folder / "completion.bash").write_text(script, encoding="utf-8")
    calls = []
    for line in lines:
        words = line.split() + ([""] if line.endswith(" ") else [])
        calls.append("ask " + " ".join(shlex.quote(w) for w in words))
    calls_text = "\n".join(calls)
    driver = (
        "source ./completion.bash\n"
        'ask() { COMP_WORDS=("$@"); COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); COMPREPLY=();\n'
        "  _tnplan_completion tnplan; printf '%s\\n' \"${COMPREPLY[@]}\"; echo '<end>'; }\n"
        f"{calls_text}\n"
    )
    proc = subprocess.run(
        ["bash", "--norc", "--noprofile", "-c", driver],
        cwd=folder,
        env=_env(folder),
        capture_output=True,
        text=True,
        check=True,
    )
    answers = proc.stdout.split("<end>\n")[:-1]
    return [[w for w in a.splitlines() if w] for a in answers]


COMMANDS = [
    "validate",
    "status",
    "timeline",
    "overdue",
    "upcoming",
    "new",
    "remind",
    "render",
    "export",
    "collect",
]


def test_bash_completes_commands_options_formats_and_ids_of_the_plan_here(folder: Path) -> None:
    got = complete_in_bash(
        folder,
        "tnplan ",
        "tnplan st",
        "tnplan render ",
        "tnplan render invitation ",
        "tnplan render invitation hoi",
        "tnplan status --owner ",
        "tnplan status -u q",
        "tnplan render invitation hoi-nghi --to ",
        "tnplan render plan -f ",
        "tnplan validate --format ",
        "tnplan render report --deadline ",
        "tnplan status --",
    )
    assert got == [
        COMMANDS,
        ["status"],
        ["plan", "invitation", "script", "report"],
        ["hoi-nghi"],
        ["hoi-nghi"],
        ["vp", "qlkh"],
        ["qlkh"],
        ["khach-1", "vp", "qlkh"],
        ["md", "html", "docx", "pdf"],
        ["auto", "text", "json", "github", "sarif"],
        ["bao-cao"],
        ["--as-of", "--owner", "--json", "--all", "--lang", "--help"],
    ]


def test_completion_outside_a_plan_folder_offers_the_bundled_plan(tmp_path: Path) -> None:
    (got,) = complete_in_bash(tmp_path, "tnplan render script hoi")
    assert got == ["hoi-nghi-sang-che", "hoi-thao"]


def test_completion_never_prints_an_error(folder: Path) -> None:
    (folder / "plans" / "ke-hoach.yaml").write_text("format: [\n", encoding="utf-8")
    assert complete_in_bash(folder, "tnplan render invitation ") == [[]]


@pytest.mark.parametrize(
    ("shell", "needle"),
    [("zsh", "compdef _tnplan_completion tnplan"), ("fish", "complete --command tnplan")],
)
def test_zsh_and_fish_scripts_and_their_answers(folder: Path, shell: str, needle: str) -> None:
    script = _tnplan(folder, "--show-completion", shell)
    assert script.returncode == 0 and needle in script.stdout
    extra = {"_TYPER_COMPLETE_FISH_ACTION": "get-args"} if shell == "fish" else {}
    answer = _tnplan(
        folder,
        _TNPLAN_COMPLETE=f"complete_{shell}",
        _TYPER_COMPLETE_ARGS="tnplan render invitation ",
        **extra,
    )
    assert answer.returncode == 0
    assert "hoi-nghi" in answer.stdout
    assert "Hội nghị thử nghiệm" in answer.stdout  # the activity's title beside its id


def test_install_completion_for_bash_once(folder: Path) -> None:
    for _ in range(2):
        r = _tnplan(folder, "--install-completion", "bash")
        assert r.returncode == 0, r.stderr
    script = folder / ".bash_completions" / "tnplan.sh"
    assert "_tnplan_completion" in script.read_text(encoding="utf-8")
    rc = (folder / ".bashrc").read_text(encoding="utf-8")
    assert rc.count(f"source '{script}'") == 1
    assert r.stderr == (f"Đã cài gợi ý lệnh cho bash vào {script}; mở terminal mới để dùng.\n")


def test_an_unknown_shell_is_a_usage_error_in_the_language_of_the_run(folder: Path) -> None:
    r = _tnplan(folder, "--show-completion", "tcsh", "--lang", "en")
    assert (r.returncode, r.stdout) == (2, "")
    assert r.stderr == (
        "Error: shell `tcsh` is not supported (name one of bash, zsh, fish: "
        "--show-completion bash)\n"
    )
