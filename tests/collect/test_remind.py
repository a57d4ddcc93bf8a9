"""``tnplan remind``: .eml files, and sending through a real SMTP server (aiosmtpd) on localhost.

The servers bind port 0 on 127.0.0.1 and live for one test.  One refuses a recipient, one drops
the connection in the middle of a run: the send log beside the plan must record exactly what
the server accepted, and a second run must send only what is missing.
"""

from __future__ import annotations

import email
import email.policy
import json
import re
import shutil
import subprocess
from collections.abc import Callable, Iterator
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

from support import PLAN, Run

PLAN_REL = "plans/ngay-khcn-2026.yaml"
LOG = "plans/ngay-khcn-2026.reminders.jsonl"
AS_OF = "17/6/2026"
UNITS = ["qlkh", "qlcn", "qlcng", "cds", "vp", "so-nganh", "ubnd-xa", "truong-vien", "to-chuc-dn"]


def address(unit: str) -> str:
    return f"{unit}@skhcn.example.vn"


@pytest.fixture
def workdir(tmp_path: Path) -> Path:
    """The bundled plan, with an e-mail address for every unit but the group of the Sở's own
    divisions (as an office would add them)."""
    (tmp_path / "plans").mkdir()
    text = PLAN.read_text(encoding="utf-8")
    head, rest = text.split("\nunits:\n", 1)
    units, tail = rest.split("\nguests:\n", 1)
    units, n = re.subn(
        r"(  - id: (\S+)\n    name: .*\n)",
        lambda m: f"{m.group(1)}    email: {address(m.group(2))}\n",
        units,
    )
    assert n == 14
    # A group has no mailbox of its own: what it owes goes to each member.
    units = units.replace(f"    email: {address('phong-don-vi')}\n", "")
    text = f"{head}\nunits:\n{units}\nguests:\n{tail}"
    (tmp_path / PLAN_REL).write_text(text, encoding="utf-8")
    return tmp_path


class Server(Controller):
    """aiosmtpd's controller on port 0 (it would probe port 0 itself before starting)."""

    def _trigger_server(self) -> None:
        self.port = self.server.sockets[0].getsockname()[1]
        super()._trigger_server()


class Handler:
    """Accepts mail; refuses some recipients; may drop the connection at the n-th message."""

    def __init__(self, refuse: set[str] | None = None, drop_at: int | None = None) -> None:
        self.refuse = refuse or set()
        self.drop_at = drop_at
        self.received: list[tuple[list[str], EmailMessage]] = []
        self.data_commands = 0

    async def handle_RCPT(
        self, server: Any, session: Any, envelope: Any, address: str, options: Any
    ) -> str:
        if address in self.refuse:
            return "550 5.1.1 Không có hộp thư này"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.data_commands += 1
        if self.drop_at is not None and self.data_commands == self.drop_at:
            server.transport.close()  # the connection drops before the message is accepted
            return "421 closing"
        msg = email.message_from_bytes(envelope.content, policy=email.policy.default)
        self.received.append((list(envelope.rcpt_tos), msg))  # type: ignore[arg-type]
        return "250 OK"


@pytest.fixture
def smtp() -> Iterator[Callable[..., tuple[Handler, int]]]:
    started: list[Server] = []

    def start(handler: Handler | None = None, **kw: Any) -> tuple[Handler, int]:
        h = handler or Handler()
        server = Server(h, hostname="127.0.0.1", port=0, **kw)
        server.start()
        started.append(server)
        return h, server.port

    yield start
    for server in started:
        server.stop()


def send(cli: Callable[..., Run], workdir: Path, port: int, *extra: str) -> Run:
    return cli(
        "remind", PLAN_REL, "--as-of", AS_OF, "--send", "--smtp-host", "127.0.0.1",
        "--smtp-port", str(port), *extra, cwd=workdir,
    )  # fmt: skip


def logged(workdir: Path) -> list[str]:
    lines = (workdir / LOG).read_text(encoding="utf-8").splitlines()
    return [json.loads(line)["unit"] for line in lines]


def test_eml_files(
    workdir: Path, cli: Callable[..., Run], golden: Callable[[str, str], None]
) -> None:
    r = cli("remind", PLAN_REL, "--as-of", AS_OF, "-o", "thu/", cwd=workdir)
    assert r.code == 0, r.err
    files = sorted(p.name for p in (workdir / "thu").iterdir())
    assert files == sorted(f"nhac-han-{u}-20260617.eml" for u in UNITS)
    msg = email.message_from_bytes(
        (workdir / "thu" / "nhac-han-qlkh-20260617.eml").read_bytes(), policy=email.policy.default
    )
    assert msg["To"] == address("qlkh")
    assert msg["From"] == address("vp")  # the drafting unit's address
    assert msg["Subject"] == "[SKHCN] Nhắc hạn: 7 việc cần hoàn thành — QLKH"
    assert msg["Message-ID"].startswith("<20260617.")
    body = msg.get_content()
    golden("collect/remind-qlkh.txt", body)
    assert "Báo cáo kết quả tổ chức hoạt động hưởng ứng (gửi Văn phòng Sở)" in body
    assert "Hạn thứ Bảy, 20/6/2026 — còn 3 ngày." in body
    assert not (workdir / LOG).exists()  # files are not sends


def test_no_address_is_said_and_skipped(tmp_path: Path, cli: Callable[..., Run]) -> None:
    (tmp_path / "plans").mkdir()
    shutil.copy(PLAN, tmp_path / PLAN_REL)
    r = cli("remind", PLAN_REL, "--as-of", AS_OF, "-o", "thu/", cwd=tmp_path)
    assert r.code == 0
    assert r.err.splitlines()[0] == (
        "Bỏ qua qlkh — Phòng Quản lý Khoa học: chưa có thư điện tử (thêm `email:` vào đơn vị)"
    )
    assert not (tmp_path / "thu").exists()


def test_send_and_the_same_day_again(
    workdir: Path, cli: Callable[..., Run], smtp: Callable[..., tuple[Handler, int]]
) -> None:
    handler, port = smtp()
    r = send(cli, workdir, port)
    assert r.code == 0, r.out + r.err
    assert sorted(to[0] for to, _ in handler.received) == sorted(address(u) for u in UNITS)
    assert sorted(logged(workdir)) == sorted(UNITS)
    assert r.err == f"Đã gửi 9 thư; nhật ký: {workdir / LOG}\n".replace(str(workdir) + "/", "")
    r = send(cli, workdir, port)
    assert r.code == 0
    assert len(handler.received) == 9  # nothing twice on one day
    assert r.out.count("đã gửi hôm nay, bỏ qua") == 9


def test_dry_run_sends_nothing(
    workdir: Path, cli: Callable[..., Run], smtp: Callable[..., tuple[Handler, int]]
) -> None:
    handler, port = smtp()
    r = send(cli, workdir, port, "--dry-run")
    assert r.code == 0
    assert r.out.count("— sẽ gửi") == 9
    assert handler.received == []
    assert not (workdir / LOG).exists()


def test_a_refused_recipient_is_logged_as_not_sent_and_retried(
    workdir: Path, cli: Callable[..., Run], smtp: Callable[..., tuple[Handler, int]]
) -> None:
    handler, port = smtp(Handler(refuse={address("qlcn")}))
    r = send(cli, workdir, port)
    assert r.code == 1
    assert f"qlcn <{address('qlcn')}>: 4 việc — máy chủ từ chối người nhận: 550 5.1.1" in r.out
    assert len(handler.received) == 8
    assert sorted(logged(workdir)) == sorted(u for u in UNITS if u != "qlcn")
    again, port2 = smtp()
    r = send(cli, workdir, port2)
    assert r.code == 0
    assert [to for to, _ in again.received] == [[address("qlcn")]]  # only what was missing
    assert sorted(logged(workdir)) == sorted(UNITS)


def test_a_dropped_connection_loses_nothing(
    workdir: Path, cli: Callable[..., Run], smtp: Callable[..., tuple[Handler, int]]
) -> None:
    handler, port = smtp(Handler(drop_at=4))
    r = send(cli, workdir, port)
    assert r.code == 3
    assert "Lỗi: mất kết nối, còn 6 thư chưa gửi (chạy lại lệnh để gửi phần còn lại)" in r.err
    first = [to[0] for to, _ in handler.received]
    assert len(first) == 3
    assert sorted(logged(workdir)) == sorted(a.split("@")[0] for a in first)
    again, port2 = smtp()
    r = send(cli, workdir, port2)
    assert r.code == 0
    second = [to[0] for to, _ in again.received]
    assert len(second) == 6
    assert sorted(first + second) == sorted(address(u) for u in UNITS)  # each exactly once


def test_no_server_is_could_not_run(workdir: Path, cli: Callable[..., Run]) -> None:
    import socket

    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    r = send(cli, workdir, port)
    assert r.code == 3
    assert r.err.startswith(f"Lỗi: không kết nối được máy chủ thư 127.0.0.1:{port}")
    assert not (workdir / LOG).exists()


def test_starttls_and_login_from_the_environment(
    workdir: Path,
    tmp_path: Path,
    cli: Callable[..., Run],
    smtp: Callable[..., tuple[Handler, int]],
) -> None:
    import ssl

    if shutil.which("openssl") is None:
        pytest.skip("openssl is needed to make a test certificate")
    key, cert = tmp_path / "key.pem", tmp_path / "cert.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", str(key),
         "-out", str(cert), "-days", "2", "-subj", "/CN=127.0.0.1",
         "-addext", "subjectAltName=IP:127.0.0.1"],
        check=True, capture_output=True,
    )  # fmt: skip
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)
    logins: list[tuple[str, str]] = []

    def authenticate(server: Any, session: Any, envelope: Any, mechanism: str, data: Any) -> Any:
        assert isinstance(data, LoginPassword)
        logins.append((data.login.decode(), data.password.decode()))
        return AuthResult(success=data.password == b"mat-khau")

    handler, port = smtp(
        tls_context=context, require_starttls=True, authenticator=authenticate,
        auth_require_tls=True,
    )  # fmt: skip
    env = {
        "SSL_CERT_FILE": str(cert),  # the test's own authority, as an office would install it
        "TNPLAN_SMTP_USER": "vp",
        "TNPLAN_SMTP_PASSWORD": "mat-khau",
        "TNPLAN_SMTP_STARTTLS": "1",
        "TNPLAN_SMTP_FROM": "van-phong@skhcn.example.vn",
    }
    r = cli(
        "remind", PLAN_REL, "--as-of", AS_OF, "--send", "--smtp-host", "127.0.0.1",
        "--smtp-port", str(port), "--unit", "qlkh", env=env, cwd=workdir,
    )  # fmt: skip
    assert r.code == 0, r.out + r.err
    assert logins == [("vp", "mat-khau")]
    assert [to for to, _ in handler.received] == [[address("qlkh")]]
    assert handler.received[0][1]["From"] == "van-phong@skhcn.example.vn"
    # Without STARTTLS this server refuses the session before anything is sent.
    env["TNPLAN_SMTP_STARTTLS"] = "0"
    r = cli(
        "remind", PLAN_REL, "--as-of", AS_OF, "--send", "--smtp-host", "127.0.0.1",
        "--smtp-port", str(port), "--unit", "vp", env=env, cwd=workdir,
    )  # fmt: skip
    assert r.code == 3
    assert "từ chối phiên làm việc" in r.err
    assert len(handler.received) == 1
