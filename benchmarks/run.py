"""Benchmarks of tnplan against yamllint and check-jsonschema, in one run on one machine.

    python benchmarks/run.py              # everything (about 15 minutes)
    python benchmarks/run.py --quick      # 100 to 10,000 activities, fewer runs

Sections (each can be skipped): ``scaling`` (validate, PyYAML's C event scan, yamllint,
check-jsonschema on generated plans of 100 to 50,000 activities, with ratios and peak
memory), ``phases`` (where validate spends its time, in process), ``startup``
(``tnplan --help``, ``validate`` and ``status`` on the bundled plan against ``python -c pass``
and yamllint; the largest imports from ``python -X importtime``), ``commands`` (every command
on 1,000, 10,000 and 50,000 activities: time, peak memory, growth), ``render`` (1,000
invitations with ``--each`` per format; peak memory for 1,000 and 10,000).

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
import itertools
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
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
ENV.update(COLUMNS="100", NO_COLOR="1")
"""Commands run as a user runs them: Python may keep the compiled modules (``.pyc``), and
tnplan its cache (``XDG_CACHE_HOME`` is set to a folder of the run in :func:`main`)."""
EVENTS = (
    "import collections, sys, yaml; collections.deque(yaml.parse(open(sys.argv[1], 'rb')"
    ".read(), Loader=yaml.CSafeLoader), maxlen=0)"
)
"""PyYAML's C parser reading a file's events, nothing more: the floor for a YAML tool in
Python (what issue 16 compares `tnplan validate` with)."""


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


def peak_rss_mib(argv: list[str], cwd: Path | None = None) -> float:
    """Peak resident memory of one run of a command (its own, from wait4), in MiB."""
    return run_once(argv, cwd)[1]


def run_once(argv: list[str], cwd: Path | None = None) -> tuple[float, float, int]:
    """One run of a command: (seconds, peak resident memory in MiB, exit code)."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(
        argv, env=ENV, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - t0
    proc.returncode = 0  # reaped above
    return elapsed, usage.ru_maxrss / 1024, os.waitstatus_to_exitcode(status)


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
        runs = args.runs if n < 10_000 else args.mid_runs if n == 10_000 else args.big_runs
        log(f"scaling: {n} activities ({lines:,} lines), {runs} runs")
        res = measure(
            {
                "tnplan validate": [tool("tnplan"), "validate", str(path)],
                "C event scan": [sys.executable, "-c", EVENTS, str(path)],
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
        t, e, y, c = (
            res[k]["median"]
            for k in ("tnplan validate", "C event scan", "yamllint", "check-jsonschema")
        )
        rows.append(
            f"| {n:,} | {lines:,} | {runs} | {cell(res['tnplan validate'])} "
            f"| {cell(res['C event scan'])} "
            f"| {cell(res['yamllint'])} | {cell(res['check-jsonschema'])} "
            f"| {t / e:.2f} | {t / y:.3f} | {t / c:.3f} | {rss:,.0f} MiB "
            f"| {rss * 1024 / n:,.1f} KB |"
        )
    results["scaling"] = table
    md = [
        "### validate against yamllint and check-jsonschema",
        "",
        f"Schema from `{schema_from}`; yamllint config: default with line-length, "
        "document-start and truthy-on-keys off; the C event scan is PyYAML's C parser reading "
        "the file's events and nothing more (`benchmarks/run.py`, `EVENTS`). Median "
        "[min–max] wall time of whole processes; peak memory of one more `tnplan validate` "
        "run, and that divided by the activities.",
        "",
        "| activities | lines | runs | tnplan validate | C event scan | yamllint "
        "| check-jsonschema | tnplan/scan | tnplan/yamllint | tnplan/check-jsonschema "
        "| tnplan peak memory | per activity |",
        "|---:|---:|---:|---|---|---|---|---:|---:|---:|---:|---:|",
        *rows,
    ]
    sizes = table["sizes"]
    if 10_000 in sizes and 50_000 in sizes:
        md.append("")
        md.append("Growth from 10,000 to 50,000 activities (5× the activities):")
        md.append("")
        for k in ("tnplan validate", "C event scan", "yamllint", "check-jsonschema"):
            g = sizes[50_000][k]["median"] / sizes[10_000][k]["median"]
            md.append(f"- {k}: ×{g:.2f}")
        slope = (sizes[50_000]["rss_mib"] - sizes[10_000]["rss_mib"]) * 1024 / 40_000
        md.append(f"- tnplan validate's peak memory: {slope:,.1f} KB more per activity")
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
        "tnplan --help (cache off)": ["env", "TNPLAN_NO_CACHE=1", tn, "--help"],
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
    py = res["python -c pass"]["median"]
    lines = plan.read_bytes().count(b"\n")
    md = [
        "### start-up on the bundled plan",
        "",
        f"Plan: `{plan.relative_to(ROOT)}` ({lines} lines)"
        + ("" if plan == BUNDLED else " — the bundled plan does not exist yet")
        + f"; {args.startup_runs} runs after 3 warm-up runs; median [min–max]. "
        "`tnplan --help` is printed from tnplan's cache after the first run (warm-up); "
        "`(cache off)` lays it out with Typer and Rich every time, as the first run does.",
        "",
        "| command | time | ÷ python -c pass | ÷ yamllint (config above) | ÷ yamllint (default) |",
        "|---|---|---:|---:|---:|",
    ]
    for name, r in res.items():
        md.append(
            f"| `{name}` | {cell(r)} | {r['median'] / py:.1f} | {r['median'] / y:.2f} "
            f"| {r['median'] / yd:.2f} |"
        )
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


def command_lines(plan: Path, out: Path) -> dict[str, list[str]]:
    """Every command of tnplan on a generated plan (an activity with an event: ``hd-00005``)."""
    p, a = str(plan), "hd-00005"
    lines: dict[str, list[str]] = {
        "validate": ["validate", p],
        "status": ["status", p, "--as-of", "14/5/2026"],
        "timeline": ["timeline", p, "--as-of", "14/5/2026"],
        "overdue": ["overdue", p, "--as-of", "1/7/2026"],
        "upcoming": ["upcoming", p, "--as-of", "14/5/2026"],
    }
    for f in ("md", "html", "docx"):
        lines[f"render plan -f {f}"] = ["render", "plan", p, "-f", f, "-o", f"{out}/plan.{f}"]
        lines[f"render invitation -f {f}"] = [
            *("render", "invitation", a, p, "-f", f, "-o", f"{out}/inv.{f}")
        ]
        lines[f"render script -f {f}"] = ["render", "script", a, p, "-f", f, "-o", f"{out}/s.{f}"]
        lines[f"render report -f {f}"] = [
            *("render", "report", p, "--as-of", "30/6/2026", "-f", f, "-o", f"{out}/r.{f}")
        ]
    lines["export ics"] = ["export", "ics", p, "-o", f"{out}/x.ics"]
    lines["export html"] = ["export", "html", p, "--as-of", "14/5/2026", "-o", f"{out}/x.html"]
    lines["export json"] = ["export", "json", p, "-o", f"{out}/x.json"]
    lines["export schema"] = ["export", "schema", "-o", f"{out}/schema.json"]
    lines["new"] = ["new", "--from", p, "--year", "2027", "-o", f"{out}/new.yaml"]
    lines["collect form --each"] = [
        *("collect", "form", "-p", p, "--each", "--deadline", "bao-cao-001", "-o", f"{out}/forms")
    ]
    lines["remind --dry-run"] = ["remind", p, "--as-of", "14/5/2026", "--dry-run"]
    return {k: [*v, "--force"] if "-o" in v else v for k, v in lines.items()}


VIEWS = ("status", "timeline", "overdue", "upcoming")


def commands(args: argparse.Namespace, work: Path, results: dict[str, Any]) -> list[str]:
    """Every command at each size: median time, peak memory, growth (issue 10)."""
    sizes = args.command_sizes
    got: dict[str, dict[int, dict[str, Any]]] = {}
    for n in sizes:
        plan = generate(work, n)
        validate_once(plan)
        out = work / f"out-{n}"
        out.mkdir(exist_ok=True)
        runs = args.mid_runs if n <= 10_000 else args.big_runs
        log(f"commands: {n:,} activities, {runs} rounds of every command")
        lines = command_lines(plan, out)
        measured: dict[str, tuple[list[float], list[float], set[int]]] = {
            name: ([], [], set()) for name in lines
        }
        # Round after round of every command, not each command's runs in a row: a slow spell
        # of the shared machine then falls on every command alike, not on one of them.
        for _ in range(runs):
            for name, argv in lines.items():
                elapsed, rss, code = run_once([tool("tnplan"), *argv], cwd=work)
                measured[name][0].append(elapsed)
                measured[name][1].append(rss)
                measured[name][2].add(code)
        for name, (times, rss_runs, codes) in measured.items():
            got.setdefault(name, {})[n] = {
                "median": statistics.median(times),
                "min": min(times),
                "max": max(times),
                "runs": runs,
                "rss_mib": max(rss_runs),
                "exit_codes": sorted(codes),
            }
    results["commands"] = got
    head = " | ".join(f"{n:,}" for n in sizes)
    growth = list(itertools.pairwise(sizes))
    md = [
        "### every command at three sizes",
        "",
        f"Median wall time of whole processes ({args.mid_runs} runs up to 10,000 activities, "
        f"{args.big_runs} above; the commands take turns, a round of all of them at a time), "
        "the growth factor between sizes, and the peak memory of the largest. "
        "Documents and exports are written with `-o … --force` into a folder of the run; "
        "the activity of `render invitation` and `script` is `hd-00005` (an event with "
        "three invitees and a programme).",
        "",
        f"| command | {head} | "
        + " | ".join(f"×{b // a} the activities" for a, b in growth)
        + f" | peak memory at {sizes[-1]:,} |",
        "|---|" + "---:|" * (len(sizes) + len(growth) + 1),
    ]
    for name, by_size in got.items():
        cells = []
        for n in sizes:
            r = by_size[n]
            bad = "" if r["exit_codes"] == [0] else f" (exit {r['exit_codes']})"
            cells.append(fmt_s(r["median"]) + bad)
        factors = [f"×{by_size[b]['median'] / by_size[a]['median']:.2f}" for a, b in growth]
        md.append(
            f"| `{name}` | "
            + " | ".join(cells + factors)
            + f" | {by_size[sizes[-1]]['rss_mib']:,.0f} MiB |"
        )
    ref = 10_000 if 10_000 in sizes else sizes[-1]
    if "validate" in got:
        v = got["validate"][ref]["median"]
        md += [
            "",
            f"The views against `validate` on the same plan ({ref:,} activities; a view "
            "reads and checks the plan as `validate` does, then lays out the 20 rows "
            "nearest the day):",
            "",
            *(f"- `{k}`: {got[k][ref]['median'] / v:.2f}× validate" for k in VIEWS if k in got),
        ]
    return md


def render(args: argparse.Namespace, work: Path, results: dict[str, Any]) -> list[str]:
    md = [f"### {args.invitations:,} invitations with `--each`", ""]
    # The plan is the only one in ./plans/ of the working folder: the command finds it itself.
    folder = work / "render"
    (folder / "plans").mkdir(parents=True, exist_ok=True)
    plan = generate(work, invitations=args.invitations)
    shutil.copy(plan, folder / "plans" / "giay-moi.yaml")
    validate_once(folder / "plans" / "giay-moi.yaml")
    rows = []
    got = {}
    formats = ("md", "html", "docx", "pdf") if shutil.which("soffice") else ("md", "html", "docx")
    for fmt in formats:
        out = folder / f"out-{fmt}"
        cmd = [tool("tnplan"), "render", "invitation", "hoi-nghi", "--each", "--format", fmt]
        cmd += ["-o", str(out)]
        runs = 1 if fmt == "pdf" else args.render_runs  # LibreOffice: minutes a run
        log(f"render: {args.invitations} invitations as {fmt}, {runs} runs")
        res = measure(
            {fmt: cmd},
            runs=runs,
            warmup=0 if fmt == "pdf" else 1,
            cwd=folder,
            prepare=["rm", "-rf", str(out)],
            use_hyperfine=not args.no_hyperfine,
        )[fmt]
        files = [p for p in out.rglob("*") if p.is_file()] if out.exists() else []
        size = sum(p.stat().st_size for p in files)
        res["files"] = len(files)
        shutil.rmtree(out, ignore_errors=True)
        res["rss_mib"] = run_once(cmd, cwd=folder)[1]
        got[fmt] = res
        rows.append(
            f"| {fmt} | {runs} | {cell(res)} | {len(files):,} | {size / 2**20:.1f} MiB "
            f"| {res['median'] / max(len(files), 1) * 1000:.2f} ms | {res['rss_mib']:,.0f} MiB |"
        )
    results["render"] = got
    md += [
        f"`tnplan render invitation hoi-nghi --each --format F -o DIR` on a plan with one event "
        f"and {args.invitations:,} guests (`gen_plan.py --invitations {args.invitations}`); "
        "the output folder is emptied before each run. Peak memory of one more run.",
        "",
        "| format | runs | time | files written | size | per file | peak memory |",
        "|---|---:|---|---:|---:|---:|---:|",
        *rows,
    ]
    # Memory must not grow with the number of documents: ten times the invitees.
    big = args.invitations * 10
    folder = work / "render-big"
    (folder / "plans").mkdir(parents=True, exist_ok=True)
    shutil.copy(generate(work, invitations=big), folder / "plans" / "giay-moi.yaml")
    mem: dict[str, dict[str, float]] = {}
    rows = []
    for fmt in ("md", "html", "docx"):  # pdf: below, with a tenth of the invitees
        out = folder / f"out-{fmt}"
        shutil.rmtree(out, ignore_errors=True)
        cmd = [tool("tnplan"), "render", "invitation", "hoi-nghi", "--each", "--format", fmt]
        log(f"render: {big} invitations as {fmt}, once, for memory")
        elapsed, rss, code = run_once([*cmd, "-o", str(out)], cwd=folder)
        files = sum(1 for p in out.iterdir()) if out.exists() else 0
        shutil.rmtree(out, ignore_errors=True)
        mem[fmt] = {"seconds": elapsed, "rss_mib": rss, "files": files, "exit": code}
        rows.append(
            f"| {fmt} | {got[fmt]['rss_mib']:,.0f} MiB | {rss:,.0f} MiB | {fmt_s(elapsed)} "
            f"| {files:,} |"
        )
    if "pdf" in got:  # LibreOffice converts ~10 files a second: a tenth of the invitees
        small = max(args.invitations // 10, 1)
        folder = work / "render-small"
        (folder / "plans").mkdir(parents=True, exist_ok=True)
        shutil.copy(generate(work, invitations=small), folder / "plans" / "giay-moi.yaml")
        out = folder / "out-pdf"
        shutil.rmtree(out, ignore_errors=True)
        cmd = [tool("tnplan"), "render", "invitation", "hoi-nghi", "--each", "-f", "pdf"]
        log(f"render: {small} invitations as pdf, once, for memory")
        elapsed, rss, code = run_once([*cmd, "-o", str(out)], cwd=folder)
        files = sum(1 for p in out.iterdir()) if out.exists() else 0
        shutil.rmtree(out, ignore_errors=True)
        mem["pdf"] = {"seconds": elapsed, "rss_mib": rss, "files": files, "exit": code}
        rows.append(
            f"| pdf | {got['pdf']['rss_mib']:,.0f} MiB | {rss:,.0f} MiB ({small:,} invitees) "
            f"| {fmt_s(elapsed)} for {small:,} | {files:,} |"
        )
    results["render_memory"] = mem
    md += [
        "",
        f"Peak memory for {args.invitations:,} and for {big:,} invitees (one run each; for "
        "pdf a tenth of the invitees instead of ten times, and the memory is the larger of "
        "tnplan's and LibreOffice's, which the kernel reports together):",
        "",
        f"| format | {args.invitations:,} invitees | {big:,} invitees | time for {big:,} | files |",
        "|---|---:|---:|---:|---:|",
        *rows,
    ]
    return md


SECTIONS = {
    "scaling": scaling,
    "phases": phases_section,
    "startup": startup,
    "commands": commands,
    "render": render,
}


def _verdict(value: float, limit: float, unit: str = "") -> str:
    if value <= limit:
        return f"met ({(1 - value / limit) * 100:.0f}% under)"
    return f"**missed by {(value / limit - 1) * 100:.0f}%** ({value - limit:.2f}{unit} over)"


def targets16(results: dict[str, Any]) -> list[str]:
    """Issue 16's targets, and issue 10's growth of every command, against this run."""
    rows = []
    rd = results.get("render") or {}
    if "html" in rd and "docx" in rd:
        ratio = rd["docx"]["median"] / rd["html"]["median"]
        rows.append(
            f"| 1. {results.get('invitations', 1000):,} Word invitations ≤ 2× the time of HTML "
            f"| {ratio:.2f}× ({fmt_s(rd['docx']['median'])} vs {fmt_s(rd['html']['median'])}) "
            f"| {_verdict(ratio, 2.0, '×')} |"
        )
    cmds = results.get("commands") or {}
    ref = 10_000
    if "validate" in cmds and ref in cmds["validate"]:
        v = cmds["validate"][ref]["median"]
        ratios = {k: cmds[k][ref]["median"] / v for k in VIEWS if k in cmds and ref in cmds[k]}
        worst = max(ratios.values())
        shown = ", ".join(f"{k} {r:.2f}×" for k, r in ratios.items())
        rows.append(
            f"| 2. status, timeline, overdue, upcoming on 10,000 activities ≤ 1.5× validate "
            f"| {shown} | {_verdict(worst, 1.5, '×')} |"
        )
    mem = results.get("render_memory") or {}
    if rd and mem:
        own = [f for f in rd if f != "pdf"]
        peaks = [rd[f]["rss_mib"] for f in own] + [mem[f]["rss_mib"] for f in own if f in mem]
        rows.append(
            "| 3. `--each` peak memory < 200 MiB for 1,000 and 10,000 invitees, every format "
            f"| at most {max(peaks):,.0f} MiB ({', '.join(own)}) "
            f"| {_verdict(max(peaks), 200.0, ' MiB')} |"
        )
        if "pdf" in rd and "pdf" in mem:
            a, b = mem["pdf"]["rss_mib"], rd["pdf"]["rss_mib"]
            rows.append(
                "| 3. … as pdf (tnplan and LibreOffice together, the larger) "
                f"| {a:,.0f} MiB for {mem['pdf']['files']:,} files, {b:,.0f} MiB for "
                f"{rd['pdf']['files']:,} | {_verdict(max(a, b), 200.0, ' MiB')} |"
            )
    if "render plan -f docx" in cmds and {10_000, 50_000} <= set(cmds["render plan -f docx"]):
        r = cmds["render plan -f docx"]
        g = r[50_000]["median"] / r[10_000]["median"]
        rows.append(
            "| 3. `render plan -f docx` linear in the plan (5× the activities) "
            f"| ×{g:.2f} ({fmt_s(r[10_000]['median'])} → {fmt_s(r[50_000]['median'])}) "
            f"| {_verdict(g, 5.5, '×')} (linear: ≤ ×5.5) |"
        )
    sizes = (results.get("scaling") or {}).get("sizes", {})
    if ref in sizes:
        r = sizes[ref]
        ratio = r["tnplan validate"]["median"] / r["C event scan"]["median"]
        rows.append(
            "| 4. validate on 10,000 activities ≤ 3× PyYAML's C event scan "
            f"| {ratio:.2f}× ({fmt_s(r['tnplan validate']['median'])} vs "
            f"{fmt_s(r['C event scan']['median'])}) | {_verdict(ratio, 3.0, '×')} |"
        )
    big = max(sizes) if sizes else None
    if big:
        per = sizes[big]["rss_mib"] * 1024 / big
        note = f"{per:,.1f} KB at {big:,} ({sizes[big]['rss_mib']:,.0f} MiB peak)"
        if ref in sizes and big != ref:
            slope = (sizes[big]["rss_mib"] - sizes[ref]["rss_mib"]) * 1024 / (big - ref)
            note += f"; {slope:,.1f} KB more per activity from {ref:,}"
        rows.append(
            f"| 4. validate's memory < 4 KB per activity | {note} | {_verdict(per, 4.0, ' KB')} |"
        )
    st = results.get("startup")
    if st:
        ratio = st["tnplan validate PLAN"]["median"] / st["yamllint PLAN (config above)"]["median"]
        rows.append(
            f"| 5. validate on the bundled plan ≤ 0.6× yamllint | {ratio:.2f}× "
            f"| {_verdict(ratio, 0.6, '×')} |"
        )
        ratio = st["tnplan --help"]["median"] / st["python -c pass"]["median"]
        off = st["tnplan --help (cache off)"]["median"] / st["python -c pass"]["median"]
        rows.append(
            f"| 5. `tnplan --help` ≤ 5× an empty Python start | {ratio:.1f}× "
            f"(the first time, laid out by Typer and Rich: {off:.1f}×) "
            f"| {_verdict(ratio, 5.0, '×')} |"
        )
    sizes_c = sorted({n for v in cmds.values() for n in v})
    if len(sizes_c) >= 2:
        a, b = sizes_c[-2], sizes_c[-1]
        limit = b / a * 1.1
        growth = {k: v[b]["median"] / v[a]["median"] for k, v in cmds.items() if a in v and b in v}
        worst = max(growth, key=lambda k: growth[k])
        over = [k for k, g in growth.items() if g > limit]
        rows.append(
            f"| issue 10: every command linear ({b // a}× the activities: ≤ ×{limit:.1f}) "
            f"| the most: `{worst}` ×{growth[worst]:.2f}"
            + (f"; over: {', '.join(f'`{k}`' for k in over)}" if over else "")
            + f" | {_verdict(growth[worst], limit, '×')} |"
        )
    if not rows:
        return []
    return [
        "### targets (issues 16 and 10)",
        "",
        "| target | this run (medians) | verdict |",
        "|---|---|---|",
        *rows,
    ]


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
    ap.add_argument("--mid-runs", type=int, help="runs at 10,000 activities (default 5)")
    ap.add_argument("--big-runs", type=int, help="runs above 10,000 activities (default 3)")
    ap.add_argument("--startup-runs", type=int, help="start-up runs (default 30)")
    ap.add_argument("--render-runs", type=int, help="md/html render runs (default 5)")
    ap.add_argument("--invitations", type=int, default=1000)
    ap.add_argument(
        "--command-sizes",
        help="comma-separated activities for `commands` (default 1000,10000,50000)",
    )
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
    args.mid_runs = args.mid_runs or (1 if quick else 5)
    args.big_runs = args.big_runs or (1 if quick else 3)
    args.startup_runs = args.startup_runs or (10 if quick else 30)
    args.render_runs = args.render_runs or (2 if quick else 5)
    args.command_sizes = (
        [int(s.replace("_", "")) for s in args.command_sizes.split(",")]
        if args.command_sizes
        else [1000, 5000]
        if quick
        else [1000, 10_000, 50_000]
    )
    args.out.mkdir(parents=True, exist_ok=True)
    cache = args.out / "cache"  # tnplan's cache of this run (help laid out once)
    shutil.rmtree(cache, ignore_errors=True)
    ENV["XDG_CACHE_HOME"] = str(cache)

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
    goals = targets16(results) + ([""] if targets(results) else []) + targets(results)
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
