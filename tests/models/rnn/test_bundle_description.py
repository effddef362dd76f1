"""A trained bundle's description line is written and read back by one module, so the app can translate it."""

from __future__ import annotations

import pytest

from composer_app.models.rnn.bundle_description import TrainingFacts, read_training_facts


@pytest.mark.parametrize("facts", [
    TrainingFacts(sequences=6578, steps=4045, data="3474 files of A, B (CC0)", perplexity=2.575, accuracy=0.725),
    TrainingFacts(sequences=12, steps=6, kept_step=3, perplexity=1.5, accuracy=0.5),
    TrainingFacts(sequences=1, steps=2),
    # The shipped Polyphony and Performance bundles' data (scripts/shipped_data.py): a colon inside the licence.
    TrainingFacts(sequences=3312, steps=4000, data="408 Bach chorales of music21's corpus (public domain)",
                  perplexity=2.917, accuracy=0.651),
    TrainingFacts(sequences=1021, steps=3000, data="ASAP piano performances (CC BY-NC-SA 4.0: non-commercial use only)",
                  kept_step=2750, perplexity=6.204, accuracy=0.412),
])
def test_a_description_reads_back_as_the_facts_it_was_written_from(facts):
    """line() then read_training_facts() gives the same facts (figures at the three decimals written)."""
    assert read_training_facts(facts.line()) == facts


@pytest.mark.parametrize("text", ["Melody RNN with lookback encoding.", "", "Trained by composer-app: x sequences.",
                                  "Trained by composer-app: 3 sequences, 4 steps; held-out perplexity 1.2.3, "
                                  "accuracy 0.5."])
def test_other_text_is_not_taken_for_a_trained_description(text):
    """Magenta's descriptions, a user's text and near misses are left alone (None)."""
    assert read_training_facts(text) is None
