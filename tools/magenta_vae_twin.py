"""Train Magenta 2.1.4's music_vae_train on this app's own MusicVAE training windows (runs only in Magenta's venv).

  data WINDOWS.json OUT.tfrecord   each window (notes in 16th steps) as a NoteSequence at 120 qpm in 4/4; prints
                                   how many of them Magenta's converter turns back into exactly that window
  train CONFIG ARGS...             music_vae_train's flags; the config without its NoteSequenceAugmenter, because
                                   the windows were transposed once already when this app read them

Used by scripts/magenta_vae_compare.py; see there.
"""

import json
import sys

import note_seq
import numpy as np
from note_seq.protobuf import music_pb2

QPM = 120.0
STEP_SECONDS = 60.0 / QPM / 4


def window_sequence(notes) -> music_pb2.NoteSequence:
    ns = music_pb2.NoteSequence()
    ns.tempos.add(qpm=QPM)
    ns.time_signatures.add(numerator=4, denominator=4)
    ns.ticks_per_quarter = note_seq.constants.STANDARD_PPQ
    for pitch, start, end in notes:
        ns.notes.add(pitch=int(pitch), velocity=80, start_time=start * STEP_SECONDS, end_time=end * STEP_SECONDS,
                     program=0, instrument=0)
    ns.total_time = max((n.end_time for n in ns.notes), default=0.0)
    return ns


def data(windows_json: str, out: str) -> None:
    import tensorflow.compat.v1 as tf
    from magenta.models.music_vae import configs

    with open(windows_json) as f:
        spec = json.load(f)
    converter = configs.CONFIG_MAP[spec["config"]].data_converter
    converter.set_mode("train")
    same = other = none = 0
    with tf.io.TFRecordWriter(out) as writer:
        for notes, classes in zip(spec["windows"], spec["classes"]):
            ns = window_sequence(notes)
            writer.write(ns.SerializeToString())
            tensors = converter.to_tensors(ns)
            got = [np.argmax(t, axis=-1).tolist() for t in tensors.outputs]
            if not got:
                none += 1
            elif classes in got:
                same += 1
            else:
                other += 1
    print(json.dumps({"windows": len(spec["windows"]), "same_window": same, "other_window": other,
                      "no_window": none}))


def train(config_id: str, argv: list) -> None:
    import tensorflow.compat.v1 as tf
    from absl import flags
    from magenta.models.music_vae import configs, music_vae_train

    tf.disable_v2_behavior()
    flags.FLAGS([sys.argv[0], f"--config={config_id}", *argv])
    tf.logging.set_verbosity("INFO")
    config = configs.update_config(configs.CONFIG_MAP[config_id], {"note_sequence_augmenter": None})
    music_vae_train.run({config_id: config})


if __name__ == "__main__":
    if sys.argv[1] == "data":
        data(sys.argv[2], sys.argv[3])
    elif sys.argv[1] == "train":
        train(sys.argv[2], sys.argv[3:])
    else:
        raise SystemExit(__doc__)
