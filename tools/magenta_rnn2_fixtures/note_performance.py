"""Builds the performance_with_dynamics_and_note_encoding fixture with Magenta 2.1.4 itself (run in its venv).

Usage: /root/.cache/magenta-reference/venv/bin/python tools/magenta_rnn2_fixtures/note_performance.py WORKDIR
(or `--primer OUTDIR` for the primer golden alone: what Magenta's generator makes of a primer before sampling).
It cuts the first 12 s of two ASAP performances, runs Magenta's performance_rnn_create_dataset and
performance_rnn_train (tiny hparams, a few hundred steps), saves a bundle with performance_rnn_generate
--save_generator_bundle, and writes golden inputs, labels and per-head softmaxes computed by the bundle's own
metagraph into WORKDIR/CONFIG.json; copy CONFIG.mag and CONFIG.json to tests/models/rnn/data/.

Magenta puts the list of head softmaxes into the graph's `softmax` collection, which a metagraph cannot store
(TensorFlow warns "Issue encountered when serializing softmax"), so the bundle's collection is empty and the six
head tensors are found as the graph's 3-D reshapes, in head order. (The same gap is why Magenta's own
performance_rnn_generate cannot generate from a bundle of this config: it reads get_collection('softmax')[0].)
"""

import json
import os
import subprocess
import sys

import numpy as np

CONFIG = "performance_with_dynamics_and_note_encoding"
HPARAMS = "batch_size=8,rnn_layer_sizes=[16],learning_rate=0.01"
STEPS = 300
SHARED = os.environ.get("COMPOSER_TEST_SHARED", "/work/shared")
MIDIS = ["Bach/Prelude/bwv_848/Lee01M.mid", "Bach/Fugue/bwv_873/Lisiecki02.mid"]
# (time shift, pitch, velocity bin, duration) in 10 ms steps: shifts of 0, the largest (1000) and odd ones,
# durations of 1 and 1000, pitches 0 and 127, every velocity bin edge.
EVENTS = [(0, 60, 16, 50), (0, 64, 16, 50), (25, 67, 20, 1), (1000, 0, 1, 1000), (3, 127, 32, 7), (77, 48, 7, 40),
          (76, 50, 10, 41), (100, 52, 25, 999), (12, 55, 31, 120), (0, 59, 31, 80), (250, 62, 2, 3), (1, 65, 18, 13),
          (999, 71, 24, 25), (8, 72, 24, 960), (50, 36, 12, 200), (2, 84, 28, 1), (0, 96, 5, 77), (40, 60, 15, 38)]


def run(args, cwd):
    print("+", " ".join(args), flush=True)
    subprocess.run(args, cwd=cwd, check=True)


def build_bundle(work):
    import note_seq
    import tensorflow.compat.v1 as tf
    from note_seq import midi_io

    bin_dir = os.path.dirname(sys.executable)
    record = os.path.join(work, "notesequences.tfrecord")
    with tf.io.TFRecordWriter(record) as writer:
        for path in MIDIS:
            seq = midi_io.midi_file_to_note_sequence(os.path.join(SHARED, "datasets/asap", path))
            seq = note_seq.extract_subsequence(seq, 0.0, 12.0)
            writer.write(seq.SerializeToString())
    run([os.path.join(bin_dir, "performance_rnn_create_dataset"), f"--config={CONFIG}", f"--input={record}",
         f"--output_dir={work}/dataset", "--eval_ratio=0.0"], work)
    run([os.path.join(bin_dir, "performance_rnn_train"), f"--config={CONFIG}", f"--run_dir={work}/run",
         f"--sequence_example_file={work}/dataset/training_performances.tfrecord", f"--hparams={HPARAMS}",
         f"--num_training_steps={STEPS}"], work)
    bundle = os.path.join(work, f"{CONFIG}.mag")
    run([os.path.join(bin_dir, "performance_rnn_generate"), f"--config={CONFIG}", f"--run_dir={work}/run",
         f"--hparams={HPARAMS}", f"--bundle_file={bundle}", "--save_generator_bundle"], work)
    return bundle


def golden(bundle_path, out_dir):
    """Inputs, labels and each head's softmax (temperature 1, zero initial state) for EVENTS."""
    from magenta.models.performance_rnn import performance_model, performance_sequence_generator
    from magenta.models.shared import sequence_generator_bundle
    from note_seq import PerformanceEvent as E
    bundle = sequence_generator_bundle.read_bundle_file(bundle_path)
    config = performance_model.default_configs[CONFIG]
    config.hparams.parse(HPARAMS)
    generator = performance_sequence_generator.PerformanceRnnSequenceGenerator(
        model=performance_model.PerformanceRnnModel(config), details=config.details,
        steps_per_second=config.steps_per_second, num_velocity_bins=config.num_velocity_bins,
        note_performance=config.note_performance, bundle=bundle)
    generator.initialize()
    model = generator._model
    encoder = config.encoder_decoder
    events = [(E(E.TIME_SHIFT, s), E(E.NOTE_ON, p), E(E.VELOCITY, v), E(E.DURATION, d)) for s, p, v, d in EVENTS]
    inputs = np.array(encoder.get_inputs_batch([events], full_length=True), dtype=np.float32)
    graph = model._session.graph
    softmax = graph.get_collection("softmax")
    heads = softmax[0] if softmax and isinstance(softmax[0], list) else softmax
    if not heads:  # a list can not be stored in a metagraph collection: find the per-head softmax ops by shape
        heads = [op.outputs[0] for op in graph.get_operations() if op.type == "Reshape"
                 and op.name.startswith("Reshape") and len(op.outputs[0].shape) == 3]
    feed = {graph.get_collection("inputs")[0]: inputs, graph.get_collection("temperature")[0]: 1.0}
    values = model._session.run(heads, feed)
    labels = [list(encoder.events_to_label(events, i)) for i in range(len(events))]
    fixture = {
        "bundle": os.path.basename(bundle_path), "generator_id": CONFIG, "config": CONFIG, "hparams": HPARAMS,
        "train_steps": STEPS, "events": [list(e) for e in EVENTS], "num_classes": list(encoder.num_classes),
        "labels": labels, "default_event_label": list(encoder.default_event_label),
        "inputs": inputs[0].astype(int).tolist(),
        "softmax": [v[0].astype(float).tolist() for v in values],
        "head_tensors": [t.name for t in heads],
        "variables": {v.name: v.shape.as_list() for v in graph.get_collection("variables")},
        "softmax_collection_empty": not graph.get_collection("softmax"),
    }
    with open(os.path.join(out_dir, f"{CONFIG}.json"), "w") as f:
        json.dump(fixture, f)
    print("heads", [t.name for t in heads], [v.shape for v in values])


# Primer notes in seconds (start, end, pitch, velocity): two onsets on one 10 ms step in falling pitch order (note_seq
# sorts by unquantized time, then pitch), a chord, onsets either side of a half step, a very short note, loud/soft.
PRIMER = [(0.0, 0.5, 60, 80), (0.101, 0.3, 72, 90), (0.104, 0.6, 64, 100), (0.3, 0.9, 67, 1), (0.3, 0.9, 55, 127),
          (0.3, 0.9, 48, 64), (0.555, 0.5575, 70, 33), (0.8049, 1.2, 62, 50), (0.8051, 1.4, 65, 51)]
PRIMER_TOTAL_TIME, PRIMER_NUM_STEPS = 1.4, 600


def primer_golden(out_dir):
    """What Magenta's performance generator makes of PRIMER before sampling: the NotePerformance, its num_steps,
    and the generate steps and total_steps for --num_steps=PRIMER_NUM_STEPS (performance_sequence_generator)."""
    import note_seq
    from magenta.pipelines import performance_pipeline

    seq = note_seq.NoteSequence()
    for start, end, pitch, velocity in PRIMER:
        seq.notes.add(start_time=start, end_time=end, pitch=pitch, velocity=velocity)
    seq.total_time = PRIMER_TOTAL_TIME
    quantized = note_seq.quantize_note_sequence_absolute(seq, 100)
    perfs, _ = performance_pipeline.extract_performances(quantized, start_step=0, num_velocity_bins=32,
                                                         note_performance=True)
    events = [[e.event_value for e in event] for event in perfs[0]]
    start = note_seq.quantize_to_step(PRIMER_TOTAL_TIME, 100, quantize_cutoff=0.0)
    end = note_seq.quantize_to_step(PRIMER_NUM_STEPS / 100.0, 100, quantize_cutoff=1.0)
    fixture = {"primer": [list(n) for n in PRIMER], "total_time": PRIMER_TOTAL_TIME, "num_steps": PRIMER_NUM_STEPS,
               "events": events, "performance_num_steps": perfs[0].num_steps, "generate_start_step": start,
               "generate_end_step": end, "total_steps": perfs[0].num_steps + end - start}
    with open(os.path.join(out_dir, f"{CONFIG}.primer.json"), "w") as f:
        json.dump(fixture, f)
    print("primer", fixture)


if __name__ == "__main__":
    if sys.argv[1] == "--primer":  # only the primer golden (no training)
        primer_golden(sys.argv[2])
        sys.exit()
    work = sys.argv[1]
    os.makedirs(work, exist_ok=True)
    bundle_path = os.path.join(work, f"{CONFIG}.mag")
    if not os.path.exists(bundle_path):
        bundle_path = build_bundle(work)
    golden(bundle_path, work)
