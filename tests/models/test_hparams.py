"""Magenta's --hparams syntax, and values no model could train with refused with the rule they break."""

from __future__ import annotations

import pytest

from composer_app.models.errors import HParamsError
from composer_app.models.hparams import HParams


def test_overrides_parse_magentas_syntax():
    """Sizes in brackets, floats, ints and booleans, separated by commas."""
    h = HParams().with_overrides("batch_size=64,rnn_layer_sizes=[64, 32],dropout_keep_prob=0.75,attn_length=8")
    assert (h.batch_size, h.rnn_layer_sizes, h.dropout_keep_prob, h.attn_length) == (64, (64, 32), 0.75, 8)


@pytest.mark.parametrize("text, words", [
    ("batch_size=0", "batch_size=0 is out of range"),
    ("dropout_keep_prob=0", "keep probability is above 0"),
    ("attn_length=-1", "attention length is 0"),
    ("rnn_layer_sizes=[64,0]", "bad value"),
    ("learning_rate=0", "learning rate is above 0"),
    ("batch_size=10000000", "1 to 4096 sequences"),
    ("nonsense=1", "unknown hparam"),
])
def test_impossible_values_are_refused_with_the_rule(text, words):
    """Each bad value raises HParamsError naming the hparam or the rule, before any training starts."""
    with pytest.raises(HParamsError, match=words):
        HParams().with_overrides(text)
