"""Scoring event sequences under a model: per-step next-event distributions, log-likelihood, perplexity."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from composer_app.models.rnn.bundle import Bundle


@dataclass(frozen=True)
class Score:
    """softmax row t is the distribution of event t+1 after reading events 0..t (Magenta's `softmax`).

    With several softmax heads (the note encoding) a row holds every head's distribution side by side, a label
    row holds one class per head, and perplexity and accuracy are per head label, as Magenta's training reports
    them (its loss is the mean over heads and steps).
    """

    softmax: np.ndarray = field(repr=False)  # [len(events), classes]
    labels: np.ndarray = field(repr=False)  # [len(events) - 1] (or [len(events) - 1, heads]): each next event's
    log_likelihood: float = 0.0  # of events 1..n-1 given their predecessors (summed over the heads)
    steps: int = 0
    head_sizes: tuple[int, ...] = ()  # several heads only

    @property
    def perplexity(self) -> float:
        labels_per_step = max(1, len(self.head_sizes))
        return float(np.exp(-self.log_likelihood / (self.steps * labels_per_step))) if self.steps else float("nan")

    @property
    def accuracy(self) -> float:
        if not self.steps:
            return float("nan")
        if self.head_sizes:
            return float(np.mean(self.head_argmax()[:-1] == self.labels))
        return float(np.mean(self.softmax[:-1].argmax(axis=1) == self.labels))

    def head_argmax(self) -> np.ndarray:
        """[len(events), heads]: the most likely class of each head at each row."""
        offsets = np.concatenate([[0], np.cumsum(self.head_sizes)])
        return np.stack([self.softmax[:, offsets[i]:offsets[i + 1]].argmax(axis=1)
                         for i in range(len(self.head_sizes))], axis=1)


def prepare_events(bundle: Bundle, events: list, raw: bool = False) -> list:
    """Melody events squashed into the model's range as Magenta does, unless `raw`."""
    config = bundle.config
    if config.is_melody and not raw:
        from composer_app.music.events import Melody

        melody = Melody(events, steps_per_quarter=config.steps_per_quarter)
        melody.squash(config.min_note, config.max_note, config.transpose_to_key)
        return list(melody)
    return list(events)


def score_events(bundle: Bundle, events: list, raw: bool = False, chords: list[str] | None = None,
                 controls: list | None = None) -> Score:
    """Feed the events through the network once and read off every step's distribution.

    A conditioned model needs its control events, at least one per event: Improv RNN's `chords`, a conditioned
    Performance RNN's `controls` (one tuple per event, a value per signal, led by the disable flag where
    conditioning is optional). Row t is conditioned on the control of event t + 1 (the last is repeated past the
    end, as Magenta's generator extends its controls).
    """
    from composer_app.models.engine.sampling import one_blas_thread
    from composer_app.models.rnn.inference import RnnInference

    events = prepare_events(bundle, events, raw)
    encoder = bundle.config.encoder()
    with one_blas_thread():
        conditioned = bundle.config.needs_chords or bool(bundle.config.control_signals)
        if conditioned:
            given = chords if bundle.config.needs_chords else controls
            what = "chord steps" if bundle.config.needs_chords else "control events"
            if not given or len(given) < len(events):
                raise ValueError(f"{len(given or ())} {what} cannot condition {len(events)} events; "
                                 f"give at least one per event")
            inputs = encoder.inputs_array(list(given), events)
        else:
            inputs = encoder.inputs_array(events)
        heads = tuple(encoder.head_sizes)
        probabilities = RnnInference(bundle.weights).softmax(inputs[None], heads)
    labels = np.asarray(encoder.labels_array(events), dtype=np.int64)[1:]
    steps = len(labels)
    if len(heads) > 1:
        softmax = np.concatenate([p[0] for p in probabilities], axis=1).astype(np.float64)
        picked = np.concatenate([[0], np.cumsum(heads)[:-1]]) + labels  # each head's label, as a column
        loglik = float(np.sum(np.log(np.maximum(softmax[np.arange(steps)[:, None], picked], 1e-30))))
        return Score(softmax, labels, loglik, steps, heads)
    softmax = probabilities[0].astype(np.float64)
    loglik = float(np.sum(np.log(np.maximum(softmax[np.arange(steps), labels], 1e-30)))) if steps else 0.0
    return Score(softmax, labels, loglik, steps)
