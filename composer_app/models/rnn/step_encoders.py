"""Magenta's encoders re-expressed as TensorFlow step functions, so a whole sampling loop can be compiled.

Events are held as integer codes of the config's one-hot event encoding (melody: 0 = no event, 1 = note off,
2.. = pitch - min_note + 2; drums: the drum-class bitmask). Each step encoder builds the input vector for the
latest event from the code history, maps a sampled class back to a code (lookback classes repeat an earlier
event), and for the key-melody encoder carries the running state its features need. The exact Python encoders
in composer_app.music.encodings remain the reference; tests check these against them.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import tensorflow as tf

from composer_app.music.encodings import (
    KeyMelodyEncoderDecoder,
    LookbackEventSequenceEncoderDecoder,
    MelodyOneHotEncoding,
    OneHotEventSequenceEncoderDecoder,
)
from composer_app.music.encodings.base import EventSequenceEncoderDecoder
from composer_app.music.encodings.melody import KEY_MATRIX


@dataclass
class StepEncoder:
    """Common interface; `extra` is a tuple of per-row tensors that only some encoders need."""

    num_codes: int
    num_classes: int
    class_codes: np.ndarray  # [classes] code of each class, -1 for lookback classes
    lookback_classes: tuple[tuple[int, int], ...]  # (class index, distance)

    def codes(self, events) -> np.ndarray:
        raise NotImplementedError

    def events(self, codes) -> list:
        raise NotImplementedError

    def initial_extra(self, codes: np.ndarray) -> tuple:
        return ()

    def tf_input(self, hist, t, extra):
        raise NotImplementedError

    def tf_update(self, extra, code):
        return extra

    def pitch_of_code(self) -> np.ndarray:
        """Pitch for each code, -1 for codes that are not note-ons (used by steering masks)."""
        return np.full(self.num_codes, -1, np.int32)


def _counter_bits(n, bits: int):
    """Magenta's binary counters: bit i is +1 if set in n, else -1."""
    if bits == 0:
        return None
    powers = tf.constant([2 ** i for i in range(bits)], tf.int32)
    on = tf.math.floormod(tf.math.floordiv(n, powers), 2)
    return tf.cast(on, tf.float32) * 2.0 - 1.0


def _code_at(hist, position, default: int):
    """hist[:, position] or `default` where position < 0."""
    safe = tf.maximum(position, 0)
    value = tf.gather(hist, safe, axis=1)
    return tf.where(position >= 0, value, tf.fill(tf.shape(value), default))


class LookbackStepEncoder(StepEncoder):
    """One-hot and lookback encoders (a one-hot encoder is a lookback encoder with no lookbacks or counters)."""

    def __init__(self, encoder: EventSequenceEncoderDecoder):
        if isinstance(encoder, LookbackEventSequenceEncoderDecoder):
            self.one_hot = encoder.one_hot_encoding
            self.distances = tuple(encoder.lookback_distances)
            self.bits = encoder.binary_counter_bits
        elif isinstance(encoder, OneHotEventSequenceEncoderDecoder):
            self.one_hot, self.distances, self.bits = encoder.one_hot_encoding, (), 0
        else:
            raise TypeError(f"no step encoder for {type(encoder).__name__}")
        n = self.one_hot.num_classes
        self.default_code = int(self.one_hot.encode_event(self.one_hot.default_event))
        class_codes = np.concatenate([np.arange(n), -np.ones(len(self.distances))]).astype(np.int32)
        super().__init__(n, encoder.num_classes, class_codes,
                         tuple((n + i, d) for i, d in enumerate(self.distances)))

    def codes(self, events) -> np.ndarray:
        return np.array([self.one_hot.encode_event(e) for e in events], np.int32)

    def events(self, codes) -> list:
        return [self.one_hot.decode_event(int(c)) for c in codes]

    def pitch_of_code(self) -> np.ndarray:
        if isinstance(self.one_hot, MelodyOneHotEncoding):
            pitches = np.arange(self.num_codes) - 2 + self.one_hot.min_note
            pitches[:2] = -1
            return pitches.astype(np.int32)
        return super().pitch_of_code()

    def tf_input(self, hist, t, extra):
        pos = t - 1
        current = _code_at(hist, pos, self.default_code)
        parts = [tf.one_hot(current, self.num_codes)]
        for d in self.distances:
            parts.append(tf.one_hot(_code_at(hist, pos - d + 1, self.default_code), self.num_codes))
        counters = _counter_bits(t, self.bits)
        if counters is not None:
            parts.append(tf.tile(counters[None, :], [tf.shape(hist)[0], 1]))
        for d in self.distances:
            back = _code_at(hist, pos - d, -1)
            parts.append(tf.cast(tf.equal(back, current), tf.float32))
            parts[-1] = parts[-1][:, None]
        return tf.concat(parts, axis=1)


class KeyMelodyStepEncoder(StepEncoder):
    """The attention_rnn encoder: pitch, attack, direction, repeats, counters, bar start and key features."""

    def __init__(self, encoder: KeyMelodyEncoderDecoder):
        self.min_note = encoder.min_note
        self.note_range = encoder.max_note - encoder.min_note
        self.distances = tuple(encoder.lookback_distances)
        self.bits = encoder.binary_counter_bits
        self.one_hot = MelodyOneHotEncoding(encoder.min_note, encoder.max_note)
        r = self.note_range
        # Classes: 0..r-1 pitches, r no event, r+1 note off, r+2+i lookback i; codes: 0 none, 1 off, 2+ pitch.
        class_codes = np.concatenate([np.arange(r) + 2, [0, 1], -np.ones(len(self.distances))]).astype(np.int32)
        super().__init__(r + 2, encoder.num_classes, class_codes,
                         tuple((r + 2 + i, d) for i, d in enumerate(self.distances)))
        self.default_code = 0
        self.key_matrix = tf.constant(KEY_MATRIX, tf.float32)

    def codes(self, events) -> np.ndarray:
        return np.array([self.one_hot.encode_event(e) for e in events], np.int32)

    def events(self, codes) -> list:
        return [self.one_hot.decode_event(int(c)) for c in codes]

    def pitch_of_code(self) -> np.ndarray:
        pitches = np.arange(self.num_codes) - 2 + self.min_note
        pitches[:2] = -1
        return pitches.astype(np.int32)

    def initial_extra(self, codes: np.ndarray) -> tuple:
        """Replay the primer to get (current note, attack, direction, last 3 notes, pitch-class counts)."""
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
        return (np.int32(current), np.float32(attack), np.float32(ascending), np.array(padded, np.int32), counts)

    def tf_input(self, hist, t, extra):
        current, attack, ascending, last3, counts = extra
        r = self.note_range
        batch = tf.shape(hist)[0]
        # A held pitch 0 reads as silence in Magenta ("if current_note:"); pitches here are >= min_note > 0.
        has_note = current > 0
        pitch_part = tf.one_hot(tf.where(has_note, current - self.min_note, -1), r)
        note_flags = tf.stack([tf.cast(has_note, tf.float32), tf.cast(~has_note, tf.float32)], axis=1)
        pos = t - 1
        code_now = _code_at(hist, pos, 0)
        repeats = [tf.cast(tf.equal(_code_at(hist, pos - d, -1), code_now), tf.float32) for d in self.distances]
        counters = tf.tile(_counter_bits(t, self.bits)[None, :], [batch, 1])
        bar = tf.fill([batch, 1], tf.cast(tf.equal(tf.math.floormod(t, 16), 0), tf.float32))
        key_hist = tf.matmul(counts, self.key_matrix)
        key_bits = tf.cast(tf.equal(key_hist, tf.reduce_max(key_hist, axis=1, keepdims=True)), tf.float32)
        last3_pc = tf.one_hot(tf.where(last3 >= 0, tf.math.floormod(last3, 12), -1), 12)
        last3_hist = tf.matmul(tf.reduce_sum(last3_pc, axis=1), self.key_matrix)
        last3_bits = tf.cast(tf.equal(last3_hist, tf.reduce_max(last3_hist, axis=1, keepdims=True)), tf.float32)
        parts = [pitch_part, note_flags, attack[:, None], ascending[:, None]]
        parts += [x[:, None] for x in repeats]
        parts += [counters, bar, key_bits, last3_bits]
        return tf.concat(parts, axis=1)

    def tf_update(self, extra, code):
        current, attack, ascending, last3, counts = extra
        is_none = tf.equal(code, 0)
        is_off = tf.equal(code, 1)
        is_note = code >= 2
        pitch = code - 2 + self.min_note
        newest = last3[:, 2]
        has_last = newest >= 0
        direction = tf.where(pitch > newest, 1.0, tf.where(pitch < newest, -1.0, ascending))
        new_ascending = tf.where(is_note & has_last, direction, ascending)
        new_attack = tf.where(is_note, 1.0, tf.where(is_none, 0.0, attack))
        new_current = tf.where(is_note, pitch, tf.where(is_off, -1, current))
        # last3 keeps distinct pitches, newest last: drop this pitch if present, then append it.
        kept = (last3 >= 0) & tf.not_equal(last3, pitch[:, None])
        rank = tf.cumsum(tf.cast(kept, tf.int32), axis=1, reverse=True)  # kept elements from here to the end
        shifted = tf.fill(tf.shape(last3), -1)
        for j in range(3):
            target = 2 - rank[:, j]  # newest kept -> slot 1, the one before -> slot 0
            place = kept[:, j] & (rank[:, j] <= 2)
            shifted = tf.where(place[:, None] & tf.equal(tf.range(3)[None, :], target[:, None]),
                               last3[:, j:j + 1], shifted)
        appended = tf.concat([shifted[:, :2], pitch[:, None]], axis=1)
        new_last3 = tf.where(is_note[:, None], appended, last3)
        new_counts = counts + tf.one_hot(tf.where(is_note, tf.math.floormod(pitch, 12), -1), 12)
        return (new_current, new_attack, new_ascending, new_last3, new_counts)


def step_encoder_for(encoder: EventSequenceEncoderDecoder) -> StepEncoder:
    if isinstance(encoder, KeyMelodyEncoderDecoder):
        return KeyMelodyStepEncoder(encoder)
    return LookbackStepEncoder(encoder)
