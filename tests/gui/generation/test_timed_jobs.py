"""The pure parts of the Polyphony/Performance jobs: voices kept under the melody, key presets, placement in time."""

from __future__ import annotations

from composer_app.gui.generation.families.histogram_field import key_histogram
from composer_app.models.rnn.timed_jobs import voices_below
from composer_app.music.song import Note


def test_only_voices_under_the_sounding_melody_note_are_kept():
    """A note at or above the melody note sounding where it starts is dropped; one in a rest is compared with the
    last melody note; notes are cut at the melody's end and none after it survives."""
    melody = [Note(0, 72, 960), Note(960, 76, 960), Note(2880, 74, 960)]
    generated = [Note(0, 72, 240), Note(0, 60, 1200), Note(0, 79, 240), Note(960, 75, 240), Note(960, 76, 240),
                 Note(1920, 70, 240), Note(1920, 77, 240), Note(3600, 50, 960), Note(3840, 48, 240)]
    kept = voices_below(generated, melody, 3840)
    assert kept == [Note(0, 60, 1200), Note(960, 75, 240), Note(1920, 70, 240), Note(3600, 50, 240)]


def test_key_presets_weigh_tonic_then_third_and_fifth_over_other_scale_tones():
    """G major: G strongest, B and D next, the other four scale tones lighter, the five outside notes zero."""
    weights = key_histogram(7, minor=False)
    assert weights[7] == 10 and weights[11] == weights[2] == 8
    assert [weights[pc] for pc in (9, 0, 4, 6)] == [5, 5, 5, 5]
    assert [weights[pc] for pc in (1, 3, 5, 8, 10)] == [0] * 5
    assert key_histogram(9, minor=True)[0] == 8  # A minor: C is the third
