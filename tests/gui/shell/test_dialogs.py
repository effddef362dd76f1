"""The restore question, answered by pressing its real button."""

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

from composer_app.gui.project.autosave import RecoveryFile
from composer_app.gui.shell import dialogs


def _press_later(name: str | None) -> None:
    def press():
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            if name is None:
                box.reject()
            else:
                box.findChild(QPushButton, name).click()

    QTimer.singleShot(50, press)


def test_restore_button_accepts_and_closing_declines(tmp_path):
    """Pressing Restore answers True; closing the question answers False."""
    found = RecoveryFile(tmp_path / "autosave-1.json", 0.0, None, "song.mid")
    _press_later("restore_button")
    assert dialogs.ask_restore(None, found)
    _press_later(None)
    assert not dialogs.ask_restore(None, found)
