"""The training loop: request in, bundle + model card out, with progress, cancellation, checkpoints and resume."""

from __future__ import annotations

import math
import os
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from composer_app.models.errors import HParamsError
from composer_app.models.rnn.configs import ModelConfig, get_config
from composer_app.models.rnn.extraction import ExtractorSettings
from composer_app.models.training.card import check_card_replaceable
from composer_app.models.training.corpus import CorpusCache, SourceFile
from composer_app.models.training.data import CorpusReport, PreparedData, gather_sources, prepare_data, windowed
from composer_app.models.training.dataset import BatchOrder, EncodedSet, pad_batch
from composer_app.models.training.errors import TrainingCancelled, TrainingError
from composer_app.models.training.metrics import HeldOut, MetricsLog, StepMetrics
from composer_app.models.training.run_folder import (
    CHECKPOINTS,
    check_checkpoint_state,
    check_run_folder,
    check_signature,
    damaged_checkpoint,
    note_made,
    open_run_folder,
)
from composer_app.said import said


@dataclass(frozen=True)
class TrainingRequest:
    """What to train. `sources` adds explicit files (with a forced split) to the files found under `inputs`."""

    config_id: str
    output: Path
    inputs: tuple = ()
    sources: tuple = ()
    tracks: str = "all"
    hparams: str | None = None
    steps: int = 1000
    time_limit_s: float | None = None  # stop early (with a checkpoint, an evaluation and the bundle) after this
    eval_ratio: float = 0.1
    eval_every: int = 100
    report_every: int = 10
    checkpoint_every: int = 100
    run_dir: Path | None = None
    log_metrics: Path | None = None
    seed: int = 0
    workers: int = 1
    cache_dir: Path | None = None
    use_cache: bool = True
    bucket: bool = True
    keep_best: bool = False  # write the weights of the best held-out evaluation, not the last step's
    init_from: Path | None = None  # a .mag bundle whose network training continues from, instead of fresh weights
    window: int | None = None  # train on windows of at most this many events (held-out sequences stay whole)
    data_description: str = ""
    settings: ExtractorSettings = field(default_factory=ExtractorSettings)


@dataclass
class TrainingProgress:
    phase: str  # "reading", "training", "writing", "done"
    step: int = 0
    total_steps: int = 0
    files_done: int = 0
    files_total: int = 0
    metrics: StepMetrics | None = None
    message: str = ""


@dataclass
class TrainingResult:
    bundle: Path
    card: Path
    config_id: str
    hparams: dict
    steps: int
    wall_time_s: float
    report: CorpusReport
    final: StepMetrics | None
    held_out: HeldOut | None
    history: list = field(default_factory=list)
    kept_step: int | None = None  # with keep_best: the step whose weights the bundle holds, when not the last


def resolve_config(config_id: str) -> ModelConfig:
    try:
        return get_config(config_id)
    except KeyError as exc:
        raise TrainingError(exc.args[0]) from None


def check_writable(output: Path) -> None:
    """Fail before hours of training, not after: the output folder must exist and accept a file."""
    folder = output.parent if str(output.parent) else Path(".")
    if output.suffix.lower() != ".mag":
        raise TrainingError(said("output {output} should end in .mag").format(output=str(output)))
    if not folder.is_dir():
        raise TrainingError(said("cannot write {output}: folder {folder} does not exist").format(
            output=str(output), folder=str(folder)))
    check_card_replaceable(output)
    try:
        fd, tmp = tempfile.mkstemp(prefix=".write-test.", dir=folder)
        os.close(fd)
        os.unlink(tmp)
    except OSError as exc:
        raise TrainingError(said("cannot write in {folder}: {reason}").format(
            folder=str(folder), reason=exc.strerror or str(exc))) from None


MAX_STEPS = 10_000_000  # about a year of training on a laptop


def check_request_values(request: TrainingRequest, run_dir: Path | None = None) -> None:
    """Refuse values no training can run with, and an unwritable metrics log, before the corpus is read."""
    checks = [
        (1 <= request.steps <= MAX_STEPS, said("--steps must be between 1 and {limit}, not {steps}").format(
            limit=MAX_STEPS, steps=request.steps)),
        (request.eval_every >= 1, said("--eval-every must be at least 1 step, not {value}").format(
            value=request.eval_every)),
        (request.checkpoint_every >= 1, said("--checkpoint-every must be at least 1 step, not {value}").format(
            value=request.checkpoint_every)),
        (request.time_limit_s is None or request.time_limit_s > 0, said("the time limit must be above 0")),
        (request.seed >= 0, said("--seed must be 0 or more, not {value}").format(value=request.seed)),
        (request.workers >= 1, said("--workers must be at least 1, not {value}").format(value=request.workers)),
        (request.window is None or request.window >= 8, said("--window must be 8 events or more, not {value}").format(value=request.window)),
    ]
    for ok, message in checks:
        if not ok:
            raise TrainingError(message)
    if request.log_metrics is not None:
        log = Path(request.log_metrics)
        folder = log.parent if str(log.parent) else Path(".")
        if run_dir is not None and not folder.exists() and folder.resolve() == Path(run_dir).resolve():
            return  # a log inside the run folder, which the trainer makes
        try:
            if log.exists():
                with open(log, "a", encoding="utf-8"):
                    pass  # opened for appending, as the log will be; nothing is written
            else:
                fd, tmp = tempfile.mkstemp(prefix=".write-test.", dir=folder)
                os.close(fd)
                os.unlink(tmp)
        except OSError as exc:
            raise TrainingError(said("cannot write the metrics log {log}: {reason}").format(
                log=str(log), reason=exc.strerror or str(exc)),
                hint=said("Give --log-metrics a file in a folder you can write to.")) from None


def evaluate(net, data: EncodedSet, batch_size: int, eval_fn) -> HeldOut | None:
    """Mean cross-entropy and accuracy over every real step of `data` (sorted by length to pad little)."""
    if not len(data):
        return None
    order = np.argsort(data.lengths(), kind="stable")
    loss = correct = count = 0.0
    for start in range(0, len(order), batch_size):
        x, y, mask = pad_batch(data, order[start:start + batch_size])
        s, c, n = eval_fn(x, y, mask)
        loss, correct, count = loss + float(s), correct + float(c), count + float(n)
    return HeldOut(loss / count, correct / count, int(count), len(data))


class Trainer:
    """Holds the network, optimizer, compiled steps and checkpoint manager for one run directory."""

    def __init__(self, config: ModelConfig, hparams, input_size: int, num_classes: int, run_dir: Path | None,
                 seed: int = 0, keep_best: bool = False, initial=None):
        import tensorflow as tf

        from composer_app.models.training.network import EventsRnn
        from composer_app.models.training.step import Adam, BoundedSteps, max_row_steps
        from composer_app.models.training.weights_init import fresh_weights

        self.config, self.hparams = config, hparams
        tf.random.set_seed(seed)
        weights = initial or fresh_weights(input_size, num_classes, hparams.rnn_layer_sizes, hparams.attn_length,
                                           seed)
        self.net = EventsRnn(weights)
        self.variables = list(self.net.trainable_variables)
        self.optimizer = Adam(self.variables, hparams.learning_rate)
        self.step = tf.Variable(0, dtype=tf.int64, trainable=False, name="step")
        self.epoch = tf.Variable(0, dtype=tf.int64, trainable=False, name="epoch")
        self.position = tf.Variable(0, dtype=tf.int64, trainable=False, name="position")
        self.elapsed = tf.Variable(0.0, dtype=tf.float64, trainable=False, name="elapsed")
        keep = float(hparams.dropout_keep_prob)
        steps = BoundedSteps(self.net, self.optimizer, self.variables, input_size, keep if keep < 1.0 else None,
                             float(hparams.clip_norm), max_row_steps(hparams.rnn_layer_sizes, input_size, num_classes))
        self.train_fn, self.eval_fn = steps.train, steps.evaluate
        self.best = None
        tracked = {}
        if keep_best:
            # The best weights so far live in the checkpoint too, so a resumed run still knows them.
            self.best = tf.train.Checkpoint(
                loss=tf.Variable(math.inf, dtype=tf.float64, trainable=False),
                step=tf.Variable(-1, dtype=tf.int64, trainable=False),
                weights=[tf.Variable(v, trainable=False) for v in self.variables])
            tracked["best"] = self.best
        self.manager = None
        if run_dir is not None:
            self.checkpoint = tf.train.Checkpoint(net=self.net, optimizer=self.optimizer, step=self.step,
                                                  epoch=self.epoch, position=self.position, elapsed=self.elapsed,
                                                  **tracked)
            check_checkpoint_state(run_dir / CHECKPOINTS)
            self.manager = tf.train.CheckpointManager(self.checkpoint, str(run_dir / CHECKPOINTS), max_to_keep=2)

    def restore(self) -> bool:
        if self.manager is None or self.manager.latest_checkpoint is None:
            return False
        try:
            self.checkpoint.restore(self.manager.latest_checkpoint).assert_existing_objects_matched()
        except Exception as exc:  # a cut-short or missing checkpoint file surfaces as one of several TF errors
            raise damaged_checkpoint(self.manager.latest_checkpoint, exc) from None
        return True

    def note_evaluation(self, step: int, held: HeldOut) -> None:
        """With keep_best, remember these weights if this held-out loss is the lowest after step 0."""
        if self.best is None or step == 0 or not held.loss < float(self.best.loss.numpy()):
            return
        self.best.loss.assign(held.loss)
        self.best.step.assign(step)
        for kept, current in zip(self.best.weights, self.variables):
            kept.assign(current)

    def use_best(self, step: int) -> int | None:
        """Load the best remembered weights into the network; returns their step, or None if the last is best."""
        if self.best is None:
            return None
        best_step = int(self.best.step.numpy())
        if best_step < 0 or best_step == step:
            return None
        for current, kept in zip(self.variables, self.best.weights):
            current.assign(kept)
        return best_step

    def save(self) -> None:
        if self.manager is None:
            return
        try:
            self.manager.save(checkpoint_number=int(self.step.numpy()))
        except Exception as exc:  # a full disk surfaces here as a TF error
            raise TrainingError(said("could not save a checkpoint in {folder}: {reason}").format(
                folder=str(self.manager.directory), reason=str(exc))) from None


def _run_signature(config: ModelConfig, hparams, data: PreparedData, seed: int, bucket: bool,
                   keep_best: bool) -> dict:
    signature = {"config": config.id, "hparams": {k: list(v) if isinstance(v, tuple) else v
                                                  for k, v in vars(hparams).items()},
                 "train_sequences": len(data.train), "train_steps": data.train.steps, "seed": seed, "bucket": bucket}
    if keep_best:  # only when set, so that runs started before the option existed still resume
        signature["keep_best"] = True
    return signature


def train(request: TrainingRequest, progress=None, cancelled=None) -> TrainingResult:
    """Train a bundle. `progress(TrainingProgress)` is called as it goes; `cancelled()` returning True stops
    cleanly after saving a checkpoint (raises TrainingCancelled). A rerun with the same run_dir resumes."""
    from composer_app.models.training.card import write_card
    from composer_app.models.training.export import write_trained_bundle
    from composer_app.models.training.tf_setup import require_tensorflow

    require_tensorflow()
    started = time.perf_counter()
    config = resolve_config(request.config_id)
    try:
        hparams = config.hparams.with_overrides(request.hparams)
    except (HParamsError, ValueError) as exc:
        raise TrainingError(exc.args[0] if exc.args else str(exc)) from None
    initial = None
    if request.init_from is not None:
        from composer_app.models.training.weights_init import bundle_weights

        initial, hparams = bundle_weights(Path(request.init_from), config, hparams)
    output = Path(request.output)
    check_writable(output)
    run_dir = Path(request.run_dir) if request.run_dir else output.with_name(output.stem + ".run")
    check_run_folder(run_dir)  # before reading the corpus, which can take minutes
    check_request_values(request, run_dir)
    notify = progress or (lambda p: None)
    is_cancelled = cancelled or (lambda: False)

    sources = gather_sources(request.inputs, [SourceFile(Path(s.path), s.tracks, s.split, getattr(s, "group", None))
                                                   for s in request.sources],
                             request.tracks)
    cache = CorpusCache(request.cache_dir) if request.use_cache else None
    data = prepare_data(
        config, sources, request.eval_ratio, request.settings, cache=cache, workers=request.workers,
        progress=lambda done, total, path: notify(TrainingProgress("reading", files_done=done, files_total=total,
                                                                    message=str(path))),
        cancelled=is_cancelled)
    if is_cancelled():
        raise TrainingCancelled(said("cancelled while reading the corpus"))
    if request.window is not None:
        data = windowed(data, request.window, config)
    # Cached files are not reported one by one: this says what reading gave, and what was skipped and why.
    notify(TrainingProgress("read", files_done=data.report.files, files_total=data.report.files,
                            message=data.report.summary(request.settings)))

    open_run_folder(run_dir)  # refuses a folder of the user's own files; its state files are written atomically
    signature = _run_signature(config, hparams, data, request.seed, request.bucket, request.keep_best)
    # Each only when set, so that earlier runs still resume.
    signature.update({k: v for k, v in (("init_from", request.init_from and str(Path(request.init_from).resolve())),
                                        ("window", request.window)) if v is not None})
    check_signature(run_dir, signature)
    note_made(run_dir, request.log_metrics)

    trainer = Trainer(config, hparams, data.train.input_size, data.train.num_classes, run_dir, request.seed,
                      keep_best=request.keep_best and len(data.eval) > 0, initial=initial)
    resumed = trainer.restore()
    log = MetricsLog(request.log_metrics)
    order = BatchOrder(data.train.lengths(), hparams.batch_size, seed=request.seed, bucket=request.bucket)
    step = int(trainer.step.numpy())
    if resumed:
        notify(TrainingProgress("training", step=step, total_steps=request.steps,
                                message=f"resumed from step {step} in {run_dir}"))
    batches = order.from_position(int(trainer.epoch.numpy()), int(trainer.position.numpy()))
    base_elapsed = float(trainer.elapsed.numpy())
    run_start = time.perf_counter()
    history: list[StepMetrics] = []
    window_loss, window_acc, window_n, window_start = 0.0, 0.0, 0, time.perf_counter()
    last = None
    held = None

    def elapsed() -> float:
        return base_elapsed + time.perf_counter() - run_start

    def checkpoint():
        trainer.elapsed.assign(elapsed())
        trainer.save()

    deadline = None if request.time_limit_s is None else run_start + request.time_limit_s

    if step == 0 and len(data.eval):
        # Step 0 on held-out data: an untrained model should be near-uniform (perplexity ~ number of classes).
        held = evaluate(trainer.net, data.eval, hparams.batch_size, trainer.eval_fn)
        last = StepMetrics(0, math.nan, math.nan, math.nan, 0.0, elapsed(), held.loss, held.perplexity,
                           held.accuracy)
        log.write(last)
        history.append(last)
        notify(TrainingProgress("training", 0, request.steps, metrics=last))

    while step < request.steps:
        if is_cancelled():
            checkpoint()
            raise TrainingCancelled(said("cancelled at step {step}; rerun with the same run folder to resume").format(
                step=step))
        epoch, position, indices = next(batches)
        x, y, mask = pad_batch(data.train, indices)
        loss, acc = trainer.train_fn(x, y, mask)
        step += 1
        trainer.step.assign(step)
        trainer.epoch.assign(epoch)
        trainer.position.assign(position)
        window_loss += float(loss)
        window_acc += float(acc)
        window_n += 1
        out_of_time = deadline is not None and time.perf_counter() >= deadline
        final = step == request.steps or out_of_time
        do_eval = len(data.eval) and (step % request.eval_every == 0 or final)
        if step % request.report_every == 0 or do_eval or final:
            now = time.perf_counter()
            mean_loss = window_loss / window_n
            last = StepMetrics(step, mean_loss, math.exp(min(mean_loss, 700)), window_acc / window_n,
                               window_n / max(now - window_start, 1e-9), elapsed())
            if do_eval:
                held = evaluate(trainer.net, data.eval, hparams.batch_size, trainer.eval_fn)
                last.eval_loss, last.eval_perplexity, last.eval_accuracy = held.loss, held.perplexity, held.accuracy
                trainer.note_evaluation(step, held)
            log.write(last)
            history.append(last)
            notify(TrainingProgress("training", step, request.steps, metrics=last))
            window_loss, window_acc, window_n, window_start = 0.0, 0.0, 0, time.perf_counter()
        if step % request.checkpoint_every == 0 or final:
            checkpoint()
        if out_of_time:
            break

    kept_step = trainer.use_best(step)
    if (held is None or kept_step is not None) and len(data.eval):
        # A resumed run that had nothing left to train still reports held-out figures for its card, and kept
        # weights are scored afresh rather than quoted from their evaluation.
        held = evaluate(trainer.net, data.eval, hparams.batch_size, trainer.eval_fn)
    if kept_step is not None:
        notify(TrainingProgress("writing", step, request.steps, message=(
            f"keeping the weights of step {kept_step}, the best held-out evaluation (perplexity "
            f"{held.perplexity:.3f}); the last step's were worse")))

    notify(TrainingProgress("writing", step, request.steps, message=f"writing {output}"))
    wall = elapsed()
    result = TrainingResult(output, output.with_suffix(".md"), config.id, signature["hparams"], step, wall,
                            data.report, last, held, history, kept_step)
    result.bundle = write_trained_bundle(output, config, trainer.net, result, request.data_description)
    result.card = write_card(result, request.data_description)
    notify(TrainingProgress("done", step, request.steps, message=f"wrote {output} in {time.perf_counter() - started:.0f} s"))
    return result
