"""Where `tnplan validate` spends its time on one file, in process (no start-up).

Phases of :func:`tnplan.plan.check.check_file`: reading the file into the typed plan (the
nodes composed by PyYAML's C composer, each activity converted as soon as the next starts:
``load.read`` with ``schema.fold``, then ``schema.build_plan``), and the semantic checks
(``check.check_plan``).  For comparison, PyYAML alone on the same bytes: the C parser's
events only, its C composer (nodes only), and a full ``yaml.load`` with the C safe loader
(garbage collector paused, as ``tnplan`` reads a plan).  Medians of ``--runs`` runs, in
milliseconds, printed as JSON.

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
    checked = check.check_file(path)
    plan = checked.plan
    assert plan is not None and not checked.problems, checked.problems[:3]

    def read_and_convert() -> Any:  # what check_file does before the semantic checks
        rep = Reporter(str(path))
        root = load.read(path, rep, fold=schema.fold(rep))
        return schema.build_plan(root, rep)

    def do_check() -> None:
        assert plan is not None
        check.check_plan(plan, Reporter(str(path)))

    class Composer(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
        def resolve(self, kind: type, value: object, implicit: object) -> str:
            return load._KIND_TAGS[kind]

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    out: dict[str, float] = {}
    gc.disable()
    try:
        out["read, compose and convert, streamed (load.read + schema.build_plan)"] = _median_ms(
            read_and_convert, runs
        )
        out["semantic checks (check.check_plan)"] = _median_ms(do_check, runs)
        out["all (check.check_file)"] = _median_ms(lambda: check.check_file(path), runs)
        out["PyYAML C parser, events only"] = _median_ms(
            lambda: collections.deque(yaml.parse(data, Loader=loader), maxlen=0), runs
        )
        out["PyYAML C composer, nodes only (yaml.compose)"] = _median_ms(
            lambda: yaml.compose(data, Loader=Composer), runs
        )
        out["PyYAML yaml.load, C safe loader"] = _median_ms(
            lambda: yaml.load(data, Loader=loader), runs
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
