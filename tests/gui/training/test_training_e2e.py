"""Training in the app as a class does it: a folder of drum beats, a tiny drum model, Start, watch, then Generate
with the new bundle; and Pause, Resume after a restart, and the questions that guard files and a running run."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

from composer_app.gui.shell.app import attach_features
from composer_app.gui.training import panel as panel_module
from composer_app.gui.training.process import has_checkpoint
from composer_app.models.training.corpus import content_digest
from composer_app.models.training.dataset import split_by_source
from tests.gui.conftest import sample_song
from tests.models.training.tunes import write_beat

TRAIN_TIMEOUT_MS = 90_000  # the child imports TensorFlow (a few seconds), reads 6 files and trains 20 tiny steps


EVAL_RATIO = 0.3


@pytest.fixture
def beats(tmp_path) -> Path:
    """Six drum beats, chosen so that the trainer's content-hash split holds out two of them and trains on four."""
    folder = tmp_path / "beats"
    wanted = {"train": 4, "eval": 2}
    i = 0
    while any(wanted.values()):
        path = write_beat(folder / f"beat{i}.mid", variant=i)
        (split,) = split_by_source([content_digest(path)], EVAL_RATIO)
        if wanted[split]:
            wanted[split] -= 1
        else:
            path.unlink()
        i += 1
    return folder


@pytest.fixture
def app_window(window):
    """The window with every feature attached (sound off here), the generation pool stopped afterwards."""
    attach_features(window)
    yield window
    if window.training is not None and window.training.is_running():
        window.training.stop_for_close()
    assert window.generation.shutdown()


def _choose(panel, beats: Path, output: Path, steps: int = 20) -> None:
    """Drums RNN (drum kit), the tiny size, one folder, a step count and where to save: as a user clicks them."""
    form = panel.form
    form.eval_ratio = EVAL_RATIO
    form.model.setCurrentIndex(form.model.findData("drum_kit"))
    form.size.setCurrentIndex(2)
    form.add_input(str(beats))
    form.by_steps.setChecked(True)
    form.steps.setValue(steps)
    form.output.setText(str(output))


def _answer_question(qtbot, button_text: str) -> None:
    """Press the named button of the question the panel is about to show (run from a timer while it is open)."""
    def press():
        box = QApplication.activeModalWidget()
        assert box is not None, "no question appeared"
        (button,) = [b for b in box.findChildren(QPushButton) if b.text().replace("&", "") == button_text]
        button.click()
    from PySide6.QtCore import QTimer
    QTimer.singleShot(200, press)


def test_train_a_drum_model_in_the_app_and_generate_with_it(app_window, qtbot, beats, tmp_path):
    """Start trains in a child process; the chart fills, the bundle and its card are written, the Generate panel
    picks the bundle at once, and generating with it gives drum variations."""
    panel = app_window.training
    output = tmp_path / "my_drums.mag"
    _choose(panel, beats, output)
    QTest.mouseClick(panel.start_button, Qt.LeftButton)
    assert panel.state == panel_module.RUNNING and not panel.form.isEnabled()
    qtbot.waitUntil(lambda: panel.state == panel_module.IDLE, timeout=TRAIN_TIMEOUT_MS)
    assert panel.result is not None, panel.status.text()
    assert output.is_file() and output.with_suffix(".md").is_file()
    assert "read 6 file(s)" in panel.reading.text()
    steps = [r["step"] for r in panel.history]
    assert steps[0] == 0 and steps[-1] == 20
    loss_chart = panel.charts[0]
    assert loss_chart.train and loss_chart.held_out  # both series reached the chart
    assert panel.card_button.isVisible() or not panel.isVisible()
    gen = app_window.generation.panel
    assert gen.config.id == "drum_kit" and gen.bundle_picker.bundle_path == str(output)
    assert str(output.resolve()) in app_window.settings.recent_bundles()
    app_window.document.load_song(sample_song(), "sample")
    app_window.document.set_current_track(1)
    gen.num_outputs.setValue(2)
    gen.length_bars.setValue(2)
    QTest.mouseClick(gen.generate_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: len(app_window.generation.strip.sets) == 1, timeout=60_000)
    cards = app_window.generation.strip.cards
    assert len(cards) == 2 and all(card.view.is_drums for card in cards)


def test_pause_keeps_the_run_and_it_resumes_after_a_restart(app_window, qtbot, beats, tmp_path):
    """Pause stops with a checkpoint; a new panel on the same settings comes back paused and Resume finishes."""
    panel = app_window.training
    output = tmp_path / "paused.mag"
    _choose(panel, beats, output, steps=400)
    panel.start()
    qtbot.waitUntil(lambda: any(r.get("step", 0) >= 10 for r in panel.history), timeout=TRAIN_TIMEOUT_MS)
    panel.pause_or_resume()
    qtbot.waitUntil(lambda: panel.state == panel_module.PAUSED, timeout=TRAIN_TIMEOUT_MS)
    assert not output.exists() and (tmp_path / "paused.run" / "checkpoints" / "checkpoint").is_file()
    paused_at = panel._last_step()
    assert panel.pause_button.text() == "Resume"
    again = panel_module.TrainingPanel(app_window.settings)  # what the next start of the app builds
    qtbot.addWidget(again)
    assert again.state == panel_module.PAUSED and again.form.output.text() == str(output)
    assert again._last_step() == paused_at
    again.choice = again.choice.__class__(**{**again.choice.to_dict(), "steps": paused_at + 5,
                                             "inputs": again.choice.inputs})
    again.pause_or_resume()
    qtbot.waitUntil(lambda: again.state == panel_module.IDLE, timeout=TRAIN_TIMEOUT_MS)
    assert again.result is not None and again.result["steps"] == paused_at + 5, again.status.text()
    assert app_window.settings.paused_training() is None


def test_an_existing_bundle_is_replaced_only_when_the_user_says_so(app_window, qtbot, beats, tmp_path):
    """Start with an output that exists asks first; Cancel leaves the file alone and starts nothing."""
    panel = app_window.training
    output = tmp_path / "taken.mag"
    output.write_bytes(b"the user's bundle")
    _choose(panel, beats, output)
    _answer_question(qtbot, "Cancel")
    panel.start()
    assert panel.state == panel_module.IDLE and panel.job is None
    assert output.read_bytes() == b"the user's bundle"


def test_incomplete_choices_are_explained(app_window):
    """No folder, no output name, or a name without .mag: the panel says what is missing and starts nothing."""
    panel = app_window.training
    panel.start()
    assert "folder" in panel.status.text() and panel.job is None
    panel.form.add_input("/nowhere")
    panel.start()
    assert "save" in panel.status.text()
    panel.form.output.setText("/tmp/x.txt")
    panel.start()
    assert ".mag" in panel.status.text() and panel.job is None


def test_closing_while_training_asks_and_no_keeps_the_window(app_window, qtbot, beats, tmp_path, monkeypatch):
    """Closing the window during a run asks; No keeps the window open and the run going."""
    panel = app_window.training
    _choose(panel, beats, tmp_path / "close.mag", steps=2000)
    panel.start()
    qtbot.waitUntil(panel.is_running, timeout=10_000)
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a) or QMessageBox.No)
    app_window.document.undo_stack.setClean()
    assert not app_window.close()
    assert asked and panel.is_running()
    panel.stop_for_close()
    assert not panel.is_running()


def test_closing_waits_for_the_checkpoint_with_the_window_alive(app_window, qtbot, beats, tmp_path):
    """Stopping for close shows a dialog and keeps the event loop running until the child has saved and ended."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QProgressDialog

    panel = app_window.training
    _choose(panel, beats, tmp_path / "closing.mag", steps=2000)
    panel.start()
    qtbot.waitUntil(lambda: panel.is_running() and panel._last_step() > 0, timeout=60_000)
    seen = {"ticks": 0, "dialog": False}

    def tick():
        seen["ticks"] += 1
        dialog = app_window.findChild(QProgressDialog, "training_close_dialog")
        seen["dialog"] = seen["dialog"] or bool(dialog and dialog.isVisible())

    timer = QTimer(interval=20, timeout=tick)
    timer.start()
    panel.stop_for_close()
    timer.stop()
    assert not panel.is_running() and seen["ticks"] > 0 and seen["dialog"]
    assert has_checkpoint(panel.choice)
