"""Train a MusicVAE: a run folder of Magenta-named TF checkpoints (resumed by rerunning), figures each step and on
the held-out windows, and at the end a .tar of the weights as Magenta distributes its checkpoints."""

from __future__ import annotations

import json
import math
import tarfile
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from composer_app.atomic_file import write_atomically
from composer_app.models.training.errors import TrainingCancelled, TrainingError
from composer_app.models.training.run_folder import (
    CHECKPOINTS,
    check_checkpoint_state,
    check_signature,
    note_made,
    open_run_folder,
)
from composer_app.models.training.vae.run_data import read_run_data
from composer_app.models.training.vae.spec import (
    LEVEL_LENGTHS,
    VALID_PROGRAMS,
    hparams_record,
    training_config,
    training_hparams,
)
from composer_app.models.training.vae.windows import MAX_WINDOWS_PER_SONG, VaeData, WindowSet, batch_rows
from composer_app.said import said

KEEP_CHECKPOINTS = 2
PARTS = ("hits_loss", "velocities_loss", "offsets_loss")  # GrooveLstmDecoder's metrics


@dataclass
class VaeTrainingRequest:
    config_id: str
    output: Path  # the .tar written at the end
    sources: tuple = ()  # SourceFiles
    hparams: str | None = None
    steps: int = 1000  # the global step to reach; a resumed run goes on to it
    time_limit_s: float | None = None
    eval_ratio: float = 0.1
    eval_every: int = 100
    checkpoint_every: int = 100
    run_dir: Path | None = None  # default: OUTPUT.run beside the output
    seed: int = 0
    log_metrics: Path | None = None
    workers: int = 1  # processes reading the files
    # Windows kept of each song: Magenta's 5 balances a corpus of many songs; None keeps every window (a small
    # corpus of long performances, such as Groove, would otherwise lose most of its bars).
    windows_per_song: int | None = MAX_WINDOWS_PER_SONG
    init_from: Path | None = None  # a MusicVAE checkpoint whose weights a new run starts from (start_weights)
    # GrooVAE: windows cut from the whole performance, keeping early-played downbeats ("downbeats"), or as TFDS cuts
    # Magenta's data ("tfds"); groove_windows.WINDOWINGS.
    groove_windowing: str = "downbeats"


@dataclass
class StepFigures:
    """One step's figures, or (held_out) those of the held-out windows: batch means per window."""

    step: int
    loss: float
    r_loss: float
    kl_bits: float
    beta: float
    accuracy: float
    learning_rate: float = math.nan
    held_out: bool = False
    parts: dict = field(default_factory=dict)  # GrooVAE: hits_loss, velocities_loss, offsets_loss (per step)

    @property
    def elbo(self) -> float:
        """The evidence lower bound per window in nats (held out: -(r_loss + KL))."""
        return -(self.r_loss + self.kl_bits * math.log(2.0))

    def line(self) -> str:
        what = "held-out" if self.held_out else "step"
        return (f"{what} {self.step}: loss {self.loss:.3f}, r_loss {self.r_loss:.3f}, KL {self.kl_bits:.2f} bits, "
                f"beta {self.beta:.4g}, accuracy {self.accuracy:.3f}"
                + "".join(f", {name.removesuffix('_loss')} {value:.4f}" for name, value in self.parts.items())
                + ("" if self.held_out else f", lr {self.learning_rate:.3g}"))


@dataclass
class VaeTrainingResult:
    output: Path
    steps: int
    data: VaeData
    held_out: StepFigures | None = None
    history: list = field(default_factory=list)
    groove: dict | None = None  # GrooVAE: groove_metrics.groove_report of the held-out windows at the end


class VaeTrainer:
    """The network, its optimizer, the compiled step and the run folder's checkpoints."""

    def __init__(self, hp, depth: int, run_dir: Path | None, seed: int = 0, window_steps: int = 32,
                 input_depth: int | None = None, groove: bool = False, level_lengths: tuple[int, int] | None = None):
        """`level_lengths` (bars, steps a bar) builds a hierarchical decoder (hierdec), else a flat one."""
        import tensorflow as tf

        from composer_app.models.training.vae import objective

        head = objective.CATEGORICAL
        if groove:
            from composer_app.models.training.vae.groove_objective import GROOVE, regrooved

            head = GROOVE

        tf.random.set_seed(seed)
        self.hp = hp
        input_depth = input_depth or depth
        if level_lengths is None:
            from composer_app.models.training.vae.network import FlatMusicVae

            self.net = FlatMusicVae(input_depth, depth, hp.z_size, hp.enc_rnn_size, hp.dec_rnn_size, seed)
        else:
            from composer_app.models.training.vae.hier_network import HierMusicVae

            self.net = HierMusicVae(input_depth, depth, hp.z_size, hp.enc_rnn_size, hp.dec_rnn_size, level_lengths,
                                    seed)
        self.weights = self.net.weights_by_name()
        self.optimizer = objective.Adam(self.weights)
        variables = list(self.weights.values())
        # The step loops are unrolled over a known length: the windows' steps, cut to max_seq_len as Magenta does.
        steps = min(window_steps, hp.max_seq_len)
        spec = [tf.TensorSpec([None, steps, input_depth], tf.float32), tf.TensorSpec([None, steps, depth], tf.float32),
                tf.TensorSpec([None, steps], tf.float32)]
        net, opt = self.net, self.optimizer
        self.train_fn = tf.function(lambda x, y, m: objective.train_step(net, opt, variables, hp, x, y, m, head),
                                    input_signature=spec)
        # The held-out draws (z, scheduled sampling) come from their own generator, reseeded at each evaluation.
        self.eval_rng = tf.random.Generator.from_seed(seed)
        rng = self.eval_rng
        self.eval_fn = tf.function(
            lambda x, y, m: objective.losses(net, hp, net.global_step, x, y, m, False, head, rng), input_signature=spec)
        self.regroove_fn = tf.function(lambda x, m: regrooved(net, x, m), input_signature=[spec[0], spec[2]]) \
            if groove else None
        self.folder = None if run_dir is None else run_dir / CHECKPOINTS
        self.saver = self._saver({**self.weights, "global_step": self.net.global_step,
                                  **self.optimizer.variables_by_name()}, KEEP_CHECKPOINTS)

    @staticmethod
    def _saver(var_list: dict, keep: int):
        """TF1's name-based Saver, so the files hold Magenta's names (tf.train.Checkpoint writes object paths)."""
        import tensorflow as tf

        tf.get_logger().setLevel("ERROR")  # the Saver's deprecation warning, on every run
        return tf.compat.v1.train.Saver(var_list, max_to_keep=keep, sharded=False)

    @property
    def step(self) -> int:
        return int(self.net.global_step.numpy())

    def restore(self) -> bool:
        import tensorflow as tf

        if self.folder is None:
            return False
        check_checkpoint_state(self.folder)
        latest = tf.train.latest_checkpoint(str(self.folder))
        if latest is None:
            return False
        try:
            self.saver.restore(None, latest)
        except Exception as exc:  # a cut-short checkpoint surfaces as one of several TF errors
            from composer_app.models.training.run_folder import damaged_checkpoint

            raise damaged_checkpoint(latest, exc) from None
        return True

    def save(self) -> str | None:
        if self.folder is None:
            return None
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            return self.saver.save(None, str(self.folder / "model.ckpt"), global_step=self.step)
        except Exception as exc:  # a full disk surfaces here as a TF error
            raise TrainingError(said("could not save a checkpoint in {folder}: {reason}").format(
                folder=str(self.folder), reason=str(exc))) from None

    def train_step(self, data: WindowSet, seed: int) -> StepFigures:
        step = self.step
        x, y, mask = data.batch(batch_rows(len(data), self.hp.batch_size, step, seed), self.hp.max_seq_len)
        out = {k: float(v) for k, v in self.train_fn(x, y, mask).items()}
        return StepFigures(step + 1, out["loss"], out["r_loss"], out["kl_bits"], out["beta"],
                           out["correct"] / out["steps"], out["learning_rate"],
                           parts={k: out[k] for k in PARTS if k in out})

    def evaluate(self, data: WindowSet, seed: int) -> StepFigures | None:
        """Magenta's eval over every held-out window: z drawn from q(z|x) (seeded), the decoder on its own samples
        where the config schedules sampling; figures averaged per window."""

        if not len(data):
            return None
        self.eval_rng.reset_from_seed(seed)
        sums = {"loss": 0.0, "r_loss": 0.0, "kl_bits": 0.0, "correct": 0.0, "steps": 0.0}
        parts: dict[str, float] = {}
        beta = 0.0
        for start in range(0, len(data), self.hp.batch_size):
            rows = np.arange(start, min(start + self.hp.batch_size, len(data)))
            x, y, mask = data.batch(rows, self.hp.max_seq_len)
            out = self.eval_fn(x, y, mask)
            for key in ("loss", "r_loss", "kl_bits"):
                sums[key] += float(out[key]) * len(rows)
            for key in PARTS:  # per step: every window has its full length, so a mean over windows is one
                if key in out:
                    parts[key] = parts.get(key, 0.0) + float(out[key]) * len(rows)
            sums["correct"] += float(out["correct"])
            sums["steps"] += float(out["steps"])
            beta = float(out["beta"])
        n = len(data)
        return StepFigures(self.step, sums["loss"] / n, sums["r_loss"] / n, sums["kl_bits"] / n, beta,
                           sums["correct"] / sums["steps"], held_out=True,
                           parts={k: v / n for k, v in parts.items()})

    def groove_report(self, data, train_targets: np.ndarray) -> dict | None:
        """The held-out windows regrooved (z = mu, hits at temperature 0) against the performances, and the input
        taken as the output (groove_metrics), over all held-out windows."""
        from composer_app.models.training.vae.groove_metrics import flat_velocity, groove_report

        if self.regroove_fn is None or not len(data):
            return None
        made, inputs, performed = [], [], []
        for start in range(0, len(data), self.hp.batch_size):
            x, y, mask = data.batch(np.arange(start, min(start + self.hp.batch_size, len(data))),
                                    self.hp.max_seq_len)
            made.append(self.regroove_fn(x, mask).numpy())
            inputs.append(x)
            performed.append(y)
        return groove_report(np.concatenate(made), np.concatenate(inputs), np.concatenate(performed),
                             data.step_seconds, flat_velocity(train_targets))

    def export(self, output: Path) -> Path:
        """A .tar holding model.ckpt-N (.index and .data: the weights and global_step), as Magenta ships them."""
        saver = self._saver({**self.weights, "global_step": self.net.global_step}, 1)
        with tempfile.TemporaryDirectory(prefix="composer-vae-") as tmp:
            prefix = Path(saver.save(None, str(Path(tmp) / "model.ckpt"), global_step=self.step,
                                     write_state=False))
            parts = sorted(p for p in Path(tmp).iterdir() if p.name.startswith(prefix.name + "."))

            def write(fh) -> None:
                with tarfile.open(fileobj=fh, mode="w") as tar:
                    for part in parts:
                        tar.add(part, arcname=part.name)

            try:
                write_atomically(output, write)
            except OSError as exc:
                raise TrainingError(said("could not write {path}: {reason}").format(
                    path=str(output), reason=exc.strerror or str(exc))) from None
        return output


def _log(path: Path | None, figures: StepFigures) -> None:
    if path is None:
        return
    record = {k: v for k, v in vars(figures).items()
              if not (isinstance(v, float) and math.isnan(v)) and not (k == "parts" and not v)}
    with open(path, "a", encoding="utf-8") as fh:
        fh.write(json.dumps(record) + "\n")


def train_vae(request: VaeTrainingRequest, progress=None, cancelled=None, data: VaeData | None = None
              ) -> VaeTrainingResult:
    """Train (or resume) the run; `progress(figures or said text)` hears of each step and evaluation."""
    from composer_app.models.training.tf_setup import require_tensorflow

    require_tensorflow()
    say = progress or (lambda item: None)
    config = training_config(request.config_id)
    hp = training_hparams(config, request.hparams)
    start = None
    if request.init_from is not None:
        from composer_app.models.training.vae.start_weights import checkpoint_start

        start, hp = checkpoint_start(Path(request.init_from), config, hp, request.hparams)
    converter = config.converter()
    run_dir = request.run_dir or request.output.with_name(request.output.stem + ".run")
    open_run_folder(run_dir)
    if data is None:
        data = read_run_data(request, config, converter, run_dir, say)
    if not len(data.train):
        raise TrainingError(said("no {bars}-bar windows of {kind} in {count} file(s)").format(
            bars=config.slice_bars, kind=said("drums") if config.kind in ("drums", "groove") else said("melody"),
            count=data.files),
            hint=said("MusicVAE reads 4/4 music only, and melodies from a file of several parts only from those of "
                      "programs 0 to 31 (piano to guitar), as Magenta's training does; pass --tracks first when "
                      "each file's first part is its melody.") if config.kind != "melody" or config.id in VALID_PROGRAMS
            else said("{config} reads 4/4 melodies of {bars} bars or more, as Magenta's training does; pass "
                      "--tracks first when each file's first part is its melody.").format(config=config.id,
                                                                                            bars=config.slice_bars))
    say(said("{train} training and {held} held-out windows from {files} file(s)").format(
        train=len(data.train), held=len(data.eval), files=data.files))
    signature = {"config": config.id, "hparams": hparams_record(hp), "train_sequences": len(data.train),
                 "train_steps": data.train.total_steps, "seed": request.seed, "bucket": False}
    if request.init_from is not None:  # only when set, so that earlier runs still resume
        signature["init_from"] = str(Path(request.init_from).resolve())
    if config.kind == "groove" and request.groove_windowing != "tfds":  # likewise
        signature["groove_windowing"] = request.groove_windowing
    check_signature(run_dir, signature)
    note_made(run_dir, request.log_metrics)
    trainer = VaeTrainer(hp, converter.output_depth, run_dir, request.seed, converter.slice_steps,
                         converter.input_depth, groove=config.kind == "groove",
                         level_lengths=LEVEL_LENGTHS.get(config.id))
    if trainer.restore():
        say(said("resumed at step {step}").format(step=trainer.step))
    elif start is not None:
        from composer_app.models.training.vae.start_weights import assign_start

        assign_start(trainer.weights, start, Path(request.init_from))
        say(said("starting from the weights of {path}").format(path=str(request.init_from)))
    result = VaeTrainingResult(request.output, trainer.step, data)
    started = time.monotonic()
    saved = trainer.step
    while trainer.step < request.steps:
        figures = trainer.train_step(data.train, request.seed)
        if not all(math.isfinite(v) for v in (figures.loss, figures.r_loss, figures.kl_bits)):
            raise TrainingError(said("the loss became {value} at step {step}").format(
                value=figures.loss, step=figures.step), hint=said("Lower learning_rate in --hparams and rerun "
                                                                  "with --restart."))
        result.history.append(figures)
        _log(request.log_metrics, figures)
        say(figures)
        if request.eval_every and figures.step % request.eval_every == 0:
            result.held_out = trainer.evaluate(data.eval, request.seed)
            if result.held_out is not None:
                _log(request.log_metrics, result.held_out)
                say(result.held_out)
        if request.checkpoint_every and figures.step % request.checkpoint_every == 0:
            trainer.save()
            saved = figures.step
        if cancelled is not None and cancelled():
            trainer.save()
            raise TrainingCancelled(said("stopped at step {step}").format(step=figures.step))
        if request.time_limit_s is not None and time.monotonic() - started >= request.time_limit_s:
            say(said("time limit reached at step {step}").format(step=figures.step))
            break
    if saved != trainer.step or trainer.folder is None or not (trainer.folder / "checkpoint").exists():
        trainer.save()
    if result.held_out is None or result.held_out.step != trainer.step:
        result.held_out = trainer.evaluate(data.eval, request.seed)
        if result.held_out is not None:
            say(result.held_out)
    result.steps = trainer.step
    if config.kind == "groove":
        _groove_figures(trainer, data, result, request.log_metrics, say)
    say(said("writing {path}").format(path=str(request.output)))
    trainer.export(request.output)
    return result


def _groove_figures(trainer: VaeTrainer, data: VaeData, result: VaeTrainingResult, log: Path | None, say) -> None:
    """The held-out timing and velocity errors, the model's and the input's (groove_metrics), on the result and in
    the metrics log as {"step", "held_out_groove"}."""
    from composer_app.models.training.vae.groove_metrics import report_line

    result.groove = trainer.groove_report(data.eval, data.train.targets)
    if result.groove is None:
        return
    say(report_line(result.groove))
    if log is not None:
        with open(log, "a", encoding="utf-8") as fh:
            fh.write(json.dumps({"step": trainer.step, "held_out_groove": result.groove}) + "\n")
