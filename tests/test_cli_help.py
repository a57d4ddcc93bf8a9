"""Help in Vietnamese (the default) and in English: every command, option, argument and
metavar has both; each help is wholly in one language, Click's and Typer's own words
included; ``docs/cli.md`` and ``docs/cli.en.md`` are the real ``--help`` of every command,
the golden files of the help in each language; usage errors are one line, in the language of
the run.

Refresh the docs after a deliberate change: ``TNPLAN_UPDATE_GOLDEN=1 pytest tests/test_cli_help.py``
and review the diff.
"""

from __future__ import annotations

import ast
import dataclasses
import os
from pathlib import Path
from typing import Any

import click
import pytest
import typer

from language import file_words, not_english, not_vietnamese
from support import PLAN, check_golden
from tnplan.cli import app, i18n
from tnplan.plan import model

ROOT = Path(__file__).resolve().parent.parent
DOCS = {"vi": ROOT / "docs" / "cli.md", "en": ROOT / "docs" / "cli.en.md"}
TITLES = {
    "vi": "# tnplan — command reference\n\n"
    "Generated from the real `--help` (100 columns); a test keeps it in step with the code. "
    "In English: [`cli.en.md`](cli.en.md).\n",
    "en": "# tnplan — command reference, in English\n\n"
    "Generated from the real `tnplan --lang en … --help` (100 columns); a test keeps it in step "
    "with the code. In Vietnamese, the default: [`cli.md`](cli.md).\n",
}


def _tree() -> list[tuple[str, Any]]:
    return list(i18n.walk(typer.main.get_command(app)))


COMMANDS = _tree()
LEAVES = [(n, c) for n, c in COMMANDS if not isinstance(c, click.Group)]
FIELDS = {
    f.name
    for c in vars(model).values()
    if isinstance(c, type) and dataclasses.is_dataclass(c)
    for f in dataclasses.fields(c)
}
DATA = (
    file_words(PLAN.read_text(encoding="utf-8"))
    | {n for n, _ in COMMANDS for n in n.split()}
    | FIELDS  # field names, shown as code in help
)


def test_every_text_has_both_languages() -> None:
    assert i18n.untranslated(typer.main.get_command(app)) == []


@pytest.mark.parametrize(("name", "cmd"), COMMANDS[1:], ids=[n for n, _ in COMMANDS[1:]])
def test_every_command_and_option_has_help(name: str, cmd: Any) -> None:
    assert cmd.help, f"`tnplan {name}` has no help"
    for param in cmd.params:
        assert getattr(param, "help", None), f"`tnplan {name}` {param.name} has no help"


@pytest.mark.parametrize(("name", "cmd"), LEAVES, ids=[n for n, _ in LEAVES])
def test_every_command_has_an_example_in_both_languages(name: str, cmd: Any) -> None:
    assert "Ví dụ:" in cmd.help, f"`tnplan {name}` help has no example"
    english = i18n.EN[i18n._key(cmd.help)]
    assert "Example:" in english or "Examples:" in english


def _help(cli: Any, name: str, lang: str, **kw: Any) -> str:
    args = [*name.split(), "--help"]
    r = cli(*args, "--lang", lang, **kw) if lang else cli(*args, **kw)
    assert r.code == 0, r.err
    return "\n".join(line.rstrip() for line in r.out.splitlines()).strip("\n")


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_help_is_wholly_in_one_language(cli: Any, lang: str) -> None:
    for name, _ in COMMANDS:
        text = _help(cli, name, lang).replace("│", " ").replace("╭", " ").replace("╰", " ")
        bad = not_vietnamese(text, DATA) if lang == "vi" else not_english(text, DATA)
        assert bad == [], f"`tnplan {name} --help` in {lang}: {bad}"


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_cli_reference_is_the_real_help(cli: Any, lang: str) -> None:
    parts = [TITLES[lang]]
    for name, _ in COMMANDS:
        body = _help(cli, name, lang if lang == "en" else "")
        parts.append(
            f"\n## `tnplan {name}`\n\n```text\n{body}\n```\n".replace("tnplan `", "tnplan`")
        )
    text = "".join(parts)
    doc = DOCS[lang]
    if os.environ.get("TNPLAN_UPDATE_GOLDEN") == "1" or not doc.exists():
        doc.write_text(text, encoding="utf-8")
    assert doc.read_text(encoding="utf-8") == text, f"{doc.name} is stale: refresh it"


def test_lang_is_taken_before_or_after_the_command_or_from_the_environment(cli: Any) -> None:
    after = _help(cli, "render plan", "en")
    assert after.splitlines()[0].strip().startswith("Usage: tnplan render plan [OPTIONS]")
    r = cli("--lang", "en", "render", "plan", "--help")
    assert "\n".join(line.rstrip() for line in r.out.splitlines()).strip("\n") == after
    assert _help(cli, "render plan", "", env={"TNPLAN_LANG": "en"}) == after
    vi = _help(cli, "render plan", "")
    assert vi.splitlines()[0].strip().startswith("Cách dùng: tnplan render plan [TÙY CHỌN]")
    assert _help(cli, "render plan", "vi", env={"TNPLAN_LANG": "en"}) == vi


USAGE_ERRORS = [
    ("status", "--bogus"),
    ("status", "--ownr", "vp"),
    ("statu",),
    ("render", "invitation"),
    ("render", "plan", "-f", "odt"),
    ("validate", "--format", "xml"),
    ("upcoming", "--days", "x"),
    ("upcoming", "--days", "-1"),
    ("status", "a", "b", "c"),
    ("new", "--year", "2027"),
    ("render", "plan", "--lang", "fr"),
    ("status", "--as-of"),
]


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_usage_errors_are_one_line_in_the_language_of_the_run(cli: Any, lang: str) -> None:
    lines = []
    for args in USAGE_ERRORS:
        r = cli(*args, env={"TNPLAN_LANG": lang})
        assert r.code == 2, args
        assert r.out == "" and r.err.count("\n") == 1, (args, r.err)
        check = not_english if lang == "en" else not_vietnamese
        assert (
            check(r.err, DATA | {"statu", "bogus", "ownr", "xml", "odt", "fr", "a", "b", "c"}) == []
        )
        lines.append(f"$ tnplan {' '.join(args)}\n{r.err}")
    check_golden(f"cli/usage-errors-{lang}.txt", "".join(lines))


def test_no_arguments_prints_the_help(cli: Any) -> None:
    r = cli()
    assert r.code == 2
    assert "Cách dùng: tnplan [TÙY CHỌN] LỆNH [THAM SỐ]..." in r.out


def test_a_short_flag_means_one_thing_in_every_command() -> None:
    meaning: dict[str, set[str]] = {}
    for _, cmd in COMMANDS:
        for param in cmd.params:
            if not isinstance(param, click.Option) or param.hidden:
                continue
            longs = [o for o in param.opts if o.startswith("--")]
            for short in (o for o in param.opts if not o.startswith("--")):
                meaning.setdefault(short, set()).update(longs)
    assert {s: m for s, m in meaning.items() if len(m) != 1} == {}
    assert meaning["-o"] == {"--output"}
    assert meaning["-u"] == {"--owner"}
    assert meaning["-f"] == {"--format"}


def test_every_owner_option_is_u_and_every_format_option_lists_its_choices() -> None:
    for name, cmd in COMMANDS:
        for param in cmd.params:
            if not isinstance(param, click.Option) or param.hidden:
                continue
            if "--owner" in param.opts:
                assert "-u" in param.opts, name
            if "--format" in param.opts:
                assert isinstance(param.type, click.Choice), f"`tnplan {name} --format`"


@pytest.mark.parametrize(("lang", "word"), [("vi", "Cảnh báo: `-o`"), ("en", "Warning: `-o`")])
def test_the_old_owner_flag_still_works_with_a_warning(cli: Any, lang: str, word: str) -> None:
    old = cli("status", str(PLAN), "--as-of", "14/5/2026", "-o", "vp", "--lang", lang)
    new = cli("status", str(PLAN), "--as-of", "14/5/2026", "-u", "vp", "--lang", lang)
    assert (old.code, old.out) == (new.code, new.out) == (0, new.out)
    assert old.err.startswith(word) and old.err.count("\n") == 1
    assert new.err == ""


# Click's and Typer's own words ------------------------------------------------------------

UNREACHABLE = {
    # Words of Click and Typer no tnplan user can meet, with the reason.
    "d": "a progress bar's unit; tnplan shows none",
    "{editor}: Editing failed": "tnplan opens no editor",
    "{editor}: Editing failed: {e}": "tnplan opens no editor",
    "Do you want to continue?": "tnplan never asks for confirmation",
    "Confirm the action without prompting.": "tnplan never asks for confirmation",
    "%(prog)s, version %(version)s": "tnplan has its own --version",
    "Repeat for confirmation": "tnplan prompts for nothing",
    "Error: The two entered values do not match.": "tnplan prompts for nothing",
    "Error: invalid input": "tnplan prompts for nothing",
    "Press any key to continue...": "tnplan prompts for nothing",
    "Unknown color {colour!r}": "an error in a program's own code",
    "Unknown standard stream '{name}'": "an error in a program's own code",
    "Could not determine name for option with declarations {decls!r}": "a definition error",
    "No options defined but a name was passed ({name}). Did you mean to declare an argument "
    "instead? Did you mean to pass '--{name}'?": "a definition error",
    "Arguments take exactly one parameter declaration, got {length}: {decls}.": "a definition",
    "Name '{name}' defined twice": "a definition error",
    "Boolean option {decl!r} cannot use the same flag for true/false.": "a definition error",
}


def _gettext_ids() -> set[str]:
    found: set[str] = set()
    for module in (click, typer):
        folder = Path(module.__file__).parent  # type: ignore[arg-type]
        for path in folder.glob("*.py"):
            if path.name in ("testing.py", "_winconsole.py"):
                continue  # the test runner; Windows consoles
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if (
                    isinstance(node, ast.Call)
                    and isinstance(node.func, ast.Name)
                    and node.func.id in ("_", "ngettext")
                ):
                    found.update(
                        a.value
                        for a in node.args
                        if isinstance(a, ast.Constant) and isinstance(a.value, str)
                    )
    return found


def test_every_word_of_click_and_typer_a_user_can_meet_is_in_vietnamese() -> None:
    ids = _gettext_ids()
    assert ids - set(i18n.CLICK_VI) - set(UNREACHABLE) == set()
    other_versions = {"Positional arguments"}  # click 8.5's; 8.4 says "Arguments"
    assert set(i18n.CLICK_VI) - ids - other_versions == set(), "words Click and Typer no longer use"
    for english_text, vi in i18n.CLICK_VI.items():
        assert not_vietnamese(vi, {"Choice", "Bash", "UUID", "blue", "help_option"}) == [], vi
        assert not_english(english_text) == []
