"""Screenshots of the app in Japanese for docs/: the main window with variations, the model panel, projector mode
and an error dialog.

    QT_QPA_PLATFORM=offscreen .venv/bin/python tools/japanese_screenshots.py [OUT_FOLDER]

Drawn offscreen with widget.grab(), with the bundled Japanese font (no system font is needed).
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("COMPOSER_CONFIG_DIR", tempfile.mkdtemp(prefix="composer-shots-"))
os.environ.setdefault("COMPOSER_RECOVERY_DIR", tempfile.mkdtemp(prefix="composer-shots-recovery-"))


def main(out: Path) -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from composer_app.gui.generation.session import attach_generation
    from composer_app.gui.shell import dialogs
    from composer_app.gui.shell.app import application
    from composer_app.gui.shell.i18n import tr
    from composer_app.gui.shell.main_window import MainWindow
    from composer_app.gui.shell.settings import AppSettings, Preferences
    from composer_app.music.errors import MusicError
    from composer_app.music.io import read_song
    from composer_app.music.song import Note

    app = application()
    AppSettings().save_preferences(Preferences(language="ja"))
    window = MainWindow()
    window.resize(1440, 900)
    window.show()
    window.generation = session = attach_generation(window)
    doc = window.document
    melody = [Note(i * 480, p, 440, 90) for i, p in enumerate((60, 62, 64, 65, 67, 67, 69, 67, 65, 64, 62, 60))]
    doc.edit_track(0, doc.song.tracks[0].with_notes(melody), tr("Draw note"))
    window.editor.set_playhead(melody[-1].end)
    panel = session.panel
    panel.length_bars.setValue(2)
    panel.num_outputs.setValue(3)
    done = []
    session.controller.result_set_added.connect(done.append)
    panel.generate_button.click()
    while not done and session.controller.queue.busy:
        app.processEvents()
    app.processEvents()
    window.editor.zoom_fit()  # the primer and the variation overlaid after it, both in view
    app.processEvents()
    out.mkdir(parents=True, exist_ok=True)
    window.grab().save(str(out / "screenshot-ja-main.png"))
    dock = window.findChild(type(window.track_dock), "dock_generate_tabs")  # Generate and MusicVAE, tabbed
    dock.grab().save(str(out / "screenshot-ja-model-panel.png"))
    window.action_projector.trigger()  # projector mode: large type, the bundled font at its biggest
    app.processEvents()
    window.grab().save(str(out / "screenshot-ja-projector.png"))
    window.action_projector.trigger()
    app.processEvents()

    def grab_dialog() -> None:
        box = QApplication.activeModalWidget()
        if box is None:
            QTimer.singleShot(50, grab_dialog)
            return
        box.grab().save(str(out / "screenshot-ja-error.png"))
        box.close()

    QTimer.singleShot(100, grab_dialog)
    broken = Path(tempfile.mkdtemp(prefix="composer-shots-")) / "song.mid"
    broken.write_bytes(b"MThd\x00\x00\x00\x06\x00\x01\x00\x02\x01\xe0MTrk\x00\x00\x00\x10\x00\x90")
    try:  # a real error of the core, shown as the app shows it: what happened, then what to do
        read_song(broken)
    except MusicError as error:
        dialogs.show_user_error(window, tr("Could not open the file"), error)
    doc.undo_stack.setClean()
    window.close()
    print("\n".join(str(p) for p in sorted(out.glob("screenshot-ja-*.png"))))
    return 0 if done else 1


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs"))
