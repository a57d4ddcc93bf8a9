"""The format documentation names every field of the model and every problem code."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from tnplan.plan import model
from tnplan.plan.messages import CATALOGUE

DOC = (Path(__file__).resolve().parents[2] / "docs" / "plan-format.md").read_text(encoding="utf-8")
CLASSES = [
    obj
    for obj in vars(model).values()
    if isinstance(obj, type) and issubclass(obj, model.Node) and obj is not model.Node
]


@pytest.mark.parametrize("cls", CLASSES, ids=lambda c: c.__name__)
def test_every_field_is_documented(cls: type) -> None:
    section = DOC.split(f"### `{cls.__name__}`", 1)
    assert len(section) == 2, f"no section for {cls.__name__}"
    body = section[1].split("\n### ", 1)[0]
    for fd in dataclasses.fields(cls):
        if not fd.metadata.get("internal"):
            assert f"| `{fd.name}` |" in body, f"{cls.__name__}.{fd.name} is not documented"


@pytest.mark.parametrize("code", sorted(CATALOGUE))
def test_every_problem_code_is_documented(code: str) -> None:
    assert f"| `{code}` |" in DOC
