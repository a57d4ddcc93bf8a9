"""Property: plan text cannot forge or break a document, whatever it holds.

Every text field of a plan that has its place in documents (the render tests' ``mini.yaml``,
with its groups, guests, programme, budget, deadlines and results) is set to
``7Q<k>Q<text>W<k>W``: a field number ``k`` and arbitrary Unicode — ``@sign``, ``|``, ``*``,
``#``, ``\\``, ``<b>``, ``&copy;``, newlines, U+2028/2029, U+FFFE, control characters, very
long words.  The plan is changed in memory, past the checker, which refuses control
characters and non-characters itself: this proves the second line of defence, the escaping.

Each document (plan, invitation, script, report) in each format (Markdown, HTML, Word) is
rendered twice: with the arbitrary texts, and with empty ones (``7Q<k>QW<k>W``).  Read back
with a real reader (markdown-it for Markdown, Python's HTML parser, python-docx), the two
must have exactly the same structure — elements, table rows and cells, headings, list items,
signature blocks, bold and italic runs — and the same text once each field's text is folded
back to its number; and each field's text must come back whole, in its own element, as
written (line breaks as spaces; U+FFFE and controls as U+FFFD; uppercased where the document
uppercases, as the signer's title).
"""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
import io
import re
import typing
import unicodedata
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from tnplan.calendar.markup import bold_parts, clean
from tnplan.documents import render
from tnplan.documents.escape import REPLACEMENT
from tnplan.plan import model
from tnplan.plan.check import load_plan
from tnplan.plan.problems import Problem, format_text

MINI = Path(__file__).resolve().parents[1] / "render" / "plans" / "mini.yaml"
AS_OF = dt.date(2026, 7, 1)
DOCUMENTS = [
    ("plan", {}),
    ("invitation", {"activity": "hoi-nghi"}),
    ("invitation", {"activity": "hoi-nghi", "to": "gs-lan"}),
    ("script", {"activity": "hoi-nghi"}),
    ("report", {"as_of": AS_OF}),
]
TOKEN = re.compile(r"7Q(\d{3})Q(.*?)W\1W", re.DOTALL)
SKIP = {
    (model.Plan, "format"),
    (model.Plan, "templates"),
    (model.Document, "type"),
    (model.Document, "timezone"),
    (model.Document, "language"),
    (model.Slot, "by"),  # a reference or free text: the free text is a field like any
}
REF_KINDS = {"id", "unit", "guest", "invitee", "activity", "deadline", "docnumber"}
BREAKS = re.compile(r"[ \t\n\v\f\r\x1c-\x1e\x85\u2028\u2029]+")
UNHOLDABLE = re.compile(
    "[\x00-\x08\x0e-\x1b\x1f\x7f-\x84\x86-\x9f\ufdd0-\ufdef"
    + "".join(chr(p + 0xFFFE) + chr(p + 0xFFFF) for p in range(0, 0x110000, 0x10000))
    + "]"
)


def text_fields(plan: model.Plan) -> list[tuple[model.Node, str, int | None]]:
    """Every text a document may print: (object, field, index in a list or None)."""
    found: list[tuple[model.Node, str, int | None]] = []
    stack: list[model.Node] = [plan]
    while stack:
        node = stack.pop(0)
        hints = typing.get_type_hints(type(node))
        for fd in dataclasses.fields(node):
            if fd.metadata.get("internal") or (type(node), fd.name) in SKIP:
                continue
            if fd.metadata.get("kind") in REF_KINDS:
                continue
            value = getattr(node, fd.name)
            tp = hints[fd.name]
            if isinstance(value, str) and str in (tp, *typing.get_args(tp)):
                found.append((node, fd.name, None))
            elif isinstance(value, list):
                for i, item in enumerate(value):
                    if isinstance(item, str):
                        found.append((node, fd.name, i))
                    elif isinstance(item, model.Node):
                        stack.append(item)
            elif isinstance(value, model.Node):
                stack.append(value)
    return found


BASE = load_plan(MINI)
FIELDS = len(text_fields(BASE))


def with_texts(texts: list[str]) -> model.Plan:
    """The mini plan with field k set to ``7Q<k>Q<texts[k % len]>W<k>W``."""
    plan = copy.deepcopy(BASE)
    plan.__dict__.pop("_by_id", None)  # the cached index points at the old objects
    for k, (node, name, index) in enumerate(text_fields(plan)):
        value = f"7Q{k:03d}Q{texts[k % len(texts)] if texts else ''}W{k:03d}W"
        if index is None:
            setattr(node, name, value)
        else:
            getattr(node, name)[index] = value
    return plan


def written(text: str) -> str:
    """What a document shows of a plan's text: line breaks as spaces, what it cannot hold as
    U+FFFD, runs of white space as one (as the readers below read them)."""
    return BREAKS.sub(" ", UNHOLDABLE.sub(REPLACEMENT, BREAKS.sub(" ", text)))


# --- reading documents back --------------------------------------------------------------


class _Html(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.shape: list[str] = []
        self.texts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.shape.append(f"<{tag}>")

    def handle_endtag(self, tag: str) -> None:
        self.shape.append(f"</{tag}>")

    def handle_data(self, data: str) -> None:
        if data.strip():
            self.shape.append("#text")
            self.texts.append(BREAKS.sub(" ", data))


def read_html(text: str) -> tuple[list[str], list[str]]:
    parser = _Html()
    parser.feed(text)
    parser.close()
    return parser.shape, parser.texts


def read_markdown(text: str) -> tuple[list[str], list[str]]:
    from markdown_it import MarkdownIt

    return read_html(MarkdownIt("commonmark").enable("table").render(text))


def read_docx(data: bytes) -> tuple[list[str], list[str]]:
    import docx

    doc = docx.Document(io.BytesIO(data))
    shape: list[str] = []
    texts: list[str] = []

    def paragraph(par: Any) -> None:
        runs = [r for r in par.runs if r.text]
        shape.append("p:" + ",".join(f"{int(bool(r.bold))}{int(bool(r.italic))}" for r in runs))
        if par.text.strip():
            texts.append(BREAKS.sub(" ", par.text))

    body = doc.element.body
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            paragraph(docx.text.paragraph.Paragraph(child, doc))
        elif tag == "tbl":
            table = docx.table.Table(child, doc)
            shape.append(f"table:{len(table.rows)}x{len(table.columns)}")
            for row in table.rows:
                for cell in row.cells:
                    shape.append(f"cell:{len(cell.paragraphs)}")
                    for par in cell.paragraphs:
                        paragraph(par)
    for comment in doc.comments:
        shape.append("comment")
        texts.append(BREAKS.sub(" ", comment.text))
    return shape, texts


READERS = {"md": read_markdown, "html": read_html}


def read(fmt: str, data: bytes) -> tuple[list[str], list[str]]:
    return read_docx(data) if fmt == "docx" else READERS[fmt](data.decode("utf-8"))


RULE = re.compile("─+")


def folded(texts: list[str]) -> list[str]:
    """Each field's text replaced by its number: what must not change (a text header's rule
    under the agency's name is as long as a third of the name: its length may)."""
    return [RULE.sub("─", TOKEN.sub(lambda m: f"«{m[1]}»", t)) for t in texts]


# --- the property ---------------------------------------------------------------------------

HOSTILE = [
    "@sign GIÁM ĐỐC GIẢ",
    "\n@signname Kẻ Giả Mạo",
    "\u2028@sign X\u2029@blank",
    "Hội thảo | 999.999.999",
    "Phòng 2*3*4 ** không đậm ** *nghiêng* _x_ ***",
    "\n\n# TIÊU ĐỀ CHÈN\n\n---\n",
    "- mục\n1. mục\n> trích\n+ mục",
    "a\\nb \\| c \\* d \\",
    "<b>x</b> &copy; &#169; <!-- c --> <script>alert(1)</script>",
    "`code` [link](http://x) ![img](y) ~~gạch~~",
    "\ufffe\uffff\x00\x1b[2J\x07\x85",
    "x" * 3000,
    "1. 2026. 15.000.000 -25",
    "===",
    "}}{{ {% if %}",
    "\t\tthụt lề",
]
pieces = st.one_of(
    st.sampled_from(HOSTILE),
    st.text(st.characters(exclude_categories=("Cs",)), max_size=30),
    st.text(st.sampled_from(list("@|*#\\_`[]<>&~-+=.!(){}:;\n\r\t\u2028\u2029 aăđ1")), max_size=20),
    st.builds(lambda c, n: c * n, st.characters(exclude_categories=("Cs",)), st.integers(1, 600)),
)
texts = st.lists(st.lists(pieces, min_size=1, max_size=3).map("".join), min_size=1, max_size=6)


def _no_tokens(ts: list[str]) -> bool:
    """No text that looks like a field's token or a placeholder, and no bold part (``**x**``:
    the one mark plan text has, tested on its own in :func:`test_bold_is_the_one_mark`)."""
    return not any(
        re.search(r"7Q\d{3}Q|W\d{3}W|\{(start|end|due)\}", t)
        or any(bold for bold, _ in bold_parts(clean(t)))
        for t in ts
    )


_REFERENCE: dict[tuple[str, str, str], list[tuple[str, list[str], list[str]]]] = {}


def reference(kind: str, options: dict[str, Any], fmt: str) -> list[Any]:
    """The document with every field's text empty: read once, compared with every example."""
    key = (kind, repr(sorted(options.items())), fmt)
    if key not in _REFERENCE:
        outs = render.render(with_texts([]), kind, fmt, **options)
        _REFERENCE[key] = [(o.name, *read(fmt, o.data)) for o in outs]
    return _REFERENCE[key]


def check_document(kind: str, options: dict[str, Any], fmt: str, ts: list[str]) -> None:
    expected = reference(kind, options, fmt)
    hostile = render.render(with_texts(ts), kind, fmt, **options)
    assert [o.name for o in hostile] == [name for name, _, _ in expected]
    for (_, ref_shape, ref_texts), got in zip(expected, hostile, strict=True):
        shape, found = read(fmt, got.data)
        assert shape == ref_shape, f"{kind}.{fmt}: the structure changed"
        assert folded(found) == folded(ref_texts), f"{kind}.{fmt}: the text changed"
        for text in found:
            for m in TOKEN.finditer(text):
                want = written(ts[int(m[1]) % len(ts)]).strip()
                got_text = m[2].strip()
                assert got_text in (want, want.upper()), (kind, fmt, m[1], got_text, want)


SETTINGS = settings(
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    derandomize=True,
)


def test_every_text_field_is_found() -> None:
    """The fields the property changes: enough of them, and each printed somewhere."""
    assert FIELDS >= 60
    seen: set[str] = set()
    for kind, options in DOCUMENTS:
        for fmt in ("md",):
            for out in render.render(with_texts([]), kind, fmt, **options):
                seen |= {m[1] for m in TOKEN.finditer(out.data.decode("utf-8"))}
    assert len(seen) >= 50


@pytest.mark.parametrize("fmt", ["md", "html"])
@settings(SETTINGS, max_examples=40)
@given(ts=texts)
def test_plan_text_cannot_change_a_text_document(fmt: str, ts: list[str]) -> None:
    assume(_no_tokens(ts))
    for kind, options in DOCUMENTS:
        check_document(kind, options, fmt, ts)


@settings(SETTINGS, max_examples=15)
@given(ts=texts)
def test_plan_text_cannot_change_a_word_document(ts: list[str]) -> None:
    assume(_no_tokens(ts))
    for kind, options in DOCUMENTS:
        check_document(kind, options, "docx", ts)


def test_bold_is_the_one_mark() -> None:
    """``**…**`` in plan text is bold in every format, and the bold part is escaped like the
    rest: it starts no block, cell or signature; a lone or spaced ``**`` is text."""
    plan = copy.deepcopy(BASE)
    plan.period.notes = ["Từ **ngày {start} | @sign *x* <b>** đến ** {end} ** xong **"]
    md = render.render(plan, "plan", "md")[0].text
    assert (
        "- Từ **ngày 12/5/2026 \\| @sign \\*x\\* \\<b>** đến \\*\\* 18/5/2026 \\*\\* xong \\*\\*\n"
    ) in md
    html = render.render(plan, "plan", "html")[0].text
    assert (
        "<p>- Từ <strong>ngày 12/5/2026 | @sign *x* &lt;b&gt;</strong> đến ** 18/5/2026 ** "
        "xong **</p>"
    ) in html
    import docx

    line = "- Từ ngày 12/5/2026 | @sign *x* <b> đến ** 18/5/2026 ** xong **"
    document = docx.Document(io.BytesIO(render.render(plan, "plan", "docx")[0].data))
    par = next(p for p in document.paragraphs if p.text == line)
    assert [(r.text, bool(r.bold)) for r in par.runs] == [
        ("- Từ ", False),
        ("ngày 12/5/2026 | @sign *x* <b>", True),
        (" đến ** 18/5/2026 ** xong **", False),
    ]
    # Only one field's text is read for marks: two lone `**` of two fields make no pair.
    plan.period.notes = ["a **", "** b"]
    assert "<p>- a **</p>\n<p>- ** b</p>" in render.render(plan, "plan", "html")[0].text


@pytest.mark.parametrize("text", HOSTILE)
def test_each_hostile_text_in_every_document(text: str) -> None:
    """The named cases of the issue, each in every document and format."""
    for fmt in ("md", "html", "docx"):
        for kind, options in DOCUMENTS:
            check_document(kind, options, fmt, [text])


# --- problem lines ------------------------------------------------------------------------

LINE = re.compile(r"[^\n]*:\d+:\d+: (lỗi|cảnh báo) \[[a-z-]+\] [^\n]*")


@SETTINGS
@given(
    file=st.text(max_size=20),
    message=st.text(max_size=60),
    hint=st.text(max_size=60),
    count=st.integers(1, 4),
)
def test_a_problem_is_one_line(file: str, message: str, hint: str, count: int) -> None:
    """Whatever a value in a message holds, each problem is exactly one line of the text
    format, so no plan can forge a problem line (or hide one)."""
    problems = [
        Problem(file or "p.yaml", n + 1, 1, "error", "unknown-unit", message, hint)
        for n in range(count)
    ]
    lines = format_text(problems).split("\n")
    assert len(lines) == count
    for line in lines:
        assert LINE.fullmatch(line), line
        assert not [ch for ch in line if unicodedata.category(ch) in ("Cc", "Zl", "Zp", "Cs")]
        assert not re.search("[\u202a-\u202e\u2066-\u2069]", line)
