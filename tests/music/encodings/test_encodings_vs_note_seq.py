"""Our encoders and event extraction against note_seq 0.0.5 on seeded random material."""

from __future__ import annotations

import random

import numpy as np
import pytest

from composer_app.music.encodings import (
    ONE_DRUM_TYPE_PITCHES,
    KeyMelodyEncoderDecoder,
    LookbackEventSequenceEncoderDecoder,
    MelodyOneHotEncoding,
    MultiDrumOneHotEncoding,
    OneHotEventSequenceEncoderDecoder,
)
from composer_app.music.events import (
    Melody,
    PolyphonicMelodyError,
    drums_from_track,
    melody_from_track,
)
from composer_app.music.song import PPQ, Note, Track

CASES = 200
QPM = 120.0


# -- random material ---------------------------------------------------------------------------


def random_melody_events(rng: random.Random, low: int, high: int, length: int) -> list[int]:
    """Holds, offs and notes in [low, high), built from a repeated one-bar motif so lookbacks fire."""
    motif = []
    for _ in range(16):
        roll = rng.random()
        if roll < 0.45:
            motif.append(-2)
        elif roll < 0.6:
            motif.append(-1)
        else:
            motif.append(rng.randrange(low, high))
    events = []
    while len(events) < length:
        for event in motif:
            if rng.random() < 0.25:
                roll = rng.random()
                event = -2 if roll < 0.4 else -1 if roll < 0.55 else rng.randrange(low, high)
            events.append(event)
    events = events[:length]
    if rng.random() < 0.2:
        events[: rng.randrange(1, 4)] = [-1] * 3
        events = events[:length]
    return events


def random_drum_events(rng: random.Random, length: int, pitches: list[int]) -> list[frozenset[int]]:
    """Drum steps (often empty) from a repeated motif, with unknown pitches now and then."""
    motif = []
    for _ in range(16):
        if rng.random() < 0.4:
            motif.append(frozenset())
        else:
            motif.append(frozenset(rng.sample(pitches, rng.randint(1, 3))))
    events = []
    while len(events) < length:
        for event in motif:
            if rng.random() < 0.2:
                event = frozenset(rng.sample(pitches, rng.randint(0, 3)))
            events.append(event)
    return events[:length]


DRUM_PITCHES = list(range(22, 88)) + [0, 5, 100, 127]


def melody_encoders(note_seq):
    """(name, ours, theirs, pitch range) for each melody configuration."""
    return [
        (
            "basic",
            OneHotEventSequenceEncoderDecoder(MelodyOneHotEncoding(48, 84)),
            note_seq.OneHotEventSequenceEncoderDecoder(note_seq.MelodyOneHotEncoding(48, 84)),
            (48, 84),
        ),
        (
            "mono",
            OneHotEventSequenceEncoderDecoder(MelodyOneHotEncoding(0, 128)),
            note_seq.OneHotEventSequenceEncoderDecoder(note_seq.MelodyOneHotEncoding(0, 128)),
            (0, 128),
        ),
        (
            "lookback",
            LookbackEventSequenceEncoderDecoder(MelodyOneHotEncoding(48, 84)),
            note_seq.LookbackEventSequenceEncoderDecoder(note_seq.MelodyOneHotEncoding(48, 84)),
            (48, 84),
        ),
        (
            "lookback_3_distances",
            LookbackEventSequenceEncoderDecoder(MelodyOneHotEncoding(60, 72), [4, 16, 8], 4),
            note_seq.LookbackEventSequenceEncoderDecoder(
                note_seq.MelodyOneHotEncoding(60, 72), [4, 16, 8], 4
            ),
            (60, 72),
        ),
        (
            "attention",
            KeyMelodyEncoderDecoder(48, 84),
            note_seq.KeyMelodyEncoderDecoder(48, 84),
            (48, 84),
        ),
        (
            "key_melody_3_lookbacks",
            KeyMelodyEncoderDecoder(36, 96, [8, 24, 16], 5),
            note_seq.KeyMelodyEncoderDecoder(36, 96, [8, 24, 16], 5),
            (36, 96),
        ),
    ]


def drum_encoders(note_seq):
    return [
        (
            "drum_kit",
            LookbackEventSequenceEncoderDecoder(MultiDrumOneHotEncoding(), [], 6),
            note_seq.LookbackEventSequenceEncoderDecoder(note_seq.MultiDrumOneHotEncoding(), [], 6),
        ),
        (
            "drum_kit_with_lookbacks",
            LookbackEventSequenceEncoderDecoder(MultiDrumOneHotEncoding(), None, 5),
            note_seq.LookbackEventSequenceEncoderDecoder(note_seq.MultiDrumOneHotEncoding(), None, 5),
        ),
        (
            "one_drum",
            OneHotEventSequenceEncoderDecoder(MultiDrumOneHotEncoding(ONE_DRUM_TYPE_PITCHES)),
            note_seq.OneHotEventSequenceEncoderDecoder(
                note_seq.MultiDrumOneHotEncoding([[39] + list(range(0, 39)) + list(range(39, 128))])
            ),
        ),
    ]


def compare_encoder(ours, theirs, events, rng: random.Random) -> None:
    """Every input, the encode() labels, the array forms and class decoding agree with note_seq."""
    assert ours.input_size == theirs.input_size
    assert ours.num_classes == theirs.num_classes
    assert ours.default_event_label == theirs.default_event_label
    expected = [theirs.events_to_input(events, i) for i in range(len(events))]
    for i in range(len(events)):
        assert ours.events_to_input(events, i) == expected[i], f"input differs at position {i}"
    np.testing.assert_array_equal(ours.inputs_array(events), np.array(expected, dtype=np.float32))
    their_inputs, their_labels = theirs.encode(events)
    our_inputs, our_labels = ours.encode(events)
    assert our_labels == their_labels
    assert our_inputs == their_inputs
    array_inputs, array_labels = ours.encode_array(events)
    assert array_inputs.dtype == np.float32 and array_inputs.shape == (len(events) - 1, ours.input_size)
    np.testing.assert_array_equal(array_inputs, np.array(their_inputs, dtype=np.float32))
    assert array_labels.tolist() == their_labels
    assert ours.labels_array(events).tolist() == [
        theirs.events_to_label(events, i) for i in range(len(events))
    ]
    assert ours.labels_to_num_steps(their_labels) == theirs.labels_to_num_steps(their_labels)
    for _ in range(3):
        prefix = events[: rng.randrange(0, len(events) + 1)]
        for index in range(theirs.num_classes):
            assert ours.class_index_to_event(index, prefix) == theirs.class_index_to_event(index, prefix)


# -- encoders ----------------------------------------------------------------------------------


def test_melody_encoders_match_note_seq(note_seq):
    """All melody encoders give note_seq's inputs, labels and decodings on 200 random melodies each."""
    for name, ours, theirs, (low, high) in melody_encoders(note_seq):
        rng = random.Random(f"melody-{name}")
        for case in range(CASES):
            length = rng.choice([2, 5, 17, 33, 40, 64, 70]) if case % 4 == 0 else rng.randrange(33, 80)
            events = random_melody_events(rng, low, high, length)
            compare_encoder(ours, theirs, events, rng)


def test_drum_encoders_match_note_seq(note_seq):
    """drum_kit, drum_kit with lookbacks and one_drum match note_seq on 200 random drum tracks each."""
    for name, ours, theirs in drum_encoders(note_seq):
        rng = random.Random(f"drums-{name}")
        for _ in range(CASES):
            events = random_drum_events(rng, rng.randrange(2, 70), DRUM_PITCHES)
            compare_encoder(ours, theirs, events, rng)


def test_out_of_range_melody_events_fail_like_note_seq(note_seq):
    """Where note_seq's one-hot encoders reject an event, ours raise ValueError too."""
    rng = random.Random("out-of-range")
    ours_list = [
        OneHotEventSequenceEncoderDecoder(MelodyOneHotEncoding(48, 84)),
        LookbackEventSequenceEncoderDecoder(MelodyOneHotEncoding(48, 84)),
    ]
    theirs_list = [
        note_seq.OneHotEventSequenceEncoderDecoder(note_seq.MelodyOneHotEncoding(48, 84)),
        note_seq.LookbackEventSequenceEncoderDecoder(note_seq.MelodyOneHotEncoding(48, 84)),
    ]
    failures = 0
    for _ in range(CASES):
        events = random_melody_events(rng, 40, 92, rng.randrange(20, 50))
        for ours, theirs in zip(ours_list, theirs_list):
            try:
                expected = theirs.encode(events)
            except ValueError:
                failures += 1
                with pytest.raises(ValueError):
                    ours.encode(events)
                with pytest.raises(ValueError):
                    ours.encode_array(events)
                continue
            assert ours.encode(events) == expected
    assert failures > CASES  # most of these sequences stray out of range


# -- extraction --------------------------------------------------------------------------------


def random_track(rng: random.Random, drums: bool = False) -> Track:
    """Random notes on a 40-tick grid (so half-step ties occur), overlapping, some silent."""
    notes = []
    tick = rng.choice([0, 0, 480, 3840, 7680 + 240])
    for _ in range(rng.randrange(0, 40)):
        tick += rng.choice([0, 0, 40, 120, 240, 480, 960, 1920]) if rng.random() < 0.97 else 4 * 3840
        duration = rng.choice([0, 40, 120, 200, 240, 480, 960, 2000, 4000])
        pitch = rng.randrange(35, 60) if drums else rng.randrange(30, 100)
        velocity = 0 if rng.random() < 0.05 else rng.randrange(1, 128)
        notes.append(Note(tick, pitch, duration, velocity))
    return Track(notes=tuple(notes), is_drum=drums, channel=9 if drums else 0)


def to_quantized_sequence(note_seq, track: Track, steps_per_quarter: int, numerator: int, denominator: int):
    """The track as note_seq sees it: a NoteSequence at 120 qpm, quantized."""
    sequence = note_seq.NoteSequence()
    sequence.ticks_per_quarter = PPQ
    sequence.tempos.add(qpm=QPM)
    sequence.time_signatures.add(numerator=numerator, denominator=denominator)
    seconds_per_tick = 60.0 / QPM / PPQ
    for note in track.notes:
        sequence.notes.add(
            pitch=note.pitch,
            velocity=note.velocity,
            start_time=note.start * seconds_per_tick,
            end_time=note.end * seconds_per_tick,
            is_drum=track.is_drum,
        )
    sequence.total_time = max((n.end_time for n in sequence.notes), default=0.0)
    return note_seq.quantize_note_sequence(sequence, steps_per_quarter)


def random_extraction_settings(rng: random.Random):
    steps_per_quarter = rng.choice([4, 4, 4, 2])
    numerator, denominator = rng.choice([(4, 4), (4, 4), (3, 4), (6, 8)])
    steps_per_bar = steps_per_quarter * 4 * numerator // denominator
    return dict(
        steps_per_quarter=steps_per_quarter,
        steps_per_bar=steps_per_bar,
        search_start_step=rng.choice([0, 0, steps_per_bar, 2 * steps_per_bar]),
        gap_bars=rng.choice([1, 1, 2]),
        pad_end=rng.random() < 0.3,
    ), (numerator, denominator)


def test_melody_extraction_matches_note_seq(note_seq):
    """melody_from_track equals Melody.from_quantized_sequence on 300 random tracks and settings."""
    rng = random.Random("melody-extraction")
    nonempty = polyphonic = 0
    for _ in range(300):
        track = random_track(rng)
        settings, (numerator, denominator) = random_extraction_settings(rng)
        ignore_polyphony = rng.random() < 0.8
        quantized = to_quantized_sequence(
            note_seq, track, settings["steps_per_quarter"], numerator, denominator
        )
        theirs = note_seq.Melody()
        try:
            theirs.from_quantized_sequence(
                quantized,
                search_start_step=settings["search_start_step"],
                gap_bars=settings["gap_bars"],
                ignore_polyphonic_notes=ignore_polyphony,
                pad_end=settings["pad_end"],
            )
        except note_seq.PolyphonicMelodyError:
            polyphonic += 1
            with pytest.raises(PolyphonicMelodyError):
                melody_from_track(track, ignore_polyphonic_notes=ignore_polyphony, **settings)
            continue
        ours = melody_from_track(track, ignore_polyphonic_notes=ignore_polyphony, **settings)
        assert list(ours) == list(theirs)
        if len(theirs):
            nonempty += 1
            assert ours.start_step == theirs.start_step
            assert ours.end_step == theirs.end_step
            assert ours.steps_per_bar == theirs.steps_per_bar
    assert nonempty > 200 and polyphonic > 5


def test_squash_and_key_match_note_seq(note_seq):
    """squash, transpose and the key histogram agree with note_seq on 300 random melodies."""
    rng = random.Random("squash")
    for case in range(300):
        events = random_melody_events(rng, 20, 110, rng.randrange(1, 70))
        ours, theirs = Melody(events), note_seq.Melody(events)
        assert list(ours) == list(theirs)
        np.testing.assert_array_equal(ours.get_major_key_histogram(), theirs.get_major_key_histogram())
        assert ours.get_major_key() == theirs.get_major_key()
        if case % 3 == 0:
            amount, low, high = rng.randrange(-30, 30), rng.choice([0, 36, 48]), rng.choice([84, 96, 128])
            ours.transpose(amount, low, high)
            theirs.transpose(amount, low, high)
        else:
            low, high = rng.choice([(48, 84), (36, 96), (60, 72), (0, 128)])
            key = rng.choice([None, 0, 0, 5, 11])
            assert ours.squash(low, high, key) == theirs.squash(low, high, key)
        assert list(ours) == list(theirs)


def test_drum_extraction_matches_note_seq(note_seq):
    """drums_from_track equals DrumTrack.from_quantized_sequence on 300 random drum tracks."""
    rng = random.Random("drum-extraction")
    nonempty = 0
    for _ in range(300):
        track = random_track(rng, drums=True)
        settings, (numerator, denominator) = random_extraction_settings(rng)
        quantized = to_quantized_sequence(
            note_seq, track, settings["steps_per_quarter"], numerator, denominator
        )
        theirs = note_seq.DrumTrack()
        theirs.from_quantized_sequence(
            quantized,
            search_start_step=settings["search_start_step"],
            gap_bars=settings["gap_bars"],
            pad_end=settings["pad_end"],
        )
        ours = drums_from_track(track, **settings)
        assert list(ours) == list(theirs)
        if len(theirs):
            nonempty += 1
            assert ours.start_step == theirs.start_step
            assert ours.end_step == theirs.end_step
    assert nonempty > 200


def test_constants_match_note_seq(note_seq):
    """Derived key tables and copied drum maps equal note_seq's own constants."""
    from note_seq import constants, drums_encoder_decoder

    from composer_app.music.encodings import DEFAULT_DRUM_TYPE_PITCHES, MAJOR_SCALE, NOTE_KEYS

    assert [list(keys) for keys in NOTE_KEYS] == constants.NOTE_KEYS
    assert list(MAJOR_SCALE) == constants.MAJOR_SCALE
    assert [list(p) for p in DEFAULT_DRUM_TYPE_PITCHES] == drums_encoder_decoder.DEFAULT_DRUM_TYPE_PITCHES
