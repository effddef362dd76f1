"""Errors the music core raises for input a user can get wrong: music files, textual primers, chord symbols."""

from __future__ import annotations

from pathlib import Path

from composer_app.errors import ComposerError
from composer_app.said import said


class MusicError(ComposerError):
    """Music that cannot be read or used as asked."""


class MusicFileError(MusicError):
    """A music file could not be read or written; the message names the file and the problem."""

    hint = said("Check that it is a MIDI, MusicXML, ABC or Humdrum file and that it is not damaged, or choose another.")

    def __init__(self, path: str | Path, problem: str, hint: str | None = None):
        self.path = Path(path)
        self.problem = problem
        super().__init__(said("{path}: {problem}").format(path=str(self.path), problem=problem), hint=hint)


class PrimerError(MusicError):
    """A textual primer (Magenta's --primer_melody and friends) is malformed.

    `position` is the 0-based character offset of the offending token.
    """

    hint = said("Fix the primer at the marked character; see --help for the notation.")

    def __init__(self, text: str, position: int, problem: str):
        self.text = text
        self.position = position
        self.problem = problem
        pointer = f"\n  {text}\n  {' ' * position}^" if text else ""
        super().__init__(said("{problem} (at character {position}){pointer}").format(
            problem=problem, position=position + 1, pointer=pointer))
