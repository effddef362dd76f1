"""The Training panel's form: which model (an event RNN, a MusicVAE or a bundle to continue), its size, the music
folders, how long, where to.

It only collects choices; `choice()` turns them into a TrainingChoice, and `show_choice()` puts a saved one back.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from composer_app.gui.generation.model_texts import model_text
from composer_app.gui.shell.i18n import QT_TR_NOOP, Retranslating, tr
from composer_app.gui.training import vae_choices
from composer_app.gui.training.continued import TRAINABLE_FAMILIES, bundle_model, writable_folder
from composer_app.gui.training.process import TrainingChoice
from composer_app.gui.training.texts import step_hint
from composer_app.gui.training.vae_choices import (
    BUNDLE_SUFFIX,
    VAE_CONTINUE_BATCH,
    VAE_CONTINUE_HPARAMS,
    VAE_DEFAULT_STEPS,
    VAE_SUFFIX,
    is_vae,
    vae_label,
)
from composer_app.gui.training.window_choice import WindowChoice
from composer_app.models.rnn.configs import all_configs

CONTINUE = "continue"
# (label, --hparams): a network the size of Magenta's takes hours on a laptop, so a class starts smaller.
SIZES = (
    (QT_TR_NOOP("Small: quick to train (2 layers of 64)"), "rnn_layer_sizes=[64,64]"),
    (QT_TR_NOOP("As Magenta's (the model's own size)"), ""),
    (QT_TR_NOOP("Tiny: a try-out in seconds (1 layer of 8)"), "batch_size=4,rnn_layer_sizes=[8],dropout_keep_prob=1.0"),
)
MAX_STEPS = 1_000_000  # with a time budget the budget ends the run first
RNN_DEFAULT_STEPS = 1000


def evaluation_interval(steps: int) -> int:
    """Steps between held-out evaluations: about 20 points on the chart, at most one every 100 steps."""
    return max(1, min(100, steps // 20))


class TrainingForm(Retranslating, QWidget):
    """The choices of one training run. `changed` fires when any of them changes."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.bundle_path = ""
        self._bundle_config: str | None = None  # the model of the bundle or checkpoint being continued
        self._bundle_sizes: tuple | None = None  # a continued MusicVAE's (z, encoder, decoder) sizes
        self.eval_ratio = 0.1  # Magenta's share of files held out for the held-out curve
        self.configs = [c for c in all_configs() if c.family in TRAINABLE_FAMILIES]
        self._vae = False  # the sizes, steps and output suffix shown are MusicVAE's
        self._filling = False
        self.model = QComboBox(objectName="training_model")
        self.bundle_label = QLabel(objectName="training_bundle")
        self.bundle_label.setWordWrap(True)
        self.size = QComboBox(objectName="training_size")
        self.folders = QListWidget(objectName="training_folders")
        self.folders.setMaximumHeight(80)
        self.add_folder = QPushButton(objectName="training_add_folder")
        self.remove_folder = QPushButton(objectName="training_remove_folder")
        self.by_steps = QRadioButton(objectName="training_by_steps")
        self.by_minutes = QRadioButton(objectName="training_by_minutes")
        self.steps = QSpinBox(objectName="training_steps")
        self.steps.setRange(1, MAX_STEPS)
        self.steps.setValue(RNN_DEFAULT_STEPS)
        self.minutes = QDoubleSpinBox(objectName="training_minutes")
        self.minutes.setRange(0.5, 10_000)
        self.minutes.setValue(30)
        self.by_steps.setChecked(True)
        # Improv RNN learns from lead sheets; files without chord symbols can have them inferred from their parts.
        self.infer_chords = QCheckBox(objectName="training_infer_chords")
        self.lead_sheet_note = QLabel(objectName="training_lead_sheet_note")
        self.lead_sheet_note.setWordWrap(True)
        self.vae_note = QLabel(objectName="training_vae_note")
        self.step_hint = QLabel(objectName="training_step_hint")  # how long a MusicVAE step takes at this size
        for note in (self.vae_note, self.step_hint):
            note.setWordWrap(True)
        self.window = WindowChoice()  # event RNNs only: MusicVAE learns fixed-length windows of its own
        self.output = QLineEdit(objectName="training_output")
        self.browse = QPushButton(objectName="training_browse")
        self._labels: list[tuple[QLabel, str]] = []
        for combo in (self.model, self.size):
            # Long model and size names must not make the dock wider than the window gives it.
            combo.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(12)
        self._build()
        self.retranslate()

    def _build(self) -> None:
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self._label(QT_TR_NOOP("Model:")), self.model)
        form.addRow(self.bundle_label)
        form.addRow(self.vae_note)
        form.addRow(self._label(QT_TR_NOOP("Size:")), self.size)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_folder)
        buttons.addWidget(self.remove_folder)
        folders = QVBoxLayout()
        folders.addWidget(self.folders)
        folders.addLayout(buttons)
        form.addRow(self._label(QT_TR_NOOP("Music:")), folders)
        form.addRow(self.lead_sheet_note)
        form.addRow(self.infer_chords)
        length = QGridLayout()
        for row, (radio, field) in enumerate(((self.by_steps, self.steps), (self.by_minutes, self.minutes))):
            length.addWidget(radio, row, 0)
            length.addWidget(field, row, 1)
        length.setColumnStretch(1, 1)
        form.addRow(self._label(QT_TR_NOOP("Length:")), length)
        self._window_label = self._label(QT_TR_NOOP("Pieces:"))
        form.addRow(self._window_label, self.window)
        form.addRow(self.step_hint)
        output = QHBoxLayout()
        output.addWidget(self.output, 1)
        output.addWidget(self.browse)
        form.addRow(self._label(QT_TR_NOOP("Save as:")), output)
        self.model.activated.connect(self._on_model)
        self.model.currentIndexChanged.connect(self._model_changed)
        self.size.currentIndexChanged.connect(self._show_hint)
        self.size.currentIndexChanged.connect(self.changed)
        self.steps.valueChanged.connect(self._show_hint)
        self.minutes.valueChanged.connect(self._show_hint)
        self.infer_chords.toggled.connect(self.changed)
        self.window.changed.connect(self.changed)
        self.add_folder.clicked.connect(self._add_folder)
        self.remove_folder.clicked.connect(self._remove_folder)
        self.browse.clicked.connect(self._browse)
        self.output.textChanged.connect(self.changed)
        self.by_steps.toggled.connect(self._length_mode)
        self._length_mode()

    def _label(self, text: str) -> QLabel:
        label = QLabel()
        self._labels.append((label, text))
        return label

    def retranslate(self) -> None:
        """Labels, buttons and the model and size lists in the current language."""
        for label, text in self._labels:
            label.setText(tr(text))
        index = self.model.currentIndex()
        self._filling = True
        self.model.clear()
        for config in self.configs:
            self.model.addItem(model_text(config.title), config.id)
        for config_id in vae_choices.vae_config_ids():
            self.model.addItem(vae_label(config_id), config_id)
            self.model.setItemData(self.model.count() - 1, config_id, Qt.ToolTipRole)  # Magenta's name
        self.model.addItem(tr("Continue training a bundle or checkpoint…"), CONTINUE)
        self.model.setCurrentIndex(max(index, 0))
        self._filling = False
        self._fill_sizes()
        self.add_folder.setText(tr("Add folder…"))
        self.remove_folder.setText(tr("Remove"))
        self.by_steps.setText(tr("Steps"))
        self.by_minutes.setText(tr("Minutes"))
        self.browse.setText(tr("Browse…"))
        self.infer_chords.setText(tr("Infer chords from the other parts where a file has no chord symbols"))
        self.lead_sheet_note.setText(tr("Improv RNN learns melodies over chords: give it lead sheets (MusicXML, "
                                        "ABC or MIDI with chord symbols)."))
        self.output.setPlaceholderText(tr("where the new checkpoint (.tar) goes") if self._vae
                                       else tr("where the new bundle (.mag) goes"))
        self.folders.setToolTip(tr("Folders of MIDI, MusicXML or ABC files (searched with their sub-folders)"))
        self._show_bundle()

    def sizes(self) -> tuple:
        """The size choices of the model chosen: (label, --hparams) each."""
        return vae_choices.sizes(self.config_id()) if self._vae else SIZES

    def _fill_sizes(self) -> None:
        size = self.size.currentIndex()
        self.size.blockSignals(True)
        self.size.clear()
        if self.model.currentData() == CONTINUE and self.bundle_path:
            labels = [self._continued_sizes()]  # the network's sizes are the file's own
        elif self._vae:
            labels = vae_choices.size_labels(self.config_id())
        else:
            labels = [tr(t) for t, _h in SIZES]
        self.size.addItems(labels)
        self.size.setCurrentIndex(min(max(size, 0), self.size.count() - 1))
        self.size.blockSignals(False)
        self._show_hint()

    def _continued_sizes(self) -> str:
        if self._bundle_sizes is None:
            return tr("The bundle's own layer sizes")
        z_size, encoder, decoder = self._bundle_sizes
        layers = vae_choices.layers
        return tr("The checkpoint's own: z {0}, encoder LSTM {1}, decoder LSTM {2}; batches of {3}").format(
            z_size, layers(encoder), layers(decoder), VAE_CONTINUE_BATCH)

    def _model_changed(self, _index: int) -> None:
        if self._filling:
            return
        self._apply_kind()
        self.changed.emit()

    def _apply_kind(self) -> None:
        """A MusicVAE and an event RNN differ in sizes, usual length and file: switching between them swaps those."""
        vae = is_vae(self.config_id())
        if vae != self._vae:
            self._vae = vae
            self.size.setCurrentIndex(0)
            defaults = (RNN_DEFAULT_STEPS, VAE_DEFAULT_STEPS) if vae else (VAE_DEFAULT_STEPS, RNN_DEFAULT_STEPS)
            if self.steps.value() == defaults[0]:  # a length the user chose stays
                self.steps.setValue(defaults[1])
            old, new = (BUNDLE_SUFFIX, VAE_SUFFIX) if vae else (VAE_SUFFIX, BUNDLE_SUFFIX)
            text = self.output.text()
            if text.lower().endswith(old):
                self.output.setText(text[:-len(old)] + new)
            self.output.setPlaceholderText(tr("where the new checkpoint (.tar) goes") if vae
                                           else tr("where the new bundle (.mag) goes"))
        self._fill_sizes()  # Magenta's size is each MusicVAE config's own
        self._show_bundle()

    def is_vae(self) -> bool:
        """True when the model chosen is a MusicVAE (a .tar checkpoint comes out, not a .mag bundle)."""
        return self._vae

    def _show_hint(self, *_args) -> None:
        self.size.setToolTip(self.size.currentText())  # a narrow dock cuts the size's line short
        # A continued checkpoint keeps its own sizes, which the measured step times do not cover.
        shown = self._vae and self.model.currentData() != CONTINUE
        self.step_hint.setVisible(shown)
        if shown:
            by_steps = self.by_steps.isChecked()
            self.step_hint.setText(step_hint(self.config_id(), max(self.size.currentIndex(), 0),
                                             self.steps.value(), None if by_steps else self.minutes.value()))

    # -- choices -------------------------------------------------------------------------
    def _on_model(self, _index: int) -> None:
        if self.model.currentData() == CONTINUE:
            path, _ = QFileDialog.getOpenFileName(self, tr("Continue training a bundle or checkpoint"), "",
                                                  tr("Magenta bundles and MusicVAE checkpoints (*.mag *.tar)"))
            if not path:
                self.model.setCurrentIndex(0)
            else:
                self.set_bundle(path)
        self._show_bundle()
        self.changed.emit()

    def set_bundle(self, path: str) -> None:
        """Continue training this .mag bundle or MusicVAE .tar checkpoint; its model is read from its header (a
        checkpoint's from its tensors' shapes, without reading the weights)."""
        self.bundle_path = str(path)
        self._bundle_config, self._bundle_sizes = bundle_model(Path(path))
        self.model.setCurrentIndex(self.model.findData(CONTINUE))
        self._apply_kind()
        if not self.output.text():
            source = Path(path)
            suffix = VAE_SUFFIX if self._vae else BUNDLE_SUFFIX
            self.output.setText(str(writable_folder(source.parent) / (source.stem + "_more" + suffix)))
        self._show_bundle()

    def _needs_chords(self) -> bool:
        config_id = self.config_id()
        return any(c.id == config_id and c.needs_chords for c in all_configs())

    def _show_bundle(self) -> None:
        continuing = self.model.currentData() == CONTINUE and bool(self.bundle_path)
        chords = self._needs_chords()
        self.lead_sheet_note.setVisible(chords)
        self.infer_chords.setVisible(chords)
        self.vae_note.setVisible(self._vae)
        self.window.setVisible(not self._vae)
        self._window_label.setVisible(not self._vae)
        if self._vae:
            self.vae_note.setText(vae_choices.vae_note(self.config_id()))
        self.bundle_label.setVisible(continuing)
        self.size.setEnabled(not continuing)  # a bundle's network has its own size
        if continuing:
            self.bundle_label.setText(tr("Continues from {0}").format(Path(self.bundle_path).name))

    def _add_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, tr("A folder of music to learn from"))
        if folder:
            self.add_input(folder)

    def add_input(self, folder: str) -> None:
        if folder not in self.inputs():
            self.folders.addItem(str(folder))
            self.changed.emit()

    def _remove_folder(self) -> None:
        for item in self.folders.selectedItems():
            self.folders.takeItem(self.folders.row(item))
        self.changed.emit()

    def inputs(self) -> list[str]:
        return [self.folders.item(i).text() for i in range(self.folders.count())]

    def _browse(self) -> None:
        # The question about replacing a file comes when training starts, so it is asked once, by the panel.
        if self._vae:
            title, kinds, suffix = (tr("Save the new checkpoint as"), tr("MusicVAE checkpoints (*.tar)"),
                                    VAE_SUFFIX)
        else:
            title, kinds, suffix = tr("Save the new bundle as"), tr("Magenta bundles (*.mag)"), BUNDLE_SUFFIX
        path, _ = QFileDialog.getSaveFileName(self, title, self.output.text(), kinds,
                                              options=QFileDialog.DontConfirmOverwrite)
        if path:
            self.output.setText(path if path.lower().endswith(suffix) else path + suffix)

    def _length_mode(self, *_args) -> None:
        self.steps.setEnabled(self.by_steps.isChecked())
        self.minutes.setEnabled(self.by_minutes.isChecked())
        self._show_hint()
        self.changed.emit()

    def config_id(self) -> str | None:
        """The model to train, None while a bundle to continue is still to be chosen."""
        if self.model.currentData() != CONTINUE:
            return self.model.currentData()
        return self._bundle_config if self.bundle_path else None

    def choice(self) -> TrainingChoice:
        """The run these choices describe (the panel checks it is complete first)."""
        continuing = self.model.currentData() == CONTINUE
        # A checkpoint's sizes are its own; MusicVAE's small batch keeps a step short (Magenta's is 512).
        hparams = (VAE_CONTINUE_HPARAMS if self._vae else "") if continuing \
            else self.sizes()[self.size.currentIndex()][1]
        steps = self.steps.value() if self.by_steps.isChecked() else MAX_STEPS
        every = evaluation_interval(steps) if self.by_steps.isChecked() else 100
        return TrainingChoice(
            config_id=self.config_id() or "", inputs=tuple(self.inputs()), output=self.output.text().strip(),
            steps=steps, minutes=None if self.by_steps.isChecked() else self.minutes.value(),
            hparams=hparams,
            init_from=self.bundle_path if continuing else "", eval_every=every, checkpoint_every=100,
            eval_ratio=self.eval_ratio, infer_chords=self._needs_chords() and self.infer_chords.isChecked(),
            window=0 if self._vae else self.window.value())

    def show_choice(self, choice: TrainingChoice) -> None:
        """Put a saved run's choices back (a paused run after a restart)."""
        self.folders.clear()
        for folder in choice.inputs:
            self.folders.addItem(folder)
        if choice.init_from:
            self.set_bundle(choice.init_from)
        else:
            self.model.setCurrentIndex(max(0, self.model.findData(choice.config_id)))
            sizes = [size[1] for size in self.sizes()]
            self.size.setCurrentIndex(sizes.index(choice.hparams) if choice.hparams in sizes else 0)
        self.by_minutes.setChecked(bool(choice.minutes))
        self.by_steps.setChecked(not choice.minutes)
        if choice.minutes:
            self.minutes.setValue(choice.minutes)
        else:
            self.steps.setValue(choice.steps)
        self.output.setText(choice.output)
        self.infer_chords.setChecked(choice.infer_chords)
        self.window.set_value(choice.window)
        self._show_bundle()
