"""The generation panel: model and bundle pickers, parameters, primer source, Generate/Cancel and progress.

It only collects settings and shows state; GenerationController turns settings into requests and results.
The bundle combo, bundle info and model card belong to a BundlePicker the panel owns. Each Generate draws a new
seed unless the seed is locked, so pressing it again gives new variations.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from composer_app.gui.generation.bundle_picker import BundlePicker
from composer_app.gui.generation.form_fields import (
    RunControls,
    TranslatedRows,
    outputs_box,
    scrolling_body,
    temperature_box,
)
from composer_app.gui.generation.model_texts import model_text
from composer_app.gui.generation.seed_field import SeedField
from composer_app.gui.shell.i18n import QT_TR_NOOP, Retranslating, tr
from composer_app.models.rnn.configs import ModelConfig, all_configs, get_config
from composer_app.music.scales import NOTE_NAMES, SCALE_CHOICES, pitch_name

PRIMER_SELECTION = "selection"
PRIMER_TEXT = "text"
PRIMER_FILE = "file"
KEYS = (QT_TR_NOOP("Off"), *NOTE_NAMES)


@dataclass(frozen=True)
class PanelSettings:
    """Everything the panel collects for one Generate click."""

    config_id: str
    bundle_path: str | None  # None: the shipped bundle
    length_bars: int
    num_outputs: int
    temperature: float
    beam_size: int
    branch_factor: int
    steps_per_iteration: int
    seed: int
    key: int | None  # pitch class, None when unlocked
    scale: str
    low: int
    high: int
    avoid_primer_copy: bool
    primer_source: str
    primer_text: str
    primer_file: str | None
    chord_tones: bool = False  # Improv RNN: only the tones of each step's chord

    def steering(self):
        """The PitchSteering these settings ask for, or None (nothing steered, or not a melody model)."""
        from composer_app.models.rnn.configs import get_config
        from composer_app.models.rnn.steering import PitchSteering

        config = get_config(self.config_id)
        chord_tones = config.needs_chords and self.chord_tones
        locked = self.key is not None
        if not config.is_melody or not (locked or self.low > 0 or self.high < 127 or chord_tones):
            return None
        return PitchSteering(self.key if locked else 0, self.scale if locked else "chromatic", self.low, self.high,
                             chord_tones)


class ModelPanel(Retranslating, QWidget):
    generate_requested = Signal(object)  # PanelSettings
    regenerate_requested = Signal(object)  # PanelSettings: rewrite the selected bars or loop region
    cancel_requested = Signal()
    message = Signal(str)

    def __init__(self, settings=None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("ModelPanel")
        self._settings = settings  # AppSettings-like with recent_bundles() / add_recent_bundle(), optional
        self._status: tuple[str, tuple] = (QT_TR_NOOP("Draw or select a primer, then Generate."), ())
        self._queued = 0
        self._build()
        self.retranslate()
        self._on_model_changed()

    # -- layout ---------------------------------------------------------------------------
    def _build(self) -> None:
        layout = scrolling_body(self)

        self._rows = TranslatedRows()
        self.model_box = model_box = QGroupBox()
        form = QFormLayout(model_box)
        self.model_combo = QComboBox()
        self.model_combo.setObjectName("model_combo")
        for config in all_configs():
            if not config.in_generate_panel:  # Polyphony and Performance RNN have tabs of their own
                continue
            self.model_combo.addItem(config.title, config.id)
        self.model_combo.currentIndexChanged.connect(self._on_model_changed)
        self._rows.add(form, QT_TR_NOOP("Model"), self.model_combo)
        self.model_description = QLabel()
        self.model_description.setTextFormat(Qt.PlainText)
        self.model_description.setWordWrap(True)
        self.model_description.setMinimumWidth(220)
        self.model_description.setObjectName("model_description")
        form.addRow(self.model_description)
        self.bundle_picker = BundlePicker(self, self._settings, lambda: self.config, self._switch_model_for_bundle,
                                          self.show_error)
        self.bundle_combo = self.bundle_picker.combo
        self.bundle_info = self.bundle_picker.info
        self._rows.add(form, QT_TR_NOOP("Bundle"), self.bundle_combo)
        form.addRow(self.bundle_info)
        form.addRow(self.bundle_picker.card_button)
        layout.addWidget(model_box)

        self.params_box = params = QGroupBox()
        pform = QFormLayout(params)
        self.length_bars = QSpinBox()
        self.length_bars.setRange(1, 64)
        self.length_bars.setValue(4)
        self._rows.add(pform, QT_TR_NOOP("Length"), self.length_bars)
        self.num_outputs = outputs_box()
        self._rows.add(pform, QT_TR_NOOP("Variations"), self.num_outputs)
        self.temperature = temperature_box(1.0)
        self._rows.add(pform, QT_TR_NOOP("Temperature"), self.temperature)
        self.seed = SeedField()
        self.seed_lock = self.seed.lock
        self._rows.add(pform, QT_TR_NOOP("Seed"), self.seed)
        layout.addWidget(params)

        self.steer_box = QGroupBox()
        sform = QFormLayout(self.steer_box)
        self.key_combo = QComboBox()
        self.key_combo.addItems(KEYS)
        self.scale_combo = QComboBox()
        for scale in SCALE_CHOICES:
            self.scale_combo.addItem(scale, scale)
        key_row = QHBoxLayout()
        key_row.addWidget(self.key_combo)
        key_row.addWidget(self.scale_combo, 1)
        self._rows.add(sform, QT_TR_NOOP("Key lock"), key_row)
        self.low = QSpinBox()
        self.high = QSpinBox()
        for box, value in ((self.low, 48), (self.high, 83)):
            box.setRange(0, 127)
            box.setValue(value)
            box.valueChanged.connect(self._update_range_label)
        range_row = QHBoxLayout()
        range_row.addWidget(self.low)
        self.to_label = QLabel()
        range_row.addWidget(self.to_label)
        range_row.addWidget(self.high)
        self._rows.add(sform, QT_TR_NOOP("Pitch range"), range_row)
        self.range_label = QLabel()
        sform.addRow(self.range_label)
        self.avoid_copy = QCheckBox()
        sform.addRow(self.avoid_copy)
        self.chord_tones = QCheckBox()
        self.chord_tones.setObjectName("chord_tones")
        sform.addRow(self.chord_tones)
        layout.addWidget(self.steer_box)

        self.advanced = QGroupBox()
        self.advanced.setCheckable(True)
        self.advanced.setChecked(False)
        aform = QFormLayout(self.advanced)
        self.beam_size = QSpinBox()
        self.beam_size.setRange(1, 8)
        self.branch_factor = QSpinBox()
        self.branch_factor.setRange(1, 8)
        self.steps_per_iteration = QSpinBox()
        self.steps_per_iteration.setRange(1, 64)
        self._rows.add(aform, QT_TR_NOOP("Beam size"), self.beam_size)
        self._rows.add(aform, QT_TR_NOOP("Branch factor"), self.branch_factor)
        self._rows.add(aform, QT_TR_NOOP("Steps per iteration"), self.steps_per_iteration)
        layout.addWidget(self.advanced)

        self.primer_box = primer_box = QGroupBox()
        pl = QVBoxLayout(primer_box)
        self.primer_selection = QRadioButton()
        self.primer_selection.setChecked(True)
        self.primer_text_radio = QRadioButton()
        self.primer_text = QLineEdit()
        self.primer_text.setPlaceholderText("[60, -2, 60, -2, 67, -2, 67, -2]")
        self.primer_text.textEdited.connect(lambda _t: self.primer_text_radio.setChecked(True))
        self.primer_file_radio = QRadioButton()
        self.primer_file_radio.toggled.connect(self._choose_primer_file)
        self._primer_file: str | None = None
        pl.addWidget(self.primer_selection)
        pl.addWidget(self.primer_text_radio)
        pl.addWidget(self.primer_text)
        pl.addWidget(self.primer_file_radio)
        layout.addWidget(primer_box)

        layout.addStretch(1)
        # Generate, Cancel, progress and messages stay in view below the scrolling settings.
        actions = QVBoxLayout()
        actions.setContentsMargins(8, 4, 8, 8)
        self.regenerate_button = QPushButton()
        self.regenerate_button.setObjectName("regenerate_button")
        self.regenerate_button.clicked.connect(self._emit_regenerate)
        self.run = RunControls(actions, "", self._emit_generate, self.cancel_requested, self.regenerate_button)
        self.run.progress.setObjectName("generation_progress")
        self.run.status.setObjectName("generation_status")
        self.generate_button, self.cancel_button = self.run.generate_button, self.run.cancel_button
        self.progress, self.status = self.run.progress, self.run.status
        self.layout().addLayout(actions)  # the run controls stay in view below the scrolling settings
        self._update_range_label()

    def retranslate(self) -> None:
        """Every label, tip, unit and model text in the current language."""
        self._rows.retranslate()
        for box, text in ((self.model_box, tr("Model")), (self.params_box, tr("Parameters")),
                          (self.steer_box, tr("Melody steering")), (self.advanced, tr("Advanced (beam search)")),
                          (self.primer_box, tr("Primer"))):
            box.setTitle(text)
        for i in range(self.model_combo.count()):
            self.model_combo.setItemText(i, model_text(get_config(self.model_combo.itemData(i)).title))
        self._describe_model()
        self.length_bars.setSuffix(tr(" bars", "a unit after a number"))
        self.length_bars.setToolTip(tr("How much new music to generate after the primer (16 steps = 1 bar of 4/4)"))
        self.temperature.setToolTip(tr("Lower is safer and more repetitive; higher is more surprising"))
        self.key_combo.setItemText(0, tr(KEYS[0]))
        for i in range(self.scale_combo.count()):
            self.scale_combo.setItemText(i, model_text(self.scale_combo.itemData(i)))
        self.to_label.setText(tr("to"))
        self.avoid_copy.setText(tr("Don't repeat the primer verbatim"))
        self.chord_tones.setText(tr("Only notes of the chord"))
        self.chord_tones.setToolTip(tr("Improv RNN: every note is a tone of the chord sounding at its step (any note "
                                       "under N.C.)"))
        self.primer_selection.setText(tr("Selected notes, or the track up to the playhead"))
        self.primer_text_radio.setText(tr("Magenta primer text"))
        self.primer_file_radio.setText(tr("File: {0}").format(Path(self._primer_file).name) if self._primer_file
                                       else tr("MIDI file…"))
        self.generate_button.setToolTip(tr("Generate variations (Ctrl+G)"))
        self.cancel_button.setText(tr("Cancel"))
        self.regenerate_button.setText(tr("Regenerate region"))
        self.regenerate_button.setToolTip(tr("Rewrite the selected bars (or the loop region), keeping what follows"))
        self.set_busy(self.cancel_button.isEnabled(), self._queued)
        self._update_range_label()
        self.bundle_picker.retranslate()
        text, args = self._status
        if text:
            self.status.setText(tr(text).format(*args))

    # -- model and bundle ------------------------------------------------------------------
    @property
    def config(self) -> ModelConfig:
        return get_config(self.model_combo.currentData())

    def set_model(self, config_id: str) -> None:
        index = self.model_combo.findData(config_id)
        if index >= 0:
            self.model_combo.setCurrentIndex(index)

    def _on_model_changed(self, *_args) -> None:
        config = self.config
        self._describe_model()
        self.steer_box.setEnabled(config.is_melody)
        self.chord_tones.setEnabled(config.needs_chords)
        if config.is_melody:
            self.primer_text.setPlaceholderText("[60, -2, 60, -2, 67, -2, 67, -2]")
        else:
            self.primer_text.setPlaceholderText("[(36, 42), (), (42,)]")
        self.bundle_picker.model_changed()

    def _describe_model(self) -> None:
        config = self.config
        text = model_text(config.description)
        if config.needs_chords:
            text += "\n" + tr("It plays over the chords of the chord lane above the roll.")
        self.model_description.setText(text)

    def use_bundle(self, path: str) -> bool:
        """Choose a user's bundle; a bundle of another model switches the model, an unreadable one is refused."""
        return self.bundle_picker.use_bundle(path)

    def _switch_model_for_bundle(self, config_id: str) -> None:
        self.set_model(config_id)
        self.show_status(tr("Switched to {0}: the bundle is for that model.").format(
            model_text(get_config(config_id).title)))

    def show_model_card(self) -> None:
        self.bundle_picker.show_model_card()

    # -- primer -------------------------------------------------------------------------------
    def _choose_primer_file(self, checked: bool) -> None:
        if not checked:
            return
        from composer_app.music.io import READABLE_SUFFIXES

        patterns = " ".join(f"*{s}" for s in READABLE_SUFFIXES)
        path, _ = QFileDialog.getOpenFileName(self, tr("Primer from a file"), "", tr("Music files ({0})").format(patterns))
        if path:
            self._primer_file = path
            self.primer_file_radio.setText(tr("File: {0}").format(Path(path).name))
        elif not self._primer_file:
            self.primer_selection.setChecked(True)

    def _update_range_label(self) -> None:
        self.range_label.setText(tr("{0} to {1}").format(pitch_name(self.low.value()), pitch_name(self.high.value())))

    # -- state shown while generating -------------------------------------------------------------
    def settings(self) -> PanelSettings:
        key_index = self.key_combo.currentIndex()
        advanced = self.advanced.isChecked()
        source = PRIMER_SELECTION
        if self.primer_text_radio.isChecked():
            source = PRIMER_TEXT
        elif self.primer_file_radio.isChecked() and self._primer_file:
            source = PRIMER_FILE
        return PanelSettings(
            config_id=self.config.id, bundle_path=self.bundle_picker.bundle_path, length_bars=self.length_bars.value(),
            num_outputs=self.num_outputs.value(), temperature=round(self.temperature.value(), 3),
            beam_size=self.beam_size.value() if advanced else 1,
            branch_factor=self.branch_factor.value() if advanced else 1,
            steps_per_iteration=self.steps_per_iteration.value() if advanced else 1,
            seed=self.seed.value(), key=None if key_index == 0 else key_index - 1,
            scale=self.scale_combo.currentData(), low=min(self.low.value(), self.high.value()),
            high=max(self.low.value(), self.high.value()), avoid_primer_copy=self.avoid_copy.isChecked(),
            primer_source=source, primer_text=self.primer_text.text().strip(), primer_file=self._primer_file,
            chord_tones=self.config.needs_chords and self.chord_tones.isChecked(),
        )

    def _next_settings(self) -> PanelSettings:
        self.seed.seed_for_next_run()  # a new seed unless locked, so pressing Generate again gives new variations
        return self.settings()

    def _emit_generate(self) -> None:
        self.generate_requested.emit(self._next_settings())

    def _emit_regenerate(self) -> None:
        self.regenerate_requested.emit(self._next_settings())

    def set_busy(self, busy: bool, queued: int = 0) -> None:
        self._queued = queued
        self.generate_button.setText(tr("Generate (%n queued)", "", queued) if queued > 1 else tr("Generate"))
        self.run.set_busy(busy)

    def show_progress(self, done: int, total: int) -> None:
        self.run.show_progress(done, total, tr("{0} / %n step(s)", "", total).format(done))

    def show_waiting(self, text: str) -> None:
        self._status = ("", ())
        self.run.show_waiting(text)

    def show_status(self, text: str) -> None:
        self._status = ("", ())  # already translated: it stays as it is on a language switch
        self.run.show_message(text)

    def show_error(self, text: str) -> None:
        self._status = ("", ())
        self.run.show_message(text, error=True)
        self.message.emit(text)
