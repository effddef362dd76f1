"""Checkpoints and bundles: our own TensorFlow checkpoint reader, .mag bundles in and out, model cards."""
