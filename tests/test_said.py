"""Text a user reads from the core can be translated: said() keeps the template, and no error is built from bare English."""

from __future__ import annotations

import ast
import importlib
import pkgutil
import xml.etree.ElementTree as ET

import pytest

import composer_app
from composer_app.errors import ComposerError, user_message
from composer_app.said import Said, in_language, said
from tests.conftest import ROOT

JAPANESE = {"{path} is not a {kind} file": "{path} は {kind} ファイルではありません",
            "MIDI": "MIDI",
            "a damaged file": "壊れたファイル",
            "Open another file.": "別のファイルを開いてください。",
            "{count} notes": "{count} 個の音符",
            "{what}. {todo}": "{what}。{todo}"}


def test_said_is_english_text_that_remembers_its_template():
    """The str value is the filled-in English; the template and values travel with it."""
    text = said("{path} is not a {kind} file").format(path="a.mid", kind="MIDI")
    assert text == "a.mid is not a MIDI file" and isinstance(text, str)
    assert text.template == "{path} is not a {kind} file" and text.values == {"path": "a.mid", "kind": "MIDI"}


def test_translation_fills_in_values_and_translates_nested_text():
    """A value that is itself said() text is translated too; plain values are kept as they are."""
    inner = said("a damaged file")
    text = said("{path} is not a {kind} file").format(path=inner, kind="MIDI")
    assert text.translated(JAPANESE.get) == "壊れたファイル は MIDI ファイルではありません"
    assert in_language("plain", JAPANESE.get) == "plain" and in_language(3, JAPANESE.get) == "3"


def test_a_broken_translation_falls_back_to_english_rather_than_crash():
    """A translation that names a value the English lacks shows the English."""
    text = said("{count} notes").format(count=3)
    assert text.translated({"{count} notes": "{number} 個"}.get) == "3 notes"


def test_an_error_shows_in_the_users_language():
    """A ComposerError made with said() gives its summary and hint through the lookup, and English without one."""
    error = ComposerError(said("{path} is not a {kind} file").format(path="x.mid", kind="MIDI"),
                          hint=said("Open another file."))
    assert user_message(error) == "x.mid is not a MIDI file. Open another file."
    assert user_message(error, JAPANESE.get) == "x.mid は MIDI ファイルではありません。別のファイルを開いてください。"


def _error_class_names() -> set[str]:
    for module in pkgutil.walk_packages(composer_app.__path__, "composer_app."):
        if not module.name.startswith(("composer_app.cli", "composer_app.__main__")):
            importlib.import_module(module.name)
    names, todo = set(), [ComposerError]
    while todo:
        cls = todo.pop()
        names.add(cls.__name__)
        todo += cls.__subclasses__()
    return names


def _is_bare_english(node: ast.AST) -> bool:
    """A literal, an f-string, a sum with either, or "...".format(...): English that a translator never sees."""
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str) and any(c.isalpha() for c in node.value)
    if isinstance(node, ast.JoinedStr):
        return True
    if isinstance(node, ast.BinOp):
        return _is_bare_english(node.left) or _is_bare_english(node.right)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "format":
        return _is_bare_english(node.func.value)
    return False


def _untranslatable_errors() -> list[str]:
    names = _error_class_names()
    found = []
    for path in sorted((ROOT / "composer_app").rglob("*.py")):
        if path.relative_to(ROOT / "composer_app").parts[0] == "cli":
            continue  # the command line speaks English, as Magenta's does
        tree = ast.parse(path.read_text(encoding="utf-8"))
        where = path.relative_to(ROOT)
        for node in ast.walk(tree):
            if isinstance(node, ast.Call):
                func = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", None)
                values = list(node.args) + [k.value for k in node.keywords if k.arg in (None, "hint", "problem",
                                                                                         "message", "reason")]
                if func in names and any(_is_bare_english(v) for v in values):
                    found.append(f"{where}:{node.lineno} {func}(...)")
            elif isinstance(node, ast.ClassDef) and node.name in names:
                for statement in node.body:
                    if (isinstance(statement, ast.Assign) and any(getattr(t, "id", "") == "hint" for t in statement.targets)
                            and _is_bare_english(statement.value)):
                        found.append(f"{where}:{statement.lineno} {node.name}.hint")
    return found


def test_every_error_a_user_can_cause_is_made_with_said():
    """No ComposerError (outside the English-only CLI) is built from a bare string, f-string or .format()."""
    offenders = _untranslatable_errors()
    assert not offenders, f"{len(offenders)} error(s) built from bare English:\n" + "\n".join(offenders)


def _japanese_table() -> dict[str, str]:
    tree = ET.parse(ROOT / "composer_app" / "resources" / "i18n" / "composer_ja.ts")
    return {m.findtext("source"): m.findtext("translation") for m in tree.getroot().iter("message")
            if m.find("translation").get("type") != "unfinished"}


def _said_templates() -> list[tuple[str, str]]:
    found = []
    for path in sorted((ROOT / "composer_app").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "said"
                    and node.args and isinstance(node.args[0], ast.Constant)):
                found.append((f"{path.relative_to(ROOT)}:{node.lineno}", node.args[0].value))
    return found


def test_every_said_text_has_a_japanese_translation_with_the_same_values():
    """Each said() template is in composer_ja.ts, translated, and names exactly the values the English names."""
    import string

    table = _japanese_table()
    fields = lambda text: sorted(f for _, f, _, _ in string.Formatter().parse(text) if f)  # noqa: E731
    missing = [f"{where} {text!r}" for where, text in _said_templates() if not table.get(text)]
    assert not missing, "run scripts/update-translations.sh and translate:\n" + "\n".join(missing)
    mismatched = [text for _, text in _said_templates() if fields(table[text]) != fields(text)]
    assert not mismatched, mismatched


@pytest.mark.parametrize("text", ["plain", said("x")])
def test_said_text_is_a_str(text):
    """said() text goes wherever a str goes (logs, the CLI, f-strings)."""
    assert f"{text}" == str(text) and isinstance(text, str) and (isinstance(text, Said) or text == "plain")
