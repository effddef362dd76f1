"""The one undoable command: swap the document's ProjectSong value, merging consecutive steps of one gesture."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtGui import QUndoCommand

from composer_app.gui.project.project_format import ProjectSong

# QUndoStack only tries to merge commands sharing an id(); the merge key then decides.
MERGEABLE_ID = 1

Selection = tuple[int, frozenset] | None


class EditTarget(Protocol):
    """What a command edits: the SongDocument, which knows how to take a whole state and a selection hint."""

    def _set_state(self, state: ProjectSong, selection: Selection) -> None: ...


class SongEditCommand(QUndoCommand):
    """Replace the whole song state; undo puts the previous value back, so undo is exact by construction.

    merge_key: commands pushed in a row with the same key (one drag, one spin of the tempo box) become one
    undo step. selection_before/after: (track index, notes) the view should select after undo/redo.
    """

    def __init__(self, document: EditTarget, before: ProjectSong, after: ProjectSong, text: str,
                 merge_key: object = None, selection_before: Selection = None, selection_after: Selection = None):
        super().__init__(text)
        self._document = document
        self.before = before
        self.after = after
        self.merge_key = merge_key
        self.selection_before = selection_before
        self.selection_after = selection_after
        self._first_redo = True

    def id(self) -> int:
        return MERGEABLE_ID if self.merge_key is not None else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, SongEditCommand) or other.merge_key != self.merge_key:
            return False
        self.after = other.after
        self.selection_after = other.selection_after
        return True

    def redo(self) -> None:
        # The first redo happens inside push(): the view that made the edit already shows its selection.
        hint = None if self._first_redo else self.selection_after
        self._first_redo = False
        self._document._set_state(self.after, hint)

    def undo(self) -> None:
        self._document._set_state(self.before, self.selection_before)
