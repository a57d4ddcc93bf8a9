"""Property tests: the loader and checker never crash, dates round-trip, NFC is idempotent."""

from __future__ import annotations

import datetime as dt
import unicodedata
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tnplan.calendar import vi
from tnplan.plan import load, schema
from tnplan.plan.check import check_plan
from tnplan.plan.messages import Reporter

BASE = (Path(__file__).resolve().parent.parent / "plans" / "valid" / "base.yaml").read_text(
    encoding="utf-8"
)

# Text that YAML and Vietnamese make interesting: diacritics (NFC and NFD), YAML indicators,
# numbers, times and booleans in disguise.
ATOMS = st.sampled_from(
    [
        "Hội nghị",
        unicodedata.normalize("NFD", "Sở Khoa học và Công nghệ"),
        "Đổi mới sáng tạo",
        "8:30",
        "012",
        "no",
        "yes",
        "1e3",
        ".inf",
        "~",
        "2026-02-29",
        "31/6/2026",
        "12/5/2026",
        "- x",
        ": y",
        "#",
        "&a",
        "*a",
        "!!python/object",
        "[",
        "{",
        '"',
        "'",
        "\t",
        "vp",
        "hoi-nghi",
    ]
)


def _build(text: str) -> tuple[object, list[str]]:
    rep = Reporter("p.yaml")
    root = load.parse_bytes(text.encode("utf-8"), rep)
    plan = schema.build_plan(root, rep) if root is not None else None
    if plan is not None:
        check_plan(plan, rep)
    return plan, [p.code for p in rep.problems]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    line=st.integers(min_value=0, max_value=BASE.count("\n") - 1),
    value=st.one_of(ATOMS, st.text(max_size=20)),
    mode=st.sampled_from(["replace-value", "insert-line", "delete-line", "truncate"]),
)
def test_any_mutation_of_a_plan_gives_a_plan_or_problems(line: int, value: str, mode: str) -> None:
    lines = BASE.split("\n")
    if mode == "replace-value" and ":" in lines[line]:
        key = lines[line].split(":", 1)[0]
        lines[line] = f"{key}: {value}"
    elif mode == "insert-line":
        lines.insert(line, value)
    elif mode == "delete-line":
        del lines[line]
    else:
        lines = lines[:line]
    plan, codes = _build("\n".join(lines))
    assert plan is not None or codes, "no plan and no problem"


@given(st.binary(max_size=300))
def test_arbitrary_bytes_never_crash(data: bytes) -> None:
    rep = Reporter("p.yaml")
    root = load.parse_bytes(data, rep)
    if root is not None:
        schema.build_plan(root, rep)


@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2199, 12, 31)))
def test_dates_round_trip_between_both_forms(day: dt.date) -> None:
    assert vi.parse_date(vi.date_short(day)) == day
    assert vi.parse_date(day.isoformat()) == day
    assert vi.parse_date(vi.date_padded(day)) == day


@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=40))
def test_nfc_loading_is_idempotent(text: str) -> None:
    once = load.nfc(text)
    assert load.nfc(once) == once
    assert once == unicodedata.normalize("NFC", text)


@given(st.sampled_from(["Trần Thị Bình", "Nguyễn Văn Ân", "Hoàng Thủy", "Lê Hoà"]))
def test_nfd_and_nfc_files_load_to_the_same_plan(name: str) -> None:
    nfc_text = BASE.replace("Trần Thị Bình", name)
    nfd_text = unicodedata.normalize("NFD", nfc_text)
    plan_a, codes_a = _build(nfc_text)
    plan_b, codes_b = _build(nfd_text)
    assert codes_a == codes_b == []
    assert plan_a == plan_b
