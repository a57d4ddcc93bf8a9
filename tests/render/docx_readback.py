"""Read a .docx back with python-docx and describe it as text, for golden files.

The description holds what a reviewer checks on paper: page size and margins, the header
with its page number (and the empty first-page header), the comments, then every paragraph
and table cell in order with its alignment, first-line indent, font, size, bold and italic
(``**…**`` and ``*…*`` mark runs that differ from the rest of their paragraph), and the
lines drawn as paragraph borders.
"""

from __future__ import annotations

import io
from typing import Any

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph

_ALIGN = {
    WD_ALIGN_PARAGRAPH.LEFT: "left",
    WD_ALIGN_PARAGRAPH.CENTER: "center",
    WD_ALIGN_PARAGRAPH.RIGHT: "right",
    WD_ALIGN_PARAGRAPH.JUSTIFY: "justify",
    None: "left",
}


def _mm(length: Any) -> str:
    return f"{length.mm:.1f}"


def _fields(par: Paragraph) -> list[str]:
    return [t.text.strip() for t in par._element.iter(qn("w:instrText")) if t.text]


def _borders(par: Paragraph) -> str:
    ppr = par._element.pPr
    if ppr is None:
        return ""
    bdr = ppr.find(qn("w:pBdr"))
    if bdr is None:
        return ""
    edges = [child.tag.split("}")[1] for child in bdr]
    return "box" if len(edges) == 4 else "line " + "+".join(edges)


def _run_fmt(run: Any, style_font: Any) -> tuple[str, float, bool, bool]:
    name = run.font.name or style_font.name
    size = (run.font.size or style_font.size).pt
    return (name, size, bool(run.font.bold), bool(run.font.italic))


def paragraph(par: Paragraph, normal_font: Any) -> str:
    runs = [r for r in par.runs if r.text]
    bits = [_ALIGN.get(par.paragraph_format.alignment, str(par.paragraph_format.alignment))]
    indent = par.paragraph_format.first_line_indent
    if indent:
        bits.append(f"indent {indent.cm:.2f}cm")
    left = par.paragraph_format.left_indent
    if left and not _borders(par):
        bits.append(f"left {left.mm:.0f}mm")
    border = _borders(par)
    if border:
        width = par.paragraph_format
        if border.startswith("line") and width.left_indent is not None:
            bits.append(f"{border} (indent {width.left_indent.mm:.0f}mm)")
        else:
            bits.append(border)
    if not runs:
        return "¶ " + " ".join(bits) + " | (empty)"
    fmts = [_run_fmt(r, normal_font) for r in runs]
    names = {f[0] for f in fmts}
    sizes = {f[1] for f in fmts}
    bits.append("/".join(sorted(names)))
    bits.append("/".join(f"{s:g}pt" for s in sorted(sizes)))
    all_bold = all(f[2] for f in fmts)
    all_italic = all(f[3] for f in fmts)
    if all_bold:
        bits.append("bold")
    if all_italic:
        bits.append("italic")
    text = ""
    for run, f in zip(runs, fmts, strict=True):
        piece = run.text
        if f[2] and not all_bold:
            piece = f"**{piece}**"
        if f[3] and not all_italic:
            piece = f"*{piece}*"
        text += piece
    return "¶ " + " ".join(bits) + " | " + text


def _table(table: Table, normal_font: Any) -> list[str]:
    tbl_pr = table._element.tblPr
    borders = tbl_pr.find(qn("w:tblBorders"))
    style = table.style.name if table.style is not None else "-"
    kind = "no borders" if borders is not None else f"style {style}"
    rows = len(table.rows)
    cols = len(table.columns)
    widths = " ".join(f"{c.width.mm:.0f}" for c in table.columns if c.width is not None)
    out = [f"[table {rows}x{cols}, {kind}, columns {widths} mm]"]
    for r, row in enumerate(table.rows):
        flags = []
        trpr = row._tr.trPr
        if trpr is not None:
            if trpr.find(qn("w:tblHeader")) is not None:
                flags.append("repeat header")
            if trpr.find(qn("w:cantSplit")) is not None:
                flags.append("cannot split")
        if flags:
            out.append(f"  row {r + 1}: {', '.join(flags)}")
        for c, cell in enumerate(row.cells):
            for par in cell.paragraphs:
                out.append(f"  [{r + 1},{c + 1}] " + paragraph(par, normal_font))
    return out


def describe(data: bytes) -> str:
    doc = docx.Document(io.BytesIO(data))
    section = doc.sections[0]
    normal = doc.styles["Normal"].font
    lines = [
        f"page: {_mm(section.page_width)} x {_mm(section.page_height)} mm",
        f"margins: top {_mm(section.top_margin)} bottom {_mm(section.bottom_margin)} "
        f"left {_mm(section.left_margin)} right {_mm(section.right_margin)} mm",
        f"normal style: {normal.name} {normal.size.pt:g}pt",
        f"different first page: {section.different_first_page_header_footer}",
    ]
    first = [p for p in section.first_page_header.paragraphs if p.text or _fields(p)]
    lines.append(f"first-page header: {'(empty)' if not first else len(first)}")
    for par in section.header.paragraphs:
        fields = _fields(par)
        lines.append(f"header: fields {fields} " + paragraph(par, normal))
    for comment in doc.comments:
        lines.append(f"comment by {comment.author}:")
        lines.extend(f"  {p.text}" for p in comment.paragraphs)
    lines.append("---")
    for item in doc.iter_inner_content():
        if isinstance(item, Table):
            lines.extend(_table(item, normal))
        else:
            lines.append(paragraph(item, normal))
    return "\n".join(lines) + "\n"
