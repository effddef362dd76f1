"""The scheduler: note events at the right frames, in a safe order, on the right channels, with mute and solo."""

from __future__ import annotations

import numpy as np

from composer_app.audio.schedule import NOTE_OFF, NOTE_ON, Schedule, TrackMix, audible_tracks, channel_plan
from composer_app.audio.synth import AUDITION_CHANNEL, AUDITION_DRUM_CHANNEL
from composer_app.music.song import Note, Song, TempoChange, Track, drum_track

RATE = 44100


def test_events_follow_the_tempo_map():
    """Event frames equal Song.tick_to_seconds × rate, across tempo changes."""
    notes = [Note(t, 60, 100) for t in (0, 500, 960, 1700, 4000, 7777)]
    song = Song(tracks=(Track(notes=tuple(notes)),), tempos=(TempoChange(0, 120), TempoChange(960, 75.5),
                                                             TempoChange(4000, 200)))
    sched = Schedule(song, RATE)
    ons = sched.frames[sched.kinds == NOTE_ON]
    expected = [round(song.tick_to_seconds(n.start) * RATE) for n in notes]
    assert ons.tolist() == expected
    assert sched.end_frame == round(song.tick_to_seconds(7877) * RATE)


def test_note_off_sorts_before_note_on_at_the_same_frame():
    """A repeated note's off comes before the next on, so the second note is not cut."""
    song = Song(tracks=(Track(notes=(Note(0, 60, 480), Note(480, 60, 480))),))
    sched = Schedule(song, RATE)
    at = sched.frames == sched.frames[2]
    assert sched.kinds[at].tolist() == [NOTE_OFF, NOTE_ON]


def test_zero_length_note_still_ends_after_it_starts():
    """A zero-duration note gets its off one frame after its on, never before (no hanging note)."""
    song = Song(tracks=(Track(notes=(Note(960, 64, 0),)),))
    sched = Schedule(song, RATE)
    assert sched.kinds.tolist() == [NOTE_ON, NOTE_OFF]
    assert sched.frames[1] == sched.frames[0] + 1


def test_every_track_gets_its_own_channel_drums_on_percussion_slots():
    """Tracks never share a channel; drum tracks sit where FluidSynth expects percussion; audition channels stay free."""
    tracks = tuple([Track(name=f"t{i}", channel=0) for i in range(20)] + [drum_track(), drum_track()])
    plan = channel_plan(tracks)
    assert len(set(plan)) == len(plan)
    assert all(ch % 16 == 9 for ch in plan[20:])
    assert all(ch % 16 != 9 for ch in plan[:20])
    assert AUDITION_CHANNEL not in plan and AUDITION_DRUM_CHANNEL not in plan


def test_mute_and_solo_rules():
    """Mute silences a track; any solo silences the unsoloed tracks; mute beats solo."""
    assert audible_tracks([], 3) == [True, True, True]
    assert audible_tracks([TrackMix(mute=True)], 2) == [False, True]
    assert audible_tracks([TrackMix(), TrackMix(solo=True), TrackMix()], 3) == [False, True, False]
    assert audible_tracks([TrackMix(solo=True, mute=True), TrackMix()], 2) == [False, False]


def test_volume_maps_to_channel_volume():
    """Volume 0..1 maps to CC 7 values 0..127, clamped."""
    assert TrackMix(volume=1.0).cc_volume == 127
    assert TrackMix(volume=0.5).cc_volume == 64
    assert TrackMix(volume=-1).cc_volume == 0
    assert TrackMix(volume=3).cc_volume == 127


def test_sounding_at_finds_held_notes_only():
    """Notes that started before a frame and still hold are found; ones starting exactly there are not."""
    song = Song(tracks=(Track(notes=(Note(0, 60, 1920), Note(960, 62, 480), Note(1920, 64, 480))),))
    sched = Schedule(song, RATE)
    held = sched.sounding_at(sched.tick_to_frame(1200))
    assert sorted(int(sched.note_pitches[i]) for i in held) == [60, 62]
    assert sched.sounding_at(sched.tick_to_frame(960)).tolist() == [0]


def test_empty_song_has_no_events():
    """An empty song schedules nothing and ends at frame 0."""
    sched = Schedule(Song(), RATE)
    assert len(sched) == 0 and sched.end_frame == 0
    assert sched.index_at(1000) == 0
    assert isinstance(sched.frames, np.ndarray)
