"""Lead-sheet extraction on hand-made scores: each thing that broke Magenta's pipeline gives a lead sheet here."""

from __future__ import annotations

import pytest

from composer_app.music.chords import NO_CHORD
from composer_app.music.encodings.melody import MELODY_NO_EVENT
from composer_app.music.leadsheets.extract import LeadSheetSettings, extract_file
from tests.music.leadsheets.xml_scores import (
    attributes,
    harmony,
    lead_sheet,
    measures,
    note,
    score,
    tune_bars,
)


def _extract(tmp_path, xml: str, name: str = "tune.musicxml", **settings):
    path = tmp_path / name
    path.write_text(xml)
    return extract_file(path, LeadSheetSettings(**settings))


def _pitches(lead_sheet) -> list[int]:
    return [e for e in lead_sheet.melody if e >= 0]


def test_a_plain_lead_sheet_gives_its_melody_and_chords(tmp_path):
    """Eight bars of quarters over C F G C: one lead sheet, 128 steps, the chord of each bar on its steps."""
    result = _extract(tmp_path, lead_sheet())
    assert result.error is None and len(result.lead_sheets) == 1
    sheet = result.lead_sheets[0]
    assert len(sheet.melody) == len(sheet.chords) == 8 * 16
    assert [sheet.chords[16 * bar] for bar in range(4)] == ["C", "F", "G", "C"]
    assert _pitches(sheet)[:4] == [72, 74, 76, 77]


def test_grace_notes_are_dropped_and_counted_not_made_a_chord_at_zero(tmp_path):
    """A grace note before a beat is left out (Magenta puts it at t=0 with no length, a 'polyphonic' part)."""
    bars = tune_bars()
    bars[0] = harmony("C") + note("B", 4, grace=True) + note("C") + note("D") + note("A", 5, grace=True) \
        + note("E") + note("F")
    result = _extract(tmp_path, score(measures(bars)))
    assert result.counts["grace_notes_dropped"] == 2
    assert _pitches(result.lead_sheets[0])[:4] == [72, 74, 76, 77]


def test_parts_without_midi_channels_stay_apart_and_the_first_is_the_melody(tmp_path):
    """A voice and a piano part, neither with a MIDI channel: the tune comes from the voice, the piano is ignored."""
    piano = measures(["".join(note(s, 4, 4, kind="whole", chord=i > 0) for i, s in enumerate("CEG"))] * 8)
    result = _extract(tmp_path, score(measures(tune_bars()), piano))
    assert result.counts["parts_without_midi_channel"] == 2
    assert len(result.lead_sheets) == 1
    assert _pitches(result.lead_sheets[0])[:4] == [72, 74, 76, 77]


def test_a_pickup_bar_is_padded_so_bars_start_on_bar_lines(tmp_path):
    """A one-beat pickup: the lead sheet starts three beats of rest before it, so bar 1 starts at step 16."""
    xml = score(measures([harmony("C") + note("G", 4)] + tune_bars(), pickup=True))
    result = _extract(tmp_path, xml)
    sheet = result.lead_sheets[0]
    assert result.counts["pickup_bars_aligned"] == 1
    assert sheet.melody[:12] == (MELODY_NO_EVENT,) * 12 and sheet.melody[12] == 67 and sheet.melody[16] == 72


def test_a_pickup_in_its_own_metre_does_not_split_the_piece(tmp_path):
    """A 1/4 pickup bar then 4/4: one lead sheet holding the pickup and all eight bars, on the 4/4 grid."""
    contents = [harmony("C") + note("G", 4)] + tune_bars()
    xml = score(measures(contents[:1], first_attributes=attributes(1, 4))
                + measures(contents[1:], first_attributes=attributes(4, 4, first=False)).replace(
                    'number="1"', 'number="1b"'))
    result = _extract(tmp_path, xml)
    assert result.counts["time_signature_changes_bridged"] == 1
    assert len(result.lead_sheets) == 1
    sheet = result.lead_sheets[0]
    assert sheet.melody[12] == 67 and sheet.melody[16] == 72 and len(sheet.melody) > 8 * 16


def test_metre_and_tempo_changes_mid_piece_keep_one_lead_sheet(tmp_path):
    """Four bars of 4/4, a 2/4 bar, four bars of 4/4 and a tempo change: one lead sheet, not fragments."""
    bars = tune_bars(8)
    short = harmony("G") + note("G") + note("F")
    tempo = '<direction><sound tempo="90"/></direction>'
    contents = bars[:4] + [short] + [tempo + bars[4]] + bars[5:]
    part = measures(contents[:4]) + measures([contents[4]], first_attributes=attributes(2, 4, first=False)) \
        .replace('number="1"', 'number="5"') + measures(contents[5:], first_attributes=attributes(4, 4, first=False)) \
        .replace('number="1"', 'number="6"')
    result = _extract(tmp_path, score(part))
    assert result.counts["time_signature_changes_bridged"] == 2
    assert len(result.lead_sheets) == 1 and len(result.lead_sheets[0].melody) > 8 * 16


def test_a_second_voice_and_double_stops_keep_the_top_voice(tmp_path):
    """Voice 2 entering under a held note and a double stop: the melody is the top line, counted as repaired."""
    bars = tune_bars()
    rest = "<note><rest/><duration>1</duration><voice>2</voice><type>quarter</type></note>"
    bars[1] = harmony("F") + note("G", 5, 2, kind="half") + note("A") + note("G") \
        + "<backup><duration>4</duration></backup>" + rest + note("C", 4, 3, voice=2, kind="half")
    bars[2] = harmony("G") + note("G") + note("B", 4, chord=True) + note("A") + note("G") + note("F")
    result = _extract(tmp_path, score(measures(bars)))
    assert result.counts["melody_second_voice_notes_dropped"] == 1
    assert result.counts["melody_double_stop_notes_dropped"] == 1
    assert result.counts["melody_parts_made_monophonic"] == 1
    sheet = result.lead_sheets[0]
    assert 60 not in _pitches(sheet) and 71 not in _pitches(sheet)
    assert sheet.melody[32] == 79


@pytest.mark.parametrize("kind, figure", [("suspended-fourth", "Csus"), ("power", "C5"), ("pedal", "Cped")])
def test_chords_the_triad_encodings_cannot_take_map_to_the_nearest_triad(tmp_path, kind, figure):
    """sus4, power and pedal chords: kept as written for chord pitches, C major for the triads, and counted."""
    xml = lead_sheet(chords=("C", "F", "G", "X")).replace(harmony("X"), harmony("C", kind))
    pitches = _extract(tmp_path, xml)
    triads = _extract(tmp_path, xml, triads=True)
    assert pitches.lead_sheets[0].chords[48] == figure
    assert triads.lead_sheets[0].chords[48] == "C"
    assert triads.counts["chords_mapped_to_triad"] == 2 and triads.counts[f"chords_mapped_to_triad:{kind}"] == 2


def test_chords_with_degrees_and_a_bass_read_as_magenta_spells_them(tmp_path):
    """A dominant seventh with an added flat ninth over E reads as "C7(b9)/E", not music21's "C7 add b9"."""
    degree = "<degree><degree-value>9</degree-value><degree-alter>-1</degree-alter><degree-type>add</degree-type>" \
             "</degree>"
    chord = harmony("C", "dominant", degree).replace("</harmony>", "<bass><bass-step>E</bass-step></bass></harmony>")
    xml = lead_sheet(chords=("X", "F")).replace(harmony("X"), chord)
    assert _extract(tmp_path, xml).lead_sheets[0].chords[0] == "C7(b9)/E"


def test_chords_stacked_over_one_long_note_are_spread_over_it(tmp_path):
    """Three chords written before one whole note (placed only by x position): one per beat-spread, not dropped."""
    bars = tune_bars()
    bars[7] = harmony("D", "minor") + harmony("G", "dominant") + harmony("C") + note("C", 5, 4, kind="whole")
    result = _extract(tmp_path, score(measures(bars)))
    sheet = result.lead_sheets[0]
    assert result.counts["stacked_chords_spread"] == 2
    assert (sheet.chords[112], sheet.chords[116], sheet.chords[124]) == ("Dm", "G7", "C")


def test_a_song_without_chords_is_skipped_unless_inference_is_asked_for(tmp_path):
    """No chord symbols: no lead sheet and a reason; with infer_chords, chords from the notes (C over C E G)."""
    xml = lead_sheet().replace(harmony("C"), "").replace(harmony("F"), "").replace(harmony("G"), "")
    plain = _extract(tmp_path, xml)
    assert plain.lead_sheets == [] and plain.counts["songs_without_chord_symbols"] == 1
    inferred = _extract(tmp_path, xml, infer_chords=True)
    assert inferred.counts["songs_with_inferred_chords"] == 1
    assert inferred.lead_sheets and all(c != NO_CHORD for c in inferred.lead_sheets[0].chords)


def test_a_short_tune_is_too_short_and_says_so(tmp_path):
    """Five bars are fewer than Magenta's seven: nothing, counted as too short."""
    result = _extract(tmp_path, lead_sheet(bars=5))
    assert result.lead_sheets == [] and result.counts["melodies_discarded_too_short"] == 1


def test_an_unreadable_file_is_an_error_not_a_traceback(tmp_path):
    """A .musicxml that is not XML gives an error message and no lead sheets."""
    result = _extract(tmp_path, "<score-partwise><part", name="broken.musicxml")
    assert result.lead_sheets == [] and result.error


def test_a_lead_sheet_transposes_its_melody_and_its_chords(tmp_path):
    """Up a minor third: C F G become Eb Ab Bb, the first note 72 becomes 75."""
    sheet = _extract(tmp_path, lead_sheet()).lead_sheets[0].transposed(3)
    assert [sheet.chords[16 * bar] for bar in range(3)] == ["Eb", "Ab", "Bb"] and _pitches(sheet)[0] == 75
