"""Pressing Generate again gives new variations: a new seed each press unless locked, and each card shows its seed."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel

from composer_app.gui.generation.candidates_strip import CandidateCard, CandidateView
from composer_app.gui.generation.model_panel import ModelPanel
from composer_app.music.song import Note, Song, Track


@pytest.fixture
def panel(qtbot):
    widget = ModelPanel()
    qtbot.addWidget(widget)
    widget.show()
    return widget


def _presses(panel, *buttons) -> list:
    """The settings each click on `buttons` sent, in order."""
    sent = []
    panel.generate_requested.connect(sent.append)
    panel.regenerate_requested.connect(sent.append)
    for button in buttons:
        QTest.mouseClick(button, Qt.LeftButton)
    return sent


def test_each_generate_press_uses_a_new_seed_and_shows_it(qtbot, panel):
    """Three presses send three different seeds; the field shows the one the last press used."""
    sent = _presses(panel, *[panel.generate_button] * 3)
    seeds = [s.seed for s in sent]
    assert len(set(seeds)) == 3
    assert panel.seed.value() == seeds[-1]


def test_a_locked_seed_is_repeated(qtbot, panel):
    """With the lock on, every press (Generate or Regenerate region) uses the seed in the field."""
    panel.seed.setValue(1234)
    panel.seed_lock.setChecked(True)
    sent = _presses(panel, panel.generate_button, panel.generate_button, panel.regenerate_button)
    assert [s.seed for s in sent] == [1234, 1234, 1234]


def test_typing_a_seed_locks_it(qtbot, panel):
    """A seed typed by the user is the one wanted: the lock turns on, and the next press uses it."""
    editor = panel.seed.spin.lineEdit()
    editor.selectAll()
    QTest.keyClicks(editor, "777")
    assert panel.seed_lock.isChecked()
    sent = _presses(panel, panel.generate_button)
    assert sent[0].seed == 777


def test_a_result_card_shows_the_seed_that_made_it(qtbot):
    """A card's caption names its temperature and seed, so a class can lock that seed and get the set again."""
    notes = (Note(0, 60, 480, 90),)
    view = CandidateView(1, 0, Song(tracks=(Track("Melody", notes=notes),)), notes, 0, "", seed=4242,
                         temperature=0.8)
    card = CandidateCard(view)
    qtbot.addWidget(card)
    caption = card.findChild(QLabel, "candidate_caption")
    assert "seed 4242" in caption.text() and "T 0.8" in caption.text()
    assert "4242" in caption.toolTip()


def test_history_keeps_each_cards_seed(qtbot, window):
    """A result set saved in the project and read back still shows its seed on every card."""
    from composer_app.gui.generation.session import attach_generation

    session = attach_generation(window)
    notes = (Note(0, 60, 480, 90),)
    view = CandidateView(1, 0, Song(tracks=(Track("Melody", notes=notes),)), notes, 0, "label", seed=99,
                         temperature=1.0)
    from composer_app.gui.generation.candidates_strip import ResultSet

    session.strip.add_set(ResultSet(1, "set", [view], {"settings": {}, "placement": {}}))
    history = session.controller.history_json()
    window.document.set_candidates(history)
    session.controller._restore_history()
    restored = session.strip.sets[0].candidates[0]
    assert (restored.seed, restored.temperature) == (99, 1.0)

