"""Every visible string the GUI passes to a widget, action, dialog or status line goes through tr()."""

from __future__ import annotations

import ast
import re

from tests.conftest import ROOT

GUI = ROOT / "composer_app" / "gui"
# Calls whose first argument is text a user reads.
FIRST = {"QLabel", "QPushButton", "QToolButton", "QAction", "QCheckBox", "QRadioButton", "QGroupBox", "QToolBar",
         "QMenu", "QDockWidget", "setText", "setToolTip", "setStatusTip", "setWindowTitle", "setPlaceholderText",
         "addMenu", "setInformativeText", "setTitle", "show_status", "show_waiting", "showMessage", "setLabelText",
         "setSuffix", "setPrefix", "setSpecialValueText", "show_error", "addButton", "setWhatsThis", "addItem",
         "addAction"}
# Calls with visible text at other positions (a parent or a widget comes first).
POSITIONS = {"show_user_error": (1,), "show_info": (1, 2), "information": (1, 2), "warning": (1, 2),
             "question": (1, 2), "critical": (1, 2), "add_dock": (1,), "getSaveFileName": (1,),
             "getOpenFileName": (1,), "choose_save_file": (1,), "choose_open_file": (1,), "QProgressDialog": (0, 1),
             "_action": (0, 3), "addTab": (1,), "emit": (0, 1)}
SHORTCUT = re.compile(r"^(Ctrl|Shift|Alt|F\d+|Space|[A-Z0-9])(\+\w+)*$")


def _literal_text(node: ast.AST) -> str | None:
    """The words a literal or an f-string writes itself (None for anything else)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(v.value for v in node.values if isinstance(v, ast.Constant))
    return None


def test_no_visible_string_bypasses_tr():
    """A literal with words in a visible position of a GUI call is wrapped in tr() (shortcuts are not text)."""
    bare = []
    for path in sorted(GUI.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text())):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
            positions = (0,) if name in FIRST else POSITIONS.get(name, ())
            args = [node.args[i] for i in positions if i < len(node.args)]
            args += [k.value for k in node.keywords if name == "_action" and k.arg == "tip"]
            for arg in args:
                text = _literal_text(arg)
                if text and any(c.isalpha() for c in text) and not SHORTCUT.match(text.strip()):
                    bare.append(f"{path.relative_to(ROOT)}:{arg.lineno}: {text[:40]!r}")
    assert bare == []
