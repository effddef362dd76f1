"""A Magenta twin of a shipped MusicVAE run: Magenta 2.1.4's music_vae_train on exactly this app's training windows
and hparams, scored by this app's held-out evaluation.

  export CONFIG            the run's training windows (RUNS/CONFIG/windows.npz) as JSON, then as a NoteSequence
                           TFRecord in Magenta's venv (tools/magenta_vae_twin.py data), with how many windows
                           Magenta's converter gives back unchanged
  train CONFIG STEPS HP    music_vae_train in the reference venv (the config's augmenter off: the windows are
                           transposed already), logs to RUN/train.log; resumable (Magenta counts to STEPS)
  evaluate CONFIG HP STEP  Magenta's checkpoint of STEP restored into this app's trainer (same variable names) and
                           scored on the run's held-out windows with the same seed: JSON next to ours at STEP
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from magenta_compare import steps_per_second  # noqa: E402
from shipped_data import RUNS  # noqa: E402

MAGENTA_PYTHON = Path("/root/.cache/magenta-reference/venv/bin/python")
TWIN = Path(__file__).resolve().parents[1] / "tools" / "magenta_vae_twin.py"


def twin_dir(config_id: str) -> Path:
    return RUNS / f"magenta_{config_id}"


def run_data(config_id: str):
    import numpy as np

    from composer_app.models.training.vae.spec import training_config
    from composer_app.models.training.vae.windows import empty_set

    converter = training_config(config_id).converter()
    with np.load(RUNS / config_id / "windows.npz", allow_pickle=False) as saved:
        train, held = empty_set(converter), empty_set(converter)
        train.classes, held.classes = saved["train"], saved["eval"]
    return converter, train, held


def export(config_id: str) -> None:
    from composer_app.music.song import ticks_per_step

    converter, train, _held = run_data(config_id)
    tps = ticks_per_step(4)
    windows, classes = [], []
    for row in train.classes:
        notes = converter.to_song(row).tracks[0].notes
        windows.append([[n.pitch, n.start // tps, (n.start + n.duration) // tps] for n in notes])
        classes.append([int(c) for c in row])
    folder = twin_dir(config_id)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "windows.json").write_text(json.dumps({"config": config_id, "windows": windows, "classes": classes}))
    out = subprocess.run([str(MAGENTA_PYTHON), str(TWIN), "data", str(folder / "windows.json"),
                          str(folder / "training.tfrecord")], check=True, capture_output=True, text=True)
    line = out.stdout.strip().splitlines()[-1]
    (folder / "export.json").write_text(line)
    print(line)


def train(config_id: str, steps: int, hparams: str) -> None:
    folder = twin_dir(config_id)
    with open(folder / "train.log", "a") as log:
        subprocess.run([str(MAGENTA_PYTHON), str(TWIN), "train", config_id, f"--run_dir={folder / 'run'}",
                        "--mode=train", f"--examples_path={folder / 'training.tfrecord'}", f"--hparams={hparams}",
                        f"--num_steps={steps}", "--checkpoints_to_keep=100"],
                       stdout=log, stderr=subprocess.STDOUT, check=True)


def evaluate(config_id: str, hparams: str, step: int) -> dict:
    from composer_app.models.training.vae.run import VaeTrainer
    from composer_app.models.training.vae.spec import LEVEL_LENGTHS, training_config, training_hparams

    config = training_config(config_id)
    hp = training_hparams(config, hparams)
    converter, _train, held = run_data(config_id)
    trainer = VaeTrainer(hp, converter.output_depth, None, 0, converter.slice_steps, converter.input_depth,
                         level_lengths=LEVEL_LENGTHS.get(config_id))
    checkpoint = twin_dir(config_id) / "run" / "train" / f"model.ckpt-{step}"
    saver = trainer._saver({**trainer.weights, "global_step": trainer.net.global_step}, 1)
    saver.restore(None, str(checkpoint))
    assert trainer.step == step, (trainer.step, step)
    magenta = trainer.evaluate(held, 0)
    ours = [json.loads(line) for line in (RUNS / config_id / "metrics.jsonl").read_text().splitlines()]
    ours = [m for m in ours if m.get("held_out") and m["step"] == step]
    log = twin_dir(config_id) / "train.log"
    result = {"config": config_id, "steps": step, "held_out_windows": len(held),
              "magenta": {"accuracy": magenta.accuracy, "r_loss": magenta.r_loss, "kl_bits": magenta.kl_bits,
                          "elbo": magenta.elbo, "loss": magenta.loss,
                          "steps_per_sec": steps_per_second(log.read_text()) if log.exists() else None},
              "ours": ours[-1] if ours else None}
    (twin_dir(config_id) / f"evaluation-{step}.json").write_text(json.dumps(result, indent=1))
    return result


if __name__ == "__main__":
    what, config_id, *rest = sys.argv[1:]
    if what == "export":
        export(config_id)
    elif what == "train":
        train(config_id, int(rest[0]), rest[1])
    elif what == "evaluate":
        print(json.dumps(evaluate(config_id, rest[0], int(rest[1])), indent=1))
    else:
        raise SystemExit(__doc__)
