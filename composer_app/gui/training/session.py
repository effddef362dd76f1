"""Plugs the Training panel into the main window: a dock beside Generate, the close question, and each new
bundle handed to the Generate panel's picker (a MusicVAE checkpoint opened in its MusicVAE tab) as soon as it is
written."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDockWidget, QMessageBox

from composer_app.gui.shell.i18n import tr
from composer_app.gui.training.panel import TrainingPanel


def attach_training(window) -> TrainingPanel:
    """Add the Training dock (tabbed with the Generate dock when there is one) and wire it to the window."""
    settings = getattr(window, "settings", None)
    panel = TrainingPanel(settings)
    dock = window.add_dock(panel, lambda: tr("Training"), area="right")
    generate = window.findChild(QDockWidget, "dock_generate_tabs")
    if generate is not None and window.dockWidgetArea(dock) == window.dockWidgetArea(generate) \
            and not window.tabifiedDockWidgets(generate):
        window.tabifyDockWidget(generate, dock)
        generate.raise_()  # Generate stays in front; Training is one tab away
    panel.message.connect(window.show_status)
    panel.bundle_ready.connect(lambda path: use_new_bundle(window, path))
    panel.use_requested.connect(lambda path: use_new_bundle(window, path, show=True))
    window.close_checks.append(lambda: may_close(window, panel))
    return panel


def use_new_bundle(window, path: str, show: bool = False) -> None:
    """Put a bundle just written into the Generate panel's picker, chosen, with its model card one click away; a
    MusicVAE checkpoint (.tar) is opened in the MusicVAE tab. `show` brings the Generate dock to the front."""
    generation = getattr(window, "generation", None)
    dock = window.findChild(QDockWidget, "dock_generate_tabs")
    if show and dock is not None:
        dock.raise_()
    if Path(path).suffix.lower() == ".tar":
        if generation is not None and generation.vae is not None:
            generation.show_panel(generation.vae_panel)
            generation.vae.open_checkpoint(path)
            window.show_status(tr("{0} is opening in the MusicVAE tab of the Generate panel").format(Path(path).name))
        return
    settings = getattr(window, "settings", None)
    if settings is not None:
        settings.add_recent_bundle(path)
    if generation is not None and generation.panel.use_bundle(path):
        window.show_status(tr("{0} is ready in the Generate panel").format(Path(path).name))


def may_close(window, panel: TrainingPanel) -> bool:
    """While training runs, ask whether to stop it; stopping keeps a checkpoint to resume at the next start."""
    if not panel.is_running():
        return True
    answer = QMessageBox.question(
        window, tr("Training"),
        tr("Training is still running. Stop it and close? Its last checkpoint is kept, and Resume in the "
           "Training panel continues it at the next start."),
        QMessageBox.Yes | QMessageBox.No, QMessageBox.No)
    if answer != QMessageBox.Yes:
        return False
    panel.stop_for_close()
    return True
