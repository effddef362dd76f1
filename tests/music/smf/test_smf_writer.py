"""The SMF writer writes the bytes mido writes for the same song (this app exported through mido before), for titles,
metres, tempos, drums, chords, UTF-8 names, repeated notes and channel clashes."""

import io

import mido
import pytest

from composer_app.music.smf.writer import CHORD_TRACK_NAME, export_channels, song_smf_bytes
from composer_app.music.song import (
    PPQ,
    ChordSymbol,
    Note,
    Song,
    TempoChange,
    TimeSignature,
    Track,
    drum_track,
)


def mido_bytes(song: Song) -> bytes:
    """The file as this app wrote it through mido (its export until the writer replaced it)."""
    buf = io.BytesIO()
    song_to_midi_file(song).save(file=buf)
    return buf.getvalue()


def song_to_midi_file(song: Song):
    """mido's type-1 MidiFile for a song, built as the app's exporter did."""
    # UTF-8, as today's DAWs write it: Latin-1 (mido's default) cannot hold a title such as 歌.
    mid = mido.MidiFile(type=1, ticks_per_beat=PPQ, charset="utf-8")
    # The first track's name is the song's title in type-1 files, so an untitled song leaves it unnamed.
    conductor = [(0, 0, mido.MetaMessage("track_name", name=song.title, time=0))] if song.title else []
    for sig in song.time_signatures:
        conductor.append(
            (sig.tick, 1, mido.MetaMessage("time_signature", numerator=sig.numerator,
                                           denominator=sig.denominator, time=0))
        )
    for tempo in song.tempos:
        conductor.append((tempo.tick, 1, mido.MetaMessage("set_tempo", tempo=mido.bpm2tempo(tempo.qpm), time=0)))
    mid.tracks.append(_to_delta(conductor))

    channels = export_channels(song.tracks)  # moved from the exporter as it was
    for track, channel in zip(song.tracks, channels):
        events = [(0, 0, mido.MetaMessage("track_name", name=track.name, time=0))]
        if not track.is_drum:
            events.append((0, 1, mido.Message("program_change", channel=channel, program=track.program, time=0)))
        for n in track.notes:
            # Note-offs sort before note-ons at the same tick so repeated notes stay separate.
            events.append((n.start, 3, mido.Message("note_on", channel=channel, note=n.pitch,
                                                     velocity=max(1, n.velocity), time=0)))
            events.append((n.end, 2, mido.Message("note_off", channel=channel, note=n.pitch, velocity=0, time=0)))
        mid.tracks.append(_to_delta(events))

    if song.chords:
        events = [(0, 0, mido.MetaMessage("track_name", name=CHORD_TRACK_NAME, time=0))]
        events += [(c.tick, 1, mido.MetaMessage("text", text=c.figure, time=0)) for c in song.chords]
        mid.tracks.append(_to_delta(events))
    return mid


def _to_delta(events):
    track = mido.MidiTrack()
    last = 0
    # The messages were made for this track alone, so their delta time can be set in place.
    events.sort(key=lambda e: (e[0], e[1]))
    for tick, _order, msg in events:
        msg.time = tick - last
        track.append(msg)
        last = tick
    end = max((e[0] for e in events), default=0)
    track.append(mido.MetaMessage("end_of_track", time=end - last))
    return track


def _songs():
    lead = Track("Lead ♪ 歌", program=73, channel=0,
                 notes=(Note(0, 60, PPQ, 90), Note(PPQ, 60, PPQ // 2, 70), Note(3 * PPQ // 2, 60, PPQ, 0)))
    bass = Track("Bass", program=33, channel=0, notes=(Note(0, 36, 200 * PPQ, 100),))  # a clash: a free channel
    pad = Track("Pad", program=89, channel=9, notes=(Note(5, 72, 7, 127),))  # pitched on 10: moved off it
    drums = drum_track(notes=(Note(0, 36, PPQ // 4), Note(0, 42, PPQ // 4), Note(PPQ // 2, 38, PPQ // 4)))
    yield Song(tracks=(lead, bass, pad, drums), tempos=(TempoChange(0, 96.0), TempoChange(8 * PPQ, 141.7)),
               time_signatures=(TimeSignature(0, 3, 4), TimeSignature(6 * PPQ, 6, 8)),
               chords=(ChordSymbol(0, "Am"), ChordSymbol(3 * PPQ, "E7♭9")), title="Test 歌")
    yield Song()
    yield Song(tracks=(Track(),), title="")
    many = tuple(Track(f"T{k}", program=k, channel=k % 16, notes=(Note(k * 17, 40 + k, 3 * k + 1, 5 + k),))
                 for k in range(18))
    yield Song(tracks=many, tempos=(TempoChange(0, 300.0),), time_signatures=(TimeSignature(0, 5, 16),))


@pytest.mark.parametrize("index", range(4))
def test_the_bytes_equal_what_mido_wrote(index):
    """Every sample song's file is byte for byte the one mido's messages gave, running status included."""
    song = list(_songs())[index]
    assert song_smf_bytes(song) == mido_bytes(song)


def test_the_file_reads_back_in_mido():
    """mido reads the written file: type 1, the ticks per beat, the chord track last."""
    song = next(_songs())
    mid = mido.MidiFile(file=io.BytesIO(song_smf_bytes(song)))
    assert mid.type == 1 and mid.ticks_per_beat == PPQ
    assert [m.name for m in mid.tracks[-1] if m.type == "track_name"] == [CHORD_TRACK_NAME]
