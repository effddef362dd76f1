"""The MusicVAE API: load a checkpoint, encode inputs to (mu, sigma), decode z to classes, interpolate with slerp."""

from __future__ import annotations

import functools
import os

import numpy as np

from composer_app.models.engine.nade import bernoulli_sampler, threshold_bits
from composer_app.models.engine.sampling import one_blas_thread, sample_classes
from composer_app.models.errors import GenerationError
from composer_app.models.musicvae import decoder, encoder
from composer_app.models.musicvae.checkpoint import SplitDecoderWeights, VaeWeights, load_weights
from composer_app.models.musicvae.trio import TrioConverter
from composer_app.said import said

MAX_DECODE_STEPS = 100_000
# (bars, steps per bar) of every hierdec config Magenta ships (mel and trio 16-bar); the tensors do not say.
HIERDEC_LEVEL_LENGTHS = (16, 16)


def _on_one_blas_thread(operation):
    """Run a step loop on one BLAS thread: measured here, two threads made a busy 2-core machine 4-6x slower."""

    @functools.wraps(operation)
    def run(*args, **kwargs):
        with one_blas_thread():
            return operation(*args, **kwargs)

    return run


def output_parts(weights: VaeWeights) -> tuple[int, ...]:
    """The depths of the decoder's separately sampled outputs: a split decoder's parts; a flat categorical decoder
    as deep as the trio's melody, bass and drums together (flat-trio) has those three; any other decoder one."""
    if isinstance(weights.decoder, SplitDecoderWeights):
        return weights.decoder.output_depths
    trio = TrioConverter()
    if weights.decoder.output_depth == trio.output_depth and weights.decoder.nade is None:
        return trio.output_depths
    return (weights.decoder.output_depth,)


class MusicVae:
    """A MusicVAE (Magenta's cat-mel, cat-drums, nade-drums, hierdec-mel, trio and GrooVAE configs) on the numpy
    engine."""

    def __init__(self, weights: VaeWeights, level_lengths: tuple[int, int] = HIERDEC_LEVEL_LENGTHS):
        self.weights = weights
        self.level_lengths = level_lengths
        self.output_depths = output_parts(weights)

    @classmethod
    def load(cls, path: str | os.PathLike) -> MusicVae:
        return cls(load_weights(path))

    @property
    def hierarchical(self) -> bool:
        return self.weights.conductor is not None

    @property
    def max_length(self) -> int:
        """The longest decode: the conductor's bars times the steps per bar (hierdec), else unbounded here."""
        bars, steps = self.level_lengths
        return bars * steps if self.hierarchical else MAX_DECODE_STEPS

    @property
    def z_size(self) -> int:
        return self.weights.z_size

    @property
    def input_depth(self) -> int:
        return self.weights.encoder.input_depth

    @property
    def output_depth(self) -> int:
        return self.weights.decoder.output_depth

    @property
    def control_depth(self) -> int:
        """The depth of the controls the decoder reads at every step (and the encoder after the inputs): hits
        control GrooVAE 9, else 0."""
        return self.weights.decoder.control_depth

    @property
    def nade(self) -> bool:
        return self.weights.decoder.nade is not None

    @_on_one_blas_thread
    def encode(self, inputs, lengths, controls=None) -> tuple[np.ndarray, np.ndarray]:
        """(mu, sigma) [batch, z_size] of the converter's input tensors [batch, time, depth], with the controls
        [batch, time, control depth] after them as Magenta concatenates them, for a model that has controls."""
        if controls is not None or self.control_depth:
            inputs = np.concatenate([np.asarray(inputs, np.float32), self._check_controls(controls, None)], axis=2)
        try:
            return encoder.encode(self.weights.encoder, inputs, lengths)
        except ValueError as exc:
            raise GenerationError(exc.args[0] if exc.args else str(exc)) from None

    def _check_controls(self, controls, batch: int | None) -> np.ndarray | None:
        """Controls as [batch, time, control depth]; one [time, depth] sequence is shared by the whole batch."""
        if not self.control_depth:
            if controls is not None:
                raise GenerationError(said("this checkpoint takes no controls"))
            return None
        if controls is None:
            raise GenerationError(said("this checkpoint decodes with controls ({depth} per step, e.g. the hits of a "
                                       "drum part): give them").format(depth=self.control_depth))
        c = np.asarray(controls, np.float32)
        if c.ndim == 2 and batch is not None:
            c = np.broadcast_to(c, (batch, *c.shape))
        if c.ndim != 3 or c.shape[2] != self.control_depth or (batch is not None and len(c) != batch) \
                or not np.isfinite(c).all():
            raise GenerationError(said("controls must be [{batch}, steps, {depth}], got {shape}").format(
                batch="batch" if batch is None else batch, depth=self.control_depth, shape=str(list(c.shape))))
        return c

    def _check_decode(self, z, length: int, temperature: float) -> np.ndarray:
        z = np.asarray(z, np.float32)
        if z.ndim != 2 or z.shape[1] != self.z_size:
            raise GenerationError(said("z must be [batch, {size}], got {shape}").format(
                size=self.z_size, shape=str(list(z.shape))))
        if not 1 <= length <= self.max_length:
            raise GenerationError(said("length must be 1 to {limit} steps, got {length}").format(
                limit=self.max_length, length=length))
        if temperature < 0:
            raise GenerationError(said("temperature must be 0 or more, got {temperature}").format(
                temperature=temperature))
        return z

    @_on_one_blas_thread
    def decode_groove(self, z, length: int, temperature: float = 1.0, rng: np.random.Generator | None = None,
                      controls=None, hits=None) -> np.ndarray:
        """GrooVAE outputs [batch, length, 27] (hits, velocities, offsets) for z: hits drawn as
        Bernoulli(sigmoid(logit / temperature)), at 0 a hit iff the logit is above 0; or, given `hits` [batch,
        length or more, 9] of 0/1, those hits (each step's velocities and offsets then follow the hits given).

        A hits control checkpoint needs `controls`: [steps, 9] for every row (as Magenta's c_input) or
        [batch, steps, 9]; as Magenta, the decode stops when they run out (min(length, steps) steps)."""
        z = self._check_decode(z, length, temperature)
        if self.hierarchical or self.nade or self.output_depth % 3:
            raise GenerationError(said("this checkpoint is not a GrooVAE (output depth {depth})").format(
                depth=self.output_depth))
        controls = self._check_controls(controls, len(z))
        if controls is not None:
            length = min(length, controls.shape[1])
            if length < 1:
                raise GenerationError(said("the controls hold no steps"))
        if hits is not None:
            given = np.asarray(hits, np.float32)
            drums = self.output_depth // 3
            if given.ndim != 3 or given.shape[0] != len(z) or given.shape[1] < length or given.shape[2] != drums:
                raise GenerationError(said("the hits to keep must be [{batch}, {length} or more, {drums}], got "
                                           "{shape}").format(batch=len(z), length=length, drums=drums,
                                                             shape=str(list(given.shape))))

            def sample_hits(_logits: np.ndarray, step: int) -> np.ndarray:
                return given[:, step]
        elif temperature == 0:
            sample_hits = decoder.threshold_hits
        else:
            sample_hits = bernoulli_sampler(temperature, np.random.default_rng() if rng is None else rng)
        return decoder.decode_groove(self.weights.decoder, z, length, sample_hits, controls).classes

    @_on_one_blas_thread
    def decode_nade(self, z, length: int, temperature: float = 1.0, rng: np.random.Generator | None = None
                    ) -> np.ndarray:
        """NADE drum rolls [batch, length, classes] of 0/1 for z: each bit drawn in turn as
        Bernoulli(sigmoid(logit / temperature)); at 0 a bit is set iff its logit is above 0."""
        z = self._check_decode(z, length, temperature)
        if not self.nade or self.hierarchical:
            raise GenerationError(said("this checkpoint has no NADE decoder"))
        if temperature == 0:
            sample_bit = threshold_bits
        else:
            sample_bit = bernoulli_sampler(temperature, np.random.default_rng() if rng is None else rng)
        return decoder.decode_nade(self.weights.decoder, z, length, sample_bit).classes

    @_on_one_blas_thread
    def decode(self, z, length: int, temperature: float = 1.0, rng: np.random.Generator | None = None,
               allowed: np.ndarray | None = None) -> np.ndarray:
        """Output classes [batch, length] for z [batch, z_size] (a trio: [batch, length, 3], per step melody, bass,
        drums, each part drawn on its own): sampled at `temperature`, argmax at 0. `allowed` (a bool per class of
        a single-output decoder) keeps the others from being chosen: steering a melody into a key or range."""
        z = self._check_decode(z, length, temperature)
        if self.nade or self.control_depth:
            raise GenerationError(said("this checkpoint's decoder is not categorical: use decode_nade or "
                                       "decode_groove"))
        if allowed is not None and len(self.output_depths) > 1:
            raise GenerationError(said("steering works on single-part decoders, not on a trio's"))
        if temperature == 0:
            if allowed is None:
                choose = decoder.argmax_chooser
            else:
                def choose(logits: np.ndarray, step: int) -> np.ndarray:
                    return np.where(allowed, logits, np.float32(-1e9)).argmax(axis=1)
        else:
            rng = np.random.default_rng() if rng is None else rng

            def choose(logits: np.ndarray, step: int) -> np.ndarray:
                uniforms = rng.random(len(logits), dtype=np.float32)
                mask = np.ones(logits.shape[1:], bool) if allowed is None else allowed
                return sample_classes(logits, mask, temperature, uniforms)[0]

        if not self.hierarchical and len(self.output_depths) > 1:
            return decoder.decode_multi(self.weights.decoder, z, length, self.output_depths, choose).classes
        if not self.hierarchical:
            return decoder.decode(self.weights.decoder, z, length, choose).classes
        steps = self.level_lengths[1]
        bars = -(-length // steps)
        out = decoder.decode_hierarchical(self.weights.conductor, self.weights.decoder, z, bars, steps, choose)
        return out.classes[:, :length]


def slerp(p0: np.ndarray, p1: np.ndarray, t: float) -> np.ndarray:
    """Spherical interpolation from p0 (t=0) to p1 (t=1), as Magenta's TrainedModel computes it."""
    cos = np.dot(p0 / np.linalg.norm(p0), p1 / np.linalg.norm(p1))
    omega = np.arccos(np.clip(cos, -1.0, 1.0))
    so = np.sin(omega)
    if so == 0:
        # Parallel endpoints: Magenta divides by zero here; the straight line is the limit.
        return (1.0 - t) * p0 + t * p1
    return np.sin((1.0 - t) * omega) / so * p0 + np.sin(t * omega) / so * p1


def interpolate(mu_a, mu_b, num_steps: int) -> np.ndarray:
    """num_steps latent vectors [num_steps, z] from mu_a to mu_b, both endpoints included."""
    if num_steps < 2:
        raise GenerationError(said("an interpolation needs at least 2 steps, got {steps}").format(steps=num_steps))
    a, b = np.asarray(mu_a, np.float32), np.asarray(mu_b, np.float32)
    return np.array([slerp(a, b, t) for t in np.linspace(0, 1, num_steps)], np.float32)
