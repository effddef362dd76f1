"""Pieces both generation panels use: translated form rows, count and temperature boxes, and the run controls."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QBoxLayout,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

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


ERROR_STYLE = "color: #ff6b6b;"


class RunControls:
    """Generate and Cancel, a progress bar and a status line, added to a panel's layout: what a run shows.

    `name` prefixes the widgets' object names; `extra` (e.g. Regenerate region) goes between buttons and bar."""

    def __init__(self, layout: QBoxLayout, name: str, on_run, on_cancel, extra: QWidget | None = None):
        buttons = QHBoxLayout()
        self.generate_button = QPushButton()
        self.generate_button.setObjectName(f"{name}generate_button")
        self.generate_button.setDefault(True)
        self.generate_button.clicked.connect(on_run)
        self.cancel_button = QPushButton()
        self.cancel_button.setObjectName(f"{name}cancel_button")
        self.cancel_button.setEnabled(False)
        self.cancel_button.clicked.connect(on_cancel)
        buttons.addWidget(self.generate_button, 1)
        buttons.addWidget(self.cancel_button)
        layout.addLayout(buttons)
        if extra is not None:
            layout.addWidget(extra)
        self.progress = QProgressBar()
        self.progress.setObjectName(f"{name}progress")
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        layout.addWidget(self.progress)
        self.status = QLabel()
        self.status.setObjectName(f"{name}status")
        self.status.setTextFormat(Qt.PlainText)  # messages quote file names and bundle text: never markup
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextSelectableByMouse)
        layout.addWidget(self.status)

    def set_busy(self, busy: bool) -> None:
        self.cancel_button.setEnabled(busy)
        if not busy and self.progress.maximum() == 0:
            # A bar left moving (a model loading) stops; a finished one keeps its full "32 / 32 steps".
            self.progress.setRange(0, 1)
            self.progress.setValue(0)

    def show_progress(self, done: int, total: int, text: str | None = None) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        if text is not None:
            self.progress.setFormat(text)

    def show_waiting(self, text: str) -> None:
        """A moving bar while a model loads: reading a checkpoint cannot report how far it is."""
        self.progress.setRange(0, 0)
        self.show_message(text)

    def show_message(self, text: str, error: bool = False) -> None:
        self.status.setStyleSheet(ERROR_STYLE if error else "")
        self.status.setText(text)


def scrolling_body(panel: QWidget) -> QVBoxLayout:
    """The panel's layout inside a vertical scroll area, so nothing is clipped on small screens or in projector
    mode; returns the layout to fill (8 px margins). The panel's own layout holds the scroll area, and what stays
    in view below it (the run controls) goes there."""
    outer = QVBoxLayout(panel)
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
    return layout
