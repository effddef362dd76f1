"""Improv RNN generation requests: the chords set the length, wrong chords are a user's error, seeds repeat."""

from __future__ import annotations

import pytest

from composer_app.errors import ComposerError
from composer_app.models.errors import GenerationError
from composer_app.models.rnn.generator import generate
from composer_app.models.rnn.requests import GenerateRequest
from composer_app.music.chords import ChordEncodingError, backing_chords
from tests.models.rnn.test_improv_goldens import improv_bundle


def _request(config_id="chord_pitches_improv", chords=None, **changes):
    chords = backing_chords("C G Am F", 8) if chords is None else chords
    values = dict(total_steps=len(chords), primer=(60, -1, -2), bundle=str(improv_bundle(config_id)),
                  chords=chords, seed=11)
    values.update(changes)
    return GenerateRequest(config_id, **values)


def test_candidates_carry_the_melody_and_the_chord_symbols():
    """Each candidate is the primer continued to the chords' length, with a chord symbol at each change."""
    result = generate(_request(num_outputs=3))
    assert len(result.candidates) == 3
    for candidate in result.candidates:
        assert len(candidate.events) == 32 and candidate.events[:3] == (60, -1, -2)
        assert [(c.tick, c.figure) for c in candidate.song.chords] == [(0, "C"), (1920, "G"), (3840, "Am"),
                                                                       (5760, "F")]


def test_same_seed_same_melody_and_beam_search_runs():
    """A seed repeats its melodies; beam search over chords gives as many candidates, each as long."""
    assert generate(_request()).candidates[0].events == generate(_request()).candidates[0].events
    beam = generate(_request(config_id="attention_improv", beam_size=2, branch_factor=3, steps_per_iteration=2,
                             num_outputs=2, temperature=0.8))
    assert [len(c.events) for c in beam.candidates] == [32, 32]


def test_missing_or_short_chords_are_refused():
    """An improv request without chords, or with fewer chord steps than steps asked for, says so in one line."""
    with pytest.raises(GenerationError, match="backing chords"):
        generate(_request(chords=(), total_steps=32))
    with pytest.raises(GenerationError, match="do not cover"):
        generate(_request(total_steps=40))


def test_chords_for_a_melody_model_are_refused():
    """Backing chords for Melody RNN are a mistake the request names, not silently ignored."""
    with pytest.raises(GenerationError, match="does not take backing chords"):
        generate(GenerateRequest("basic_rnn", total_steps=8, chords=("C",) * 8))


@pytest.mark.parametrize("config_id, chords, error", [
    ("basic_improv", ("C",) * 8 + ("Csus4",) * 8, ChordEncodingError),
    ("attention_improv", ("E5",) * 16, ChordEncodingError),
    ("chord_pitches_improv", ("C",) * 8 + ("Cxyz",) * 8, ComposerError),
])
def test_chords_the_model_cannot_take_are_a_users_error(config_id, chords, error):
    """Sus and power chords for a triad model, or an unreadable symbol, fail before sampling, as ComposerErrors."""
    with pytest.raises(error):
        generate(_request(config_id, chords=chords))


def test_chord_pitches_takes_every_chord_magenta_reads():
    """chord_pitches_improv generates over sus, power, slash and altered chords that the triad models refuse."""
    chords = backing_chords("Csus4 C7sus G7(b9) Bb/C Dsus2 E5 Ab6/9 Ebm(maj7)", 4)
    assert len(generate(_request(chords=chords)).candidates[0].events) == 32
