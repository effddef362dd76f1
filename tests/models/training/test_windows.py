"""Training on windows: long examples are cut into consecutive windows, and a run records its window."""

from __future__ import annotations

import numpy as np
import pytest

from composer_app.models.training.dataset import EncodedSet, OneHotRows, dense_rows, pad_batch
from composer_app.models.training.errors import TrainingError
from composer_app.models.training.loop import TrainingRequest, check_request_values


def one_hot_set(lengths) -> EncodedSet:
    rng = np.random.default_rng(0)
    inputs = [OneHotRows(None, rng.integers(0, 5, n).astype(np.int16), 5) for n in lengths]
    labels = [rng.integers(0, 5, n).astype(np.int16) for n in lengths]
    return EncodedSet(inputs, labels, 5, 5)


def test_windows_cover_each_example_in_order_without_overlap():
    data = one_hot_set([10, 3, 23])
    cut = data.windows(8)
    assert [len(y) for y in cut.labels] == [8, 2, 3, 8, 8, 7]
    assert cut.steps == data.steps
    joined = np.concatenate([dense_rows(x) for x in cut.inputs])
    np.testing.assert_array_equal(joined, np.concatenate([dense_rows(x) for x in data.inputs]))
    np.testing.assert_array_equal(np.concatenate(cut.labels), np.concatenate(data.labels))


def test_a_tail_of_a_quarter_window_or_more_stands_alone():
    assert [len(y) for y in one_hot_set([18]).windows(8).labels] == [8, 8, 2]
    assert [len(y) for y in one_hot_set([17]).windows(8).labels] == [8, 9]


def test_dense_inputs_are_cut_too():
    data = EncodedSet([np.arange(12, dtype=np.float32).reshape(6, 2)], [np.arange(6)], 2, 6)
    cut = data.windows(4)
    np.testing.assert_array_equal(cut.inputs[0], data.inputs[0][:4])
    np.testing.assert_array_equal(cut.labels[1], [4, 5])


def test_a_window_too_small_is_refused_before_reading(tmp_path):
    request = TrainingRequest("basic_rnn", tmp_path / "x.mag", window=4)
    with pytest.raises(TrainingError, match="--window must be 8 events or more, not 4"):
        check_request_values(request)


def _performance_set(events):
    """One performance_with_dynamics example from (kind, value) events, encoded as the trainer encodes it."""
    from composer_app.models.rnn.configs import get_config
    from composer_app.models.training.dataset import encode_sequences
    from composer_app.models.training.pipelines.polyphony import TimedSequence

    config = get_config("performance_with_dynamics")
    return config, encode_sequences([TimedSequence(tuple(events), plain=True)], config)


def _decoded(config, x, y):
    encoder = config.encoder()
    return [encoder.class_index_to_event(int(c), []) for c in np.r_[x.classes[:1], y]]


def test_a_performance_window_strikes_the_notes_sounding_at_its_start():
    """A window cut mid-span starts with the velocity in force and a NOTE_ON for each note then sounding, so each
    of its NOTE_OFFs ends a note it saw begin."""
    from composer_app.music.encodings.performance import NOTE_OFF, NOTE_ON, TIME_SHIFT, VELOCITY

    events = [(VELOCITY, 20), (NOTE_ON, 60), (NOTE_ON, 64), (TIME_SHIFT, 50), (NOTE_OFF, 64), (TIME_SHIFT, 10),
              (NOTE_ON, 67), (TIME_SHIFT, 30), (NOTE_OFF, 60), (NOTE_ON, 60), (TIME_SHIFT, 5), (NOTE_OFF, 67),
              (NOTE_OFF, 60), (TIME_SHIFT, 5)]
    config, data = _performance_set(events)
    from composer_app.models.training.pipelines.performance import window_keeper

    cut = data.windows(4, window_keeper(config))
    seen = [_decoded(config, x, y) for x, y in zip(cut.inputs, cut.labels)]
    assert seen[0] == events[:5]  # the span's own start is clean already
    # Events 4..8, with 60 and 64 sounding (begun at events 1 and 2).
    assert seen[1] == [(VELOCITY, 20), (NOTE_ON, 60), (NOTE_ON, 64), *events[4:9]]
    # Events 8..12, with the first 60 and 67 sounding; the second 60 begins inside.
    assert seen[2] == [(VELOCITY, 20), (NOTE_ON, 60), (NOTE_ON, 67), *events[8:13]]
    assert seen[3] == [(VELOCITY, 20), (NOTE_ON, 60), *events[12:14]]
    # The struck notes are context: their labels carry no loss, so the model is not taught to open with them.
    assert cut.skips == [0, 2, 2, 1]
    _x, _y, mask = pad_batch(cut, [1, 3])
    np.testing.assert_array_equal(mask, [[0, 0, 1, 1, 1, 1, 1], [0, 1, 1, 0, 0, 0, 0]])
    assert cut.steps == sum(len(y) for y in cut.labels) - 5

    from composer_app.models.rnn.configs import get_config

    assert window_keeper(get_config("polyphony")) is None


def test_performance_windows_of_pedalled_piano_keep_every_note_off_and_no_stray_one():
    """Cut from a span of overlapping, pedal-long notes, no window ends a pitch it has not begun, and every
    NOTE_OFF of the span is still learnt; without the keeper many would end silent pitches."""
    from composer_app.models.training.pipelines.performance import window_keeper
    from composer_app.music.encodings.performance import NOTE_OFF, NOTE_ON, performance_from_notes

    rng = np.random.default_rng(1)
    starts = np.sort(rng.integers(0, 2000, 120))
    notes = [(int(s), int(s + rng.integers(5, 150)), int(rng.integers(48, 84)), int(rng.integers(30, 110)))
             for s in starts]
    config, data = _performance_set(performance_from_notes(notes, config_bins := 32))
    assert config.num_velocity_bins == config_bins

    def strays(cut):
        count = 0
        for x, y in zip(cut.inputs, cut.labels):
            sounding: dict[int, int] = {}
            for kind, value in _decoded(config, x, y):
                if kind == NOTE_ON:
                    sounding[value] = sounding.get(value, 0) + 1
                elif kind == NOTE_OFF:
                    count += not sounding.get(value)
                    sounding[value] = max(sounding.get(value, 0) - 1, 0)
        return count

    assert strays(data) == 0
    assert strays(data.windows(32)) > 5
    assert strays(data.windows(32, window_keeper(config))) == 0
    # Every NOTE_OFF is still a label (an event at a window's start is one in both windows).
    learnt = [sum(config.encoder().class_index_to_event(int(c), [])[0] == NOTE_OFF for c in y)
              for y in (data.labels[0], np.concatenate(data.windows(32, window_keeper(config)).labels))]
    assert learnt[1] >= learnt[0] > 100
