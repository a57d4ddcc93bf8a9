"""The plan's types: what a plan file holds, once loaded and checked.

These dataclasses are the single source of truth for the plan format: the converter in
:mod:`tnplan.schema` builds them from YAML (collecting problems with positions) and exports
the JSON Schema from them, with the Vietnamese description in each field's metadata.
``docs/plan-format.md`` documents the same fields for people.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import reprlib
import sys
from array import array
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, ClassVar, Literal, TypeVar, dataclass_transform

Pos = tuple[int, int]
"""A 1-based (line, column) in the plan file."""

Status = Literal["planned", "in_progress", "done", "postponed", "cancelled"]
STATUSES: tuple[str, ...] = ("planned", "in_progress", "done", "postponed", "cancelled")
CLOSED_STATUSES = frozenset({"done", "cancelled"})
Authority = Literal["KT.", "TL.", "TM.", "TUQ.", "Q."]
UnitKind = Literal["internal", "external"]
HonoureeKind = Literal["collective", "individual"]
HonourStatus = Literal["proposed", "approved"]

FORMAT = "tnplan/1"
RESULTS_FORMAT = "tnplan-results/1"
"""The format of a unit's results file (:class:`UnitResults`)."""

# Bounds of the whole numbers a plan holds: far beyond any real plan, near enough to catch a
# sign or a slip of the keyboard (negative money, a 5,000-digit number).
MAX_MONEY = 10**15
"""1.000.000.000.000.000 đồng: a thousand trillion, above a province's whole budget."""
MAX_PARTICIPANTS = 10_000_000
MAX_MINUTES = 24 * 60
MAX_NUMBER = 1_000_000


def f(
    desc: str,
    default: Any = ...,
    *,
    kind: str = "",
    example: Any = None,
    bounds: tuple[int, int, str] | None = None,
) -> Any:
    """A documented field.

    ``kind`` refines the Python type: ``unit``, ``guest``, ``invitee``, ``activity`` and
    ``deadline`` are references to ids; ``id`` is a new id; ``docnumber`` a document number.
    ``bounds`` is (lowest, highest, unit) for a whole number: the unit (``money``, ``people``,
    ``minutes`` or ``""``) names it in the checker's message (``đồng``, ``người``, ``phút``).
    """
    meta = {"desc": desc, "kind": kind, "example": example, "bounds": bounds}
    if default is ...:
        return field(metadata=meta)
    if isinstance(default, list):
        return field(default_factory=list, metadata=meta)
    return field(default=default, metadata=meta)


T = TypeVar("T")


@dataclass_transform(kw_only_default=True, field_specifiers=(field,))
def _model(cls: type[T]) -> type[T]:
    """``@dataclass(kw_only=True, slots=True)``, made quicker to import, which every start
    of tnplan does: the classes share one ``__eq__`` and ``__repr__`` (:class:`Node`'s)
    instead of compiling their own, and a class without a docstring keeps none (``dataclass``
    would write its signature, which ``inspect`` takes a millisecond a class to make).
    :class:`Plan`, of which there is one, keeps a ``__dict__`` for its cached index."""
    blank = cls.__doc__ is None
    if blank:
        cls.__doc__ = "-"
    made = dataclass(kw_only=True, repr=False, eq=False, slots=cls.__name__ != "Plan")(cls)
    if blank:
        made.__doc__ = None
    return made


class Positions:
    """Where each field of a part of the plan was written (and each item of a list field,
    as ``name.index``), kept small: a plan of 10,000 activities has a quarter of a million.

    The field names are one tuple shared by every part written with the same fields (a
    plan's activities have a few such sets), the positions 8 bytes each: the line in the
    upper 32 bits, the column in the lower.
    """

    __slots__ = ("_at", "_keys")
    _SHARED: ClassVar[dict[tuple[str, ...], tuple[str, ...]]] = {}

    def __init__(self, found: dict[str, Pos] | None = None) -> None:
        found = found or {}
        self._keys = self._share(tuple(found))
        self._at = array("Q", [line << 32 | col for line, col in found.values()]).tobytes()

    @classmethod
    def _share(cls, keys: tuple[str, ...]) -> tuple[str, ...]:
        return cls._SHARED.setdefault(keys, keys)

    @classmethod
    def packed(cls, keys: tuple[str, ...], at: list[int]) -> Positions:
        """Positions from their keys and each one's ``line << 32 | column``."""
        self = cls.__new__(cls)
        self._keys = cls._SHARED.setdefault(keys, keys)
        self._at = array("Q", at).tobytes()
        return self

    def get(self, key: str, default: Pos | None = None) -> Pos | None:
        try:
            i = self._keys.index(key)
        except ValueError:
            return default
        packed = int.from_bytes(self._at[8 * i : 8 * i + 8], sys.byteorder)
        return packed >> 32, packed & 0xFFFFFFFF

    def __contains__(self, key: object) -> bool:
        return key in self._keys

    def __getitem__(self, key: str) -> Pos:
        found = self.get(key)
        if found is None:
            raise KeyError(key)
        return found

    def __iter__(self) -> Iterator[str]:
        return iter(self._keys)

    def __len__(self) -> int:
        return len(self._keys)

    def items(self) -> list[tuple[str, Pos]]:
        return [(k, self[k]) for k in self._keys]

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Positions):
            return (self._keys, self._at) == (other._keys, other._at)
        return isinstance(other, dict) and dict(self.items()) == other

    def __hash__(self) -> int:
        return hash((self._keys, self._at))

    def __repr__(self) -> str:
        return f"Positions({dict(self.items())!r})"


NO_POSITIONS = Positions()

_NAMES: dict[type, tuple[tuple[str, ...], tuple[str, ...]]] = {}


def _names(cls: type) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The fields of a model class that its objects are compared by, and those shown."""
    found = _NAMES.get(cls)
    if found is None:
        fields = dataclasses.fields(cls)
        found = _NAMES[cls] = (
            tuple(fd.name for fd in fields if fd.compare),
            tuple(fd.name for fd in fields if fd.repr),
        )
    return found


@_model
class Node:
    """Where a part of the plan was written: its own position and each field's."""

    pos: Pos = field(default=(0, 0), compare=False, repr=False, metadata={"internal": True})
    field_pos: Positions = field(
        default=NO_POSITIONS, compare=False, repr=False, metadata={"internal": True}
    )
    bad_fields: frozenset[str] = field(
        default=frozenset(), compare=False, repr=False, metadata={"internal": True}
    )
    """Optional fields that were written but invalid (already reported): checks skip them."""

    def __eq__(self, other: object) -> bool:
        """As a dataclass compares: the same class, and equal fields (positions not)."""
        if other.__class__ is not self.__class__:
            return NotImplemented
        names = _names(self.__class__)[0]
        return tuple(getattr(self, n) for n in names) == tuple(getattr(other, n) for n in names)

    __hash__ = None  # type: ignore[assignment]  # compared by value and changeable

    @reprlib.recursive_repr()
    def __repr__(self) -> str:
        shown = ", ".join(f"{n}={getattr(self, n)!r}" for n in _names(self.__class__)[1])
        return f"{self.__class__.__qualname__}({shown})"

    def where(self, name: str, index: int | None = None) -> Pos:
        """Position of field ``name`` (or of its item ``index``), else of this node."""
        if index is not None:
            found = self.field_pos.get(f"{name}.{index}")
            if found is not None:
                return found
        return self.field_pos.get(name) or self.pos


@_model
class Contact(Node):
    person: str | None = f("Người liên hệ (họ tên, chức vụ)", None)
    phone: str | None = f("Số điện thoại", None, example="0208 3855 123")
    email: str | None = f("Thư điện tử", None)
    tentative: bool = f(
        "Người liên hệ, số điện thoại còn dự kiến (số máy tạm): giấy mời là DỰ THẢO cho đến khi "
        "chốt",
        False,
    )


@_model
class Signer(Node):
    collective: str | None = f(
        "Tập thể khi người ký thay mặt một tập thể lãnh đạo và còn ký thay người đứng đầu, ví dụ "
        "ỦY BAN NHÂN DÂN: in thêm dòng đầu `TM. ỦY BAN NHÂN DÂN` trên thẩm quyền và chức vụ "
        "(KT. CHỦ TỊCH / PHÓ CHỦ TỊCH)",
        None,
        example="ỦY BAN NHÂN DÂN",
    )
    authority: Authority | None = f(
        "Thẩm quyền ký: KT. (ký thay), TL. (thừa lệnh), TM. (thay mặt), TUQ. (thừa ủy quyền), "
        "Q. (quyền); bỏ trống khi người đứng đầu ký",
        None,
    )
    on_behalf_of: str | None = f(
        "Chức danh người đứng đầu khi ký thay/thừa lệnh, ví dụ GIÁM ĐỐC", None
    )
    title: str = f("Chức vụ người ký, ví dụ GIÁM ĐỐC hoặc PHÓ GIÁM ĐỐC")
    name: str = f("Họ tên người ký")


@_model
class Basis(Node):
    verb: str = f("Từ mở đầu căn cứ: Căn cứ, Thực hiện", "Căn cứ")
    kind: str = f("Loại văn bản căn cứ, ví dụ Công văn, Quyết định", example="Công văn")
    number: str | None = f("Số, ký hiệu văn bản", None, example="2712/BKHCN-VP")
    date: dt.date | None = f("Ngày ban hành", None)
    issuer: str | None = f("Cơ quan ban hành", None)
    subject: str | None = f(
        "Trích yếu, chữ đầu viết thường. Với Công văn, khi in thêm `về việc` phía trước (trừ khi "
        "trích yếu đã bắt đầu bằng `về`); với loại khác (Quyết định, Kế hoạch, Thông báo …) "
        "trích yếu nối thẳng sau tên cơ quan, viết như trích yếu của văn bản đó",
        None,
    )


@_model
class Document(Node):
    parent: str | None = f(
        "Cơ quan chủ quản, viết hoa; bỏ trống khi cơ quan ban hành không có cơ quan chủ quản "
        "(bộ, UBND tỉnh): phần đầu văn bản khi đó chỉ có tên cơ quan ban hành",
        None,
        example="UBND TỈNH THÁI NGUYÊN",
    )
    agency: str = f("Cơ quan ban hành, viết hoa", example="SỞ KHOA HỌC VÀ CÔNG NGHỆ")
    agency_name: str = f(
        "Tên cơ quan ban hành như viết trong câu", example="Sở Khoa học và Công nghệ"
    )
    agency_code: str = f("Chữ viết tắt tên cơ quan trong số ký hiệu", example="SKHCN")
    place: str = f("Địa danh ghi trên văn bản", example="Thái Nguyên")
    type: str = f("Mã loại văn bản (Phụ lục III Nghị định 30/2020)", "KH")
    number: str | None = f("Số văn bản; bỏ trống khi chưa cấp số", None, kind="docnumber")
    date: dt.date | None = f("Ngày ban hành; bỏ trống khi chưa ban hành", None)
    title: str = f("Trích yếu nội dung (sau tên loại văn bản)")
    basis: list[Basis] = f("Căn cứ ban hành", [])
    intro: str | None = f("Phần mở đầu sau các căn cứ", None)
    signer: Signer = f("Người ký")
    recipients: list[str] = f("Nơi nhận (mỗi dòng một nơi, không kèm dấu - và ;)", [])
    archive: str = f("Phần lưu: sau chữ 'Lưu:'", "VT", example="VT, VP")
    drafting_unit: str | None = f("Đơn vị soạn thảo", None, kind="unit")
    timezone: str = f("Múi giờ của kế hoạch", "Asia/Ho_Chi_Minh")
    language: str = f("Ngôn ngữ văn bản", "vi")


@_model
class Slogans(Node):
    main: str = f("Khẩu hiệu chính")
    note: str | None = f("Câu dẫn trước các khẩu hiệu khác", None)
    optional: list[str] = f("Các khẩu hiệu có thể lựa chọn, bổ sung", [])


@_model
class Period(Node):
    start: dt.date = f("Ngày bắt đầu các hoạt động chính")
    end: dt.date = f("Ngày kết thúc các hoạt động chính")
    day: dt.date | None = f("Ngày kỷ niệm (ngày chính của sự kiện)", None)
    notes: list[str] = f(
        "Các đoạn của mục Thời gian tổ chức; {start} và {end} được thay bằng ngày", []
    )


@_model
class Unit(Node):
    id: str = f("Mã đơn vị, dùng để tham chiếu", kind="id", example="vp")
    name: str = f("Tên đầy đủ", example="Văn phòng Sở")
    short: str | None = f("Tên viết tắt", None, example="VP")
    kind: UnitKind = f("internal: thuộc cơ quan; external: bên ngoài", "internal")
    signer: Signer | None = f(
        "Người ký văn bản của đơn vị (báo cáo của đơn vị: tnplan render report --unit)", None
    )
    parent: str | None = f(
        "Cơ quan chủ quản in ở đầu văn bản của đơn vị, viết hoa (mặc định: với đơn vị thuộc cơ "
        "quan, tên cơ quan ban hành kế hoạch; với đơn vị bên ngoài, không có)",
        None,
        example="UBND TỈNH THÁI NGUYÊN",
    )
    code: str | None = f(
        "Chữ viết tắt của đơn vị trong số ký hiệu văn bản (mặc định: tên viết tắt)",
        None,
        example="QLKH",
    )
    place: str | None = f("Địa danh ghi trên văn bản của đơn vị (mặc định: của kế hoạch)", None)
    members: list[str] = f("Nếu là nhóm: các đơn vị thành viên", [], kind="unit")
    contact: Contact | None = f("Liên hệ", None)
    email: str | None = f(
        "Thư điện tử của đơn vị: nhận biểu mẫu báo cáo và thư nhắc hạn (tnplan remind)",
        None,
        example="qlkh@skhcn.thainguyen.gov.vn",
    )


@_model
class Guest(Node):
    id: str = f("Mã khách mời", kind="id")
    name: str = f("Họ tên, hoặc tên cơ quan khi mời cả cơ quan")
    salutation: str | None = f("Cách xưng hô: Ông, Bà, Đồng chí", None)
    title: str | None = f("Chức vụ", None)
    organisation: str | None = f("Cơ quan, đơn vị", None)
    superior: bool = f(
        "Lãnh đạo cấp trên của cơ quan ban hành (lãnh đạo tỉnh, bộ): giấy mời dùng lời kết "
        "trang trọng (“Rất mong Đồng chí quan tâm, dành thời gian đến dự”), không nhắc “đúng giờ”",
        False,
    )
    tentative: bool = f("Dự kiến, chưa chốt", False)


@_model
class Group(Node):
    id: str = f("Mã nhóm khách mời", kind="id")
    name: str = f("Tên nhóm")
    members: list[str] = f("Các khách mời hoặc đơn vị trong nhóm", [], kind="invitee")


@_model
class Slot(Node):
    day: dt.date | None = f(
        "Ngày của mục (chương trình nhiều ngày); bỏ trống: cùng ngày với mục trước (mục đầu: "
        "ngày đầu của sự kiện). Mục đầu của một ngày bắt đầu lúc sự kiện mở cửa ngày đó",
        None,
    )
    start: dt.time | None = f("Giờ bắt đầu (HH:MM); bỏ trống để tính từ mục trước", None)
    end: dt.time | None = f("Giờ kết thúc (HH:MM)", None)
    minutes: int | None = f("Thời lượng, phút", None, bounds=(1, MAX_MINUTES, "minutes"))
    item: str = f("Nội dung")
    by: str | None = f("Người/đơn vị thực hiện: mã đơn vị, mã khách mời hoặc chữ", None)
    mc: str | None = f("Lời dẫn của người dẫn chương trình", None)
    introduce: bool = f(
        "Mục giới thiệu đại biểu: kịch bản liệt kê khách mời (tự nhận khi nội dung có “giới "
        "thiệu đại biểu”)",
        False,
    )


@_model
class Session(Node):
    """One dated sitting of an event held over several days."""

    date: dt.date = f("Ngày của buổi")
    start: dt.time | None = f("Giờ bắt đầu (HH:MM); mặc định: giờ bắt đầu của sự kiện", None)
    end: dt.time | None = f("Giờ kết thúc (HH:MM); mặc định: giờ kết thúc của sự kiện", None)
    venue: str | None = f("Địa điểm; mặc định: địa điểm của sự kiện", None)
    name: str | None = f("Tên buổi (phiên khai mạc, phiên chuyên đề …)", None)


@_model
class Event(Node):
    name: str | None = f("Tên sự kiện dùng trong giấy mời (mặc định: tên hoạt động)", None)
    date: dt.date = f("Ngày tổ chức (ngày đầu, với sự kiện nhiều ngày)")
    end_date: dt.date | None = f(
        "Ngày kết thúc, với sự kiện kéo dài nhiều ngày (triển lãm, hội chợ): mỗi ngày mở cửa "
        "từ `start` đến `end`",
        None,
    )
    sessions: list[Session] = f(
        "Các buổi theo ngày (hội nghị hai ngày …), mỗi buổi có ngày, giờ, địa điểm riêng", []
    )
    start: dt.time | None = f("Giờ bắt đầu (HH:MM)", None)
    end: dt.time | None = f("Giờ kết thúc (HH:MM)", None)
    venue: str | None = f("Địa điểm", None)
    chair: str | None = f("Chủ trì", None)
    invitees: list[str] = f("Khách mời: mã khách mời, mã nhóm hoặc mã đơn vị", [], kind="invitee")
    contact: Contact | None = f("Liên hệ ghi trong giấy mời", None)
    notes: list[str] = f("Ghi chú trong giấy mời (tài liệu mang theo, …)", [])
    dress: str | None = f("Trang phục (dòng “Trang phục: …” trong giấy mời)", None)
    confirm_by: dt.date | None = f(
        "Hạn xác nhận tham dự: giấy mời đề nghị xác nhận trước ngày này qua số điện thoại liên hệ",
        None,
    )
    invitation_number: str | None = f("Số giấy mời; bỏ trống khi chưa cấp", None, kind="docnumber")
    invitation_date: dt.date | None = f("Ngày ký giấy mời", None)
    tentative: bool = f("Ngày, giờ, địa điểm còn dự kiến", False)


@_model
class Task(Node):
    id: str | None = f("Mã công việc", None, kind="id")
    title: str = f("Công việc")
    owner: str | None = f("Đơn vị thực hiện", None, kind="unit")
    due: dt.date | None = f(
        "Hạn (hết ngày nếu không ghi giờ); giờ ghi ở `time` hoặc ngay sau ngày: 8/5/2026 16:00",
        None,
        kind="due",
    )
    time: dt.time | None = f("Giờ hạn (HH:MM)", None)
    status: Status = f("Trạng thái", "planned")
    done_on: dt.date | None = f("Ngày hoàn thành", None)
    since: dt.date | None = f(
        "Ngày bắt đầu trạng thái hiện tại (in_progress, postponed, cancelled)", None
    )
    tentative: bool = f("Dự kiến", False)


@_model
class Result(Node):
    held_on: dt.date | None = f("Ngày đã tổ chức", None)
    participants: int | None = f("Số người tham dự", None, bounds=(0, MAX_PARTICIPANTS, "people"))
    outputs: list[str] = f("Kết quả, sản phẩm", [])
    notes: str | None = f("Ghi chú, đánh giá", None)


@_model
class Honouree(Node):
    """A collective or a person honoured at an activity (khen thưởng, tôn vinh)."""

    name: str = f("Tên tập thể hoặc họ tên cá nhân")
    kind: HonoureeKind = f("collective: tập thể; individual: cá nhân", "individual")
    unit: str | None = f("Đơn vị công tác (của cá nhân) hoặc cơ quan chủ quản (của tập thể)", None)
    achievement: str | None = f("Thành tích", None)
    form: str = f("Hình thức khen thưởng: Giấy khen, Bằng khen, Cờ thi đua …", example="Bằng khen")
    granted_by: str | None = f("Cấp khen: người hoặc cơ quan quyết định khen", None)
    decision_number: str | None = f("Số quyết định khen thưởng", None, example="1234/QĐ-UBND")
    decision_date: dt.date | None = f("Ngày quyết định khen thưởng", None)
    status: HonourStatus = f(
        "proposed: đề nghị; approved: đã có quyết định (ghi số, ngày quyết định)", "proposed"
    )


@_model
class Activity(Node):
    id: str = f("Mã hoạt động", kind="id", example="hoi-nghi-sang-che")
    number: int | None = f("Số thứ tự trong kế hoạch", None, bounds=(1, MAX_NUMBER, ""))
    title: str = f("Tên hoạt động")
    bullets: list[str] = f("Các ý nội dung (gạch đầu dòng)", [])
    lead: str | None = f("Đơn vị chủ trì", None, kind="unit")
    support: list[str] = f("Đơn vị phối hợp", [], kind="unit")
    start: dt.date | None = f("Ngày bắt đầu (mặc định: đầu thời gian kế hoạch)", None)
    end: dt.date | None = f("Ngày kết thúc (mặc định: cuối thời gian kế hoạch)", None)
    status: Status = f("Trạng thái", "planned")
    done_on: dt.date | None = f("Ngày hoàn thành", None)
    since: dt.date | None = f(
        "Ngày bắt đầu trạng thái hiện tại (in_progress, postponed, cancelled)", None
    )
    reason: str | None = f("Lý do hoãn, hủy hoặc chưa thực hiện", None)
    tentative: bool = f("Thời gian, đơn vị còn dự kiến", False)
    event: Event | None = f("Sự kiện có ngày, giờ, địa điểm", None)
    programme: list[Slot] = f("Chương trình (kịch bản) theo thời gian", [])
    programme_tentative: bool = f("Chương trình còn dự kiến", False)
    mc_closing: str | None = f(
        "Lời kết của người dẫn chương trình ở cuối kịch bản (bỏ trống: lời cảm ơn, bế mạc chung)",
        None,
    )
    tasks: list[Task] = f("Các công việc", [])
    honourees: list[Honouree] = f("Tập thể, cá nhân được khen thưởng, tôn vinh", [])
    result: Result | None = f("Kết quả sau khi tổ chức", None)


@_model
class Responsibility(Node):
    units: list[str] = f("Đơn vị được giao", kind="unit")
    heading: str | None = f("Tiêu đề (mặc định: tên các đơn vị)", None)
    duties: list[str] = f("Nhiệm vụ", [])
    activities: list[str] = f("Hoạt động liên quan", [], kind="activity")


@_model
class Receipt(Node):
    unit: str = f("Đơn vị đã gửi báo cáo", kind="unit")
    date: dt.date = f("Ngày nhận báo cáo")
    note: str | None = f("Ghi chú", None)


@_model
class Deadline(Node):
    id: str = f("Mã hạn báo cáo", kind="id")
    title: str = f("Nội dung phải nộp")
    owners: list[str] = f("Đơn vị phải nộp (mỗi đơn vị một dòng khi theo dõi)", kind="unit")
    to: list[str] = f("Nơi nhận", [], kind="unit")
    due: dt.date = f(
        "Hạn (hết ngày nếu không ghi giờ); giờ ghi ở `time` hoặc ngay sau ngày: 30/6/2026 16:00",
        kind="due",
    )
    time: dt.time | None = f("Giờ hạn (HH:MM)", None)
    text: str | None = f("Câu trong kế hoạch; {due} được thay bằng ngày hạn", None)
    received: list[Receipt] = f("Các báo cáo đã nhận", [])


@_model
class DeadlineRef(Node):
    deadline: str = f("Mã hạn báo cáo mà câu này nêu", kind="deadline")


@_model
class BudgetLine(Node):
    item: str = f("Khoản chi")
    amount: int = f("Số tiền (đồng)", bounds=(0, MAX_MONEY, "money"))
    source: str | None = f("Nguồn kinh phí", None)
    unit: str | None = f("Đơn vị sử dụng", None, kind="unit")
    spent: int | None = f("Đã chi (đồng)", None, bounds=(0, MAX_MONEY, "money"))


@_model
class Budget(Node):
    notes: list[str] = f("Các đoạn của mục Kinh phí", [])
    sources: list[str] = f("Các nguồn kinh phí", [])
    lines: list[BudgetLine] = f("Dự toán theo khoản", [])


@_model
class Evaluation(Node):
    """What the result report says beyond the figures: written after the event."""

    direction: list[str] = f(
        "Công tác chỉ đạo, triển khai (sau câu về việc ban hành, gửi, giao nhiệm vụ của Kế hoạch)",
        [],
    )
    strengths: list[str] = f("Ưu điểm", [])
    shortcomings: list[str] = f("Tồn tại, hạn chế", [])
    causes: list[str] = f("Nguyên nhân của tồn tại, hạn chế", [])
    lessons: list[str] = f("Bài học kinh nghiệm", [])
    next_steps: list[str] = f("Phương hướng, nhiệm vụ tiếp theo", [])
    proposals: list[str] = f("Đề xuất, kiến nghị", [])


@_model
class ResultRow(Node):
    """One line a unit reported: an activity it leads or supports, or a task it owns."""

    activity: str = f("Mã hoạt động", kind="activity")
    task: str | None = f(
        "Mã công việc của hoạt động (hoặc #n: công việc thứ n chưa có mã); bỏ trống khi dòng là "
        "chính hoạt động",
        None,
    )
    status: Status | None = f("Trạng thái đơn vị báo cáo", None)
    held_on: dt.date | None = f("Ngày thực hiện (tổ chức, hoàn thành)", None)
    participants: int | None = f("Số người tham dự", None)
    outputs: list[str] = f("Kết quả, sản phẩm", [])
    spent: int | None = f("Kinh phí đã chi (đồng)", None)
    notes: str | None = f("Ghi chú, đánh giá", None)


@_model
class UnitResults(Node):
    """What one unit reported for one deadline (``<plan>.results/<deadline>/<unit>.yaml``)."""

    format: str = f("Phiên bản định dạng tệp kết quả", example=RESULTS_FORMAT)
    plan: str = f("Mã kế hoạch", example="ngay-khcn-2026")
    deadline: str = f("Mã hạn báo cáo", kind="deadline")
    unit: str = f("Đơn vị báo cáo", kind="unit")
    date: dt.date = f("Ngày nhận báo cáo")
    revised: dt.date | None = f("Ngày nhận bản sửa (khi đơn vị gửi lại)", None)
    form: str | None = f("Tên tệp biểu mẫu đã nhận", None)
    sha256: str | None = f("Mã băm SHA-256 của tệp biểu mẫu", None)
    fingerprint: str | None = f("Dấu vân tay của biểu mẫu (phiên bản kế hoạch khi lập)", None)
    rows: list[ResultRow] = f("Kết quả từng hoạt động, công việc", [])
    difficulties: list[str] = f("Khó khăn, vướng mắc", [])
    proposals: list[str] = f("Đề xuất, kiến nghị", [])


@_model
class Calendar(Node):
    holidays: list[dt.date] = f("Ngày nghỉ thêm (theo thông báo hằng năm)", [])
    workdays: list[dt.date] = f("Ngày làm việc bù (thứ Bảy, Chủ nhật đi làm)", [])


@_model
class Plan(Node):
    format: str = f("Phiên bản định dạng", example=FORMAT)
    id: str = f("Mã kế hoạch", kind="id", example="ngay-khcn-2026")
    document: Document = f("Thông tin văn bản")
    purposes: list[str] = f("Mục đích", [])
    requirements: list[str] = f("Yêu cầu", [])
    theme: str | None = f("Chủ đề", None)
    slogans: Slogans | None = f("Khẩu hiệu tuyên truyền", None)
    period: Period = f("Thời gian tổ chức")
    budget: Budget | None = f("Kinh phí", None)
    units: list[Unit] = f("Các đơn vị")
    guests: list[Guest] = f("Khách mời", [])
    groups: list[Group] = f("Nhóm khách mời", [])
    activities: list[Activity] = f("Các hoạt động")
    responsibilities: list[Responsibility] = f("Tổ chức thực hiện: nhiệm vụ từng đơn vị", [])
    responsibilities_footer: list[str | DeadlineRef] = f(
        "Đoạn cuối mục Tổ chức thực hiện: chữ, hoặc {deadline: mã} để nêu một hạn", []
    )
    deadlines: list[Deadline] = f("Các hạn báo cáo", [])
    reporting: list[str | DeadlineRef] = f(
        "Chế độ thông tin, báo cáo: chữ, hoặc {deadline: mã} để nêu một hạn", []
    )
    closing: str | None = f("Đoạn kết của kế hoạch", None)
    calendar: Calendar | None = f("Lịch làm việc riêng của năm", None)
    evaluation: Evaluation | None = f("Đánh giá sau khi tổ chức, cho báo cáo kết quả", None)
    templates: str | None = f("Thư mục mẫu văn bản riêng (so với tệp kế hoạch)", None)
    source: str = field(default="", compare=False, repr=False, metadata={"internal": True})
    reports: list[UnitResults] = field(
        default_factory=list, compare=False, repr=False, metadata={"internal": True}
    )
    """Units' results, read from the files next to the plan (see :mod:`tnplan.plan.results`)."""

    # Lookups by id: the plan is not changed once built, so the index is built once.
    @functools.cached_property
    def _by_id(self) -> dict[str, dict[str, Any]]:
        """Each kind's objects by id (the first of a repeated id, as the checker reports)."""
        index: dict[str, dict[str, Any]] = {}
        for kind, items in (
            ("unit", self.units),
            ("guest", self.guests),
            ("group", self.groups),
            ("activity", self.activities),
            ("deadline", self.deadlines),
        ):
            table: dict[str, Any] = {}
            for item in items:
                table.setdefault(item.id, item)
            index[kind] = table
        return index

    def unit(self, uid: str) -> Unit | None:
        found: Unit | None = self._by_id["unit"].get(uid)
        return found

    def activity(self, aid: str) -> Activity | None:
        found: Activity | None = self._by_id["activity"].get(aid)
        return found

    def guest(self, gid: str) -> Guest | None:
        found: Guest | None = self._by_id["guest"].get(gid)
        return found

    def party(self, ref: str) -> Unit | Guest | Group | None:
        """What an invitee or performer reference names: a unit, a guest or a group."""
        index = self._by_id
        found: Unit | Guest | Group | None = (
            index["unit"].get(ref) or index["guest"].get(ref) or index["group"].get(ref)
        )
        return found

    def deadline(self, did: str) -> Deadline | None:
        found: Deadline | None = self._by_id["deadline"].get(did)
        return found

    def activity_window(self, a: Activity) -> tuple[dt.date, dt.date]:
        """The activity's dates: its own, its event's day, or the plan period."""
        if a.start or a.end:
            start = a.start or a.end or self.period.start
            return start, a.end or start
        if a.event is not None:
            days = event_days(a.event)
            return days[0], days[-1]
        return self.period.start, self.period.end


def event_days(event: Event) -> list[dt.date]:
    """The days an event is held: its sessions' days, else ``date`` to ``end_date``."""
    if event.sessions:
        return sorted({event.date, *(s.date for s in event.sessions)})
    last = event.end_date if event.end_date and event.end_date > event.date else event.date
    return [event.date + dt.timedelta(days=i) for i in range((last - event.date).days + 1)]


def day_hours(event: Event, day: dt.date) -> tuple[dt.time | None, dt.time | None, str | None]:
    """Start, end and venue of the event on ``day``: its session's, else the event's."""
    for s in event.sessions:
        if s.date == day:
            return s.start or event.start, s.end or event.end, s.venue or event.venue
    return event.start, event.end, event.venue


def slot_schedule(
    event: Event, programme: list[Slot]
) -> list[tuple[dt.date, dt.time, dt.time] | None]:
    """Day, start and end of each programme slot.

    A slot's day is its ``day``, else the day of the slot before it (the first: the event's
    first day).  A slot without ``start`` begins when the one before it ends — or, first of
    its day, when the event opens that day; a slot without ``end`` lasts ``minutes``.  ``None``
    where a time cannot be known (and for every slot after it).
    """
    out: list[tuple[dt.date, dt.time, dt.time] | None] = []
    day = event.date
    cursor = day_hours(event, day)[0]
    for slot in programme:
        if slot.day is not None and slot.day != day:
            day = slot.day
            cursor = day_hours(event, day)[0]
        start = slot.start or cursor
        if start is None:
            out.extend([None] * (len(programme) - len(out)))
            break
        if slot.end is not None:
            end = slot.end
        elif slot.minutes is not None:
            end_dt = dt.datetime.combine(day, start) + dt.timedelta(minutes=slot.minutes)
            if end_dt.date() != day:
                out.extend([None] * (len(programme) - len(out)))
                break
            end = end_dt.time()
        else:
            out.extend([None] * (len(programme) - len(out)))
            break
        out.append((day, start, end))
        cursor = end
    return out


def slot_times(event: Event, programme: list[Slot]) -> list[tuple[dt.time, dt.time] | None]:
    """Start and end of each programme slot (see :func:`slot_schedule`)."""
    return [(t[1], t[2]) if t else None for t in slot_schedule(event, programme)]
