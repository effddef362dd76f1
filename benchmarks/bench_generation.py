"""Generation speed at the real model sizes, against Magenta 2.1.4 on the same machine when it is installed.

Prints: warm in-process time for attention_rnn 2x128 (10 outputs x 128 steps, beam 1) and drum_kit 3x256
(10 x 128, beam 4 x branch 2); the first generation in a fresh process (TensorFlow import shown apart);
the melody_rnn_generate CLI end to end; and the same figures for Magenta with the ratios.
Bundles with random weights of the published sizes are written here, so both apps load identical networks.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
MAGENTA = Path(os.environ.get("MAGENTA_REFERENCE_VENV", Path.home() / ".cache/magenta-reference/venv"))
ENV = {**os.environ, "TF_CPP_MIN_LOG_LEVEL": "3"}

CASES = {
    "attention_rnn": dict(sizes=(128, 128), attn=40, primer=(60, -2, 60, -2, 67, -2, 67, -2), beam=1, branch=1),
    "drum_kit": dict(sizes=(256, 256, 256), attn=32, primer=((36, 42), (), (42,)), beam=4, branch=2),
}


def make_bundles(folder: Path) -> dict[str, Path]:
    from composer_app.models.rnn.bundle_writer import write_bundle
    from composer_app.models.rnn.configs import get_config
    from composer_app.models.rnn.network import initial_weights

    paths = {}
    for cid, case in CASES.items():
        enc = get_config(cid).encoder()
        weights = initial_weights(enc.input_size, enc.num_classes, case["sizes"], case["attn"], seed=1)
        paths[cid] = write_bundle(folder / f"{cid}.mag", get_config(cid), weights, "benchmark: random weights")
    return paths


def ours_in_process(paths) -> dict[str, float]:
    from composer_app.models.rnn.generator import generate
    from composer_app.models.rnn.requests import GenerateRequest

    results = {}
    for cid, case in CASES.items():
        primer = tuple(frozenset(p) for p in case["primer"]) if cid == "drum_kit" else case["primer"]
        req = GenerateRequest(cid, 128, primer=primer, bundle=str(paths[cid]), num_outputs=10, seed=1,
                              beam_size=case["beam"], branch_factor=case["branch"])
        generate(req)  # warm-up: load and compile
        times = []
        for _ in range(5):
            start = time.perf_counter()
            generate(req)
            times.append(time.perf_counter() - start)
        results[cid] = statistics.median(times)
        print(f"ours   {cid:14s} 10 x 128 steps, beam {case['beam']} x {case['branch']}: "
              f"{results[cid] * 1000:7.0f} ms (median of 5, warm)")
    return results


def ours_first_generation(paths) -> None:
    code = textwrap.dedent(f"""
        import time
        t0 = time.perf_counter()
        from composer_app.models.process.tf_setup import for_inference
        for_inference()  # as the app's model process and the generate CLI start (imports TensorFlow)
        t1 = time.perf_counter()
        import composer_app.models.rnn.generator as generation
        from composer_app.models.rnn.generator import generate
    from composer_app.models.rnn.requests import GenerateRequest
        generation.USE_XLA = False  # as the app and the CLI run
        generate(GenerateRequest("attention_rnn", 128, primer=(60, -2, 60, -2, 67, -2, 67, -2),
                                 bundle={str(paths['attention_rnn'])!r}, num_outputs=10, seed=1))
        t2 = time.perf_counter()
        print(f"{{t1 - t0:.2f}} {{t2 - t1:.2f}}")
    """)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=ENV, cwd=ROOT)
    tf_import, first = out.stdout.split()[-2:]
    print(f"ours   first generation in a fresh process: {first} s after TensorFlow's import ({tf_import} s)")


def timed_cli(args: list[str]) -> float:
    start = time.perf_counter()
    proc = subprocess.run(args, capture_output=True, text=True, env=ENV)
    elapsed = time.perf_counter() - start
    if proc.returncode:
        raise RuntimeError(proc.stderr[-800:])
    return elapsed


def cli_args(exe: Path, bundle: Path, out: Path) -> list[str]:
    return [str(exe), "--config=attention_rnn", f"--bundle_file={bundle}", f"--output_dir={out}",
            "--num_outputs=10", "--num_steps=128", "--primer_melody=[60, -2, 60, -2, 67, -2, 67, -2]"]


MAGENTA_IN_PROCESS = textwrap.dedent("""
    import sys, time, statistics
    import note_seq
    from note_seq.protobuf import generator_pb2
    from magenta.models.shared import sequence_generator_bundle
    from magenta.models.melody_rnn import melody_rnn_sequence_generator
    from magenta.models.drums_rnn import drums_rnn_sequence_generator
    cid, path, beam, branch = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    bundle = sequence_generator_bundle.read_bundle_file(path)
    if cid == "drum_kit":
        gen = drums_rnn_sequence_generator.get_generator_map()[cid](checkpoint=None, bundle=bundle)
        primer = note_seq.DrumTrack([frozenset([36, 42]), frozenset(), frozenset([42])]).to_sequence(qpm=120)
    else:
        gen = melody_rnn_sequence_generator.get_generator_map()[cid](checkpoint=None, bundle=bundle)
        primer = note_seq.Melody([60, -2, 60, -2, 67, -2, 67, -2]).to_sequence(qpm=120)
    gen.initialize()
    step = 60.0 / 120 / 4
    opts = generator_pb2.GeneratorOptions()
    opts.args["temperature"].float_value = 1.0
    opts.args["beam_size"].int_value = beam
    opts.args["branch_factor"].int_value = branch
    opts.args["steps_per_iteration"].int_value = 1
    last_end = max(n.end_time for n in primer.notes)
    opts.generate_sections.add(start_time=last_end + step, end_time=128 * step)
    gen.generate(primer, opts)
    times = []
    for _ in range(3):
        t = time.perf_counter()
        for _ in range(10):
            gen.generate(primer, opts)
        times.append(time.perf_counter() - t)
    print(statistics.median(times))
""")


def magenta(paths, ours: dict[str, float], our_cli: float) -> None:
    python = MAGENTA / "bin" / "python"
    if not python.exists():
        print(f"magenta: not installed at {MAGENTA}; run ../shared/tools/magenta-reference/install.sh to compare")
        return
    for cid, case in CASES.items():
        out = subprocess.run([str(python), "-c", MAGENTA_IN_PROCESS, cid, str(paths[cid]), str(case["beam"]),
                              str(case["branch"])], capture_output=True, text=True, env=ENV)
        if out.returncode:
            print(f"magenta {cid}: failed: {out.stderr[-400:]}")
            continue
        seconds = float(out.stdout.split()[-1])
        print(f"magenta {cid:13s} 10 x 128 steps, beam {case['beam']} x {case['branch']}: {seconds * 1000:7.0f} ms "
              f"-> ours is {seconds / ours[cid]:.1f}x faster")
    with tempfile.TemporaryDirectory() as tmp:
        wall = timed_cli(cli_args(MAGENTA / "bin" / "melody_rnn_generate", paths["attention_rnn"], Path(tmp)))
    print(f"magenta melody_rnn_generate CLI end to end: {wall:.2f} s -> ours is {wall / our_cli:.1f}x faster")


def main() -> None:
    print(f"load average before: {os.getloadavg()[0]:.2f} (2 cores; figures are only comparable on an idle machine)")
    with tempfile.TemporaryDirectory() as tmp:
        paths = make_bundles(Path(tmp))
        ours = ours_in_process(paths)
        ours_first_generation(paths)
        exe = Path(sys.executable).parent / "melody_rnn_generate"
        with tempfile.TemporaryDirectory() as out:
            runs = sorted(timed_cli(cli_args(exe, paths["attention_rnn"], Path(out))) for _ in range(5))
        our_cli = runs[2]
        print(f"ours   melody_rnn_generate CLI end to end: {our_cli:.2f} s (median of 5; best {runs[0]:.2f} s, "
              f"worst {runs[-1]:.2f} s)")
        magenta(paths, ours, our_cli)


if __name__ == "__main__":
    main()
