"""`tnplan new --from PLAN --year YYYY`: next year's plan, edited in the YAML text."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tnplan.exchange import rollover
from tnplan.plan import check, model

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
MINI = HERE / "plans" / "mini.yaml"
LEAP = HERE / "plans" / "leap-2028.yaml"
BUNDLED = ROOT / "plans" / "ngay-khcn-2026.yaml"
D = dt.date


def _dates(plan: model.Plan) -> list[dt.date]:
    """Every date field of a plan, in walk order (the test's own walk, not rollover's)."""
    out: list[dt.date] = []

    def walk(obj: Any) -> None:
        if isinstance(obj, list):
            for x in obj:
                walk(x)
        elif isinstance(obj, dt.date):
            out.append(obj)
        elif isinstance(obj, model.Node):
            for name in obj.__dataclass_fields__:
                if name not in ("pos", "field_pos"):
                    walk(getattr(obj, name))

    walk(plan)
    return out


@pytest.mark.parametrize(
    ("day", "year", "same", "want"),
    [
        (D(2026, 5, 18), 2027, False, D(2027, 5, 18)),
        (D(2026, 5, 18), 2027, True, D(2027, 5, 17)),  # Monday → the nearest Monday
        (D(2026, 5, 12), 2027, True, D(2027, 5, 11)),  # Tuesday
        (D(2026, 6, 20), 2027, True, D(2027, 6, 19)),  # Saturday
        (D(2028, 2, 29), 2029, False, D(2029, 2, 28)),
        (D(2028, 2, 29), 2029, True, D(2029, 2, 27)),  # Tuesday; 28/2/2029 is a Wednesday
        (D(2026, 5, 18), 2030, True, D(2030, 5, 20)),  # +2 days is nearer than -5
        (D(2026, 12, 31), 2027, True, D(2027, 12, 30)),  # Thursday
    ],
)
def test_move_date(day: dt.date, year: int, same: bool, want: dt.date) -> None:
    got = rollover.move_date(day, year, same_weekday=same)
    assert got == want
    if same:
        plain = rollover.move_date(day, year)
        assert got.weekday() == day.weekday()
        assert abs((got - plain).days) <= 3


@pytest.mark.parametrize(
    ("written", "want"),
    [
        ("12/5/2026", "11/5/2027"),
        ("18/05/2026", "17/05/2027"),
        ("2026-05-18", "2027-05-17"),
        ("2026-5-18", "2027-5-17"),
        ("12.5.2026", "11.5.2027"),
        ("12-5-2026", "11-5-2027"),
    ],
)
def test_dates_keep_their_spelling(written: str, want: str) -> None:
    from tnplan.calendar.vi import parse_date

    new = rollover.move_date(parse_date(written), 2027, same_weekday=True)
    assert rollover.spell_date(new, written) == want


def test_mini_golden(cli: Callable[..., Any], tmp_path: Path, golden: Callable[..., None]) -> None:
    out = tmp_path / "mini-2027.yaml"
    r = cli(
        "new", "--from", "tests/export/plans/mini.yaml", "--year", "2027", "-o", str(out), cwd=ROOT
    )
    assert r.code == 0, r.err
    assert r.out == ""
    assert r.err == (
        f"Đã lập {out} (kế hoạch mini-2027); xem lại các dòng còn ghi năm 2026: 10, 21, 26, 75\n"
    )
    golden("export/mini-2027.yaml", out.read_text(encoding="utf-8"))


def test_what_the_new_plan_holds(tmp_path: Path) -> None:
    rolled = rollover.rollover(MINI, 2027)
    path = tmp_path / "new.yaml"
    path.write_text(rolled.text, encoding="utf-8")
    checked = check.check_file(path)
    assert checked.plan is not None
    assert [p.code for p in checked.problems if p.level == "error"] == []
    old, new = check.load_plan(MINI), checked.plan
    assert new.id == "mini-2027" and rolled.plan_id == "mini-2027"
    # Every date kept moved a year, same day and month.
    assert set(_dates(new)) <= {d.replace(year=2027) for d in _dates(old)}
    # Cleared: two done_on, held_on, a received report's date, the document's and the
    # invitation's dates, and the legal basis's date (a number cannot be rolled).
    assert len(_dates(new)) == len(_dates(old)) - 7
    (basis,) = new.document.basis
    assert (basis.number, basis.date) == (None, None)
    assert new.period.start == D(2027, 5, 12) and new.period.end == D(2027, 5, 18)
    assert [d.due for d in new.deadlines] == [D(2027, 6, 20), D(2027, 6, 30)]
    # Statuses back to planned; what happened last year cleared.
    assert {a.status for a in new.activities} == {"planned"}
    assert {t.status for a in new.activities for t in a.tasks} == {"planned"}
    assert all(a.done_on is None and a.result is None and a.reason is None for a in new.activities)
    assert all(t.done_on is None for a in new.activities for t in a.tasks)
    assert all(d.received == [] for d in new.deadlines)
    assert new.budget is not None and new.budget.lines[0].spent is None
    assert (new.document.number, new.document.date) == (None, None)
    ev = new.activities[1].event
    assert ev is not None and (ev.invitation_number, ev.invitation_date) == (None, None)
    # Ids and everything else kept.
    assert [a.id for a in new.activities] == [a.id for a in old.activities]
    assert [u.id for u in new.units] == [u.id for u in old.units]
    assert new.document.title == old.document.title  # prose is listed for review, not rewritten
    assert rolled.review_lines == [10, 21, 26, 75]  # 26: the basis's old date, in a comment
    lines = rolled.text.splitlines()
    assert all("2026" in lines[n - 1] for n in rolled.review_lines)
    assert sum("2026" in line for line in lines[9:]) == 4  # the header's own mentions aside


def test_every_date_moves(tmp_path: Path) -> None:
    for same in (False, True):
        path = tmp_path / f"bundled-{same}.yaml"
        path.write_text(rollover.rollover(BUNDLED, 2027, same_weekday=same).text, "utf-8")
        old, new = check.load_plan(BUNDLED), check.load_plan(path)
        day = old.period.day
        moved = [rollover.move_date(d, 2027, same_weekday=same and d != day) for d in _dates(old)]
        kept = _dates(new)
        # The new plan has fewer dates (done_on, received, document date are cleared) but each
        # one it has is an old date moved.
        assert kept and all(d.year == 2027 for d in kept)
        assert set(kept) <= set(moved)
        # The day celebrated is a date, never a weekday: 18/5 stays 18/5.
        assert new.period.day == D(2027, 5, 18)
        if same:
            assert new.period.start == D(2027, 5, 11)  # Tuesday 12/5/2026 → Tuesday 11/5/2027


def test_a_due_hour_written_after_the_date_moves_with_it(tmp_path: Path) -> None:
    text = BUNDLED.read_text(encoding="utf-8").replace("due: 20/6/2026", "due: 19/6/2026 16:00")
    source = tmp_path / "ngay-khcn-2026.yaml"
    source.write_text(text, encoding="utf-8")
    rolled = rollover.rollover(source, 2027).text
    assert "due: 19/6/2027 16:00" in rolled
    path = tmp_path / "ngay-khcn-2027.yaml"
    path.write_text(rolled, encoding="utf-8")
    deadline = next(d for d in check.load_plan(path).deadlines if d.time is not None)
    assert (deadline.due, deadline.time) == (D(2027, 6, 19), dt.time(16))


def test_comments_and_layout_are_kept() -> None:
    old = MINI.read_text(encoding="utf-8").splitlines()
    new = rollover.rollover(MINI, 2027).text.splitlines()
    assert new[0] == old[0]  # the editor's schema line stays first
    assert new[1].startswith("# Lập bằng `tnplan new --year 2027` từ ")
    assert old[1] in new  # the plan's own comment
    assert "        due: 12/5/2027" not in new  # plain move: 13/5 → 13/5
    assert "        due: 13/5/2027" in new
    assert "  end: 2027-05-18" in new and "  day: 18/05/2027" in new
    assert '      start: "08:00"' in new
    assert "  number:" in new and "      invitation_number:" in new
    assert not any("done_on" in line or "treo xong sớm" in line for line in new)


def test_leap_day_and_flow_style(tmp_path: Path) -> None:
    text = rollover.rollover(LEAP, 2029).text
    assert "period: {start: 2029-02-28, end: 2029-03-03}" in text
    assert "      - {title: Thuê gian hàng, owner: vp, due: 28/2/2029, status: planned}" in text
    assert "    due: '28/02/2029'" in text
    assert "received" not in text and "calendar" not in text and "holidays" not in text
    assert "evaluation" not in text and "Đông khách" not in text
    path = tmp_path / "leap.yaml"
    path.write_text(text, encoding="utf-8")
    assert check.check_file(path).problems == []


def test_crlf_file_stays_crlf(tmp_path: Path) -> None:
    src = tmp_path / "mini-2026.yaml"
    src.write_bytes(MINI.read_bytes().replace(b"\n", b"\r\n"))
    text = rollover.rollover(src, 2027).text
    assert "\n" not in text.replace("\r\n", "")
    out = tmp_path / "out.yaml"
    out.write_text(text, encoding="utf-8", newline="")
    problems = check.check_file(out).problems
    assert [p.level for p in problems] == ["warning", "warning"]  # 15/5, 20/6/2027: weekend


def test_default_name_and_no_overwrite(cli: Callable[..., Any], tmp_path: Path) -> None:
    src = tmp_path / "mini-2026.yaml"
    src.write_bytes(MINI.read_bytes())
    r = cli("new", "--from", str(src), "--year", "2027")
    target = tmp_path / "mini-2027.yaml"
    assert r.code == 0, r.err
    assert target.exists()
    before = target.read_bytes()
    again = cli("new", "--from", str(src), "--year", "2027", "--same-weekday")
    assert (again.code, again.out) == (3, "")
    assert again.err == f"Lỗi: tệp {target} đã có (thêm --force để ghi đè)\n"
    assert target.read_bytes() == before
    forced = cli("new", "--from", str(src), "--year", "2027", "--same-weekday", "--force")
    assert forced.code == 0
    assert target.read_bytes() != before
    assert sorted(os.listdir(tmp_path)) == ["mini-2026.yaml", "mini-2027.yaml"]  # no temp left


def test_name_without_year_gets_one(tmp_path: Path) -> None:
    assert rollover.default_output(Path("plans/ke-hoach.yaml"), 2026, 2027) == Path(
        "plans/ke-hoach-2027.yaml"
    )
    assert rollover.default_output(Path("plans/ngay-khcn-2026.yaml"), 2026, 2027) == Path(
        "plans/ngay-khcn-2027.yaml"
    )


def test_refuses_to_write_over_its_source(cli: Callable[..., Any], tmp_path: Path) -> None:
    """Even with --force, by any name: itself, a link to it, a path through `..`."""
    src = tmp_path / "mini.yaml"
    src.write_bytes(MINI.read_bytes())
    (tmp_path / "lien-ket.yaml").symlink_to(src)
    (tmp_path / "sub").mkdir()
    for target in (src, tmp_path / "lien-ket.yaml", tmp_path / "sub" / ".." / "mini.yaml"):
        r = cli("new", "--from", str(src), "--year", "2027", "-o", str(target), "--force")
        assert (r.code, r.err) == (
            3,
            f"Lỗi: không ghi vào {target}: đó là tệp kế hoạch {src} đang được đọc "
            "(chọn tên tệp khác sau -o; --force cũng không ghi đè tệp kế hoạch)\n",
        )
        assert src.read_bytes() == MINI.read_bytes()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["lien-ket.yaml", "mini.yaml", "sub"]


@pytest.mark.parametrize(
    ("args", "code", "err"),
    [
        (["--year", "2027"], 2, "Lỗi: thiếu tùy chọn '--from' (xem `tnplan new --help`)\n"),
        (["--from", str(MINI), "--year", "27"], 2, "Lỗi: --year 27: năm phải từ 1900 đến 2199\n"),
        (["--from", "khong-co.yaml", "--year", "2027"], 3, "Lỗi: không có tệp khong-co.yaml\n"),
        (["--from", str(HERE / "plans" / "broken.yaml"), "--year", "2027"], 1, "cdss"),
    ],
)
def test_errors(cli: Callable[..., Any], args: list[str], code: int, err: str) -> None:
    r = cli("new", *args)
    assert r.code == code
    assert err in r.err
    assert "Traceback" not in r.err


def test_unwritable_folder_is_exit_3(cli: Callable[..., Any], tmp_path: Path) -> None:
    r = cli("new", "--from", str(MINI), "--year", "2027", "-o", str(tmp_path / "no" / "x.yaml"))
    assert (r.code, r.out) == (3, "")
    assert r.err == f"Lỗi: không có thư mục {tmp_path / 'no'} (tạo thư mục trước)\n"
