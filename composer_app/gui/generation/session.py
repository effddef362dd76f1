"""Plugs generation into the main window: the model panel (right), the candidates strip (bottom), the controller."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import QApplication

from composer_app.gui.generation.candidates_strip import CandidatesStrip
from composer_app.gui.generation.controller import GenerationController
from composer_app.gui.generation.model_panel import ModelPanel
from composer_app.gui.shell.i18n import tr


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
    strip.setObjectName("variations")  # the dock's name keeps its place whatever the language
    window.add_dock(panel, lambda: tr("Generate"), area="right")
    window.add_dock(strip, lambda: tr("Variations"), area="bottom")
    controller = GenerationController(window, panel, strip, auditioner=auditioner)
    if hasattr(window, "show_status"):
        panel.message.connect(window.show_status)
        controller.queue.status.connect(lambda _job, text: window.show_status(text))
        controller.result_set_added.connect(
            lambda result_set: window.show_status(tr("%n variation(s) ready: {0}", "", len(result_set.candidates))
                                                  .format(result_set.label)))
        controller.queue.failed.connect(lambda _job, message: window.show_status(message))
    app = QApplication.instance()
    if app is not None:
        app.aboutToQuit.connect(controller.shutdown)  # quitting leaves no pool thread behind
    return GenerationSession(panel, strip, controller)
