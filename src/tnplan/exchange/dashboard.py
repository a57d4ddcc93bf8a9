"""The dashboard page: :func:`tnplan.track.dashboard.board` laid out by a Jinja2 template.

The page is ``templates/dashboard.html.j2``, found like the documents' templates (``--templates
DIR`` first, then a single plan's own ``templates:`` folder, then the built-in ones) and
rendered by the documents' strict, autoescaping environment, so a plan's text is escaped and
a template that asks for a missing fact fails with its line.  The page loads nothing (no
script, font, image or CDN; a Content-Security-Policy says so), so it opens offline, can be
mailed as one file, reads on a phone and prints on A4.

This lives in ``exchange`` because it joins two stages that do not know each other: the
as-of data of ``track`` and the template machinery of ``documents``.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from ..plan import model
from ..track.schedule import AsOf

TEMPLATE = "dashboard.html.j2"


def render(
    plans: model.Plan | Sequence[model.Plan],
    as_of: AsOf,
    *,
    owner: str | None = None,
    templates: Path | None = None,
    lang: str = "vi",
) -> str:
    """The dashboard of one or many (valid) plans as of a date, as HTML text.

    ``owner`` (a unit's id, name or short name, or ``PLAN:UNIT``) keeps only that unit's
    items, as ``tnplan status --owner`` does; an unknown unit is a usage error.
    """
    from ..documents.render import builtin_templates, environment, render_template, template_dirs
    from ..track.dashboard import KIND, STATUS, board
    from ..track.schedule import resolve_owner
    from .export import check_plan_ids

    group = [plans] if isinstance(plans, model.Plan) else list(plans)
    check_plan_ids(group, lang=lang)
    who = resolve_owner(group, owner, lang=lang) if owner else None
    if len(group) == 1:
        dirs = template_dirs(group[0], templates, lang)
    else:
        dirs = template_dirs(_no_own_templates(group[0]), templates, lang)
    if builtin_templates() not in dirs:  # pragma: no cover - template_dirs always adds it
        dirs.append(builtin_templates())
    env = environment(dirs)
    context = {"board": board(group, as_of, who), "STATUS": STATUS, "KIND": KIND}
    return render_template(env, TEMPLATE, context, lang)


def _no_own_templates(plan: model.Plan) -> model.Plan:
    """The plan without its ``templates:`` folder: several plans share the built-in page."""
    import copy

    bare = copy.copy(plan)
    bare.templates = None
    return bare
