"""MusicVAE speed and memory: our `music_vae_generate` against Magenta 2.1.4's, measured in the same run.

Prints wall times including start-up and checkpoint loading (median of 3 for ours, 1 run for Magenta's):
- `--mode=sample --num_outputs=10` on the mel2bar_tiny fixture (ours only: Magenta's music_vae_generate has no
  --hparams flag, so it cannot load the fixture's non-default sizes), and on cat-mel_2bar_small and
  cat-mel_2bar_big checkpoints;
- `--mode=interpolate --num_outputs=5` on a hierdec-mel_16bar checkpoint, between two 16-bar fixture melodies;
- the marginal cost per sample at cat-mel_2bar_big size, (T(100) - T(10)) / 90, all samples in one batch;
- the ratios, with their targets (>= 10x for sample and interpolate);
- the decode loop's weight traffic in GB/s against the machine's copy bandwidth: at the big sizes every step reads
  every decoder weight once, so that bandwidth, not arithmetic, bounds any implementation on the CPU;
- the decode loop on one BLAS thread and on two (the engine pins one; this shows both ways);
- the peak memory (RSS) of loading a checkpoint with its Adam slots, as Magenta ships them (hierdec-trio_16bar is
  the 2 GB one), against the size of the file.

The checkpoints are random weights at the configs' default sizes, with Magenta's variable names, written by
TensorFlow (Magenta's venv) as a V2 checkpoint and packed in a .tar as Magenta ships them (0.1 to 2 GB, in a
temporary folder removed afterwards). Pass `--quick` to skip Magenta's runs and the 2 GB checkpoint.
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
SIZES = {
    "cat-mel_2bar_small": ((90, 90), 256, [512], [256, 256], False),
    "cat-mel_2bar_big": ((90, 90), 512, [2048], [2048, 2048, 2048], False),
    "hierdec-mel_16bar": ((90, 90), 512, [2048, 2048], [1024, 1024], True),
}

WRITER = r"""
import json, sys
import numpy as np
import tensorflow as tf
shapes, prefix, adam = json.loads(sys.argv[1]), sys.argv[2], sys.argv[3] == "1"
rng = np.random.default_rng(0)
names, tensors = [], []
for name, shape in sorted(shapes.items()):
    scale = 1.0 / np.sqrt(shape[0]) if len(shape) == 2 else 0.0
    value = (rng.standard_normal(shape, dtype=np.float32) * scale).astype(np.float32)
    names.append(name)
    tensors.append(tf.constant(value))
    if adam:  # Magenta's checkpoints carry both Adam slots of every weight
        for slot in ("Adam", "Adam_1"):
            names.append(f"{name}/{slot}")
            tensors.append(tf.constant(value))
names.append("global_step")
tensors.append(tf.constant(np.int64(0)))
tf.raw_ops.SaveV2(prefix=prefix, tensor_names=names, shape_and_slices=[""] * len(names), tensors=tensors)
"""


def write_checkpoint(config_id: str, folder: Path, shapes: dict | None = None, adam: bool = False) -> Path:
    """A random-weight checkpoint of the config's default sizes (Adam slots if asked), as Magenta's .tar."""
    shapes = shapes or magenta_shapes(*SIZES[config_id])
    work = folder / config_id
    work.mkdir()
    prefix = work / "model.ckpt-1"
    start = time.perf_counter()
    subprocess.run([str(MAGENTA / "bin" / "python"), "-c", WRITER, json.dumps(shapes), str(prefix), str(int(adam))],
                   check=True, env=ENV, capture_output=True)
    tar_path = folder / f"{config_id}.tar"
    with tarfile.open(tar_path, "w") as tar:
        for member in sorted(work.iterdir()):
            tar.add(member, arcname=member.name)
            member.unlink()
    weights = sum(_count(s) for s in shapes.values())
    print(f"wrote    {tar_path.name}: {weights:,} random weights{' with Adam slots' if adam else ''}, "
          f"{tar_path.stat().st_size / 1e6:.0f} MB ({time.perf_counter() - start:.1f} s)")
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


def figures(cli: list[str], label: str, tars: dict[str, Path], repeats: int) -> dict[str, float]:
    small = timed(sample(cli, "cat-mel_2bar_small", tars["cat-mel_2bar_small"], N1), repeats)
    t10 = timed(sample(cli, "cat-mel_2bar_big", tars["cat-mel_2bar_big"], N1), repeats)
    t100 = timed(sample(cli, "cat-mel_2bar_big", tars["cat-mel_2bar_big"], N2), repeats)
    interp = timed(interpolate(cli, tars["hierdec-mel_16bar"]), repeats)
    out = {"small": small, "sample": t10, "marginal": (t100 - t10) / (N2 - N1), "interpolate": interp}
    print(f"{label:8s} sample 10, cat-mel_2bar_small:         {small:7.2f} s wall (median of {repeats})")
    print(f"{label:8s} sample 10, cat-mel_2bar_big:           {t10:7.2f} s wall")
    print(f"{label:8s} sample {N2}, cat-mel_2bar_big:          {t100:7.2f} s wall")
    print(f"{label:8s} marginal cost per sample ((T{N2} - T{N1}) / {N2 - N1}): {out['marginal'] * 1000:8.1f} ms")
    print(f"{label:8s} interpolate 5, hierdec-mel_16bar:      {interp:7.2f} s wall")
    return out


def bandwidth(big: Path) -> None:
    """The decode loop's weight traffic against the machine's copy bandwidth, on one BLAS thread and on two."""
    import numpy as np
    from threadpoolctl import threadpool_limits

    from composer_app.models.musicvae import decoder
    from composer_app.models.musicvae.model import MusicVae

    model = MusicVae.load(big)
    cells = model.weights.decoder.cells
    per_step = sum(c.kernel.nbytes for c in cells) + model.weights.decoder.output_projection.kernel.nbytes
    block = np.ones(64 << 20, np.float32)  # 256 MB, far past any cache
    with threadpool_limits(limits=1, user_api="blas"):
        start = time.perf_counter()
        for _ in range(4):
            np.dot(block, block)  # reads each float once, as the decoder's matrix products do
        read_gbs = 4 * block.nbytes / (time.perf_counter() - start) / 1e9
    z = np.random.default_rng(0).standard_normal((N1, model.z_size)).astype(np.float32)
    for threads in (1, 2):
        with threadpool_limits(limits=threads, user_api="blas"):
            start = time.perf_counter()
            decoder.decode(model.weights.decoder, z, 32)
            took = time.perf_counter() - start
        print(f"ours     decode 10 x 32 steps, cat-mel_2bar_big, {threads} BLAS thread(s): {took:6.2f} s, "
              f"{32 * per_step / took / 1e9:5.1f} GB/s of weights read (one thread reads memory at {read_gbs:.1f} GB/s)")


RSS = """
import sys, time
from composer_app.models.musicvae.model import MusicVae
start = time.perf_counter()
MusicVae.load(sys.argv[1])
took = time.perf_counter() - start
# VmHWM, not ru_maxrss: Linux carries ru_maxrss over from the parent (this benchmark holds a big model) across exec.
peak = next(line.split()[1] for line in open("/proc/self/status") if line.startswith("VmHWM:"))
print(took, peak)
"""


def load_memory(config_id: str, folder: Path, shapes: dict) -> None:
    """Peak RSS of loading a checkpoint written with its Adam slots, against its size and its weights' size."""
    folder = folder / "with_adam"
    folder.mkdir()
    tar = write_checkpoint(config_id, folder, shapes, adam=True)
    baseline = subprocess.run([sys.executable, "-c", RSS.replace("MusicVae.load(sys.argv[1])", "import numpy")],
                              capture_output=True, text=True, env=ENV, check=True).stdout.split()
    took, rss = subprocess.run([sys.executable, "-c", RSS, str(tar)], capture_output=True, text=True, env=ENV,
                               check=True).stdout.split()
    weights = sum(_count(s) for s in shapes.values()) * 4
    print(f"ours     load {config_id} ({tar.stat().st_size / 1e9:.2f} GB with Adam slots, weights "
          f"{weights / 1e9:.2f} GB): {float(took):.2f} s, peak RSS {int(rss) / 1e6:.2f} GB "
          f"({(int(rss) - int(baseline[1])) / 1e6:.2f} GB above the interpreter with numpy)")
    tar.unlink()


def trio_shapes() -> dict | None:
    """hierdec-trio_16bar's variables at Magenta's sizes (its three core decoders split by part), if layout has them."""
    try:
        return magenta_shapes((692, 692), 512, [2048, 2048], [1024, 1024], True, split=(90, 90, 512))
    except TypeError:
        return None


def main() -> None:
    quick = "--quick" in sys.argv
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
        tars = {config_id: write_checkpoint(config_id, Path(tmp)) for config_id in SIZES}
        ours = figures(OURS, "ours", tars, 3)
        bandwidth(tars["cat-mel_2bar_big"])
        if not quick:
            theirs = figures([str(MAGENTA / "bin" / "music_vae_generate")], "magenta", tars, 1)
            for key, what, target in (
                    ("small", "sample 10, cat-mel_2bar_small", 10), ("sample", "sample 10, cat-mel_2bar_big", 10),
                    ("interpolate", "interpolate 5, hierdec-mel_16bar", 10),
                    ("marginal", "marginal cost per sample", None)):
                ratio = theirs[key] / ours[key] if ours[key] > 0 else float("inf")
                verdict = "" if target is None else f" (target >= {target}x: {'met' if ratio >= target else 'NOT met'})"
                print(f"ratio    {what}: ours is {ratio:.1f}x faster{verdict}")
        for tar in tars.values():
            tar.unlink()
        shapes = trio_shapes()
        if shapes is None or quick:
            load_memory("hierdec-mel_16bar", Path(tmp), magenta_shapes(*SIZES["hierdec-mel_16bar"]))
        else:
            load_memory("hierdec-trio_16bar", Path(tmp), shapes)


if __name__ == "__main__":
    main()
