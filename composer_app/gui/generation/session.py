"""Plugs generation into the main window: the Generate dock (right: the RNN panel and the MusicVAE panel as tabs),
the candidates strip (bottom), and their controllers, which share one generation queue."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import QApplication, QTabWidget

from composer_app.gui.generation.candidates_strip import CandidatesStrip
from composer_app.gui.generation.controller import GenerationController
from composer_app.gui.generation.model_panel import ModelPanel
from composer_app.gui.generation.vae_controller import VaeController
from composer_app.gui.generation.vae_panel import VaePanel
from composer_app.gui.shell.i18n import Retranslating, tr


class GenerateTabs(Retranslating, QTabWidget):
    """The Generate dock: the RNN panel and the MusicVAE panel side by side as tabs."""

    def __init__(self, panel: ModelPanel, vae_panel: VaePanel):
        super().__init__()
        self.setObjectName("generate_tabs")
        self.addTab(panel, "")
        self.addTab(vae_panel, "")
        self.retranslate()

    def retranslate(self) -> None:
        """The tabs' names in the current language."""
        self.setTabText(0, tr("RNN"))
        self.setTabText(1, tr("MusicVAE"))


@dataclass
class GenerationSession:
    panel: ModelPanel
    strip: CandidatesStrip
    controller: GenerationController
    vae_panel: VaePanel | None = None
    vae: VaeController | None = None

    def open_checkpoint(self, path: str):
        """Load a MusicVAE checkpoint (opened or dropped) and show its panel."""
        self.vae_panel.window().raise_()
        tabs = self.vae_panel.parentWidget().parentWidget()
        if isinstance(tabs, QTabWidget):
            tabs.setCurrentWidget(self.vae_panel)
        return self.vae.open_checkpoint(path)

    def shutdown(self) -> bool:
        return self.controller.shutdown()


def attach_generation(window, auditioner=None) -> GenerationSession:
    settings = getattr(window, "settings", None)
    panel = ModelPanel(settings)
    strip = CandidatesStrip()
    strip.setObjectName("variations")  # the dock's name keeps its place whatever the language
    vae_panel = VaePanel()
    window.add_dock(GenerateTabs(panel, vae_panel), lambda: tr("Generate"), area="right")
    window.add_dock(strip, lambda: tr("Variations"), area="bottom")
    controller = GenerationController(window, panel, strip, auditioner=auditioner)
    vae = VaeController(window, vae_panel, controller)
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
    return GenerationSession(panel, strip, controller, vae_panel, vae)
