"""What Jinja2 says about a broken template, in the language of the run.

Jinja2 words its errors in English (``No filter named 'x'.``, ``Unexpected end of template.
Jinja was looking for the following tags: 'endfor' or 'else' …``).  A Vietnamese error line
must not carry them: each message a template author meets is matched here and said again in
Vietnamese, or in plainer English; one not known gets a general sentence in Vietnamese (and
Jinja2's own words in English), never a mix of the two languages.
"""

from __future__ import annotations

import re
from collections.abc import Callable

_TOKENS = {
    "end of print statement": ("`}}`", "`}}`"),
    "end of statement block": ("`%}`", "`%}`"),
    "end of template": ("chỗ hết mẫu", "the end of the template"),
    "name": ("một tên", "a name"),
    "integer": ("một số", "a number"),
    "string": ("một chuỗi", "a string"),
}


def _token(token: str, lang: str) -> str:
    vi, en = _TOKENS.get(token, (f"`{token}`", f"`{token}`"))
    return vi if lang == "vi" else en


def _end_tag(tags: str) -> str:
    """The closing tag Jinja2 was looking for: ``endfor`` in ``'endfor' or 'else'``."""
    names = re.findall(r"'([^']+)'", tags)
    closing = next((n for n in names if n.startswith("end")), names[-1] if names else "end")
    return f"{{% {closing} %}}"


Rule = tuple[re.Pattern[str], Callable[[re.Match[str], str], str]]

_RULES: list[Rule] = [
    (
        re.compile(r"No filter named '(.+?)'(?: found)?\.?"),
        lambda m, lang: f"không có bộ lọc `{m[1]}`" if lang == "vi" else f"no filter `{m[1]}`",
    ),
    (
        re.compile(r"No test named '(.+?)'(?: found)?\.?"),
        lambda m, lang: (
            f"không có phép thử `{m[1]}` (sau `is`)"
            if lang == "vi"
            else f"no test `{m[1]}` (after `is`)"
        ),
    ),
    (
        re.compile(
            r"Unexpected end of template\. Jinja was looking for the following tags: (.+?)\. "
            r"The innermost block that needs to be closed is '(.+?)'\."
        ),
        lambda m, lang: (
            f"mẫu hết mà khối `{{% {m[2]} %}}` chưa đóng (thiếu `{_end_tag(m[1])}`)"
            if lang == "vi"
            else f"the template ends with the `{{% {m[2]} %}}` block still open "
            f"(`{_end_tag(m[1])}` is missing)"
        ),
    ),
    (
        re.compile(r"Encountered unknown tag '(.+?)'\..*", re.DOTALL),
        lambda m, lang: (
            f"thẻ `{{% {m[1]} %}}` không có, hoặc không khớp với thẻ mở nào"
            if lang == "vi"
            else f"the tag `{{% {m[1]} %}}` does not exist or closes nothing"
        ),
    ),
    (
        re.compile(r"unexpected end of template, expected '(.+?)'\.?"),
        lambda m, lang: (
            f"mẫu hết khi còn thiếu {_token(m[1], lang)}"
            if lang == "vi"
            else f"the template ends where {_token(m[1], lang)} is expected"
        ),
    ),
    (
        re.compile(r"Expected an expression, got '(.+?)'"),
        lambda m, lang: (
            f"thiếu biểu thức trước {_token(m[1], lang)}"
            if lang == "vi"
            else f"an expression is missing before {_token(m[1], lang)}"
        ),
    ),
    (
        re.compile(r"expected token '(.+?)', got '(.+?)'"),
        lambda m, lang: (
            f"cần {_token(m[1], lang)} nhưng gặp {_token(m[2], lang)}"
            if lang == "vi"
            else f"{_token(m[1], lang)} is expected, not {_token(m[2], lang)}"
        ),
    ),
    (
        re.compile(r"""unexpected char ['"](.)['"] at \d+"""),
        lambda m, lang: (
            f"ký tự `{m[1]}` không đúng chỗ"
            if lang == "vi"
            else f"the character `{m[1]}` is out of place"
        ),
    ),
    (
        re.compile(r"unexpected '(.+?)'"),
        lambda m, lang: (
            f"{_token(m[1], lang)} không đúng chỗ"
            if lang == "vi"
            else f"{_token(m[1], lang)} is out of place"
        ),
    ),
    (
        re.compile(r"block '(.+?)' defined twice"),
        lambda m, lang: (
            f"khối `{m[1]}` được định nghĩa hai lần"
            if lang == "vi"
            else f"the block `{m[1]}` is defined twice"
        ),
    ),
    (
        re.compile(r"Missing end of comment tag"),
        lambda m, lang: "thiếu `#}` đóng chú thích" if lang == "vi" else "a comment has no `#}`",
    ),
    (
        re.compile(r"access to attribute '(.+?)' of '(.+?)' object is unsafe\.?"),
        lambda m, lang: (
            f"mẫu không được dùng thuộc tính `{m[1]}`"
            if lang == "vi"
            else f"a template may not use the attribute `{m[1]}`"
        ),
    ),
    (
        re.compile(r"Range too big\..*", re.DOTALL),
        lambda m, lang: (
            "dãy số quá dài (tối đa 100.000 phần tử)"
            if lang == "vi"
            else "the range is too long (at most 100,000 items)"
        ),
    ),
    (
        re.compile(r"(?:integer )?division (?:or modulo )?by zero"),
        lambda m, lang: "chia cho 0" if lang == "vi" else "division by zero",
    ),
]


def syntax_message(message: str, lang: str) -> str:
    """Jinja2's ``message`` about a template's syntax, in ``lang``."""
    text = " ".join((message or "").split())
    for pattern, say in _RULES:
        m = pattern.fullmatch(text)
        if m is not None:
            return say(m, lang)
    if lang == "vi":
        return "lỗi cú pháp Jinja2 (chạy lại với --lang en để xem lời Jinja2 bằng tiếng Anh)"
    return text


def runtime_message(exc: BaseException, lang: str) -> str:
    """What a template's own code raised (``1 / 0``, a value of the wrong type), in ``lang``."""
    text = " ".join(str(exc).split())
    for pattern, say in _RULES:
        m = pattern.fullmatch(text)
        if m is not None:
            return say(m, lang)
    if lang == "vi":
        kinds = {
            "TypeError": "một giá trị sai kiểu (chữ, số, danh sách …)",
            "ValueError": "một giá trị không hợp lệ",
            "KeyError": "một khóa không có",
            "IndexError": "vị trí ngoài danh sách",
            "AttributeError": "một thuộc tính không có",
        }
        what = kinds.get(type(exc).__name__, "một lỗi khi chạy")
        return f"mẫu gặp {what} (chạy lại với --lang en để xem chi tiết)"
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__
