"""The MusicVAE trainer: Magenta's variables, a tiny run that learns, checkpoints our engine and Magenta load, resume."""

from __future__ import annotations

import importlib.util
import os
import subprocess
from pathlib import Path

import numpy as np
import pytest

from composer_app.models.musicvae.layout import magenta_shapes
from composer_app.models.musicvae.model import MusicVae
from composer_app.models.training.vae.run import VaeTrainer, VaeTrainingRequest, train_vae
from composer_app.models.training.vae.spec import training_config, training_hparams
from composer_app.models.training.vae.windows import VaeData, WindowSet

pytestmark = pytest.mark.skipif(importlib.util.find_spec("tensorflow") is None,
                                reason="MusicVAE training needs TensorFlow (the training extra)")

MAGENTA_VENV = Path(os.environ.get("MAGENTA_REFERENCE_VENV", Path.home() / ".cache/magenta-reference/venv"))
TINY = ("z_size=4,enc_rnn_size=[8],dec_rnn_size=[8,8],batch_size=4,max_seq_len=8,learning_rate=0.02,"
        "sampling_schedule=constant,sampling_rate=0.0")


def _drum_data() -> VaeData:
    """Three 2-bar drum windows (classes of hit sets: bit k is drum class k) and one held out."""
    rows = [[(1 | 4) if t % 4 == 0 else (2 if t % 8 == 4 else 0) for t in range(32)] for _ in range(4)]
    classes = np.asarray(rows, np.int16)
    return VaeData(WindowSet(classes[:3], 512, 9), WindowSet(classes[3:], 512, 9), files=4, train_files=3,
                   eval_files=1)


def _data() -> VaeData:
    """Four synthetic 2-bar melodies (classes: 0 hold, 1 off, 2+ pitches) and one held out."""
    rng = np.random.default_rng(0)
    rows = [[int(rng.integers(40, 60)) if t % 4 == 0 else 0 for t in range(32)] for _ in range(5)]
    classes = np.asarray(rows, np.int16)
    return VaeData(WindowSet(classes[:4], 90), WindowSet(classes[4:], 90), files=5, train_files=4, eval_files=1)


@pytest.mark.parametrize("config_id, depths", [("cat-mel_2bar_small", (90, 90)), ("cat-drums_2bar_small", (10, 512))])
def test_variables_are_magentas_names_and_shapes(config_id, depths):
    """Every weight of the config has the name and shape of Magenta's graph (layout.py), and no more."""
    hp = training_hparams(training_config(config_id), None)
    trainer = VaeTrainer(hp, depths[1], None, input_depth=depths[0])
    ours = {name: tuple(v.shape) for name, v in trainer.weights.items()}
    assert ours == magenta_shapes(depths, 256, [512], [256, 256], hierarchical=False)


def test_tiny_run_learns_loads_in_our_engine_and_resumes(tmp_path):
    """A few steps lower the loss; the .tar and the run's checkpoint load in the numpy engine, whose encoder
    agrees with the trainer's; rerunning with more steps resumes from the checkpoint's step."""
    out, data = tmp_path / "tiny.tar", _data()
    request = VaeTrainingRequest("cat-mel_2bar_small", out, hparams=TINY, steps=30, eval_every=10,
                                 checkpoint_every=10, log_metrics=tmp_path / "m.jsonl")
    first = train_vae(request, data=data)
    losses = [f.r_loss for f in first.history]
    assert first.steps == 30 and np.mean(losses[-5:]) < 0.8 * np.mean(losses[:5])
    assert first.held_out is not None and 0.0 <= first.held_out.accuracy <= 1.0
    vae = MusicVae.load(out)
    assert (vae.z_size, vae.input_depth, vae.output_depth) == (4, 90, 90)
    assert vae.decode(np.zeros((2, 4), np.float32), 32, temperature=0.0).shape == (2, 32)
    checkpoints = tmp_path / "tiny.run" / "checkpoints"
    assert (checkpoints / "model.ckpt-30.index").exists() and (checkpoints / "checkpoint").exists()
    assert MusicVae.load(checkpoints / "model.ckpt-30").z_size == 4

    trainer = VaeTrainer(training_hparams(training_config("cat-mel_2bar_small"), TINY), 90, None)
    trainer.saver.restore(None, str(checkpoints / "model.ckpt-30"))
    x, _, mask = data.train.batch([0, 1], 32)
    mu_tf, _ = trainer.net.encode(x, mask)
    mu_np, _ = vae.encode(x, [32, 32])
    np.testing.assert_allclose(mu_np, mu_tf.numpy(), atol=1e-4)

    resumed = train_vae(VaeTrainingRequest("cat-mel_2bar_small", out, hparams=TINY, steps=33, eval_every=0,
                                           checkpoint_every=10), data=data)
    assert resumed.steps == 33 and [f.step for f in resumed.history] == [31, 32, 33]


def test_tiny_drum_run_is_a_cat_drums_checkpoint(tmp_path):
    """cat-drums_2bar_small trains on drum rolls in, 512 classes out; our engine takes the .tar for that config."""
    from composer_app.models.musicvae.configs import detect_config

    out = tmp_path / "drums.tar"
    train_vae(VaeTrainingRequest("cat-drums_2bar_small", out, hparams=TINY, steps=2, eval_every=0),
              data=_drum_data())
    vae = MusicVae.load(out)
    assert (vae.input_depth, vae.output_depth) == (10, 512)
    assert detect_config(vae.weights).id == "cat-drums_2bar_small"


@pytest.mark.parametrize("config_id", ["cat-mel_2bar_small", "cat-drums_2bar_small"])
def test_magenta_generates_from_our_checkpoint(tmp_path, config_id):
    """Magenta 2.1.4's music_vae_generate samples two outputs from a checkpoint of the config we trained."""
    exe = MAGENTA_VENV / "bin" / "music_vae_generate"
    if not exe.exists():
        pytest.skip(f"Magenta reference not installed at {MAGENTA_VENV} (../shared/tools/magenta-reference)")
    out = tmp_path / "full.tar"
    data = _data() if config_id == "cat-mel_2bar_small" else _drum_data()
    train_vae(VaeTrainingRequest(config_id, out, hparams="batch_size=2,max_seq_len=4", steps=1, eval_every=0),
              data=data)
    generated = tmp_path / "generated"
    proc = subprocess.run([str(exe), f"--config={config_id}", f"--checkpoint_file={out}", "--mode=sample",
                           "--num_outputs=2", f"--output_dir={generated}"], capture_output=True, text=True,
                          env={**os.environ, "TF_CPP_MIN_LOG_LEVEL": "2"}, timeout=600)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert len(list(generated.glob("*.mid"))) == 2


def test_held_out_figures_are_reproducible_and_leave_the_steps_compiled():
    """Evaluating the same weights twice gives the same figures (its own generator is reseeded, the decoder's
    scheduled samples included), in another trainer too, and neither step is traced again around it."""
    hp = training_hparams(training_config("cat-mel_2bar_small"), TINY.replace(
        "sampling_schedule=constant,sampling_rate=0.0", "sampling_schedule=constant,sampling_rate=1.0"))
    trainer, data = VaeTrainer(hp, 90, None), _data()
    trainer.train_step(data.train, 0)
    first = trainer.evaluate(data.eval, 5)
    trainer.train_step(data.train, 0)
    again = trainer.evaluate(data.eval, 5)
    other = trainer.evaluate(data.eval, 6)
    assert trainer.evaluate(data.eval, 6) == other and again.r_loss != first.r_loss  # the weights moved between
    trainer2 = VaeTrainer(hp, 90, None)
    trainer2.train_step(data.train, 0)
    assert trainer2.evaluate(data.eval, 5) == first  # same seed, same draws, in another trainer too
    assert trainer.train_fn.experimental_get_tracing_count() == 1
    assert trainer.eval_fn.experimental_get_tracing_count() == 1


def _weights(path: Path) -> dict[str, np.ndarray]:
    from composer_app.models.musicvae.checkpoint import read_tensors

    return read_tensors(path).tensors


def test_a_new_run_starts_from_a_checkpoints_weights_and_sizes(tmp_path):
    """init_from: the new run's step-0 weights are the checkpoint's, its sizes the checkpoint's (--hparams need not
    repeat them), and it then trains and resumes as any run."""
    first = tmp_path / "first.tar"
    train_vae(VaeTrainingRequest("cat-mel_2bar_small", first, hparams=TINY, steps=5, eval_every=0), data=_data())
    training = "batch_size=4,max_seq_len=8,sampling_schedule=constant,sampling_rate=0.0"
    started = tmp_path / "started.tar"
    result = train_vae(VaeTrainingRequest("cat-mel_2bar_small", started, hparams=training, steps=0, eval_every=0,
                                          init_from=first), data=_data())
    assert result.steps == 0
    theirs, ours = _weights(first), _weights(started)
    assert set(ours) == set(theirs) and all(np.array_equal(ours[k], theirs[k]) for k in ours)
    more = train_vae(VaeTrainingRequest("cat-mel_2bar_small", started, hparams=training, steps=3, eval_every=0,
                                        init_from=first), data=_data())
    assert [f.step for f in more.history] == [1, 2, 3] and MusicVae.load(started).z_size == 4


def test_starting_from_another_models_checkpoint_or_other_sizes_is_refused(tmp_path):
    """A drum checkpoint cannot start a melody run, and sizes in --hparams that the checkpoint lacks are named."""
    from composer_app.models.training.errors import TrainingError

    drums = tmp_path / "drums.tar"
    train_vae(VaeTrainingRequest("cat-drums_2bar_small", drums, hparams=TINY, steps=1, eval_every=0),
              data=_drum_data())
    with pytest.raises(TrainingError, match="cannot start from .*drums.tar.*not cat-mel_2bar_small"):
        train_vae(VaeTrainingRequest("cat-mel_2bar_small", tmp_path / "m.tar", hparams=TINY, steps=1,
                                     init_from=drums), data=_data())
    with pytest.raises(TrainingError, match=r"z_size 8 \(the checkpoint has 4\)"):
        train_vae(VaeTrainingRequest("cat-drums_2bar_small", tmp_path / "d.tar", hparams=TINY.replace(
            "z_size=4", "z_size=8"), steps=1, init_from=drums), data=_drum_data())
    with pytest.raises(TrainingError, match="cannot start from .*missing.tar"):
        train_vae(VaeTrainingRequest("cat-drums_2bar_small", tmp_path / "d.tar", steps=1,
                                     init_from=tmp_path / "missing.tar"), data=_drum_data())
    assert not (tmp_path / "m.tar").exists() and not (tmp_path / "d.tar").exists()
