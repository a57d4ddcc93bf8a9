"""Reminders before deadlines: one short Vietnamese e-mail per unit with something due or late.

:func:`reminders` picks, as of a date, every open item (activity, task, report owed) that is
late or due within N days, groups them by the unit that owns them (a group's items go to each
member, unless the group has its own address) and words one message per unit: what, which
plan, due when, how late, whom to contact.  The messages become ``.eml`` files
(:func:`eml_outputs`) or are sent over SMTP (:func:`send`).

Sending keeps a log beside the plan (``<plan>.reminders.jsonl``, one JSON object a line): a
message is logged the moment the server accepts it, so a run that stops half-way (a refused
recipient, a dropped connection) loses nothing, and a second run the same day sends only what
the log does not already hold.  SMTP settings never come from the plan file.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from email.message import EmailMessage
from pathlib import Path
from typing import Any

from ..calendar import vi
from ..documents.render import Output
from ..plan import model
from ..plan.problems import TnplanError
from ..track import schedule

LOG_SUFFIX = ".reminders.jsonl"


def _t(lang: str, vi_text: str, en_text: str) -> str:
    return vi_text if lang == "vi" else en_text


def log_path(plan_path: Path) -> Path:
    """The send log beside a plan file: ``plans/x.yaml`` → ``plans/x.reminders.jsonl``."""
    return plan_path.with_name(plan_path.stem + LOG_SUFFIX)


@dataclass
class Reminder:
    """One message to one unit."""

    unit: model.Unit
    to: str | None
    items: list[schedule.Item]
    subject: str
    body: str
    key: str
    """A hash of the unit and its items: the same reminder on the same day is sent once."""
    day: dt.date

    @property
    def file_name(self) -> str:
        return f"nhac-han-{vi.slug(self.unit.id, 40)}-{self.day:%Y%m%d}.eml"

    @property
    def message_id(self) -> str:
        return f"<{self.day:%Y%m%d}.{self.key}.{vi.slug(self.unit.id, 40)}@tnplan>"


def _due_words(it: schedule.Item) -> str:
    assert it.due is not None
    when = f"{vi.weekday(it.due, False)}, {vi.date_short(it.due)}"
    if it.due_time is not None:
        when = f"{vi.time_hm(it.due_time)} {when}"
    if it.late:
        if it.days_late == 0:
            return f"Hạn {when} — đã quá hạn hôm nay"
        return f"Hạn {when} — đã trễ {it.days_late} ngày ({it.working_days_late} ngày làm việc)"
    if it.days_left == 0:
        return f"Hạn {when} — đến hạn hôm nay"
    return f"Hạn {when} — còn {it.days_left} ngày"


def _unit_line(u: model.Unit) -> str:
    bits = []
    if u.contact is not None:
        bits += [x for x in (u.contact.person, u.contact.phone, u.contact.email) if x]
    if u.email and u.email not in bits:
        bits.append(u.email)
    return u.name + (f" ({', '.join(bits)})" if bits else "")


def _contact(plan: model.Plan, items: Sequence[schedule.Item]) -> str:
    """Whom to contact: the unit a report goes to, else the plan's drafting unit."""
    for it in items:
        if it.kind == "report" and it.deadline:
            d = plan.deadline(it.deadline)
            if d is not None and d.to and plan.unit(d.to[0]) is not None:
                unit = plan.unit(d.to[0])
                assert unit is not None
                return _unit_line(unit)
    uid = plan.document.drafting_unit
    unit = plan.unit(uid) if uid else None
    return _unit_line(unit) if unit is not None else plan.document.agency_name


def _words(
    plan: model.Plan, unit: model.Unit, items: list[schedule.Item], as_of: dt.date
) -> tuple[str, str]:
    doc = plan.document
    late = sum(1 for it in items if it.late)
    head = items[0].title if len(items) == 1 else f"{len(items)} việc cần hoàn thành"
    subject = f"[{doc.agency_code}] Nhắc hạn: {head} — {unit.short or unit.name}"
    number = f" số {doc.number}/{doc.type}-{doc.agency_code}" if doc.number else ""
    lines = [
        f"Kính gửi: {unit.name}",
        "",
        f"Theo Kế hoạch{number} của {doc.agency_name} về {doc.title[:1].lower()}{doc.title[1:]}, "
        f"tính đến {vi.weekday(as_of, False)}, ngày {vi.date_short(as_of)}, đơn vị có "
        f"{len(items)} việc cần hoàn thành" + (f" ({late} việc đã quá hạn)" if late else "") + ":",
        "",
    ]
    for i, it in enumerate(items, start=1):
        what = it.title
        if it.kind == "report":
            d = plan.deadline(it.deadline or "")
            to = [plan.unit(u) for u in d.to] if d else []
            names = ", ".join(u.name for u in to if u is not None)
            if names:
                what += f" (gửi {names})"
        elif it.kind == "activity":
            what = f"Hoạt động {it.number or ''}: {what}".replace("  ", " ")
        lines.append(f"{i}. {what}")
        lines.append(f"   {_due_words(it)}.")
    lines += [
        "",
        "Đề nghị đơn vị hoàn thành và báo cáo đúng hạn; việc nào đã xong, đề nghị báo lại để "
        "cập nhật vào kế hoạch.",
        f"Liên hệ: {_contact(plan, items)}.",
        "",
        "Trân trọng,",
        doc.agency_name,
        "",
        "(Thư nhắc do tnplan lập từ kế hoạch.)",
    ]
    return subject, "\n".join(lines) + "\n"


def reminders(
    plan: model.Plan, as_of: schedule.AsOf, days: int, *, units: Sequence[str] | None = None
) -> list[Reminder]:
    """One reminder per unit with an open item late or due within ``days`` days."""
    from ..plan.check import expand_units

    by_unit: dict[str, list[schedule.Item]] = {}
    for it in schedule.plan_items(plan, as_of):
        if not it.open or it.owner is None or it.due is None:
            continue
        if not (it.late or (it.days_left is not None and it.days_left <= days)):
            continue
        owner = plan.unit(it.owner)
        targets = [it.owner] if owner is None or owner.email else expand_units(plan, [it.owner])
        for uid in targets:
            bucket = by_unit.setdefault(uid, [])
            if it not in bucket:
                bucket.append(it)
    out = []
    for u in plan.units:
        items = by_unit.get(u.id)
        if not items or (units is not None and u.id not in units):
            continue
        items.sort(key=lambda it: (it.due or dt.date.max, it.kind, it.id))
        subject, body = _words(plan, u, items, as_of.date)
        what = [u.id, [[it.kind, it.id, it.due.isoformat() if it.due else ""] for it in items]]
        digest = hashlib.sha256(json.dumps(what).encode()).hexdigest()[:12]
        to = u.email or (u.contact.email if u.contact else None)
        out.append(Reminder(u, to, items, subject, body, digest, as_of.date))
    return out


def message(rem: Reminder, sender: str | None, *, now: dt.datetime | None = None) -> EmailMessage:
    """The e-mail of a reminder (UTF-8 text; the Date is the moment it is made)."""
    from email.utils import format_datetime

    msg = EmailMessage()
    if sender:
        msg["From"] = sender
    if rem.to:
        msg["To"] = rem.to
    msg["Subject"] = rem.subject
    msg["Date"] = format_datetime(now or dt.datetime.now(dt.UTC))
    msg["Message-ID"] = rem.message_id
    msg.set_content(rem.body)
    return msg


def eml_outputs(rems: Sequence[Reminder], sender: str | None) -> list[Output]:
    """One ``.eml`` file per reminder that has an address."""
    return [Output(r.file_name, bytes(message(r, sender))) for r in rems if r.to]


# --- sending ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Smtp:
    """How to reach the mail server (from options or environment variables, never the plan)."""

    host: str
    port: int
    sender: str
    starttls: bool = False
    user: str | None = None
    password: str | None = None
    timeout: float = 30.0


@dataclass
class Outcome:
    """What happened to one reminder."""

    reminder: Reminder
    state: str  # sent, skipped (already sent that day), refused, unsent, no-address, would-send
    detail: str = ""


@dataclass
class SendLog:
    """The lines of the send log (JSON objects), and which reminders they cover."""

    path: Path
    entries: list[dict[str, Any]] = field(default_factory=list)

    @classmethod
    def read(cls, path: Path, lang: str = "vi") -> SendLog:
        log = cls(path)
        if not path.exists():
            return log
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise TnplanError(
                _t(lang, f"không đọc được nhật ký gửi {path}: {exc}", f"cannot read {path}: {exc}"),
                exit_code=3,
            ) from None
        for n, line in enumerate(text.splitlines(), start=1):
            if not line.strip():
                continue
            try:
                entry = json.loads(line)
            except json.JSONDecodeError:
                raise TnplanError(
                    _t(lang, f"{path}:{n}: dòng nhật ký hỏng", f"{path}:{n}: a damaged log line"),
                    hint=_t(lang, "sửa hoặc xóa dòng này", "fix or delete that line"),
                    exit_code=3,
                ) from None
            if isinstance(entry, dict):
                log.entries.append(entry)
        return log

    def has(self, rem: Reminder) -> bool:
        day = rem.day.isoformat()
        return any(
            e.get("day") == day and e.get("unit") == rem.unit.id and e.get("key") == rem.key
            for e in self.entries
        )

    def add(self, rem: Reminder, sent_at: dt.datetime, lang: str) -> None:
        """Record a sent reminder and write the log at once (atomically)."""
        from ..documents.render import write_atomic

        self.entries.append(
            {
                "day": rem.day.isoformat(),
                "unit": rem.unit.id,
                "to": rem.to,
                "key": rem.key,
                "message_id": rem.message_id,
                "items": [it.id for it in rem.items],
                "sent": sent_at.isoformat(timespec="seconds"),
            }
        )
        text = "".join(json.dumps(e, ensure_ascii=False) + "\n" for e in self.entries)
        write_atomic(self.path, text.encode("utf-8"), force=True, lang=lang)


def send(
    rems: Sequence[Reminder],
    smtp: Smtp | None,
    log: SendLog,
    *,
    dry_run: bool = False,
    lang: str = "vi",
    now: Callable[[], dt.datetime] | None = None,
) -> list[Outcome]:
    """Send the reminders the log does not hold; each accepted one is logged at once."""
    import smtplib
    import ssl

    clock = now or (lambda: dt.datetime.now(dt.UTC))
    outcomes: list[Outcome] = []
    pending: list[Reminder] = []
    for r in rems:
        if not r.to:
            outcomes.append(Outcome(r, "no-address"))
        elif log.has(r):
            outcomes.append(Outcome(r, "skipped"))
        else:
            pending.append(r)
    if dry_run or not pending:
        outcomes += [Outcome(r, "would-send") for r in pending] if dry_run else []
        return outcomes
    assert smtp is not None
    try:
        server = smtplib.SMTP(smtp.host, smtp.port, timeout=smtp.timeout)
    except (OSError, smtplib.SMTPException) as exc:
        raise TnplanError(
            _t(
                lang,
                f"không kết nối được máy chủ thư {smtp.host}:{smtp.port}: {exc}",
                f"cannot connect to the mail server {smtp.host}:{smtp.port}: {exc}",
            ),
            hint=_t(lang, "kiểm tra --smtp-host, --smtp-port", "check --smtp-host, --smtp-port"),
            exit_code=3,
        ) from None
    try:
        try:
            server.ehlo()
            if smtp.starttls:
                server.starttls(context=ssl.create_default_context())
                server.ehlo()
            if smtp.user:
                server.login(smtp.user, smtp.password or "")
        except (OSError, smtplib.SMTPException) as exc:
            raise TnplanError(
                _t(
                    lang,
                    f"máy chủ thư {smtp.host}:{smtp.port} từ chối phiên làm việc: {exc}",
                    f"the mail server {smtp.host}:{smtp.port} refused the session: {exc}",
                ),
                hint=_t(
                    lang,
                    "kiểm tra --starttls, TNPLAN_SMTP_USER và TNPLAN_SMTP_PASSWORD; "
                    "chưa gửi thư nào",
                    "check --starttls, TNPLAN_SMTP_USER and TNPLAN_SMTP_PASSWORD; nothing was sent",
                ),
                exit_code=3,
            ) from None
        for i, r in enumerate(pending):
            assert r.to is not None
            try:
                server.send_message(message(r, smtp.sender, now=clock()), smtp.sender, [r.to])
            except smtplib.SMTPRecipientsRefused as exc:
                code, why = next(iter(exc.recipients.values()), (0, b""))
                detail = (
                    f"{code} {why.decode('utf-8', 'replace') if isinstance(why, bytes) else why}"
                )
                outcomes.append(Outcome(r, "refused", detail.strip()))
                continue
            except (OSError, smtplib.SMTPException) as exc:
                detail = f"{type(exc).__name__}: {exc}".strip()
                outcomes.append(Outcome(r, "unsent", detail))
                outcomes += [Outcome(x, "unsent", detail) for x in pending[i + 1 :]]
                break
            log.add(r, clock(), lang)
            outcomes.append(Outcome(r, "sent"))
    finally:
        try:
            server.quit()
        except (OSError, smtplib.SMTPException):
            server.close()
    return outcomes
