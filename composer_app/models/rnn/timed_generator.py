"""Generation for events that carry time (Polyphony RNN's STEP_END, Performance RNN's TIME_SHIFT), as Magenta does it.

A sequence is extended event by event until it spans the steps asked for, then cut or padded to exactly that
(Magenta's set_length). Per step: sample an event from every row's logits, then feed the network that event's input,
behind the control of the next event where the model is conditioned (Performance RNN: the schedule's value at the
time the next event starts), followed by any events injected for the step just closed (Polyphony RNN's
harmonisation: the primer's notes replayed), whose log-probabilities join the row's score as in Magenta. With the
piano's rules (a Performance RNN option Magenta lacks: composer_app.music.encodings.piano_keys), a key that is up is
never released, and before a key that is down is struck again its NOTE_OFF is fed and scored like an injected event.

Without beam search every output samples in one batch until all have their length (what Magenta's rounds of event
budgets amount to). With beam search each output runs Magenta's rounds: a beam search over a budget of events from
the best sequence so far, until one spans the length.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import numpy as np

from composer_app.models.engine.heads import HeadCodes, head_uniforms, sample_heads
from composer_app.models.engine.layers import OneHotInput, log_softmax
from composer_app.models.engine.sampling import beam_rows, one_blas_thread, sample_classes, step_uniforms
from composer_app.models.errors import GenerationCancelled, GenerationError
from composer_app.models.rnn.bundle import Bundle
from composer_app.models.rnn.inference import RnnInference
from composer_app.music.encodings.performance import TIME_SHIFT
from composer_app.music.encodings.performance_controls import DEFAULT_NOTE_DENSITY
from composer_app.music.encodings.piano_keys import PianoKeys
from composer_app.music.encodings.polyphony import STEP_END
from composer_app.said import said

# A model that never moves time on would loop for ever: stop after this many times Magenta's first event budget.
MAX_BUDGET_FACTOR = 20
REPORT_EVENTS = 32  # progress is reported every this many sampled events


@dataclass(frozen=True)
class TimedRequest:
    """One generation of a Polyphony or Performance RNN, its primer already as Magenta's events.

    `total_steps` counts the model's grid (16ths, or 10 ms steps) from the primer's start. `inject[k]` holds the
    events replayed in step `inject_start + k` (Polyphony RNN); `control_values[s]` is the list of values over time
    of control signal s and `disable_conditioning` that of the disable flag (Performance RNN), as Magenta's
    generator maps a list of values onto equal stretches of the performance. `piano_rules` samples Performance RNN
    events (not whole-note events) by the piano's rules; Magenta's sampling has none.
    """

    bundle: Bundle
    primer: tuple
    total_steps: int
    num_outputs: int = 1
    temperature: float = 1.0
    beam_size: int = 1
    branch_factor: int = 1
    steps_per_iteration: int = 1
    seed: int | None = None
    inject: tuple[tuple, ...] = ()
    inject_start: int = 0
    control_values: tuple[tuple, ...] = ()
    disable_conditioning: tuple[bool, ...] = (False,)
    piano_rules: bool = False


@dataclass(frozen=True)
class TimedResult:
    """The generated sequences (primer included, set to the length asked for) and their scores."""

    events: tuple[tuple, ...] = field(repr=False)
    log_likelihoods: tuple[float, ...]
    seed: int
    seconds: float
    events_computed: int  # network steps run after the primer, all rows together


def event_steps(family: str, event) -> int:
    """The grid steps an event moves time on by."""
    if family == "polyphony":
        return 1 if event[0] == STEP_END else 0
    return event[1] if event[0] == TIME_SHIFT else 0


def step_to_value_index(step: int, total_steps: int, count: int) -> int:
    """Magenta's _step_to_value: which of `count` values holds at `step` of a `total_steps` performance."""
    return min(step * count // total_steps, count - 1)


class TimedGenerator:
    """The sampling loop of one Polyphony or Performance RNN bundle."""

    def __init__(self, bundle: Bundle):
        self._progress = None
        self.bundle = bundle
        self.config = bundle.config
        self.encoder = self.config.encoder()
        self.net = RnnInference(bundle.weights)
        target = getattr(self.encoder, "target_encoder", self.encoder)
        self.heads = tuple(target.head_sizes)
        self.dense_inputs = None
        if len(self.heads) > 1:  # the note encoding: an event is a note, coded as the flat code of its labels
            self.one_hot = _NoteCodes(target)
            return
        self.one_hot = target.one_hot_encoding if hasattr(target, "one_hot_encoding") else target.one_hot
        self.num_classes = self.one_hot.num_classes
        # The steps each class moves time on, and the input width of each class (dense for non-one-hot inputs).
        family = self.config.family
        self.class_steps = np.array([event_steps(family, self.one_hot.decode_event(c))
                                     for c in range(self.num_classes)], np.int64)
        if target.input_size != self.num_classes:  # compact or modulo inputs: a table of each class's input
            events = [self.one_hot.decode_event(c) for c in range(self.num_classes)]
            self.dense_inputs = target.inputs_array(events).astype(np.float32)

    # -- controls ------------------------------------------------------------------------------------------
    def _control_table(self, request: TimedRequest) -> tuple[np.ndarray | None, list[int]]:
        """The encoded control block for each distinct stretch of the schedule, and the counts of values."""
        if not self.config.control_signals:
            return None, []
        counts = [len(values) for values in request.control_values] + (
            [len(request.disable_conditioning)] if self.config.optional_conditioning else [])
        stretches = math.lcm(*counts)
        events = []
        for k in range(stretches):
            values = tuple(vals[k * len(vals) // stretches] for vals in request.control_values)
            if self.config.optional_conditioning:
                flags = request.disable_conditioning
                events.append((bool(flags[k * len(flags) // stretches]), values))
            else:
                events.append(values)
        return self.encoder.control_inputs(events), [stretches]

    def _controls_at(self, table, stretches, times: np.ndarray, total: int) -> np.ndarray | None:
        if table is None:
            return None
        return table[np.minimum(times * stretches[0] // total, stretches[0] - 1)]

    def _steps(self, codes) -> np.ndarray:
        """The steps each event moves time on (a note event: its shift from the previous onset)."""
        codes = np.asarray(codes, np.int64)
        return self.one_hot.shifts(codes) if len(self.heads) > 1 else self.class_steps[codes]

    def _reached(self, rows: _Rows) -> np.ndarray:
        """How far each row spans: its time, plus the last note's duration for note events (NotePerformance's
        num_steps)."""
        if len(self.heads) == 1:
            return rows.times
        return rows.times + self.one_hot.durations(np.array([c[-1] for c in rows.codes], np.int64))

    def _sample(self, rows: _Rows, temperature: float, key: tuple[int, int]):
        """One event code per row, and its log-probability (summed over the heads of a multi-head model)."""
        logits = rows.logits
        if len(self.heads) > 1:
            labels, log_prob = sample_heads(logits, self.heads, temperature,
                                            head_uniforms(key[0], key[1], len(logits), len(self.heads)))
            return self.one_hot.codes.code(labels), log_prob
        allowed = None if rows.keys is None else rows.keys.allowed()
        return sample_classes(logits, allowed, temperature, step_uniforms(key[0], key[1], len(logits)))

    def _inputs(self, codes: np.ndarray, controls: np.ndarray | None):
        """The network input of these classes (one per row), behind their rows' control blocks."""
        if len(self.heads) > 1:
            empty = np.zeros((len(codes), 0), np.float32)
            return OneHotInput(self.one_hot.codes.labels(codes), self.heads, empty, controls)
        if self.dense_inputs is not None:
            x = self.dense_inputs[codes]
            return x if controls is None else np.concatenate([controls, x], axis=1)
        empty = np.zeros((len(codes), 0), np.float32)
        return OneHotInput(codes[:, None], self.num_classes, empty, controls)

    # -- the loop ------------------------------------------------------------------------------------------
    def generate(self, request: TimedRequest, cancelled: Callable[[], bool] | None = None,
                 progress: Callable[[int, int], None] | None = None) -> TimedResult:
        """Sample the outputs; `progress(steps, total)` hears now and then how far the slowest row has reached."""
        self._progress = progress
        with one_blas_thread():
            return self._generate(request, cancelled)

    def _generate(self, request: TimedRequest, cancelled) -> TimedResult:
        start = time.perf_counter()
        seed = request.seed if request.seed is not None else int(np.random.SeedSequence().entropy % (2 ** 31))
        primer = list(request.primer)
        if not primer:
            raise GenerationError(said("the primer has no events"))
        codes = [int(self.one_hot.encode_event(e)) for e in primer]
        inject = [[int(self.one_hot.encode_event(e)) for e in step] for step in request.inject]
        step_count = int(self._steps(codes).sum())
        if inject and (primer[-1][0] == STEP_END or len(primer) == 1) and \
                0 <= step_count - request.inject_start < len(inject):
            codes += inject[step_count - request.inject_start]  # Magenta injects right after priming too
        table, stretches = self._control_table(request)
        total = request.total_steps
        times = np.cumsum([0] + self._steps(codes).tolist())  # start time of every event
        controls = self._controls_at(table, stretches, times[1:], total)
        primer_inputs = self._inputs(np.array(codes), controls)
        dense = primer_inputs.dense() if isinstance(primer_inputs, OneHotInput) else primer_inputs
        logits, state = self.net.run(dense[None])
        k = request.beam_size * request.branch_factor
        base = _Rows(codes, state, logits[:, -1], int(times[-1]))
        if request.piano_rules and self.config.family == "performance" and not self.config.writes_whole_notes:
            base.keys = PianoKeys.after(self.one_hot, codes)
        counter = [0]
        # Sampling every output in one batch until all span the length equals Magenta's rounds only where nothing
        # sampled after that can land inside the length; a note performance spans its last note's duration, so a
        # later note may still start inside it: it keeps Magenta's whole rounds.
        if k == 1 and len(self.heads) == 1:
            rows = base.repeat(request.num_outputs)
            self._extend(rows, request, table, stretches, inject, (seed, len(codes)), counter, cancelled, None)
            finals = [rows.sequence(i) for i in range(request.num_outputs)]
            logliks = [float(x) for x in rows.loglik]
        else:
            finals, logliks = [], []
            cap = MAX_BUDGET_FACTOR * self._round_budget(request, total) + 1000
            for output in range(request.num_outputs):
                best, spent = base, 0
                while self._reached(best)[0] < total and spent < cap:
                    budget = self._round_budget(request, total - int(self._reached(best)[0]))
                    spent += budget
                    rows = best.repeat(k)
                    key = (seed + 7919 * output, len(best.codes[0]))
                    self._extend(rows, request, table, stretches, inject, key, counter, cancelled, budget)
                    best = rows.take([int(np.argmax(rows.loglik))])
                finals.append(best.sequence(0))
                logliks.append(float(best.loglik[0]))
        events = tuple(tuple(self._decoded(seq)) for seq in finals)
        return TimedResult(events, tuple(logliks), seed, time.perf_counter() - start, counter[0])

    def _decoded(self, codes: list[int]) -> list:
        return [self.one_hot.decode_event(int(c)) for c in codes]

    def _round_budget(self, request: TimedRequest, steps_to_gen: int) -> int:
        """Magenta's events per round: 5 per 16th for Polyphony RNN; for Performance RNN 4 per note at the mean
        requested note density (15 notes a second by default)."""
        if self.config.family == "polyphony":
            return 5 * steps_to_gen
        density = DEFAULT_NOTE_DENSITY
        if self.config.control_signals and self.config.control_signals[0].name == "notes_per_second":
            values = request.control_values[0]
            density = sum(values) / len(values)
        return int(math.ceil(4.0 * max(1.0, density) * steps_to_gen / 100))

    def _extend(self, rows: _Rows, request: TimedRequest, table, stretches, inject, key, counter, cancelled,
                budget: int | None) -> None:
        """Sample events onto every row: until all span the length (budget None), or `budget` events with beam
        search pruning every steps_per_iteration events. `key` (seed, first event index) keys the draws."""
        total = request.total_steps
        k = request.beam_size * request.branch_factor
        limit = budget if budget is not None else MAX_BUDGET_FACTOR * self._round_budget(request, total) + 1000
        first_iteration = (limit - 1) % request.steps_per_iteration + 1
        for n in range(limit):
            if budget is None and (self._reached(rows) >= total).all():
                break
            if cancelled is not None and cancelled():
                raise GenerationCancelled(said("generation was cancelled"))
            chosen, log_prob = self._sample(rows, request.temperature, (key[0], key[1] + n))
            rows.loglik += log_prob
            if rows.keys is not None:
                lifting, offs = rows.keys.restruck(chosen)
                if len(lifting):
                    self._force(rows, lifting, offs, request, table, stretches, total)
                    counter[0] += len(lifting)
                rows.keys.played(chosen)
            rows.append(chosen, self._steps(chosen))
            generated = n + 1
            if self._progress is not None and generated % REPORT_EVENTS == 0:
                self._progress(min(int(self._reached(rows).min()), total), total)
            if (budget is not None and k > 1 and generated >= first_iteration and generated < limit
                    and (generated - first_iteration) % request.steps_per_iteration == 0):
                rows.keep(beam_rows(rows.loglik, request.beam_size, request.branch_factor))
                chosen = np.array([c[-1] for c in rows.codes])
            # The last event is fed too: the next round (or Magenta's re-priming) starts from its state.
            self._feed(rows, chosen, request, table, stretches, inject, total)
            counter[0] += len(rows)

    def _feed(self, rows: _Rows, chosen: np.ndarray, request, table, stretches, inject, total) -> None:
        """Run the network on the sampled events, then on any injected events of rows that closed a step."""
        x = self._inputs(chosen, self._controls_at(table, stretches, rows.times, total))
        out, rows.state = self.net.step(x, rows.state)
        rows.logits = self.net.logits(out)
        if not inject:
            return
        pending = {}
        for r in np.flatnonzero(chosen == self.one_hot.encode_event((STEP_END, None))):
            index = int(rows.times[r]) - request.inject_start
            if 0 <= index < len(inject) and inject[index]:
                pending[int(r)] = list(inject[index])
        depth = 0
        while pending:
            which = np.array(sorted(pending))
            self._force(rows, which, np.array([pending[r][depth] for r in which]), request, table, stretches, total)
            depth += 1
            pending = {r: ev for r, ev in pending.items() if len(ev) > depth}

    def _force(self, rows: _Rows, which: np.ndarray, codes: np.ndarray, request, table, stretches, total) -> None:
        """Append one event to each of rows `which` without sampling it, score it, and run the network on it."""
        scaled = log_softmax(rows.logits[which] / np.float32(request.temperature))
        rows.loglik[which] += scaled[np.arange(len(which)), codes]
        for r, c in zip(which, codes):
            rows.codes[r].append(int(c))
        sub = [s[which] for s in rows.state]
        x = self._inputs(codes, self._controls_at(table, stretches, rows.times[which], total))
        out, sub = self.net.step(x, sub)
        for s, new in zip(rows.state, sub):
            s[which] = new
        rows.logits[which] = self.net.logits(out)


class _Rows:
    """Per-row event codes (of varying lengths), network state, logits, time reached and score."""

    def __init__(self, codes: Sequence[int], state, logits, steps: int):
        self.codes = [list(codes)]
        self.state = [np.array(s) for s in state]
        self.logits = np.array(logits, np.float32).reshape(1, -1)
        self.times = np.array([steps], np.int64)
        self.loglik = np.zeros(1, np.float32)
        self.keys: PianoKeys | None = None  # the keys down, where the piano's rules are kept

    def __len__(self) -> int:
        return len(self.codes)

    def repeat(self, n: int) -> _Rows:
        return self.take([0] * n)

    def take(self, rows) -> _Rows:
        rows = np.asarray(rows)
        out = _Rows.__new__(_Rows)
        out.codes = [list(self.codes[r]) for r in rows]
        out.state = [s[rows].copy() for s in self.state]
        out.logits = self.logits[rows].copy()
        out.times = self.times[rows].copy()
        out.loglik = self.loglik[rows].copy()
        out.keys = None if self.keys is None else self.keys.take(rows)
        return out

    def keep(self, rows) -> None:
        kept = self.take(rows)
        self.codes, self.state, self.logits = kept.codes, kept.state, kept.logits
        self.times, self.loglik, self.keys = kept.times, kept.loglik, kept.keys

    def append(self, chosen: np.ndarray, steps: np.ndarray) -> None:
        for r, c in enumerate(chosen):
            self.codes[r].append(int(c))
        self.times = self.times + steps

    def sequence(self, row: int) -> list[int]:
        return self.codes[row]


class _NoteCodes:
    """Note events (shift, pitch, velocity bin, duration) as flat codes of their six head labels."""

    def __init__(self, encoder):
        self.encoder = encoder
        self.codes = HeadCodes(encoder.head_sizes)

    def encode_event(self, event) -> int:
        return int(self.codes.code(self.encoder.encode_event(event)))

    def decode_event(self, code: int):
        return self.encoder.decode_labels(self.codes.labels(code))

    def shifts(self, codes: np.ndarray) -> np.ndarray:
        labels = self.codes.labels(codes)
        return labels[..., 0] * self.encoder.shift_per_segment + labels[..., 1]

    def durations(self, codes: np.ndarray) -> np.ndarray:
        labels = self.codes.labels(codes)
        return labels[..., 4] * self.encoder.duration_per_segment + labels[..., 5] + 1
