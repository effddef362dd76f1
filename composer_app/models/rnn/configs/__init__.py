"""Event-RNN configs by Magenta's generator ids: one module per config group, all registered on import.

A new config group (Improv RNN, Polyphony RNN, ...) is a module beside melody_rnn.py that registers its configs,
imported below.
"""

from composer_app.models.rnn.configs import (  # noqa: F401  (registers their configs)
    drums_rnn,
    improv_rnn,
    melody_rnn,
    performance_rnn,
    polyphony_rnn,
)
from composer_app.models.rnn.configs.base import ModelConfig, all_configs, get_config, known_ids, register

__all__ = ["ModelConfig", "all_configs", "get_config", "known_ids", "register"]
