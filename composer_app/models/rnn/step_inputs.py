"""Magenta's encoders, one step at a time for a batch of rows: the input for the latest event, from code histories.

Events are held as integer codes of the config's one-hot event encoding (melody: 0 = no event, 1 = note off,
2.. = pitch - min_note + 2; drums: the drum-class bitmask). A step encoder builds the network input for the
latest event of every row from the code history, says which code each class stands for (lookback classes
repeat an earlier event), and for the key-melody encoder carries the running state its features need. The
exact encoders in composer_app.music.encodings remain the reference; tests check these against them.
"""

from __future__ import annotations

import numpy as np

from composer_app.models.engine.layers import OneHotInput
from composer_app.music.encodings import (
    ConditionalEventSequenceEncoderDecoder,
    KeyMelodyEncoderDecoder,
    LookbackEventSequenceEncoderDecoder,
    MelodyOneHotEncoding,
    OneHotEventSequenceEncoderDecoder,
)
from composer_app.music.encodings.base import EventSequenceEncoderDecoder
from composer_app.music.encodings.melody import KEY_MATRIX

KEY_MATRIX_F32 = KEY_MATRIX.astype(np.float32)


def _code_at(hist: np.ndarray, position: int, default: int) -> np.ndarray:
    """hist[:, position], or `default` for every row where position < 0."""
    if position >= 0:
        return hist[:, position]
    return np.full(hist.shape[0], default, hist.dtype)


def _counter_bits(n: int, bits: int) -> np.ndarray:
    """Magenta's binary counters: bit i is +1 if set in n, else -1."""
    return np.array([1.0 if (n >> i) & 1 else -1.0 for i in range(bits)], np.float32)


def _one_hot(codes: np.ndarray, width: int) -> np.ndarray:
    out = np.zeros((len(codes), width), np.float32)
    valid = (codes >= 0) & (codes < width)
    out[np.flatnonzero(valid), codes[valid]] = 1.0
    return out


class StepEncoder:
    """What the sampling loop needs from an encoding; `extra` is per-row state only some encoders keep."""

    num_codes: int
    num_classes: int
    default_code: int
    class_codes: np.ndarray  # [classes] code of each class, -1 for lookback classes
    lookback_classes: tuple[tuple[int, int], ...]  # (class index, distance)

    def __init__(self, one_hot):
        self.one_hot = one_hot

    def codes(self, events) -> np.ndarray:
        return np.array([self.one_hot.encode_event(e) for e in events], np.int64)

    def events(self, codes) -> list:
        return [self.one_hot.decode_event(int(c)) for c in codes]

    def initial_extra(self, codes: np.ndarray, rows: int) -> list[np.ndarray]:
        return []

    def step_input(self, hist: np.ndarray, t: int, extra: list[np.ndarray]):
        """The network input for event t - 1 of every row: an array, or a OneHotInput."""
        raise NotImplementedError

    def update(self, extra: list[np.ndarray], code: np.ndarray) -> list[np.ndarray]:
        return extra

    def pitch_of_code(self) -> np.ndarray:
        """Pitch for each code, -1 for codes that are not note-ons (for steering masks)."""
        if isinstance(self.one_hot, MelodyOneHotEncoding):
            pitches = np.arange(self.num_codes) - 2 + self.one_hot.min_note
            pitches[:2] = -1
            return pitches
        return np.full(self.num_codes, -1, np.int64)


class LookbackStepEncoder(StepEncoder):
    """One-hot and lookback encoders (a one-hot encoder is a lookback encoder with no lookbacks or counters)."""

    def __init__(self, encoder: EventSequenceEncoderDecoder):
        if isinstance(encoder, LookbackEventSequenceEncoderDecoder):
            one_hot, self.distances, self.bits = (
                encoder.one_hot_encoding, tuple(encoder.lookback_distances), encoder.binary_counter_bits)
        elif isinstance(encoder, OneHotEventSequenceEncoderDecoder):
            one_hot, self.distances, self.bits = encoder.one_hot_encoding, (), 0
        else:
            raise TypeError(f"no step encoder for {type(encoder).__name__}")
        super().__init__(one_hot)
        n = one_hot.num_classes
        self.num_codes, self.num_classes = n, encoder.num_classes
        self.default_code = int(one_hot.encode_event(one_hot.default_event))
        self.class_codes = np.concatenate([np.arange(n), -np.ones(len(self.distances))]).astype(np.int64)
        self.lookback_classes = tuple((n + i, d) for i, d in enumerate(self.distances))

    def step_input(self, hist: np.ndarray, t: int, extra: list[np.ndarray]) -> OneHotInput:
        rows = hist.shape[0]
        pos = t - 1
        current = _code_at(hist, pos, self.default_code)
        blocks = [current] + [_code_at(hist, pos - d + 1, self.default_code) for d in self.distances]
        tail = [np.broadcast_to(_counter_bits(t, self.bits), (rows, self.bits))]
        tail += [(_code_at(hist, pos - d, -1) == current).astype(np.float32)[:, None] for d in self.distances]
        return OneHotInput(np.stack(blocks, axis=1), self.num_codes, np.concatenate(tail, axis=1))


class KeyMelodyStepEncoder(StepEncoder):
    """attention_rnn's encoder: pitch, attack, direction, repeats, counters, bar start and key features."""

    def __init__(self, encoder: KeyMelodyEncoderDecoder):
        super().__init__(MelodyOneHotEncoding(encoder.min_note, encoder.max_note))
        self.min_note = encoder.min_note
        self.note_range = r = encoder.max_note - encoder.min_note
        self.distances = tuple(encoder.lookback_distances)
        self.bits = encoder.binary_counter_bits
        self.num_codes, self.num_classes, self.default_code = r + 2, encoder.num_classes, 0
        # Classes: 0..r-1 pitches, r no event, r+1 note off, r+2+i lookback i; codes: 0 none, 1 off, 2+ pitch.
        self.class_codes = np.concatenate([np.arange(r) + 2, [0, 1], -np.ones(len(self.distances))]).astype(np.int64)
        self.lookback_classes = tuple((r + 2 + i, d) for i, d in enumerate(self.distances))

    def initial_extra(self, codes: np.ndarray, rows: int) -> list[np.ndarray]:
        """Replay the primer: [current note, attack, direction, last 3 notes, pitch-class counts] per row."""
        current, attack, ascending = -1, 0.0, 0.0
        last3: list[int] = []
        counts = np.zeros(12, np.float32)
        for code in codes:
            if code == 0:
                attack = 0.0
            elif code == 1:
                current = -1
            else:
                pitch = int(code) - 2 + self.min_note
                attack, current = 1.0, pitch
                if last3:
                    if pitch > last3[-1]:
                        ascending = 1.0
                    elif pitch < last3[-1]:
                        ascending = -1.0
                if pitch in last3:
                    last3.remove(pitch)
                last3 = (last3 + [pitch])[-3:]
                counts[pitch % 12] += 1
        padded = [-1] * (3 - len(last3)) + last3
        return [np.full(rows, current, np.int64), np.full(rows, attack, np.float32),
                np.full(rows, ascending, np.float32), np.tile(np.array(padded, np.int64), (rows, 1)),
                np.tile(counts, (rows, 1))]

    def step_input(self, hist: np.ndarray, t: int, extra: list[np.ndarray]) -> np.ndarray:
        current, attack, ascending, last3, counts = extra
        rows, r = hist.shape[0], self.note_range
        # A held pitch 0 reads as silence in Magenta ("if current_note:"); pitches here are >= min_note > 0.
        has_note = current > 0
        pitch_part = _one_hot(np.where(has_note, current - self.min_note, -1), r)
        note_flags = np.stack([has_note, ~has_note], axis=1).astype(np.float32)
        pos = t - 1
        code_now = _code_at(hist, pos, 0)
        repeats = [(_code_at(hist, pos - d, -1) == code_now).astype(np.float32)[:, None] for d in self.distances]
        counters = np.broadcast_to(_counter_bits(t, self.bits), (rows, self.bits))
        bar = np.full((rows, 1), 1.0 if t % 16 == 0 else 0.0, np.float32)
        parts = [pitch_part, note_flags, attack[:, None], ascending[:, None], *repeats, counters, bar,
                 _top_keys(counts), _top_keys(_pitch_class_counts(last3))]
        return np.concatenate(parts, axis=1)

    def update(self, extra: list[np.ndarray], code: np.ndarray) -> list[np.ndarray]:
        current, attack, ascending, last3, counts = extra
        is_note = code >= 2
        pitch = code - 2 + self.min_note
        newest = last3[:, 2]
        direction = np.where(pitch > newest, 1.0, np.where(pitch < newest, -1.0, ascending)).astype(np.float32)
        new_ascending = np.where(is_note & (newest >= 0), direction, ascending)
        new_attack = np.where(is_note, 1.0, np.where(code == 0, 0.0, attack)).astype(np.float32)
        new_current = np.where(is_note, pitch, np.where(code == 1, -1, current))
        new_last3 = last3.copy()
        new_counts = counts.copy()
        for row in np.flatnonzero(is_note):
            # Distinct pitches, newest last: drop this pitch if present, then append it.
            kept = [p for p in last3[row] if p >= 0 and p != pitch[row]]
            new_last3[row] = ([-1, -1, -1] + kept + [int(pitch[row])])[-3:]
            new_counts[row, pitch[row] % 12] += 1.0
        return [new_current, new_attack, new_ascending, new_last3, new_counts]


def _pitch_class_counts(last3: np.ndarray) -> np.ndarray:
    counts = np.zeros((len(last3), 12), np.float32)
    rows, cols = np.nonzero(last3 >= 0)
    np.add.at(counts, (rows, last3[rows, cols] % 12), 1.0)
    return counts


def _top_keys(counts: np.ndarray) -> np.ndarray:
    """1 for every major key whose scale holds the most of the counted pitch classes."""
    keys = counts @ KEY_MATRIX_F32
    return (keys == keys.max(axis=1, keepdims=True)).astype(np.float32)


class ConditionalStepEncoder(StepEncoder):
    """A target step encoder behind a control block known in advance (Improv RNN's chords).

    The input for event p is [control row p + 1 | the target's input for event p]; `with_controls` binds the
    control rows of one request, leaving the shared encoder untouched.
    """

    def __init__(self, target: StepEncoder, controls: np.ndarray | None = None):
        super().__init__(target.one_hot)
        self.target = target
        self.controls = controls
        for name in ("num_codes", "num_classes", "default_code", "class_codes", "lookback_classes"):
            setattr(self, name, getattr(target, name))

    def with_controls(self, controls: np.ndarray) -> ConditionalStepEncoder:
        """This encoder for one request: controls [steps, control size], row p the control of event p."""
        return ConditionalStepEncoder(self.target, np.asarray(controls, np.float32))

    def codes(self, events) -> np.ndarray:
        return self.target.codes(events)

    def events(self, codes) -> list:
        return self.target.events(codes)

    def initial_extra(self, codes: np.ndarray, rows: int) -> list[np.ndarray]:
        return self.target.initial_extra(codes, rows)

    def update(self, extra: list[np.ndarray], code: np.ndarray) -> list[np.ndarray]:
        return self.target.update(extra, code)

    def pitch_of_code(self) -> np.ndarray:
        return self.target.pitch_of_code()

    def step_input(self, hist: np.ndarray, t: int, extra: list[np.ndarray]) -> np.ndarray:
        if self.controls is None:
            raise RuntimeError("a conditional step encoder needs its controls (with_controls) before stepping")
        target = self.target.step_input(hist, t, extra)
        if isinstance(target, OneHotInput):
            target = target.dense()
        control = np.broadcast_to(self.controls[min(t, len(self.controls) - 1)], (hist.shape[0], self.controls.shape[1]))
        return np.concatenate([control, target], axis=1)


def step_encoder_for(encoder) -> StepEncoder:
    if isinstance(encoder, ConditionalEventSequenceEncoderDecoder):
        return ConditionalStepEncoder(step_encoder_for(encoder.target_encoder))
    if isinstance(encoder, KeyMelodyEncoderDecoder):
        return KeyMelodyStepEncoder(encoder)
    return LookbackStepEncoder(encoder)
