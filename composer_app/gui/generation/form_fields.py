"""Form pieces both generation panels use: rows whose labels follow the language, and the count and temperature boxes."""

from __future__ import annotations

from PySide6.QtWidgets import QDoubleSpinBox, QFormLayout, QLabel, QSpinBox

from composer_app.gui.shell.i18n import tr

MAX_OUTPUTS = 16


class TranslatedRows:
    """Form rows labelled by source strings, relabelled in the current language on retranslate()."""

    def __init__(self):
        self._labels: list[tuple[QLabel, str]] = []

    def add(self, form: QFormLayout, text: str, field) -> None:
        """A row of `form`: `text` (marked with QT_TR_NOOP by the caller, so lupdate sees it) beside `field`."""
        label = QLabel()
        self._labels.append((label, text))
        form.addRow(label, field)

    def retranslate(self) -> None:
        for label, text in self._labels:
            label.setText(tr(text))


def outputs_box(value: int = 4) -> QSpinBox:
    """How many results one press makes."""
    box = QSpinBox()
    box.setRange(1, MAX_OUTPUTS)
    box.setValue(value)
    return box


def temperature_box(value: float) -> QDoubleSpinBox:
    """The sampling temperature, 0.1 to 2 in tenths (the models' own defaults differ: 1.0 for RNNs, 0.5 for VAEs)."""
    box = QDoubleSpinBox()
    box.setRange(0.1, 2.0)
    box.setSingleStep(0.1)
    box.setValue(value)
    return box
