"""Generation: frozen requests in, candidate songs out, sampled as one batch on the numpy engine.

Beam search follows Magenta: every output keeps `beam_size` sequences; each iteration branches every sequence
`branch_factor` times, extends all branches by `steps_per_iteration` sampled steps, and prunes back to the
`beam_size` most likely. All outputs, beams and branches run together as one batch.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

from composer_app.models.engine.sampling import beam_rows, one_blas_thread, sample_classes, step_uniforms
from composer_app.models.errors import BundleError, GenerationCancelled, GenerationError
from composer_app.models.rnn.bundle import Bundle, read_bundle, shipped_bundle_path
from composer_app.models.rnn.configs import ModelConfig
from composer_app.models.rnn.inference import RnnInference
from composer_app.models.rnn.requests import (
    GenerateRequest,
    GenerationResult,
    check_request,
    make_candidate,
    primer_events,
)
from composer_app.models.rnn.step_inputs import step_encoder_for
from composer_app.music.events import Melody
from composer_app.said import said

# Progress is reported every this many steps (and at the end); the cancel flag is read at every step.
REPORT_STEPS = 16
MAX_BATCH_BYTES = 4 << 30  # the memory all the sequences sampled together may take


def batch_state_bytes(weights, rows: int, steps: int) -> int:
    """About how much memory sampling `rows` sequences of `steps` steps together takes, from the network's sizes.

    Per sequence: its LSTM and attention state and its event history (kept twice while beam search picks rows),
    plus the working arrays of one step (gates, attention scores, and the per-class arrays of sampling).
    """
    units = sum(weights.layer_sizes)
    attention = weights.attention
    size = attention.attn_size if attention is not None else 0
    vector = attention.attn_v.shape[0] if attention is not None else 0
    state = 4 * (2 * units + 2 * size * (weights.attn_length + 1)) + 8 * steps
    working = 4 * (4 * units + weights.input_size + size + weights.attn_length * vector) + 32 * weights.num_classes
    return rows * (2 * state + working)


def check_batch_memory(request: GenerateRequest, bundle: Bundle) -> None:
    """Refuse a request whose sequences, sampled together as one batch, would not fit in MAX_BATCH_BYTES."""
    rows = request.num_outputs * request.beam_size * request.branch_factor
    needed = batch_state_bytes(bundle.weights, rows, request.total_steps)
    if needed > MAX_BATCH_BYTES:
        raise GenerationError(
            said("{outputs} outputs x beam {beam} x branch {branch} = {rows:,} sequences of {steps} steps would need "
                 "about {gib:,.1f} GiB of memory at once, over this app's limit of {limit} GiB").format(
                outputs=request.num_outputs, beam=request.beam_size, branch=request.branch_factor, rows=rows,
                steps=request.total_steps, gib=needed / 2**30, limit=MAX_BATCH_BYTES >> 30),
            hint=said("Ask for fewer outputs, a smaller beam or fewer steps."))


def resolve_bundle(request: GenerateRequest) -> Bundle:
    if isinstance(request.bundle, Bundle):
        if request.bundle.config.id != request.config_id:
            raise BundleError(request.bundle.path, said("it is a {model} bundle, not {wanted}").format(
                model=request.bundle.generator_id, wanted=request.config_id))
        return request.bundle
    path = Path(request.bundle) if request.bundle else shipped_bundle_path(request.config_id)
    if not path.exists():
        if request.bundle:
            raise BundleError(path, said("no such file"))
        raise BundleError(path, said("no bundle ships with this app for {model} yet; give one with --bundle_file")
                          .format(model=request.config_id))
    return _load_bundle_cached(path, request.config)


_BUNDLES: dict[tuple, Bundle] = {}
_GENERATORS: dict[int, Generator] = {}
_CACHE_LOCK = threading.Lock()


def _load_bundle_cached(path: Path, config: ModelConfig) -> Bundle:
    stat = path.stat()
    key = (str(path.resolve()), stat.st_mtime_ns, stat.st_size, config.id)
    with _CACHE_LOCK:
        if key not in _BUNDLES:
            _BUNDLES[key] = read_bundle(path, config)
        return _BUNDLES[key]


def generator_for(bundle: Bundle) -> Generator:
    """One generator per loaded bundle, built on first use."""
    with _CACHE_LOCK:
        gen = _GENERATORS.get(id(bundle))
        if gen is None or gen.bundle is not bundle:
            gen = Generator(bundle)
            _GENERATORS[id(bundle)] = gen
        return gen


def generate(request: GenerateRequest, progress: Callable[[int, int], None] | None = None,
             cancelled: Callable[[], bool] | None = None) -> GenerationResult:
    """Sample `num_outputs` candidates that continue the primer to `total_steps` steps."""
    check_request(request)
    bundle = resolve_bundle(request)
    check_batch_memory(request, bundle)
    return generator_for(bundle).generate(request, progress, cancelled)


class Generator:
    """A bundle's network and its encoder's step inputs: the sampling loop for one model."""

    def __init__(self, bundle: Bundle):
        self.bundle = bundle
        self.config = bundle.config
        self.encoder = self.config.encoder()
        self.step_encoder = step_encoder_for(self.encoder)
        self.net = RnnInference(bundle.weights)

    def generate(self, request: GenerateRequest, progress=None, cancelled=None) -> GenerationResult:
        with one_blas_thread():
            return self._generate(request, progress, cancelled)

    def _generate(self, request: GenerateRequest, progress, cancelled) -> GenerationResult:
        start_time = time.perf_counter()
        config, se, net = self.config, self.step_encoder, self.net
        events = primer_events(request)
        transpose = 0
        if config.is_melody:
            melody = Melody(events, steps_per_quarter=config.steps_per_quarter)
            transpose = melody.squash(config.min_note, config.max_note, config.transpose_to_key)
            events = list(melody)
        primer_len = len(events)
        total = request.total_steps
        chords = request.chords or ()
        if primer_len >= total:
            raise GenerationError(
                said("the primer is {primer_steps} steps long, which is not shorter than the {steps} steps requested; "
                     "ask for more steps or shorten the primer").format(primer_steps=primer_len, steps=total))
        seed = request.seed if request.seed is not None else int(np.random.SeedSequence().entropy % (2 ** 31))
        if config.needs_chords:
            # Improv RNN moves melodies by whole octaves only (transpose_to_key is None), so the chords, which are
            # encoded as pitch classes, stay as they are.
            se = se.with_controls(self.encoder.control_inputs(chords))
        codes = se.codes(events)
        k = request.beam_size * request.branch_factor
        batch = request.num_outputs * k

        # Prime once with batch 1, then copy the state to every row.
        primer_inputs = self.encoder.inputs_array(chords, events) if config.needs_chords else \
            self.encoder.inputs_array(events)
        logits_seq, state = net.run(primer_inputs[None])
        state = [np.repeat(s, batch, axis=0) for s in state]
        logits = np.repeat(logits_seq[:, -1], batch, axis=0)
        hist = np.zeros((batch, total), np.int64)
        hist[:, :primer_len] = codes
        extra = se.initial_extra(codes, batch)
        allowed = self._allowed_codes(request, transpose)
        step_allowed = self._chord_masks(request, allowed, transpose)
        target = self._copy_target(request, codes, events)
        loop = _Loop(hist, state, logits, extra, np.zeros(batch, np.float32), np.zeros(batch, np.int64))

        to_generate = total - primer_len
        first_iteration = (to_generate - 1) % request.steps_per_iteration + 1
        if progress:
            progress(0, to_generate)
        for t in range(primer_len, total):
            if cancelled is not None and cancelled():
                raise GenerationCancelled(said("generation was cancelled"))
            self._sample_step(loop, t, request, step_allowed(t), target, step_uniforms(seed, t, batch))
            generated = t + 1 - primer_len
            if (k > 1 and generated >= first_iteration and generated < to_generate
                    and (generated - first_iteration) % request.steps_per_iteration == 0):
                loop.take(beam_rows(loop.loglik, request.beam_size, request.branch_factor))
            if generated < to_generate:  # the input for the next step (none is needed after the last)
                out, loop.state = net.step(se.step_input(loop.hist, t + 1, loop.extra), loop.state)
                loop.logits = net.logits(out)
            if progress and (generated % REPORT_STEPS == 0 or generated == to_generate):
                progress(generated, to_generate)

        hist = loop.hist.reshape(request.num_outputs, k, total)
        loglik = loop.loglik.reshape(request.num_outputs, k)
        best = loglik.argmax(axis=1)
        candidates = []
        for i in range(request.num_outputs):
            generated_events = se.events(hist[i, best[i], primer_len:])
            candidates.append(make_candidate(config, i, events[:primer_len] + generated_events, transpose,
                                             request.qpm, float(loglik[i, best[i]]), chords))
        return GenerationResult(request, tuple(candidates), primer_len, seed, time.perf_counter() - start_time)

    def _sample_step(self, loop: _Loop, t: int, request: GenerateRequest, allowed: np.ndarray,
                     target: np.ndarray, uniforms: np.ndarray) -> None:
        """Sample event t of every row from the current logits, and record it."""
        se = self.step_encoder
        rows = loop.hist.shape[0]
        # The code each class stands for in each row (lookback classes repeat an earlier event).
        codes = np.broadcast_to(se.class_codes, (rows, len(se.class_codes))).copy()
        for cls, distance in se.lookback_classes:
            codes[:, cls] = loop.hist[:, t - distance] if t - distance >= 0 else se.default_code
        ok = allowed[codes]
        # Forbid the class that would complete a verbatim copy of the primer.
        ok &= ~((loop.match == len(target) - 1)[:, None] & (codes == target[-1]))
        chosen, log_prob = sample_classes(loop.logits, ok, request.temperature, uniforms)
        loop.loglik = loop.loglik + log_prob
        code = codes[np.arange(rows), chosen]
        loop.hist[:, t] = code
        loop.extra = se.update(loop.extra, code)
        expected = target[np.minimum(loop.match, len(target) - 1)]
        loop.match = np.where(code == expected, loop.match + 1, (code == target[0]).astype(np.int64))

    # -- masks ---------------------------------------------------------------------------------
    def _allowed_codes(self, request: GenerateRequest, transpose: int) -> np.ndarray:
        se = self.step_encoder
        allowed = np.ones(se.num_codes, bool)
        if request.steering is not None and self.config.is_melody:
            for code, pitch in enumerate(se.pitch_of_code()):
                if pitch >= 0:
                    allowed[code] = request.steering.allows(int(pitch) - transpose)
        return allowed

    def _chord_masks(self, request: GenerateRequest, allowed: np.ndarray, transpose: int):
        """allowed narrowed at each step to the tones of that step's chord, when chord-tone steering is on."""
        steering = request.steering
        if steering is None or not steering.chord_tones or not request.chords:
            return lambda t: allowed
        from composer_app.models.rnn.steering import chord_pitch_classes

        pitches = self.step_encoder.pitch_of_code()
        masks: dict[str, np.ndarray] = {}
        for figure in dict.fromkeys(request.chords):
            classes = chord_pitch_classes(figure)
            if classes is None:
                masks[figure] = allowed
                continue
            in_chord = np.array([p < 0 or (int(p) - transpose) % 12 in classes for p in pitches], bool)
            masks[figure] = allowed & in_chord
        chords = request.chords
        return lambda t: masks[chords[t]]

    def _copy_target(self, request: GenerateRequest, codes: np.ndarray, events: list) -> np.ndarray:
        """The primer's codes when verbatim copies are forbidden, else a target that never matches."""
        has_content = any(e for e in events) if self.config.is_drums else any(e >= 0 for e in events)
        if request.avoid_primer_copy and len(codes) >= 2 and has_content:
            return codes.astype(np.int64)
        return np.full([1], -1, np.int64)  # a code no event has: never matched, so nothing is forbidden


class _Loop:
    """Everything the sampling loop carries per row; pruning picks rows of all of it at once."""

    def __init__(self, hist, state, logits, extra, loglik, match):
        self.hist, self.state, self.logits, self.extra = hist, state, logits, extra
        self.loglik, self.match = loglik, match

    def take(self, rows: np.ndarray) -> None:
        self.hist = self.hist[rows]
        self.state = [s[rows] for s in self.state]
        self.logits = self.logits[rows]
        self.extra = [x[rows] for x in self.extra]
        self.loglik = self.loglik[rows]
        self.match = self.match[rows]
