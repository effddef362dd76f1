"""The real app in a subprocess: killed mid-session it offers the autosaved work back; no variable runs code."""

from __future__ import annotations

import json
import os
import queue
import subprocess
import sys
import threading
import time
from pathlib import Path

from tests.conftest import ROOT

HOOKS = Path(__file__).parents[1] / "app_hooks.py"
LAUNCHER = Path(__file__).parents[1] / "launch_with_hook.py"


class AppProcess:
    """The real app offscreen, started through launch_with_hook.py with a hook, reading its stdout line by line."""

    def __init__(self, hook: str, tmp_path: Path, **env_extra: str):
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", COMPOSER_CONFIG_DIR=str(tmp_path / "config"),
                   COMPOSER_RECOVERY_DIR=str(tmp_path / "recovery"), **env_extra)
        self.proc = subprocess.Popen([sys.executable, str(LAUNCHER), f"{HOOKS}:{hook}", "--through-main"], cwd=ROOT,
                                     env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        self.lines: queue.Queue[str] = queue.Queue()
        self.seen: list[str] = []
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        for line in self.proc.stdout:
            self.lines.put(line.rstrip("\n"))

    def wait_for(self, prefix: str, timeout: float = 60) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                line = self.lines.get(timeout=0.2)
            except queue.Empty:
                if self.proc.poll() is not None and self.lines.empty():
                    break
                continue
            self.seen.append(line)
            if line.startswith(prefix):
                return line
        self.proc.kill()
        raise AssertionError(f"no {prefix!r} from the app; it said: {self.seen}")


def test_killed_app_offers_to_restore_its_autosaved_work(tmp_path):
    """Draw a note, let autosave run, SIGKILL the app; the next start restores the note."""
    first = AppProcess("draw_note", tmp_path)
    edited = json.loads(first.wait_for("EDITED").split(" ", 1)[1])
    assert [960, 67, 240, 100] in edited
    first.wait_for("AUTOSAVED")
    first.proc.kill()  # SIGKILL: no chance to clean up
    first.proc.wait(10)
    assert list((tmp_path / "recovery").glob("autosave-*.json"))

    second = AppProcess("accept_restore", tmp_path)
    line = second.wait_for("RESTORED")
    notes = json.loads(line.split(" ", 1)[1].rsplit(" ", 1)[0])
    assert notes == edited
    assert line.endswith("DIRTY")  # restored work still needs saving
    assert second.proc.wait(15) == 0


def _script_leaving_a_mark(tmp_path: Path) -> tuple[Path, Path]:
    """A script that writes a file when it is imported and when its hook runs: (the script, the file)."""
    mark = tmp_path / "ran.txt"
    script = tmp_path / "planted.py"
    script.write_text(f"import pathlib\npathlib.Path({str(mark)!r}).write_text('imported')\n"
                      f"def hook(window):\n    pathlib.Path({str(mark)!r}).write_text('hook ran')\n")
    return script, mark


def test_the_hook_variable_runs_nothing_in_the_real_app(tmp_path):
    """With COMPOSER_APP_HOOK naming a script, the app starts through its real entry point and never runs it."""
    script, mark = _script_leaving_a_mark(tmp_path)
    app = AppProcess("quit_when_ready", tmp_path, COMPOSER_APP_HOOK=f"{script}:hook")
    app.wait_for("READY")
    assert app.proc.wait(30) == 0
    assert not mark.exists()


def test_run_executes_no_code_named_by_the_environment(tmp_path, monkeypatch):
    """app.run() with COMPOSER_APP_HOOK set runs the given on_window callable only, never the named script."""
    from PySide6.QtWidgets import QApplication

    from composer_app.gui.shell import app

    script, mark = _script_leaving_a_mark(tmp_path)
    monkeypatch.setenv("COMPOSER_APP_HOOK", f"{script}:hook")
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # run() installs its bug reporter; put it back after
    monkeypatch.setattr(QApplication, "exec", lambda self: 0)  # return at once instead of running the event loop
    windows = []
    monkeypatch.setattr(app, "create_window", lambda files, made=app.create_window: windows.append(made(files))
                        or windows[-1])
    seen = []
    try:
        assert app.run([], on_window=seen.append) == 0
    finally:
        for window in windows:
            window.document.undo_stack.setClean()
            window.close()
            window.deleteLater()
    assert seen == windows and not mark.exists()
