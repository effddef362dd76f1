"""Magenta's TrioConverter rules: which 16-bar windows of melody, bass and drums are read, and how decoded classes
become a three-track Song."""

import numpy as np
import pytest

from composer_app.models.musicvae.converters import NoMusicError
from composer_app.models.musicvae.trio import NoTrioError, TrioConverter, pieces
from composer_app.music.song import PPQ, Note, Song, TempoChange, TimeSignature, Track, drum_track

STEP = PPQ // 4
BAR = 16 * STEP


def melody_track(bars, program=0, pitch=60, name="Melody"):
    """A quarter note on every beat of the given bars, rising by bar."""
    notes = [Note(b * BAR + beat * 4 * STEP, pitch + b % 12, 4 * STEP, 90) for b in bars for beat in range(4)]
    return Track(name=name, program=program, notes=tuple(notes))


def drums(bars):
    """Kick on beats 1 and 3, closed hi-hat on every 8th."""
    notes = [Note(b * BAR + s * STEP, 36, STEP, 100) for b in bars for s in (0, 8)]
    notes += [Note(b * BAR + s * STEP, 42, STEP, 80) for b in bars for s in range(0, 16, 2)]
    return drum_track("Drums", notes)


def trio(bars=16, mel=None, bass=None, drum=None, extra=(), tempos=(TempoChange(0, 120.0),), sigs=()):
    tracks = (melody_track(range(bars) if mel is None else mel),
              melody_track(range(bars) if bass is None else bass, program=33, pitch=36, name="Bass"),
              drums(range(bars) if drum is None else drum), *extra)
    return Song(tracks=tracks, tempos=tempos, time_signatures=sigs)


def test_a_16_bar_trio_is_one_window_of_three_one_hots():
    """Each step of the window is [melody 90, bass 90, drums 512] one-hots: pitch 60 is melody class 41, bass 36
    class 17, kick + closed hi-hat drum class 0b101."""
    windows = TrioConverter().to_windows(trio())
    assert len(windows) == 1 and windows.lengths == (256,)
    x = windows.inputs[0]
    assert x.shape == (256, 692) and (x.sum(axis=1) == 3).all()
    assert (x[:, :90].sum(axis=1) == 1).all() and (x[:, 90:180].sum(axis=1) == 1).all()
    classes = np.asarray(windows.classes[0])
    assert classes.shape == (256, 3)
    assert classes[0].tolist() == [60 - 19, 36 - 19, 0b101]
    assert classes[1].tolist() == [0, 0, 0]  # melody and bass hold, no drum hit
    assert classes[2].tolist() == [0, 0, 0b100]  # hi-hat only on the 8th
    assert (x.argmax(axis=1) == classes[:, 0]).all()
    assert (x[:, 90:180].argmax(axis=1) == classes[:, 1]).all()
    assert (x[:, 180:].argmax(axis=1) == classes[:, 2]).all()


def test_windows_slide_a_bar_at_a_time_and_only_the_first_five_are_kept():
    """20 bars give windows starting at bars 0..4; 24 bars would give 9, and Magenta's infer mode keeps 5."""
    full = TrioConverter().to_windows(trio(24))
    assert len(full) == 5
    twenty = TrioConverter().to_windows(trio(20))
    assert len(twenty) == 5
    song_classes = np.concatenate([np.asarray(twenty.classes[0]), np.asarray(twenty.classes[4])[-64:]])
    for k in range(5):
        assert np.array_equal(np.asarray(twenty.classes[k]), song_classes[16 * k:16 * k + 256])
    assert twenty.classes == full.classes
    assert twenty.start_bars == (0, 1, 2, 3, 4)


def test_a_file_without_bass_names_what_is_missing():
    """Magenta returns no tensors here; this names the missing part and the tracks it could not read."""
    song = Song(tracks=(melody_track(range(16)), melody_track(range(16), program=48, name="Strings"),
                        drums(range(16))), tempos=(TempoChange(0, 120.0),))
    with pytest.raises(NoTrioError, match=r"no bass \(a track with a bass program 32-39\).*programs \[48\]") as exc:
        TrioConverter().to_windows(song)
    assert isinstance(exc.value, NoMusicError) and "melody" not in str(exc.value).split("programs")[0]
    only_drums = Song(tracks=(drums(range(16)),), tempos=(TempoChange(0, 120.0),))
    with pytest.raises(NoTrioError, match="no melody .* and no bass"):
        TrioConverter().to_windows(only_drums)


def test_parts_that_never_play_together_for_16_bars_are_named():
    with pytest.raises(NoTrioError, match="never play together for 16 bars"):
        TrioConverter().to_windows(trio(16, bass=range(8)))


@pytest.mark.parametrize("hole, windows", [(4, 1), (5, 0)])
def test_gaps_of_up_to_twice_gap_bars_are_bridged(hole, windows):
    """A bar counts as played when its track plays within 2 bars of it, so a 4-bar hole inside the bass is
    bridged and a 5-bar one is not."""
    bass = [b for b in range(16) if not 6 <= b < 6 + hole]
    if windows:
        assert len(TrioConverter().to_windows(trio(16, bass=bass))) == windows
    else:
        with pytest.raises(NoTrioError):
            TrioConverter().to_windows(trio(16, bass=bass))


def test_the_first_and_last_two_bars_count_when_any_part_plays_there():
    """The bass entering at bar 2 and the drums stopping 2 bars early still give the whole 16-bar window."""
    assert len(TrioConverter().to_windows(trio(16, bass=range(2, 16), drum=range(0, 14)))) == 1


def test_every_melody_bass_drums_choice_is_read_in_track_order():
    """Two melody tracks give the windows of (melody 0, bass, drums) first, then those of (melody 1, ...)."""
    second = melody_track(range(16), program=24, pitch=72, name="Guitar")
    windows = TrioConverter().to_windows(trio(16, extra=(second,)))
    assert len(windows) == 2
    assert windows.classes[0][0][0] == 60 - 19 and windows.classes[1][0][0] == 72 - 19
    assert [step[1:] for step in windows.classes[0]] == [step[1:] for step in windows.classes[1]]


def test_other_programs_and_unmapped_drums_are_not_read():
    """A program 40+ track is neither melody nor bass; drums with no pitch in the drum map count as no drums."""
    strings = melody_track(range(16), program=48, pitch=84, name="Strings")
    assert TrioConverter().to_windows(trio(16, extra=(strings,))).classes == TrioConverter().to_windows(trio()).classes
    odd = drum_track("Odd", [Note(b * BAR, 25, STEP, 90) for b in range(16)])
    song = Song(tracks=(melody_track(range(16)), melody_track(range(16), program=33, pitch=36), odd),
                tempos=(TempoChange(0, 120.0),))
    with pytest.raises(NoTrioError, match="never play together"):
        TrioConverter().to_windows(song)


def test_a_tempo_change_splits_the_song_as_note_seq_does():
    """Windows never cross a tempo change: 20 bars then 20 at a new tempo give 5 windows from each piece."""
    song = trio(40, tempos=(TempoChange(0, 120.0), TempoChange(20 * BAR, 90.0)))
    parts = pieces(song)
    assert len(parts) == 2 and all(p.steps_per_bar == 16 for p in parts)
    assert parts[1].tracks[0].notes[0].start == 0
    windows = TrioConverter().to_windows(song)
    assert len(windows) == 5  # five from the first piece; the cap then leaves none for the second
    assert windows.classes == TrioConverter().to_windows(trio(20)).classes


def test_a_section_in_another_metre_is_skipped():
    """A 3/4 opening is left out, as Magenta drops pieces it cannot quantise to 16 steps a bar; a song only
    in 3/4 names its metre."""
    opening = 12 * 3 * PPQ
    shifted = trio(16)
    tracks = tuple(t.with_notes(n.moved(dt=opening) for n in t.notes) for t in shifted.tracks)
    song = Song(tracks=tracks, tempos=shifted.tempos,
                time_signatures=(TimeSignature(0, 3, 4), TimeSignature(opening, 4, 4)))
    windows = TrioConverter().to_windows(song)
    assert windows.classes == TrioConverter().to_windows(trio()).classes
    assert windows.start_bars == (12,)  # after the twelve 3/4 bars
    waltz = Song(tracks=trio().tracks, tempos=shifted.tempos, time_signatures=(TimeSignature(0, 3, 4),))
    with pytest.raises(NoTrioError, match="3/4"):
        TrioConverter().to_windows(waltz)


def test_decoded_classes_become_melody_bass_and_drums_as_magenta_writes_them():
    """Melody program 0, bass program 33, drums on the drum channel, velocity 80, 120 qpm, one 16th = 0.125 s."""
    classes = [[0, 0, 0]] * 8
    classes[0], classes[2], classes[4] = [41, 17, 1], [1, 0, 0b110], [43, 1, 0]
    song = TrioConverter().to_song(classes)
    melody, bass, kit = song.tracks
    assert song.qpm == 120.0
    assert (melody.program, bass.program, kit.is_drum, kit.channel) == (0, 33, True, 9)
    assert not melody.is_drum and not bass.is_drum and melody.channel != bass.channel
    assert [(n.pitch, n.start, n.duration, n.velocity) for n in melody.notes] == [
        (60, 0, 2 * STEP, 80), (62, 4 * STEP, 4 * STEP, 80)]
    assert [(n.pitch, n.start, n.duration) for n in bass.notes] == [(36, 0, 4 * STEP)]
    assert sorted((n.pitch, n.start) for n in kit.notes) == [(36, 0), (38, 2 * STEP), (42, 2 * STEP)]


def test_a_decoded_trio_reads_back_as_its_classes():
    """to_song then to_windows gives back the classes of a trio whose parts play in every bar."""
    rng = np.random.default_rng(3)
    classes = np.zeros((256, 3), np.int64)
    classes[::4, 0] = rng.integers(2, 90, 64)
    classes[::8, 1] = rng.integers(2, 40, 32)
    classes[::2, 2] = rng.integers(1, 512, 128)
    windows = TrioConverter().to_windows(TrioConverter().to_song(classes))
    assert len(windows) == 1
    assert np.array_equal(np.asarray(windows.classes[0]), classes)


def test_classes_out_of_range_are_refused():
    """A class past its part's depth is a ModelError naming the part, not an IndexError."""
    from composer_app.models.errors import ModelError

    with pytest.raises(ModelError, match="drums class is outside 0..511"):
        TrioConverter().to_song([[0, 0, 512]])
    with pytest.raises(ModelError, match="bass class"):
        TrioConverter().one_hot([[0, -1, 0]])
