"""The Training form's "learn from windows" choice: whole pieces as Magenta does, or windows of N events.

Long pieces (chorales, piano performances) make few updates an hour when learnt whole; windows make many more, and
the held-out curve still scores whole pieces. `composer-app train --window N` is the same choice.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QSizePolicy, QSpinBox, QWidget

from composer_app.gui.shell.i18n import Retranslating, tr

DEFAULT_WINDOW = 256  # what the shipped Polyphony model learnt from
MIN_WINDOW = 8  # the trainer refuses shorter windows
MAX_WINDOW = 100_000


class WindowChoice(Retranslating, QWidget):
    """A tick box and a length: `value()` is 0 for whole pieces, else the window length in events."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.enabled = QCheckBox(objectName="training_window_on")
        self.length = QSpinBox(objectName="training_window")
        self.length.setRange(MIN_WINDOW, MAX_WINDOW)
        self.length.setValue(DEFAULT_WINDOW)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.enabled)
        row.addWidget(self.length, 1)
        self.setSizePolicy(QSizePolicy.Preferred, QSizePolicy.Fixed)  # one line, however tall the form is
        self.enabled.toggled.connect(self._toggled)
        self.length.valueChanged.connect(self.changed)
        self._toggled(False)
        self.retranslate()

    def retranslate(self) -> None:
        self.enabled.setText(tr("Learn from windows of"))
        self.length.setSuffix(tr(" events"))
        tip = tr("Cuts long pieces (chorales, piano performances) into windows, which gives many more training steps "
                 "an hour. Off: whole pieces, as Magenta learns. Held-out figures always score whole pieces.")
        for widget in (self, self.enabled, self.length):
            widget.setToolTip(tip)

    def _toggled(self, on: bool) -> None:
        self.length.setEnabled(on)
        self.changed.emit()

    def value(self) -> int:
        """The window length in events, 0 for whole pieces."""
        return self.length.value() if self.enabled.isChecked() else 0

    def set_value(self, window: int) -> None:
        """Show a saved choice: 0 (or less) for whole pieces."""
        if window > 0:
            self.length.setValue(window)
        self.enabled.setChecked(window > 0)
