"""Performance RNN's pipeline: the pedal, stretches, 30 s spans, transpositions, bounds, velocity bins, controls."""

from __future__ import annotations

import numpy as np

from composer_app.models.rnn.configs import get_config
from composer_app.models.training.corpus import SourceFile, extract_file
from composer_app.models.training.pipelines.performance import control_sequence, performance_examples
from composer_app.music.encodings import performance as perf
from tests.models.training.pipelines.timed_pieces import write_performances


def _extract(tmp_path, config_id="performance_with_dynamics", seconds=40):
    path = write_performances(tmp_path, 1, seconds)[0]
    return extract_file(SourceFile(path), get_config(config_id))


def test_augmentation_counts(tmp_path):
    """40 s in 5 stretches, each split into a 30 s span and the rest, in 7 transpositions: 70 performances, the
    full spans cut to 512 events; 2 are plain (unstretched, untransposed)."""
    result = _extract(tmp_path)
    assert result.error is None and len(result.sequences) == 70
    assert result.stats["performances_kept"] == 70 and result.stats["performances_truncated"] == 35
    plain = [s.events for s in result.sequences if s.plain]
    assert [len(e) for e in plain][0] == 512 and len(plain) == 2


def test_the_pedal_holds_notes_until_it_lifts(tmp_path):
    """The first four notes of each second are released under the pedal: their NOTE_OFFs all come at 0.5 s,
    when it lifts; the later notes end after their own 1/16 s."""
    plain = next(s.events for s in _extract(tmp_path).sequences if s.plain)
    step, offs = 0, []
    for kind, value in plain[:40]:
        if kind == perf.TIME_SHIFT:
            step += value
        elif kind == perf.NOTE_OFF:
            offs.append(step)
    assert offs[:4] == [50, 50, 50, 50] and offs[4] - 50 == 6  # the fifth note: on at 0.5 s, off 6 steps later


def test_velocities_fall_in_their_bins(tmp_path):
    """Velocities 16, 32, 64 and 127 are bins 4, 8, 16 and 32 of 32; the plain config writes no VELOCITY events."""
    plain = next(s.events for s in _extract(tmp_path).sequences if s.plain)
    assert {v for k, v in plain if k == perf.VELOCITY} == {4, 8, 16, 32}
    plain = next(s.events for s in _extract(tmp_path, "performance").sequences if s.plain)
    assert not [k for k, _ in plain if k == perf.VELOCITY]


def test_short_spans_are_discarded(tmp_path):
    """A span under 32 events is dropped: stretched by 0.975, 31 s of music leave one note after the 30 s split
    (in all 7 keys); stretched by 0.95 the music stays under 30 s and is not split."""
    result = _extract(tmp_path, seconds=31)
    assert result.stats["performances_discarded_too_short"] == 7
    assert len(result.sequences) == 7 * (1 + 1 + 2 + 2 + 2)
    assert all(len(s.events) >= 32 for s in result.sequences)


def test_conditioned_examples_carry_their_controls(tmp_path):
    """A density-conditioned input row is the one-hot density bin of the next event, then the event's one-hot;
    the optional config encodes every performance twice, the second time with conditioning switched off."""
    events = next(s.events for s in _extract(tmp_path).sequences if s.plain)
    config = get_config("density_conditioned_performance_with_dynamics")
    (x, y), = performance_examples(events, config)
    density = [c[0] for c in control_sequence(config, events)]
    bins = config.control_signals[0].encoder.one_hot_encoding
    assert x.shape == (len(events) - 1, 8 + 388) and len(y) == len(events) - 1
    assert x[0, :8].argmax() == bins.encode_event(density[1]) and x[0, :8].sum() == 1
    assert x[0, 8:].argmax() == get_config("performance_with_dynamics").encoder().events_to_label(events, 0)
    np.testing.assert_array_equal(x[1:, 8:].argmax(axis=1), y[:-1])
    optional = get_config("optional_multiconditioned_performance_with_dynamics")
    on, off = performance_examples(events, optional)
    assert on[0][:, 0].sum() == 0 and (off[0][:, 0] == 1).all() and not off[0][:, 1:21].any()
    np.testing.assert_array_equal(on[1], off[1])


def test_the_corpus_cache_keeps_timed_sequences(tmp_path):
    """A cached performance or polyphonic sequence comes back with the same events and the same plain flag."""
    from composer_app.models.rnn.extraction import ExtractorSettings
    from composer_app.models.training.corpus import CorpusCache, extraction_key, read_corpus
    from tests.models.training.pipelines.timed_pieces import write_chorales

    sources = [SourceFile(p) for p in write_performances(tmp_path / "p", 1, seconds=12)]
    sources += [SourceFile(p) for p in write_chorales(tmp_path / "c", 1)]
    cache = CorpusCache(tmp_path / "cache")
    for config_id, source in (("performance", sources[0]), ("polyphony", sources[1])):
        first, = read_corpus([source], get_config(config_id), cache=cache)
        again = cache.get(source, extraction_key(get_config(config_id), ExtractorSettings()))
        assert again is not None and again.sequences == first.sequences and len(first.sequences) > 1
