"""Helpers of the Polyphony/Performance panel tests: the session, a recording player, drawing and generating, and
shipped bundles put where the app looks for them."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from composer_app.gui.audio.audition import Auditioner
from composer_app.models.checkpoints.bundle_proto import parse_bundle, serialize_bundle
from composer_app.models.rnn.bundle_description import TrainingFacts
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


# The lines scripts/finish_shipped_bundle.py writes into the shipped bundles (training data and its licence first).
SHIPPED_LINES = {
    "polyphony": TrainingFacts(sequences=3312, steps=4000, data="408 Bach chorales of music21's corpus (public domain)",
                               perplexity=2.917, accuracy=0.651).line(),
    "performance_with_dynamics": TrainingFacts(
        sequences=1021, steps=3000, data="ASAP piano performances (CC BY-NC-SA 4.0: non-commercial use only)",
        kept_step=2750, perplexity=6.204, accuracy=0.412).line(),
}


def ship(folder: Path, config_id: str, bundle: Path) -> Path:
    """Put a copy of `bundle` in `folder` as the app's shipped bundle of config_id: with the line a shipped bundle
    carries, and an English and a Japanese model card beside it."""
    raw = parse_bundle(bundle.read_bytes())
    path = folder / f"{config_id}.mag"
    path.write_bytes(serialize_bundle(dataclasses.replace(raw, bundle_description=SHIPPED_LINES[config_id])))
    (folder / f"{config_id}.md").write_text(f"# {config_id}\n\n## Data\nThe card of the shipped {config_id}.\n",
                                            encoding="utf-8")
    (folder / f"{config_id}.ja.md").write_text(f"# {config_id}\n\n## データ\n同梱の {config_id} のカード。\n",
                                               encoding="utf-8")
    return path


def ship_from(monkeypatch, folder: Path) -> None:
    """Make the app look for its shipped Polyphony and Performance bundles in `folder` (those not put there are not
    installed); the other models' stay the app's own."""
    from composer_app.models.rnn import bundle
    from composer_app.models.rnn.configs import get_config

    real = bundle.shipped_bundle_path

    def shipped_bundle_path(config_id: str) -> Path:
        timed = get_config(config_id).family in ("polyphony", "performance")
        return folder / f"{config_id}.mag" if timed else real(config_id)

    monkeypatch.setattr(bundle, "shipped_bundle_path", shipped_bundle_path)
