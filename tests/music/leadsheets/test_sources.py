"""Lead sheets from every format: .xml/.musicxml/.mxl, ABC, Humdrum, MIDI with chord text events or inferred chords."""

from __future__ import annotations

import mido
import pytest

from composer_app.music.leadsheets.extract import LeadSheetSettings, extract_file
from composer_app.music.leadsheets.inference import infer_chords
from composer_app.music.song import PPQ, Note, Song, Track
from tests.music.leadsheets.xml_scores import lead_sheet
from tests.music.score_bytes import mxl

TUNE = [72, 74, 76, 77, 79, 76, 74, 72]


@pytest.mark.parametrize("name", ["tune.xml", "tune.musicxml", "tune.mxl"])
def test_every_musicxml_suffix_gives_the_lead_sheet(tmp_path, name):
    """Plain, .musicxml and compressed .mxl files of one lead sheet give the same chords."""
    path = tmp_path / name
    xml = lead_sheet()
    path.write_bytes(mxl({"score.xml": xml}) if name.endswith(".mxl") else xml.encode())
    sheets = extract_file(path).lead_sheets
    assert len(sheets) == 1 and [sheets[0].chords[16 * b] for b in range(4)] == ["C", "F", "G", "C"]


def test_abc_chord_annotations_are_the_chords(tmp_path):
    """An ABC tune with "Am" "D7" chord annotations: a lead sheet whose chords follow them."""
    bars = ['"Am"A2 B2 c2 d2', '"D7"e2 d2 c2 B2'] * 4
    path = tmp_path / "tune.abc"
    path.write_text("X:1\nT:T\nM:4/4\nL:1/8\nK:C\n" + " | ".join(bars) + " |]\n")
    sheets = extract_file(path).lead_sheets
    assert len(sheets) == 1 and (sheets[0].chords[0], sheets[0].chords[16]) == ("Am", "D7")


def test_a_humdrum_tune_without_chords_gets_inferred_ones_when_asked(tmp_path):
    """A **kern melody has no chord symbols: skipped by default, a lead sheet with infer_chords."""
    notes = ["4c", "4e", "4g", "4cc"] * 2 + ["4f", "4a", "4cc", "4ff"] * 2
    body = "\n".join(f"={i // 4 + 1}\n{n}" if i % 4 == 0 and i else n for i, n in enumerate(notes * 2))
    path = tmp_path / "tune.krn"
    path.write_text(f"**kern\n*M4/4\n{body}\n==\n*-\n")
    assert extract_file(path).counts["songs_without_chord_symbols"] == 1
    sheets = extract_file(path, LeadSheetSettings(infer_chords=True)).lead_sheets
    assert sheets and {sheets[0].chords[0], sheets[0].chords[32]} == {"C", "F"}


def _midi(tmp_path, texts: dict[int, str], name: str = "tune.mid"):
    """One track: the tune over eight bars (quarters) with text events at the given beats."""
    track = mido.MidiTrack()
    events = [(beat * 480, 0, mido.MetaMessage("text", text=text)) for beat, text in texts.items()]
    for i in range(32):
        pitch = TUNE[i % len(TUNE)]
        events += [(i * 480, 2, mido.Message("note_on", note=pitch, velocity=90)),
                   (i * 480 + 480, 1, mido.Message("note_off", note=pitch, velocity=0))]
    now = 0
    for tick, _, msg in sorted(events, key=lambda e: (e[0], e[1])):
        track.append(msg.copy(time=tick - now))
        now = tick
    path = tmp_path / name
    mido.MidiFile(type=0, ticks_per_beat=480, tracks=[track]).save(path)
    return path


def test_midi_chord_text_events_on_the_melody_track_are_the_chords(tmp_path):
    """Text events "Dm7" and "G7" on the melody's own track (not a "Chords" track) become its chords."""
    path = _midi(tmp_path, {0: "Dm7", 4: "G7", 8: "Cmaj7", 12: "Cmaj7"})
    result = extract_file(path)
    assert result.counts["midi_chord_text_events"] == 4
    assert (result.lead_sheets[0].chords[0], result.lead_sheets[0].chords[16]) == ("Dm7", "G7")


def test_midi_text_that_is_not_chords_is_not_read_as_chords(tmp_path):
    """A title and a copyright line are not chord symbols: the file has no chords, and says so."""
    result = extract_file(_midi(tmp_path, {0: "My Song", 1: "(c) 1930 Someone"}))
    assert result.lead_sheets == [] and result.counts["songs_without_chord_symbols"] == 1


def test_chords_inferred_from_an_accompaniment_follow_it():
    """Half-bar chords held in an accompaniment (C, then F, then G7, then C) are inferred as C F G7 C."""
    bar = 4 * PPQ
    plan = [(0, (60, 64, 67)), (1, (65, 69, 72)), (2, (67, 71, 74, 77)), (3, (60, 64, 67))] * 2
    comp = [Note(b * bar, p, bar) for b, chord in plan for p in chord]
    song = Song(tracks=(Track(notes=tuple(comp)),))
    chords = infer_chords(song)
    assert [c.figure for c in chords][:4] == ["C", "F", "G7", "C"]
    assert [c.tick for c in chords][:4] == [0, bar, 2 * bar, 3 * bar]


def test_chord_inference_of_an_empty_song_is_nothing():
    """No notes, no frames: no chords (and no error)."""
    assert infer_chords(Song()) == ()


def test_an_mxl_whose_container_names_the_score_with_an_apostrophe_still_reads(tmp_path):
    """OpenEWLD's container.xml writes full-path='St. Mary's.xml' (malformed XML; Magenta skips 93 files so)."""
    container = ("<?xml version='1.0' encoding='UTF-8'?><container><rootfiles>"
                 "<rootfile full-path='St. Mary's.xml'/></rootfiles></container>")
    path = tmp_path / "mary.mxl"
    path.write_bytes(mxl({"META-INF/container.xml": container, "St. Mary's.xml": lead_sheet()}, root=None))
    assert len(extract_file(path).lead_sheets) == 1


def test_reading_only_the_first_part_keeps_chords_written_in_another(tmp_path):
    """A voice-only read drops the piano part, unless the piano carries the chord symbols (then all is read)."""
    from collections import Counter

    from composer_app.music.leadsheets.sources import read_lead_sheet_songs
    from tests.music.leadsheets.xml_scores import harmony, measures, note, score, tune_bars

    bare = [note("C", 4, 4, kind="whole")] * 8
    path = tmp_path / "song.musicxml"
    path.write_text(score(measures(tune_bars()), measures(bare)))
    voice_only = read_lead_sheet_songs(path, Counter(), first_part=True)[0]
    assert len(voice_only.tracks) == 1 and len(read_lead_sheet_songs(path, Counter())[0].tracks) == 2
    voice = [b.split("</harmony>")[1] for b in tune_bars()]  # the tune without its chord symbols
    path.write_text(score(measures(voice), measures([harmony("F") + bare[0]] * 8)))
    song = read_lead_sheet_songs(path, Counter(), first_part=True)[0]
    assert len(song.tracks) == 2 and song.chords[0].figure == "F"
