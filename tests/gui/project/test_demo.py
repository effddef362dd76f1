"""The demo project: it opens on the very first start only, Help › Open Demo brings it back, and its hint shows."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication

from composer_app.gui.project.demo import FirstStepsBar, demo_song
from composer_app.gui.shell import app
from composer_app.gui.shell.settings import AppSettings


def test_the_demo_has_a_tune_and_a_beat():
    """Four bars of melody and a drum pattern that fills the same four bars."""
    song = demo_song()
    melody, drums = song.tracks
    assert not melody.is_drum and drums.is_drum
    bar = 4 * 960
    assert len(melody.notes) >= 12 and max(n.start for n in melody.notes) < 4 * bar
    assert {36, 38, 42} <= {n.pitch for n in drums.notes} and max(n.start for n in drums.notes) >= 3 * bar


def _start_app(seen: list, monkeypatch, qtbot) -> None:
    """app.run with no files, its event loop replaced by the test's; records what the window shows once the
    features (and the demo, if any) are in place."""
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # run() installs its bug reporter; put it back after
    monkeypatch.setattr(QApplication, "exec", lambda self: 0)  # return at once; qtbot runs the events below
    windows = []
    assert app.run([], on_window=windows.append) == 0
    (window,) = windows
    try:
        qtbot.waitUntil(lambda: window.training is not None, timeout=30_000)  # after the first paint
        bar = window.findChild(FirstStepsBar)
        seen.append((window.document.song, bar is not None and bar.isVisible(), window.document.display_name,
                     window.document.is_dirty))
    finally:
        window.document.undo_stack.setClean()
        if window.generation is not None:
            window.generation.shutdown()
        window.close()
        window.deleteLater()


def test_first_start_opens_the_demo_and_later_starts_do_not(qtbot, monkeypatch):
    """The first start shows the demo and its first-steps bar, clean; the second starts with an empty song."""
    assert AppSettings().is_first_start()
    seen: list = []
    _start_app(seen, monkeypatch, qtbot)
    song, hint_shown, name, dirty = seen[0]
    assert song == demo_song() and hint_shown and name == "Demo" and not dirty
    assert not AppSettings().is_first_start()
    _start_app(seen, monkeypatch, qtbot)
    song, hint_shown, _name, _dirty = seen[1]
    assert not hint_shown and not any(t.notes for t in song.tracks)


def test_help_open_demo_brings_it_back(window):
    """Help › Open Demo loads the demo and shows the hint again after it was put away."""
    window.action_open_demo.trigger()
    bar = window.findChild(FirstStepsBar)
    assert window.document.song == demo_song() and bar.isVisible()
    bar.close_button.click()
    assert not bar.isVisible()
    window.document.new()
    window.action_open_demo.trigger()
    assert bar.isVisible() and window.findChildren(FirstStepsBar) == [bar]
