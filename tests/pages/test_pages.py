"""Real pages: every document of every example plan, printed to PDF and read page by page.

Every document kind of every example plan (``tests/plans/valid/`` and the bundled plan) — the
plan, each activity's invitation (to everyone, and to each invitee as ``--each`` writes
them), its script, the report before and after the plan's activities end, and each unit's
own report — is written as Word and converted by LibreOffice headless (what ``-f pdf`` does),
and written as HTML and printed by headless Chromium.  ``pdftotext`` gives each page's text.
On every PDF:

* the signature block is whole, on the last page, and never alone: the page that holds
  "Nơi nhận:" and the signer's name holds body text above them too;
* a heading is never the last thing on a page (it stays with what follows);
* a script's table row is never split (each row's times and duration are on one page);
* an invitation with up to eight invitees is one page;
* a draft has the pages of the document it becomes: the invitation with its list of
  tentative facts has the same page texts as with none (but the DỰ THẢO mark).

These tests need LibreOffice (``soffice``), ``pdftotext`` (poppler-utils) and Chromium; each
part says it is skipped when its tool is missing, and fails instead where
``TNPLAN_PAGE_TESTS=required`` (CI sets it, after installing them).
"""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
import os
import re
import shutil
from collections.abc import Callable
from pathlib import Path

import printing
import pytest

from support import PLAN
from tnplan.documents import pdf, render
from tnplan.plan import model
from tnplan.plan.check import expand_units, load_plan
from tnplan.plan.problems import TnplanError

VALID = Path(__file__).resolve().parents[1] / "plans" / "valid"
PLANS = [PLAN, *sorted(VALID.glob("*.yaml"))]
REQUIRED = os.environ.get("TNPLAN_PAGE_TESTS") == "required"


def _need(ok: bool, what: str) -> None:
    if ok:
        return
    if REQUIRED:
        pytest.fail(f"{what} (TNPLAN_PAGE_TESTS=required)")
    pytest.skip(what)


def need_word() -> None:
    _need(
        pdf.soffice() is not None and shutil.which("pdftotext") is not None,
        "LibreOffice or pdftotext is not installed (Debian: apt-get install -y "
        "libreoffice-writer-nogui poppler-utils fonts-liberation2): Word pages not checked",
    )


def need_browser() -> None:
    _need(
        printing.chromium() is not None and shutil.which("pdftotext") is not None,
        "Chromium or pdftotext is not installed (Debian: apt-get install -y chromium "
        "poppler-utils): HTML pages not checked",
    )


@dataclasses.dataclass
class Doc:
    """One document to print: its name, what it is, and what to check on its pages."""

    name: str
    kind: str
    word: bytes
    html: bytes | None
    invitees: int = 0
    headings: list[str] = dataclasses.field(default_factory=list)
    word_pages: list[str] = dataclasses.field(default_factory=list)
    html_pages: list[str] = dataclasses.field(default_factory=list)


def _headings(data: bytes) -> list[str]:
    import io

    import docx

    document = docx.Document(io.BytesIO(data))
    return [
        " ".join(p.text.split())
        for p in document.paragraphs
        if p.style is not None and p.style.name.startswith("Heading") and p.text.strip()
    ]


def _documents(plan: model.Plan) -> list[Doc]:
    """Every document of ``plan`` as Word (and as HTML, but the per-invitee copies)."""
    now = dt.datetime(2026, 5, 1, 8, 0, tzinfo=dt.UTC)
    end = render.plan_end(plan)
    jobs: list[tuple[str, str, dict[str, object], int]] = [("plan", "plan", {}, 0)]
    for a in plan.activities:
        if a.event is None:
            continue
        if not render.invitation_facts(plan, a):
            everyone = render.expand_invitees(plan, a.event.invitees)
            kw: dict[str, object] = {"activity": a.id, "force": True}
            jobs.append((f"invitation-{a.id}", "invitation", kw, len(everyone)))
            jobs.append((f"invitation-{a.id}-each", "invitation", {**kw, "each": True}, 1))
        if a.programme:
            jobs.append((f"script-{a.id}", "script", {"activity": a.id}, 0))
    for day, word in ((plan.period.start, "progress"), (end + dt.timedelta(days=30), "final")):
        jobs.append((f"report-{word}", "report", {"as_of": day}, 0))
    owing = [
        u
        for u in plan.units
        if not u.members
        and any(
            u.id in expand_units(plan, d.owners) and u.id not in expand_units(plan, d.to)
            for d in plan.deadlines
        )
    ]
    signed = [u for u in owing if u.signer is not None]
    for unit in signed or owing[:1]:  # each signed unit, else one to be signed
        kw = {"as_of": end + dt.timedelta(days=30), "unit": unit.id}
        jobs.append((f"report-unit-{unit.id}", "report", kw, 0))
    docs = []
    for job, kind, kw, invitees in jobs:
        try:
            words = render.render(plan, kind, "docx", now=now, **kw)  # type: ignore[arg-type]
        except TnplanError as exc:  # a script whose programme cannot be timed, etc.
            if exc.exit_code == 1 and kind == "script":
                continue
            raise
        html = None if kw.get("each") else render.render(plan, kind, "html", **kw)[0].data  # type: ignore[arg-type]
        for i, out in enumerate(words):
            label = f"{plan.id}/{job}" + (f"/{out.name}" if len(words) > 1 else "")
            docs.append(
                Doc(label, kind, out.data, html if i == 0 else None, invitees, _headings(out.data))
            )
    return docs


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory) -> list[Doc]:
    """Every document, printed once for all the tests below."""
    need_word()
    folder = tmp_path_factory.mktemp("pages")
    docs = [d for path in PLANS for d in _documents(load_plan(path))]
    pdfs = pdf.convert([(f"{i}.docx", d.word) for i, d in enumerate(docs)])
    for i, (doc, data) in enumerate(zip(docs, pdfs, strict=True)):
        path = folder / f"{i}-word.pdf"
        path.write_bytes(data)
        doc.word_pages = printing.pages(path)
    if printing.chromium() is not None:
        with_html = [(i, d) for i, d in enumerate(docs) if d.html is not None]
        files = []
        for i, d in with_html:
            page = folder / f"{i}.html"
            assert d.html is not None
            page.write_bytes(d.html)
            files.append(page)
        for (i, doc), data in zip(
            with_html, printing.html_to_pdf(files, folder / "chromium"), strict=True
        ):
            path = folder / f"{i}-html.pdf"
            path.write_bytes(data)
            doc.html_pages = printing.pages(path)
    return docs


# --- reading pages ---------------------------------------------------------------------------

_SEGMENTS = re.compile(r"\s{2,}")


def _lines(page: str) -> list[str]:
    """The page's lines without the page number and the draft mark (both in the margin)."""
    out = []
    for line in page.splitlines():
        text = line.strip()
        if not text or text.isdigit() or text == "DỰ THẢO":
            continue
        out.append(text)
    return out


def closing_problems(pages: list[str]) -> list[str]:
    """What is wrong with the signature block's place: split, not last, or alone."""
    at = [i for i, page in enumerate(pages) if "Nơi nhận:" in page]
    if not at:
        return ["no “Nơi nhận:” on any page"]
    where = at[-1]
    problems = []
    if where != len(pages) - 1:
        problems.append(f"the signature block is on page {where + 1} of {len(pages)}")
    lines = _lines(pages[where])
    first = next(i for i, line in enumerate(lines) if "Nơi nhận:" in line)
    if first == 0:
        problems.append(f"page {where + 1} holds only the recipients and the signature")
    return problems


def heading_problems(pages: list[str], headings: list[str]) -> list[str]:
    """Pages (but the last) whose last lines are a whole heading: it left what follows."""
    problems = []
    for n, page in enumerate(pages[:-1], start=1):
        lines = _lines(page)
        for k in (1, 2, 3):
            tail = " ".join(" ".join(_SEGMENTS.split(x)) for x in lines[-k:])
            hit = next((h for h in headings if tail.endswith(h) and len(h) > 3), None)
            if hit is not None:
                problems.append(f"page {n} ends with the heading “{hit}”")
                break
    return problems


_ROW_START = re.compile(r"từ \d{2} giờ \d{2} phút(?=\s{2,}|$)")
_ROW_END = re.compile(r"\(\d+ phút\)")


def row_problems(pages: list[str]) -> list[str]:
    """A script's rows split across pages: a page where a row's times start and its
    duration (the last line of the time cell) is not there."""
    problems = []
    for n, page in enumerate(pages, start=1):
        lines = [line.strip() for line in page.splitlines()]
        starts = sum(1 for line in lines if _ROW_START.match(line))
        ends = sum(1 for line in lines if _ROW_END.match(line))
        if starts != ends:
            problems.append(f"page {n}: {starts} rows start, {ends} end")
    return problems


# --- the checks ------------------------------------------------------------------------------


def _each(printed: list[Doc], check: Callable[[Doc, list[str], str], list[str]]) -> None:
    problems = []
    for doc in printed:
        for route, pages in (("Word", doc.word_pages), ("HTML", doc.html_pages)):
            if pages:
                problems.extend(f"{doc.name} ({route}): {p}" for p in check(doc, pages, route))
    assert problems == []


def test_every_kind_of_every_plan_is_printed(printed: list[Doc]) -> None:
    kinds = {(d.name.split("/")[0], d.kind) for d in printed}
    for path in PLANS:
        plan_id = load_plan(path).id
        assert {k for p, k in kinds if p == plan_id} >= {"plan", "report"}
    assert {k for _, k in kinds} == {"plan", "invitation", "script", "report"}
    units = [d for d in printed if d.kind == "report" and "/report-unit-" in d.name]
    assert len(units) >= 3  # units' own reports (--unit), signed or still to be signed
    assert all(d.word_pages for d in printed)
    if printing.chromium() is not None:
        assert all(d.html_pages for d in printed if d.html is not None)


def test_signature_block_is_whole_last_and_never_alone(printed: list[Doc]) -> None:
    _each(
        printed,
        lambda doc, pages, _route: closing_problems(pages) if doc.kind != "script" else [],
    )


def test_headings_stay_with_what_follows(printed: list[Doc]) -> None:
    _each(printed, lambda doc, pages, _route: heading_problems(pages, doc.headings))


def test_script_rows_are_not_split(printed: list[Doc]) -> None:
    _each(printed, lambda doc, pages, _route: row_problems(pages) if doc.kind == "script" else [])


def test_an_invitation_of_up_to_eight_invitees_is_one_page(printed: list[Doc]) -> None:
    invitations = [d for d in printed if d.kind == "invitation" and d.invitees <= 8]
    assert max(d.invitees for d in invitations) >= 8  # the list of eight is among them
    _each(
        printed,
        lambda doc, pages, _route: (
            [f"{len(pages)} pages"]
            if doc.kind == "invitation" and doc.invitees <= 8 and len(pages) != 1
            else []
        ),
    )


def _decided(plan: model.Plan) -> model.Plan:
    """The plan with nothing tentative: what the draft becomes."""
    plan = copy.deepcopy(plan)
    plan.__dict__.pop("_by_id", None)
    stack: list[object] = [plan]
    while stack:
        node = stack.pop()
        if isinstance(node, model.Node):
            for fd in dataclasses.fields(node):
                value = getattr(node, fd.name)
                if fd.name in ("tentative", "programme_tentative") and value is True:
                    setattr(node, fd.name, False)
                elif isinstance(value, list):
                    stack.extend(value)
                else:
                    stack.append(value)
    return plan


def test_a_draft_has_the_pages_of_the_document_it_becomes(tmp_path: Path) -> None:
    """The list of tentative facts never pushes an invitation to a second page."""
    need_word()
    plan = load_plan(PLAN)
    words, htmls = [], []
    for p in (plan, _decided(plan)):
        outs = render.render(p, "invitation", "docx", activity="hoi-nghi-sang-che")
        assert bool(outs[0].tentative) == (p is plan)
        words.append(outs[0].data)
        htmls.append(render.render(p, "invitation", "html", activity="hoi-nghi-sang-che")[0].data)
    texts = []
    for i, data in enumerate(pdf.convert([("draft.docx", words[0]), ("final.docx", words[1])])):
        path = tmp_path / f"{i}.pdf"
        path.write_bytes(data)
        texts.append([_lines(page) for page in printing.pages(path)])
    assert len(texts[0]) == len(texts[1]) == 1
    assert texts[0] == texts[1]
    assert "DỰ THẢO" in printing.pages(tmp_path / "0.pdf")[0]
    need_browser()
    files = []
    for i, data in enumerate(htmls):
        page = tmp_path / f"{i}.html"
        page.write_bytes(data)
        files.append(page)
    printed_html = []
    for i, data in enumerate(printing.html_to_pdf(files, tmp_path / "chromium")):
        path = tmp_path / f"{i}-html.pdf"
        path.write_bytes(data)
        printed_html.append(printing.pages(path))
    assert [len(p) for p in printed_html] == [1, 1]
    assert "DỰ THẢO" in printed_html[0][0] and "DỰ THẢO" not in printed_html[1][0]
    draft_page, final_page = (_lines(p[0]) for p in printed_html)
    assert draft_page == final_page


def test_the_checks_see_what_they_look_for() -> None:
    """The page checks themselves, on pages made up for them (no tool needed)."""
    alone = [
        "body text\n",
        "        2\nNơi nhận:            GIÁM ĐỐC\n- Như trên;\n\n   Hoàng Văn\n",
    ]
    assert closing_problems(alone) == ["page 2 holds only the recipients and the signature"]
    kept = ["body\n", "   2\n   Trên đây là …/.\nNơi nhận:      GIÁM ĐỐC\n- Như trên;\n"]
    assert closing_problems(kept) == []
    assert closing_problems(["text\nNơi nhận:  GIÁM ĐỐC\n", "more\n"]) == [
        "the signature block is on page 1 of 2"
    ]
    heading = ["text\n      II. KẾT QUẢ THỰC HIỆN\n", "the section\n"]
    assert heading_problems(heading, ["II. KẾT QUẢ THỰC HIỆN"]) == [
        "page 1 ends with the heading “II. KẾT QUẢ THỰC HIỆN”"
    ]
    assert heading_problems(heading, ["I. CÔNG TÁC"]) == []
    split = ["từ 08 giờ 00 phút   Đón tiếp\nđến 08 giờ 30 phút\n", "(30 phút)\n"]
    assert row_problems(split) == ["page 1: 1 rows start, 0 end", "page 2: 0 rows start, 1 end"]
