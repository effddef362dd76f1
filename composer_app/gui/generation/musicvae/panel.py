"""The MusicVAE side of the Generate dock: a Magenta checkpoint, the tool it offers (Sample, Groove, Interpolate),
its parameters, and Generate/Cancel with progress. It only collects settings; VaeController runs them."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QSlider,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from composer_app.gui.generation.form_fields import RunControls, TranslatedRows, outputs_box, temperature_box
from composer_app.gui.generation.model_texts import model_text
from composer_app.gui.generation.musicvae.checkpoints import VaeCheckpoints
from composer_app.gui.generation.musicvae.clips import ClipPickers
from composer_app.gui.generation.seed_field import SeedField
from composer_app.gui.shell.i18n import QT_TR_NOOP, Retranslating, tr
from composer_app.music.scales import NOTE_NAMES, SCALE_CHOICES, SCALES

SAMPLE, GROOVE, INTERPOLATE, VARIATIONS = "sample", "groove", "interpolate", "variations"
TOOLS = ((SAMPLE, QT_TR_NOOP("Sample new clips")), (GROOVE, QT_TR_NOOP("Groove the drum track")),
         (INTERPOLATE, QT_TR_NOOP("Interpolate from clip A to clip B")),
         (VARIATIONS, QT_TR_NOOP("Variations of a clip")))
KINDS = {"melody": QT_TR_NOOP("melody"), "drums": QT_TR_NOOP("drums"), "nade": QT_TR_NOOP("drums"),
         "trio": QT_TR_NOOP("trio: melody, bass and drums"), "groove": QT_TR_NOOP("GrooVAE drums")}
GROOVE_TEXTS = {  # what each GrooVAE variant does to a drum part
    "groovae_2bar_humanize": QT_TR_NOOP("Humanize: timing and dynamics for a quantized drum part"),
    "groovae_2bar_tap_fixed_velocity": QT_TR_NOOP("Drumify (tap2drum): a tapped rhythm becomes a full groove"),
    "groovae_2bar_add_closed_hh": QT_TR_NOOP("Add hi-hat: a closed hi-hat over the drum part"),
    "groovae_4bar": QT_TR_NOOP("Humanize in 4-bar windows"),
    "groovae_2bar_hits_control_tfds": QT_TR_NOOP("Regroove keeping the hits (hits control)"),
}
KEYS = (QT_TR_NOOP("Off"), *NOTE_NAMES)


@dataclass(frozen=True)
class VaeSettings:
    """Everything the panel collects for one run of a tool."""

    path: str
    config_id: str
    tool: str
    num_outputs: int
    temperature: float
    seed: int
    # Interpolation ends: track indices (-1: the current track), music files' paths or bars taken from a selection
    # (clips.bars_value).
    track_a: int | str = -1
    track_b: int | str = -1
    similarity: float = 0.75  # variations: 1 repeats the clip, 0 forgets it
    pitches: frozenset[int] | None = None  # melody steering: the pitches a melody may use (None: any)
    keep_hits: bool = False  # humanize: the part's own hits, only their timing and dynamics change


class VaePanel(Retranslating, QWidget):
    """Checkpoint and config pickers, the tool, its parameters and the run controls."""

    open_requested = Signal(str)  # a checkpoint path the user chose
    shipped_requested = Signal(str, str)  # a shipped checkpoint's path and config id, chosen in the list
    config_chosen = Signal(str, str)  # checkpoint path, config id (among the ones its tensors cannot tell apart)
    run_requested = Signal(object)  # VaeSettings
    cancel_requested = Signal()
    scrubbed = Signal(int)  # a point of the last interpolation, 0 (clip A) .. n - 1 (clip B)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("VaePanel")
        self._status = ""
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        self._rows = TranslatedRows()
        self.model_box = QGroupBox()
        form = QFormLayout(self.model_box)
        self.checkpoints = VaeCheckpoints(self, self.open_requested.emit, self.shipped_requested.emit,
                                          self._fill_configs)
        self.checkpoint_combo, self.card_button = self.checkpoints.combo, self.checkpoints.card_button
        self._rows.add(form, QT_TR_NOOP("Checkpoint"), self.checkpoint_combo)
        self.config_combo = QComboBox()
        self.config_combo.setObjectName("vae_config_combo")
        self.config_combo.activated.connect(self._on_config)
        self._rows.add(form, QT_TR_NOOP("Config"), self.config_combo)
        self.info = QLabel()
        self.info.setObjectName("vae_info")
        self.info.setTextFormat(Qt.PlainText)
        self.info.setWordWrap(True)
        form.addRow(self.info)
        form.addRow(self.card_button)
        layout.addWidget(self.model_box)

        self.tool_box = QGroupBox()
        tform = QFormLayout(self.tool_box)
        self.tool_combo = QComboBox()
        self.tool_combo.setObjectName("vae_tool_combo")
        for tool, _text in TOOLS:
            self.tool_combo.addItem("", tool)
        self.tool_combo.currentIndexChanged.connect(self._update_tool)
        self._rows.add(tform, QT_TR_NOOP("Tool"), self.tool_combo)
        self.num_outputs = outputs_box()
        self._rows.add(tform, QT_TR_NOOP("Clips"), self.num_outputs)
        self.temperature = temperature_box(0.5)
        self._rows.add(tform, QT_TR_NOOP("Temperature"), self.temperature)
        self.seed = SeedField()
        self._rows.add(tform, QT_TR_NOOP("Seed"), self.seed)
        self.keep_hits = QCheckBox(objectName="vae_keep_hits", checked=True)
        self.keep_hits.toggled.connect(self._update_tool)
        tform.addRow(self.keep_hits)
        self.clips = ClipPickers(self)
        self.track_a, self.track_b = self.clips.a, self.clips.b
        self._rows.add(tform, QT_TR_NOOP("Clip A"), self.track_a)
        self._rows.add(tform, QT_TR_NOOP("Clip B"), self.track_b)
        self.similarity = QDoubleSpinBox(objectName="vae_similarity", decimals=2, singleStep=0.05, value=0.75)
        self.similarity.setRange(0.0, 1.0)
        self._rows.add(tform, QT_TR_NOOP("Similarity"), self.similarity)
        self._tool_form = tform
        # Melody steering, as the RNN panel's: a key (with its scale) and a pitch range.
        self.key_combo, self.scale_combo = QComboBox(objectName="vae_key"), QComboBox(objectName="vae_scale")
        self.key_combo.addItems(KEYS)
        for scale in SCALE_CHOICES:
            self.scale_combo.addItem(scale, scale)
        key_row = QHBoxLayout()
        key_row.addWidget(self.key_combo)
        key_row.addWidget(self.scale_combo, 1)
        self._key_row = QWidget()
        self._key_row.setLayout(key_row)
        key_row.setContentsMargins(0, 0, 0, 0)
        self._rows.add(tform, QT_TR_NOOP("Key lock"), self._key_row)
        self.low, self.high = QSpinBox(objectName="vae_low"), QSpinBox(objectName="vae_high")
        range_row = QHBoxLayout()
        range_row.setContentsMargins(0, 0, 0, 0)
        for box, value in ((self.low, 21), (self.high, 108)):
            box.setRange(21, 108)  # what MusicVAE's melody models play
            box.setValue(value)
            range_row.addWidget(box)
        self._range_row = QWidget()
        self._range_row.setLayout(range_row)
        self._rows.add(tform, QT_TR_NOOP("Pitch range"), self._range_row)
        # Along the last interpolation: each position shows its clip over the roll and plays it in the song.
        self.scrub = QSlider(Qt.Horizontal, objectName="vae_scrub", minimum=0, maximum=0, pageStep=1)
        self.scrub.valueChanged.connect(self.scrubbed)
        self._rows.add(tform, QT_TR_NOOP("A → B"), self.scrub)
        self.tool_help = QLabel()
        self.tool_help.setObjectName("vae_tool_help")
        self.tool_help.setWordWrap(True)
        self.tool_help.setTextFormat(Qt.PlainText)
        tform.addRow(self.tool_help)
        layout.addWidget(self.tool_box)
        layout.addStretch(1)

        self.run = RunControls(layout, "vae_", self._emit_run, self.cancel_requested)
        self.run.generate_button.setDefault(False)
        self.generate_button, self.cancel_button = self.run.generate_button, self.run.cancel_button
        self.progress, self.status = self.run.progress, self.run.status
        self._fill_checkpoints()
        self.retranslate()

    def retranslate(self) -> None:
        """Every text in the current language."""
        if hasattr(self, "clips"):  # the clip lists end with "The selected notes' bars" and "A file…"
            self.clips.refresh()
        self.key_combo.setItemText(0, tr(KEYS[0]))
        for i in range(self.scale_combo.count()):
            self.scale_combo.setItemText(i, model_text(self.scale_combo.itemData(i)))
        self._rows.retranslate()
        self.model_box.setTitle(tr("MusicVAE"))
        self.tool_box.setTitle(tr("Tool"))
        for i, (_tool, text) in enumerate(TOOLS):
            self.tool_combo.setItemText(i, tr(text))
        self.temperature.setToolTip(tr("Lower is safer and more repetitive; higher is more surprising"))
        self.keep_hits.setText(tr("Keep my hits: change only their timing and dynamics"))
        self.keep_hits.setToolTip(tr("Off, the model also decides which hits to play, as in Magenta, and may drop "
                                     "or add some; the temperature sets how freely"))
        self.num_outputs.setToolTip(tr("How many clips (or interpolation steps, both ends included) to make"))
        self.generate_button.setText(tr("Generate"))
        self.cancel_button.setText(tr("Cancel"))
        self._fill_checkpoints()
        self._update_tool()
        if not self._status and self.checkpoints.shipped:
            self.status.setText(tr("Choose a checkpoint the app ships, or open a Magenta MusicVAE checkpoint (a .tar, "
                                   "a checkpoint's .index file or a training folder), or drop one on the window."))
        elif not self._status:
            self.status.setText(tr("Open a Magenta MusicVAE checkpoint (a .tar, a checkpoint's .index file or a "
                                   "training folder), or drop one on the window."))

    def showEvent(self, event) -> None:
        # Loading waits until the tab is first looked at: the app starts no faster or slower for it.
        super().showEvent(event)
        self.checkpoints.load_preselected()

    # -- checkpoints ------------------------------------------------------------------------
    @property
    def path(self) -> str | None:
        return self.checkpoints.path

    @property
    def _kinds(self) -> dict[str, tuple[str, str, tuple[str, ...]]]:
        """path -> (kind, config id, look-alikes) of each loaded checkpoint."""
        return self.checkpoints.kinds

    def add_checkpoint(self, path: str, kind: str, config_id: str, alike: tuple[str, ...]) -> None:
        """List a loaded checkpoint, choose it, and offer the configs its tensors cannot tell apart."""
        self.checkpoints.add(path, kind, config_id, alike)
        self._fill_configs()

    def _fill_checkpoints(self) -> None:
        self.checkpoints.fill()
        self._fill_configs()

    def _fill_configs(self) -> None:
        combo = self.config_combo
        combo.blockSignals(True)
        combo.clear()
        path = self.path
        if path is not None:
            kind, config_id, alike = self._kinds[path]
            for cid in alike or (config_id,):
                combo.addItem(cid, cid)
            combo.setCurrentIndex(max(0, combo.findData(config_id)))
            combo.setEnabled(len(alike) > 1)
            combo.setToolTip(tr("The checkpoint's tensors fit these configs alike: choose the one it was trained "
                                "as") if len(alike) > 1 else "")
        else:
            combo.setEnabled(False)
        combo.blockSignals(False)
        self._update_tool()

    def _on_config(self, _index: int) -> None:
        path, config_id = self.path, self.config_combo.currentData()
        if path is not None and config_id:
            kind, _old, alike = self._kinds[path]
            self._kinds[path] = (kind, config_id, alike)
            self.config_chosen.emit(path, config_id)
            self._update_tool()

    # -- tools ------------------------------------------------------------------------------------
    @property
    def tool(self) -> str:
        return self.tool_combo.currentData()

    def _update_tool(self, *_args) -> None:
        path = self.path
        kind, config_id, _alike = self._kinds[path] if path else ("", "", ())
        # A GrooVAE grooves a part; the other configs sample and interpolate.
        allowed = {GROOVE} if kind == "groove" else {SAMPLE, INTERPOLATE, VARIATIONS} if kind else set()
        model = self.tool_combo.model()
        for i in range(self.tool_combo.count()):
            model.item(i).setEnabled(self.tool_combo.itemData(i) in allowed)
        if allowed and self.tool not in allowed:
            self.tool_combo.setCurrentIndex(self.tool_combo.findData(min(allowed)))
        tool = self.tool
        for box in (self.track_a, self.track_b):
            self._tool_form.setRowVisible(box, tool == INTERPOLATE)  # the clips' rows only where they count
        self._tool_form.setRowVisible(self.similarity, tool == VARIATIONS)
        keeping = tool == GROOVE and kind == "groove" and config_keeps_hits(config_id)
        self._tool_form.setRowVisible(self.keep_hits, keeping)
        # Kept hits leave nothing to draw: one groove, whatever the clips and temperature say.
        fixed = keeping and self.keep_hits.isChecked()
        self.temperature.setEnabled(not fixed)
        self.seed.setEnabled(not fixed)
        for row in (self._key_row, self._range_row):
            self._tool_form.setRowVisible(row, kind == "melody")
        self._tool_form.setRowVisible(self.scrub, tool == INTERPOLATE and self.scrub.maximum() > 0)
        self.num_outputs.setEnabled(bool(kind) and not fixed)
        self.generate_button.setEnabled(bool(kind))
        if not kind:
            self.info.setText("")
            self.tool_help.setText("")
            return
        self.info.setText(tr("{0}, {1}").format(tr(KINDS.get(kind, kind)), config_id))
        if tool == GROOVE:
            self.tool_help.setText(tr(GROOVE_TEXTS.get(config_id, "")) + "\n" + tr(
                "Grooves the selected drum notes' bars, the loop region, or else the whole drum track, in the "
                "model's windows; the bars outside stay as they are."))
        elif tool == VARIATIONS:
            self.tool_help.setText(tr("Clips like the one at the selection (or the playhead's bar) on the current "
                                      "track: similarity 1 repeats it as the model hears it, 0 forgets it."))
        elif tool == INTERPOLATE:
            self.tool_help.setText(tr("Clips go from A to B: tracks at the selection or playhead, a selection's "
                                      "bars, or files."))
        else:
            self.tool_help.setText(tr("New clips from the model, placed at the playhead (or the selection) when "
                                      "kept."))

    def set_tracks(self, names: list[str], current: int) -> None:
        """The tracks clip A and clip B can come from (clips.ClipPickers)."""
        self.clips.set_tracks(names, current)

    def settings(self) -> VaeSettings | None:
        path = self.path
        if path is None:
            return None
        return VaeSettings(path, self._kinds[path][1], self.tool, self.num_outputs.value(),
                           round(self.temperature.value(), 3), self.seed.value(),
                           *self.clips.values(),
                           round(self.similarity.value(), 3), self._pitches(),
                           self.tool == GROOVE and self.keep_hits.isChecked()
                           and config_keeps_hits(self._kinds[path][1]))

    def _pitches(self) -> frozenset[int] | None:
        """The pitches the key lock and range allow, or None when they allow every pitch."""
        low, high = sorted((self.low.value(), self.high.value()))
        key = self.key_combo.currentIndex() - 1  # 0 is "Off"
        steps = SCALES[self.scale_combo.currentData()] if key >= 0 else tuple(range(12))
        if key < 0 and (low, high) == (self.low.minimum(), self.high.maximum()):
            return None
        return frozenset(p for p in range(low, high + 1) if (p - max(key, 0)) % 12 in steps)

    def _emit_run(self) -> None:
        self.seed.seed_for_next_run()
        settings = self.settings()
        if settings is not None:
            self.run_requested.emit(settings)

    def show_scrub(self, points: int) -> None:
        """Offer the slider along an interpolation of `points` clips (0 hides it), at clip A."""
        self.scrub.blockSignals(True)
        self.scrub.setRange(0, max(0, points - 1))
        self.scrub.setValue(0)
        self.scrub.blockSignals(False)
        self._tool_form.setRowVisible(self.scrub, self.tool == INTERPOLATE and points > 1)

    # -- state shown while running ------------------------------------------------------------
    def set_busy(self, busy: bool) -> None:
        self.run.set_busy(busy)

    def show_progress(self, done: int, total: int) -> None:
        self.run.show_progress(done, total)

    def show_waiting(self, text: str) -> None:
        self._status = text
        self.run.show_waiting(text)

    def show_status(self, text: str) -> None:
        self._status = text
        self.run.show_message(text)

    def show_error(self, text: str) -> None:
        self._status = text
        self.run.show_message(text, error=True)


def config_keeps_hits(config_id: str) -> bool:
    """Whether a GrooVAE config can keep a part's hits (humanize and its kin; not tap2drum or add-hi-hat)."""
    from composer_app.models.errors import ModelError
    from composer_app.models.musicvae.configs import get_config
    from composer_app.models.musicvae.groove_song import keeps_hits

    try:
        return keeps_hits(get_config(config_id))
    except ModelError:  # an unknown id: nothing to keep
        return False
