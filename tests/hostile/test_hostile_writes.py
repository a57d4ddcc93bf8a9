"""Outputs that would destroy data: through the real command, every writer refuses.

* a plan file read by the command is never written over, even with ``--force``, whatever
  name reaches it (itself, a symlink, a hard link, ``sub/../plan.yaml``): exit 3;
* no existing file is replaced without ``--force`` (``export`` too); with it, the file keeps
  its mode, and a hard link is replaced, not written through;
* a full disk leaves every file whole or absent, never reports a file it did not finish, and
  leaves no temporary file — on a real, tiny ``tmpfs`` when the test may mount one (as root),
  and always on a fake file system that fails after some bytes;
* ``--each`` names files by the invitee's id: after the list is reordered, a re-run writes
  each person's invitation into the same file;
* ``--each`` killed with ``kill -9`` leaves at most temporary files, which the next run
  removes; a re-run with ``--force`` completes the set.
"""

from __future__ import annotations

import contextlib
import os
import re
import signal
import stat
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from _hostile import ROOT, Case, Result, base, edit, invitation_plan, run_case

from support import Run

SEED = ROOT / "plans" / "ngay-khcn-2026.yaml"
REFUSED = (
    r"Lỗi: không ghi vào {out}: đó là tệp kế hoạch {plan} đang được đọc "
    r"\(chọn tên tệp khác sau -o; --force cũng không ghi đè tệp kế hoạch\)"
)
TMP_LEFT = re.compile(r"\.tnplan-\d+-.*\.tmp$")


def refused(out: str, plan: str = r"plan\.yaml") -> str:
    """The refusal; the plan as it was read (several-plan exports read it by its full path)."""
    return REFUSED.format(out=out, plan=rf"(?:/\S+/)?{plan}")


def symlink(name: str, target: str) -> Callable[[Path], None]:
    return lambda tmp: os.symlink(target, tmp / name)


def hardlink(name: str) -> Callable[[Path], None]:
    return lambda tmp: os.link(tmp / "plan.yaml", tmp / name)


def subfolder(tmp: Path) -> None:
    (tmp / "sub").mkdir()


CASES = [
    # The plan read is never the output, by any name, --force or not.
    Case(
        "export-json-over-the-plan",
        ("export", "json", "plan.yaml", "-o", "plan.yaml"),
        3,
        (refused(r"plan\.yaml"),),
    ),
    Case(
        "export-json-over-the-plan-forced",
        ("export", "json", "plan.yaml", "-o", "plan.yaml", "--force"),
        3,
        (refused(r"plan\.yaml"),),
    ),
    Case(
        "render-over-the-plan-forced",
        ("render", "plan", "plan.yaml", "--force", "-o", "plan.yaml"),
        3,
        (refused(r"plan\.yaml"),),
    ),
    Case(
        "render-over-the-plan-through-dotdot",
        ("render", "plan", "plan.yaml", "--force", "-o", "sub/../plan.yaml"),
        3,
        (refused(r"sub/\.\./plan\.yaml"),),
        setup=subfolder,
    ),
    Case(
        "render-over-the-plan-through-a-symlink",
        ("render", "plan", "plan.yaml", "--force", "-o", "lien-ket.md"),
        3,
        (refused(r"lien-ket\.md"),),
        setup=symlink("lien-ket.md", "plan.yaml"),
    ),
    Case(
        "plan-read-through-a-symlink-written-by-its-name",
        ("render", "plan", "lien-ket.yaml", "--force", "-o", "plan.yaml"),
        3,
        (refused(r"plan\.yaml", r"lien-ket\.yaml"),),
        setup=symlink("lien-ket.yaml", "plan.yaml"),
    ),
    Case(
        "render-over-the-plan-through-a-hard-link",
        ("render", "plan", "plan.yaml", "--force", "-o", "cung-tep.md"),
        3,
        (refused(r"cung-tep\.md"),),
        setup=hardlink("cung-tep.md"),
    ),
    Case(
        "export-ics-over-the-plan-forced",
        ("export", "ics", "plan.yaml", "--force", "-o", "./plan.yaml"),
        3,
        (refused(r"plan\.yaml"),),  # Path() writes ./plan.yaml as plan.yaml
    ),
    Case(
        "export-html-over-the-plan-forced",
        ("export", "html", "plan.yaml", "--as-of", "14/5/2026", "--force", "-o", "plan.yaml"),
        3,
        (refused(r"plan\.yaml"),),
    ),
    Case(
        "new-over-its-source-forced",
        ("new", "--from", "plan.yaml", "--year", "2027", "--force", "-o", "plan.yaml"),
        3,
        (refused(r"plan\.yaml"),),
    ),
    Case(
        "each-into-the-folder-of-the-plan-over-it",
        (
            *("render", "invitation", "hoi-nghi", "giay-moi-hoi-nghi-khach-1.md"),
            *("--each", "--force", "-o", "."),
        ),
        3,
        (refused(r"giay-moi-hoi-nghi-khach-1\.md", r"giay-moi-hoi-nghi-khach-1\.md"),),
        None,
        lambda tmp: (tmp / "giay-moi-hoi-nghi-khach-1.md").write_text(
            invitation_plan(), encoding="utf-8"
        ),
    ),
    # Existing files need --force, export included.
    Case(
        "export-json-over-a-file",
        ("export", "json", "plan.yaml", "-o", "cu.json"),
        3,
        (r"Lỗi: tệp cu\.json đã có \(thêm --force để ghi đè\)",),
        setup=lambda tmp: (tmp / "cu.json").write_text("{}\n", encoding="utf-8"),
    ),
    Case(
        "export-schema-over-a-file",
        ("export", "schema", "-o", "cu.json"),
        3,
        (r"Lỗi: tệp cu\.json đã có \(thêm --force để ghi đè\)",),
        setup=lambda tmp: (tmp / "cu.json").write_text("{}\n", encoding="utf-8"),
    ),
    Case(
        "export-ics-over-a-file",
        ("export", "ics", "plan.yaml", "-o", "cu.ics"),
        3,
        (r"Lỗi: tệp cu\.ics đã có \(thêm --force để ghi đè\)",),
        setup=lambda tmp: (tmp / "cu.ics").write_text("x\n", encoding="utf-8"),
    ),
]


def _name(case: object) -> str:
    return case.name if isinstance(case, Case) else str(case)


@pytest.mark.parametrize("case", CASES, ids=_name)
def test_hostile_write(case: Case, tmp_path: Path, tnplan: Callable[..., Result]) -> None:
    run_case(case, tmp_path, tnplan)


def test_export_with_force_replaces(tmp_path: Path, tnplan: Callable[..., Result]) -> None:
    (tmp_path / "plan.yaml").write_text(base(), encoding="utf-8")
    (tmp_path / "cu.json").write_text("{}\n", encoding="utf-8")
    r = tnplan("export", "json", "plan.yaml", "-o", "cu.json", "--force")
    assert (r.code, r.err) == (0, "Đã ghi cu.json\n")
    assert (tmp_path / "cu.json").read_text(encoding="utf-8").startswith('{\n  "format"')


# --- mode and hard links -------------------------------------------------------------------


@pytest.mark.parametrize("mode", [0o600, 0o640, 0o664])
def test_force_keeps_the_mode(mode: int, tmp_path: Path, tnplan: Callable[..., Result]) -> None:
    (tmp_path / "plan.yaml").write_text(base(), encoding="utf-8")
    out = tmp_path / "ke-hoach.md"
    out.write_text("bản cũ\n", encoding="utf-8")
    out.chmod(mode)
    r = tnplan("render", "plan", "plan.yaml", "--force", "-o", "ke-hoach.md")
    assert r.code == 0, r.err
    assert stat.S_IMODE(out.stat().st_mode) == mode
    assert out.read_text(encoding="utf-8").startswith("UBND TỈNH THÁI NGUYÊN")


def test_force_replaces_a_hard_link(tmp_path: Path, tnplan: Callable[..., Result]) -> None:
    """Documented: the name given is replaced; the file's other names keep the old text."""
    (tmp_path / "plan.yaml").write_text(base(), encoding="utf-8")
    out = tmp_path / "ke-hoach.md"
    out.write_text("bản cũ\n", encoding="utf-8")
    os.link(out, tmp_path / "ban-sao.md")
    r = tnplan("render", "plan", "plan.yaml", "--force", "-o", "ke-hoach.md")
    assert r.code == 0, r.err
    assert (tmp_path / "ban-sao.md").read_text(encoding="utf-8") == "bản cũ\n"
    assert out.read_text(encoding="utf-8").startswith("UBND")
    assert out.stat().st_ino != (tmp_path / "ban-sao.md").stat().st_ino


# --- a full disk ---------------------------------------------------------------------------


@contextlib.contextmanager
def tiny_tmpfs(where: Path) -> Iterator[Path]:
    """A 1 MB tmpfs mounted at ``where``; skips when this machine does not let us mount."""
    where.mkdir()
    if not sys.platform.startswith("linux") or os.geteuid() != 0:
        pytest.skip("mounting a tmpfs needs Linux and root; the fake file system test runs")
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=1m", "tnplan-test", str(where)],
        capture_output=True,
        check=False,
    )
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode(errors='replace')}")
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], check=False)


def fill(folder: Path, free_pages: int) -> None:
    """Fill ``folder``'s file system, then free ``free_pages`` pages of 4 KB."""
    filler = folder / ".filler"
    with filler.open("wb", buffering=0) as fh:
        block = b"\0" * 4096
        with contextlib.suppress(OSError):
            while True:
                fh.write(block)
    size = filler.stat().st_size
    os.truncate(filler, max(0, size - free_pages * 4096))


def check_full_disk(folder: Path, r: Result | Run, whole: dict[str, bytes]) -> None:
    """Exit 3 naming the disk; every file said written is whole; nothing else is left."""
    assert r.code == 3, r.err
    lines = r.err.splitlines()
    assert re.fullmatch(
        r"Lỗi: không ghi được \S+: đĩa đã đầy \(tệp cũ \(nếu có\) vẫn còn "
        r"nguyên; giải phóng chỗ trống hoặc chọn nơi khác rồi chạy lại\)",
        lines[-1],
    ), lines[-1]
    said = [m[1] for m in re.finditer(r"Đã ghi (\S+)", r.err)]
    names = sorted(p.name for p in folder.iterdir() if p.name != ".filler")
    assert not [n for n in names if TMP_LEFT.search(n)], names
    assert sorted(Path(s).name for s in said) == names  # written = said, nothing more
    for name in names:
        assert (folder / name).read_bytes() == whole[name], name


@pytest.mark.parametrize(
    ("args", "pages"),
    [
        (("render", "plan", str(SEED), "-o", "{out}/ke-hoach.md"), 2),
        (("render", "plan", str(SEED), "-f", "html", "-o", "{out}/ke-hoach.html"), 2),
        (("render", "plan", str(SEED), "-o", "{out}/ke-hoach.docx"), 3),
        (("render", "invitation", "hoi-nghi-sang-che", str(SEED), "--each", "-o", "{out}"), 3),
        (("export", "html", str(SEED), "--as-of", "14/5/2026", "-o", "{out}/t.html"), 2),
    ],
    ids=["md", "html", "docx", "each", "export-html"],
)
def test_full_disk_on_a_tmpfs(
    args: tuple[str, ...], pages: int, tmp_path: Path, tnplan: Callable[..., Result]
) -> None:
    # What the files hold when there is room (written elsewhere, then compared).
    roomy = tmp_path / "roomy"
    roomy.mkdir()
    full = [a.replace("{out}", str(roomy)) for a in args]
    assert tnplan(*full).code == 0
    whole = {p.name: p.read_bytes() for p in roomy.iterdir()}
    with tiny_tmpfs(tmp_path / "disk") as disk:
        out = disk / "out" if "--each" in args else disk
        fill(disk, pages)
        r = tnplan(*[a.replace("{out}", str(out)) for a in args])
        check_full_disk(out, r, whole)
        if "--each" in args:
            assert 0 < r.err.count("Đã ghi") < len(whole)  # some written, then the disk filled


@pytest.mark.parametrize("fmt", ["md", "html", "docx", "each"])
def test_full_disk_on_a_fake_file_system(
    fmt: str, tmp_path: Path, cli: Callable[..., Run], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The same, where no tmpfs can be mounted: ``os.write`` fails once 6,000 bytes are out."""
    from tnplan.documents import files

    each = fmt == "each"
    args = (
        ["render", "invitation", "hoi-nghi-sang-che", str(SEED), "--each"]
        if each
        else ["render", "plan", str(SEED), "-f", fmt]
    )
    roomy = tmp_path / "roomy"
    roomy.mkdir()
    assert cli(*args, "-o", str(roomy if each else roomy / f"x.{fmt}")).code == 0
    whole = {p.name: p.read_bytes() for p in roomy.iterdir()}
    real_write = os.write
    budget = [6000]

    def write(fd: int, data: bytes | memoryview) -> int:
        if budget[0] <= 0:
            raise OSError(28, "No space left on device")
        n = real_write(fd, bytes(data[: budget[0]]))  # a short write, as a full disk gives
        budget[0] -= n
        return n

    class FakeOs:  # os as the writer sees it: the same, but a disk that fills up
        def __getattr__(self, name: str) -> object:
            return write if name == "write" else getattr(os, name)

    monkeypatch.setattr(files, "os", FakeOs())
    out = tmp_path / "disk"
    out.mkdir()
    r = cli(*args, "-o", str(out if each else out / f"x.{fmt}"))
    check_full_disk(out, r, whole)


def test_each_file_keeps_its_owner_when_the_list_is_reordered(
    tmp_path: Path, tnplan: Callable[..., Result]
) -> None:
    """Names that differ by case, by NFC/NFD, or not at all: each file is named by the id."""
    guests = {"an-1": "Nguyễn Văn An", "an-2": "nguyễn văn an", "an-3": "Nguyễn Văn An"}
    nfd = "Nguye\u0302\u0303n Va\u0306n An"  # the same name written in NFD
    text = edit(
        invitation_plan(),
        "guests:\n",
        "guests:\n"
        + "".join(f"  - id: {g}\n    name: {n}\n    title: khách {g}\n" for g, n in guests.items())
        + f"  - id: an-4\n    name: {nfd}\n    title: khách an-4\n",
    )
    order = ["an-1", "an-2", "an-3", "an-4", "khach-1", "khach-2"]
    plan = tmp_path / "plan.yaml"

    def run(ids: list[str]) -> Result:
        plan.write_text(
            edit(text, "invitees: [khach-1, khach-2]", f"invitees: [{', '.join(ids)}]"), "utf-8"
        )
        return tnplan("render", "invitation", "hoi-nghi", "plan.yaml", "--each", "--force",
                      "-o", "gm")  # fmt: skip

    assert run(order).code == 0
    first = {p.name: p.read_text(encoding="utf-8") for p in (tmp_path / "gm").iterdir()}
    assert sorted(first) == sorted(f"giay-moi-hoi-nghi-{g}.md" for g in order)
    assert run(list(reversed(order))).code == 0
    again = {p.name: p.read_text(encoding="utf-8") for p in (tmp_path / "gm").iterdir()}
    assert again == first  # every file still holds its own guest's letter
    for gid in guests:
        assert f"khách {gid}" in again[f"giay-moi-hoi-nghi-{gid}.md"]


def test_ids_that_differ_only_in_case_are_refused(
    tmp_path: Path, tnplan: Callable[..., Result]
) -> None:
    """`An` and `an` would be one file on Windows and macOS: refused before writing."""
    two = "guests:\n  - id: An\n    name: A\n  - id: an\n    name: B\n"
    text = edit(invitation_plan(), "guests:\n", two)
    (tmp_path / "plan.yaml").write_text(
        edit(text, "invitees: [khach-1, khach-2]", "invitees: [khach-1, An, an]"), "utf-8"
    )
    r = tnplan("render", "invitation", "hoi-nghi", "plan.yaml", "--each", "-o", "gm")
    assert r.code == 3
    assert r.err == (
        "Lỗi: hai tệp giay-moi-hoi-nghi-An.md và giay-moi-hoi-nghi-an.md chỉ khác nhau chữ hoa, "
        "chữ thường (đặt mã khách mời khác nhau không chỉ ở chữ hoa, chữ thường)\n"
    )
    assert not (tmp_path / "gm").exists()


# --- killed in the middle -----------------------------------------------------------------


def big_plan(n: int) -> str:
    ids = [f"k{i:04d}" for i in range(n)]
    text = edit(invitation_plan(), "invitees: [khach-1, khach-2]", f"invitees: [{', '.join(ids)}]")
    guests = "".join(f"  - id: {g}\n    name: Khách số {g}\n" for g in ids)
    return edit(text, "guests:\n", "guests:\n" + guests)


def test_each_killed_then_run_again(tmp_path: Path, tnplan: Callable[..., Result]) -> None:
    (tmp_path / "plan.yaml").write_text(big_plan(1500), encoding="utf-8")
    out = tmp_path / "gm"
    args = [sys.executable, "-m", "tnplan", "render", "invitation", "hoi-nghi", "plan.yaml"]
    proc = subprocess.Popen(
        [*args, "--each", "-o", "gm"],
        cwd=tmp_path,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and proc.poll() is None:
            if out.is_dir() and len(os.listdir(out)) >= 200:
                break
            time.sleep(0.005)
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.wait()
    names = os.listdir(out)
    assert 0 < len([n for n in names if not n.startswith(".")]) < 1500, "killed too late"
    # A temporary file as kill -9 may leave one (made here too: the kill may fall between).
    leftover = out / f".giay-moi-hoi-nghi-k0007.md.tnplan-{_dead_pid()}-abc123.tmp"
    leftover.write_bytes(b"half a letter")
    r = tnplan("render", "invitation", "hoi-nghi", "plan.yaml", "--each", "--force", "-o", "gm")
    assert r.code == 0, r.err
    names = sorted(os.listdir(out))
    assert [n for n in names if TMP_LEFT.search(n)] == []
    assert names == sorted(f"giay-moi-hoi-nghi-k{i:04d}.md" for i in range(1500))
    for name in names[::97]:
        assert f"Khách số {name[18:23]}" in (out / name).read_text(encoding="utf-8")


def _dead_pid() -> int:
    """The id of a process that has ended (and, on any likely machine, not been reused)."""
    proc = subprocess.Popen(["true"])
    proc.wait()
    return proc.pid


def test_a_running_writers_temporary_file_is_left_alone(
    tmp_path: Path, tnplan: Callable[..., Result]
) -> None:
    (tmp_path / "plan.yaml").write_text(base(), encoding="utf-8")
    alive = tmp_path / f".ke-hoach.md.tnplan-{os.getpid()}-xyz.tmp"  # this test is alive
    alive.write_bytes(b"in progress")
    dead = tmp_path / f".ke-hoach.md.tnplan-{_dead_pid()}-xyz.tmp"
    dead.write_bytes(b"left by kill -9")
    r = tnplan("render", "plan", "plan.yaml", "-o", "ke-hoach.md")
    assert r.code == 0, r.err
    assert alive.exists() and not dead.exists()
