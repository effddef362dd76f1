"""The architecture's rules: the pure core never pulls in Qt, and start-up stays free of heavy imports."""

import subprocess
import sys

import pytest

from tests.conftest import ROOT


def _modules_after(code: str) -> set[str]:
    out = subprocess.run(
        [sys.executable, "-c", code + "\nimport sys\nprint('\\n'.join(sorted(sys.modules)))"],
        cwd=ROOT, capture_output=True, text=True, check=True,
    ).stdout
    return set(out.split())


@pytest.mark.parametrize("package", ["composer_app.music", "composer_app.models", "composer_app.audio"])
def test_core_packages_do_not_import_qt(package):
    """Importing a core package (and all its modules) loads no PySide6."""
    code = (
        "import importlib, pkgutil\n"
        f"import {package} as p\n"
        "for m in pkgutil.walk_packages(p.__path__, p.__name__ + '.'):\n"
        "    importlib.import_module(m.name)\n"
    )
    loaded = _modules_after(code)
    assert not [m for m in loaded if m.startswith("PySide6")]


def test_no_source_file_outside_gui_imports_qt():
    """No module outside composer_app/gui names PySide6 in an import."""
    offenders = []
    for path in (ROOT / "composer_app").rglob("*.py"):
        if "gui" in path.relative_to(ROOT / "composer_app").parts[:1]:
            continue
        for line in path.read_text().splitlines():
            stripped = line.strip()
            if stripped.startswith(("import PySide6", "from PySide6")):
                offenders.append(str(path))
    assert offenders == []


def test_cli_start_is_light():
    """Building the command line parser loads neither TensorFlow, FluidSynth, music21 nor Qt."""
    loaded = _modules_after("from composer_app.cli.main import build_parser\nbuild_parser()")
    heavy = [m for m in loaded if m.split(".")[0] in {"tensorflow", "fluidsynth", "music21", "PySide6", "sounddevice"}]
    assert heavy == []


def test_opening_the_app_skips_the_command_parser(monkeypatch):
    """With no command, main() goes straight to the GUI without importing the model registry or numpy."""
    code = (
        "import sys\n"
        "import composer_app.cli.main as m\n"
        "m.has_display = lambda: True\n"
        "m.run_gui = lambda args: print('GUI', args.files) or 0\n"
        "m.main([])\n"
    )
    loaded = _modules_after(code)
    assert "composer_app.models.rnn.configs" not in loaded and "numpy" not in loaded


# -- the direction of imports between packages ----------------------------------------------------------------

PACKAGE = ROOT / "composer_app"
# The event-RNN family today; MusicVAE gets a folder beside it. Family folders never import one another.
FAMILIES = ("composer_app.models.rnn", "composer_app.models.musicvae")
# Small modules at the package root that every part may use; they import nothing but each other.
ROOT_UTILITIES = ("composer_app", "composer_app.errors", "composer_app.atomic_file", "composer_app.quiet_imports",
                  "composer_app.said", "composer_app.user_files")
# What each part may import from composer_app, besides itself and the root utilities.
ALLOWED = {
    "composer_app.music": (),
    "composer_app.audio": ("composer_app.music",),
    "composer_app.models": ("composer_app.music",),
    "composer_app.cli": ("composer_app.music", "composer_app.models", "composer_app.audio", "composer_app.gui",
                         "composer_app.cli"),
    "composer_app.gui": ("composer_app.music", "composer_app.models", "composer_app.audio"),
}


def _module_name(path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _all_modules() -> dict[str, object]:
    return {_module_name(p): p for p in PACKAGE.rglob("*.py")}


def _imports(path, modules) -> set[str]:
    """Every composer_app module a file imports, anywhere in it (lazy and type-checking imports included)."""
    import ast

    name = _module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(package.split(".")[: len(package.split(".")) - node.level + 1] + ([base] if base else []))
            targets = [f"{base}.{alias.name}" if f"{base}.{alias.name}" in modules else base for alias in node.names]
        else:
            continue
        for target in targets:
            while target and target not in modules:
                target = target.rpartition(".")[0]
            if target.startswith("composer_app") and target != name:
                found.add(target)
    return found


def _graph() -> dict[str, set[str]]:
    modules = _all_modules()
    return {name: _imports(path, modules) for name, path in modules.items()}


def _part(module: str) -> str:
    return ".".join(module.split(".")[:2])


def test_imports_go_one_way_between_the_packages():
    """music imports no other part; audio and models import only music; nothing but cli and gui imports gui."""
    wrong = []
    for module, targets in _graph().items():
        part = _part(module)
        if module in ROOT_UTILITIES:
            parts: tuple = ()
        elif module == "composer_app.__main__":
            parts = ("composer_app.cli",)
        else:
            parts = ALLOWED[part] + (part,)
        for target in targets:
            if target not in ROOT_UTILITIES and not any(target == p or target.startswith(p + ".") for p in parts):
                wrong.append(f"{module} -> {target}")
    assert wrong == []


def test_model_families_do_not_import_each_other_and_shared_parts_import_no_family():
    """A family folder may use the shared model code and music, never another family; checkpoints use no family."""
    shared = ("composer_app.models.checkpoints", "composer_app.models.errors", "composer_app.models.hparams")
    wrong = []
    for module, targets in _graph().items():
        family = next((f for f in FAMILIES if module.startswith(f)), None)
        for target in targets:
            target_family = next((f for f in FAMILIES if target.startswith(f)), None)
            if target_family and family and target_family != family:
                wrong.append(f"{module} -> {target}")
            if target_family and module.startswith(shared):
                wrong.append(f"{module} -> {target}")
    assert wrong == []


def test_no_import_circles():
    """No module reaches itself by following imports (lazy and type-checking imports included)."""
    graph = _graph()
    index, low, stack, on_stack, cycles = {}, {}, [], set(), []

    def visit(node):  # Tarjan's strongly connected components
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in graph.get(node, ()):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                cycles.append(sorted(component))

    import sys

    sys.setrecursionlimit(10000)
    for node in graph:
        if node not in index:
            visit(node)
    assert cycles == []


def test_modules_and_folders_stay_small():
    """No module over 400 lines; no package folder with more than 15 modules."""
    long = [f"{p.relative_to(ROOT)}: {n}" for p in PACKAGE.rglob("*.py")
            if (n := len(p.read_text().splitlines())) > 400]
    crowded = [f"{d.relative_to(ROOT)}: {n}" for d in [PACKAGE, *PACKAGE.rglob("*")] if d.is_dir()
               and (n := len([p for p in d.glob("*.py") if p.name != "__init__.py"])) > 15]
    assert long == [] and crowded == []


def test_nothing_the_app_ships_or_runs_unpickles():
    """No module of the package or its scripts imports pickle or lets numpy load pickles: data is never code."""
    offenders = []
    for folder in (PACKAGE, ROOT / "scripts"):
        for path in folder.rglob("*.py"):
            text = path.read_text()
            if any(line.strip().startswith(("import pickle", "from pickle", "import cPickle"))
                   for line in text.splitlines()) or "allow_pickle=True" in text:
                offenders.append(str(path.relative_to(ROOT)))
    assert offenders == []
