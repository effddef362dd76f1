"""The corpus cache: plain data only (never a pickle), hits on a second read, and damaged entries rebuilt."""

from __future__ import annotations

import pickle
import zlib

import pytest

from composer_app.models.rnn.configs import get_config
from composer_app.models.training.corpus import CorpusCache, SourceFile, extract_file, read_corpus
from tests.models.training.tunes import write_beat, write_tunes


class _Trap:
    """Unpickling this creates a file: proof that a cache entry ran code."""

    def __init__(self, path):
        self.path = str(path)

    def __reduce__(self):
        return (open, (self.path, "w"))


def _no_parsing(monkeypatch):
    monkeypatch.setattr("composer_app.models.training.corpus.extract_file",
                        lambda *a: pytest.fail("re-parsed a file the cache holds"))


def _entries(cache: CorpusCache) -> list:
    return sorted(p for p in cache.folder.iterdir() if p.is_file())


@pytest.mark.parametrize("config_id", ["attention_rnn", "drum_kit"])
def test_second_read_of_the_same_corpus_hits_the_cache(tmp_path, monkeypatch, config_id):
    """Melodies (lists of pitches) and drum tracks (sets of pitches) come back from the cache unchanged."""
    config = get_config(config_id)
    path = write_tunes(tmp_path / "m", 1)[0] if config.is_melody else write_beat(tmp_path / "d" / "beat.mid")
    direct = extract_file(SourceFile(path), config)
    assert direct.sequences
    cache = CorpusCache(tmp_path / "cache")
    read_corpus([SourceFile(path)], config, cache=cache)
    _no_parsing(monkeypatch)
    again = read_corpus([SourceFile(path)], config, cache=cache)[0]
    assert again.sequences == direct.sequences and again.stats == direct.stats and again.songs == direct.songs


def test_a_cache_entry_is_never_unpickled(tmp_path):
    """A pickle planted in place of every cache entry is not run: it is ignored and the entry is rebuilt."""
    path = write_tunes(tmp_path / "m", 1)[0]
    config = get_config("attention_rnn")
    cache = CorpusCache(tmp_path / "cache")
    first = read_corpus([SourceFile(path)], config, cache=cache)[0]
    trap = tmp_path / "code-ran"
    planted = zlib.compress(pickle.dumps(_Trap(trap)))
    for entry in _entries(cache):
        entry.write_bytes(planted)
    again = read_corpus([SourceFile(path)], config, cache=cache)[0]
    assert not trap.exists()
    assert again.sequences == first.sequences


@pytest.mark.parametrize("damage", [
    lambda raw: raw[: len(raw) // 2],  # cut short by a crash or a full disk
    lambda raw: zlib.compress(b'{"format": 1, "sequences": "x", "stats": {}, "songs": 1, "error": null}'),
    lambda raw: zlib.compress(b'{"format": 1, "sequences": [[60, "x"]], "stats": {}, "songs": 1, "error": null}'),
    lambda raw: b"",
], ids=["truncated", "wrong-types", "bad-event", "empty"])
def test_a_damaged_cache_entry_is_rebuilt(tmp_path, monkeypatch, damage):
    """A damaged entry is read as a miss: the file is parsed again and a good entry replaces the damaged one."""
    path = write_tunes(tmp_path / "m", 1)[0]
    config = get_config("attention_rnn")
    cache = CorpusCache(tmp_path / "cache")
    first = read_corpus([SourceFile(path)], config, cache=cache)[0]
    (entry,) = _entries(cache)
    entry.write_bytes(damage(entry.read_bytes()))
    rebuilt = read_corpus([SourceFile(path)], config, cache=cache)[0]
    assert rebuilt.sequences == first.sequences and rebuilt.error is None
    _no_parsing(monkeypatch)  # the rebuilt entry is good again
    assert read_corpus([SourceFile(path)], config, cache=cache)[0].sequences == first.sequences


def test_an_edited_harmony_analysis_is_a_cache_miss(tmp_path):
    """A score's chords come from the analysis beside it: changing that file changes what the cache gives."""
    from tests.music.leadsheets.xml_scores import ANALYSIS, write_song_with_analysis

    path = write_song_with_analysis(tmp_path / "song")
    config, cache = get_config("chord_pitches_improv"), CorpusCache(tmp_path / "cache")
    first = read_corpus([SourceFile(path, "first")], config, cache=cache)[0]
    assert first.sequences and "G7" in first.sequences[0][1]
    (path.parent / "analysis_automatic.rntxt").write_text(ANALYSIS.replace("V7", "IV"))
    again = read_corpus([SourceFile(path, "first")], config, cache=cache)[0]
    assert "G7" not in again.sequences[0][1] and "F" in again.sequences[0][1]


@pytest.mark.parametrize("workers", [1, 2])
def test_timed_sequences_share_one_tuple_per_distinct_event(tmp_path, workers):
    """Performances read fresh, from worker processes or from the cache hold each distinct event once (ASAP's
    augmented performances took 13 GB as a tuple per event), and equal the unshared extraction."""
    from tests.models.training.pipelines.timed_pieces import write_performances

    config = get_config("performance_with_dynamics")
    paths = write_performances(tmp_path / "corpus", 2, seconds=35)
    sources = [SourceFile(p, "all") for p in paths]
    cache = CorpusCache(tmp_path / "cache")
    for _ in range(2):  # extracted, then from the cache
        results = read_corpus(sources, config, cache=cache, workers=workers)
        events = [e for r in results for s in r.sequences for e in s.events]
        assert len(events) > 1000 and len({id(e) for e in events}) == len(set(events))
    assert [s.events for s in results[0].sequences] == [s.events for s in extract_file(sources[0], config).sequences]
