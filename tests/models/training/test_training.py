"""Training pipeline: corpus reading and caching, splits, batches, the forward pass, loop, resume, errors, CLI."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from composer_app.models.rnn.configs import get_config
from composer_app.models.training.corpus import CorpusCache, SourceFile, extract_file, read_corpus
from composer_app.models.training.errors import TrainingCancelled, TrainingError
from composer_app.models.training.loop import TrainingRequest, train
from composer_app.music.events import melody_to_track
from composer_app.music.io import write_song
from composer_app.music.song import Song

TINY = "batch_size=4,rnn_layer_sizes=[8],dropout_keep_prob=1.0"


def tune(seed: int, bars: int = 8) -> list[int]:
    """A simple stepwise melody of quarter notes and rests (steps_per_quarter 4), in C major."""
    rng = np.random.default_rng(seed)
    scale = [60, 62, 64, 65, 67, 69, 71, 72]
    events = []
    for _ in range(bars * 4):
        events += [int(rng.choice(scale)), -2, -2, -2]
    return events


def write_tunes(folder: Path, count: int, bars: int = 8, start_seed: int = 0) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(count):
        path = folder / f"tune{i}.mid"
        write_song(Song(tracks=(melody_to_track(tune(start_seed + i, bars)),)), path)
        paths.append(path)
    return paths


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    write_tunes(folder / "a", 6)
    write_tunes(folder / "b", 6, start_seed=100)
    return folder


def request(tmp_path: Path, corpus: Path, **kw) -> TrainingRequest:
    args = dict(config_id="basic_rnn", output=tmp_path / "out.mag", inputs=(corpus,), hparams=TINY, steps=6,
                eval_ratio=0.3, eval_every=3, report_every=1, checkpoint_every=2, cache_dir=tmp_path / "cache")
    args.update(kw)
    return TrainingRequest(**args)


def test_extract_file_is_pure_and_cached(tmp_path, monkeypatch):
    """One file gives its melodies; a second read comes from the cache without re-parsing."""
    path = write_tunes(tmp_path / "m", 1)[0]
    config = get_config("attention_rnn")
    direct = extract_file(SourceFile(path), config)
    assert len(direct.sequences) == 1 and direct.error is None
    cache = CorpusCache(tmp_path / "cache")
    first = read_corpus([SourceFile(path)], config, cache=cache)
    monkeypatch.setattr("composer_app.models.training.corpus.extract_file",
                        lambda *a: pytest.fail("re-parsed a cached file"))
    second = read_corpus([SourceFile(path)], config, cache=cache)
    assert first[0].sequences == second[0].sequences == direct.sequences


def test_cache_follows_file_content_not_path(tmp_path, monkeypatch):
    """A copied (moved, re-dated) corpus is still cached; a changed file is parsed again."""
    import shutil

    path = write_tunes(tmp_path / "m", 1)[0]
    config = get_config("attention_rnn")
    cache = CorpusCache(tmp_path / "cache")
    first = read_corpus([SourceFile(path)], config, cache=cache)
    copy = tmp_path / "elsewhere" / path.name
    copy.parent.mkdir()
    shutil.copyfile(path, copy)  # a new path and a new modification time
    parsed = []
    real = extract_file
    monkeypatch.setattr("composer_app.models.training.corpus.extract_file",
                        lambda *a: parsed.append(a[0].path) or real(*a))
    again = read_corpus([SourceFile(copy)], config, cache=cache)
    assert not parsed and again[0].sequences == first[0].sequences
    write_tunes(tmp_path / "other", 1, start_seed=7)[0].replace(copy)  # different music under the same name
    changed = read_corpus([SourceFile(copy)], config, cache=cache)
    assert parsed == [copy] and changed[0].sequences != first[0].sequences


def test_unreadable_files_are_counted_with_reasons(tmp_path):
    """A broken file is skipped and reported; the good ones are still used."""
    from composer_app.models.training.data import gather_sources, prepare_data

    write_tunes(tmp_path / "m", 3)
    (tmp_path / "m" / "broken.mid").write_bytes(b"not a midi file")
    data = prepare_data(get_config("basic_rnn"), gather_sources([tmp_path / "m"], ()), 0.0)
    assert list(data.report.unreadable) == [str(tmp_path / "m" / "broken.mid")]
    assert "broken.mid" in data.report.unreadable_summary()
    assert len(data.train) == 3


def test_split_is_by_source_file(tmp_path):
    """Every sequence of a file lands on the same side of the split, and the split is stable."""
    from composer_app.models.training.dataset import split_by_source

    keys = [f"file{i}.mid" for i in range(200)]
    a, b = split_by_source(keys, 0.2), split_by_source(keys, 0.2)
    assert a == b and 20 < a.count("eval") < 60
    assert split_by_source(keys[:2], 0.5, ["train", "eval"]) == ["train", "eval"]


def test_a_small_corpus_still_holds_one_file_out():
    """Where the hash holds nothing out of several files, the lowest-hashed one (and its copies) is held out."""
    from composer_app.models.training.dataset import split_by_source

    keys = [k for k in (f"k{i}" for i in range(500)) if split_by_source([k], 0.05) == ["train"]][:4]
    sides = split_by_source(keys + keys[:1], 0.05)
    assert sides.count("eval") in (1, 2) and sides[0] == sides[4]
    assert split_by_source(keys[:1] * 3, 0.05) == ["train"] * 3  # one piece of music: nothing to hold out
    assert split_by_source(keys, 0.0) == ["train"] * 4


def test_the_held_out_files_follow_content_not_location(tmp_path):
    """A corpus moved to another folder, its files renamed, holds out the same music."""
    import shutil

    from composer_app.models.training.data import gather_sources, prepare_data

    write_tunes(tmp_path / "here", 12)
    moved = tmp_path / "elsewhere" / "deeper"
    shutil.copytree(tmp_path / "here", moved)
    for path in moved.glob("*.mid"):
        path.rename(path.with_name("renamed-" + path.name))
    config = get_config("basic_rnn")
    first = prepare_data(config, gather_sources([tmp_path / "here"], None), eval_ratio=0.3)
    second = prepare_data(config, gather_sources([moved], None), eval_ratio=0.3)
    assert first.report.eval_files == second.report.eval_files >= 1
    assert sorted(map(list, first.eval.labels)) == sorted(map(list, second.eval.labels))


def test_batch_order_covers_each_epoch_and_resumes():
    """Bucketed batches are full, hold every example each epoch, and resume at a saved position."""
    from composer_app.models.training.dataset import BatchOrder

    order = BatchOrder(np.arange(10) + 5, batch_size=4, seed=3, bucket=True, window_batches=2)
    batches = order.epoch_batches(0)
    assert all(len(b) == 4 for b in batches)
    assert set(np.concatenate(batches)) == set(range(10))
    stream = order.from_position(0, 0)
    first = [next(stream) for _ in range(5)]
    resumed = order.from_position(first[2][0], first[2][1])
    assert [b.tolist() for _, _, b in [next(resumed), next(resumed)]] == [first[3][2].tolist(), first[4][2].tolist()]


@pytest.mark.parametrize("attn_length", [0, 5])
def test_training_forward_matches_events_rnn(attn_length):
    """The layer-by-layer training pass computes exactly what EventsRnn.run (the sampler's network) computes."""
    from composer_app.models.training.forward import training_logits
    from composer_app.models.training.network import EventsRnn
    from composer_app.models.training.weights_init import fresh_weights

    net = EventsRnn(fresh_weights(7, 5, (6, 4), attn_length, seed=1))
    x = np.random.default_rng(0).normal(size=(3, 9, 7)).astype(np.float32)
    expected, _ = net.run(x)
    np.testing.assert_allclose(training_logits(net, x).numpy(), expected.numpy(), atol=1e-5)


@pytest.mark.parametrize("attn_length", [0, 5, 12])
def test_training_gradients_match_autodiff(attn_length):
    """The hand-written LSTM backward pass gives the same gradients as autodiff through EventsRnn.run."""
    import tensorflow as tf

    from composer_app.models.training.forward import training_logits
    from composer_app.models.training.network import EventsRnn
    from composer_app.models.training.weights_init import fresh_weights

    net = EventsRnn(fresh_weights(7, 5, (6, 4), attn_length, seed=2))
    x = np.random.default_rng(1).normal(size=(3, 9, 7)).astype(np.float32)
    y = np.random.default_rng(2).integers(0, 5, size=(3, 9))
    grads = []
    for logits_of in (lambda: training_logits(net, x), lambda: net.run(x)[0]):
        with tf.GradientTape() as tape:
            loss = tf.reduce_mean(tf.nn.sparse_softmax_cross_entropy_with_logits(y, logits_of()))
        grads.append(tape.gradient(loss, net.trainable_variables))
    for a, b in zip(*grads):
        np.testing.assert_allclose(a.numpy(), b.numpy(), atol=1e-5)


def test_sanity_curve_from_uniform(tmp_path, corpus):
    """Step-0 held-out perplexity is about the number of classes, and it falls with training."""
    log = tmp_path / "metrics.jsonl"
    result = train(request(tmp_path, corpus, steps=30, eval_every=15, log_metrics=log,
                           hparams="batch_size=4,rnn_layer_sizes=[16],learning_rate=0.01"))
    from composer_app.models.training.metrics import read_metrics

    rows = read_metrics(log)
    evals = [r["eval_perplexity"] for r in rows if "eval_perplexity" in r]
    classes = get_config("basic_rnn").encoder().num_classes
    assert rows[0]["step"] == 0 and abs(evals[0] - classes) / classes < 0.25
    assert evals[-1] < 0.5 * evals[0]
    assert {"step", "loss", "perplexity", "accuracy", "elapsed_s", "steps_per_sec"} <= set(rows[-1])
    assert result.held_out.perplexity == pytest.approx(evals[-1])


def test_resume_after_interruption_loses_no_steps(tmp_path, corpus):
    """Cancelled at step 4 (checkpointed every 2), a rerun resumes there and ends with the uninterrupted weights."""
    from composer_app.models.rnn.bundle import read_bundle

    straight = train(request(tmp_path / "a", corpus, output=tmp_path / "a.mag", run_dir=tmp_path / "runa"))
    calls = {"n": 0}

    def cancel_at_four(p):
        calls["n"] = p.step

    with pytest.raises(TrainingCancelled):
        train(request(tmp_path, corpus, output=tmp_path / "b.mag", run_dir=tmp_path / "runb"),
              progress=cancel_at_four, cancelled=lambda: calls["n"] >= 4)
    assert not (tmp_path / "b.mag").exists()
    seen = []
    resumed = train(request(tmp_path, corpus, output=tmp_path / "b.mag", run_dir=tmp_path / "runb"),
                    progress=lambda p: seen.append(p.message))
    assert any("resumed from step 4" in m for m in seen)
    assert resumed.steps == straight.steps == 6
    a, b = read_bundle(straight.bundle).weights, read_bundle(resumed.bundle).weights
    np.testing.assert_allclose(a.softmax_kernel, b.softmax_kernel, atol=1e-6)


def test_time_limit_stops_early_with_a_bundle_and_held_out_figures(tmp_path, corpus, monkeypatch):
    """Past its time limit a run stops after the current step, checkpoints, evaluates and writes the bundle."""
    import composer_app.models.training.loop as loop

    clock = {"t": 1000.0}

    def fake_clock():  # each reading advances a second: the 3.5 s limit runs out after a few steps
        clock["t"] += 1.0
        return clock["t"]

    monkeypatch.setattr(loop.time, "perf_counter", fake_clock)
    result = train(request(tmp_path, corpus, steps=1000, time_limit_s=3.5, eval_every=1000))
    assert 1 <= result.steps < 10
    assert result.bundle.exists() and result.held_out is not None
    assert f"Steps: {result.steps}" in result.card.read_text()
    rerun = train(request(tmp_path, corpus, steps=result.steps))  # resumed with nothing left: still has figures
    assert rerun.steps == result.steps and rerun.held_out is not None


def _scripted_held_out(monkeypatch, losses):
    """Report the given held-out losses, evaluation by evaluation (the real figures once they run out)."""
    import composer_app.models.training.loop as loop
    from composer_app.models.training.metrics import HeldOut

    real, calls = loop.evaluate, []

    def scripted(*args):
        held = real(*args)
        calls.append(held)
        if len(calls) <= len(losses):
            return HeldOut(losses[len(calls) - 1], held.accuracy, held.steps, held.sequences)
        return held

    monkeypatch.setattr(loop, "evaluate", scripted)
    return calls


def test_keep_best_writes_the_best_evaluations_weights(tmp_path, corpus, monkeypatch):
    """With keep_best the bundle holds the weights of the lowest held-out loss (step 3 of 6), scored afresh."""
    from composer_app.models.rnn.bundle import read_bundle

    at_three = train(request(tmp_path / "a", corpus, output=tmp_path / "three.mag", steps=3, run_dir=tmp_path / "ra"))
    calls = _scripted_held_out(monkeypatch, [9.0, 1.0, 2.0])  # steps 0, 3 and 6: step 3 is best
    kept = train(request(tmp_path, corpus, keep_best=True, run_dir=tmp_path / "rb"))
    assert kept.steps == 6 and kept.kept_step == 3
    assert len(calls) == 4 and kept.held_out == calls[-1]  # the kept weights are evaluated again, for real
    np.testing.assert_allclose(read_bundle(kept.bundle).weights.softmax_kernel,
                               read_bundle(at_three.bundle).weights.softmax_kernel, atol=1e-6)
    assert "weights of step 3" in kept.card.read_text()
    assert "step 3, the best held-out" in read_bundle(kept.bundle).bundle_description


def test_keep_best_keeps_the_last_step_when_it_is_best(tmp_path, corpus, monkeypatch):
    """When the final evaluation is the best, nothing is swapped and the card says nothing about it."""
    _scripted_held_out(monkeypatch, [9.0, 2.0, 1.0])
    result = train(request(tmp_path, corpus, keep_best=True))
    assert result.kept_step is None and "--keep-best" not in result.card.read_text()


def test_keep_best_survives_an_interruption(tmp_path, corpus, monkeypatch):
    """The best weights are part of the checkpoint: a run cancelled after its best evaluation still keeps them."""
    from composer_app.models.rnn.bundle import read_bundle

    at_three = train(request(tmp_path / "a", corpus, output=tmp_path / "three.mag", steps=3, run_dir=tmp_path / "ra"))
    _scripted_held_out(monkeypatch, [9.0, 1.0])  # steps 0 and 3 before the interruption
    step = {"n": 0}
    with pytest.raises(TrainingCancelled):
        train(request(tmp_path, corpus, keep_best=True, run_dir=tmp_path / "rb"),
              progress=lambda p: step.update(n=p.step), cancelled=lambda: step["n"] >= 4)
    _scripted_held_out(monkeypatch, [2.0])  # step 6, after the resume: worse than step 3
    resumed = train(request(tmp_path, corpus, keep_best=True, run_dir=tmp_path / "rb"))
    assert resumed.kept_step == 3
    np.testing.assert_allclose(read_bundle(resumed.bundle).weights.softmax_kernel,
                               read_bundle(at_three.bundle).weights.softmax_kernel, atol=1e-6)
    with pytest.raises(TrainingError, match="different settings"):  # the option is part of the run's settings
        train(request(tmp_path, corpus, run_dir=tmp_path / "rb"))


def test_bundle_and_card_are_written(tmp_path, corpus):
    """The .mag loads as the config's bundle and the model card states the measured figures."""
    from composer_app.models.rnn.bundle import read_bundle

    result = train(request(tmp_path, corpus, config_id="attention_rnn", hparams=TINY + ",attn_length=4", steps=2))
    bundle = read_bundle(result.bundle)
    assert bundle.config.id == "attention_rnn" and bundle.weights.attn_length == 4
    card = result.card.read_text()
    assert result.card == tmp_path / "out.md"
    for text in ("Training sequences", "hparams", "Steps: 2", "Wall time", "Perplexity", "Accuracy"):
        assert text in card


@pytest.mark.parametrize("case, message", [
    ("empty", "holds no MIDI"),
    ("short", "shorter than 7 bars"),
    ("config", "unknown model"),
    ("output", "does not exist"),
    ("missing", "does not exist"),
])
def test_clear_errors(tmp_path, case, message):
    """Empty folders, unusable music, unknown configs and bad outputs each give a one-line reason."""
    folder = tmp_path / "in"
    folder.mkdir()
    kw = {}
    if case == "short":
        write_tunes(folder, 2, bars=3)
    else:
        write_tunes(folder, 1) if case != "empty" else None
    if case == "config":
        kw["config_id"] = "no_such_rnn"
    if case == "output":
        kw["output"] = tmp_path / "nowhere" / "x.mag"
    if case == "missing":
        folder = tmp_path / "absent"
    with pytest.raises(TrainingError, match=message):
        train(request(tmp_path, folder, **kw))


def test_full_disk_leaves_no_partial_bundle(tmp_path, corpus, monkeypatch):
    """A failing final write is a TrainingError and leaves neither a bundle nor a temporary file."""
    import composer_app.models.training.bundle_writer as writer

    def no_space(*args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(writer.os, "replace", no_space)
    with pytest.raises(TrainingError, match="No space left"):
        train(request(tmp_path, corpus, steps=1))
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(("out.mag", ".out.mag"))]


def test_sequence_examples_match_magentas_features(tmp_path):
    """The TFRecords for Magenta's trainer hold 'inputs' (floats) and 'labels' (int64) per step."""
    import tensorflow as tf

    from composer_app.models.training.dataset import encode_sequences, write_sequence_examples

    config = get_config("attention_rnn")
    data = encode_sequences([tune(1)], config)
    write_sequence_examples(data, tmp_path / "t.tfrecord")
    raw = next(iter(tf.data.TFRecordDataset(str(tmp_path / "t.tfrecord"))))
    _, seq = tf.io.parse_single_sequence_example(raw, sequence_features={
        "inputs": tf.io.FixedLenSequenceFeature([config.encoder().input_size], tf.float32),
        "labels": tf.io.FixedLenSequenceFeature([], tf.int64)})
    np.testing.assert_array_equal(seq["inputs"].numpy(), data.inputs[0].astype(np.float32))
    np.testing.assert_array_equal(seq["labels"].numpy(), data.labels[0])


def test_cli_train_writes_bundle(tmp_path, corpus, capsys):
    """`composer-app train` trains, prints the held-out figures, and reports bad input as one line."""
    from composer_app.cli.main import main

    out = tmp_path / "cli.mag"
    code = main(["train", "--config", "basic_rnn", "--input", str(corpus), "--output", str(out), "--steps", "2",
                 "--hparams", TINY, "--eval-ratio", "0.3", "--quiet", "--run-dir", str(tmp_path / "run")])
    assert code == 0 and out.exists() and out.with_suffix(".md").exists()
    assert "held-out perplexity" in capsys.readouterr().out
    assert main(["train", "--config", "nope", "--input", str(corpus), "--output", str(out)]) == 1
    assert "unknown model" in capsys.readouterr().err
    assert main(["train", "--config", "basic_rnn", "--input", str(corpus), "--output", str(out),
                 "--max-minutes", "0"]) == 1
    assert "--max-minutes must be above 0" in capsys.readouterr().err


def test_bucketed_batches_mix_the_pieces_of_one_length():
    """Transpositions of a piece share its length: bucketed batches still mix many pieces (as Magenta's random
    batches do) while keeping each batch's lengths within two length bins of each other."""
    from composer_app.models.training.dataset import BatchOrder

    pieces = np.repeat(np.arange(40), 9)  # 40 pieces in 9 transpositions each
    lengths = 1000 + 10 * pieces
    batches = BatchOrder(lengths, batch_size=36, seed=1, bucket=True, window_batches=10).epoch_batches(0)
    assert np.mean([len(set(pieces[b])) for b in batches]) >= 15  # an exact sort by length gives 4 or 5
    assert max(lengths[b].max() / lengths[b].min() for b in batches) <= BatchOrder.BUCKET_RATIO ** 2
    spread = BatchOrder(np.repeat([100, 1000], 36), batch_size=36, seed=1, window_batches=2).epoch_batches(0)
    assert sorted(len(set(lengths)) for lengths in (np.repeat([100, 1000], 36)[b] for b in spread)) == [1, 1]
    assert sorted(np.concatenate(batches).tolist()) == list(range(360))
