"""The hierdec-mel_16bar trainer: Magenta's hierarchy, names and settings; a tiny run that learns, resumes and loads
in our engine and in Magenta 2.1.4."""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
from pathlib import Path

import numpy as np
import pytest

from composer_app.cli.train_vae import VAE_CONFIGS
from composer_app.models.musicvae.configs import get_config
from composer_app.models.musicvae.converters import MelodyConverter
from composer_app.models.musicvae.hparams import VaeHParamsError
from composer_app.models.musicvae.layout import magenta_shapes
from composer_app.models.musicvae.model import MusicVae
from composer_app.models.musicvae.studio import InterpolateRequest, LoadRequest, SampleRequest
from composer_app.models.training.vae.run import VaeTrainer, VaeTrainingRequest, train_vae
from composer_app.models.training.vae.spec import TRAINABLE, VALID_PROGRAMS, training_config, training_hparams
from composer_app.models.training.vae.windows import MEL_PROGRAMS, VaeData, WindowSet, file_windows
from composer_app.music.song import PPQ

pytestmark = pytest.mark.skipif(importlib.util.find_spec("tensorflow") is None,
                                reason="MusicVAE training needs TensorFlow (the training extra)")

ROOT = Path(__file__).resolve().parents[4]
MAGENTA_VENV = Path(os.environ.get("MAGENTA_REFERENCE_VENV", Path.home() / ".cache/magenta-reference/venv"))
CONFIG = "hierdec-mel_16bar"
SIZES = "z_size=6,enc_rnn_size=[10,12],dec_rnn_size=[14,16]"  # two of each, every size its own
TINY_SIZES = "z_size=4,enc_rnn_size=[8],dec_rnn_size=[8,8]"
TINY = TINY_SIZES + ",batch_size=4,learning_rate=0.02"
STEPS = 256


def _melodies(count: int, seed: int) -> np.ndarray:
    """16-bar melodies (classes: 0 hold, 2+ pitches): a quarter-note motif of four pitches, rotated a step a bar."""
    rng = np.random.default_rng(seed)
    rows = np.zeros((count, STEPS), np.int16)
    for row in rows:
        motif = rng.integers(40, 60, 4)
        for bar in range(16):
            row[bar * 16:(bar + 1) * 16:4] = np.roll(motif, bar)
    return rows


def _data() -> VaeData:
    classes = _melodies(8, 0)
    return VaeData(WindowSet(classes[:6], 90), WindowSet(classes[6:], 90), files=8, train_files=6, eval_files=2)


def _quiet(*_) -> bool:
    return False


@pytest.fixture(scope="module")
def tiny_run(tmp_path_factory):
    """One tiny run (30 steps, checkpoints every 10), shared by the tests that read its .tar and run folder."""
    folder = tmp_path_factory.mktemp("hierdec")
    out = folder / "tiny.tar"
    result = train_vae(VaeTrainingRequest(CONFIG, out, hparams=TINY, steps=30, eval_every=10, checkpoint_every=10),
                       data=_data())
    return out, result


def test_defaults_are_magentas_config():
    """Without overrides the trainer takes configs.py's hierdec-mel_16bar: its sizes, batch 512, 256 steps, free bits
    256, max β 0.2 reached at once (beta_rate 0), teacher forcing; `composer-app train` offers it."""
    hp = training_hparams(training_config(CONFIG), None)
    config = get_config(CONFIG)
    assert (hp.z_size, hp.enc_rnn_size, hp.dec_rnn_size) == (config.z_size, config.enc_rnn_size, config.dec_rnn_size)
    assert (hp.batch_size, hp.max_seq_len, hp.free_bits, hp.max_beta, hp.beta_rate) == (512, 256, 256.0, 0.2, 0.0)
    assert (hp.sampling_schedule, hp.sampling_rate, hp.dropout_keep_prob) == ("constant", 0.0, 1.0)
    assert set(VAE_CONFIGS) == set(TRAINABLE)


def test_max_seq_len_must_fill_the_hierarchy():
    """Magenta refuses a max_seq_len other than 16 bars x 16 steps for this decoder; so does the trainer."""
    with pytest.raises(VaeHParamsError, match="256"):
        training_hparams(training_config(CONFIG), "max_seq_len=32")


def test_variables_are_magentas_names_and_shapes():
    """Encoder layers, conductor (decoder/hierarchical_level_0) and core decoder (core_decoder/decoder) have the
    names and shapes of Magenta's graph (layout.py), and no more."""
    hp = training_hparams(training_config(CONFIG), SIZES)
    trainer = VaeTrainer(hp, 90, None, window_steps=STEPS, level_lengths=(16, 16))
    ours = {name: tuple(v.shape) for name, v in trainer.weights.items()}
    assert ours == magenta_shapes((90, 90), 6, [10, 12], [14, 16], hierarchical=True)


def test_bars_in_one_batch_equal_the_engines_bar_by_bar_decode(tmp_path):
    """With random weights, the trainer's teacher-forced logits (every bar in one batch) are those of our numpy
    engine decoding bar after bar along the targets, each bar started from the previous bar's last target; the
    encoders' mu agree too."""
    from composer_app.models.musicvae.decoder import decode_hierarchical

    hp = training_hparams(training_config(CONFIG), SIZES)
    trainer = VaeTrainer(hp, 90, None, seed=3, window_steps=STEPS, level_lengths=(16, 16))
    rng = np.random.default_rng(1)
    for variable in trainer.weights.values():
        variable.assign(rng.normal(0.0, 0.4, variable.shape).astype(np.float32))
    trainer.export(tmp_path / "random.tar")
    vae = MusicVae.load(tmp_path / "random.tar")
    x, y, mask = WindowSet(_melodies(3, 5), 90).batch(np.arange(3), STEPS)
    mu_tf, _ = trainer.net.encode(x, mask)
    mu_np, _ = vae.encode(x, [STEPS] * 3)
    np.testing.assert_allclose(mu_np, mu_tf.numpy(), atol=1e-4)
    targets = y.argmax(axis=2)
    along = decode_hierarchical(vae.weights.conductor, vae.weights.decoder, mu_np, 16, 16,
                                lambda logits, step: targets[:, step])
    np.testing.assert_allclose(trainer.net.decode_logits(mu_tf, y).numpy(), along.logits, atol=2e-4)


def test_tiny_run_learns_loads_in_our_engine_and_resumes(tiny_run, tmp_path):
    """A few steps lower the loss; the .tar opens in the app's MusicVAE tools as hierdec-mel_16bar at its own sizes,
    and samples and interpolates 16-bar melodies; a rerun with more steps resumes from the run's checkpoint."""
    out, first = tiny_run
    losses = [f.r_loss for f in first.history]
    assert first.steps == 30 and np.mean(losses[-5:]) < 0.8 * np.mean(losses[:5])
    assert first.held_out is not None and 0.0 <= first.held_out.accuracy <= 1.0
    loaded = LoadRequest(str(out)).run(_quiet, _quiet)
    model = loaded.model
    assert loaded.config.id == CONFIG and model.hierarchical
    assert (model.z_size, [c.units for c in model.weights.decoder.cells]) == (4, [8, 8])
    sampled = SampleRequest(loaded, 2, 0.5, seed=0).run(_quiet, _quiet)
    converter = MelodyConverter(16)
    a, b = (converter.to_song(row) for row in _data().eval.classes)
    between = InterpolateRequest(loaded, a, b, 3, 0.0, seed=0).run(_quiet, _quiet)
    assert len(sampled.songs) == 2 and len(between.songs) == 3
    assert all(n.end <= 16 * 4 * PPQ for song in sampled.songs + between.songs for t in song.tracks
               for n in t.notes)

    run = tmp_path / "copy.run"
    shutil.copytree(out.with_name("tiny.run"), run)
    resumed = train_vae(VaeTrainingRequest(CONFIG, tmp_path / "more.tar", hparams=TINY, steps=32, eval_every=0,
                                           run_dir=run), data=_data())
    assert [f.step for f in resumed.history] == [31, 32]
    assert MusicVae.load(tmp_path / "more.tar").hierarchical


def _midi(tmp_path: Path, name: str, tracks) -> Path:
    from composer_app.music.io import write_song
    from composer_app.music.song import Song, TempoChange

    path = tmp_path / name
    write_song(Song(tracks=tuple(tracks), tempos=(TempoChange(0, 120.0),)), path)
    return path


def _parts():
    """A 110-bar piano melody (cut to 100 bars before slicing), a string part (program 40) of a 6-bar and an
    18-bar phrase 2 bars apart, and 18 bars of piano chords (the highest note of each is the melody)."""
    from composer_app.music.events import melody_to_track

    rng = np.random.default_rng(4)
    long = [e for _ in range(110 * 4) for e in (int(rng.integers(55, 80)), -2, -2, -2)]
    strings = [e for _ in range(6 * 4) for e in (int(rng.integers(60, 72)), -2, -2, -2)] + [-1] + [-2] * 31 \
        + [e for _ in range(18 * 4) for e in (int(rng.integers(60, 72)), -2, -2, -2)]
    chords = melody_to_track([e for _ in range(18 * 2) for e in (int(rng.integers(50, 60)),) + (-2,) * 7],
                             channel=2)
    chords = chords.with_notes(n for m in chords.notes for n in (m, m.moved(dpitch=4), m.moved(dpitch=7)))
    return [melody_to_track(long, program=0), melody_to_track(strings, program=40, channel=1), chords]


def test_every_program_gives_16_bar_windows(tmp_path):
    """mel_16bar_converter has no valid_programs: a string part gives 16-bar windows where cat-mel's filter
    (programs 0-31) finds none; a held-out file keeps its first five."""
    path = _midi(tmp_path, "strings.mid", _parts()[1:2])
    assert VALID_PROGRAMS.get(CONFIG) is None
    found, error = file_windows((_source(path), MelodyConverter(16), None, None, VALID_PROGRAMS.get(CONFIG), 5))
    assert error is None and found and all(len(w) == STEPS for w in found)
    assert file_windows((_source(path), MelodyConverter(16), None, None, MEL_PROGRAMS, 5)) == ([], None)
    many = _midi(tmp_path, "long.mid", _parts()[:1])
    assert len(file_windows((_source(many), MelodyConverter(16), None, None, None, 5))[0]) == 5


def _source(path: Path):
    from composer_app.models.training.corpus import SourceFile

    return SourceFile(path, "all")


def _magenta(args, tmp_path) -> subprocess.CompletedProcess:
    python = MAGENTA_VENV / "bin" / "python"
    if not python.exists():
        pytest.skip(f"Magenta reference not installed at {MAGENTA_VENV} (../shared/tools/magenta-reference)")
    return subprocess.run([str(python), str(ROOT / "tools" / "magenta_hierdec_reference.py"), *args],
                          capture_output=True, text=True, timeout=900, cwd=tmp_path,
                          env={**os.environ, "TF_CPP_MIN_LOG_LEVEL": "2"})


def test_magentas_converter_gives_our_16_bar_windows(tmp_path):
    """Magenta's mel_16bar_converter and ours find the same distinct windows in a file of three parts: a melody
    cut at 100 bars, a program-40 melody split by a rest, chords read by their highest note."""
    from composer_app.music.io import read_songs

    path = _midi(tmp_path, "parts.mid", _parts())
    proc = _magenta(["windows", str(tmp_path / "magenta.npz"), str(path)], tmp_path)
    assert proc.returncode == 0, proc.stderr[-2000:]
    theirs = {tuple(w) for w in np.load(tmp_path / "magenta.npz")["file_0"]}
    ours = {w for song in read_songs(path) for w in MelodyConverter(16).to_windows(song).classes}
    assert len(ours) > 80 and ours == theirs


def test_magentas_graph_computes_our_loss(tiny_run, tmp_path):
    """Magenta's hierdec graph, told our sizes and restored from our tiny .tar, gives our mu and, with z = mu and
    teacher forcing, our reconstruction loss per window."""
    from composer_app.models.training.vae.objective import categorical_reconstruction

    out, _ = tiny_run
    x, y, mask = _data().train.batch(np.arange(4), STEPS)
    np.savez(tmp_path / "batch.npz", inputs=x, outputs=y)
    proc = _magenta(["loss", str(out), TINY_SIZES, str(tmp_path / "batch.npz"), str(tmp_path / "magenta.npz")],
                    tmp_path)
    assert proc.returncode == 0, proc.stderr[-2000:]
    magenta = np.load(tmp_path / "magenta.npz")
    trainer = VaeTrainer(training_hparams(training_config(CONFIG), TINY), 90, None, window_steps=STEPS,
                         level_lengths=(16, 16))
    trainer.saver.restore(None, str(out.with_name("tiny.run") / "checkpoints" / "model.ckpt-30"))
    mu, _ = trainer.net.encode(x, mask)
    r_loss, _ = categorical_reconstruction(y, trainer.net.decode_logits(mu, y), mask)
    np.testing.assert_allclose(mu.numpy(), magenta["mu"], atol=1e-5)
    np.testing.assert_allclose(r_loss.numpy(), magenta["r_loss"], rtol=1e-4)


def test_music_vae_generate_samples_and_interpolates_our_checkpoint(tiny_run, tmp_path):
    """Magenta's music_vae_generate --config=hierdec-mel_16bar, its config told our sizes (it has no --hparams),
    samples two melodies and interpolates three between two 16-bar MIDI files with our tiny .tar."""
    from composer_app.music.io import write_song

    out, _ = tiny_run
    converter = MelodyConverter(16)
    inputs = [write_song(converter.to_song(row), tmp_path / f"in{k}.mid") for k, row in enumerate(_data().eval.classes)]
    for mode, extra, count in (("sample", [], 2), ("interpolate", [f"--input_midi_{k + 1}={p}" for k, p in
                                                                    enumerate(inputs)], 3)):
        made = tmp_path / mode
        proc = _magenta(["generate", TINY_SIZES, f"--checkpoint_file={out}", f"--mode={mode}",
                         f"--num_outputs={count}", f"--output_dir={made}", *extra], tmp_path)
        assert proc.returncode == 0, proc.stderr[-2000:]
        assert len(list(made.glob("*.mid"))) == count, proc.stdout[-2000:]


def test_music_vae_generate_reads_a_full_size_checkpoint(tmp_path):
    """Magenta's own music_vae_generate --config=hierdec-mel_16bar, unchanged, samples from a .tar of one step at
    Magenta's sizes (176 M weights; about 7 GB and several minutes on 2 cores, so asked for by
    COMPOSER_FULL_SIZE_TESTS=1)."""
    if os.environ.get("COMPOSER_FULL_SIZE_TESTS") != "1":
        pytest.skip("a full-size hierdec step needs ~7 GB and minutes: set COMPOSER_FULL_SIZE_TESTS=1")
    exe = MAGENTA_VENV / "bin" / "music_vae_generate"
    if not exe.exists():
        pytest.skip(f"Magenta reference not installed at {MAGENTA_VENV} (../shared/tools/magenta-reference)")
    out = tmp_path / "full.tar"
    train_vae(VaeTrainingRequest(CONFIG, out, hparams="batch_size=2", steps=1, eval_every=0), data=_data())
    proc = subprocess.run([str(exe), f"--config={CONFIG}", f"--checkpoint_file={out}", "--mode=sample",
                           "--num_outputs=2", f"--output_dir={tmp_path / 'generated'}"], capture_output=True,
                          text=True, env={**os.environ, "TF_CPP_MIN_LOG_LEVEL": "2"}, timeout=1200)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert len(list((tmp_path / "generated").glob("*.mid"))) == 2
