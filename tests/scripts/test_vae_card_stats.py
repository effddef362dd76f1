"""The MusicVAE cards' clip statistics: a plain rock beat and a scale read as what they are."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

from composer_app.music.events import melody_to_track
from composer_app.music.song import Note, Song, drum_track, ticks_per_step

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))

from vae_card_stats import JA_STATS, drum_stats, groove_stats, melody_stats, stats_table  # noqa: E402

STEP = ticks_per_step(4)


def _rock_beat(second_bar_fill: bool = False) -> Song:
    """Kick on beats 1 and 3, snare on 2 and 4, closed hi-hat on every 8th; a tom fill over the second bar's end."""
    notes = []
    for step in range(32):
        if step % 2 == 0:
            notes.append(Note(step * STEP, 42, STEP, 80))
        if step % 16 in (0, 8):
            notes.append(Note(step * STEP, 36, STEP, 100))
        if step % 16 in (4, 12):
            notes.append(Note(step * STEP, 38, STEP, 100))
    if second_bar_fill:
        notes += [Note(step * STEP, 45, STEP, 90) for step in range(28, 32)]
    return Song(tracks=(drum_track(notes=notes),))


def test_a_rock_beat_has_its_kick_on_the_beat_and_its_snare_on_two_and_four():
    """Every kick on a beat, every snare a backbeat, half the hits hi-hats, and the bars repeat exactly."""
    stats = drum_stats([_rock_beat()])
    assert stats["hits per clip (mean)"] == 24
    assert stats["fraction of kicks on a beat"] == 1.0 and stats["fraction of snares on beats 2 and 4"] == 1.0
    assert stats["fraction of hits: hi-hat (closed or open)"] == 16 / 24
    assert stats["fraction of 16th steps with a hit"] == 0.5
    assert stats["fraction of steps the second bar repeats the first"] == 1.0
    assert stats["distinct drums per clip (mean)"] == 3


def test_a_fill_shows_as_toms_and_a_second_bar_that_differs():
    """Four tom hits at the end of bar 2: toms get their share and four steps no longer repeat bar 1."""
    stats = drum_stats([_rock_beat(second_bar_fill=True)])
    assert stats["fraction of hits: toms"] == 4 / 28
    assert stats["fraction of steps the second bar repeats the first"] == 12 / 16


def test_melody_statistics_and_the_table_in_japanese():
    """A C-major scale in eighths is all in key with eight distinct pitches; the table names rows in Japanese."""
    events = []
    for pitch in (60, 62, 64, 65, 67, 69, 71, 72):
        events += [pitch, -2]
    ours = melody_stats([Song(tracks=(melody_to_track(events + [-1] * 16),))])
    assert ours["fraction of notes in key (best-fitting major key per clip)"] == 1.0
    assert ours["distinct pitches per clip (mean)"] == 8 and ours["median note length (16ths)"] == 2
    assert ours["fraction of the time silent"] == 0.5
    # As a 16-bar clip, the same two bars leave 15/16 of it silent (the card of a 16-bar model counts all 256 steps).
    long = melody_stats([Song(tracks=(melody_to_track(events + [-1] * 16),))], steps=256)
    assert long["fraction of the time silent"] == 1 - 16 / 256
    table = stats_table(ours, ours, JA_STATS)
    assert "調に合う音の割合" in table and "| 統計量 | サンプル | 評価用ウィンドウ |" in table
    assert all(key in JA_STATS for key in drum_stats([_rock_beat()]))


def test_groove_statistics_measure_the_distance_from_the_grid_and_the_dynamics():
    """Two hits a quarter of a 16th early, two on the grid: distance 0.125 16ths, half ahead; velocities 64/127."""
    hits, velocities, offsets = np.zeros((32, 9)), np.zeros((32, 9)), np.zeros((32, 9))
    hits[[0, 4, 8, 12], 0] = 1
    velocities[[0, 4, 8, 12], 0] = [1.0, 1.0, 0.0, 0.0]
    offsets[[0, 4], 0] = 0.5  # half-16ths: a quarter of a 16th ahead
    stats = groove_stats([(hits, velocities, offsets)])
    assert stats["hits per clip (mean)"] == 4 and stats["mean distance from the 16th grid (16ths)"] == 0.125
    assert stats["fraction of hits ahead of the grid"] == 0.5 and stats["fraction of hits behind the grid"] == 0
    assert stats["velocity (mean, MIDI)"] == 63.5 and stats["velocity spread (standard deviation, MIDI)"] == 63.5
    assert all(key in JA_STATS for key in stats)
