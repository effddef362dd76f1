"""Which app sessions are alive: each holds an OS lock on its own lock file, which the OS drops when it dies."""

from __future__ import annotations

import os
from pathlib import Path

try:  # POSIX: flock locks belong to the open file, so a second open in the same process is refused too
    import fcntl
except ImportError:  # Windows
    fcntl = None
    import msvcrt


def _try_lock(fh) -> bool:
    try:
        if fcntl is not None:
            fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        else:
            fh.seek(0)
            msvcrt.locking(fh.fileno(), msvcrt.LK_NBLCK, 1)
    except OSError:
        return False
    return True


def _unlock(fh) -> None:
    try:
        if fcntl is not None:
            fcntl.flock(fh.fileno(), fcntl.LOCK_UN)
        else:
            fh.seek(0)
            msvcrt.locking(fh.fileno(), msvcrt.LK_UNLCK, 1)
    except OSError:
        pass  # closing the file drops the lock anyway


def _same_file(fh, path: Path) -> bool:
    try:
        ours, theirs = os.fstat(fh.fileno()), os.stat(path)
    except OSError:
        return False
    return (ours.st_dev, ours.st_ino) == (theirs.st_dev, theirs.st_ino)


class SessionLock:
    """An exclusive lock on one file, held from acquire() until release() or the end of the process.

    Unlike a PID written in a file, the lock cannot outlive its process or be mistaken for a new process that
    got the same PID: the OS releases it when the holder exits, however it exits.
    """

    def __init__(self, path: str | os.PathLike):
        self.path = Path(path)
        self._fh = None

    @property
    def held(self) -> bool:
        return self._fh is not None

    def acquire(self) -> bool:
        """Take the lock (creating the file); False if another session holds it or the file cannot be made."""
        if self._fh is not None:
            return True
        for _attempt in range(3):
            try:
                # Held open for as long as the lock is; "a+b" creates it without truncating an existing one.
                fh = open(self.path, "a+b")  # noqa: SIM115
            except OSError:
                return False
            if not _try_lock(fh):
                fh.close()
                return False
            # The holder before us may have deleted the file between our open and our lock: a lock on a file no
            # one else can find protects nothing, so start again on the file now at that path.
            if _same_file(fh, self.path):
                self._fh = fh
                return True
            _unlock(fh)
            fh.close()
        return False

    def release(self, delete: bool = False) -> None:
        """Let go of the lock; with `delete`, remove the lock file first (while still holding it, on POSIX)."""
        fh, self._fh = self._fh, None
        if fh is None:
            return
        if delete and fcntl is not None:
            self.path.unlink(missing_ok=True)
        _unlock(fh)
        fh.close()
        if delete and fcntl is None:
            try:  # Windows cannot delete an open file; another session may take it in between, which is harmless
                self.path.unlink(missing_ok=True)
            except OSError:
                pass


def is_held(path: str | os.PathLike) -> bool:
    """True when some live session (this one included, through another SessionLock) holds the lock at `path`."""
    try:
        with open(path, "rb") as fh:  # never creates: probing must not leave lock files behind
            if _try_lock(fh):
                _unlock(fh)
                return False
            return True
    except FileNotFoundError:
        return False
    except OSError:
        return True  # cannot even look: count it as alive, so that its work is neither offered nor deleted
