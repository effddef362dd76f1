"""The MusicVAE tab's checkpoint list: the checkpoints opened, those the app ships (loaded when first chosen), the
Open entries, and the chosen checkpoint's model card.

A shipped checkpoint is named after its config and loads as that config, so it asks no config question. The first
one is chosen from the start and loads when the tab is first shown, so a class can press Generate at once. Its card
(CONFIG_ID.md, or CONFIG_ID.ja.md in Japanese) is shown as the RNN bundles' cards are; an opened .tar with a card
beside it under the same rule offers that card too.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QFileDialog, QPushButton, QWidget

from composer_app.gui.generation.bundle_picker import CardBox, model_card_path
from composer_app.gui.shell.i18n import tr
from composer_app.gui.shell.language import current_language
from composer_app.gui.training.vae_choices import vae_label

OPEN, OPEN_FOLDER = "open", "folder"


def shipped_label(config_id: str) -> str:
    """A shipped checkpoint's name in the list: its config's, in the current language."""
    return tr("{0} (shipped)").format(vae_label(config_id))


class VaeCheckpoints:
    """The checkpoint combo and the model card button, which the panel lays out.

    `kinds` maps each loaded checkpoint's path to (kind, config id, look-alikes), the newest first. "Open…" asks for
    a file or folder and calls `open_path(path)`; choosing a shipped checkpoint calls `load_shipped(path, config_id)`
    (the controller loads it unless it is in memory); every other choice calls `changed()`.
    """

    def __init__(self, dialog_parent: QWidget, open_path: Callable[[str], None],
                 load_shipped: Callable[[str, str], None], changed: Callable[[], None]):
        from composer_app.models.musicvae.shipped import shipped_vaes

        self._dialog_parent = dialog_parent
        self._open_path, self._load_shipped, self._changed = open_path, load_shipped, changed
        self.kinds: dict[str, tuple[str, str, tuple[str, ...]]] = {}
        self.shipped = {str(s.path): s for s in shipped_vaes()}  # read once: the app's own files do not change
        self._chosen: str | None = None
        self._preselected: str | None = None  # the shipped checkpoint chosen for the user at start
        self._preselected_asked = False
        self.combo = QComboBox()
        self.combo.setObjectName("vae_checkpoint_combo")
        self.combo.activated.connect(self._on_activated)
        self.card_button = QPushButton()
        self.card_button.setObjectName("vae_card_button")
        self.card_button.clicked.connect(self.show_model_card)

    @property
    def path(self) -> str | None:
        """The chosen checkpoint when it is loaded, else None."""
        data = self.combo.currentData()
        return data if data in self.kinds else None

    def add(self, path: str, kind: str, config_id: str, alike: tuple[str, ...]) -> None:
        """List a loaded checkpoint (an opened one first) and choose it, unless the user has since chosen a shipped
        one that is still loading."""
        self.kinds.pop(path, None)
        self.kinds = {path: (kind, config_id, alike), **self.kinds}
        if path == self._preselected and self._chosen != path:  # the user chose another while it loaded
            self.fill()
            return
        waiting = self._chosen in self.shipped and self._chosen not in self.kinds and self._chosen != self._preselected
        self.fill(self._chosen if waiting else path)

    def keep_preselected_unloaded(self) -> None:
        """The user is opening a checkpoint: showing the tab for it must not load the start-up choice too."""
        self._preselected_asked = True

    def load_preselected(self) -> None:
        """Load the shipped checkpoint chosen at start, once, if it is still the choice and not loaded."""
        path = self._preselected
        if path is None or self._preselected_asked or self._chosen != path or path in self.kinds:
            return
        self._preselected_asked = True
        self._load_shipped(path, self.shipped[path].config_id)

    def fill(self, select: str | None = None) -> None:
        """The list in the current language, on `select` (else the checkpoint chosen before)."""
        if select is not None:
            self._chosen = select
        elif self._chosen is None and not self.kinds and self.shipped:
            self._chosen = self._preselected = next(iter(self.shipped))
        combo = self.combo
        combo.blockSignals(True)
        combo.clear()
        for path in self.kinds:
            if path not in self.shipped:
                combo.addItem(Path(path).name if not Path(path).name.startswith("model.ckpt") else
                              f"{Path(path).parent.name}/{Path(path).name}", path)
                combo.setItemData(combo.count() - 1, path, Qt.ToolTipRole)
        if not self.kinds and not self.shipped:
            combo.addItem(tr("No checkpoint opened"), None)
        for path, shipped in self.shipped.items():
            combo.addItem(shipped_label(shipped.config_id), path)
            combo.setItemData(combo.count() - 1, path, Qt.ToolTipRole)
        combo.addItem(tr("Open checkpoint…"), OPEN)
        combo.addItem(tr("Open checkpoint folder…"), OPEN_FOLDER)
        index = combo.findData(self._chosen) if isinstance(self._chosen, str) else -1
        combo.setCurrentIndex(max(index, 0))
        combo.blockSignals(False)
        self.card_button.setText(tr("Model card…"))
        self.card_button.setEnabled(self._card() is not None)

    def _on_activated(self, index: int) -> None:
        data = self.combo.itemData(index)
        if data in (OPEN, OPEN_FOLDER):
            self.fill()  # the combo shows the current checkpoint again while the dialog is open
            if data == OPEN:
                path, _ = QFileDialog.getOpenFileName(self._dialog_parent, tr("Open a MusicVAE checkpoint"), "", tr(
                    "MusicVAE checkpoints (*.tar *.index);;All files (*)"))
                path = path[:-len(".index")] if path.endswith(".index") else path
            else:
                path = QFileDialog.getExistingDirectory(self._dialog_parent, tr("Open a MusicVAE checkpoint folder"))
            if path:
                self._open_path(path)
            return
        self._chosen = data
        self._preselected_asked = True  # the user's choice from now on
        self.card_button.setEnabled(self._card() is not None)
        if data in self.shipped:
            self._load_shipped(data, self.shipped[data].config_id)
        self._changed()

    # -- the model card -----------------------------------------------------------------------------------
    def _config_id(self) -> str | None:
        data = self.combo.currentData()
        if data in self.shipped:
            return self.shipped[data].config_id
        return self.kinds[data][1] if data in self.kinds else None

    def _card(self, language: str | None = None) -> Path | None:
        """The chosen checkpoint's card in the language (else English), or None where it has none."""
        data = self.combo.currentData()
        language = language or current_language()
        if data in self.shipped:
            return self.shipped[data].card_path(language)
        if data in self.kinds and str(data).endswith(".tar"):
            card = model_card_path(Path(data), language)
            return card if card.is_file() else None
        return None

    def card_text(self, language: str | None = None) -> str:
        """The chosen checkpoint's card, or a line saying there is none."""
        card = self._card(language)
        if card is None:
            return tr("No model card found beside {0}.").format(Path(self.combo.currentData() or "").name)
        return card.read_text(encoding="utf-8", errors="replace")

    def show_model_card(self) -> None:
        config_id = self._config_id()
        if config_id is None:
            return
        box = CardBox(self._dialog_parent, lambda: vae_label(config_id), self.card_text)
        box.exec()
        box.deleteLater()
