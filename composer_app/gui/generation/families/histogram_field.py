"""Performance RNN's pitch-class histogram as 12 small sliders (C to B), with key presets: major or minor of a key."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QGridLayout, QHBoxLayout, QLabel, QSlider, QVBoxLayout, QWidget

from composer_app.gui.shell.i18n import QT_TR_NOOP, Retranslating, tr
from composer_app.music.scales import NOTE_NAMES

MAX_WEIGHT = 10
MAJOR = (0, 2, 4, 5, 7, 9, 11)
MINOR = (0, 2, 3, 5, 7, 8, 10)
PRESETS = (QT_TR_NOOP("Custom"), QT_TR_NOOP("Even (all 12)"), QT_TR_NOOP("Major"), QT_TR_NOOP("Minor"))


def key_histogram(tonic: int, minor: bool) -> list[int]:
    """Weights for a key: the tonic strongest, the third and fifth next, the other scale tones lighter, the rest 0."""
    scale = MINOR if minor else MAJOR
    weights = [0] * 12
    for degree, interval in enumerate(scale):
        weights[(tonic + interval) % 12] = {0: 10, 2: 8, 4: 8}.get(degree, 5)
    return weights


class HistogramField(Retranslating, QWidget):
    """Twelve vertical sliders; the preset row sets them all at once (moving one turns the preset to Custom)."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        presets = QHBoxLayout()
        self.preset = QComboBox()
        self.preset.setObjectName("histogram_preset")
        for text in PRESETS:
            self.preset.addItem(text, text)
        self.key = QComboBox()
        self.key.setObjectName("histogram_key")
        self.key.addItems(NOTE_NAMES)
        presets.addWidget(self.preset, 1)
        presets.addWidget(self.key)
        layout.addLayout(presets)
        grid = QGridLayout()
        grid.setHorizontalSpacing(2)
        self.sliders: list[QSlider] = []
        for pc, name in enumerate(NOTE_NAMES):
            slider = QSlider(Qt.Vertical)
            slider.setObjectName(f"histogram_{pc}")
            slider.setRange(0, MAX_WEIGHT)
            slider.setValue(MAX_WEIGHT // 2)
            slider.setMinimumHeight(56)
            slider.valueChanged.connect(self._slider_moved)
            grid.addWidget(slider, 0, pc, Qt.AlignHCenter)
            label = QLabel(name)
            label.setAlignment(Qt.AlignCenter)
            grid.addWidget(label, 1, pc)
            self.sliders.append(slider)
        layout.addLayout(grid)
        self._applying = False
        self.preset.currentIndexChanged.connect(self._apply_preset)
        self.key.currentIndexChanged.connect(self._apply_preset)
        self.preset.setCurrentIndex(1)
        self.retranslate()

    def retranslate(self) -> None:
        for i in range(self.preset.count()):
            self.preset.setItemText(i, tr(self.preset.itemData(i)))
        self.setToolTip(tr("How much of each pitch class (C to B) the performance should use"))

    def values(self) -> list[float]:
        return [float(s.value()) for s in self.sliders]

    def set_key(self, tonic: int, minor: bool) -> None:
        """Choose the major or minor preset of a key (0 = C)."""
        self.key.setCurrentIndex(tonic % 12)
        self.preset.setCurrentIndex(3 if minor else 2)
        self._apply_preset()

    def _apply_preset(self, *_args) -> None:
        index = self.preset.currentIndex()
        self.key.setEnabled(index >= 2)
        if index == 0:
            return
        weights = [MAX_WEIGHT // 2] * 12 if index == 1 else key_histogram(self.key.currentIndex(), index == 3)
        self._applying = True
        for slider, weight in zip(self.sliders, weights):
            slider.setValue(weight)
        self._applying = False
        self.changed.emit()

    def _slider_moved(self, _value: int) -> None:
        if not self._applying:
            self.preset.blockSignals(True)
            self.preset.setCurrentIndex(0)
            self.preset.blockSignals(False)
            self.key.setEnabled(False)
            self.changed.emit()
