"""Crafted MusicXML, .mxl, ABC and Humdrum files: damaged ones give one MusicFileError, quickly; sound ones load."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from composer_app.music.errors import MusicFileError
from composer_app.music.io import read_song
from composer_app.music.midi_io import midi_bytes
from composer_app.music.summary import format_summary, summarize
from tests.music.score_bytes import ABC_TUNE, BILLION_LAUGHS, KERN, mxl, replaced, zip_bomb
from tests.music.test_score_io import LEAD_SHEET_XML
from tests.music.time_limit import time_limit

DUR4 = "<duration>4</duration>"
REST = "<note><rest/><duration>2</duration></note>"


def _damaged_crc() -> bytes:
    """An .mxl whose score's compressed data has one byte flipped: its checksum no longer matches."""
    data = bytearray(mxl({"score.xml": LEAD_SHEET_XML}))
    info = zipfile.ZipFile(io.BytesIO(bytes(data))).getinfo("score.xml")
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    data[start + info.compress_size // 2] ^= 0xFF
    return bytes(data)


DAMAGED = {
    "malformed.musicxml": (LEAD_SHEET_XML[:300], "damaged XML"),
    "laughs.musicxml": (BILLION_LAUGHS, "entities"),
    "duration-1e12.musicxml": (replaced(DUR4, "<duration>1000000000000</duration>"), "duration of 1000000000000"),
    "duration-1e300.musicxml": (replaced(DUR4, "<duration>1e300</duration>"), "duration of 1e300"),
    "duration-nan.musicxml": (replaced(DUR4, "<duration>NaN</duration>"), "duration of NaN"),
    "duration-negative.musicxml": (replaced(DUR4, "<duration>-4</duration>"), "duration of -4"),
    "forward-1e11.musicxml": (replaced(REST, "<forward><duration>100000000000</duration></forward>"), "duration"),
    "measure-of-1e6-quarters.musicxml": (
        replaced("<divisions>2</divisions>", "<divisions>1</divisions>").replace(DUR4, "<duration>1000000</duration>"),
        "duration of 1000000"),
    "divisions-0.musicxml": (replaced("<divisions>2</divisions>", "<divisions>0</divisions>"), "0 divisions"),
    "3000-beats.musicxml": (replaced("<beats>3</beats>", "<beats>3000</beats>"), "3000 beats"),
    "composite-beats.musicxml": (replaced("<beats>3</beats>", "<beats>200+100</beats>"), "300 beats"),
    "many-long-metres.musicxml": (replaced("</attributes>", "</attributes>" + "".join(
        f"<attributes><time><beats>{n}</beats><beat-type>4</beat-type></time></attributes>" for n in range(40, 45))),
        "5 different time signatures"),
    "beat-type-3.musicxml": (replaced("<beat-type>4</beat-type>", "<beat-type>3</beat-type>"), "time signature 3/3"),
    "tempo-1e300.musicxml": (replaced('tempo="90"', 'tempo="1e300"'), "tempo"),
    "timewise.musicxml": ('<?xml version="1.0"?><score-timewise><part-list/></score-timewise>', "timewise"),
    "html.musicxml": ("<html><body>not a score</body></html>", "not a MusicXML score"),
    "bomb.mxl": (zip_bomb(64), "unpacks to 67 MB"),
    "no-score.mxl": (mxl({"readme.txt": "hello"}, root=None), "no MusicXML score"),
    "crowded.mxl": (mxl({f"image{i}.png": b"" for i in range(1001)} | {"score.xml": LEAD_SHEET_XML}), "1003 files"),
    "not-a-zip.mxl": (b"PK\x03\x04 not really a zip", "not a zip archive"),
    "damaged-data.mxl": (_damaged_crc(), "archive is damaged"),
    "huge-metre.abc": (ABC_TUNE.format(metre="99999/1", body="GABc"), "99999 beats"),
    "inline-metre.abc": (ABC_TUNE.format(metre="4/4", body="GABc|[M:500/4]d"), "500 beats"),
    "endless-note.abc": (ABC_TUNE.format(metre="4/4", body="G999999"), "longest song"),
    "huge-metre.krn": (KERN.format(metre="99999/1", body="4c"), "99999 beats"),
}


@pytest.mark.parametrize("name", DAMAGED)
def test_damaged_score_gives_one_clear_error(tmp_path, name):
    """Each crafted damage raises MusicFileError naming the file and the problem, never a crash or a hang."""
    data, problem = DAMAGED[name]
    path = tmp_path / f"file{Path(name).suffix}"  # a neutral name: the problem must be in the message itself
    path.write_bytes(data if isinstance(data, bytes) else data.encode())
    with time_limit(10, name), pytest.raises(MusicFileError, match=problem) as info:
        read_song(path)
    assert str(path) in str(info.value) and "\n" not in str(info.value)


READABLE = {
    "a measure of a million divisions": (
        "m.musicxml", replaced("<divisions>2</divisions>", "<divisions>1000000</divisions>")
        .replace("<duration>2</duration>", "<duration>1000000</duration>").replace(DUR4, "<duration>2000000</duration>")),
    "a container naming a missing file": ("c.mxl", mxl({"score.xml": LEAD_SHEET_XML}, root="elsewhere.xml")),
    "a zipped file named .musicxml": ("z.musicxml", mxl({"score.xml": LEAD_SHEET_XML})),
    "UTF-16 MusicXML": ("u.musicxml", LEAD_SHEET_XML.replace('encoding="UTF-8"', 'encoding="UTF-16"').encode("utf-16")),
}


@pytest.mark.parametrize("name", READABLE)
def test_odd_but_sound_scores_load_and_write_back(tmp_path, name):
    """Unusual but sound scores load the lead sheet's three notes, summarise and write back to MIDI."""
    filename, data = READABLE[name]
    path = tmp_path / filename
    path.write_bytes(data if isinstance(data, bytes) else data.encode())
    with time_limit(10, name):
        song = read_song(path)
        format_summary(summarize(song))
        midi_bytes(song)
    assert [(n.start, n.pitch) for n in song.tracks[0].notes] == [(0, 74), (2880, 72), (4800, 69)]


def test_music21_warnings_stay_off_the_terminal(tmp_path, capfd):
    """A Humdrum file music21 warns about prints nothing: the command line's one error line stays alone."""
    path = tmp_path / "warn.krn"
    path.write_text(KERN.format(metre="4/4", body="99999999999c"))
    with pytest.raises(MusicFileError, match="no notes"):
        read_song(path)
    captured = capfd.readouterr()
    assert captured.err == "" and captured.out == ""


def test_mxl_entries_are_checked_before_decompressing(tmp_path, monkeypatch):
    """The bomb is refused from its declared size: no entry is ever opened for reading."""
    path = tmp_path / "bomb.mxl"
    path.write_bytes(zip_bomb(20))
    opened = []
    original = zipfile.ZipFile.open

    def spying_open(self, name, *args, **kwargs):
        opened.append(getattr(name, "filename", name))
        return original(self, name, *args, **kwargs)

    monkeypatch.setattr(zipfile.ZipFile, "open", spying_open)
    with pytest.raises(MusicFileError, match="zip bomb"):
        read_song(path)
    assert "score.xml" not in opened
