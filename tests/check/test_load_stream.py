"""The plan is read as a stream: PyYAML's composer, and the activities converted as they come.

``load.compose`` must give PyYAML's own node graph (every node, tag, style, value and mark,
and the same error for an undefined alias, a repeated anchor or a second document), and a
plan checked while it is read (``fold``) must give the very plan and problems that checking
the whole node graph afterwards gives, for every example plan, valid or not.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
import yaml

from tnplan.plan import check, load, schema
from tnplan.plan.messages import Reporter
from tnplan.plan.problems import Problem

ROOT = Path(__file__).resolve().parents[2]
PLANS = sorted(
    [
        *ROOT.glob("plans/*.yaml"),
        *ROOT.glob("tests/plans/valid/*.yaml"),
        *ROOT.glob("tests/plans/invalid/*.yaml"),
        *ROOT.glob("tests/*/plans/*.yaml"),
    ]
)


class _PyYAML(yaml.CSafeLoader):  # type: ignore[misc]
    """PyYAML's C composer, with implicit tags left unresolved as tnplan does."""

    def resolve(self, kind: type, value: object, implicit: object) -> str:
        return load._KIND_TAGS[kind]


def _same(a: yaml.Node, b: yaml.Node, at: str = "", done: set[int] | None = None) -> None:
    done = set() if done is None else done
    if id(a) in done:  # an alias: compared once (a "billion laughs" plan has many)
        return
    done.add(id(a))
    assert type(a) is type(b), at
    assert a.tag == b.tag, at
    for m in ("start_mark", "end_mark"):
        ma, mb = getattr(a, m), getattr(b, m)
        assert (ma.line, ma.column, ma.index) == (mb.line, mb.column, mb.index), (at, m)
    if isinstance(a, yaml.ScalarNode):
        assert (a.value, a.style) == (b.value, b.style), at
    elif isinstance(a, yaml.SequenceNode):
        assert (a.flow_style, len(a.value)) == (b.flow_style, len(b.value)), at
        for i, (x, y) in enumerate(zip(a.value, b.value, strict=True)):
            _same(x, y, f"{at}[{i}]", done)
    else:
        assert (a.flow_style, len(a.value)) == (b.flow_style, len(b.value)), at
        for i, ((k1, v1), (k2, v2)) in enumerate(zip(a.value, b.value, strict=True)):
            _same(k1, k2, f"{at}.key{i}", done)
            _same(v1, v2, f"{at}.{k1.value}", done)


def _pyyaml(text: str) -> yaml.Node | None:
    return yaml.compose(text, Loader=_PyYAML)  # type: ignore[no-any-return]


@pytest.mark.parametrize("path", PLANS, ids=lambda p: str(p.relative_to(ROOT)))
def test_the_node_graph_is_pyyamls(path: Path) -> None:
    data = path.read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pytest.skip("not UTF-8")
    try:
        want = _pyyaml(text)
    except yaml.YAMLError as exc:
        with pytest.raises(yaml.YAMLError) as got:
            load.compose(data)
        assert str(got.value).replace("<byte string>", "<unicode string>") == str(exc)
        return
    got_node = load.compose(data)
    if want is None:
        assert got_node is None
    else:
        assert got_node is not None
        _same(want, got_node)


@pytest.mark.parametrize(
    "text",
    [
        "a: *x\n",
        "a: 1\n---\nb: 2\n",
        "a: &x 1\nb: &x 2\nc: *x\n",
        "a: &q [1, *q]\n",
        "---\n...\n",
        "",
        "# only a comment\n",
        "x: !!int 3\ny: ! z\nz: !custom [1]\n",
        "a: [1, {b: 'c', d: \"e\"}]\nf: |\n  block\ng: >-\n  folded\n",
    ],
)
def test_edge_cases_as_pyyaml(text: str) -> None:
    try:
        want = _pyyaml(text)
    except yaml.YAMLError as exc:
        with pytest.raises(yaml.YAMLError) as got:
            load.compose(text)
        assert str(got.value) == str(exc)
        return
    got_node = load.compose(text)
    assert (want is None) == (got_node is None)
    if want is not None and got_node is not None:
        _same(want, got_node)


def _whole_graph(path: Path) -> tuple[object, list[Problem]]:
    """Check a plan the other way: its whole node graph first, then the plan from it."""
    rep = Reporter(str(path))
    root = load.read(path, rep)
    plan = schema.build_plan(root, rep) if root is not None else None
    if plan is not None:
        plan.source = str(path)
        check.check_plan(plan, rep)
        from tnplan.plan import results

        results.read_results(plan, path, rep, None)
    rep.problems.sort(key=Problem.sort_key)
    return plan, rep.problems


def _positions(obj: object, out: list[object]) -> list[object]:
    """Every position in the plan, in order (they are not part of the plan's equality)."""
    if dataclasses.is_dataclass(obj):
        out.append((type(obj).__name__, obj.pos, obj.field_pos.items()))  # type: ignore[attr-defined]
        for fd in dataclasses.fields(obj):
            if not fd.metadata.get("internal"):
                _positions(getattr(obj, fd.name), out)
    elif isinstance(obj, list):
        for item in obj:
            _positions(item, out)
    return out


@pytest.mark.parametrize("path", PLANS, ids=lambda p: str(p.relative_to(ROOT)))
def test_reading_as_a_stream_changes_nothing(path: Path) -> None:
    plan, problems = _whole_graph(path)
    checked = check.check_file(path)
    assert checked.problems == problems
    assert checked.plan == plan
    if plan is not None:
        assert _positions(checked.plan, []) == _positions(plan, [])


def test_a_repeated_list_key_is_one_problem_not_two(tmp_path: Path) -> None:
    """The second ``activities:`` is reported and ignored, with whatever it holds: reading it
    item by item must not let its items' problems through."""
    base = (ROOT / "tests" / "plans" / "valid" / "minimal.yaml").read_text(encoding="utf-8")
    path = tmp_path / "plan.yaml"
    path.write_text(
        base + "activities:\n  - id: x\n    title: Sai\n    start: 31/2/2026\n", encoding="utf-8"
    )
    plan, problems = _whole_graph(path)
    checked = check.check_file(path)
    assert checked.problems == problems
    assert [p.code for p in checked.problems] == ["duplicate-key"]
    assert checked.plan == plan


FOLD_CASES = {
    "two lists, then a key": (
        "units:\n  - {id: a}\n  - id: b\nactivities:\n  - id: c\n    units:\n      - id: d\n"
        "  - x\n  - id: e\nid: f\n",
        ["a", "b", "c", "e"],
    ),
    "the list last": ("id: f\nactivities:\n  - id: c\n  - id: e\n", ["c", "e"]),
    "an empty list": ("activities: []\nunits:\n  - id: a\n", ["a"]),
    "a mapping, not a list": ("activities:\n  id: c\nunits: [{id: a}]\n", ["a"]),
    "a list of lists": ("activities:\n  - - id: c\n", []),
    "not under a top-level key": ("document:\n  activities:\n    - id: c\n", []),
    "a list at the top": ("- activities:\n    - id: c\n", []),
    "a quoted key": ('"activities":\n  - id: c\n', ["c"]),
}


@pytest.mark.parametrize("text,folded", FOLD_CASES.values(), ids=FOLD_CASES.keys())
def test_fold_takes_each_item_of_a_top_level_list_once(text: str, folded: list[str]) -> None:
    """The mappings of the named top-level lists, each handed over once, in order, and
    what was handed back in their place; nothing else."""
    got: list[str] = []

    def take(node: yaml.MappingNode) -> yaml.Node:
        got.append(node.value[0][1].value)
        return yaml.ScalarNode(load._STR_TAG, f"folded {got[-1]}", node.start_mark, None)

    root = load.compose(text.encode(), {"activities": take, "units": take})
    assert got == folded
    expected = yaml.safe_load(text)
    if isinstance(expected, dict):
        for key in ("activities", "units"):
            if isinstance(expected.get(key), list):
                expected[key] = [
                    f"folded {i['id']}" if isinstance(i, dict) else i for i in expected[key]
                ]
    assert yaml.safe_load(yaml.serialize(root)) == expected
