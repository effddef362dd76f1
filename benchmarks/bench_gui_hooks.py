"""The hook bench_gui.py starts the app with (tests/gui/launch_with_hook.py): report first paint and sound attached."""

from __future__ import annotations

import sys
import time

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication

HEAVY = ("tensorflow", "fluidsynth", "music21", "pretty_midi", "sounddevice")


class _FirstPaint(QObject):
    def __init__(self, window):
        super().__init__(window)
        self.window = window

    def eventFilter(self, obj, event):
        if event.type() == QEvent.Paint:
            obj.removeEventFilter(self)
            heavy = sorted({m.split(".")[0] for m in sys.modules if m.split(".")[0] in HEAVY})
            print(f"SHOWN {time.time():.6f} heavy={','.join(heavy) or 'none'}", flush=True)
        return False


def _ready(window) -> None:
    print(f"READY {time.time():.6f}", flush=True)
    window.document.undo_stack.setClean()
    QApplication.exit(0)


def report_shown(window) -> None:
    """Print when the roll is first painted, and when sound is attached too; then quit."""
    window.editor.canvas.installEventFilter(_FirstPaint(window))
    window.features_ready.connect(lambda: _ready(window))
