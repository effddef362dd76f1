"""The generation panel: model and bundle pickers, parameters, primer source, Generate/Cancel and progress.

It only collects settings and shows state; GenerationController turns settings into requests and results.
Bundle details come from parsing the bundle's header (no TensorFlow), so the panel stays instant.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from composer_app.models.configs import ModelConfig, all_configs, get_config

PRIMER_SELECTION = "selection"
PRIMER_TEXT = "text"
PRIMER_FILE = "file"
SHIPPED = "shipped"
KEYS = ("Off", "C", "C#", "D", "Eb", "E", "F", "F#", "G", "Ab", "A", "Bb", "B")
SCALE_NAMES = ("major", "natural minor", "harmonic minor", "dorian", "mixolydian", "major pentatonic",
               "minor pentatonic", "blues")
NOTE_NAMES = ("C", "C#", "D", "Eb", "E", "F", "F#", "G", "Ab", "A", "Bb", "B")


def pitch_name(pitch: int) -> str:
    return f"{NOTE_NAMES[pitch % 12]}{pitch // 12 - 1}"


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


def bundle_header(path: Path) -> tuple[str, str, str]:
    """(generator id, generator description, bundle description) without loading any weights."""
    from composer_app.models.bundle_format import WireFormatError, parse_bundle

    try:
        raw = parse_bundle(path.read_bytes())
    except (OSError, WireFormatError) as exc:
        raise ValueError(f"{path}: not a readable .mag bundle ({exc})") from None
    if not raw.generator_id:
        raise ValueError(f"{path}: not a .mag bundle (no generator id)")
    return raw.generator_id, raw.generator_description, raw.bundle_description


def model_card_text(config_id: str, bundle_path: str | None) -> str:
    """The model card beside a bundle (NAME.md), or a short note when there is none."""
    from composer_app.models.generate import shipped_bundle_path

    path = Path(bundle_path) if bundle_path else shipped_bundle_path(config_id)
    card = path.with_suffix(".md")
    if card.exists():
        return card.read_text(encoding="utf-8", errors="replace")
    return f"No model card found beside {path.name}."


class ModelPanel(QWidget):
    generate_requested = Signal(object)  # PanelSettings
    regenerate_requested = Signal(object)  # PanelSettings: rewrite the selected bars or loop region
    cancel_requested = Signal()
    message = Signal(str)

    def __init__(self, settings=None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("ModelPanel")
        self._settings = settings  # AppSettings-like with recent_bundles() / add_recent_bundle(), optional
        self._bundle_path: str | None = None
        self._build()
        self._on_model_changed()

    # -- layout ---------------------------------------------------------------------------
    def _build(self) -> None:
        # The panel scrolls as a whole so nothing is clipped on small screens or in projector mode.
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        body = QWidget()
        scroll.setWidget(body)
        outer.addWidget(scroll)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(8, 8, 8, 8)

        model_box = QGroupBox("Model")
        form = QFormLayout(model_box)
        self.model_combo = QComboBox()
        self.model_combo.setObjectName("model_combo")
        for config in all_configs():
            self.model_combo.addItem(config.title, config.id)
        self.model_combo.currentIndexChanged.connect(self._on_model_changed)
        form.addRow("Model", self.model_combo)
        self.model_description = QLabel()
        self.model_description.setWordWrap(True)
        self.model_description.setMinimumWidth(220)
        self.model_description.setObjectName("model_description")
        form.addRow(self.model_description)
        self.bundle_combo = QComboBox()
        self.bundle_combo.setObjectName("bundle_combo")
        self.bundle_combo.activated.connect(self._on_bundle_activated)
        form.addRow("Bundle", self.bundle_combo)
        self.bundle_info = QLabel()
        self.bundle_info.setWordWrap(True)
        self.bundle_info.setMinimumWidth(220)
        self.bundle_info.setObjectName("bundle_info")
        card_button = QPushButton("Model card…")
        card_button.clicked.connect(self.show_model_card)
        form.addRow(self.bundle_info)
        form.addRow(card_button)
        layout.addWidget(model_box)

        params = QGroupBox("Parameters")
        pform = QFormLayout(params)
        self.length_bars = QSpinBox()
        self.length_bars.setRange(1, 64)
        self.length_bars.setValue(4)
        self.length_bars.setSuffix(" bars")
        self.length_bars.setToolTip("How much new music to generate after the primer (16 steps = 1 bar of 4/4)")
        pform.addRow("Length", self.length_bars)
        self.num_outputs = QSpinBox()
        self.num_outputs.setRange(1, 16)
        self.num_outputs.setValue(4)
        pform.addRow("Variations", self.num_outputs)
        self.temperature = QDoubleSpinBox()
        self.temperature.setRange(0.1, 2.0)
        self.temperature.setSingleStep(0.1)
        self.temperature.setValue(1.0)
        self.temperature.setToolTip("Lower is safer and more repetitive; higher is more surprising")
        pform.addRow("Temperature", self.temperature)
        seed_row = QHBoxLayout()
        self.seed = QSpinBox()
        self.seed.setRange(0, 2 ** 31 - 1)
        self.seed.setValue(random.randrange(1, 100000))
        dice = QToolButton()
        dice.setText("Random")
        dice.setToolTip("A new random seed")
        dice.clicked.connect(lambda: self.seed.setValue(random.randrange(1, 2 ** 31 - 1)))
        seed_row.addWidget(self.seed, 1)
        seed_row.addWidget(dice)
        pform.addRow("Seed", seed_row)
        layout.addWidget(params)

        self.steer_box = QGroupBox("Melody steering")
        sform = QFormLayout(self.steer_box)
        self.key_combo = QComboBox()
        self.key_combo.addItems(KEYS)
        self.scale_combo = QComboBox()
        self.scale_combo.addItems(SCALE_NAMES)
        key_row = QHBoxLayout()
        key_row.addWidget(self.key_combo)
        key_row.addWidget(self.scale_combo, 1)
        sform.addRow("Key lock", key_row)
        self.low = QSpinBox()
        self.high = QSpinBox()
        for box, value in ((self.low, 48), (self.high, 83)):
            box.setRange(0, 127)
            box.setValue(value)
            box.valueChanged.connect(self._update_range_label)
        range_row = QHBoxLayout()
        range_row.addWidget(self.low)
        range_row.addWidget(QLabel("to"))
        range_row.addWidget(self.high)
        sform.addRow("Pitch range", range_row)
        self.range_label = QLabel()
        sform.addRow(self.range_label)
        self.avoid_copy = QCheckBox("Don't repeat the primer verbatim")
        sform.addRow(self.avoid_copy)
        layout.addWidget(self.steer_box)

        self.advanced = QGroupBox("Advanced (beam search)")
        self.advanced.setCheckable(True)
        self.advanced.setChecked(False)
        aform = QFormLayout(self.advanced)
        self.beam_size = QSpinBox()
        self.beam_size.setRange(1, 8)
        self.branch_factor = QSpinBox()
        self.branch_factor.setRange(1, 8)
        self.steps_per_iteration = QSpinBox()
        self.steps_per_iteration.setRange(1, 64)
        aform.addRow("Beam size", self.beam_size)
        aform.addRow("Branch factor", self.branch_factor)
        aform.addRow("Steps per iteration", self.steps_per_iteration)
        layout.addWidget(self.advanced)

        primer_box = QGroupBox("Primer")
        pl = QVBoxLayout(primer_box)
        self.primer_selection = QRadioButton("Selected notes, or the track up to the playhead")
        self.primer_selection.setChecked(True)
        self.primer_text_radio = QRadioButton("Magenta primer text")
        self.primer_text = QLineEdit()
        self.primer_text.setPlaceholderText("[60, -2, 60, -2, 67, -2, 67, -2]")
        self.primer_text.textEdited.connect(lambda _t: self.primer_text_radio.setChecked(True))
        self.primer_file_radio = QRadioButton("MIDI file…")
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
        buttons = QHBoxLayout()
        self.generate_button = QPushButton("Generate")
        self.generate_button.setObjectName("generate_button")
        self.generate_button.setDefault(True)
        self.generate_button.setShortcut("Ctrl+G")
        self.generate_button.setToolTip("Generate variations (Ctrl+G)")
        self.generate_button.clicked.connect(self._emit_generate)
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.setObjectName("cancel_button")
        self.cancel_button.setEnabled(False)
        self.cancel_button.clicked.connect(self.cancel_requested)
        buttons.addWidget(self.generate_button, 1)
        buttons.addWidget(self.cancel_button)
        actions.addLayout(buttons)
        self.regenerate_button = QPushButton("Regenerate region")
        self.regenerate_button.setObjectName("regenerate_button")
        self.regenerate_button.setToolTip("Rewrite the selected bars (or the loop region), keeping what follows")
        self.regenerate_button.clicked.connect(lambda: self.regenerate_requested.emit(self.settings()))
        actions.addWidget(self.regenerate_button)
        self.progress = QProgressBar()
        self.progress.setObjectName("generation_progress")
        self.progress.setTextVisible(True)
        self.progress.setValue(0)
        actions.addWidget(self.progress)
        self.status = QLabel("Draw or select a primer, then Generate.")
        self.status.setObjectName("generation_status")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextSelectableByMouse)
        actions.addWidget(self.status)
        outer.addLayout(actions)
        self._update_range_label()

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
        self.model_description.setText(config.description)
        self.steer_box.setEnabled(config.is_melody)
        if config.is_melody:
            self.primer_text.setPlaceholderText("[60, -2, 60, -2, 67, -2, 67, -2]")
        else:
            self.primer_text.setPlaceholderText("[(36, 42), (), (42,)]")
        if self._bundle_path:
            try:
                generator_id = bundle_header(Path(self._bundle_path))[0]
            except ValueError:
                generator_id = None
            if generator_id != config.id:
                self._bundle_path = None
        self._fill_bundle_combo()

    def _fill_bundle_combo(self) -> None:
        from composer_app.models.generate import shipped_bundle_path

        config = self.config
        self.bundle_combo.blockSignals(True)
        self.bundle_combo.clear()
        shipped = shipped_bundle_path(config.id)
        self.bundle_combo.addItem(f"Shipped: {shipped.name}" if shipped.exists() else "Shipped (not installed)",
                                  SHIPPED)
        recent = self._recent_bundles()
        if self._bundle_path and self._bundle_path not in recent:
            recent.insert(0, self._bundle_path)
        for path in recent:
            try:
                if bundle_header(Path(path))[0] == config.id:
                    self.bundle_combo.addItem(Path(path).name, path)
            except ValueError:
                continue
        self.bundle_combo.addItem("Open .mag…", "open")
        index = self.bundle_combo.findData(self._bundle_path) if self._bundle_path else 0
        self.bundle_combo.setCurrentIndex(max(index, 0))
        self.bundle_combo.blockSignals(False)
        self._show_bundle_info()

    def _recent_bundles(self) -> list[str]:
        if self._settings is None or not hasattr(self._settings, "recent_bundles"):
            return []
        return [p for p in self._settings.recent_bundles() if Path(p).exists()]

    def _on_bundle_activated(self, index: int) -> None:
        data = self.bundle_combo.itemData(index)
        if data == "open":
            path, _ = QFileDialog.getOpenFileName(self, "Open a Magenta bundle", "", "Magenta bundles (*.mag)")
            if path:
                self.use_bundle(path)
            else:
                self._fill_bundle_combo()
            return
        self._bundle_path = None if data == SHIPPED else data
        self._show_bundle_info()

    def use_bundle(self, path: str) -> bool:
        """Choose a user's bundle; a bundle of another model switches the model, an unreadable one is refused."""
        try:
            generator_id, _desc, _bdesc = bundle_header(Path(path))
        except ValueError as exc:
            self.show_error(str(exc))
            return False
        known = [c.id for c in all_configs()]
        if generator_id not in known:
            self.show_error(f"{Path(path).name} was made for {generator_id!r}, which this app does not know; "
                            f"known models: {', '.join(known)}")
            self._fill_bundle_combo()
            return False
        self._bundle_path = str(path)
        if self._settings is not None and hasattr(self._settings, "add_recent_bundle"):
            self._settings.add_recent_bundle(str(path))
        if generator_id != self.config.id:
            self.set_model(generator_id)  # refills the combo, keeping the bundle (it fits the new model)
            self.status.setText(f"Switched to {get_config(generator_id).title}: the bundle is for that model.")
        self._fill_bundle_combo()
        return True

    def _show_bundle_info(self) -> None:
        from composer_app.models.generate import shipped_bundle_path

        path = Path(self._bundle_path) if self._bundle_path else shipped_bundle_path(self.config.id)
        if not path.exists():
            self.bundle_info.setText("No bundle ships for this model yet: open a .mag bundle.")
            return
        try:
            generator_id, description, bundle_description = bundle_header(path)
        except ValueError as exc:
            self.bundle_info.setText(str(exc))
            return
        text = f"<b>{generator_id}</b>: {description}"
        if bundle_description:
            text += f"<br><i>{bundle_description}</i>"
        self.bundle_info.setText(text)

    def show_model_card(self) -> None:
        box = QMessageBox(self)
        box.setWindowTitle(f"Model card: {self.config.title}")
        box.setTextFormat(Qt.MarkdownText)
        box.setText(model_card_text(self.config.id, self._bundle_path))
        box.exec()

    # -- primer -------------------------------------------------------------------------------
    def _choose_primer_file(self, checked: bool) -> None:
        if not checked:
            return
        from composer_app.music.io import READABLE_SUFFIXES

        patterns = " ".join(f"*{s}" for s in READABLE_SUFFIXES)
        path, _ = QFileDialog.getOpenFileName(self, "Primer from a file", "", f"Music files ({patterns})")
        if path:
            self._primer_file = path
            self.primer_file_radio.setText(f"File: {Path(path).name}")
        elif not self._primer_file:
            self.primer_selection.setChecked(True)

    def _update_range_label(self) -> None:
        self.range_label.setText(f"{pitch_name(self.low.value())} to {pitch_name(self.high.value())}")

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
            config_id=self.config.id, bundle_path=self._bundle_path, length_bars=self.length_bars.value(),
            num_outputs=self.num_outputs.value(), temperature=round(self.temperature.value(), 3),
            beam_size=self.beam_size.value() if advanced else 1,
            branch_factor=self.branch_factor.value() if advanced else 1,
            steps_per_iteration=self.steps_per_iteration.value() if advanced else 1,
            seed=self.seed.value(), key=None if key_index == 0 else key_index - 1,
            scale=self.scale_combo.currentText(), low=min(self.low.value(), self.high.value()),
            high=max(self.low.value(), self.high.value()), avoid_primer_copy=self.avoid_copy.isChecked(),
            primer_source=source, primer_text=self.primer_text.text().strip(), primer_file=self._primer_file,
        )

    def _emit_generate(self) -> None:
        self.generate_requested.emit(self.settings())

    def set_busy(self, busy: bool, queued: int = 0) -> None:
        self.cancel_button.setEnabled(busy)
        self.generate_button.setText(f"Generate ({queued} queued)" if queued > 1 else "Generate")
        if not busy:
            self.progress.setRange(0, 100)

    def show_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self.progress.setFormat(f"{done} / {total} steps")

    def show_waiting(self, text: str) -> None:
        """An indeterminate bar while the model loads (TensorFlow's import cannot report progress)."""
        self.progress.setRange(0, 0)
        self.status.setText(text)

    def show_status(self, text: str) -> None:
        self.status.setStyleSheet("")
        self.status.setText(text)

    def show_error(self, text: str) -> None:
        self.status.setStyleSheet("color: #ff6b6b;")
        self.status.setText(text)
        self.message.emit(text)
