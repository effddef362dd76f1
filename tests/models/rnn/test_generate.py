"""Batched, compiled sampling: reproducible, Magenta-faithful events, beam search, steering and control."""

import random

import numpy as np
import pytest

from composer_app.models.errors import GenerationCancelled, GenerationError
from composer_app.models.rnn.configs import get_config
from composer_app.models.rnn.generator import generate
from composer_app.models.rnn.requests import GenerateRequest
from composer_app.models.rnn.scoring import score_events
from composer_app.models.rnn.steering import PitchSteering
from tests.models.conftest import bundle_path

MELODY_PRIMER = (60, -2, 60, -2, 67, -2, 67, -2)
DRUM_PRIMER = (frozenset({36, 42}), frozenset(), frozenset({42}))


def _request(config_id, bundles, **kw):
    primer = DRUM_PRIMER if get_config(config_id).is_drums else MELODY_PRIMER
    args = dict(config_id=config_id, total_steps=48, primer=primer, bundle=bundles[config_id],
                num_outputs=4, seed=7)
    args.update(kw)
    return GenerateRequest(**args)


@pytest.mark.parametrize("config_id", ["basic_rnn", "attention_rnn", "drum_kit"])
def test_same_seed_same_music(bundles, config_id):
    """The same request and seed give the same candidates; another seed gives others."""
    a = generate(_request(config_id, bundles))
    b = generate(_request(config_id, bundles))
    c = generate(_request(config_id, bundles, seed=8))
    assert [x.events for x in a.candidates] == [x.events for x in b.candidates]
    assert [x.events for x in a.candidates] != [x.events for x in c.candidates]


@pytest.mark.parametrize("config_id", ["lookback_rnn", "mono_rnn", "drum_kit"])
def test_candidates_continue_the_primer(bundles, config_id):
    """Every candidate starts with the primer and is as long as requested, as melody_rnn_generate's are."""
    req = _request(config_id, bundles, num_outputs=3)
    result = generate(req)
    assert len(result.candidates) == 3 and result.primer_steps == len(req.primer)
    for cand in result.candidates:
        assert len(cand.events) == 48
        assert tuple(cand.events[: len(req.primer)]) == tuple(req.primer)
        assert cand.song.tracks[0].notes


def test_primer_longer_than_request(bundles):
    """A primer as long as the requested length is an error that says so."""
    with pytest.raises(GenerationError, match="primer is 8 steps long.*8 steps requested"):
        generate(_request("basic_rnn", bundles, total_steps=8))


@pytest.mark.parametrize("config_id", ["basic_rnn", "mono_rnn", "drum_kit"])
def test_loop_likelihood_matches_teacher_forced_score(bundles, config_id):
    """The compiled loop's log-likelihood equals scoring its output through the exact encoder and network."""
    result = generate(_request(config_id, bundles, num_outputs=3, temperature=1.0))
    for cand in result.candidates:
        events = list(cand.events)
        if get_config(config_id).is_drums:
            # The loop decodes drum classes to each class's first pitch; score those events.
            enc = get_config(config_id).encoder()
            events = events[: result.primer_steps] + [enc.class_index_to_event(enc.events_to_label(events, i), [])
                                                      for i in range(result.primer_steps, len(events))]
        score = score_events(bundles[config_id], events, raw=True)
        p = result.primer_steps
        picked = np.log(score.softmax[np.arange(p - 1, len(events) - 1), score.labels[p - 1:]])
        assert cand.log_likelihood == pytest.approx(picked.sum(), abs=1e-3)


@pytest.mark.parametrize("config_id", ["basic_rnn", "mono_rnn", "lookback_rnn", "attention_rnn", "drum_kit",
                                       "one_drum"])
def test_step_encoders_match_the_exact_encoders(config_id):
    """The sampling loop's step inputs equal Magenta-exact inputs at every step of random sequences."""
    from composer_app.models.engine.layers import OneHotInput
    from composer_app.models.rnn.step_inputs import step_encoder_for

    rng = random.Random(config_id)
    config = get_config(config_id)
    enc = config.encoder()
    se = step_encoder_for(enc)
    for _ in range(8):
        if config.is_drums:
            events = [frozenset(rng.sample([36, 38, 42, 46, 45, 48, 50, 49, 51, 44, 99], rng.randint(0, 3)))
                      for _ in range(60)]
        else:
            lo, hi = (0, 128) if config_id == "mono_rnn" else (48, 84)
            motif = [rng.choice([-2, -2, -1] + list(range(lo, hi))) for _ in range(16)]
            events = [motif[i % 16] if rng.random() < 0.5 else rng.choice([-2, -1] + list(range(lo, hi)))
                      for i in range(60)]
            events[0] = max(events[0], lo)
        exact = enc.inputs_array(events)
        codes = se.codes(events)
        hist = codes[None]
        extra = se.initial_extra(codes[:1], 1)
        for pos in range(len(events)):
            if pos:
                extra = se.update(extra, codes[pos:pos + 1])
            x = se.step_input(hist, pos + 1, extra)
            np.testing.assert_array_equal((x.dense() if isinstance(x, OneHotInput) else x)[0], exact[pos])
        # Lookback classes repeat the event `distance` steps back, as class_index_to_event does.
        for cls, distance in se.lookback_classes:
            expected = enc.class_index_to_event(cls, events)
            assert se.events([codes[-distance]])[0] == expected


def test_beam_search_finds_likelier_sequences(bundles):
    """Beam 4 x branch 2 gives candidates at least as likely, on average, as plain sampling."""
    plain = generate(_request("attention_rnn", bundles, num_outputs=8, seed=3))
    beam = generate(_request("attention_rnn", bundles, num_outputs=8, seed=3, beam_size=4, branch_factor=2,
                             steps_per_iteration=4))
    assert np.mean([c.log_likelihood for c in beam.candidates]) > np.mean([c.log_likelihood for c in plain.candidates])


def test_steering_keeps_notes_in_key_and_range(bundles):
    """With a key lock and range, every generated note is in E major between 62 and 80, primer transposed back."""
    primer = (64, -2, 66, -2, 68, -2, 71, -2)  # E major: squashing transposes it, output is transposed back
    steering = PitchSteering(tonic=4, scale="major", low=62, high=80)
    result = generate(_request("attention_rnn", bundles, primer=primer, steering=steering, num_outputs=8,
                               total_steps=64))
    for cand in result.candidates:
        assert tuple(cand.events[:8]) == primer
        notes = [e for e in cand.events[8:] if e >= 0]
        assert all(steering.allows(n) for n in notes), notes


def test_avoid_primer_copy(bundles):
    """With avoid_primer_copy no candidate repeats the primer verbatim right after it, even a model that loves to."""
    import dataclasses

    from composer_app.models.rnn.bundle import Bundle

    tiny = bundles["lookback_rnn"]
    # Push the "repeat what was played 16 steps ago" class so far up that the model always copies the bar.
    bias = tiny.weights.softmax_bias.copy()
    bias[38] += 30.0
    copier = Bundle(None, "lookback_rnn", "", "", dataclasses.replace(tiny.weights, softmax_bias=bias), "none")
    primer = (60, -2, -2, -2, 62, -2, -2, -2, 64, -2, -2, -2, 65, -2, -2, -2)
    kw = dict(primer=primer, total_steps=32, num_outputs=8, bundle=copier)
    plain = generate(_request("lookback_rnn", bundles, **kw)).candidates
    guarded = generate(_request("lookback_rnn", bundles, avoid_primer_copy=True, **kw)).candidates
    assert all(tuple(c.events[16:32]) == primer for c in plain)
    assert not [c for c in guarded if tuple(c.events[16:32]) == primer]
    assert all(tuple(c.events[16:31]) == primer[:15] for c in guarded)  # only the completing step was blocked


def test_progress_and_cancel(bundles):
    """Progress reaches the total; a cancel request stops generation with GenerationCancelled."""
    seen = []
    generate(_request("basic_rnn", bundles, total_steps=72), progress=lambda d, t: seen.append((d, t)))
    assert seen[0] == (0, 64) and seen[-1] == (64, 64) and len(seen) > 2
    calls = []
    with pytest.raises(GenerationCancelled):
        generate(_request("basic_rnn", bundles, total_steps=200), cancelled=lambda: len(calls) > 1,
                 progress=lambda d, t: calls.append(d))


def test_missing_shipped_bundle_message(tmp_path, monkeypatch):
    """Without a bundle file and with none shipped, the error says how to give one."""
    import composer_app.models.rnn.bundle as bundles
    from composer_app.models.errors import BundleError

    monkeypatch.setattr(bundles, "BUNDLE_DIR", tmp_path)
    with pytest.raises(BundleError, match="--bundle_file"):
        generate(GenerateRequest("basic_rnn", total_steps=32))


def test_bundle_path_requests_use_the_file():
    """A request naming a .mag path loads that bundle."""
    result = generate(GenerateRequest("basic_rnn", total_steps=20, bundle=str(bundle_path("basic_rnn")),
                                      seed=1))
    assert len(result.candidates[0].events) == 20
