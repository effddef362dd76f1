"""GUI test fixtures: offscreen Qt, private settings and recovery folders, a roll editor and a main window,
and a guard that fails any test leaving a timer running or a thread alive."""

from __future__ import annotations

import os
import weakref

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
import shiboken6  # noqa: E402
from PySide6.QtCore import QCoreApplication, QEvent, QThread, QTimer  # noqa: E402

from composer_app.gui.project.document import SongDocument  # noqa: E402
from composer_app.gui.roll.editor import RollEditor  # noqa: E402
from composer_app.music.song import Note, Song, Track, drum_track  # noqa: E402


@pytest.fixture(autouse=True)
def private_app_folders(tmp_path, monkeypatch):
    """Settings and recovery files go to the test's own folder, never the user's."""
    monkeypatch.setenv("COMPOSER_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("COMPOSER_RECOVERY_DIR", str(tmp_path / "recovery"))


def _track_instances(cls) -> weakref.WeakSet:
    """Remember every instance of a Qt class made from Python from now on (cheap, unlike scanning the heap)."""
    made: weakref.WeakSet = weakref.WeakSet()
    original = cls.__init__

    def init(self, *args, **kwargs):
        original(self, *args, **kwargs)
        made.add(self)

    cls.__init__ = init
    return made


# Installed before the app's modules are imported, so every QTimer and QThread they make is seen.
_TIMERS = _track_instances(QTimer)
_THREADS = _track_instances(QThread)


def _running() -> tuple[set[QTimer], set[QThread]]:
    timers = {t for t in list(_TIMERS) if shiboken6.isValid(t) and t.isActive()}
    threads = {t for t in list(_THREADS) if shiboken6.isValid(t) and t.isRunning()}
    return timers, threads


@pytest.fixture(autouse=True)
def no_leaked_timers_or_threads(qapp):
    """Fail the test if it leaves a QTimer running or a QThread alive once its widgets are gone."""
    timers_before, threads_before = _running()
    yield
    # pytest-qt has closed and deleteLater()'d the test's widgets by now; let those deletions happen.
    QCoreApplication.sendPostedEvents(None, QEvent.DeferredDelete)
    timers, threads = _running()
    timers -= timers_before
    threads -= threads_before
    for timer in timers:
        timer.stop()
    if timers or threads:
        names = [f"{type(o).__name__}(parent={type(o.parent()).__name__ if o.parent() else None})"
                 for o in list(timers) + list(threads)]
        pytest.fail(f"test leaked running timers or threads: {', '.join(names)}")


def sample_song() -> Song:
    """A short melody (C D E F, one per beat) and a kick/snare drum track."""
    melody = Track("Melody", program=0, channel=0,
                   notes=tuple(Note(i * 960, p, 480, 90) for i, p in enumerate((60, 62, 64, 65))))
    drums = drum_track(notes=[Note(0, 36, 120, 110), Note(960, 38, 120, 100)])
    return Song(tracks=(melody, drums))


@pytest.fixture
def document() -> SongDocument:
    doc = SongDocument()
    doc.load_song(sample_song(), "sample")
    return doc


@pytest.fixture
def editor(qtbot, document) -> RollEditor:
    """A shown roll editor on the sample song, 1 bar = 384 px, rows 14 px, scrolled to show C3..C6."""
    widget = RollEditor(document)
    qtbot.addWidget(widget)
    widget.resize(1100, 700)
    widget.show()
    qtbot.waitExposed(widget)
    widget.viewport.scroll_to(left_tick=0, top_row=widget.viewport.lanes.row_of(84))
    return widget


@pytest.fixture
def window(qtbot):
    """The real main window with a fresh song; closing it at the end never asks to save."""
    from composer_app.gui.shell.main_window import MainWindow

    win = MainWindow()

    def discard_changes(w):
        w.document.undo_stack.setClean()

    qtbot.addWidget(win, before_close_func=discard_changes)
    win.show()
    qtbot.waitExposed(win)
    return win
