"""MusicVAE training data: Magenta's training-time filters on the melody windows, and resumable batches."""

from __future__ import annotations

import numpy as np

from composer_app.models.musicvae.converters import MelodyConverter
from composer_app.models.training.vae.windows import MAX_WINDOWS_PER_SONG, batch_rows, song_windows, transposed
from composer_app.music.events import melody_to_track
from composer_app.music.song import Song


def _song(bars: int, program: int = 0, low: int = 60) -> Song:
    rng = np.random.default_rng(7)
    events = []
    for _ in range(bars * 4):
        events += [low + int(rng.integers(0, 12)), -2, -2, -2]
    return Song(tracks=(melody_to_track(events, program=program),))


def test_only_melodic_programs_give_windows():
    """data.MEL_PROGRAMS: a piano part gives windows, a string part (program 40) none."""
    conv = MelodyConverter(2)
    assert song_windows(_song(4), conv, None, None)
    assert song_windows(_song(4, program=40), conv, None, None) == []


def test_a_named_melody_part_is_read_whatever_its_program(tmp_path):
    """--tracks first names the melody: a voice part (program 53) gives windows there, not among all parts."""
    from composer_app.models.training.corpus import SourceFile
    from composer_app.models.training.vae.windows import MEL_PROGRAMS, file_windows
    from composer_app.music.io import write_song

    path = tmp_path / "voice.mid"
    write_song(_song(4, program=53), path)
    conv = MelodyConverter(2)
    assert file_windows((SourceFile(path, "first"), conv, None, None, MEL_PROGRAMS, 5))[0]
    assert file_windows((SourceFile(path, "all"), conv, None, None, MEL_PROGRAMS, 5)) == ([], None)


def test_a_song_gives_at_most_five_windows():
    """max_tensors_per_notesequence 5: the first five held out, a seeded random five in training."""
    conv = MelodyConverter(2)
    everything = list(conv.to_windows(_song(20)).classes)
    assert len(everything) > MAX_WINDOWS_PER_SONG
    assert song_windows(_song(20), conv, None, None) == everything[:MAX_WINDOWS_PER_SONG]
    drawn = song_windows(_song(20), conv, np.random.default_rng(1), None)
    assert len(drawn) == MAX_WINDOWS_PER_SONG and set(drawn) <= set(everything)


def test_without_a_limit_every_window_of_a_song_is_kept(tmp_path):
    """windows_per_song None (--all-windows): a long file gives all its windows, in training and held out."""
    from composer_app.models.training.corpus import SourceFile
    from composer_app.models.training.vae.windows import read_windows
    from composer_app.music.io import write_song

    conv = MelodyConverter(2)
    everything = list(conv.to_windows(_song(20)).classes)
    assert song_windows(_song(20), conv, np.random.default_rng(1), None, limit=None) == everything
    write_song(_song(20), tmp_path / "long.mid")
    sources = [SourceFile(tmp_path / "long.mid", "all", "train")]
    capped = read_windows(sources, conv, 0.0, 0, None)
    full = read_windows(sources, conv, 0.0, 0, None, limit=None)
    assert len(capped.train) == MAX_WINDOWS_PER_SONG < len(full.train) == len(everything)


def test_transposition_moves_pitches_and_drops_those_off_the_keyboard():
    """NoteSequenceAugmenter: pitched notes move by the amount; a note pushed past 127 is dropped."""
    song = Song(tracks=(melody_to_track([60, -2, 125, -2]),))
    up = transposed(song, 4)
    assert [n.pitch for n in up.tracks[0].notes] == [64]


def test_batches_are_a_function_of_the_step():
    """The batch at a step is the same whenever it is asked for (resume), and a pass covers every row once."""
    first = [batch_rows(10, 5, step, seed=3) for step in range(2)]
    assert sorted(np.concatenate(first).tolist()) == list(range(10))
    assert np.array_equal(batch_rows(10, 5, 1, seed=3), first[1])
    assert len(batch_rows(3, 8, 0, seed=0)) == 8  # a set smaller than a batch repeats


def test_drum_batches_read_the_class_bits_as_the_encoders_roll():
    """cat-drums: class 5 is drum classes 0 and 2 hit (NOR bit 0); class 0 is silence (NOR bit 1); targets are
    512-way one-hots."""
    from composer_app.models.training.vae.windows import WindowSet

    data = WindowSet(np.array([[5, 0]], np.int16), 512, drum_bits=9)
    inputs, targets, mask = data.batch([0], 32)
    assert inputs[0, 0].tolist() == [1, 0, 1, 0, 0, 0, 0, 0, 0, 0] and inputs[0, 1].tolist() == [0] * 9 + [1]
    assert targets.shape == (1, 2, 512) and targets[0, 0, 5] == 1 and mask.tolist() == [[1, 1]]


def test_the_windows_key_follows_the_bytes_not_the_time_stamp(tmp_path):
    """A re-synced corpus (same bytes, new time stamps) keeps its read windows; changed bytes read it again."""
    import os

    from composer_app.models.training.corpus import SourceFile
    from composer_app.models.training.vae.windows import data_key

    path = tmp_path / "tune.abc"
    path.write_text("X:1\nK:C\nCDEF|\n")
    sources = [SourceFile(path)]
    before = data_key(sources, "hierdec-mel_16bar")
    os.utime(path, (1_000_000, 1_000_000))
    assert data_key(sources, "hierdec-mel_16bar") == before
    path.write_text("X:1\nK:C\nCDEG|\n")
    assert data_key(sources, "hierdec-mel_16bar") != before
    assert data_key(sources, "cat-mel_2bar_small") != data_key(sources, "hierdec-mel_16bar")
