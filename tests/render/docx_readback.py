"""Read a .docx back with python-docx and describe it as text, for golden files.

The description holds what a reviewer checks on paper: page size and margins, the file's
properties and language, the header with its page number (and the first-page header: empty,
or a draft's mark), the comments, then every paragraph and table cell in order with its style
(when not Normal), alignment, indents, font, size, bold, italic and underline (``**…**``,
``*…*`` and ``_…_`` mark runs that differ from the rest of their paragraph), how it breaks
across pages (``keep next``, ``keep lines``, rows that ``cannot split``), and the lines drawn
as paragraph borders.  A tab shows as ``→``.
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
    bits = []
    style = par.style.name if par.style is not None else "Normal"
    if style not in ("Normal", "Header"):
        bits.append(f"[{style}]")
    bits.append(_ALIGN.get(par.paragraph_format.alignment, str(par.paragraph_format.alignment)))
    indent = par.paragraph_format.first_line_indent
    if indent:
        bits.append(f"indent {indent.cm:.2f}cm")
    left = par.paragraph_format.left_indent
    if left and not _borders(par):
        bits.append(f"left {left.mm:.0f}mm")
    if par.paragraph_format.keep_with_next:
        bits.append("keep next")
    if par.paragraph_format.keep_together:
        bits.append("keep lines")
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
    underlined = [bool(r.font.underline) for r in runs]
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
    if all(underlined):
        bits.append("underline")
    text = ""
    for run, f, u in zip(runs, fmts, underlined, strict=True):
        piece = run.text.replace("\t", "→")
        if f[2] and not all_bold:
            piece = f"**{piece}**"
        if f[3] and not all_italic:
            piece = f"*{piece}*"
        if u and not all(underlined):
            piece = f"_{piece}_"
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

    def has(row: Any, tag: str) -> bool:
        trpr = row._tr.trPr
        return trpr is not None and trpr.find(qn(tag)) is not None

    whole = all(has(row, "w:cantSplit") for row in table.rows)
    out = [
        f"[table {rows}x{cols}, {kind}, columns {widths} mm"
        + (", no row splits across pages]" if whole else "]")
    ]
    for r, row in enumerate(table.rows):
        flags = []
        if has(row, "w:tblHeader"):
            flags.append("repeat header")
        if has(row, "w:cantSplit") and not whole:
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
    props = doc.core_properties
    lang = doc.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault"))
    lang = lang.find(qn("w:rPr")).find(qn("w:lang"))
    lines = [
        f"properties: title {props.title!r}, subject {props.subject!r}, author {props.author!r}, "
        f"created {props.created:%Y-%m-%d %H:%M}, language {props.language}, "
        f"text language {lang.get(qn('w:val')) if lang is not None else '-'}",
        f"page: {_mm(section.page_width)} x {_mm(section.page_height)} mm",
        f"margins: top {_mm(section.top_margin)} bottom {_mm(section.bottom_margin)} "
        f"left {_mm(section.left_margin)} right {_mm(section.right_margin)} mm",
        f"normal style: {normal.name} {normal.size.pt:g}pt",
        f"different first page: {section.different_first_page_header_footer}",
    ]
    first = [p for p in section.first_page_header.paragraphs if p.text or _fields(p)]
    lines.append("first-page header: (empty)" if not first else "first-page header:")
    lines.extend("  " + paragraph(p, normal) for p in first)
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
