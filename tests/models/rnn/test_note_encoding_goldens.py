"""performance_with_dynamics_and_note_encoding against a bundle Magenta 2.1.4 trained and saved itself: exact inputs
and labels, each head's softmax to 1e-5, and generation through the several heads."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

import composer_app.models.rnn.inference as inference
from composer_app.models.engine.layers import OneHotInput
from composer_app.models.rnn.bundle import read_bundle
from composer_app.models.rnn.inference import RnnInference
from composer_app.models.rnn.timed_generator import TimedGenerator, TimedRequest
from composer_app.models.rnn.timed_primers import note_performance_plan, note_performance_song
from composer_app.music.encodings.note_performance import NotePerformanceError, note_performance_steps

CONFIG = "performance_with_dynamics_and_note_encoding"
DATA = Path(__file__).parent / "data"
SOFTMAX_TOLERANCE = 1e-5
PRIMER = [(0.0, 0.4, 60, 80), (0.25, 0.65, 64, 90), (0.5, 0.9, 67, 100), (0.75, 1.15, 72, 110)]


def golden() -> dict:
    return json.loads((DATA / f"{CONFIG}.json").read_text())


def bundle():
    return read_bundle(DATA / f"{CONFIG}.mag")


def events_of(data: dict) -> list[tuple]:
    return [tuple(e) for e in data["events"]]


def test_magentas_bundle_loads_as_the_note_config():
    """The bundle loads as its config; one dense layer of 315 logits feeds the six heads, as Magenta writes it."""
    loaded, data = bundle(), golden()
    assert loaded.config.id == data["generator_id"] == CONFIG
    assert loaded.weights.describe()["num_classes"] == data["variables"]["fully_connected/biases:0"][0] == 315
    assert list(loaded.config.encoder().head_sizes) == data["num_classes"]


def test_inputs_and_labels_are_magentas_exactly():
    """The six one-hot blocks of every event and its six labels equal note_seq's, bit for bit."""
    data = golden()
    encoder = bundle().config.encoder()
    events = events_of(data)
    np.testing.assert_array_equal(encoder.inputs_array(events), np.array(data["inputs"], np.float32))
    assert encoder.labels_array(events).tolist() == data["labels"]
    assert list(encoder.default_event_label) == data["default_event_label"]


def test_every_heads_softmax_matches_magentas_graph():
    """Each head's softmax over its slice of the logits equals Magenta's, head by head, to 1e-5."""
    data = golden()
    loaded = bundle()
    heads = RnnInference(loaded.weights).softmax(np.array(data["inputs"], np.float32)[None],
                                                 loaded.config.encoder().head_sizes)
    assert len(heads) == len(data["softmax"]) == 6
    for ours, theirs in zip(heads, data["softmax"]):
        assert np.abs(ours[0] - np.array(theirs)).max() <= SOFTMAX_TOLERANCE


def test_generation_feeds_exact_inputs_and_decodes_to_notes(monkeypatch):
    """A seeded run feeds each sampled note's six one-hot blocks, spans the length asked for, and its notes
    have durations and velocities; the same seed gives the same notes."""
    fed = []
    real_step = inference.RnnInference.step

    def spy(self, x, state):
        fed.append(x.dense() if isinstance(x, OneHotInput) else np.array(x))
        return real_step(self, x, state)

    monkeypatch.setattr(inference.RnnInference, "step", spy)
    loaded = bundle()
    plan = note_performance_plan(PRIMER, 1.15, 600, 32)
    assert plan.primer == ((0, 60, 20, 40), (25, 64, 23, 40), (25, 67, 25, 40), (25, 72, 28, 40))
    request = TimedRequest(loaded, plan.primer, plan.total_steps, num_outputs=2, seed=11)
    result = TimedGenerator(loaded).generate(request)
    events = list(result.events[0])
    assert events[:4] == list(plan.primer) and len(events) > 4
    assert note_performance_steps(events) >= plan.total_steps
    # Output 0's rounds come first: the primer, then every sampled note (the last one too) in order.
    fed_rows = np.concatenate(fed)[:len(events)]
    np.testing.assert_array_equal(fed_rows, loaded.config.encoder().inputs_array(events))
    notes = note_performance_song(events, plan, 32).tracks[0].notes
    end_tick = round(600 * 19.2)  # 10 ms is 19.2 ticks at 120 qpm
    assert 4 < len(notes) <= len(events) and max(n.end for n in notes) <= end_tick
    assert all(n.duration > 0 and 1 <= n.velocity <= 127 for n in notes)
    again = TimedGenerator(loaded).generate(request)
    assert again.events == result.events


def test_beam_search_runs_over_the_heads():
    """Beam search scores each note by the sum of its heads' log-probabilities and returns full-length notes."""
    loaded = bundle()
    plan = note_performance_plan(PRIMER, 1.15, 300, 32)
    result = TimedGenerator(loaded).generate(TimedRequest(loaded, plan.primer, plan.total_steps, beam_size=2,
                                                          branch_factor=2, steps_per_iteration=2, seed=3))
    assert note_performance_steps(result.events[0]) >= plan.total_steps
    assert np.isfinite(result.log_likelihoods[0]) and result.log_likelihoods[0] < 0


def test_no_primer_is_refused_clearly():
    """Magenta cannot start a note performance from silence; the plan says so rather than inventing a note."""
    with pytest.raises(NotePerformanceError, match="primer"):
        note_performance_plan([], 0.0, 300, 32)


def test_the_generate_tab_job_places_notes_after_the_seam():
    """The Performance tab's job runs the note encoding and places its notes from the seam on, within the time."""
    from composer_app.models.rnn.timed_jobs import performance_job
    from composer_app.music.song import Note, Song, TempoChange

    song = Song(tempos=(TempoChange(0, 120.0),))
    primer = [Note(song.seconds_to_tick(s), p, song.seconds_to_tick(e - s), v) for s, e, p, v in PRIMER]
    seam = max(n.end for n in primer)
    job = performance_job(bundle(), song, primer, 0, seam, 3.0, {}, {"num_outputs": 1, "temperature": 1.0,
                                                                   "seed": 4})
    notes = job.run(lambda *_: None, lambda: False).outputs[0]
    assert notes and all(seam <= n.start < song.seconds_to_tick(song.tick_to_seconds(seam) + 3.0) for n in notes)


def test_scoring_sums_the_heads_log_likelihoods():
    """score_events: every head's softmax as Magenta's, and the log-likelihood the sum over heads of each label's."""
    from composer_app.models.rnn.scoring import score_events

    data = golden()
    score = score_events(bundle(), events_of(data))
    heads = np.split(score.softmax, np.cumsum(data["num_classes"])[:-1], axis=1)
    expected = 0.0
    for h, theirs in enumerate(data["softmax"]):
        assert np.abs(heads[h] - np.array(theirs)).max() <= SOFTMAX_TOLERANCE
        expected += sum(np.log(theirs[t][data["labels"][t + 1][h]]) for t in range(len(theirs) - 1))
    assert abs(score.log_likelihood - expected) < 1e-3
    assert 0.0 <= score.accuracy <= 1.0 and score.perplexity > 1.0


def test_only_the_note_config_has_several_heads():
    """Every config's encoder names its heads; they add up to its classes; only the note encoding has more than one."""
    from composer_app.models.rnn.configs import all_configs

    several = []
    for config in all_configs():
        encoder = config.encoder()
        assert sum(encoder.head_sizes) == encoder.num_classes
        if len(encoder.head_sizes) > 1:
            several.append(config.id)
    assert several == [CONFIG]


def test_a_model_that_never_moves_time_on_stops():
    """Notes of no shift and one step never reach the length: the rounds stop after a bounded number of events."""
    import dataclasses

    from composer_app.models.rnn import timed_generator

    loaded = bundle()
    bias = np.array(loaded.weights.softmax_bias, np.float32)
    for offset in (0, 13, 13 + 77 + 128 + 32, 13 + 77 + 128 + 32 + 25):  # shift major/minor, duration major/minor
        bias[offset] = 1e4
    stuck = dataclasses.replace(loaded, weights=dataclasses.replace(loaded.weights, softmax_bias=bias))
    plan = note_performance_plan(PRIMER, 1.15, 400, 32)
    result = TimedGenerator(stuck).generate(TimedRequest(stuck, plan.primer, plan.total_steps, seed=1))
    events = result.events[0]
    assert note_performance_steps(events) < plan.total_steps
    first_budget = 240  # Magenta's events per round: 4 per note at 15 notes a second, over 400 steps
    cap = timed_generator.MAX_BUDGET_FACTOR * first_budget + 1000
    assert cap <= len(events) - len(plan.primer) <= cap + first_budget


def test_a_primer_becomes_magentas_note_performance():
    """Magenta's generator's own NotePerformance of a tricky primer (same-step onsets in falling pitch order, a
    chord, half-step roundings, a very short note): the same events and the same total steps."""
    data = json.loads((DATA / f"{CONFIG}.primer.json").read_text())
    plan = note_performance_plan([tuple(n) for n in data["primer"]], data["total_time"], data["num_steps"], 32)
    assert [list(e) for e in plan.primer] == data["events"]
    assert note_performance_steps(plan.primer) == data["performance_num_steps"]
    assert plan.total_steps == data["total_steps"] and plan.end_step == data["generate_end_step"]
