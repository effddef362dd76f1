"""Chords of a lead sheet opened or imported in the app land in the chord lane (MusicXML harmony, MIDI text)."""

from __future__ import annotations

import mido

from composer_app.gui.project.file_actions import merge_tracks
from composer_app.music.song import ChordSymbol, Song, Track
from tests.music.leadsheets.xml_scores import lead_sheet


def _midi_with_chord_text(path):
    """A type-0 MIDI melody whose chords are text events on the melody's own track (as lead-sheet exports do)."""
    track = mido.MidiTrack()
    events = [(0, 0, mido.MetaMessage("text", text="C")), (1920, 0, mido.MetaMessage("text", text="Am7")),
              (3840, 0, mido.MetaMessage("text", text="G/B"))]
    for i, pitch in enumerate((60, 64, 67, 72, 71, 67, 62, 59)):
        events += [(i * 480, 2, mido.Message("note_on", note=pitch, velocity=90)),
                   (i * 480 + 480, 1, mido.Message("note_off", note=pitch, velocity=0))]
    now = 0
    for at, _order, msg in sorted(events, key=lambda e: (e[0], e[1])):
        track.append(msg.copy(time=at - now))
        now = at
    mido.MidiFile(type=0, ticks_per_beat=480, tracks=[track]).save(path)
    return path


def test_opening_a_midi_lead_sheet_fills_the_lane(window, tmp_path):
    """Text-event chords on a MIDI melody track become the song's chords, shown in the lane at their beats."""
    assert window.files.open_path(_midi_with_chord_text(tmp_path / "tune.mid"), ask=False)
    chords = [(c.tick, c.figure) for c in window.document.song.chords]
    assert chords == [(0, "C"), (3840, "Am7"), (7680, "G/B")]
    lane = window.editor.chord_lane
    assert lane.chord_at_x(window.editor.viewport.tick_to_x(3840) + 4) == 3840


def test_opening_a_musicxml_lead_sheet_fills_the_lane(window, tmp_path):
    """A MusicXML lead sheet's harmony elements are the song's chords once it is opened."""
    path = tmp_path / "tune.musicxml"
    path.write_text(lead_sheet())
    assert window.files.open_path(path, ask=False)
    assert [c.figure for c in window.document.song.chords][:3] == ["C", "F", "G"]


def test_importing_keeps_the_songs_chords_and_adopts_the_files_when_it_has_none():
    """merge_tracks takes the incoming chords only into a song without chords."""
    incoming = Song(tracks=(Track("Lead"),), chords=(ChordSymbol(0, "F"),))
    assert merge_tracks(Song(), incoming).chords == (ChordSymbol(0, "F"),)
    own = Song(chords=(ChordSymbol(0, "C"),))
    assert merge_tracks(own, incoming).chords == (ChordSymbol(0, "C"),)
