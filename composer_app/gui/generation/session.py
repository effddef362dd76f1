"""Plugs generation into the main window: the Generate dock (right: the RNN, Polyphony, Performance and MusicVAE
panels as tabs), the candidates strip (bottom), and their controllers, which share one generation queue."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import QApplication, QTabWidget

from composer_app.gui.generation.candidates_strip import CandidatesStrip
from composer_app.gui.generation.controller import GenerationController
from composer_app.gui.generation.families.family_controller import FamilyController
from composer_app.gui.generation.families.performance_panel import PerformancePanel
from composer_app.gui.generation.families.polyphony_panel import PolyphonyPanel
from composer_app.gui.generation.model_panel import ModelPanel
from composer_app.gui.generation.musicvae.controller import VaeController
from composer_app.gui.generation.musicvae.panel import VaePanel
from composer_app.gui.shell.i18n import Retranslating, tr


class GenerateTabs(Retranslating, QTabWidget):
    """The Generate dock: the melody/drums RNN panel, Polyphony, Performance and MusicVAE side by side as tabs."""

    def __init__(self, *panels):
        super().__init__()
        self.setObjectName("generate_tabs")
        for panel in panels:
            self.addTab(panel, "")
        self.retranslate()

    def retranslate(self) -> None:
        """The tabs' names in the current language."""
        names = {"ModelPanel": tr("RNN"), "polyphony_panel": tr("Polyphony"), "performance_panel": tr("Performance")}
        for i in range(self.count()):
            self.setTabText(i, names.get(self.widget(i).objectName(), tr("MusicVAE")))


@dataclass
class GenerationSession:
    panel: ModelPanel
    strip: CandidatesStrip
    controller: GenerationController
    vae_panel: VaePanel | None = None
    vae: VaeController | None = None
    polyphony: PolyphonyPanel | None = None
    performance: PerformancePanel | None = None
    families: FamilyController | None = None

    def open_bundle(self, path: str) -> bool:
        """Open a .mag in the tab of its family (the RNN panel for melody, drums and Improv RNN)."""
        from composer_app.errors import ComposerError
        from composer_app.models.checkpoints.mag_file import read_mag_header
        from composer_app.models.rnn.configs import get_config

        try:
            family = get_config(read_mag_header(path)[0]).family
        except (ComposerError, KeyError, OSError, ValueError):  # unreadable or unknown: the RNN panel says why
            family = ""
        panel = {"polyphony": self.polyphony, "performance": self.performance}.get(family) or self.panel
        tabs = _tabs_of(panel)
        if tabs is not None:
            tabs.setCurrentWidget(panel)
        return panel.use_bundle(path)

    def open_checkpoint(self, path: str):
        """Load a MusicVAE checkpoint (opened or dropped) and show its panel."""
        self.vae_panel.checkpoints.keep_preselected_unloaded()
        self.vae_panel.window().raise_()
        self.show_panel(self.vae_panel)
        return self.vae.open_checkpoint(path)

    def show_panel(self, panel) -> None:
        """Bring this panel's tab to the front of the Generate dock."""
        tabs = _tabs_of(panel)
        if tabs is not None:
            tabs.setCurrentWidget(panel)

    def shown_panel(self):
        """The panel whose tab is in front in the Generate dock (the RNN panel where it has no tabs)."""
        tabs = _tabs_of(self.panel)
        return tabs.currentWidget() if tabs is not None else self.panel

    def shutdown(self) -> bool:
        return self.controller.shutdown()


def _tabs_of(panel) -> QTabWidget | None:
    """The Generate dock's tabs holding `panel` (a QTabWidget keeps its pages in a stack inside it)."""
    stack = panel.parentWidget()
    tabs = stack.parentWidget() if stack is not None else None
    return tabs if isinstance(tabs, QTabWidget) else None


def attach_generation(window, auditioner=None) -> GenerationSession:
    settings = getattr(window, "settings", None)
    panel = ModelPanel(settings)
    strip = CandidatesStrip()
    strip.setObjectName("variations")  # the dock's name keeps its place whatever the language
    vae_panel = VaePanel()
    polyphony, performance = PolyphonyPanel(settings), PerformancePanel(settings)
    window.add_dock(GenerateTabs(panel, polyphony, performance, vae_panel), lambda: tr("Generate"), area="right")
    window.add_dock(strip, lambda: tr("Variations"), area="bottom")
    controller = GenerationController(window, panel, strip, auditioner=auditioner)
    vae = VaeController(window, vae_panel, controller)
    families = FamilyController(window, controller, (polyphony, performance))
    if hasattr(window, "show_status"):
        for p in (panel, polyphony, performance):
            p.message.connect(window.show_status)
        controller.queue.status.connect(lambda _job, text: window.show_status(text))
        controller.result_set_added.connect(
            lambda result_set: window.show_status(tr("%n variation(s) ready: {0}", "", len(result_set.candidates))
                                                  .format(result_set.label)))
        controller.queue.failed.connect(lambda _job, message: window.show_status(message))
    app = QApplication.instance()
    if app is not None:
        app.aboutToQuit.connect(controller.shutdown)  # quitting leaves no pool thread behind
    session = GenerationSession(panel, strip, controller, vae_panel, vae, polyphony, performance, families)
    panel.bundle_picker.route_family = session.open_bundle  # a Polyphony or Performance bundle opens in its tab
    return session
