"""The words people write for each field and value of the plan, for "có phải `start`?".

A plan's keys are English (``start``, ``title``, ``status: done``); its authors think in
Vietnamese and write ``bắt_đầu:``, ``tên:``, ``status: xong``, or ``Title:`` with another
case.  :func:`suggest_field` and :func:`suggest_value` turn such a word into the field or the
value meant.  The tables sit beside :mod:`tnplan.plan.model`: a new field or value needs its
words here too (``tests/check/test_field_words.py`` fails until it has them).

Words are written with ``_`` between syllables; ``bắt đầu``, ``Bắt-Đầu``, ``bat_dau`` and
``BAT DAU`` all match ``bắt_đầu``.
"""

from __future__ import annotations

import re
import unicodedata

FIELDS: dict[str, tuple[str, ...]] = {
    # Words for a field name, wherever it is; ``Class.field`` entries below take precedence.
    "id": ("mã", "mã_số", "ký_hiệu", "code"),
    "name": ("tên", "họ_tên", "họ_và_tên", "tên_gọi", "tên_đầy_đủ"),
    "title": ("tên", "tiêu_đề", "tên_gọi", "nội_dung"),
    "start": ("bắt_đầu", "ngày_bắt_đầu", "từ_ngày", "từ", "begin", "from"),
    "end": ("kết_thúc", "ngày_kết_thúc", "đến_ngày", "đến", "finish", "until"),
    "date": ("ngày", "ngày_tháng"),
    "day": ("ngày", "ngày_chính", "ngày_kỷ_niệm", "ngày_lễ"),
    "status": ("trạng_thái", "tình_trạng", "tiến_độ", "state"),
    "notes": ("ghi_chú", "lưu_ý", "chú_thích", "note"),
    "note": ("ghi_chú", "lưu_ý", "chú_thích", "notes"),
    "tentative": ("dự_kiến", "tạm", "tạm_thời", "chưa_chốt"),
    "contact": ("liên_hệ", "người_liên_hệ", "đầu_mối"),
    "number": ("số", "số_thứ_tự", "stt", "thứ_tự"),
    "kind": ("loại", "kiểu", "type"),
    "members": ("thành_viên", "gồm", "bao_gồm"),
    "due": ("hạn", "hạn_chót", "thời_hạn", "hạn_nộp", "deadline"),
    "time": ("giờ", "giờ_hạn"),
    "owner": ("đơn_vị_thực_hiện", "người_thực_hiện", "phụ_trách", "đơn_vị", "thực_hiện"),
    "done_on": ("ngày_hoàn_thành", "ngày_xong", "hoàn_thành_ngày", "xong_ngày", "done"),
    "unit": ("đơn_vị", "đơn_vị_sử_dụng"),
    "units": ("đơn_vị", "các_đơn_vị", "đơn_vị_được_giao"),
    "item": ("nội_dung", "mục", "tiết_mục"),
    "source": ("nguồn", "nguồn_kinh_phí"),
    "activities": ("hoạt_động", "các_hoạt_động"),
    "invitees": ("khách_mời", "đại_biểu", "thành_phần", "mời", "guests"),
    "holidays": ("ngày_nghỉ", "ngày_lễ", "nghỉ_lễ"),
    "workdays": ("ngày_làm_bù", "làm_bù", "ngày_làm_việc"),
    # Plan
    "format": ("định_dạng", "phiên_bản", "version"),
    "document": ("văn_bản", "thông_tin_văn_bản"),
    "purposes": ("mục_đích", "purpose"),
    "requirements": ("yêu_cầu", "requirement"),
    "theme": ("chủ_đề",),
    "slogans": ("khẩu_hiệu", "slogan"),
    "period": ("thời_gian", "thời_gian_tổ_chức", "giai_đoạn"),
    "budget": ("kinh_phí", "ngân_sách", "dự_toán"),
    "guests": ("khách_mời", "khách", "đại_biểu"),
    "groups": ("nhóm", "nhóm_khách_mời", "nhóm_khách"),
    "responsibilities": ("tổ_chức_thực_hiện", "nhiệm_vụ", "phân_công", "trách_nhiệm"),
    "responsibilities_footer": ("đoạn_cuối_tổ_chức_thực_hiện", "cuối_tổ_chức_thực_hiện"),
    "deadlines": ("hạn_báo_cáo", "các_hạn", "thời_hạn", "hạn"),
    "reporting": ("chế_độ_báo_cáo", "chế_độ_thông_tin", "thông_tin_báo_cáo", "báo_cáo"),
    "closing": ("đoạn_kết", "lời_kết", "kết_luận", "phần_kết"),
    "calendar": ("lịch", "lịch_làm_việc", "lịch_nghỉ"),
    "evaluation": ("đánh_giá", "đánh_giá_chung"),
    "templates": ("mẫu", "mẫu_văn_bản", "thư_mục_mẫu", "template"),
    # Document
    "parent": ("cơ_quan_chủ_quản", "cấp_trên", "chủ_quản"),
    "agency": ("cơ_quan", "cơ_quan_ban_hành", "tên_cơ_quan"),
    "agency_name": ("tên_cơ_quan_trong_câu", "tên_cơ_quan_viết_thường", "tên_sở"),
    "agency_code": ("viết_tắt", "ký_hiệu_cơ_quan", "mã_cơ_quan", "chữ_viết_tắt"),
    "place": ("địa_danh", "nơi_ban_hành"),
    "type": ("loại_văn_bản", "mã_loại", "thể_loại"),
    "basis": ("căn_cứ", "căn_cứ_ban_hành"),
    "intro": ("mở_đầu", "phần_mở_đầu", "lời_mở_đầu"),
    "signer": ("người_ký", "ký", "chữ_ký"),
    "recipients": ("nơi_nhận", "nhận"),
    "archive": ("lưu", "nơi_lưu", "lưu_trữ"),
    "drafting_unit": ("đơn_vị_soạn_thảo", "đơn_vị_soạn", "soạn_thảo"),
    "timezone": ("múi_giờ", "time_zone"),
    "language": ("ngôn_ngữ", "tiếng", "lang"),
    # Signer
    "collective": ("tập_thể", "thay_mặt_tập_thể", "tm", "tm_ủy_ban"),
    "authority": ("thẩm_quyền", "thẩm_quyền_ký", "kt", "quyền_ký"),
    "on_behalf_of": ("ký_thay_cho", "thay_mặt", "thừa_lệnh", "chức_danh_người_đứng_đầu"),
    # Basis
    "verb": ("từ_mở_đầu", "mở_đầu_căn_cứ"),
    "issuer": ("cơ_quan_ban_hành", "nơi_ban_hành", "ban_hành"),
    "subject": ("trích_yếu", "về_việc", "v/v"),
    # Slogans
    "main": ("khẩu_hiệu_chính", "chính"),
    "optional": ("khẩu_hiệu_khác", "lựa_chọn", "bổ_sung", "khác"),
    # Contact
    "person": ("người_liên_hệ", "họ_tên", "người"),
    "phone": ("điện_thoại", "số_điện_thoại", "sđt", "đt", "tel"),
    "email": ("thư_điện_tử", "thư", "e-mail", "mail"),
    # Unit
    "short": ("tên_viết_tắt", "viết_tắt", "tên_ngắn"),
    "code": ("ký_hiệu_văn_bản", "chữ_viết_tắt", "viết_tắt_số_ký_hiệu", "ký_hiệu_đơn_vị"),
    # Guest
    "salutation": ("xưng_hô", "cách_xưng_hô", "danh_xưng"),
    "organisation": ("cơ_quan", "đơn_vị", "tổ_chức", "organization"),
    "superior": ("cấp_trên", "lãnh_đạo_cấp_trên", "lãnh_đạo_tỉnh", "lãnh_đạo"),
    # Slot
    "minutes": ("phút", "số_phút", "thời_lượng"),
    "by": ("người_thực_hiện", "thực_hiện", "do", "trình_bày"),
    "mc": ("lời_dẫn", "dẫn_chương_trình", "người_dẫn", "mc_nói"),
    "introduce": ("giới_thiệu", "giới_thiệu_đại_biểu"),
    # Event
    "venue": ("địa_điểm", "nơi_tổ_chức", "location", "place"),
    "chair": ("chủ_trì", "người_chủ_trì", "chủ_tọa"),
    "invitation_number": ("số_giấy_mời",),
    "invitation_date": ("ngày_giấy_mời", "ngày_mời"),
    "dress": ("trang_phục", "dress_code", "quần_áo"),
    "confirm_by": ("xác_nhận", "hạn_xác_nhận", "xác_nhận_tham_dự", "rsvp"),
    # Result
    "held_on": ("ngày_tổ_chức", "đã_tổ_chức", "tổ_chức_ngày"),
    "participants": ("số_người", "người_tham_dự", "số_đại_biểu", "tham_dự"),
    "outputs": ("kết_quả", "sản_phẩm", "đầu_ra"),
    # Activity
    "bullets": ("ý", "các_ý", "gạch_đầu_dòng", "nội_dung_chi_tiết"),
    "lead": ("chủ_trì", "đơn_vị_chủ_trì", "phụ_trách"),
    "support": ("phối_hợp", "đơn_vị_phối_hợp", "hỗ_trợ"),
    "reason": ("lý_do", "nguyên_nhân"),
    "event": ("sự_kiện",),
    "programme": ("chương_trình", "kịch_bản", "program"),
    "programme_tentative": ("chương_trình_dự_kiến",),
    "mc_closing": ("lời_kết", "lời_kết_mc", "bế_mạc", "kết_thúc_chương_trình"),
    "tasks": ("công_việc", "việc", "các_việc", "nhiệm_vụ"),
    "result": ("kết_quả",),
    # Responsibility
    "heading": ("tiêu_đề", "đề_mục"),
    "duties": ("nhiệm_vụ", "việc_phải_làm", "trách_nhiệm"),
    # Deadline
    "owners": ("đơn_vị_phải_nộp", "đơn_vị_báo_cáo", "đơn_vị", "người_nộp"),
    "to": ("nơi_nhận", "gửi", "gửi_đến"),
    "text": ("câu", "lời_văn", "câu_văn"),
    "received": ("đã_nhận", "đã_nộp", "nhận"),
    "deadline": ("hạn", "hạn_báo_cáo", "mã_hạn"),
    # BudgetLine
    "amount": ("số_tiền", "tiền", "kinh_phí", "dự_toán"),
    "spent": ("đã_chi", "chi", "thực_chi"),
    # Budget
    "sources": ("nguồn", "nguồn_kinh_phí", "các_nguồn"),
    "lines": ("khoản", "các_khoản", "dự_toán", "chi_tiết"),
    # ResultRow, UnitResults (a unit's results file)
    "activity": ("hoạt_động", "mã_hoạt_động"),
    "task": ("công_việc", "việc", "mã_công_việc"),
    "plan": ("kế_hoạch", "mã_kế_hoạch"),
    "revised": ("ngày_sửa", "bản_sửa", "sửa_ngày", "ngày_nhận_bản_sửa"),
    "form": ("biểu_mẫu", "tệp_biểu_mẫu", "mẫu"),
    "sha256": ("mã_băm", "băm", "hash"),
    "fingerprint": ("dấu_vân_tay", "vân_tay", "phiên_bản"),
    "rows": ("dòng", "các_dòng", "kết_quả"),
    "difficulties": ("khó_khăn", "vướng_mắc", "khó_khăn_vướng_mắc"),
    # Several-day events, honours
    "end_date": ("ngày_kết_thúc", "đến_ngày", "ngày_cuối"),
    "sessions": ("buổi", "các_buổi", "phiên", "các_phiên"),
    "since": ("kể_từ", "bắt_đầu_từ", "từ_khi"),
    "honourees": ("khen_thưởng", "tôn_vinh", "người_được_khen", "được_khen"),
    "achievement": ("thành_tích",),
    "granted_by": ("cấp_khen", "người_khen", "cơ_quan_khen"),
    "decision_number": ("số_quyết_định", "số_qđ"),
    "decision_date": ("ngày_quyết_định", "ngày_qđ"),
    # Evaluation
    "direction": ("chỉ_đạo", "công_tác_chỉ_đạo", "triển_khai", "chỉ_đạo_triển_khai"),
    "strengths": ("ưu_điểm", "kết_quả_đạt_được", "mặt_được"),
    "shortcomings": ("tồn_tại", "hạn_chế", "khuyết_điểm"),
    "causes": ("nguyên_nhân",),
    "lessons": ("bài_học", "bài_học_kinh_nghiệm", "kinh_nghiệm"),
    "next_steps": ("phương_hướng", "nhiệm_vụ_tiếp_theo", "tiếp_theo"),
    "proposals": ("đề_xuất", "kiến_nghị", "đề_nghị"),
}

BY_CLASS: dict[str, tuple[str, ...]] = {
    # Where a class gives a field a meaning of its own, or two of its fields share a word.
    "Signer.title": ("chức_vụ", "chức_danh"),
    "Guest.title": ("chức_vụ", "chức_danh"),
    "Document.title": ("trích_yếu", "tiêu_đề", "tên_văn_bản", "tên", "về_việc"),
    "Document.number": ("số", "số_văn_bản", "số_hiệu"),
    "Document.date": ("ngày", "ngày_ban_hành", "ngày_ký"),
    "Basis.kind": ("loại", "loại_văn_bản", "hình_thức"),
    "Basis.number": ("số", "số_ký_hiệu", "số_hiệu"),
    "Basis.date": ("ngày", "ngày_ban_hành"),
    "Unit.id": ("mã", "mã_số", "mã_đơn_vị"),
    "Unit.kind": ("loại", "kiểu", "nội_bộ_hay_bên_ngoài"),
    "Unit.parent": ("cơ_quan_chủ_quản", "cấp_trên", "chủ_quản"),
    "Unit.place": ("địa_danh", "nơi_ban_hành"),
    "Contact.tentative": ("dự_kiến", "tạm", "số_tạm", "chưa_chốt"),
    "Unit.members": ("thành_viên", "gồm", "các_đơn_vị"),
    "Group.members": ("thành_viên", "gồm", "khách_mời"),
    "Activity.title": ("tên", "tên_hoạt_động", "tiêu_đề", "hoạt_động"),
    "Activity.number": ("số", "số_thứ_tự", "stt"),
    "Activity.start": ("bắt_đầu", "ngày_bắt_đầu", "từ_ngày", "từ", "begin", "from"),
    "Activity.result": ("kết_quả", "kết_quả_tổ_chức"),
    "Activity.lead": ("chủ_trì", "đơn_vị_chủ_trì", "phụ_trách", "owner"),
    "Task.title": ("tên", "công_việc", "việc", "nội_dung", "tiêu_đề"),
    "Task.time": ("giờ", "giờ_hạn"),
    "Deadline.title": ("tên", "nội_dung", "tiêu_đề", "báo_cáo", "nội_dung_phải_nộp"),
    "Deadline.time": ("giờ", "giờ_hạn"),
    "Event.name": ("tên", "tên_sự_kiện", "title"),
    "Event.date": ("ngày", "ngày_tổ_chức"),
    "Event.start": ("bắt_đầu", "giờ_bắt_đầu", "từ_giờ", "từ", "time", "giờ"),
    "Event.end": ("kết_thúc", "giờ_kết_thúc", "đến_giờ", "đến"),
    "Event.notes": ("ghi_chú", "lưu_ý", "chú_thích", "note"),
    "Event.contact": ("liên_hệ", "người_liên_hệ", "đầu_mối"),
    "Slot.start": ("bắt_đầu", "giờ_bắt_đầu", "từ_giờ", "từ", "giờ", "time"),
    "Slot.end": ("kết_thúc", "giờ_kết_thúc", "đến_giờ", "đến"),
    "Slot.item": ("nội_dung", "mục", "tiết_mục", "title", "tên"),
    "Period.start": ("bắt_đầu", "ngày_bắt_đầu", "từ_ngày", "từ", "begin", "from"),
    "Period.notes": ("ghi_chú", "đoạn", "các_đoạn", "lưu_ý"),
    "Result.notes": ("ghi_chú", "đánh_giá", "nhận_xét", "note"),
    "Budget.notes": ("ghi_chú", "đoạn", "các_đoạn", "lưu_ý"),
    "BudgetLine.item": ("khoản", "khoản_chi", "nội_dung", "mục"),
    "BudgetLine.unit": ("đơn_vị", "đơn_vị_sử_dụng", "owner"),
    "Receipt.unit": ("đơn_vị", "đơn_vị_gửi", "đơn_vị_nộp"),
    "Receipt.date": ("ngày", "ngày_nhận", "ngày_nộp"),
    "Receipt.note": ("ghi_chú", "lưu_ý", "notes"),
    "Responsibility.activities": ("hoạt_động", "các_hoạt_động", "hoạt_động_liên_quan"),
    "Responsibility.units": ("đơn_vị", "các_đơn_vị", "đơn_vị_được_giao"),
    "Plan.id": ("mã", "mã_kế_hoạch", "ký_hiệu", "code"),
    "Plan.activities": ("hoạt_động", "các_hoạt_động", "nội_dung"),
    "Plan.units": ("đơn_vị", "các_đơn_vị"),
    "Plan.deadlines": ("hạn_báo_cáo", "các_hạn", "thời_hạn", "hạn"),
    "Plan.guests": ("khách_mời", "khách", "đại_biểu"),
    "Plan.groups": ("nhóm", "nhóm_khách_mời", "nhóm_khách"),
    "Plan.reporting": ("chế_độ_báo_cáo", "chế_độ_thông_tin", "thông_tin_báo_cáo", "báo_cáo"),
    "Plan.period": ("thời_gian", "thời_gian_tổ_chức", "giai_đoạn"),
    "Evaluation.causes": ("nguyên_nhân", "lý_do"),
    "UnitResults.date": ("ngày", "ngày_nhận", "ngày_nộp"),
    "Honouree.form": ("hình_thức", "hình_thức_khen_thưởng", "danh_hiệu"),
    "Honouree.unit": ("đơn_vị", "đơn_vị_công_tác", "cơ_quan_chủ_quản"),
    "Session.date": ("ngày", "ngày_của_buổi"),
    "UnitResults.unit": ("đơn_vị", "đơn_vị_báo_cáo", "đơn_vị_nộp"),
    "UnitResults.format": ("định_dạng", "phiên_bản_định_dạng", "version"),
    "ResultRow.status": ("trạng_thái", "tình_trạng", "tiến_độ", "state"),
    "ResultRow.held_on": ("ngày_thực_hiện", "ngày_tổ_chức", "đã_tổ_chức", "ngày"),
    "Deadline.owners": ("đơn_vị_phải_nộp", "đơn_vị_báo_cáo", "đơn_vị", "người_nộp"),
    "Deadline.to": ("nơi_nhận", "gửi", "gửi_đến"),
}

VALUES: dict[str, tuple[str, ...]] = {
    # Words for each value a field takes from a fixed list (``status``, ``kind``, ``authority``).
    "planned": ("kế_hoạch", "chưa_làm", "chưa_thực_hiện", "chưa", "dự_kiến", "sắp", "todo"),
    "in_progress": ("đang_làm", "đang_thực_hiện", "đang", "đang_tiến_hành", "in-progress"),
    "done": ("xong", "đã_xong", "hoàn_thành", "đã_hoàn_thành", "đã_làm", "rồi", "finished"),
    "postponed": ("hoãn", "tạm_hoãn", "lùi", "dời", "hoãn_lại", "delayed"),
    "cancelled": ("hủy", "huỷ", "đã_hủy", "bỏ", "không_làm", "canceled"),
    "internal": ("nội_bộ", "trong", "thuộc_sở", "bên_trong"),
    "external": ("bên_ngoài", "ngoài", "ngoài_sở"),
    "KT.": ("kt", "ký_thay"),
    "TL.": ("tl", "thừa_lệnh"),
    "TM.": ("tm", "thay_mặt"),
    "TUQ.": ("tuq", "thừa_ủy_quyền", "thừa_uỷ_quyền"),
    "Q.": ("q", "quyền"),
    "collective": ("tập_thể",),
    "individual": ("cá_nhân",),
    "proposed": ("đề_nghị", "đề_xuất", "chưa_duyệt"),
    "approved": ("đã_duyệt", "duyệt", "đã_có_quyết_định", "đã_khen"),
}

_SEPARATORS = re.compile(r"[\s\-_.]+")


def norm(word: str) -> str:
    """A word as the tables compare it: NFC, lower case, ``_`` between syllables."""
    text = unicodedata.normalize("NFC", word).strip().casefold()
    return _SEPARATORS.sub("_", text).strip("_")


def bare(word: str) -> str:
    """:func:`norm` without Vietnamese marks (``bat_dau``), for words typed without them."""
    text = unicodedata.normalize("NFD", norm(word).replace("đ", "d"))
    return "".join(c for c in text if unicodedata.category(c) != "Mn")


def words_for(cls: str, field: str) -> tuple[str, ...]:
    """The words for ``field`` of the model class named ``cls``."""
    return BY_CLASS.get(f"{cls}.{field}") or FIELDS.get(field, ())


def _lookup(word: str, table: dict[str, tuple[str, ...]]) -> list[str]:
    exact = [key for key, words in table.items() if norm(word) in {norm(w) for w in words}]
    if exact:
        return exact
    return [key for key, words in table.items() if bare(word) in {bare(w) for w in words}]


def suggest_field(word: str, cls: str, fields: list[str]) -> list[str]:
    """The fields of ``cls`` that ``word`` (an unknown key) most likely means; may be empty."""
    from difflib import get_close_matches

    key = norm(word)
    same = [f for f in fields if f.casefold() == key or norm(f) == key]
    if same:
        return same
    table = {f: words_for(cls, f) for f in fields}
    found = _lookup(word, table)
    if found:
        return found
    close = get_close_matches(key, fields, n=1, cutoff=0.6)
    if close:
        return close
    spelled = {bare(w): f for f, ws in table.items() for w in ws}
    near = get_close_matches(bare(word), list(spelled), n=1, cutoff=0.8)
    return [spelled[near[0]]] if near else []


def suggest_value(word: str, choices: tuple[str, ...]) -> list[str]:
    """The allowed values ``word`` (an unknown value) most likely means; may be empty."""
    from difflib import get_close_matches

    key = norm(word)
    same = [c for c in choices if norm(c) == key]
    if same:
        return same
    found = _lookup(word, {c: VALUES.get(c, ()) for c in choices})
    if found:
        return found
    close = get_close_matches(key, [norm(c) for c in choices], n=1, cutoff=0.6)
    return [c for c in choices if close and norm(c) == close[0]]
