"""Improv RNN's chord encodings: note_seq's triad one-hot (49 classes) and chord-pitches (37 inputs) encoders."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from composer_app.music.chords import NO_CHORD, TRIAD_QUALITIES, parse_chord_symbol, triad_of
from composer_app.music.encodings.base import EventSequenceEncoderDecoder, OneHotEncoding
from composer_app.music.encodings.melody import NOTES_PER_OCTAVE

# decode_event's spelling of each root, as note_seq's _PITCH_CLASS_MAPPING has it.
_ROOT_NAMES = ("C", "C#", "D", "Eb", "E", "F", "F#", "G", "Ab", "A", "Bb", "B")
_QUALITY_SUFFIX = {"major": "", "minor": "m", "augmented": "aug", "diminished": "dim"}


class TriadChordOneHotEncoding(OneHotEncoding):
    """0 = N.C., then 12 roots each of major (1..12), minor (13..24), augmented (25..36), diminished (37..48).

    A chord's triad is read from its degrees 1, 3 and 5, so extensions and slash basses do not matter
    ("Am7/G" is A minor); a chord with no standard triad raises ChordEncodingError, as in note_seq.
    """

    @property
    def num_classes(self) -> int:
        return len(TRIAD_QUALITIES) * NOTES_PER_OCTAVE + 1

    @property
    def default_event(self) -> str:
        return NO_CHORD

    def encode_event(self, event: str) -> int:
        if event == NO_CHORD:
            return 0
        triad = triad_of(event)
        if triad is None:  # a spelling of N.C. with spaces around it
            return 0
        root, quality = triad
        return TRIAD_QUALITIES.index(quality) * NOTES_PER_OCTAVE + root + 1

    def decode_event(self, index: int) -> str:
        if index == 0:
            return NO_CHORD
        block, root = divmod(index - 1, NOTES_PER_OCTAVE)
        return _ROOT_NAMES[root] + _QUALITY_SUFFIX[TRIAD_QUALITIES[block]]


class PitchChordsEncoderDecoder(EventSequenceEncoderDecoder):
    """Inputs only (37 wide): [0] N.C., [1..12] root one-hot, [13..24] the chord's pitch classes, [25..36] bass.

    It has no labels: chords condition a model, they are never predicted.
    """

    @property
    def input_size(self) -> int:
        return 3 * NOTES_PER_OCTAVE + 1

    @property
    def num_classes(self) -> int:
        raise NotImplementedError("chord pitches are an input encoding only")

    @property
    def default_event_label(self) -> int:
        raise NotImplementedError("chord pitches are an input encoding only")

    def events_to_input(self, events: Sequence[str], position: int) -> list[float]:
        input_ = [0.0] * self.input_size
        info = parse_chord_symbol(events[position])
        if info.is_no_chord:
            input_[0] = 1.0
            return input_
        input_[1 + info.root_pitch_class] = 1.0
        for pitch_class in info.pitch_classes:
            input_[1 + NOTES_PER_OCTAVE + pitch_class] = 1.0
        input_[1 + 2 * NOTES_PER_OCTAVE + info.bass_pitch_class] = 1.0
        return input_

    def events_to_label(self, events: Sequence[str], position: int) -> int:
        raise NotImplementedError("chord pitches are an input encoding only")

    def class_index_to_event(self, class_index: int, events: Sequence[str]) -> str:
        raise NotImplementedError("chord pitches are an input encoding only")

    def inputs_array(self, events: Sequence[str]) -> np.ndarray:
        rows = {figure: self.events_to_input([figure], 0) for figure in set(events)}
        return np.array([rows[figure] for figure in events], np.float32).reshape(len(events), self.input_size)


__all__ = ["TriadChordOneHotEncoding", "PitchChordsEncoderDecoder"]
