"""Event sequences from songs: the one primer reader that the app, the generate CLI and the scorer share."""

from __future__ import annotations

import pytest

from composer_app.models.errors import GenerationError
from composer_app.models.rnn.configs import get_config
from composer_app.models.rnn.extraction import extract_sequences, primer_track, track_events
from composer_app.music.song import PPQ, Note, Song, TimeSignature, Track, drum_track

STEP = PPQ // 4
BASIC, KIT = get_config("basic_rnn"), get_config("drum_kit")


def test_without_an_origin_events_start_at_the_bar_of_the_first_note():
    """As Magenta reads a primer file: a chord in bar 2 gives events from bar 2, its highest note kept."""
    bar = 16 * STEP
    track = Track(notes=(Note(bar + 2 * STEP, 60, 2 * STEP), Note(bar + 2 * STEP, 64, STEP)))
    assert track_events(track, BASIC) == [-2, -2, 64]  # Magenta ends a melody with its last note, no note-off


def test_with_an_origin_step_zero_is_the_origin_and_the_end_pads_with_silence():
    """Notes before the origin are left out; a late first note is preceded by silence; `end` sets the length."""
    track = Track(notes=(Note(0, 50, STEP), Note(8 * STEP, 60, STEP), Note(9 * STEP, 62, STEP)))
    events = track_events(track, BASIC, origin=4 * STEP, end=12 * STEP)
    assert events == [-2, -2, -2, -2, 60, 62, -2, -2]


def test_drum_events_are_sets_and_the_end_cuts():
    """Drum hits on one step form one event; events past `end` are cut."""
    track = drum_track(notes=[Note(0, 36, STEP), Note(0, 42, STEP), Note(2 * STEP, 38, STEP), Note(5 * STEP, 36, STEP)])
    assert track_events(track, KIT, origin=0, end=4 * STEP) == [
        frozenset({36, 42}), frozenset(), frozenset({38}), frozenset()]


def test_primer_track_merges_every_drum_track_for_a_drum_model():
    """Two drum tracks become one primer; a melody model takes the first melodic track with notes."""
    song = Song(tracks=(Track("Empty"), Track("Lead", notes=(Note(0, 67, PPQ),)),
                        drum_track(notes=[Note(0, 36, STEP)]), drum_track("Hats", notes=[Note(0, 42, STEP)])))
    assert sorted(n.pitch for n in primer_track(song, KIT, "x.mid").notes) == [36, 42]
    assert primer_track(song, BASIC, "x.mid").name == "Lead"


@pytest.mark.parametrize("config, kind", [(KIT, "drum"), (BASIC, "melody")])
def test_a_song_without_usable_notes_is_a_users_error_naming_the_file(config, kind):
    """Magenta drops such primers silently; here the user hears which file and what is missing."""
    with pytest.raises(GenerationError, match=f"tune.mid has no {kind} notes") as info:
        primer_track(Song(tracks=(Track("Empty"),)), config, "tune.mid")
    assert info.value.hint


def test_a_metre_without_whole_steps_is_skipped_and_counted():
    """7/16 at one_drum's 2 steps a quarter is not a whole bar: the song is skipped, not a crash."""
    song = Song(tracks=(drum_track(notes=[Note(0, 36, STEP)]),), time_signatures=(TimeSignature(0, 7, 16),))
    sequences, stats = extract_sequences(song, get_config("one_drum"))
    assert sequences == [] and stats["skipped_non_integer_steps_per_bar"] == 1
