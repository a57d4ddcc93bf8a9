"""`tnplan export schema`: the JSON Schema for editors, from the model the checker uses.

The schema must be valid draft 2020-12, the committed copy in ``schema/`` must be what the
command writes today, plans the checker accepts must pass it, and the type errors among the
invalid examples (``tests/plans/invalid/``, each naming its problem codes) must fail it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from tnplan.plan import load, schema
from tnplan.plan.messages import Reporter

ROOT = Path(__file__).resolve().parents[2]
COMMITTED = ROOT / "schema" / "tnplan-1.schema.json"
HERE = Path(__file__).resolve().parent
EXAMPLES = ROOT / "tests" / "plans"
BUNDLED = ROOT / "plans" / "ngay-khcn-2026.yaml"
_EXPECT = re.compile(rb"^# expect: (.+)$", re.MULTILINE)

# Problems a JSON Schema can state: the shape and type of a value, required and unknown
# fields, allowed values, the text form of ids, times and the format version.
TYPE_CODES = {
    "wrong-type",
    "yaml-boolean",
    "bad-value",
    "missing-field",
    "unknown-field",
    "leading-zero",
    "not-a-mapping",
    "bad-format",
    "bad-id",
    "empty-text",
    "bad-time",
}
# Problems only the checker sees (references, dates that do not exist, order, calendars):
# a plan with only these must still pass the schema, or the editor would cry wolf.
SEMANTIC_CODES = {
    "duplicate-id",
    "unknown-unit",
    "unknown-invitee",
    "unknown-activity",
    "unknown-deadline",
    "unknown-placeholder",
    "bad-date",
    "bad-timezone",
    "start-after-end",
    "outside-period",
    "event-outside-activity",
    "time-order",
    "slot-no-time",
    "slot-outside-event",
    "slot-overlap",
    "no-programme-event",
    "no-venue",
    "no-time",
    "weekend-deadline",
    "holiday-deadline",
    "task-no-owner",
    "receipt-not-owner",
}


def _data(path: Path) -> Any:
    root = load.parse_bytes(path.read_bytes(), Reporter(str(path)))
    assert root is not None, f"{path.name} does not parse"
    return schema.plain(root)


def _codes(path: Path) -> set[str]:
    match = _EXPECT.search(path.read_bytes())
    return {part.split()[0] for part in match.group(1).decode().split(",")} if match else set()


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(schema.json_schema())


def test_schema_is_valid_draft_2020_12() -> None:
    doc = schema.json_schema()
    assert doc["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(doc)


def test_committed_schema_is_a_fresh_export(cli: Callable[..., Any]) -> None:
    r = cli("export", "schema")
    assert r.code == 0, r.err
    assert r.out == COMMITTED.read_text(encoding="utf-8"), (
        "schema/tnplan-1.schema.json is stale: run `tnplan export schema -o "
        "schema/tnplan-1.schema.json`"
    )
    assert json.loads(r.out) == schema.json_schema()


def test_export_schema_writes_a_file(cli: Callable[..., Any], tmp_path: Path) -> None:
    out = tmp_path / "s.json"
    r = cli("export", "schema", "-o", str(out))
    assert (r.code, r.out, r.err) == (0, "", f"Đã ghi {out}\n")
    assert out.read_text(encoding="utf-8") == COMMITTED.read_text(encoding="utf-8")


def test_every_field_is_described_in_vietnamese() -> None:
    doc = schema.json_schema()
    for name, sub in [("Plan", doc), *doc["$defs"].items()]:
        for field, prop in sub["properties"].items():
            assert prop.get("description"), f"{name}.{field} has no description"
    status = doc["$defs"]["Activity"]["properties"]["status"]
    assert status["enum"] == ["planned", "in_progress", "done", "postponed", "cancelled"]
    assert status["description"] == "Trạng thái"
    assert doc["properties"]["format"] == {
        "const": "tnplan/1",
        "description": "Phiên bản định dạng kế hoạch",
    }


def test_plans_point_editors_at_the_committed_schema() -> None:
    plans = sorted((ROOT / "plans").glob("*.yaml"))
    assert plans, "no plan in plans/"
    for plan in plans:
        first = plan.read_text(encoding="utf-8").splitlines()[0]
        assert first == "# yaml-language-server: $schema=../schema/tnplan-1.schema.json"


def test_bundled_plan_passes(validator: jsonschema.Draft202012Validator) -> None:
    errors = [e.message for e in validator.iter_errors(_data(BUNDLED))]
    assert errors == []


@pytest.mark.parametrize(
    "path",
    [HERE / "plans" / "mini.yaml", *sorted((EXAMPLES / "valid").glob("*.yaml"))],
    ids=lambda p: p.name,
)
def test_valid_plans_pass(path: Path, validator: jsonschema.Draft202012Validator) -> None:
    assert [e.message for e in validator.iter_errors(_data(path))] == []


def _invalid(*, some_of: set[str] = frozenset(), only: set[str] = frozenset()) -> list[Path]:
    """Invalid examples with at least one code in ``some_of``, or with codes all in ``only``."""
    out = []
    for path in sorted((EXAMPLES / "invalid").glob("*.yaml")):
        found = _codes(path)
        if (found & some_of) or (found and found <= only):
            out.append(path)
    return out


TYPE_ERRORS = _invalid(some_of=TYPE_CODES)
SEMANTIC_ONLY = _invalid(only=SEMANTIC_CODES)


def test_examples_cover_both_kinds() -> None:
    assert len(TYPE_ERRORS) >= 8
    assert len(SEMANTIC_ONLY) >= 10


@pytest.mark.parametrize("path", TYPE_ERRORS, ids=lambda p: p.name)
def test_type_errors_fail(path: Path, validator: jsonschema.Draft202012Validator) -> None:
    assert list(validator.iter_errors(_data(path))), f"{path.name} passes the schema"


@pytest.mark.parametrize("path", SEMANTIC_ONLY, ids=lambda p: p.name)
def test_checker_only_problems_pass(path: Path, validator: jsonschema.Draft202012Validator) -> None:
    assert [e.message for e in validator.iter_errors(_data(path))] == []


@pytest.mark.parametrize(
    ("edit", "value"),
    [
        (("document", "number"), 125),  # a document number written as a number
        (("document", "title"), 2026),  # the checker reads a plain number as text
        (("activities", 0, "tasks"), None),  # an empty list
        (("budget",), {"lines": [{"item": "Băng rôn", "amount": "1.500.000"}]}),
        (("deadlines", 0, "due"), "30/6/2026 16:00"),
    ],
    ids=["number-docnumber", "number-as-text", "null-list", "money-with-dots", "due-with-hour"],
)
def test_schema_accepts_what_the_checker_accepts(
    edit: tuple[Any, ...], value: Any, validator: jsonschema.Draft202012Validator
) -> None:
    data = _data(HERE / "plans" / "mini.yaml")
    target = data
    for key in edit[:-1]:
        target = target[key]
    target[edit[-1]] = value
    assert [e.message for e in validator.iter_errors(data)] == []


@pytest.mark.parametrize(
    ("edit", "value"),
    [
        (("activities", 0, "status"), "finished"),
        (("activities", 0, "tentative"), "yes"),
        (("activities", 1, "event", "start"), "8h30"),
        (("activities", 1, "event", "start"), 510),
        (("period", "start"), True),
        (("units", 0, "id"), "văn phòng"),
        (("activities", 0, "titel"), "x"),
        (("budget", "lines", 0, "amount"), "1,5 triệu"),
        (("deadlines", 0, "due"), "30/6/2026 16h00"),
        (("period", "start"), "12/5/2026 08:00"),
    ],
    ids=[
        "status",
        "yes-as-bool",
        "time-8h30",
        "time-as-number",
        "date-bool",
        "bad-id",
        "unknown-field",
        "money-words",
        "due-hour-8h",
        "hour-outside-due",
    ],
)
def test_schema_refuses_type_errors(
    edit: tuple[Any, ...], value: Any, validator: jsonschema.Draft202012Validator
) -> None:
    data = _data(HERE / "plans" / "mini.yaml")
    target = data
    for key in edit[:-1]:
        target = target[key]
    target[edit[-1]] = value
    assert list(validator.iter_errors(data))
