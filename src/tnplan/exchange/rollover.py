"""Next year's plan from this year's: ``tnplan new --from PLAN --year 2027``.

The new plan is made by editing the YAML *text*, not by re-emitting data: only the values
that change are rewritten, in the spelling they had (``12/5/2026`` stays day first,
``2026-05-12`` stays ISO, quotes are kept), so comments, order, blank lines and layout
survive and the new file diffs cleanly against the old one.  The edits:

* every date moves to the new year (29/2 becomes 28/2); with ``same_weekday`` each date
  moves to the same weekday nearest that day (12/5/2026, a Tuesday → Tuesday 11/5/2027) —
  except the day being celebrated (``period.day``) and whatever falls on it: 18/5 stays 18/5;
* a document number cannot be rolled: each legal basis keeps its kind, issuer and subject,
  but its number and date are emptied (with a comment giving the old ones) and listed in the
  header for review; until they are filled in, the kế hoạch prints as DỰ THẢO;
* statuses go back to ``planned``; ``done_on``, ``reason``, results, the evaluation,
  received reports and money spent are removed; the document's number and date and each
  invitation's number and date are emptied; the year-specific ``calendar`` (extra days off
  and swapped working days) is removed;
* ids are kept, except that the plan's own id takes the new year where it had the old one;
* a header comment says where the plan came from and lists the lines whose text still
  mentions the old year, for a person to review (titles, notes: prose is not rewritten).

The result is checked like any plan before it is returned.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
import types
import typing
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from ..plan import load, model
from ..plan.messages import Reporter
from ..plan.problems import TnplanError

_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})\Z")
_DMY = re.compile(r"(\d{1,2})([/.-])(\d{1,2})\2(\d{4})\Z")
MODELINE = "# yaml-language-server:"

# (class, field) → what happens to it.
_RESET_STATUS = {(model.Activity, "status"), (model.Task, "status")}
_REMOVE = {
    (model.Activity, "done_on"),
    (model.Activity, "reason"),
    (model.Activity, "result"),
    (model.Task, "done_on"),
    (model.Deadline, "received"),
    (model.BudgetLine, "spent"),
    (model.Plan, "calendar"),
    (model.Plan, "evaluation"),
}
_EMPTY = {
    (model.Document, "number"),
    (model.Document, "date"),
    (model.Event, "invitation_number"),
    (model.Event, "invitation_date"),
}


@dataclass(frozen=True)
class Rolled:
    """The new plan's text and what it was made from."""

    text: str
    plan_id: str
    source_year: int
    year: int
    review_lines: list[int]
    """Lines of the new file whose text still mentions the old year."""


def move_date(day: dt.date, year: int, *, same_weekday: bool = False) -> dt.date:
    """``day`` moved to ``year`` (29/2 → 28/2), or to the nearest day of the same weekday."""
    from dateutil.relativedelta import relativedelta

    moved: dt.date = day + relativedelta(years=year - day.year)  # 29/2 → 28/2 in a common year
    if same_weekday:
        delta = (day.weekday() - moved.weekday()) % 7
        if delta > 3:
            delta -= 7
        moved += dt.timedelta(days=delta)
    return moved


def spell_date(new: dt.date, written: str) -> str:
    """``new`` written the way ``written`` was: ISO or day first, same separator, padding."""
    text = written.strip()
    iso = _ISO.match(text)
    if iso:
        pad = len(iso.group(2)) == 2 or iso.group(3).startswith("0")
        return (
            f"{new.year:04d}-{new.month:02d}-{new.day:02d}"
            if pad
            else f"{new.year:04d}-{new.month}-{new.day}"
        )
    dmy = _DMY.match(text)
    sep = dmy.group(2) if dmy else "/"
    if dmy and (dmy.group(1).startswith("0") or dmy.group(3).startswith("0")):
        return f"{new.day:02d}{sep}{new.month:02d}{sep}{new.year:04d}"
    return f"{new.day}{sep}{new.month}{sep}{new.year:04d}"


def default_output(source: Path, source_year: int, year: int) -> Path:
    """``ngay-khcn-2026.yaml`` → ``ngay-khcn-2027.yaml``; else ``<name>-2027.yaml``."""
    name = source.name
    if str(source_year) in name:
        return source.with_name(name.replace(str(source_year), str(year)))
    return source.with_name(f"{source.stem}-{year}{source.suffix or '.yaml'}")


class _Sites(yaml.SafeLoader):
    """PyYAML's pure composer, noting what the node graph forgets: where each alias is
    written (an alias returns the anchored node, whose positions are the anchor's) and where
    each anchor is defined.  Used only for a plan that has anchors."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self.sites: dict[tuple[int, object], tuple[int, int]] = {}
        self.anchor_defs: list[tuple[str, int, yaml.Node]] = []
        self.alias_uses: list[tuple[str, int, int]] = []

    def compose_node(self, parent: Any, index: Any) -> Any:
        event: Any = self.peek_event()  # type: ignore[no-untyped-call]
        key = (id(parent), id(index) if isinstance(index, yaml.Node) else index)
        start: int = event.start_mark.index
        is_alias = isinstance(event, yaml.AliasEvent)
        if is_alias:
            span = (start, int(event.end_mark.index))
            self.alias_uses.append((str(event.anchor), *span))
            self.sites[key] = span
        node: Any = super().compose_node(parent, index)
        anchor = getattr(event, "anchor", None)
        if anchor is not None and not is_alias:
            self.anchor_defs.append((str(anchor), start, node))
        return node


def _compose(text: str) -> tuple[yaml.Node | None, _Sites | None]:
    """The node graph of a (valid) plan; with anchors, also where aliases and anchors are."""
    if not load._has_anchor(text.encode("utf-8")):
        return load.parse_bytes(text.encode("utf-8"), Reporter("")), None
    loader = _Sites(text)
    try:
        node: yaml.Node | None = loader.get_single_node()
        return node, loader
    finally:
        loader.dispose()


class _Editor:
    """Collects text edits (start, end, replacement) against the original text.

    Values reached through an alias are edited once, where the anchor is; a key removed or
    emptied where it is written (in the mapping that holds it, which for a merge key ``<<`` is
    the merged mapping).  An anchor cut out with a removed value while an alias elsewhere
    still needs it is moved to that alias (``*d`` becomes ``&d <the value>``).
    """

    def __init__(
        self,
        text: str,
        offset: int,
        year: int,
        same_weekday: bool,
        sites: _Sites | None,
        celebrated: dt.date | None = None,
    ) -> None:
        self.text = text
        self.offset = offset
        self.year = year
        self.same_weekday = same_weekday
        self.sites = sites
        self.celebrated = celebrated
        self.bases: list[tuple[int, str]] = []
        """(offset in the text, old number and date) of each legal basis emptied."""
        self.edits: dict[int, tuple[int, str]] = {}
        self.cuts: list[tuple[int, int]] = []
        self.walked: set[int] = set()

    def put(self, start: int, end: int, new: str, *, cut: bool = False) -> None:
        if start in self.edits:
            return
        self.edits[start] = (end, new)
        if cut:
            self.cuts.append((start, end))

    # Where things are written ----------------------------------------------------------

    def _site(self, parent: yaml.Node, index: object) -> tuple[int, int] | None:
        """Where an alias stands as ``parent``'s value at ``index`` (a key node or a
        position), or None when the value is written there itself."""
        if self.sites is None:
            return None
        key = (id(parent), id(index) if isinstance(index, yaml.Node) else index)
        return self.sites.sites.get(key)

    def value_start(self, node: yaml.Node) -> int:
        """Where a value's own text starts, after its ``&anchor`` and ``!tag`` (kept)."""
        text, i = self.text, int(node.start_mark.index)
        end = int(node.end_mark.index)
        while i < end and text[i] in "&!":
            while i < end and not text[i].isspace():
                i += 1
            while i < end and text[i].isspace():
                i += 1
        return i

    def _end(self, parent: yaml.Node, index: object, node: yaml.Node) -> int:
        """Where the last character of ``parent``'s value at ``index`` is (block
        collections end at the next token, after trailing comments: look at their last
        item instead; an alias ends where it is written)."""
        site = self._site(parent, index)
        if site is not None:
            return site[1]
        if isinstance(node, yaml.ScalarNode) or getattr(node, "flow_style", False):
            return int(node.end_mark.index)
        if isinstance(node, yaml.MappingNode):
            ends = [max(int(k.end_mark.index), self._end(node, k, v)) for k, v in node.value]
        else:
            ends = [self._end(node, i, c) for i, c in enumerate(node.value)]
        return max(ends) if ends else int(node.end_mark.index)

    # Values ----------------------------------------------------------------------------

    def scalar(self, node: yaml.ScalarNode, new: str) -> None:
        start, end = self.value_start(node), node.end_mark.index
        if node.style in ('"', "'"):
            quote = node.style
            inner = new.replace("\\", "\\\\").replace('"', '\\"') if quote == '"' else new
            self.put(start, end, f"{quote}{inner}{quote}")
        elif node.style in ("|", ">"):
            tail = "\n" if self.text[start:end].endswith("\n") else ""
            self.put(start, end, f'"{new}"{tail}')
        else:
            self.put(start, end, new)

    def date(self, node: yaml.Node) -> None:
        from ..calendar.vi import parse_date, split_date_time

        if not isinstance(node, yaml.ScalarNode) or load.scalar(node) is None:
            return
        written, hour = split_date_time(node.value)  # a due date may carry its hour
        day = parse_date(written)
        # The celebrated day (18/5) is a date, not a weekday: it never moves off its day.
        keep_day = day == self.celebrated
        moved = move_date(
            day, day.year + self.offset, same_weekday=self.same_weekday and not keep_day
        )
        self.scalar(node, spell_date(moved, written) + (f" {hour}" if hour else ""))

    # Keys ------------------------------------------------------------------------------

    def remove(self, mapping: yaml.MappingNode, knode: yaml.Node, vnode: yaml.Node) -> None:
        """Drop a key and its value, keeping the layout around them."""
        text = self.text
        kstart = knode.start_mark.index
        end = self._end(mapping, knode, vnode)
        keys = [k for k, _ in mapping.value]
        i = next(n for n, k in enumerate(keys) if k is knode)
        after = keys[i + 1] if i + 1 < len(keys) else None
        line_start = text.rfind("\n", 0, kstart) + 1
        if not mapping.flow_style and not text[line_start:kstart].strip():
            # A key that starts its line: drop its lines (and the comment on the last one).
            nl = text.find("\n", end)
            self.put(line_start, len(text) if nl < 0 else nl + 1, "", cut=True)
        elif after is not None:
            # `- key: …` or `{key: …, next: …}`: drop up to the next key.
            self.put(kstart, after.start_mark.index, "", cut=True)
        elif mapping.flow_style and i > 0:
            # The last pair of `{…, key: …}`: drop from the end of the value before it.
            prev_k, prev_v = mapping.value[i - 1]
            self.put(self._end(mapping, prev_k, prev_v), end, "", cut=True)
        else:  # the only key of its mapping: keep it, empty
            self.put(knode.end_mark.index, end, ": null", cut=True)

    def empty(
        self, mapping: yaml.MappingNode, knode: yaml.Node, vnode: yaml.Node, block: bool
    ) -> None:
        if isinstance(vnode, yaml.ScalarNode) and load.scalar(vnode) is None:
            return
        end = self._end(mapping, knode, vnode)
        self.put(knode.end_mark.index, end, ":" if block else ": null", cut=True)

    # The walk --------------------------------------------------------------------------

    def walk(self, node: yaml.Node, cls: type[Any], source_year: int) -> None:
        if not isinstance(node, yaml.MappingNode) or id(node) in self.walked:
            return
        self.walked.add(id(node))  # an aliased mapping is edited once, where it is written
        hints = _hints(cls)
        for key, knode, vnode, holder in load.mapping_in(node, Reporter("")):
            tp = hints.get(key)
            if tp is None:
                continue
            block = not holder.flow_style
            if (cls, key) in _REMOVE:
                self.remove(holder, knode, vnode)
                continue
            if (cls, key) in _EMPTY:
                self.empty(holder, knode, vnode, block)
                continue
            if cls is model.Basis and key in ("number", "date"):
                if isinstance(vnode, yaml.ScalarNode) and load.scalar(vnode) is not None:
                    self.bases.append((knode.start_mark.index, f"{key} {vnode.value}"))
                    note = f"  # cần xem lại: năm trước là {vnode.value}" if block else ""
                    self.put(
                        knode.end_mark.index,
                        self._end(holder, knode, vnode),
                        (":" if block else ": null") + note,
                        cut=True,
                    )
                continue
            if (cls, key) in _RESET_STATUS:
                if isinstance(vnode, yaml.ScalarNode) and vnode.value != "planned":
                    self.scalar(vnode, "planned")
                continue
            if cls is model.Plan and key == "id" and isinstance(vnode, yaml.ScalarNode):
                if str(source_year) in vnode.value:
                    self.scalar(vnode, vnode.value.replace(str(source_year), str(self.year)))
                continue
            self.value(vnode, tp, source_year)

    def value(self, node: yaml.Node, tp: Any, source_year: int) -> None:
        origin = typing.get_origin(tp)
        args = typing.get_args(tp)
        if origin in (types.UnionType, typing.Union):
            for arg in args:
                if arg is dt.date:
                    self.date(node)
                elif dataclasses.is_dataclass(arg) and isinstance(node, yaml.MappingNode):
                    self.walk(node, arg, source_year)  # type: ignore[arg-type]
                elif typing.get_origin(arg) is list:
                    self.value(node, arg, source_year)
            return
        if origin is list:
            if isinstance(node, yaml.SequenceNode):
                for child in node.value:
                    self.value(child, args[0], source_year)
            return
        if tp is dt.date:
            self.date(node)
        elif isinstance(tp, type) and dataclasses.is_dataclass(tp):
            self.walk(node, tp, source_year)

    # Anchors cut out -------------------------------------------------------------------

    def _in_cut(self, at: int) -> bool:
        return any(start <= at < end for start, end in self.cuts)

    def keep_anchors(self) -> None:
        """Move each anchor that a removed value took with it to its first alias left."""
        if self.sites is None:
            return
        anchors = self.sites.anchor_defs
        for n, (name, at, node) in enumerate(anchors):
            if not self._in_cut(at):
                continue
            later = [a for a_name, a, _ in anchors[n + 1 :] if a_name == name]
            until = min(later) if later else len(self.text)
            for a_name, start, end in self.sites.alias_uses:
                if a_name == name and at < start < until and not self._in_cut(start):
                    self.put(start, end, f"&{name} {self.flow(node)}")
                    break

    def flow(self, node: yaml.Node) -> str:
        """A node written in flow style, with the edits made inside it (moved dates)."""
        if isinstance(node, yaml.MappingNode):
            pairs = []
            for k, v in node.value:
                key = "<<" if load.is_merge_key(k) else json.dumps(k.value, ensure_ascii=False)
                pairs.append(f"{key}: {self.flow(v)}")
            return "{" + ", ".join(pairs) + "}"
        if isinstance(node, yaml.SequenceNode):
            return "[" + ", ".join(self.flow(c) for c in node.value) + "]"
        edit = self.edits.get(self.value_start(node))
        if edit is not None:
            return json.dumps(edit[1].strip().strip("\"'"), ensure_ascii=False)
        assert isinstance(node, yaml.ScalarNode)
        value = load.scalar(node) if load.is_plain(node) else node.value
        return json.dumps(value, ensure_ascii=False)

    def apply(self) -> str:
        out = []
        pos = 0
        for start in sorted(self.edits):
            end, new = self.edits[start]
            if start < pos:  # inside a region already replaced (a removed block)
                continue
            out.append(self.text[pos:start])
            out.append(new)
            pos = end
        out.append(self.text[pos:])
        return "".join(out)


_HINTS: dict[type, dict[str, Any]] = {}


def _hints(cls: type) -> dict[str, Any]:
    got = _HINTS.get(cls)
    if got is None:
        hints = typing.get_type_hints(cls)
        got = _HINTS[cls] = {
            fd.name: hints[fd.name]
            for fd in dataclasses.fields(cls)
            if not fd.metadata.get("internal")
        }
    return got


def _header(source: str, plan_id: str, year: int, same_weekday: bool) -> list[str]:
    flag = " --same-weekday" if same_weekday else ""
    how = "ngày gần nhất cùng thứ trong tuần" if same_weekday else "cùng ngày, cùng tháng"
    return [
        f"# Lập bằng `tnplan new --year {year}{flag}` từ {source} (kế hoạch {plan_id}).",
        f"# Mọi ngày đã chuyển sang năm {year} ({how}); trạng thái về planned; đã xóa",
        "# ngày hoàn thành, lý do, kết quả, đánh giá, báo cáo đã nhận, số tiền đã chi và lịch",
        "# nghỉ riêng của năm; để trống số, ngày của văn bản và giấy mời.",
    ]


def _review_note(lines: list[int], year: int) -> list[str]:
    if not lines:
        return [f"# Không còn dòng nào ghi năm {year}."]
    out = [f"# Cần xem lại các dòng còn ghi năm {year}:"]
    for i, n in enumerate(lines):
        word = f" {n}" + ("." if i == len(lines) - 1 else ",")
        if len(out[-1]) + len(word) > 88:
            out.append("#")
        out[-1] += word
    return out


def rollover(
    path: Path,
    year: int,
    *,
    same_weekday: bool = False,
    lang: str = "vi",
    display: str | None = None,
) -> Rolled:
    """Make next year's plan from the (valid) plan at ``path``; nothing is written here."""
    from ..plan.check import check_plan, load_plan
    from ..plan.schema import build_plan

    vi = lang == "vi"
    if not 1900 <= year <= 2199:
        raise TnplanError(
            f"--year {year}: năm phải từ 1900 đến 2199" if vi else f"--year {year}: use 1900–2199",
            exit_code=2,
        )
    plan = load_plan(path, lang=lang)
    source_year = plan.period.start.year
    data = path.read_bytes()
    text = data.decode("utf-8").removeprefix("\ufeff")
    root, sites = _compose(text)
    if root is None:  # cannot happen for a plan that loaded; keep mypy and readers sure
        raise TnplanError(f"không đọc được {path}" if vi else f"cannot read {path}", exit_code=3)
    editor = _Editor(text, year - source_year, year, same_weekday, sites, plan.period.day)
    editor.walk(root, model.Plan, source_year)
    editor.keep_anchors()
    body = editor.apply()

    nl = "\r\n" if "\r\n" in text else "\n"
    new_id = plan.id.replace(str(source_year), str(year))
    header = _header(display or str(path), plan.id, year, same_weekday)
    if editor.bases:
        header += [
            "# Căn cứ: số và ngày văn bản không chuyển sang năm mới được; đã để trống (ghi",
            "# chú `cần xem lại` ở từng dòng). Ghi số, ngày của văn bản căn cứ năm nay,",
            "# hoặc bỏ căn cứ.",
        ]
    lines = body.split(nl)
    at = 1 if lines and lines[0].startswith(MODELINE) else 0
    old_year = re.compile(rf"(?<!\d){source_year}(?!\d)")
    found = [i + 1 for i, line in enumerate(lines[at:], start=at) if old_year.search(line)]
    # Numbered as in the new file: after a header whose length depends on the list itself.
    review: list[int] = []
    note: list[str] = []
    for _ in range(4):
        shift = len(header) + len(note)
        review = [n + shift for n in found]
        new_note = _review_note(review, source_year)
        if len(new_note) == len(note):
            break
        note = new_note
    note = _review_note(review, source_year)
    header += note
    new_text = nl.join(lines[:at] + header + lines[at:])

    check = Reporter(display or str(path), lang)
    new_root = load.parse_bytes(new_text.encode("utf-8"), check)
    new_plan = build_plan(new_root, check) if new_root is not None else None
    if new_plan is not None:
        check_plan(new_plan, check)
    errors = [p for p in check.problems if p.level == "error"]
    if new_plan is None or errors:
        first = errors[0] if errors else None
        where = f"{first.line}:{first.col}: {first.message}" if first else "?"
        raise TnplanError(
            f"kế hoạch mới không hợp lệ ({where})" if vi else f"the new plan is invalid ({where})",
            hint="báo cho nhóm phát triển kèm tệp kế hoạch" if vi else "please report it",
            exit_code=1,
        )
    return Rolled(new_text, new_id, source_year, year, review)
