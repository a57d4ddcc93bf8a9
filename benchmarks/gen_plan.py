"""Generate synthetic, valid tnplan plans for the benchmarks.

A plan with N activities has about 14–15 lines per activity (the design's reference plan:
10,000 activities, 145k lines): units, guests and guest groups, activities with bullets,
lead and supporting units, windows, tasks with deadlines, events with invitees and
programmes, a few results, responsibilities and report deadlines.  Text is Vietnamese,
built from phrase lists with a fixed seed, so the same N always gives the same file.

Every due date falls on a working day (no weekend or holiday warnings), every event has a
venue and a time, every programme fits in its event: the plans validate with no problem.

    python benchmarks/gen_plan.py 10000 -o /tmp/plan-10000.yaml
    python benchmarks/gen_plan.py --invitations 1000 -o /tmp/invitations-1000.yaml

Standard library only (plus ``tnplan.calendar.holidays`` when it is importable, for Vietnamese
public holidays; otherwise Monday to Friday counts as working days).
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
from collections.abc import Callable
from pathlib import Path

PERIOD_START = dt.date(2026, 3, 2)
PERIOD_END = dt.date(2026, 11, 27)


def words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


HO = words(
    "Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Đinh Lương "
    "Trịnh Mai Đào Tạ Hà Lục Nông Ma Chu Triệu"
)
DEM = words("Văn Thị Hữu Đức Minh Thanh Thu Ngọc Quang Xuân Hồng Kim Anh Bảo Gia Thế")
TEN = words(
    "An Bình Cường Dũng Giang Hà Hải Hạnh Hiền Hoa Hùng Hương Khánh Lan Linh Long Mai "
    "Nam Nga Ngọc Phong Phương Quân Quyên Sơn Tâm Thảo Thắng Thủy Trang Trung Tuấn Vân "
    "Việt Yến Đạt Định Đông Ánh Ơn Ước"
)
DANH_XUNG = ("Ông", "Bà", "Đồng chí")
CHUC_VU = (
    "Giám đốc",
    "Phó Giám đốc",
    "Trưởng phòng",
    "Phó Trưởng phòng",
    "Chủ tịch",
    "Phó Chủ tịch",
    "Viện trưởng",
    "Hiệu trưởng",
    "Chuyên viên",
    "Tổng Giám đốc",
)
PHONG = (
    "Phòng Quản lý Khoa học",
    "Phòng Quản lý Công nghệ",
    "Phòng Quản lý Chuyên ngành",
    "Phòng Chuyển đổi số",
    "Phòng Kế hoạch - Tài chính",
    "Thanh tra Sở",
    "Trung tâm Ứng dụng tiến bộ khoa học và công nghệ",
    "Trung tâm Thông tin và Thống kê khoa học và công nghệ",
    "Chi cục Tiêu chuẩn Đo lường Chất lượng",
    "Quỹ Phát triển khoa học và công nghệ",
)
BEN_NGOAI = (
    "Sở Nông nghiệp và Môi trường",
    "Sở Công Thương",
    "Sở Y tế",
    "Sở Giáo dục và Đào tạo",
    "Sở Tài chính",
    "Sở Văn hóa, Thể thao và Du lịch",
    "Trường Đại học Kỹ thuật Công nghiệp",
    "Trường Đại học Nông Lâm",
    "Trường Đại học Sư phạm",
    "Viện Khoa học Sự sống",
    "Hiệp hội Doanh nghiệp tỉnh",
    "Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh",
)
XA = (
    "Phổ Yên",
    "Sông Công",
    "Đại Từ",
    "Phú Bình",
    "Đồng Hỷ",
    "Võ Nhai",
    "Định Hóa",
    "Phú Lương",
    "Bắc Kạn",
    "Chợ Mới",
    "Ba Bể",
    "Ngân Sơn",
)
LOAI = (
    "Hội thảo",
    "Hội nghị",
    "Tọa đàm",
    "Tập huấn",
    "Diễn đàn",
    "Triển lãm",
    "Cuộc thi",
    "Lớp bồi dưỡng",
    "Tuyên truyền",
    "Khảo sát",
)
CHU_DE = (
    "ứng dụng tiến bộ khoa học và công nghệ trong sản xuất nông nghiệp",
    "chuyển đổi số trong cơ quan nhà nước",
    "phát triển tài sản trí tuệ cho sản phẩm OCOP",
    "đổi mới công nghệ trong doanh nghiệp nhỏ và vừa",
    "khởi nghiệp đổi mới sáng tạo trong thanh niên",
    "tiêu chuẩn, đo lường, chất lượng sản phẩm hàng hóa",
    "an toàn bức xạ và hạt nhân trong y tế",
    "thương mại hóa kết quả nghiên cứu khoa học",
    "kinh tế số, xã hội số và chính quyền số",
    "truy xuất nguồn gốc sản phẩm chè Thái Nguyên",
    "nâng cao năng suất lao động dựa trên khoa học và công nghệ",
    "phát triển thị trường khoa học và công nghệ",
)
Y = (
    "Tuyên truyền, phổ biến kiến thức về {cd} tới cán bộ, công chức và người dân",
    "Giới thiệu các mô hình, kết quả nghiên cứu tiêu biểu về {cd} trên địa bàn tỉnh",
    "Kết nối nhà khoa học, doanh nghiệp và cơ quan quản lý nhà nước về {cd}",
    "Đánh giá thực trạng, đề xuất giải pháp thúc đẩy {cd} giai đoạn 2026 - 2030",
    "Hướng dẫn các đơn vị xây dựng kế hoạch, lộ trình triển khai {cd}",
)
VIEC = (
    "Xây dựng nội dung, tài liệu",
    "Chuẩn bị hội trường, âm thanh, ánh sáng",
    "Phát hành giấy mời đại biểu",
    "Tổng hợp danh sách đại biểu đăng ký",
    "Đăng tải tin, bài trên Trang thông tin điện tử của Sở",
    "Dự trù kinh phí, trình Lãnh đạo Sở phê duyệt",
    "Tổng hợp kết quả, báo cáo Lãnh đạo Sở",
    "Liên hệ báo cáo viên, chuyên gia",
)
CHUONG_TRINH = (
    ("Đón tiếp đại biểu, phát tài liệu", 30),
    ("Tuyên bố lý do, giới thiệu đại biểu", 10),
    ("Phát biểu khai mạc", 10),
    ("Báo cáo đề dẫn", 20),
    ("Tham luận của các đơn vị", 45),
    ("Thảo luận, trao đổi ý kiến", 30),
    ("Phát biểu kết luận, bế mạc", 10),
)
DIA_DIEM = (
    "Hội trường Sở Khoa học và Công nghệ tỉnh Thái Nguyên",
    "Phòng họp tầng 3, Sở Khoa học và Công nghệ",
    "Hội trường UBND xã {xa}",
    "Trung tâm Hội nghị tỉnh Thái Nguyên",
    "Nhà văn hóa xã {xa}",
)
GIO = ("07:30", "08:00", "08:30", "13:30", "14:00")


def working_day_test() -> Callable[[dt.date], bool]:
    """``tnplan.calendar.holidays.is_working_day`` if tnplan is installed, else Mon to Fri."""
    try:
        from tnplan.calendar.holidays import is_working_day
    except ImportError:  # pragma: no cover - tnplan is installed in the benchmark venv
        return lambda d: d.weekday() < 5
    return is_working_day


def vn_date(d: dt.date) -> str:
    return f"{d.day}/{d.month}/{d.year}"


class Writer:
    """Builds the YAML text line by line (the generator needs no YAML library)."""

    def __init__(self) -> None:
        self.lines: list[str] = []

    def __call__(self, line: str) -> None:
        self.lines.append(line)

    def text(self) -> str:
        return "\n".join(self.lines) + "\n"


def header(w: Writer, plan_id: str, title: str) -> None:
    w(f"# Kế hoạch tổng hợp (sinh tự động cho đo hiệu năng): {title}")
    w("format: tnplan/1")
    w(f"id: {plan_id}")
    w("document:")
    w("  parent: UBND TỈNH THÁI NGUYÊN")
    w("  agency: SỞ KHOA HỌC VÀ CÔNG NGHỆ")
    w("  agency_name: Sở Khoa học và Công nghệ")
    w("  agency_code: SKHCN")
    w("  place: Thái Nguyên")
    w(f"  title: {title}")
    w("  basis:")
    w("    - verb: Thực hiện")
    w("      kind: Công văn")
    w("      number: 2712/BKHCN-VP")
    w("      date: 29/4/2026")
    w("      issuer: Bộ Khoa học và Công nghệ")
    w("  signer:")
    w("    authority: KT.")
    w("    on_behalf_of: GIÁM ĐỐC")
    w("    title: PHÓ GIÁM ĐỐC")
    w("    name: Nguyễn Văn An")
    w("  recipients:")
    w("    - Các sở, ban, ngành của tỉnh")
    w("    - UBND các xã, phường")
    w("  drafting_unit: dv-0001")
    w("purposes:")
    w("  - Đẩy mạnh ứng dụng khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số.")
    w("requirements:")
    w("  - Tổ chức thiết thực, hiệu quả, tiết kiệm, phù hợp với điều kiện thực tiễn.")
    w("theme: Khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số")
    w("period:")
    w(f"  start: {vn_date(PERIOD_START)}")
    w(f"  end: {vn_date(PERIOD_END)}")
    w("  notes:")
    w("    - Các hoạt động được tổ chức từ ngày {start} đến ngày {end}.")


def person(rng: random.Random) -> str:
    return f"{rng.choice(HO)} {rng.choice(DEM)} {rng.choice(TEN)}"


def units(w: Writer, n: int, rng: random.Random) -> list[str]:
    ids = [f"dv-{i:04d}" for i in range(1, n + 1)]
    w("units:")
    for i, uid in enumerate(ids):
        w(f"  - id: {uid}")
        if i < len(PHONG):
            w(f"    name: {PHONG[i]}")
            w(f"    short: P{i + 1}")
        else:
            base = rng.choice(BEN_NGOAI) if i % 2 else f"UBND xã {rng.choice(XA)}"
            w(f"    name: {base} ({i + 1})")
            w("    kind: external")
        if i % 10 == 3:
            w("    contact:")
            w(f"      person: {person(rng)}")
            w(f'      phone: "0208 38{rng.randrange(10000, 99999)}"')
    return ids


def guests(w: Writer, n: int, rng: random.Random, *, full: bool = False) -> list[str]:
    ids = [f"kh-{i:05d}" for i in range(1, n + 1)]
    w("guests:")
    for i, gid in enumerate(ids):
        w(f"  - id: {gid}")
        w(f"    name: {person(rng)}")
        w(f"    salutation: {rng.choice(DANH_XUNG)}")
        if full or i % 2 == 0:
            w(f"    title: {rng.choice(CHUC_VU)}")
            w(f"    organisation: {rng.choice(BEN_NGOAI)}")
    return ids


def groups(w: Writer, guest_ids: list[str], rng: random.Random) -> list[str]:
    ids = []
    w("groups:")
    for i in range(max(2, len(guest_ids) // 100)):
        gid = f"nhom-{i + 1:03d}"
        ids.append(gid)
        w(f"  - id: {gid}")
        w(f"    name: Nhóm đại biểu số {i + 1}")
        w(f"    members: [{', '.join(rng.sample(guest_ids, min(5, len(guest_ids))))}]")
    return ids


def activities(
    w: Writer,
    n: int,
    unit_ids: list[str],
    invitees: list[str],
    workdays: list[dt.date],
    rng: random.Random,
) -> list[str]:
    ids = []
    w("activities:")
    for i in range(1, n + 1):
        aid = f"hd-{i:05d}"
        ids.append(aid)
        cd = rng.choice(CHU_DE)
        lead, *support = rng.sample(unit_ids, 3)
        w(f"  - id: {aid}")
        w(f"    number: {i}")
        w(f"    title: {rng.choice(LOAI)} về {cd} (đợt {i})")
        if i % 2:
            w("    bullets:")
            w(f"      - {rng.choice(Y).format(cd=cd)}.")
        w(f"    lead: {lead}")
        if i % 3:
            w(f"    support: [{', '.join(support)}]")
        k = rng.randrange(len(workdays) - 20)
        start, end = workdays[k], workdays[k + rng.randrange(1, 20)]
        if i % 5 == 0:  # an event with a programme
            day = workdays[k + rng.randrange(0, 3)]
            w("    event:")
            w(f"      date: {vn_date(day)}")
            begin = rng.choice(GIO)
            w(f'      start: "{begin}"')
            w(f'      end: "{int(begin[:2]) + 3:02d}{begin[2:]}"')
            w(f"      venue: {rng.choice(DIA_DIEM).format(xa=rng.choice(XA))}")
            w("      chair: Lãnh đạo Sở Khoa học và Công nghệ")
            w("      contact:")
            w(f"        person: {person(rng)}")
            w('        phone: "0208 3855 123"')
            w(f"      invitees: [{', '.join(rng.sample(invitees, 3))}]")
            w("    programme:")
            for item, minutes in CHUONG_TRINH[1:3]:
                w(f"      - item: {item}")
                w(f"        minutes: {minutes}")
            w(f"        by: {lead}")
        else:
            w(f"    start: {vn_date(start)}")
            w(f"    end: {vn_date(end)}")
            status = "done" if i % 10 == 1 else "in_progress" if i % 3 == 0 else "planned"
            if status != "planned":
                w(f"    status: {status}")
            if status == "done":
                w(f"    done_on: {vn_date(end)}")
            if i % 20 == 1:
                w("    result:")
                w(f"      participants: {rng.randrange(20, 300)}")
            w("    tasks:")
            for t in range(2 if i % 5 == 2 else 1):
                if i % 2:
                    w(f"      - id: cv-{i:05d}-{t + 1}")
                    w(f"        title: {rng.choice(VIEC)}")
                else:
                    w(f"      - title: {rng.choice(VIEC)}")
                w(f"        owner: {rng.choice((lead, *support))}")
                w(f"        due: {vn_date(workdays[k + t])}")
    return ids


def responsibilities(
    w: Writer, unit_ids: list[str], activity_ids: list[str], rng: random.Random
) -> None:
    w("responsibilities:")
    for i in range(max(3, len(activity_ids) // 100)):
        w(f"  - units: [{rng.choice(unit_ids)}]")
        w("    duties:")
        w(f"      - Chủ trì, phối hợp triển khai các hoạt động được giao (nhóm {i + 1}).")
        w(f"    activities: [{', '.join(rng.sample(activity_ids, min(3, len(activity_ids))))}]")


def deadlines(w: Writer, unit_ids: list[str], workdays: list[dt.date], rng: random.Random) -> None:
    w("deadlines:")
    for i in range(max(2, len(unit_ids) // 20)):
        owners = rng.sample(unit_ids, min(4, len(unit_ids)))
        due = workdays[rng.randrange(len(workdays))]
        w(f"  - id: bao-cao-{i + 1:03d}")
        w(f"    title: Báo cáo kết quả thực hiện (kỳ {i + 1})")
        w(f"    owners: [{', '.join(owners)}]")
        w(f"    to: [{unit_ids[0]}]")
        w(f"    due: {vn_date(due)}")
        w("    text: Các đơn vị gửi báo cáo trước ngày {due}.")
        if i % 3 == 0:
            w("    received:")
            w(f"      - unit: {owners[0]}")
            w(f"        date: {vn_date(due - dt.timedelta(days=2))}")
    w("reporting:")
    w("  - deadline: bao-cao-001")
    w("closing: Yêu cầu các đơn vị nghiêm túc triển khai thực hiện.")


def working_days() -> list[dt.date]:
    ok = working_day_test()
    days = []
    d = PERIOD_START
    while d <= PERIOD_END:
        if ok(d):
            days.append(d)
        d += dt.timedelta(days=1)
    return days


def plan(n: int, seed: int = 2026) -> str:
    """The text of a plan with ``n`` activities."""
    rng = random.Random(seed + n)
    w = Writer()
    header(w, f"tong-hop-{n}", f"Kế hoạch tổng hợp {n} hoạt động khoa học và công nghệ")
    unit_ids = units(w, max(12, n // 40), rng)
    guest_ids = guests(w, max(20, n // 40), rng)
    group_ids = groups(w, guest_ids, rng)
    acts = activities(w, n, unit_ids, guest_ids + group_ids + unit_ids, working_days(), rng)
    responsibilities(w, unit_ids, acts, rng)
    deadlines(w, unit_ids, working_days(), rng)
    return w.text()


def invitations_plan(n_guests: int, seed: int = 2026) -> str:
    """A plan with one event (activity ``hoi-nghi``) to which ``n_guests`` guests are invited."""
    rng = random.Random(seed)
    w = Writer()
    header(w, "giay-moi-tong-hop", f"Hội nghị tổng hợp với {n_guests} khách mời")
    unit_ids = units(w, 12, rng)
    guest_ids = guests(w, n_guests, rng, full=True)
    w("activities:")
    w("  - id: hoi-nghi")
    w("    number: 1")
    w("    title: Hội nghị tổng kết hoạt động khoa học, công nghệ và đổi mới sáng tạo")
    w(f"    lead: {unit_ids[0]}")
    w("    event:")
    w("      date: 15/5/2026")
    w('      start: "08:00"')
    w('      end: "11:30"')
    w(f"      venue: {DIA_DIEM[0]}")
    w("      chair: Lãnh đạo Sở Khoa học và Công nghệ")
    w("      contact:")
    w("        person: Chuyên viên Văn phòng Sở")
    w('        phone: "0208 3855 123"')
    w("      notes:")
    w("        - Tài liệu Hội nghị được phát tại Hội nghị.")
    w("      invitees:")
    for gid in guest_ids:
        w(f"        - {gid}")
    w("    programme:")
    for item, minutes in CHUONG_TRINH:
        w(f"      - item: {item}")
        w(f"        minutes: {minutes}")
    w("deadlines:")
    w("  - id: bao-cao")
    w("    title: Báo cáo kết quả")
    w(f"    owners: [{unit_ids[0]}]")
    w("    due: 19/6/2026")
    return w.text()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("activities", type=int, nargs="?", help="số hoạt động (100, 1000, …)")
    ap.add_argument("--invitations", type=int, help="kế hoạch một sự kiện với N khách mời")
    ap.add_argument("-o", "--out", type=Path, help="tệp ra (mặc định: stdout)")
    ap.add_argument("--seed", type=int, default=2026)
    args = ap.parse_args(argv)
    if args.invitations:
        text = invitations_plan(args.invitations, args.seed)
    elif args.activities:
        text = plan(args.activities, args.seed)
    else:
        ap.error("give a number of activities or --invitations N")
    if args.out:
        args.out.write_text(text, encoding="utf-8")
        print(f"{args.out}: {text.count(chr(10))} dòng, {len(text.encode()):,} byte")
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
