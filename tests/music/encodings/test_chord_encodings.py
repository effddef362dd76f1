"""Improv RNN's chord encodings and the conditional encoder against note_seq, and their own edge cases."""

from __future__ import annotations

import random

import numpy as np
import pytest

from composer_app.errors import ComposerError
from composer_app.music.encodings import (
    ConditionalEventSequenceEncoderDecoder,
    KeyMelodyEncoderDecoder,
    MelodyOneHotEncoding,
    OneHotEventSequenceEncoderDecoder,
    PitchChordsEncoderDecoder,
    TriadChordOneHotEncoding,
)
from tests.music.encodings.test_encodings_vs_note_seq import random_melody_events
from tests.music.test_chords import random_figures

TRIAD_FIGURES = ["N.C.", "C", "Am7", "Dm7/F", "G7", "Cmaj7/E", "F#m7b5", "B7", "Eb+", "Em", "Bbdim7", "A7/C#"]


def _readable(note_seq, figures):
    """The figures note_seq's chord-pitches encoder takes."""
    from note_seq import chord_symbols_lib

    out = []
    for figure in figures:
        try:
            chord_symbols_lib.chord_symbol_pitches(figure)
        except chord_symbols_lib.ChordSymbolError:
            continue
        out.append(figure)
    return out


def test_triad_one_hot_layout():
    """49 classes: N.C., then 12 roots of major, minor, augmented and diminished; decoding names them."""
    encoding = TriadChordOneHotEncoding()
    assert encoding.num_classes == 49 and encoding.default_event == "N.C."
    assert [encoding.encode_event(f) for f in ("N.C.", "C", "Cm", "Caug", "Cdim", "B7", "Bbm7")] == [
        0, 1, 13, 25, 37, 12, 23]
    assert [encoding.decode_event(i) for i in (0, 1, 14, 27, 48)] == ["N.C.", "C", "C#m", "Daug", "Bdim"]


def test_chord_pitches_match_note_seq(note_seq):
    """Root, pitch classes and bass blocks agree with note_seq's PitchChordsEncoderDecoder on 1000 chords."""
    from note_seq import chords_encoder_decoder

    figures = _readable(note_seq, random_figures(random.Random("pitches"), 1000)) + ["N.C."]
    theirs = chords_encoder_decoder.PitchChordsEncoderDecoder()
    ours = PitchChordsEncoderDecoder()
    assert ours.input_size == 37
    expected = np.array([theirs.events_to_input(figures, i) for i in range(len(figures))], np.float32)
    np.testing.assert_array_equal(ours.inputs_array(figures), expected)
    assert [ours.events_to_input(figures, i) for i in range(5)] == expected[:5].tolist()


def test_chord_pitches_have_no_labels():
    """Chords only condition a model: asking for labels is a programming error, not a silent zero."""
    with pytest.raises(NotImplementedError):
        _ = PitchChordsEncoderDecoder().num_classes


@pytest.mark.parametrize("target", ["one_hot", "key_melody"])
@pytest.mark.parametrize("control", ["triad", "pitches"])
def test_conditional_inputs_match_note_seq(note_seq, control, target):
    """[control at i + 1 | target at i] row by row, as note_seq's ConditionalEventSequenceEncoderDecoder."""
    import note_seq as ns

    rng = random.Random(f"{control}-{target}")
    ours_control, their_control = {
        "triad": (OneHotEventSequenceEncoderDecoder(TriadChordOneHotEncoding()),
                  ns.OneHotEventSequenceEncoderDecoder(ns.TriadChordOneHotEncoding())),
        "pitches": (PitchChordsEncoderDecoder(), ns.PitchChordsEncoderDecoder()),
    }[control]
    ours_target, their_target = {
        "one_hot": (OneHotEventSequenceEncoderDecoder(MelodyOneHotEncoding(48, 84)),
                    ns.OneHotEventSequenceEncoderDecoder(ns.MelodyOneHotEncoding(48, 84))),
        "key_melody": (KeyMelodyEncoderDecoder(48, 84), ns.KeyMelodyEncoderDecoder(48, 84)),
    }[target]
    ours = ConditionalEventSequenceEncoderDecoder(ours_control, ours_target)
    theirs = ns.ConditionalEventSequenceEncoderDecoder(their_control, their_target)
    pool = TRIAD_FIGURES if control == "triad" else _readable(note_seq, random_figures(rng, 200)) + ["N.C."]
    for _ in range(10):
        events = random_melody_events(rng, 48, 84, 40)
        chords = [rng.choice(pool) for _ in range(41)]
        expected = np.array(theirs.get_inputs_batch([chords], [events], full_length=True)[0], np.float32)
        np.testing.assert_array_equal(ours.inputs_array(chords, events), expected)
        assert ours.get_inputs_batch([chords], [events])[0] == theirs.get_inputs_batch([chords], [events])[0]
        np.testing.assert_array_equal(ours.labels_array(events)[1:],
                                      [theirs.events_to_label(events, i) for i in range(1, 40)])
    assert ours.input_size == theirs.input_size and ours.num_classes == theirs.num_classes


def test_conditional_extends_controls_as_magenta():
    """Controls as long as the events get their last one repeated; fewer controls than events is refused."""
    encoder = ConditionalEventSequenceEncoderDecoder(
        OneHotEventSequenceEncoderDecoder(TriadChordOneHotEncoding()),
        OneHotEventSequenceEncoderDecoder(MelodyOneHotEncoding(48, 84)))
    events = [60, -2, 62]
    np.testing.assert_array_equal(encoder.inputs_array(["C", "G", "Am"], events),
                                  encoder.inputs_array(["C", "G", "Am", "Am"], events))
    assert encoder.inputs_array(["C", "G", "Am"], events)[2, 13 + 9] == 1.0  # row 2 hears Am (index 22)
    with pytest.raises(ValueError):
        encoder.inputs_array(["C", "G"], events)


def test_triad_encoder_rejects_sus_chords_as_a_users_error():
    """A sus chord in a triad model's controls is a ComposerError, never a bare ValueError or KeyError."""
    encoder = OneHotEventSequenceEncoderDecoder(TriadChordOneHotEncoding())
    with pytest.raises(ComposerError):
        encoder.inputs_array(["C", "Csus4"])
