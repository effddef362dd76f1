"""Magenta's own hierdec-mel_16bar windows, loss and generation, for the trainer's tests to compare against; run with
the reference venv's Python.

  windows OUT.npz MIDI...         mel_16bar_converter (max_bars 100, slice_bars 16, every program, eval mode, no cap
                                  on the windows per file): OUT holds file_K [windows, 256], the classes of each
                                  MIDI file's distinct windows (K from 0, in order), sorted.
  loss CKPT HPARAMS BATCH.npz OUT.npz
                                  the config's graph (is_training False) restored from CKPT (a .tar or a prefix),
                                  with HPARAMS applied: mu of BATCH's inputs, and HierarchicalLstmDecoder's
                                  reconstruction_loss of its outputs given z = mu (teacher forcing), per window.
  generate HPARAMS ARGS...        music_vae_generate --config=hierdec-mel_16bar ARGS with HPARAMS applied to the
                                  config first: music_vae_generate has no --hparams flag and builds the graph from
                                  configs.CONFIG_MAP, so a checkpoint of other sizes needs its config told them.
"""

import os
import sys
import tarfile
import tempfile

import numpy as np

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
CONFIG = "hierdec-mel_16bar"


def windows(out, files):
    import note_seq
    from magenta.models.music_vae import configs

    converter = configs.CONFIG_MAP[CONFIG].data_converter
    converter.max_tensors_per_notesequence = None
    found = {}
    for k, path in enumerate(files):
        tensors = converter.to_tensors(note_seq.midi_file_to_note_sequence(path))
        classes = [np.argmax(np.asarray(t), axis=1) for t in tensors.outputs]
        found[f"file_{k}"] = np.array(sorted(map(tuple, classes)), np.int64).reshape(-1, 256)
    np.savez(out, **found)


def _restored(sess, tf, checkpoint):
    with tempfile.TemporaryDirectory() as tmp:
        if tarfile.is_tarfile(checkpoint):
            with tarfile.open(checkpoint) as tar:
                tar.extractall(tmp)
                checkpoint = os.path.join(tmp, next(n for n in tar.getnames() if n.endswith(".index"))[:-6])
        tf.train.Saver().restore(sess, checkpoint)


def loss(checkpoint, hparams, batch_path, out):
    import tensorflow.compat.v1 as tf
    from magenta.models.music_vae import configs

    tf.disable_v2_behavior()
    batch = np.load(batch_path)
    inputs, outputs = batch["inputs"].astype(np.float32), batch["outputs"].astype(np.float32)
    config = configs.CONFIG_MAP[CONFIG]
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
        with tf.Session() as sess:
            _restored(sess, tf, checkpoint)
            got_mu, got_loss = sess.run([mu, r_loss])
    np.savez(out, mu=got_mu, r_loss=got_loss)


def generate(hparams, args):
    from magenta.models.music_vae import configs, music_vae_generate

    configs.CONFIG_MAP[CONFIG].hparams.parse(hparams)
    sys.argv = ["music_vae_generate", f"--config={CONFIG}", *args]
    music_vae_generate.console_entry_point()


if __name__ == "__main__":
    if sys.argv[1] == "windows":
        windows(sys.argv[2], sys.argv[3:])
    elif sys.argv[1] == "loss":
        loss(*sys.argv[2:6])
    else:
        generate(sys.argv[2], sys.argv[3:])
