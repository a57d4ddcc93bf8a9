"""Every problem, in both languages, wholly in one language; the YAML mistakes users make most
explained with the fix that applies.

The problems rendered are those of every invalid example plan (the walker test makes sure
every code has one), the file-level ones made here, and a YAML sample for every libyaml
problem tnplan words itself (:data:`tnplan.plan.yaml_errors.PROBLEMS`).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from language import file_words, not_english, not_vietnamese
from tnplan.plan import load
from tnplan.plan.check import check_file
from tnplan.plan.messages import CATALOGUE, Reporter, holiday_en
from tnplan.plan.problems import Problem
from tnplan.plan.yaml_errors import PROBLEMS

EXAMPLES = Path(__file__).resolve().parent.parent / "plans"
INVALID = sorted((EXAMPLES / "invalid").glob("*.yaml"))

# One sample for each libyaml problem (and for each diagnosis of the common ones):
# name → (YAML text, the libyaml problem it triggers or None for a diagnosis of one).
YAML_SAMPLES: dict[str, tuple[str, str]] = {
    "tab-indent": ("a:\n\tb: 1\n", "found character that cannot start any token"),
    "tab-in-block": ("a:\n  b: 1\n\t c: 2\n", "found a tab character that violates indentation"),
    "tab-in-text-block": (
        "a:\n  b: |\n\t x\n",
        "found a tab character where an indentation space is expected",
    ),
    "colon-in-value": (
        "title: Lưu ý: mang theo giấy tờ\n",
        "mapping values are not allowed in this context",
    ),
    "indent-deeper": (
        "document:\n  title: a\n   agency: b\n",
        "mapping values are not allowed in this context",
    ),
    "indent-between": ("document:\n  title: a\n agency: b\n", "did not find expected key"),
    "indent-item": (
        "units:\n  - id: a\n    name: b\n   - id: c\n",
        "did not find expected '-' indicator",
    ),
    "key-among-items": ("a:\n  - b\n  c: d\n", "did not find expected '-' indicator"),
    "item-among-keys": ("a: 1\n- b\n", "did not find expected key"),
    "sequence-after-key": ("a: - b\n", "block sequence entries are not allowed in this context"),
    "question-mark": ("a: ? b\n", "mapping keys are not allowed in this context"),
    "no-colon": ("a: 1\nb\nc: 2\n", "could not find expected ':'"),
    "no-space-after-colon": ("a: 1\ntitle:abc\nc: 2\n", "could not find expected ':'"),
    "unclosed-quote": ('title: "abc\n', "found unexpected end of stream"),
    "unclosed-quote-lines-later": (
        'a:\n  title: "abc\n  b: 1\n  c: "x"\n',
        "did not find expected key",
    ),
    "document-marker-in-quote": ('a: "x\n---\ny"\n', "found unexpected document indicator"),
    "unknown-escape": ('a: "C:\\qu"\n', "found unknown escape character"),
    "backslash-path": ('a: "C:\\Users"\n', "did not find expected hexdecimal number"),
    "bad-unicode-escape": ('a: "\\UFFFFFFFF"\n', "found invalid Unicode character escape code"),
    "lone-alias": ("a: *\n", "did not find expected alphabetic or numeric character"),
    "anchor-then-comma": ("a: &x, 1\n", "did not find expected key"),
    "block-indicator": ("a: |x\n  x\n", "did not find expected comment or line break"),
    "block-indent-zero": ("a: |0\n  x\n", "found an indentation indicator equal to 0"),
    "directive-empty": ("%\n---\na: 1\n", "could not find expected directive name"),
    "directive-bad-char": (
        "%YA@ML 1.1\n---\na: 1\n",
        "found unexpected non-alphabetical character",
    ),
    "directive-unknown": ("%FOO\n---\na: 1\n", "found unknown directive name"),
    "directive-no-space": ("%TAG !a!\n---\na: 1\n", "did not find expected whitespace"),
    "directive-no-version": ("%YAML x\n---\na: 1\n", "did not find expected version number"),
    "directive-version-digit": (
        "%YAML 1x\n---\na: 1\n",
        "did not find expected digit or '.' character",
    ),
    "directive-long-version": (
        "%YAML 1234567890.1\n---\na: 1\n",
        "found extremely long version number",
    ),
    "directive-version": ("%YAML 2.0\n---\na: 1\n", "found incompatible YAML document"),
    "directive-twice": (
        "%YAML 1.1\n%YAML 1.1\n---\na: 1\n",
        "found duplicate %YAML directive",
    ),
    "tag-directive-twice": (
        "%TAG !a! tag:a,2000:\n%TAG !a! tag:a,2000:\n---\na: 1\n",
        "found duplicate %TAG directive",
    ),
    "tag-directive-handle": ("%TAG a tag:a\n---\na: 1\n", "did not find expected '!'"),
    "tag-uri": ("a: !<> x\n", "did not find expected tag URI"),
    "tag-escape": ("a: !<%zz> x\n", "did not find URI escaped octet"),
    "tag-octet": ("a: !<%ff> x\n", "found an incorrect leading UTF-8 octet"),
    "tag-trailing-octet": ("a: !<%c3%41> x\n", "found an incorrect trailing UTF-8 octet"),
    "tag-unclosed": ("a: !<x y\n", "did not find the expected '>'"),
    "tag-handle": ("a: !x!y z\n", "found undefined tag handle"),
    "tag-no-space": ("a: !x[ 1\n", "did not find expected whitespace or line break"),
    "text-after-quote": ('title: "a" b\n', "did not find expected key"),
    "apostrophe-in-quotes": ("title: 'it's'\n", "did not find expected key"),
    "reserved-character": ("a: @x\n", "found character that cannot start any token"),
    "unclosed-list": ("a: [1, 2\nb: 3\n", "did not find expected ',' or ']'"),
    "unclosed-mapping": ("a: {x: 1\nb: 3\n", "did not find expected ',' or '}'"),
    "stray-bracket": ("[a, b]]\n", "did not find expected <document start>"),
    "empty-value-in-list": ("a: [b, , c]\n", "did not find expected node content"),
    "undefined-alias": ("a: *x\n", "found undefined alias"),
    "anchor-twice": ("a: &x 1\nb: &x 2\n", "second occurrence"),
    "two-documents": ("a: 1\n---\nb: 2\n", "but found another document"),
    "control-character": ("a: \x07\n", "control characters are not allowed"),
    "flow-colon": ("a: [b: c: d]\n", "did not find expected ',' or ']'"),
}
UNREACHABLE = {
    # libyaml problems a plan read through PyYAML (as text) cannot produce, with the reason.
    "did not find expected <stream-start>": "every text starts a stream",
    "found unexpected ':'": "older libyaml only; 0.2 reads such a colon as text",
}


def _problems(path: Path, lang: str) -> list[Problem]:
    return check_file(path, lang=lang).problems


def _check_wholly(p: Problem, lang: str, allowed: set[str]) -> None:
    text = f"{p.message} — {p.hint}"
    bad = not_english(text, allowed) if lang == "en" else not_vietnamese(text, allowed)
    assert bad == [], f"{p.file}:{p.line} [{p.code}] in {lang} has {bad}: {text}"


def _file_cases(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Files for the problems about the file itself: too large, a folder, unreadable, deep."""
    big = tmp_path / "big.yaml"
    big.write_text("x: " + "a" * 2000 + "\n", encoding="utf-8")
    monkeypatch.setattr(load, "MAX_BYTES", 1500)
    folder = tmp_path / "folder.yaml"
    folder.mkdir()
    fifo = tmp_path / "fifo.yaml"
    os.mkfifo(fifo)
    deep = tmp_path / "deep.yaml"
    deep.write_text("a: " + "[" * 1100 + "\n", encoding="utf-8")
    return [big, folder, fifo, deep]


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_problem_code_is_wholly_in_one_language(
    lang: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: set[str] = set()
    paths = [*INVALID, None]
    for path in paths:
        if path is None:  # then the file-level cases, with a smaller size limit
            paths.extend(_file_cases(tmp_path, monkeypatch))
            continue
        raw = path.read_bytes().decode("utf-8", "replace") if path.is_file() else ""
        allowed = file_words(raw)
        for p in _problems(path, lang):
            seen.add(p.code)
            _check_wholly(p, lang, allowed)
    assert set(CATALOGUE) - seen == set(), "codes no example produced"


@pytest.mark.parametrize("name", sorted(YAML_SAMPLES))
def test_every_yaml_problem_is_explained_in_both_languages(name: str, tmp_path: Path) -> None:
    text, _ = YAML_SAMPLES[name]
    path = tmp_path / "plan.yaml"
    path.write_text(text, encoding="utf-8")
    vi, en = _problems(path, "vi"), _problems(path, "en")
    assert len(vi) == 1
    assert [(p.code, p.line, p.col) for p in vi] == [(p.code, p.line, p.col) for p in en]
    assert vi[0].hint and en[0].hint, "every syntax error says how to fix it"
    _check_wholly(vi[0], "vi", file_words(text))
    _check_wholly(en[0], "en", file_words(text))


def test_the_samples_cover_every_libyaml_problem() -> None:
    import yaml

    triggered = {}
    for name, (text, problem) in YAML_SAMPLES.items():
        try:
            yaml.compose(text, Loader=load._Loader)
        except yaml.MarkedYAMLError as exc:
            triggered[name] = exc.problem
        except yaml.reader.ReaderError as exc:
            triggered[name] = exc.reason
        assert triggered.get(name) == problem, f"{name} triggers {triggered.get(name)!r}"
    assert set(PROBLEMS) - set(triggered.values()) - set(UNREACHABLE) == set()


def _one(tmp_path: Path, text: str, lang: str = "vi") -> str:
    path = tmp_path / "plan.yaml"
    path.write_text(text, encoding="utf-8")
    (p,) = _problems(path, lang)
    return f"{p.line}:{p.col} [{p.code}] {p.message} — {p.hint}"


def test_a_tab_says_indent_with_spaces(tmp_path: Path) -> None:
    assert _one(tmp_path, "document:\n\ttitle: a\n") == (
        "2:1 [yaml-syntax] lỗi cú pháp YAML: dòng 2 thụt lề bằng tab — thụt lề bằng dấu cách, "
        "không dùng tab (YAML không nhận tab ở đầu dòng)"
    )
    assert _one(tmp_path, "document:\n\ttitle: a\n", "en") == (
        "2:1 [yaml-syntax] YAML syntax error: line 2 is indented with a tab — indent with "
        "spaces, not tabs (YAML does not accept tabs in indentation)"
    )


def test_text_with_a_colon_shows_the_line_to_paste(tmp_path: Path) -> None:
    text = "document:\n  title: Lưu ý: mang theo giấy tờ  # ghi chú\n"
    assert _one(tmp_path, text) == (
        "2:15 [yaml-syntax] lỗi cú pháp YAML: giá trị của `title` có dấu hai chấm và dấu cách "
        '(`: `) nên YAML hiểu là một khóa mới — đặt giá trị trong ngoặc kép: title: "Lưu ý: '
        'mang theo giấy tờ"  # ghi chú'
    )
    quoted = 'document:\n  title: "Lưu ý: mang theo giấy tờ"  # ghi chú\n'
    import yaml

    assert yaml.safe_load(quoted)["document"]["title"] == "Lưu ý: mang theo giấy tờ"


def test_a_bullet_with_a_colon_is_the_trap_explained(tmp_path: Path) -> None:
    path = EXAMPLES / "invalid" / "colon-in-text.yaml"
    (vi,) = _problems(path, "vi")
    assert (vi.line, vi.col, vi.code) == (31, 9, "colon-in-text")
    assert vi.message == (
        "bullets: chữ có dấu hai chấm và dấu cách (`: `) nên YAML đọc thành cặp "
        "`Lưu ý: mang theo giấy mời`"
    )
    assert vi.hint == 'đặt cả chữ trong ngoặc kép: - "Lưu ý: mang theo giấy mời"'
    (en,) = _problems(path, "en")
    assert en.hint == 'put the whole text in quotes: - "Lưu ý: mang theo giấy mời"'
    fixed = path.read_text(encoding="utf-8").replace(
        "- Lưu ý: mang theo giấy mời", '- "Lưu ý: mang theo giấy mời"'
    )
    (tmp_path / "fixed.yaml").write_text(fixed, encoding="utf-8")
    assert _problems(tmp_path / "fixed.yaml", "vi") == []


def test_wrong_indentation_names_the_key_it_belongs_under(tmp_path: Path) -> None:
    assert _one(tmp_path, "document:\n  title: a\n   agency: b\n") == (
        "3:4 [yaml-syntax] lỗi cú pháp YAML: dòng 3 thụt lề 3 dấu cách, không khớp khóa nào ở "
        "trên — để thuộc `document` (dòng 1), thụt 2 dấu cách như `title` (dòng 2)"
    )
    assert _one(tmp_path, "document:\n  title: a\n agency: b\n", "en") == (
        "3:2 [yaml-syntax] YAML syntax error: line 3 is indented 1 space, which lines it up "
        "with no key above — to belong under `document` (line 1), indent it 2 spaces like "
        "`title` (line 2); or to be at the top level, do not indent it, like `document` (line 1)"
    )
    assert _one(tmp_path, "units:\n  - id: a\n    name: b\n   - id: c\n") == (
        "4:4 [yaml-syntax] lỗi cú pháp YAML: dòng 4 thụt lề 3 dấu cách, không khớp mục nào ở "
        "trên — để là một mục của `units` (dòng 1), thụt 2 dấu cách như dòng 2"
    )


def test_an_unclosed_quote_is_reported_where_it_opens(tmp_path: Path) -> None:
    text = 'a:\n  title: "Hội nghị\n  b: 1\n  c: "x"\n'
    assert _one(tmp_path, text) == (
        '2:10 [yaml-syntax] lỗi cú pháp YAML: dấu ngoặc `"` mở ở dòng 2 không được đóng trên '
        'dòng đó — thêm `"` ở cuối giá trị: title: "Hội nghị"'
    )


def test_all_missing_required_fields_in_one_run(tmp_path: Path) -> None:
    text = "format: tnplan/1\nid: moi\ndocument:\n  title: Kế hoạch\n  signer:\n    name: A\n"
    path = tmp_path / "plan.yaml"
    path.write_text(text, encoding="utf-8")
    found = [(p.line, p.message) for p in _problems(path, "vi")]
    assert found == [
        (1, "thiếu trường bắt buộc `period`"),
        (1, "thiếu trường bắt buộc `units`"),
        (1, "thiếu trường bắt buộc `activities`"),
        (4, "thiếu trường bắt buộc `agency` (trong `document`)"),
        (4, "thiếu trường bắt buộc `agency_name` (trong `document`)"),
        (4, "thiếu trường bắt buộc `agency_code` (trong `document`)"),
        (4, "thiếu trường bắt buộc `place` (trong `document`)"),
        (6, "thiếu trường bắt buộc `title` (trong `signer`)"),
    ]


def test_null_for_a_required_field_is_missing_field_with_advice_that_does_not_circle(
    tmp_path: Path,
) -> None:
    base = (EXAMPLES / "valid" / "base.yaml").read_text(encoding="utf-8")
    path = tmp_path / "plan.yaml"
    path.write_text(base.replace("title: Hội nghị thử nghiệm", "title: null"), encoding="utf-8")
    (p,) = _problems(path, "vi")
    assert (p.code, p.message, p.hint) == (
        "missing-field",
        "thiếu trường bắt buộc `title` (trong `activities`)",
        "ghi giá trị sau `title:`",
    )
    path.write_text(base.replace("title: Hội nghị thử nghiệm", 'title: ""'), encoding="utf-8")
    (p,) = _problems(path, "vi")
    assert (p.code, p.hint) == ("empty-text", "điền nội dung (trường bắt buộc)")
    path.write_text(base.replace("venue: Hội trường Sở", 'venue: ""'), encoding="utf-8")
    (p,) = _problems(path, "vi")
    assert (p.code, p.hint) == ("empty-text", "điền nội dung hoặc xóa trường")


def test_unknown_ids_get_a_did_you_mean_listing_every_unit_a_name_fits(tmp_path: Path) -> None:
    base = (EXAMPLES / "valid" / "base.yaml").read_text(encoding="utf-8")
    text = base.replace(
        "  - id: qlkh\n    name: Phòng Quản lý Khoa học\n",
        "  - id: qlkh\n    name: Phòng Quản lý Khoa học\n"
        "  - id: qlcn\n    name: Phòng Quản lý Công nghệ\n",
    )
    text = text.replace("    lead: vp\n", "    lead: Phòng Quản lý\n")
    text = text.replace("invitees: [khach-1]", "invitees: [khach-2]")
    path = tmp_path / "plan.yaml"
    path.write_text(text, encoding="utf-8")
    hints = {p.code: p.hint for p in _problems(path, "vi")}
    assert hints["unknown-unit"] == (
        "có phải một trong: `qlkh` (Phòng Quản lý Khoa học), `qlcn` (Phòng Quản lý Công nghệ)?"
    )
    assert hints["unknown-invitee"] == "có phải `khach-1` (Trần Thị Bình)?"
    text = base + "responsibilities:\n  - units: [vp]\n    activities: [hoi-ngh]\n"
    path.write_text(text, encoding="utf-8")
    (p,) = _problems(path, "en")
    assert (p.code, p.hint) == (
        "unknown-activity",
        "did you mean `hoi-nghi` (Hội nghị thử nghiệm)?",
    )
    path.write_text(base.replace("lead: vp", "lead: zzz"), encoding="utf-8")
    (p,) = _problems(path, "vi")
    assert p.hint == "các mã đơn vị: vp, qlkh"


def test_weekdays_follow_one_capitalisation_rule(tmp_path: Path) -> None:
    base = (EXAMPLES / "valid" / "base.yaml").read_text(encoding="utf-8")
    path = tmp_path / "plan.yaml"
    for due, vi, en in (
        ("20/6/2026", "thứ Bảy", "Saturday"),
        ("21/6/2026", "Chủ nhật", "Sunday"),
    ):
        path.write_text(base.replace("due: 19/6/2026", f"due: {due}"), encoding="utf-8")
        assert _problems(path, "vi")[0].message == f"hạn {due} rơi vào {vi}"
        assert _problems(path, "en")[0].message == f"the deadline {due} falls on a {en}"


def test_holiday_names_have_english() -> None:
    from tnplan.calendar.holidays import public_holidays

    for year in range(1990, 2041):
        for label in public_holidays(year).values():
            english = holiday_en(label)
            assert not_english(english) == [], (label, english)


def test_english_plurals(cli, tmp_path: Path) -> None:
    base = (EXAMPLES / "valid" / "base.yaml").read_text(encoding="utf-8")
    path = tmp_path / "plan.yaml"
    path.write_text(base.replace("lead: vp", "lead: vpp"), encoding="utf-8")
    assert cli("validate", str(path), "--lang", "en").err == "1 file: 1 error, 0 warnings\n"
    path.write_text(
        base.replace("lead: vp", "lead: vpp").replace("due: 19/6/2026", "due: 20/6/2026"),
        encoding="utf-8",
    )
    (tmp_path / "b.yaml").write_text(base.replace("lead: vp", "lead: x"), encoding="utf-8")
    r = cli("validate", str(tmp_path), "--lang", "en")
    assert r.err == "2 files: 2 errors, 1 warning\n"
    assert cli("validate", str(tmp_path)).err == "2 tệp: 2 lỗi, 1 cảnh báo\n"


def test_reporter_reads_lines_of_any_ending() -> None:
    rep = Reporter("x")
    rep.source = "a\r\nb\rc\nd"
    assert [rep.line(n) for n in (1, 2, 3, 4, 5)] == ["a", "b", "c", "d", ""]


def test_a_slip_early_in_a_long_id_is_found_and_long_names_are_cut() -> None:
    known = {
        "hoi-nghi-sang-che": "Tổ chức Hội nghị “Sáng chế - Động lực đột phá thúc đẩy đổi mới”",
        "hoi-thao": "Hội thảo",
    }
    assert Reporter("x").suggest_id("hoi-ngi", known, "activity") == (
        "có phải `hoi-nghi-sang-che` (Tổ chức Hội nghị “Sáng chế - Động lực …)?"
    )
    assert Reporter("x", "en").suggest_id("zzz", known, "activity") == (
        "the activity ids: hoi-nghi-sang-che, hoi-thao"
    )
