"""Slow work (parsing a large score, reading a big bundle) off the UI thread, with a progress dialog meanwhile.

`run_busy` keeps a synchronous call shape for its callers: it returns the work's result (or raises its error) once
the work is done, but the window keeps painting and answering while it waits, and a dialog appears when the wait
is long enough to notice.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, Qt, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

T = TypeVar("T")
SHOW_AFTER_MS = 400  # quicker work finishes before a dialog could even be read


class _Done(QObject):
    finished = Signal()


def run_busy(parent: QWidget | None, text: str, work: Callable[[], T]) -> T:
    """Run `work` in a thread while the event loop runs; its result, or its exception raised here."""
    outcome: dict = {}
    done = _Done()
    loop = QEventLoop()
    done.finished.connect(loop.quit, Qt.QueuedConnection)

    def target() -> None:
        try:
            outcome["value"] = work()
        except BaseException as exc:  # handed to the caller's thread, whatever it is
            outcome["error"] = exc
        done.finished.emit()

    dialog = QProgressDialog(text, None, 0, 0, parent)  # no cancel: parsing cannot be stopped halfway
    dialog.setObjectName("busy_dialog")
    dialog.setWindowTitle(QCoreApplication.translate("busy", "Please wait"))
    dialog.setWindowModality(Qt.WindowModal)
    dialog.setMinimumDuration(SHOW_AFTER_MS)
    dialog.setValue(0)
    thread = threading.Thread(target=target, name="busy-work", daemon=True)
    thread.start()
    loop.exec()  # the finish signal is queued, so it quits this loop even if the work ended already
    thread.join()
    dialog.close()
    dialog.deleteLater()
    done.deleteLater()
    if "error" in outcome:
        raise outcome["error"]
    return outcome["value"]
