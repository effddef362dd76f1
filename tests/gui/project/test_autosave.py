"""Autosave: a recovery file while there is unsaved work, none once saved, and crash leftovers found."""

import json
import os

import pytest

from composer_app.gui.project import autosave
from composer_app.gui.project.autosave import Autosaver, find_recoverable, load_recovery, recovery_dir
from composer_app.gui.project.document import SongDocument
from composer_app.gui.project.project_format import Project, ProjectSong, project_to_json
from tests.gui.conftest import sample_song


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


def _orphan(name: str, saved_at: float, pid: int = 999999999, lock: bool = False):
    """A recovery file as a crashed session leaves it: the JSON, and (from this version on) its unheld lock file."""
    folder = recovery_dir()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"autosave-{name}.json"
    payload = {"recovery": {"pid": pid, "saved_at": saved_at, "original_path": None, "name": f"{name}.mid"},
               "project": project_to_json(Project((ProjectSong(sample_song()),)))}
    path.write_text(json.dumps(payload))
    if lock:
        path.with_suffix(".lock").touch()
    return path


def test_a_live_session_is_never_offered_whatever_pid_it_records(saver, document):
    """A running app's recovery file stays hidden through its held lock, not its PID (PIDs are reused)."""
    document.edit_song(document.song.with_qpm(77), "tempo")
    saver.save_now()
    payload = json.loads(saver.path.read_text())
    payload["recovery"]["pid"] = 999999999  # a PID no process has: only the lock shows the session is alive
    saver.path.write_text(json.dumps(payload))
    assert find_recoverable() == []


def test_a_crashed_session_is_offered_even_when_its_pid_is_in_use_again(qapp):
    """A session whose lock nobody holds is dead, even if another process now has its PID."""
    path = _orphan("reused", 5.0, pid=os.getpid(), lock=True)
    assert [f.path for f in find_recoverable()] == [path]


def test_sessions_come_newest_first_with_their_track_and_note_counts(qapp):
    """Every recoverable session is listed, newest first, with the counts the question shows."""
    older, newer = _orphan("older", 100.0, lock=True), _orphan("newer", 200.0)
    found = find_recoverable()
    assert [f.path for f in found] == [newer, older]
    assert (found[0].tracks, found[0].notes) == (2, 6)


def test_a_claimed_session_is_not_offered_by_another_app_until_released(qapp):
    """While one app offers or holds a session's file, a second app started beside it does not see it."""
    from composer_app.gui.project.autosave import claim_recoverable

    path = _orphan("claimed", 1.0)
    (claim,) = claim_recoverable()
    assert claim.found.path == path
    assert find_recoverable() == []
    claim.release()
    assert [f.path for f in find_recoverable()] == [path]
    (claim,) = claim_recoverable()
    claim.delete()
    assert not path.exists() and not path.with_suffix(".lock").exists()


def test_a_clean_document_leaves_neither_recovery_file_nor_lock(saver, document, tmp_path):
    """Saving removes the recovery file and its lock file: nothing is left to clutter the folder."""
    document.edit_song(document.song.with_qpm(77), "tempo")
    saver.save_now()
    document.mark_saved(tmp_path / "x.composer")
    assert list(recovery_dir().iterdir()) == []


def test_two_autosavers_in_one_process_use_separate_files(qapp):
    """Each window's session has its own recovery file, so one never overwrites another's."""
    a, b = Autosaver(SongDocument()), Autosaver(SongDocument())
    try:
        assert a.path != b.path
    finally:
        for s in (a, b):
            s.stop()
            s.deleteLater()
