"""Odd inputs the checker let through or choked on, through the real command.

* merge keys with a value that is not a mapping (``<<: text``, ``<<: [a, b]``, ``<<: 42``):
  reported as ``bad-merge``;
* ``tnplan new`` on valid plans that use anchors and aliases, merge keys in flow style,
  anchors on values it removes or empties: the new plan is valid and means the same as the
  new plan of the same plan written out without them;
* unit groups and guest groups that contain themselves: ``group-cycle`` with the loop's path;
  3,000 groups nested in a chain: no recursion error;
* numbers out of bounds, with the field's unit: negative money, spending and participants,
  a 0-minute slot, a 5,000-digit amount.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from _hostile import Case, Result, base, edit, run_case

from tnplan.exchange.rollover import rollover
from tnplan.plan import load, schema
from tnplan.plan.messages import Reporter

V = ("validate", "plan.yaml")
QLKH = "  - id: qlkh\n    name: Phòng Quản lý Khoa học\n"
CLEAN = "1 tệp: 0 lỗi, 0 cảnh báo"
MERGE = r"`<<` \(gộp khóa YAML\) cần một bảng hoặc danh sách các bảng, gặp {} — .*"
RANGE = (
    r"{}: {} nằm ngoài khoảng cho phép \({} đến {}\) — sửa lại số "
    r"\(số tiền, số người không âm\)"
)
CYCLE = r"nhóm `{}` chứa lại chính nó: {} — bỏ một mã khỏi `members` để vòng này không khép lại"
MONEY_MAX = r"1\.000\.000\.000\.000\.000 đồng"
CYCLE_UNITS = (
    QLKH,
    QLKH + "  - id: ua\n    name: A\n    members: [ub]\n"
    "  - id: ub\n    name: B\n    members: [ua]\n",
)
GUEST_GROUPS = (
    "activities:\n",
    "groups:\n  - id: nhom-a\n    name: A\n    members: [nhom-b]\n"
    "  - id: nhom-b\n    name: B\n    members: [khach-1, nhom-a]\nactivities:\n",
)
NEGATIVE = (
    (
        "      invitees: [khach-1]\n",
        "      invitees: [khach-1]\n    result:\n      participants: -5\n",
    ),
    (
        "deadlines:\n",
        "budget:\n  lines:\n    - item: Hội nghị\n      amount: -25000000\n"
        "      spent: -1\ndeadlines:\n",
    ),
)
HUGE = ("deadlines:\n", "budget:\n  lines:\n    - item: Hội nghị\n      amount: " + "9" * 5000
        + "\ndeadlines:\n")  # fmt: skip
NO_MINUTES = (
    "        minutes: 30\n      - item: Khai mạc\n        minutes: 30\n",
    "        minutes: 0\n      - item: Khai mạc\n        minutes: 30\n",
)


def variant(*edits: tuple[str, str]) -> Callable[[], str]:
    def make() -> str:
        text = base()
        for old, new in edits:
            text = edit(text, old, new)
        return text

    return make


def problem(line: int, col: int, code: str, message: str) -> str:
    return rf"plan\.yaml:{line}:{col}: lỗi \[{code}\] {message}"


def chain(n: int) -> str:
    """``g0`` ⊃ ``g1`` ⊃ … ⊃ ``g{n}`` ⊃ ``vp``: a deadline owed by ``g0`` is owed by ``vp``."""
    groups = "".join(
        f"  - id: g{i}\n    name: Nhóm {i}\n    members: [g{i + 1}]\n" for i in range(n)
    )
    groups += f"  - id: g{n}\n    name: Nhóm cuối\n    members: [vp]\n"
    text = edit(base(), "guests:\n", groups + "guests:\n")
    return edit(text, "owners: [vp, qlkh]", "owners: [g0]")


CASES = [
    Case(
        "merge-key-text",
        V,
        1,
        (problem(22, 9, "bad-merge", MERGE.format("chữ")),),
        variant((QLKH, "  - id: qlkh\n    <<: text\n    name: Phòng Quản lý Khoa học\n")),
    ),
    Case(
        "merge-key-list-of-text",
        V,
        1,
        (
            problem(22, 10, "bad-merge", MERGE.format("chữ")),
            problem(22, 13, "bad-merge", MERGE.format("chữ")),
        ),
        variant((QLKH, "  - id: qlkh\n    <<: [a, b]\n    name: Phòng Quản lý Khoa học\n")),
    ),
    Case(
        "merge-key-number",
        V,
        1,
        (problem(22, 9, "bad-merge", MERGE.format("số nguyên")),),
        variant((QLKH, "  - id: qlkh\n    <<: 42\n    name: Phòng Quản lý Khoa học\n")),
    ),
    Case(
        "merge-key-mapping-is-fine",
        V,
        0,
        (CLEAN,),
        variant((QLKH, "  - id: qlkh\n    <<: {kind: internal}\n    name: Phòng QLKH\n")),
    ),
    Case(
        "unit-group-cycle",
        V,
        1,
        (problem(28, 15, "group-cycle", CYCLE.format("ua", "ua → ub → ua")),),
        variant(CYCLE_UNITS, ("owners: [vp, qlkh]", "owners: [ua]")),
    ),
    Case(
        "unit-group-cycle-overdue-refuses",
        ("overdue", "plan.yaml", "--as-of", "1/7/2026"),
        1,
        (
            r"Lỗi: plan\.yaml:28:15: nhóm `ua` chứa lại chính nó: ua → ub → ua "
            r"\(chạy `tnplan validate plan\.yaml` để xem tất cả\)",
        ),
        variant(CYCLE_UNITS, ("owners: [vp, qlkh]", "owners: [ua]")),
    ),
    Case(
        "a-group-of-itself",
        V,
        1,
        (problem(25, 19, "group-cycle", CYCLE.format("ua", "ua → ua")),),
        variant((QLKH, QLKH + "  - id: ua\n    name: A\n    members: [vp, ua]\n")),
    ),
    Case(
        "guest-group-cycle",
        V,
        1,
        (problem(32, 24, "group-cycle", CYCLE.format("nhom-a", "nhom-a → nhom-b → nhom-a")),),
        variant(GUEST_GROUPS),
    ),
    Case("chain-of-3000-groups", V, 0, (CLEAN,), chain(3000)),
    Case(
        "negative-money-and-people",
        V,
        1,
        (
            problem(
                37,
                21,
                "number-range",
                RANGE.format("participants", "-5 người", "0 người", r"10\.000\.000 người"),
            ),
            problem(
                46,
                15,
                "number-range",
                RANGE.format("amount", r"-25\.000\.000 đồng", "0 đồng", MONEY_MAX),
            ),
            problem(47, 14, "number-range", RANGE.format("spent", "-1 đồng", "0 đồng", MONEY_MAX)),
        ),
        variant(*NEGATIVE),
    ),
    Case(
        "a-5000-digit-amount",
        V,
        1,
        (
            problem(
                44,
                15,
                "number-range",
                RANGE.format("amount", r"9{20}… \(5000 ký tự\) đồng", "0 đồng", MONEY_MAX),
            ),
        ),
        variant(HUGE),
    ),
    Case(
        "a-5000-digit-title-is-text",
        V,
        0,
        (CLEAN,),
        variant(("  title: Tổ chức hội nghị thử nghiệm", "  title: " + "9" * 5000)),
    ),
    Case(
        "upcoming-days-out-of-range",
        ("upcoming", "plan.yaml", "--as-of", "14/5/2026", "--days", "99999999"),
        2,
        (r"Lỗi: --days 99999999: số ngày từ 0 đến 3660",),
    ),
    Case(
        "a-slot-of-no-minutes",
        V,
        1,
        (
            problem(
                38, 18, "number-range", RANGE.format("minutes", "0 phút", "1 phút", r"1\.440 phút")
            ),
        ),
        variant(NO_MINUTES),
    ),
]


def test_chain_of_groups_in_overdue(tmp_path: Path, tnplan: Callable[..., Result]) -> None:
    """3,000 nested groups: the report owed by the outer group is owed by `vp`, the one unit
    at the end of the chain (a cycle once made it vanish; recursion made it crash)."""
    import json

    (tmp_path / "plan.yaml").write_text(chain(3000), encoding="utf-8")
    r = tnplan("overdue", "plan.yaml", "--as-of", "1/7/2026", "--json")
    assert r.code == 0, r.err
    late = json.loads(r.out)
    owed = [i for o in late["owners"] for i in o["items"] if i["kind"] == "report"]
    assert [(i["owner"], i["deadline"]) for i in owed] == [("vp", "bao-cao")]


def test_units_in_english(tmp_path: Path, tnplan: Callable[..., Result]) -> None:
    amount = ("deadlines:\n", "budget:\n  lines:\n    - item: Hội nghị\n"
              "      amount: -25000000\ndeadlines:\n")  # fmt: skip
    (tmp_path / "plan.yaml").write_text(variant(amount)(), encoding="utf-8")
    r = tnplan("validate", "plan.yaml", "--lang", "en")
    assert r.code == 1
    assert r.out == (
        "plan.yaml:44:15: error [number-range] amount: -25,000,000 dong is outside the allowed "
        "range (0 dong to 1,000,000,000,000,000 dong) — correct the number (money and people "
        "are never negative)\n"
    )


def _name(case: object) -> str:
    return case.name if isinstance(case, Case) else str(case)


@pytest.mark.parametrize("case", CASES, ids=_name)
def test_hostile_input(case: Case, tmp_path: Path, tnplan: Callable[..., Result]) -> None:
    run_case(case, tmp_path, tnplan)


# --- tnplan new with anchors, aliases and merge keys ---------------------------------------

ANCHORED = {
    # A date anchored, used by an alias the roll-over empties (invitation_date).
    "alias-of-a-moved-date": (
        ("  start: 12/5/2026", "  start: &bat-dau 12/5/2026"),
        ("      date: 15/5/2026\n", "      date: 15/5/2026\n      invitation_date: *bat-dau\n"),
    ),
    # An anchor on a value the roll-over removes (done_on), used where a date stays (end).
    "anchor-on-a-removed-value": (
        ("    lead: vp\n", "    lead: vp\n    status: done\n    done_on: &xong 15/5/2026\n"
         "    end: *xong\n    start: 12/5/2026\n"),
    ),
    # A merge key in flow style, bringing a status and a date to reset and remove.
    "flow-merge-key": (
        (QLKH, "  - {<<: {kind: internal}, id: qlkh, name: Phòng Quản lý Khoa học}\n"),
        ("    lead: vp\n", "    <<: {status: done, done_on: 15/5/2026}\n    lead: vp\n"),
    ),
    # A merged mapping defined once, merged twice, holding a key to remove.
    "merged-twice": (
        ("    title: Hội nghị thử nghiệm\n", "    title: Hội nghị thử nghiệm\n"
         "    tasks:\n      - &viec {title: Gửi giấy mời, owner: vp, due: 13/5/2026,"
         " status: done, done_on: 12/5/2026}\n      - {<<: *viec, title: Chuẩn bị hội trường}\n"
         "      - <<: *viec\n        title: In tài liệu\n"),
    ),
    # An alias of a whole list and of a contact mapping.
    "aliased-collections": (
        ("  - id: vp\n    name: Văn phòng Sở\n", "  - id: vp\n    name: Văn phòng Sở\n"
         "    contact: &lh {person: Bà Lê Thu Hà, phone: 0208 3855 123}\n"),
        ("      invitees: [khach-1]\n", "      invitees: &moi [khach-1]\n      contact: *lh\n"),
    ),
}  # fmt: skip


def expanded(text: str) -> str:
    """The same plan written out without anchors, aliases or merge keys (as JSON, which is
    YAML): what the roll-over of the anchored plan must mean."""
    import json

    root = load.parse_bytes(text.encode("utf-8"), Reporter(""))
    assert root is not None
    return json.dumps(schema.plain(root), ensure_ascii=False, indent=1) + "\n"


@pytest.mark.parametrize("name", sorted(ANCHORED))
def test_new_keeps_anchors_and_merge_keys(
    name: str, tmp_path: Path, tnplan: Callable[..., Result]
) -> None:
    text = variant(*ANCHORED[name])()
    (tmp_path / "plan.yaml").write_text(text, encoding="utf-8")
    assert tnplan("validate", "plan.yaml").code == 0
    r = tnplan("new", "--from", "plan.yaml", "--year", "2027")
    assert r.code == 0, r.err
    assert r.err.startswith("Đã lập plan-2027.yaml (kế hoạch thu-nghiem)")
    new = tmp_path / "plan-2027.yaml"
    assert tnplan("validate", "plan-2027.yaml").code == 0
    # The same as rolling over the plan written out without anchors.
    (tmp_path / "flat.yaml").write_text(expanded(text), encoding="utf-8")
    flat = rollover(tmp_path / "flat.yaml", 2027)
    assert expanded(new.read_text(encoding="utf-8")) == expanded(flat.text)
