"""The button beside the chord lane, in the keyboard's column: names the lane and offers to play its chords."""

from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QSizePolicy, QToolButton, QWidget

from composer_app.gui.chords.lane import ChordLane
from composer_app.gui.shell.i18n import Retranslating, tr
from composer_app.gui.shell.theme import DARK, Theme


class ChordsButton(Retranslating, QToolButton):
    """"Chords", with a menu whose action adds the track that plays the lane's chords."""

    def __init__(self, lane: ChordLane, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("chords_button")
        self.setPopupMode(QToolButton.InstantPopup)
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Fixed)
        self.play_action = QAction(self)
        self.play_action.setObjectName("play_chords_action")
        self.play_action.triggered.connect(lane.play_on_track)
        self.addAction(self.play_action)
        self.retranslate()
        self.set_theme(DARK)

    def set_theme(self, theme: Theme) -> None:
        self.setFixedHeight(theme.ruler_height)

    def retranslate(self) -> None:
        self.setText(tr("Chords"))
        self.setToolTip(tr("The chord lane: double-click it to type chords; this menu plays them"))
        self.play_action.setText(tr("Play chords on a track"))
        self.play_action.setToolTip(tr("Add a track named Chords that plays the lane's chords as block chords and "
                                       "follows every chord edit; mute it in the track list"))
