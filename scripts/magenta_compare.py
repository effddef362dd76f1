"""Train Magenta 2.1.4's own trainer on exactly this app's extracted data, split and hparams, and score it.

  export CONFIG [N]        write training/eval SequenceExample TFRecords from this app's encoders; with N, only N
                           training sequences drawn at random (seed 0), for corpora too big to write out whole
  train CONFIG STEPS HP    run melody_rnn_train / drums_rnn_train / improv_rnn_train in the reference venv (logs to RUN/train.log);
                           on a resumed run Magenta trains STEPS *more* (its StopAtStepHook counts from the restart)
  bundle CONFIG HP [STEP]  save Magenta's checkpoint (the latest, or model.ckpt-STEP) as a .mag with its own
                           *_generate --save_generator_bundle
  evaluate CONFIG          held-out perplexity/accuracy of that bundle on the same eval set (JSON)
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from shipped_data import RUNS, prepared  # noqa: E402

MAGENTA_BIN = Path("/root/.cache/magenta-reference/venv/bin")


def run_dir(config_id: str) -> Path:
    return RUNS / f"magenta_{config_id}"


def tool(config_id: str, what: str) -> str:
    from finish_shipped_bundle import magenta_family

    from composer_app.models.rnn.configs import get_config

    return str(MAGENTA_BIN / f"{magenta_family(get_config(config_id))}_rnn_{what}")


def export(config_id: str, limit: int | None = None) -> None:
    from composer_app.models.training.dataset import EncodedSet, write_sequence_examples

    data = prepared(config_id)
    folder = run_dir(config_id)
    folder.mkdir(parents=True, exist_ok=True)
    train = data.train
    if limit is not None and limit < len(train):
        # Magenta's inputs are dense float rows: Performance's 360k augmented sequences would be ~280 GB. A twin of
        # S steps at batch B sees S*B sequences, so that many drawn at random stand for the whole set.
        import numpy as np

        picked = np.random.default_rng(0).choice(len(train), size=limit, replace=False)
        train = EncodedSet([train.inputs[i] for i in picked], [train.labels[i] for i in picked], train.input_size,
                           train.num_classes)
    n_train = write_sequence_examples(train, folder / "training.tfrecord")
    print(json.dumps({"train": n_train, "of": len(data.train), "train_steps": train.steps}))


def train(config_id: str, steps: int, hparams: str) -> None:
    folder = run_dir(config_id)
    with open(folder / "train.log", "a") as log:  # a resumed run keeps the earlier log
        subprocess.run([tool(config_id, "train"), f"--config={config_id}", f"--run_dir={folder / 'run'}",
                        f"--sequence_example_file={folder / 'training.tfrecord'}", f"--hparams={hparams}",
                        f"--num_training_steps={steps}"], stdout=log, stderr=subprocess.STDOUT, check=True)


def steps_per_second(log_text: str) -> float | None:
    """Magenta's StepCounterHook lines ("global_step/sec: X"), averaged after the first (which includes startup)."""
    rates = [float(x) for x in re.findall(r"global_step/sec: ([0-9.]+)", log_text)]
    rates = rates[1:] or rates
    return sum(rates) / len(rates) if rates else None


def bundle(config_id: str, hparams: str, step: int | None = None) -> Path:
    folder = run_dir(config_id)
    out = folder / f"magenta_{config_id}.mag"
    if step is not None:
        # Magenta's generate restores tf.train.latest_checkpoint: point the checkpoint index at the chosen step.
        train_dir = folder / "run" / "train"
        if not (train_dir / f"model.ckpt-{step}.index").exists():
            raise SystemExit(f"no checkpoint for step {step} in {train_dir}")
        (train_dir / "checkpoint").write_text(f'model_checkpoint_path: "{train_dir / f"model.ckpt-{step}"}"\n')
    subprocess.run([tool(config_id, "generate"), f"--config={config_id}", f"--run_dir={folder / 'run'}",
                    f"--hparams={hparams}", f"--bundle_file={out}", "--save_generator_bundle"],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return out


def evaluate(config_id: str) -> dict:
    import tensorflow as tf

    from composer_app.models.rnn.bundle import read_bundle
    from composer_app.models.training.loop import evaluate as held_out
    from composer_app.models.training.network import EventsRnn
    from composer_app.models.training.step import eval_step

    data = prepared(config_id)
    path = run_dir(config_id) / f"magenta_{config_id}.mag"
    b = read_bundle(path)
    net = EventsRnn(b.weights)
    spec = [tf.TensorSpec([None, None, data.eval.input_size], tf.float32), tf.TensorSpec([None, None], tf.int64),
            tf.TensorSpec([None, None], tf.float32)]
    fn = tf.function(lambda x, y, m: eval_step(net, x, y, m), input_signature=spec)
    held = held_out(net, data.eval, 64, fn)
    log = (run_dir(config_id) / "train.log").read_text()
    state = (run_dir(config_id) / "run" / "train" / "checkpoint").read_text()
    step = int(re.search(r'model_checkpoint_path: ".*-(\d+)"', state).group(1))  # the checkpoint bundled
    result = {"config": config_id, "steps": step, "eval_perplexity": held.perplexity, "eval_accuracy": held.accuracy,
              "eval_loss": held.loss, "eval_steps": held.steps, "eval_sequences": held.sequences,
              "magenta_steps_per_sec": steps_per_second(log)}
    (run_dir(config_id) / "evaluation.json").write_text(json.dumps(result, indent=1))
    print(json.dumps(result))
    return result


if __name__ == "__main__":
    cmd, cid = sys.argv[1], sys.argv[2]
    if cmd == "export":
        export(cid, int(sys.argv[3]) if len(sys.argv) > 3 else None)
    elif cmd == "train":
        train(cid, int(sys.argv[3]), sys.argv[4])
    elif cmd == "bundle":
        print(bundle(cid, sys.argv[3], int(sys.argv[4]) if len(sys.argv) > 4 else None))
    elif cmd == "evaluate":
        evaluate(cid)
