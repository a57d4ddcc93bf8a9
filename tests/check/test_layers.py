"""The package is a pipeline: imports point only down it, and only the CLI talks to a terminal.

``calendar ← plan ← track, documents ← exchange ← cli``.  Every import of every module is read
from its source (the ones inside functions too), so a lazy import cannot slip past the rules.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

from support import ROOT

PACKAGE = ROOT / "src" / "tnplan"

# What each stage may import of tnplan (besides itself and the package root's __version__).
ALLOWED: dict[str, set[str]] = {
    "calendar": set(),
    "plan": {"calendar"},
    "track": {"plan", "calendar"},
    "documents": {"plan", "calendar"},
    "exchange": {"plan", "calendar", "track", "documents"},
    "cli": {"plan", "calendar", "track", "documents", "exchange"},
}
STAGES = sorted(ALLOWED)
# Third-party packages that talk to a terminal: the CLI's alone (track.views lays out Rich
# renderables, which only the CLI prints).
TERMINAL = {"typer", "click"}
RICH_LAYOUT = {"tnplan.track.views"}


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> list[tuple[int, str]]:
    """Every module ``path`` imports, absolute, with the line of the import."""
    name = _module_name(path)
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    found: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)]
                target = ".".join([*base, node.module] if node.module else base)
            else:
                target = node.module or ""
            for alias in node.names:  # from x import y: y may be a module of package x
                sub = f"{target}.{alias.name}"
                found.append((node.lineno, sub if _is_module(sub) else target))
    return found


def _is_module(name: str) -> bool:
    path = PACKAGE.parent.joinpath(*name.split("."))
    return path.with_suffix(".py").is_file() or (path / "__init__.py").is_file()


def _modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def _stage(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[0] == "tnplan" and parts[1] in ALLOWED else None


def test_every_module_lives_in_a_stage_folder() -> None:
    loose = [p.name for p in PACKAGE.glob("*.py") if p.name not in ("__init__.py", "__main__.py")]
    assert loose == [], f"modules outside a stage folder: {loose}"
    for stage in STAGES:
        init = PACKAGE / stage / "__init__.py"
        assert init.is_file(), f"{stage}/ has no __init__.py"
        doc = ast.get_docstring(ast.parse(init.read_text(encoding="utf-8")))
        assert (doc and doc.startswith(f"Stage ``{stage}``")) or stage == "cli", stage


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_imports_point_down_the_pipeline(path: Path) -> None:
    module = _module_name(path)
    stage = _stage(module)
    bad = []
    for line, target in _imports(path):
        top = target.split(".")[0]
        if top in TERMINAL and stage != "cli":
            bad.append(f"{line}: {target} (only the CLI uses Typer/Click)")
        if top == "rich" and stage != "cli" and module not in RICH_LAYOUT:
            bad.append(f"{line}: {target} (only the CLI prints with Rich)")
        if top == "rich" and module in RICH_LAYOUT and target == "rich.console":
            continue  # Group and RenderableType are layout; printing is checked below
        if top != "tnplan" or stage is None:
            continue
        other = _stage(target)
        if other is None:
            if target not in ("tnplan", "tnplan.__init__"):
                bad.append(f"{line}: {target} (a module outside the stages)")
            continue
        if other != stage and other not in ALLOWED[stage]:
            bad.append(f"{line}: {target} ({stage} may not import {other})")
    assert bad == [], f"{module}: " + "; ".join(bad)


@pytest.mark.parametrize(
    "path",
    [p for p in _modules() if _stage(_module_name(p)) not in (None, "cli")],
    ids=lambda p: str(p.relative_to(PACKAGE)),
)
def test_the_stages_never_print(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    bad = []
    for node in ast.walk(tree):
        match node:
            case ast.Call(func=ast.Name(id="print" | "input" as name)):
                bad.append(f"{node.lineno}: {name}()")
            case ast.Attribute(value=ast.Name(id="sys"), attr="stdout" | "stderr" | "exit"):
                bad.append(f"{node.lineno}: sys.{node.attr}")
        if isinstance(node, ast.Name) and node.id == "Console":
            bad.append(f"{node.lineno}: Console")
    assert bad == [], f"{path.name}: " + "; ".join(bad)


def test_the_rules_are_checked_on_real_edges() -> None:
    """The walker sees lazy and relative imports (so the rules above cannot pass vacuously)."""
    edges = {(_module_name(p), target) for p in _modules() for _, target in _imports(p)}
    assert ("tnplan.track.views", "tnplan.track.schedule") in edges
    assert ("tnplan.plan.check", "tnplan.calendar.holidays") in edges  # inside a function
    assert ("tnplan.exchange.export", "tnplan.track.schedule") in edges
    # The dashboard page joins track's data and documents' templates, so it lives in exchange.
    assert ("tnplan.exchange.dashboard", "tnplan.track.dashboard") in edges
    assert ("tnplan.exchange.dashboard", "tnplan.documents.render") in edges
    assert not any(
        m.startswith("tnplan.track") and t.startswith("tnplan.documents") for m, t in edges
    )
    assert ("tnplan.cli.track", "tnplan.track.views") in edges
    assert any(t == "typer" for m, t in edges if m.startswith("tnplan.cli"))


def test_importing_a_stage_loads_no_terminal_library() -> None:
    code = (
        "import sys, tnplan.calendar.vi, tnplan.plan.check, tnplan.track.schedule, "
        "tnplan.documents.render, tnplan.exchange.export, tnplan.exchange.rollover, "
        "tnplan.exchange.collect, tnplan.exchange.remind, tnplan.plan.results, "
        "tnplan.track.dashboard, tnplan.track.year, tnplan.exchange.dashboard; "
        "print(sorted(m for m in ('typer', 'click', 'rich', 'jinja2', 'docx', 'icalendar', "
        "'openpyxl', 'smtplib') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout == "[]\n"
