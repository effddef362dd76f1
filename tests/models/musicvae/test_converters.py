"""MusicVAE's data converters against Magenta's own input tensors and decoded notes for the tiny fixtures."""

import json

import pytest

from composer_app.models.musicvae.converters import DrumsConverter, MelodyConverter, NoMusicError
from composer_app.music.io import read_song
from composer_app.music.song import PPQ, Note, Song, TempoChange, TimeSignature, Track
from tests.conftest import shared_path

CASES = {"mel2bar_tiny": (MelodyConverter, 2), "drums2bar_tiny": (DrumsConverter, 2),
         "hierdec_mel16_tiny": (MelodyConverter, 16)}


def golden(name: str) -> dict:
    return json.loads(shared_path("fixtures", "magenta-vae", name + ".json").read_text())


def note_rows(song: Song) -> list[tuple]:
    seconds = 60.0 / song.qpm / PPQ
    rows = [(n.pitch, n.velocity, round(n.start * seconds, 6), round(n.end * seconds, 6), t.is_drum)
            for t in song.tracks for n in t.notes]
    return sorted(rows, key=lambda r: (r[2], r[0]))


@pytest.mark.parametrize("name", CASES)
@pytest.mark.parametrize("k", [0, 1, 2])
def test_reading_a_fixture_input_gives_magentas_tensor(name, k):
    """Each NAME_in{k}.mid gives exactly one window, equal to Magenta's input tensor and length."""
    cls, bars = CASES[name]
    g = golden(name)
    windows = cls(bars).to_windows(read_song(shared_path("fixtures", "magenta-vae", f"{name}_in{k}.mid")))
    assert len(windows) == 1
    assert windows.lengths == (g["input_lengths"][k],)
    if cls is MelodyConverter:
        assert list(windows.classes[0]) == g["input_tensors"][k]["value"]
        assert windows.inputs[0].argmax(axis=1).tolist() == g["input_tensors"][k]["value"]
    else:
        assert windows.inputs[0].astype(int).tolist() == g["input_tensors"][k]["value"]


@pytest.mark.parametrize("name", CASES)
def test_decoding_the_golden_classes_gives_magentas_notes(name):
    """The golden decoded classes become exactly Magenta's notes: pitch, velocity, start, end, is_drum."""
    cls, bars = CASES[name]
    g = golden(name)
    for classes, notes in zip(g["decode_tensors"], g["decode"]):
        expected = [(p, v, round(s, 6), round(e, 6), d) for p, v, s, e, d, _i, _prog in notes]
        assert note_rows(cls(bars).to_song(classes)) == sorted(expected, key=lambda r: (r[2], r[0]))


def _melody_song(notes, bars_of_rest=0):
    step = PPQ // 4
    shift = bars_of_rest * 16 * step
    return Song(tracks=(Track(notes=tuple(Note(shift + s * step, p, d * step, 90) for s, p, d in notes)),),
                tempos=(TempoChange(0, 120.0),))


def test_a_melody_after_empty_bars_is_found_from_its_first_bar():
    """A melody that starts after three empty bars starts at its first note's bar, padded to a whole bar."""
    windows = MelodyConverter(2).to_windows(_melody_song([(2, 60, 4), (20, 62, 4)], bars_of_rest=3))
    assert len(windows) == 1
    expected = [0, 0, 41] + [0] * 3 + [1] + [0] * 13 + [43] + [0] * 3 + [1] + [0] * 7
    assert list(windows.classes[0]) == expected


def test_a_long_melody_gives_every_window():
    """A four-bar melody gives the three two-bar windows, one a bar, where Magenta's encode would refuse it."""
    notes = [(s, 60 + s // 16, 2) for s in range(0, 64, 4)]
    windows = MelodyConverter(2).to_windows(_melody_song(notes))
    assert len(windows) == 3
    assert windows.inputs.shape == (3, 32, 90)


def test_windows_know_their_bar_and_one_can_be_picked():
    """Each window records the bar it starts at (after leading rests too); pick takes the first inside a range
    and otherwise lists where windows start."""
    notes = [(s, 60 + s // 16, 2) for s in range(0, 64, 4)]
    windows = MelodyConverter(2).to_windows(_melody_song(notes, bars_of_rest=2))
    assert windows.start_bars == (2, 3, 4)
    picked = windows.pick(3, 5)
    assert picked.start_bars == (3,) and picked.classes == windows.classes[1:2]
    assert (picked.inputs == windows.inputs[1:2]).all() and picked.lengths == (32,)
    with pytest.raises(NoMusicError, match="windows start at bars 3, 4, 5"):
        windows.pick(0, 2)


def test_no_melody_is_a_user_error():
    """A song with only notes outside 21..108 has no melody: a NoMusicError naming it."""
    with pytest.raises(NoMusicError, match="no melody"):
        MelodyConverter(2).to_windows(_melody_song([(0, 10, 16)]))


def test_drum_classes_round_trip_through_the_roll():
    """The 512-way drum class and the roll agree: bit k is class k, the NOR bit marks a silent step."""
    conv = DrumsConverter(2)
    roll = conv.roll([0, 1, 6, 511])
    assert roll.tolist()[0] == [0] * 9 + [1]
    assert roll.tolist()[2] == [0, 1, 1, 0, 0, 0, 0, 0, 0, 0]
    assert conv.class_pitches(6) == [38, 42]
    assert conv.class_pitches(511) == [36, 38, 42, 46, 45, 48, 50, 49, 51]


def test_a_three_four_intro_is_skipped_and_the_four_four_part_read():
    """As Magenta splits a sequence at time changes and converts only its 4/4 pieces: two bars of 3/4, then a
    four-bar 4/4 melody, give the 4/4 melody's windows, their bars counted through the intro (from bar 3)."""
    step = PPQ // 4
    intro = 2 * 12 * step  # two bars of 3/4
    notes = [Note(s * step, 60, 2 * step, 90) for s in range(0, 24, 4)]
    notes += [Note(intro + s * step, 60 + s // 16, 2 * step, 90) for s in range(0, 64, 4)]
    song = Song(tracks=(Track(notes=tuple(notes)),), tempos=(TempoChange(0, 120.0),),
                time_signatures=(TimeSignature(0, 3, 4), TimeSignature(intro, 4, 4)))
    windows = MelodyConverter(2).to_windows(song)
    assert windows.start_bars == (2, 3, 4)
    four_four = _melody_song([(s, 60 + s // 16, 2) for s in range(0, 64, 4)])
    assert windows.classes == MelodyConverter(2).to_windows(four_four).classes


def test_a_song_without_any_four_four_part_names_its_metre():
    """A song wholly in 3/4 gives one NoMusicError saying so, not an empty result."""
    step = PPQ // 4
    song = Song(tracks=(Track(notes=tuple(Note(s * step, 60, 2 * step, 90) for s in range(0, 48, 4))),),
                time_signatures=(TimeSignature(0, 3, 4),))
    with pytest.raises(NoMusicError, match="3/4"):
        MelodyConverter(2).to_windows(song)
    with pytest.raises(NoMusicError, match="3/4"):
        DrumsConverter(2).to_windows(song)


def test_a_tempo_change_cuts_the_melody_as_magenta_does():
    """A tempo change after two bars splits the piece: no window spans it, so four bars give two windows, not three."""
    step = PPQ // 4
    notes = tuple(Note(s * step, 60 + s // 16, 2 * step, 90) for s in range(0, 64, 4))
    song = Song(tracks=(Track(notes=notes),), tempos=(TempoChange(0, 120.0), TempoChange(32 * step, 90.0)))
    windows = MelodyConverter(2).to_windows(song)
    assert windows.start_bars == (0, 2)
