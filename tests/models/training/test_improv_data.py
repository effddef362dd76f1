"""Training data for Improv RNN: lead sheets from scores, cached, in all 12 keys, encoded as Magenta encodes them."""

from __future__ import annotations

import numpy as np
import pytest

from composer_app.models.rnn.configs import get_config
from composer_app.models.training.corpus import CorpusCache, SourceFile, extract_file, read_corpus
from composer_app.models.training.data import gather_sources, prepare_data
from composer_app.models.training.errors import TrainingError
from tests.music.leadsheets.xml_scores import harmony, lead_sheet


def _corpus(folder, n: int = 3):
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        sus = lead_sheet(chords=("C", "X", "G", "A")).replace(harmony("X"), harmony("F", "suspended-fourth"))
        xml = sus if i % 2 == 0 else lead_sheet()
        (folder / f"tune{i}.musicxml").write_text(xml)
    return folder


@pytest.mark.parametrize("config_id, input_size", [("chord_pitches_improv", 37 + 38), ("basic_improv", 49 + 38)])
def test_prepare_data_gives_twelve_keys_of_each_lead_sheet(tmp_path, config_id, input_size):
    """Three one-lead-sheet files: 36 examples of 127 steps, inputs as wide as the config's conditional encoder."""
    config = get_config(config_id)
    data = prepare_data(config, gather_sources([_corpus(tmp_path / "in")], None), eval_ratio=0.0)
    assert len(data.train) == 3 * 12 and data.train.input_size == input_size
    assert all(len(y) == 127 for y in data.train.labels)


def test_an_example_puts_the_next_steps_chord_before_the_melody():
    """Row i of the chord-pitch inputs holds the chord of step i + 1: the bar-2 F reaches row 15, not row 16."""
    from composer_app.models.training.dataset import encode_sequences

    config = get_config("chord_pitches_improv")
    melody = [60] + [-2] * 31
    chords = ["C"] * 16 + ["F"] * 16
    encoded = encode_sequences([(melody, chords)], config)
    untransposed = np.asarray(encoded.inputs[6], np.float32)  # keys run from -6 to +5 semitones
    f_root = 1 + 5
    assert len(encoded) == 12 and untransposed.shape == (31, 37 + 38)
    assert untransposed[14, f_root] == 0 and untransposed[15, f_root] == 1
    assert list(encoded.labels[6][:3]) == [0, 0, 0]  # from step 1 on the melody holds (no event, class 0)


def test_triad_configs_train_on_songs_with_sus_chords(tmp_path):
    """The sus4 chord is mapped to a triad (counted), so the song is kept for basic_improv."""
    path = _corpus(tmp_path / "in", 1) / "tune0.musicxml"
    result = extract_file(SourceFile(path), get_config("basic_improv"))
    assert result.sequences and result.stats["chords_mapped_to_triad"] == 2
    assert "Fsus" not in {c for _, chords in result.sequences for c in chords}


def test_lead_sheets_come_back_from_the_cache(tmp_path, monkeypatch):
    """A second read is served from the cache: the same (melody, chords) pairs and counts, no parsing."""
    path = _corpus(tmp_path / "in", 1) / "tune0.musicxml"
    config = get_config("chord_pitches_improv")
    cache = CorpusCache(tmp_path / "cache")
    first = read_corpus([SourceFile(path)], config, cache=cache)[0]
    monkeypatch.setattr("composer_app.models.training.corpus.extract_file",
                        lambda *a: pytest.fail("re-parsed a file the cache holds"))
    again = read_corpus([SourceFile(path)], config, cache=cache)[0]
    assert first.sequences and again.sequences == first.sequences and again.stats == first.stats


def test_songs_without_chords_say_why_nothing_can_train(tmp_path):
    """A folder of tunes without chord symbols: a TrainingError that names the missing chords."""
    folder = tmp_path / "in"
    folder.mkdir()
    xml = lead_sheet()
    for figure in ("C", "F", "G"):
        xml = xml.replace(harmony(figure), "")
    (folder / "bare.musicxml").write_text(xml)
    with pytest.raises(TrainingError, match="without chord symbols"):
        prepare_data(get_config("chord_pitches_improv"), gather_sources([folder], None), eval_ratio=0.0)


def test_asking_for_inferred_chords_trains_on_songs_without_them(tmp_path):
    """The same chordless folder gives lead sheets once chords are to be inferred from its notes."""
    from composer_app.models.rnn.extraction import ExtractorSettings

    folder = tmp_path / "in"
    folder.mkdir()
    xml = lead_sheet()
    for figure in ("C", "F", "G"):
        xml = xml.replace(harmony(figure), "")
    (folder / "bare.musicxml").write_text(xml)
    data = prepare_data(get_config("chord_pitches_improv"), gather_sources([folder], None), eval_ratio=0.0,
                        settings=ExtractorSettings(infer_chords=True))
    assert len(data.train) == 12 and data.report.stats["songs_with_inferred_chords"] == 1
