"""Shell completion of values from the plan in the current folder: ids of activities, units,
guests and deadlines (``tnplan render invitation <TAB>``, ``--owner <TAB>``).

The plan is the one a command would use: the PLAN argument if it is already on the line,
else ``./plans/`` (or the bundled plan). Completion never fails: an unreadable plan completes
nothing. Commands, options and ``--format`` choices are completed by Click itself.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    from ..plan.model import Plan


def _plan(ctx: click.Context) -> Plan | None:
    from ..plan.check import check_file
    from . import common

    try:
        given = ctx.params.get("plan")
        path = common.one_plan(Path(given) if given else None, "vi")
        return check_file(path).plan
    except Exception:  # completion must never print an error in the middle of a line
        return None


def _matching(pairs: list[tuple[str, str]], incomplete: str) -> list[tuple[str, str]]:
    start = incomplete.casefold()
    return [(value, help_) for value, help_ in pairs if value.casefold().startswith(start)]


def activity_ids(ctx: click.Context, incomplete: str) -> list[tuple[str, str]]:
    """The plan's activity ids, each with its title."""
    plan = _plan(ctx)
    if plan is None:
        return []
    return _matching([(a.id, a.title) for a in plan.activities], incomplete)


def unit_ids(ctx: click.Context, incomplete: str) -> list[tuple[str, str]]:
    """The plan's unit ids, each with its name."""
    plan = _plan(ctx)
    if plan is None:
        return []
    return _matching([(u.id, u.name) for u in plan.units], incomplete)


def invitee_ids(ctx: click.Context, incomplete: str) -> list[tuple[str, str]]:
    """Guest ids, then the unit ids an invitation may be addressed to."""
    plan = _plan(ctx)
    if plan is None:
        return []
    pairs = [(g.id, g.name) for g in plan.guests] + [(u.id, u.name) for u in plan.units]
    return _matching(pairs, incomplete)


def deadline_ids(ctx: click.Context, incomplete: str) -> list[tuple[str, str]]:
    """The plan's deadline ids, each with what is due."""
    plan = _plan(ctx)
    if plan is None:
        return []
    return _matching([(d.id, d.title) for d in plan.deadlines], incomplete)
