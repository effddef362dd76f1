"""Reading a user's file within a size limit: missing files, folders, empty or huge files and OS errors as problems."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from composer_app.errors import ComposerError
from composer_app.said import said

# Builds the caller's own error (MusicFileError, BundleError, ...) from the path and the problem.
ErrorFactory = Callable[[Path, str], ComposerError]


def checked_size(path: Path, limit: int, kind: str, error: ErrorFactory, allow_empty: bool = False) -> int:
    """The file's size in bytes, or `error(path, problem)` if it is missing, a folder, empty or over `limit`.

    `kind` names what the file should be, made with said() so that the problem can be shown translated.
    """
    try:
        if path.is_dir():
            raise error(path, said("is a folder, not a {kind}").format(kind=kind))
        size = path.stat().st_size
    except FileNotFoundError:
        raise error(path, said("no such file")) from None
    except OSError as exc:
        raise error(path, exc.strerror or str(exc)) from None
    if size == 0 and not allow_empty:
        raise error(path, said("the file is empty"))
    if size > limit:
        raise error(path, said(
            "the file is too large ({size:.0f} MB) to be a {kind}").format(size=size / 1e6, kind=kind))
    return size


def read_limited(path: Path, limit: int, kind: str, error: ErrorFactory) -> bytes:
    """The file's bytes, checked as checked_size() does; a read that fails says why."""
    checked_size(path, limit, kind, error)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise error(path, exc.strerror or str(exc)) from None
    if len(data) > limit:  # it grew between the check and the read
        raise error(path, said("the file is too large ({size:.0f} MB) to be a {kind}").format(
            size=len(data) / 1e6, kind=kind))
    return data
