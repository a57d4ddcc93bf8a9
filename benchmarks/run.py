"""Benchmarks of tnplan against yamllint and check-jsonschema, in one run on one machine.

    python benchmarks/run.py              # everything (about 15 minutes)
    python benchmarks/run.py --quick      # 100 to 10,000 activities, fewer runs

Sections (each can be skipped): ``scaling`` (validate, yamllint, check-jsonschema on
generated plans of 100 to 50,000 activities, with ratios), ``phases`` (where validate spends
its time, in process), ``startup`` (``tnplan --help``, ``validate`` and ``status`` on the
bundled plan against ``python -c pass`` and yamllint; the largest imports from
``python -X importtime``), ``render`` (1,000 invitations with ``--each`` per format).

Times are wall-clock medians (with min and max) of several runs; hyperfine runs them when it
is installed (``apt-get install hyperfine``), else ``subprocess`` with ``perf_counter``.  The
commands of one table run one after the other in the same run.  Results go to
``--out`` (default ``/tmp/tnplan-bench``): ``results.json`` and ``results.md``, the tables
that ``docs/performance.md`` quotes.

Standard library only: the tools are run as commands from the interpreter's own ``bin``
folder (the venv), then from ``PATH``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
BIN = Path(sys.executable).parent
BUNDLED = ROOT / "plans" / "ngay-khcn-2026.yaml"
FALLBACK_PLAN = ROOT / "tests" / "plans" / "valid" / "base.yaml"
YAMLLINT_CONFIG = """\
# Rules that fire on every generated or hand-written plan and say nothing about validity
# are off: line-length (Vietnamese prose), document-start (no ---), and truthy on keys
# (the receipt field `on:`).  Everything else is yamllint's default.
extends: default
rules:
  line-length: disable
  document-start: disable
  truthy:
    check-keys: false
"""
ENV = {**os.environ, "COLUMNS": "100", "NO_COLOR": "1", "PYTHONDONTWRITEBYTECODE": "0"}


def tool(name: str) -> str:
    """A command from the venv's bin folder, else from PATH."""
    here = BIN / name
    if here.exists():
        return str(here)
    found = shutil.which(name)
    if not found:
        sys.exit(f"{name} is not installed: pip install {name}")
    return found


def log(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


# Timing ------------------------------------------------------------------------------------


def measure(
    commands: dict[str, list[str]],
    *,
    runs: int,
    warmup: int = 1,
    cwd: Path | None = None,
    prepare: list[str] | None = None,
    use_hyperfine: bool = True,
) -> dict[str, dict[str, Any]]:
    """Time each command ``runs`` times (after ``warmup`` runs), one command after another.

    Returns for each name: median, min, max, mean (seconds), runs, exit codes.  ``prepare``
    runs (untimed) before every run, e.g. to empty an output folder.
    """
    hf = shutil.which("hyperfine") if use_hyperfine else None
    if hf:
        return _hyperfine(hf, commands, runs=runs, warmup=warmup, cwd=cwd, prepare=prepare)
    out = {}
    for name, argv in commands.items():
        times, codes = [], []
        for i in range(warmup + runs):
            if prepare:
                subprocess.run(prepare, cwd=cwd, env=ENV, check=False)
            t0 = time.perf_counter()
            proc = subprocess.run(
                argv, cwd=cwd, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
            )
            elapsed = time.perf_counter() - t0
            if i >= warmup:
                times.append(elapsed)
                codes.append(proc.returncode)
        out[name] = _summary(times, codes)
    return out


def _summary(times: list[float], codes: list[int]) -> dict[str, Any]:
    return {
        "median": statistics.median(times),
        "min": min(times),
        "max": max(times),
        "mean": statistics.fmean(times),
        "runs": len(times),
        "exit_codes": sorted(set(codes)),
    }


def _hyperfine(
    hf: str,
    commands: dict[str, list[str]],
    *,
    runs: int,
    warmup: int,
    cwd: Path | None,
    prepare: list[str] | None,
) -> dict[str, dict[str, Any]]:
    with tempfile.TemporaryDirectory() as tmp:
        export = Path(tmp) / "hyperfine.json"
        argv = [hf, "-N", "-i", "--style", "none", "--output", "null"]
        argv += ["--runs", str(runs), "--warmup", str(warmup), "--export-json", str(export)]
        if prepare:
            argv += ["--prepare", shlex.join(prepare)]
        for name, cmd in commands.items():
            argv += ["--command-name", name, shlex.join(cmd)]
        subprocess.run(
            argv, cwd=cwd, env=ENV, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
        )
        data = json.loads(export.read_text())
    out = {}
    for name, res in zip(commands, data["results"], strict=True):
        out[name] = _summary(res["times"], res.get("exit_codes", []))
    return out


def peak_rss_mib(argv: list[str]) -> float:
    """Peak resident memory of one run of a command (its own, from wait4), in MiB."""
    proc = subprocess.Popen(argv, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, _, usage = os.wait4(proc.pid, 0)
    proc.returncode = 0  # reaped above
    return usage.ru_maxrss / 1024


def fmt_s(seconds: float) -> str:
    if seconds < 1:
        return f"{seconds * 1000:.0f} ms"
    return f"{seconds:.2f} s"


def cell(r: dict[str, Any]) -> str:
    codes = "" if r["exit_codes"] in ([0], []) else f" (exit {r['exit_codes']})"
    return f"{fmt_s(r['median'])} [{fmt_s(r['min'])}–{fmt_s(r['max'])}]{codes}"


# Machine -----------------------------------------------------------------------------------


def machine() -> dict[str, str]:
    info: dict[str, str] = {"nproc": str(os.cpu_count())}
    try:
        cpu = Path("/proc/cpuinfo").read_text()
        m = re.search(r"^model name\s*:\s*(.+)$", cpu, re.M)
        info["cpu"] = m.group(1).strip() if m else platform.processor()
        m = re.search(r"^cpu MHz\s*:\s*([\d.]+)", cpu, re.M)
        if m:
            info["cpu"] += f", {float(m.group(1)):.0f} MHz"
        mem = Path("/proc/meminfo").read_text()
        m = re.search(r"^MemTotal:\s*(\d+) kB", mem, re.M)
        info["memory"] = f"{int(m.group(1)) / 2**20:.1f} GiB" if m else "?"
    except OSError:
        info["cpu"] = platform.processor()
    info["os"] = platform.platform()
    info["python"] = platform.python_version()
    probe = (
        "import yaml, typer, tnplan; "
        "print(yaml.__version__, yaml.__with_libyaml__, typer.__version__, tnplan.__version__)"
    )
    got = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    ).stdout.split()
    info["pyyaml"] = f"{got[0]} ({'with libyaml' if got[1] == 'True' else 'pure Python'})"
    info["typer"] = got[2]
    info["tnplan"] = got[3]
    for name, argv in {
        "yamllint": [tool("yamllint"), "--version"],
        "check-jsonschema": [tool("check-jsonschema"), "--version"],
        "hyperfine": ["hyperfine", "--version"],
    }.items():
        try:
            res = subprocess.run(argv, capture_output=True, text=True)
            info[name] = (res.stdout or res.stderr).strip().splitlines()[0]
        except (OSError, IndexError):
            info[name] = "not installed"
    try:
        rev = subprocess.run(
            ["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"],
            capture_output=True,
            text=True,
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "-C", str(ROOT), "status", "--porcelain", "--untracked-files=no", "src"],
            capture_output=True,
            text=True,
        ).stdout.strip()
        info["commit"] = rev + (" (src/ modified)" if dirty else "")
    except OSError:
        pass
    return info


# Helpers -----------------------------------------------------------------------------------


def has_command(*words: str) -> bool:
    """Whether ``tnplan WORDS --help`` works (commands written by others may not exist yet)."""
    res = subprocess.run(
        [tool("tnplan"), *words, "--help"], capture_output=True, text=True, env=ENV
    )
    return res.returncode == 0


def export_schema(work: Path) -> tuple[Path, str]:
    """The JSON Schema in a file: from `tnplan export schema` if it exists, else the API."""
    path = work / "tnplan.schema.json"
    if has_command("export"):
        for argv in (["export", "schema"], ["export", "schema", "-o", str(path)]):
            res = subprocess.run(
                [tool("tnplan"), *argv], capture_output=True, text=True, env=ENV, cwd=work
            )
            if res.returncode != 0:
                continue
            try:
                json.loads(res.stdout)
                path.write_text(res.stdout, encoding="utf-8")
            except ValueError:
                pass
            if path.exists() and "$defs" in path.read_text(encoding="utf-8"):
                return path, "tnplan " + " ".join(argv[:2])
    code = (
        "import json, sys, tnplan.plan.schema as s; "
        "json.dump(s.json_schema(), sys.stdout, ensure_ascii=False, indent=1)"
    )
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    path.write_text(res.stdout, encoding="utf-8")
    return path, "tnplan.plan.schema.json_schema()"


_GENERATED: set[Path] = set()


def generate(work: Path, n: int | None = None, invitations: int | None = None) -> Path:
    name = f"plan-{n}.yaml" if n else f"invitations-{invitations}.yaml"
    path = work / name
    args = [str(n)] if n else ["--invitations", str(invitations)]
    if path not in _GENERATED:  # once a run: the generator may have changed since the last
        _GENERATED.add(path)
        subprocess.run(
            [sys.executable, str(HERE / "gen_plan.py"), *args, "-o", str(path)],
            check=True,
            stdout=subprocess.DEVNULL,
        )
    return path


def validate_once(path: Path) -> None:
    res = subprocess.run(
        [tool("tnplan"), "validate", str(path)], capture_output=True, text=True, env=ENV
    )
    if res.returncode != 0:
        sys.exit(f"generated plan {path} does not validate:\n{res.stdout}{res.stderr}")


# Sections ----------------------------------------------------------------------------------


def scaling(args: argparse.Namespace, work: Path, results: dict[str, Any]) -> list[str]:
    schema, schema_from = export_schema(work)
    ylcfg = work / "yamllint.yaml"
    ylcfg.write_text(YAMLLINT_CONFIG, encoding="utf-8")
    rows = []
    table: dict[str, Any] = {"schema_from": schema_from, "sizes": {}}
    for n in args.sizes:
        path = generate(work, n)
        lines = path.read_bytes().count(b"\n")
        validate_once(path)
        runs = args.runs if n < 10_000 else args.big_runs
        log(f"scaling: {n} activities ({lines:,} lines), {runs} runs")
        res = measure(
            {
                "tnplan validate": [tool("tnplan"), "validate", str(path)],
                "yamllint": [tool("yamllint"), "-c", str(ylcfg), str(path)],
                "check-jsonschema": [
                    tool("check-jsonschema"),
                    "--schemafile",
                    str(schema),
                    str(path),
                ],
            },
            runs=runs,
            warmup=1 if n < 10_000 else 0,
            use_hyperfine=not args.no_hyperfine,
        )
        rss = peak_rss_mib([tool("tnplan"), "validate", str(path)])
        table["sizes"][n] = {"lines": lines, "bytes": path.stat().st_size, "rss_mib": rss, **res}
        t, y, c = (res[k]["median"] for k in ("tnplan validate", "yamllint", "check-jsonschema"))
        rows.append(
            f"| {n:,} | {lines:,} | {runs} | {cell(res['tnplan validate'])} "
            f"| {cell(res['yamllint'])} | {cell(res['check-jsonschema'])} "
            f"| {t / y:.3f} | {t / c:.3f} | {rss:,.0f} MiB |"
        )
    results["scaling"] = table
    md = [
        "### validate against yamllint and check-jsonschema",
        "",
        f"Schema from `{schema_from}`; yamllint config: default with line-length, "
        "document-start and truthy-on-keys off. Median [min–max] wall time.",
        "",
        "| activities | lines | runs | tnplan validate | yamllint | check-jsonschema "
        "| tnplan/yamllint | tnplan/check-jsonschema | tnplan peak memory |",
        "|---:|---:|---:|---|---|---|---:|---:|---:|",
        *rows,
    ]
    sizes = table["sizes"]
    if 10_000 in sizes and 50_000 in sizes:
        md.append("")
        md.append("Growth from 10,000 to 50,000 activities (5× the activities):")
        md.append("")
        for k in ("tnplan validate", "yamllint", "check-jsonschema"):
            g = sizes[50_000][k]["median"] / sizes[10_000][k]["median"]
            md.append(f"- {k}: ×{g:.2f}")
    return md


def phases_section(args: argparse.Namespace, work: Path, results: dict[str, Any]) -> list[str]:
    md = [
        "### where validate spends its time (in process, no start-up)",
        "",
        "Median of 3 runs, garbage collector off as in `tnplan`, milliseconds.",
        "",
    ]
    sizes = [n for n in args.sizes if n >= 10_000] or args.sizes[-1:]
    got: dict[int, dict[str, float]] = {}
    for n in sizes:
        log(f"phases: {n} activities")
        res = subprocess.run(
            [sys.executable, str(HERE / "phases.py"), str(generate(work, n)), "--runs", "3"],
            capture_output=True,
            text=True,
            check=True,
        )
        got[n] = json.loads(res.stdout)
    results["phases"] = got
    keys = list(next(iter(got.values())))
    md.append("| phase | " + " | ".join(f"{n:,} activities" for n in got) + " |")
    md.append("|---|" + "---:|" * len(got))
    for k in keys:
        md.append(f"| {k} | " + " | ".join(f"{got[n].get(k, 0):,.0f}" for n in got) + " |")
    return md


def importtime(cmd: list[str], runs: int = 5) -> tuple[list[tuple[str, float, float]], float]:
    """Median self and cumulative import times (ms) per module, and the total."""
    per: dict[str, tuple[list[float], list[float]]] = {}
    for _ in range(runs):
        res = subprocess.run(
            [sys.executable, "-X", "importtime", *cmd],
            capture_output=True,
            text=True,
            env=ENV,
            cwd=ROOT,
        )
        for line in res.stderr.splitlines():
            m = re.match(r"import time:\s+(\d+) \|\s+(\d+) \|(\s*)(\S+)", line)
            if m:
                s, c = per.setdefault(m.group(4), ([], []))
                s.append(int(m.group(1)) / 1000)
                c.append(int(m.group(2)) / 1000)
    mods = [(k, statistics.median(s), statistics.median(c)) for k, (s, c) in per.items()]
    total = sum(s for _, s, _ in mods)
    return mods, total


def startup(args: argparse.Namespace, work: Path, results: dict[str, Any]) -> list[str]:
    plan = BUNDLED if BUNDLED.exists() else FALLBACK_PLAN
    ylcfg = work / "yamllint.yaml"
    ylcfg.write_text(YAMLLINT_CONFIG, encoding="utf-8")
    tn = tool("tnplan")
    commands = {
        "python -c pass": [sys.executable, "-c", "pass"],
        "tnplan --help": [tn, "--help"],
        "tnplan validate PLAN": [tn, "validate", str(plan)],
    }
    notes = []
    if has_command("status"):
        commands["tnplan status PLAN --as-of 14/5/2026"] = [
            tn,
            "status",
            str(plan),
            "--as-of",
            "14/5/2026",
        ]
    else:
        notes.append("`tnplan status` does not exist yet in this tree: not measured.")
    commands["yamllint PLAN (config above)"] = [tool("yamllint"), "-c", str(ylcfg), str(plan)]
    commands["yamllint PLAN (default config)"] = [tool("yamllint"), str(plan)]
    commands["check-jsonschema PLAN"] = [
        tool("check-jsonschema"),
        "--schemafile",
        str(export_schema(work)[0]),
        str(plan),
    ]
    log(f"startup: {plan.name}, {args.startup_runs} runs")
    res = measure(
        commands, runs=args.startup_runs, warmup=3, cwd=ROOT, use_hyperfine=not args.no_hyperfine
    )
    y = res["yamllint PLAN (config above)"]["median"]
    yd = res["yamllint PLAN (default config)"]["median"]
    lines = plan.read_bytes().count(b"\n")
    md = [
        "### start-up on the bundled plan",
        "",
        f"Plan: `{plan.relative_to(ROOT)}` ({lines} lines)"
        + ("" if plan == BUNDLED else " — the bundled plan does not exist yet")
        + f"; {args.startup_runs} runs after 3 warm-up runs; median [min–max].",
        "",
        "| command | time | ÷ yamllint (config above) | ÷ yamllint (default) |",
        "|---|---|---:|---:|",
    ]
    for name, r in res.items():
        md.append(f"| `{name}` | {cell(r)} | {r['median'] / y:.2f} | {r['median'] / yd:.2f} |")
    md += [f"\n{n}" for n in notes]

    log("startup: python -X importtime")
    mods, total = importtime(["-m", "tnplan", "validate", str(plan)])
    results["startup"] = {"plan": str(plan), **res, "imports_total_ms": total}
    top_cum = sorted(mods, key=lambda m: -m[2])[:10]
    top_self = sorted(mods, key=lambda m: -m[1])[:10]
    groups: dict[str, float] = {}
    for name, s, _ in mods:
        groups[name.split(".")[0]] = groups.get(name.split(".")[0], 0) + s
    top_groups = sorted(groups.items(), key=lambda g: -g[1])[:10]
    results["startup"]["imports_top"] = top_cum
    results["startup"]["import_groups"] = top_groups
    md += [
        "",
        f"`python -X importtime -m tnplan validate PLAN`: {total:.0f} ms of imports in all "
        "(median of 5 runs per module; importtime itself adds overhead).",
        "",
        "| 10 largest cumulative imports | cumulative ms | self ms |",
        "|---|---:|---:|",
        *(f"| `{n}` | {c:.1f} | {s:.1f} |" for n, s, c in top_cum),
        "",
        "| top-level package (sum of its modules' self time) | ms |",
        "|---|---:|",
        *(f"| `{n}` | {s:.1f} |" for n, s in top_groups),
        "",
        "| 10 largest self times | self ms |",
        "|---|---:|",
        *(f"| `{n}` | {s:.1f} |" for n, s, _ in top_self),
    ]
    return md


def render(args: argparse.Namespace, work: Path, results: dict[str, Any]) -> list[str]:
    md = ["### 1,000 invitations with `--each`", ""]
    if not has_command("render", "invitation"):
        md.append(
            "`tnplan render invitation` does not exist yet in this tree: not measured "
            "(`benchmarks/run.py --only render` measures it once it does)."
        )
        results["render"] = None
        return md
    # The plan is the only one in ./plans/ of the working folder: the command finds it itself.
    folder = work / "render"
    (folder / "plans").mkdir(parents=True, exist_ok=True)
    plan = generate(work, invitations=args.invitations)
    shutil.copy(plan, folder / "plans" / "giay-moi.yaml")
    validate_once(folder / "plans" / "giay-moi.yaml")
    rows = []
    got = {}
    for fmt, runs in (
        ("md", args.render_runs),
        ("html", args.render_runs),
        ("docx", args.big_runs),
    ):
        out = folder / f"out-{fmt}"
        cmd = [tool("tnplan"), "render", "invitation", "hoi-nghi", "--each", "--format", fmt]
        cmd += ["-o", str(out)]
        log(f"render: {args.invitations} invitations as {fmt}, {runs} runs")
        res = measure(
            {fmt: cmd},
            runs=runs,
            warmup=0 if fmt == "docx" else 1,  # docx: a run is ~30 s, the cache is warm
            cwd=folder,
            prepare=["rm", "-rf", str(out)],
            use_hyperfine=not args.no_hyperfine,
        )[fmt]
        files = [p for p in out.rglob("*") if p.is_file()] if out.exists() else []
        size = sum(p.stat().st_size for p in files)
        res["files"] = len(files)
        got[fmt] = res
        rows.append(
            f"| {fmt} | {runs} | {cell(res)} | {len(files):,} | {size / 2**20:.1f} MiB "
            f"| {res['median'] / max(len(files), 1) * 1000:.2f} ms |"
        )
    results["render"] = got
    md += [
        f"`tnplan render invitation hoi-nghi --each --format F -o DIR` on a plan with one event "
        f"and {args.invitations:,} guests (`gen_plan.py --invitations {args.invitations}`); "
        "the output folder is emptied before each run.",
        "",
        "| format | runs | time | files written | size | per file |",
        "|---|---:|---|---:|---:|---:|",
        *rows,
    ]
    return md


SECTIONS = {"scaling": scaling, "phases": phases_section, "startup": startup, "render": render}


def _verdict(value: float, limit: float, unit: str = "") -> str:
    if value <= limit:
        return f"met ({(1 - value / limit) * 100:.0f}% under)"
    return f"**missed by {(value / limit - 1) * 100:.0f}%** ({value - limit:.2f}{unit} over)"


def targets(results: dict[str, Any]) -> list[str]:
    """Issue 6's targets against this run's medians."""
    rows = []
    st = results.get("startup")
    if st:
        ratio = st["tnplan validate PLAN"]["median"] / st["yamllint PLAN (config above)"]["median"]
        rows.append(
            f"| validate on the bundled plan ≤ 1.5× yamllint | {ratio:.2f}× "
            f"| {_verdict(ratio, 1.5, '×')} |"
        )
    sizes = (results.get("scaling") or {}).get("sizes", {})
    if 10_000 in sizes:
        r = sizes[10_000]
        ratio = r["tnplan validate"]["median"] / r["check-jsonschema"]["median"]
        rows.append(
            f"| 10,000 activities ≤ 0.1× check-jsonschema | {ratio:.3f}× "
            f"({fmt_s(r['tnplan validate']['median'])} vs "
            f"{fmt_s(r['check-jsonschema']['median'])}) | {_verdict(ratio, 0.1, '×')} |"
        )
    if 10_000 in sizes and 50_000 in sizes:
        growth = (
            sizes[50_000]["tnplan validate"]["median"] / sizes[10_000]["tnplan validate"]["median"]
        )
        ratio = (
            sizes[50_000]["tnplan validate"]["median"] / sizes[50_000]["check-jsonschema"]["median"]
        )
        rows.append(
            f"| growing linearly to 50,000 (5× the activities) | ×{growth:.2f} the time; "
            f"{ratio:.3f}× check-jsonschema | {_verdict(growth, 5.0 * 1.1, '×')} "
            "(linear: ≤ ×5.5) |"
        )
    rd = results.get("render") or {}
    for fmt, limit in (("html", 3.0), ("docx", 30.0)):
        if fmt in rd:
            t = rd[fmt]["median"]
            ok = rd[fmt].get("files") == results.get("invitations")
            note = "" if ok else f" (wrote {rd[fmt].get('files')} files)"
            rows.append(
                f"| 1,000 invitations as {fmt} < {limit:.0f} s | {fmt_s(t)}{note} "
                f"| {_verdict(t, limit, ' s')} |"
            )
    if not rows:
        return []
    return [
        "### targets (issue 6)",
        "",
        "| target | this run (medians) | verdict |",
        "|---|---|---|",
        *rows,
    ]


START, END = "<!-- results:start -->", "<!-- results:end -->"


def update_docs(path: Path, text: str) -> None:
    """Replace the part of ``path`` between the results markers with ``text``."""
    doc = path.read_text(encoding="utf-8")
    if START not in doc or END not in doc:
        sys.exit(f"{path} has no {START} … {END} markers")
    head, rest = doc.split(START, 1)
    _, tail = rest.split(END, 1)
    path.write_text(f"{head}{START}\n{text}{END}{tail}", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true", help="100–10,000 activities, fewer runs")
    ap.add_argument("--only", action="append", choices=list(SECTIONS), help="run only these")
    ap.add_argument("--skip", action="append", choices=list(SECTIONS), default=[])
    ap.add_argument("--sizes", help="comma-separated numbers of activities")
    ap.add_argument("--runs", type=int, help="runs below 10,000 activities (default 10)")
    ap.add_argument("--big-runs", type=int, help="runs at 10,000 and more (default 3)")
    ap.add_argument("--startup-runs", type=int, help="start-up runs (default 30)")
    ap.add_argument("--render-runs", type=int, help="md/html render runs (default 5)")
    ap.add_argument("--invitations", type=int, default=1000)
    ap.add_argument("--no-hyperfine", action="store_true", help="time with subprocess")
    ap.add_argument("--out", type=Path, default=Path(tempfile.gettempdir()) / "tnplan-bench")
    ap.add_argument(
        "--update-docs",
        type=Path,
        nargs="?",
        const=ROOT / "docs" / "performance.md",
        help="also write the tables into docs/performance.md (between the results markers)",
    )
    args = ap.parse_args(argv)
    quick = args.quick
    args.sizes = (
        [int(s.replace("_", "")) for s in args.sizes.split(",")]
        if args.sizes
        else [100, 1000, 10_000]
        if quick
        else [100, 1000, 10_000, 50_000]
    )
    args.runs = args.runs or (3 if quick else 10)
    args.big_runs = args.big_runs or (1 if quick else 3)
    args.startup_runs = args.startup_runs or (10 if quick else 30)
    args.render_runs = args.render_runs or (2 if quick else 5)
    args.out.mkdir(parents=True, exist_ok=True)

    started = time.time()
    info = machine()
    timer = "hyperfine" if shutil.which("hyperfine") and not args.no_hyperfine else "subprocess"
    results: dict[str, Any] = {"machine": info, "timer": timer, "args": sys.argv[1:]}
    md = [
        "## Results",
        "",
        f"Run of {time.strftime('%Y-%m-%d %H:%M')}"
        + (" (--quick)" if quick else "")
        + f", timed with {timer}.",
        "",
        "| machine | |",
        "|---|---|",
        *(f"| {k} | {v} |" for k, v in info.items()),
    ]
    wanted = args.only or list(SECTIONS)
    for name in wanted:
        if name in args.skip:
            continue
        md += ["", *SECTIONS[name](args, args.out, results)]
        (args.out / "results.json").write_text(
            json.dumps(results, indent=1, ensure_ascii=False, default=str), encoding="utf-8"
        )
    results["invitations"] = args.invitations
    after = machine()
    stable = ("python", "pyyaml", "typer", "tnplan", "yamllint", "check-jsonschema", "commit")
    changed = [
        f"{k}: {info.get(k)} → {after.get(k)}" for k in stable if after.get(k) != info.get(k)
    ]
    if changed:  # someone upgraded a package or committed during the run
        md += ["", "**The environment changed during this run:** " + "; ".join(changed) + "."]
    goals = targets(results)
    if goals:
        cut = 6 + len(info)  # right after the machine table
        md = [*md[:cut], "", *goals, *md[cut:]]
    md += ["", f"Whole run: {time.time() - started:.0f} s."]
    text = "\n".join(md) + "\n"
    (args.out / "results.md").write_text(text, encoding="utf-8")
    print(text)
    log(f"written: {args.out / 'results.md'}, {args.out / 'results.json'}")
    if args.update_docs:
        update_docs(args.update_docs, text)
        log(f"updated: {args.update_docs}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
