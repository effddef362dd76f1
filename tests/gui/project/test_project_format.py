"""The project file: a versioned JSON round trip, atomic saves and clear errors."""

import json
import os

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
