"""The main window: files in and out, the bad-file dialog, unsaved-changes question, drops and panels."""

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox

from composer_app.errors import user_message
from composer_app.gui.project.project_format import load_project
from composer_app.gui.shell import dialogs
from composer_app.gui.shell.main_window import MainWindow
from composer_app.music.midi_io import write_midi
from composer_app.music.song import Note
from tests.gui.conftest import sample_song


@pytest.fixture
def warnings(monkeypatch):
    """Record error dialogs instead of showing them."""
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: shown.append((title, text)))
    monkeypatch.setattr(dialogs, "show_user_error",
                        lambda parent, title, error: shown.append((title, user_message(error))))
    return shown


def draw_note(window, note=Note(0, 72, 240)):
    track = window.document.song.tracks[0]
    window.document.edit_track(0, track.with_notes(track.notes + (note,)), "draw")


def test_new_window_has_melody_and_drums_and_a_clean_title(window):
    """A new window shows the new song, clean, with the app's name in the title."""
    assert [t.name for t in window.document.song.tracks] == ["Melody", "Drums"]
    assert "Composer" in window.windowTitle()
    assert not window.isWindowModified()
    assert window.track_list.list.count() == 2


def test_save_and_open_round_trip(window, tmp_path, monkeypatch):
    """Save As writes a project; opening it in a new window gives the same song."""
    draw_note(window)
    assert window.isWindowModified()
    target = tmp_path / "song.composer"
    monkeypatch.setattr(dialogs, "choose_save_file", lambda *a: str(tmp_path / "song"))
    assert window.files.save_as()
    assert target.exists() and not window.isWindowModified()
    assert "song.composer" in window.windowTitle()
    assert load_project(target).songs[0].song == window.document.song
    saved = window.document.song
    window.files.new()
    assert window.document.song != saved
    assert window.files.open_path(target)
    assert window.document.song == saved
    assert window.document.path == target
    assert str(target.resolve()) in window.settings.recent_files()


def test_opening_a_bad_file_shows_the_error_and_keeps_the_song(window, tmp_path, warnings):
    """A corrupt MIDI file gives a dialog with the core's message; the open song is untouched."""
    draw_note(window)
    song = window.document.song
    bad = tmp_path / "broken.mid"
    bad.write_bytes(b"MThd\x00\x00\x00\x06\x00\x01\x00\x02")
    assert not window.files.open_path(bad, ask=False)
    assert window.document.song is song
    assert window.document.is_dirty
    assert warnings and "broken.mid" in warnings[0][1]
    bad_project = tmp_path / "bad.composer"
    bad_project.write_text('{"format": "composer-project", "version": 7}')
    assert not window.files.open_path(bad_project, ask=False)
    assert "newer Composer" in warnings[1][1]
    assert window.document.song is song


def test_open_midi_and_import_into_the_song(window, tmp_path):
    """Opening a MIDI file replaces the song; importing adds its tracks as one undo step."""
    path = write_midi(sample_song(), tmp_path / "in.mid")
    assert window.files.open_path(path, ask=False)
    assert window.document.song.note_count == 6
    assert window.document.path is None  # saving asks where to put the project
    assert window.files.import_path(path)
    assert len(window.document.song.tracks) == 4
    assert window.track_list.list.count() == 4
    window.document.undo_stack.undo()
    assert len(window.document.song.tracks) == 2


def test_closing_with_unsaved_changes_asks_first(window, monkeypatch):
    """Closing a dirty document asks; Cancel keeps the window open, Discard closes it."""
    draw_note(window)
    answers = []
    monkeypatch.setattr(dialogs, "ask_save_changes", lambda *a: answers.append(1) or dialogs.CANCEL)
    assert not window.close()
    assert answers and window.isVisible()
    monkeypatch.setattr(dialogs, "ask_save_changes", lambda *a: dialogs.DISCARD)
    assert window.close()


def test_new_asks_before_dropping_changes(window, monkeypatch):
    """New on a dirty document asks; Cancel keeps the song."""
    draw_note(window)
    song = window.document.song
    monkeypatch.setattr(dialogs, "ask_save_changes", lambda *a: dialogs.CANCEL)
    window.files.new()
    assert window.document.song is song


@pytest.mark.filterwarnings("ignore::DeprecationWarning")  # QDragEnterEvent has only a QPoint constructor
def test_dropping_a_midi_file_opens_it_and_ctrl_drop_imports(window, tmp_path, qtbot):
    """A dropped MIDI file opens; with Ctrl held it is imported into the current song."""
    path = write_midi(sample_song(), tmp_path / "drop.mid")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    center = QPointF(window.width() / 2, window.height() / 2)

    def drop(modifiers):
        # Qt only routes drops that come from a real drag session, so the handlers are called directly.
        enter = QDragEnterEvent(center.toPoint(), Qt.CopyAction, mime, Qt.LeftButton, modifiers)
        window.dragEnterEvent(enter)
        assert enter.isAccepted()
        window.dropEvent(QDropEvent(center, Qt.CopyAction, mime, Qt.LeftButton, modifiers))

    drop(Qt.NoModifier)
    qtbot.waitUntil(lambda: window.document.song.note_count == 6)
    assert window.document.display_name == "drop.mid"
    drop(Qt.ControlModifier)
    qtbot.waitUntil(lambda: len(window.document.song.tracks) == 4)


def test_menu_edits_reach_the_roll(window):
    """Edit menu actions act on the roll's current track and selection."""
    draw_note(window, Note(0, 60, 240))
    window.action_select_all.trigger()
    window.action_octave_up.trigger()
    assert window.document.song.tracks[0].notes == (Note(0, 72, 240),)
    window.action_delete.trigger()
    assert window.document.song.tracks[0].notes == ()
    window.action_undo.trigger()
    assert window.document.song.tracks[0].notes == (Note(0, 72, 240),)


def test_projector_mode_enlarges_type_and_persists(window):
    """Projector mode switches to the large high-contrast theme and is remembered."""
    small = QApplication.font().pointSizeF()
    window.action_projector.trigger()
    try:
        assert window.editor.canvas.theme.name == "projector"
        assert QApplication.font().pointSizeF() > small * 1.4
        assert window.settings.preferences.projector_mode
    finally:
        window.action_projector.trigger()
    assert window.editor.canvas.theme.name == "dark"
    assert QApplication.font().pointSizeF() == pytest.approx(small)


def test_add_dock_and_toolbar_give_later_features_a_place(window):
    """Other features can add a panel on the right or bottom and a bar at the bottom."""
    panel = QLabel("Generate")
    panel.setObjectName("generation")
    dock = window.add_dock(panel, "Generate", "right")
    assert window.dockWidgetArea(dock) == Qt.RightDockWidgetArea
    from PySide6.QtWidgets import QToolBar

    bar = window.add_toolbar(QToolBar("Transport"), "bottom")
    assert window.toolBarArea(bar) == Qt.BottomToolBarArea


def test_space_triggers_the_play_action(window, qtbot):
    """Space, wherever the focus is in the roll, triggers action_play for the transport."""
    from PySide6.QtTest import QTest

    window.activateWindow()
    window.editor.canvas.setFocus()
    with qtbot.waitSignal(window.action_play.triggered, timeout=1000):
        QTest.keyClick(window.editor.canvas, Qt.Key_Space)


def test_window_layout_is_remembered(window, qtbot):
    """Closing saves the window layout (here: the hidden track list); a new window restores it."""
    window.track_dock.hide()
    window.close()
    again = MainWindow()
    qtbot.addWidget(again)
    again.show()
    assert again.settings.window_layout()[0] is not None
    assert not again.track_dock.isVisible()


def _crashed_session(name: str, saved_at: float, song=None):
    """The recovery file a killed app left: its project, and its lock file that no one holds any more."""
    import json

    from composer_app.gui.project.autosave import recovery_dir
    from composer_app.gui.project.project_format import Project, ProjectSong, project_to_json

    folder = recovery_dir()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"autosave-{name}.json"
    payload = {"recovery": {"pid": 999999999, "saved_at": saved_at, "original_path": None, "name": f"{name}.mid"},
               "project": project_to_json(Project((ProjectSong(song or sample_song()),)))}
    path.write_text(json.dumps(payload))
    path.with_suffix(".lock").touch()
    return path


def _answer_recovery(monkeypatch, choose):
    """Stand in for the recovery question: `choose(sessions)` gives (session to restore or None, sessions to discard)."""
    offered = []

    def ask(parent, sessions):
        offered.append([s.name for s in sessions])
        restore, discard = choose(sessions)
        return dialogs.RecoveryChoice(restore, tuple(discard))

    monkeypatch.setattr(dialogs, "ask_recovery", ask)
    return offered


def test_restore_offer_loads_work_left_by_a_dead_process(window, monkeypatch, tmp_path):
    """A crashed session's work is restored as unsaved work; its file stays until that work is saved."""
    lost = _crashed_session("lost", 1.0)
    _answer_recovery(monkeypatch, lambda sessions: (sessions[0], ()))
    assert window.offer_recovery()
    assert window.document.song == sample_song()
    assert window.document.is_dirty
    assert lost.exists()  # not yet safe anywhere but in this app's memory and its own autosave
    assert window.files.save_to(tmp_path / "found.composer")
    assert not lost.exists() and not lost.with_suffix(".lock").exists()


def test_every_crashed_session_is_offered_and_later_keeps_them_all(window, monkeypatch):
    """Two crashed sessions are both offered, newest first; answering Later deletes nothing."""
    older, newer = _crashed_session("older", 100.0), _crashed_session("newer", 200.0)
    offered = _answer_recovery(monkeypatch, lambda sessions: (None, ()))
    assert not window.offer_recovery()
    assert offered == [["newer.mid", "older.mid"]]
    assert older.exists() and newer.exists()
    assert not window.document.is_dirty


def test_discarding_deletes_only_the_session_discarded(window, monkeypatch):
    """Discard removes that session's file; restoring another keeps the rest for a later start."""
    first, second, third = (_crashed_session(n, t) for n, t in (("one", 1.0), ("two", 2.0), ("three", 3.0)))
    _answer_recovery(monkeypatch, lambda sessions: (sessions[1], [sessions[0]]))  # restore two, discard three
    assert window.offer_recovery()
    assert not third.exists() and second.exists() and first.exists()


def test_a_live_apps_recovery_file_is_neither_offered_nor_deleted(window, monkeypatch):
    """Another running app's recovery file is held by its lock: never offered, never deleted, whatever its PID."""
    import json

    from composer_app.gui.project.autosave import Autosaver
    from composer_app.gui.project.document import SongDocument

    other_doc = SongDocument()
    other_doc.load_song(sample_song(), "elsewhere")
    other = Autosaver(other_doc)
    try:
        other_doc.edit_song(other_doc.song.with_qpm(99), "tempo")
        live = other.save_now()
        payload = json.loads(live.read_text())
        payload["recovery"]["pid"] = 999999999  # its PID says nothing: the held lock does
        live.write_text(json.dumps(payload))
        dead = _crashed_session("dead", 1.0)
        offered = _answer_recovery(monkeypatch, lambda sessions: (None, sessions))  # discard all offered
        window.offer_recovery()
        assert offered == [["dead.mid"]]
        assert live.exists() and not dead.exists()
    finally:
        other.stop()
        other.deleteLater()


def test_no_question_without_crashed_sessions(window, monkeypatch):
    """With nothing to recover, the app starts without asking."""
    offered = _answer_recovery(monkeypatch, lambda sessions: (None, ()))
    assert not window.offer_recovery()
    assert offered == []


def test_recent_files_menu_lists_saved_projects(window, tmp_path):
    """Saving adds the project to File > Open Recent."""
    window.files.save_to(tmp_path / "one.composer")
    names = [a.text() for a in window.menu_recent.actions()]
    assert "one.composer" in names
