"""Plugs generation into the main window: the model panel (right), the candidates strip (bottom), the controller."""

from __future__ import annotations

import os
from dataclasses import dataclass

from PySide6.QtWidgets import QApplication

from .candidates_strip import CandidatesStrip
from .generation_controller import GenerationController
from .model_panel import ModelPanel


@dataclass
class GenerationSession:
    panel: ModelPanel
    strip: CandidatesStrip
    controller: GenerationController

    def shutdown(self) -> bool:
        return self.controller.shutdown()


def attach_generation(window, auditioner=None) -> GenerationSession:
    import composer_app.models.generate as generation

    # In the app the window's responsiveness comes first: XLA compiles and runs were measured stalling the UI
    # thread for hundreds of ms on 2 cores, so generation runs on the plain graph (about 2x slower, still well
    # under a second for 4 variations). COMPOSER_XLA=1 turns XLA back on for faster machines.
    generation.USE_XLA = os.environ.get("COMPOSER_XLA") == "1"
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
    app = QApplication.instance()
    if app is not None:
        # Closing the window must not leave a model running in the pool thread.
        app.aboutToQuit.connect(controller.shutdown)
    return GenerationSession(panel, strip, controller)
