"""Tempo, time signature and length controls for the main tool bar, each change an undoable command."""

from __future__ import annotations

import itertools
from dataclasses import replace

from PySide6.QtWidgets import QComboBox, QDoubleSpinBox, QHBoxLayout, QLabel, QSpinBox, QWidget

from composer_app.gui.project.document import SongDocument
from composer_app.gui.shell.i18n import Retranslating, tr
from composer_app.music.song import TempoChange

_edit_sessions = itertools.count(1)


class SongControls(Retranslating, QWidget):
    """qpm, time signature and length in bars; shows the song's values and edits them through the document."""

    def __init__(self, document: SongDocument, parent: QWidget | None = None):
        super().__init__(parent)
        self.document = document
        self._session = next(_edit_sessions)
        self._updating = False
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 0, 6, 0)
        layout.setSpacing(4)
        self.tempo = QDoubleSpinBox(self)
        self.tempo.setObjectName("tempo")
        self.tempo.setRange(20.0, 300.0)
        self.tempo.setDecimals(1)
        self.numerator = QSpinBox(self)
        self.numerator.setRange(1, 32)
        self.denominator = QComboBox(self)
        for d in (2, 4, 8, 16):
            self.denominator.addItem(str(d), d)
        self.length = QSpinBox(self)
        self.length.setObjectName("length")
        self.length.setRange(1, 999)
        self.labels = [QLabel(self) for _ in range(4)]
        for label, widget in zip(self.labels, (self.tempo, self.numerator, self.denominator, self.length)):
            layout.addWidget(label)
            layout.addWidget(widget)
        self.retranslate()
        self.tempo.valueChanged.connect(self._set_tempo)
        self.numerator.valueChanged.connect(self._set_signature)
        self.denominator.currentIndexChanged.connect(self._set_signature)
        self.length.valueChanged.connect(self._set_length)
        for widget in (self.tempo, self.numerator, self.length):
            # Steps of one spin gesture merge into one undo step; finishing the edit starts a new one.
            widget.editingFinished.connect(self._new_session)
        document.state_changed.connect(self.refresh)
        self.refresh()

    def retranslate(self) -> None:
        """Labels, units and tips in the current language."""
        for label, text in zip(self.labels, (tr("Tempo"), tr("Time"), "/", tr("Length"))):
            label.setText(text)
        self.tempo.setSuffix(tr(" qpm"))
        self.tempo.setToolTip(tr("Tempo in quarter notes per minute"))
        self.numerator.setToolTip(tr("Beats per bar"))
        self.denominator.setToolTip(tr("Beat unit"))
        self.length.setSuffix(tr(" bars", "a unit after a number"))
        self.length.setToolTip(tr("Song length in bars (grows by itself when notes reach past the end)"))

    def _new_session(self) -> None:
        self._session = next(_edit_sessions)

    def refresh(self, *_args) -> None:
        song = self.document.song
        self._updating = True
        self.tempo.setValue(song.qpm)
        self.numerator.setValue(song.time_signature.numerator)
        row = self.denominator.findData(song.time_signature.denominator)
        if row < 0:
            self.denominator.addItem(str(song.time_signature.denominator), song.time_signature.denominator)
            row = self.denominator.count() - 1
        self.denominator.setCurrentIndex(row)
        self.length.setMinimum(1)
        self.length.setValue(self.document.length_bars)
        self._updating = False

    def _set_tempo(self, qpm: float) -> None:
        song = self.document.song
        if self._updating or abs(song.qpm - qpm) < 1e-6:
            return
        tempos = (TempoChange(0, float(qpm)),) + song.tempos[1:]
        self.document.edit_song(song.replace(tempos=tempos), tr("Set tempo to {0:g} qpm").format(qpm), ("tempo", self._session))

    def _set_signature(self, *_args) -> None:
        if self._updating:
            return
        song = self.document.song
        sig = replace(song.time_signature, numerator=self.numerator.value(),
                      denominator=int(self.denominator.currentData()))
        if sig != song.time_signature:
            self.document.edit_song(song.replace(time_signatures=(sig,) + song.time_signatures[1:]),
                                    tr("Set time signature to {0}").format(sig), ("signature", self._session))

    def _set_length(self, bars: int) -> None:
        if self._updating or bars == self.document.state.length_bars:
            return
        self.document.apply(self.document.state.replace(length_bars=bars), tr("Set length to %n bar(s)", "", bars),
                            ("length", self._session))
