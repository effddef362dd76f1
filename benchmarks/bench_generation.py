"""Generation speed on the numpy engine, against Magenta 2.1.4 measured in the same run when it is installed.

Prints, each with its target from the engine issue:
- melody_rnn_generate, attention_tiny fixture, 10 outputs x 128 steps, wall time including start-up (<= 1.0 s);
- the marginal cost per output, (T100 - T10) / 90 on the same bundle, and its ratio to Magenta's (>= 60x);
- drums_rnn_generate drum_kit (the shipped bundle) with --beam_size=4 --branch_factor=2, and its ratio (>= 30x);
- warm in-process times at Magenta's published sizes (attention_rnn 2x128, drum_kit 3x256 beam 4x2), with BLAS
  on one thread (as the engine runs) and on all threads, to show why the step loop pins it.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from installed_bytecode import compile_app

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
SHARED = ROOT.parent / "shared"
MAGENTA = Path(os.environ.get("MAGENTA_REFERENCE_VENV", Path.home() / ".cache/magenta-reference/venv"))
ENV = {**os.environ, "TF_CPP_MIN_LOG_LEVEL": "3"}
MELODY_PRIMER = "--primer_melody=[60, -2, 60, -2, 67, -2, 67, -2]"
DRUM_PRIMER = "--primer_drums=[(36, 42), (), (42,)]"


def timed(args: list[str], repeats: int = 3) -> float:
    """Median wall time of a command (it must succeed)."""
    times = []
    for _ in range(repeats):
        with tempfile.TemporaryDirectory() as out:
            start = time.perf_counter()
            proc = subprocess.run([*args, f"--output_dir={out}"], capture_output=True, text=True, env=ENV)
            times.append(time.perf_counter() - start)
        if proc.returncode:
            raise RuntimeError(" ".join(args) + "\n" + proc.stderr[-800:])
    return statistics.median(times)


def melody_cli(bin_dir: Path, bundle: Path, outputs: int) -> list[str]:
    return [str(bin_dir / "melody_rnn_generate"), "--config=attention_rnn", f"--bundle_file={bundle}",
            f"--num_outputs={outputs}", "--num_steps=128", MELODY_PRIMER]


def drums_cli(bin_dir: Path, bundle: Path) -> list[str]:
    return [str(bin_dir / "drums_rnn_generate"), "--config=drum_kit", f"--bundle_file={bundle}", "--num_outputs=10",
            "--num_steps=128", "--beam_size=4", "--branch_factor=2", DRUM_PRIMER]


def command_lines(bin_dir: Path, label: str, repeats: int) -> dict[str, float]:
    tiny = SHARED / "fixtures" / "magenta" / "attention_tiny.mag"
    drum_kit = ROOT / "composer_app" / "resources" / "bundles" / "drum_kit.mag"
    t10 = timed(melody_cli(bin_dir, tiny, 10), repeats)
    t100 = timed(melody_cli(bin_dir, tiny, 100), repeats)
    drums = timed(drums_cli(bin_dir, drum_kit), repeats)
    figures = {"t10": t10, "marginal": (t100 - t10) / 90, "drums": drums}
    print(f"{label:8s} melody_rnn_generate attention_tiny 10 x 128: {t10:6.2f} s wall (median of {repeats})")
    print(f"{label:8s} marginal cost per output ((T100 - T10) / 90): {figures['marginal'] * 1000:8.2f} ms")
    print(f"{label:8s} drums_rnn_generate drum_kit 10 x 128, beam 4 x 2: {drums:6.2f} s wall")
    return figures


def in_process() -> None:
    from threadpoolctl import threadpool_limits

    from composer_app.models.rnn.configs import get_config
    from composer_app.models.rnn.generator import Generator
    from composer_app.models.rnn.requests import GenerateRequest
    from composer_app.models.rnn.weights import initial_weights
    from composer_app.models.training.bundle_writer import write_bundle

    cases = {
        "attention_rnn": dict(sizes=(128, 128), attn=40, primer=(60, -2, 60, -2, 67, -2, 67, -2), beam=1, branch=1),
        "drum_kit": dict(sizes=(256, 256, 256), attn=32, primer=(frozenset({36, 42}), frozenset(), frozenset({42})),
                         beam=4, branch=2),
    }
    from composer_app.models.rnn.bundle import read_bundle

    with tempfile.TemporaryDirectory() as tmp:
        for cid, case in cases.items():
            enc = get_config(cid).encoder()
            weights = initial_weights(enc.input_size, enc.num_classes, case["sizes"], case["attn"], seed=1)
            bundle = read_bundle(write_bundle(Path(tmp) / f"{cid}.mag", get_config(cid), weights, "benchmark"))
            gen = Generator(bundle)
            req = GenerateRequest(cid, 128, primer=case["primer"], bundle=bundle, num_outputs=10, seed=1,
                                  beam_size=case["beam"], branch_factor=case["branch"])
            gen.generate(req)
            pinned = statistics.median(_time(lambda g=gen, r=req: g.generate(r)) for _ in range(5))
            with threadpool_limits(limits=None):  # the engine pins BLAS itself; time its loop unpinned too
                unpinned = statistics.median(_time(lambda g=gen, r=req: g._generate(r, None, None)) for _ in range(5))
            print(f"in-process {cid:13s} {case['sizes']} 10 x 128, beam {case['beam']} x {case['branch']}: "
                  f"{pinned * 1000:6.0f} ms on 1 BLAS thread, {unpinned * 1000:6.0f} ms on all "
                  f"({os.cpu_count()} cores)")


def _time(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def main() -> None:
    print(f"load average before: {os.getloadavg()[0]:.2f} (2 cores; figures are only comparable on an idle machine)")
    compile_app()
    if not (SHARED / "fixtures").exists():
        print(f"no fixtures at {SHARED}: the command-line figures need ../shared")
        return
    ours = command_lines(Path(sys.executable).parent, "ours", 5)
    print(f"target   melody_rnn_generate <= 1.0 s: {'met' if ours['t10'] <= 1.0 else 'NOT met'}")
    in_process()
    if not (MAGENTA / "bin" / "python").exists():
        print(f"magenta: not installed at {MAGENTA}; run ../shared/tools/magenta-reference/install.sh to compare")
        return
    theirs = command_lines(MAGENTA / "bin", "magenta", 1)
    print(f"ratio    melody_rnn_generate wall: ours is {theirs['t10'] / ours['t10']:.1f}x faster")
    print(f"ratio    marginal cost per output: ours is {theirs['marginal'] / ours['marginal']:.0f}x lower "
          f"(target >= 60x)")
    print(f"ratio    drums_rnn_generate beam 4 x 2: ours is {theirs['drums'] / ours['drums']:.1f}x faster "
          f"(target >= 30x)")


if __name__ == "__main__":
    main()
