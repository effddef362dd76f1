"""The note encoding of Performance RNN: head sizes, labels, inputs and NotePerformance events, as note_seq has them."""

from __future__ import annotations

import numpy as np
import pytest

from composer_app.music.encodings.note_performance import (
    NotePerformanceError,
    NotePerformanceEventSequenceEncoderDecoder,
    note_performance_from_notes,
    note_performance_steps,
    notes_from_note_performance,
)

ENCODER = NotePerformanceEventSequenceEncoderDecoder(num_velocity_bins=32)


def test_heads_split_shifts_and_durations_as_note_seq():
    """1001 shift values split 13 x 77, 1000 durations 25 x 40; 315 inputs and logits in all."""
    assert ENCODER.head_sizes == (13, 77, 128, 32, 25, 40)
    assert ENCODER.input_size == ENCODER.num_classes == 315
    assert ENCODER.default_event_label == (0, 0, 60, 0, 0, 0)


@pytest.mark.parametrize("event", [(0, 0, 1, 1), (1000, 127, 32, 1000), (77, 60, 16, 40), (76, 61, 2, 41)])
def test_labels_round_trip(event):
    """Every event's six labels decode back to the event, at the edges of each segment too."""
    labels = ENCODER.events_to_label([event], 0)
    assert all(0 <= label < size for label, size in zip(labels, ENCODER.head_sizes))
    assert ENCODER.class_index_to_event(labels, []) == event


def test_input_is_one_hot_per_block_and_arrays_agree():
    """The input has one hot column in each of the six blocks, and inputs_array is events_to_input row by row."""
    events = [(0, 60, 16, 50), (25, 67, 20, 1), (1000, 0, 1, 1000)]
    rows = np.array([ENCODER.events_to_input(events, i) for i in range(3)], np.float32)
    assert (rows.sum(axis=1) == 6).all()
    np.testing.assert_array_equal(ENCODER.inputs_array(events), rows)
    assert ENCODER.labels_array(events).tolist() == [list(ENCODER.encode_event(e)) for e in events]


def test_events_out_of_range_are_refused():
    """A duration of 0 or a shift over 1000 has no labels (note_seq would index out of its one-hot)."""
    for event in [(0, 60, 1, 0), (1001, 60, 1, 1), (0, 60, 33, 1)]:
        with pytest.raises(ValueError):
            ENCODER.encode_event(event)


def test_notes_become_one_event_each_and_back():
    """Notes sorted by (onset, pitch) become (shift, pitch, bin, duration); to notes gives bins' lowest velocity."""
    notes = [(10, 30, 64, 100), (0, 5, 60, 1), (10, 12, 60, 127)]
    events = note_performance_from_notes(notes, 32)
    assert events == [(0, 60, 1, 5), (10, 60, 32, 2), (0, 64, 25, 20)]
    assert note_performance_steps(events) == 30
    assert notes_from_note_performance(events, 32) == [(0, 5, 60, 1), (10, 12, 60, 125), (10, 30, 64, 97)]


def test_unquantized_onsets_order_notes_as_note_seq():
    """Given the onsets in seconds, notes on one step keep their order in time, not their pitch order."""
    notes = [(10, 20, 72, 80), (10, 20, 60, 80)]
    assert [e[1] for e in note_performance_from_notes(notes, 32, start_times=[0.101, 0.104])] == [72, 60]
    assert [e[1] for e in note_performance_from_notes(notes, 32)] == [60, 72]


def test_too_long_gaps_and_notes_are_refused():
    """A gap or a note over 1000 steps (10 s) cannot be a note event, as note_seq discards such performances."""
    with pytest.raises(NotePerformanceError):
        note_performance_from_notes([(1001, 1002, 60, 80)], 32)
    with pytest.raises(NotePerformanceError):
        note_performance_from_notes([(0, 1001, 60, 80)], 32)


def test_cutting_to_a_length_drops_late_notes_and_shortens_long_ones():
    """Notes from the cut on go; a note sounding past it ends there; earlier notes stay as they are."""
    from composer_app.music.encodings.note_performance import set_note_performance_length

    events = [(0, 60, 1, 5), (10, 62, 2, 50), (30, 64, 3, 1), (5, 65, 4, 1)]
    assert set_note_performance_length(events, 40) == [(0, 60, 1, 5), (10, 62, 2, 30)]
    assert set_note_performance_length(events, 42) == [(0, 60, 1, 5), (10, 62, 2, 32), (30, 64, 3, 1)]
    assert set_note_performance_length(events, 100) == events
