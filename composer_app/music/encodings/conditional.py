"""note_seq's ConditionalEventSequenceEncoderDecoder: a control sequence known in advance steers a target one."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from composer_app.music.encodings.base import EventSequenceEncoderDecoder


class ConditionalEventSequenceEncoderDecoder:
    """Input row i is [control input at i + 1 | target input at i]: the control block comes first, and it is the
    control of the event being predicted. Labels and decoding are the target encoder's alone.

    `controls` must be one longer than `events` for full-length inputs; a sequence exactly as long is extended
    by repeating its last control, as Magenta's default control extender does during generation.
    """

    def __init__(self, control_encoder_decoder: EventSequenceEncoderDecoder,
                 target_encoder_decoder: EventSequenceEncoderDecoder):
        self.control_encoder = control_encoder_decoder
        self.target_encoder = target_encoder_decoder

    @property
    def control_size(self) -> int:
        return self.control_encoder.input_size

    @property
    def input_size(self) -> int:
        return self.control_encoder.input_size + self.target_encoder.input_size

    @property
    def num_classes(self) -> int:
        return self.target_encoder.num_classes

    @property
    def default_event_label(self) -> int:
        return self.target_encoder.default_event_label

    @property
    def head_sizes(self) -> tuple[int, ...]:
        return self.target_encoder.head_sizes

    def events_to_input(self, controls: Sequence[Any], events: Sequence[Any], position: int) -> list[float]:
        """The input that predicts the event at position + 1."""
        return (self.control_encoder.events_to_input(controls, position + 1)
                + self.target_encoder.events_to_input(events, position))

    def events_to_label(self, events: Sequence[Any], position: int) -> int:
        return self.target_encoder.events_to_label(events, position)

    def class_index_to_event(self, class_index: int, events: Sequence[Any]) -> Any:
        return self.target_encoder.class_index_to_event(class_index, events)

    def labels_to_num_steps(self, labels: Sequence[int]) -> int:
        return self.target_encoder.labels_to_num_steps(labels)

    def extended_controls(self, controls: Sequence[Any], length: int) -> list:
        """`controls` lengthened to `length` by repeating the last (Magenta's default extender)."""
        controls = list(controls)
        if not controls:
            raise ValueError("no control events")
        return controls + [controls[-1]] * max(0, length - len(controls))

    def control_inputs(self, controls: Sequence[Any]) -> np.ndarray:
        """The control block of every position's input, float32 [len(controls), control_size]."""
        encoder = self.control_encoder
        if hasattr(encoder, "one_hot_encoding"):
            out = np.zeros((len(controls), self.control_size), np.float32)
            out[np.arange(len(controls)), encoder.one_hot_encoding.encode_events(controls)] = 1.0
            return out
        return np.asarray(encoder.inputs_array(controls), np.float32).reshape(len(controls), self.control_size)

    def inputs_array(self, controls: Sequence[Any], events: Sequence[Any]) -> np.ndarray:
        """Input vectors for every event position, float32 [len(events), input_size]."""
        if len(controls) < len(events):
            raise ValueError(f"{len(controls)} control events cannot condition {len(events)} events")
        shifted = self.control_inputs(self.extended_controls(controls, len(events) + 1)[1:len(events) + 1])
        return np.concatenate([shifted, self.target_encoder.inputs_array(events)], axis=1)

    def labels_array(self, events: Sequence[Any]) -> np.ndarray:
        return self.target_encoder.labels_array(events)

    def get_inputs_batch(self, control_sequences: Sequence[Sequence[Any]], event_sequences: Sequence[Sequence[Any]],
                         full_length: bool = False) -> list:
        """Magenta's generation inputs: every step of each sequence pair, or only its last step."""
        batch = []
        for controls, events in zip(control_sequences, event_sequences, strict=True):
            positions = range(len(events)) if full_length else [len(events) - 1]
            batch.append([self.events_to_input(controls, events, i) for i in positions])
        return batch


__all__ = ["ConditionalEventSequenceEncoderDecoder"]
