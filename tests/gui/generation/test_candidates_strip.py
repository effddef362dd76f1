"""A candidate card: a click selects it, and a real press-and-move on it drags the variation out as MIDI."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from composer_app.gui.audio import dragout
from composer_app.gui.generation.candidates_strip import CandidateCard, CandidateView
from composer_app.music.song import Note, Song, Track


def _card(qtbot) -> CandidateCard:
    notes = (Note(0, 60, 480, 90), Note(480, 64, 480, 90))
    view = CandidateView(3, 1, Song(tracks=(Track("Melody", notes=notes),)), notes[1:], 480, "T 1 · seed 7")
    card = CandidateCard(view)
    qtbot.addWidget(card)
    card.show()
    qtbot.waitExposed(card)
    return card


def test_pressing_and_moving_on_a_card_drags_its_variation(qtbot, monkeypatch):
    """Mouse events sent to the card itself (not a helper) start a drag of that candidate's song."""
    started = []
    monkeypatch.setattr(dragout, "start_midi_drag", lambda widget, song, name: started.append((widget, song, name)))
    card = _card(qtbot)
    QTest.mousePress(card, Qt.LeftButton, Qt.NoModifier, QPoint(20, 20))
    QTest.mouseMove(card, QPoint(80, 24))
    assert started == [(card, card.view.song, "candidate-3-2")]


def test_a_click_without_moving_selects_and_does_not_drag(qtbot, monkeypatch):
    """A press and release in place emits selected once and never starts a drag."""
    started, selected = [], []
    monkeypatch.setattr(dragout, "start_midi_drag", lambda *args: started.append(args))
    card = _card(qtbot)
    card.selected.connect(selected.append)
    QTest.mouseClick(card, Qt.LeftButton, Qt.NoModifier, QPoint(20, 20))
    QTest.mouseMove(card, QPoint(80, 24))  # moving after the release is not a drag
    assert selected == [card.view] and started == []
