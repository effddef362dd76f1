"""Polyphony and Performance RNN generation: exact encoder inputs at every step, lengths, injection, controls."""

from __future__ import annotations

import numpy as np
import pytest

import composer_app.models.rnn.inference as inference
from composer_app.models.engine.layers import OneHotInput
from composer_app.models.rnn.bundle import read_bundle
from composer_app.models.rnn.timed_generator import TimedGenerator, TimedRequest, step_to_value_index
from composer_app.models.rnn.timed_primers import performance_plan, polyphony_plan
from composer_app.music.encodings import performance as perf
from composer_app.music.encodings import polyphony as poly
from tests.models.rnn.test_polyphony_goldens import fixture

CHORD = [(0.0, 0.5, p, 100) for p in (67, 64, 60)]


@pytest.fixture
def seen(monkeypatch):
    """Every network input of a run, as dense rows."""
    rows = []
    real_step = inference.RnnInference.step

    def spy(self, x, state):
        rows.append(x.dense() if isinstance(x, OneHotInput) else np.array(x))
        return real_step(self, x, state)

    monkeypatch.setattr(inference.RnnInference, "step", spy)
    return rows


def test_polyphony_feeds_exact_inputs_and_reaches_the_length(seen):
    """One output: every input fed is the one-hot of the event before, and the result spans exactly 64 steps."""
    bundle = read_bundle(fixture("polyphony", "mag"))
    plan = polyphony_plan(CHORD, 0.5, 120.0, 64, True, False)
    result = TimedGenerator(bundle).generate(TimedRequest(bundle, plan.primer, plan.total_steps, seed=5))
    events = list(result.events[0])
    assert events[:len(plan.primer)] == list(plan.primer)
    assert poly.num_steps(events) >= 64
    fed = np.concatenate([r[0:1] for r in seen])
    expected = bundle.config.encoder().inputs_array(events)
    np.testing.assert_array_equal(fed, expected[:len(fed)])
    assert poly.num_steps(poly.set_length(events, plan.total_steps)) == 64


def test_harmonising_replays_the_primer_in_every_row():
    """inject mode: the primer's notes start again at their own steps in each output's generated part (the model
    may hold them longer or add notes around them)."""
    bundle = read_bundle(fixture("polyphony", "mag"))
    melody = [(0.0, 0.25, 72, 100), (0.25, 0.5, 74, 100), (0.5, 1.0, 76, 100)]
    plan = polyphony_plan(melody, 1.0, 120.0, 32, False, True)
    result = TimedGenerator(bundle).generate(TimedRequest(bundle, plan.primer, plan.total_steps, num_outputs=3,
                                                          seed=2, inject=plan.inject))
    for events in result.events:
        notes = poly.notes_from_events(poly.set_length(events, plan.total_steps))
        starts = {(n[0], n[2]) for n in notes}
        assert {(0, 72), (2, 74), (4, 76)} <= starts


def test_beam_search_keeps_outputs_apart_and_long_enough():
    """Beam 2 x branch 2 with 3 steps per iteration: every output spans its length and scores are finite."""
    bundle = read_bundle(fixture("performance_with_dynamics", "mag"))
    plan = performance_plan(CHORD, 0.5, 300, 32)
    result = TimedGenerator(bundle).generate(TimedRequest(bundle, plan.primer, plan.total_steps, num_outputs=2,
                                                          seed=4, beam_size=2, branch_factor=2,
                                                          steps_per_iteration=3))
    assert all(perf.performance_steps(e) >= 300 for e in result.events)
    assert all(np.isfinite(x) for x in result.log_likelihoods)


def test_performance_controls_follow_the_schedule(seen):
    """Conditioned performance: each input's control block is the schedule's value at the time the next event
    starts (two density values: the first half, then the second), and the event block is the previous event."""
    bundle = read_bundle(fixture("multiconditioned_performance_with_dynamics", "mag"))
    config = bundle.config
    plan = performance_plan(CHORD, 0.5, 400, 32)
    values = ((2.0, 40.0), ((1, 0, 1, 0, 1, 1, 0, 1, 0, 1, 0, 1),))
    result = TimedGenerator(bundle).generate(TimedRequest(bundle, plan.primer, plan.total_steps, seed=9,
                                                          control_values=values))
    events = list(result.events[0])
    fed = np.concatenate([r[0:1] for r in seen])
    times = np.cumsum([0] + [perf.performance_steps([e]) for e in events])
    controls = [(values[0][step_to_value_index(int(t), plan.total_steps, 2)], values[1][0]) for t in times]
    expected = config.encoder().inputs_array(controls, events)
    np.testing.assert_array_equal(fed[:len(plan.primer)], expected[:len(plan.primer)])
    np.testing.assert_array_equal(fed, expected[:len(fed)])
    assert step_to_value_index(199, 400, 2) == 0 and step_to_value_index(200, 400, 2) == 1


def test_empty_performance_primer_opens_with_a_second_of_silence():
    """As Magenta: with no primer the performance starts with one 100-step time shift."""
    plan = performance_plan([], 0.0, 3000, 32)
    assert plan.primer == ((perf.TIME_SHIFT, 100),) and plan.total_steps == 2999 and plan.start_step == 1


def _rule_breaks(events, primer_length: int) -> int:
    """Stray releases and strikes of a key already down, in the events after the primer."""
    down, breaks = set(), 0
    for i, (kind, value) in enumerate(events):
        if kind == perf.NOTE_ON:
            breaks += i >= primer_length and value in down
            down.add(value)
        elif kind == perf.NOTE_OFF:
            breaks += i >= primer_length and value not in down
            down.discard(value)
    return breaks


def test_piano_rules_keep_every_key_playable_and_feed_what_they_write(seen):
    """With the piano's rules no output releases a key that is up or strikes one that is down, and every input fed
    is the event before it (the NOTE_OFF lifted before a re-strike included); the same seed without the rules
    breaks them, so the rules did the work."""
    bundle = read_bundle(fixture("performance_with_dynamics", "mag"))
    plan = performance_plan(CHORD, 0.5, 600, 32)
    ruled = TimedGenerator(bundle).generate(TimedRequest(bundle, plan.primer, plan.total_steps, seed=3,
                                                         piano_rules=True))
    events = list(ruled.events[0])
    assert _rule_breaks(events, len(plan.primer)) == 0
    assert perf.performance_steps(events) >= 600
    fed = np.concatenate([r[0:1] for r in seen])
    np.testing.assert_array_equal(fed, bundle.config.encoder().inputs_array(events)[:len(fed)])
    plain = TimedGenerator(bundle).generate(TimedRequest(bundle, plan.primer, plan.total_steps, num_outputs=4,
                                                         seed=3))
    assert sum(_rule_breaks(e, len(plan.primer)) for e in plain.events) > 0


def test_piano_rules_hold_in_a_batch_and_in_beam_search():
    """Rows sampled together, and beams pruned and repeated, each keep their own keys."""
    bundle = read_bundle(fixture("performance_with_dynamics", "mag"))
    plan = performance_plan(CHORD, 0.5, 300, 32)
    generator = TimedGenerator(bundle)
    batch = generator.generate(TimedRequest(bundle, plan.primer, plan.total_steps, num_outputs=5, seed=8,
                                            piano_rules=True))
    beams = generator.generate(TimedRequest(bundle, plan.primer, plan.total_steps, num_outputs=2, seed=8,
                                            beam_size=2, branch_factor=2, steps_per_iteration=3, piano_rules=True))
    for events in batch.events + beams.events:
        assert _rule_breaks(events, len(plan.primer)) == 0
        assert perf.performance_steps(events) >= 300
    assert all(np.isfinite(x) for x in beams.log_likelihoods)
