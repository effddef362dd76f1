"""Excerpts and exported MIDI: the right notes, aligned to bars, and files that other readers accept."""

from __future__ import annotations

from audio_songs import four_track_song

from composer_app.audio.excerpt import bar_end, bar_start, excerpt, write_excerpt_midi
from composer_app.music.io import read_song
from composer_app.music.midi_io import write_midi
from composer_app.music.song import PPQ, ChordSymbol, Note, Song, TempoChange, TimeSignature, Track


def _notes(song: Song) -> list[list[tuple[int, int, int, int]]]:
    return [[(n.start, n.pitch, n.duration, n.velocity) for n in t.notes] for t in song.tracks]


def _arrangement() -> Song:
    song = four_track_song(4)
    return song.replace(
        tempos=(TempoChange(0, 110), TempoChange(8 * PPQ, 96)),
        time_signatures=(TimeSignature(0, 4, 4), TimeSignature(12 * PPQ, 3, 4)),
        chords=(ChordSymbol(0, "C"), ChordSymbol(4 * PPQ, "Am")),
        title="Arrangement",
    )


def test_exported_smf_reimports_to_the_same_notes(tmp_path):
    """A four-track song with drums, tempo and metre changes comes back with identical notes and programs."""
    song = _arrangement()
    path = write_midi(song, tmp_path / "song.mid")
    back = read_song(path)
    assert _notes(back) == _notes(song)
    assert [(t.program, t.is_drum) for t in back.tracks] == [(t.program, t.is_drum) for t in song.tracks]
    assert [(t.tick, round(t.qpm, 3)) for t in back.tempos] == [(t.tick, t.qpm) for t in song.tempos]


def test_exported_smf_parses_in_mido_and_music21(tmp_path):
    """mido reads every note-on, and music21 parses the file with the same number of pitched and drum notes."""
    import mido
    import music21

    song = _arrangement()
    path = write_midi(song, tmp_path / "song.mid")
    mid = mido.MidiFile(str(path))
    ons = [m for t in mid.tracks for m in t if m.type == "note_on" and m.velocity > 0]
    assert len(ons) == song.note_count
    score = music21.converter.parse(str(path))
    pitches = sum(len(n.pitches) for n in score.recurse().notes)
    unpitched = len(list(score.recurse().getElementsByClass("Unpitched")))
    assert pitches + unpitched >= song.note_count - sum(len(t.notes) for t in song.tracks if t.is_drum)
    assert len(score.parts) >= len(song.tracks) - 1


def test_excerpt_of_chosen_tracks():
    """Choosing tracks keeps just those, in order, with every note."""
    song = _arrangement()
    part = excerpt(song, tracks=[2, 0])
    assert [t.name for t in part.tracks] == ["Melody", "Bass"]
    assert _notes(part) == [_notes(song)[0], _notes(song)[2]]


def test_excerpt_of_a_range_starts_at_zero_and_cuts_notes_at_the_end():
    """A range [bar 2, bar 3) moves to tick 0, keeps the tempo in force there, and shortens notes that overrun."""
    song = _arrangement()
    part = excerpt(song, start=4 * PPQ, end=8 * PPQ)
    assert all(n.start >= 0 and n.end <= 4 * PPQ for t in part.tracks for n in t.notes)
    chords = part.tracks[1].notes
    assert chords and all(n.start == 0 and n.duration == 4 * PPQ - 40 for n in chords)
    assert part.tempos[0].qpm == 110 and len(part.tempos) == 1
    assert [c.figure for c in part.chords] == ["Am"]


def test_excerpt_of_selected_notes_lines_up_with_bars():
    """Selected notes become a song starting at the bar line before the first of them."""
    song = Song(tracks=(Track(notes=(Note(100, 60, 100), Note(5 * PPQ, 64, 480), Note(6 * PPQ, 67, 480))),))
    chosen = [(0, song.tracks[0].notes[1]), (0, song.tracks[0].notes[2])]
    part = excerpt(song, selected=chosen)
    assert _notes(part) == [[(PPQ, 64, 480, 100), (2 * PPQ, 67, 480, 100)]]


def test_excerpt_follows_metre_changes_for_its_bar_line():
    """In 3/4 after a 4/4 bar, the bar line before a note is found in 3/4 bars."""
    song = Song(
        tracks=(Track(notes=(Note(4 * PPQ + 3 * PPQ + PPQ // 2, 60, 240),)),),
        time_signatures=(TimeSignature(0, 4, 4), TimeSignature(4 * PPQ, 3, 4)),
    )
    part = excerpt(song, selected=[(0, song.tracks[0].notes[0])])
    assert part.tracks[0].notes[0].start == PPQ // 2
    assert str(part.time_signatures[0]) == "3/4"


def test_write_excerpt_midi_round_trips(tmp_path):
    """An excerpt written to MIDI reads back to the excerpt's notes."""
    song = _arrangement()
    path = write_excerpt_midi(song, tmp_path / "bass.mid", tracks=[2])
    assert _notes(read_song(path)) == _notes(excerpt(song, tracks=[2]))


def test_bar_lines_around_a_tick_follow_metre_changes():
    """bar_start/bar_end find the bar lines around a tick, in 4/4 and then 3/4."""
    song = Song(time_signatures=(TimeSignature(0, 4, 4), TimeSignature(4 * PPQ, 3, 4)))
    assert (bar_start(song, 100), bar_end(song, 100)) == (0, 4 * PPQ)
    assert (bar_start(song, 4 * PPQ), bar_end(song, 4 * PPQ)) == (4 * PPQ, 4 * PPQ)
    assert (bar_start(song, 8 * PPQ), bar_end(song, 8 * PPQ + 1)) == (7 * PPQ, 10 * PPQ)
    assert bar_end(song, 0) == 0
