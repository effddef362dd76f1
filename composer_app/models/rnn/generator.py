"""Generation: frozen requests in, candidate songs out, sampled as one batch in a compiled TensorFlow loop.

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

from composer_app.models.errors import BundleError, GenerationCancelled, GenerationError
from composer_app.models.rnn.bundle import Bundle, read_bundle, shipped_bundle_path
from composer_app.models.rnn.configs import ModelConfig
from composer_app.models.rnn.requests import (
    GenerateRequest,
    GenerationResult,
    check_request,
    make_candidate,
    primer_events,
)
from composer_app.music.events import Melody

# Steps run per compiled call. Between calls come progress reports and the cancel check, so chunks are sized to
# take about CHUNK_SECONDS: short enough to stop promptly, long enough that call overhead stays small.
FIRST_CHUNK_STEPS = 16
MAX_CHUNK_STEPS = 128
CHUNK_SECONDS = 0.05
# XLA makes every later generation 2-3x faster but costs a compile (about a second) per batch shape: right for
# the app, which generates again and again; one-shot command lines switch it off (see cli/generate.py).
USE_XLA = True


def resolve_bundle(request: GenerateRequest) -> Bundle:
    if isinstance(request.bundle, Bundle):
        if request.bundle.generator_id != request.config_id:
            raise BundleError(request.bundle.path, f"it is a {request.bundle.generator_id} bundle, "
                                                   f"not {request.config_id}")
        return request.bundle
    path = Path(request.bundle) if request.bundle else shipped_bundle_path(request.config_id)
    if not path.exists():
        if request.bundle:
            raise BundleError(path, "no such file")
        raise BundleError(path, f"no bundle ships with this app for {request.config_id} yet; "
                                "give one with --bundle_file")
    return _load_bundle_cached(path, request.config)


_BUNDLES: dict[tuple, Bundle] = {}
_GENERATORS: dict[tuple, Generator] = {}
_CACHE_LOCK = threading.Lock()


def _load_bundle_cached(path: Path, config: ModelConfig) -> Bundle:
    stat = path.stat()
    key = (str(path.resolve()), stat.st_mtime_ns, stat.st_size, config.id)
    with _CACHE_LOCK:
        if key not in _BUNDLES:
            _BUNDLES[key] = read_bundle(path, config)
        return _BUNDLES[key]


def generator_for(bundle: Bundle) -> Generator:
    """One compiled generator per loaded bundle (and compile mode), built on first use."""
    key = (id(bundle), USE_XLA)
    with _CACHE_LOCK:
        gen = _GENERATORS.get(key)
        if gen is None or gen.bundle is not bundle:
            gen = Generator(bundle, jit_compile=USE_XLA)
            _GENERATORS[key] = gen
        return gen


def generate(request: GenerateRequest, progress: Callable[[int, int], None] | None = None,
             cancelled: Callable[[], bool] | None = None) -> GenerationResult:
    """Sample `num_outputs` candidates that continue the primer to `total_steps` steps."""
    check_request(request)
    bundle = resolve_bundle(request)
    return generator_for(bundle).generate(request, progress, cancelled)


class Generator:
    """A bundle's network plus its compiled sampling loop."""

    def __init__(self, bundle: Bundle, jit_compile: bool = True):
        import tensorflow as tf

        from composer_app.models.rnn.network import EventsRnn
        from composer_app.models.rnn.step_encoders import step_encoder_for

        self.bundle = bundle
        self.config = bundle.config
        self.encoder = self.config.encoder()
        self.step_encoder = step_encoder_for(self.encoder)
        self.net = EventsRnn(bundle.weights)
        self._tf = tf
        # autograph=False: the loops are explicit tf.while_loops, so converting Python control flow is wasted time.
        self._run_primer = tf.function(self.net.run, reduce_retracing=True, autograph=False)
        # The plain graph traces once for every shape and runs at once; XLA fuses the many small per-step ops
        # (2-3x faster) but compiles for each (batch, history width) shape. With XLA on, a new shape runs on the
        # plain graph and its XLA version compiles in the background, ready for the next request.
        self._graph_chunk = tf.function(self._chunk_steps, reduce_retracing=True, autograph=False)
        self._xla_chunk = tf.function(self._chunk_steps, jit_compile=True, autograph=False) if jit_compile else None
        self._xla_shapes: set[tuple[int, int]] = set()
        self._lock = threading.Lock()

    def _chunk_for(self, shape: tuple[int, int]):
        return self._xla_chunk if shape in self._xla_shapes else self._graph_chunk

    def _compile_xla_later(self, loop, consts, shape: tuple[int, int]) -> None:
        """Compile the XLA loop for this shape in a background thread (zero steps: compile only)."""
        if self._xla_chunk is None or shape in self._xla_shapes:
            return
        tf = self._tf

        def compile_now():
            with self._lock:
                if shape in self._xla_shapes:
                    return
                try:
                    self._xla_chunk(loop, consts, tf.constant(0))
                except Exception:  # XLA is only an optimisation: stay on the plain graph
                    return
                self._xla_shapes.add(shape)

        # Not a daemon: interpreter exit waits for it instead of tearing TensorFlow down mid-compile.
        threading.Thread(target=compile_now, name="xla-compile", daemon=False).start()

    # -- the public entry point ---------------------------------------------------------------
    def generate(self, request: GenerateRequest, progress=None, cancelled=None) -> GenerationResult:
        with self._lock:  # one compiled loop per model at a time; requests queue here
            return self._generate(request, progress, cancelled)

    def _generate(self, request: GenerateRequest, progress, cancelled) -> GenerationResult:
        tf = self._tf
        start_time = time.perf_counter()
        config, se = self.config, self.step_encoder
        events = primer_events(request)
        transpose = 0
        if config.is_melody:
            melody = Melody(events, steps_per_quarter=config.steps_per_quarter)
            transpose = melody.squash(config.min_note, config.max_note, config.transpose_to_key)
            events = list(melody)
        primer_len = len(events)
        total = request.total_steps
        if primer_len >= total:
            raise GenerationError(
                f"the primer is {primer_len} steps long, which is not shorter than the {total} steps requested; "
                "ask for more steps or shorten the primer")
        seed = request.seed if request.seed is not None else int(np.random.SeedSequence().entropy % (2 ** 31))
        codes = se.codes(events)
        k = request.beam_size * request.branch_factor
        batch = request.num_outputs * k

        # Prime once with batch 1, then copy the state to every row.
        inputs = self.encoder.inputs_array(events)[None].astype(np.float32)
        logits_seq, state = self._run_primer(tf.constant(inputs))
        state = tuple(tf.repeat(s, batch, axis=0) for s in state)
        logits = tf.repeat(logits_seq[:, -1], batch, axis=0)
        # History width rounded up to a multiple of 64 so nearby lengths share one compiled loop.
        hist = np.zeros((batch, -(-total // 64) * 64), np.int32)
        hist[:, :primer_len] = codes
        extra = tuple(tf.constant(np.repeat(np.asarray(x)[None], batch, axis=0)) for x in se.initial_extra(codes))
        allowed = self._allowed_codes(request, transpose)
        copy_target = self._copy_target(request, codes, events)

        loop = dict(
            hist=tf.constant(hist), t=tf.constant(primer_len), state=state, logits=logits, extra=extra,
            loglik=tf.zeros([batch]), match=tf.zeros([batch], tf.int32),
            uniforms=tf.zeros([MAX_CHUNK_STEPS, batch]),
        )
        consts = dict(
            allowed=tf.constant(allowed), copy_target=tf.constant(copy_target),
            temperature=tf.constant(float(request.temperature)),
            beam=tf.constant(request.beam_size), branch=tf.constant(request.branch_factor),
            first_iteration=tf.constant((total - primer_len - 1) % request.steps_per_iteration + 1),
            steps_per_iteration=tf.constant(request.steps_per_iteration), primer_len=tf.constant(primer_len),
            total=tf.constant(total),
        )
        to_generate = total - primer_len
        shape = (batch, int(hist.shape[1]))
        start_loop = dict(loop)
        done = 0
        chunk = FIRST_CHUNK_STEPS
        if progress:
            progress(0, to_generate)
        while done < to_generate:
            if cancelled is not None and cancelled():
                raise GenerationCancelled("generation was cancelled")
            n = min(chunk, to_generate - done)
            loop["uniforms"] = tf.constant(_uniforms(seed, primer_len + done, MAX_CHUNK_STEPS, batch, n))
            started = time.perf_counter()
            loop = self._chunk_for(shape)(loop, consts, tf.constant(n))
            per_step = (time.perf_counter() - started) / n
            chunk = int(min(MAX_CHUNK_STEPS, max(FIRST_CHUNK_STEPS // 2, CHUNK_SECONDS / max(per_step, 1e-6))))
            done += n
            if progress:
                progress(done, to_generate)

        self._compile_xla_later(start_loop, consts, shape)
        hist = loop["hist"].numpy()[:, :total].reshape(request.num_outputs, k, total)
        loglik = loop["loglik"].numpy().reshape(request.num_outputs, k)
        best = loglik.argmax(axis=1)
        candidates = []
        for i in range(request.num_outputs):
            generated = se.events(hist[i, best[i], primer_len:])
            candidates.append(make_candidate(config, i, events[:primer_len] + generated, transpose, request.qpm,
                                          float(loglik[i, best[i]])))
        return GenerationResult(request, tuple(candidates), primer_len, seed, time.perf_counter() - start_time)

    # -- masks ---------------------------------------------------------------------------------
    def _allowed_codes(self, request: GenerateRequest, transpose: int) -> np.ndarray:
        se = self.step_encoder
        allowed = np.ones(se.num_codes, bool)
        if request.steering is not None and self.config.is_melody:
            pitches = se.pitch_of_code()
            for code, pitch in enumerate(pitches):
                if pitch >= 0:
                    allowed[code] = request.steering.allows(int(pitch) - transpose)
        return allowed

    def _copy_target(self, request: GenerateRequest, codes: np.ndarray, events: list) -> np.ndarray:
        """The primer's codes when verbatim copies are forbidden, else a target that never matches."""
        has_content = any(e for e in events) if self.config.is_drums else any(e >= 0 for e in events)
        if request.avoid_primer_copy and len(codes) >= 2 and has_content:
            return codes.astype(np.int32)
        return np.full([1], -1, np.int32)  # a code no event has: never matched, so nothing is forbidden

    # -- the compiled loop ---------------------------------------------------------------------
    def _chunk_steps(self, loop, consts, n_steps):
        tf = self._tf
        se, net = self.step_encoder, self.net
        class_codes = tf.constant(se.class_codes)
        lookbacks = se.lookback_classes
        target = consts["copy_target"]
        target_len = tf.shape(target)[0]
        last_target = target[-1]

        def body(i, loop):
            hist, t, state, logits, extra = loop["hist"], loop["t"], loop["state"], loop["logits"], loop["extra"]
            batch = tf.shape(hist)[0]
            # The code each class stands for in each row (lookback classes repeat an earlier event).
            codes = tf.tile(class_codes[None, :], [batch, 1])
            for cls, distance in lookbacks:
                pos = t - distance
                repeat = tf.gather(hist, tf.maximum(pos, 0), axis=1)
                repeat = tf.where(pos >= 0, repeat, tf.fill([batch], se.default_code))
                codes = tf.concat([codes[:, :cls], repeat[:, None], codes[:, cls + 1:]], axis=1)
            ok = tf.gather(consts["allowed"], codes)
            # Forbid the class that would complete a verbatim copy of the primer.
            completes = tf.logical_and(tf.equal(loop["match"], target_len - 1)[:, None], tf.equal(codes, last_target))
            ok = tf.logical_and(ok, ~completes)
            scaled = logits / consts["temperature"]
            masked = tf.where(ok, scaled, tf.fill(tf.shape(scaled), -1e9))
            log_probs = tf.nn.log_softmax(masked)
            # Inverse-CDF sampling with one uniform per row, as numpy's choice does. The uniforms come from
            # numpy outside the loop, so the app's XLA loop and the command line's plain graph draw the same.
            cdf = tf.cumsum(tf.exp(log_probs), axis=1)
            below = tf.cast(cdf < loop["uniforms"][i][:, None], tf.int32)
            chosen = tf.minimum(tf.reduce_sum(below, axis=1), tf.shape(log_probs)[1] - 1)
            rows = tf.range(batch)
            picked = tf.stack([rows, chosen], axis=1)
            loglik = loop["loglik"] + tf.gather_nd(log_probs, picked)
            code = tf.gather_nd(codes, picked)
            hist = tf.where(tf.equal(tf.range(tf.shape(hist)[1])[None, :], t), code[:, None], hist)
            extra = se.tf_update(extra, code)
            match = loop["match"]
            expected = tf.gather(target, tf.minimum(match, target_len - 1))
            restart = tf.where(tf.equal(code, target[0]), 1, 0)
            match = tf.where(tf.equal(code, expected), match + 1, restart)
            t = t + 1
            generated = t - consts["primer_len"]
            state_list = list(state) + [hist, loglik, match] + list(extra)
            state_list = self._maybe_prune(state_list, loglik, generated, consts)
            n_state = len(state)
            state = tuple(state_list[:n_state])
            hist, loglik, match = state_list[n_state:n_state + 3]
            extra = tuple(state_list[n_state + 3:])
            x = se.tf_input(hist, t, extra)
            out, state = net.step(x, state)
            logits = net.logits(out)
            return i + 1, dict(hist=hist, t=t, state=state, logits=logits, extra=extra, loglik=loglik, match=match,
                               uniforms=loop["uniforms"])

        _, loop = tf.while_loop(lambda i, _: i < n_steps, body, (tf.constant(0), loop))
        return loop

    def _maybe_prune(self, tensors: list, loglik, generated, consts):
        """At iteration boundaries keep each output's beam_size best rows and branch each branch_factor times."""
        tf = self._tf
        beam, branch = consts["beam"], consts["branch"]
        k = beam * branch
        batch = tf.shape(loglik)[0]
        outputs = batch // k
        boundary = tf.logical_and(
            tf.logical_and(generated >= consts["first_iteration"],
                           tf.equal(tf.math.floormod(generated - consts["first_iteration"],
                                                     consts["steps_per_iteration"]), 0)),
            generated < consts["total"] - consts["primer_len"],
        )
        boundary = tf.logical_and(boundary, k > 1)
        _, best = tf.math.top_k(tf.reshape(loglik, [outputs, k]), k=beam)  # [outputs, beam]
        chosen = tf.repeat(best, branch, axis=1) + (tf.range(outputs) * k)[:, None]
        index = tf.where(boundary, tf.reshape(chosen, [-1]), tf.range(batch))
        pruned = []
        for x in tensors:
            y = tf.gather(x, index)
            y.set_shape(x.shape)  # the row count never changes; keep the loop's shapes invariant
            pruned.append(y)
        return pruned

    # -- results ---------------------------------------------------------------------------------
def _uniforms(seed: int, first_step: int, rows: int, batch: int, used: int) -> np.ndarray:
    """One uniform per batch row for each of the `used` steps, from a generator keyed by (seed, step), so results
    do not depend on how steps are split into chunks; padded with zeros to a fixed `rows` for the compiled loop."""
    out = np.zeros((rows, batch), np.float32)
    for k in range(used):
        out[k] = np.random.default_rng([seed, first_step + k]).random(batch, dtype=np.float32)
    return out


