"""The sustain pedal read from MIDI files: notes held as note_seq's apply_sustain_control_changes holds them."""

from __future__ import annotations

from composer_app.music.midi_io import read_midi, read_midi_seconds
from tests.music.smf_bytes import note_off, note_on, smf, track, varlen


def control(number: int, value: int, delta: int = 0, channel: int = 0) -> bytes:
    return varlen(delta) + bytes([0xB0 | channel, number, value])


def _pedalled_file(tmp_path):
    """A piano part with the pedal down from tick 240 to 1440 (file ticks, 480 a quarter), and a drum hit."""
    piano = track(
        note_on(60), control(64, 127, delta=240), note_off(60, delta=240), note_on(64),
        note_off(64, delta=240), note_on(60, delta=240), note_off(60, delta=240),
        control(7, 90, delta=120),  # a volume change: not the pedal
        control(64, 0, delta=120), note_on(67), note_off(67, delta=240))
    drums = track(note_on(36, delta=300, channel=9), control(64, 127, channel=9), note_off(36, delta=60, channel=9))
    path = tmp_path / "pedal.mid"
    path.write_bytes(smf(piano, drums))
    return path


def _notes(song):
    return sorted((n.start // 2, n.end // 2, n.pitch) for t in song.tracks for n in t.notes)


def test_sustain_holds_released_notes_until_the_pedal_lifts(tmp_path):
    """A note released under the pedal sounds on to the pedal's release; one struck again ends the earlier one."""
    song = read_midi(_pedalled_file(tmp_path), sustain=True)
    assert _notes(song) == [(0, 960, 60), (300, 360, 36), (480, 1440, 64), (960, 1440, 60), (1440, 1680, 67)]


def test_without_sustain_notes_keep_their_written_lengths(tmp_path):
    """The default read ignores the pedal, as the editor always has."""
    song = read_midi(_pedalled_file(tmp_path))
    assert _notes(song) == [(0, 480, 60), (300, 360, 36), (480, 720, 64), (960, 1200, 60), (1440, 1680, 67)]


def test_a_pedal_never_lifted_holds_notes_to_the_last_event(tmp_path):
    """Notes still held when the file ends last until its last event, pedal changes included."""
    part = track(control(64, 100), note_on(62), note_off(62, delta=100), control(64, 120, delta=500))
    path = tmp_path / "held.mid"
    path.write_bytes(smf(part))
    assert _notes(read_midi(path, sustain=True)) == [(0, 600, 62)]


def test_a_restrike_at_the_same_tick_drops_the_empty_note(tmp_path):
    """A pitch struck again at the tick it started under the pedal leaves no zero-length note behind."""
    part = track(control(64, 127), note_on(50), note_on(50), note_off(50, delta=100), note_off(50),
                 control(64, 0, delta=100))
    path = tmp_path / "twice.mid"
    path.write_bytes(smf(part))
    assert _notes(read_midi(path, sustain=True)) == [(0, 200, 50)]


def test_seconds_come_from_the_files_own_ticks(tmp_path):
    """At 384 ticks a quarter (which 960 does not divide by a whole number) notes keep their exact times, as
    pretty_midi times them; the pedal applies as in a Song, and drums are marked."""
    part = track(control(64, 127), note_on(60), note_off(60, delta=1), note_on(38, delta=100, channel=9),
                 note_off(38, delta=1, channel=9), control(64, 0, delta=10))
    path = tmp_path / "fine.mid"
    path.write_bytes(smf(part, division=384))
    tick = 60.0 / (120.0 * 384)
    assert read_midi_seconds(path, sustain=True) == [(0.0, 112 * tick, 60, 100, 0, False),
                                                      (101 * tick, 102 * tick, 38, 100, 0, True)]
    assert read_midi_seconds(path)[0][1] == tick
