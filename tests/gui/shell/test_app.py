"""The real app in a subprocess: killed mid-session, it offers the autosaved work back on the next start."""

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


class AppProcess:
    """`python -m composer_app` offscreen, with a hook, reading its stdout line by line."""

    def __init__(self, hook: str, tmp_path: Path):
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", COMPOSER_APP_HOOK=f"{HOOKS}:{hook}",
                   COMPOSER_CONFIG_DIR=str(tmp_path / "config"), COMPOSER_RECOVERY_DIR=str(tmp_path / "recovery"))
        self.proc = subprocess.Popen([sys.executable, "-m", "composer_app"], cwd=ROOT, env=env,
                                     stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
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
