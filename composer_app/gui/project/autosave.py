"""Not losing work: periodic and after-edit autosave to a recovery file, and finding files left by a crash."""

from __future__ import annotations

import json
import os
import secrets
import time
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, QStandardPaths, QTimer, Signal

from composer_app.gui.project.document import SongDocument
from composer_app.gui.project.project_format import (
    Project,
    ProjectFileError,
    atomic_write,
    project_from_json,
    project_to_json,
)
from composer_app.gui.project.session_lock import SessionLock, is_held
from composer_app.said import said

RECOVERY_DIR_ENV = "COMPOSER_RECOVERY_DIR"  # tests point this at a temporary folder
AFTER_EDIT_DELAY_MS = 1500  # a batch of edits is saved once the user pauses this long


def recovery_dir() -> Path:
    folder = os.environ.get(RECOVERY_DIR_ENV)
    if not folder:
        base = QStandardPaths.writableLocation(QStandardPaths.AppDataLocation) or str(Path.home() / ".composer")
        folder = str(Path(base) / "recovery")
    return Path(folder)


@dataclass(frozen=True)
class RecoveryFile:
    """A recovery file left by an app that did not close cleanly, with what the recovery question shows of it."""

    path: Path
    saved_at: float
    original_path: str | None
    name: str
    tracks: int = 0
    notes: int = 0

    @property
    def lock_path(self) -> Path:
        return self.path.with_suffix(".lock")


def _pid_alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True
    return True


def _session_alive(found: RecoveryFile, pid: int) -> bool:
    """Its app's lock says whether it still runs. Only a file from before lock files falls back on its PID, and
    then errs towards alive: a reused PID hides that file for a while, but never gets it deleted."""
    if found.lock_path.exists():
        return is_held(found.lock_path)
    return bool(pid) and _pid_alive(pid)


def _read_recovery(path: Path) -> tuple[RecoveryFile, int] | None:
    """The file's description and its app's PID, or None for a damaged or foreign file (left where it is)."""
    try:
        data = json.loads(path.read_text("utf-8"))
        meta = data.get("recovery", {})
        pid = int(meta.get("pid", 0))
        song = project_from_json(data.get("project"), path).songs[0].song
        found = RecoveryFile(path, float(meta.get("saved_at", 0)), meta.get("original_path"),
                             str(meta.get("name", "Untitled")), len(song.tracks), song.note_count)
    except (OSError, ValueError, TypeError, AttributeError, IndexError, RecursionError, ProjectFileError):
        return None
    return found, pid


def find_recoverable(folder: Path | None = None) -> list[RecoveryFile]:
    """Recovery files whose app is no longer running, newest first."""
    folder = folder or recovery_dir()
    found = []
    for path in folder.glob("autosave-*.json"):
        read = _read_recovery(path)
        if read is not None and not _session_alive(*read):
            found.append(read[0])
    return sorted(found, key=lambda r: r.saved_at, reverse=True)


class RecoveryClaim:
    """This app's hold on a crashed session's file while it offers or restores it.

    Holding the dead session's lock makes it look alive to any other app started meanwhile, so the same work is
    never offered by two apps at once, and only the holder deletes it.
    """

    def __init__(self, found: RecoveryFile):
        self.found = found
        self._lock = SessionLock(found.lock_path)

    def take(self) -> bool:
        if not self._lock.acquire():
            return False
        if not self.found.path.exists():  # another app discarded it between our look and our lock
            self._lock.release(delete=True)
            return False
        return True

    def release(self) -> None:
        """Keep the file for a later start."""
        self._lock.release()

    def delete(self) -> None:
        """The work is saved, or the user discarded it: remove the file, then its lock."""
        self.found.path.unlink(missing_ok=True)
        self._lock.release(delete=True)


def claim_recoverable(folder: Path | None = None) -> list[RecoveryClaim]:
    """Claim every crashed session's recovery file (newest first); the caller releases or deletes each claim."""
    claims = []
    for found in find_recoverable(folder):
        claim = RecoveryClaim(found)
        if claim.take():
            claims.append(claim)
    return claims


def load_recovery(path: Path) -> Project:
    try:
        data = json.loads(path.read_text("utf-8"))
    except RecursionError:
        raise ProjectFileError(path, said("the recovery file cannot be read (its JSON is nested too deeply)")) from None
    except (OSError, ValueError) as exc:
        raise ProjectFileError(path, said("the recovery file cannot be read ({reason})").format(
            reason=str(exc))) from None
    return project_from_json(data.get("project") if isinstance(data, dict) else None, path)


class Autosaver(QObject):
    """Writes the document to this session's recovery file while it has unsaved changes.

    Saves every `interval_s` seconds and shortly after each batch of edits; the file is removed once the
    document is saved or closed cleanly. While the file exists this session holds its lock file, which is how
    other apps know it is alive.
    """

    saved = Signal(object)  # Path of the recovery file

    def __init__(self, document: SongDocument, interval_s: int = 30, folder: Path | None = None,
                 parent: QObject | None = None):
        super().__init__(parent)
        self.document = document
        self.folder = folder or recovery_dir()
        # The random part keeps two windows, or a later process given the same PID, off each other's file.
        self.path = self.folder / f"autosave-{os.getpid()}-{secrets.token_hex(4)}.json"
        self._lock = SessionLock(self.path.with_suffix(".lock"))
        self._pending = False
        self._periodic = QTimer(self)
        self._periodic.timeout.connect(self._on_periodic)
        self._after_edit = QTimer(self)
        self._after_edit.setSingleShot(True)
        self._after_edit.timeout.connect(self.save_now)
        self.set_interval(interval_s)
        document.edited.connect(self._on_edited)
        document.dirty_changed.connect(self._on_dirty_changed)

    def set_interval(self, seconds: int) -> None:
        self._periodic.start(max(1, int(seconds)) * 1000)

    def stop(self) -> None:
        self._periodic.stop()
        self._after_edit.stop()

    def _on_edited(self) -> None:
        self._pending = True
        self._after_edit.start(AFTER_EDIT_DELAY_MS)

    def _on_periodic(self) -> None:
        if self._pending:
            self.save_now()

    def _on_dirty_changed(self, dirty: bool) -> None:
        if not dirty:
            self._after_edit.stop()
            self._pending = False
            self.discard()

    def save_now(self) -> Path | None:
        """Write the recovery file now if there is unsaved work; returns its path."""
        self._pending = False
        if not self.document.is_dirty:
            self.discard()
            return None
        doc = self.document
        payload = {
            "recovery": {"pid": os.getpid(), "saved_at": time.time(),
                         "original_path": str(doc.path) if doc.path else None, "name": doc.display_name},
            "project": project_to_json(doc.to_project()),
        }
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            # Locked before the file first exists, so no other app ever sees it without a live holder.
            if not self._lock.acquire():
                return None
            atomic_write(self.path, json.dumps(payload, separators=(",", ":")).encode("utf-8"))
        except (OSError, ProjectFileError):
            return None  # autosave must never interrupt the user; the next attempt may succeed
        self.saved.emit(self.path)
        return self.path

    def discard(self) -> None:
        """Remove this session's recovery file, then its lock (the file first: it is never seen unlocked)."""
        try:
            self.path.unlink(missing_ok=True)
        except OSError:
            return  # the file stays, so its lock must stay too
        self._lock.release(delete=True)
