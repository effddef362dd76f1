"""MusicVAE in the Training tab as a teacher uses it: the class's own tunes, a tiny network, Start, watch loss,
reconstruction accuracy and KL, then the .tar opens in the Generate dock's MusicVAE tab and samples clips; Pause,
Resume and Use in Generate on a drum model. Training runs in the child process: this one never imports TensorFlow."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDockWidget, QMessageBox

from composer_app.gui.generation.musicvae.panel import SAMPLE
from composer_app.gui.shell.app import attach_features
from composer_app.gui.training import panel as panel_module
from composer_app.gui.training import process as process_module
from composer_app.gui.training.vae_choices import SIZES
from composer_app.music.events import melody_to_track
from composer_app.music.io import write_song
from composer_app.music.song import Song
from tests.models.training.tunes import write_beat

TRAIN_TIMEOUT_MS = 180_000  # the child imports TensorFlow and builds the step (half a minute on a busy laptop)
TINY = [i for i, size in enumerate(SIZES) if "z_size=4," in size[1]][0]


@pytest.fixture
def tunes(tmp_path) -> Path:
    """Five 8-bar melodies of quarter notes, as a class's MIDI files."""
    folder = tmp_path / "tunes"
    folder.mkdir()
    for k in range(5):
        rng = np.random.default_rng(k)
        events = [e for _ in range(32) for e in (60 + int(rng.integers(0, 12)), -2, -2, -2)]
        write_song(Song(tracks=(melody_to_track(events),)), folder / f"tune{k}.mid")
    return folder


@pytest.fixture
def app_window(window, monkeypatch):
    """The window with every feature attached; a training child still running is stopped afterwards. The child
    runs at the test's priority: at the app's lower one a machine busy with other work starves it for minutes."""
    monkeypatch.setattr(process_module, "CHILD_NICE", 0)
    # A test that fails while its child trains must not wait on the close question when its window closes.
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *_args: QMessageBox.Yes))
    attach_features(window)
    yield window
    if window.training is not None and window.training.is_running():
        window.training.stop_for_close()
    assert window.generation.shutdown()


def _choose(panel, config_id: str, folder: Path, output: Path, steps: int) -> None:
    """The MusicVAE model, the tiny size, one folder, a step count and where to save, as a user clicks them."""
    form = panel.form
    form.eval_ratio = 0.3
    form.model.setCurrentIndex(form.model.findData(config_id))
    assert form.is_vae() and form.output.placeholderText().endswith("(.tar) goes")
    form.size.setCurrentIndex(TINY)
    form.add_input(str(folder))
    form.steps.setValue(steps)
    form.output.setText(str(output))


def test_train_a_melody_vae_in_the_app_and_sample_with_it(app_window, qtbot, tunes, tmp_path):
    """Start trains in the child; the three MusicVAE charts fill (training and held-out), the .tar is written and
    loads in the MusicVAE tab by itself, and Sample makes clips with it."""
    panel = app_window.training
    output = tmp_path / "class_melodies.tar"
    _choose(panel, "cat-mel_2bar_small", tunes, output, steps=20)
    assert "z_size=4" in panel.form.choice().hparams and panel.form.choice().steps == 20
    QTest.mouseClick(panel.start_button, Qt.LeftButton)
    assert panel.state == panel_module.RUNNING
    qtbot.waitUntil(lambda: panel.state == panel_module.IDLE, timeout=TRAIN_TIMEOUT_MS)
    assert panel.result is not None, panel.status.text()
    assert output.is_file() and panel.result["bundle"] == str(output)
    assert "windows from 5 file(s)" in panel.reading.text()
    steps = [r["step"] for r in panel.history if "loss" in r]
    assert steps[0] == 1 and steps[-1] == 20
    titles = [chart.title for chart in panel.charts]
    assert titles == ["Loss", "Reconstruction accuracy", "KL divergence (bits)"]
    assert all(chart.train and chart.held_out for chart in panel.charts)
    assert "β" in panel.figures.text() and "held-out accuracy" in panel.figures.text()
    assert "Wrote class_melodies.tar after 20 steps" in panel.result_label.text()
    assert not panel.card_button.isVisible() and (panel.use_button.isVisible() or not panel.isVisible())
    generation = app_window.generation
    vae_panel = generation.vae_panel
    qtbot.waitUntil(lambda: vae_panel.path == str(output), timeout=60_000)
    assert vae_panel.config_combo.currentText() == "cat-mel_2bar_small"
    assert generation.shown_panel() is vae_panel
    vae_panel.tool_combo.setCurrentIndex(vae_panel.tool_combo.findData(SAMPLE))
    vae_panel.num_outputs.setValue(2)
    QTest.mouseClick(vae_panel.generate_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: len(generation.strip.sets) == 1 or "color" in vae_panel.status.styleSheet(),
                    timeout=60_000)
    assert len(generation.strip.cards) == 2, vae_panel.status.text()


def test_a_drum_vae_pauses_resumes_and_is_used_in_generate(app_window, qtbot, tmp_path):
    """Pause keeps a checkpoint; Resume goes on from it with the chart of the whole run (logged held-out figures
    included); Use in Generate brings the Generate dock forward with the .tar open in its MusicVAE tab."""
    for i in range(5):
        write_beat(tmp_path / "beats" / f"beat{i}.mid", variant=i * 7)
    panel = app_window.training
    output = tmp_path / "beats.tar"
    _choose(panel, "cat-drums_2bar_small", tmp_path / "beats", output, steps=2000)
    panel._launch(dataclasses.replace(panel.form.choice(), eval_every=5))  # Start, with held-out figures early
    qtbot.waitUntil(lambda: panel._last_step() >= 3, timeout=TRAIN_TIMEOUT_MS)
    panel.pause_or_resume()
    qtbot.waitUntil(lambda: panel.state == panel_module.PAUSED, timeout=TRAIN_TIMEOUT_MS)
    paused_at = panel._last_step()
    assert not output.exists() and (tmp_path / "beats.run" / "checkpoints" / "checkpoint").is_file()
    assert "Paused at step" in panel.status.text() and panel.pause_button.text() == "Resume"
    panel.choice = panel.choice.__class__(**{**panel.choice.to_dict(), "steps": paused_at + 25,
                                             "inputs": panel.choice.inputs})
    panel.pause_or_resume()
    assert [r["step"] for r in panel.history if "loss" in r][-1] == paused_at  # the logged part is on the chart
    assert any("eval_kl_bits" in r and r["step"] <= paused_at for r in panel.history)
    qtbot.waitUntil(lambda: panel.state == panel_module.IDLE, timeout=TRAIN_TIMEOUT_MS)
    assert panel.result is not None and panel.result["steps"] == paused_at + 25, panel.status.text()
    assert panel.charts[2].held_out and panel.charts[2].title == "KL divergence (bits)"
    generation = app_window.generation
    qtbot.waitUntil(lambda: generation.vae_panel.path == str(output), timeout=60_000)
    generation.show_panel(generation.panel)
    QTest.mouseClick(panel.use_button, Qt.LeftButton)
    assert generation.shown_panel() is generation.vae_panel
    dock = app_window.findChild(QDockWidget, "dock_generate_tabs")
    assert not dock.visibleRegion().isEmpty() or not app_window.isVisible()
    qtbot.waitUntil(lambda: not generation.vae_panel.cancel_button.isEnabled(), timeout=60_000)
    assert generation.vae_panel.config_combo.currentText() == "cat-drums_2bar_small"
