"""Official documents written from the plan: the plan itself, invitations, scripts, reports.

A document is a Jinja2 template (``templates/<kind>.<format>.j2``) filled from the plan.
The environment is strict: an undefined name, a missing attribute *and an optional field left
empty in the plan* all raise, so a missing fact stops the render with the field's name and
the template line instead of leaving a blank (or ``None``) on paper.  Templates test
optional facts with ``is defined``.

Formats: ``md`` and ``html`` are the template's text; ``docx`` templates produce a short
block language that :mod:`tnplan.docx_writer` turns into a Word file with the layout of
Decree 30/2020 (A4, margins, Times New Roman, sizes, page numbers from page 2).

Templates are looked up file by file: ``--templates DIR`` first, then the plan's
``templates`` folder (relative to the plan file), then the built-in ones.

Writing is :mod:`tnplan.documents.files`: whole or nothing, never over an existing file
without ``force``, never over a plan file that was read.  With ``--each`` the file names come
from the invitees' ids, so a re-run after the list is reordered rewrites each person's own file.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..calendar import vi
from ..plan import model
from ..plan.problems import TnplanError
from .escape import ESCAPERS, PLAIN, Escaper
from .files import clean_leftovers as clean_leftovers
from .files import write_atomic as write_atomic  # the one safe writer (see files.py)
from .files import write_outputs as write_outputs

if TYPE_CHECKING:
    import jinja2

KINDS = ("plan", "invitation", "script", "report")
FORMATS = ("md", "html", "docx", "pdf")
TYPE_NAMES = {
    "KH": "Kế hoạch",
    "CTr": "Chương trình",
    "HD": "Hướng dẫn",
    "TB": "Thông báo",
    "QĐ": "Quyết định",
    "CV": "Công văn",
}
"""The name of a document type, as a citation writes it (``Kế hoạch số …``)."""
TYPE_CODES = {"invitation": "GM", "report": "BC", "script": "CTr"}
FILE_PREFIX = {
    "plan": "ke-hoach",
    "invitation": "giay-moi",
    "script": "kich-ban",
    "report": "bao-cao",
}
BLANK = "     "
"""What is left for the clerk where a number or a date is not issued yet (5 spaces)."""


# --- the result of a render ------------------------------------------------------------------


class Output:
    """One rendered document: a file name (no folder), its bytes and what is tentative in it.

    The bytes may be given as a function that makes them: with ``--each`` each document is
    rendered when it is written and then let go, so that memory stays the same for ten
    invitees or ten thousand.  ``data`` makes them again each time it is read.
    ``warnings`` is what the user should hear about the document (a date asked of guests
    already past).
    """

    __slots__ = ("_data", "name", "tentative", "warnings")

    def __init__(
        self,
        name: str,
        data: bytes | Callable[[], bytes],
        tentative: list[str] | None = None,
        warnings: list[str] | None = None,
    ) -> None:
        self.name = name
        self._data = data
        self.tentative = tentative if tentative is not None else []
        self.warnings = warnings if warnings is not None else []

    @property
    def data(self) -> bytes:
        data = self._data
        return data if isinstance(data, bytes) else data()

    def make(self) -> bytes:
        """:attr:`data`, as a function."""
        return self.data

    @property
    def text(self) -> str:
        return self.data.decode("utf-8")

    def __repr__(self) -> str:
        return f"Output({self.name!r}, tentative={self.tentative!r})"


def _t(lang: str, vi_text: str, en_text: str) -> str:
    return vi_text if lang == "vi" else en_text


# --- filters ---------------------------------------------------------------------------------


def _given(value: Any) -> Any:
    """``value``, or None when it is None or a Jinja2 undefined."""
    if value is None:
        return None
    import jinja2

    return None if isinstance(value, jinja2.Undefined) else value


def official_date(d: Any, year: int | None = None) -> str:
    """``ngày 08 tháng 5 năm 2026``; without a date, blanks for the clerk and the year."""
    day = _given(d)
    if day is not None:
        return vi.date_official(day)
    return f"ngày{BLANK}tháng{BLANK}năm {year if year else BLANK}"


def short_date(d: dt.date) -> str:
    """``12/5/2026``."""
    return vi.date_short(d)


def weekday(d: dt.date, capital: bool = False) -> str:
    """``thứ Ba`` (``Thứ Ba`` with ``capital=True``)."""
    return vi.weekday(d, capital)


def time_words(t: dt.time) -> str:
    """``08 giờ 30 phút``: the one time style of documents (:func:`tnplan.calendar.vi.time_vi`)."""
    return vi.time_vi(t)


def time_span(start: dt.time, end: Any = None) -> str:
    """``từ 08 giờ 00 phút đến 11 giờ 30 phút`` (``08 giờ 00 phút`` without an end)."""
    return vi.time_span(start, _given(end))


def money(amount: int) -> str:
    """``1.500.000 đồng``."""
    return vi.money(amount)


def number(n: int) -> str:
    """``1.500.000``."""
    return vi.number(n)


def docsymbol(num: Any, code: str | None = None, agency: str = "") -> str:
    """``05/KH-SKHCN`` (``     /KH-SKHCN`` while the number is not issued)."""
    given = _given(num)
    if given is None:
        shown = BLANK
    else:
        text = str(given).strip()
        shown = text.zfill(2) if text.isdigit() else text
    symbol = f"{code}-{agency}" if code else agency
    return f"{shown}/{symbol}"


def docnumber(num: Any, code: str | None = None, agency: str = "") -> str:
    """``Số: 05/KH-SKHCN``, or ``Số:      /KH-SKHCN`` while the number is not issued.

    Numbers below 10 take a leading zero.  A document without a type code (a công văn)
    reads ``Số: 123/SKHCN-VP``: pass the code as ``None`` and the full symbol as ``agency``.
    """
    return f"Số: {docsymbol(num, code, agency)}"


def quoted(text: str) -> str:
    """``“text”``, unless the text is already in quotes."""
    s = text.strip()
    if s[:1] in ("“", '"'):
        return s
    return f"“{s}”"


def lower_first(text: str) -> str:
    """The text with its first letter lowercased (``Tổ chức …`` → ``tổ chức …``)."""
    return text[:1].lower() + text[1:]


def upper_first(text: str) -> str:
    """The text with its first letter uppercased."""
    return text[:1].upper() + text[1:]


def sentence(text: str, end: str = ".") -> str:
    """The text ending with ``end`` unless it already ends with punctuation."""
    s = text.rstrip()
    return s if s[-1:] in ".;:!?" else s + end


def end_mark(text: str) -> str:
    """The last paragraph of a body, ending with ``./.`` (Decree 30)."""
    s = text.rstrip()
    if s.endswith("/."):
        return s
    return s.rstrip(".") + "./."


_ROMAN = (
    (1000, "M"),
    (900, "CM"),
    (500, "D"),
    (400, "CD"),
    (100, "C"),
    (90, "XC"),
    (50, "L"),
    (40, "XL"),
    (10, "X"),
    (9, "IX"),
    (5, "V"),
    (4, "IV"),
    (1, "I"),
)


def roman(n: int) -> str:
    """``4`` → ``IV``: the numbers of a document's sections."""
    out = []
    for value, letters in _ROMAN:
        while n >= value:
            out.append(letters)
            n -= value
    return "".join(out)


def basis_text(b: model.Basis) -> str:
    """``Thực hiện Công văn số 2712/BKHCN-VP ngày 29/4/2026 của Bộ … về việc …``.

    ``về việc`` stands only before a công văn's subject (its trích yếu reads "V/v …"), and not
    when the subject already starts with ``về``; other documents (Quyết định, Kế hoạch,
    Thông báo …) are followed by their subject as it is written.
    """
    parts = [f"{b.verb} {b.kind}"]
    if b.number:
        parts.append(f"số {b.number}")
    if b.date:
        parts.append(f"ngày {vi.date_short(b.date)}")
    if b.issuer:
        parts.append(f"của {b.issuer}")
    if b.subject:
        subject = b.subject.strip()
        head = vi.fold(subject)
        if vi.fold(b.kind) == "công văn" and not head.startswith(("về ", "v/v")):
            parts.append(f"về việc {subject}")
        else:
            parts.append(subject)
    return " ".join(parts)


def opening_text(bases: Sequence[model.Basis], intro: str | None) -> str:
    """The opening sentence: every basis its own clause, joined by ``;``, then the intro.

    Clauses after the first begin in lower case (``…; căn cứ …; thực hiện …``): one sentence
    has one capital.  The intro is kept as written: after ``,`` when it opens with a name
    (``…, Sở … ban hành Kế hoạch …``), after ``;`` when it is one more clause.
    """
    clauses = [basis_text(b) for b in bases]
    clauses = clauses[:1] + [lower_first(c) for c in clauses[1:]]
    text = "; ".join(clauses)
    if not intro:
        return text
    if not text:
        return intro
    # An intro that opens with a name (``Bộ … ban hành …``) is the sentence's main clause:
    # the bases before it end with a comma.  One that opens in lower case (``căn cứ chức
    # năng …``) is one more clause.
    return f"{text}, {intro}" if intro[:1].isupper() else f"{text}; {intro}"


AUTHORITIES_WITH_HEAD = ("KT.", "TL.", "TM.", "TUQ.")
"""Authorities signed for someone else: the line names the head (KT. GIÁM ĐỐC)."""


def signer_lines(s: model.Signer) -> list[str]:
    """The authority and title lines of a signature block, uppercase (Decree 30, Điều 8).

    ``KT. GIÁM ĐỐC`` / ``PHÓ GIÁM ĐỐC`` (and likewise TM., TL., TUQ.): two lines;
    ``Q. GIÁM ĐỐC`` (acting): one line; the head signing: the title alone. A signer for a
    collective body (``collective``) has ``TM. ỦY BAN NHÂN DÂN`` above those lines:
    ``TM. ỦY BAN NHÂN DÂN`` / ``KT. CHỦ TỊCH`` / ``PHÓ CHỦ TỊCH``.
    """
    lines = [f"TM. {s.collective}".upper()] if s.collective else []
    if s.authority == "Q.":
        lines.append(f"Q. {s.title}".upper())
    elif s.authority and s.on_behalf_of:
        lines += [f"{s.authority} {s.on_behalf_of}".upper(), s.title.upper()]
    else:
        lines.append(s.title.upper())
    return lines


def rule_for(text: str) -> str:
    """The short line under an agency's name in a text header (about a third of its width)."""
    return "─" * max(6, len(text) // 3)


def recipient_lines(items: Sequence[str], archive: str, esc: Escaper = PLAIN) -> list[str]:
    """``- X;`` for each recipient, then ``- Lưu: …`` ending with a full stop.

    With the escaper of a format, each line is markup of that format (the ``- `` is a list
    item, the names are escaped text).
    """
    lines: list[str] = [esc.markup("- {};", r.rstrip(";.").strip()) for r in items]
    lines.append(esc.markup("- Lưu: {}.", archive.rstrip(";.").strip()))
    return lines


def list_lines(items: Sequence[str], esc: Escaper = PLAIN) -> list[str]:
    """Addressee lines: ``- X;`` each, the last ending with ``.``."""
    names = [x.rstrip(";.").strip() for x in items]
    return [
        esc.markup("- {}." if i == len(names) - 1 else "- {};", name)
        for i, name in enumerate(names)
    ]


FILTERS: dict[str, Callable[..., Any]] = {
    "official_date": official_date,
    "short_date": short_date,
    "padded_date": vi.date_padded,
    "weekday": weekday,
    "time": time_words,
    "time_words": time_words,
    "time_span": time_span,
    "money": money,
    "number": number,
    "docnumber": docnumber,
    "docsymbol": docsymbol,
    "quoted": quoted,
    "lower_first": lower_first,
    "upper_first": upper_first,
    "sentence": sentence,
    "end_mark": end_mark,
    "roman": roman,
    "basis": basis_text,
    "signer_lines": signer_lines,
    "rule_for": rule_for,
    "recipient_lines": recipient_lines,
    "list_lines": list_lines,
}


# --- templates -------------------------------------------------------------------------------


def builtin_templates() -> Path:
    """The templates shipped with tnplan (``tnplan/data/templates``, or the repository's)."""
    from importlib.resources import files

    packaged = Path(str(files("tnplan").joinpath("data", "templates")))
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[3] / "templates"


def template_dirs(plan: model.Plan, override: Path | None, lang: str = "vi") -> list[Path]:
    """Where templates are looked up, first match wins, file by file."""
    dirs: list[Path] = []
    if override is not None:
        if not override.is_dir():
            raise TnplanError(
                _t(lang, f"không có thư mục mẫu {override}", f"no template folder {override}"),
                hint=_t(lang, "--templates chỉ tới một thư mục", "--templates names a folder"),
                exit_code=3,
            )
        dirs.append(override)
    if plan.templates:
        own = (Path(plan.source).parent / plan.templates) if plan.source else Path(plan.templates)
        if not own.is_dir():
            line, col = plan.where("templates")
            raise TnplanError(
                _t(
                    lang,
                    f"{plan.source}:{line}:{col}: không có thư mục mẫu {own} (trường `templates`)",
                    f"{plan.source}:{line}:{col}: no template folder {own} (field `templates`)",
                ),
                exit_code=3,
            )
        dirs.append(own)
    dirs.append(builtin_templates())
    return dirs


_ENV_CLASS: Any = None


def _env_class() -> Any:
    """A Jinja2 environment where an empty (None) field is undefined, hence an error."""
    global _ENV_CLASS
    if _ENV_CLASS is not None:
        return _ENV_CLASS
    import jinja2

    class Missing(jinja2.StrictUndefined):
        """Names the missing field as ``Class.field`` (or the bare name)."""

        @property
        def _undefined_message(self) -> str:
            if self._undefined_hint:
                return self._undefined_hint
            name = self._undefined_name
            obj = self._undefined_obj
            if obj is jinja2.utils.missing:
                return f"`{name}`"
            owner = type(obj).__name__
            return f"`{owner}.{name}`" if owner != "dict" else f"`{name}`"

    from jinja2.sandbox import SandboxedEnvironment

    # Sandboxed: a template folder named by a plan file cannot reach Python internals.
    class StrictEnvironment(SandboxedEnvironment):
        def getattr(self, obj: Any, attribute: str) -> Any:
            value = super().getattr(obj, attribute)
            if value is None:
                return self.undefined(obj=obj, name=attribute)
            return value

        def getitem(self, obj: Any, argument: Any) -> Any:
            value = super().getitem(obj, argument)
            if value is None:
                return self.undefined(obj=obj, name=argument)
            return value

    StrictEnvironment.missing_class = Missing  # type: ignore[attr-defined]
    _ENV_CLASS = StrictEnvironment
    return _ENV_CLASS


def escaper_for(name: str | None) -> Escaper:
    """How a template escapes what it prints, by its file name: ``*.md.j2`` Markdown,
    ``*.docx.j2`` Word's block language, ``*.html.j2`` HTML; anything else not at all."""
    stem = (name or "").removesuffix(".j2")
    return ESCAPERS.get(stem.rsplit(".", 1)[-1], PLAIN) if "." in stem else PLAIN


def environment(dirs: Sequence[Path]) -> jinja2.Environment:
    """The strict environment over ``dirs``: every value a template prints is escaped for
    the template's format (:mod:`tnplan.documents.escape`), so plan text stays text."""
    import jinja2

    cls = _env_class()

    @jinja2.pass_context
    def finalize(context: Any, value: Any) -> Any:
        if hasattr(value, "__html__"):  # markup already: a macro, a ``- X;`` line, ``| safe``
            return value
        return escaper_for(context.name)(value)

    @jinja2.pass_context
    def recipient_lines_filter(context: Any, items: Sequence[str], archive: str) -> list[str]:
        return recipient_lines(items, archive, escaper_for(context.name))

    @jinja2.pass_context
    def list_lines_filter(context: Any, items: Sequence[str]) -> list[str]:
        return list_lines(items, escaper_for(context.name))

    @jinja2.pass_context
    def with_bold_filter(context: Any, value: Any) -> Any:
        return escaper_for(context.name).with_bold(value)

    env: jinja2.Environment = cls(
        undefined=cls.missing_class,
        loader=_loader([str(d) for d in dirs]),
        autoescape=True,  # macros' output is markup, not escaped twice
        finalize=finalize,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        auto_reload=False,
    )
    env.filters.update(FILTERS)
    env.filters["recipient_lines"] = recipient_lines_filter
    env.filters["list_lines"] = list_lines_filter
    env.filters["with_bold"] = with_bold_filter
    return env


_LOADER_CLASS: Any = None


def _loader(searchpath: list[str]) -> Any:
    """A file system loader that says when a template's name is taken by something that is
    not a file (a folder ``plan.md.j2/``): Jinja2 would silently use the next folder's."""
    global _LOADER_CLASS
    if _LOADER_CLASS is None:
        import jinja2

        class Loader(jinja2.FileSystemLoader):
            def get_source(self, environment: Any, template: str) -> Any:
                for folder in self.searchpath:
                    path = Path(folder, *template.split("/"))
                    if path.exists() and not path.is_file():
                        raise TemplateNotAFile(str(path))
                    if path.is_file():
                        break
                return super().get_source(environment, template)

        _LOADER_CLASS = Loader
    return _LOADER_CLASS(searchpath, encoding="utf-8")


class TemplateNotAFile(Exception):
    """A folder or a device stands where a template file is looked for."""


def _template_line(exc: BaseException) -> tuple[str, int] | None:
    """The innermost template frame of a traceback: (file name, line)."""
    found: tuple[str, int] | None = None
    tb = exc.__traceback__
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if filename.endswith(".j2"):
            found = (Path(filename).name, tb.tb_lineno)
        tb = tb.tb_next
    return found


def render_template(
    env: jinja2.Environment, name: str, context: dict[str, Any], lang: str = "vi"
) -> str:
    """Render one template; every template problem becomes a :class:`TnplanError` (exit 3)."""
    import jinja2

    # A top-level None is undefined too, so that it fails (or is tested) like a field.
    context = {k: v for k, v in context.items() if v is not None}
    try:
        return env.get_template(name).render(context)
    except TemplateNotAFile as exc:
        what = Path(str(exc))
        kind = (
            _t(lang, "một thư mục", "a folder")
            if what.is_dir()
            else _t(lang, "không phải tệp thường", "not a regular file")
        )
        raise TnplanError(
            _t(
                lang,
                f"mẫu {what} là {kind}, không phải tệp mẫu: tnplan không dùng được",
                f"template {what} is {kind}, not a template file: tnplan cannot use it",
            ),
            hint=_t(
                lang,
                "xóa hoặc đổi tên nó, hoặc đặt tệp mẫu đúng tên ở đó",
                "remove or rename it, or put the template file there",
            ),
            exit_code=3,
        ) from None
    except jinja2.TemplateNotFound as exc:
        raise TnplanError(
            _t(lang, f"không tìm thấy mẫu `{exc.name}`", f"template `{exc.name}` not found"),
            hint=_t(
                lang,
                "kiểm tra --templates và thư mục templates/",
                "check --templates and the templates/ folder",
            ),
            exit_code=3,
        ) from None
    except jinja2.TemplateSyntaxError as exc:
        from .template_errors import syntax_message

        where = Path(exc.filename or exc.name or name).name
        said = syntax_message(exc.message or "", lang)
        raise TnplanError(
            _t(
                lang,
                f"mẫu {where}, dòng {exc.lineno}: lỗi cú pháp: {said}",
                f"template {where}, line {exc.lineno}: syntax error: {said}",
            ),
            exit_code=3,
        ) from None
    except jinja2.UndefinedError as exc:
        at = _template_line(exc)
        where = (
            _t(lang, f"mẫu {at[0]}, dòng {at[1]}", f"template {at[0]}, line {at[1]}")
            if at
            else _t(lang, f"mẫu {name}", f"template {name}")
        )
        raise TnplanError(
            _t(lang, f"{where}: thiếu dữ liệu {exc.message}", f"{where}: missing {exc.message}"),
            hint=_t(
                lang,
                "bổ sung trường này vào kế hoạch, hoặc trong mẫu dùng `{% if … is defined %}`",
                "add the field to the plan, or guard it with `{% if … is defined %}`",
            ),
            exit_code=3,
        ) from None
    except UnicodeDecodeError as exc:
        if _template_line(exc) is not None:  # raised by the template's code, not by reading it
            from .template_errors import runtime_message

            said = runtime_message(exc, lang)
            raise TnplanError(f"{_where(exc, name, lang)}: {said}", exit_code=3) from None
        where, byte = _loading(exc) or name, f"0x{exc.object[exc.start]:02x}"
        raise TnplanError(
            _t(
                lang,
                f"mẫu {where} không phải UTF-8 (byte {byte})",
                f"template {where} is not UTF-8 (byte {byte})",
            ),
            hint=_t(lang, "lưu lại tệp với mã hóa UTF-8", "save the file as UTF-8"),
            exit_code=3,
        ) from None
    except RecursionError as exc:  # {% include %} of itself, a macro calling itself
        raise TnplanError(
            _t(
                lang,
                f"{_where(exc, name, lang)}: mẫu gọi lại chính nó không dừng",
                f"{_where(exc, name, lang)}: the template calls itself without end",
            ),
            hint=_t(lang, "xem lại {% include %} và macro", "check {% include %} and macros"),
            exit_code=3,
        ) from None
    except Exception as exc:  # what the template's own code raised: 1 / 0, a bad filter value …
        from .template_errors import runtime_message

        at = _template_line(exc)
        if at is None and not isinstance(exc, jinja2.TemplateError):
            raise  # not the template's doing: a bug in tnplan
        said = runtime_message(exc, lang)
        raise TnplanError(f"{_where(exc, name, lang)}: {said}", exit_code=3) from None


def _where(exc: BaseException, name: str, lang: str) -> str:
    """``mẫu plan.md.j2, dòng 3``: the innermost template line of ``exc``, else the name."""
    at = _template_line(exc)
    if at is None:
        return _t(lang, f"mẫu {name}", f"template {name}")
    return _t(lang, f"mẫu {at[0]}, dòng {at[1]}", f"template {at[0]}, line {at[1]}")


def _loading(exc: BaseException) -> str | None:
    """The template file a loader was reading when ``exc`` was raised (its ``filename``)."""
    found = None
    tb = exc.__traceback__
    while tb is not None:
        filename = tb.tb_frame.f_locals.get("filename")
        if isinstance(filename, str) and filename.endswith(".j2"):
            found = filename
        tb = tb.tb_next
    return found


# --- names of people and units ---------------------------------------------------------------


def guest_text(g: model.Guest) -> str:
    """``Ông Trần Văn Đức – Phó Chủ tịch – UBND tỉnh Thái Nguyên``."""
    head = f"{g.salutation} {g.name}" if g.salutation else g.name
    return " – ".join([head, *(x for x in (g.title, g.organisation) if x)])


def unit_invitee_text(u: model.Unit) -> str:
    """An invited unit: ``Đại diện lãnh đạo các sở, ban, ngành của tỉnh``."""
    name = u.name
    if name.startswith("Các "):
        name = "các " + name[4:]
    return f"Đại diện lãnh đạo {name}"


@dataclass
class Invitee:
    """One addressee of an invitation."""

    id: str
    text: str
    salutation: str
    tentative: bool
    superior: bool = False
    """A leader above the issuing agency (``superior: true``): a more formal closing."""
    role: str = ""
    """What the programme has them do (``phát biểu chỉ đạo``), said in the invitation."""


def expand_invitees(
    plan: model.Plan, ids: Iterable[str], *, members: bool = False
) -> list[Invitee]:
    """Invitees with groups of guests expanded, order kept, no repeats.

    A unit is invited as a whole; a group of units (a unit with ``members``, such as "Các sở,
    ban, ngành") too, unless ``members``: then each member unit is an invitee of its own (one
    invitation each with ``--each``).
    """
    out: list[Invitee] = []
    seen: set[str] = set()
    groups = {g.id: g for g in plan.groups}
    stack: list[Iterator[str]] = [iter(ids)]  # a stack, not recursion: deep nesting is fine
    while stack:
        iid = next(stack[-1], None)
        if iid is None:
            stack.pop()
            continue
        if iid in seen:
            continue
        seen.add(iid)
        group = groups.get(iid)
        if group is not None:
            stack.append(iter(group.members))
            continue
        guest = plan.guest(iid)
        if guest is not None:
            out.append(
                Invitee(
                    iid,
                    guest_text(guest),
                    guest.salutation or "Quý đại biểu",
                    guest.tentative,
                    guest.superior,
                )
            )
            continue
        unit = plan.unit(iid)
        if unit is not None and members and unit.members:
            stack.append(iter(unit.members))
            continue
        if unit is not None:
            out.append(Invitee(iid, unit_invitee_text(unit), "Quý đại biểu", False))
    return out


def who_text(plan: model.Plan, by: str | None) -> str:
    """Who performs a programme slot: a unit's or guest's name, or the text as written."""
    if not by:
        return ""
    party = plan.party(by)
    if isinstance(party, model.Guest):
        head = f"{party.salutation} {party.name}" if party.salutation else party.name
        return ", ".join([head, *(x for x in (party.title, party.organisation) if x)])
    return by if party is None else party.name


def event_name(a: model.Activity) -> str:
    """The event as an invitation names it: its own name, or the title without ``Tổ chức``."""
    if a.event is not None and a.event.name:
        return a.event.name
    title = a.title
    if title.startswith("Tổ chức "):
        title = upper_first(title[len("Tổ chức ") :])
    return title


def _hours_words(start: dt.time | None, end: dt.time | None) -> str:
    return "" if start is None else vi.time_span(start, end)


def _day_words(d: dt.date) -> str:
    return f"{vi.weekday(d, False)}, ngày {vi.date_short(d)}"


def event_when(ev: model.Event) -> str:
    """When an event is held, as an invitation says it after ``Thời gian:``.

    One day: ``từ 08 giờ 00 phút đến 11 giờ 30 phút, thứ Năm, ngày 14/5/2026``; a range of
    days: ``từ 08 giờ 00 phút đến 17 giờ 00 phút hằng ngày, từ thứ Ba, ngày 12/5/2026 đến thứ
    Năm, ngày 14/5/2026``; dated sessions: each one, with its own venue when it differs.
    """
    if ev.sessions:
        parts = []
        for day in model.event_days(ev):
            start, end, venue = model.day_hours(ev, day)
            name = next((s.name for s in ev.sessions if s.date == day and s.name), None)
            text = ", ".join(x for x in (_hours_words(start, end), _day_words(day)) if x)
            extra = [x for x in (name, venue if venue != ev.venue else None) if x]
            parts.append(text + (f" ({'; '.join(extra)})" if extra else ""))
        return "; ".join(parts)
    days = model.event_days(ev)
    hours = _hours_words(ev.start, ev.end)
    if len(days) == 1:
        return ", ".join(x for x in (hours, _day_words(ev.date)) if x)
    span = f"từ {_day_words(days[0])} đến {_day_words(days[-1])}"
    return f"{hours} hằng ngày, {span}" if hours else span


def _span(start: dt.time | None, end: dt.time | None) -> str:
    return "" if start is None else vi.time_span(start, end)


# --- what each document uses that is still tentative -----------------------------------------


def _event_facts(a: model.Activity) -> list[str]:
    out: list[str] = []
    ev = a.event
    if ev is not None and ev.tentative:
        days = model.event_days(ev)
        bits = [f"{vi.weekday(ev.date, False)}, {vi.date_short(ev.date)}"]
        if len(days) > 1:
            bits[0] += f" – {vi.weekday(days[-1], False)}, {vi.date_short(days[-1])}"
        if ev.start:
            bits.append(_span(ev.start, ev.end))
        if ev.venue:
            bits.append(ev.venue)
        out.append(f"Ngày, giờ, địa điểm {event_name(a)}: {', '.join(bits)}")
    if a.tentative:
        out.append(f"Thời gian, đơn vị thực hiện hoạt động {a.number or a.id}. {a.title}")
    return out


def tentative_plan(plan: model.Plan) -> list[str]:
    """What makes the kế hoạch a draft: a legal basis without its number or date (as ``tnplan
    new`` leaves them), since a basis is cited by both.  (Its activity facts print only what
    is decided, so nothing tentative reaches it otherwise.)"""
    return [
        f"Căn cứ chưa có số, ngày ban hành: {basis_text(b)}"
        for b in plan.document.basis
        if not b.number or b.date is None
    ]


def tentative_invitation(
    plan: model.Plan, a: model.Activity, invitees: Sequence[Invitee]
) -> list[str]:
    out = _event_facts(a)
    out.extend(f"Khách mời: {i.text}" for i in invitees if i.tentative)
    contact = _contact(plan, a)
    if contact is not None and contact.tentative:
        out.append(f"Người liên hệ, số điện thoại: {contact.person}, {contact.phone}")
    return out


def tentative_script(plan: model.Plan, a: model.Activity) -> list[str]:
    out = _event_facts(a)
    if a.programme_tentative:
        out.append(f"Chương trình (kịch bản) {event_name(a)}")
    seen: set[str] = set()
    for slot in a.programme:
        guest = plan.guest(slot.by) if slot.by else None
        if guest is not None and guest.tentative and guest.id not in seen:
            seen.add(guest.id)
            out.append(f"Người thực hiện: {guest_text(guest)}")
    return out


# --- contexts --------------------------------------------------------------------------------


def _deadline_sentence(plan: model.Plan, ref: model.DeadlineRef) -> str:
    d = plan.deadline(ref.deadline)
    if d is None:  # the checker reports unknown deadlines; a valid plan never gets here
        raise TnplanError(f"unknown deadline `{ref.deadline}`", exit_code=1)
    text = d.text or f"{d.title} trước ngày {{due}}."
    return text.replace("{due}", vi.date_short(d.due))


def _paragraphs(plan: model.Plan, items: Sequence[str | model.DeadlineRef]) -> list[str]:
    return [_deadline_sentence(plan, x) if isinstance(x, model.DeadlineRef) else x for x in items]


def _unit_names(plan: model.Plan, ids: Sequence[str]) -> str:
    names = []
    for i, uid in enumerate(ids):
        unit = plan.unit(uid)
        name = unit.name if unit else uid
        names.append(name if i == 0 else lower_first(name) if name.startswith("Phòng") else name)
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " và " + names[-1]


def _archive(plan: model.Plan) -> str:
    """``VT, VP``: the archive line of a document other than the plan."""
    uid = plan.document.drafting_unit
    unit = plan.unit(uid) if uid else None
    if unit is None:
        return "VT"
    return f"VT, {unit.short or unit.id.upper()}"


def _base(plan: model.Plan) -> dict[str, Any]:
    return {
        "plan": plan,
        "doc": plan.document,
        "signer": plan.document.signer,
        "nation": "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "motto": "Độc lập - Tự do - Hạnh phúc",
    }


def _mentions(text: str, name: str) -> bool:
    return vi.fold(name) in text


def activity_facts(plan: model.Plan, a: model.Activity) -> list[str]:
    """What the kế hoạch adds under an activity: when, where, who leads, who supports.

    Only what the plan records as decided (nothing ``tentative``) and what the activity's own
    title and bullets do not already say, as Vietnamese plans write it:
    ``Thời gian: …``, ``Địa điểm: …``, ``Đơn vị chủ trì: …``, ``Đơn vị phối hợp: …``.
    """
    said = vi.fold(" ".join([a.title, *a.bullets]))
    out: list[str] = []
    ev = a.event
    if not a.tentative:
        if ev is not None and not ev.tentative:
            days = model.event_days(ev)
            if not any(_mentions(said, vi.date_short(d)) or _mentions(said, f"{d.day}/{d.month}")
                       for d in days):  # fmt: skip
                out.append(f"Thời gian: {event_when(ev)}.")
            if ev.venue and not _mentions(said, ev.venue):
                out.append(f"Địa điểm: {ev.venue}.")
        elif a.start or a.end:
            start, end = plan.activity_window(a)
            if not _mentions(said, vi.date_short(start)) and not _mentions(
                said, f"{start.day}/{start.month}"
            ):
                when = (
                    f"ngày {vi.date_short(start)}"
                    if start == end
                    else f"từ ngày {vi.date_short(start)} đến ngày {vi.date_short(end)}"
                )
                out.append(f"Thời gian: {when}.")
        lead = plan.unit(a.lead) if a.lead else None
        if lead is not None and not _mentions(said, lead.name):
            out.append(f"Đơn vị chủ trì: {lead.name}.")
        supporting = [
            uid
            for uid in a.support
            if (u := plan.unit(uid)) is not None and not _mentions(said, u.name)
        ]
        if supporting:
            out.append(f"Đơn vị phối hợp: {_unit_names(plan, supporting)}.")
    return out


def plan_context(plan: model.Plan, esc: Escaper = PLAIN) -> dict[str, Any]:
    doc = plan.document
    responsibilities = [
        {"heading": r.heading or _unit_names(plan, r.units), "duties": r.duties}
        for r in plan.responsibilities
    ]
    notes = [
        n.replace("{start}", vi.date_short(plan.period.start)).replace(
            "{end}", vi.date_short(plan.period.end)
        )
        for n in plan.period.notes
    ]
    opening = opening_text(doc.basis, doc.intro)
    return {
        **_base(plan),
        "kind": "plan",
        "honours": {a.id: honour_lines(a.honourees) for a in plan.activities if a.honourees},
        "activity_facts": {a.id: activity_facts(plan, a) for a in plan.activities},
        "draft": tentative_plan(plan),
        "year": (doc.date or plan.period.start).year,
        "opening": opening,
        "period_notes": notes,
        "responsibilities": responsibilities,
        "footer": _paragraphs(plan, plan.responsibilities_footer),
        "reporting": _paragraphs(plan, plan.reporting),
        "recipients": recipient_lines(doc.recipients, doc.archive, esc),
    }


def _activity(plan: model.Plan, activity_id: str, lang: str) -> model.Activity:
    a = plan.activity(activity_id)
    if a is None:
        from ..plan.messages import Reporter

        known = {x.id: x.title for x in plan.activities}
        raise TnplanError(
            _t(
                lang,
                f"không có hoạt động `{activity_id}` trong kế hoạch",
                f"no activity `{activity_id}` in the plan",
            ),
            hint=Reporter("", lang).suggest_id(activity_id, known, "activity"),
            exit_code=2,
        )
    return a


def _missing(lang: str, what: str, a: model.Activity, facts: list[tuple[str, str]]) -> TnplanError:
    listed = "; ".join(f"{label} (`{path}`)" for label, path in facts)
    return TnplanError(
        _t(
            lang,
            f"không soạn được {what} cho hoạt động `{a.id}`: thiếu {listed}",
            f"cannot write the {what} for activity `{a.id}`: missing {listed}",
        ),
        hint=_t(lang, "bổ sung vào tệp kế hoạch rồi chạy lại", "add them to the plan and rerun"),
        exit_code=1,
    )


def invitation_facts(plan: model.Plan, a: model.Activity) -> list[tuple[str, str]]:
    """Every fact an invitation needs that the plan lacks: (Vietnamese label, field path)."""
    base = f"activities[{a.id}].event"
    ev = a.event
    if ev is None:
        return [("sự kiện: ngày, giờ, địa điểm, khách mời", base)]
    missing: list[tuple[str, str]] = []
    if ev.start is None:
        missing.append(("giờ bắt đầu", f"{base}.start"))
    if not ev.venue:
        missing.append(("địa điểm", f"{base}.venue"))
    if not ev.chair:
        missing.append(("người chủ trì", f"{base}.chair"))
    if not expand_invitees(plan, ev.invitees):
        missing.append(("khách mời", f"{base}.invitees"))
    contact = _contact(plan, a)
    if contact is None or not contact.person:
        missing.append(("người liên hệ", f"{base}.contact.person"))
    if contact is None or not contact.phone:
        missing.append(("số điện thoại liên hệ", f"{base}.contact.phone"))
    return missing


def _contact(plan: model.Plan, a: model.Activity) -> model.Contact | None:
    if a.event is not None and a.event.contact is not None:
        return a.event.contact
    lead = plan.unit(a.lead) if a.lead else None
    return lead.contact if lead is not None else None


def speaking_roles(a: model.Activity) -> dict[str, str]:
    """What each invitee does in the programme, as an invitation says it: the items of the
    slots they perform (``by``), in lower case (``phát biểu chỉ đạo``)."""
    roles: dict[str, list[str]] = {}
    for slot in a.programme:
        if slot.by:
            item = lower_first(slot.item.strip().rstrip("."))
            if item and item not in roles.setdefault(slot.by, []):
                roles[slot.by].append(item)
    return {k: " và ".join(v) for k, v in roles.items()}


def invitation_closing(invitees: Sequence[Invitee]) -> str:
    """The last sentence of an invitation (without ``./.``), by protocol.

    A leader above the issuing agency is asked to give their time, not to be on time
    (``Rất mong Đồng chí quan tâm, dành thời gian đến dự và phát biểu chỉ đạo``); one who
    speaks in the programme is asked for it; everyone else to come on time.
    """
    if len(invitees) == 1:
        who = invitees[0]
        also = f" và {who.role}" if who.role else ""
        if who.superior:
            return f"Rất mong {who.salutation} quan tâm, dành thời gian đến dự{also}"
        return f"Rất mong {who.salutation} đến dự{also or ' đúng giờ'}"
    if any(i.superior for i in invitees):
        return "Rất mong các đồng chí lãnh đạo, Quý đại biểu quan tâm, dành thời gian đến dự"
    return "Rất mong Quý đại biểu đến dự đúng giờ"


def invitation_context(
    plan: model.Plan, a: model.Activity, invitees: Sequence[Invitee], esc: Escaper = PLAIN
) -> dict[str, Any]:
    ev = a.event
    assert ev is not None
    roles = speaking_roles(a)
    invitees = [dataclasses.replace(i, role=roles.get(i.id, "")) for i in invitees]
    single = len(invitees) == 1
    return {
        **_base(plan),
        "kind": "invitation",
        "activity": a,
        "event": ev,
        "event_name": event_name(a),
        "event_when": event_when(ev),
        "honours": honour_lines(a.honourees),
        "invitees": invitees,
        "salutation": invitees[0].salutation if single else "Quý đại biểu",
        "closing_line": invitation_closing(invitees),
        "contact": _contact(plan, a),
        "draft": tentative_invitation(plan, a, invitees),
        "year": (ev.invitation_date or ev.date).year,
        "type_code": TYPE_CODES["invitation"],
        "recipients": [
            esc.markup("- Như trên;" if single else "- Như thành phần mời;"),
            esc.markup("- Lưu: {}.", _archive(plan)),
        ],
    }


@dataclass
class ScriptRow:
    start: dt.time
    end: dt.time
    minutes: int
    item: str
    who: str
    mc: str
    day: dt.date | None = None
    new_day: bool = False
    """The first row of its day (a programme over several days shows a day heading there)."""
    delegates: list[str] = field(default_factory=list)
    """Where the MC introduces the delegates: each one, from the invitee list (a name to be
    written in shows as :data:`NAME_TO_FILL`)."""
    closing: bool = False
    """The MC's closing words, at the end of the programme (no duration)."""


def _minutes(a: dt.time, b: dt.time) -> int:
    return (b.hour * 60 + b.minute) - (a.hour * 60 + a.minute)


def script_context(plan: model.Plan, a: model.Activity, lang: str = "vi") -> dict[str, Any]:
    ev = a.event
    base = f"activities[{a.id}]"
    facts: list[tuple[str, str]] = []
    if ev is None:
        facts.append(("sự kiện: ngày, giờ, địa điểm", f"{base}.event"))
    else:
        if ev.start is None:
            facts.append(("giờ bắt đầu", f"{base}.event.start"))
        if not ev.venue:
            facts.append(("địa điểm", f"{base}.event.venue"))
    if not a.programme:
        facts.append(("chương trình", f"{base}.programme"))
    if facts:
        raise _missing(lang, _t(lang, "kịch bản", "script"), a, facts)
    assert ev is not None and ev.start is not None
    times = model.slot_schedule(ev, a.programme)
    unknown = [
        (f"giờ hoặc thời lượng của mục “{s.item}”", f"{base}.programme[{i}].minutes")
        for i, (s, t) in enumerate(zip(a.programme, times, strict=True))
        if t is None
    ]
    if unknown:
        raise _missing(lang, _t(lang, "kịch bản", "script"), a, unknown[:1])
    rows = []
    prev_day: dt.date | None = None
    delegates, unnamed = delegate_lines(plan, a)
    for slot, span in zip(a.programme, times, strict=True):
        assert span is not None
        day, start, end = span
        rows.append(
            ScriptRow(
                start, end, _minutes(start, end), slot.item, who_text(plan, slot.by),
                slot.mc or "", day, day != prev_day,
                delegates if introduces(slot) else [],
            )
        )  # fmt: skip
        prev_day = day
    first, last = rows[0].start, rows[-1].end
    several = len({r.day for r in rows}) > 1
    closes = model.day_hours(ev, rows[-1].day or ev.date)[1]
    if closes is not None and last > closes:
        line, col = a.where("programme")
        raise TnplanError(
            _t(
                lang,
                f"{plan.source}:{line}:{col}: chương trình kết thúc lúc {vi.time_hm(last)}, "
                f"sau giờ kết thúc sự kiện {vi.time_hm(closes)}",
                f"{plan.source}:{line}:{col}: the programme ends at {vi.time_hm(last)}, "
                f"after the event ends at {vi.time_hm(closes)}",
            ),
            hint=_t(lang, "rút ngắn thời lượng các mục", "shorten the slots"),
            exit_code=1,
        )
    total = sum(r.minutes for r in rows) if several else _minutes(first, last)
    slack = _minutes(last, closes) if closes is not None and not several else None
    name = event_name(a)
    rows.append(
        ScriptRow(
            last, last, 0, "Kết thúc chương trình", "Người dẫn chương trình",
            a.mc_closing or mc_closing(name), rows[-1].day, False, closing=True,
        )
    )  # fmt: skip
    draft = tentative_script(plan, a)
    draft.extend(f"Họ tên đại biểu để giới thiệu: {text}" for text in unnamed)
    return {
        **_base(plan),
        "kind": "script",
        "activity": a,
        "event": ev,
        "event_name": event_name(a),
        "rows": rows,
        "several_days": several,
        "event_when": event_when(ev),
        "first": first,
        "last": last,
        "total": total,
        "total_text": _duration(total),
        "slack": slack,
        "slack_text": _duration(slack) if slack else "",
        "draft": draft,
        "year": ev.date.year,
    }


_INTRODUCE = ("giới thiệu đại biểu", "giới thiệu thành phần")
NAME_TO_FILL = "………………"
"""Where the script leaves a delegate's name for the office to write in."""


def introduces(slot: model.Slot) -> bool:
    """Whether the MC introduces the delegates in this slot."""
    return slot.introduce or any(words in vi.fold(slot.item) for words in _INTRODUCE)


def name_unknown(guest: model.Guest) -> bool:
    """Whether a guest is invited by post, their name not known yet: a person (with a
    salutation) still tentative and with no ``title`` beside the name, which then is the post
    (``name: Lãnh đạo UBND tỉnh``), as docs/plan-format.md asks of tentative guests."""
    return bool(guest.salutation) and guest.tentative and not guest.title


def delegate_lines(plan: model.Plan, a: model.Activity) -> tuple[list[str], list[str]]:
    """The MC's introduction of the delegates, one line per invitee, and the invitees whose
    names the office must still write in (their line has :data:`NAME_TO_FILL`)."""
    ev = a.event
    if ev is None:
        return [], []
    lines: list[str] = []
    unnamed: list[str] = []
    for inv in expand_invitees(plan, ev.invitees):
        guest = plan.guest(inv.id)
        if guest is None:  # a unit: its leaders' representative
            lines.append(inv.text)
            continue
        tail = [x for x in (guest.title, guest.organisation) if x]
        if name_unknown(guest):  # a post, not a name: the name is written in by hand
            lines.append(", ".join([f"{guest.salutation} {NAME_TO_FILL}", guest.name, *tail]))
            unnamed.append(guest_text(guest))
        elif guest.salutation:
            lines.append(", ".join([f"{guest.salutation} {guest.name}", *tail]))
        elif vi.fold(guest.name).startswith(("đại diện", "các ", "lãnh đạo")):
            lines.append(", ".join([guest.name, *tail]))
        else:
            lines.append(", ".join([f"Đại diện {guest.name}", *tail]))
    if ev.chair:
        lines.append(f"{ev.chair} (chủ trì)")
    return lines, unnamed


def mc_closing(name: str) -> str:
    """The MC's closing words when the plan gives none (``mc_closing``)."""
    return (
        f"{upper_first(name)} đến đây là kết thúc. Thay mặt Ban Tổ chức, xin trân trọng cảm ơn "
        "các đồng chí lãnh đạo, quý vị đại biểu đã dành thời gian đến dự. Kính chúc các đồng "
        "chí lãnh đạo, quý vị đại biểu sức khỏe, hạnh phúc và thành công!"
    )


def _duration(minutes: int) -> str:
    hours, rest = divmod(minutes, 60)
    if hours and rest:
        return f"{hours} giờ {rest} phút"
    return f"{hours} giờ" if hours else f"{rest} phút"


@dataclass
class HonourLine:
    """One honouree as a document lists it."""

    name: str
    kind: str
    """``tập thể`` or ``cá nhân``."""
    unit: str | None
    achievement: str | None
    form: str
    granted_by: str | None
    approved: bool
    decision: str | None
    """``Quyết định số 1234/QĐ-UBND ngày 10/5/2026`` once approved."""
    text: str
    """The whole line: ``Bằng khen của Chủ tịch UBND tỉnh: Ông … (Phòng …) — thành tích``."""


def honour_lines(hs: Sequence[model.Honouree], as_of: dt.date | None = None) -> list[HonourLine]:
    """Honourees as documents list them; approved only once decided on or before ``as_of``."""
    out = []
    for h in hs:
        approved = h.status == "approved" and h.decision_date is not None
        if approved and as_of is not None and h.decision_date and h.decision_date > as_of:
            approved = False
        decision = None
        if approved and h.decision_number and h.decision_date:
            decision = f"Quyết định số {h.decision_number} ngày {vi.date_short(h.decision_date)}"
        kind = "tập thể" if h.kind == "collective" else "cá nhân"
        head = h.form + (f" của {h.granted_by}" if h.granted_by else "")
        who = h.name + (f" ({h.unit})" if h.unit else "")
        text = f"{head}: {who}"
        if h.achievement:
            text += f" — {lower_first(h.achievement)}"
        text += f" ({decision})" if decision else " (đề nghị)"
        out.append(
            HonourLine(
                h.name, kind, h.unit, h.achievement, h.form, h.granted_by, approved, decision, text
            )
        )
    return out


@dataclass
class ActivityResult:
    """An activity as the report tells it."""

    number: str
    title: str
    state: str  # done, in_progress, not_started, not_reported, postponed, cancelled
    done_on: dt.date | None
    held_on: dt.date | None
    participants: int | None
    outputs: list[str]
    notes: str | None
    reason: str | None
    lead: str | None
    has_event: bool
    has_result: bool
    honours: list[HonourLine] = field(default_factory=list)
    """Honourees of the activity as of the report's date (approved once decided)."""


@dataclass
class ReportLine:
    """One unit owing a report: when it was received, if it was (as of the report date)."""

    name: str
    on: dt.date | None
    late: bool


STATUS_WORDS = {
    "done": "Đã thực hiện",
    "in_progress": "Đang thực hiện",
    "planned": "Chưa thực hiện",
    "postponed": "Tạm hoãn",
    "cancelled": "Không thực hiện",
}


def _flat(text: str) -> str:
    """Text on one line (a unit's cell may hold line breaks; a table cell cannot)."""
    return " ".join(text.split())


@dataclass
class UnitRow:
    """One line of a unit's results table."""

    number: str
    title: str
    done: str
    participants: int | None
    result: str
    spent: int | None


@dataclass
class UnitReport:
    """What one unit reported for a deadline (its results file), as the report tells it."""

    unit: str
    name: str
    on: dt.date
    revised: dt.date | None
    rows: list[UnitRow]
    difficulties: list[str]
    proposals: list[str]
    done: int
    participants: int
    spent: int


def _unit_reports(
    plan: model.Plan, d: model.Deadline, reports: Sequence[model.UnitResults]
) -> list[UnitReport]:
    """The units' results for ``d`` received by the report date, in the order owners are named."""
    from ..plan.check import expand_units
    from ..plan.results import task_keys

    by_unit = {r.unit: r for r in reports if r.deadline == d.id}
    out = []
    for uid in expand_units(plan, d.owners):
        res = by_unit.get(uid)
        if res is None:
            continue
        unit = plan.unit(uid)
        rows = []
        for row in res.rows:
            a = plan.activity(row.activity)
            if a is None:
                continue
            number = str(a.number) if a.number is not None else ""
            title = a.title
            if row.task is not None:
                keys = list(task_keys(a))
                task = task_keys(a).get(row.task)
                title = task.title if task is not None else row.task
                sub = keys.index(row.task) + 1 if row.task in keys else 0
                number = f"{number}.{sub}" if number else str(sub)
            done = STATUS_WORDS[row.status] if row.status else "Chưa ghi trạng thái"
            if row.held_on is not None:
                done += f", {vi.date_short(row.held_on)}"
            result = "; ".join(_flat(o) for o in row.outputs)
            if row.notes:
                result = f"{result}. {_flat(row.notes)}" if result else _flat(row.notes)
            rows.append(UnitRow(number, _flat(title), done, row.participants, result, row.spent))
        out.append(
            UnitReport(
                unit=uid,
                name=unit.name if unit else uid,
                on=res.date,
                revised=res.revised,
                rows=rows,
                difficulties=[_flat(x) for x in res.difficulties],
                proposals=[_flat(x) for x in res.proposals],
                done=sum(1 for r in res.rows if r.status == "done"),
                participants=sum(r.participants or 0 for r in res.rows),
                spent=sum(r.spent or 0 for r in res.rows),
            )
        )
    return out


def _lead_rows(
    plan: model.Plan, reports: Sequence[model.UnitResults]
) -> dict[str, model.ResultRow]:
    """For each activity, the row its lead unit reported about it (the first one received)."""
    from ..plan.check import expand_units

    found: dict[str, model.ResultRow] = {}
    for res in sorted(reports, key=lambda r: r.date):
        for row in res.rows:
            a = plan.activity(row.activity)
            lead = a.lead if a is not None and row.task is None else None
            if lead and res.unit in expand_units(plan, [lead]):
                found.setdefault(row.activity, row)
    return found


def _report_deadline(plan: model.Plan, wanted: str | None, lang: str) -> model.Deadline | None:
    if wanted is not None:
        d = plan.deadline(wanted)
        if d is None:
            from ..plan.messages import Reporter

            known = {x.id: x.title for x in plan.deadlines}
            raise TnplanError(
                _t(lang, f"không có hạn báo cáo `{wanted}`", f"no deadline `{wanted}`"),
                hint=Reporter("", lang).suggest_id(wanted, known, "deadline"),
                exit_code=2,
            )
        return d

    def upward(d: model.Deadline) -> bool:
        units = [plan.unit(u) for u in d.to]
        return bool(units) and all(u is not None and u.kind == "external" for u in units)

    candidates = [d for d in plan.deadlines if upward(d)]
    return max(candidates, key=lambda d: d.due) if candidates else None


def plan_end(plan: model.Plan) -> dt.date:
    """The last day of the plan's activities: its period's end, or a later activity's."""
    return max([plan.period.end, *(plan.activity_window(a)[1] for a in plan.activities)])


ELLIPSIS = "…"
"""What a citation leaves for the clerk where a number or a date is not issued yet."""


def plan_citation(plan: model.Plan) -> str:
    """``Kế hoạch số 05/KH-SKHCN ngày 08/5/2026`` (``Kế hoạch số …/KH-SKHCN ngày …`` while
    it is not numbered or dated: the clerk writes them in)."""
    doc = plan.document
    symbol = f"{doc.type}-{doc.agency_code}"
    number = docsymbol(doc.number, doc.type, doc.agency_code) if doc.number else f"…/{symbol}"
    day = vi.date_short(doc.date) if doc.date else ELLIPSIS
    return f"{TYPE_NAMES.get(doc.type, 'Kế hoạch')} số {number} ngày {day}"


def _names(items: Sequence[str]) -> str:
    """``A``, ``A và B``, ``A, B và C``."""
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " và " + items[-1]


@dataclass
class Missing:
    """A fact a report lacks: what the document says (Vietnamese) and where it goes."""

    label: str
    path: str

    def __str__(self) -> str:
        return self.label


def _citation_missing(plan: model.Plan) -> list[Missing]:
    doc = plan.document
    out = []
    if doc.number is None:
        out.append(Missing("Số của Kế hoạch (trích dẫn trong báo cáo)", "document.number"))
    if doc.date is None:
        out.append(Missing("Ngày ban hành Kế hoạch (trích dẫn trong báo cáo)", "document.date"))
    return out


def _report_missing(
    plan: model.Plan, results: Sequence[ActivityResult], activities: Sequence[model.Activity]
) -> list[Missing]:
    """Every fact the report prints as missing ("Chưa có số liệu …"): what makes it a draft."""
    out = _citation_missing(plan)
    for r, a in zip(results, activities, strict=True):
        at = f"activities[{a.id}]"
        name = f"hoạt động {r.number + '. ' if r.number else ''}{r.title}"
        if r.state == "not_reported" and not r.has_result:
            out.append(Missing(f"Kết quả {name}", f"{at}.result"))
            continue
        if r.state in ("postponed", "cancelled") and r.reason is None:
            out.append(Missing(f"Lý do hoãn, hủy {name}", f"{at}.reason"))
        if r.state in ("done", "in_progress") or r.has_result:
            if r.participants is None and r.has_event:
                out.append(Missing(f"Số người tham dự {name}", f"{at}.result.participants"))
            if not r.outputs:
                out.append(Missing(f"Kết quả, sản phẩm {name}", f"{at}.result.outputs"))
    lines = plan.budget.lines if plan.budget else []
    if not lines:
        out.append(Missing("Kinh phí thực hiện (dự toán, đã chi)", "budget.lines"))
    out.extend(
        Missing(f"Kinh phí đã chi: {line.item}", f"budget.lines[{i}].spent")
        for i, line in enumerate(lines)
        if line.spent is None
    )
    ev = plan.evaluation
    for name, label in EVALUATION_PARTS:
        if ev is None or not getattr(ev, name):
            out.append(Missing(f"Đánh giá: {label}", f"evaluation.{name}"))
    return out


EVALUATION_PARTS = (
    ("strengths", "ưu điểm"),
    ("shortcomings", "tồn tại, hạn chế"),
    ("causes", "nguyên nhân"),
    ("lessons", "bài học kinh nghiệm"),
    ("next_steps", "phương hướng, nhiệm vụ tiếp theo"),
    ("proposals", "đề xuất, kiến nghị"),
)
"""The parts of the report's assessment, each required before it is final."""

DRAFT_TITLE = "Văn bản này dùng thông tin còn dự kiến, cần xác nhận trước khi ban hành:"
REPORT_DRAFT_TITLE = "Báo cáo còn thiếu các thông tin sau, cần bổ sung trước khi ban hành:"


def _upward(plan: model.Plan, d: model.Deadline | None) -> bool:
    """A report to bodies outside the agency (the province, the ministry)."""
    if d is None or not d.to:
        return False
    units = [plan.unit(u) for u in d.to]
    return all(u is not None and u.kind == "external" for u in units)


def report_context(
    plan: model.Plan,
    as_of: dt.date,
    deadline: str | None = None,
    lang: str = "vi",
    esc: Escaper = PLAIN,
    internal: bool = False,
) -> dict[str, Any]:
    """The agency's report (BC) for a reporting deadline, as of a day.

    Before the plan's activities end it reports progress (``tình hình``), after them results
    (``kết quả``).  A unit never owes a report to itself (an owner among the deadline's
    recipients is left out); groups count by their members.  A report sent outside the
    agency shows the reporting of outside bodies only, unless ``internal``.  Every fact it
    lacks is in ``draft`` (and ``missing``, with where it goes in the plan): the report is a
    DỰ THẢO until none is left.
    """
    from ..plan.check import expand_units
    from ..plan.state import Owed, state_on

    target = _report_deadline(plan, deadline, lang)
    upward = _upward(plan, target)
    reports = [r for r in plan.reports if r.date <= as_of]  # what was received by then
    lead_rows = _lead_rows(plan, reports)
    addressees = []
    for uid in target.to if target else []:
        unit = plan.unit(uid)
        addressees.append(unit.name if unit else uid)
    results: list[ActivityResult] = []
    for a in plan.activities:
        start, _end = plan.activity_window(a)
        st = state_on(plan, a, as_of)
        # A result held after the report's date was not known on it; one with no date is
        # shown as recorded ("not confirmed done") since it cannot be placed in time.
        r = a.result
        if r is not None and r.held_on is not None and st.held_on is None:
            r = None
        reported = lead_rows.get(a.id)
        if r is None and reported is not None:  # the lead unit's figures, from its form
            r = model.Result(
                held_on=reported.held_on,
                participants=reported.participants,
                outputs=list(reported.outputs),
                notes=reported.notes,
            )
        state: str
        if st.status in ("done", "postponed", "cancelled", "in_progress"):
            state = st.status
        elif (
            reported is not None
            and reported.status == "done"
            and (reported.held_on is None or reported.held_on <= as_of)
        ):
            state = "done"  # the lead unit reported it done (received by the report's date)
        elif reported is not None and reported.status == "in_progress":
            state = "in_progress"
        elif start > as_of:
            state = "not_started"
        else:
            state = "not_reported"
        lead = plan.unit(a.lead) if a.lead else None
        results.append(
            ActivityResult(
                number=str(a.number) if a.number is not None else "",
                title=a.title,
                state=state,
                done_on=st.on if st.status == "done" and not st.assumed else None,
                held_on=st.held_on
                or (r.held_on if r is not None and r.held_on and r.held_on <= as_of else None),
                participants=r.participants if r else None,
                outputs=list(r.outputs) if r else [],
                notes=r.notes if r else None,
                reason=a.reason if st.status in ("postponed", "cancelled") else None,
                lead=lead.name if lead else None,
                has_event=a.event is not None,
                has_result=r is not None
                and any((r.held_on, r.participants is not None, r.outputs, r.notes)),
                honours=honour_lines(a.honourees, as_of),
            )
        )
    owed = []
    for d in plan.deadlines:
        if d is target:
            continue
        to_self = set(expand_units(plan, d.to))
        owners = [u for u in expand_units(plan, d.owners) if u not in to_self]
        if upward and not internal:  # inside rooms' reporting stays inside the agency
            owners = [u for u in owners if (x := plan.unit(u)) is not None and x.kind == "external"]
        if not owners:
            continue
        lines = []
        for uid in owners:
            unit = plan.unit(uid)
            on = state_on(plan, Owed(d, uid), as_of).on
            lines.append(ReportLine(unit.name if unit else uid, on, bool(on and on > d.due)))
        units = [u for u in _unit_reports(plan, d, reports) if u.unit in owners]
        names = {u.name for u in units}
        owed.append(
            {
                "deadline": d,
                "lines": lines,
                "reports": units,
                "missing": [line.name for line in lines if line.name not in names],
                "done": sum(u.done for u in units),
                "participants": sum(u.participants for u in units),
                "spent": sum(u.spent for u in units),
            }
        )
    budget = plan.budget
    lines_ = budget.lines if budget else []
    planned = sum(b.amount for b in lines_)
    spent_known = [b.spent for b in lines_ if b.spent is not None]
    done = sum(1 for r in results if r.state == "done")
    ev = plan.evaluation
    missing = _report_missing(plan, results, plan.activities)
    progress = as_of <= plan_end(plan)
    word = "tình hình" if progress else "kết quả"
    title_report = upper_first(word) + " " + lower_first(plan.document.title)
    doc = plan.document
    direction = [
        f"{doc.agency_name} đã ban hành {plan_citation(plan)} về {lower_first(doc.title)}"
        + (", phân công nhiệm vụ cụ thể cho từng cơ quan, đơn vị" if plan.responsibilities else "")
        + ".",
        *(ev.direction if ev else []),
    ]
    closing = f"Trên đây là báo cáo {lower_first(title_report)} của {doc.agency_name}"
    if addressees:
        closing += f", trân trọng báo cáo {_names(addressees)}"
    return {
        **_base(plan),
        "kind": "report",
        "as_of": as_of,
        "deadline": target,
        "progress": progress,
        "word": word,
        "upward": upward,
        "addressees": addressees,
        "addressee_lines": list_lines(addressees, esc),
        "plan_citation": plan_citation(plan),
        "direction": direction,
        "results": results,
        "done_count": done,
        "not_done": [r for r in results if r.state in ("postponed", "cancelled", "not_started")],
        "no_data": [r for r in results if r.state == "not_reported" and not r.has_result],
        "owed": owed,
        "budget_lines": lines_,
        "budget_planned": planned,
        "budget_spent": sum(spent_known) if spent_known else None,
        "budget_spent_complete": len(spent_known) == len(lines_) and bool(lines_),
        "evaluation": ev,
        "draft": [m.label for m in missing],
        "draft_title": REPORT_DRAFT_TITLE,
        "missing": missing,
        "year": as_of.year,
        "type_code": TYPE_CODES["report"],
        "title_report": title_report,
        "closing_line": closing,
        "recipients": [esc.markup("- Như trên;"), esc.markup("- Lưu: {}.", _archive(plan))],
    }


@dataclass
class Issuer:
    """Who issues a document, for its header: the plan's agency, or one of its units."""

    agency: str
    agency_name: str
    agency_code: str
    place: str
    parent: str | None = None


def _unit_deadline(
    plan: model.Plan, unit: model.Unit, wanted: str | None, lang: str
) -> model.Deadline:
    """The reporting deadline a unit's report answers: the one named, else the first the
    unit owes (to someone other than itself)."""
    from ..plan.check import expand_units

    owes = [
        d
        for d in plan.deadlines
        if unit.id in expand_units(plan, d.owners) and unit.id not in expand_units(plan, d.to)
    ]
    if wanted is not None:
        d = _report_deadline(plan, wanted, lang)
        assert d is not None
        if d not in owes:
            raise TnplanError(
                _t(
                    lang,
                    f"{unit.name} không phải nộp `{wanted}` theo kế hoạch",
                    f"{unit.name} does not owe `{wanted}` in the plan",
                ),
                hint=_t(lang, "hạn của đơn vị: ", "the unit's deadlines: ")
                + (", ".join(x.id for x in owes) or "-"),
                exit_code=2,
            )
        return d
    if not owes:
        raise TnplanError(
            _t(
                lang,
                f"{unit.name} không phải báo cáo theo kế hoạch (không có trong `owners` của hạn "
                "báo cáo nào)",
                f"{unit.name} owes no report in the plan (it is in no deadline's `owners`)",
            ),
            exit_code=2,
        )
    return min(owes, key=lambda d: d.due)


def unit_report_context(
    plan: model.Plan,
    unit_id: str,
    as_of: dt.date,
    deadline: str | None = None,
    lang: str = "vi",
    esc: Escaper = PLAIN,
) -> dict[str, Any]:
    """A unit's own report to the agency (the reports units owe, as ``bao-cao-don-vi``),
    from the unit's point of view: its header, its signer, its results file."""
    from ..plan.check import expand_units
    from ..plan.messages import Reporter
    from ..plan.state import state_on

    unit = plan.unit(unit_id)
    if unit is None:
        known = {u.id: u.name for u in plan.units}
        raise TnplanError(
            _t(lang, f"không có đơn vị `{unit_id}`", f"no unit `{unit_id}`"),
            hint=Reporter("", lang).suggest_id(unit_id, known, "unit"),
            exit_code=2,
        )
    if unit.members:
        raise TnplanError(
            _t(
                lang,
                f"`{unit.id}` là một nhóm đơn vị: mỗi đơn vị thành viên báo cáo riêng",
                f"`{unit.id}` is a group of units: each member reports on its own",
            ),
            hint=_t(lang, "thành viên: ", "members: ") + ", ".join(unit.members),
            exit_code=2,
        )
    d = _unit_deadline(plan, unit, deadline, lang)
    missing = _citation_missing(plan)
    signer = unit.signer
    if signer is None:  # the draft leaves the signature for the unit to fill in
        signer = model.Signer(title=NAME_TO_FILL, name=NAME_TO_FILL)
        missing.append(
            Missing(f"Người ký của {unit.name} (chức vụ, họ tên)", f"units[{unit.id}].signer")
        )
    doc = plan.document
    code = unit.code or unit.short or unit.id.upper()
    parent = unit.parent or (doc.agency if unit.kind == "internal" else None)
    issuer = Issuer(unit.name.upper(), unit.name, code, unit.place or doc.place, parent)
    addressees: list[str] = []
    bodies: list[str] = []  # the same, as the closing sentence names them
    for uid in d.to:
        to = plan.unit(uid)
        if to is None:
            continue
        # A room of the agency receives for the agency: "Sở … (qua Văn phòng Sở)".
        inside = to.kind == "internal"
        addressees.append(f"{doc.agency_name} (qua {to.name})" if inside else to.name)
        if (doc.agency_name if inside else to.name) not in bodies:
            bodies.append(doc.agency_name if inside else to.name)
    if not d.to:
        addressees.append(doc.agency_name)
        bodies.append(doc.agency_name)
    received = next(
        (r for r in plan.reports if r.deadline == d.id and r.unit == unit.id and r.date <= as_of),
        None,
    )
    own = _unit_reports(plan, d, [received])[0] if received is not None else None
    mine = set(expand_units(plan, [unit.id]))
    duties = [
        duty
        for r in plan.responsibilities
        if mine & set(expand_units(plan, r.units))
        for duty in r.duties
    ]
    part = []  # what the unit leads or supports, as of the day (when no figures came)
    for a in plan.activities:
        groups = set(expand_units(plan, [a.lead] if a.lead else [])) | set(
            expand_units(plan, a.support)
        )
        tasks = [t for t in a.tasks if t.owner and unit.id in expand_units(plan, [t.owner])]
        if unit.id not in groups and not tasks:
            continue
        st = state_on(plan, a, as_of)
        role = "chủ trì" if a.lead and unit.id in expand_units(plan, [a.lead]) else "phối hợp"
        part.append(
            {
                "number": str(a.number) if a.number is not None else "",
                "title": a.title,
                "role": role if unit.id in groups else "thực hiện công việc",
                "status": "Chưa ghi nhận kết quả"
                if st.status == "planned"
                else STATUS_WORDS.get(st.status, st.status),
            }
        )
    if own is None:
        missing.append(
            Missing(
                f"Kết quả của {unit.name} (biểu mẫu báo cáo, hoặc tệp "
                f"{plan.id}.results/{d.id}/{unit.id}.yaml)",
                f"{plan.id}.results/{d.id}/{unit.id}.yaml",
            )
        )
    progress = as_of <= plan_end(plan)
    word = "tình hình" if progress else "kết quả"
    title_report = upper_first(word) + " " + lower_first(doc.title)
    closing = f"Trên đây là báo cáo {lower_first(title_report)} của {unit.name}"
    closing += f", trân trọng báo cáo {_names(bodies)}"
    return {
        **_base(plan),
        "kind": "report",
        "doc": issuer,
        "agency": doc,
        "unit": unit,
        "signer": signer,
        "as_of": as_of,
        "deadline": d,
        "progress": progress,
        "word": word,
        "addressees": addressees,
        "addressee_lines": list_lines(addressees, esc),
        "plan_citation": plan_citation(plan),
        "duties": duties,
        "activities": part,
        "own": own,
        "draft": [m.label for m in missing],
        "draft_title": REPORT_DRAFT_TITLE,
        "missing": missing,
        "year": as_of.year,
        "type_code": TYPE_CODES["report"],
        "title_report": title_report,
        "closing_line": closing,
        "recipients": [esc.markup("- Như trên;"), esc.markup("- Lưu: VT, {}.", code)],
    }


# --- rendering -------------------------------------------------------------------------------


def _render(
    env: jinja2.Environment,
    kind: str,
    fmt: str,
    context: dict[str, Any],
    lang: str,
    created: dt.datetime | None = None,
) -> bytes:
    text = render_template(env, f"{kind}.{fmt}.j2", {**context, "format": fmt}, lang)
    if fmt != "docx":
        return text.encode("utf-8")
    return _docx(text, kind, lang, created)


def _docx(text: str, kind: str, lang: str, created: dt.datetime | None = None) -> bytes:
    """A Word file from the block text of a ``*.docx.j2`` template; ``created`` is the time
    in its properties (by default: now)."""
    from . import docx_writer

    try:
        return docx_writer.build(text, created)
    except docx_writer.BlockError as exc:
        raise _block_error(exc, kind, lang) from None


def _blocks(text: str, lang: str, kind: str = "invitation") -> None:
    """Check that block text is the block language (what :func:`_docx` would refuse)."""
    from . import docx_writer

    try:
        docx_writer.parse(text)
    except docx_writer.BlockError as exc:
        raise _block_error(exc, kind, lang) from None


def _block_error(exc: Any, kind: str, lang: str) -> TnplanError:
    return TnplanError(
        _t(
            lang,
            f"mẫu {kind}.docx.j2 tạo ra dòng {exc.line} không hợp lệ: {exc}",
            f"template {kind}.docx.j2 produced a bad line {exc.line}: {exc}",
        ),
        exit_code=3,
    )


def _refuse_draft(lang: str, what: str, facts: Sequence[str | Missing], name: str) -> TnplanError:
    """``--final`` and a document that is still a draft: every fact it lacks, at once."""
    listed = "; ".join(
        f"{lower_first(f.label)} (`{f.path}`)" if isinstance(f, Missing) else lower_first(f)
        for f in facts
    )
    return TnplanError(
        _t(
            lang,
            f"{what} {name} còn là DỰ THẢO, không ban hành được (--final): {listed}",
            f"the {what} {name} is still a DRAFT and cannot be final (--final): {listed}",
        ),
        hint=_t(
            lang,
            "bổ sung, chốt các thông tin này trong kế hoạch (bỏ `tentative`), rồi chạy lại",
            "add or confirm these facts in the plan (drop `tentative`), then run again",
        ),
        exit_code=1,
    )


def render(
    plan: model.Plan,
    kind: str,
    fmt: str = "md",
    *,
    activity: str | None = None,
    to: str | None = None,
    each: bool = False,
    as_of: dt.date | None = None,
    deadline: str | None = None,
    templates: Path | None = None,
    lang: str = "vi",
    force: bool = False,
    unit: str | None = None,
    internal: bool = False,
    final: bool = False,
    now: dt.datetime | None = None,
) -> list[Output]:
    """Render one document (or one per invitee with ``each``) of ``kind`` in ``fmt``.

    An invitation to a cancelled or postponed activity is refused (exit 1) unless ``force``.
    ``to`` names one invitee, or a group (of guests or of units): its members then.
    ``unit`` makes the report that unit's own; ``internal`` lets an upward report show the
    reporting of the agency's own rooms.  With ``final`` a document that would be a DỰ THẢO
    is refused (exit 1) with every fact it lacks.  ``now`` is the time written in a Word
    file's properties (by default: the time of the render).

    ``pdf`` is the Word document converted by LibreOffice (:mod:`tnplan.documents.pdf`),
    a hundred files a LibreOffice run.
    """
    if kind not in KINDS:
        raise TnplanError(f"unknown document kind `{kind}`", exit_code=2)
    if fmt not in FORMATS:
        raise TnplanError(
            _t(lang, f"định dạng `{fmt}` không hỗ trợ", f"unknown format `{fmt}`"),
            hint=_t(lang, "dùng md, html, docx hoặc pdf", "use md, html, docx or pdf"),
            exit_code=2,
        )
    if fmt == "pdf":
        from . import pdf

        pdf.require(lang)  # before any work: say at once when LibreOffice is missing
    source = "docx" if fmt == "pdf" else fmt
    outputs = _documents(
        plan, kind, source, activity=activity, to=to, each=each, as_of=as_of,
        deadline=deadline, templates=templates, lang=lang, force=force, unit=unit,
        internal=internal, final=final, now=now,
    )  # fmt: skip
    if fmt != "pdf":
        return outputs
    from . import pdf

    # Each Word file made when LibreOffice's folder gets it, each PDF read when it is written.
    converted = pdf.Converted([(o.name, o.make) for o in outputs], lang)
    return [
        Output(
            o.name.removesuffix(".docx") + ".pdf",
            functools.partial(converted.read, i),
            o.tentative,
            o.warnings,
        )
        for i, o in enumerate(outputs)
    ]


def _documents(
    plan: model.Plan,
    kind: str,
    fmt: str,
    *,
    activity: str | None,
    to: str | None,
    each: bool,
    as_of: dt.date | None,
    deadline: str | None,
    templates: Path | None,
    lang: str,
    force: bool,
    unit: str | None,
    internal: bool,
    final: bool,
    now: dt.datetime | None,
) -> list[Output]:
    env = environment(template_dirs(plan, templates, lang))
    esc = ESCAPERS[fmt]
    ext = fmt

    def one(name: str, template: str, ctx: dict[str, Any], what: str) -> Output:
        if final and ctx["draft"]:
            raise _refuse_draft(lang, what, ctx.get("missing") or ctx["draft"], name)
        return Output(name, _render(env, template, fmt, ctx, lang, now), list(ctx["draft"]))

    if kind == "plan":
        ctx = plan_context(plan, esc)
        name = f"{FILE_PREFIX[kind]}-{plan.id}.{ext}"
        return [one(name, kind, ctx, _t(lang, "kế hoạch", "plan"))]
    if kind == "report":
        day = as_of or dt.date.today()
        if unit is not None:
            ctx = unit_report_context(plan, unit, day, deadline, lang, esc)
            name = f"{FILE_PREFIX[kind]}-{plan.id}-{ctx['unit'].id}.{ext}"
            return [one(name, "report-unit", ctx, _t(lang, "báo cáo", "report"))]
        ctx = report_context(plan, day, deadline, lang, esc, internal)
        name = f"{FILE_PREFIX[kind]}-{plan.id}.{ext}"
        return [one(name, kind, ctx, _t(lang, "báo cáo", "report"))]
    if activity is None:
        raise TnplanError(_t(lang, "thiếu mã hoạt động", "an activity id is needed"), exit_code=2)
    a = _activity(plan, activity, lang)
    if kind == "script":
        ctx = script_context(plan, a, lang)
        return [one(f"{FILE_PREFIX[kind]}-{a.id}.{ext}", kind, ctx, _t(lang, "kịch bản", "script"))]
    # invitation
    if a.status in ("cancelled", "postponed") and not force:
        word = (
            _t(lang, "đã hủy", "cancelled")
            if a.status == "cancelled"
            else _t(lang, "đang tạm hoãn", "postponed")
        )
        raise TnplanError(
            _t(
                lang,
                f"hoạt động `{a.id}` {word} (`status: {a.status}`): không soạn giấy mời",
                f"activity `{a.id}` is {word} (`status: {a.status}`): no invitation written",
            ),
            hint=_t(
                lang,
                "sửa `status` khi hoạt động được tổ chức lại, hoặc thêm --force để vẫn soạn",
                "change `status` once it is rescheduled, or add --force to write it anyway",
            ),
            exit_code=1,
        )
    missing = invitation_facts(plan, a)
    if missing:
        raise _missing(lang, _t(lang, "giấy mời", "invitation"), a, missing)
    assert a.event is not None
    to_name: str | None = None
    split = each or (to is not None and is_group(plan, to))
    everyone = expand_invitees(plan, a.event.invitees, members=split)
    if to is not None and is_group(plan, to):
        inside = {i.id for i in expand_invitees(plan, [to], members=True)}
        chosen = [i for i in everyone if i.id in inside]
        if chosen:
            everyone = chosen
            to_name = to
    if to is not None and not is_group(plan, to):
        chosen = [i for i in everyone if i.id == to]
        if not chosen:
            from ..plan.messages import Reporter

            invited = {i.id: i.text for i in everyone}
            raise TnplanError(
                _t(
                    lang,
                    f"`{to}` không có trong danh sách khách mời của `{a.id}`",
                    f"`{to}` is not among the invitees of `{a.id}`",
                ),
                hint=Reporter("", lang).suggest_id(to, invited, "invitee"),
                exit_code=2,
            )
        everyone = chosen
        to_name = to
    elif to is not None and to_name is None:
        known = ", ".join(i.id for i in everyone)
        raise TnplanError(
            _t(
                lang,
                f"nhóm `{to}` không có ai trong danh sách khách mời của `{a.id}`",
                f"no member of the group `{to}` is among the invitees of `{a.id}`",
            ),
            hint=_t(lang, f"khách mời: {known}", f"invitees: {known}"),
            exit_code=2,
        )
    # File names come from ids (unique, checked, ASCII), never from names or list positions:
    # after the invitees are reordered or renamed, each person's file is still their own.
    prefix = f"{FILE_PREFIX[kind]}-{a.id}"
    what = _t(lang, "giấy mời", "invitation")
    if not each:
        ctx = invitation_context(plan, a, everyone, esc)
        name = f"{prefix}-{to_name}" if to and to_name else prefix
        outputs = [one(f"{name}.{ext}", kind, ctx, what)]
    else:
        outputs = _each_invitee(plan, a, everyone, env, esc, fmt, lang, now, prefix, what, final)
    late = asked_too_late(plan, a.event, now, lang)
    if late:  # said once, with the first file
        outputs[0].warnings.extend(late)
    return outputs


def _each_invitee(
    plan: model.Plan,
    a: model.Activity,
    everyone: list[Invitee],
    env: jinja2.Environment,
    esc: Escaper,
    fmt: str,
    lang: str,
    now: dt.datetime | None,
    prefix: str,
    what: str,
    final: bool,
) -> list[Output]:
    """One invitation per invitee, each rendered when it is written and then let go: memory
    stays the same for ten invitees or ten thousand.  Each is rendered once before any file
    is written, though, so that a template that fails (or a draft refused by ``--final``)
    for one invitee fails before the first file; md and html are rendered again when
    written, Word keeps a digest of each block text and fills its copies without rendering
    them again."""
    kind = "invitation"
    ext = fmt
    # A time for every file's properties, the same in each (a merge copies them).
    created = now or dt.datetime.now(dt.UTC)
    drafts: dict[str, list[str]] = {}
    for inv in everyone:  # --final, and the draft marks: the facts, not the document
        ctx = invitation_context(plan, a, [inv], esc)
        name = f"{prefix}-{inv.id}.{ext}"
        drafts[inv.id] = list(ctx["draft"])
        if final and ctx["draft"]:
            raise _refuse_draft(lang, what, ctx.get("missing") or ctx["draft"], name)
    make: Callable[[Invitee], bytes]
    if fmt == "docx":
        from .merge import WordMerge

        def block_text(inv: Invitee) -> str:
            ctx = {**invitation_context(plan, a, [inv], esc), "format": fmt}
            return render_template(env, f"{kind}.{fmt}.j2", ctx, lang)

        merge = WordMerge(
            block_text,
            lambda text: _docx(text, kind, lang, created),
            esc.text,
            lambda t: _blocks(t, lang),
        )
        for inv in everyone:
            merge.prepare(inv)
        make = merge.document
    else:

        def make(inv: Invitee) -> bytes:
            return _render(env, kind, fmt, invitation_context(plan, a, [inv], esc), lang, created)

        for inv in everyone:
            make(inv)
    return [
        Output(f"{prefix}-{inv.id}.{ext}", functools.partial(make, inv), drafts[inv.id])
        for inv in everyone
    ]


def asked_too_late(
    plan: model.Plan, ev: model.Event, now: dt.datetime | None, lang: str = "vi"
) -> list[str]:
    """A date the invitation asks of guests (a note's, the reply date) before it is signed:
    on ``invitation_date``, else on the day it is written (``now``, in the plan's zone)."""
    from zoneinfo import ZoneInfo

    from ..plan.check import asked_dates

    issued = ev.invitation_date
    if issued is None:
        moment = now or dt.datetime.now(dt.UTC)
        issued = moment.astimezone(ZoneInfo(plan.document.timezone)).date()
    out = []
    for name, _index, asked in asked_dates(ev):
        if asked < issued:
            out.append(
                _t(
                    lang,
                    f"giấy mời hẹn khách ngày {vi.date_short(asked)} "
                    f"({'ghi chú' if name == 'notes' else 'hạn xác nhận tham dự'}), trước ngày "
                    f"ký giấy mời {vi.date_short(issued)}: khách nhận giấy mời khi đã quá hạn",
                    f"the invitation asks guests for {vi.date_short(asked)} "
                    f"({'a note' if name == 'notes' else 'the reply date'}), before it is signed "
                    f"on {vi.date_short(issued)}: they get it too late",
                )
            )
    return out


def is_group(plan: model.Plan, ref: str) -> bool:
    """Whether ``ref`` names a group: of guests (``groups``) or of units (with ``members``)."""
    party = plan.party(ref)
    return isinstance(party, model.Group) or (isinstance(party, model.Unit) and bool(party.members))
