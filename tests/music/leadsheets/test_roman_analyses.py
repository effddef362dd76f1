"""RomanText analyses beside a score become its chord symbols: numerals spelled as chords, placed on its measures."""

from __future__ import annotations

from collections import Counter

import pytest

from composer_app.music.leadsheets.extract import LeadSheetSettings, extract_file
from composer_app.music.leadsheets.roman_analyses import (
    analysis_path,
    match_measures,
    numeral_figure,
    read_analysis,
)
from composer_app.music.leadsheets.sources import read_lead_sheet_songs
from composer_app.music.song import PPQ
from tests.music.leadsheets.xml_scores import ANALYSIS, write_song_with_analysis


def _write(tmp_path, analysis: str = ANALYSIS, first_number: int = 0):
    return write_song_with_analysis(tmp_path / "song", analysis, first_number)


@pytest.mark.parametrize(("numeral", "key", "figure"), [
    ("I", "C", "C"), ("I6", "C", "C/E"), ("I64", "C", "C/G"), ("V7", "C", "G7"), ("V42", "C", "G7/F"),
    ("V/V", "C", "D"), ("V65/V", "C", "D7/F#"), ("viio7", "a", "G#dim7"), ("iiø65", "e", "F#m7b5/A"),
    ("i", "e", "Em"), ("N6", "C", "Db/F"), ("Ger65", "C", "Ab7"), ("V7", "B-", "F7"), ("IV", "E-", "Ab"),
])
def test_a_numeral_becomes_the_chord_symbol_of_its_pitches(numeral, key, figure):
    """Root, quality, seventh and the bass of an inversion, in the key the analysis names (flats as 'b')."""
    assert numeral_figure(numeral, key) == figure


def test_a_numeral_music21_cannot_read_gives_none():
    """Nonsense is no chord (counted by the reader), never an exception."""
    assert numeral_figure("Q#7zz", "C") is None


def test_reading_an_analysis_gives_measures_beats_and_chords(tmp_path):
    """Each numeral at its measure and its beat's distance from the bar line, keys carried from line to line."""
    events, numbers = read_analysis(_write(tmp_path).with_name("analysis_automatic.rntxt"))
    assert numbers == list(range(9))
    assert events[:5] == [(0, 3.0, "G"), (1, 0.0, "C"), (2, 0.0, "D7/F#"), (2, 2.0, "D"), (3, 0.0, "G7")]


def test_unreadable_beats_and_numerals_are_counted_and_left_out(tmp_path):
    """An analyser's 'bnan' beat and a numeral music21 rejects drop that chord only."""
    path = tmp_path / "a.rntxt"
    path.write_text("Time Signature: 3/4\n\nm1 C: I bnan V b3 Q#7zz\nm2 V\n")
    counts = Counter()
    events, _ = read_analysis(path, counts)
    assert events == [(1, 0.0, "C"), (2, 0.0, "G")]
    assert counts["roman_beats_unreadable"] == 1 and counts["roman_numerals_unreadable"] == 2


def test_a_one_beat_metre_counts_beats_in_eighths(tmp_path):
    """In 3/8 the Lieder analyses write b2 and b3 for the second and third eighths."""
    path = tmp_path / "a.rntxt"
    path.write_text("Time Signature: 3/8\n\nm1 F: I b2 V b3 I6\n")
    events, _ = read_analysis(path)
    assert [(at, f) for _, at, f in events] == [(0.0, "F"), (0.5, "C"), (1.0, "F/A")]


def test_the_chords_land_on_the_score_after_its_pickup(tmp_path):
    """The pickup's chord on the pickup note, bar 1's on its first beat, a mid-bar change on beat 3."""
    counts = Counter()
    song = read_lead_sheet_songs(_write(tmp_path), counts)[0]
    chords = {c.tick // PPQ: c.figure for c in song.chords}
    assert song.tracks[0].notes[0].start == 3 * PPQ  # the pickup is delayed to the end of a whole bar
    assert chords[3] == "G" and chords[4] == "C" and chords[8] == "D7/F#" and chords[10] == "D"
    assert chords[12] == "G7" and chords[15] == "G7/F" and chords[16] == "C/E"
    assert counts["chords_from_roman_analysis"] == len(song.chords)


def test_a_score_with_an_analysis_gives_a_lead_sheet_with_its_chords(tmp_path):
    """The voice and the analysis's chords make a training pair; without the analysis the song gives nothing."""
    path = _write(tmp_path)
    result = extract_file(path, LeadSheetSettings(melody="first"))
    assert len(result.lead_sheets) == 1
    sheet = result.lead_sheets[0]
    step = lambda quarter: quarter * 4 - sheet.start_step  # noqa: E731 - steps of 16ths from the sheet's start
    assert sheet.chords[step(3)] == "G" and sheet.chords[step(8)] == "D7/F#" and sheet.chords[step(16)] == "C/E"
    (path.parent / "analysis_automatic.rntxt").unlink()
    assert extract_file(path, LeadSheetSettings(melody="first")).lead_sheets == []


def test_a_score_numbering_its_pickup_one_is_lined_up_by_order(tmp_path):
    """The analysis says m0 where the score says 1: the same count of measures lines them up one to one."""
    song = read_lead_sheet_songs(_write(tmp_path, first_number=1), Counter())[0]
    chords = {c.tick // PPQ: c.figure for c in song.chords}
    assert chords[3] == "G" and chords[8] == "D7/F#"


def test_measures_that_cannot_be_lined_up_give_no_chords(tmp_path):
    """An analysis of a different piece (more bars than the score) is refused rather than placed a bar off."""
    longer = ANALYSIS + "".join(f"m{n} I\n" for n in range(9, 20))
    counts = Counter()
    song = read_lead_sheet_songs(_write(tmp_path, analysis=longer), counts)[0]
    assert song.chords == () and counts["roman_analyses_misaligned"] == 1


def test_match_measures_by_number_allows_unanalysed_closing_bars():
    """By number when the analysis stops up to two bars before the score's end; otherwise by order or not at all."""
    score_bars = [(n, 4.0 * n) for n in range(1, 11)]
    assert match_measures(list(range(1, 9)), score_bars)[8] == 32.0
    assert match_measures(list(range(1, 8)), score_bars) is None
    assert match_measures(list(range(0, 10)), score_bars)[0] == 4.0


def test_the_analysis_beside_a_score_is_found(tmp_path):
    """SCORE.rntxt first; else the one analysis in a folder of one score; none when the folder holds two."""
    (tmp_path / "a.mxl").write_bytes(b"")
    (tmp_path / "analysis.rntxt").write_text("")
    assert analysis_path(tmp_path / "a.mxl") == tmp_path / "analysis.rntxt"
    (tmp_path / "a.rntxt").write_text("")
    assert analysis_path(tmp_path / "a.mxl") == tmp_path / "a.rntxt"
    (tmp_path / "a.rntxt").unlink()
    (tmp_path / "b.mxl").write_bytes(b"")
    assert analysis_path(tmp_path / "a.mxl") is None
