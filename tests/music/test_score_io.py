"""MusicXML, .mxl, ABC and Humdrum import through music21, with chord symbols as a chord track."""

from pathlib import Path

import music21
import pytest

from composer_app.music.io import read_song, read_songs, write_song
from composer_app.music.midi_io import read_midi
from composer_app.music.song import PPQ
from tests.conftest import shared_path

LEAD_SHEET_XML = """<?xml version="1.0" encoding="UTF-8"?>
<score-partwise version="3.1">
  <work><work-title>Tiny Lead Sheet</work-title></work>
  <part-list><score-part id="P1"><part-name>Flute</part-name>
    <score-instrument id="P1-I1"><instrument-name>Flute</instrument-name></score-instrument>
    <midi-instrument id="P1-I1"><midi-program>74</midi-program></midi-instrument>
  </score-part></part-list>
  <part id="P1">
    <measure number="1">
      <attributes><divisions>2</divisions><time><beats>3</beats><beat-type>4</beat-type></time></attributes>
      <direction><sound tempo="90"/></direction>
      <harmony><root><root-step>B</root-step><root-alter>-1</root-alter></root><kind>major</kind></harmony>
      <note><pitch><step>D</step><octave>5</octave></pitch><duration>4</duration><tie type="start"/></note>
      <note><pitch><step>D</step><octave>5</octave></pitch><duration>2</duration><tie type="stop"/></note>
    </measure>
    <measure number="2">
      <harmony><root><root-step>F</root-step></root><kind>dominant</kind></harmony>
      <note><pitch><step>C</step><octave>5</octave></pitch><duration>2</duration></note>
      <note><rest/><duration>2</duration></note>
      <note><pitch><step>A</step><octave>4</octave></pitch><duration>2</duration></note>
    </measure>
  </part>
</score-partwise>
"""

ABC_TUNES = """X:1
T:First Tune
M:4/4
L:1/8
Q:1/4=100
K:G
"G"GABc "D7"d2 d2|"G"B4 z4|]

X:2
T:Second Tune
M:3/4
L:1/4
K:D
"D"DFA|"A"c3|]
"""


def test_musicxml_lead_sheet(tmp_path):
    """A MusicXML lead sheet gives its melody (ties merged), program, tempo, metre and chord symbols."""
    p = tmp_path / "lead.musicxml"
    p.write_text(LEAD_SHEET_XML)
    song = read_song(p)
    (track,) = song.tracks
    assert track.program == 73  # MusicXML programs count from 1
    assert [(n.pitch, n.start, n.duration) for n in track.notes] == [
        (74, 0, 3 * PPQ), (72, 3 * PPQ, PPQ), (69, 5 * PPQ, PPQ)
    ]
    assert song.qpm == 90.0
    assert str(song.time_signature) == "3/4"
    assert [(c.tick, c.figure) for c in song.chords] == [(0, "Bb"), (3 * PPQ, "F7")]
    assert song.title == "Tiny Lead Sheet"


def test_lead_sheet_converts_to_midi_with_chords(tmp_path):
    """Converting a lead sheet to MIDI keeps the notes and carries the chord symbols on a Chords track."""
    p = tmp_path / "lead.musicxml"
    p.write_text(LEAD_SHEET_XML)
    song = read_song(p)
    back = read_midi(write_song(song, tmp_path / "lead.mid"))
    assert back.tracks[0].notes == song.tracks[0].notes
    assert back.chords == song.chords


def test_abc_collection_reads_every_tune(tmp_path):
    """An ABC file with two tunes gives two songs; read_song gives the first with its chords and tempo."""
    p = tmp_path / "tunes.abc"
    p.write_text(ABC_TUNES)
    first = read_song(p)
    assert first.title == "First Tune" and first.qpm == 100.0
    assert [c.figure for c in first.chords] == ["G", "D7", "G"]
    assert [n.pitch for n in first.tracks[0].notes][:4] == [67, 69, 71, 72]
    songs = read_songs(p)
    assert [s.title for s in songs] == ["First Tune", "Second Tune"]
    assert str(songs[1].time_signature) == "3/4"


def test_humdrum_chorale():
    """A Humdrum chorale from music21's corpus gives four voices of notes."""
    path = Path(music21.__file__).parent / "corpus" / "bach" / "bwv277.krn"
    song = read_song(path)
    assert len(song.tracks) >= 4
    assert all(len(t.notes) > 10 for t in song.tracks)


def test_compressed_musicxml_from_openewld():
    """An OpenEWLD .mxl lead sheet has one melody and chord symbols spelled with b for flats."""
    folder = shared_path("datasets", "openewld", "dataset")
    path = sorted(folder.rglob("*.mxl"))[0]
    song = read_song(path)
    assert len(song.tracks) == 1 and len(song.tracks[0].notes) > 20
    assert len(song.chords) > 4
    assert not any("-" in c.figure.split("/")[0][:2] for c in song.chords)


@pytest.mark.parametrize("name", ["bach/bwv1.6.mxl"])
def test_corpus_score_parts(name):
    """A chorale in .mxl keeps each part as a named track."""
    song = read_song(Path(music21.__file__).parent / "corpus" / name)
    assert "Soprano" in [t.name for t in song.tracks]
