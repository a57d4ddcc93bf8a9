"""The options every command shares, as Typer declares them (``--lang``, ``--owner``)."""

from __future__ import annotations

from typing import Annotated

import click
import typer

from . import complete
from .i18n import tr

LangOpt = Annotated[
    str | None,
    typer.Option(
        "--lang",
        click_type=click.Choice(["vi", "en"], case_sensitive=False),
        help=tr(
            "Ngôn ngữ hiển thị: vi (mặc định) hoặc en; đặt được trước hoặc sau tên lệnh, "
            "hoặc bằng biến môi trường TNPLAN_LANG=en.",
            "Language on the terminal: vi (the default) or en; before or after the command "
            "name, or with the environment variable TNPLAN_LANG=en.",
        ),
        show_default=False,
    ),
]

OwnerOpt = Annotated[
    str | None,
    typer.Option(
        "--owner",
        "-u",
        metavar=tr("ĐƠN_VỊ", "UNIT"),
        help=tr(
            "Chỉ việc của một đơn vị: mã hoặc tên (không phân biệt hoa thường). "
            "Ví dụ: --owner vp · -u 'Văn phòng Sở'",
            "Only one unit's items: its id or name (any case). "
            "Examples: --owner vp · -u 'Văn phòng Sở'",
        ),
        show_default=False,
        autocompletion=complete.unit_ids,
    ),
]
OldOwnerOpt = Annotated[
    str | None,
    typer.Option(
        "-o",
        hidden=True,
        metavar=tr("ĐƠN_VỊ", "UNIT"),
        help=tr(
            "Cách viết cũ của --owner, sắp bỏ: -o là --output ở mọi lệnh.",
            "The old spelling of --owner, going away: -o means --output in every command.",
        ),
        show_default=False,
    ),
]
