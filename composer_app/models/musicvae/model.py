"""The MusicVAE API: load a checkpoint, encode inputs to (mu, sigma), decode z to classes, interpolate with slerp."""

from __future__ import annotations

import os

import numpy as np

from composer_app.models.engine.layers import sigmoid
from composer_app.models.engine.sampling import one_blas_thread, sample_classes
from composer_app.models.errors import GenerationError
from composer_app.models.musicvae import decoder, encoder
from composer_app.models.musicvae.checkpoint import VaeWeights, load_weights

MAX_DECODE_STEPS = 100_000
# (bars, steps per bar) of every hierdec config Magenta ships (mel and trio 16-bar); the tensors do not say.
HIERDEC_LEVEL_LENGTHS = (16, 16)


class MusicVae:
    """A MusicVAE (Magenta's cat-mel, cat-drums, hierdec-mel and GrooVAE configs) run on the numpy engine."""

    def __init__(self, weights: VaeWeights, level_lengths: tuple[int, int] = HIERDEC_LEVEL_LENGTHS):
        self.weights = weights
        self.level_lengths = level_lengths

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

    def encode(self, inputs, lengths) -> tuple[np.ndarray, np.ndarray]:
        """(mu, sigma) [batch, z_size] of the converter's input tensors [batch, time, input_depth]."""
        try:
            with one_blas_thread():
                return encoder.encode(self.weights.encoder, inputs, lengths)
        except ValueError as exc:
            raise GenerationError(str(exc)) from None

    def _check_decode(self, z, length: int, temperature: float) -> np.ndarray:
        z = np.asarray(z, np.float32)
        if z.ndim != 2 or z.shape[1] != self.z_size:
            raise GenerationError(f"z must be [batch, {self.z_size}], got {list(z.shape)}")
        if not 1 <= length <= self.max_length:
            raise GenerationError(f"length must be 1 to {self.max_length} steps, got {length}")
        if temperature < 0:
            raise GenerationError(f"temperature must be 0 or more, got {temperature}")
        return z

    def decode_groove(self, z, length: int, temperature: float = 1.0, rng: np.random.Generator | None = None
                      ) -> np.ndarray:
        """GrooVAE outputs [batch, length, 27] (hits, velocities, offsets) for z: hits drawn as
        Bernoulli(sigmoid(logit / temperature)), at 0 a hit iff the logit is above 0."""
        z = self._check_decode(z, length, temperature)
        if self.hierarchical or self.output_depth % 3:
            raise GenerationError(f"this checkpoint is not a GrooVAE (output depth {self.output_depth})")
        if temperature == 0:
            sample_hits = decoder.threshold_hits
        else:
            rng = np.random.default_rng() if rng is None else rng

            def sample_hits(hit_logits: np.ndarray, step: int) -> np.ndarray:
                p = sigmoid(hit_logits / np.float32(temperature))
                return (rng.random(hit_logits.shape, dtype=np.float32) < p).astype(np.float32)

        with one_blas_thread():
            return decoder.decode_groove(self.weights.decoder, z, length, sample_hits).classes

    def decode(self, z, length: int, temperature: float = 1.0, rng: np.random.Generator | None = None
               ) -> np.ndarray:
        """Output classes [batch, length] for z [batch, z_size]: sampled at `temperature`, argmax at 0."""
        z = self._check_decode(z, length, temperature)
        if temperature == 0:
            choose = decoder.argmax_chooser
        else:
            rng = np.random.default_rng() if rng is None else rng
            allowed = np.ones((1, self.output_depth), bool)

            def choose(logits: np.ndarray, step: int) -> np.ndarray:
                uniforms = rng.random(len(logits), dtype=np.float32)
                return sample_classes(logits, allowed, temperature, uniforms)[0]

        # One BLAS thread: measured here, two threads made a busy 2-core machine 4-6x slower on these loops.
        with one_blas_thread():
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
        raise GenerationError(f"an interpolation needs at least 2 steps, got {num_steps}")
    a, b = np.asarray(mu_a, np.float32), np.asarray(mu_b, np.float32)
    return np.array([slerp(a, b, t) for t in np.linspace(0, 1, num_steps)], np.float32)
