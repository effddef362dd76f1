"""The demo project the first start opens (Help › Open Demo brings it back), with a hint of the three steps.

The tune and the beat were written for this app, note by note, so that a class has something to hear and a primer
to generate from before it has any music of its own.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QToolBar, QWidget

from composer_app.gui.shell.i18n import Retranslating, tr
from composer_app.music.song import PPQ, Note, Song, Track, drum_track

EIGHTH = PPQ // 2
# (pitch, length in eighths): four bars in C major, a question and its answer.
TUNE = ((64, 2), (67, 2), (69, 2), (67, 2),
        (64, 2), (62, 2), (60, 4),
        (62, 2), (64, 2), (67, 1), (69, 1), (72, 2),
        (71, 2), (67, 2), (60, 4))
KICK, SNARE, CLOSED_HAT, OPEN_HAT = 36, 38, 42, 46


def demo_song(bars: int = 4) -> Song:
    """The demo: the tune on a piano and a rock beat with a little fill in its last bar."""
    melody, tick = [], 0
    for pitch, eighths in TUNE:
        melody.append(Note(tick, pitch, eighths * EIGHTH - 60, 92))  # a little gap: the notes are heard apart
        tick += eighths * EIGHTH
    drums = []
    for bar in range(bars):
        start = bar * 4 * PPQ
        for eighth in range(8):
            t = start + eighth * EIGHTH
            last = bar == bars - 1 and eighth >= 6
            drums.append(Note(t, OPEN_HAT if last and eighth == 7 else CLOSED_HAT, 120, 70 + 15 * (eighth % 2 == 0)))
            if eighth in (0, 5) or (eighth == 3 and bar % 2):
                drums.append(Note(t, KICK, 120, 105))
            if eighth in (2, 6) or (last and eighth == 7):
                drums.append(Note(t, SNARE, 120, 100))
    piano = Track("Melody", program=0, channel=0, notes=tuple(melody))
    return Song(tracks=(piano, drum_track(notes=drums)))


class FirstStepsBar(Retranslating, QToolBar):
    """A bar above the roll: the three steps of generating, and a button to put it away."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("toolbar_first_steps")
        self.setMovable(False)
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(8, 2, 8, 2)
        self.label = QLabel(objectName="first_steps")
        self.label.setTextFormat(Qt.RichText)
        self.close_button = QPushButton(objectName="first_steps_close")
        self.close_button.clicked.connect(self.hide)
        row.addWidget(self.label, 1)
        row.addWidget(self.close_button)
        self.addWidget(box)
        self.retranslate()

    def retranslate(self) -> None:
        """The steps and the button in the current language."""
        self.setWindowTitle(tr("First steps"))
        steps = (tr("Draw or play a primer (or keep the demo's)"), tr("Choose a model in the Generate panel"),
                 tr("Press Generate (Ctrl+G) and listen to the variations"))
        self.label.setText("  →  ".join(f"<b>{i}.</b> {text}" for i, text in enumerate(steps, start=1)))
        self.close_button.setText(tr("Got it"))


def open_demo(window) -> None:
    """Load the demo into the window (unsaved, nothing to save) and show the first-steps bar."""
    window.document.load_song(demo_song(), tr("Demo"))
    bar = window.findChild(FirstStepsBar)
    if bar is None:
        bar = FirstStepsBar(window)
        window.addToolBarBreak(Qt.TopToolBarArea)
        window.addToolBar(Qt.TopToolBarArea, bar)
    bar.show()
    viewport = window.editor.viewport
    viewport.scroll_to(left_tick=0, top_row=viewport.lanes.row_of(max(p for p, _ in TUNE) + 2))
