"""Magenta's own GrooVAE data and loss, for the trainer's tests to compare against; run with the reference venv's Python.

  windows ROOT OUT.npz FILE...    TFDS's groove/2bar-midionly chunks of the Groove MIDI Dataset files (its builder's
                                  own _generate_examples over their info.csv rows) through the groove config's
                                  GrooveConverter (eval mode: training's pitch map, no sampling); OUT holds each
                                  chunk's output tensors [windows, 32, 27] as chunk_K (K from 0, in order) and the
                                  encoder's inputs of each 2-bar GrooVAE as chunk_K_VARIANT.
  loss CONFIG CKPT HPARAMS BATCH.npz OUT.npz
                                  the config's graph (is_training False) restored from CKPT (a .tar or a prefix), with
                                  HPARAMS applied: mu of BATCH's inputs, and GrooveLstmDecoder.reconstruction_loss of
                                  its outputs given z = mu (teacher forcing), per window.
"""

import csv
import os
import sys
import tarfile
import tempfile

import numpy as np

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
VARIANTS = ("humanize", "tap_fixed_velocity", "add_closed_hh")


def windows(root, out, files):
    import note_seq
    from magenta.models.music_vae import configs
    from tensorflow_datasets.datasets.groove import groove_dataset_builder as builder

    with open(os.path.join(root, "info.csv"), newline="") as fh:
        rows = [r for r in csv.DictReader(fh) if r["midi_filename"] in set(files)]

    class Stand:  # _generate_examples reads only its builder config
        _builder_config = builder.GrooveConfig(split_bars=2, include_audio=False)

    converters = {variant: configs.CONFIG_MAP[f"groovae_2bar_{variant}"].data_converter for variant in VARIANTS}
    for converter in converters.values():
        converter.set_mode("eval")
    chunks = {}
    for k, (_, example) in enumerate(builder.Builder._generate_examples(Stand(), rows, root)):
        sequence = note_seq.midi_to_note_sequence(example["midi"])
        for variant, converter in converters.items():
            tensors = converter.to_tensors(sequence)
            chunks[f"chunk_{k}_{variant}"] = np.array(tensors.inputs, np.float32).reshape(-1, 32, 27)
            chunks[f"chunk_{k}"] = np.array(tensors.outputs, np.float32).reshape(-1, 32, 27)
    np.savez(out, **chunks)


def loss(config_id, checkpoint, hparams, batch_path, out):
    import tensorflow.compat.v1 as tf
    from magenta.models.music_vae import configs

    tf.disable_v2_behavior()
    batch = np.load(batch_path)
    inputs, outputs = batch["inputs"].astype(np.float32), batch["outputs"].astype(np.float32)
    config = configs.CONFIG_MAP[config_id]
    config.hparams.parse(hparams)
    config.hparams.batch_size = len(inputs)
    with tf.Graph().as_default():
        model = config.model
        model.build(config.hparams, config.data_converter.output_depth, is_training=False)
        lengths = tf.constant([inputs.shape[1]] * len(inputs), tf.int32)
        mu = model.encode(tf.constant(inputs), lengths).loc
        target = tf.constant(outputs)
        x_input = tf.pad(target[:, :-1], [(0, 0), (1, 0), (0, 0)])
        r_loss = model.decoder.reconstruction_loss(x_input, target, lengths, mu)[0]
        with tf.Session() as sess, tempfile.TemporaryDirectory() as tmp:
            if tarfile.is_tarfile(checkpoint):
                with tarfile.open(checkpoint) as tar:
                    tar.extractall(tmp)
                    checkpoint = os.path.join(tmp, next(n for n in tar.getnames() if n.endswith(".index"))[:-6])
            tf.train.Saver().restore(sess, checkpoint)
            got_mu, got_loss = sess.run([mu, r_loss])
    np.savez(out, mu=got_mu, r_loss=got_loss)


if __name__ == "__main__":
    if sys.argv[1] == "windows":
        windows(sys.argv[2], sys.argv[3], sys.argv[4:])
    else:
        loss(*sys.argv[2:7])
