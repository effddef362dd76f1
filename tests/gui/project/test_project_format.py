"""The project file: a versioned JSON round trip, atomic saves and clear errors."""

import json
import os
import re

import pytest

from composer_app.gui.project.project_format import (
    FORMAT_VERSION,
    Project,
    ProjectFileError,
    ProjectSong,
    TrackLook,
    load_project,
    project_to_json,
    save_project,
)
from composer_app.music.song import ChordSymbol, TempoChange, TimeSignature
from tests.gui.conftest import sample_song


def _project() -> Project:
    song = sample_song().replace(tempos=(TempoChange(0, 96.0), TempoChange(3840, 140.0)),
                                 time_signatures=(TimeSignature(0, 3, 4),),
                                 chords=(ChordSymbol(0, "Am7"),), title="Étude")
    looks = (TrackLook("#123456", muted=True), TrackLook("#abcdef", soloed=True))
    return Project((ProjectSong(song, looks, 12),), generation={"model": "basic_rnn", "temperature": 1.1},
                   candidates=[{"notes": [[0, 60, 240, 100]]}])


def test_save_and_load_round_trip_everything(tmp_path):
    """Songs, tempo map, signatures, chords, looks, length and generation data come back equal."""
    path = save_project(_project(), tmp_path / "a.composer")
    assert load_project(path) == _project()


def test_file_is_versioned_json(tmp_path):
    """The file names its format and version so newer apps can migrate it."""
    path = save_project(_project(), tmp_path / "a.composer")
    data = json.loads(path.read_text("utf-8"))
    assert data["format"] == "composer-project"
    assert data["version"] == FORMAT_VERSION
    assert data["songs"][0]["tracks"][0]["notes"][0] == [0, 60, 480, 90]


def test_save_is_atomic_and_leaves_no_temporary_file(tmp_path, monkeypatch):
    """A failed write leaves the old file intact and no temporary file behind."""
    path = save_project(_project(), tmp_path / "a.composer")
    original = path.read_bytes()

    def broken_replace(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(ProjectFileError, match="No space left"):
        save_project(Project((ProjectSong(sample_song()),)), path)
    assert path.read_bytes() == original
    assert os.listdir(tmp_path) == ["a.composer"]


@pytest.mark.parametrize(("content", "message"), [
    (b"not json at all", "not valid JSON"),
    (b'{"format": "something-else", "version": 1}', "not a Composer project"),
    (b'{"format": "composer-project", "version": 99, "songs": []}', "newer Composer"),
    (b'{"format": "composer-project", "version": 1, "songs": []}', "holds no song"),
    (b'{"format": "composer-project", "version": 1, "songs": [{"tracks": [{"notes": [[0, 300, 1, 1]]}]}]}',
     "damaged song data"),
])
def test_bad_files_raise_clear_errors(tmp_path, content, message):
    """Bad, foreign, newer or damaged files raise ProjectFileError saying what is wrong."""
    path = tmp_path / "bad.composer"
    path.write_bytes(content)
    with pytest.raises(ProjectFileError, match=message):
        load_project(path)


def test_missing_file_says_so(tmp_path):
    """A missing file is reported as such."""
    with pytest.raises(ProjectFileError, match="no such file"):
        load_project(tmp_path / "nope.composer")


def test_json_keeps_generation_data_opaque():
    """Generation settings and candidates are stored as given."""
    data = project_to_json(_project())
    assert data["generation"] == {"model": "basic_rnn", "temperature": 1.1}
    assert data["candidates"] == [{"notes": [[0, 60, 240, 100]]}]


def _with_song(**changes) -> bytes:
    """A valid one-song project file with the given keys of its song replaced (as raw JSON values)."""
    song = {"title": "", "length_bars": 8, "tempos": [[0, 120.0]], "time_signatures": [[0, 4, 4]], "chords": [],
            "tracks": [{"name": "Melody", "program": 0, "is_drum": False, "channel": 0, "color": "#4fb3ff",
                        "muted": False, "soloed": False, "notes": [[0, 60, 480, 90]]}]}
    for key, value in changes.items():
        if key.startswith("track_"):
            song["tracks"][0][key[6:]] = value
        else:
            song[key] = value
    return json.dumps({"format": "composer-project", "version": 1, "songs": [song]}).encode()


DAMAGED_PROJECTS = {
    "length of 10^12 bars": (_with_song(length_bars=10**12), "length_bars 1000000000000 is outside 1 to 10000"),
    "negative length": (_with_song(length_bars=-3), "length_bars -3 is outside"),
    "length as text": (_with_song(length_bars="8"), "length_bars '8' is not a whole number"),
    "note at tick 10^12": (_with_song(track_notes=[[10**12, 60, 480, 90]]), "note start 1000000000000 is outside"),
    "note of 10^12 ticks": (_with_song(track_notes=[[0, 60, 10**12, 90]]), "note duration 1000000000000 is outside"),
    "note ending past the longest song": (_with_song(track_notes=[[9_000_000, 60, 9_000_000, 90]]), "longest song"),
    "negative note start": (_with_song(track_notes=[[-5, 60, 480, 90]]), "note start -5 is outside"),
    "note start of 1e400": (_with_song(track_notes=[[1e400, 60, 480, 90]]), "note start inf is not a whole number"),
    "note as an object": (_with_song(track_notes=[{"start": 0}]), "a note is not"),
    "note of three values": (_with_song(track_notes=[[0, 60, 480]]), "a note is not"),
    "notes as text": (_with_song(track_notes="C D E"), "notes is not a list"),
    "tempo 0": (_with_song(tempos=[[0, 0]]), "tempo 0 qpm"),
    "tempo NaN": (_with_song(tempos=[[0, float("nan")]]), "tempo nan qpm"),
    "tempo 1e-300": (_with_song(tempos=[[0, 1e-300]]), "tempo 1e-300 qpm"),
    "tempo as text": (_with_song(tempos=[[0, "fast"]]), "tempo 'fast' is not a number"),
    "denominator 0": (_with_song(time_signatures=[[0, 4, 0]]), "time signature 4/0"),
    "denominator 3": (_with_song(time_signatures=[[0, 4, 3]]), "time signature 4/3"),
    "chord at tick 10^12": (_with_song(chords=[[10**12, "C"]]), "chord tick 1000000000000 is outside"),
    "300 tracks": (_with_song(tracks=[{"notes": []}] * 300), "300 tracks"),
    "tracks as a number": (_with_song(tracks=5), "tracks is not a list"),
    "a track as text": (_with_song(tracks=["Melody"]), "a track is not"),
    "name as a number": (_with_song(track_name=5), "track name 5 is not text"),
    "muted as text": (_with_song(track_muted="yes"), "muted 'yes' is not true or false"),
    "program 200": (_with_song(track_program=200), "program 200 is outside"),
    "300 songs": (b'{"format": "composer-project", "version": 1, "songs": [' + b",".join([b"{}"] * 300) + b"]}",
                  "300 songs"),
    "500,001 notes": (_with_song(track_notes=[[0, 60, 1, 1]] * 500_001), "more than 500,000 notes"),
    "songs as an object": (b'{"format": "composer-project", "version": 1, "songs": {"a": 1}}', "songs is not a list"),
    "version as text": (b'{"format": "composer-project", "version": "1", "songs": []}', "unknown project format"),
    "version true": (b'{"format": "composer-project", "version": true, "songs": []}', "unknown project format"),
    "an integer of 5,000 digits": (b'{"format": "composer-project", "version": 1, "songs": [' + b"9" * 5000 + b"]}",
                                   "not valid JSON"),
    "nesting 100,000 deep": (b"[" * 100_000 + b"]" * 100_000, "nested too deeply"),
}


@pytest.mark.parametrize("name", DAMAGED_PROJECTS)
def test_damaged_values_raise_project_file_errors(tmp_path, name):
    """Out-of-range, wrongly typed or absurd values give one ProjectFileError naming the file and the value."""
    data, message = DAMAGED_PROJECTS[name]
    path = tmp_path / "bad.composer"
    path.write_bytes(data)
    with pytest.raises(ProjectFileError, match=re.escape(message)) as info:
        load_project(path)
    assert str(path) in str(info.value) and "\n" not in str(info.value)


def test_damaged_generation_history_is_dropped_and_the_song_kept(tmp_path):
    """History entries with absurd or wrongly typed values are left out; the song and sound entries load."""
    good = {"set_id": 1, "label": "A", "settings": {}, "candidates": [
        {"index": 0, "label": "a", "seam_tick": 3840, "is_drums": False, "qpm": 120.0,
         "new_notes": [[3840, 62, 240, 90]], "song_notes": [[0, 60, 240, 90], [3840, 62, 240, 90]]}]}
    bad_values = [("seam_tick", 10**12), ("qpm", 1e-300), ("qpm", float("inf")), ("new_notes", [[10**12, 60, 1, 1]]),
                  ("song_notes", [[0, 60, 1e400, 1]]), ("song_notes", "notes"), ("index", 1e400)]
    bad = [{**good, "candidates": [{**good["candidates"][0], key: value}]} for key, value in bad_values]
    data = json.loads(_with_song())
    data["candidates"] = [good, *bad, "not an entry", [1, 2], {"candidates": [[[[[[[[[[1]]]]]]]]]]}]
    path = tmp_path / "history.composer"
    path.write_text(json.dumps(data))
    project = load_project(path)
    assert project.candidates == [good]
    assert project.songs[0].song.tracks[0].notes[0].pitch == 60
