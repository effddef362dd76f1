"""Magenta-compatible generative models: configs, networks, sampling, bundles and training (no Qt)."""
