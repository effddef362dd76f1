"""Performance RNN and Polyphony RNN generation speed, against Magenta 2.1.4 in the same run when it is installed.

Prints, each with its target from issue 17:
- performance_rnn_generate, a 3x512 performance_with_dynamics bundle (Magenta's size, random weights written by
  this app's bundle writer), --num_steps=3000 (30 s of piano), 1 output: wall time, seconds of music per second, and
  the ratio to Magenta (>= 10x);
- polyphony_rnn_generate, a 3x256 polyphony bundle (Magenta's size), 128 steps x 10 outputs: the cost per output,
  (T10 - T1) / 9, and its ratio to Magenta's (>= 30x).
Both command lines are timed whole (interpreter start included). Magenta keeps generating its event budget (4 per
note at 15 notes a second; 5 per 16th) where this app stops once the length is reached, so the network steps each
ran are printed too. The engine pins BLAS to one thread in its step loops; see bench_generation for why.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
from installed_bytecode import compile_app

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
MAGENTA = Path(os.environ.get("MAGENTA_REFERENCE_VENV", Path.home() / ".cache/magenta-reference/venv"))
ENV = {**os.environ, "TF_CPP_MIN_LOG_LEVEL": "3", "OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1"}
OURS = ("import sys; sys.path.insert(0, {root!r}); from composer_app.cli.timed_rnn import {main}; "
        "sys.argv[0] = {prog!r}; sys.exit({main}())")
PERFORMANCE_ARGS = ["--num_steps=3000", "--num_outputs=1", "--primer_pitches=[60,64,67]"]
POLYPHONY_ARGS = ["--num_steps=128", "--primer_pitches=[67,64,60]"]


def music_like_bias(config_id: str, num_classes: int) -> np.ndarray:
    """Output biases that give random weights the event rate of real music, which Magenta's budgets assume:
    about 4 polyphonic events per 16th (a STEP_END a quarter of the time), and about 1.7 performance events per
    10 ms step (time shifts a quarter of the time, mostly short)."""
    bias = np.zeros(num_classes, np.float32)
    if config_id == "polyphony":
        bias[2] = np.log(0.25 / 0.75 * (num_classes - 1))
    else:
        shifts = np.arange(1, 101)
        weights = np.exp(-shifts / 6.0)
        bias[256:356] = np.log(weights * (0.25 / 0.75 * (num_classes - 100)) / weights.sum())
    return bias


def random_bundle(folder: Path, config_id: str, sizes: tuple[int, ...], seed: int = 0) -> Path:
    """A bundle of Magenta's layout with random weights (scaled so the LSTMs neither saturate nor go silent) and
    music-like output biases."""
    from composer_app.models.rnn.configs import get_config
    from composer_app.models.rnn.weights import LstmWeights, RnnWeights
    from composer_app.models.training.bundle_writer import write_bundle

    config = get_config(config_id)
    encoder = config.encoder()
    rng = np.random.default_rng(seed)
    layers, width = [], encoder.input_size
    for units in sizes:
        kernel = rng.normal(0, 1 / np.sqrt(width + units), (width + units, 4 * units)).astype(np.float32)
        layers.append(LstmWeights(kernel, np.zeros(4 * units, np.float32)))
        width = units
    softmax = rng.normal(0, 1 / np.sqrt(width), (width, encoder.num_classes)).astype(np.float32)
    weights = RnnWeights(tuple(layers), softmax, music_like_bias(config_id, encoder.num_classes))
    return write_bundle(folder / f"{config_id}_random.mag", config, weights, "random weights for benchmarks")


def timed(args: list[str], repeats: int) -> tuple[float, str]:
    """Median wall time of a command (it must succeed) and its last output."""
    times = []
    for _ in range(repeats):
        with tempfile.TemporaryDirectory() as out:
            start = time.perf_counter()
            proc = subprocess.run([*args, f"--output_dir={out}"], capture_output=True, text=True, env=ENV)
            times.append(time.perf_counter() - start)
            if proc.returncode or not list(Path(out).glob("*.mid")):
                raise RuntimeError(" ".join(args) + "\n" + proc.stderr[-1500:])
    return statistics.median(times), proc.stdout + proc.stderr


def ours(main: str, prog: str) -> list[str]:
    return [sys.executable, "-c", OURS.format(root=str(ROOT), main=main, prog=prog)]


def network_steps(bundle: Path, config_id: str, outputs: int) -> tuple[int, int]:
    """Network steps our generator runs for one such request, and Magenta's first-round event budget."""
    from composer_app.models.rnn.bundle import read_bundle
    from composer_app.models.rnn.timed_generator import TimedGenerator, TimedRequest
    from composer_app.models.rnn.timed_primers import performance_plan, polyphony_plan

    b = read_bundle(bundle)
    if config_id == "polyphony":
        plan = polyphony_plan([(0.0, 0.5, p, 100) for p in (67, 64, 60)], 0.5, 120.0, 128, False, True)
        request = TimedRequest(b, plan.primer, plan.total_steps, outputs, seed=1, inject=plan.inject)
        budget = 5 * plan.total_steps
    else:
        plan = performance_plan([(0.0, 0.5, p, 100) for p in (60, 64, 67)], 0.5, 3000, 32)
        request = TimedRequest(b, plan.primer, plan.total_steps, outputs, seed=1)
        budget = int(np.ceil(4.0 * 15.0 * (plan.total_steps - 51) / 100))
    result = TimedGenerator(b).generate(request)
    return result.events_computed // outputs, budget


def main() -> None:
    print(f"load average before: {os.getloadavg()[0]:.2f} (2 cores; figures are only comparable on an idle machine)")
    compile_app()
    have_magenta = (MAGENTA / "bin" / "performance_rnn_generate").exists()
    with tempfile.TemporaryDirectory() as tmp:
        perf = random_bundle(Path(tmp), "performance_with_dynamics", (512, 512, 512))
        poly = random_bundle(Path(tmp), "polyphony", (256, 256, 256))
        perf_cmd = ours("performance_main", "performance_rnn_generate") + [f"--bundle_file={perf}",
                                                                            *PERFORMANCE_ARGS]
        poly_cmd = ours("polyphony_main", "polyphony_rnn_generate") + [f"--bundle_file={poly}", *POLYPHONY_ARGS]
        t_perf, _ = timed(perf_cmd, 3)
        p1, _ = timed(poly_cmd + ["--num_outputs=1"], 3)
        p10, _ = timed(poly_cmd + ["--num_outputs=10"], 3)
        perf_steps, perf_budget = network_steps(perf, "performance_with_dynamics", 1)
        poly_steps, poly_budget = network_steps(poly, "polyphony", 10)
        print(f"ours     performance_rnn_generate 3x512, 3000 steps (30 s), 1 output: {t_perf:6.2f} s wall, "
              f"{30.0 / t_perf:6.1f} s of music per second ({perf_steps} network steps; Magenta's budget "
              f"{perf_budget})")
        print(f"ours     polyphony_rnn_generate 3x256, 128 steps: 1 output {p1:.2f} s, 10 outputs {p10:.2f} s, "
              f"{(p10 - p1) / 9:.3f} s per output ({poly_steps} network steps each; Magenta's budget "
              f"{poly_budget})")
        if not have_magenta:
            print(f"magenta: not installed at {MAGENTA}; run ../shared/tools/magenta-reference/install.sh to compare")
            return
        bin_dir = MAGENTA / "bin"
        # Magenta has no --seed: its event budget and rounds vary with its draws (10-16 s here), so take a median.
        m_perf, _ = timed([str(bin_dir / "performance_rnn_generate"), f"--bundle_file={perf}", *PERFORMANCE_ARGS], 3)
        m1, _ = timed([str(bin_dir / "polyphony_rnn_generate"), f"--bundle_file={poly}", *POLYPHONY_ARGS,
                       "--num_outputs=1"], 1)
        m10, _ = timed([str(bin_dir / "polyphony_rnn_generate"), f"--bundle_file={poly}", *POLYPHONY_ARGS,
                        "--num_outputs=10"], 1)
        print(f"magenta  performance_rnn_generate: {m_perf:6.2f} s wall, {30.0 / m_perf:6.1f} s of music per second")
        print(f"magenta  polyphony_rnn_generate: 1 output {m1:.2f} s, 10 outputs {m10:.2f} s, "
              f"{(m10 - m1) / 9:.3f} s per output")
        print(f"ratio    performance_rnn_generate: ours is {m_perf / t_perf:.1f}x faster (target >= 10x)")
        print(f"ratio    polyphony per output: ours is {((m10 - m1) / 9) / max((p10 - p1) / 9, 1e-3):.0f}x lower "
              f"(target >= 30x); whole command {m10 / p10:.1f}x")


if __name__ == "__main__":
    main()
