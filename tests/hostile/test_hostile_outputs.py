"""Hostile templates and outputs: broken templates, missing fields, outputs that cannot be
written, symlinks, FIFOs, and ids and guest names that try to leave the output folder.

As root no folder is read-only, so "not writable" is made honestly: a path through a regular
file (ENOTDIR), ``/proc`` (no new files there, even for root), a name too long for the file
system, a folder standing where a file must go.  A FIFO stands for ``/dev/null`` and other
devices (which must never be replaced by a regular file; the test cannot touch the real ones).
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from _hostile import Case, Result, edit, invitation_plan, run_case

INVITE = ("render", "invitation", "hoi-nghi", "plan.yaml")
WRITTEN = re.compile(r"Đã ghi (?P<path>\S+)")
TEMPLATE_HINT = (
    r" \(bổ sung trường này vào kế hoạch, hoặc trong mẫu dùng `\{% if … is defined %\}`\)"
)


def templates(**files: str | bytes) -> Callable[[Path], None]:
    """A ``tpl/`` folder with these templates (``invitation_md`` → ``invitation.md.j2``)."""

    def setup(tmp: Path) -> None:
        (tmp / "tpl").mkdir()
        for key, text in files.items():
            name = key.replace("_", ".") + ".j2"
            data = text.encode("utf-8") if isinstance(text, str) else text
            (tmp / "tpl" / name).write_bytes(data)

    return setup


def victim(tmp: Path) -> Path:
    path = tmp / "victim.txt"
    path.write_text("giữ nguyên\n", encoding="utf-8")
    return path


def link(name: str, target: str, *, make_target: bool = True) -> Callable[[Path], None]:
    def setup(tmp: Path) -> None:
        if make_target:
            victim(tmp)
        (tmp / name).parent.mkdir(exist_ok=True)
        os.symlink(target, tmp / name)

    return setup


def fifo(name: str) -> Callable[[Path], None]:
    return lambda tmp: os.mkfifo(tmp / name)


def replaced_link(name: str) -> Callable[..., None]:
    """The link itself became the document; the file it pointed to is untouched."""

    def check(tmp: Path, before: dict[str, str], after: dict[str, str], r: Result) -> None:
        assert (tmp / "victim.txt").read_text(encoding="utf-8") == "giữ nguyên\n"
        assert not (tmp / name).is_symlink()
        assert (tmp / name).read_text(encoding="utf-8").startswith(("UBND", "{"))
        assert set(after) == set(before)
        assert {k: v for k, v in after.items() if k != name} == {
            k: v for k, v in before.items() if k != name
        }

    return check


def dangling_replaced(name: str, target: str) -> Callable[..., None]:
    def check(tmp: Path, before: dict[str, str], after: dict[str, str], r: Result) -> None:
        assert not (tmp / name).is_symlink()
        assert (tmp / name).is_file()
        assert not (tmp / target).exists()  # nothing was written through the link
        assert set(after) == set(before)

    return check


GUESTS = {
    "khach-3": "../../etc/passwd",
    "khach-4": "/etc/shadow",
    "khach-5": "NUL",
    "khach-6": "CON.txt",
    "khach-7": "'C:\\Windows\\system32'",
    "khach-8": "'...'",
    "khach-9": "Nguyễn " * 2000,
    "khach-10": "Trần Thị Bình",
}


def hostile_guests() -> str:
    text = invitation_plan()
    extra = "".join(f"  - id: {gid}\n    name: {name}\n" for gid, name in GUESTS.items())
    text = edit(text, "activities:\n", extra + "activities:\n")
    return edit(
        text,
        "invitees: [khach-1, khach-2]",
        "invitees: [khach-1, khach-2, " + ", ".join(GUESTS) + "]",
    )


SAFE_NAME = re.compile(r"giay-moi-hoi-nghi-[a-z0-9][a-z0-9-]{0,70}\.md")


def all_inside(folder: str, count: int) -> Callable[..., None]:
    def check(tmp: Path, before: dict[str, str], after: dict[str, str], r: Result) -> None:
        new = sorted(set(after) - set(before))
        assert new == sorted([folder, *(f"{folder}/{p.name}" for p in (tmp / folder).iterdir())])
        names = [p.name for p in (tmp / folder).iterdir()]
        assert len(names) == count
        assert all(SAFE_NAME.fullmatch(n) for n in names), names
        assert {k: v for k, v in after.items() if k in before} == before  # nothing else changed
        written = [m["path"] for m in WRITTEN.finditer(r.err)]
        assert sorted(written) == sorted(f"{folder}/{n}" for n in names)

    return check


def into(folder: str, count: int) -> Callable[..., None]:
    """``count`` new files, all in ``folder`` (which may be reached through a link)."""

    def check(tmp: Path, before: dict[str, str], after: dict[str, str], r: Result) -> None:
        assert sorted(os.listdir(tmp / folder)) == sorted(
            m["path"].rsplit("/", 1)[1] for m in WRITTEN.finditer(r.err)
        )
        assert len(os.listdir(tmp / folder)) == count
        assert (tmp / "victim.txt").read_text(encoding="utf-8") == "giữ nguyên\n"

    return check


LONG_ID = "a" * 300
LINUX_PROC = pytest.mark.skipif(not Path("/proc").is_dir(), reason="Linux /proc only")

CASES = [
    # Templates (--templates DIR) that are broken or ask for what does not exist: exit 3.
    Case(
        "template-syntax-error",
        (*INVITE, "--templates", "tpl", "-o", "out.md"),
        3,
        (r"Lỗi: mẫu invitation\.md\.j2, dòng 2: lỗi cú pháp: cần `\}\}` nhưng gặp `\{`",),
        invitation_plan,
        templates(invitation_md="Kính gửi {{ invitees[0].text \n{% if %}\n"),
    ),
    Case(
        "template-unknown-filter",
        (*INVITE, "--templates", "tpl"),
        3,
        (r"Lỗi: mẫu invitation\.md\.j2, dòng 1: lỗi cú pháp: không có bộ lọc `khong_co`",),
        invitation_plan,
        templates(invitation_md="{{ plan.title | khong_co }}\n"),
    ),
    Case(
        "template-field-that-does-not-exist",
        (*INVITE, "--templates", "tpl", "-o", "out.md"),
        3,
        (r"Lỗi: mẫu invitation\.md\.j2, dòng 2: thiếu dữ liệu `Plan\.khong_co`" + TEMPLATE_HINT,),
        invitation_plan,
        templates(invitation_md="Kính gửi\n{{ plan.khong_co }}\n"),
    ),
    Case(
        "template-name-that-does-not-exist",
        (*INVITE, "--templates", "tpl"),
        3,
        (r"Lỗi: mẫu invitation\.md\.j2, dòng 1: thiếu dữ liệu `chu_ky`" + TEMPLATE_HINT,),
        invitation_plan,
        templates(invitation_md="{{ chu_ky }}\n"),
    ),
    Case(
        "template-runtime-error",
        (*INVITE, "--templates", "tpl", "-o", "out.md"),
        3,
        (r"Lỗi: mẫu invitation\.md\.j2, dòng 2: chia cho 0",),
        invitation_plan,
        templates(invitation_md="Kính gửi\n{{ 1 / 0 }}\n"),
    ),
    Case(
        "template-includes-itself",
        (*INVITE, "--templates", "tpl", "-o", "out.md"),
        3,
        (r"Lỗi: mẫu invitation\.md\.j2, dòng 1: mẫu gọi lại chính nó không dừng \(.*\)",),
        invitation_plan,
        templates(invitation_md='{% include "invitation.md.j2" %}\n'),
    ),
    Case(
        "template-not-utf8",
        (*INVITE, "--templates", "tpl", "-o", "out.md"),
        3,
        (r"Lỗi: mẫu tpl/invitation\.md\.j2 không phải UTF-8 \(byte 0xe0\) \(.*\)",),
        invitation_plan,
        templates(invitation_md=b"Xin ch\xe0o\n"),
    ),
    Case(
        "template-fails-for-one-invitee-only",
        (*INVITE, "--templates", "tpl", "--each", "-o", "out"),
        3,
        (r"Lỗi: mẫu invitation\.md\.j2, dòng 1: chia cho 0",),
        invitation_plan,
        templates(invitation_md="{{ 1 / 0 if 'Cường' in invitees[0].text else 'ok' }}\n"),
    ),
    Case(
        "templates-is-a-file",
        (*INVITE, "--templates", "plan.yaml"),
        3,
        (r"Lỗi: không có thư mục mẫu plan\.yaml \(--templates chỉ tới một thư mục\)",),
        invitation_plan,
    ),
    # Outputs that cannot be written: exit 3, nothing written, no temporary file left.
    Case(
        "output-under-a-file",
        ("render", "plan", "plan.yaml", "-o", "plan.yaml/ke-hoach.md"),
        3,
        (r"Lỗi: plan\.yaml không phải thư mục",),
    ),
    Case(
        "each-output-under-a-file",
        (*INVITE, "--each", "-o", "plan.yaml/giay-moi"),
        3,
        (
            r"Lỗi: không tạo được thư mục plan\.yaml/giay-moi: một phần của đường dẫn không "
            "phải thư mục",
        ),
        invitation_plan,
    ),
    Case(
        "export-under-a-file",
        ("export", "json", "plan.yaml", "-o", "plan.yaml/ke-hoach.json"),
        3,
        (r"Lỗi: plan\.yaml không phải thư mục",),
    ),
    Case(
        "new-under-a-file",
        ("new", "--from", "plan.yaml", "--year", "2027", "-o", "plan.yaml/ke-hoach-2027.yaml"),
        3,
        (r"Lỗi: plan\.yaml không phải thư mục",),
    ),
    pytest.param(
        Case(
            "output-in-proc",
            ("render", "plan", "plan.yaml", "-o", "/proc/tnplan-hostile.md"),
            3,
            (r"Lỗi: không ghi được /proc/tnplan-hostile\.md: .*",),
        ),
        marks=LINUX_PROC,
    ),
    pytest.param(
        Case(
            "each-output-in-proc",
            (*INVITE, "--each", "-o", "/proc/tnplan-hostile"),
            3,
            (r"Lỗi: không tạo được thư mục /proc/tnplan-hostile: .*",),
            invitation_plan,
        ),
        marks=LINUX_PROC,
    ),
    Case(
        "output-name-too-long",
        ("export", "json", "plan.yaml", "-o", "a" * 300 + ".json"),
        3,
        (r"Lỗi: (không ghi được|không truy cập được) a{300}\.json.*: tên quá dài",),
    ),
    Case(
        "activity-id-too-long-for-a-file-name",
        ("render", "invitation", LONG_ID, "plan.yaml", "--each", "-o", "out"),
        3,
        (
            rf"Lỗi: không truy cập được out/giay-moi-{LONG_ID}-khach-1\.md: "
            "tên quá dài",
        ),
        lambda: edit(invitation_plan(), "id: hoi-nghi", f"id: {LONG_ID}"),
        lambda tmp: (tmp / "out").mkdir(),
    ),
    Case(
        "each-output-is-a-file",
        (*INVITE, "--each", "-o", "plan.yaml"),
        3,
        (r"Lỗi: plan\.yaml không phải thư mục \(với --each, -o là một thư mục\)",),
        invitation_plan,
    ),
    Case(
        "output-exists",
        ("render", "plan", "plan.yaml", "-o", "victim.txt"),
        3,
        (r"Lỗi: tệp victim\.txt đã có \(thêm --force để ghi đè\)",),
        setup=victim,
    ),
    Case(
        "each-a-folder-where-a-file-goes",
        (*INVITE, "--each", "--force", "-o", "out"),
        3,
        (r"Lỗi: out/giay-moi-hoi-nghi-khach-2\.md là một thư mục \(.*\)",),
        invitation_plan,
        lambda tmp: (tmp / "out" / "giay-moi-hoi-nghi-khach-2.md").mkdir(parents=True),
    ),
    # A FIFO stands for /dev/null: an output that is not a regular file is never replaced.
    Case(
        "export-output-is-a-fifo",
        ("export", "json", "plan.yaml", "-o", "fifo.json"),
        3,
        (r"Lỗi: fifo\.json không phải tệp thường \(.*\)",),
        setup=fifo("fifo.json"),
    ),
    Case(
        "render-output-is-a-fifo",
        ("render", "plan", "plan.yaml", "-o", "fifo.md", "--force"),
        3,
        (r"Lỗi: fifo\.md không phải tệp thường \(.*\)",),
        setup=fifo("fifo.md"),
    ),
    Case(
        "each-output-holds-a-fifo",
        (*INVITE, "--each", "--force", "-o", "out"),
        3,
        (r"Lỗi: out/giay-moi-hoi-nghi-khach-1\.md không phải tệp thường \(.*\)",),
        invitation_plan,
        lambda tmp: (
            (tmp / "out").mkdir(),
            os.mkfifo(tmp / "out" / "giay-moi-hoi-nghi-khach-1.md"),
        ),
    ),
    # Symlinks: never written through; replaced only where overwriting is allowed.
    Case(
        "output-is-a-symlink",
        ("render", "plan", "plan.yaml", "-o", "link.md"),
        3,
        (r"Lỗi: tệp link\.md đã có \(thêm --force để ghi đè\)",),
        setup=link("link.md", "victim.txt"),
    ),
    Case(
        "output-is-a-symlink-forced",
        ("render", "plan", "plan.yaml", "-o", "link.md", "--force"),
        0,
        (r"Đã ghi link\.md",),
        setup=link("link.md", "victim.txt"),
        check=replaced_link("link.md"),
    ),
    Case(
        "output-is-a-dangling-symlink",
        ("render", "plan", "plan.yaml", "-o", "link.md"),
        0,
        (r"Đã ghi link\.md",),
        setup=link("link.md", "elsewhere.md", make_target=False),
        check=dangling_replaced("link.md", "elsewhere.md"),
    ),
    Case(
        "export-output-is-a-symlink",
        ("export", "json", "plan.yaml", "-o", "link.json"),
        3,
        (r"Lỗi: tệp link\.json đã có \(thêm --force để ghi đè\)",),
        setup=link("link.json", "victim.txt"),
    ),
    Case(
        "export-output-is-a-symlink-forced",
        ("export", "json", "plan.yaml", "-o", "link.json", "--force"),
        0,
        (r"Đã ghi link\.json",),
        setup=link("link.json", "victim.txt"),
        check=replaced_link("link.json"),
    ),
    Case(
        "each-entry-is-a-symlink",
        (*INVITE, "--each", "-o", "out"),
        3,
        (
            r"Lỗi: out/giay-moi-hoi-nghi-khach-1\.md là liên kết tới chỗ khác; "
            r"không ghi qua nó \(xóa liên kết hoặc chọn thư mục -o khác\)",
        ),
        invitation_plan,
        link("out/giay-moi-hoi-nghi-khach-1.md", "../victim.txt"),
    ),
    Case(
        "each-folder-is-a-symlink",
        (*INVITE, "--each", "-o", "out"),
        0,
        (
            r"Đã ghi out/giay-moi-hoi-nghi-khach-1\.md",
            r"Đã ghi out/giay-moi-hoi-nghi-khach-2\.md",
        ),
        invitation_plan,
        lambda tmp: (victim(tmp), (tmp / "real").mkdir(), os.symlink("real", tmp / "out")),
        check=into("real", 2),
    ),
    # Ids and names that try to leave the output folder.
    Case(
        "guest-names-leave-the-folder",
        (*INVITE, "--each", "-o", "out"),
        0,
        tuple(r"Đã ghi out/giay-moi-hoi-nghi-[a-z0-9-]+\.md" for _ in range(10)),
        hostile_guests,
        check=all_inside("out", 10),
    ),
    Case(
        "activity-id-leaves-the-folder",
        ("render", "invitation", "../../hoi-nghi", "plan.yaml", "--each", "-o", "out"),
        1,
        (r"Lỗi: plan\.yaml:29:9: mã `\.\./\.\./hoi-nghi` không hợp lệ \(.*\)",),
        lambda: edit(invitation_plan(), "id: hoi-nghi", "id: ../../hoi-nghi"),
    ),
    Case(
        "activity-argument-leaves-the-folder",
        ("render", "invitation", "../../hoi-nghi", "plan.yaml", "--each", "-o", "out"),
        2,
        (r"Lỗi: .*`\.\./\.\./hoi-nghi`.*",),
        invitation_plan,
    ),
    Case(
        "to-argument-leaves-the-folder",
        (*INVITE, "--to", "/etc/passwd", "-o", "out"),
        2,
        (r"Lỗi: `/etc/passwd` không có trong danh sách khách mời của `hoi-nghi` \(.*\)",),
        invitation_plan,
    ),
    Case(
        "guest-id-absolute",
        ("validate", "plan.yaml"),
        1,
        (r"plan\.yaml:24:9: lỗi \[bad-id\] mã `/etc/passwd` không hợp lệ.*",),
        lambda: edit(
            edit(invitation_plan(), "id: khach-1", "id: /etc/passwd"), "[khach-1,", "[/etc/passwd,"
        ),
    ),
    Case(
        "unknown-format",
        ("render", "plan", "plan.yaml", "-f", "odt", "-o", "out.odt"),
        2,
        (
            r"Lỗi: giá trị không hợp lệ cho '--format' / '-f': 'odt' không phải một trong "
            r"'md', 'html', 'docx', 'pdf' \(xem `tnplan render plan --help`\)",
        ),
    ),
]


def _name(case: object) -> str:
    return case.name if isinstance(case, Case) else str(case)


@pytest.mark.parametrize("case", CASES, ids=_name)
def test_hostile_output(case: Case, tmp_path: Path, tnplan: Callable[..., Result]) -> None:
    run_case(case, tmp_path, tnplan)
