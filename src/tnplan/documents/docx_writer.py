r"""Word (.docx) output: a small block language, written by a template, laid out per Decree 30.

The ``*.docx.j2`` templates are text, like the Markdown and HTML ones (so they are reviewed
in git and overridden file by file); they produce one block a line, ``@kind text``::

    @parent UBND TỈNH THÁI NGUYÊN        header, left: parent body (13 pt, uppercase)
    @agency SỞ KHOA HỌC VÀ CÔNG NGHỆ     header, left: issuing body (13 pt bold, short line)
    @number Số: 05/KH-SKHCN              header, left, second row (13 pt)
    @nation CỘNG HÒA …                   header, right: quốc hiệu (12 pt bold)
    @motto Độc lập - Tự do - Hạnh phúc   header, right: tiêu ngữ (13 pt bold, line under)
    @placedate Thái Nguyên, ngày …       header, right, second row (14 pt italic)
    @property title …                    the file's properties (title, subject, author)
    @size 13                             the body's size from here on (13–14 pt; 14 by
                                         default): a long invitation stays on one page
    @draft DỰ THẢO                       a draft mark in the top margin of page 1; the
    @draftnote …                         @draftnote lines become a Word comment on the type
    @type KẾ HOẠCH                       the type name (14 pt bold, centred)
    @summary …                           the summary (14 pt bold, centred, short line under)
    @kinhgui Kính gửi: | - A;            the addressee block: the label, then the first
    @kinhgui | - B.                      addressee beside it, the next ones under it
    @h1 / @h2 / @h3 …                    headings (styles Heading 1–3: Word's navigation
                                         pane); bold, h3 bold italic, indented like the body
    @p …                                 body paragraph: justified, first line 1.27 cm
    @li - …                              a list line: the mark at 1.27 cm, wrapped lines
                                         under the text after it (a hanging indent)
    @plain …                             body paragraph without the first-line indent
    @basis …                             a legal-basis line (italic)
    @note …                              a note (13 pt italic)
    @center …                            a centred paragraph
    @table 22 48 40> 55^                 start a table, column widths in mm (13 pt, grid);
                                         a width ending > is a right-aligned column, ^ centred
    @th a | b | c                        its header row (bold), then @tr rows
    @recipients-label Nơi nhận:          bottom left (12 pt bold italic) …
    @recipient - …;                      … one line each (11 pt)
    @sign KT. GIÁM ĐỐC                   bottom right: authority and title (14 pt bold)
    @signname Hoàng Văn Thiên            the signer's name (14 pt bold, after signing space)
    @blank                               an empty paragraph
    @pagebreak                           a page break

``**bold**`` inside a text is bold, ``*italic*`` italic; in a table row ``|`` separates the
cells and ``\n`` (a backslash and an n) starts a new line in a cell.  A backslash makes the
next character plain text (``\*``, ``\|``, ``\@``, ``\\``): plan text is written so
(:func:`tnplan.documents.escape.word`), and can start no block, cell or style.  A line that
does not start with ``@`` continues the block before it.

The page is A4 with margins 20/20/30/15 mm (top, bottom, left, right), Times New Roman
14 pt, and a page number centred in the header from page 2 on (a different first-page
header, empty unless the document is a draft).  The text is marked Vietnamese (vi-VN), so
Word checks its spelling as Vietnamese.

Pages break as a clerk would have them: the last paragraph of the body stays with the
signature block and is never split (keep with next, keep lines together), the signature
block and every table row never split (``cantSplit``), and headings and lines ending with
``:`` stay with what follows them.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass, field
from typing import Any

PAGE_MM = (210, 297)
MARGINS_MM = {"top": 20, "bottom": 20, "left": 30, "right": 15}
FONT = "Times New Roman"
BODY_PT = 14
TEXT_WIDTH_MM = PAGE_MM[0] - MARGINS_MM["left"] - MARGINS_MM["right"]
HEADER_COLS_MM = (73, TEXT_WIDTH_MM - 73)
SIGN_COLS_MM = (80, TEXT_WIDTH_MM - 80)
SIGN_SPACE_PT = 66
"""The room for the signature and the seal, above the signer's name (about 23 mm)."""
KINHGUI_MM = 25
"""Where the ``Kính gửi:`` block starts, from the left margin."""
LIST_MM = 12.7 + 3.5
LIST_HANG_MM = 3.5
"""A list line: its mark at 1.27 cm (the body's first-line indent), its text 3.5 mm on."""

HEADER_KINDS = ("parent", "agency", "number", "nation", "motto", "placedate")
PROPERTIES = ("title", "subject", "author")
"""The core properties a template may set with ``@property``."""
SIGN_KINDS = ("recipients-label", "recipient", "sign", "signname")
TABLE_KINDS = ("table", "th", "tr")
TEXT_KINDS = (
    "property",
    "size",
    "li",
    "draft",
    "draftnote",
    "type",
    "summary",
    "kinhgui",
    "h1",
    "h2",
    "h3",
    "p",
    "plain",
    "basis",
    "note",
    "center",
    "blank",
    "pagebreak",
)
KINDS = frozenset(HEADER_KINDS + SIGN_KINDS + TABLE_KINDS + TEXT_KINDS)


class BlockError(ValueError):
    """A line of the block language that cannot be laid out."""

    def __init__(self, message: str, line: int) -> None:
        super().__init__(message)
        self.line = line


@dataclass
class Block:
    kind: str
    text: str
    line: int


def parse(text: str) -> list[Block]:
    """The blocks of a rendered ``.docx.j2`` template."""
    blocks: list[Block] = []
    for n, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line:
            continue
        if line.startswith("@"):
            kind, _, rest = line[1:].partition(" ")
            if kind not in KINDS:
                raise BlockError(f"khối `@{kind}` không có", n)
            blocks.append(Block(kind, rest.strip(), n))
        elif blocks:
            blocks[-1].text = f"{blocks[-1].text} {line}".strip()
        else:
            raise BlockError("dòng đầu phải bắt đầu bằng @", n)
    return blocks


@dataclass
class _Pending:
    header: dict[str, str] = field(default_factory=dict)
    recipients: list[tuple[str, str]] = field(default_factory=list)
    sign: list[tuple[str, str]] = field(default_factory=list)
    table: list[tuple[str, list[str]]] = field(default_factory=list)
    widths: list[float] = field(default_factory=list)
    aligns: list[str] = field(default_factory=list)
    draft: str | None = None
    notes: list[str] = field(default_factory=list)
    anchor: Any = None
    """The paragraph the draft comment is on (the type name, else the first of the body)."""
    last: Any = None
    """The last body paragraph, kept with the signature block."""
    properties: dict[str, str] = field(default_factory=dict)
    size: float = BODY_PT


def _scan(text: str) -> list[tuple[str, str]]:
    r"""The inline pieces of a block's text: ``("t", text)``, ``("b", "**")``, ``("i", "*")``.

    A backslash makes the next character plain text (``\*``, ``\|``, ``\@``, ``\\``): plan
    text reaches here escaped that way (:func:`tnplan.documents.escape.word`).
    """
    out: list[tuple[str, str]] = []
    buf: list[str] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch == "\\" and i + 1 < n:
            buf.append(text[i + 1])
            i += 2
            continue
        if ch == "*":
            if buf:
                out.append(("t", "".join(buf)))
                buf = []
            if text.startswith("**", i):
                out.append(("b", "**"))
                i += 2
            else:
                out.append(("i", "*"))
                i += 1
            continue
        buf.append(ch)
        i += 1
    if buf:
        out.append(("t", "".join(buf)))
    # A mark without its pair is text: the last one of an odd count.
    for kind in ("b", "i"):
        marks = [k for k, (what, _) in enumerate(out) if what == kind]
        if len(marks) % 2:
            out[marks[-1]] = ("t", out[marks[-1]][1])
    return out


def _unescaped(text: str) -> str:
    """The plain text of a block (a Word comment has no bold or italic)."""
    return "".join(piece for kind, piece in _scan(text) if kind == "t")


def _split(text: str, sep: str) -> list[str]:
    r"""``text`` split at each ``sep`` (``|``, or ``\n``: a backslash and an n) that no
    backslash escapes; the other escapes are kept for :func:`_scan`."""
    parts: list[str] = []
    buf: list[str] = []
    i, n = 0, len(text)
    while i < n:
        if text[i] == "\\" and i + 1 < n:
            if sep == "\\n" and text[i + 1] == "n":  # a new line inside a table cell
                parts.append("".join(buf))
                buf = []
            else:
                buf.append(text[i : i + 2])
            i += 2
            continue
        if text[i] == sep:
            parts.append("".join(buf))
            buf = []
        else:
            buf.append(text[i])
        i += 1
    parts.append("".join(buf))
    return parts


def _runs(par: Any, text: str, **fmt: Any) -> list[Any]:
    """Add ``text`` to a paragraph as runs: ``**bold**``, ``*italic*``; return the runs."""
    runs = []
    bold = italic = False
    for kind, piece in _scan(text):
        if kind == "b":
            bold = not bold
        elif kind == "i":
            italic = not italic
        else:
            style = dict(fmt)
            if bold:
                style["bold"] = True
            if italic:
                style["italic"] = True
            runs.append(_run(par, piece, **style))
    if not runs:
        runs.append(_run(par, "", **fmt))
    return runs


def _xml_text(text: str) -> str:
    """What a Word file can hold: a character XML refuses (a control character, U+FFFE) that
    a template wrote itself becomes U+FFFD (plan text is cleaned before it gets here)."""
    from .escape import REPLACEMENT, UNHOLDABLE

    return text if text.isprintable() else UNHOLDABLE.sub(REPLACEMENT, text)


def _run(
    par: Any,
    text: str,
    *,
    size: float = BODY_PT,
    bold: bool = False,
    italic: bool = False,
    underline: bool = False,
) -> Any:
    from docx.shared import Pt

    run = par.add_run(_xml_text(text))
    # The Normal style carries the font for every script; a run still names the font and
    # size so text pasted into another document keeps them, and states bold or italic only
    # when set, which keeps a thousand invitations fast.
    run.font.name = FONT
    run.font.size = Pt(size)
    if bold:
        run.font.bold = True
    if italic:
        run.font.italic = True
    if underline:
        run.font.underline = True
    return run


def _east_asia(rpr: Any) -> None:
    """Set Times New Roman for every script (Word picks the font per script)."""
    from docx.oxml.ns import qn

    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = rpr.makeelement(qn("w:rFonts"), {})
        rpr.insert(0, fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), FONT)


def _par(
    container: Any,
    text: str,
    *,
    align: str = "justify",
    first_indent: float | None = 1.27,
    before: float = 0,
    after: float = 6,
    left_mm: float = 0,
    right_mm: float = 0,
    keep_next: bool = False,
    style: str | None = None,
    **fmt: Any,
) -> Any:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Mm, Pt

    par = container.add_paragraph(style=style)
    pf = par.paragraph_format
    pf.alignment = {
        "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
        "center": WD_ALIGN_PARAGRAPH.CENTER,
        "left": WD_ALIGN_PARAGRAPH.LEFT,
        "right": WD_ALIGN_PARAGRAPH.RIGHT,
    }[align]
    pf.first_line_indent = Cm(first_indent) if first_indent else None
    pf.space_before = Pt(before)
    pf.space_after = Pt(after)
    pf.line_spacing = 1.0  # single: Decree 30 allows single to 1.5; one-page invitations fit
    if left_mm:
        pf.left_indent = Mm(left_mm)
    if right_mm:
        pf.right_indent = Mm(right_mm)
    if keep_next or _opens(text):
        pf.keep_with_next = True
    if text:
        _runs(par, text, **fmt)
    return par


def _opens(text: str) -> bool:
    """A line that announces what follows (``Chưa nhận báo cáo của:``): kept with it."""
    return text.rstrip().endswith(":")


_LIST_MARK = ("- ", "+ ", "* ", "\\* ")


def _hanging(par: Any, text: str, left_mm: float, hang_mm: float) -> str:
    """Lay ``par`` out as a list line: its mark (``- ``) at ``left_mm - hang_mm``, the text
    and every wrapped line at ``left_mm``; return the text with a tab after the mark."""
    from docx.enum.text import WD_TAB_ALIGNMENT
    from docx.shared import Mm

    pf = par.paragraph_format
    pf.left_indent = Mm(left_mm)
    pf.first_line_indent = Mm(-hang_mm)
    pf.tab_stops.add_tab_stop(Mm(left_mm), WD_TAB_ALIGNMENT.LEFT)
    for mark in _LIST_MARK:
        if text.startswith(mark):
            return f"{mark.rstrip()}\t{text[len(mark) :].lstrip()}"
    return text


_PPR_AFTER_BDR = (
    "w:shd",
    "w:tabs",
    "w:suppressAutoHyphens",
    "w:kinsoku",
    "w:wordWrap",
    "w:overflowPunct",
    "w:topLinePunct",
    "w:autoSpaceDE",
    "w:autoSpaceDN",
    "w:bidi",
    "w:adjustRightInd",
    "w:snapToGrid",
    "w:spacing",
    "w:ind",
    "w:contextualSpacing",
    "w:mirrorIndents",
    "w:suppressOverlap",
    "w:jc",
    "w:textDirection",
    "w:textAlignment",
    "w:textboxTightWrap",
    "w:outlineLvl",
    "w:divId",
    "w:cnfStyle",
    "w:rPr",
    "w:sectPr",
    "w:pPrChange",
)


def _border(par: Any, edges: tuple[str, ...], size: str = "6", space: str = "1") -> None:
    """Paragraph borders, inserted where the schema wants them (Word is strict about it)."""
    from docx.oxml.ns import qn

    ppr = par._element.get_or_add_pPr()
    border = ppr.makeelement(qn("w:pBdr"), {})
    for edge in edges:
        border.append(
            border.makeelement(
                qn(f"w:{edge}"),
                {
                    qn("w:val"): "single",
                    qn("w:sz"): size,
                    qn("w:space"): space,
                    qn("w:color"): "auto",
                },
            )
        )
    ppr.insert_element_before(border, *_PPR_AFTER_BDR)


def _rule_under(par: Any, width_mm: float, column_mm: float, after: float = 0) -> None:
    """A solid line ``width_mm`` long, centred under ``par`` in a column ``column_mm`` wide.

    A bottom border is as wide as its paragraph, so the line is an empty 2 pt paragraph
    right after ``par`` with indents that leave ``width_mm`` (the text keeps its width).
    """
    from docx.oxml import OxmlElement
    from docx.shared import Mm, Pt
    from docx.text.paragraph import Paragraph

    par.paragraph_format.space_after = Pt(0)
    line = Paragraph(OxmlElement("w:p"), par._parent)
    par._element.addnext(line._element)
    side = max((column_mm - width_mm) / 2, 0)
    pf = line.paragraph_format
    pf.left_indent = Mm(side)
    pf.right_indent = Mm(side)
    pf.first_line_indent = None
    pf.space_before = Pt(0)
    pf.space_after = Pt(after)
    pf.line_spacing = Pt(2)
    _border(line, ("bottom",))


_ADVANCE = {
    # Advance widths (thousandths of an em) of Times New Roman, for the characters 32–126,
    # regular and bold (the same as Liberation Serif, which is metric-compatible with it).
    False: "250,333,408,500,500,833,778,180,333,333,500,564,250,333,250,278,500,500,500,500,500,"
    "500,500,500,500,500,278,278,564,564,564,444,921,722,667,667,722,611,556,722,722,333,389,"
    "722,611,889,722,722,556,722,667,556,611,722,722,944,722,722,611,333,278,333,469,500,333,"
    "444,500,444,500,444,333,500,500,278,278,500,278,778,500,500,500,500,333,389,278,500,500,"
    "722,500,500,444,480,200,480,541",
    True: "250,333,555,500,500,1000,833,278,333,333,500,570,250,333,250,278,500,500,500,500,500,"
    "500,500,500,500,500,333,333,570,570,570,500,930,722,667,722,722,667,611,778,778,389,500,"
    "778,667,944,722,778,611,778,722,556,667,722,722,1000,722,722,667,333,278,333,581,500,333,"
    "500,556,444,556,444,333,500,556,278,333,556,278,833,556,500,556,556,444,389,333,556,500,"
    "722,500,500,444,394,220,394,520",
}
_WIDTHS = {bold: [int(w) for w in row.split(",")] for bold, row in _ADVANCE.items()}


def _text_width_mm(text: str, size: float, bold: bool = False) -> float:
    """The width of ``text`` in Times New Roman: a Vietnamese letter is as wide as its base
    letter (``ệ`` as ``e``, ``Đ`` as ``D``); other characters count as 0.5 em."""
    import unicodedata

    widths = _WIDTHS[bold]
    total = 0
    for ch in unicodedata.normalize("NFD", text.replace("Đ", "D").replace("đ", "d")):
        if unicodedata.combining(ch):
            continue
        code = ord(ch)
        total += widths[code - 32] if 32 <= code < 127 else 500
    return total / 1000 * size * 25.4 / 72


def _no_borders(table: Any) -> None:
    """A layout table: no borders, no cell padding left and right."""
    from docx.oxml.ns import qn

    tbl_pr = table._element.tblPr
    margins = tbl_pr.makeelement(qn("w:tblCellMar"), {})
    for edge in ("left", "right"):
        margins.append(margins.makeelement(qn(f"w:{edge}"), {qn("w:w"): "0", qn("w:type"): "dxa"}))
    tbl_pr.insert_element_before(margins, "w:tblLook", "w:tblCaption", "w:tblDescription")
    borders = tbl_pr.makeelement(qn("w:tblBorders"), {})
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        borders.append(borders.makeelement(qn(f"w:{edge}"), {qn("w:val"): "nil"}))
    tbl_pr.insert_element_before(
        borders,
        "w:shd",
        "w:tblLayout",
        "w:tblCellMar",
        "w:tblLook",
        "w:tblCaption",
        "w:tblDescription",
        "w:tblPrChange",
    )


def _widths(table: Any, widths_mm: list[float] | tuple[float, ...]) -> None:
    from docx.shared import Mm

    table.autofit = False
    for row in table.rows:
        for cell, w in zip(row.cells, widths_mm, strict=False):
            cell.width = Mm(w)
    for col, w in zip(table.columns, widths_mm, strict=False):
        col.width = Mm(w)


def _cell_par(cell: Any) -> Any:
    """The cell's first (empty) paragraph, to write into instead of adding a new one."""
    return cell.paragraphs[0]


def _fill(par: Any, text: str, *, align: str, after: float = 0, **fmt: Any) -> Any:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    pf = par.paragraph_format
    pf.alignment = {
        "center": WD_ALIGN_PARAGRAPH.CENTER,
        "left": WD_ALIGN_PARAGRAPH.LEFT,
        "right": WD_ALIGN_PARAGRAPH.RIGHT,
        "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
    }[align]
    pf.space_after = Pt(after)
    pf.space_before = Pt(0)
    pf.line_spacing = 1.0
    if text:
        _runs(par, text, **fmt)
    return par


def _emit_header(doc: Any, h: dict[str, str]) -> None:
    if not doc.paragraphs and not doc.tables:
        # A document that starts with a table makes LibreOffice (7.4) lose "keep with next"
        # on some lines of its first page: a heading can end the page.  A paragraph 1 pt
        # high before the header table avoids it (and prints nothing).
        from docx.enum.text import WD_LINE_SPACING

        lead = _par(doc, "", first_indent=None, after=0)
        lead.paragraph_format.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        lead.paragraph_format.line_spacing = _pt(1)
    rows = 2 if ("number" in h or "placedate" in h) else 1
    table = doc.add_table(rows=rows, cols=2)
    _no_borders(table)
    _widths(table, HEADER_COLS_MM)
    left, right = table.rows[0].cells
    first = True
    if "parent" in h:
        _fill(_cell_par(left), h["parent"], align="center", size=13)
        first = False
    if "agency" in h:
        par = _cell_par(left) if first else left.add_paragraph()
        _fill(par, h["agency"], align="center", size=13, bold=True)
        width = min(_text_width_mm(h["agency"], 13, True) / 2.5, HEADER_COLS_MM[0] / 2)
        _rule_under(par, width, HEADER_COLS_MM[0])
    first = True
    if "nation" in h:
        _fill(_cell_par(right), h["nation"], align="center", size=12, bold=True)
        first = False
    if "motto" in h:
        par = _cell_par(right) if first else right.add_paragraph()
        # Underlined, the line is exactly as long as the text (Decree 30), whatever the font.
        _fill(par, h["motto"], align="center", size=13, bold=True, underline=True)
    if rows == 2:
        left2, right2 = table.rows[1].cells
        if "number" in h:
            par = _fill(_cell_par(left2), h["number"], align="center", size=13)
            par.paragraph_format.space_before = _pt(6)
        if "placedate" in h:
            par = _fill(_cell_par(right2), h["placedate"], align="center", size=14, italic=True)
            par.paragraph_format.space_before = _pt(6)
    _par(doc, "", after=6, first_indent=None)


def _pt(n: float) -> Any:
    from docx.shared import Pt

    return Pt(n)


def _emit_sign(
    doc: Any, recipients: list[tuple[str, str]], sign: list[tuple[str, str]], last: Any
) -> None:
    if last is not None:  # the body's last paragraph goes to the next page with the block
        last.paragraph_format.keep_with_next = True
        last.paragraph_format.keep_together = True
    _par(doc, "", after=0, first_indent=None, keep_next=True)
    table = doc.add_table(rows=1, cols=2)
    _no_borders(table)
    _widths(table, SIGN_COLS_MM)
    _cant_split(table.rows[0])  # the block stays on one page
    left, right = table.rows[0].cells
    first = True
    for kind, text in recipients:
        par = _cell_par(left) if first else left.add_paragraph()
        first = False
        if kind == "recipients-label":
            _fill(par, text, align="left", size=12, bold=True, italic=True)
        else:
            _fill(par, _hanging(par, text, 2.5, 2.5), align="left", size=11)
    first = True
    for kind, text in sign:
        par = _cell_par(right) if first else right.add_paragraph()
        first = False
        _fill(par, text, align="center", size=BODY_PT, bold=True)
        if kind == "signname":
            par.paragraph_format.space_before = _pt(SIGN_SPACE_PT)  # signature and seal


def _cant_split(row: Any) -> None:
    """A table row that never breaks across two pages."""
    from docx.oxml.ns import qn

    tr_pr = row._tr.get_or_add_trPr()
    tr_pr.insert(0, tr_pr.makeelement(qn("w:cantSplit"), {}))


_TABLE_ALIGN = {">": "right", "^": "center", "<": "left"}


def _emit_table(
    doc: Any, rows: list[tuple[str, list[str]]], widths: list[float], aligns: list[str]
) -> None:
    cols = max(len(cells) for _, cells in rows)
    table = doc.add_table(rows=len(rows), cols=cols)
    table.style = doc.styles["Table Grid"]
    if widths:
        _widths(table, widths)
    for (kind, cells), row in zip(rows, table.rows, strict=True):  # rows[r] lists them all
        row_cells = row.cells
        for c, text in enumerate(cells):
            cell = row_cells[c]
            lines = _split(text, "\\n")
            for i, part in enumerate(lines):
                par = _cell_par(cell) if i == 0 else cell.add_paragraph()
                _fill(
                    par,
                    part,
                    align="center" if kind == "th" else (aligns[c] if c < len(aligns) else "left"),
                    size=13,
                    bold=kind == "th",
                    after=2,
                )
        _cant_split(row)
        if kind == "th":
            from docx.oxml.ns import qn

            tr_pr = row._tr.get_or_add_trPr()
            tr_pr.append(tr_pr.makeelement(qn("w:tblHeader"), {}))
    _par(doc, "", after=0, first_indent=None)


def _page_number_header(section: Any) -> None:
    """A centred PAGE field in the header, none on the first page."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml.ns import qn

    section.different_first_page_header_footer = True
    section.first_page_header.is_linked_to_previous = False
    header = section.header
    header.is_linked_to_previous = False
    par = header.paragraphs[0]
    par.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for kind, instr in (("begin", None), (None, " PAGE "), ("separate", None), (None, "2")):
        run = _run(par, "")
        if kind is not None:
            run._element.append(
                run._element.makeelement(qn("w:fldChar"), {qn("w:fldCharType"): kind})
            )
        elif instr == " PAGE ":
            el = run._element.makeelement(qn("w:instrText"), {})
            el.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
            el.text = instr
            run._element.append(el)
        else:
            run.text = instr or ""
    end = _run(par, "")
    end._element.append(end._element.makeelement(qn("w:fldChar"), {qn("w:fldCharType"): "end"}))


LANGUAGE = "vi-VN"


def _language(rpr: Any) -> None:
    """Mark text as Vietnamese (Word checks spelling per language: no red underlines)."""
    from docx.oxml.ns import qn

    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = rpr.makeelement(qn("w:lang"), {})
        rpr.append(lang)
    lang.set(qn("w:val"), LANGUAGE)
    lang.set(qn("w:eastAsia"), LANGUAGE)


def _restyle_heading(doc: Any, level: int) -> None:
    """Word's ``Heading 1``–``3`` as Decree 30 headings: Times New Roman 14 pt bold, black,
    indented like the body; kept with what follows.  Their outline level is what Word's
    navigation pane (and LibreOffice's navigator) show."""
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt, RGBColor

    style = doc.styles[f"Heading {level}"]
    font = style.font
    font.name = FONT
    font.size = Pt(BODY_PT)
    font.bold = True
    font.italic = level == 3
    font.color.rgb = RGBColor(0, 0, 0)
    rpr = style.element.get_or_add_rPr()
    _east_asia(rpr)
    fonts = rpr.find(qn("w:rFonts"))
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(attr), None)
    color = rpr.find(qn("w:color"))
    for attr in ("w:themeColor", "w:themeShade"):
        color.attrib.pop(qn(attr), None)
    pf = style.paragraph_format
    pf.space_before = Pt(6 if level == 1 else 0)
    pf.space_after = Pt(6)
    pf.first_line_indent = Cm(1.27)
    pf.keep_with_next = True
    pf.keep_together = True


def _setup(doc: Any) -> None:
    from docx.oxml.ns import qn
    from docx.shared import Mm, Pt

    section = doc.sections[0]
    section.page_width = Mm(PAGE_MM[0])
    section.page_height = Mm(PAGE_MM[1])
    section.top_margin = Mm(MARGINS_MM["top"])
    section.bottom_margin = Mm(MARGINS_MM["bottom"])
    section.left_margin = Mm(MARGINS_MM["left"])
    section.right_margin = Mm(MARGINS_MM["right"])
    section.header_distance = Mm(10)
    section.footer_distance = Mm(10)
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    _language(defaults.find(qn("w:rPrDefault")).find(qn("w:rPr")))
    normal = doc.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(BODY_PT)
    _east_asia(normal.element.get_or_add_rPr())
    _language(normal.element.get_or_add_rPr())
    for level in (1, 2, 3):
        _restyle_heading(doc, level)
    _page_number_header(section)


def _properties(doc: Any, given: dict[str, str], created: dt.datetime) -> None:
    """The file's core properties from the document, none of the library's defaults."""
    props = doc.core_properties
    author = _fit(given.get("author", ""))
    props.title = _fit(given.get("title", ""))
    props.subject = _fit(given.get("subject", ""))
    props.author = author
    props.last_modified_by = author
    props.comments = ""  # python-docx's own template says "generated by python-docx"
    props.keywords = ""
    props.category = ""
    props.language = LANGUAGE
    props.revision = 1
    moment = created.astimezone(dt.UTC).replace(tzinfo=None, microsecond=0)
    props.created = moment
    props.modified = moment


class _Body:
    """The document, with paragraphs and tables added at its end in constant time.

    python-docx looks for the body's section properties (its last child) from the first child
    on before it adds each paragraph or table, which makes a long document quadratic; here
    they go right before that last child.  Everything else is the document's own.
    """

    def __init__(self, doc: Any) -> None:
        self._doc = doc
        self._end = doc.element.body.sectPr

    def __getattr__(self, name: str) -> Any:
        return getattr(self._doc, name)

    def add_paragraph(self, style: str | None = None) -> Any:
        from docx.oxml import OxmlElement
        from docx.text.paragraph import Paragraph

        if self._end is None:
            return self._doc.add_paragraph(style=style)
        p = OxmlElement("w:p")
        self._end.addprevious(p)
        par = Paragraph(p, self._doc._body)
        if style is not None:
            par.style = style
        return par

    def add_table(self, rows: int, cols: int) -> Any:
        from docx.oxml.table import CT_Tbl
        from docx.table import Table

        if self._end is None:
            return self._doc.add_table(rows=rows, cols=cols)
        tbl = CT_Tbl.new_tbl(rows, cols, self._doc._block_width)
        self._end.addprevious(tbl)
        table = Table(tbl, self._doc._body)
        table.style = None  # as Document.add_table leaves it: the document's default
        return table


PROPERTY_MAX = 255
"""The longest text a core property holds (the format's limit)."""


def _fit(text: str) -> str:
    """``text`` cut to a core property's length, at a word, with ``…``."""
    text = " ".join(text.split())
    if len(text) <= PROPERTY_MAX:
        return text
    cut = text[: PROPERTY_MAX - 1]
    return (cut.rsplit(" ", 1)[0] if " " in cut else cut) + "…"


def _draft_mark(section: Any, text: str) -> None:
    """The draft mark, boxed, at the right of page 1's top margin: it takes no room from
    the body, so a draft has the same pages as the document it becomes."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Mm

    header = section.first_page_header
    par = header.paragraphs[0]
    par.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    width = _text_width_mm(_unescaped(text), 12, True) + 8
    par.paragraph_format.left_indent = Mm(TEXT_WIDTH_MM - width)
    _runs(par, text, size=12, bold=True)
    _border(par, ("top", "left", "bottom", "right"), size="8", space="1")


def build(text: str, created: dt.datetime | None = None) -> bytes:
    """The .docx bytes for the block text of a rendered template.

    ``created`` is the time written in the file's properties (by default: now).
    """
    import docx

    blocks = parse(text)
    doc = _Body(docx.Document())
    _setup(doc)
    # python-docx's default template starts with no paragraph; keep the body clean.
    pending = _Pending()

    def flush(next_kind: str) -> None:
        if pending.header and next_kind not in HEADER_KINDS:
            _emit_header(doc, pending.header)
            pending.header = {}
        if (pending.recipients or pending.sign) and next_kind not in SIGN_KINDS:
            _emit_sign(doc, pending.recipients, pending.sign, pending.last)
            pending.recipients, pending.sign = [], []
        if pending.table and next_kind not in ("th", "tr"):
            _emit_table(doc, pending.table, pending.widths, pending.aligns)
            pending.table, pending.widths, pending.aligns = [], [], []
            pending.last = None

    def body(par: Any) -> Any:
        pending.last = par
        if pending.anchor is None:
            pending.anchor = par
        return par

    kinhgui_at: float = 0.0
    for b in blocks:
        flush(b.kind)
        k, t = b.kind, b.text
        if k in HEADER_KINDS:
            pending.header[k] = t
        elif k in SIGN_KINDS:
            (pending.recipients if k in ("recipients-label", "recipient") else pending.sign).append(
                (k, t)
            )
        elif k == "size":
            try:
                pending.size = float(t)
            except ValueError:
                raise BlockError(f"cỡ chữ không phải số: {t}", b.line) from None
            if not 10 <= pending.size <= 16:
                raise BlockError(f"cỡ chữ {t} ngoài 10–16", b.line)
        elif k == "property":
            key, _, value = t.partition(" ")
            if key not in PROPERTIES:
                raise BlockError(f"@property {key}: chỉ có {', '.join(PROPERTIES)}", b.line)
            pending.properties[key] = _unescaped(value.strip())
        elif k == "table":
            if pending.table:
                _emit_table(doc, pending.table, pending.widths, pending.aligns)
                pending.table = []
            try:
                tokens = t.split()
                pending.aligns = [_TABLE_ALIGN.get(w[-1], "left") for w in tokens]
                pending.widths = [float(w.rstrip("<>^")) for w in tokens]
            except ValueError:
                raise BlockError(f"độ rộng cột không phải số: {t}", b.line) from None
        elif k in ("th", "tr"):
            cells = [c.strip() for c in _split(t, "|")]
            pending.table.append((k, cells))
        elif k == "draft":
            _draft_mark(doc.sections[0], t)
            pending.draft = t
        elif k == "draftnote":
            if pending.draft is None:
                raise BlockError("@draftnote phải đi sau @draft", b.line)
            pending.notes.append(_unescaped(t))
        elif k == "type":
            par = _par(doc, t, align="center", first_indent=None, after=0, size=14, bold=True)
            pending.anchor = par
        elif k == "summary":
            par = _par(doc, t, align="center", first_indent=None, after=12, size=14, bold=True)
            _rule_under(par, min(_text_width_mm(t, 14, True) / 2, 40), TEXT_WIDTH_MM, after=12)
        elif k == "kinhgui":
            cells = _split(t, "|")
            label, line = (cells[0].strip(), cells[1].strip()) if len(cells) > 1 else ("", t)
            if label:  # the addressees' column starts after the label
                kinhgui_at = KINHGUI_MM + _text_width_mm(_unescaped(label), BODY_PT) + 2
            at = kinhgui_at or KINHGUI_MM
            par = _par(doc, "", align="left", first_indent=None, after=0)
            _hanging(par, "", at, at - KINHGUI_MM if label else 0)
            _runs(par, f"{label}\t{line}" if label and line else label or line, size=pending.size)
            body(par)
        elif k == "h1":
            size = pending.size
            body(_par(doc, t, before=6, bold=True, size=size, keep_next=True, style="Heading 1"))
        elif k == "h2":
            body(_par(doc, t, bold=True, size=pending.size, keep_next=True, style="Heading 2"))
        elif k == "h3":
            size = pending.size
            body(_par(doc, t, bold=True, italic=True, size=size, keep_next=True, style="Heading 3"))
        elif k == "p":
            body(_par(doc, t, size=pending.size))
        elif k == "li":  # lines of one enumeration: little space between them
            par = _par(doc, "", after=2)
            _runs(par, _hanging(par, t, LIST_MM, LIST_HANG_MM), size=pending.size)
            if _opens(t):
                par.paragraph_format.keep_with_next = True
            body(par)
        elif k == "plain":
            body(_par(doc, t, first_indent=None, size=pending.size))
        elif k == "basis":
            body(_par(doc, t, italic=True, size=pending.size))
        elif k == "note":
            body(_par(doc, t, size=13, italic=True))
        elif k == "center":
            body(_par(doc, t, align="center", first_indent=None, size=pending.size))
        elif k == "blank":
            _par(doc, "", first_indent=None)
        elif k == "pagebreak":
            from docx.enum.text import WD_BREAK

            doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    flush("")
    if pending.draft is not None and pending.notes and pending.anchor is not None:
        comment = doc.add_comment(
            pending.anchor.runs, text=pending.notes[0], author="tnplan", initials="TN"
        )
        for note in pending.notes[1:]:
            comment.add_paragraph(note)
    _properties(doc, pending.properties, created or dt.datetime.now(dt.UTC))
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()
