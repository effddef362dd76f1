"""Checkpoint reading time (s): our reader vs tf.train.load_checkpoint, every tensor of a bundle, a tar and 50 MB.

Cases: the biggest shipped .mag (V1), the biggest MusicVAE fixture .tar (V2, Adam slots included) and a synthetic
50 MB V2 checkpoint (written by TensorFlow). Each time is the best of a few runs. Usage: bench_checkpoint_reader.py
"""

from __future__ import annotations

import sys
import tarfile
import tempfile
import time
from pathlib import Path, PurePosixPath

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from composer_app.models.checkpoints.bundle_proto import parse_bundle  # noqa: E402
from composer_app.models.checkpoints.tf_checkpoint import (  # noqa: E402
    read_checkpoint_tar,
    read_v1_checkpoint,
    read_v2_checkpoint,
)

REPEATS = 3


def best_of(fn) -> float:
    times = []
    for _ in range(REPEATS):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def tf_read_all(prefix: str) -> dict:
    import tensorflow as tf

    reader = tf.train.load_checkpoint(prefix)
    return {name: reader.get_tensor(name) for name in reader.get_variable_to_shape_map()}


def report(label: str, size: int, ours, theirs) -> None:
    ours_s, theirs_s = best_of(ours), best_of(theirs)
    print(f"{label}: {size / 1e6:.1f} MB, ours {ours_s:.3f} s, tf.train.load_checkpoint {theirs_s:.3f} s")


def bench_bundle(tmp: Path) -> None:
    path = max((ROOT / "composer_app" / "resources" / "bundles").glob("*.mag"), key=lambda p: p.stat().st_size)
    data = parse_bundle(path.read_bytes()).checkpoint_files[0]
    (tmp / "bundle.ckpt").write_bytes(data)
    report(f"{path.name} (V1)", len(data), lambda: read_v1_checkpoint(data, path.name).read_all(),
           lambda: tf_read_all(str(tmp / "bundle.ckpt")))


def bench_tar(tmp: Path) -> None:
    tars = sorted((ROOT.parent / "shared" / "fixtures" / "magenta-vae").glob("*.tar"), key=lambda p: p.stat().st_size)
    if not tars:
        print("vae tar: skipped, no fixtures")
        return
    path = tars[-1]
    folder = tmp / path.stem
    folder.mkdir()
    with tarfile.open(path) as tar:
        for member in tar.getmembers():
            if member.isreg():
                (folder / PurePosixPath(member.name).name).write_bytes(tar.extractfile(member).read())
    prefix = str(next(folder.glob("*.index")))[: -len(".index")]

    def ours() -> None:
        with read_checkpoint_tar(path) as reader:
            reader.read_all()

    report(f"{path.name} (V2 in a tar, every tensor)", path.stat().st_size, ours, lambda: tf_read_all(prefix))


def bench_large(tmp: Path) -> None:
    import tensorflow as tf

    rng = np.random.default_rng(0)
    names = [f"layer_{i}/kernel" for i in range(4)]
    values = [tf.constant(rng.standard_normal((1024, 3072)).astype(np.float32)) for _ in names]
    prefix = str(tmp / "large")
    tf.raw_ops.SaveV2(prefix=prefix, tensor_names=names, shape_and_slices=[""] * len(names), tensors=values)
    index = Path(prefix + ".index").read_bytes()
    shard = Path(prefix + ".data-00000-of-00001").read_bytes()
    report("synthetic V2", len(shard), lambda: read_v2_checkpoint(index, [shard], "large").read_all(),
           lambda: tf_read_all(prefix))


if __name__ == "__main__":
    with tempfile.TemporaryDirectory(prefix="bench-ckpt-") as tmp_dir:
        bench_bundle(Path(tmp_dir))
        bench_tar(Path(tmp_dir))
        bench_large(Path(tmp_dir))
