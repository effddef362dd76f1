"""The one error hierarchy: every problem a user can cause is a ComposerError that says what happened and what to do.

Each area has its own subclasses (music files and primers in music/errors.py, bundles and generation in
models/errors.py, training in models/training/errors.py, audio in audio/errors.py, command-line values in
cli/errors.py). Anything that is not a ComposerError is a bug: it is reported as one, with its details logged.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
import traceback
from pathlib import Path


class ComposerError(Exception):
    """A problem the user can fix: str() is what happened; `hint` is what to do about it (may be empty)."""

    hint: str = ""

    def __init__(self, *args, hint: str | None = None):
        super().__init__(*args)
        if hint is not None:
            self.hint = hint

    @property
    def summary(self) -> str:
        """The first line of the message: what a one-line report shows."""
        text = str(self)
        return text.splitlines()[0] if text else type(self).__name__


class Cancelled(ComposerError):
    """The user stopped a long task; nothing went wrong."""


def log_directory() -> Path:
    """Where bug reports are written: the user's state folder, or the temporary folder if that is not writable."""
    base = os.environ.get("XDG_STATE_HOME") or str(Path.home() / ".local" / "state")
    return Path(base) / "composer-app" / "logs"


def log_bug(exc: BaseException, context: str = "", details: str = "") -> Path | None:
    """Write `exc`'s traceback (and `details`, such as a child process's traceback) to a new file of its own.

    Returns the file's path, or None if nothing could be written (the report then goes to stderr).
    """
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    text = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
    if details:
        text += f"\nDetails:\n{details}"
    body = f"Composer bug report, {dt.datetime.now().isoformat(timespec='seconds')}\n{context}\n\n{text}"
    for folder in (log_directory(), Path(tempfile.gettempdir()) / "composer-app-logs"):
        try:
            folder.mkdir(parents=True, exist_ok=True)
            path = folder / f"bug-{stamp}.log"
            path.write_text(body, encoding="utf-8")
            return path
        except OSError:
            continue
    print(body, file=sys.stderr)
    return None


def user_message(exc: ComposerError) -> str:
    """What happened, then what to do: the text a dialog or a status line shows for a user's error."""
    return f"{exc.summary.rstrip('.')}. {exc.hint}" if exc.hint else exc.summary


def bug_summary(exc: BaseException) -> str:
    """One line naming a bug, for a message that also says where the details are."""
    text = str(exc).splitlines()[0] if str(exc) else ""
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__
