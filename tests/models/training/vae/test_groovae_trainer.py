"""The GrooVAE trainer: Magenta's variables and loss, a tiny run that learns, resumes and reports its groove figures,
and checkpoints our engine and Magenta 2.1.4 load (and whose loss Magenta's graph computes the same)."""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
from pathlib import Path

import numpy as np
import pytest

from composer_app.models.musicvae.configs import detect_config, get_config
from composer_app.models.musicvae.layout import magenta_shapes
from composer_app.models.musicvae.model import MusicVae
from composer_app.models.training.vae.groove_windows import GrooveWindowSet
from composer_app.models.training.vae.run import VaeTrainer, VaeTrainingRequest, train_vae
from composer_app.models.training.vae.spec import training_config, training_hparams
from composer_app.models.training.vae.windows import VaeData

pytestmark = pytest.mark.skipif(importlib.util.find_spec("tensorflow") is None,
                                reason="MusicVAE training needs TensorFlow (the training extra)")

ROOT = Path(__file__).resolve().parents[4]
MAGENTA_VENV = Path(os.environ.get("MAGENTA_REFERENCE_VENV", Path.home() / ".cache/magenta-reference/venv"))
TINY = "z_size=4,enc_rnn_size=[8],dec_rnn_size=[8,8],batch_size=4,max_seq_len=8,learning_rate=0.02"
VARIANTS = ("humanize", "tap_fixed_velocity", "add_closed_hh")


def _groove_data(config_id: str = "groovae_2bar_humanize", windows: int = 5) -> VaeData:
    """Windows of a played groove (kick, snare, hi-hat on 8ths with varied velocity and timing); the last held
    out."""
    rng = np.random.default_rng(3)
    t = np.zeros((windows, 32, 27), np.float32)
    for step in range(0, 32, 2):
        drums = [2] + ([0] if step % 8 == 0 else [1] if step % 8 == 4 else [])
        for drum in drums:
            t[:, step, drum] = 1.0
            t[:, step, 9 + drum] = rng.uniform(0.3, 0.9, windows)
            t[:, step, 18 + drum] = rng.uniform(-0.4, 0.4, windows)
    conv = get_config(config_id).converter()
    return VaeData(GrooveWindowSet(t[:-1], np.full(windows - 1, 0.125), conv),
                   GrooveWindowSet(t[-1:], np.full(1, 0.125), conv), files=windows, train_files=windows - 1,
                   eval_files=1)


@pytest.mark.parametrize("variant", VARIANTS)
def test_variables_are_magentas_names_and_shapes(variant):
    """Each 2-bar GrooVAE trains configs.py's network: 27 in and out, z 256, encoder [512], decoder [256, 256]."""
    hp = training_hparams(training_config(f"groovae_2bar_{variant}"), None)
    assert (hp.dropout_keep_prob, hp.free_bits, hp.max_beta, hp.beta_rate, hp.sampling_rate) == (0.3, 48, 0.2, 0, 0)
    trainer = VaeTrainer(hp, 27, None, input_depth=27, groove=True)
    ours = {name: tuple(v.shape) for name, v in trainer.weights.items()}
    assert ours == magenta_shapes((27, 27), 256, [512], [256, 256], hierarchical=False)


def test_loss_is_log_loss_plus_squared_errors_summed_per_window():
    """Per step: log loss of sigmoid(hit logits) with epsilon 1e-7, squared errors of sigmoid(velocity) and
    tanh(offset), summed over drums and over a window's steps; a masked step adds nothing."""
    from composer_app.models.training.vae.groove_objective import groove_reconstruction

    rng = np.random.default_rng(0)
    logits = rng.normal(size=(2, 3, 27)).astype(np.float32)
    targets = np.zeros((2, 3, 27), np.float32)
    targets[:, :, :9] = rng.random((2, 3, 9)) < 0.5
    targets[:, :, 9:18] = targets[:, :, :9] * rng.random((2, 3, 9))
    targets[:, :, 18:] = targets[:, :, :9] * rng.uniform(-1, 1, (2, 3, 9))
    mask = np.array([[1, 1, 1], [1, 1, 0]], np.float32)
    p = 1 / (1 + np.exp(-logits[..., :9]))
    per_step = (-(targets[..., :9] * np.log(p + 1e-7) + (1 - targets[..., :9]) * np.log(1 - p + 1e-7)).sum(-1)
                + ((1 / (1 + np.exp(-logits[..., 9:18])) - targets[..., 9:18]) ** 2).sum(-1)
                + ((np.tanh(logits[..., 18:]) - targets[..., 18:]) ** 2).sum(-1))
    r_loss, figures = groove_reconstruction(targets, logits, mask)
    np.testing.assert_allclose(r_loss.numpy(), (per_step * mask).sum(1), rtol=1e-5)
    assert float(figures["steps"]) == 5 * 9


def test_tiny_run_learns_reports_groove_figures_loads_and_resumes(tmp_path):
    """A few steps lower the loss; the held-out groove figures (model and input-as-output) are on the result and
    in the metrics log; the .tar is a GrooVAE for our engine, whose encoder and temperature-0 decoder agree with
    the trainer's; rerunning with more steps resumes."""
    out, data, log = tmp_path / "groove.tar", _groove_data(), tmp_path / "m.jsonl"
    first = train_vae(VaeTrainingRequest("groovae_2bar_humanize", out, hparams=TINY, steps=40, eval_every=20,
                                         checkpoint_every=20, log_metrics=log), data=data)
    losses = [f.r_loss for f in first.history]
    assert first.steps == 40 and np.mean(losses[-5:]) < 0.8 * np.mean(losses[:5])
    assert set(first.history[-1].parts) == {"hits_loss", "velocities_loss", "offsets_loss"}
    groove = first.groove
    assert groove["windows"] == 1 and groove["baseline"]["hit_recall"] == 1.0
    assert groove["baseline"]["timing_error_ms"] > 0 and groove["model"]["performed_hits"] == 6  # max_seq_len 8: 4 hi-hats, a kick, a snare
    logged = [json.loads(line) for line in log.read_text().splitlines()]
    assert logged[-1] == {"step": 40, "held_out_groove": groove}

    vae = MusicVae.load(out)
    assert detect_config(vae.weights).id == "groovae_2bar_humanize" and vae.z_size == 4
    trainer = VaeTrainer(training_hparams(training_config("groovae_2bar_humanize"), TINY), 27, None,
                         input_depth=27, groove=True, window_steps=32)
    trainer.saver.restore(None, str(tmp_path / "groove.run" / "checkpoints" / "model.ckpt-40"))
    x, _, mask = data.train.batch([0, 1], 8)
    mu_np, _ = vae.encode(x, [8, 8])
    np.testing.assert_allclose(mu_np, trainer.net.encode(x, mask)[0].numpy(), atol=1e-4)
    ours = vae.decode_groove(mu_np, 8, temperature=0.0)
    theirs = trainer.regroove_fn(x, mask).numpy()
    np.testing.assert_array_equal(ours[..., :9], theirs[..., :9])
    np.testing.assert_allclose(ours[..., 9:], theirs[..., 9:], atol=1e-4)

    resumed = train_vae(VaeTrainingRequest("groovae_2bar_humanize", out, hparams=TINY, steps=42, eval_every=0,
                                           checkpoint_every=10), data=data)
    assert [f.step for f in resumed.history] == [41, 42]


def _magenta(args, tmp_path) -> subprocess.CompletedProcess:
    python = MAGENTA_VENV / "bin" / "python"
    if not python.exists():
        pytest.skip(f"Magenta reference not installed at {MAGENTA_VENV} (../shared/tools/magenta-reference)")
    return subprocess.run([str(python), *args], capture_output=True, text=True, timeout=900, cwd=tmp_path,
                          env={**os.environ, "TF_CPP_MIN_LOG_LEVEL": "2"})


def test_magentas_graph_computes_our_loss(tmp_path):
    """Magenta's GrooVAE graph restored from our tiny checkpoint gives our mu and, with z = mu and teacher forcing,
    our reconstruction loss per window (add_closed_hh: its encoder input differs from the target)."""
    from composer_app.models.training.vae.groove_objective import groove_reconstruction

    config_id = "groovae_2bar_add_closed_hh"
    hparams = "z_size=4,enc_rnn_size=[8],dec_rnn_size=[8,8]"
    out, data = tmp_path / "tiny.tar", _groove_data(config_id)
    train_vae(VaeTrainingRequest(config_id, out, hparams=hparams + ",batch_size=4,learning_rate=0.02", steps=3,
                                 eval_every=0), data=data)
    x, y, mask = data.train.batch(np.arange(4), 32)
    np.savez(tmp_path / "batch.npz", inputs=x, outputs=y)
    proc = _magenta([str(ROOT / "tools" / "magenta_groove_reference.py"), "loss", config_id, str(out), hparams,
                     str(tmp_path / "batch.npz"), str(tmp_path / "magenta.npz")], tmp_path)
    assert proc.returncode == 0, proc.stderr[-2000:]
    magenta = np.load(tmp_path / "magenta.npz")
    trainer = VaeTrainer(training_hparams(training_config(config_id), hparams), 27, None, input_depth=27,
                         groove=True)
    trainer.saver.restore(None, str(tmp_path / "tiny.run" / "checkpoints" / "model.ckpt-3"))
    mu, _ = trainer.net.encode(x, mask)
    r_loss, _ = groove_reconstruction(y, trainer.net.decode_logits(mu, y), mask)
    np.testing.assert_allclose(mu.numpy(), magenta["mu"], atol=1e-5)
    np.testing.assert_allclose(r_loss.numpy(), magenta["r_loss"], rtol=1e-4)


def test_magenta_generates_from_our_groovae_checkpoint(tmp_path):
    """Magenta 2.1.4's music_vae_generate samples two drum files from a full-size groovae_2bar_humanize .tar."""
    exe = MAGENTA_VENV / "bin" / "music_vae_generate"
    if not exe.exists():
        pytest.skip(f"Magenta reference not installed at {MAGENTA_VENV} (../shared/tools/magenta-reference)")
    out = tmp_path / "full.tar"
    train_vae(VaeTrainingRequest("groovae_2bar_humanize", out, hparams="batch_size=2,max_seq_len=4", steps=1,
                                 eval_every=0), data=_groove_data())
    generated = tmp_path / "generated"
    proc = subprocess.run([str(exe), "--config=groovae_2bar_humanize", f"--checkpoint_file={out}", "--mode=sample",
                           "--num_outputs=2", f"--output_dir={generated}"], capture_output=True, text=True,
                          env={**os.environ, "TF_CPP_MIN_LOG_LEVEL": "2"}, timeout=600)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert len(list(generated.glob("*.mid"))) == 2


def test_tap2drum_and_add_hihat_runs_start_from_a_humanize_checkpoint(tmp_path):
    """The 2-bar GrooVAEs share one network (they differ in what the encoder is shown), so a humanize checkpoint
    starts a tap2drum or an add-hi-hat run: its weights at step 0."""
    from composer_app.models.musicvae.checkpoint import read_tensors

    humanize = tmp_path / "humanize.tar"
    train_vae(VaeTrainingRequest("groovae_2bar_humanize", humanize, hparams=TINY, steps=2, eval_every=0),
              data=_groove_data())
    theirs = read_tensors(humanize).tensors
    for variant in ("tap_fixed_velocity", "add_closed_hh"):
        out = tmp_path / f"{variant}.tar"
        train_vae(VaeTrainingRequest(f"groovae_2bar_{variant}", out, hparams="batch_size=4,max_seq_len=8", steps=0,
                                     eval_every=0, init_from=humanize), data=_groove_data(f"groovae_2bar_{variant}"))
        ours = read_tensors(out).tensors
        assert set(ours) == set(theirs) and all(np.array_equal(ours[k], theirs[k]) for k in theirs)
