"""Helpers of the Polyphony/Performance panel tests: the session, a recording player, drawing and generating."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from composer_app.gui.audio.audition import Auditioner
from tests.gui.roll_helpers import drag, point

FIXTURES = ("fixtures", "magenta-rnn2")


class RecordingPlayer:
    """Stands in for the audio player: remembers every song it is asked to preview."""

    def __init__(self):
        self.previews = []

    def preview(self, song, start_tick: int = 0) -> bool:
        self.previews.append((song, start_tick))
        return True


def recording_auditioner(generation) -> RecordingPlayer:
    """Give the generation controller an auditioner whose player records instead of sounding."""
    player = RecordingPlayer()
    generation.controller.auditioner = Auditioner(player)
    return player


def draw(window, notes) -> None:
    """Draw notes with the mouse: each a drag from its start to its end on its pitch's row."""
    editor = window.editor
    editor.viewport.scroll_to(left_tick=0, top_row=editor.viewport.lanes.row_of(84))
    for start, end, pitch in notes:
        drag(editor.canvas, point(editor, start, pitch), point(editor, end, pitch, x_offset=-3))
    editor.state.clear_selection()  # the whole track is the primer, not the last note drawn


def run_panel(qtbot, generation, panel):
    """Click the panel's Generate and wait for its result set; returns the queued job."""
    queued = []
    generation.controller.queue.job_queued.connect(queued.append)
    sets = len(generation.strip.sets)
    QTest.mouseClick(panel.generate_button, Qt.LeftButton)
    assert queued, panel.status.text()
    qtbot.waitUntil(lambda: len(generation.strip.sets) == sets + 1, timeout=120_000)
    return queued[-1]
