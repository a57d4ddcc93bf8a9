"""Writing files the user asked for, so that nothing is lost or half-written.

Every file tnplan writes goes through :func:`write_atomic` (and :func:`write_outputs` for a
set of documents).  The rules, each tested in ``tests/hostile/``:

* an existing file is never replaced without ``force``;
* a plan file read during this run is never written over, even with ``force``: the check is
  by identity (device and inode), so a symlink, a hard link or ``plans/../plans/x.yaml``
  reaching the plan is refused like its own name;
* the data goes to a temporary file in the target's folder, is flushed and ``fsync``-ed, its
  size is checked, and only then is it renamed over the target: a full disk, a quota or a
  killed process leaves either the old file or the whole new one, never a part;
* a replaced file keeps its permissions (and, where allowed, its owner); a hard link is
  *replaced*, not written through: the other names of the old file keep the old content;
* a temporary file left by a killed run (``kill -9``) is removed by the next write into the
  same folder; it is named ``.<name>.tnplan-<pid>-<random>.tmp`` and removed only when that
  process is gone.
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from ..plan import load
from ..plan.problems import TnplanError

if TYPE_CHECKING:
    from .render import Output

SAFE_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*\Z")
"""The file names :func:`write_outputs` accepts (made from ids and slugs)."""

_LEFTOVER = re.compile(r"\.(?P<name>.+)\.tnplan-(?P<pid>\d+)-[^.]+\.tmp\Z")


def _t(lang: str, vi_text: str, en_text: str) -> str:
    return vi_text if lang == "vi" else en_text


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # it exists, owned by someone else
        return True
    return True


def clean_leftovers(folder: Path, name: str | None = None) -> list[Path]:
    """Remove temporary files that a killed tnplan left in ``folder`` (for ``name`` only,
    if given); return what was removed.  Files of a run still going are left alone."""
    removed: list[Path] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        m = _LEFTOVER.match(entry.name)
        if m is None or (name is not None and m["name"] != name):
            continue
        if _alive(int(m["pid"])):
            continue
        with contextlib.suppress(OSError):
            if entry.is_file(follow_symlinks=False):
                os.unlink(entry.path)
                removed.append(Path(entry.path))
    return removed


def refuse_odd_target(path: Path, lang: str) -> None:
    """A folder, or a FIFO or device (``/dev/null``), is never replaced by a document."""
    if path.is_dir():
        raise TnplanError(
            _t(lang, f"{path} là một thư mục", f"{path} is a folder"),
            hint=_t(lang, "chỉ tên tệp sau -o", "give a file name after -o"),
            exit_code=3,
        )
    if path.exists() and not path.is_file():
        raise TnplanError(
            _t(lang, f"{path} không phải tệp thường", f"{path} is not a regular file"),
            hint=_t(
                lang,
                "bỏ -o để in ra màn hình, hoặc chỉ tên một tệp",
                "leave out -o to print it, or name a file",
            ),
            exit_code=3,
        )


def refuse_plan_file(path: Path, lang: str) -> None:
    """Never write over a plan file read in this run, whatever name reaches it."""
    plan = load.read_as(path)
    if plan is None:
        return
    raise TnplanError(
        _t(
            lang,
            f"không ghi vào {path}: đó là tệp kế hoạch {plan} đang được đọc",
            f"will not write to {path}: it is the plan file {plan} being read",
        ),
        hint=_t(
            lang,
            "chọn tên tệp khác sau -o; --force cũng không ghi đè tệp kế hoạch",
            "choose another file name after -o; --force never overwrites a plan file",
        ),
        exit_code=3,
    )


def _cannot_write(path: Path, exc: OSError, lang: str) -> TnplanError:
    from ..plan.messages import os_reason

    reason = os_reason(exc, lang)
    return TnplanError(
        _t(lang, f"không ghi được {path}: {reason}", f"cannot write {path}: {reason}"),
        hint=_t(
            lang,
            "tệp cũ (nếu có) vẫn còn nguyên; giải phóng chỗ trống hoặc chọn nơi khác rồi chạy lại",
            "the old file (if any) is untouched; free some space or choose another place, "
            "then run again",
        )
        if exc.errno in (28, 122)  # ENOSPC, EDQUOT
        else "",
        exit_code=3,
    )


def _check_folder(folder: Path, lang: str) -> None:
    if folder.exists() and not folder.is_dir():  # -o through a regular file
        raise TnplanError(
            _t(lang, f"{folder} không phải thư mục", f"{folder} is not a folder"), exit_code=3
        )
    if not folder.is_dir():
        raise TnplanError(
            _t(lang, f"không có thư mục {folder}", f"no folder {folder}"),
            hint=_t(lang, "tạo thư mục trước", "create the folder first"),
            exit_code=3,
        )


def _write_all(fd: int, data: bytes) -> None:
    """Write every byte (``os.write`` may write fewer than asked), or raise."""
    view = memoryview(data)
    while view:
        n = os.write(fd, view)
        if n <= 0:  # pragma: no cover - os.write raises rather than return 0 for files
            raise OSError(28, os.strerror(28))
        view = view[n:]


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable; some file systems cannot, which is not an error."""
    try:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def write_atomic(
    path: Path, data: bytes, *, force: bool = False, lang: str = "vi", clean: bool = True
) -> None:
    """Write ``data`` to ``path`` whole or not at all (see the module's rules).

    ``clean=False`` is for :func:`write_outputs`, which has already removed a killed run's
    leftovers from the whole folder and makes the folder's entries durable once at the end.
    """
    refuse_odd_target(path, lang)
    refuse_plan_file(path, lang)
    if path.exists() and not force:
        raise TnplanError(
            _t(lang, f"tệp {path} đã có", f"{path} already exists"),
            hint=_t(lang, "thêm --force để ghi đè", "add --force to overwrite"),
            exit_code=3,
        )
    folder = path.parent
    _check_folder(folder, lang)
    if clean:
        clean_leftovers(folder, path.name)
    try:
        old = os.lstat(path)
    except OSError:
        old = None
    keep = old if old is not None and stat.S_ISREG(old.st_mode) else None
    tmp_name = ""
    try:
        fd, tmp_name = tempfile.mkstemp(
            dir=folder, prefix=f".{path.name}.tnplan-{os.getpid()}-", suffix=".tmp"
        )
        try:
            _write_all(fd, data)
            os.fsync(fd)
            if os.fstat(fd).st_size != len(data):  # never trust a write blindly
                raise OSError(28, os.strerror(28))
            if keep is not None:
                os.fchmod(fd, stat.S_IMODE(keep.st_mode) & 0o777)
                if (keep.st_uid, keep.st_gid) != (os.geteuid(), os.getegid()):
                    with contextlib.suppress(OSError):  # only root may give files away
                        os.fchown(fd, keep.st_uid, keep.st_gid)
            else:
                os.fchmod(fd, 0o666 & ~_umask())
        finally:
            os.close(fd)
        os.replace(tmp_name, path)
        tmp_name = ""
    except OSError as exc:
        raise _cannot_write(path, exc, lang) from None
    finally:
        if tmp_name:
            with contextlib.suppress(OSError):
                os.unlink(tmp_name)
    if clean:
        _sync_folder(folder)


def write_outputs(
    outputs: Sequence[Output],
    target: Path,
    *,
    folder: bool,
    force: bool = False,
    lang: str = "vi",
    on_written: Callable[[Path], None] | None = None,
) -> list[Path]:
    """Write the documents: into the folder ``target`` (created if needed) or to the file.

    Every file is checked before any is written, so a refusal leaves the folder as it was.
    ``on_written`` is told of each file as soon as it is complete, so that when a later one
    fails (a full disk) the caller can say which are whole.  A set cut short is completed by
    running the same command again with ``--force``.
    """
    if not folder:
        (only,) = outputs
        write_atomic(target, only.data, force=force, lang=lang)
        if on_written is not None:
            on_written(target)
        return [target]
    if target.exists() and not target.is_dir():
        raise TnplanError(
            _t(lang, f"{target} không phải thư mục", f"{target} is not a folder"),
            hint=_t(lang, "với --each, -o là một thư mục", "with --each, -o names a folder"),
            exit_code=3,
        )
    paths = []
    seen: dict[str, str] = {}
    for out in outputs:
        if not SAFE_NAME.match(out.name) or out.name.startswith(".."):
            raise TnplanError(f"unsafe file name {out.name!r}", exit_code=3)
        folded = out.name.casefold()
        if folded in seen:  # ids `An` and `an`: one file on Windows and macOS
            raise TnplanError(
                _t(
                    lang,
                    f"hai tệp {seen[folded]} và {out.name} chỉ khác nhau chữ hoa, chữ thường",
                    f"two files {seen[folded]} and {out.name} differ only in case",
                ),
                hint=_t(
                    lang,
                    "đặt mã khách mời khác nhau không chỉ ở chữ hoa, chữ thường",
                    "make the guest ids differ in more than case",
                ),
                exit_code=3,
            )
        seen[folded] = out.name
        path = target / out.name
        if path.resolve().parent != target.resolve():  # a symlink already in the folder
            raise TnplanError(
                _t(
                    lang,
                    f"{path} là liên kết tới chỗ khác; không ghi qua nó",
                    f"{path} links elsewhere; not writing through it",
                ),
                hint=_t(
                    lang,
                    "xóa liên kết hoặc chọn thư mục -o khác",
                    "remove the link or choose another -o folder",
                ),
                exit_code=3,
            )
        refuse_odd_target(path, lang)
        refuse_plan_file(path, lang)
        paths.append(path)
    existing = [p for p in paths if p.exists()]
    if existing and not force:
        shown = ", ".join(str(p) for p in existing[:3]) + (" …" if len(existing) > 3 else "")
        raise TnplanError(
            _t(lang, f"đã có tệp: {shown}", f"files already exist: {shown}"),
            hint=_t(lang, "thêm --force để ghi đè", "add --force to overwrite"),
            exit_code=3,
        )
    try:
        target.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        from ..plan.messages import os_reason

        raise TnplanError(
            _t(
                lang,
                f"không tạo được thư mục {target}: {os_reason(exc, lang)}",
                f"cannot create {target}: {os_reason(exc, lang)}",
            ),
            exit_code=3,
        ) from None
    clean_leftovers(target)
    try:
        for out, path in zip(outputs, paths, strict=True):
            write_atomic(path, out.data, force=force, lang=lang, clean=False)
            if on_written is not None:
                on_written(path)
    finally:  # the files written so far stay, durably, even when a later one fails
        _sync_folder(target)
    return paths
