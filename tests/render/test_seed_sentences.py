"""Every sentence of the seed plan is in ``tnplan render plan`` (Markdown), word for word.

Both texts are normalised the same way: NFC, Markdown emphasis (``*``) and heading marks
dropped, every run of whitespace one space.  The seed is cut into paragraphs (a bullet that a
page break split in two is joined again), each paragraph into sentences after ``.``, ``;``,
``!`` or ``?``; a numbered heading keeps its number.  Two slips of the seed are corrected, as
the plan writes them correctly:

* ``chuyên đổi số`` (three times) is ``chuyển đổi số``;
* the last line of ``Nơi nhận`` ends with ``.``, not ``;`` (Decree 30/2020, Phụ lục I).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from pathlib import Path

import pytest

from support import PLAN, ROOT, Run

SEED = ROOT.parent / "shared" / "seed" / "000_5a7d3c0df0db9a4a.txt"
if not SEED.exists():  # the shared folder sits next to the repository on the team's machines
    SEED = Path("/work/shared/seed/000_5a7d3c0df0db9a4a.txt")

_SPACE = re.compile(r"\s+")
_HEADING_NUMBER = re.compile(r"^((?:[IVX]+|\d+)\.\s)")
_SENTENCE_END = re.compile(r"(?<=[.;!?])\s+")
_BULLET = re.compile(r"^[-+]\s")


def normalise(text: str) -> str:
    """NFC, no ``*`` emphasis, one space for any whitespace."""
    text = unicodedata.normalize("NFC", text).replace("*", "")
    return _SPACE.sub(" ", text).strip()


def seed_paragraphs(text: str) -> list[str]:
    """The seed's non-empty lines, with bullets split by a page break joined again."""
    text = unicodedata.normalize("NFC", text)
    text = text.replace("chuyên đổi số", "chuyển đổi số").replace("Chuyên đổi số", "Chuyển đổi số")
    paragraphs: list[str] = []
    open_bullet = False
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            continue
        if open_bullet:
            paragraphs[-1] += " " + line
        else:
            paragraphs.append(line)
        last = paragraphs[-1]
        open_bullet = bool(_BULLET.match(last)) and last[-1] not in ".;:!?”"
    # Nơi nhận: its last line ends with a full stop in the rendered plan.
    if paragraphs[-3].startswith("- Lưu:") and paragraphs[-3].endswith(";"):
        paragraphs[-3] = paragraphs[-3][:-1] + "."
    return paragraphs


def sentences(paragraph: str) -> list[str]:
    """A paragraph cut after ``.``/``;``/``!``/``?``; ``I. MỤC ĐÍCH`` stays in one piece."""
    body = normalise(paragraph)
    label = ""
    m = _HEADING_NUMBER.match(body)
    if m:
        label, body = m.group(1), body[m.end() :]
    parts = [p for p in _SENTENCE_END.split(body) if p]
    if label:
        parts[0] = label + parts[0]
    return parts


def rendered_text(markdown: str) -> str:
    """The Markdown as plain text: heading marks and hard-break backslashes dropped."""
    lines = []
    for line in markdown.splitlines():
        line = re.sub(r"^#{1,6}\s+", "", line)
        line = re.sub(r"^>\s?", "", line)
        lines.append(line.removesuffix("\\"))
    return normalise("\n".join(lines))


def test_seed_is_read_as_expected() -> None:
    """The splitter sees the seed's structure (so the main test cannot pass vacuously)."""
    paragraphs = seed_paragraphs(SEED.read_text(encoding="utf-8"))
    every = [s for p in paragraphs for s in sentences(p)]
    assert paragraphs[0] == "KẾ HOẠCH"
    assert paragraphs[-1] == "Hoàng Văn Thiên"
    assert "I. MỤC ĐÍCH, YÊU CẦU" in every
    # The two bullets a page break split are whole again.
    assert any(s.endswith("doanh nghiệp khoa học và công nghệ;") for s in every)
    assert any(
        s.startswith("tiếp tục xây dựng ngành khoa học và công nghệ tỉnh Thái Nguyên chuyên")
        for s in every
    )
    assert not any("chuyên đổi" in s for s in every)
    assert "- Lưu: VT, VP (báo cáo)." in every
    assert len(every) > 120


def test_every_seed_sentence_is_rendered(cli: Callable[..., Run]) -> None:
    r = cli("render", "plan", str(PLAN))
    assert r.code == 0, r.err
    text = rendered_text(r.out)
    paragraphs = seed_paragraphs(SEED.read_text(encoding="utf-8"))
    missing = [s for p in paragraphs for s in sentences(p) if s not in text]
    assert missing == []


def test_a_changed_word_is_caught(cli: Callable[..., Run], tmp_path: Path) -> None:
    """The check fails when the plan loses a word of the seed."""
    changed = PLAN.read_text(encoding="utf-8").replace("phô trương", "phô bày", 1)
    copy = tmp_path / "plan.yaml"
    copy.write_text(changed, encoding="utf-8")
    r = cli("render", "plan", str(copy))
    assert r.code == 0, r.err
    text = rendered_text(r.out)
    every = [s for p in seed_paragraphs(SEED.read_text(encoding="utf-8")) for s in sentences(p)]
    missing = [s for s in every if s not in text]
    assert missing == ["tránh hình thức, phô trương;"]


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        ("I. MỤC ĐÍCH, YÊU CẦU", ["I. MỤC ĐÍCH, YÊU CẦU"]),
        ("- A b; c d. E f", ["- A b;", "c d.", "E f"]),
        ("thực hiện./.", ["thực hiện./."]),
    ],
)
def test_sentences(paragraph: str, expected: list[str]) -> None:
    assert sentences(paragraph) == expected


def test_the_seed_s_bold_dates_are_bold(cli: Callable[..., Run], tmp_path: Path) -> None:
    """The ranges the seed sets in bold (``**ngày 12/5/2026 đến ngày 18/5/2026**``,
    ``**20/6/2026**``, ``**30/6/2026**``) are bold in the plan as Markdown, HTML and Word."""
    import docx

    bold = re.findall(r"\*\*(.+?)\*\*", SEED.read_text(encoding="utf-8"))
    assert bold == ["ngày 12/5/2026 đến ngày 18/5/2026", "20/6/2026", "30/6/2026"]
    md = cli("render", "plan", str(PLAN)).out
    html = cli("render", "plan", str(PLAN), "-f", "html").out
    out = tmp_path / "ke-hoach.docx"
    assert cli("render", "plan", str(PLAN), "-o", str(out)).code == 0
    runs = [r.text for p in docx.Document(str(out)).paragraphs for r in p.runs if r.bold]
    for text in bold:
        assert f"**{text}**" in md
        assert f"<strong>{text}</strong>" in html
        assert text in runs
