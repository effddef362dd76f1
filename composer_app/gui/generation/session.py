"""Plugs generation into the main window: the model panel (right), the candidates strip (bottom), the controller."""

from __future__ import annotations

import os
from dataclasses import dataclass

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from composer_app.gui.generation.candidates_strip import CandidatesStrip
from composer_app.gui.generation.controller import GenerationController
from composer_app.gui.generation.model_panel import ModelPanel
from composer_app.models.process.client import close_shared_model_process

PRELOAD_DELAY_MS = 1500  # after the window's first frames


@dataclass
class GenerationSession:
    panel: ModelPanel
    strip: CandidatesStrip
    controller: GenerationController

    def shutdown(self) -> bool:
        return self.controller.shutdown()


def attach_generation(window, auditioner=None) -> GenerationSession:
    settings = getattr(window, "settings", None)
    panel = ModelPanel(settings)
    strip = CandidatesStrip()
    window.add_dock(panel, "Generate", area="right")
    window.add_dock(strip, "Variations", area="bottom")
    controller = GenerationController(window, panel, strip, auditioner=auditioner)
    if hasattr(window, "show_status"):
        panel.message.connect(window.show_status)
        controller.queue.status.connect(lambda _job, text: window.show_status(text))
        controller.result_set_added.connect(
            lambda result_set: window.show_status(f"{len(result_set.candidates)} variations ready: {result_set.label}"))
        controller.queue.failed.connect(lambda _job, message: window.show_status(message))
    if os.environ.get("COMPOSER_PRELOAD_MODELS", "1") != "0":
        # Start the model process (TensorFlow's import takes seconds) while the user draws, not after Generate.
        QTimer.singleShot(PRELOAD_DELAY_MS, controller.queue.models.preload)
    app = QApplication.instance()
    if app is not None:
        # Quitting must leave neither a model process nor a pool thread behind; the process goes first, so a
        # worker waiting on it returns at once.
        app.aboutToQuit.connect(close_shared_model_process)
        app.aboutToQuit.connect(controller.shutdown)
    return GenerationSession(panel, strip, controller)
