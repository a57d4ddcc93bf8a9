"""Every field and every fixed value of the model has Vietnamese words, and each word leads
back to its own field: ``bắt_đầu:`` → "có phải `start`?", ``status: xong`` → `done`."""

from __future__ import annotations

import dataclasses
import typing
from pathlib import Path

import pytest

from tnplan.plan import field_words, model
from tnplan.plan.check import check_file

CLASSES = [
    obj
    for obj in vars(model).values()
    if isinstance(obj, type) and issubclass(obj, model.Node) and obj is not model.Node
]
BASE = Path(__file__).resolve().parent.parent / "plans" / "valid" / "base.yaml"


def _fields(cls: type) -> list[str]:
    return [f.name for f in dataclasses.fields(cls) if not f.metadata.get("internal")]


def _literals() -> set[tuple[str, ...]]:
    """Each set of fixed values a field takes (``Literal[...]``) in the model."""
    found: set[tuple[str, ...]] = set()

    def visit(tp: object) -> None:
        if typing.get_origin(tp) is typing.Literal:
            found.add(typing.get_args(tp))
        for arg in typing.get_args(tp):
            visit(arg)

    for cls in CLASSES:
        for hint in typing.get_type_hints(cls).values():
            visit(hint)
    return found


@pytest.mark.parametrize("cls", CLASSES, ids=lambda c: c.__name__)
def test_every_field_has_vietnamese_words(cls: type) -> None:
    missing = [f for f in _fields(cls) if not field_words.words_for(cls.__name__, f)]
    assert missing == [], f"add words for {cls.__name__}: {missing} to plan/field_words.py"


@pytest.mark.parametrize("cls", CLASSES, ids=lambda c: c.__name__)
def test_each_word_leads_back_to_its_own_field(cls: type) -> None:
    fields = _fields(cls)
    for name in fields:
        for word in field_words.words_for(cls.__name__, name):
            for written in (word, word.replace("_", " "), field_words.bare(word), word.upper()):
                got = field_words.suggest_field(written, cls.__name__, fields)
                assert got == [name], f"{cls.__name__}: `{written}` gives {got}, not {name}"


def test_the_tables_name_only_real_fields() -> None:
    by_class = {c.__name__: set(_fields(c)) for c in CLASSES}
    every = set().union(*by_class.values())
    assert set(field_words.FIELDS) - every == set()
    for key in field_words.BY_CLASS:
        cls, name = key.split(".")
        assert name in by_class.get(cls, set()), f"{key} is not a field"


def test_every_fixed_value_has_words_that_lead_back_to_it() -> None:
    groups = _literals()
    values = {v for g in groups for v in g}
    assert values - set(field_words.VALUES) == set(), "add words to plan/field_words.VALUES"
    assert set(field_words.VALUES) - values == set()
    for choices in groups:
        for value in choices:
            assert field_words.VALUES[value]
            for word in field_words.VALUES[value]:
                assert field_words.suggest_value(word, choices) == [value], word


@pytest.mark.parametrize(
    ("cls", "written", "meant"),
    [
        ("Period", "bắt_đầu", "start"),
        ("Activity", "bắt đầu", "start"),
        ("Activity", "tên", "title"),
        ("Unit", "tên", "name"),
        ("Signer", "chức_vụ", "title"),
        ("Activity", "Title", "title"),
        ("Event", "ngày", "date"),
        ("Event", "địa_điểm", "venue"),
        ("Event", "dia diem", "venue"),
        ("Task", "hạn", "due"),
        ("Deadline", "Due", "due"),
        ("Activity", "titel", "title"),
    ],
)
def test_words_users_write(cls: str, written: str, meant: str) -> None:
    fields = _fields(getattr(model, cls))
    assert field_words.suggest_field(written, cls, fields) == [meant]


def test_values_users_write() -> None:
    statuses = model.STATUSES
    assert field_words.suggest_value("xong", statuses) == ["done"]
    assert field_words.suggest_value("Đang làm", statuses) == ["in_progress"]
    assert field_words.suggest_value("in progress", statuses) == ["in_progress"]
    assert field_words.suggest_value("hoan", statuses) == ["postponed"]
    assert field_words.suggest_value("Done", statuses) == ["done"]
    assert field_words.suggest_value("nội bộ", ("internal", "external")) == ["internal"]
    assert field_words.suggest_value("ký thay", ("KT.", "TL.", "TM.", "TUQ.", "Q.")) == ["KT."]


def test_in_a_plan_the_vietnamese_key_gets_its_field(tmp_path: Path) -> None:
    text = BASE.read_text(encoding="utf-8")
    text = text.replace("    lead: vp\n", "    lead: vp\n    trạng_thái: xong\n")
    text = text.replace("      venue: Hội trường Sở\n", "      địa_điểm: Hội trường Sở\n")
    path = tmp_path / "plan.yaml"
    path.write_text(text, encoding="utf-8")
    got = [(p.code, p.message, p.hint) for p in check_file(path).problems]
    assert got == [
        (
            "unknown-field",
            "trường `trạng_thái` không có trong định dạng (trong `activities`)",
            "có phải `status`?",
        ),
        (
            "unknown-field",
            "trường `địa_điểm` không có trong định dạng (trong `event`)",
            "có phải `venue`?",
        ),
    ]
    got = [(p.code, p.hint) for p in check_file(path, lang="en").problems]
    assert got == [("unknown-field", "did you mean `status`?")] * 1 + [
        ("unknown-field", "did you mean `venue`?")
    ]
