"""MusicVAE training maths against hand-computed values: β, learning rate, sampling schedules, KL, clipping, Adam."""

from __future__ import annotations

import importlib.util
import math
from types import SimpleNamespace

import numpy as np
import pytest

from composer_app.models.musicvae.configs import get_config
from composer_app.models.musicvae.hparams import VaeHParamsError
from composer_app.models.training.errors import TrainingError
from composer_app.models.training.vae.spec import training_config, training_hparams

pytestmark = pytest.mark.skipif(importlib.util.find_spec("tensorflow") is None,
                                reason="MusicVAE training needs TensorFlow (the training extra)")


@pytest.fixture(scope="module")
def objective():
    """The objective (TensorFlow), imported inside the tests: collecting the suite must not import TensorFlow."""
    from composer_app.models.training.vae import objective

    return objective


def test_beta_anneals_to_max_beta(objective):
    """β = (1 - beta_rate^step) · max_beta: 0 at step 0, cat-mel's 0.2 · (1 - 0.99999^1000) at step 1000."""
    assert float(objective.beta(0, 0.2, 0.99999)) == 0.0
    rate = float(np.float32(0.99999))  # Magenta's graph holds the rate as float32 too
    assert float(objective.beta(1000, 0.2, 0.99999)) == pytest.approx(0.2 * (1 - rate**1000), rel=1e-4)
    assert float(objective.beta(10**7, 0.2, 0.99999)) == pytest.approx(0.2, rel=1e-5)
    assert float(objective.beta(5, 1.0, 0.0)) == 1.0  # beta_rate 0: no annealing


def test_learning_rate_decays_to_its_floor(objective):
    """(lr - min) · decay^step + min: 1e-3 at step 0, about 3.74e-4 at step 10000."""
    assert float(objective.learning_rate(0, 1e-3, 0.9999, 1e-5)) == pytest.approx(1e-3)
    expected = (1e-3 - 1e-5) * float(np.float32(0.9999))**10000 + 1e-5  # float32's decay rate, as Magenta's
    assert float(objective.learning_rate(10000, 1e-3, 0.9999, 1e-5)) == pytest.approx(expected, rel=1e-4)
    assert float(objective.learning_rate(10**7, 1e-3, 0.9999, 1e-5)) == pytest.approx(1e-5)


def test_free_bits_in_nats_and_sampling_schedules(objective):
    """free nats = bits · ln 2; inverse_sigmoid 1 - k/(k + e^(step/k)), exponential 1 - k^step, eval 1.0."""
    assert objective.free_nats(48) == pytest.approx(48 * math.log(2))
    assert float(objective.sampling_probability(0, "inverse_sigmoid", 1000.0)) == pytest.approx(1 - 1000 / 1001,
                                                                                                 rel=1e-4)
    assert float(objective.sampling_probability(5000, "inverse_sigmoid", 1000.0)) == pytest.approx(
        1 - 1000 / (1000 + math.exp(5)), rel=1e-5)
    assert float(objective.sampling_probability(10, "exponential", 0.9)) == pytest.approx(1 - 0.9**10, rel=1e-5)
    assert objective.sampling_probability(10, "constant", 0.0) == 0.0
    assert objective.sampling_probability(10, "inverse_sigmoid", 1000.0, training=False) == 1.0


def test_kl_to_standard_normal_matches_the_closed_form(objective):
    """KL(N(mu, σ²) || N(0, 1)) summed over dimensions: ½(μ² + σ² - 1) - ln σ each."""
    mu, sigma = np.array([[0.5, -1.0]], np.float32), np.array([[2.0, 0.5]], np.float32)
    expected = sum(0.5 * (m * m + s * s - 1) - math.log(s) for m, s in zip(mu[0], sigma[0]))
    assert float(objective.kl_to_standard_normal(mu, sigma)[0]) == pytest.approx(expected, rel=1e-6)


def test_clipping_scales_to_the_global_norm_and_zeroes_huge_gradients(objective):
    """Global norm 5 clipped to 1 scales by 1/5; a norm at grad_norm_clip_to_zero zeroes the step."""
    import tensorflow as tf

    grads = [tf.constant([3.0]), tf.constant([4.0])]
    hp = SimpleNamespace(clip_mode="global_norm", grad_clip=1.0, grad_norm_clip_to_zero=10000)
    assert [float(g[0]) for g in objective.clipped(grads, hp)] == pytest.approx([0.6, 0.8])
    hp.grad_norm_clip_to_zero = 5.0
    assert [float(g[0]) for g in objective.clipped(grads, hp)] == [0.0, 0.0]


def test_adam_takes_tf1_steps_and_names_its_slots(objective):
    """The first TF1 Adam step moves a weight by lr (the bias-corrected m/√v is 1); slots are NAME/Adam(_1)."""
    import tensorflow as tf

    var = tf.Variable([1.0])
    adam = objective.Adam({"w": var})
    adam.apply([tf.constant([0.5])], [var], 0.1)
    assert float(var[0]) == pytest.approx(0.9, abs=1e-6)
    assert set(adam.variables_by_name()) == {"beta1_power", "beta2_power", "w/Adam", "w/Adam_1"}
    assert float(adam.beta1_power) == pytest.approx(0.81)


def test_training_hparams_are_magentas_and_checked():
    """cat-mel_2bar_small trains with configs.py's hparams; overrides apply; a bad schedule or config is refused."""
    config = training_config("cat-mel_2bar_small")
    hp = training_hparams(config, None)
    assert (hp.z_size, hp.enc_rnn_size, hp.dec_rnn_size, hp.max_beta, hp.beta_rate) == (256, (512,), (256, 256),
                                                                                         0.2, 0.99999)
    assert (hp.sampling_schedule, hp.sampling_rate, hp.free_bits, hp.batch_size) == ("inverse_sigmoid", 1000, 0, 512)
    assert training_hparams(config, "z_size=8,batch_size=4").z_size == 8
    with pytest.raises(VaeHParamsError):
        training_hparams(config, "sampling_schedule=exponential,sampling_rate=2")
    with pytest.raises(TrainingError):
        training_config("hierdec-trio_16bar")
    assert get_config("cat-mel_2bar_small").converter().output_depth == 90
