"""A hook the real app runs under Xvfb (started by launch_with_hook.py): the main states of generation, photographed."""

from __future__ import annotations

import os

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from composer_app.music.song import Note


def screenshots(window) -> None:
    """Save the window empty, with a primer, while generating and with candidates, then quit."""
    out = os.environ["COMPOSER_SHOT_DIR"]
    bundle = os.environ["COMPOSER_SHOT_BUNDLE"]
    window.resize(1500, 950)

    def grab(name: str) -> None:
        window.grab().save(os.path.join(out, f"{name}.png"))
        print("SHOT", name, flush=True)

    def start() -> None:
        gen = window.generation
        grab("1-empty")
        melody = window.document.song.tracks[0].with_notes(
            [Note(i * 480, p, 480, 96) for i, p in enumerate((60, 62, 64, 65, 67, 65, 64, 62))])
        window.document.edit_track(0, melody, "Draw primer")
        QApplication.processEvents()
        grab("2-primer")
        gen.panel.set_model("attention_rnn")
        gen.panel.use_bundle(bundle)
        gen.panel.generate_button.click()
        QTimer.singleShot(100, lambda: grab("3-generating"))
        QTimer.singleShot(200, wait_for_results)

    def wait_for_results() -> None:
        if window.generation.strip.sets:
            QTimer.singleShot(300, finish)
        else:
            QTimer.singleShot(200, wait_for_results)

    def finish() -> None:
        grab("4-candidates")
        window.generation.shutdown()
        window.document.undo_stack.setClean()
        QApplication.instance().quit()

    if getattr(window, "generation", None) is None:
        window.features_ready.connect(lambda: QTimer.singleShot(300, start))
    else:
        QTimer.singleShot(300, start)
