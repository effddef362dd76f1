"""MusicVAE speed: our `music_vae_generate` against Magenta 2.1.4's, measured in the same run when it is installed.

Prints, wall times including start-up and checkpoint loading (median of 3 for ours, 1 run for Magenta's):
- `--mode=sample --num_outputs=10` on the mel2bar_tiny fixture (ours only: Magenta's music_vae_generate has no
  --hparams flag, so it cannot load the fixture's non-default sizes) and on a cat-mel_2bar_big checkpoint;
- `--mode=interpolate --num_outputs=5` on a hierdec-mel_16bar checkpoint, between two 16-bar fixture melodies;
- the marginal cost per sample at cat-mel_2bar_big size, (T(100) - T(10)) / 90, all samples in one batch;
- the ratios, with their targets (>= 10x for sample and interpolate).

The big checkpoints are random weights at the configs' default sizes, with Magenta's variable names, written by
TensorFlow (Magenta's venv) as a V2 checkpoint and packed in a .tar as Magenta ships them (about 0.5 and 0.7 GB,
in a temporary folder that is removed afterwards).
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from composer_app.models.musicvae.layout import magenta_shapes  # noqa: E402

FIXTURES = ROOT.parent / "shared" / "fixtures" / "magenta-vae"
MAGENTA = Path(os.environ.get("MAGENTA_REFERENCE_VENV", Path.home() / ".cache/magenta-reference/venv"))
ENV = {**os.environ, "TF_CPP_MIN_LOG_LEVEL": "3", "PYTHONPATH": str(ROOT)}
# Ours runs from this checkout (the installed console script may belong to another one).
OURS = [sys.executable, "-c", "import sys; from composer_app.cli.music_vae import main; sys.exit(main())"]
N1, N2 = 10, 100

# Magenta's configs.py: (input depth, output depth), z_size, enc_rnn_size, dec_rnn_size, hierarchical.
BIG = {
    "cat-mel_2bar_big": ((90, 90), 512, [2048], [2048, 2048, 2048], False),
    "hierdec-mel_16bar": ((90, 90), 512, [2048, 2048], [1024, 1024], True),
}

WRITER = r"""
import json, sys
import numpy as np
import tensorflow as tf
shapes, prefix = json.loads(sys.argv[1]), sys.argv[2]
rng = np.random.default_rng(0)
names, tensors = [], []
for name, shape in sorted(shapes.items()):
    names.append(name)
    scale = 1.0 / np.sqrt(shape[0]) if len(shape) == 2 else 0.0
    tensors.append(tf.constant((rng.standard_normal(shape, dtype=np.float32) * scale).astype(np.float32)))
names.append("global_step")
tensors.append(tf.constant(np.int64(0)))
tf.raw_ops.SaveV2(prefix=prefix, tensor_names=names, shape_and_slices=[""] * len(names), tensors=tensors)
"""


def write_checkpoint(config_id: str, folder: Path) -> Path:
    """A random-weight checkpoint of the config's default sizes, as Magenta's .tar; its path."""
    shapes = magenta_shapes(*BIG[config_id])
    work = folder / config_id
    work.mkdir()
    prefix = work / "model.ckpt-1"
    start = time.perf_counter()
    subprocess.run([str(MAGENTA / "bin" / "python"), "-c", WRITER, json.dumps(shapes), str(prefix)],
                   check=True, env=ENV, capture_output=True)
    tar_path = folder / f"{config_id}.tar"
    with tarfile.open(tar_path, "w") as tar:
        for member in sorted(work.iterdir()):
            tar.add(member, arcname=member.name)
            member.unlink()
    weights = sum(_count(s) for s in shapes.values())
    print(f"wrote    {tar_path.name}: {weights:,} random weights, {tar_path.stat().st_size / 1e6:.0f} MB "
          f"({time.perf_counter() - start:.1f} s)")
    return tar_path


def _count(shape) -> int:
    n = 1
    for s in shape:
        n *= s
    return n


def timed(args: list[str], repeats: int) -> float:
    """Median wall time of a command (it must succeed)."""
    times = []
    for _ in range(repeats):
        with tempfile.TemporaryDirectory() as out:
            start = time.perf_counter()
            proc = subprocess.run([*args, f"--output_dir={out}"], capture_output=True, text=True, env=ENV)
            times.append(time.perf_counter() - start)
            written = len(list(Path(out).glob("*.mid")))
        if proc.returncode:
            raise RuntimeError(" ".join(args) + "\n" + proc.stderr[-1500:])
        if not written:
            raise RuntimeError(" ".join(args) + " wrote no MIDI file\n" + proc.stderr[-800:])
    return statistics.median(times)


def sample(cli: list[str], config: str, checkpoint: Path, n: int) -> list[str]:
    return [*cli, f"--config={config}", f"--checkpoint_file={checkpoint}", "--mode=sample", f"--num_outputs={n}",
            f"--max_batch_size={n}"]


def interpolate(cli: list[str], checkpoint: Path) -> list[str]:
    return [*cli, "--config=hierdec-mel_16bar", f"--checkpoint_file={checkpoint}", "--mode=interpolate",
            "--num_outputs=5", f"--input_midi_1={FIXTURES / 'hierdec_mel16_tiny_in0.mid'}",
            f"--input_midi_2={FIXTURES / 'hierdec_mel16_tiny_in1.mid'}"]


def figures(cli: list[str], label: str, big: Path, hierdec: Path, repeats: int) -> dict[str, float]:
    t10 = timed(sample(cli, "cat-mel_2bar_big", big, N1), repeats)
    t100 = timed(sample(cli, "cat-mel_2bar_big", big, N2), repeats)
    interp = timed(interpolate(cli, hierdec), repeats)
    out = {"sample": t10, "marginal": (t100 - t10) / (N2 - N1), "interpolate": interp}
    print(f"{label:8s} sample 10, cat-mel_2bar_big:           {t10:7.2f} s wall (median of {repeats})")
    print(f"{label:8s} sample {N2}, cat-mel_2bar_big:          {t100:7.2f} s wall")
    print(f"{label:8s} marginal cost per sample ((T{N2} - T{N1}) / {N2 - N1}): {out['marginal'] * 1000:8.1f} ms")
    print(f"{label:8s} interpolate 5, hierdec-mel_16bar:      {interp:7.2f} s wall")
    return out


def main() -> None:
    print(f"load average before: {os.getloadavg()[0]:.2f} ({os.cpu_count()} cores; compare only on an idle machine)")
    if not FIXTURES.exists():
        print(f"no fixtures at {FIXTURES}: this benchmark needs ../shared")
        return
    tiny = timed(sample(OURS, "cat-mel_2bar_small", FIXTURES / "mel2bar_tiny.tar", 10), 3)
    print(f"ours     sample 10, mel2bar_tiny fixture:      {tiny:7.2f} s wall (median of 3; Magenta's CLI cannot "
          "load its sizes)")
    if not (MAGENTA / "bin" / "python").exists():
        print(f"magenta: not installed at {MAGENTA}; the big checkpoints need its TensorFlow to be written. "
              "Run ../shared/tools/magenta-reference/install.sh to compare")
        return
    with tempfile.TemporaryDirectory() as tmp:
        big = write_checkpoint("cat-mel_2bar_big", Path(tmp))
        hierdec = write_checkpoint("hierdec-mel_16bar", Path(tmp))
        ours = figures(OURS, "ours", big, hierdec, 3)
        theirs = figures([str(MAGENTA / "bin" / "music_vae_generate")], "magenta", big, hierdec, 1)
    for key, what, target in (("sample", "sample 10, cat-mel_2bar_big", 10), ("interpolate",
                              "interpolate 5, hierdec-mel_16bar", 10), ("marginal", "marginal cost per sample", None)):
        ratio = theirs[key] / ours[key] if ours[key] > 0 else float("inf")
        verdict = "" if target is None else f" (target >= {target}x: {'met' if ratio >= target else 'NOT met'})"
        print(f"ratio    {what}: ours is {ratio:.1f}x faster{verdict}")


if __name__ == "__main__":
    main()
