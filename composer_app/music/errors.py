"""Errors the music core raises for input a user can get wrong."""

from __future__ import annotations

from pathlib import Path


class MusicFileError(Exception):
    """A music file could not be read or written; the message names the file and the problem."""

    def __init__(self, path: str | Path, problem: str):
        self.path = Path(path)
        self.problem = problem
        super().__init__(f"{self.path}: {problem}")


class PrimerError(ValueError):
    """A textual primer (Magenta's --primer_melody and friends) is malformed.

    `position` is the 0-based character offset of the offending token.
    """

    def __init__(self, text: str, position: int, problem: str):
        self.text = text
        self.position = position
        self.problem = problem
        pointer = f"\n  {text}\n  {' ' * position}^" if text else ""
        super().__init__(f"{problem} (at character {position + 1}){pointer}")
