"""Autosave: a recovery file while there is unsaved work, none once saved, and crash leftovers found."""

import json
import os

import pytest

from composer_app.gui.project import autosave
from composer_app.gui.project.autosave import Autosaver, find_recoverable, load_recovery, recovery_dir


@pytest.fixture
def saver(document):
    s = Autosaver(document, interval_s=30)
    yield s
    s.stop()
    s.deleteLater()


def test_recovery_folder_comes_from_the_environment(tmp_path):
    """Tests (and portable installs) choose the recovery folder with an environment variable."""
    assert recovery_dir() == tmp_path / "recovery"


def test_edits_are_saved_after_a_pause(saver, document, qtbot, monkeypatch):
    """A batch of edits is written to the recovery file shortly after the last one."""
    monkeypatch.setattr(autosave, "AFTER_EDIT_DELAY_MS", 50)
    document.edit_song(document.song.with_qpm(77), "tempo")
    with qtbot.waitSignal(saver.saved, timeout=3000):
        pass
    data = json.loads(saver.path.read_text())
    assert data["recovery"]["pid"] == os.getpid()
    assert load_recovery(saver.path).songs[0].song.qpm == 77


def test_nothing_is_written_without_unsaved_work(saver):
    """A clean document leaves no recovery file."""
    assert saver.save_now() is None
    assert not saver.path.exists()


def test_saving_the_document_removes_the_recovery_file(saver, document, tmp_path):
    """Once the work is saved, the recovery file goes away."""
    document.edit_song(document.song.with_qpm(77), "tempo")
    assert saver.save_now().exists()
    document.mark_saved(tmp_path / "x.composer")
    assert not saver.path.exists()


def test_only_files_of_dead_processes_are_offered(saver, document, tmp_path):
    """Our own recovery file is not offered; one left by a dead process is."""
    document.edit_song(document.song.with_qpm(77), "tempo")
    saver.save_now()
    assert find_recoverable() == []
    orphan = recovery_dir() / "autosave-999999999.json"
    payload = json.loads(saver.path.read_text())
    payload["recovery"]["pid"] = 999999999
    orphan.write_text(json.dumps(payload))
    found = find_recoverable()
    assert [f.path for f in found] == [orphan]
    assert found[0].name == "sample"


def test_damaged_recovery_files_are_skipped(tmp_path):
    """A half-written or foreign file in the recovery folder is ignored."""
    folder = recovery_dir()
    folder.mkdir(parents=True)
    (folder / "autosave-1.json").write_text("{not json")
    assert find_recoverable() == []
