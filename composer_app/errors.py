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
from collections.abc import Callable
from pathlib import Path

from composer_app.said import in_language, said


class ComposerError(Exception):
    """A problem the user can fix: str() is what happened; `hint` is what to do about it (may be empty).

    Both are made with `said()` (composer_app/said.py) so that the app can show them in the user's language.
    """

    hint: str = ""

    def __init__(self, *args, hint: str | None = None):
        super().__init__(*args)
        if hint is not None:
            self.hint = hint

    @property
    def summary(self) -> str:
        """The first line of the message: what a one-line report shows."""
        return self.summary_in(_as_is)

    def summary_in(self, lookup: Callable[[str], str]) -> str:
        """The first line of the message, translated with `lookup` (English template -> translation)."""
        text = in_language(self.args[0], lookup) if len(self.args) == 1 else str(self)
        return text.splitlines()[0] if text else type(self).__name__

    def hint_in(self, lookup: Callable[[str], str]) -> str:
        """What to do, translated with `lookup`."""
        return in_language(self.hint, lookup) if self.hint else ""


def _as_is(template: str) -> str:
    return template


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


def user_message(exc: ComposerError, lookup: Callable[[str], str] = _as_is) -> str:
    """What happened, then what to do: the text a dialog or a status line shows for a user's error.

    `lookup` translates said() templates (the app passes Qt's); the default leaves the English.
    """
    summary, hint = exc.summary_in(lookup), exc.hint_in(lookup)
    if not hint:
        return summary
    # The joint is text too: Japanese ends a sentence with "。" and runs on without a space.
    return said("{what}. {todo}").format(what=summary.rstrip(".。"), todo=hint).translated(lookup)


def bug_summary(exc: BaseException) -> str:
    """One line naming a bug, for a message that also says where the details are."""
    text = str(exc).splitlines()[0] if str(exc) else ""
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__
