"""Where `tnplan validate` spends its time on one file, in process (no start-up).

Phases of :func:`tnplan.plan.check.check_file`: read + compose the YAML nodes (``load.read``),
convert them into the typed plan (``schema.build_plan``), and the semantic checks
(``check.check_plan``).  For comparison, PyYAML alone on the same bytes: the C parser's
events only, and a full ``yaml.load`` with the C safe loader (garbage collector paused, as
``tnplan`` runs).  Medians of ``--runs`` runs, in milliseconds, printed as JSON.

    python benchmarks/phases.py /tmp/plan-10000.yaml --runs 3
    python benchmarks/phases.py /tmp/plan-10000.yaml --profile 15
"""

from __future__ import annotations

import argparse
import collections
import gc
import json
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any


def _median_ms(fn: Callable[[], Any], runs: int) -> float:
    times = []
    for _ in range(runs):
        gc.collect()
        t0 = time.perf_counter()
        out = fn()
        times.append((time.perf_counter() - t0) * 1000)
        del out
    return round(statistics.median(times), 1)


def phases(path: Path, runs: int) -> dict[str, float]:
    import yaml

    from tnplan.plan import check, load, schema
    from tnplan.plan.messages import Reporter

    data = path.read_bytes()
    text = data.decode("utf-8")
    rep = Reporter(str(path))
    root = load.read(path, rep)
    assert root is not None, rep.problems[:3]
    plan = schema.build_plan(root, rep)
    assert plan is not None and not rep.problems, rep.problems[:3]

    def do_check() -> None:
        assert plan is not None
        check.check_plan(plan, Reporter(str(path)))

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    parser: Any = getattr(getattr(yaml, "cyaml", None), "CParser", None)  # None: no libyaml
    out: dict[str, float] = {}
    gc.disable()
    try:
        out["read+compose (tnplan load.read)"] = _median_ms(
            lambda: load.read(path, Reporter(str(path))), runs
        )
        out["build typed plan (schema.build_plan)"] = _median_ms(
            lambda: schema.build_plan(root, Reporter(str(path))), runs
        )
        out["semantic checks (check.check_plan)"] = _median_ms(do_check, runs)
        out["all (check.check_file)"] = _median_ms(lambda: check.check_file(path), runs)
        if parser is not None:
            out["PyYAML C parser, events only"] = _median_ms(
                lambda: collections.deque(yaml.parse(text, Loader=parser), maxlen=0), runs
            )
        out["PyYAML yaml.load, C safe loader"] = _median_ms(
            lambda: yaml.load(text, Loader=loader), runs
        )
    finally:
        gc.enable()
    return out


def profile(path: Path, top: int) -> str:
    import cProfile
    import io
    import pstats

    from tnplan.plan import check

    gc.disable()
    prof = cProfile.Profile()
    prof.enable()
    check.check_file(path)
    prof.disable()
    buf = io.StringIO()
    pstats.Stats(prof, stream=buf).sort_stats("tottime").print_stats(top)
    return buf.getvalue()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("plan", type=Path)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--profile", type=int, metavar="TOP", help="cProfile, top functions")
    args = ap.parse_args(argv)
    if args.profile:
        print(profile(args.plan, args.profile))
    else:
        print(json.dumps(phases(args.plan, args.runs), ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
