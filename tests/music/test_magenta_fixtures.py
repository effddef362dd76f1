"""The encoders reproduce, exactly, the input vectors Magenta 2.1.4 made for the shared tiny bundles."""

from __future__ import annotations

import json

import numpy as np
import pytest

from composer_app.music.encodings import (
    KeyMelodyEncoderDecoder,
    LookbackEventSequenceEncoderDecoder,
    MelodyOneHotEncoding,
    MultiDrumOneHotEncoding,
    OneHotEventSequenceEncoderDecoder,
)

# Each bundle's config encoder, as Magenta's melody_rnn / drums_rnn configs build it.
CONFIGS = {
    "basic_tiny": lambda: OneHotEventSequenceEncoderDecoder(MelodyOneHotEncoding(48, 84)),
    "lookback_tiny": lambda: LookbackEventSequenceEncoderDecoder(MelodyOneHotEncoding(48, 84), None, 5),
    "attention_tiny": lambda: KeyMelodyEncoderDecoder(48, 84, None, 7),
    "mono_tiny": lambda: OneHotEventSequenceEncoderDecoder(MelodyOneHotEncoding(0, 128)),
    "drum_kit_tiny": lambda: LookbackEventSequenceEncoderDecoder(MultiDrumOneHotEncoding(), [], 6),
}

SIZES = {
    "basic_tiny": (38, 38),
    "lookback_tiny": (121, 40),
    "attention_tiny": (74, 40),
    "mono_tiny": (130, 130),
    "drum_kit_tiny": (518, 512),
}


def load(fixtures_dir, name):
    path = fixtures_dir / f"{name}.json"
    if not path.is_file():
        pytest.skip(f"{path.name} is not among the shared fixtures")
    data = json.loads(path.read_text())
    events = data["events"]
    if name.startswith("drum"):
        events = [frozenset(step) for step in events]
    return events, np.asarray(data["inputs"], dtype=np.float64)


@pytest.mark.parametrize("name", sorted(CONFIGS))
def test_fixture_inputs_reproduced_exactly(magenta_fixtures_dir, name):
    """events_to_input at every one of the 16 steps equals the fixture's input vector bit for bit."""
    events, expected = load(magenta_fixtures_dir, name)
    encoder = CONFIGS[name]()
    assert (encoder.input_size, encoder.num_classes) == SIZES[name]
    assert expected.shape == (len(events), encoder.input_size)
    for position in range(len(events)):
        assert encoder.events_to_input(events, position) == expected[position].tolist(), f"step {position}"


@pytest.mark.parametrize("name", sorted(CONFIGS))
def test_fixture_inputs_from_fast_paths(magenta_fixtures_dir, name):
    """inputs_array, encode_array and the full-length generation batch give the same vectors."""
    events, expected = load(magenta_fixtures_dir, name)
    encoder = CONFIGS[name]()
    array = encoder.inputs_array(events)
    assert array.dtype == np.float32
    np.testing.assert_array_equal(array, expected)
    inputs, labels = encoder.encode_array(events)
    np.testing.assert_array_equal(inputs, expected[:-1])
    assert len(labels) == len(events) - 1
    batch = encoder.get_inputs_batch([events], full_length=True)
    np.testing.assert_array_equal(np.asarray(batch[0]), expected)
    last = encoder.get_inputs_batch([events])
    np.testing.assert_array_equal(np.asarray(last[0][0]), expected[-1])
