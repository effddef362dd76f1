"""The model process: generation in a child process, its client, server and TensorFlow settings."""
