"""Absurd lengths never freeze the roll: bar arithmetic and grid lines cost what is visible, not the song's length."""

from __future__ import annotations

import json

from PySide6.QtWidgets import QMessageBox

from composer_app.errors import user_message
from composer_app.gui.roll.timeline import Bar, bars_between, steps_in_view, ticks_for_bars
from composer_app.gui.shell import dialogs
from composer_app.music.song import TimeSignature
from tests.music.time_limit import time_limit

SIGS = (TimeSignature(0, 4, 4), TimeSignature(7680, 3, 4))


def test_the_end_of_a_trillion_bars_is_computed_not_walked():
    """ticks_for_bars answers for 10^12 bars at once, bar lengths and signature changes included."""
    with time_limit(5, "ticks_for_bars"):
        assert ticks_for_bars(SIGS, 10**12) == 7680 + (10**12 - 2) * 2880
        assert ticks_for_bars(SIGS, 0) == 0 and ticks_for_bars(SIGS, 2) == 7680
        # A signature change mid-bar cuts that bar short; the next bar starts at the change.
        assert ticks_for_bars((TimeSignature(0, 4, 4), TimeSignature(5000, 3, 4)), 3) == 5000 + 2880


def test_grid_steps_are_listed_only_where_they_can_be_seen():
    """A bar of 10^12 ticks lists the few beat or grid lines inside the visible range, off the bar's own lines."""
    bar = Bar(start=0, number=1, length=10**12, beat=960)
    with time_limit(5, "steps_in_view"):
        assert list(steps_in_view(bar, 960, 10**9, 10**9 + 2000)) == [1_000_000_320, 1_000_001_280]
        assert list(steps_in_view(bar, 240, -500, 500)) == [240, 480]
        assert list(steps_in_view(Bar(0, 1, 3840, 960), 960, 0, 10**15)) == [960, 1920, 2880]


def test_bars_far_into_a_long_song_are_found_at_once():
    """bars_between skips to the visible range instead of walking from the first bar."""
    with time_limit(5, "bars_between"):
        bars = list(bars_between(SIGS, 10**12, 10**12 + 3000))
    assert [b.number for b in bars] == [(10**12 - 7680) // 2880 + 3, (10**12 - 7680) // 2880 + 4]


def test_opening_a_project_of_a_trillion_bars_keeps_the_song_and_window(window, tmp_path, monkeypatch):
    """The app says what is wrong with the file, keeps the open song, and its window still paints at once."""
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: shown.append((title, text)))
    monkeypatch.setattr(dialogs, "show_user_error",
                        lambda parent, title, error: shown.append((title, user_message(error))))
    path = tmp_path / "huge.composer"
    path.write_text(json.dumps({"format": "composer-project", "version": 1, "songs": [
        {"length_bars": 10**12, "tracks": [{"notes": [[0, 60, 480, 90]]}]}]}))
    before = window.document.song
    with time_limit(10, "opening and painting"):
        assert not window.files.open_path(path, ask=False)
        window.grab()
    assert window.document.song is before
    assert len(shown) == 1 and "huge.composer" in shown[0][1] and "length_bars" in shown[0][1]
