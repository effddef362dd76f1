"""Unit tests of the one-hot encodings and the event-sequence encoder-decoders."""

from __future__ import annotations

import random

import numpy as np
import pytest

from composer_app.errors import ComposerError
from composer_app.music.encodings import (
    DEFAULT_DRUM_TYPE_PITCHES,
    DRUM_TYPE_NAMES,
    GM_DRUM_NAMES,
    MELODY_NO_EVENT,
    MELODY_NOTE_OFF,
    NOTE_KEYS,
    ONE_DRUM_TYPE_PITCHES,
    DrumsEncodingError,
    EventSequenceEncoderDecoder,
    KeyMelodyEncoderDecoder,
    LookbackEventSequenceEncoderDecoder,
    MelodyOneHotEncoding,
    MultiDrumOneHotEncoding,
    OneHotEncoding,
    OneHotEventSequenceEncoderDecoder,
    drum_name,
    major_key_histogram,
)


def basic():
    return OneHotEventSequenceEncoderDecoder(MelodyOneHotEncoding(48, 84))


def mono():
    return OneHotEventSequenceEncoderDecoder(MelodyOneHotEncoding(0, 128))


def lookback():
    return LookbackEventSequenceEncoderDecoder(MelodyOneHotEncoding(48, 84))


def attention():
    return KeyMelodyEncoderDecoder(48, 84)


def drum_kit():
    return LookbackEventSequenceEncoderDecoder(
        MultiDrumOneHotEncoding(), lookback_distances=[], binary_counter_bits=6
    )


def one_drum():
    return OneHotEventSequenceEncoderDecoder(MultiDrumOneHotEncoding(ONE_DRUM_TYPE_PITCHES))


@pytest.mark.parametrize(
    "factory, sizes",
    [
        (basic, (38, 38)),
        (mono, (130, 130)),
        (lookback, (121, 40)),
        (attention, (74, 40)),
        (drum_kit, (518, 512)),
        (one_drum, (2, 2)),
    ],
)
def test_config_sizes(factory, sizes):
    """Each Magenta config's encoder has Magenta's input size and class count."""
    encoder = factory()
    assert (encoder.input_size, encoder.num_classes) == sizes


def test_abstract_bases_cannot_be_instantiated():
    """The abstract classes demand their abstract members."""
    with pytest.raises(TypeError):
        OneHotEncoding()
    with pytest.raises(TypeError):
        EventSequenceEncoderDecoder()


def test_melody_one_hot_layout_and_round_trip():
    """0 = no event, 1 = note off, 2.. = pitches from min_note; decode inverts encode."""
    encoding = MelodyOneHotEncoding(48, 84)
    assert encoding.default_event == MELODY_NO_EVENT
    assert encoding.encode_event(MELODY_NO_EVENT) == 0
    assert encoding.encode_event(MELODY_NOTE_OFF) == 1
    assert encoding.encode_event(48) == 2
    assert encoding.encode_event(83) == 37
    for index in range(encoding.num_classes):
        assert encoding.encode_event(encoding.decode_event(index)) == index
    for event in [-2, -1, *range(48, 84)]:
        assert encoding.decode_event(encoding.encode_event(event)) == event


@pytest.mark.parametrize("event", [-3, 0, 47, 84, 127])
def test_melody_one_hot_rejects_out_of_range(event):
    """Events outside -2, -1 and [min_note, max_note) raise ValueError, singly and in bulk."""
    encoding = MelodyOneHotEncoding(48, 84)
    with pytest.raises(ValueError):
        encoding.encode_event(event)
    with pytest.raises(ValueError):
        encoding.encode_events([60, event])


def test_melody_one_hot_rejects_bad_ranges():
    """min_note/max_note must lie in 0..128 with min below max."""
    for low, high in [(-1, 10), (0, 129), (60, 60)]:
        with pytest.raises(ValueError):
            MelodyOneHotEncoding(low, high)


def test_one_hot_encoder_inputs_and_labels():
    """The one-hot encoder's input is the event's one-hot, its label the event's class."""
    encoder = basic()
    events = [60, -2, -1, 48]
    assert encoder.events_to_input(events, 0) == [1.0 if i == 14 else 0.0 for i in range(38)]
    assert [encoder.events_to_label(events, i) for i in range(4)] == [14, 0, 1, 2]
    inputs, labels = encoder.encode(events)
    assert len(inputs) == 3 and labels == [0, 1, 2]
    assert encoder.default_event_label == 0
    assert encoder.class_index_to_event(14, []) == 60
    assert encoder.labels_to_num_steps([0, 1, 2]) == 3


def test_lookback_labels_prefer_the_most_distant_repeat():
    """A step equal to both lookbacks gets the second-lookback label; early no-events count as repeats."""
    encoder = lookback()
    events = [60, 62, -2, 64] * 8 + [60]  # period 4, so steps 16 and 32 back are equal too
    assert encoder.events_to_label(events, 2) == 39  # no event before step 32: "repeat" by rule
    assert encoder.events_to_label(events, 1) == 2 + 62 - 48  # too early to repeat, plain pitch
    assert encoder.events_to_label(events, 16) == 38  # equals the event 16 back only
    assert encoder.events_to_label(events, 32) == 39  # equals both: the 32-step lookback wins
    assert encoder.class_index_to_event(38, events[:20]) == events[20 - 16]
    assert encoder.class_index_to_event(39, events[:20]) == MELODY_NO_EVENT  # shorter than 32 steps
    assert encoder.class_index_to_event(39, events[:33]) == events[1]


def test_lookback_input_layout():
    """Current event, next event one lookback ago, binary counters of position+1, repeat flags."""
    encoder = lookback()
    events = [60] + [-2] * 15 + [60, 62]
    vector = encoder.events_to_input(events, 16)
    assert vector[2 + 12] == 1.0  # current event: pitch 60
    assert sum(vector[38:76]) == 1.0
    assert vector[38 + 0] == 1.0  # what followed 16 steps ago: events[1], a no event
    assert vector[76 + 0] == 1.0  # second lookback before the start: default event
    assert vector[114:119] == [1.0, -1.0, -1.0, -1.0, 1.0]  # 17 = 0b10001
    assert vector[119:121] == [1.0, 0.0]  # repeats 16 steps back, not 32


def test_empty_lookback_list_means_no_lookbacks():
    """An explicit [] is no lookbacks (drum_kit), unlike None which means [16, 32]."""
    assert LookbackEventSequenceEncoderDecoder(MultiDrumOneHotEncoding(), []).lookback_distances == ()
    assert LookbackEventSequenceEncoderDecoder(MultiDrumOneHotEncoding()).lookback_distances == (16, 32)
    encoder = drum_kit()
    events = [frozenset()] * 40
    assert encoder.events_to_label(events, 3) == 0
    assert encoder.labels_array(events).tolist() == [0] * 40


def test_lookback_rejects_non_positive_distances():
    """A lookback of zero steps or fewer is meaningless and refused."""
    with pytest.raises(ValueError):
        LookbackEventSequenceEncoderDecoder(MelodyOneHotEncoding(48, 84), [0, 16])


def test_multi_drum_encoding_bits_and_decoding():
    """Each drum class is one bit; pitches of one class collapse; decoding plays the class's first pitch."""
    encoding = MultiDrumOneHotEncoding()
    assert encoding.num_classes == 512
    assert encoding.default_event == frozenset()
    assert encoding.encode_event(frozenset()) == 0
    assert encoding.encode_event(frozenset([36])) == 1
    assert encoding.encode_event(frozenset([35, 36])) == 1
    assert encoding.encode_event(frozenset([36, 38, 42])) == 0b111
    assert encoding.encode_event(frozenset([51])) == 256
    assert encoding.decode_event(0b111) == frozenset([36, 38, 42])
    for index in range(encoding.num_classes):
        assert encoding.encode_event(encoding.decode_event(index)) == index
    with pytest.raises(ValueError):
        encoding.decode_event(512)


def test_multi_drum_unknown_pitches():
    """Unknown drum pitches are ignored by default and raise DrumsEncodingError when asked."""
    assert MultiDrumOneHotEncoding().encode_event(frozenset([36, 100])) == 1
    strict = MultiDrumOneHotEncoding(ignore_unknown_drums=False)
    with pytest.raises(DrumsEncodingError):
        strict.encode_event(frozenset([36, 100]))
    assert isinstance(DrumsEncodingError("x"), ComposerError)


def test_one_drum_maps_every_pitch_to_one_class():
    """one_drum: any hit is class 1 and decodes as a hand clap (39); silence is class 0."""
    encoding = MultiDrumOneHotEncoding(ONE_DRUM_TYPE_PITCHES)
    assert encoding.num_classes == 2
    assert all(encoding.encode_event(frozenset([p])) == 1 for p in range(128))
    assert encoding.decode_event(1) == frozenset([39])
    assert encoding.decode_event(0) == frozenset()


def test_drum_names():
    """Nine class names line up with the nine classes; the GM table covers 35..81."""
    assert len(DRUM_TYPE_NAMES) == len(DEFAULT_DRUM_TYPE_PITCHES) == 9
    assert DRUM_TYPE_NAMES[0] == "Kick" and DRUM_TYPE_NAMES[-1] == "Ride"
    assert sorted(GM_DRUM_NAMES) == list(range(35, 82))
    assert drum_name(36) == "Bass Drum 1" and drum_name(42) == "Closed Hi-Hat"
    assert drum_name(20) == "Drum 20"
    assert MultiDrumOneHotEncoding().drum_type(38) == 1
    assert MultiDrumOneHotEncoding().drum_type(100) is None


def test_note_keys_and_key_histogram():
    """NOTE_KEYS lists the major keys holding each pitch class; the histogram counts fits per key."""
    assert NOTE_KEYS[0] == (0, 1, 3, 5, 7, 8, 10)
    assert NOTE_KEYS[11] == (0, 2, 4, 6, 7, 9, 11)
    c_major_scale = [60, 62, 64, 65, 67, 69, 71]
    histogram = major_key_histogram(c_major_scale + [-2, -1])
    assert histogram[0] == 7 and histogram.argmax() == 0
    assert major_key_histogram([]).tolist() == [0.0] * 12


def test_key_melody_input_layout():
    """attention_rnn's input: held pitch, attack, direction, repeats, counters, bar start and keys."""
    encoder = attention()
    events = [60, -2, 64, -1]
    vector = encoder.events_to_input(events, 2)
    assert vector[64 - 48] == 1.0 and vector[36] == 1.0 and vector[37] == 0.0  # 64 sounding
    assert vector[38] == 1.0  # attack on this step
    assert vector[39] == 1.0  # ascending
    assert vector[42:49] == [1.0, 1.0, -1.0, -1.0, -1.0, -1.0, -1.0]  # 3 steps so far
    assert vector[49] == 0.0
    silent = encoder.events_to_input(events, 3)
    assert silent[37] == 1.0 and silent[36] == 0.0
    assert silent[38] == 1.0  # Magenta's quirk: a note off leaves the attack flag as it was
    first_bar_end = encoder.events_to_input([-2] * 16, 15)
    assert first_bar_end[49] == 1.0
    assert first_bar_end[50:74] == [1.0] * 24  # no notes: every key ties


def test_key_melody_labels_and_decoding():
    """Labels: pitch - min, 36 no event, 37 note off, 38/39 repeats; decoding inverts them."""
    encoder = attention()
    events = [60, -1, -2, 72] + [-2] * 12 + [61, -1]
    assert encoder.events_to_label(events, 0) == 12
    assert encoder.events_to_label(events, 1) == 37
    assert encoder.events_to_label(events, 2) == 39  # early no event counts as a repeat
    assert encoder.events_to_label(events, 17) == 38  # note off 16 steps after a note off
    assert encoder.default_event_label == 36
    assert encoder.class_index_to_event(37, events) == MELODY_NOTE_OFF
    assert encoder.class_index_to_event(36, events) == MELODY_NO_EVENT
    assert encoder.class_index_to_event(5, events) == 53
    assert encoder.class_index_to_event(38, events) == events[-16]


def test_key_melody_rejects_pitches_it_cannot_place():
    """A held or labelled pitch outside [min_note, max_note) raises instead of corrupting features."""
    encoder = attention()
    with pytest.raises(ValueError):
        encoder.events_to_input([90, -2], 1)
    with pytest.raises(ValueError):
        encoder.inputs_array([90, -2])
    with pytest.raises(ValueError):
        encoder.events_to_label([30], 0)
    with pytest.raises(ValueError):
        encoder.events_to_input([60, 200], 1)


def test_array_forms_match_list_forms_on_long_sequences():
    """inputs_array / labels_array / encode_array equal the per-position methods over 100+ steps."""
    rng = random.Random(7)
    melody = [rng.choice([-2, -2, -1, rng.randrange(48, 84)]) for _ in range(40)] * 3
    drums = [frozenset(rng.sample([36, 38, 42, 46, 49, 100], rng.randint(0, 2))) for _ in range(24)] * 5
    for encoder, events in [
        (basic(), melody),
        (lookback(), melody),
        (attention(), melody),
        (drum_kit(), drums),
        (one_drum(), drums),
    ]:
        expected = np.array(
            [encoder.events_to_input(events, i) for i in range(len(events))], dtype=np.float32
        )
        np.testing.assert_array_equal(encoder.inputs_array(events), expected)
        labels = [encoder.events_to_label(events, i) for i in range(len(events))]
        assert encoder.labels_array(events).tolist() == labels
        inputs, array_labels = encoder.encode_array(events)
        np.testing.assert_array_equal(inputs, expected[:-1])
        assert array_labels.tolist() == labels[1:]


def test_encode_array_of_short_sequences():
    """Sequences of zero or one event give empty training arrays of the right shape."""
    for encoder, event in [(lookback(), 60), (attention(), 60), (drum_kit(), frozenset())]:
        for events in ([], [event]):
            inputs, labels = encoder.encode_array(events)
            assert inputs.shape == (0, encoder.input_size) and labels.shape == (0,)
