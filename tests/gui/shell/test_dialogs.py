"""The recovery question, answered by pressing its real buttons."""

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QListWidget, QPushButton

from composer_app.gui.project.autosave import RecoveryFile
from composer_app.gui.shell import dialogs


def _sessions(tmp_path):
    newer = RecoveryFile(tmp_path / "autosave-2.json", 2e9, None, "song.mid", tracks=2, notes=6)
    older = RecoveryFile(tmp_path / "autosave-1.json", 1e9, "/music/tune.composer", "tune.composer", tracks=1,
                         notes=1)
    return [newer, older]


def _act_later(act) -> list:
    """Once the question is up, call act(dialog); returns what act saw, for the test to check afterwards."""
    seen = []

    def run():
        dialog = QApplication.activeModalWidget()
        if dialog is not None:
            seen.append(act(dialog))

    QTimer.singleShot(50, run)
    return seen


def _press(dialog, name: str) -> None:
    dialog.findChild(QPushButton, name).click()


def test_every_session_is_listed_with_its_time_and_counts(tmp_path):
    """Both sessions are listed, newest first, each naming its work and its track and note counts."""
    def read_and_close(dialog):
        listing = dialog.findChild(QListWidget, "recovery_list")
        texts = [listing.item(i).text() for i in range(listing.count())]
        _press(dialog, "later_button")
        return texts

    seen = _act_later(read_and_close)
    dialogs.ask_recovery(None, _sessions(tmp_path))
    (texts,) = seen
    assert len(texts) == 2
    assert "song.mid" in texts[0] and "2 tracks" in texts[0] and "6 notes" in texts[0]
    assert "tune.composer" in texts[1] and "1 track," in texts[1] and "1 note" in texts[1]


def test_discard_then_restore_answers_both(tmp_path):
    """Discarding the selected session removes it from the list; Restore then returns the one selected."""
    sessions = _sessions(tmp_path)

    def discard_then_restore(dialog):
        _press(dialog, "discard_button")  # the first (newest) is selected at the start
        count = dialog.findChild(QListWidget, "recovery_list").count()
        _press(dialog, "restore_button")
        return count

    seen = _act_later(discard_then_restore)
    choice = dialogs.ask_recovery(None, sessions)
    assert seen == [1]
    assert choice.discard == (sessions[0],) and choice.restore == sessions[1]


def test_later_and_closing_keep_every_session(tmp_path):
    """Later, like closing the question, restores nothing and discards nothing."""
    sessions = _sessions(tmp_path)
    _act_later(lambda dialog: _press(dialog, "later_button"))
    assert dialogs.ask_recovery(None, sessions) == dialogs.RecoveryChoice()
    _act_later(lambda dialog: dialog.reject())
    assert dialogs.ask_recovery(None, sessions) == dialogs.RecoveryChoice()


def test_a_suffix_added_after_the_save_dialog_never_replaces_a_file_unasked(tmp_path, monkeypatch):
    """Typing "song" when song.composer exists asks before replacing it; No writes nothing, Yes replaces it."""
    from pathlib import Path

    existing = tmp_path / "song.composer"
    existing.write_text("the user's work")
    answers = []
    monkeypatch.setattr(dialogs, "ask_replace", lambda parent, path: answers.append(path) or answers_given.pop(0))
    answers_given = [False, True]
    assert dialogs.with_suffix_confirmed(None, str(tmp_path / "song"), (".composer",), ".composer") is None
    assert dialogs.with_suffix_confirmed(None, str(tmp_path / "song"), (".composer",), ".composer") == existing
    assert answers == [existing, existing]
    fresh = dialogs.with_suffix_confirmed(None, str(tmp_path / "new"), (".composer",), ".composer")
    typed = dialogs.with_suffix_confirmed(None, str(tmp_path / "x.COMPOSER"), (".composer",), ".composer")
    assert fresh == tmp_path / "new.composer" and typed == Path(tmp_path / "x.COMPOSER") and len(answers) == 2
