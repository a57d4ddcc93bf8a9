"""Units' results: the files next to a plan that ``tnplan collect read`` records.

A plan file is never rewritten by tnplan.  What units report comes back in Excel forms and is
recorded one file per unit and deadline, beside the plan::

    plans/ngay-khcn-2026.yaml
    plans/ngay-khcn-2026.results/bao-cao-don-vi/qlkh.yaml

Each file is a :class:`~tnplan.plan.model.UnitResults` (YAML, checked like the plan, problems at
file:line:col).  When the plan is loaded its results are read too: each file adds a receipt
(the unit and the date it was received) to its deadline's ``received`` list, so every view
counts the report as received from that date, and the file's rows join ``plan.reports`` for
the result report.  A results file with an error makes the plan invalid, as an error in the
plan itself would.
"""

from __future__ import annotations

from pathlib import Path

from . import model
from .messages import Reporter

RESULTS_SUFFIX = ".results"
"""The results folder of ``plans/x.yaml`` is ``plans/x.results/``."""


def results_dir(plan_path: Path) -> Path:
    """The folder beside a plan file that holds its units' results."""
    return plan_path.with_name(plan_path.stem + RESULTS_SUFFIX)


def results_file(plan_path: Path, deadline: str, unit: str) -> Path:
    """Where the results of ``unit`` for ``deadline`` are recorded."""
    return results_dir(plan_path) / deadline / f"{unit}.yaml"


def result_files(plan_path: Path) -> list[Path]:
    """Every results file of a plan, sorted (deadline folder, then unit)."""
    folder = results_dir(plan_path)
    if not folder.is_dir():
        return []
    found: list[Path] = []
    for sub in sorted(folder.iterdir()):
        if sub.is_dir():
            found.extend(
                sorted(p for p in sub.iterdir() if p.suffix in (".yaml", ".yml") and p.is_file())
            )
    return found


def task_keys(activity: model.Activity) -> dict[str, model.Task]:
    """The tasks of an activity by the key a results row uses: its id, or ``#n`` (1-based)."""
    return {t.id or f"#{i}": t for i, t in enumerate(activity.tasks, start=1)}


def read_results(
    plan: model.Plan, plan_path: Path, plan_rep: Reporter, display: str | None = None
) -> None:
    """Read, check and attach the plan's results files; problems join ``plan_rep``."""
    files = result_files(plan_path)
    if not files:
        return
    from . import load, schema

    shown_plan = Path(display) if display else plan_path
    for path in files:
        shown = str(results_dir(shown_plan) / path.parent.name / path.name)
        rep = Reporter(shown, plan_rep.lang)
        root = load.read(path, rep)
        got = schema.converter(model.UnitResults)(root, "results", rep) if root else None
        if isinstance(got, model.UnitResults):
            _check(plan, path, got, rep)
        plan_rep.problems.extend(rep.problems)
        if not isinstance(got, model.UnitResults) or any(p.level == "error" for p in rep.problems):
            continue
        deadline = plan.deadline(got.deadline)
        assert deadline is not None  # checked above
        receipt = model.Receipt(unit=got.unit, date=got.date, note=got.form)
        receipt.pos = got.pos
        deadline.received.append(receipt)
        plan.reports.append(got)


def _check(plan: model.Plan, path: Path, res: model.UnitResults, rep: Reporter) -> None:
    from .check import expand_units

    if res.format != model.RESULTS_FORMAT:
        rep.add(res.where("format"), "results-format", value=res.format)
        return
    if res.plan != plan.id:
        rep.add(res.where("plan"), "results-other-plan", value=res.plan, plan=plan.id)
        return
    deadline = plan.deadline(res.deadline)
    if deadline is None:
        ids = [d.id for d in plan.deadlines]
        rep.add(
            res.where("deadline"),
            "unknown-deadline",
            id=res.deadline,
            suggest=rep.suggest(res.deadline, ids),
        )
    if plan.unit(res.unit) is None:
        ids = [u.id for u in plan.units]
        rep.add(res.where("unit"), "unknown-unit", id=res.unit, suggest=rep.suggest(res.unit, ids))
    elif deadline is not None and res.unit not in expand_units(plan, deadline.owners):
        rep.add(res.where("unit"), "receipt-not-owner", id=res.unit)
    expected = f"{path.parent.parent.name}/{res.deadline}/{res.unit}.yaml"
    for name, value, actual in (
        ("deadline", res.deadline, path.parent.name),
        ("unit", res.unit, path.stem),
    ):
        if value != actual:
            rep.add(
                res.where(name),
                "results-misplaced",
                field=name,
                value=value,
                path=f"{path.parent.name}/{path.name}",
                expected=expected,
            )
    for i, row in enumerate(res.rows):
        activity = plan.activity(row.activity)
        if activity is None:
            ids = [a.id for a in plan.activities]
            rep.add(
                row.where("activity"),
                "unknown-activity",
                id=row.activity,
                suggest=rep.suggest(row.activity, ids),
            )
            continue
        if row.task is not None:
            keys = task_keys(activity)
            if row.task not in keys:
                rep.add(
                    row.where("task") if "task" in row.field_pos else res.where("rows", i),
                    "results-unknown-task",
                    activity=row.activity,
                    task=row.task,
                    suggest=rep.suggest(row.task, list(keys)),
                )
