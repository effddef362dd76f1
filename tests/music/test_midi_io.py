"""Standard MIDI File import and export: formats, tracks, drums, tempo, and atomic writes."""

import mido
import pytest

from composer_app.music.errors import MusicFileError
from composer_app.music.midi_io import midi_bytes, read_midi, write_midi
from composer_app.music.song import PPQ, ChordSymbol, Note, Song, TempoChange, TimeSignature, Track, drum_track


def _song():
    melody = Track("Lead", program=73, channel=0, notes=(Note(0, 60, PPQ, 90), Note(PPQ, 60, PPQ // 2, 70)))
    bass = Track("Bass", program=33, channel=1, notes=(Note(0, 36, 2 * PPQ, 100),))
    drums = drum_track(notes=(Note(0, 36, PPQ // 4), Note(0, 42, PPQ // 4), Note(PPQ // 2, 38, PPQ // 4)))
    return Song(
        tracks=(melody, bass, drums),
        tempos=(TempoChange(0, 96.0), TempoChange(8 * PPQ, 140.0)),
        time_signatures=(TimeSignature(0, 3, 4), TimeSignature(6 * PPQ, 4, 4)),
        chords=(ChordSymbol(0, "Am"), ChordSymbol(3 * PPQ, "E7")),
        title="Test song",
    )


def test_export_is_type1_with_named_tracks(tmp_path):
    """Export writes a type-1 file: a conductor track, then one named MTrk per track, drums on channel 10."""
    path = write_midi(_song(), tmp_path / "s.mid")
    mid = mido.MidiFile(path)
    assert mid.type == 1 and mid.ticks_per_beat == PPQ
    names = [next(m.name for m in t if m.type == "track_name") for t in mid.tracks]
    assert names == ["Test song", "Lead", "Bass", "Drums", "Chords"]
    untitled = mido.MidiFile(write_midi(_song().replace(title=""), tmp_path / "u.mid"))
    assert not [m for m in untitled.tracks[0] if m.type == "track_name"]
    drum_channels = {m.channel for m in mid.tracks[3] if m.type == "note_on"}
    assert drum_channels == {9}
    programs = [m.program for t in mid.tracks for m in t if m.type == "program_change"]
    assert programs == [73, 33]
    tempos = [round(mido.tempo2bpm(m.tempo), 3) for m in mid.tracks[0] if m.type == "set_tempo"]
    assert tempos == [96.0, 140.0]


def test_round_trip_keeps_everything(tmp_path):
    """A song written and read back has the same notes, programs, drums, tempo map, metre and chords."""
    song = _song()
    back = read_midi(write_midi(song, tmp_path / "s.mid"))
    assert [t.notes for t in back.tracks] == [t.notes for t in song.tracks]
    assert [(t.name, t.program, t.is_drum) for t in back.tracks] == [(t.name, t.program, t.is_drum) for t in song.tracks]
    assert back.tempos == song.tempos
    assert back.time_signatures == song.time_signatures
    assert back.chords == song.chords
    assert back.title == "Test song"


def test_repeated_notes_stay_separate(tmp_path):
    """A note ending where the next same-pitch note starts survives as two notes."""
    t = Track(notes=(Note(0, 64, PPQ), Note(PPQ, 64, PPQ)))
    back = read_midi(write_midi(Song(tracks=(t,)), tmp_path / "r.mid"))
    assert back.tracks[0].notes == t.notes


def test_type0_multichannel_file_splits_into_tracks(tmp_path):
    """A type-0 file with a melody and drums on different channels becomes two tracks."""
    mid = mido.MidiFile(type=0, ticks_per_beat=480)
    tr = mido.MidiTrack()
    tr += [
        mido.MetaMessage("set_tempo", tempo=mido.bpm2tempo(100), time=0),
        mido.Message("program_change", channel=2, program=40, time=0),
        mido.Message("note_on", channel=2, note=67, velocity=80, time=0),
        mido.Message("note_on", channel=9, note=36, velocity=100, time=0),
        mido.Message("note_off", channel=9, note=36, velocity=0, time=120),
        mido.Message("note_off", channel=2, note=67, velocity=0, time=360),
    ]
    mid.tracks.append(tr)
    mid.save(tmp_path / "t0.mid")
    song = read_midi(tmp_path / "t0.mid")
    kinds = sorted((t.is_drum, t.program, [(n.pitch, n.start, n.duration) for n in t.notes]) for t in song.tracks)
    assert kinds == [(False, 40, [(67, 0, PPQ)]), (True, 0, [(36, 0, PPQ // 4)])]
    assert song.qpm == pytest.approx(100.0)


def test_other_resolutions_are_rescaled(tmp_path):
    """A 1024-PPQ file lands on the project's PPQ within one source tick."""
    mid = mido.MidiFile(type=1, ticks_per_beat=1024)
    tr = mido.MidiTrack()
    tr += [mido.Message("note_on", note=60, velocity=64, time=333), mido.Message("note_off", note=60, time=1000)]
    mid.tracks.append(tr)
    mid.save(tmp_path / "r.mid")
    (n,) = read_midi(tmp_path / "r.mid").tracks[0].notes
    assert abs(n.start * 1024 / PPQ - 333) <= 1 and abs(n.end * 1024 / PPQ - 1333) <= 1


def test_failed_write_leaves_no_partial_file(tmp_path, monkeypatch):
    """When saving fails midway the target is untouched and no temporary file is left behind."""
    target = tmp_path / "keep.mid"
    target.write_bytes(b"old contents")

    def boom(fd):  # the disk fills once the bytes are written, before they reach it
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("composer_app.atomic_file.os.fsync", boom)
    with pytest.raises(MusicFileError, match="No space left"):
        write_midi(_song(), target)
    assert target.read_bytes() == b"old contents"
    assert [p.name for p in tmp_path.iterdir()] == ["keep.mid"]


def test_unwritable_folder_is_a_clear_error(tmp_path):
    """Writing into a folder that does not exist names the file and the problem."""
    with pytest.raises(MusicFileError, match="cannot write"):
        write_midi(_song(), tmp_path / "missing" / "x.mid")


def test_midi_bytes_parse():
    """The in-memory SMF used for drag-out is a valid MIDI file."""
    import io

    mid = mido.MidiFile(file=io.BytesIO(midi_bytes(_song())))
    assert len(mid.tracks) == 5
